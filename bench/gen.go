//go:build ignore

// gen writes a TOML file of n figures, cycling through every chart type,
// for bench/run.sh: go run bench/gen.go -n 1000 > batch.toml
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
)

func main() {
	n := flag.Int("n", 1000, "number of figures")
	rows := flag.Int("rows", 0, "rows per figure (0: a handful, by type)")
	flag.Parse()
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintln(w, `[style]
source = "Source: generated for the benchmark"
credit = "Graphic: presschart"`)
	types := []string{"column", "bar", "range", "waffle", "stack"}
	for i := 0; i < *n; i++ {
		t := types[i%len(types)]
		fmt.Fprintf(w, "\n[[figure]]\nid = \"fig-%d\"\ntype = %q\ntitle = \"District %d: results of the count, figure %d of %d\"\nsubtitle = \"Votes counted so far\"\n", i, t, i, i+1, *n)
		k := *rows
		switch t {
		case "range":
			if k == 0 {
				k = 3
			}
			fmt.Fprintln(w, "data = [")
			for j := 0; j < k; j++ {
				lo := 1000 + (i*37+j*911)%9000
				fmt.Fprintf(w, "  { label = \"Estimate %d\", low = %d, high = %d },\n", j, lo, lo+2000+j*500)
			}
			fmt.Fprintln(w, "]")
		case "waffle", "stack":
			fmt.Fprintf(w, "total = 18000\nrest = \"Other\"\nhighlight = [\"Part 0\"]\ndata = [\n")
			for j := 0; j < 3; j++ {
				fmt.Fprintf(w, "  { label = \"Part %d\", value = %d },\n", j, 1000+(i*13+j*1733)%4000)
			}
			fmt.Fprintln(w, "]")
		default:
			if k == 0 {
				k = 6
			}
			fmt.Fprintln(w, "data = [")
			for j := 0; j < k; j++ {
				fmt.Fprintf(w, "  { label = \"Party %d\", value = %d },\n", j, 100+(i*7919+j*104729)%20000)
			}
			fmt.Fprintln(w, "]")
		}
	}
}
