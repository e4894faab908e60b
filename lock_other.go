//go:build !unix

package main

// lockDir is a no-op where flock is missing (Windows): runs that share an
// output folder there must not run at the same time.
func lockDir(dir string) (unlock func(), err error) { return func() {}, nil }

// processAlive cannot tell here; temporary files are then removed by age.
func processAlive(pid int) bool { return true }
