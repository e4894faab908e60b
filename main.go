// Command presschart renders a newsroom's figures from a TOML file into
// publication-ready PNG and SVG charts. See README.md and the charts
// package documentation for the file format.
package main

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the Go heap's soft limit unless GOMEMLIMIT sets
// another: the collector works harder as the heap nears it, so that the
// largest input (a 16 MiB TOML file, whose decoded tables peak near
// 300 MB live) stays under 512 MB resident instead of growing to twice
// its live heap.
const memoryLimit = 400 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
