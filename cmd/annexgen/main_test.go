package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/checklist/form"
)

// result is what one command line did.
type result struct {
	status         int
	stdout, stderr string
}

// annexgen runs a command line in process, with the given environment.
func annexgen(t *testing.T, environ map[string]string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{
		stdout: &out,
		stderr: &errOut,
		getenv: func(k string) string { return environ[k] },
		ctx:    context.Background(),
	}
	status := run(e, args)
	return result{status, out.String(), errOut.String()}
}

func sample(name string) string { return filepath.Join("..", "..", "samples", name) }

// copyFile copies src into dir and returns the new path.
func copyFile(t *testing.T, src, dir string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, filepath.Base(src))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// blankForm writes a fresh form, which has validation errors (nobody is
// accountable for anything yet).
func blankForm(t *testing.T, path string) {
	t.Helper()
	var buf bytes.Buffer
	if err := form.Write(&buf, form.Form{Vendors: []string{"株式会社テスト"}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args       []string
		status     int
		wantStderr string
	}{
		{nil, exitUsage, "使い方"},
		{[]string{"frobnicate"}, exitUsage, "「frobnicate」というコマンドはありません"},
		{[]string{"validate"}, exitUsage, "確認するファイルを指定してください"},
		{[]string{"validate", "--format", "xml", "x.xlsx"}, exitUsage, "--format には text か json"},
		{[]string{"validate", "--bogus", "x.xlsx"}, exitUsage, "知らないオプションです: --bogus"},
		{[]string{"render"}, exitUsage, "変換する確認表"},
		{[]string{"render", "--doc", "memo", "x.xlsx"}, exitUsage, "--doc には annex、memorandum か sla"},
		{[]string{"render", "--to", "odt", "x.xlsx"}, exitUsage, "--to には md、pdf、docx"},
		{[]string{"render", "-j", "0", "x.xlsx"}, exitUsage, "-j には 1 以上"},
		{[]string{"render", "--templates", "/nonexistent", "x.xlsx"}, exitUsage, "ひな形のフォルダが見つかりません"},
		{[]string{"init", "extra"}, exitUsage, "余分な引数があります"},
		{[]string{"render", "-o", "main.go", "x.xlsx"}, exitUsage, "main.go: 出力先（-o）はフォルダを指定してください"},
		{[]string{"render", "-o", "out", "../../samples/clinic.xlsx", "../../samples/../samples/clinic.xlsx"}, exitUsage, "同じ名前になります"},
	}
	for _, tt := range tests {
		r := annexgen(t, nil, tt.args...)
		if r.status != tt.status || !strings.Contains(r.stderr, tt.wantStderr) {
			t.Errorf("annexgen %q: status %d, stderr %q; want %d and %q", tt.args, r.status, r.stderr, tt.status, tt.wantStderr)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, cmd := range []string{"init", "validate", "render", "templates"} {
		r := annexgen(t, nil, cmd, "--help")
		if r.status != exitOK || !strings.Contains(r.stdout, "annexgen "+cmd) || !strings.Contains(r.stdout, "オプション") || r.stderr != "" {
			t.Errorf("%s --help: status %d, stdout %q, stderr %q; want the help on stdout", cmd, r.status, r.stdout, r.stderr)
		}
	}
}

func TestVersion(t *testing.T) {
	r := annexgen(t, nil, "version")
	if r.status != exitOK || !strings.HasPrefix(r.stdout, "annexgen ") {
		t.Errorf("version: %d %q", r.status, r.stdout)
	}
}

func TestInitRefusesOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "確認表.xlsx")
	if r := annexgen(t, nil, "init", "-o", path, "--vendor", "株式会社A"); r.status != exitOK {
		t.Fatalf("init: %d %s", r.status, r.stderr)
	}
	before, _ := os.ReadFile(path)
	r := annexgen(t, nil, "init", "-o", path, "--vendor", "株式会社B")
	if r.status != exitWrite || !strings.Contains(r.stderr, "--force") {
		t.Errorf("second init: status %d, stderr %q; want refusal naming --force", r.status, r.stderr)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the existing workbook was changed")
	}
	if r := annexgen(t, nil, "init", "-o", path, "--force"); r.status != exitOK {
		t.Errorf("init --force: %d %s", r.status, r.stderr)
	}
}

func TestValidateSamples(t *testing.T) {
	for _, name := range []string{"clinic.xlsx", "hospital.xlsx"} {
		r := annexgen(t, nil, "validate", sample(name))
		if r.status != exitOK {
			t.Errorf("validate %s: status %d\n%s", name, r.status, r.stdout)
		}
		if !strings.HasPrefix(r.stdout, sample(name)+": ") {
			t.Errorf("validate %s: output does not start with the file name: %q", name, r.stdout)
		}
	}
}

func TestValidateJSON(t *testing.T) {
	dir := t.TempDir()
	blank := filepath.Join(dir, "blank.xlsx")
	blankForm(t, blank)
	notBook := filepath.Join(dir, "memo.xlsx")
	os.WriteFile(notBook, []byte("これは表ではありません"), 0o644)

	r := annexgen(t, nil, "validate", "--format", "json", sample("clinic.xlsx"), blank, notBook)
	if r.status != exitRejected {
		t.Errorf("status %d, want %d", r.status, exitRejected)
	}
	var doc struct {
		Files []struct {
			File     string `json:"file"`
			Errors   int    `json:"errors"`
			Warnings int    `json:"warnings"`
			Findings []map[string]any
		} `json:"files"`
	}
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("JSON: %v\n%s", err, r.stdout)
	}
	if len(doc.Files) != 3 {
		t.Fatalf("%d files in JSON, want 3", len(doc.Files))
	}
	if doc.Files[0].Errors != 0 {
		t.Errorf("clinic: %d errors", doc.Files[0].Errors)
	}
	if doc.Files[1].File != blank || doc.Files[1].Errors == 0 {
		t.Errorf("blank form: %+v, want errors", doc.Files[1])
	}
	for _, f := range doc.Files {
		for _, fd := range f.Findings {
			for _, k := range []string{"code", "severity", "sheet", "cell", "item", "message"} {
				if _, ok := fd[k]; !ok {
					t.Errorf("%s: finding %v lacks %q", f.File, fd, k)
				}
			}
			if len(fd) != 6 {
				t.Errorf("%s: finding has keys beyond the contract: %v", f.File, fd)
			}
		}
	}
	last := doc.Files[2]
	if last.Errors != 1 || len(last.Findings) != 1 || last.Findings[0]["code"] != "file-unreadable" {
		t.Errorf("not a workbook: %+v", last)
	}
}

func TestValidateNamesCells(t *testing.T) {
	blank := filepath.Join(t.TempDir(), "blank.xlsx")
	blankForm(t, blank)
	r := annexgen(t, nil, "validate", blank)
	if r.status != exitRejected {
		t.Errorf("status %d, want %d", r.status, exitRejected)
	}
	// Errors come first and name sheet and cell.
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) < 2 || !strings.HasPrefix(strings.TrimSpace(lines[1]), "エラー") {
		t.Fatalf("first finding is not an error:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "owner-missing") || !strings.Contains(r.stdout, "Part1!") {
		t.Errorf("no owner-missing finding with a Part1 cell:\n%s", r.stdout)
	}
}

func TestRenderWritesAndRefusesOverwrite(t *testing.T) {
	out := t.TempDir()
	r := annexgen(t, nil, "render", "--to", "md", "-o", out, sample("clinic.xlsx"))
	if r.status != exitOK {
		t.Fatalf("render: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	md := filepath.Join(out, "clinic.annex.md")
	before, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	r = annexgen(t, nil, "render", "--to", "md", "-o", out, sample("clinic.xlsx"))
	if r.status != exitWrite || !strings.Contains(r.stderr, "--force") {
		t.Errorf("second render: status %d, stderr %q; want refusal", r.status, r.stderr)
	}
	if after, _ := os.ReadFile(md); !bytes.Equal(before, after) {
		t.Error("output changed without --force")
	}
	if r := annexgen(t, nil, "render", "--to", "md", "--force", "-o", out, sample("clinic.xlsx")); r.status != exitOK {
		t.Errorf("render --force: %d %s", r.status, r.stdout)
	}
	if after, _ := os.ReadFile(md); !bytes.Equal(before, after) {
		t.Error("same input gave different bytes")
	}
}

func TestRenderPerVendor(t *testing.T) {
	out := t.TempDir()
	r := annexgen(t, nil, "render", "--to", "md", "--doc", "sla", "--per-vendor", "-o", out, sample("hospital.xlsx"))
	if r.status != exitOK {
		t.Fatalf("render: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	for _, name := range []string{"hospital.sla.A.md", "hospital.sla.B.md"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s missing: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "hospital.sla.md")); err == nil {
		t.Error("a whole document was written with --per-vendor")
	}
}

func TestRenderFolderGoesOnPastBadFiles(t *testing.T) {
	in := t.TempDir()
	copyFile(t, sample("clinic.xlsx"), filepath.Join(in, "東京"))
	blankForm(t, filepath.Join(in, "blank.xlsx"))
	os.MkdirAll(filepath.Join(in, "大阪"), 0o755)
	os.WriteFile(filepath.Join(in, "大阪", "broken.xlsx"), []byte("PK\x03\x04broken"), 0o644)
	os.WriteFile(filepath.Join(in, "~$clinic.xlsx"), []byte("lock"), 0o644)
	os.WriteFile(filepath.Join(in, "古い様式.xls"), []byte("\xd0\xcf\x11\xe0"), 0o644)
	out := t.TempDir()

	r := annexgen(t, nil, "render", "--to", "md", "-o", out, in)
	if r.status != exitRejected {
		t.Errorf("status %d, want %d\n%s", r.status, exitRejected, r.stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "東京", "clinic.annex.md")); err != nil {
		t.Errorf("good file not rendered under its relative path: %v", err)
	}
	var files []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 1 {
		t.Errorf("outputs %v, want only the clinic's", files)
	}
	for _, want := range []string{"古い様式.xls: 作成しませんでした", "blank.xlsx: 作成しませんでした", "broken.xlsx: 作成しませんでした", "4件中 作成 1件、エラーのため作成せず 3件"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("summary lacks %q:\n%s", want, r.stderr)
		}
	}
}

func TestTemplatesOverride(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tmpl")
	r := annexgen(t, nil, "templates", "-o", dir)
	if r.status != exitOK {
		t.Fatalf("templates: %d %s", r.status, r.stderr)
	}
	annex := filepath.Join(dir, "annex.md.tmpl")
	b, err := os.ReadFile(annex)
	if err != nil {
		t.Fatal(err)
	}
	// Users edit the wording; the edit shows in the document.
	header := `{{template "header.md.tmpl" .}}`
	if !strings.Contains(string(b), header) {
		t.Fatalf("annex.md.tmpl does not include %s", header)
	}
	edited := strings.Replace(string(b), header, header+"\n\n独自の前文を追加しました。\n", 1)
	os.WriteFile(annex, []byte(edited), 0o644)
	out := t.TempDir()
	r = annexgen(t, nil, "render", "--to", "md", "--templates", dir, "-o", out, sample("clinic.xlsx"))
	if r.status != exitOK {
		t.Fatalf("render: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	md, _ := os.ReadFile(filepath.Join(out, "clinic.annex.md"))
	if !strings.Contains(string(md), "独自の前文を追加しました。") {
		t.Error("the edited template was not used")
	}
	// A broken template is a usage error naming the file.
	os.WriteFile(annex, []byte("{{ .Nope "), 0o644)
	r = annexgen(t, nil, "render", "--to", "md", "--force", "--templates", dir, "-o", out, sample("clinic.xlsx"))
	if r.status != exitUsage || !strings.Contains(r.stderr, "annex.md.tmpl") {
		t.Errorf("broken template: status %d, stderr %q", r.status, r.stderr)
	}
}

func TestRenderPDFAndJSON(t *testing.T) {
	out := t.TempDir()
	empty := t.TempDir()
	r := annexgen(t, nil, "render", "--json", "-o", out, sample("hospital.xlsx"), empty)
	if strings.Contains(r.stderr, "PDF を作成できません") {
		t.Skipf("no Japanese font on this machine: %s", r.stderr)
	}
	if r.status != exitRejected || !strings.Contains(r.stderr, "フォルダの中に確認表（.xlsx）がありません") {
		t.Fatalf("render with an empty folder: %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	var doc struct {
		Files []struct {
			File     string   `json:"file"`
			Status   string   `json:"status"`
			Outputs  []string `json:"outputs"`
			Errors   int      `json:"errors"`
			Warnings int      `json:"warnings"`
			Millis   *int64   `json:"ms"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("JSON: %v\n%s", err, r.stdout)
	}
	if len(doc.Files) != 1 {
		t.Fatalf("%d files", len(doc.Files))
	}
	f := doc.Files[0]
	// hospital.xlsx says 文書種別 SLA, and --doc is not given.
	want := []string{filepath.Join(out, "hospital.sla.md"), filepath.Join(out, "hospital.sla.pdf")}
	if f.Status != "done" || f.Errors != 0 || f.Warnings != 3 || f.Millis == nil || strings.Join(f.Outputs, ",") != strings.Join(want, ",") {
		t.Errorf("result %+v, want done with outputs %v and the sample's 3 warnings", f, want)
	}
	first, err := os.ReadFile(want[1])
	if err != nil || !bytes.HasPrefix(first, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %v", err)
	}
	if r := annexgen(t, nil, "render", "--force", "-o", out, sample("hospital.xlsx")); r.status != exitOK {
		t.Fatalf("second render: %d %s", r.status, r.stdout)
	}
	if r := annexgen(t, nil, "render", "--doc", "annex", "-o", out, sample("hospital.xlsx")); r.status != exitOK {
		t.Errorf("--doc annex: %d %s", r.status, r.stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "hospital.annex.pdf")); err != nil {
		t.Errorf("--doc annex did not override 文書種別: %v", err)
	}
	if second, _ := os.ReadFile(want[1]); !bytes.Equal(first, second) {
		t.Error("the same workbook gave a different PDF")
	}
}

func TestRenderRejectsStrict(t *testing.T) {
	out := t.TempDir()
	r := annexgen(t, nil, "render", "--to", "md", "--strict", "-o", out, sample("hospital.xlsx"))
	if r.status != exitRejected {
		t.Errorf("status %d, want %d (open items are errors with --strict)\n%s", r.status, exitRejected, r.stdout)
	}
	if !strings.Contains(r.stderr, "Part1!E12") || !strings.Contains(r.stderr, "open-item") {
		t.Errorf("the open item's cell is not named:\n%s", r.stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a rejected workbook produced %d files", len(entries))
	}
}

func TestMissingFontStillWritesMarkdown(t *testing.T) {
	out := t.TempDir()
	r := annexgen(t, nil, "render", "--font", filepath.Join(out, "nosuchfont.ttf"), "-o", out, sample("clinic.xlsx"))
	if r.status != exitWrite || !strings.Contains(r.stderr, "nosuchfont.ttf") {
		t.Errorf("status %d, stderr %q; want 2 and a message naming the font", r.status, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "clinic.annex.md")); err != nil {
		t.Errorf("Markdown not written: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "clinic.annex.pdf")); err == nil {
		t.Error("a PDF was written without a font")
	}
}

func TestMissingFontEndsPDFOnlyRun(t *testing.T) {
	out := t.TempDir()
	r := annexgen(t, nil, "render", "--to", "pdf", "--font", filepath.Join(out, "nosuchfont.ttf"), "-o", out, sample("clinic.xlsx"), sample("hospital.xlsx"))
	if r.status != exitWrite || !strings.Contains(r.stderr, "nosuchfont.ttf") {
		t.Errorf("status %d, stderr %q; want 2 and a message naming the font", r.status, r.stderr)
	}
	if strings.Contains(r.stderr, "hospital.xlsx") || r.stdout != "" {
		t.Errorf("a workbook was read although no PDF could be made:\nstdout %q\nstderr %q", r.stdout, r.stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("%d files written without a font", len(entries))
	}
}

func TestValidateFolder(t *testing.T) {
	in := t.TempDir()
	copyFile(t, sample("clinic.xlsx"), filepath.Join(in, "a"))
	copyFile(t, sample("hospital.xlsx"), filepath.Join(in, "b"))
	os.WriteFile(filepath.Join(in, "古い様式.xls"), []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), 0o644)
	r := annexgen(t, nil, "validate", in)
	if r.status != exitRejected {
		t.Errorf("status %d, want %d (the .xls cannot be read)\n%s", r.status, exitRejected, r.stdout)
	}
	for _, want := range []string{
		filepath.Join(in, "古い様式.xls") + ": エラー 1件",
		filepath.Join(in, "a", "clinic.xlsx") + ": 問題はありません",
		filepath.Join(in, "b", "hospital.xlsx") + ": エラー 0件、警告 3件",
		"3ファイルを確認しました",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
}
