package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/annexgen/annexgen/checklist"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/internal/tools/badgen"
)

// badDir holds the catalogue of broken and hostile inputs written by
// internal/tools/badgen (go test -update rewrites it), and files saved by
// LibreOffice (badgen.Office).
const badDir = "testdata/bad"

func init() {
	ruleCases = append(ruleCases, hostileRuleCases...)
}

// hostileRuleCases give the findings about odd or hostile contents.
var hostileRuleCases = []struct {
	name   string
	edit   func(b *testBook)
	strict bool
	want   []string
}{
	{"hidden rows", func(b *testBook) { b.hide(checklist.SheetPart1, 5, 4) },
		false, []string{"rows-hidden info Part1!A4"}},
	{"hidden sheet", func(b *testBook) { b.hide(checklist.SheetPart2, 0) },
		false, []string{"sheet-hidden info Part2"}},
	{"control characters", func(b *testBook) {
		b.patch("xl/sharedStrings.xml", "範囲は別表のとおり。", "範囲は_x0007_別表_x001B_のとおり。")
	}, false, []string{"control-char warning Part1!I4 Part1 1"}},
	{"cell beyond Excel's limit", func(b *testBook) {
		b.patch("xl/sharedStrings.xml", "範囲は別表のとおり。", strings.Repeat("長", maxCellChars+1))
	}, false, []string{"cell-too-long error Part1!I4 Part1 1"}},
	{"shared string out of range", func(b *testBook) {
		b.set(checklist.SheetPart1, "I4", 12345).patch("xl/worksheets/sheet2.xml", `<c r="I4"><v>12345</v>`, `<c r="I4" t="s"><v>99999</v>`)
	}, false, []string{"cell-broken error Part1!I4 Part1 1"}},
	{"sheet too large", func(b *testBook) { b.set(checklist.SheetPart1, "A5001", "x") },
		false, []string{"sheet-too-large error Part1"}},
}

// TestBadCorpusCurrent checks that testdata/bad holds what badgen writes,
// or rewrites it with -update.
func TestBadCorpusCurrent(t *testing.T) {
	if *update {
		if err := badgen.Write(badDir, false); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range badgen.Cases() {
		path := filepath.Join(badDir, c.Name)
		if c.Big {
			if _, err := os.Stat(path); err == nil {
				t.Errorf("%s is big and made at test time: remove it from testdata", path)
			}
			continue
		}
		want, err := c.Build()
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if c.Varies {
			if _, err := os.Stat(path); err != nil {
				t.Error(err)
			}
			continue
		}
		if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not what badgen writes (%v): go test ./checklist/xlsx -run BadCorpus -update", path, err)
		}
	}
	for name := range badgen.Office {
		if _, err := os.Stat(filepath.Join(badDir, name)); err != nil {
			t.Error(err)
		}
	}
}

// badPath returns the path of a catalogue file, writing a big one into a
// temporary folder first.
func badPath(t *testing.T, name string) string {
	t.Helper()
	for _, c := range badgen.Cases() {
		if c.Name == name && c.Big {
			b, err := c.Build()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			return path
		}
	}
	return filepath.Join(badDir, name)
}

// TestBadCorpus reads every file of the catalogue: a file that is not a
// readable workbook gives its reason, any other its findings, exactly.
func TestBadCorpus(t *testing.T) {
	tests := []struct {
		file   string
		opt    checklist.Options
		reason string   // the FileError's reason, or
		want   []string // the findings, as short writes them
	}{
		{"empty.xlsx", checklist.Options{}, reasonEmpty, nil},
		{"text.xlsx", checklist.Options{}, reasonNotXLSX, nil},
		{"pdf.xlsx", checklist.Options{}, reasonNotXLSX, nil},
		{"truncated.xlsx", checklist.Options{}, reasonBroken, nil},
		{"docx.xlsx", checklist.Options{}, reasonWord, nil},
		{"zip.xlsx", checklist.Options{}, reasonNotXLSX, nil},
		{"xlsb.xlsx", checklist.Options{}, reasonXLSB, nil},
		{"legacy.xls", checklist.Options{}, reasonXLS, nil},
		{"legacy-xls.xlsx", checklist.Options{}, reasonXLS, nil},
		{"ods-renamed.xlsx", checklist.Options{}, reasonODS, nil},
		{"brokenxml.xlsx", checklist.Options{}, "シート「Part1」が壊れているため読み込めません。Excel で開けるか確かめ、保存し直してください。", nil},
		{"bad-utf8.xlsx", checklist.Options{}, reasonBadText, nil},
		{"raw-control.xlsx", checklist.Options{}, reasonBadText, nil},
		{"password.xlsx", checklist.Options{}, reasonPassword, nil},
		{"password.xlsx", checklist.Options{Password: "ちがう"}, reasonBadPassword, nil},
		{"password.xlsx", checklist.Options{Password: badgen.Password}, "", nil},
		{"zipbomb.xlsx", checklist.Options{}, reasonUnzipLarge, nil},
		{"many-parts.xlsx", checklist.Options{}, reasonManyParts, nil},
		{"xml-entities.xlsx", checklist.Options{}, reasonBroken, nil},
		{"rel-escape.xlsx", checklist.Options{}, "シート「Part1」が壊れているため読み込めません。Excel で開けるか確かめ、保存し直してください。", nil},
		{"missing-part.xlsx", checklist.Options{}, "", []string{"header-missing error Part1"}},
		{"zipbomb-hidden.xlsx", checklist.Options{}, "シート「Part1」が壊れているため読み込めません。Excel で開けるか確かめ、保存し直してください。", nil},
		{"rows200k.xlsx", checklist.Options{}, fmt.Sprintf(reasonPartLarge, "xl/worksheets/sheet2.xml"), nil},
		{"nosheets.xlsx", checklist.Options{}, "", []string{"header-missing error ", "header-missing error 基本情報"}},
		{"nosheet-info.xlsx", checklist.Options{}, "", []string{"header-missing error 基本情報"}},
		{"renamed-sheets.xlsx", checklist.Options{}, "", []string{"sheet-renamed info チェックリスト", "sheet-renamed info Part2 (2)"}},
		{"no-header.xlsx", checklist.Options{}, "", []string{"header-missing error Part1"}},
		{"dup-columns.xlsx", checklist.Options{}, "", []string{"column-duplicate error Part1!K3"}},
		{"missing-columns.xlsx", checklist.Options{}, "", []string{"header-missing error Part2!A3", "header-missing error Part2!A3", "column-ignored info Part2!D3"}},
		{"dup-ids.xlsx", checklist.Options{}, "", []string{"id-duplicate error Part1!A5 Part1 1"}},
		{"formula-errors.xlsx", checklist.Options{}, "", []string{"cell-error error Part1!D4 Part1 1", "cell-error error Part1!I4 Part1 1"}},
		{"long-cell.xlsx", checklist.Options{}, "", []string{"cell-too-long error Part1!I4 Part1 1"}},
		{"control-chars.xlsx", checklist.Options{}, "", []string{"control-char warning Part1!I4 Part1 1"}},
		{"sst-index.xlsx", checklist.Options{}, "", []string{"cell-broken error Part1!I4 Part1 1"}},
		{"style-index.xlsx", checklist.Options{}, "", []string{"date-invalid error Part1!E5 Part1 2"}},
		{"non-bmp.xlsx", checklist.Options{}, "", nil},
		{"markup.xlsx", checklist.Options{}, "", nil},
		{"vendors50.xlsx", checklist.Options{}, "", nil},
		{"hidden.xlsx", checklist.Options{}, "", []string{"rows-hidden info Part1!A5", "sheet-hidden info Part2", "sheet-ignored info メモ"}},
		{"all-hidden.xlsx", checklist.Options{}, "", []string{"sheet-hidden info 基本情報", "sheet-hidden info Part1", "sheet-hidden info Part2"}},
		{"wide.xlsx", checklist.Options{}, "", append(ignoredColumns(), "column-ignored info Part1!V3")},
		{"merge-all.xlsx", checklist.Options{}, "", []string{"number-missing error Part1!A4", "number-missing error Part1!A5"}},
		{"many-sheets.xlsx", checklist.Options{}, "", ignoredSheets()},
		{"office1904.xlsx", checklist.Options{}, "", []string{"part-missing warning Part2"}},
		{"rows-limit.xlsx", checklist.Options{}, "", nil},
		{"text-limit.xlsx", checklist.Options{}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := badPath(t, tt.file)
			c, fs, err := Load(path, tt.opt)
			if tt.reason != "" {
				var fe *FileError
				if !errors.As(err, &fe) || fe.Reason != tt.reason || fe.File != path || c != nil || fs != nil {
					t.Fatalf("err = %v, findings %s; want %s", err, short(fs), tt.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got, want := short(fs), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("findings\n got:\n%s\nwant:\n%s", got, want)
			}
			for _, f := range fs {
				checkMessage(t, f)
			}
		})
	}
}

// ignoredColumns are the findings of the first ignored columns of wide.xlsx.
func ignoredColumns() []string {
	var want []string
	for col := 11; col < 11+maxIgnoredNotes; col++ {
		want = append(want, "column-ignored info Part1!"+cellRef(3, col))
	}
	return want
}

// ignoredSheets are the findings about the extra sheets of many-sheets.xlsx.
func ignoredSheets() []string {
	var want []string
	for i := 1; i <= maxIgnoredNotes+1; i++ {
		want = append(want, fmt.Sprintf("sheet-ignored info 作業%03d", i))
	}
	return want
}

func TestBadCorpusDetails(t *testing.T) {
	t.Run("password via Read", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(badDir, "password.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = Read(bytes.NewReader(b), int64(len(b)), "x.xlsx", checklist.Options{})
		if !errors.Is(err, ErrPasswordMissing) {
			t.Errorf("no password: %v does not wrap ErrPasswordMissing", err)
		}
		_, _, err = Read(bytes.NewReader(b), int64(len(b)), "x.xlsx", checklist.Options{Password: "ちがう"})
		if !errors.Is(err, ErrPasswordWrong) {
			t.Errorf("wrong password: %v does not wrap ErrPasswordWrong", err)
		}
	})
	t.Run("control characters are removed", func(t *testing.T) {
		c, _, err := Load(filepath.Join(badDir, "control-chars.xlsx"), checklist.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := item(c, "Part1 1").Agreement; got != "範囲は別表のとおり。" {
			t.Errorf("agreement %q", got)
		}
	})
	t.Run("characters outside the BMP are kept", func(t *testing.T) {
		c, _, err := Load(filepath.Join(badDir, "non-bmp.xlsx"), checklist.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Info.Hospital.Name != "𠮷野家記念病院" || item(c, "Part1 1").Agreement != "範囲は別表のとおり。😀👍🏻" {
			t.Errorf("got %q and %q", c.Info.Hospital.Name, item(c, "Part1 1").Agreement)
		}
	})
	t.Run("markup is kept as written", func(t *testing.T) {
		c, _, err := Load(filepath.Join(badDir, "markup.xlsx"), checklist.Options{})
		if err != nil {
			t.Fatal(err)
		}
		it := item(c, "Part1 1")
		for ref, got := range map[string]string{"B4": it.Title, "C4": it.Content, "I4": it.Agreement, "J4": it.Remarks} {
			if got != badgen.Markup[ref] {
				t.Errorf("%s = %q, want %q", ref, got, badgen.Markup[ref])
			}
		}
	})
	t.Run("hidden rows are read", func(t *testing.T) {
		c, _, err := Load(filepath.Join(badDir, "hidden.xlsx"), checklist.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(c); !strings.Contains(got, "Part1 2") || !strings.Contains(got, "Part2 A-2") {
			t.Errorf("items %s; want the hidden row's and the hidden sheet's", got)
		}
	})
	t.Run("50 vendors", func(t *testing.T) {
		c, _, err := Load(filepath.Join(badDir, "vendors50.xlsx"), checklist.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(c.Info.Vendors); n != 50 {
			t.Fatalf("%d vendors", n)
		}
		last := c.Info.Vendors[49]
		if last.Key != "AX" || last.Name != "株式会社テスト50" || item(c, "Part2 A-1").Role("AX") != checklist.MarkDo {
			t.Errorf("vendor 50: %+v, role %v", last, item(c, "Part2 A-1").Role("AX"))
		}
	})
	t.Run("1904 dates", func(t *testing.T) {
		c, _, err := Load(filepath.Join(badDir, "office1904.xlsx"), checklist.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Info.Created.IsZero() || c.Info.Created.Year < 2000 {
			t.Errorf("作成日 %v", c.Info.Created)
		}
	})
}

func TestVendorKey(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 49: "AX", checklist.MaxVendors - 1: "ZZ"} {
		if got := checklist.VendorKey(i); got != want {
			t.Errorf("VendorKey(%d) = %s, want %s", i, got, want)
		}
	}
	seen := map[string]bool{}
	for i := range checklist.MaxVendors {
		k := checklist.VendorKey(i)
		if seen[k] || !reVendorLabel.MatchString("事業者"+k) {
			t.Fatalf("VendorKey(%d) = %s: repeated or not read back", i, k)
		}
		seen[k] = true
	}
}
