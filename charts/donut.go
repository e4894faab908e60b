package charts

import (
	"math"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// donutKind draws the parts as a ring from 12 o'clock, clockwise, with a
// real hole (nothing is painted there, so it works on any background), a
// centre label, and the parts listed outside the ring with their values.
var donutKind = &kind{
	parts:      true,
	name:       "donut",
	maxRows:    6,
	fields:     []string{"value"},
	options:    readDonut,
	validate:   validateDonut,
	plot:       plotDonut,
	facets:     true,
	panelWidth: 260,
	describe:   describeParts,
}

// maxSlices is the most parts a donut shows, the rest included.
const maxSlices = 6

func readDonut(f *Figure, t *table) {
	readParts(f, t)
	t.text("center", &f.Center)
}

func validateDonut(f *Figure, e *errs) {
	validateParts(f, e)
	if ps, _ := f.parts(); len(ps) > maxSlices {
		e.add("data", "%d parts with the rest; a donut shows at most %d, so group the smallest", len(ps), maxSlices)
	}
}

// centerText is the donut's centre: the figure's center, else the share of
// the first highlighted part (or the first part) over its label.
func (c *ctx) centerText(ps []part) (big, small string) {
	if c.f.Center != "" {
		return c.f.Center, ""
	}
	pick := ps[0]
	for _, p := range ps {
		if c.isHighlighted(p.Label) {
			pick = p
			break
		}
	}
	return c.nf.percent(pick.Share), pick.Label
}

func plotDonut(c *ctx, p rect) drawn {
	ps, _ := c.f.parts()
	// The ring on the left, the parts listed beside it; on a narrow
	// figure the list goes under the ring.
	l := c.measureLegend(ps, "", p.w)
	gap := math.Round(32 * c.u)
	side := l.w+gap <= p.w*0.5
	r := math.Min(p.h/2, (p.w-l.w-gap)/2)
	if !side {
		// Under the ring, the list makes the figure as tall as it
		// needs; only a height of the figure's own limits the ring.
		r = math.Min(p.w/2, 110*c.u)
		if c.f.Style.FixedHeight {
			r = math.Min(r, math.Max((p.h-l.h-16)/2, 40*c.u))
		}
	}
	r = math.Floor(math.Max(r, 30*c.u))
	inner := math.Round(r * 0.6)
	cx, cy := c.snap(p.x+r), c.snap(p.y+r)
	if side {
		// Ring and list share a middle; a list taller than the plot
		// starts at its top and the figure grows, rather than running
		// into the subtitle and the note. The figure centres the plot
		// in any height left over.
		cy = c.snap(p.y + math.Max(2*r, l.h)/2)
	}

	ax := &axes{area: rect{p.x, p.y, p.w, math.Max(p.h, cy+r-p.y)}, point: func(at string) (float64, float64, bool) {
		t := 0.0
		for _, pt := range ps {
			mid := t + pt.Share*math.Pi
			t += pt.Share * 2 * math.Pi
			if pt.Label == at { // the middle of the slice's outer edge
				return cx + r*math.Sin(mid), cy - r*math.Cos(mid), true
			}
		}
		return 0, 0, false
	}}
	g := &scene.Group{}
	series := &scene.Group{ID: "series-1", Class: "pc-series"}
	t := 0.0
	for i, pt := range ps {
		sweep := pt.Share * 2 * math.Pi
		t0, t1 := t, t+sweep
		t = t1
		path := &scene.Path{Fill: c.partColor(pt, i), Class: "pc-slice"}
		if sweep >= 2*math.Pi-1e-9 { // one part: a whole ring, its hole cut by the opposite turn
			path.MoveTo(cx, cy-r)
			path.Arc(cx, cy, r, 0, 2*math.Pi)
			path.Close()
			path.MoveTo(cx, cy-inner)
			path.Arc(cx, cy, inner, 2*math.Pi, 0)
			path.Close()
		} else {
			path.MoveTo(cx+r*math.Sin(t0), cy-r*math.Cos(t0))
			path.Arc(cx, cy, r, t0, t1)
			path.LineTo(cx+inner*math.Sin(t1), cy-inner*math.Cos(t1))
			path.Arc(cx, cy, inner, t1, t0)
			path.Close()
		}
		series.Add(path)
	}
	// Hairlines between the slices, in the background colour.
	if _, painted := c.background(); len(ps) > 1 && painted {
		t = 0
		for _, pt := range ps {
			series.Add(&scene.Line{X1: cx + inner*math.Sin(t), Y1: cy - inner*math.Cos(t), X2: cx + (r+0.5)*math.Sin(t), Y2: cy - (r+0.5)*math.Cos(t), Stroke: c.bg(), Width: 1.5, Class: "pc-divider"})
			t += pt.Share * 2 * math.Pi
		}
	}

	lx, ly := cx+r+gap, cy-l.h/2
	if !side {
		lx, ly = p.x, cy+r+16
	}
	legend := c.drawLegend(l, ps, lx, ly)

	// The centre: a big share over its label, both inside the hole.
	center := &scene.Group{ID: "center", Class: "pc-center"}
	big, small := c.centerText(ps)
	size := math.Round(inner * 0.6)
	for size > 10 && c.width(big, size, true) > inner*1.6 {
		size--
	}
	capH := c.bold.CapHeight(size)
	if small == "" {
		center.Add(c.text(cx, cy+capH/2, big, size, true, c.th.text, scene.Middle, "pc-center-value"))
	} else {
		// The label wraps in the hole; one that needs more than two
		// lines is left to the legend beside the ring, not cut.
		lines, _ := c.regular.Wrap(small, c.label, inner*1.5, 0)
		wordFits := true
		for _, w := range strings.Fields(small) {
			wordFits = wordFits && c.width(w, c.label, false) <= inner*1.5
		}
		// And the block stays inside the hole's circle, its widest line
		// at its bottom included.
		bottom := cy + capH*0.35 + math.Max(c.label*0.6, size*0.2) + float64(len(lines))*math.Round(c.label*1.25)
		hw := 0.0
		for _, l := range lines {
			hw = math.Max(hw, c.width(l, c.label, false)/2)
		}
		inHole := math.Hypot(bottom-cy, hw) <= inner-2
		if len(lines) > 2 || !wordFits || !inHole {
			center.Add(c.text(cx, cy+capH/2, big, size, true, c.th.text, scene.Middle, "pc-center-value"))
		} else {
			center.Add(c.text(cx, cy+capH*0.35, big, size, true, c.th.text, scene.Middle, "pc-center-value"))
			// Below the big share's commas and descenders.
			nodes, _ := c.block(lines, cx, cy+capH*0.35+math.Max(c.label*0.6, size*0.2), c.label, math.Round(c.label*1.25), false, c.th.muted, scene.Middle, "pc-center-label")
			center.Add(nodes...)
		}
	}
	g.Add(series, legend, center)
	used := math.Max(2*r, l.h)
	if !side {
		used = 2*r + 16 + l.h
	}
	return drawn{group: g, height: used, axes: ax}
}
