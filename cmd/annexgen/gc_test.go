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
		workers int // 0: tuneGC only
		getenv  func(string) string
		percent int
		limit   int64
	}{
		{"render", 0, none, batchGCPercent, workerMemory},
		{"validate", 0, none, batchGCPercent, workerMemory},
		{"render", 4, none, batchGCPercent, 4 * workerMemory},
		{"render", 4, set, 100, math.MaxInt64}, // the user's GOGC and GOMEMLIMIT win
		{"serve", 0, none, 100, math.MaxInt64},
	} {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		tuneGC(c.command, c.getenv)
		if c.workers > 0 {
			setWorkers(c.workers, c.getenv)
		}
		if got := debug.SetGCPercent(100); got != c.percent {
			t.Errorf("%s -j %d: GC percent %d, want %d", c.command, c.workers, got, c.percent)
		}
		if got := debug.SetMemoryLimit(-1); got != c.limit {
			t.Errorf("%s -j %d: memory limit %d, want %d", c.command, c.workers, got, c.limit)
		}
	}
}
