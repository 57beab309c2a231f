package badgen

import (
	"bytes"
	"os"
	"testing"
)

// TestCasesRepeat checks that every case builds, and the same bytes twice
// unless it says it varies.
func TestCasesRepeat(t *testing.T) {
	names := map[string]bool{}
	for _, c := range Cases() {
		if names[c.Name] || Office[c.Name] != "" {
			t.Errorf("%s: name used twice", c.Name)
		}
		names[c.Name] = true
		if c.Big && testing.Short() {
			continue
		}
		a, err := c.Build()
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if c.Big || c.Varies {
			continue
		}
		b, _ := c.Build()
		if !bytes.Equal(a, b) {
			t.Errorf("%s: different bytes on a second build", c.Name)
		}
	}
}

// TestWriteDir writes the whole catalogue, big files included, into the
// folder named by BADGEN_DIR (for measure.sh); without it, it does nothing.
func TestWriteDir(t *testing.T) {
	dir := os.Getenv("BADGEN_DIR")
	if dir == "" {
		t.Skip("BADGEN_DIR not set")
	}
	if err := Write(dir, true); err != nil {
		t.Fatal(err)
	}
}
