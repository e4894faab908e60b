package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/presschart/presschart/charts"
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
  presschart serve [--api] [flags] [FILE.toml ...]   preview in a browser, or a render service
  presschart import [--type TYPE] TABLE.csv|.xlsx      print a starter figure for a table
  presschart init [DIR]                               write a starter data.toml to begin with
  presschart version [--json]                         the version, the commit, the Go release
  presschart completion bash|zsh|fish                 a shell completion script
  presschart man                                      the man page, presschart(1)

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
  presschart serve                    a page that redraws data.toml on every save
  presschart import rates.csv >> data.toml   start a figure from a table

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
	strict  bool
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "serve" {
		return serveMain(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "import" {
		return importMain(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "version" {
		return versionMain(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "init" {
		return initMain(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "completion" {
		return completionMain(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "man" {
		return manMain(args[1:], stdout, stderr)
	}
	var o options
	fs := mainFlags(&o)
	usage := func(w io.Writer) {
		fmt.Fprint(w, usageHead)
		fmt.Fprint(w, fs.FlagUsages())
	}
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "presschart: %v\n", err)
		fmt.Fprintln(stderr, "Run 'presschart --help' for usage.")
		return exitInvalid
	}
	if o.help || o.version {
		var b strings.Builder
		if o.help {
			usage(&b)
		} else {
			b.WriteString(readBuildInfo().String())
		}
		if _, err := io.WriteString(stdout, b.String()); err != nil {
			fmt.Fprintf(stderr, "presschart: writing to standard output: %v\n", err)
			return exitFailed
		}
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
		if _, err := os.Stat("data.toml"); errors.Is(err, iofs.ErrNotExist) {
			return fail("there is no data.toml here; run 'presschart init' to write a starter one, or name a TOML file (presschart --help)")
		}
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

// pass reads the files, renders the selected figures, writes them and
// merges them into the folder's manifest. It returns the exit status and
// the files that the figures were made from, for --watch. With skipSame,
// files whose bytes have not changed are left alone.
func pass(ctx context.Context, o *options, files []string, stdout, stderr io.Writer, skipSame bool) (int, []string) {
	start := time.Now()
	figs, inputs, status := readFigures(ctx, o, files, stderr)
	if status != exitOK {
		return status, inputs
	}
	var formats []string
	if len(o.formats) > 0 {
		formats = o.formats
	}
	switch {
	case o.list:
		return list(figs, stdout, stderr), inputs
	case o.check:
		return check(figs, formats, files, o, stderr), inputs
	case o.out == "-":
		return toStdout(figs, formats, stdout, stderr), inputs
	}

	if err := os.MkdirAll(o.out, 0o755); err != nil {
		fmt.Fprintf(stderr, "presschart: --out %s: %s\n", o.out, describeErr(err))
		return exitFailed, inputs
	}
	removeStaleTemps(o.out)
	// Counted now: past writing, nothing keeps the figures (and the text
	// a large file's figures are decoded again from) alive.
	total := 0
	for _, f := range figs {
		if f.RenditionOf == "" {
			total++
		}
	}
	written, nfiles, same, status := writeFigures(ctx, o, figs, formats, skipSame, stderr)
	figs = nil

	// The manifest takes every figure that was written, even when the
	// run was interrupted or another figure failed.
	if err := mergeManifest(o.out, written); err != nil {
		fmt.Fprintf(stderr, "presschart: manifest: %v\n", err)
		status = exitFailed
	}
	if ctx.Err() != nil {
		removeStaleTemps(o.out)
		fmt.Fprintf(stderr, "presschart: interrupted; %d figures were written, complete, and listed in %s\n", len(written), filepath.Join(o.out, manifestName))
		return exitInterrupted, inputs
	}
	if o.json {
		m := manifest{Generator: readBuildInfo().generator(), Figures: append([]manifestFigure{}, written...)}
		slices.SortFunc(m.Figures, func(a, b manifestFigure) int { return strings.Compare(a.ID, b.ID) })
		if err := m.writeTo(stdout); err != nil {
			fmt.Fprintf(stderr, "presschart: --json: writing to standard output: %v\n", err)
			status = exitFailed
		}
	}
	if !o.quiet {
		kept := ""
		if same > 0 { // --watch leaves files whose bytes did not change
			kept = fmt.Sprintf(", %d unchanged", same)
		}
		// Renditions are counted apart: a figure with embed is a dozen files.
		done, rends := 0, 0
		for _, w := range written {
			switch {
			case w.RenditionOf == "":
				done++
			case len(w.Files) > 0: // not a rendition -f left without files
				rends++
			}
		}
		also := ""
		if rends > 0 {
			also = fmt.Sprintf(" and %d renditions", rends)
		}
		fmt.Fprintf(stderr, "presschart: wrote %d files for %d of %d figures%s to %s/ (and its manifest) in %s%s\n",
			nfiles, done, total, also, strings.TrimSuffix(o.out, "/"), time.Since(start).Round(time.Millisecond), kept)
	}
	return status, inputs
}

// countFigures says how many figures, and renditions of them, figs holds:
// "7 figures", "7 figures and 63 renditions".
func countFigures(figs []*charts.Figure) string {
	n, r := 0, 0
	for _, f := range figs {
		if f.RenditionOf == "" {
			n++
		} else {
			r++
		}
	}
	s := fmt.Sprintf("%d figure%s", n, plural(n))
	if r > 0 {
		s += fmt.Sprintf(" and %d rendition%s", r, plural(r))
	}
	return s
}

// list prints id, type and title of each figure (--list).
func list(figs []*charts.Figure, stdout, stderr io.Writer) int {
	var b strings.Builder
	for _, f := range figs {
		if f.RenditionOf != "" {
			fmt.Fprintf(&b, "%s\t%s\trendition of %s\n", f.ID, f.Type, f.RenditionOf)
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", f.ID, f.Type, f.Title)
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		fmt.Fprintf(stderr, "presschart: writing the list to standard output: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// check lays every figure out, as a render would, so that --check passes
// exactly what renders, and reports what the layout checker finds (text
// off the canvas, overlapping, over a mark, or cut) as warnings, or as
// errors with --strict.
func check(figs []*charts.Figure, formats, files []string, o *options, stderr io.Writer) int {
	bad, warned := 0, 0
	for _, f := range figs {
		if err := f.Check(formats); err != nil {
			fmt.Fprintln(stderr, err)
			bad++
			continue
		}
		if f.DensityVariant() {
			continue // the layout of a rendition checked at its own density
		}
		findings, err := f.Lint()
		if err != nil {
			fmt.Fprintln(stderr, err)
			bad++
			continue
		}
		level := "warning"
		if o.strict {
			level = "error"
		}
		// A figure's first findings say what is wrong; a crowded one
		// could list hundreds.
		const most = 10
		for _, fd := range findings[:min(len(findings), most)] {
			fmt.Fprintf(stderr, "%s: figure %q: layout %s: %s\n", f.File(), f.ID, level, fd)
		}
		if len(findings) > most {
			fmt.Fprintf(stderr, "%s: figure %q: and %d more layout %ss\n", f.File(), f.ID, len(findings)-most, level)
		}
		if len(findings) > 0 {
			warned++
		}
	}
	if bad > 0 {
		fmt.Fprintf(stderr, "presschart: %d of %d figures cannot be rendered\n", bad, len(figs))
		return exitInvalid
	}
	if warned > 0 && o.strict {
		fmt.Fprintf(stderr, "presschart: %d of %d figures break layout rules (--strict)\n", warned, len(figs))
		return exitInvalid
	}
	if !o.quiet {
		msg := "all valid"
		if warned > 0 {
			msg = fmt.Sprintf("all valid; %d with layout warnings", warned)
		}
		fmt.Fprintf(stderr, "presschart: %s: %s, %s\n", strings.Join(files, ", "), countFigures(figs), msg)
	}
	return exitOK
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// mainFlags defines presschart's flags: the command line, --help, the man
// page and the shell completions all read them from here.
func mainFlags(o *options) *pflag.FlagSet {
	fs := pflag.NewFlagSet("presschart", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.StringVarP(&o.out, "out", "o", "out", "write files into `DIR`; \"-\" writes one figure's image to standard output")
	fs.StringSliceVarP(&o.formats, "format", "f", nil, "write these `FORMATS`: png, svg, html, inline (default: the file's formats)")
	fs.StringSliceVar(&o.only, "only", nil, "render only the figures whose `ID`s match (glob patterns, comma-separated)")
	fs.StringVar(&o.shard, "shard", "", "render shard `I/N` of the figures, stable by id (1 <= I <= N)")
	fs.StringVar(&o.root, "root", "", "files that a TOML file names (CSV, fonts, logos) must be inside `DIR` (default: that TOML file's folder)")
	fs.IntVarP(&o.jobs, "jobs", "j", 0, "render `N` figures at once (default: one per CPU core)")
	fs.BoolVar(&o.list, "list", false, "list the figures (id, type, title) and write nothing")
	fs.BoolVar(&o.check, "check", false, "validate the input, lay every figure out, report layout problems as warnings, and write nothing")
	fs.BoolVar(&o.strict, "strict", false, "with --check, treat layout warnings as errors")
	fs.BoolVar(&o.json, "json", false, "print the manifest (files, sizes, sha256, alt text) as JSON to standard output")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing but errors")
	fs.BoolVarP(&o.watch, "watch", "w", false, "render, then render again whenever an input file changes, until interrupted")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVarP(&o.help, "help", "h", false, "show this help")
	fs.StringVar(&o.cpuprof, "cpuprofile", "", "write a CPU profile to `FILE` (for development)")
	fs.MarkHidden("cpuprofile")
	return fs
}
