package charts

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"presschart/charts/font"
	"presschart/charts/scene"
)

var generated = flag.Int("generated", 200, "generated figures per chart type for the layout checker")

// TestLintRules: each rule finds a scene that breaks it, and a clean
// scene breaks none.
func TestLintRules(t *testing.T) {
	black := scene.Color{A: 255}
	bar := &scene.Rect{X: 400, Y: 100, W: 40, H: 200, Fill: black, Class: "pc-bar"}
	text := func(x, y float64, s string) *scene.Text {
		return &scene.Text{X: x, Y: y, S: s, Size: 12, Fill: black}
	}
	rotated := func(x float64, s string) *scene.Text {
		t := text(x, 200, s) // hangs down to the left of (x, 200)
		t.Rotate, t.Anchor = -45, scene.End
		return t
	}
	inside := text(405, 120, "1,000")
	inside.Class = "pc-value pc-inside"
	for _, tt := range []struct {
		name  string
		nodes []scene.Node
		want  string // the rule broken, or ""
	}{
		{"clean", []scene.Node{text(400, 90, "1,000"), text(400, 320, "Nepal")}, ""},
		{"a value inside its own bar", []scene.Node{inside}, ""},
		{"parallel turned labels", []scene.Node{rotated(120, "Central African Republic"), rotated(140, "Democratic Republic")}, ""},
		{"off the canvas", []scene.Node{text(600, 50, "A label that runs past the right edge")}, ruleOffCanvas},
		{"overlapping texts", []scene.Node{text(100, 50, "Nepal"), text(110, 52, "India")}, ruleOverlap},
		{"a text over a bar", []scene.Node{text(390, 200, "Over the bar")}, ruleOverMark},
		{"a cut label", []scene.Node{text(10, 50, "Democratic Republic o…")}, ruleTruncated},
		{"crossing turned labels", []scene.Node{rotated(120, "Central African Republic"), text(30, 260, "Horizontal label here")}, ruleOverlap},
		{"a turned label past the bottom", []scene.Node{rotated(120, "A long label that hangs off the bottom of the figure, far")}, ruleOffCanvas},
	} {
		sc := &scene.Scene{Width: 640, Height: 400, Regular: font.Default(false), Bold: font.Default(true)}
		sc.Root = []*scene.Group{{ID: "plot", Nodes: append([]scene.Node{&scene.Group{ID: "series-1", Nodes: []scene.Node{bar}}}, tt.nodes...)}}
		var rules []string
		for _, f := range lint(sc, "input") {
			rules = append(rules, f.Rule)
		}
		switch {
		case tt.want == "" && len(rules) > 0:
			t.Errorf("%s: found %v", tt.name, rules)
		case tt.want != "" && !slices.Contains(rules, tt.want):
			t.Errorf("%s: found %v, want %s", tt.name, rules, tt.want)
		}
	}
}

// TestLayoutFindings runs the layout checker over every fixture, the
// story and generated figures of every type (-generated N per type), and
// compares what it finds with testdata/layout.findings. That file is a
// ratchet: a finding that is not in it fails the test, so no change adds
// an overlap, a cut label or a text over a mark unseen; a finding that
// is gone asks for -update, so the file shrinks as issues are fixed.
func TestLayoutFindings(t *testing.T) {
	var got []string
	files, _ := filepath.Glob("testdata/*.toml")
	for _, file := range append(files, "../data.toml") {
		f, err := Load(file, "")
		if err != nil {
			t.Fatal(err)
		}
		src, _ := os.ReadFile(file)
		for _, fig := range f.Figures {
			for _, fd := range lint(fig.Scene(), string(src)) {
				got = append(got, fmt.Sprintf("%s %s: %s: %s", filepath.Base(file), fig.ID, fd.Rule, fd.What))
			}
		}
	}
	for _, name := range kindNames() {
		rng := rand.New(rand.NewSource(int64(len(name)) * 7919))
		for i := 0; i < *generated; i++ {
			id := fmt.Sprintf("%s-%d", name, i)
			src := genFigure(rng, kinds[name], id)
			file, err := Decode("generated.toml", []byte(src), ".")
			if err != nil {
				continue // the generator draws some figures a desk could not
			}
			for _, fd := range lint(file.Figures[0].Scene(), src) {
				got = append(got, fmt.Sprintf("generated %s: %s: %s", id, fd.Rule, fd.What))
			}
		}
	}
	slices.Sort(got)
	got = slices.Compact(got)
	const golden = "testdata/layout.findings"
	if *update {
		writeGolden(t, golden, []byte(strings.Join(got, "\n")+"\n"))
		return
	}
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./charts -update)", err)
	}
	known := strings.Split(strings.TrimSpace(string(b)), "\n")
	var added, gone []string
	for _, g := range got {
		if !slices.Contains(known, g) {
			added = append(added, g)
		}
	}
	for _, k := range known {
		if !slices.Contains(got, k) {
			gone = append(gone, k)
		}
	}
	if len(added) > 0 {
		t.Errorf("%d new layout findings (fix them; accept one only with -update and a reason in the commit):\n%s", len(added), strings.Join(added, "\n"))
	}
	if len(gone) > 0 {
		t.Errorf("%d layout findings are fixed; run go test ./charts -update to shrink %s:\n%s", len(gone), golden, strings.Join(gone, "\n"))
	}
	t.Logf("%d known findings", len(got))
}
