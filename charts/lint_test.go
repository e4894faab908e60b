package charts

import (
	"flag"
	"fmt"
	"math"
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/font"
	"github.com/presschart/presschart/charts/scene"
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
	inside.Class, inside.Fill = "pc-value pc-inside", scene.Color{R: 255, G: 255, B: 255, A: 255}
	unreadable := text(405, 120, "1,000") // black on the black bar
	unreadable.Class = "pc-value pc-inside"
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
		{"a patch of background over a bar (an old annotation halo)", []scene.Node{&scene.Rect{X: 380, Y: 150, W: 80, H: 20, Fill: scene.Color{R: 255, G: 255, B: 255, A: 255}}}, ruleShapeOver},
		{"a transparent band over a bar", []scene.Node{&scene.Rect{X: 380, Y: 150, W: 80, H: 20, Fill: scene.Color{A: 140}}}, ""},
		{"a net marker over a value inside its bar", []scene.Node{inside, &scene.Group{ID: "series-net", Nodes: []scene.Node{&scene.Rect{X: 410, Y: 105, W: 3, H: 20, Fill: black}}}}, ruleMarkOver},
		{"a value inside its bar in the bar's colour", []scene.Node{unreadable}, ruleContrast},
		{"a text over the logo", []scene.Node{&scene.Image{X: 500, Y: 360, W: 100, H: 30}, text(480, 380, "Source: a long one")}, ruleOverlap},
		{"a logo beside a text", []scene.Node{&scene.Image{X: 500, Y: 360, W: 100, H: 30}, text(20, 380, "Source")}, ""},
		{"a turned label past the bottom", []scene.Node{rotated(120, "A long label that hangs off the bottom of the figure, far")}, ruleOffCanvas},
	} {
		checkRule(t, tt.name, append([]scene.Node{&scene.Group{ID: "series-1", Nodes: []scene.Node{bar}}}, tt.nodes...), tt.want)
	}
}

// checkRule lints a 640 x 400 scene of the nodes and checks that it breaks
// the rule want, or none when want is "".
func checkRule(t *testing.T, name string, nodes []scene.Node, want string) {
	t.Helper()
	sc := &scene.Scene{Width: 640, Height: 400, Regular: font.Default(false), Bold: font.Default(true)}
	sc.Root = []*scene.Group{{ID: "plot", Nodes: nodes}}
	var rules []string
	for _, f := range lint(sc, "input") {
		rules = append(rules, f.Rule)
	}
	switch {
	case want == "" && len(rules) > 0:
		t.Errorf("%s: found %v", name, rules)
	case want != "" && !slices.Contains(rules, want):
		t.Errorf("%s: found %v, want %s", name, rules, want)
	}
}

// TestDroppedRule: a name no text shows is found, one wrapped over lines
// is not.
func TestDroppedRule(t *testing.T) {
	sc := &scene.Scene{Width: 640, Height: 400, Regular: font.Default(false), Bold: font.Default(true)}
	sc.Root = []*scene.Group{{ID: "plot", Nodes: []scene.Node{
		&scene.Text{X: 10, Y: 20, S: "Democratic Republic", Size: 12},
		&scene.Text{X: 10, Y: 36, S: "of the Congo", Size: 12},
		&scene.Text{X: 10, Y: 52, S: "Nepal", Size: 12},
	}}}
	got := dropped(sc, []string{"Democratic Republic of the Congo", "Nepal", "India"})
	if len(got) != 1 || got[0].Rule != ruleDropped || !strings.Contains(got[0].What, "India") {
		t.Errorf("found %v, want India dropped", got)
	}
	// A word split over two lines.
	sc.Root[0].Nodes = append(sc.Root[0].Nodes, &scene.Text{X: 10, Y: 68, S: "Conservative", Size: 12}, &scene.Text{X: 10, Y: 84, S: "s", Size: 12})
	got = dropped(sc, []string{"Conservatives"})
	if len(got) != 1 || got[0].Rule != ruleBroken {
		t.Errorf("found %v, want Conservatives broken", got)
	}
}

// TestLayoutFindings runs the layout checker over every fixture, the
// story and generated figures of every type (-generated N per type); any
// finding fails it, so no change adds an overlap, a cut label or a text
// over a mark unseen.
func TestLayoutFindings(t *testing.T) {
	var got []string
	checked, placed := 0, 0
	files, _ := filepath.Glob("testdata/*.toml")
	for _, file := range append(files, "../data.toml") {
		f, err := Load(file, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, fig := range f.Figures {
			checked++
			for _, fd := range fig.findings(fig.Scene()) {
				got = append(got, fmt.Sprintf("%s %s: %s: %s", filepath.Base(file), fig.ID, fd.Rule, fd.What))
			}
		}
	}
	for _, name := range kindNames() {
		rng := rand.New(rand.NewSource(int64(len(name)) * 7919))
		n := *generated
		if raceEnabled {
			n /= 4 // the race detector looks for races, which the first figures find as well as all; the layout rules run in full without it
		}
		for i := 0; i < n; i++ {
			id := fmt.Sprintf("%s-%d", name, i)
			src := genFigure(rng, kinds[name], id)
			file, err := Decode("generated.toml", []byte(src), ".")
			if err != nil {
				continue // the generator draws some figures a desk could not
			}
			for _, fig := range file.Figures { // renditions too
				checked++
				for _, fd := range fig.findings(fig.Scene()) {
					if byEditor(fd) {
						placed++ // the checker judged the editor's placement
						continue
					}
					got = append(got, fmt.Sprintf("generated %s: %s: %s", fig.ID, fd.Rule, fd.What))
				}
			}
		}
	}
	slices.Sort(got)
	got = slices.Compact(got)
	if len(got) > 0 {
		t.Errorf("%d layout findings; an editor would reject these figures:\n%s", len(got), strings.Join(got, "\n"))
	}
	t.Logf("%d figures checked; %d findings on notes placed by hand left to the editor", checked, placed)
}

// TestOutsidePlotRule: a bar past the data area is found, a dot centred
// on its edge is not.
func TestOutsidePlotRule(t *testing.T) {
	black := scene.Color{A: 255}
	for _, tt := range []struct {
		name string
		mark scene.Node
		want bool
	}{
		{"a bar inside", &scene.Rect{X: 100, Y: 100, W: 40, H: 100, Fill: black}, false},
		{"a dot on the edge", &scene.Circle{CX: 100, CY: 150, R: 6, Fill: black}, false},
		{"a bar through the subtitle", &scene.Rect{X: 100, Y: 40, W: 40, H: 160, Fill: black}, true},
		{"a reference line past the axis", &scene.Line{X1: 100, Y1: 20, X2: 400, Y2: 20, Width: 1, Stroke: black}, true},
	} {
		sc := &scene.Scene{Width: 640, Height: 400, Plot: scene.Box{X0: 100, Y0: 80, X1: 500, Y1: 300}, Regular: font.Default(false), Bold: font.Default(true)}
		id := "series-1"
		if _, ok := tt.mark.(*scene.Line); ok {
			id = "annotation-lines"
		}
		sc.Root = []*scene.Group{{ID: "plot", Nodes: []scene.Node{&scene.Group{ID: id, Nodes: []scene.Node{tt.mark}}}}}
		found := slices.ContainsFunc(lint(sc, ""), func(f Finding) bool { return f.Rule == ruleOutsidePlot })
		if found != tt.want {
			t.Errorf("%s: found %v, want %v", tt.name, found, tt.want)
		}
	}
}

// TestPartialRule: a series that labels two of its three values is
// found; all or none is not.
func TestPartialRule(t *testing.T) {
	label := func(s string) *scene.Text { return &scene.Text{X: 10, Y: 20, S: s, Size: 12, Class: "pc-value pc-s1"} }
	sc := &scene.Scene{Width: 640, Height: 400, Regular: font.Default(false), Bold: font.Default(true)}
	sc.Root = []*scene.Group{{ID: "plot", Nodes: []scene.Node{label("1"), label("2")}}}
	if got := partial(sc, map[string]int{"pc-s1": 3}, false); len(got) != 1 || got[0].Rule != rulePartial {
		t.Errorf("two of three labelled: found %v", got)
	}
	if got := partial(sc, map[string]int{"pc-s1": 2}, false); len(got) != 0 {
		t.Errorf("all labelled: found %v", got)
	}
	sc.Root[0].Nodes = nil
	if got := partial(sc, map[string]int{"pc-s1": 3}, false); len(got) != 0 {
		t.Errorf("none labelled: found %v", got)
	}
	// labels = "max" chose one value: leaving it out is found.
	if got := partial(sc, map[string]int{"pc-s1": 1}, true); len(got) != 1 {
		t.Errorf("the chosen value left out: found %v", got)
	}
}

// TestNoisyLineIsThinned: a line of 10,000 noisy points is drawn with at
// most four points a device pixel column, and keeps its highest and
// lowest points, so that its cost is linear in the columns, not the rows
// (it took 50 s to draw whole).
func TestNoisyLineIsThinned(t *testing.T) {
	src := worstLine("line", "noise", 10000)
	f, err := Decode("w.toml", []byte(src), ".")
	if err != nil {
		t.Fatal(err)
	}
	sc := f.Figures[0].Scene()
	var line *scene.Polyline
	sc.Walk(func(n scene.Node) {
		if l, ok := n.(*scene.Polyline); ok {
			line = l
		}
	})
	if line == nil {
		t.Fatal("no line drawn")
	}
	cols := (line.Pts[len(line.Pts)-1][0] - line.Pts[0][0]) * float64(f.Figures[0].Style.Scale)
	if float64(len(line.Pts)) > 4*cols+8 {
		t.Errorf("%d points drawn over %.0f device columns; want at most four a column", len(line.Pts), cols)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range line.Pts {
		lo, hi = math.Min(lo, p[1]), math.Max(hi, p[1])
	}
	if d := sc.Plot; hi-lo < 0.95*(d.Y1-d.Y0) {
		t.Errorf("the thinned line spans %.0f px of a %.0f px plot; its spikes were lost", hi-lo, d.Y1-d.Y0)
	}
}

// TestLeaderRules: a label far from the mark it names needs a leader,
// and a leader may not run through another text; a mark leaves the
// canvas.
func TestLeaderRules(t *testing.T) {
	black := scene.Color{A: 255}
	mark := [2]float64{100, 300}
	label := func(x, y float64) *scene.Text {
		return &scene.Text{X: x, Y: y, S: "A note", Size: 12, Fill: black, Of: &mark}
	}
	leader := &scene.Line{X1: 100 + ringGap, Y1: 300, X2: 300, Y2: 104, Width: 1, Stroke: black, Class: "pc-connector"}
	other := &scene.Text{X: 180, Y: 210, S: "In the way", Size: 12, Fill: black}
	bar := &scene.Group{ID: "series-1", Nodes: []scene.Node{&scene.Rect{X: 600, Y: 100, W: 80, H: 40, Fill: black}}}
	for _, tt := range []struct {
		name  string
		nodes []scene.Node
		want  string
	}{
		{"a label by its mark", []scene.Node{label(110, 304)}, ""},
		{"a label far off with no leader", []scene.Node{label(300, 110)}, ruleFar},
		{"a label far off with its leader", []scene.Node{label(300, 110), leader}, ""},
		{"a leader through another text", []scene.Node{label(300, 110), leader, other}, ruleLeaderOver},
		{"a bar past the canvas's edge", []scene.Node{bar}, ruleMarkOutside},
	} {
		checkRule(t, tt.name, tt.nodes, tt.want)
	}
}

// TestFaintRule: a data mark the background all but hides (a near-black
// party colour on a dark page) is found; a readable one is not.
func TestFaintRule(t *testing.T) {
	dark := scene.Color{R: 0x18, G: 0x19, B: 0x1c, A: 255}
	for _, c := range []struct {
		fill scene.Color
		want bool
	}{
		{scene.Color{R: 0x15, G: 0x15, B: 0x18, A: 255}, true},
		{scene.Color{R: 0x1f, G: 0x5a, B: 0x96, A: 255}, false},
	} {
		sc := &scene.Scene{Width: 640, Height: 400, Background: dark, Regular: font.Default(false), Bold: font.Default(true)}
		sc.Root = []*scene.Group{{ID: "series-1", Nodes: []scene.Node{&scene.Rect{X: 10, Y: 10, W: 50, H: 20, Fill: c.fill}}}}
		got := slices.ContainsFunc(lint(sc, ""), func(f Finding) bool { return f.Rule == ruleFaint })
		if got != c.want {
			t.Errorf("fill %v on %v: found %v, want %v", c.fill, dark, got, c.want)
		}
	}
}

// TestCVDRule: figures whose series or rows differ only in a hue that
// deuteranopia or protanopia takes away are found; the default palettes,
// red beside blue and colours alike to everyone are not.
func TestCVDRule(t *testing.T) {
	bars := `{ label = "a", value = 1 }, { label = "b", value = 2 }, { label = "c", value = 3 }`
	groups := `{ label = "a", values = [1, 2, 3] }, { label = "b", values = [2, 3, 1] }`
	for _, c := range []struct {
		name, keys, rows string
		want             bool
	}{
		{"purple row beside blue rows", `type = "bar"` + "\n" + `colors = { "b" = "#7b3294" }`, bars, true},
		{"green series beside a grey one", `type = "grouped-bar"` + "\n" + `series = ["x", "y", "z"]` + "\n" + `colors = ["#009e73", "#7a7a7a", "#e69f00"]`, groups, true},
		{"default palette", `type = "grouped-bar"` + "\n" + `series = ["x", "y", "z"]`, groups, false},
		{"highlight in the accent", `type = "bar"` + "\n" + `highlight = ["b"]`, bars, false},
		{"one colour", `type = "bar"`, bars, false},
		{"a colour given twice", `type = "grouped-bar"` + "\n" + `series = ["x", "y", "z"]` + "\n" + `colors = ["#1f5a96", "#1f5a96", "#e69f00"]`, groups, true},
		{"greys for the rest", `type = "grouped-bar"` + "\n" + `series = ["x", "y", "z"]` + "\n" + `colors = ["#c8102e", "#b4b4b4", "#b4b4b4"]`, groups, false},
	} {
		src := "[[figure]]\nid = \"f\"\ntitle = \"T\"\n" + c.keys + "\ndata = [" + c.rows + "]\n"
		f, err := Decode("cvd.toml", []byte(src), ".")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		fig := f.Figures[0]
		got := slices.ContainsFunc(fig.findings(fig.Scene()), func(f Finding) bool { return f.Rule == ruleCVD })
		if got != c.want {
			t.Errorf("%s: found %v, want %v", c.name, got, c.want)
		}
	}
}

// TestCrowdedNotesKeyed: thirty notes on two columns of a figure 160 px
// wide cannot all stand by their points, nor can all their numbers: the
// ones without a clean place for a number go under the plot naming their
// point, and the figure breaks no rule.
func TestCrowdedNotesKeyed(t *testing.T) {
	src := "[[figure]]\nid = \"cut\"\ntype = \"column\"\ntitle = \"Trust in parliament is lowest among the young\"\nwidth = 160\nheight = 200\n" +
		"data = [{ label = \"Under 35\", value = 1 }, { label = \"35 and over\", value = 2 }]\n"
	for i := 0; i < 30; i++ {
		at := []string{"Under 35", "35 and over"}[i%2]
		src += fmt.Sprintf("[[figure.annotation]]\ntext = \"Note number %d says something long enough to wrap\"\nat = %q\n", i, at)
	}
	f, err := Decode("cut.toml", []byte(src), ".")
	if err != nil {
		t.Fatal(err)
	}
	fig := f.Figures[0]
	sc := fig.Scene()
	if fds := fig.findings(sc); len(fds) > 0 {
		t.Errorf("%d findings, first %s", len(fds), fds[0])
	}
	var texts []string
	sc.Walk(func(n scene.Node) {
		if t, ok := n.(*scene.Text); ok {
			texts = append(texts, t.S)
		}
	})
	if !slices.ContainsFunc(texts, func(s string) bool {
		return strings.HasPrefix(s, "Under 35: Note number") || strings.HasPrefix(s, "35 and over: Note number")
	}) {
		t.Errorf("no note under the plot names its point; texts: %q", texts)
	}
}
