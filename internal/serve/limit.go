package serve

import (
	"context"
	"errors"
	"sync"
)

// errBusy says that every worker is busy and the queue behind them is full.
var errBusy = errors.New("busy")

// limiter lets at most workers conversions run at a time, and at most
// queue more wait for one; past that, acquire refuses at once.
type limiter struct {
	slots   chan struct{}
	mu      sync.Mutex
	waiting int
	queue   int
}

func newLimiter(workers, queue int) *limiter {
	return &limiter{slots: make(chan struct{}, workers), queue: queue}
}

// acquire takes a worker, waiting in the queue if there is room there. It
// returns errBusy when the queue is full, or ctx's error when ctx ends
// first. A nil error must be followed by release.
func (l *limiter) acquire(ctx context.Context) error {
	select {
	case l.slots <- struct{}{}:
		return nil
	default:
	}
	l.mu.Lock()
	if l.waiting >= l.queue {
		l.mu.Unlock()
		return errBusy
	}
	l.waiting++
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		l.waiting--
		l.mu.Unlock()
	}()
	select {
	case l.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release gives a worker back.
func (l *limiter) release() { <-l.slots }

// hasWaiting reports whether n requests wait in the queue.
func (l *limiter) hasWaiting(n int) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.waiting == n
}
