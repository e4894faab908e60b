//go:build ignore

// reference writes the story's three reference figures (the ones the
// peers draw: estimates as ranges, the Nepal drop as columns, 3,400 of
// 18,000 as a stacked bar) n times over, each copy with its own id, for
// bench/peer.sh: go run bench/reference.go -n 100 > reference.toml
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/BurntSushi/toml"
)

func main() {
	n := flag.Int("n", 100, "copies of the three figures")
	flag.Parse()
	var story map[string]any
	if _, err := toml.DecodeFile("data.toml", &story); err != nil {
		fmt.Fprintln(os.Stderr, "reference:", err)
		os.Exit(1)
	}
	want := map[string]bool{"estimates": true, "nepal-drop": true, "killed-stack": true}
	var figs []map[string]any
	for _, f := range story["figure"].([]map[string]any) {
		if want[f["id"].(string)] {
			figs = append(figs, f)
		}
	}
	if len(figs) != len(want) {
		fmt.Fprintf(os.Stderr, "reference: found %d of the %d figures in data.toml\n", len(figs), len(want))
		os.Exit(1)
	}
	var out []map[string]any
	for i := 0; i < *n; i++ {
		for _, f := range figs {
			c := map[string]any{}
			for k, v := range f {
				c[k] = v
			}
			c["id"] = fmt.Sprintf("%s-%d", f["id"], i)
			out = append(out, c)
		}
	}
	// The peers draw one PNG and one SVG per chart: so does this work.
	// The story's embed renditions (a phone's and dark pages', at three
	// densities) are the story's, not the charts' the peers draw.
	style := story["style"].(map[string]any)
	delete(style, "embed")
	delete(style, "embed_dark")
	style["formats"] = []string{"png", "svg"}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	if err := toml.NewEncoder(w).Encode(map[string]any{"style": style, "figure": out}); err != nil {
		fmt.Fprintln(os.Stderr, "reference:", err)
		os.Exit(1)
	}
}
