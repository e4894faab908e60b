package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/presschart/presschart/charts"
)

// readFigures decodes every input file (a path, or "-" for standard
// input) and applies --only and --shard. Every problem of every file is
// printed; status is 0 when the figures may be rendered. inputs lists the
// files the figures were made from, for --watch.
func readFigures(ctx context.Context, o *options, files []string, stderr io.Writer) (figs []*charts.Figure, inputs []string, status int) {
	inputs = slices.Clone(files)
	invalid := false
	for _, name := range files {
		var f *charts.File
		var err error
		if name == "-" {
			var src []byte
			if src, err = readStdin(ctx); ctx.Err() != nil {
				fmt.Fprintln(stderr, "presschart: interrupted while reading standard input; nothing was written")
				return nil, inputs, exitInterrupted
			}
			if err == nil {
				f, err = charts.DecodeIn("<stdin>", src, ".", o.root)
			}
		} else {
			f, err = charts.Load(name, o.root)
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			invalid = true
			continue
		}
		figs = append(figs, f.Figures...)
	}
	for _, f := range figs {
		inputs = append(inputs, f.Inputs()...)
	}
	if invalid {
		fmt.Fprintln(stderr, "presschart: invalid input; nothing was written")
		return nil, inputs, exitInvalid
	}
	if dup := duplicateID(figs); dup != "" {
		fmt.Fprintf(stderr, "presschart: figure id %q appears in more than one input file; ids name the output files and must be unique\n", dup)
		return nil, inputs, exitInvalid
	}
	shardI, shardN, _ := parseShard(o.shard)
	figs, err := selectFigures(figs, o.only, shardI, shardN)
	if err != nil {
		fmt.Fprintf(stderr, "presschart: %v\n", err)
		return nil, inputs, exitInvalid
	}
	return figs, inputs, exitOK
}

// readStdin reads standard input, at most 16 MiB of it, and gives up when
// ctx ends (an interrupt while a pipe stays open).
func readStdin(ctx context.Context) ([]byte, error) {
	type read struct {
		b   []byte
		err error
	}
	done := make(chan read, 1)
	in := os.Stdin
	go func() {
		b, err := charts.ReadLimited(in, "<stdin>")
		done <- read{b, err}
	}()
	select {
	case r := <-done:
		return r.b, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func duplicateID(figs []*charts.Figure) string {
	seen := map[string]bool{}
	for _, f := range figs {
		if seen[f.ID] {
			return f.ID
		}
		seen[f.ID] = true
	}
	return ""
}

// selectFigures applies --only and --shard.
func selectFigures(figs []*charts.Figure, only []string, shardI, shardN int) ([]*charts.Figure, error) {
	var out []*charts.Figure
	matched := make([]bool, len(only))
	// A figure's renditions go where it goes: --only a-figure and its
	// shard take them too, so that its snippet names no file left out.
	kept := map[string]bool{}
	for _, f := range figs {
		keep := len(only) == 0 || f.RenditionOf != "" && kept[f.RenditionOf]
		for i, p := range only {
			if ok, _ := path.Match(p, f.ID); ok {
				keep, matched[i] = true, true
			}
		}
		group := f.ID
		if f.RenditionOf != "" {
			group = f.RenditionOf
		}
		if keep && (shardN == 0 || shardOf(group, shardN) == shardI) {
			out = append(out, f)
			kept[f.ID] = true
		}
	}
	for i, ok := range matched {
		if !ok {
			return nil, fmt.Errorf("--only: no figure id matches %q", only[i])
		}
	}
	return out, nil
}

// maxShards bounds N in --shard I/N.
const maxShards = 100_000

// shardOf returns the shard (1..n) of a figure id: FNV-1a of the id, so a
// figure stays in its shard whatever else the file holds. Renditions are
// sharded by their figure's id.
func shardOf(id string, n int) int {
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h ^= uint32(id[i])
		h *= 16777619
	}
	return int(h%uint32(n)) + 1
}

func parseShard(s string) (i, n int, err error) {
	if s == "" {
		return 0, 0, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return 0, 0, errors.New("want I/N with 1 <= I <= N, e.g. 2/4, not " + strconv.Quote(s))
	}
	if n > maxShards {
		return 0, 0, fmt.Errorf("%d shards; at most %d are allowed (a file holds at most 10,000 figures)", n, maxShards)
	}
	return i, n, nil
}
