package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// sampleOutputs are the Markdown documents committed beside the sample
// workbooks: every kind of each sample, and the hospital's 覚書 per vendor.
var sampleOutputs = []string{
	"clinic.annex.md", "clinic.memorandum.md", "clinic.sla.md",
	"hospital.annex.md", "hospital.memorandum.md", "hospital.sla.md",
	"hospital.memorandum.A.md", "hospital.memorandum.B.md",
}

// TestSampleOutputsAreCurrent guards the documents committed beside the
// sample workbooks: they must be what annexgen writes today. Refresh them
// with `go generate ./samples`.
func TestSampleOutputsAreCurrent(t *testing.T) {
	out := t.TempDir()
	runs := [][]string{
		{"render", "--to", "md", "-o", out, sample("clinic.xlsx"), sample("hospital.xlsx")},
		{"render", "--to", "md", "--doc", "annex", "-o", out, sample("hospital.xlsx")},
		{"render", "--to", "md", "--doc", "memorandum", "-o", out, sample("clinic.xlsx"), sample("hospital.xlsx")},
		{"render", "--to", "md", "--doc", "sla", "-o", out, sample("clinic.xlsx")},
		{"render", "--to", "md", "--doc", "memorandum", "--per-vendor", "-o", out, sample("hospital.xlsx")},
	}
	for _, args := range runs {
		if r := annexgen(t, nil, args...); r.status != exitOK {
			t.Fatalf("%v: %d\n%s%s", args, r.status, r.stdout, r.stderr)
		}
	}
	for _, name := range sampleOutputs {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		committed, err := os.ReadFile(sample(name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, committed) {
			t.Errorf("samples/%s is out of date: run go generate ./samples", name)
		}
	}
}
