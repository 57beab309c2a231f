package batch

import (
	"context"
	"sync"
	"time"
)

// Pool runs the conversion of many inputs on a number of goroutines.
type Pool struct {
	Workers int // at most this many inputs at once; never more than the inputs
	// Grace is how long the inputs under way may take to finish once the
	// run is cancelled; 0 waits for them however long they take.
	Grace    time.Duration
	Started  func(in Input)           // when not nil, called as an input starts
	Finished func(done int, r Result) // when not nil, called after each input
}

// Run converts inputs and returns the results in input order. Started and
// Finished are called from one goroutine at a time. When ctx is cancelled
// no new input is started, and the inputs under way get Grace to finish;
// Run then returns without waiting further (their goroutines are left to
// the process's exit). Inputs not finished are left out of the results.
func (p Pool) Run(ctx context.Context, inputs []Input, convert func(Input) Result) []Result {
	workers := min(max(p.Workers, 1), max(len(inputs), 1))
	var mu sync.Mutex // guards what follows and the calls of Started and Finished
	results := make([]Result, len(inputs))
	finished := make([]bool, len(inputs))
	done, over := 0, false

	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				mu.Lock()
				if p.Started != nil && !over {
					p.Started(inputs[i])
				}
				mu.Unlock()
				r := convert(inputs[i])
				mu.Lock()
				if !over {
					results[i], finished[i] = r, true
					done++
					if p.Finished != nil {
						p.Finished(done, r)
					}
				}
				mu.Unlock()
			}
		}()
	}
	feed(ctx, len(inputs), next)
	all := make(chan struct{})
	go func() { wg.Wait(); close(all) }()
	select {
	case <-all:
	case <-ctx.Done():
		if p.Grace == 0 {
			<-all
			break
		}
		timer := time.NewTimer(p.Grace)
		defer timer.Stop()
		select {
		case <-all:
		case <-timer.C:
		}
	}
	mu.Lock()
	defer mu.Unlock()
	over = true
	out := results[:0:0]
	for i, r := range results {
		if finished[i] {
			out = append(out, r)
		}
	}
	return out
}

// feed sends the indexes 0…n-1 on next until ctx is cancelled, then closes it.
func feed(ctx context.Context, n int, next chan<- int) {
	defer close(next)
	for i := range n {
		if ctx.Err() != nil {
			return
		}
		select {
		case <-ctx.Done():
			return
		case next <- i:
		}
	}
}
