package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/internal/batch"
)

func TestProgressOnlyOnTerminals(t *testing.T) {
	for _, terminal := range []bool{false, true} {
		var stderr bytes.Buffer
		p := newProgress(&env{stderr: &stderr, isTerminal: terminal}, 4)
		for i := 1; i <= 4; i++ {
			p.update(i, batch.Result{})
		}
		p.finish()
		got := stderr.String()
		switch {
		case !terminal && got != "":
			t.Errorf("not a terminal: drew %q", got)
		case terminal && !strings.Contains(got, "2/4") || terminal && !strings.HasSuffix(got, "\r"):
			t.Errorf("terminal: drew %q, want the count and a cleared line", got)
		}
	}
}
