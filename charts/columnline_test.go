package charts

import (
	"math"
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/scene"
)

// TestColumnLine: average = 3 adds the rolling average as a second
// series (a gap until its window is full, and where it holds a gap),
// named in the figure's language; the first series is drawn as a
// column a row, the average as a line.
func TestColumnLine(t *testing.T) {
	f, err := Decode("c.toml", []byte(`[[figure]]
id = "c"
type = "column-line"
title = "Cases"
locale = "de"
average = 3
data = [
  { x = "2025-01-01", value = 3 }, { x = "2025-01-02", value = 6 }, { x = "2025-01-03", value = 9 },
  { x = "2025-01-04", value = 12 }, { x = "2025-01-05", value = "NA" }, { x = "2025-01-06", value = 6 },
  { x = "2025-01-07", value = 3 }, { x = "2025-01-08", value = 3 }, { x = "2025-01-09", value = 3 },
]
`), ".")
	if err != nil {
		t.Fatal(err)
	}
	fig := f.Figures[0]
	if len(fig.Series) != 2 || !strings.HasPrefix(fig.Series[1], "Durchschnitt") {
		t.Errorf("series %q", fig.Series)
	}
	want := []float64{math.NaN(), math.NaN(), 6, 9, math.NaN(), math.NaN(), math.NaN(), 4, 3}
	for i, d := range fig.Data {
		if got := d.Values[1]; !(got == want[i] || math.IsNaN(got) && math.IsNaN(want[i])) {
			t.Errorf("row %d: average %g, want %g", i, got, want[i])
		}
	}
	columns, lines := 0, 0
	sc := fig.Scene()
	sc.Walk(func(n scene.Node) {
		switch n := n.(type) {
		case *scene.Rect:
			if n.Class == "pc-bar" {
				columns++
			}
		case *scene.Polyline:
			lines++
		}
	})
	if columns != 8 || lines != 2 { // the gap breaks the average in two
		t.Errorf("%d columns and %d lines, want 8 and 2", columns, lines)
	}
	if fds := fig.findings(sc); len(fds) > 0 {
		t.Errorf("findings: %v", fds)
	}
}
