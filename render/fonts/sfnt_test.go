package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signintech/gopdf"

	"github.com/annexgen/annexgen/render/internal/sfnt"
)

// systemFont returns the path of a font file installed on this machine, skipping the test
// when it is absent.
func systemFont(t testing.TB, name string) string {
	t.Helper()
	var found string
	filepath.WalkDir("/usr/share/fonts", func(path string, d fs.DirEntry, err error) error {
		if err == nil && found == "" && d.Name() == name {
			found = path
		}
		return nil
	})
	if found == "" {
		t.Skipf("%s is not installed (Debian: fonts-morisawa-bizud-*, fonts-ipaexfont)", name)
	}
	return found
}

// readSystemFont returns the bytes of an installed font file.
func readSystemFont(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(systemFont(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// buildTTC makes a TrueType collection of standalone fonts, each face with its own tables, the
// tables in the reverse order of their directory so that every offset changes on extraction.
func buildTTC(t testing.TB, fonts ...[]byte) []byte {
	t.Helper()
	out := make([]byte, 12+4*len(fonts))
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], uint32(len(fonts)))
	for i, f := range fonts {
		_, tables, err := sfnt.ReadTables(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		start := len(out)
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(start))
		out = append(out, f[:12+16*len(tables)]...)
		for j := len(tables) - 1; j >= 0; j-- {
			tb := tables[j]
			binary.BigEndian.PutUint32(out[start+12+16*j+8:], uint32(len(out)))
			out = append(out, f[tb.Offset:tb.Offset+tb.Length]...)
			for len(out)%4 != 0 {
				out = append(out, 0)
			}
		}
	}
	return out
}

// tableData returns the data of every table of a standalone font by tag.
func tableData(t testing.TB, font []byte) (uint32, map[string][]byte) {
	t.Helper()
	version, tables, err := sfnt.ReadTables(font, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, tb := range tables {
		m[tb.Tag] = font[tb.Offset : tb.Offset+tb.Length]
		if tb.Offset%4 != 0 {
			t.Errorf("table %q at offset %d, not 4-byte aligned", tb.Tag, tb.Offset)
		}
	}
	return version, m
}

// renderPDF embeds font in a one-page PDF with gopdf and writes text with it.
func renderPDF(t *testing.T, font []byte, text string) []byte {
	t.Helper()
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	pdf.AddPage()
	if err := pdf.AddTTFFontData("ABCDEF+Test", font); err != nil {
		t.Fatalf("gopdf rejects the font: %v", err)
	}
	if err := pdf.SetFont("ABCDEF+Test", "", 12); err != nil {
		t.Fatal(err)
	}
	for _, r := range text {
		if ok, err := pdf.IsCurrFontContainGlyph(r); !ok || err != nil {
			t.Fatalf("gopdf finds no glyph for %q in the font (%v)", r, err)
		}
	}
	if err := pdf.Cell(nil, text); err != nil {
		t.Fatal(err)
	}
	out, err := pdf.GetBytesPdfReturnErr()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// pdfText extracts the text of a PDF with pdftotext, or returns "" when it is not installed.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return ""
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestExtractTTC(t *testing.T) {
	regular := readSystemFont(t, "BIZUDGothic-Regular.ttf")
	bold := readSystemFont(t, "BIZUDGothic-Bold.ttf")
	ttc := buildTTC(t, regular, bold)
	for n, want := range [][]byte{regular, bold} {
		got, err := ExtractTTC(ttc, n)
		if err != nil {
			t.Fatalf("ExtractTTC(%d): %v", n, err)
		}
		gotVersion, gotTables := tableData(t, got)
		wantVersion, wantTables := tableData(t, want)
		if gotVersion != wantVersion || gotVersion != 0x00010000 {
			t.Errorf("face %d: sfnt version %#x, want %#x", n, gotVersion, wantVersion)
		}
		if len(gotTables) != len(wantTables) {
			t.Errorf("face %d: %d tables, want %d", n, len(gotTables), len(wantTables))
		}
		for tag, data := range wantTables {
			if !bytes.Equal(gotTables[tag], data) {
				t.Errorf("face %d: table %q differs from the original font", n, tag)
			}
		}
	}

	// The extracted bold face is a font gopdf embeds and draws Japanese text with.
	face, err := ExtractTTC(ttc, 1)
	if err != nil {
		t.Fatal(err)
	}
	text := "医療情報システム（SE）の役割分担"
	pdf := renderPDF(t, face, text)
	if !bytes.Contains(pdf, []byte("/BaseFont /ABCDEF+Test")) {
		t.Error("the PDF does not name the embedded font")
	}
	if got := pdfText(t, pdf); got != "" && !strings.Contains(got, text) {
		t.Errorf("pdftotext reads %q, want %q", got, text)
	}
}

func TestExtractTTCErrors(t *testing.T) {
	regular := readSystemFont(t, "BIZUDGothic-Regular.ttf")
	ttc := buildTTC(t, regular)
	truncated := ttc[:len(ttc)/2]
	badOffset := bytes.Clone(ttc[:64])
	binary.BigEndian.PutUint32(badOffset[12:], 1<<30)
	for name, c := range map[string]struct {
		data []byte
		n    int
	}{
		"not a collection":    {regular, 0},
		"face out of range":   {ttc, 1},
		"negative face":       {ttc, -1},
		"truncated tables":    {truncated, 0},
		"face offset too far": {badOffset, 0},
		"empty":               {nil, 0},
		"header only":         {[]byte("ttcf\x00\x01\x00\x00"), 0},
		"huge face count":     {[]byte("ttcf\x00\x01\x00\x00\xff\xff\xff\xff"), 0},
	} {
		if _, err := ExtractTTC(c.data, c.n); !errors.Is(err, ErrBadFont) {
			t.Errorf("%s: error %v, want ErrBadFont", name, err)
		}
	}
}

func TestLoad(t *testing.T) {
	path := systemFont(t, "BIZUDMincho-Regular.ttf")
	face, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if face.Name != "BIZUDMincho-Regular" || face.Path != path {
		t.Errorf("Load = %q from %q, want BIZUDMincho-Regular from %q", face.Name, face.Path, path)
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(face.Data, data) {
		t.Error("a .ttf is not loaded as is")
	}
	for _, r := range "漢字かなカナＡ１、。「」①A" {
		if !face.HasRune(r) {
			t.Errorf("HasRune(%q) = false", r)
		}
	}
	for _, r := range []rune{0x10FFFF, 0xE000, -1, 0x1F600} {
		if face.HasRune(r) {
			t.Errorf("HasRune(%U) = true", r)
		}
	}
	bare := &Face{Data: face.Data}
	if !bare.HasRune('漢') || bare.HasRune(0x10FFFF) {
		t.Error("HasRune of a Face built without Load is wrong")
	}
}

func TestLoadCollection(t *testing.T) {
	regular := readSystemFont(t, "BIZUDGothic-Regular.ttf")
	bold := readSystemFont(t, "BIZUDGothic-Bold.ttf")
	dir := t.TempDir()
	ttcPath := filepath.Join(dir, "BIZ-UDGothic.ttc")
	if err := os.WriteFile(ttcPath, buildTTC(t, regular, bold), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ path, name, where string }{
		{ttcPath, "BIZUDGothic-Regular", ttcPath + "#0"},
		{ttcPath + "#0", "BIZUDGothic-Regular", ttcPath + "#0"},
		{ttcPath + "#1", "BIZUDGothic-Bold", ttcPath + "#1"},
	}
	for _, c := range cases {
		face, err := Load(c.path)
		if err != nil {
			t.Fatalf("Load(%q): %v", c.path, err)
		}
		if face.Name != c.name || face.Path != c.where {
			t.Errorf("Load(%q) = %q from %q, want %q from %q", c.path, face.Name, face.Path, c.name, c.where)
		}
		if binary.BigEndian.Uint32(face.Data) != 0x00010000 || !face.HasRune('漢') {
			t.Errorf("Load(%q): not a standalone TrueType font with kanji", c.path)
		}
	}
	if _, err := Load(ttcPath + "#2"); err == nil || !strings.Contains(err.Error(), "2 番のフォントがありません") {
		t.Errorf("Load of a missing face: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cff := append([]byte("OTTO\x00\x01\x00\x00\x00\x00\x00\x00"), make([]byte, 32)...)
	cffTTC := append([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"), cff...)
	noGlyf := []byte("\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00head\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x00")
	cases := []struct {
		name   string
		path   string
		is     error
		phrase string
	}{
		{"CFF OpenType", write("a.otf", cff), ErrNotTrueType, "CFF"},
		{"CFF collection", write("b.ttc", cffTTC), ErrNotTrueType, "CFF"},
		{"WOFF", write("c.woff", []byte("wOFF\x00\x01\x00\x00")), ErrNotTrueType, "WOFF"},
		{"not a font", write("d.ttf", []byte("これはフォントではありません")), ErrBadFont, "フォントファイルではありません"},
		{"empty", write("e.ttf", nil), ErrBadFont, "短すぎます"},
		{"no outlines", write("f.ttf", noGlyf), ErrBadFont, "アウトラインがありません"},
		{"missing", filepath.Join(dir, "none.ttf"), nil, "見つかりません"},
	}
	for _, c := range cases {
		_, err := Load(c.path)
		if err == nil {
			t.Errorf("%s: Load succeeded", c.name)
			continue
		}
		if c.is != nil && !errors.Is(err, c.is) {
			t.Errorf("%s: error %v does not wrap %v", c.name, err, c.is)
		}
		if msg := err.Error(); !strings.Contains(msg, c.phrase) || !strings.Contains(msg, filepath.Base(strings.TrimSuffix(c.path, "#0"))) {
			t.Errorf("%s: message %q lacks %q or the file name", c.name, msg, c.phrase)
		}
	}
}

// FuzzParseFace checks that no font data makes the parser panic.
func FuzzParseFace(f *testing.F) {
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10\x00\x01\x00\x00\x00\x01"), -1)
	f.Add([]byte("\x00\x01\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00cmap\x00\x00\x00\x00\x00\x00\x00\x2c\x00\x00\x00\x10"), 0)
	f.Fuzz(func(t *testing.T, data []byte, n int) {
		if face, err := parseFace(data, n, []string{"X"}); err == nil {
			face.HasRune('漢')
			face.HasRune(0x10FFFF)
		}
		ExtractTTC(data, n)
	})
}
