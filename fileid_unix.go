//go:build unix

package main

import (
	"os"
	"syscall"
)

// fileID is a file's identity on disk: a rename over it or a write into
// it changes it.
type fileID struct {
	dev, ino uint64
	size     int64
	mtime    int64 // nanoseconds
}

func identity(info os.FileInfo) (fileID, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{uint64(st.Dev), uint64(st.Ino), info.Size(), info.ModTime().UnixNano()}, true
}
