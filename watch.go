package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// watchEvery is how often --watch looks at its inputs where the system
// gives no file events.
var watchEvery = 300 * time.Millisecond

// watch renders, then renders again whenever a TOML file, or a CSV or
// font file that a figure uses or that lies beside a TOML file, changes.
// Errors are printed and the watch goes on; an interrupt ends it with
// status 0.
func watch(ctx context.Context, o *options, files []string, stdout, stderr io.Writer) int {
	waiter := newChangeWaiter()
	defer waiter.close()
	inputs := slices.Clone(files)
	for {
		// The stamps are taken before the files are read, so a save
		// during a render is seen, and renders again.
		before := stamps(inputs)
		_, used := pass(ctx, o, files, stdout, stderr, true)
		if ctx.Err() != nil {
			return exitOK
		}
		inputs = watchList(files, used, before)
		if !o.quiet {
			n := 0
			for p := range before {
				if !strings.HasPrefix(p, globPrefix) {
					n++
				}
			}
			noun := "files"
			if n == 1 {
				noun = "file"
			}
			fmt.Fprintf(stderr, "presschart: watching %d %s (and new CSV and font files beside the TOML) for changes; Ctrl-C stops\n", n, noun)
		}
		if !waiter.wait(ctx, inputs, before) {
			return exitOK
		}
	}
}

// watchList is what a watch of files looks at: the files the figures were
// made from (used), and every CSV and font file beside a TOML file, which
// a fixed figure may come to use. A file new to the watch is added to
// before as it is now.
func watchList(files, used []string, before map[string]string) []string {
	inputs := slices.Clone(used)
	for _, f := range files {
		for _, ext := range []string{"*.csv", "*.tsv", "*.txt", "*.ttf", "*.otf"} {
			pattern := filepath.Join(globEscape(filepath.Dir(f)), ext)
			m, _ := filepath.Glob(pattern)
			// The pattern itself too: a file that a figure names
			// but that is missing is seen when it appears.
			inputs = append(append(inputs, m...), globPrefix+pattern)
		}
	}
	for p, st := range stamps(inputs) {
		if _, known := before[p]; !known {
			before[p] = st // new to the watch: as it is now
		}
	}
	return inputs
}

// globPrefix marks an input that is a glob pattern: its stamp is the
// names that match it, so that a file that appears is a change.
const globPrefix = "glob:"

// stamps records each file's size and modification time ("" when it is
// missing), so that a change of either is seen.
func stamps(paths []string) map[string]string {
	m := make(map[string]string, len(paths))
	for _, p := range paths {
		if pattern, ok := strings.CutPrefix(p, globPrefix); ok {
			names, _ := filepath.Glob(pattern)
			m[p] = strings.Join(names, "\x00")
			continue
		}
		if info, err := os.Stat(p); err == nil {
			m[p] = fmt.Sprintf("%d %d", info.Size(), info.ModTime().UnixNano())
		} else {
			m[p] = ""
		}
	}
	return m
}

func globEscape(s string) string {
	return strings.NewReplacer("*", "\\*", "?", "\\?", "[", "\\[").Replace(s)
}
