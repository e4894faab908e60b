//go:build unix

package main

import (
	"os"
	"syscall"
)

// lockDir takes the output folder's lock, waiting for another run that
// holds it, and returns the function that gives it back. The lock is an
// flock on the folder itself, so it leaves no file behind, and the system
// releases it when a run dies.
func lockDir(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// processAlive reports whether a process with this id runs on this
// machine (a temporary file's writer, say).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}
