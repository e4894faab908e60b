package charts

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/scene"
)

// facetFigure decodes one figure of src, failing the test on an error.
func facetFigure(t *testing.T, src string) *Figure {
	t.Helper()
	f, err := Decode("facets.toml", []byte(src), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return f.Figures[0]
}

// regionRows writes rows of a line for each region, the values of the
// i-th region times scale[i].
func regionRows(regions []string, scale []float64) string {
	var b strings.Builder
	b.WriteString("data = [\n")
	for i, r := range regions {
		for j, v := range []float64{4.1, 5.2, 4.0, 3.6} {
			fmt.Fprintf(&b, "  { region = %q, x = %d, values = [%g, %g] },\n", r, 2019+2*j, v*scale[i], v*scale[i]*0.8)
		}
	}
	return b.String() + "]\n"
}

// groups calls f on every group of the scene, nested ones too.
func groups(sc *scene.Scene, f func(g *scene.Group)) {
	var walk func(g *scene.Group)
	walk = func(g *scene.Group) {
		f(g)
		for _, n := range g.Nodes {
			if sub, ok := n.(*scene.Group); ok {
				walk(sub)
			}
		}
	}
	for _, g := range sc.Root {
		walk(g)
	}
}

// panelTexts are the texts of each panel (pc-panel groups) whose class
// holds class.
func panelTexts(sc *scene.Scene, class string) [][]string {
	var out [][]string
	groups(sc, func(g *scene.Group) {
		if g.Class != "pc-panel" {
			return
		}
		var texts []string
		one := &scene.Scene{Root: []*scene.Group{g}}
		one.Walk(func(n scene.Node) {
			if tx, ok := n.(*scene.Text); ok && strings.Contains(tx.Class, class) {
				texts = append(texts, tx.S)
			}
		})
		out = append(out, texts)
	})
	return out
}

// panelColumns counts the distinct left edges of the panels' titles.
func panelColumns(sc *scene.Scene) int {
	var xs []float64
	sc.Walk(func(n scene.Node) {
		if tx, ok := n.(*scene.Text); ok && tx.Class == "pc-panel-title" && !slices.Contains(xs, tx.X) {
			xs = append(xs, tx.X)
		}
	})
	return len(xs)
}

// TestFacetGrid: panels stand three a row at an article's width and two
// on a phone for lines; a bar chart, whose labels stand beside its bars,
// two and one; four panels are two by two.
func TestFacetGrid(t *testing.T) {
	six := []string{"North", "South", "East", "West", "Capital", "Islands"}
	ones := []float64{1, 1, 1, 1, 1, 1}
	for _, tt := range []struct {
		name, keys string
		panels     int
		want       int
	}{
		{"line at 640", `type = "line"`, 6, 3},
		{"line on a phone", `type = "line"` + "\nsize = \"mobile\"", 6, 2},
		{"four lines at 640", `type = "line"`, 4, 2},
		{"line at 1000", `type = "line"` + "\nwidth = 1000", 6, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "[[figure]]\nid = \"g\"\ntitle = \"T\"\nseries = [\"Men\", \"Women\"]\nfacet = \"region\"\n" + tt.keys + "\n" + regionRows(six[:tt.panels], ones)
			sc := facetFigure(t, src).Scene()
			if got := panelColumns(sc); got != tt.want {
				t.Errorf("%d panels in a row, want %d", got, tt.want)
			}
		})
	}
	bars := "[[figure]]\nid = \"b\"\ntype = \"bar\"\ntitle = \"T\"\nfacet = \"region\"\ndata = [\n"
	for _, r := range six {
		bars += fmt.Sprintf("{ region = %q, label = \"Labour\", value = 3 }, { region = %q, label = \"Greens\", value = 2 },\n", r, r)
	}
	bars += "]\n"
	for size, want := range map[string]int{"": 2, "size = \"mobile\"\n": 1} {
		sc := facetFigure(t, strings.Replace(bars, "facet =", size+"facet =", 1)).Scene()
		if got := panelColumns(sc); got != want {
			t.Errorf("bars %q: %d panels in a row, want %d", size, got, want)
		}
	}
}

// TestFacetAxes: on shared axes every panel has the same ticks, though
// one region's values are ten times the others'; on free axes, not.
func TestFacetAxes(t *testing.T) {
	regions := []string{"North", "South", "Capital"}
	src := "[[figure]]\nid = \"a\"\ntype = \"line\"\ntitle = \"T\"\nseries = [\"Men\", \"Women\"]\nfacet = \"region\"\n%s" + regionRows(regions, []float64{1, 1, 10})
	for axes, same := range map[string]bool{"": true, "axes = \"shared\"\n": true, "axes = \"free\"\n": false} {
		sc := facetFigure(t, fmt.Sprintf(src, axes)).Scene()
		ticks := panelTexts(sc, "pc-tick")
		if len(ticks) != 3 {
			t.Fatalf("%q: %d panels, want 3", axes, len(ticks))
		}
		if got := slices.Equal(ticks[0], ticks[2]); got != same {
			t.Errorf("%q: the first panel's ticks %v, the third's %v; same = %v, want %v", axes, ticks[0], ticks[2], got, same)
		}
		// Panels whose scales differ say so, in the note and the alt text.
		fig := facetFigure(t, fmt.Sprintf(src, axes))
		said := false
		sc.Walk(func(n scene.Node) {
			if tx, ok := n.(*scene.Text); ok && strings.Contains(tx.S, "Each panel has its own scale.") {
				said = true
			}
		})
		if said == same || strings.Contains(fig.AltText(), "Each panel has its own scale.") == same {
			t.Errorf("%q: the note says the scales differ: %v; the alt text: %q", axes, said, fig.AltText())
		}
	}
}

// TestFacetOneKey: the series are named once, above the panels; each
// panel's line ends hold values alone.
func TestFacetOneKey(t *testing.T) {
	src := "[[figure]]\nid = \"k\"\ntype = \"line\"\ntitle = \"T\"\nseries = [\"Men\", \"Women\"]\nfacet = \"region\"\n" + regionRows([]string{"North", "South"}, []float64{1, 2})
	sc := facetFigure(t, src).Scene()
	keys := 0
	groups(sc, func(g *scene.Group) {
		if g.ID == "legend" {
			keys++
		}
	})
	if keys != 1 {
		t.Errorf("%d keys, want one above the panels", keys)
	}
	for i, labels := range panelTexts(sc, "pc-label") {
		for _, l := range labels {
			if strings.Contains(l, "Men") || strings.Contains(l, "Women") {
				t.Errorf("panel %d's end label %q names its series; the key does", i+1, l)
			}
		}
		if len(labels) != 2 {
			t.Errorf("panel %d has end labels %q, want the two series' values", i+1, labels)
		}
	}
}

// TestFacetFormsAgree: facet over one set of rows, [[figure.panel]]
// tables and a CSV file's column draw the same figure, byte for byte;
// and each panel is sorted and cut by top on its own.
func TestFacetFormsAgree(t *testing.T) {
	dir := t.TempDir()
	csv := "region,label,value\nNorth,Labour,41\nNorth,Greens,12\nNorth,Reform,9\nSouth,Labour,30\nSouth,Greens,17\nSouth,Reform,20\n"
	if err := os.WriteFile(filepath.Join(dir, "votes.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	head := "[[figure]]\nid = \"v\"\ntype = \"bar\"\ntitle = \"Votes\"\nsort = \"value\"\ntop = 1\n"
	forms := map[string]string{
		"facet": head + `facet = "region"
data = [
  { region = "North", label = "Labour", value = 41 }, { region = "North", label = "Greens", value = 12 }, { region = "North", label = "Reform", value = 9 },
  { region = "South", label = "Labour", value = 30 }, { region = "South", label = "Greens", value = 17 }, { region = "South", label = "Reform", value = 20 },
]
`,
		"panels": head + `[[figure.panel]]
title = "North"
data = [{ label = "Labour", value = 41 }, { label = "Greens", value = 12 }, { label = "Reform", value = 9 }]
[[figure.panel]]
title = "South"
data = [{ label = "Labour", value = 30 }, { label = "Greens", value = 17 }, { label = "Reform", value = 20 }]
`,
		"csv": head + "facet = \"region\"\ndata = \"votes.csv\"\n",
	}
	var want []byte
	for _, name := range []string{"facet", "panels", "csv"} {
		f, err := Decode(filepath.Join(dir, "f.toml"), []byte(forms[name]), dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf bytes.Buffer
		if err := f.Figures[0].Render(&buf, "svg"); err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = buf.Bytes()
			labels := panelTexts(f.Figures[0].Scene(), "pc-category")
			if len(labels) != 2 {
				t.Fatalf("%d panels, want 2", len(labels))
			}
			alt := f.Figures[0].AltText()
			for _, s := range []string{"North: Labour: 41; Other: 21.", "South: Labour: 30; Other: 37."} {
				if !strings.Contains(alt, s) {
					t.Errorf("the alt text %q does not say %q", alt, s)
				}
			}
			continue
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s draws another figure than facet does", name)
		}
	}
}

// TestFacetHonest: what an editor checks that panels share. On shared
// axes one value is one length in every panel, however long a panel's
// labels; a waterfall's running total runs within its panel; a part has
// one colour in every panel; and the SVG's ids stay unique.
func TestFacetHonest(t *testing.T) {
	// Tick labels' x in each panel, relative to the first tick.
	arrow := facetFigure(t, `[[figure]]
id = "arrow-scale"
type = "arrow"
title = "Same axis, same lengths"
facet = "state"
series = ["2020", "2024"]
suffix = "%"
data = [
  { state = "Pennsylvania", label = "Philadelphia County", from = 66, to = 61 },
  { state = "Pennsylvania", label = "Allegheny", from = 76, to = 74 },
  { state = "Georgia", label = "Cobb", from = 66, to = 61 },
  { state = "Georgia", label = "Fulton", from = 76, to = 74 },
]
`)
	var spans []float64
	groups(arrow.Scene(), func(g *scene.Group) {
		if g.Class != "pc-panel" {
			return
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		(&scene.Scene{Root: []*scene.Group{g}}).Walk(func(n scene.Node) {
			if tx, ok := n.(*scene.Text); ok && strings.Contains(tx.Class, "pc-tick") {
				lo, hi = math.Min(lo, tx.X), math.Max(hi, tx.X)
			}
		})
		spans = append(spans, hi-lo)
	})
	if len(spans) != 2 || math.Abs(spans[0]-spans[1]) > 0.5 {
		t.Errorf("the two panels' axes span %v px; on shared axes they are one length", spans)
	}

	wf := facetFigure(t, `[[figure]]
id = "wf"
type = "waterfall"
title = "Three identical panels"
facet = "p"
data = [
  { p = "A", label = "Start", value = 10 }, { p = "A", label = "Rise", value = 1 }, { p = "A", label = "End", total = true },
  { p = "B", label = "Start", value = 10 }, { p = "B", label = "Rise", value = 1 }, { p = "B", label = "End", total = true },
  { p = "C", label = "Start", value = 10 }, { p = "C", label = "Rise", value = 1 }, { p = "C", label = "End", total = true },
]
`)
	for _, ticks := range panelTexts(wf.Scene(), "pc-tick") {
		if top := ticks[len(ticks)-1]; top != "12" && !slices.Contains(ticks, "12") {
			t.Errorf("a waterfall panel ending at 11 has ticks %v; its axis should end at 12, not add up the other panels", ticks)
		}
	}

	donut := facetFigure(t, `[[figure]]
id = "donut-colours"
type = "donut"
title = "Other keeps its colour"
[[figure.panel]]
title = "Germany"
data = [ { label = "Fossil", value = 50 }, { label = "Other", value = 50 } ]
[[figure.panel]]
title = "France"
data = [ { label = "Fossil", value = 10 }, { label = "Nuclear", value = 65 }, { label = "Other", value = 25 } ]
`)
	var buf bytes.Buffer
	if err := donut.Render(&buf, "svg"); err != nil {
		t.Fatal(err)
	}
	fills := map[string][]string{} // a part's swatch fills, by its label
	sc := donut.Scene()
	groups(sc, func(g *scene.Group) {
		for i, n := range g.Nodes {
			r, ok := n.(*scene.Rect)
			if !ok || r.Class != "pc-swatch" || i+1 >= len(g.Nodes) {
				continue
			}
			if tx, ok := g.Nodes[i+1].(*scene.Text); ok {
				fills[tx.S] = append(fills[tx.S], fmt.Sprint(r.Fill))
			}
		}
	})
	for label, fs := range fills {
		if len(fs) == 2 && fs[0] != fs[1] {
			t.Errorf("%q is %s in one panel and %s in the other", label, fs[0], fs[1])
		}
	}
	if len(fills["Other"]) != 2 {
		t.Errorf("swatches found: %v", fills)
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(buf.String(), -1) {
		if ids[m[1]] {
			t.Errorf("the SVG has id %q twice", m[1])
		}
		ids[m[1]] = true
	}
}

// TestFacetScatter: a scatter's panels share both axes, one bubble
// scale keyed once above them, and label names points of any panel.
func TestFacetScatter(t *testing.T) {
	fig := facetFigure(t, `[[figure]]
id = "sc"
type = "scatter"
title = "Richer countries live longer"
size_title = "Population, millions"
facet = "continent"
label = ["Japan", "Nigeria"]
data = [
  { continent = "Asia", label = "Japan", x = 34000, y = 84.5, size = 124, group = "High income" },
  { continent = "Asia", label = "India", x = 2400, y = 70.8, size = 1428, group = "Lower middle" },
  { continent = "Africa", label = "Nigeria", x = 1600, y = 53.6, size = 224, group = "Lower middle" },
  { continent = "Africa", label = "Kenya", x = 2100, y = 62.1, size = 55, group = "Lower middle" },
]
`)
	sc := fig.Scene()
	ticks := panelTexts(sc, "pc-tick")
	if len(ticks) != 2 || !slices.Equal(ticks[0], ticks[1]) {
		t.Errorf("the panels' ticks differ: %v", ticks)
	}
	labels := panelTexts(sc, "pc-label")
	if len(labels) != 2 || !slices.Contains(labels[0], "Japan") || !slices.Contains(labels[1], "Nigeria") {
		t.Errorf("labelled points by panel: %v; want Japan in Asia, Nigeria in Africa", labels)
	}
	keys := 0
	sc.Walk(func(n scene.Node) {
		if tx, ok := n.(*scene.Text); ok && tx.S == "Population, millions" {
			keys++
		}
	})
	if keys != 1 {
		t.Errorf("the size key's title is written %d times; one key stands above the panels", keys)
	}
}

// TestFacetBinsAndColours: a histogram's panels share their bins and
// counts' scale; a heatmap's panels one colour key, drawn once.
func TestFacetBinsAndColours(t *testing.T) {
	hist := facetFigure(t, `[[figure]]
id = "h"
type = "histogram"
title = "Ages"
facet = "area"
data = [
  { area = "Cities", value = 34 }, { area = "Cities", value = 41 }, { area = "Cities", value = 45 }, { area = "Cities", value = 38 },
  { area = "Countryside", value = 58 }, { area = "Countryside", value = 61 }, { area = "Countryside", value = 66 }, { area = "Countryside", value = 63 }, { area = "Countryside", value = 60 },
]
`)
	ticks := panelTexts(hist.Scene(), "pc-tick")
	if len(ticks) != 2 || !slices.Equal(ticks[0], ticks[1]) {
		t.Errorf("the histogram's panels tick %v; they share bins and counts", ticks)
	}
	heat := facetFigure(t, `[[figure]]
id = "hm"
type = "heatmap"
title = "Temperatures"
series = ["Jan", "Jul"]
facet = "country"
data = [
  { country = "Norway", label = "Oslo", values = [-4, 17] }, { country = "Norway", label = "Bergen", values = [2, 15] },
  { country = "Spain", label = "Madrid", values = [6, 26] }, { country = "Spain", label = "Seville", values = [11, 28] },
]
`)
	keys := 0
	groups(heat.Scene(), func(g *scene.Group) {
		if strings.Contains(g.Class, "pc-heat-key") {
			keys++
		}
	})
	if keys != 1 {
		t.Errorf("%d colour keys; one stands above the panels", keys)
	}
}
