package convert

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/document"
	"github.com/annexgen/annexgen/render/fonts"
)

func sample(name string) string { return filepath.Join("..", "..", "samples", name) }

func TestFileAndRead(t *testing.T) {
	c, err := New(Options{Formats: []Format{Markdown}, PerVendor: true})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.File(sample("hospital.xlsx"))
	if err != nil || res.Rejected() {
		t.Fatalf("File: %v, rejected %v (%v)", err, res.Rejected(), res.Unreadable)
	}
	// hospital.xlsx says 文書種別 SLA.
	var names []string
	for _, o := range res.Outputs {
		names = append(names, o.Name())
	}
	if got, want := strings.Join(names, " "), "sla.A.md sla.B.md"; got != want {
		t.Errorf("outputs %s, want %s", got, want)
	}
	data, err := os.ReadFile(sample("hospital.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.Read(bytes.NewReader(data), int64(len(data)), "hospital.xlsx")
	if err != nil || len(again.Outputs) != len(res.Outputs) {
		t.Fatalf("Read: %v, %d outputs", err, len(again.Outputs))
	}
	for i := range res.Outputs {
		if !bytes.Equal(res.Outputs[i].Data, again.Outputs[i].Data) {
			t.Errorf("%s: File and Read differ", res.Outputs[i].Name())
		}
	}
	if len(res.Findings) != 3 || res.Checklist == nil {
		t.Errorf("%d findings, want the sample's 3 warnings", len(res.Findings))
	}
}

func TestKindChosen(t *testing.T) {
	c, err := New(Options{Kind: document.Annex, Formats: []Format{Markdown}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.File(sample("hospital.xlsx"))
	if err != nil || len(res.Outputs) != 1 || res.Outputs[0].Name() != "annex.md" {
		t.Fatalf("--doc annex: %v, %+v", err, res.Outputs)
	}
	if _, err := New(Options{Kind: "memo"}); err == nil {
		t.Error("unknown kind: want an error")
	}
	if _, err := New(Options{Formats: []Format{"odt"}}); err == nil {
		t.Error("unknown format: want an error")
	}
}

func TestRejected(t *testing.T) {
	c, err := New(Options{Formats: []Format{Markdown}})
	if err != nil {
		t.Fatal(err)
	}
	text := "これは表ではありません"
	res, err := c.Read(strings.NewReader(text), int64(len(text)), "memo.xlsx")
	if err != nil || res.Unreadable == nil || !res.Rejected() || len(res.Outputs) != 0 || res.Findings == nil {
		t.Errorf("not a workbook: %v, %+v", err, res)
	}
}

// panicking is a renderer with a bug.
type panicking struct{}

func (panicking) found() error { return nil }
func (panicking) ready() error { return nil }
func (panicking) render([]byte, document.Meta, *missingGlyphs) ([]byte, error) {
	panic("a bug")
}

func TestSurvivesPanic(t *testing.T) {
	c, err := New(Options{Formats: []Format{Markdown}})
	if err != nil {
		t.Fatal(err)
	}
	c.opt.Formats = append(c.opt.Formats, PDF)
	c.renderers[PDF] = panicking{}
	res, err := c.File(sample("clinic.xlsx"))
	if err == nil || !strings.Contains(err.Error(), "内部エラー") || len(res.Outputs) != 0 {
		t.Errorf("err %v, outputs %d; want an internal error and no outputs", err, len(res.Outputs))
	}
	// Without templates: an error, not a crash.
	if _, err := (&Converter{}).File(sample("clinic.xlsx")); err == nil {
		t.Error("a converter without templates made documents")
	}
}

func TestWith(t *testing.T) {
	c, err := New(Options{Formats: []Format{Markdown}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.With(document.Annex, true).File(sample("hospital.xlsx"))
	if err != nil || len(res.Outputs) != 2 || res.Outputs[1].Name() != "annex.B.md" {
		t.Fatalf("With(annex, per vendor): %v %+v", err, res.Outputs)
	}
	only, err := New(Options{Kind: document.SLA, Formats: []Format{Markdown}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := only.With(document.Annex, false).File(sample("hospital.xlsx")); err == nil {
		t.Error("an annex from a converter made for the SLA alone: want an error")
	}
}

func TestOutputName(t *testing.T) {
	for _, tt := range []struct {
		o    Output
		want string
	}{
		{Output{Kind: document.Annex, Format: Markdown}, "annex.md"},
		{Output{Kind: document.SLA, Vendor: "AB", Format: PDF}, "sla.AB.pdf"},
		{Output{Kind: document.Annex, Vendor: "A", Format: Markdown}, "annex.A.md"},
	} {
		if got := tt.o.Name(); got != tt.want {
			t.Errorf("%+v: name %q, want %q", tt.o, got, tt.want)
		}
	}
}

func TestNoFontNoFormat(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nosuchfont.ttf")
	c, err := New(Options{Formats: []Format{PDF}, Fonts: fonts.Options{Body: missing}})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Found(); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("Found: %v, want an error naming %s", err, missing)
	}
	res, err := c.File(sample("clinic.xlsx"))
	if err == nil || !strings.Contains(err.Error(), missing) || len(res.Outputs) != 0 {
		t.Errorf("File: %v, %d outputs; want an error naming the font and no outputs", err, len(res.Outputs))
	}
	both, err := New(Options{Formats: []Format{Markdown, PDF}, Fonts: fonts.Options{Body: missing}})
	if err != nil {
		t.Fatal(err)
	}
	res, err = both.File(sample("clinic.xlsx"))
	if err != nil || len(res.Outputs) != 1 || res.Outputs[0].Format != Markdown {
		t.Errorf("File with Markdown asked for too: %v, %d outputs; want the Markdown alone", err, len(res.Outputs))
	}
}
