package main

import (
	"fmt"
	"strings"

	"github.com/annexgen/annexgen/internal/batch"
)

// progress draws a one-line progress bar on stderr when it is a terminal
// and the run is long enough to want one.
type progress struct {
	e     *env
	total int
	drawn bool
}

func newProgress(e *env, total int) *progress {
	return &progress{e: e, total: total}
}

// update is called after each file.
func (p *progress) update(done int, r batch.Result) {
	if !p.e.isTerminal || p.total < 2 {
		return
	}
	const width = 30
	n := done * width / p.total
	fmt.Fprintf(p.e.stderr, "\r[%s%s] %d/%d", strings.Repeat("#", n), strings.Repeat(".", width-n), done, p.total)
	p.drawn = true
}

// finish clears the bar.
func (p *progress) finish() {
	if p.drawn {
		fmt.Fprintf(p.e.stderr, "\r%s\r", strings.Repeat(" ", 50))
	}
}
