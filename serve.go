package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"
)

const serveUsage = `presschart serve shows the figures of TOML files in a browser page that
updates on every save, or, with --api, renders figures for other programs.

Usage:
  presschart serve [flags] [FILE.toml ...]    preview (FILE defaults to data.toml)
  presschart serve --api [flags]              the render service

The preview listens on 127.0.0.1 and a free port unless --addr says
otherwise, and prints its address. Its "Write" button writes the files
that presschart would write into --out.

The service answers POST /render?format=png|svg|html|inline&id=ID with a
TOML body (the image, or a JSON list of errors with status 400) and
GET /healthz. A body may name no CSV, font or logo file unless --root
names the folder they are read from.

Flags:
`

// serveMain runs presschart serve.
func serveMain(args []string, stdout, stderr io.Writer) int {
	var (
		o  options
		so serveOptions
	)
	fs := serveFlags(&o, &so)
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "presschart serve: %v\nRun 'presschart serve --help' for usage.\n", err)
		return exitInvalid
	}
	if so.help {
		io.WriteString(stdout, serveUsage+fs.FlagUsages())
		return exitOK
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "presschart serve: "+format+"\n", a...)
		return exitInvalid
	}
	if so.slots < 1 || so.slots > 1024 {
		return fail("--concurrency: %d must be from 1 to 1024", so.slots)
	}
	body, ok := parseSize(so.body)
	if !ok || body < 1<<10 || body > maxBody {
		return fail("--max-body: %q must be a size from 1KiB to 16MiB, such as 512KiB or 4MiB", so.body)
	}
	if so.timeout <= 0 {
		return fail("--timeout: %s must be more than 0", so.timeout)
	}
	if o.root != "" {
		if info, err := os.Stat(o.root); err != nil || !info.IsDir() {
			return fail("--root: %s is not a folder", o.root)
		}
	}
	files := fs.Args()
	if so.api && len(files) > 0 {
		return fail("--api renders the TOML files that requests send; it takes no files (%s)", strings.Join(files, " "))
	}
	if len(files) == 0 {
		files = []string{"data.toml"}
	}
	for _, f := range files {
		if f == "-" {
			return fail("the preview watches files; it cannot read standard input")
		}
	}
	o.jobs = runtime.NumCPU()
	if o.out == "" || o.out == "-" {
		return fail("--out: give a folder for the Write button")
	}

	ctx, stop := signal.NotifyContext(baseContext(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", so.addr)
	if err != nil {
		return fail("--addr: %v", err)
	}
	url := "http://" + browsable(ln.Addr().(*net.TCPAddr)) + "/"

	var handler http.Handler
	if so.api {
		handler = newRenderService(apiConfig{root: o.root, maxBody: body, timeout: so.timeout, slots: so.slots, queue: 64 * so.slots, wait: 5 * time.Second, log: stderr})
		// The address is printed even with -q: with port 0 there is no
		// other way to find it.
		fmt.Fprintf(stderr, "presschart: render service at %s (POST /render, GET /healthz); Ctrl-C stops\n", url)
	} else {
		p := newPreview(&o, files, ln.Addr().String(), stderr)
		go p.run(ctx)
		handler = p
		fmt.Fprintf(stderr, "presschart: previewing %s at %s ; Ctrl-C stops\n", strings.Join(files, ", "), url)
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	if so.api {
		// A slow reader cannot hold a connection for ever; the
		// preview's event stream stays open, so only the service has this.
		srv.WriteTimeout = so.timeout + 30*time.Second
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(stderr, "presschart serve: %v\n", err)
			return exitFailed
		}
	case <-ctx.Done():
		// Requests in flight finish; the preview's event streams end
		// with ctx.
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}
	return exitOK
}

// browsable is an address to print for a listener: one that listens on
// every interface (":8080") is reached at localhost.
func browsable(a *net.TCPAddr) string {
	if a.IP == nil || a.IP.IsUnspecified() {
		return net.JoinHostPort("localhost", fmt.Sprint(a.Port))
	}
	return a.String()
}

// parseSize reads a size such as 512KiB, 4MiB or 1048576.
func parseSize(s string) (int64, bool) {
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"MiB", 1 << 20}, {"MB", 1 << 20}, {"M", 1 << 20}, {"KiB", 1 << 10}, {"KB", 1 << 10}, {"K", 1 << 10}} {
		if t, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = t, u.n
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 || n > 1<<40 {
		return 0, false
	}
	return n * mult, true
}

// serveOptions are presschart serve's own flags.
type serveOptions struct {
	addr    string
	api     bool
	timeout time.Duration
	slots   int
	help    bool
	body    string
}

// serveFlags defines presschart serve's flags.
func serveFlags(o *options, so *serveOptions) *pflag.FlagSet {
	fs := pflag.NewFlagSet("presschart serve", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.StringVar(&so.addr, "addr", "127.0.0.1:0", "listen on `HOST:PORT` (port 0: a free one)")
	fs.BoolVar(&so.api, "api", false, "serve the render API instead of the preview")
	fs.StringVar(&o.root, "root", "", "files that a TOML file names must be inside `DIR`; with --api, the folder a request may name files in (default: none)")
	fs.StringVarP(&o.out, "out", "o", "out", "the preview's Write button writes into `DIR`")
	fs.DurationVar(&so.timeout, "timeout", 10*time.Second, "with --api, answer 503 when a render takes longer than `D`")
	fs.IntVar(&so.slots, "concurrency", runtime.NumCPU(), "with --api, render at most `N` requests at once; more wait, then get 503")
	fs.StringVar(&so.body, "max-body", "1MiB", "with --api, the largest body read, up to 16MiB (`SIZE`: 512KiB, 4MiB)")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing but errors")
	fs.BoolVarP(&so.help, "help", "h", false, "show this help")
	return fs
}
