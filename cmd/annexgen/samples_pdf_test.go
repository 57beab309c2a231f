package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSamplePDFsPassStrictValidation runs pdfcpu's strict validation, which
// .ci/run installs, over every PDF committed beside the sample workbooks.
func TestSamplePDFsPassStrictValidation(t *testing.T) {
	pdfcpu, err := exec.LookPath("pdfcpu")
	if err != nil {
		t.Skip("pdfcpu is not installed (go install github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0)")
	}
	paths, err := filepath.Glob(sample("*.pdf"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no sample PDFs (%v)", err)
	}
	for _, path := range paths {
		out, err := exec.Command(pdfcpu, "validate", "-m", "strict", path).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "validation ok") {
			t.Errorf("pdfcpu validate -m strict %s: %v\n%s", filepath.Base(path), err, out)
		}
	}
}
