package batch

import (
	"context"
	"sync"
)

// Run converts inputs with up to workers goroutines and returns the results
// in input order. progress, when not nil, is called after each input, from
// one goroutine at a time. When ctx is cancelled no new input is started;
// inputs not started are left out of the results.
func Run(ctx context.Context, inputs []Input, workers int, convert func(Input) Result, progress func(done int, r Result)) []Result {
	if workers < 1 {
		workers = 1
	}
	results := make([]Result, len(inputs))
	started := make([]bool, len(inputs))
	next := make(chan int)
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r := convert(inputs[i])
				mu.Lock()
				results[i] = r
				done++
				if progress != nil {
					progress(done, r)
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for i := range inputs {
		if ctx.Err() != nil {
			break
		}
		select {
		case <-ctx.Done():
			break feed
		case next <- i:
			started[i] = true
		}
	}
	close(next)
	wg.Wait()
	out := results[:0:0]
	for i, r := range results {
		if started[i] {
			out = append(out, r)
		}
	}
	return out
}
