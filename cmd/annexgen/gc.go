package main

import "runtime/debug"

// Garbage collection of the commands that run and exit. A render
// allocates a few megabytes per document and keeps little: with Go's
// default (GOGC=100) the collector ran about once per document and took 7%
// of the processor time of a 40-workbook batch at -j 2; at 400 it runs a
// quarter as often (4%), and a 3,000-item workbook peaks at 250 MB instead
// of 200 MB. The soft memory limit makes the collector work harder before
// a large batch grows past it.
const (
	batchGCPercent   = 400
	batchMemoryLimit = 1 << 30
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
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(batchMemoryLimit)
	}
}
