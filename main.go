// Command presschart renders a newsroom's figures from a TOML file into
// publication-ready PNG and SVG charts. See README.md and the charts
// package documentation for the file format.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
