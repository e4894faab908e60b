package main

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer that the watcher and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// eventually polls cond for up to five seconds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	// It returns as soon as cond holds; the deadline is for a loaded
	// 2-core machine running -race, where a watch's poll can lag.
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestWatch edits a TOML file and its CSV under --watch: each good save is
// rendered again, a bad save is reported without stopping the watch or
// touching the outputs, and an interrupt ends it with status 0 and no
// temporary files.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	toml := filepath.Join(dir, "w.toml")
	csv := filepath.Join(dir, "rows.csv")
	out := filepath.Join(dir, "out")
	svg := filepath.Join(out, "a.svg")
	writeFile := func(p, s string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		// Make sure the change is seen even on a coarse file clock.
		later := time.Now().Add(time.Duration(len(s)) * time.Millisecond)
		os.Chtimes(p, later, later)
	}
	fig := func(title string) string {
		return "[[figure]]\nid = \"a\"\ntype = \"bar\"\ntitle = \"" + title + "\"\ndata = \"rows.csv\"\n" +
			"[[figure]]\nid = \"b\"\ntype = \"bar\"\ntitle = \"Unchanged\"\ndata = [{ label = \"x\", value = 1 }]\n"
	}
	writeFile(csv, "label,value\nNepal,1000\n")
	writeFile(toml, fig("First"))

	defer func(w time.Duration, b func() context.Context) { watchEvery, baseContext = w, b }(watchEvery, baseContext)
	ctx, cancel := context.WithCancel(context.Background())
	watchEvery, baseContext = 10*time.Millisecond, func() context.Context { return ctx }
	var stderr syncBuffer
	done := make(chan int)
	go func() { done <- run([]string{"--watch", "-o", out, toml}, io.Discard, &stderr) }()

	read := func() string { b, _ := os.ReadFile(svg); return string(b) }
	eventually(t, "the first render", func() bool { return strings.Contains(read(), ">First</text>") })

	writeFile(toml, fig("Second"))
	eventually(t, "the title change", func() bool { return strings.Contains(read(), ">Second</text>") })
	// The summary counts what was written, not the figure left alone.
	eventually(t, "the summary", func() bool {
		return strings.Contains(stderr.String(), "wrote 3 files for 2 of 2 figures") && strings.Contains(stderr.String(), ", 3 unchanged")
	})

	writeFile(csv, "label,value\nNepal,1000\nIndia,150\n")
	eventually(t, "the CSV change", func() bool { return strings.Contains(read(), ">India</text>") })

	before := read()
	writeFile(toml, fig("Broken")+"\nvalue = nan\n")
	eventually(t, "the error", func() bool { return strings.Contains(stderr.String(), "unknown key") })
	if read() != before {
		t.Error("an invalid save changed the output")
	}

	writeFile(toml, fig("Fixed"))
	eventually(t, "the fix", func() bool { return strings.Contains(read(), ">Fixed</text>") })

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after an interrupt, want 0", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("--watch did not stop")
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestInterrupt stops a large run part-way, as SIGINT or SIGTERM does
// (both cancel the run's context): the status is 130, every file already
// in the output folder is complete, and no temporary file is left.
func TestInterrupt(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 400; i++ {
		b.WriteString("[[figure]]\nid = \"f" + strconv.Itoa(i) + "\"\ntype = \"column\"\ntitle = \"Figure\"\ndata = [{ label = \"a\", value = 1 }, { label = \"b\", value = 2 }]\n")
	}
	toml := filepath.Join(dir, "many.toml")
	os.WriteFile(toml, []byte(b.String()), 0o644)
	out := filepath.Join(dir, "out")

	defer func(b func() context.Context) { baseContext = b }(baseContext)
	ctx, cancel := context.WithCancel(context.Background())
	baseContext = func() context.Context { return ctx }
	done := make(chan int)
	go func() { done <- run([]string{"-q", "-j", "1", "-o", out, toml}, io.Discard, io.Discard) }()
	eventually(t, "the first figure", func() bool {
		_, err := os.Stat(filepath.Join(out, "f0.png"))
		return err == nil
	})
	cancel()
	if code := <-done; code != exitInterrupted {
		t.Fatalf("exit %d, want %d", code, exitInterrupted)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) >= 3*400 {
		t.Fatal("the run finished before the interrupt; make it longer")
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
			continue
		}
		if strings.HasSuffix(e.Name(), ".png") {
			f, _ := os.Open(filepath.Join(out, e.Name()))
			if _, err := png.Decode(f); err != nil {
				t.Errorf("%s is not a whole PNG: %v", e.Name(), err)
			}
			f.Close()
		}
	}
	// The manifest lists every figure that was written, and only those,
	// with the files' true sha256.
	m := readManifest(t, out)
	images := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".png") {
			images++
		}
	}
	if len(m.Figures) != images {
		t.Errorf("the manifest lists %d figures; %d PNGs were written", len(m.Figures), images)
	}
}
