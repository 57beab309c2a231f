package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/internal/batch"
	"github.com/annexgen/annexgen/internal/convert"
	"github.com/annexgen/annexgen/internal/tools/badgen"
	"github.com/annexgen/annexgen/render/markdown"
)

// badDir is the catalogue of broken and hostile inputs (see internal/tools/badgen).
var badDir = filepath.Join("..", "..", "checklist", "xlsx", "testdata", "bad")

// badFile copies a catalogue file into dir, or writes a big one there, and
// returns its path.
func badFile(t *testing.T, dir, name string) string {
	t.Helper()
	var data []byte
	for _, c := range badgen.Cases() {
		if c.Name == name && c.Big {
			b, err := c.Build()
			if err != nil {
				t.Fatal(err)
			}
			data = b
		}
	}
	if data == nil {
		b, err := os.ReadFile(filepath.Join(badDir, name))
		if err != nil {
			t.Fatal(err)
		}
		data = b
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// hasLine reports whether text has a line equal to line.
func hasLine(text, line string) bool {
	return slices.Contains(strings.Split(text, "\n"), line)
}

// listFiles returns the files below dir, relative to it.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, rel)
		}
		return nil
	})
	return files
}

// The reasons a file is not read, as the reader words them.
const (
	notXLSX   = "Excel ブック（.xlsx）ではありません。確認表の .xlsx ファイルを指定してください。"
	xlsReason = "古い Excel 形式（.xls）のファイルです。Excel で開き、「Excel ブック (*.xlsx)」の形式で保存し直してください。"
	broken    = "ファイルが壊れているため読み込めません。Excel で開けるか確かめ、保存し直してください。"
	brokenP1  = "シート「Part1」が壊れているため読み込めません。Excel で開けるか確かめ、保存し直してください。"
	badText   = "セルの文字のデータが壊れているため読み込めません（文字コードが正しくないか、使えない制御文字があります）。Excel で開けるか確かめ、保存し直してください。"
	pwMissing = "パスワードで保護されています。パスワードを指定するか、保護を解除して保存し直してください。" +
		"パスワードは、パスワードを書いたファイルを --password-file で指定するか、環境変数 ANNEXGEN_PASSWORD に設定して渡します。"
	pwWrong = "パスワードが違います。正しいパスワードを指定してください。"
)

// badCase is one kind of bad input and what annexgen must say about it.
type badCase struct {
	file   string            // catalogue file
	env    map[string]string // environment
	flags  []string          // extra flags for both commands
	status int               // exit status of validate and render
	// renderStatus is the exit status of render where it differs from
	// validate's (a warning of validate that render refuses).
	renderStatus int
	reason       string // a file that is not read: its reason, or
	line         string // the finding line that validate prints (after the file line)
	errors       int    // the number of errors that stop render
	outputs      int    // files render writes (md and pdf) when it renders
}

var badCases = []badCase{
	{file: "empty.xlsx", status: 1, reason: "ファイルが空です（0 バイト）。確認表の .xlsx ファイルを指定してください。"},
	{file: "text.xlsx", status: 1, reason: notXLSX},
	{file: "pdf.xlsx", status: 1, reason: notXLSX},
	{file: "truncated.xlsx", status: 1, reason: broken},
	{file: "docx.xlsx", status: 1, reason: "Word 文書（.docx）です。確認表の .xlsx ファイルを指定してください。"},
	{file: "zip.xlsx", status: 1, reason: notXLSX},
	{file: "xlsb.xlsx", status: 1, reason: "Excel バイナリブック（.xlsb）です。Excel で開き、「Excel ブック (*.xlsx)」の形式で保存し直してください。"},
	{file: "legacy.xls", status: 1, reason: xlsReason},
	{file: "legacy-xls.xlsx", status: 1, reason: xlsReason},
	{file: "ods-renamed.xlsx", status: 1, reason: "OpenDocument 形式（.ods）のファイルです。「Excel 2007-365 (.xlsx)」の形式で保存し直してください。"},
	{file: "brokenxml.xlsx", status: 1, reason: brokenP1},
	{file: "bad-utf8.xlsx", status: 1, reason: badText},
	{file: "raw-control.xlsx", status: 1, reason: badText},
	{file: "zipbomb.xlsx", status: 1, reason: "ファイルの中身を展開すると大きすぎます（128 MB 超）。確認表ではないか、壊れたファイルです。Excel で開けるか確かめ、保存し直してください。"},
	{file: "zipbomb-hidden.xlsx", status: 1, reason: brokenP1},
	{file: "xml-entities.xlsx", status: 1, reason: broken},
	{file: "rel-escape.xlsx", status: 1, reason: brokenP1},
	{file: "missing-part.xlsx", status: 1, errors: 1,
		line: "  エラー  Part1  Part1: 先頭30行に見出しの行（「項番」「項目」「内容」が並ぶ行）が見つかりません。見出しの行を入れてください。 (header-missing)"},
	{file: "many-parts.xlsx", status: 1, reason: "ファイルの中の部品（シートや画像など）が多すぎます（1万個超）。確認表ではないか、壊れたファイルです。Excel で開けるか確かめ、保存し直してください。"},
	{file: "password.xlsx", status: 1, reason: pwMissing},
	{file: "password.xlsx", env: map[string]string{passwordEnv: "ちがう"}, status: 1,
		reason: pwWrong + "（使ったパスワード: 環境変数 ANNEXGEN_PASSWORD）"},
	{file: "password.xlsx", env: map[string]string{passwordEnv: badgen.Password}, status: 0, outputs: 2},
	{file: "rows200k.xlsx", status: 1, reason: "ファイルの中の部品（xl/worksheets/sheet2.xml）が大きすぎます（展開して16 MB 超）。確認表の行だけを残し、不要な行や列・シートを削除してください。"},
	{file: "long-cell.xlsx", status: 1, errors: 1,
		line: "  エラー  Part1!I4  Part1 1「契約範囲」: セルの文字数が100000字あり、Excel のセルの上限（32767字）を超えています。内容を短くしてください。 (cell-too-long)"},
	{file: "sst-index.xlsx", status: 1, errors: 1,
		line: "  エラー  Part1!I4  Part1 1「契約範囲」: セルのデータが壊れていて値を読み取れません。セルに値を入力し直して保存してください。 (cell-broken)"},
	{file: "style-index.xlsx", status: 1, errors: 1,
		line: "  エラー  Part1!E5  Part1 2「責任者」: 完了日の「45474」は数値のままで、日付として表示されていません。セルの表示形式を「日付」にするか、2024/6/1 や 令和6年6月1日 のように入力してください。 (date-invalid)"},
	{file: "formula-errors.xlsx", status: 1, errors: 2,
		line: "  エラー  Part1!I4  Part1 1「契約範囲」: セルの値が数式のエラー（#REF!）になっています。数式を直すか、値を直接入力してください。 (cell-error)"},
	{file: "nosheets.xlsx", status: 1, errors: 2,
		line: "  エラー  -  確認表の項目のシート（「Part1」または「Part2」）がありません。項目を書いたシートの名前を「Part1」または「Part2」にしてください。 (header-missing)"},
	{file: "nosheet-info.xlsx", status: 1, errors: 1,
		line: "  エラー  基本情報  シート「基本情報」がありません。「基本情報」という名前のシートを作り、医療機関名・対象システム・事業者A などを入力してください。 (header-missing)"},
	{file: "renamed-sheets.xlsx", status: 0, outputs: 2,
		line: "  情報  チェックリスト  シート「チェックリスト」を、見出しの行と項目から Part1 のシートとして読み込みます。シート名を「Part1」にすると、このお知らせは出なくなります。 (sheet-renamed)"},
	{file: "no-header.xlsx", status: 1, errors: 1,
		line: "  エラー  Part1  Part1: 先頭30行に見出しの行（「項番」「項目」「内容」が並ぶ行）が見つかりません。見出しの行を入れてください。 (header-missing)"},
	{file: "dup-columns.xlsx", status: 1, errors: 1,
		line: "  エラー  Part1!K3  Part1: 列「合意内容」が2つあります（I列とK列）。どちらか一方にまとめてください。 (column-duplicate)"},
	{file: "missing-columns.xlsx", status: 1, errors: 2,
		line: "  エラー  Part2!A3  Part2: 見出しの行（3行目）に「完了日」の列がありません。見出しが「完了日」の列を追加してください。 (header-missing)"},
	{file: "dup-ids.xlsx", status: 1, errors: 1,
		line: "  エラー  Part1!A5  Part1 1「責任者」: 項番が4行目の項目と同じです。項番を振り直してください。 (id-duplicate)"},
	{file: "merge-all.xlsx", status: 1, errors: 2,
		line: "  エラー  Part1!A5  Part1: 5行目に項番がありません。項目の行であれば項番を入力し、不要な行であれば削除してください。 (number-missing)"},
	{file: "control-chars.xlsx", status: 0, outputs: 2,
		line: "  警告  Part1!I4  Part1 1「契約範囲」: セルに制御文字（U+0007 など、画面に表示されない文字）があります。文書には出せないため取り除きました。セルの内容を確かめてください。 (control-char)"},
	{file: "hidden.xlsx", status: 0, outputs: 2,
		line: "  情報  Part1!A5  Part1: 非表示の行（5行目）も、確認表の一部として読み込みます。 (rows-hidden)"},
	{file: "all-hidden.xlsx", status: 0, outputs: 2,
		line: "  情報  基本情報  シート「基本情報」は非表示ですが、確認表の一部として読み込みます。 (sheet-hidden)"},
	{file: "wide.xlsx", status: 0, outputs: 2,
		line: "  情報  Part1!V3  Part1: この列を含む残りの16363列も、確認表の列ではないため読み込みません。 (column-ignored)"},
	{file: "many-sheets.xlsx", status: 0, outputs: 2,
		line: "  情報  作業011  このシートを含む残りの190枚のシートも、確認表のシートではないため読み込みません。 (sheet-ignored)"},
	{file: "non-bmp.xlsx", status: 0, outputs: 2},
	{file: "markup.xlsx", status: 0, outputs: 2},
	{file: "vendors50.xlsx", status: 0, outputs: 2},
	{file: "vendors50.xlsx", flags: []string{"--per-vendor"}, status: 0, outputs: 100},
	{file: "merged-number.xlsx", status: 1, errors: 1, line: "  エラー  Part1!A5  " + mergedNumberLost},
	{file: "office1904.xlsx", status: 0, renderStatus: 1, errors: 1,
		line: "  警告  Part2  シート「Part2」がありません。Part1 だけの確認表として確認します。契約の文書を作るには Part2（医療機関と事業者が共同で実施する項目）のシートが必要です。該当しない項目は削除せず、初回確認を「対象外」にしてください。 (part-missing)"},
}

// mergedNumberLost is the items-lost finding of merged-number.xlsx, whose
// Part1 item in row 5 hides under a merged 項番.
const mergedNumberLost = "Part1: 5行目の項目が読み取った確認表にありません（シートの項目2件のうち1件）。文書から項目が抜け落ちるため、文書を作りません。Excel で開いて保存し直してから、もう一度お試しください。解決しない場合は開発元に報告してください。 (items-lost)"

// TestItemsLostEverywhere checks that a workbook whose item rows were not
// all read gets the same items-lost error from validate, validate
// --annotate and render, in text and JSON, with exit status 1.
func TestItemsLostEverywhere(t *testing.T) {
	dir := t.TempDir()
	path := badFile(t, dir, "merged-number.xlsx")
	type report struct {
		Files []struct {
			Errors   int                 `json:"errors"`
			Findings []map[string]string `json:"findings"`
		} `json:"files"`
	}
	var messages []string
	for _, args := range [][]string{
		{"validate", "--format", "json", path},
		{"validate", "--format", "json", "--annotate", "-o", filepath.Join(dir, "annotated"), path},
		{"render", "--json", "-o", filepath.Join(dir, "out"), path},
	} {
		r := annexgen(t, nil, args...)
		var rep report
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || len(rep.Files) != 1 {
			t.Fatalf("%v: %v\n%s", args, err, r.stdout)
		}
		f := rep.Files[0]
		if r.status != exitRejected || f.Errors != 1 || len(f.Findings) != 1 {
			t.Fatalf("%v: status %d, %+v; want one error", args, r.status, f)
		}
		fd := f.Findings[0]
		if fd["code"] != "items-lost" || fd["severity"] != "error" || fd["sheet"] != "Part1" || fd["cell"] != "A5" {
			t.Errorf("%v: finding %v, want items-lost at Part1!A5", args, fd)
		}
		messages = append(messages, fd["message"])
	}
	if messages[0] != messages[1] || messages[0] != messages[2] {
		t.Errorf("messages differ:\n%s", strings.Join(messages, "\n"))
	}
	if _, err := os.Stat(filepath.Join(dir, "annotated", "merged-number.findings.xlsx")); err != nil {
		t.Errorf("annotated copy: %v", err)
	}
	if files, _ := os.ReadDir(filepath.Join(dir, "out")); len(files) != 0 {
		t.Errorf("render wrote %d files", len(files))
	}
}

// rendered returns the exit status of render.
func (c badCase) rendered() int {
	if c.renderStatus != 0 {
		return c.renderStatus
	}
	return c.status
}

// TestBadInputs runs validate and render over every kind of bad input:
// each gets its own message and exit status, no panic, and render
// writes nothing for a rejected file.
func TestBadInputs(t *testing.T) {
	for _, tc := range badCases {
		name := strings.TrimSuffix(tc.file, filepath.Ext(tc.file))
		if len(tc.env) > 0 {
			name += "/env"
		}
		name += strings.Join(tc.flags, "")
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := badFile(t, dir, tc.file)

			if !slices.Contains(tc.flags, "--per-vendor") {
				v := annexgen(t, tc.env, append([]string{"validate"}, append(tc.flags, path)...)...)
				if v.status != tc.status {
					t.Errorf("validate: status %d, want %d\n%s", v.status, tc.status, v.stdout)
				}
				if tc.reason != "" && !hasLine(v.stdout, "  エラー  -  "+tc.reason+" (file-unreadable)") {
					t.Errorf("validate: no line with the reason %q:\n%s", tc.reason, v.stdout)
				}
				if tc.line != "" && !hasLine(v.stdout, tc.line) {
					t.Errorf("validate: no line %q:\n%s", tc.line, v.stdout)
				}
			}

			out := filepath.Join(dir, "out")
			args := append([]string{"render", "-o", out}, tc.flags...)
			r := annexgen(t, tc.env, append(args, path)...)
			if r.status != tc.rendered() {
				t.Fatalf("render: status %d, want %d\n%s%s", r.status, tc.rendered(), r.stdout, r.stderr)
			}
			files := listFiles(t, out)
			switch {
			case tc.reason != "":
				if !hasLine(r.stderr, path+": 作成しませんでした: "+tc.reason) {
					t.Errorf("render: no line with the reason:\n%s", r.stderr)
				}
			case tc.errors > 0:
				want := path + ": 作成しませんでした: エラーが" + strconv.Itoa(tc.errors) + "件あるため文書を作成しませんでした。annexgen validate で内容を確認してください"
				if !hasLine(r.stderr, want) || (tc.line != "" && !strings.HasPrefix(tc.line, "  情報") && tc.renderStatus == 0 && !hasLine(r.stderr, tc.line)) {
					t.Errorf("render: want %q and the finding:\n%s", want, r.stderr)
				}
			}
			if tc.rendered() != 0 && len(files) != 0 {
				t.Errorf("render wrote %v for a rejected file", files)
			}
			if tc.status == 0 && strings.Contains(r.stderr, "PDF を作成できません") {
				t.Skipf("no Japanese font: %s", r.stderr)
			}
			if len(files) != tc.outputs {
				t.Errorf("render wrote %d files, want %d: %v", len(files), tc.outputs, files)
			}
		})
	}
}

// TestBadPaths covers inputs that are not files: a folder named like a
// workbook, a missing file, a link that loops, an unreadable file.
func TestBadPaths(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "x.xlsx")
	os.Mkdir(folder, 0o755)
	loop := filepath.Join(dir, "loop.xlsx")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "なし.xlsx")
	tests := []struct {
		path, validate, render string
	}{
		{folder, "フォルダの中に確認表（.xlsx）がありません。", ""},
		{missing, "ファイルが見つかりません。ファイル名と場所を確かめてください。", ""},
		{loop, "リンク（シンボリックリンク）が循環していて、ファイルにたどり着けません。リンクではなくファイルそのものを指定してください。", ""},
	}
	if os.Geteuid() != 0 {
		locked := filepath.Join(dir, "locked.xlsx")
		os.WriteFile(locked, []byte("PK"), 0o000)
		tests = append(tests, struct{ path, validate, render string }{locked, "ファイルを開く権限がありません。", ""})
	}
	for _, tt := range tests {
		v := annexgen(t, nil, "validate", tt.path)
		if v.status != exitRejected || !hasLine(v.stdout, "  エラー  -  "+tt.validate+" (file-unreadable)") {
			t.Errorf("validate %s: status %d\n%s", tt.path, v.status, v.stdout)
		}
		if tt.render == "" {
			tt.render = tt.validate
		}
		out := filepath.Join(dir, "out")
		r := annexgen(t, nil, "render", "-o", out, tt.path)
		if r.status != exitRejected || !hasLine(r.stderr, tt.path+": 作成しませんでした: "+tt.render) {
			t.Errorf("render %s: status %d\n%s%s", tt.path, r.status, r.stdout, r.stderr)
		}
		if files := listFiles(t, out); len(files) != 0 {
			t.Errorf("render %s wrote %v", tt.path, files)
		}
	}
}

// TestFileDisappears removes a file after the folder was read and before
// it is converted: it is reported, not a crash.
func TestFileDisappears(t *testing.T) {
	in := t.TempDir()
	path := copyFile(t, sample("clinic.xlsx"), in)
	found, err := batch.Expand([]string{in})
	inputs := found.Inputs
	if err != nil || len(inputs) != 1 {
		t.Fatalf("Expand: %v %v", inputs, err)
	}
	os.Remove(path)
	pipeline, err := convert.New(convert.Options{Formats: []convert.Format{convert.Markdown}})
	if err != nil {
		t.Fatal(err)
	}
	r := (&batch.Converter{Pipeline: pipeline, OutDir: t.TempDir()}).Convert(inputs[0])
	if r.Status != batch.Rejected || r.Reason != path+": ファイルが見つかりません。ファイル名と場所を確かめてください。" {
		t.Errorf("result %+v", r)
	}
}

// TestPasswordSources gives the password in a file, and names the file
// when the password in it is wrong.
func TestPasswordSources(t *testing.T) {
	dir := t.TempDir()
	path := badFile(t, dir, "password.xlsx")
	right, wrong := filepath.Join(dir, "right.txt"), filepath.Join(dir, "wrong.txt")
	os.WriteFile(right, []byte(badgen.Password+"\r\n"), 0o600)
	os.WriteFile(wrong, []byte("ちがう\n"), 0o600)

	if r := annexgen(t, nil, "validate", "--password-file", right, path); r.status != exitOK {
		t.Errorf("right password file: status %d\n%s", r.status, r.stdout)
	}
	// The file wins over the environment.
	env := map[string]string{passwordEnv: badgen.Password}
	r := annexgen(t, env, "validate", "--password-file", wrong, path)
	want := "  エラー  -  " + pwWrong + "（使ったパスワード: --password-file のファイル " + wrong + "） (file-unreadable)"
	if r.status != exitRejected || !hasLine(r.stdout, want) {
		t.Errorf("wrong password file: status %d\n%s\nwant line %s", r.status, r.stdout, want)
	}
	r = annexgen(t, nil, "render", "--password-file", filepath.Join(dir, "none.txt"), "-o", dir, path)
	if r.status != exitUsage || !strings.Contains(r.stderr, "none.txt: パスワードファイルを読めません") {
		t.Errorf("missing password file: status %d, stderr %q", r.status, r.stderr)
	}
}

// TestGlyphsAndMarkup renders the workbooks whose text the PDF font lacks
// or that looks like markup: warnings, once per character, and literal text.
func TestGlyphsAndMarkup(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	nonBMP := badFile(t, dir, "non-bmp.xlsx")
	markup := badFile(t, dir, "markup.xlsx")
	r := annexgen(t, nil, "render", "-o", out, nonBMP, markup)
	if strings.Contains(r.stderr, "PDF を作成できません") {
		t.Skipf("no Japanese font: %s", r.stderr)
	}
	if r.status != exitOK {
		t.Fatalf("status %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	for _, c := range []string{"𠮷", "😀", "👍", "🏻"} {
		line := "文字「" + c + "」（U+" + fmt.Sprintf("%04X", []rune(c)[0]) + "）はフォントにないため、PDFでは〓と表示されます。通常の文字に置き換えるか（例: 𠮷→吉）、この文字を含むフォントを --font で指定してください (glyph-missing)"
		if n := strings.Count(r.stderr, line+"\n"); n != 1 {
			t.Errorf("glyph warning for %s printed %d times, want once:\n%s", c, n, r.stderr)
		}
	}
	if !strings.Contains(r.stderr, "  警告  -  「Part1 1 契約範囲」などにある文字「😀」") {
		t.Errorf("the warning for 😀 does not name the section it is in:\n%s", r.stderr)
	}
	md, err := os.ReadFile(filepath.Join(out, "non-bmp.annex.md"))
	if err != nil || !strings.Contains(string(md), "𠮷野家記念病院") || !strings.Contains(string(md), "😀👍🏻") {
		t.Errorf("the Markdown lost characters outside the BMP (%v)", err)
	}

	md, err = os.ReadFile(filepath.Join(out, "markup.annex.md"))
	if err != nil {
		t.Fatal(err)
	}
	for ref, text := range badgen.Markup {
		if !strings.Contains(string(md), markdown.Escape(text)) && !strings.Contains(string(md), markdown.EscapeLine(text)) {
			t.Errorf("%s is not in the Markdown as escaped text: %q", ref, markdown.Escape(text))
		}
	}
	if strings.Contains(string(md), "\n# 見出しのような項目") || strings.Contains(string(md), "<script>") {
		t.Error("cell text became Markdown or HTML")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(out, "markup.annex.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	for _, lit := range []string{"{{.Info.Hospital.Name}}", "<script>alert('x')</script>", "**強調**", "#見出しのような項目"} {
		if !strings.Contains(flat, strings.Join(strings.Fields(lit), "")) {
			t.Errorf("the PDF does not show %q literally", lit)
		}
	}
}

// TestVendorsPastZ renders one document per vendor for 50 vendors, keyed
// A … Z, AA … AX.
func TestVendorsPastZ(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	r := annexgen(t, nil, "render", "--to", "md", "--per-vendor", "-o", out, badFile(t, dir, "vendors50.xlsx"))
	if r.status != exitOK {
		t.Fatalf("status %d\n%s", r.status, r.stdout)
	}
	files := listFiles(t, out)
	if len(files) != 50 || !slices.Contains(files, "vendors50.annex.Z.md") || !slices.Contains(files, "vendors50.annex.AA.md") || !slices.Contains(files, "vendors50.annex.AX.md") {
		t.Fatalf("files %v", files)
	}
	md, _ := os.ReadFile(filepath.Join(out, "vendors50.annex.AX.md"))
	if !strings.Contains(string(md), "株式会社テスト50") || strings.Contains(string(md), "株式会社テスト49") {
		t.Error("vendor AX's document does not name vendor 50 alone")
	}
}

// TestBatchOfBadFiles renders a folder holding every file of the
// catalogue and a good workbook: the good ones are rendered, and the
// summary names each bad one.
func TestBatchOfBadFiles(t *testing.T) {
	in := t.TempDir()
	var bad, good []string
	for _, c := range badCases {
		if filepath.Ext(c.file) != ".xlsx" || len(c.env) > 0 || len(c.flags) > 0 {
			continue
		}
		if _, err := os.Stat(filepath.Join(in, c.file)); err == nil {
			continue
		}
		badFile(t, in, c.file)
		if c.rendered() == 0 {
			good = append(good, c.file)
		} else {
			bad = append(bad, c.file)
		}
	}
	copyFile(t, sample("clinic.xlsx"), in)
	good = append(good, "clinic.xlsx")
	out := t.TempDir()
	r := annexgen(t, nil, "render", "--to", "md", "-j", "2", "-o", out, in)
	if r.status != exitRejected {
		t.Errorf("status %d, want %d", r.status, exitRejected)
	}
	for _, name := range bad {
		if !strings.Contains(r.stderr, filepath.Join(in, name)+": 作成しませんでした: ") {
			t.Errorf("the summary does not name %s", name)
		}
	}
	files := listFiles(t, out)
	for _, name := range good {
		if !slices.Contains(files, strings.TrimSuffix(name, ".xlsx")+".annex.md") {
			t.Errorf("%s was not rendered", name)
		}
	}
	if len(files) != len(good) {
		t.Errorf("%d outputs for %d good workbooks: %v", len(files), len(good), files)
	}
	total := len(bad) + len(good)
	want := fmt.Sprintf("%d件中 作成 %d件、エラーのため作成せず %d件、書き込み失敗 0件", total, len(good), len(bad))
	if !hasLine(r.stderr, want) {
		t.Errorf("no summary line %q:\n%s", want, r.stderr)
	}
	if strings.Contains(r.stderr, "内部エラー") || strings.Contains(r.stderr, "panic") {
		t.Errorf("a panic:\n%s%s", r.stdout, r.stderr)
	}
}

// TestOutputsStayInside checks that outputs go only below -o: a relative
// path cannot climb out of it, and links in an input folder are not
// followed.
func TestOutputsStayInside(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "in")
	outside := filepath.Join(root, "outside")
	copyFile(t, sample("clinic.xlsx"), in)
	copyFile(t, sample("clinic.xlsx"), outside)
	if err := os.Symlink(outside, filepath.Join(in, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "clinic.xlsx"), filepath.Join(in, "linked.xlsx")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "out")
	// A file argument that climbs out of the current folder.
	climbing := filepath.Join(in, "..", "outside", "clinic.xlsx")
	r := annexgen(t, nil, "render", "--to", "md", "-o", out, in)
	if r.status != exitOK {
		t.Fatalf("status %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	if files := listFiles(t, out); !slices.Equal(files, []string{"clinic.annex.md"}) {
		t.Errorf("outputs %v: a link was followed", files)
	}
	out2 := filepath.Join(root, "out2")
	if r := annexgen(t, nil, "render", "--to", "md", "-o", out2, climbing); r.status != exitOK {
		t.Fatalf("status %d\n%s", r.status, r.stdout)
	}
	if files := listFiles(t, out2); !slices.Equal(files, []string{"clinic.annex.md"}) {
		t.Errorf("outputs %v", files)
	}
	if files := listFiles(t, outside); !slices.Equal(files, []string{"clinic.xlsx"}) {
		t.Errorf("something was written outside -o: %v", files)
	}
}

// TestNoPartialOutputs makes the PDF's path a folder: the Markdown written
// before it must be removed again.
func TestNoPartialOutputs(t *testing.T) {
	out := t.TempDir()
	if err := os.Mkdir(filepath.Join(out, "clinic.annex.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := annexgen(t, nil, "render", "--force", "-o", out, sample("clinic.xlsx"))
	if strings.Contains(r.stderr, "PDF を作成できません") {
		t.Skipf("no Japanese font: %s", r.stderr)
	}
	if r.status != exitWrite || !strings.Contains(r.stderr, "clinic.annex.pdf: 出力ファイルを書き込めません") {
		t.Errorf("status %d\n%s", r.status, r.stderr)
	}
	if files := listFiles(t, out); len(files) != 0 {
		t.Errorf("left behind: %v", files)
	}
	// Without --force the folder is an existing output: nothing is written.
	r = annexgen(t, nil, "render", "-o", out, sample("clinic.xlsx"))
	if r.status != exitWrite || !strings.Contains(r.stderr, "--force") {
		t.Errorf("status %d\n%s", r.status, r.stderr)
	}
	if files := listFiles(t, out); len(files) != 0 {
		t.Errorf("left behind: %v", files)
	}
}

// TestTemplatesCannotReach checks that user templates read no other files
// and call no function that touches the system: each attempt is an error
// naming the template, its line and column.
func TestTemplatesCannotReach(t *testing.T) {
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "tmpl")
	if r := annexgen(t, nil, "templates", "-o", tmpl); r.status != exitOK {
		t.Fatalf("templates: %s", r.stderr)
	}
	annex := filepath.Join(tmpl, "annex.md.tmpl")
	original, _ := os.ReadFile(annex)
	render := func(text string) result {
		t.Helper()
		if err := os.WriteFile(annex, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return annexgen(t, nil, "render", "--to", "md", "--force", "--templates", tmpl, "-o", filepath.Join(dir, "out"), sample("clinic.xlsx"))
	}
	// A template named like a file runs no file; the mistake is found
	// before any workbook is read.
	r := render("前文\n{{template \"/etc/passwd\"}}\n")
	if r.status != exitUsage || !strings.Contains(r.stderr, "annex.md.tmpl:2:12: テンプレートを適用できません") || !strings.Contains(r.stderr, `template "/etc/passwd" not defined`) {
		t.Errorf("{{template \"/etc/passwd\"}}: status %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	for _, fn := range []string{"readFile", "include", "file", "open", "exec", "env", "getenv", "glob", "shell", "system", "os", "cat", "import", "http", "fetch"} {
		r := render("前文\n\n{{" + fn + " \"/etc/passwd\"}}\n")
		if r.status != exitUsage || !strings.Contains(r.stderr, "annex.md.tmpl:3:1: テンプレートの書き方に誤りがあります") || !strings.Contains(r.stderr, `function "`+fn+`" not defined`) {
			t.Errorf("{{%s}}: status %d\n%s", fn, r.status, r.stderr)
		}
	}
	// A template file that links outside the folder is not read.
	os.WriteFile(annex, original, 0o644)
	secret := filepath.Join(dir, "secret.txt")
	os.WriteFile(secret, []byte("秘密の内容"), 0o600)
	if err := os.Symlink(secret, filepath.Join(tmpl, "evil.tmpl")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(annex, bytes.Replace(original, []byte("\n"), []byte("\n{{template \"evil.tmpl\"}}\n"), 1), 0o644)
	r = annexgen(t, nil, "render", "--to", "md", "--force", "--templates", tmpl, "-o", filepath.Join(dir, "out2"), sample("clinic.xlsx"))
	if r.status != exitUsage || !strings.Contains(r.stderr, "ひな形に誤りがあります: テンプレート evil.tmpl を読めません") {
		t.Errorf("a linked template: status %d\n%s%s", r.status, r.stdout, r.stderr)
	}
	if md, err := os.ReadFile(filepath.Join(dir, "out2", "clinic.annex.md")); err == nil && bytes.Contains(md, []byte("秘密の内容")) {
		t.Error("a template read a file outside its folder")
	}
}
