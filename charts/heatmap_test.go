package charts

import (
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/scene"
)

// TestHeatmap: a cell per value, an empty one for a gap; a diverging
// scale puts zero at the background's pale end on both sides; months that
// crowd are thinned, other names turn upright; the alt text names the
// least and greatest cells.
func TestHeatmap(t *testing.T) {
	src := `[[figure]]
id = "h"
type = "heatmap"
title = "T"
size = "mobile"
series = [%s]
data = [{ label = "Oslo", values = [%s] }, { label = "Rome", values = [%s] }]
`
	months := `"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"`
	a := "-4, -3, 1, 6, 11, 15, 16, 15, 11, 6, 1, \"NA\""
	b := "8, 9, 13, 16, 21, 24, 26, 24, 21, 17, 12, 10"
	f, err := Decode("h.toml", []byte(strings.Replace(strings.Replace(strings.Replace(src, "%s", months, 1), "%s", a, 1), "%s", b, 1)), ".")
	if err != nil {
		t.Fatal(err)
	}
	fig := f.Figures[0]
	cells, gaps, rotated := 0, 0, 0
	var ticks []string
	sc := fig.Scene()
	sc.Walk(func(n scene.Node) {
		switch n := n.(type) {
		case *scene.Rect:
			if strings.Contains(n.Class, "pc-heat-cell") {
				cells++
				if strings.Contains(n.Class, "pc-gap") {
					gaps++
				}
			}
		case *scene.Text:
			if n.Class == "pc-tick" {
				ticks = append(ticks, n.S)
				if n.Rotate != 0 {
					rotated++
				}
			}
		}
	})
	if cells != 24 || gaps != 1 {
		t.Errorf("%d cells (%d gaps), want 24 (1)", cells, gaps)
	}
	if len(ticks) >= 12 || len(ticks) < 4 || ticks[0] != "Jan" || rotated != 0 {
		t.Errorf("months on a phone: %v (%d turned); want every second or third, upright", ticks, rotated)
	}
	if fds := fig.findings(sc); len(fds) > 0 {
		t.Errorf("findings: %v", fds)
	}
	if alt := fig.AltText(); !strings.Contains(alt, "24 values: from −4 (Oslo, Jan) to 26 (Rome, Jul).") {
		t.Errorf("alt text: %s", alt)
	}
	c := &ctx{f: fig, th: themes["light"], palette: themes["light"].palette}
	if neg, pos := c.heatColor(-1e-9, -10, 10), c.heatColor(1e-9, -10, 10); contrast(neg, c.bg()) > 1.3 || contrast(pos, c.bg()) > 1.3 {
		t.Errorf("values near zero are not pale on a diverging scale: %v %v", neg, pos)
	}
}
