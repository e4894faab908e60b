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

// watchEvery is how often --watch looks at its inputs.
var watchEvery = 300 * time.Millisecond

// watch renders, then renders again whenever a TOML file, or a CSV or
// font file that a figure uses or that lies beside a TOML file, changes.
// Errors are printed and the watch goes on; an interrupt ends it with
// status 0.
func watch(ctx context.Context, o *options, files []string, stdout, stderr io.Writer) int {
	inputs := slices.Clone(files)
	for {
		// The stamps are taken before the files are read, so a save
		// during a render is seen, and renders again.
		before := stamps(inputs)
		_, used := pass(ctx, o, files, stdout, stderr, true)
		if ctx.Err() != nil {
			return exitOK
		}
		inputs = used
		for _, f := range files {
			for _, ext := range []string{"*.csv", "*.ttf", "*.otf"} {
				m, _ := filepath.Glob(filepath.Join(globEscape(filepath.Dir(f)), ext))
				inputs = append(inputs, m...)
			}
		}
		for p, st := range stamps(inputs) {
			if _, known := before[p]; !known {
				before[p] = st // new to the watch: as it is now
			}
		}
		if !o.quiet {
			noun := "files"
			if len(before) == 1 {
				noun = "file"
			}
			fmt.Fprintf(stderr, "presschart: watching %d %s for changes; Ctrl-C stops\n", len(before), noun)
		}
		for changed := false; !changed; {
			select {
			case <-ctx.Done():
				return exitOK
			case <-time.After(watchEvery):
			}
			now := stamps(inputs)
			changed = false
			for p, st := range now {
				if before[p] != st {
					changed = true
				}
			}
		}
	}
}

// stamps records each file's size and modification time ("" when it is
// missing), so that a change of either is seen.
func stamps(paths []string) map[string]string {
	m := make(map[string]string, len(paths))
	for _, p := range paths {
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
