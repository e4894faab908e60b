package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/presschart/presschart/charts"
)

// The render service (presschart serve --api): POST a TOML file, get one
// figure's image. It keeps nothing between requests, so any number of
// copies behind a load balancer serve alike, and the same body gives the
// same bytes, so an HTTP cache in front of it works.

// maxBody is the largest request body --max-body allows: the largest
// TOML file presschart reads. defaultBody is the default: a figure's TOML
// is a few kilobytes (10,000 rows written inline, about 350 KB), and the
// TOML decoder can need 200 times a body's size in memory for one built
// to cost the most (a megabyte of {a=1}, 194 MiB).
const (
	maxBody     = 16 << 20
	defaultBody = 1 << 20
)

// bodyTime is the longest a request may take to send its body.
const bodyTime = 10 * time.Second

// sizeName writes a byte count as people say it: "1 MiB", "512 KiB".
func sizeName(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// apiConfig are the service's limits.
type apiConfig struct {
	root    string        // the folder a body's data, font and logo may name; "" for none
	maxBody int64         // the largest body read
	timeout time.Duration // the longest a render may take before the request is answered 503
	slots   int           // renders at once
	queue   int           // requests that may wait for a slot; more get 503 at once
	wait    time.Duration // the longest a request waits for a slot
	log     io.Writer     // where a bug's whole report goes (the client gets its first line); nil: nowhere
}

// apiError is one problem in a JSON error response.
type apiError struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Figure  string `json:"figure,omitempty"`
	Key     string `json:"key,omitempty"`
	Message string `json:"message"`
	Text    string `json:"text"` // the whole message, as the command line prints it
}

// apiErrors turns a decoding or rendering error into the response's list.
func apiErrors(err error) []apiError {
	var es charts.Errors
	if errors.As(err, &es) {
		out := make([]apiError, len(es))
		for i, e := range es {
			out[i] = apiError{File: e.File, Line: e.Line, Column: e.Col, Figure: e.Figure, Key: e.Key, Message: e.Msg, Text: e.Error()}
		}
		return out
	}
	return []apiError{{Message: err.Error(), Text: err.Error()}}
}

// renderService is the handler of presschart serve --api.
type renderService struct {
	cfg     apiConfig
	slots   chan struct{} // a token per render in progress
	waiting chan struct{} // a token per request waiting for a slot
}

func newRenderService(cfg apiConfig) *renderService {
	return &renderService{cfg: cfg, slots: make(chan struct{}, cfg.slots), waiting: make(chan struct{}, cfg.queue)}
}

func (s *renderService) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	switch r.URL.Path {
	case "/healthz":
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeJSONError(w, http.StatusMethodNotAllowed, "use GET")
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, "ok\n")
	case "/render":
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			writeJSONError(w, http.StatusMethodNotAllowed, "POST a TOML file to /render")
			return
		}
		s.render(w, r)
	default:
		writeJSONError(w, http.StatusNotFound, "not found; the service answers POST /render and GET /healthz")
	}
}

// render answers POST /render?format=png|svg|html|inline&id=ID.
func (s *renderService) render(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format := q.Get("format")
	if format == "" {
		format = "png"
	}
	if !slices.Contains(charts.FormatNames(), format) {
		writeJSONError(w, http.StatusBadRequest, fmt.Sprintf("format: %q is not a format; use %s", format, strings.Join(charts.FormatNames(), ", ")))
		return
	}
	id := q.Get("id")

	// A place in the line, then the body, then a render slot: the line
	// bounds the bodies held in memory, and a slow upload holds a place
	// in the line, never a render slot.
	if r.ContentLength > s.cfg.maxBody {
		writeJSONError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is over %s, the most this service reads (--max-body)", sizeName(s.cfg.maxBody)))
		return
	}
	select {
	case s.waiting <- struct{}{}:
	default:
		busy(w, "too many requests are waiting")
		return
	}
	defer func() { <-s.waiting }()
	http.NewResponseController(w).SetReadDeadline(time.Now().Add(bodyTime))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeJSONError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is over %s, the most this service reads (--max-body)", sizeName(s.cfg.maxBody)))
			return
		}
		writeJSONError(w, http.StatusBadRequest, "reading the body: "+err.Error())
		return
	}
	timer := time.NewTimer(s.cfg.wait)
	select {
	case s.slots <- struct{}{}:
		timer.Stop()
	case <-timer.C:
		busy(w, "every render slot stayed busy")
		return
	case <-r.Context().Done():
		timer.Stop()
		return
	}

	type done struct {
		out charts.Output
		err error
		bad bool // the input's fault: 400
	}
	ch := make(chan done, 1)
	// The render gives its slot back when it ends, even after the
	// request was answered for taking too long: the cap holds.
	go func() {
		defer func() { <-s.slots }()
		defer func() {
			if p := recover(); p != nil {
				ch <- done{err: fmt.Errorf("internal error: %v", p)}
			}
		}()
		out, err, bad := renderRequest(body, id, format, s.cfg.root)
		ch <- done{out, err, bad}
	}()
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.timeout)
	defer cancel()
	select {
	case d := <-ch:
		if d.err != nil {
			status := http.StatusInternalServerError
			if d.bad {
				status = http.StatusBadRequest
			} else if msg := d.err.Error(); strings.Contains(msg, "internal error") {
				// A bug's stack is the server's log's, not the
				// client's: it names source files and addresses.
				if s.cfg.log != nil {
					fmt.Fprintf(s.cfg.log, "presschart serve: %s\n", msg)
				}
				first, _, _ := strings.Cut(msg, "\n")
				d.err = errors.New(first + " (the server's log has the details)")
			}
			writeJSON(w, status, map[string]any{"errors": apiErrors(d.err)})
			return
		}
		writeImage(w, r, d.out)
	case <-ctx.Done():
		if r.Context().Err() == nil {
			w.Header().Set("Retry-After", "10")
			writeJSONError(w, http.StatusServiceUnavailable, fmt.Sprintf("the render took longer than %s", s.cfg.timeout))
		}
	}
}

// renderRequest decodes body and renders one of its figures in format.
// bad says the error is the input's.
func renderRequest(body []byte, id, format, root string) (out charts.Output, err error, bad bool) {
	file, err := charts.DecodeRequest("request.toml", body, root)
	if err != nil {
		return out, err, true
	}
	var fig *charts.Figure
	var ids []string
	for _, f := range file.Figures {
		if f.RenditionOf == "" {
			ids = append(ids, f.ID)
		}
		if f.ID == id {
			fig = f
		}
	}
	switch {
	case id == "" && len(ids) == 1:
		for _, f := range file.Figures {
			if f.ID == ids[0] {
				fig = f
			}
		}
	case id == "":
		return out, fmt.Errorf("id: the body has %d figures (%s); name one with ?id=", len(ids), listIDs(ids)), true
	case fig == nil:
		return out, fmt.Errorf("id: the body has no figure %q; its figures are %s", clipID(id), listIDs(ids)), true
	}
	// A snippet names the images written beside it: it is made with
	// them, as the command line makes it.
	formats := []string{format}
	if own := fig.Formats(); charts.NamesOthers(format) && slices.Contains(own, format) {
		formats = own
	}
	outs, err := fig.RenderFiles(formats)
	if err != nil {
		return out, err, !strings.Contains(err.Error(), "internal error")
	}
	for _, o := range outs {
		if o.Format == format {
			return o, nil, false
		}
	}
	return out, fmt.Errorf("id: %q is a rendition that is not written as %s", fig.ID, format), true
}

// listIDs names a few ids for a message.
func listIDs(ids []string) string {
	const most = 10
	q := make([]string, 0, most)
	for _, id := range ids[:min(len(ids), most)] {
		q = append(q, fmt.Sprintf("%q", id))
	}
	s := strings.Join(q, ", ")
	if len(ids) > most {
		s += fmt.Sprintf(" and %d more", len(ids)-most)
	}
	return s
}

// clipID cuts an id from a query for a message.
func clipID(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}

// contentTypes are the media types of the formats' files.
var contentTypes = map[string]string{
	"png":    "image/png",
	"svg":    "image/svg+xml",
	"html":   "text/html; charset=utf-8",
	"inline": "text/html; charset=utf-8",
}

// writeImage answers with a rendered file, its ETag the sha256 of its
// bytes; a request that already has them gets 304.
func writeImage(w http.ResponseWriter, r *http.Request, o charts.Output) {
	data := o.Data()
	sum := sha256.Sum256(data)
	etag := `"` + hex.EncodeToString(sum[:]) + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Content-Type", contentTypes[o.Format])
	if o.Format == "svg" {
		// An SVG opened on its own may not run or fetch anything.
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
	}
	if match := r.Header.Get("If-None-Match"); match != "" {
		for _, m := range strings.Split(match, ",") {
			if m = strings.TrimSpace(m); m == etag || m == "W/"+etag || m == "*" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		}
	}
	h.Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(http.StatusOK)
	w.Write(data)
}

func busy(w http.ResponseWriter, why string) {
	w.Header().Set("Retry-After", "1")
	writeJSONError(w, http.StatusServiceUnavailable, why+"; try again in a second")
}

func writeJSONError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]any{"errors": []apiError{{Message: msg, Text: msg}}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"errors":[{"message":"internal error"}]}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}
