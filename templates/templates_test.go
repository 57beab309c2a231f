package templates

import (
	"slices"
	"testing"
)

func TestNames(t *testing.T) {
	names := Names()
	for _, want := range []string{"annex.md.tmpl", "memorandum.md.tmpl", "sla.md.tmpl", "item.md.tmpl", "parties.md.tmpl", "signatures.md.tmpl"} {
		if !slices.Contains(names, want) {
			t.Errorf("default templates lack %s (have %v)", want, names)
		}
	}
}
