package charts

// Legends: keys that name series or parts, for the chart types that
// cannot label their marks directly.

import (
	"math"

	"github.com/presschart/presschart/charts/scene"
)

// legendAbove draws the series as swatches with names in rows from
// (x, y), wrapping at width, and with net a last entry for the net
// markers of mixed-sign piles; it returns the group and its height.
func (c *ctx) legendAbove(names []string, x, y, width float64, net bool) (*scene.Group, float64) {
	g := &scene.Group{ID: "legend", Class: "pc-legend"}
	sw := math.Round(12 * c.u)
	lh := math.Round(c.label * 1.5)
	capH := c.regular.CapHeight(c.label)
	cx, cy := x, y
	for i, n := range names {
		w := sw + 6 + c.width(n, c.label, false)
		if cx > x && cx+w > x+width {
			cx, cy = x, cy+lh
		}
		g.Add(&scene.Rect{X: c.snap(cx), Y: c.snap(cy + (lh-sw)/2), W: sw, H: sw, Fill: c.lineColor(n, i), Class: "pc-swatch"})
		g.Add(c.text(cx+sw+6, cy+(lh+capH)/2, n, c.label, false, c.th.text, scene.Start, "pc-key"))
		cx += w + 18
	}
	if net {
		n := locales[c.f.Style.Locale].net
		w := sw + 6 + c.width(n, c.label, false)
		if cx > x && cx+w > x+width {
			cx, cy = x, cy+lh
		}
		g.Add(&scene.Rect{X: c.snap(cx), Y: c.snap(cy+lh/2) - 1.5, W: sw, H: 3, Fill: c.th.text, Class: "pc-swatch pc-net"})
		g.Add(c.text(cx+sw+6, cy+(lh+capH)/2, n, c.label, false, c.th.text, scene.Start, "pc-key"))
	}
	return g, cy - y + lh
}

// seriesKey draws the two ends' names with their dots, left-aligned at
// (x, y); it returns the group and its height.
func (c *ctx) seriesKey(x, y float64, names [2]string, cols [2]scene.Color) (*scene.Group, float64) {
	g := &scene.Group{ID: "legend", Class: "pc-legend"}
	r := math.Round(5 * c.u)
	capH := c.regular.CapHeight(c.label)
	base := y + capH + 2
	for i, n := range names {
		g.Add(&scene.Circle{CX: x + r, CY: base - capH/2, R: r, Fill: cols[i], Class: "pc-swatch"})
		g.Add(c.text(x+2*r+6, base, n, c.label, true, c.th.text, scene.Start, "pc-key"))
		x += 2*r + 6 + c.width(n, c.label, true) + 18
	}
	return g, capH + 12
}

// measureLegend sets the parts' list: as wide as its widest entry, at
// most maxW, a label that does not fit wrapped between words.
func (c *ctx) measureLegend(ps []part, key string, maxW float64) legend {
	l := legend{sw: math.Round(14 * c.u), labelLH: math.Round(c.label * 1.3)}
	for _, pt := range ps {
		l.w = math.Max(l.w, math.Max(c.width(pt.Label, c.label, true), c.width(c.partValue(pt), c.label, false)))
	}
	if c.panel != nil {
		// Small multiples: every panel's list as wide, so that each
		// lays out alike.
		for _, d := range c.panel.rows {
			l.w = math.Max(l.w, c.width(d.Label, c.label, true))
		}
	}
	l.w += l.sw + 8
	if l.w > maxW {
		l.w = maxW
		for _, pt := range ps { // never narrower than a word
			l.w = math.Max(l.w, l.sw+8+math.Ceil(math.Max(c.widestWord(pt.Label, c.label, true), c.width(c.partValue(pt), c.label, false))))
		}
	}
	if key != "" {
		l.key, _ = c.regular.Wrap(key, c.small, math.Max(l.w, math.Min(150*c.u, maxW)), 0)
	}
	for _, k := range l.key {
		l.w = math.Max(l.w, c.width(k, c.small, false))
	}
	l.h = float64(len(l.key)) * math.Round(c.small*1.4)
	for _, pt := range ps {
		lines, _ := c.bold.Wrap(pt.Label, c.label, l.w-l.sw-8, 0)
		l.lines = append(l.lines, lines)
		l.h += float64(len(lines)+1)*l.labelLH + 10
	}
	return l
}

// drawLegend draws l with its top left at (x, y).
func (c *ctx) drawLegend(l legend, ps []part, x, y float64) *scene.Group {
	g := &scene.Group{ID: "labels", Class: "pc-labels pc-legend"}
	for i, pt := range ps {
		g.Add(&scene.Rect{X: c.snap(x), Y: c.snap(y + (l.labelLH-l.sw)/2), W: l.sw, H: l.sw, Fill: c.partColor(pt, i), Class: "pc-swatch"})
		nodes, bottom := c.block(l.lines[i], x+l.sw+8, y, c.label, l.labelLH, true, c.th.text, scene.Start, "pc-label")
		g.Add(nodes...)
		nodes, _ = c.block([]string{c.partValue(pt)}, x+l.sw+8, bottom, c.label, l.labelLH, false, c.th.muted, scene.Start, "pc-value")
		g.Add(nodes...)
		y = bottom + l.labelLH + 10
	}
	nodes, _ := c.block(l.key, x, y, c.small, math.Round(c.small*1.4), false, c.th.faint, scene.Start, "pc-key")
	return g.Add(nodes...)
}

// legend is a list of the parts beside a waffle or donut: per part a
// swatch, its label in bold and "3,400 (19%)" below; then key lines in
// small type ("One square = 100 mercenaries").
type legend struct {
	w, h, sw, labelLH float64
	lines             [][]string // each part's label, wrapped
	key               []string
}

// sizeKey draws a key of circles by area (a scatter's bubbles, a
// symbol map's circles): the largest size and a round size
// under half of it, as circles sharing a bottom, each labelled.
func (c *ctx) sizeKey(x, y, maxSize, rMax float64, title string) (*scene.Group, float64) {
	g := &scene.Group{ID: "size-key", Class: "pc-size-key"}
	top := y
	if title != "" {
		g.Add(c.text(x, y+c.regular.CapHeight(c.small), title, c.small, true, c.th.muted, scene.Start, "pc-size-key-title"))
		y += math.Round(c.small*1.4) + 4
	}
	// Sizes as the data has them, not to the values' decimals.
	nf := c.nf
	nf.decimals, nf.shared = -1, -1
	small := niceStep(maxSize/2, 1)
	for small > maxSize/2 {
		small /= 2
	}
	// The labels stand a line apart however close the circles' tops: a
	// tick joins each to its circle.
	capT := c.regular.CapHeight(c.small)
	line := math.Round(c.small * 1.25)
	h := math.Max(2*rMax, line+capT)
	cx := x + rMax
	lx := cx + rMax + 8
	last := math.Inf(-1)
	for _, v := range []float64{maxSize, small} {
		r := rMax * math.Sqrt(v/maxSize)
		g.Add(&scene.Circle{CX: cx, CY: y + h - r, R: r, Stroke: c.th.faint, StrokeWidth: 1, Class: "pc-size-key-circle"})
		ty := math.Max(y+h-2*r+capT/2, last+line)
		last = ty
		tick := ty - capT/2
		g.Add(&scene.Line{X1: cx, Y1: y + h - 2*r, X2: lx - 3, Y2: tick, Stroke: c.th.grid, Width: 1, Class: "pc-size-key-tick"})
		g.Add(c.text(lx, ty, nf.number(v), c.small, false, c.th.muted, scene.Start, "pc-size-key-label"))
	}
	return g, math.Max(y+h, last+c.small*0.3) - top
}
