package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestSampleOutputsAreCurrent guards the documents committed beside the
// sample workbooks: they must be what annexgen writes today. Refresh them
// with `go generate ./samples`.
func TestSampleOutputsAreCurrent(t *testing.T) {
	out := t.TempDir()
	runs := [][]string{
		{"render", "--to", "md", "-o", out, sample("clinic.xlsx"), sample("hospital.xlsx")},
		{"render", "--to", "md", "--doc", "annex", "-o", out, sample("hospital.xlsx")},
	}
	for _, args := range runs {
		if r := annexgen(t, nil, args...); r.status != exitOK {
			t.Fatalf("%v: %d\n%s%s", args, r.status, r.stdout, r.stderr)
		}
	}
	for _, name := range []string{"clinic.annex.md", "hospital.sla.md", "hospital.annex.md"} {
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
