package main

import (
	"math"
	"runtime/debug"
)

// Garbage collection of the commands that run and exit. A render
// allocates a few megabytes per document and keeps little: with Go's
// default (GOGC=100) the collector ran about once per document and took 7%
// of the processor time of a 40-workbook batch at -j 2; at 400 it runs a
// quarter as often (1% there). A soft memory limit per worker makes it
// collect harder before a large workbook grows the heap past it: a
// 3,000-item workbook peaks at 225–240 MB (170 MB at GOGC=100, 240–280 MB
// at 400 without the limit) and renders 20% faster than at GOGC=100.
const (
	batchGCPercent = 400
	workerMemory   = 256 << 20 // bytes of heap a worker may grow to before the collector works harder
)

// tuneGC sets the collector for command, unless the user has set GOGC or
// GOMEMLIMIT. The web page's server keeps Go's defaults: it runs for days.
func tuneGC(command string, getenv func(string) string) {
	if command == "serve" {
		return
	}
	if getenv("GOGC") == "" {
		debug.SetGCPercent(batchGCPercent)
	}
	setWorkers(1, getenv)
}

// setWorkers sets the soft memory limit for workers converting side by
// side, unless the user has set GOMEMLIMIT.
func setWorkers(workers int, getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(min(max(workers, 1), math.MaxInt32)) * workerMemory)
	}
}
