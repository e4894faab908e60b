package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// tmpPrefix starts the name of every temporary file presschart writes, so
// that stale ones from a killed run can be found and removed. The name
// goes on with the file's name, the writer's process id and a counter:
// .presschart-tmp-a.png-4242-7.
const tmpPrefix = ".presschart-tmp-"

// staleAfter is how old a temporary file must be before a run removes it
// when it cannot tell whether its writer still runs.
const staleAfter = time.Hour

// writeFile writes data to dir/name atomically: into a temporary file in
// the same folder, then renamed over the old file. A reader sees the old
// file or the new one, never half of one. The name must be a plain file
// name; renaming replaces a symbolic link rather than writing through it.
// Errors name dir/name, not the temporary file.
func writeFile(dir, name string, data []byte) error {
	return writeFileWith(dir, name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeFileWith is writeFile with the contents written by write, a piece
// at a time: a file too large to hold twice in memory (the manifest of a
// 10,000-figure batch) is not built whole first.
func writeFileWith(dir, name string, write func(io.Writer) error) error {
	if name != filepath.Base(name) || name == "." || name == ".." || strings.HasPrefix(name, ".") {
		return fmt.Errorf("refusing to write %q: not a plain file name", name)
	}
	final := filepath.Join(dir, name)
	tmpName := filepath.Join(dir, fmt.Sprintf("%s%s-%d-%d", tmpPrefix, name, os.Getpid(), tmpCounter.Add(1)))
	tmp, err := os.OpenFile(tmpName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("writing %s: %s", final, describeErr(err))
	}
	h := sha256.New()
	err = write(io.MultiWriter(tempFile{tmp}, h))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	var info os.FileInfo
	if err == nil {
		info, err = os.Lstat(tmpName)
	}
	if err == nil {
		err = os.Rename(tmpName, final)
	}
	if err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("writing %s: %s", final, describeErr(err))
	}
	wrote.note(final, info, hex.EncodeToString(h.Sum(nil)))
	return nil
}

// wrote remembers the files this process wrote: their identity on disk
// (device, inode, size, modification time) and sha256, so that checking
// the folder against the manifest need not read them again. A file that
// another run replaced, or that was changed in place, no longer matches,
// and is read and summed.
var wrote = &writtenFiles{m: map[string]writtenFile{}}

type writtenFile struct {
	id  fileID
	sum string
}

type writtenFiles struct {
	mu sync.Mutex
	m  map[string]writtenFile
}

func (w *writtenFiles) note(path string, info os.FileInfo, sum string) {
	id, ok := identity(info)
	if !ok {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.m[path] = writtenFile{id, sum}
}

// sum is the sha256 of the file at path if this process wrote it and it
// is still that file.
func (w *writtenFiles) sum(path string) (string, bool) {
	w.mu.Lock()
	f, ok := w.m[path]
	w.mu.Unlock()
	if !ok {
		return "", false
	}
	info, err := os.Lstat(path)
	if err != nil {
		return "", false
	}
	if id, ok := identity(info); !ok || id != f.id {
		return "", false
	}
	return f.sum, true
}

// describeErr is an error without the path that Go's file errors carry
// (the caller names the file it means).
func describeErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// tmpCounter makes temporary names unique within the process.
var tmpCounter atomic.Int64

// writeTemp writes a temporary file's contents; tests replace it to fail
// half-way, as a full disk does.
var writeTemp = func(f *os.File, b []byte) (int, error) { return f.Write(b) }

// removeStaleTemps deletes the temporary files that a killed run of
// presschart left in dir: those whose writer no longer runs, or, when that
// cannot be told, that are over an hour old. Another run writing into the
// same folder keeps its own.
func removeStaleTemps(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, tmpPrefix) || !e.Type().IsRegular() {
			continue
		}
		if pid := tempWriter(name); pid > 0 && pid != os.Getpid() && !processAlive(pid) {
			os.Remove(filepath.Join(dir, name))
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// tempWriter returns the process id in a temporary file's name, or 0.
func tempWriter(name string) int {
	parts := strings.Split(name, "-")
	if len(parts) < 3 {
		return 0
	}
	pid, err := strconv.Atoi(parts[len(parts)-2])
	if err != nil {
		return 0
	}
	return pid
}

// tempFile writes to a temporary file through writeTemp, which tests
// replace to fill the disk.
type tempFile struct{ f *os.File }

func (t tempFile) Write(b []byte) (int, error) { return writeTemp(t.f, b) }
