package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	none := func(string) string { return "" }
	set := func(string) string { return "50" }
	for _, c := range []struct {
		command string
		getenv  func(string) string
		percent int
		limit   int64
	}{
		{"render", none, batchGCPercent, batchMemoryLimit},
		{"validate", none, batchGCPercent, batchMemoryLimit},
		{"render", set, 100, math.MaxInt64}, // the user's GOGC and GOMEMLIMIT win
		{"serve", none, 100, math.MaxInt64},
	} {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		tuneGC(c.command, c.getenv)
		if got := debug.SetGCPercent(100); got != c.percent {
			t.Errorf("%s: GC percent %d, want %d", c.command, got, c.percent)
		}
		if got := debug.SetMemoryLimit(-1); got != c.limit {
			t.Errorf("%s: memory limit %d, want %d", c.command, got, c.limit)
		}
	}
}
