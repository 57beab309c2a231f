package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestSamplesUpToDate regenerates the samples twice and compares them with
// the committed files: generation is reproducible and samples/ is current.
func TestSamplesUpToDate(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if err := run(a, samples()); err != nil {
		t.Fatal(err)
	}
	if err := run(b, samples()); err != nil {
		t.Fatal(err)
	}
	for _, s := range samples() {
		first, err := os.ReadFile(filepath.Join(a, s.file))
		if err != nil {
			t.Fatal(err)
		}
		second, err := os.ReadFile(filepath.Join(b, s.file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Errorf("%s: two runs give different bytes", s.file)
		}
		committed, err := os.ReadFile(filepath.Join("..", "..", "..", "samples", s.file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, committed) {
			t.Errorf("samples/%s is out of date: run go generate ./samples", s.file)
		}
	}
}

func TestSampleItemsAllFilled(t *testing.T) {
	for _, s := range samples() {
		if err := s.write(&bytes.Buffer{}); err != nil {
			t.Errorf("%s: %v", s.file, err)
		}
	}
}
