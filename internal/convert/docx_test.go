package convert

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestDOCX checks that a Word document comes out of the same Markdown as
// the other formats, with the document's title in it.
func TestDOCX(t *testing.T) {
	c, err := New(Options{Formats: []Format{Markdown, DOCX}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.File(sample("clinic.xlsx"))
	if err != nil || res.Rejected() {
		t.Fatalf("File: %v, rejected %v", err, res.Rejected())
	}
	if len(res.Outputs) != 2 || res.Outputs[1].Format != DOCX || res.Outputs[1].Name() != "annex.docx" {
		t.Fatalf("outputs %+v, want annex.md and annex.docx", res.Outputs)
	}
	out := res.Outputs[1]
	z, err := zip.NewReader(bytes.NewReader(out.Data), int64(len(out.Data)))
	if err != nil {
		t.Fatal(err)
	}
	var body string
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			body = string(b)
		}
	}
	if !strings.Contains(body, out.Meta.Title) {
		t.Errorf("word/document.xml lacks the title %q", out.Meta.Title)
	}
}
