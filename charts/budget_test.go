package charts

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// Per-input budgets for the fuzz targets: an input that takes longer, or
// makes the heap grow past the limit, is a crasher, so that the fuzzer
// keeps hangs and runaway allocations as it keeps panics. Go's fuzzer has
// no such budgets of its own: a hang would only end at the -fuzztime
// deadline, and an allocation loop would take the machine.
const (
	inputTime = 10 * time.Second
	inputHeap = 1 << 30
)

// budget starts watching one input and returns the function that stops
// watching. Over budget, it panics with the input, which crashes the
// fuzzing worker: the fuzzer then records the input under testdata/fuzz.
func budget(input any) (stop func()) {
	done := make(chan struct{})
	var once sync.Once
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		limit := inputTime
		if raceEnabled {
			// The race detector slows code five to ten times: a hang is
			// still a hang at three times the budget. (A 6 MB figure's
			// errors take 8–9 s under -race on a 2-core machine.)
			limit *= 3
		}
		deadline := time.NewTimer(limit)
		defer deadline.Stop()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-deadline.C:
				panic(fmt.Sprintf("over the time budget (%s) on input:\n%s", limit, clipInput(input)))
			case <-tick.C:
				// The heap holds garbage too, and other tests' under go
				// test: only a heap still over budget after a collection
				// is this input's.
				if heap(sample) > inputHeap {
					runtime.GC()
					if heap(sample) > inputHeap {
						panic(fmt.Sprintf("over the heap budget (%d MiB) on input:\n%s", inputHeap>>20, clipInput(input)))
					}
				}
			}
		}
	}()
	return func() { once.Do(func() { close(done) }) }
}

// heap is the bytes of the heap's objects, live or not yet swept.
func heap(sample []metrics.Sample) uint64 {
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

func clipInput(input any) string {
	s := fmt.Sprint(input)
	if len(s) > 4000 {
		s = s[:4000] + "…"
	}
	return s
}
