package charts

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// notGenerated are the figure keys the generator does not write, each
// with the reason; every other key a type knows must appear in its
// generated figures, so that a new key is exercised by the layout
// checker from the day it lands (TestGeneratorCoversKeys).
var notGenerated = map[string]string{
	"alt":         "alt text is not drawn",
	"formats":     "which files are written, not how a figure looks",
	"scale":       "the PNG's density and the log axis have fixtures and TestLogScale; the checker works in CSS pixels",
	"renditions":  "a rendition is a figure of another size or theme, which the generator draws directly",
	"embed_fonts": "changes the SVG's bytes, not the layout",
	"background":  "a colour or transparent; the themes' backgrounds are generated",
	"accent":      "the highlight colour; highlights are generated in the theme's",
	"typography":  "changes characters, not layout; TestTypography",
	"data":        "",
	"id":          "",
	"type":        "",
	"title":       "",
	"annotation":  "",
	"height":      "",
	"width":       "",
	"size":        "",
	"decimals":    "set by series_formats and cards' rows",
	"unit":        "a waffle's unit follows its total; testdata/waffle.toml",
	"unit_label":  "a waffle's key text; testdata/waffle.toml",
	"center":      "a donut's centre text; testdata/donut.toml",
	"points":      "a line's dots; testdata/line.toml",
	"ticks":       "",
	"credit":      "the credit shares the source's line, as byline does",
}

// TestGeneratorCoversKeys: every figure key is written by the generator
// for some type that takes it, or listed in notGenerated with a reason;
// and the generator writes no key a type does not know.
func TestGeneratorCoversKeys(t *testing.T) {
	all, seen := map[string]bool{}, map[string]bool{}
	for _, name := range kindNames() {
		// The keys the type knows, as its unknown-key message lists them.
		src := fmt.Sprintf("[[figure]]\nid = \"k\"\ntype = %q\ntitle = \"T\"\nqqqqqqqqqqqqqqqqqqqq = 1\n", name)
		_, err := Decode("k.toml", []byte(src), ".")
		_, list, ok := strings.Cut(fmt.Sprint(err), "known keys are ")
		if !ok {
			t.Fatalf("%s: no list of known keys in %v", name, err)
		}
		known := strings.Split(strings.SplitN(list, "\n", 2)[0], ", ")
		for _, k := range known {
			all[k] = true
		}
		rng := rand.New(rand.NewSource(int64(len(name)) * 7919))
		for i := 0; i < 300; i++ {
			var m map[string][]map[string]any
			if _, err := toml.Decode(genFigure(rng, kinds[name], "g"), &m); err != nil {
				t.Fatalf("%s: the generator wrote bad TOML: %v", name, err)
			}
			for k := range m["figure"][0] {
				seen[k] = true
				if !slices.Contains(known, k) {
					t.Errorf("%s charts: the generator writes %q, which the type does not know", name, k)
				}
			}
		}
	}
	for _, k := range sortedKeys(all) {
		if _, why := notGenerated[k]; !seen[k] && !why {
			t.Errorf("the generator never writes %q; add it to genFigure (or to notGenerated, with the reason)", k)
		}
	}
	for k, why := range notGenerated {
		if why != "" && seen[k] {
			t.Errorf("notGenerated lists %q, which the generator writes; take it off", k)
		}
		if !all[k] {
			t.Errorf("notGenerated lists %q, which no type knows", k)
		}
	}
}
