package charts

// Labels for points (scatter, beeswarm): each placed clear of every
// point, line, label and leader, beside its point or further out with a
// leader.

import (
	"math"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// dot is a point as drawn: its centre and radius.
type dot struct{ x, y, r float64 }

// placePointLabels labels the points which lists, most important first
// (a scatter's labelledPoints, a beeswarm's highlights): for each,
// the label on one line or, when long, on two, at the nearest place
// around its point (eight directions, further out step by step) that
// is inside the area and clear of every point, reference line, label
// and leader placed; one further than a few pixels out gets a leader,
// which may cross no label. A label with no such place is left out.
func (c *ctx) placePointLabels(data []Datum, which []int, dots []dot, lines []scene.Box, area rect) (labels, leaders *scene.Group) {
	labels = &scene.Group{ID: "labels", Class: "pc-labels"}
	leaders = &scene.Group{Class: "pc-leaders"}
	var obstacles []scene.Box // points and lines: a leader may cross these
	for _, d := range dots {
		obstacles = append(obstacles, scene.Box{X0: d.x - d.r, Y0: d.y - d.r, X1: d.x + d.r, Y1: d.y + d.r})
	}
	obstacles = append(obstacles, lines...)
	var placed []scene.Box // labels and leaders: nothing may cross these
	size := c.value
	capL := c.regular.CapHeight(size)
	descL := math.Round(size * 0.25)
	lh := math.Round(size * 1.2)
	hits := func(b scene.Box, set []scene.Box) bool {
		for _, t := range set {
			if b.X0 < t.X1 && t.X0 < b.X1 && b.Y0 < t.Y1 && t.Y0 < b.Y1 {
				return true
			}
		}
		return false
	}
	for _, i := range which {
		d, pt := data[i], dots[i]
		bold := c.isHighlighted(d.Label)
		name := c.isolate(d.Label)
		variants := [][]string{{name}}
		if w := c.width(name, size, bold); w > 60*c.u && strings.ContainsAny(d.Label, " -") {
			if two, _ := c.regular.Wrap(name, size, math.Max(w*0.62, c.widestWord(name, size, bold)+1), 0); len(two) == 2 {
				variants = append(variants, two)
			}
		}
		type spot struct {
			lines    []string
			box      scene.Box
			x0, base float64 // the first line's start and baseline
			w        float64
		}
		var found *spot
		// First where no other point is as near; failing that, anywhere
		// clear, with a leader.
	search:
		for _, strict := range []bool{true, false} {
			for _, dist := range []float64{4, 12, 24, 40, 60, 85, 110, 140, 180} {
				r := pt.r + dist
				for _, ls := range variants {
					w := 0.0
					for _, l := range ls {
						w = math.Max(w, c.width(l, size, bold))
					}
					h := capL + float64(len(ls)-1)*lh // first cap top to last baseline
					for _, cd := range [][2]float64{{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}} {
						x0, top := pt.x-w/2, pt.y-h/2
						switch {
						case cd[0] > 0 && cd[1] == 0:
							x0 = pt.x + r
						case cd[0] < 0 && cd[1] == 0:
							x0 = pt.x - r - w
						case cd[0] > 0:
							x0 = pt.x + 0.7*r
						case cd[0] < 0:
							x0 = pt.x - 0.7*r - w
						}
						switch {
						case cd[1] < 0 && cd[0] == 0:
							top = pt.y - r - descL - h
						case cd[1] > 0 && cd[0] == 0:
							top = pt.y + r + 2
						case cd[1] < 0:
							top = pt.y - 0.7*r - descL - h
						case cd[1] > 0:
							top = pt.y + 0.7*r + 2
						}
						// Slid along to stay in the plot (at its edges a label
						// beside a point moves up or in).
						x0 = math.Min(math.Max(x0, area.x+2), area.right()-w-2)
						top = math.Min(math.Max(top, area.y+3), area.bottom()-h-descL)
						box := scene.Box{X0: x0 - 2, Y0: top - 3, X1: x0 + w + 2, Y1: top + h + descL}
						if box.X0 < area.x || box.X1 > area.right() || box.Y0 < area.y || box.Y1 > area.bottom() ||
							hits(box, obstacles) || hits(box, placed) {
							continue
						}
						sp := &spot{lines: ls, box: box, x0: x0, base: top + capL, w: w}
						// A label as near another point as its own would be
						// read as that one's: it takes a leader.
						own := boxDist(box, pt.x, pt.y) - pt.r
						closer := false
						for k, o := range dots {
							// (A point on top of this one tells nothing apart.)
							if k != i && math.Hypot(o.x-pt.x, o.y-pt.y) > pt.r && boxDist(box, o.x, o.y)-o.r <= own+2 {
								closer = true
								break
							}
						}
						if closer && strict {
							continue
						}
						if dist > 12 && !near(box, pt.x, pt.y, pt.r+14) || closer {
							// The leader, from the point's edge to the label,
							// may cross no label or leader placed.
							// It stops 3 px short of the label's box.
							lx := math.Min(math.Max(pt.x, box.X0), box.X1)
							ly := math.Min(math.Max(pt.y, box.Y0), box.Y1)
							a := math.Atan2(ly-pt.y, lx-pt.x)
							lx, ly = lx-3*math.Cos(a), ly-3*math.Sin(a)
							l := &scene.Line{X1: pt.x + pt.r*math.Cos(a), Y1: pt.y + pt.r*math.Sin(a), X2: lx, Y2: ly, Stroke: c.th.faint, Width: 1, Class: "pc-leader"}
							segs := segmentBoxes(l)
							if hits2(segs, placed) {
								continue
							}
							leaders.Add(l)
							placed = append(placed, segs...)
						}
						found = sp
						break search
					}
				}
			}
		}
		if found == nil {
			continue // no room: the alt text names it, and --check says so
		}
		placed = append(placed, found.box)
		col := c.th.text
		if bold {
			col = c.readable(c.accent)
		}
		for k, l := range found.lines {
			labels.Add(c.text(found.x0, found.base+float64(k)*lh, l, size, bold, col, scene.Start, "pc-label pc-point-label"))
		}
	}
	return labels, leaders
}

// segmentBoxes covers a line with small boxes along it, for overlap
// tests against boxes.
func segmentBoxes(l *scene.Line) []scene.Box {
	n := max(1, int(math.Hypot(l.X2-l.X1, l.Y2-l.Y1)/6))
	out := make([]scene.Box, 0, n)
	for k := 0; k < n; k++ {
		t0, t1 := float64(k)/float64(n), float64(k+1)/float64(n)
		x0, y0 := l.X1+(l.X2-l.X1)*t0, l.Y1+(l.Y2-l.Y1)*t0
		x1, y1 := l.X1+(l.X2-l.X1)*t1, l.Y1+(l.Y2-l.Y1)*t1
		out = append(out, scene.Box{X0: math.Min(x0, x1) - 1, Y0: math.Min(y0, y1) - 1, X1: math.Max(x0, x1) + 1, Y1: math.Max(y0, y1) + 1})
	}
	return out
}

// hits2 says that a box of a meets a box of b.
func hits2(a, b []scene.Box) bool {
	for _, x := range a {
		for _, y := range b {
			if x.X0 < y.X1 && y.X0 < x.X1 && x.Y0 < y.Y1 && y.Y0 < x.Y1 {
				return true
			}
		}
	}
	return false
}

// boxDist is how far the point (x, y) is from box b (0 inside it).
func boxDist(b scene.Box, x, y float64) float64 {
	dx := math.Max(0, math.Max(b.X0-x, x-b.X1))
	dy := math.Max(0, math.Max(b.Y0-y, y-b.Y1))
	return math.Hypot(dx, dy)
}

// near says that box b comes within d of the point (x, y): a label that
// close needs no leader.
func near(b scene.Box, x, y, d float64) bool {
	dx := math.Max(0, math.Max(b.X0-x, x-b.X1))
	dy := math.Max(0, math.Max(b.Y0-y, y-b.Y1))
	return math.Hypot(dx, dy) <= d
}
