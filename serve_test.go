package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// post sends body to the service at url and returns the response and its
// body.
func post(t *testing.T, url, body string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// errorsOf reads a JSON error response.
func errorsOf(t *testing.T, b []byte) []apiError {
	t.Helper()
	var r struct{ Errors []apiError }
	if err := json.Unmarshal(b, &r); err != nil || len(r.Errors) == 0 {
		t.Fatalf("not a JSON error list (%v): %s", err, b)
	}
	return r.Errors
}

// TestRenderService: the service renders the story's figures byte for
// byte as the command line writes them into out/, with an ETag of their
// sum, and refuses every kind of bad request with a status and a JSON
// list of errors.
func TestRenderService(t *testing.T) {
	story, err := os.ReadFile("data.toml")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "counts.csv"), []byte("label,value\nNepal,15000\nIndia,4000\n"), 0o644)
	os.WriteFile(filepath.Join(filepath.Dir(root), "secret.csv"), []byte("label,value\nTOKEN,1\n"), 0o644)
	srv := httptest.NewServer(newRenderService(apiConfig{maxBody: maxBody, timeout: 20 * time.Second, slots: 2, queue: 8, wait: 5 * time.Second}))
	defer srv.Close()
	rooted := httptest.NewServer(newRenderService(apiConfig{root: root, maxBody: maxBody, timeout: 20 * time.Second, slots: 2, queue: 8, wait: 5 * time.Second}))
	defer rooted.Close()

	for _, c := range []struct{ id, format, ctype string }{
		{"estimates", "png", "image/png"},
		{"nepal-drop", "svg", "image/svg+xml"},
		{"killed-donut", "html", "text/html; charset=utf-8"},
		{"estimates-mobile-dark", "png", "image/png"},
	} {
		resp, b := post(t, srv.URL+"/render?id="+c.id+"&format="+c.format, string(story))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s.%s: %s: %s", c.id, c.format, resp.Status, b)
		}
		want, err := os.ReadFile(filepath.Join("out", c.id+"."+c.format))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != string(want) {
			t.Errorf("%s.%s: %d bytes differ from out/'s %d", c.id, c.format, len(b), len(want))
		}
		sum := sha256.Sum256(b)
		etag := `"` + hex.EncodeToString(sum[:]) + `"`
		if got := resp.Header.Get("ETag"); got != etag {
			t.Errorf("%s.%s: ETag %s, want %s", c.id, c.format, got, etag)
		}
		if got := resp.Header.Get("Content-Type"); got != c.ctype {
			t.Errorf("%s.%s: Content-Type %q, want %q", c.id, c.format, got, c.ctype)
		}
		resp, b = post(t, srv.URL+"/render?id="+c.id+"&format="+c.format, string(story), "If-None-Match", etag)
		if resp.StatusCode != http.StatusNotModified || len(b) != 0 {
			t.Errorf("%s.%s with its ETag: %s and %d bytes, want 304 and none", c.id, c.format, resp.Status, len(b))
		}
	}
	one := "[[figure]]\nid = \"one\"\ntype = \"bar\"\ntitle = \"One\"\ndata = [ { label = \"a\", value = 1 } ]\n"
	if resp, b := post(t, srv.URL+"/render", one); resp.StatusCode != http.StatusOK || !strings.HasPrefix(string(b), "\x89PNG") {
		t.Errorf("one figure, no id, no format: %s, want its PNG", resp.Status)
	}
	if resp, b := post(t, rooted.URL+"/render?format=svg", strings.Replace(one, "data = [ { label = \"a\", value = 1 } ]", "data = \"counts.csv\"", 1)); resp.StatusCode != http.StatusOK || !strings.Contains(string(b), "Nepal") {
		t.Errorf("a CSV file under --root: %s %s", resp.Status, b)
	}

	big := strings.Repeat("# padding\n", maxBody/10+1)
	for _, c := range []struct {
		name, url, body string
		status          int
		want            string // in the errors' text
	}{
		{"syntax", srv.URL + "/render", "[[figure]]\nid = \"a\"\ntitle = \n", 400, "request.toml:3:"},
		{"invalid", srv.URL + "/render", strings.Replace(one, "\"bar\"", "\"bra\"", 1), 400, `request.toml:3:1: figure "one": type: unknown chart type "bra"; did you mean "area"?`},
		{"which figure", srv.URL + "/render", string(story), 400, `the body has 8 figures ("estimates", "recruits-map", "nepal-drop"`},
		{"no such figure", srv.URL + "/render?id=nope", string(story), 400, `no figure "nope"`},
		{"format", srv.URL + "/render?format=pdf", one, 400, `"pdf" is not a format`},
		{"a CSV without --root", srv.URL + "/render", strings.Replace(one, "data = [ { label = \"a\", value = 1 } ]", "data = \"counts.csv\"", 1), 400, "cannot read files unless"},
		{"a font without --root", srv.URL + "/render", "[style]\nfont = \"/etc/passwd.ttf\"\n" + one, 400, "cannot read files unless"},
		{"a CSV outside --root", rooted.URL + "/render", strings.Replace(one, "data = [ { label = \"a\", value = 1 } ]", "data = \"../secret.csv\"", 1), 400, "is outside"},
		{"an absolute path", rooted.URL + "/render", strings.Replace(one, "data = [ { label = \"a\", value = 1 } ]", "data = \"/etc/passwd.csv\"", 1), 400, "absolute path"},
		{"too big", srv.URL + "/render", big, 413, "over 16 MiB"},
		{"healthz by POST", srv.URL + "/healthz", "", 405, "use GET"},
		{"a path", srv.URL + "/out/estimates.png", "", 404, "not found"},
		{"traversal", srv.URL + "/render/../../etc/passwd", "", 404, "not found"},
	} {
		resp, b := post(t, c.url, c.body)
		if resp.StatusCode != c.status {
			t.Errorf("%s: %s, want %d: %s", c.name, resp.Status, c.status, b)
			continue
		}
		es := errorsOf(t, b)
		var all []string
		for _, e := range es {
			all = append(all, e.Text)
		}
		if text := strings.Join(all, "\n"); !strings.Contains(text, c.want) {
			t.Errorf("%s: errors do not say %q:\n%s", c.name, c.want, text)
		}
		if strings.Contains(string(b), "TOKEN") || strings.Contains(string(b), "root:") {
			t.Errorf("%s: a file's contents reach the response: %s", c.name, b)
		}
	}
	if resp, b := do(t, mustRequest(t, http.MethodGet, srv.URL+"/render")); resp.StatusCode != 405 || resp.Header.Get("Allow") != "POST" {
		t.Errorf("GET /render: %s %v %s", resp.Status, resp.Header, b)
	}
	if resp, b := do(t, mustRequest(t, http.MethodGet, srv.URL+"/healthz")); resp.StatusCode != 200 || string(b) != "ok\n" {
		t.Errorf("GET /healthz: %s %q", resp.Status, b)
	}
}

func mustRequest(t *testing.T, method, url string) *http.Request {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// TestRenderServiceLimits: a request that finds every render slot busy
// waits, then gets 503 with Retry-After; one past the waiting line gets
// it at once; a render over the time limit is answered 503 and still
// holds its slot until it ends.
func TestRenderServiceLimits(t *testing.T) {
	one := "[[figure]]\nid = \"one\"\ntype = \"bar\"\ntitle = \"One\"\ndata = [ { label = \"a\", value = 1 } ]\n"
	s := newRenderService(apiConfig{maxBody: defaultBody, timeout: time.Minute, slots: 1, queue: 1, wait: 100 * time.Millisecond})
	srv := httptest.NewServer(s)
	defer srv.Close()
	s.slots <- struct{}{} // a render in progress
	start := time.Now()
	resp, b := post(t, srv.URL+"/render", one)
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" || time.Since(start) < 100*time.Millisecond {
		t.Errorf("busy: %s after %s, Retry-After %q: %s", resp.Status, time.Since(start), resp.Header.Get("Retry-After"), b)
	}
	s.waiting <- struct{}{} // and the line is full
	resp, b = post(t, srv.URL+"/render", one)
	if resp.StatusCode != 503 || !strings.Contains(string(b), "waiting") {
		t.Errorf("line full: %s: %s", resp.Status, b)
	}
	<-s.waiting
	<-s.slots
	if resp, _ := post(t, srv.URL+"/render", one); resp.StatusCode != 200 {
		t.Errorf("free again: %s", resp.Status)
	}

	slow := newRenderService(apiConfig{maxBody: defaultBody, timeout: time.Nanosecond, slots: 1, queue: 1, wait: time.Second})
	srv2 := httptest.NewServer(slow)
	defer srv2.Close()
	resp, b = post(t, srv2.URL+"/render", one)
	if resp.StatusCode != 503 || !strings.Contains(string(b), "took longer than") {
		t.Errorf("over time: %s: %s", resp.Status, b)
	}
	eventually(t, "the slow render's slot to be given back", func() bool { return len(slow.slots) == 0 })

	// A body that is still being sent holds no render slot, and one
	// that says it is too long is refused before it is read.
	s2 := newRenderService(apiConfig{maxBody: defaultBody, timeout: time.Minute, slots: 1, queue: 4, wait: time.Second})
	srv3 := httptest.NewServer(s2)
	defer srv3.Close()
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv3.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /render HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s", len(one)+100, one[:10])
	eventually(t, "the slow upload to take its place in the line", func() bool { return len(s2.waiting) == 1 })
	if len(s2.slots) != 0 {
		t.Errorf("a body still being sent holds a render slot")
	}
	if resp, _ := post(t, srv3.URL+"/render", one); resp.StatusCode != 200 {
		t.Errorf("beside a slow upload: %s", resp.Status)
	}
	req, _ := http.NewRequest(http.MethodPost, srv3.URL+"/render", strings.NewReader(strings.Repeat("#", defaultBody+1)))
	if resp, b := do(t, req); resp.StatusCode != 413 || !strings.Contains(string(b), "over 1 MiB") {
		t.Errorf("a body over --max-body: %s %s", resp.Status, b)
	}
}

// TestPreview edits a file under the preview: every save is drawn again
// and announced on the event stream, an editor's atomic save (a new file
// renamed over the old) included; a bad save shows its errors with line
// and column over the last good figures and writes nothing; Write writes
// what the command line writes; and only the preview's own host is
// answered.
func TestPreview(t *testing.T) {
	dir := t.TempDir()
	toml := filepath.Join(dir, "story.toml")
	good := func(title string) string {
		return "[[figure]]\nid = \"counts\"\ntype = \"bar\"\ntitle = \"" + title + "\"\ndata = \"counts.csv\"\nembed = [\"mobile\", \"article\"]\n\n" +
			"[[figure]]\nid = \"share\"\ntype = \"donut\"\ntitle = \"Share\"\ndata = [ { label = \"a\", value = 1 }, { label = \"b\", value = 2 } ]\n"
	}
	os.WriteFile(filepath.Join(dir, "counts.csv"), []byte("label,value\nNepal,15000\nIndia,4000\n"), 0o644)
	os.WriteFile(toml, []byte(good("First")), 0o644)
	out := filepath.Join(dir, "out")

	o := &options{out: out, jobs: 2, quiet: true}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := httptest.NewUnstartedServer(nil)
	srv.Start()
	defer srv.Close()
	p := newPreview(o, []string{toml}, strings.TrimPrefix(srv.URL, "http://"), io.Discard)
	srv.Config.Handler = p
	runPreview(t, ctx, cancel, p)

	state := func() previewState {
		_, b := do(t, mustRequest(t, http.MethodGet, srv.URL+"/state"))
		var s previewState
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatalf("state: %v: %s", err, b)
		}
		return s
	}
	// The event stream: each version as it comes.
	req := mustRequest(t, http.MethodGet, srv.URL+"/events")
	req = req.WithContext(ctx)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	versions := make(chan int, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if n, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				if v, err := strconv.Atoi(n); err == nil {
					versions <- v
				}
			}
		}
	}()
	waitVersion := func(after int) previewState {
		t.Helper()
		deadline := time.After(5 * time.Second)
		for {
			select {
			case v := <-versions:
				if v > after {
					return state()
				}
			case <-deadline:
				t.Fatalf("no event after version %d", after)
			}
		}
	}
	s := waitVersion(0)
	if len(s.Errors) != 0 || len(s.Figures) != 2 {
		t.Fatalf("first render: %d errors, %d figures: %+v", len(s.Errors), len(s.Figures), s.Errors)
	}
	counts := s.Figures[0]
	if counts.ID != "counts" || counts.Title != "First" || counts.Line != 1 || !strings.Contains(counts.Source, `data = "counts.csv"`) || strings.Contains(counts.Source, "share") {
		t.Errorf("the figure's record: %+v", counts)
	}
	var names []string
	for _, v := range counts.Views {
		names = append(names, v.Name)
	}
	if strings.Join(names, " ") != "figure mobile" {
		t.Errorf("views %v, want the figure and its mobile rendition", names)
	}
	if len(counts.Files) < 8 { // png, svg, html of the figure; its renditions' densities
		t.Errorf("files it writes: %+v", counts.Files)
	}
	if resp, b := do(t, mustRequest(t, http.MethodGet, srv.URL+counts.Views[0].PNG)); resp.StatusCode != 200 || !strings.HasPrefix(string(b), "\x89PNG") {
		t.Errorf("the PNG: %s", resp.Status)
	}
	if resp, _ := do(t, mustRequest(t, http.MethodGet, srv.URL+"/file/../story.toml")); resp.StatusCode != 404 {
		t.Errorf("a path out of the files: %s", resp.Status)
	}

	// An editor's atomic save: a new file renamed over the old.
	tmp := filepath.Join(dir, ".story.toml.swp")
	os.WriteFile(tmp, []byte(good("Second")), 0o644)
	if err := os.Rename(tmp, toml); err != nil {
		t.Fatal(err)
	}
	s = waitVersion(s.Version)
	if len(s.Errors) != 0 || s.Figures[0].Title != "Second" {
		t.Fatalf("after an atomic save: %+v %q", s.Errors, s.Figures[0].Title)
	}
	// The CSV it uses.
	os.WriteFile(filepath.Join(dir, "counts.csv"), []byte("label,value\nNepal,15000\nIndia,4000\nChina,12\n"), 0o644)
	s = waitVersion(s.Version)
	if !strings.Contains(s.Figures[0].Alt, "China") {
		t.Errorf("a CSV change is not drawn: %q", s.Figures[0].Alt)
	}

	// A bad save: the errors, with line and column, over the last good figures.
	os.WriteFile(toml, []byte(strings.Replace(good("Third"), "type = \"donut\"", "type = \"dougnut\"", 1)), 0o644)
	s = waitVersion(s.Version)
	if len(s.Errors) != 1 || s.Errors[0].Line != 10 || s.Errors[0].Column != 1 || s.Errors[0].Key != "type" || s.Errors[0].Figure != `figure "share"` {
		t.Errorf("a bad save's errors: %+v", s.Errors)
	}
	if len(s.Figures) != 2 || s.Figures[0].Title != "Second" {
		t.Errorf("a bad save does not keep the last good figures: %+v", s.Figures)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the preview wrote into out/ by itself: %v", err)
	}

	// Write: refused without its header, then what presschart writes.
	if resp, _ := post(t, srv.URL+"/write", ""); resp.StatusCode != http.StatusForbidden {
		t.Errorf("write without the header: %s", resp.Status)
	}
	if resp, b := post(t, srv.URL+"/write", "", "X-Presschart", "write"); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(b), "nothing was written") {
		t.Errorf("write of an invalid file: %s %s", resp.Status, b)
	}
	if _, err := os.Stat(out); err == nil {
		if entries, _ := os.ReadDir(out); len(entries) > 0 {
			t.Errorf("writing an invalid file wrote %d files", len(entries))
		}
	}
	os.WriteFile(toml, []byte(good("Fourth")), 0o644)
	s = waitVersion(s.Version)
	if len(s.Errors) != 0 || s.Figures[0].Title != "Fourth" {
		t.Fatalf("a good save after a bad one: %+v", s.Errors)
	}
	resp2, b := post(t, srv.URL+"/write", "", "X-Presschart", "write")
	if resp2.StatusCode != 200 || !strings.Contains(string(b), "wrote") {
		t.Fatalf("write: %s %s", resp2.Status, b)
	}
	cli := filepath.Join(dir, "cli")
	if st := run([]string{"-q", "-o", cli, toml}, io.Discard, io.Discard); st != 0 {
		t.Fatalf("presschart: status %d", st)
	}
	entries, _ := os.ReadDir(cli)
	for _, e := range entries {
		a, _ := os.ReadFile(filepath.Join(cli, e.Name()))
		b, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil || string(a) != string(b) && e.Name() != manifestName {
			t.Errorf("%s: the preview's Write differs from presschart's (%v)", e.Name(), err)
		}
	}
	if len(entries) < 10 {
		t.Errorf("presschart wrote %d files", len(entries))
	}

	// Another host name for this address is not answered.
	r := mustRequest(t, http.MethodGet, srv.URL+"/state")
	r.Host = "attacker.example:80"
	if resp, _ := do(t, r); resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("a foreign Host: %s", resp.Status)
	}
	if resp, b := do(t, mustRequest(t, http.MethodGet, srv.URL+"/")); resp.StatusCode != 200 || !strings.Contains(string(b), "EventSource") || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("the page: %s", resp.Status)
	}
}

// TestServeCommand: serve's flags are checked, and serve --api listens,
// prints its address, answers, and stops with status 0 on an interrupt.
func TestServeCommand(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--api", "data.toml"}, "takes no files"},
		{[]string{"serve", "--concurrency", "0"}, "--concurrency: 0 must be from 1 to 1024"},
		{[]string{"serve", "--api", "--concurrency", "144115188075855872"}, "--concurrency"},
		{[]string{"serve", "--api", "--max-body", "17MiB"}, "--max-body"},
		{[]string{"serve", "--api", "--max-body", "lots"}, "--max-body"},
		{[]string{"serve", "--timeout", "0s"}, "--timeout"},
		{[]string{"serve", "-"}, "cannot read standard input"},
		{[]string{"serve", "--addr", "nonsense"}, "--addr"},
		{[]string{"serve", "--root", "no-such-folder", "--api"}, "--root"},
	} {
		var stderr strings.Builder
		if st := run(c.args, io.Discard, &stderr); st != exitInvalid || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%v: status %d, %q; want 2 and %q", c.args, st, stderr.String(), c.want)
		}
	}
	var help strings.Builder
	if st := run([]string{"serve", "--help"}, &help, io.Discard); st != 0 || !strings.Contains(help.String(), "POST /render") {
		t.Errorf("serve --help: %d %q", st, help.String())
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer func(b func() context.Context) { baseContext = b }(baseContext)
	baseContext = func() context.Context { return ctx }
	var stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- run([]string{"serve", "--api", "--addr", "127.0.0.1:0"}, io.Discard, &stderr) }()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	eventually(t, "the address", func() bool { return addr.MatchString(stderr.String()) })
	url := addr.FindString(stderr.String())
	if resp, b := do(t, mustRequest(t, http.MethodGet, url+"healthz")); resp.StatusCode != 200 || string(b) != "ok\n" {
		t.Errorf("healthz: %s %q", resp.Status, b)
	}
	cancel()
	select {
	case st := <-done:
		if st != 0 {
			t.Errorf("stopped with status %d", st)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// BenchmarkRenderRequest is one request's work in the render service:
// decoding the story file and rendering one of its figures as PNG.
func BenchmarkRenderRequest(b *testing.B) {
	story, err := os.ReadFile("data.toml")
	if err != nil {
		b.Fatal(err)
	}
	ids := []string{"estimates", "nepal-drop", "killed-waffle", "killed-stack", "legion-numbers", "estimates-log", "killed-donut"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err, _ := renderRequest(story, ids[i%len(ids)], "png", ""); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// TestPreviewLargeAndMissing: a file of more figures than are kept whole
// in memory (64) is previewed like any other, and a CSV that a figure
// names but that is missing is drawn as soon as it appears.
func TestPreviewLargeAndMissing(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 70; i++ {
		fmt.Fprintf(&b, "[[figure]]\nid = \"f%d\"\ntype = \"column\"\ntitle = \"Figure %d\"\ndata = [ { label = \"a\", value = %d } ]\n", i, i, i+1)
	}
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, []byte(b.String()), 0o644)
	p := newPreview(&options{out: filepath.Join(dir, "out"), jobs: 2, quiet: true}, []string{big}, "127.0.0.1:1", io.Discard)
	p.render()
	if len(p.state.Errors) != 0 || len(p.state.Figures) != 70 || p.state.Figures[69].Source == "" || p.state.Figures[69].Views[0].Theme != "light" {
		t.Fatalf("70 figures: %d errors (%v), %d figures", len(p.state.Errors), p.state.Errors, len(p.state.Figures))
	}

	toml := filepath.Join(dir, "story.toml")
	os.WriteFile(toml, []byte("[[figure]]\nid = \"n\"\ntype = \"bar\"\ntitle = \"New\"\ndata = \"new.csv\"\n"), 0o644)
	o := &options{out: filepath.Join(dir, "out"), jobs: 2, quiet: true}
	p = newPreview(o, []string{toml}, "127.0.0.1:1", io.Discard)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runPreview(t, ctx, cancel, p)
	state := func() previewState {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.state
	}
	eventually(t, "the missing file's error", func() bool { s := state(); return len(s.Errors) == 1 && strings.Contains(s.Errors[0].Text, "new.csv") })
	os.WriteFile(filepath.Join(dir, "new.csv"), []byte("label,value\nNepal,15000\n"), 0o644)
	eventually(t, "the figure once its CSV appears", func() bool { s := state(); return len(s.Errors) == 0 && len(s.Figures) == 1 })
}

// runPreview runs p until the test ends, and waits for it to stop, so
// that no preview outlives its test (tests change watchEvery).
func runPreview(t *testing.T, ctx context.Context, cancel context.CancelFunc, p *preview) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}
