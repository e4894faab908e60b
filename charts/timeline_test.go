package charts

import (
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/scene"
)

// TestTimeline: events in date order whatever the file's, each a dot at
// its date left to right, with its date and text; down the page on a
// phone; the alt text in order.
func TestTimeline(t *testing.T) {
	for _, size := range []string{"", "size = \"mobile\"\n"} {
		f, err := Decode("t.toml", []byte(`[[figure]]
id = "t"
type = "timeline"
title = "Events"
`+size+`data = [
  { x = "2024-06", label = "Election" },
  { x = "2022-02-24", label = "Invasion begins" },
  { x = "2023", label = "A year of offensives and counter-offensives" },
]
`), ".")
		if err != nil {
			t.Fatal(err)
		}
		fig := f.Figures[0]
		var dots []*scene.Circle
		var dates []string
		sc := fig.Scene()
		sc.Walk(func(n scene.Node) {
			switch n := n.(type) {
			case *scene.Circle:
				dots = append(dots, n)
			case *scene.Text:
				if n.Class == "pc-date" {
					dates = append(dates, n.S)
				}
			}
		})
		if len(dots) != 3 || strings.Join(dates, "|") != "24 Feb 2022|2023|Jun 2024" {
			t.Errorf("%s: %d dots, dates %q", size, len(dots), dates)
		}
		for i := 1; i < len(dots); i++ {
			if size == "" && !(dots[i].CX > dots[i-1].CX) || size != "" && !(dots[i].CY > dots[i-1].CY) {
				t.Errorf("%s: event %d not after event %d", size, i, i-1)
			}
		}
		if fds := fig.findings(sc); len(fds) > 0 {
			t.Errorf("%s: findings %v", size, fds)
		}
		if alt := fig.AltText(); !strings.Contains(alt, "24 Feb 2022: Invasion begins; 2023: A year") {
			t.Errorf("alt text: %s", alt)
		}
	}
}
