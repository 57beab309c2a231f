package convert

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/xlsx"
)

func TestDiff(t *testing.T) {
	path := filepath.Join("..", "..", "samples", "hospital.xlsx")
	old, _, err := xlsx.Load(path, checklist.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cur, _, _ := xlsx.Load(path, checklist.Options{})
	cur.Parts[1].Sections[0].Items[0].Agreement += "月次で報告する。"
	c, err := New(Options{Formats: []Format{Markdown, DOCX}})
	if err != nil {
		t.Fatal(err)
	}
	outputs, _, err := c.Diff(old, cur)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range outputs {
		names = append(names, o.Name())
	}
	if strings.Join(names, " ") != "diff.md diff.docx" {
		t.Fatalf("outputs %v, want diff.md diff.docx", names)
	}
	md := string(outputs[0].Data)
	if !strings.Contains(md, "{==月次で報告する。==}") || outputs[0].Meta.Created.IsZero() {
		t.Errorf("the change is not marked, or the files are not dated by 作成日:\n%s", md)
	}
	again, _, _ := c.Diff(old, cur)
	if !bytes.Equal(again[1].Data, outputs[1].Data) {
		t.Error("the same checklists gave a different DOCX")
	}
}
