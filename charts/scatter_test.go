package charts

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/scene"
)

// TestScatter: the least-squares line, the extremes chosen, bubble
// areas in proportion to size, and every chosen label drawn clear of
// every point.
func TestScatter(t *testing.T) {
	a, b, ok := leastSquares([]Datum{{XV: 0, Y: 1}, {XV: 1, Y: 3}, {XV: 2, Y: 5}})
	if !ok || math.Abs(a-1) > 1e-12 || math.Abs(b-2) > 1e-12 {
		t.Errorf("leastSquares = %g + %g x, %v; want 1 + 2 x", a, b, ok)
	}
	if _, _, ok := leastSquares([]Datum{{XV: 1, Y: 1}, {XV: 1, Y: 3}}); ok {
		t.Error("a line through points of one x")
	}
	src := `[[figure]]
id = "s"
type = "scatter"
title = "Points"
extremes = 2
label = ["Middle"]
data = [
  { label = "Middle", x = 5, y = 5, size = 100 },
  { label = "Near", x = 5.5, y = 4.5, size = 25 },
  { label = "Far right", x = 40, y = 6, size = 4 },
  { label = "Far down", x = 6, y = -30, size = 1 },
  { label = "Other", x = 4, y = 6, size = 9 },
]
`
	f, err := Decode("s.toml", []byte(src), ".")
	if err != nil {
		t.Fatal(err)
	}
	fig := f.Figures[0]
	var names []string
	for _, i := range fig.labelledPoints() {
		names = append(names, fig.Data[i].Label)
	}
	if !slices.Equal(names, []string{"Middle", "Far down", "Far right"}) && !slices.Equal(names, []string{"Middle", "Far right", "Far down"}) {
		t.Errorf("labelled %v; want Middle and the two extremes", names)
	}
	sc := fig.Scene()
	radii := map[float64]bool{}
	var dots []*scene.Circle
	var texts []*scene.Text
	sc.Walk(func(n scene.Node) {
		switch n := n.(type) {
		case *scene.Circle:
			if n.Class == "pc-point" {
				dots = append(dots, n)
				radii[n.R] = true
			}
		case *scene.Text:
			if strings.Contains(n.Class, "pc-point-label") {
				texts = append(texts, n)
			}
		}
	})
	// Sizes 100 and 25: radii in the ratio 2 (areas 4).
	var rs []float64
	for r := range radii {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	if len(rs) != 5 || math.Abs(rs[4]/rs[3]-2) > 1e-9 {
		t.Errorf("radii %v: the largest two not in the ratio 2 of sizes 100 and 25", rs)
	}
	if len(texts) != 3 {
		t.Errorf("%d labels drawn, want 3", len(texts))
	}
	if fds := fig.findings(sc); len(fds) > 0 {
		t.Errorf("findings: %v", fds)
	}
	alt := fig.AltText()
	if !strings.HasPrefix(alt, "Scatter plot: Points. 5 points; Middle: x 5.0, y 5.0, 100; Far ") {
		t.Errorf("alt text: %s", alt)
	}
}
