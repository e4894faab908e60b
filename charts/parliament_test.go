package charts

import (
	"math"
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/scene"
)

// TestParliament: one dot per seat, each party's seats in one wedge from
// the left (a run of its colour in the seats' order), seats apart; the
// majority more than half unless given; the alt text lists the parties.
func TestParliament(t *testing.T) {
	for _, n := range []int{1, 2, 7, 50, 299, 650, 1000} {
		pts, r := hemicycle(n, 38, 100)
		if len(pts) != n {
			t.Fatalf("%d seats: %d placed", n, len(pts))
		}
		for i := range pts {
			for j := i + 1; j < len(pts); j++ {
				if d := math.Hypot(pts[i][0]-pts[j][0], pts[i][1]-pts[j][1]); d < 2*r-1e-9 {
					t.Fatalf("%d seats: seats %d and %d overlap (%.2f apart, radius %.2f)", n, i, j, d, r)
				}
			}
		}
	}
	f, err := Decode("p.toml", []byte(`[[figure]]
id = "p"
type = "parliament"
title = "Seats"
data = [{ label = "Left", value = 60 }, { label = "Centre", value = 31 }, { label = "Right", value = 59 }]
`), ".")
	if err != nil {
		t.Fatal(err)
	}
	fig := f.Figures[0]
	if total, maj := fig.seats(); total != 150 || maj != 76 {
		t.Errorf("seats %d, majority %d; want 150, 76", total, maj)
	}
	var fills []scene.Color
	sc := fig.Scene()
	sc.Walk(func(n scene.Node) {
		if c, ok := n.(*scene.Circle); ok && c.Class == "pc-seat" {
			fills = append(fills, c.Fill)
		}
	})
	if len(fills) != 150 {
		t.Fatalf("%d seats drawn, want 150", len(fills))
	}
	// Seats come in the parties' order: three runs of colour.
	runs := 1
	for i := 1; i < len(fills); i++ {
		if fills[i] != fills[i-1] {
			runs++
		}
	}
	if runs != 3 {
		t.Errorf("%d runs of colour, want 3 (one wedge a party)", runs)
	}
	if fds := fig.findings(sc); len(fds) > 0 {
		t.Errorf("findings: %v", fds)
	}
	if alt := fig.AltText(); !strings.Contains(alt, "150 seats: Left 60, Centre 31, Right 59; 76 for a majority.") {
		t.Errorf("alt text: %s", alt)
	}
}
