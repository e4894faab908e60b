package main

import (
	"context"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// changeWaiter waits for an input file to change, for --watch and serve.
// It is woken by the operating system's file events (fsnotify) on the
// folders that hold the inputs, so that an editor's save is seen at once,
// whether it writes the file in place or writes a temporary file and
// renames it over the old one; where events cannot be had (no inotify
// left, an unusual file system), it looks every watchEvery. Either way a
// change is what the files' sizes and modification times say, so an event
// for another file in the folder wakes it for nothing.
type changeWaiter struct {
	w    *fsnotify.Watcher // nil: poll
	dirs map[string]bool
}

// settle is how long a waiter waits after an event for the writes that
// follow it: an editor may write a file in several steps.
const settle = 30 * time.Millisecond

// fallbackEvery is how often a waiter that has file events looks anyway,
// in case an event was lost.
const fallbackEvery = 2 * time.Second

func newChangeWaiter() *changeWaiter {
	c := &changeWaiter{dirs: map[string]bool{}}
	if w, err := fsnotify.NewWatcher(); err == nil {
		c.w = w
	}
	return c
}

func (c *changeWaiter) close() {
	if c.w != nil {
		c.w.Close()
	}
}

// wait returns true when one of inputs no longer has its stamp in before,
// false when ctx ends first.
func (c *changeWaiter) wait(ctx context.Context, inputs []string, before map[string]string) bool {
	every := watchEvery
	var events <-chan fsnotify.Event
	var errs <-chan error
	if c.w != nil {
		for _, p := range inputs {
			d := filepath.Dir(strings.TrimPrefix(p, globPrefix))
			if !c.dirs[d] {
				if err := c.w.Add(d); err == nil {
					c.dirs[d] = true
				}
			}
		}
		events, errs, every = c.w.Events, c.w.Errors, fallbackEvery
	}
	changed := func() bool {
		for p, st := range stamps(inputs) {
			if before[p] != st {
				return true
			}
		}
		return false
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-tick.C:
		case _, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			select {
			case <-ctx.Done():
				return false
			case <-time.After(settle):
			}
		case <-errs: // an overflow: look now
		}
		if changed() {
			return true
		}
	}
}
