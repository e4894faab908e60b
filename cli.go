package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"presschart/charts"
)

// Exit statuses.
const (
	exitOK      = 0 // every figure written
	exitFailed  = 1 // a figure failed to render or a file to write
	exitInvalid = 2 // bad usage or invalid input: nothing was written

	exitInterrupted = 130 // SIGINT or SIGTERM: stopped between figures
)

const usageHead = `presschart renders newsroom charts from a TOML file into PNG and SVG.

Usage:
  presschart [flags] [FILE.toml ...]

FILE defaults to data.toml; "-" reads TOML from standard input.
For every figure it writes OUT/<id>.png, OUT/<id>.svg and OUT/<id>.html
(an embed snippet), as its formats say, and OUT/manifest.json listing
them all.

Examples:
  presschart                          render data.toml into out/
  presschart story.toml -o web/img    render another file elsewhere
  presschart --only 'nepal-*' -f svg  only some figures, only SVG
  presschart --check data.toml        validate; write nothing
  presschart --only nepal-drop -f png -o - > nepal.png
  presschart --shard 2/4 election.toml   the second quarter of the figures
  presschart --watch                  re-render on every save of data.toml

Exit status: 0 all written, 1 a figure failed to render or write,
2 bad usage or invalid input (nothing written), 130 interrupted.

Flags:
`

type options struct {
	out     string
	formats []string
	only    []string
	list    bool
	check   bool
	json    bool
	quiet   bool
	version bool
	jobs    int
	shard   string
	help    bool
	cpuprof string
	watch   bool
	root    string
}

func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := pflag.NewFlagSet("presschart", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.StringVarP(&o.out, "out", "o", "out", "write files into `DIR`; \"-\" writes one figure's image to standard output")
	fs.StringSliceVarP(&o.formats, "format", "f", nil, "write these `FORMATS`: png, svg, html (default: the file's formats)")
	fs.StringSliceVar(&o.only, "only", nil, "render only the figures whose `ID`s match (glob patterns, comma-separated)")
	fs.StringVar(&o.shard, "shard", "", "render shard `I/N` of the figures, stable by id (1 <= I <= N)")
	fs.StringVar(&o.root, "root", "", "files that a TOML file names (CSV, fonts) must be inside `DIR` (default: that TOML file's folder)")
	fs.IntVarP(&o.jobs, "jobs", "j", 0, "render `N` figures at once (default: one per CPU core)")
	fs.BoolVar(&o.list, "list", false, "list the figures (id, type, title) and write nothing")
	fs.BoolVar(&o.check, "check", false, "validate the input and write nothing")
	fs.BoolVar(&o.json, "json", false, "print the manifest (files, sizes, sha256, alt text) as JSON to standard output")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing but errors")
	fs.BoolVarP(&o.watch, "watch", "w", false, "render, then render again whenever an input file changes, until interrupted")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVarP(&o.help, "help", "h", false, "show this help")
	fs.StringVar(&o.cpuprof, "cpuprofile", "", "write a CPU profile to `FILE` (for development)")
	fs.MarkHidden("cpuprofile")
	usage := func(w io.Writer) {
		fmt.Fprint(w, usageHead)
		fmt.Fprint(w, fs.FlagUsages())
	}
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "presschart: %v\n", err)
		fmt.Fprintln(stderr, "Run 'presschart --help' for usage.")
		return exitInvalid
	}
	if o.help {
		usage(stdout)
		return exitOK
	}
	if o.version {
		fmt.Fprintln(stdout, "presschart", charts.Version)
		return exitOK
	}
	if o.cpuprof != "" {
		f, err := os.Create(o.cpuprof)
		if err != nil {
			fmt.Fprintf(stderr, "presschart: --cpuprofile: %v\n", err)
			return exitInvalid
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "presschart: "+format+"\n", a...)
		return exitInvalid
	}
	if fs.Changed("format") {
		if _, msg := charts.CheckFormats(o.formats); msg != "" {
			return fail("--format: %s", msg)
		}
	}
	if o.jobs < 0 {
		return fail("--jobs: %d must be at least 1", o.jobs)
	}
	if o.jobs == 0 {
		o.jobs = runtime.NumCPU()
	}
	if _, _, err := parseShard(o.shard); err != nil {
		return fail("--shard: %v", err)
	}
	for _, p := range o.only {
		if _, err := path.Match(p, ""); err != nil {
			return fail("--only: bad pattern %q: %v", p, err)
		}
	}

	if o.out == "" {
		return fail("--out: is empty; give a folder, or - to write one image to standard output")
	}
	if o.out != "-" {
		// presschart does not write through a symbolic link, the output
		// folder included: a link put in its place would send the files
		// elsewhere.
		if info, err := os.Lstat(filepath.Clean(o.out)); err == nil && info.Mode()&os.ModeSymlink != 0 {
			return fail("--out: %s is a symbolic link; presschart does not write through links: give the folder it points to", o.out)
		} else if err == nil && !info.IsDir() {
			return fail("--out: %s is not a folder", o.out)
		}
	}
	if o.root != "" {
		if info, err := os.Stat(o.root); err != nil || !info.IsDir() {
			return fail("--root: %s is not a folder", o.root)
		}
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"data.toml"}
	}
	if o.watch && (slices.Contains(files, "-") || o.out == "-" || o.list || o.check) {
		return fail("--watch renders files into a folder; it does not go with -, -o -, --list or --check")
	}
	ctx, stopSignals := signal.NotifyContext(baseContext(), os.Interrupt, syscall.SIGTERM)
	defer stopSignals()
	if o.watch {
		return watch(ctx, &o, files, stdout, stderr)
	}
	status, _ := pass(ctx, &o, files, stdout, stderr, false)
	return status
}

// baseContext is the context of a run; tests replace it to stop --watch.
var baseContext = context.Background

// pass decodes the files, renders the selected figures and writes them.
// It returns the exit status and the files that the figures were made
// from, for --watch. With skipSame, files whose bytes have not changed are
// left alone.
func pass(ctx context.Context, o *options, files []string, stdout, stderr io.Writer, skipSame bool) (int, []string) {
	start := time.Now()
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "presschart: "+format+"\n", a...)
		return exitInvalid
	}
	inputs := slices.Clone(files)
	// Decode every file first: invalid input writes nothing.
	var figs []*charts.Figure
	invalid := false
	for _, name := range files {
		var f *charts.File
		var err error
		if name == "-" {
			var src []byte
			if src, err = readStdin(ctx); ctx.Err() != nil {
				fmt.Fprintln(stderr, "presschart: interrupted while reading standard input; nothing was written")
				return exitInterrupted, inputs
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
		return exitInvalid, inputs
	}
	if dup := duplicateID(figs); dup != "" {
		return fail("figure id %q appears in more than one input file; ids name the output files and must be unique", dup), inputs
	}
	shardI, shardN, _ := parseShard(o.shard)
	figs, err := selectFigures(figs, o.only, shardI, shardN)
	if err != nil {
		return fail("%v", err), inputs
	}

	if o.list {
		var b strings.Builder
		for _, f := range figs {
			fmt.Fprintf(&b, "%s\t%s\t%s\n", f.ID, f.Type, f.Title)
		}
		if _, err := io.WriteString(stdout, b.String()); err != nil {
			fmt.Fprintf(stderr, "presschart: writing the list to standard output: %v\n", err)
			return exitFailed, inputs
		}
		return exitOK, inputs
	}
	if o.check {
		// Lay every figure out, as a render would, so that --check
		// passes exactly what renders.
		var formats []string
		if len(o.formats) > 0 {
			formats = o.formats
		}
		bad := 0
		for _, f := range figs {
			if err := f.Check(formats); err != nil {
				fmt.Fprintln(stderr, err)
				bad++
			}
		}
		if bad > 0 {
			fmt.Fprintf(stderr, "presschart: %d of %d figures cannot be rendered\n", bad, len(figs))
			return exitInvalid, inputs
		}
		if !o.quiet {
			fmt.Fprintf(stderr, "presschart: %s: %d figures, all valid\n", strings.Join(files, ", "), len(figs))
		}
		return exitOK, inputs
	}

	var formats []string
	if len(o.formats) > 0 {
		formats = o.formats
	}
	if o.out == "-" {
		return toStdout(figs, formats, stdout, stderr), inputs
	}

	if err := os.MkdirAll(o.out, 0o755); err != nil {
		fmt.Fprintf(stderr, "presschart: --out %s: %s\n", o.out, describeErr(err))
		return exitFailed, inputs
	}
	removeStaleTemps(o.out)

	// Each figure is written as soon as it is rendered, so memory holds
	// only the figures in flight, not the whole batch.
	write := func(name string, data []byte) error {
		if skipSame {
			if old, err := os.ReadFile(filepath.Join(o.out, name)); err == nil && bytes.Equal(old, data) {
				return nil
			}
		}
		return writeFile(o.out, name, data)
	}
	results := renderAll(ctx, figs, formats, o.jobs, func(f *charts.Figure, outs []charts.Output) error {
		for _, out := range outs {
			if err := write(out.Path, out.Data()); err != nil {
				return fmt.Errorf("presschart: figure %q: %v", f.ID, err)
			}
		}
		return nil
	})

	// The manifest takes every figure that was written, even when the
	// run was interrupted or another figure failed.
	status := exitOK
	interrupted := ctx.Err() != nil
	var written []manifestFigure
	nfiles := 0
	for i, r := range results {
		switch {
		case r.skipped:
		case r.err != nil:
			fmt.Fprintln(stderr, r.err)
			status = exitFailed
		default:
			written = append(written, manifestFigure{ID: figs[i].ID, RenditionOf: figs[i].RenditionOf, Type: figs[i].Type, Title: figs[i].Title, Alt: r.alt, Files: r.outs})
			nfiles += len(r.outs)
		}
	}
	if _, err := mergeManifest(o.out, written); err != nil {
		fmt.Fprintf(stderr, "presschart: manifest: %v\n", err)
		status = exitFailed
	}
	if interrupted {
		removeStaleTemps(o.out)
		fmt.Fprintf(stderr, "presschart: interrupted; %d figures were written, complete, and listed in %s\n", len(written), filepath.Join(o.out, manifestName))
		return exitInterrupted, inputs
	}
	if o.json {
		m := manifest{Generator: "presschart " + charts.Version, Figures: append([]manifestFigure{}, written...)}
		slices.SortFunc(m.Figures, func(a, b manifestFigure) int { return strings.Compare(a.ID, b.ID) })
		if _, err := stdout.Write(m.encode()); err != nil {
			fmt.Fprintf(stderr, "presschart: --json: writing to standard output: %v\n", err)
			status = exitFailed
		}
	}
	if !o.quiet {
		fmt.Fprintf(stderr, "presschart: wrote %d files for %d of %d figures to %s/ in %s\n",
			nfiles, len(written), len(figs), strings.TrimSuffix(o.out, "/"), time.Since(start).Round(time.Millisecond))
	}
	return status, inputs
}

// readStdin reads standard input, at most 16 MiB of it, and gives up when
// ctx ends (an interrupt while a pipe stays open).
func readStdin(ctx context.Context) ([]byte, error) {
	type read struct {
		b   []byte
		err error
	}
	done := make(chan read, 1)
	go func() {
		b, err := charts.ReadLimited(os.Stdin, "<stdin>")
		done <- read{b, err}
	}()
	select {
	case r := <-done:
		return r.b, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

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
			fmt.Fprintf(stderr, "presschart: watching %d files for changes; Ctrl-C stops\n", len(before))
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

type result struct {
	outs    []charts.Output
	alt     string
	err     error
	skipped bool // not started: the run was interrupted first
}

// renderAll renders the figures, jobs at a time, and hands each one's
// files to write. The results keep the figures' order and describe the
// files without holding their bytes.
func renderAll(ctx context.Context, figs []*charts.Figure, formats []string, jobs int, write func(*charts.Figure, []charts.Output) error) []result {
	results := make([]result, len(figs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(jobs, len(figs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				// An interrupt stops the run between figures: a figure
				// that was started is written whole.
				if ctx.Err() != nil {
					results[i] = result{skipped: true}
					continue
				}
				outs, err := figs[i].RenderFiles(formats)
				if err == nil {
					err = write(figs[i], outs)
				}
				for j := range outs {
					outs[j].Release()
				}
				results[i] = result{outs: outs, err: err}
				if err == nil {
					results[i].alt = figs[i].AltText()
				}
			}
		}()
	}
	for i := range figs {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// toStdout writes one figure in one format to stdout.
func toStdout(figs []*charts.Figure, formats []string, stdout, stderr io.Writer) int {
	if len(figs) != 1 {
		fmt.Fprintf(stderr, "presschart: -o - writes one figure, but %d are selected; choose one with --only\n", len(figs))
		return exitInvalid
	}
	if formats == nil {
		formats = figs[0].Style.Formats
	}
	if len(formats) != 1 {
		fmt.Fprintln(stderr, "presschart: -o - writes one format; choose it with -f png or -f svg")
		return exitInvalid
	}
	outs, err := figs[0].RenderFiles(formats)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailed
	}
	if _, err := stdout.Write(outs[0].Data()); err != nil {
		fmt.Fprintf(stderr, "presschart: %v\n", err)
		return exitFailed
	}
	return exitOK
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
	for _, f := range figs {
		keep := len(only) == 0
		for i, p := range only {
			if ok, _ := path.Match(p, f.ID); ok {
				keep, matched[i] = true, true
			}
		}
		if keep && (shardN == 0 || shardOf(f.ID, shardN) == shardI) {
			out = append(out, f)
		}
	}
	for i, ok := range matched {
		if !ok {
			return nil, fmt.Errorf("--only: no figure id matches %q", only[i])
		}
	}
	return out, nil
}

// shardOf returns the shard (1..n) of a figure id: FNV-1a of the id, so a
// figure stays in its shard whatever else the file holds.
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
	return i, n, nil
}
