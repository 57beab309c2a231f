package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/annexgen/annexgen/internal/batch"
)

// progress draws a one-line progress bar on stderr when it is a terminal
// and the run is long enough to want one: the files done, an estimate of
// the time left and the file being converted.
type progress struct {
	e       *env
	total   int
	done    int
	start   time.Time
	current string
	drawn   bool
}

func newProgress(e *env, total int) *progress {
	return &progress{e: e, total: total, start: time.Now()}
}

// started is called as a file starts.
func (p *progress) started(in batch.Input) {
	p.current = in.Rel
	p.draw()
}

// update is called after each file.
func (p *progress) update(done int, r batch.Result) {
	p.done = done
	p.draw()
}

func (p *progress) draw() {
	if !p.e.isTerminal || p.total < 2 {
		return
	}
	const width = 20
	n := p.done * width / p.total
	line := fmt.Sprintf("[%s%s] %d/%d %s %s", strings.Repeat("#", n), strings.Repeat(".", width-n), p.done, p.total, eta(time.Since(p.start), p.done, p.total), p.current)
	fmt.Fprintf(p.e.stderr, "\r\x1b[K%s", line)
	p.drawn = true
}

// eta says how long the files left will take, judging by those done.
func eta(elapsed time.Duration, done, total int) string {
	if done == 0 {
		return "残り時間を計算中"
	}
	left := elapsed / time.Duration(done) * time.Duration(total-done)
	switch {
	case left < time.Minute:
		return fmt.Sprintf("残り約%d秒", int(left.Seconds()+0.5))
	case left < time.Hour:
		return fmt.Sprintf("残り約%d分%02d秒", int(left.Minutes()), int(left.Seconds())%60)
	}
	return fmt.Sprintf("残り約%d時間%02d分", int(left.Hours()), int(left.Minutes())%60)
}

// finish clears the bar.
func (p *progress) finish() {
	if p.drawn {
		fmt.Fprint(p.e.stderr, "\r\x1b[K")
	}
}
