package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Hostile and careless input at the command line: each case here hung,
// crashed, leaked or lied before.

const oneFigure = "[[figure]]\nid = \"a\"\ntype = \"bar\"\ntitle = \"A\"\ndata = [{ label = \"x\", value = 1 }]\n"

// TestInputsThatAreNotFiles: a device, a FIFO or /dev/stdin as the TOML
// path is refused before it is read, so it can neither fill memory nor
// block the run.
func TestInputsThatAreNotFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for _, tt := range []struct{ path, want string }{
		{"/dev/zero", "is a device, not a regular file"},
		{fifo, "is a FIFO, not a regular file"},
		{dir, "is a folder, not a regular file"},
		{filepath.Join(dir, "missing.toml"), "no such file"},
	} {
		var stderr bytes.Buffer
		done := make(chan int, 1)
		go func() { done <- run([]string{"-o", filepath.Join(dir, "out"), tt.path}, io.Discard, &stderr) }()
		select {
		case code := <-done:
			if code != exitInvalid || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("%s: exit %d, %q; want 2 and %q", tt.path, code, stderr.String(), tt.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still reading after 10 s", tt.path)
		}
	}
}

// withStdin runs f with os.Stdin reading what feed writes.
func withStdin(t *testing.T, feed func(w *os.File), f func()) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old; r.Close() }()
	go func() { feed(w); w.Close() }()
	f()
}

// TestStdinLimits: standard input is read through the 16 MiB limit, and
// an interrupt while a pipe stays open ends the run.
func TestStdinLimits(t *testing.T) {
	var stderr bytes.Buffer
	withStdin(t, func(w *os.File) {
		chunk := bytes.Repeat([]byte("# a comment line of a file that goes on and on\n"), 1<<14)
		for written := 0; written < 40<<20; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return // the reader stopped: the point of the limit
			}
		}
	}, func() {
		if code := run([]string{"--check", "-"}, io.Discard, &stderr); code != exitInvalid {
			t.Errorf("exit %d, want 2", code)
		}
	})
	if !strings.Contains(stderr.String(), "<stdin>: is over 16 MiB") {
		t.Errorf("stderr: %q", stderr.String())
	}

	defer func(b func() context.Context) { baseContext = b }(baseContext)
	ctx, cancel := context.WithCancel(context.Background())
	baseContext = func() context.Context { return ctx }
	release := make(chan struct{})
	withStdin(t, func(w *os.File) { <-release }, func() {
		time.AfterFunc(100*time.Millisecond, cancel)
		if code := run([]string{"--check", "-"}, io.Discard, io.Discard); code != exitInterrupted {
			t.Errorf("interrupted while reading stdin: exit %d, want 130", code)
		}
	})
	close(release)
}

// TestOutputChecks: an empty -o, a symbolic link as the output folder,
// and a failing standard output are errors, not silent successes.
func TestOutputChecks(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.toml")
	os.WriteFile(in, []byte(oneFigure), 0o644)
	real := filepath.Join(dir, "real")
	os.Mkdir(real, 0o755)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-o", "", in}, exitInvalid, "--out: is empty"},
		{[]string{"-o", link, in}, exitInvalid, "is a symbolic link"},
		{[]string{"-o", link + "/", in}, exitInvalid, "is a symbolic link"},
		{[]string{"--root", filepath.Join(dir, "nowhere"), in}, exitInvalid, "--root:"},
	} {
		var stderr bytes.Buffer
		if code := run(tt.args, io.Discard, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%q: exit %d, %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.want)
		}
	}
	if entries, _ := os.ReadDir(real); len(entries) > 0 {
		t.Errorf("wrote through the link: %v", entries)
	}
	full := failingWriter{}
	for _, args := range [][]string{
		{"-q", "--json", "-o", filepath.Join(dir, "out"), in},
		{"--list", in},
		{"-o", "-", "-f", "svg", in},
	} {
		var stderr bytes.Buffer
		if code := run(args, full, &stderr); code != exitFailed || !strings.Contains(stderr.String(), "no space left") {
			t.Errorf("%q to a full standard output: exit %d, %q; want 1", args, code, stderr.String())
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestCheckAgreesWithRender: --check fails a figure that cannot be
// rendered (300 bar rows at a size whose height they overflow), as the
// render does.
func TestCheckAgreesWithRender(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("[[figure]]\nid = \"tall\"\ntype = \"bar\"\ntitle = \"Tall\"\nwidth = 400\nheight = 300\nscale = 4\ndata = [\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "{ label = \"A long label for row %d that wraps to two lines\", value = %d },\n", i, i)
	}
	b.WriteString("]\n")
	in := filepath.Join(dir, "tall.toml")
	os.WriteFile(in, []byte(b.String()), 0o644)
	check := run([]string{"-q", "--check", in}, io.Discard, io.Discard)
	render := run([]string{"-q", "-o", filepath.Join(dir, "out"), in}, io.Discard, io.Discard)
	if (check == exitOK) != (render == exitOK) {
		t.Errorf("--check exits %d, the render %d", check, render)
	}
	if check == exitOK {
		t.Error("the figure fits; make it taller")
	}
}

func readManifest(t *testing.T, dir string) manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, f := range m.Figures {
		for _, o := range f.Files {
			data, err := os.ReadFile(filepath.Join(dir, o.Path))
			sum := sha256.Sum256(data)
			if err != nil || hex.EncodeToString(sum[:]) != o.SHA256 || len(data) != o.Bytes {
				t.Errorf("the manifest's entry for %s does not match the file (%v)", o.Path, err)
			}
		}
	}
	return m
}

func manyFigures(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "[[figure]]\nid = \"f%d\"\ntype = \"column\"\ntitle = \"Figure %d\"\ndata = [{ label = \"a\", value = %d }, { label = \"b\", value = 2 }]\n", i, i, i+1)
	}
	return b.String()
}

// TestManifestMerges: runs that share a folder leave one manifest that
// lists every figure in it: README's shard recipe (run at once), --only,
// -f, and a run whose writes fail half-way.
func TestManifestMerges(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "many.toml")
	os.WriteFile(in, []byte(manyFigures(40)), 0o644)
	out := filepath.Join(dir, "out")

	done := make(chan int)
	for i := 1; i <= 4; i++ {
		go func() {
			done <- run([]string{"-q", "-j", "1", "--shard", fmt.Sprintf("%d/4", i), "-o", out, in}, io.Discard, io.Discard)
		}()
	}
	for i := 0; i < 4; i++ {
		if code := <-done; code != exitOK {
			t.Fatalf("a shard exited %d", code)
		}
	}
	if m := readManifest(t, out); len(m.Figures) != 40 {
		t.Fatalf("after four shards the manifest lists %d of 40 figures", len(m.Figures))
	}
	if code := run([]string{"-q", "--only", "f1", "-o", out, in}, io.Discard, io.Discard); code != exitOK {
		t.Fatal(code)
	}
	if code := run([]string{"-q", "-f", "svg", "--only", "f2*", "-o", out, in}, io.Discard, io.Discard); code != exitOK {
		t.Fatal(code)
	}
	m := readManifest(t, out)
	if len(m.Figures) != 40 {
		t.Fatalf("after --only and -f the manifest lists %d of 40 figures", len(m.Figures))
	}
	for _, f := range m.Figures {
		if f.ID == "f2" && len(f.Files) != 3 {
			t.Errorf("f2 was written as SVG, its PNG and HTML before; the manifest lists %v", f.Files)
		}
	}

	// A full disk part-way: the figures written are listed; of the one
	// whose PNG was replaced but whose SVG was not, the files that are
	// still as listed before (SVG and HTML), not the new PNG.
	os.WriteFile(in, []byte(strings.ReplaceAll(manyFigures(40), "value = 2", "value = 3")), 0o644)
	defer func(w func(*os.File, []byte) (int, error)) { writeTemp = w }(writeTemp)
	writeTemp = func(f *os.File, b []byte) (int, error) {
		if strings.Contains(f.Name(), "f7.svg") {
			return 0, errors.New("no space left on device")
		}
		return f.Write(b)
	}
	var stderr bytes.Buffer
	if code := run([]string{"-q", "-j", "1", "-o", out, in}, io.Discard, &stderr); code != exitFailed {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "writing "+filepath.Join(out, "f7.svg")+": no space left") {
		t.Errorf("the error does not name the file: %q", stderr.String())
	}
	m = readManifest(t, out) // every listed sha256 is the file's
	for _, f := range m.Figures {
		if f.ID == "f7" && len(f.Files) != 2 {
			t.Errorf("f7 is listed with %v; want its old SVG and HTML", f.Files)
		}
	}
}

// TestManifestUnderRaces: two runs that write the same ids with other
// bytes into one folder at once leave a manifest whose every sha256 is
// the file's; a manifest that cannot be written is removed, not left to
// describe files that changed.
func TestManifestUnderRaces(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml")
	os.WriteFile(a, []byte(manyFigures(60)), 0o644)
	os.WriteFile(b, []byte(strings.ReplaceAll(manyFigures(60), "value = 2", "value = 7")), 0o644)
	for try := 0; try < 3; try++ {
		out := filepath.Join(dir, fmt.Sprint("out", try))
		done := make(chan int)
		for _, in := range []string{a, b} {
			go func() { done <- run([]string{"-q", "-j", "1", "-f", "svg", "-o", out, in}, io.Discard, io.Discard) }()
		}
		<-done
		<-done
		if m := readManifest(t, out); len(m.Figures) != 60 {
			t.Errorf("try %d: the manifest lists %d of 60 figures", try, len(m.Figures))
		}
	}

	out := filepath.Join(dir, "out0")
	defer func(w func(*os.File, []byte) (int, error)) { writeTemp = w }(writeTemp)
	writeTemp = func(f *os.File, b []byte) (int, error) {
		if strings.Contains(f.Name(), manifestName) {
			return 0, errors.New("no space left on device")
		}
		return f.Write(b)
	}
	var stderr bytes.Buffer
	if code := run([]string{"-q", "-f", "svg", "--only", "f1", "-o", out, a}, io.Discard, &stderr); code != exitFailed {
		t.Fatalf("exit %d, want 1", code)
	}
	if _, err := os.Stat(filepath.Join(out, manifestName)); err == nil {
		t.Error("a manifest that could not be written was left in place")
	}
	if !strings.Contains(stderr.String(), "the old manifest was removed") {
		t.Errorf("stderr: %q", stderr.String())
	}
}

// TestTempFilesOfLiveRuns: a run removes the temporary files of dead runs
// only, not those of a run that writes into the same folder now.
func TestTempFilesOfLiveRuns(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.toml")
	os.WriteFile(in, []byte(oneFigure), 0o644)
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	live := filepath.Join(out, fmt.Sprintf("%sb.png-%d-1", tmpPrefix, os.Getppid()))
	dead := filepath.Join(out, tmpPrefix+"b.png-2147483646-1")
	os.WriteFile(live, nil, 0o644)
	os.WriteFile(dead, nil, 0o644)
	if code := run([]string{"-q", "-o", out, in}, io.Discard, io.Discard); code != exitOK {
		t.Fatal(code)
	}
	if _, err := os.Stat(live); err != nil {
		t.Error("removed the temporary file of a live run")
	}
	if _, err := os.Stat(dead); err == nil {
		t.Error("kept the temporary file of a dead run")
	}
}
