//go:build unix

package pdf

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the processor time the process has used so far (all threads, user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the processor time per operation since start, a figure that other processes on
// a busy machine disturb far less than the wall-clock ns/op.
func reportCPU(b *testing.B, start time.Duration) {
	if b.N > 0 && start > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	}
}
