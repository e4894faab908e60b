package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/presschart/presschart/charts"
)

// The desk's preview (presschart serve): one page showing every figure of
// the watched files, redrawn on every save. Figures are rendered in
// memory, as presschart would write them; nothing reaches the output
// folder until the page's Write button is pressed, and a save that does
// not decode shows its errors over the last good images.

//go:embed serve.html
var previewPage []byte

// preview is the state and the handler of one preview.
type preview struct {
	o     *options
	files []string
	addr  string    // host:port it listens on, for the Host check
	log   io.Writer // where each render is reported

	mu      sync.Mutex
	state   previewState
	blobs   map[string][]byte // the last good render's files, by name
	changed chan struct{}     // closed when state changes, then replaced
	writing sync.Mutex        // one Write at a time
}

// previewState is what the page shows, as GET /state gives it.
type previewState struct {
	Version int             `json:"version"` // counts renders, good or bad
	Files   []string        `json:"files"`
	Errors  []apiError      `json:"errors"`  // the last render's problems; the figures are the last good ones
	Figures []previewFigure `json:"figures"` // the last good render
	Out     string          `json:"out"`     // the Write button's folder
}

// previewFigure is one figure of the page.
type previewFigure struct {
	ID       string        `json:"id"`
	Type     string        `json:"type"`
	Title    string        `json:"title"`
	Alt      string        `json:"alt"`
	File     string        `json:"file"`
	Line     int           `json:"line"`
	Source   string        `json:"source"` // its [[figure]] block
	Views    []previewView `json:"views"`
	Files    []fileInfo    `json:"files"` // every file it would write, renditions' included
	Warnings []string      `json:"warnings"`
}

// previewView is the figure or one of its renditions at its own density:
// the PNG and the SVG, side by side.
type previewView struct {
	Name   string         `json:"name"`  // "figure", "mobile", "dark", "mobile-dark"
	Theme  string         `json:"theme"` // light or dark
	Media  string         `json:"media,omitempty"`
	Width  int            `json:"width"` // CSS pixels
	Height int            `json:"height"`
	PNG    string         `json:"png,omitempty"` // URLs, with the file's sum, so that a new version is a new URL
	SVG    string         `json:"svg,omitempty"`
	Bytes  map[string]int `json:"bytes"`
}

type fileInfo struct {
	Path  string `json:"path"`
	Bytes int    `json:"bytes"`
}

func newPreview(o *options, files []string, addr string, log io.Writer) *preview {
	return &preview{o: o, files: files, addr: addr, log: log, blobs: map[string][]byte{}, changed: make(chan struct{}),
		state: previewState{Files: files, Out: o.out, Errors: []apiError{}, Figures: []previewFigure{}}}
}

// run renders, then renders again on every change of an input, until ctx
// ends.
func (p *preview) run(ctx context.Context) {
	waiter := newChangeWaiter()
	defer waiter.close()
	inputs := slices.Clone(p.files)
	for {
		before := stamps(inputs) // before reading: a save during a render renders again
		used := p.render()
		inputs = watchList(p.files, used, before)
		if !waiter.wait(ctx, inputs, before) {
			return
		}
	}
}

// render reads and renders every figure of the files in memory and
// publishes the result; it returns the files the figures were made from.
func (p *preview) render() (inputs []string) {
	inputs = slices.Clone(p.files)
	var problems []apiError
	var figs []*charts.Figure
	sources := map[string][]charts.FigureSource{}
	for _, name := range p.files {
		src, err := charts.ReadInput(name)
		if err == nil {
			var f *charts.File
			if f, err = charts.DecodeIn(name, src, filepath.Dir(name), p.o.root); err == nil {
				figs = append(figs, f.Figures...)
				sources[name] = charts.FigureSources(src)
			}
		}
		if err != nil {
			problems = append(problems, apiErrors(err)...)
		}
	}
	for _, f := range figs {
		inputs = append(inputs, f.Inputs()...)
	}
	if dup := duplicateID(figs); dup != "" {
		problems = append(problems, apiError{Message: fmt.Sprintf("figure id %q appears in more than one input file; ids name the output files and must be unique", dup)})
	}
	if len(problems) > 0 {
		p.publish(problems, nil, nil)
		return inputs
	}

	// Every figure as presschart writes it, its renditions included.
	type rendered struct {
		outs     []charts.Output
		alt      string
		warnings []string
		err      error
	}
	res := make([]rendered, len(figs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(p.o.jobs, len(figs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f := figs[i]
				r := &res[i]
				r.outs, r.alt, r.err = f.Publish(nil)
				if r.err == nil && !f.DensityVariant() {
					r.warnings, r.err = f.Lint()
				}
			}
		}()
	}
	for i := range figs {
		next <- i
	}
	close(next)
	wg.Wait()

	blobs := map[string][]byte{}
	var out []previewFigure
	byID := map[string]int{}
	counts := map[string]int{} // figures seen per file, to find each one's block
	for i, f := range figs {
		r := res[i]
		if r.err != nil {
			problems = append(problems, apiErrors(r.err)...)
			continue
		}
		owner := f.ID
		if f.RenditionOf != "" {
			owner = f.RenditionOf
		}
		j, ok := byID[owner]
		if !ok {
			j = len(out)
			byID[owner] = j
			pf := previewFigure{ID: owner, File: f.File(), Views: []previewView{}, Files: []fileInfo{}, Warnings: []string{}}
			if f.RenditionOf == "" {
				pf.Type, pf.Title, pf.Alt = f.Type, f.Title, r.alt
				if secs := sources[f.File()]; counts[f.File()] < len(secs) {
					s := secs[counts[f.File()]]
					pf.Line, pf.Source = s.Line, s.Text
				}
				counts[f.File()]++
			}
			out = append(out, pf)
		}
		pf := &out[j]
		for _, w := range r.warnings {
			if f.RenditionOf != "" {
				w = f.ID + ": " + w
			}
			pf.Warnings = append(pf.Warnings, w)
		}
		if !f.DensityVariant() {
			name := "figure"
			if f.RenditionOf != "" {
				name = strings.TrimPrefix(f.ID, f.RenditionOf+"-")
			}
			v := previewView{Name: name, Theme: f.Theme(), Media: f.Media, Bytes: map[string]int{}}
			for _, o := range r.outs {
				url := "/file/" + o.Path + "?v=" + o.SHA256[:16]
				switch o.Format {
				case "png":
					v.PNG = url
					if v.Width == 0 { // no SVG: its device pixels
						v.Width, v.Height = o.Width, o.Height
					}
				case "svg":
					v.SVG, v.Width, v.Height = url, o.Width, o.Height
				}
				if o.Format == "png" || o.Format == "svg" {
					v.Bytes[o.Format] = o.Bytes
				}
			}
			if name == "figure" {
				pf.Views = append([]previewView{v}, pf.Views...)
			} else {
				pf.Views = append(pf.Views, v)
			}
		}
		for _, o := range r.outs {
			blobs[o.Path] = o.Data()
			pf.Files = append(pf.Files, fileInfo{Path: o.Path, Bytes: o.Bytes})
		}
	}
	if len(problems) > 0 {
		p.publish(problems, nil, nil)
		return inputs
	}
	// The figure first, then its renditions: its own size before others,
	// narrower before wider, light before dark.
	for i := range out {
		views := out[i].Views
		if len(views) < 2 {
			continue
		}
		own := views[0].Width
		slices.SortStableFunc(views[1:], func(a, b previewView) int {
			ka := [3]int{b2i(a.Width != own), a.Width, b2i(a.Theme == "dark")}
			kb := [3]int{b2i(b.Width != own), b.Width, b2i(b.Theme == "dark")}
			return slices.Compare(ka[:], kb[:])
		})
	}
	p.publish([]apiError{}, out, blobs)
	return inputs
}

// publish makes a render the page's state: with problems, only they
// change, and the last good figures stay.
func (p *preview) publish(problems []apiError, figs []previewFigure, blobs map[string][]byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.state.Version++
	p.state.Errors = problems
	if len(problems) == 0 {
		p.state.Figures, p.blobs = figs, blobs
		if p.state.Figures == nil {
			p.state.Figures = []previewFigure{}
		}
	}
	if !p.o.quiet && p.log != nil {
		// The terminal says what the page says.
		if len(problems) > 0 {
			for _, e := range problems {
				fmt.Fprintln(p.log, e.Text)
			}
			if len(p.state.Figures) > 0 {
				fmt.Fprintln(p.log, "presschart: invalid input; the preview keeps the last good figures")
			} else {
				fmt.Fprintln(p.log, "presschart: invalid input; the preview shows the figures once the file is valid")
			}
		} else {
			fmt.Fprintf(p.log, "presschart: preview redrawn: %d figures\n", len(figs))
		}
	}
	close(p.changed)
	p.changed = make(chan struct{})
}

// ServeHTTP answers the page's requests. Only the host it listens on may
// ask (a page on another site cannot reach it through a DNS name that
// points here), and writing needs a header that a form of another site
// cannot send.
func (p *preview) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	if !p.hostAllowed(r.Host) {
		http.Error(w, "this preview answers only at "+p.addr, http.StatusMisdirectedRequest)
		return
	}
	switch {
	case r.URL.Path == "/" && r.Method == http.MethodGet:
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'")
		w.Write(previewPage)
	case r.URL.Path == "/state" && r.Method == http.MethodGet:
		p.mu.Lock()
		b, err := json.Marshal(p.state)
		p.mu.Unlock()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		h.Set("Content-Type", "application/json; charset=utf-8")
		w.Write(b)
	case r.URL.Path == "/events" && r.Method == http.MethodGet:
		p.events(w, r)
	case strings.HasPrefix(r.URL.Path, "/file/") && r.Method == http.MethodGet:
		name := strings.TrimPrefix(r.URL.Path, "/file/")
		p.mu.Lock()
		data, ok := p.blobs[name]
		p.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		ext := strings.TrimPrefix(filepath.Ext(name), ".")
		if strings.HasSuffix(name, ".inline.html") {
			ext = "inline"
		}
		h.Set("Content-Type", contentTypes[ext])
		if ext == "svg" {
			h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
		}
		if ext == "html" || ext == "inline" {
			h.Set("Content-Type", "text/plain; charset=utf-8") // shown as source, not run
		}
		w.Write(data)
	case r.URL.Path == "/write" && r.Method == http.MethodPost:
		if r.Header.Get("X-Presschart") != "write" {
			http.Error(w, "write needs the header X-Presschart: write", http.StatusForbidden)
			return
		}
		p.write(w, r)
	default:
		http.NotFound(w, r)
	}
}

// hostAllowed: the preview answers to its own address, to localhost and
// the loopback names with its port, and, when it listens beyond this
// machine, to any IP address with its port, but never to a host name: a
// web page elsewhere could point a name of its own at this address (DNS
// rebinding) and then read and write through the page as if it were its
// own.
func (p *preview) hostAllowed(host string) bool {
	lh, port, err := net.SplitHostPort(p.addr)
	if err != nil {
		return false
	}
	h, hp, err := net.SplitHostPort(host)
	if err != nil || hp != port {
		return false
	}
	if strings.EqualFold(h, "localhost") || strings.EqualFold(h, lh) {
		return true
	}
	ip := net.ParseIP(h)
	if ip == nil {
		return false
	}
	listen := net.ParseIP(lh)
	return ip.IsLoopback() || listen != nil && listen.IsUnspecified()
}

// events streams the state's version to the page (Server-Sent Events):
// one event on connecting and one on every change.
func (p *preview) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	for {
		p.mu.Lock()
		version, changed := p.state.Version, p.changed
		p.mu.Unlock()
		fmt.Fprintf(w, "data: %d\n\n", version)
		flusher.Flush()
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		}
	}
}

// write writes the files presschart would write, through the same code.
func (p *preview) write(w http.ResponseWriter, r *http.Request) {
	p.writing.Lock()
	defer p.writing.Unlock()
	var msg bytes.Buffer
	o := *p.o
	o.quiet = false
	status, _ := pass(r.Context(), &o, p.files, io.Discard, &msg, false)
	// The answer's status says what the command's exit status says.
	code := map[int]int{exitOK: http.StatusOK, exitInvalid: http.StatusUnprocessableEntity}[status]
	if code == 0 {
		code = http.StatusInternalServerError
	}
	writeJSON(w, code, map[string]any{"status": status, "message": strings.TrimSpace(msg.String())})
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
