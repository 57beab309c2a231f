package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/internal/tools/badgen"
)

// TestRenderStreams renders a good and a rejected workbook: stdout holds
// the files written, one a line, and nothing else; the findings, the
// rejection and the summary naming the rejected file go to stderr. With
// --json, stdout is the JSON document alone.
func TestRenderStreams(t *testing.T) {
	dir := t.TempDir()
	blank := filepath.Join(dir, "blank.xlsx")
	blankForm(t, blank)
	hospital := copyFile(t, sample("hospital.xlsx"), dir)
	out := filepath.Join(dir, "out")
	r := annexgen(t, nil, "render", "--to", "md", "-o", out, hospital, blank)
	if r.status != exitRejected {
		t.Fatalf("status %d, want %d\n%s", r.status, exitRejected, r.stderr)
	}
	if want := filepath.Join(out, "hospital.sla.md") + "\n"; r.stdout != want {
		t.Errorf("stdout %q, want %q alone", r.stdout, want)
	}
	for _, want := range []string{
		hospital + ": エラー 0件、警告 3件", // the warnings of a file written
		"(open-item)",
		blank + ": 作成しませんでした: エラーが",
		"2件中 作成 1件、エラーのため作成せず 1件、書き込み失敗 0件",
		"文書を作成しなかった確認表（1件）:\n  " + blank + "\n",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}

	r = annexgen(t, nil, "render", "--json", "--to", "md", "--force", "-o", out, hospital, blank, dir+"/none")
	var doc map[string]any
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	if err := dec.Decode(&doc); err != nil || dec.More() {
		t.Errorf("stdout is not one JSON document (%v):\n%s", err, r.stdout)
	}
	if r.stderr != "" {
		t.Errorf("--json: stderr %q, want nothing: every file is in the JSON document", r.stderr)
	}
}

// TestUnreadableFileJSON checks that render --json and validate --format
// json report a file that is not a workbook alike: one file-unreadable
// error finding, errors 1.
func TestUnreadableFileJSON(t *testing.T) {
	dir := t.TempDir()
	memo := filepath.Join(dir, "memo.xlsx")
	os.WriteFile(memo, []byte("これは表ではありません"), 0o644)
	type report struct {
		Files []struct {
			File     string              `json:"file"`
			Findings []map[string]string `json:"findings"`
			Errors   int                 `json:"errors"`
			Status   string              `json:"status"`
		} `json:"files"`
	}
	var reports [2]report
	for i, args := range [][]string{
		{"validate", "--format", "json", memo},
		{"render", "--json", "-o", filepath.Join(dir, "out"), memo},
	} {
		r := annexgen(t, nil, args...)
		if r.status != exitRejected {
			t.Errorf("%s: status %d, want %d", args[0], r.status, exitRejected)
		}
		if err := json.Unmarshal([]byte(r.stdout), &reports[i]); err != nil || len(reports[i].Files) != 1 {
			t.Fatalf("%s: %v\n%s", args[0], err, r.stdout)
		}
		f := reports[i].Files[0]
		if f.Errors != 1 || len(f.Findings) != 1 || f.Findings[0]["code"] != "file-unreadable" || f.Findings[0]["severity"] != "error" {
			t.Errorf("%s: %+v, want one file-unreadable error", args[0], f)
		}
	}
	if v, r := reports[0].Files[0], reports[1].Files[0]; v.Findings[0]["message"] != r.Findings[0]["message"] || r.Status != "rejected" {
		t.Errorf("validate says %q, render %q (%s)", v.Findings[0]["message"], r.Findings[0]["message"], r.Status)
	}
}

// TestEnvPasswordTrimmed sets ANNEXGEN_PASSWORD with the line break a
// shell's $(cat file) or an editor leaves: it opens the workbook as the
// same text in --password-file does.
func TestEnvPasswordTrimmed(t *testing.T) {
	path := badFile(t, t.TempDir(), "password.xlsx")
	r := annexgen(t, map[string]string{passwordEnv: badgen.Password + "\r\n"}, "validate", path)
	if r.status != exitOK {
		t.Errorf("status %d\n%s", r.status, r.stdout)
	}
}

// TestEmptyStem refuses an input named ".xlsx", whose outputs would be
// named ".annex.md" beside the output folder.
func TestEmptyStem(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in", ".xlsx")
	copyFile(t, sample("clinic.xlsx"), filepath.Join(dir, "in"))
	os.Rename(filepath.Join(dir, "in", "clinic.xlsx"), in)
	out := filepath.Join(dir, "out")
	r := annexgen(t, nil, "render", "--to", "md", "-o", out, in)
	if r.status != exitRejected || !strings.Contains(r.stderr, "ファイル名が拡張子だけです") {
		t.Errorf("status %d\n%s", r.status, r.stderr)
	}
	if files := listFiles(t, dir); len(files) != 1 {
		t.Errorf("files %v, want the input alone", files)
	}
}

// TestLinkInsideOutput puts a link to another folder inside -o where a
// subfolder's outputs go: nothing is written through it.
func TestLinkInsideOutput(t *testing.T) {
	dir := t.TempDir()
	in, out, elsewhere := filepath.Join(dir, "in"), filepath.Join(dir, "out"), filepath.Join(dir, "elsewhere")
	copyFile(t, sample("clinic.xlsx"), filepath.Join(in, "sub"))
	os.MkdirAll(out, 0o755)
	os.MkdirAll(elsewhere, 0o755)
	if err := os.Symlink(elsewhere, filepath.Join(out, "sub")); err != nil {
		t.Fatal(err)
	}
	r := annexgen(t, nil, "render", "--to", "md", "-o", out, in)
	if r.status != exitWrite || !strings.Contains(r.stderr, "リンク（シンボリックリンク）があります") {
		t.Errorf("status %d, want %d and the link named\n%s", r.status, exitWrite, r.stderr)
	}
	if files := listFiles(t, elsewhere); len(files) != 0 {
		t.Errorf("written through the link: %v", files)
	}
}

// TestForceKeepsEarlierOutputs renders over earlier outputs when the new
// PDF cannot be put in place (a folder has its name): the earlier
// Markdown is still there, unchanged, and no temporary file is left.
func TestForceKeepsEarlierOutputs(t *testing.T) {
	out := t.TempDir()
	md := filepath.Join(out, "clinic.annex.md")
	os.WriteFile(md, []byte("以前の版"), 0o644)
	os.MkdirAll(filepath.Join(out, "clinic.annex.pdf", "中身"), 0o755)
	r := annexgen(t, nil, "render", "--force", "-o", out, sample("clinic.xlsx"))
	if strings.Contains(r.stderr, "PDF を作成できません") {
		t.Skipf("no Japanese font: %s", r.stderr)
	}
	if r.status != exitWrite || !strings.Contains(r.stderr, "clinic.annex.pdf: 出力ファイルを書き込めません（同じ名前のフォルダがあります）") {
		t.Errorf("status %d\n%s", r.status, r.stderr)
	}
	if b, _ := os.ReadFile(md); string(b) != "以前の版" {
		t.Errorf("the earlier Markdown became %.40q", b)
	}
	if files := listFiles(t, out); len(files) != 1 {
		t.Errorf("files %v, want the earlier Markdown alone", files)
	}
	if r.stdout != "" {
		t.Errorf("stdout %q, want nothing: no file was written", r.stdout)
	}
}

// TestSkipExistingResumes resumes a batch that was interrupted: the files
// whose outputs exist are skipped, the others rendered, and no --force is
// needed.
func TestSkipExistingResumes(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	copyFile(t, sample("clinic.xlsx"), in)
	copyFile(t, sample("hospital.xlsx"), in)
	out := filepath.Join(dir, "out")
	// An interrupted batch wrote the clinic's document only.
	if r := annexgen(t, nil, "render", "--to", "md", "-o", out, filepath.Join(in, "clinic.xlsx")); r.status != exitOK {
		t.Fatalf("first run: %d\n%s", r.status, r.stderr)
	}
	clinic := filepath.Join(out, "clinic.annex.md")
	os.WriteFile(clinic, []byte("書き換えないこと"), 0o644)
	r := annexgen(t, nil, "render", "--to", "md", "--skip-existing", "-o", out, in)
	if r.status != exitOK {
		t.Fatalf("--skip-existing: status %d\n%s", r.status, r.stderr)
	}
	if b, _ := os.ReadFile(clinic); string(b) != "書き換えないこと" {
		t.Error("--skip-existing replaced an existing output")
	}
	if want := filepath.Join(out, "hospital.sla.md") + "\n"; r.stdout != want {
		t.Errorf("stdout %q, want %q", r.stdout, want)
	}
	if !strings.Contains(r.stderr, filepath.Join(in, "clinic.xlsx")+": 出力が既にあるため飛ばしました") || !strings.Contains(r.stderr, "作成済みのため飛ばした 1件") {
		t.Errorf("stderr does not name the skipped file:\n%s", r.stderr)
	}
	// With the kind given, a file done is skipped without being read: a
	// file that is no longer a workbook is not even noticed.
	os.WriteFile(filepath.Join(in, "clinic.xlsx"), []byte("壊れた"), 0o644)
	r = annexgen(t, nil, "render", "--to", "md", "--doc", "annex", "--skip-existing", "-o", out, filepath.Join(in, "clinic.xlsx"))
	if r.status != exitOK || !strings.Contains(r.stderr, "出力が既にあるため飛ばしました") {
		t.Errorf("--doc annex --skip-existing: status %d\n%s", r.status, r.stderr)
	}
	copyFile(t, sample("clinic.xlsx"), in)
	// Without it, the existing outputs are refused, with a hint.
	r = annexgen(t, nil, "render", "--to", "md", "-o", out, in)
	if r.status != exitWrite || !strings.Contains(r.stderr, "--skip-existing") {
		t.Errorf("without --skip-existing: status %d, want %d and a hint\n%s", r.status, exitWrite, r.stderr)
	}
	if r := annexgen(t, nil, "render", "--force", "--skip-existing", in); r.status != exitUsage {
		t.Errorf("--force with --skip-existing: status %d, want %d", r.status, exitUsage)
	}
}
