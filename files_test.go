package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteFailureKeepsOldFile: a write that fails half-way (a full disk)
// leaves the previous file byte-identical and no temporary file behind.
func TestWriteFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	old := []byte("the previous, complete file")
	if err := writeFile(dir, "a.png", old); err != nil {
		t.Fatal(err)
	}
	defer func(w func(*os.File, []byte) (int, error)) { writeTemp = w }(writeTemp)
	writeTemp = func(f *os.File, b []byte) (int, error) {
		n, _ := f.Write(b[:len(b)/2])
		return n, errors.New("no space left on device")
	}
	err := writeFile(dir, "a.png", bytes.Repeat([]byte("new"), 1000))
	if err == nil || !strings.Contains(err.Error(), "no space") {
		t.Fatalf("err = %v, want the disk-full error", err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "a.png"))
	if !bytes.Equal(got, old) {
		t.Errorf("a.png changed after a failed write: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestWriteFileRefuses(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "outside.png")
	os.WriteFile(outside, []byte("keep"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "link.png")); err != nil {
		t.Skip(err)
	}
	for _, name := range []string{"../x.png", "a/b.png", "..", ".hidden"} {
		if err := writeFile(dir, name, []byte("x")); err == nil {
			t.Errorf("writeFile(%q) succeeded", name)
		}
	}
	// A symbolic link in the output folder is replaced, not written through.
	if err := writeFile(dir, "link.png", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(outside); string(b) != "keep" {
		t.Errorf("the file behind the symlink changed: %q", b)
	}
	if info, _ := os.Lstat(filepath.Join(dir, "link.png")); info.Mode()&os.ModeSymlink != 0 {
		t.Error("link.png is still a symbolic link")
	}
}
