package charts

import (
	"math"

	"presschart/charts/scene"
)

// slopeKind draws each row as a line between two points in time, labelled
// on both sides ("Nepal 1,000" on the left, "1" on the right), the labels
// pushed apart so they never touch; rows { label, from, to }, with series
// naming the two points in time over the axes.
var slopeKind = &kind{
	name:     "slope",
	logScale: true,
	series:   2,
	maxRows:  40,
	fields:   []string{"from", "to"},
	options:  noOptions,
	validate: func(f *Figure, e *errs) { checkLabels(f, e) },
	plot:     plotSlopes,
	describe: describeChanges,
}

func plotSlopes(c *ctx, p rect) drawn {
	data := c.f.Data
	a, b := c.f.ends()
	labelLH := math.Round(c.label * 1.3)
	capH := c.regular.CapHeight(c.label)

	// Left labels "Nepal 1,000", right labels "1": as wide as they need,
	// at most a third of the plot each.
	lw, rw := c.width(a, c.label, true), c.width(b, c.label, true)
	leftText := make([]string, len(data))
	for i, d := range data {
		leftText[i] = d.Label + "  " + c.nf.number(d.From)
		lw = math.Max(lw, c.width(leftText[i], c.label, false))
		rw = math.Max(rw, c.width(c.nf.number(d.To)+"  "+d.Label, c.label, false))
	}
	lw, rw = math.Min(lw, p.w/3), math.Min(rw, p.w/3)
	ax, bx := c.snapLine(p.x+lw+10, 1), c.snapLine(p.right()-rw-10, 1)

	headH := labelLH + 8
	top, bottom := p.y+headH+labelLH/2, p.bottom()-labelLH/2
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, d := range data {
		lo, hi = math.Min(lo, math.Min(d.From, d.To)), math.Max(hi, math.Max(d.From, d.To))
	}
	var s scale
	if c.f.Style.Log {
		s = logScale(lo, hi, bottom, top)
	} else {
		s = niceScale(lo, hi, bottom, top, 40, c.dataStep())
		s.lo, s.hi = math.Min(lo, 0), hi // the lines span the data, from zero
		if s.hi == s.lo {
			s.hi = s.lo + 1
		}
	}

	g := &scene.Group{}
	axisG := &scene.Group{ID: "axis-x", Class: "pc-axis-x"}
	axisG.Add(&scene.Line{X1: ax, Y1: p.y + headH, X2: ax, Y2: p.bottom(), Stroke: c.th.grid, Width: 1, Class: "pc-gridline"})
	axisG.Add(&scene.Line{X1: bx, Y1: p.y + headH, X2: bx, Y2: p.bottom(), Stroke: c.th.grid, Width: 1, Class: "pc-gridline"})
	axisG.Add(c.text(ax, p.y+capH+2, a, c.label, true, c.th.text, scene.End, "pc-axis-label"))
	axisG.Add(c.text(bx, p.y+capH+2, b, c.label, true, c.th.text, scene.Start, "pc-axis-label"))
	g.Add(axisG)

	fromY := make([]float64, len(data))
	toY := make([]float64, len(data))
	for i, d := range data {
		fromY[i], toY[i] = s.px(d.From), s.px(d.To)
	}
	leftY := spread(fromY, labelLH, top, bottom)
	rightY := spread(toY, labelLH, top, bottom)

	// Highlighted rows are drawn last, over the others.
	order := make([]int, 0, len(data))
	for i, d := range data {
		if !c.isHighlighted(d.Label) {
			order = append(order, i)
		}
	}
	for i, d := range data {
		if c.isHighlighted(d.Label) {
			order = append(order, i)
		}
	}
	plotAxes := &axes{area: rect{ax, top, bx - ax, bottom - top}, point: func(at string) (float64, float64, bool) {
		for i, d := range data {
			if d.Label == at { // the middle of the row's line
				return (ax + bx) / 2, (fromY[i] + toY[i]) / 2, true
			}
		}
		return 0, 0, false
	}}
	series := &scene.Group{ID: "series-1", Class: "pc-series"}
	labels := &scene.Group{ID: "labels", Class: "pc-labels"}
	r := math.Round(4 * c.u)
	for _, i := range order {
		d := data[i]
		col, text := c.palette[0], c.th.text
		if len(c.f.Highlight) > 0 && !c.isHighlighted(d.Label) {
			col, text = c.th.rest, c.th.muted // the others step back
		} else if c.isHighlighted(d.Label) {
			col = c.accent
		}
		row := &scene.Group{Class: "pc-slope"}
		row.Add(&scene.Line{X1: ax, Y1: fromY[i], X2: bx, Y2: toY[i], Stroke: col, Width: math.Round(2.5 * c.u), Class: "pc-line"})
		row.Add(&scene.Circle{CX: ax, CY: fromY[i], R: r, Fill: col, Class: "pc-from"})
		row.Add(&scene.Circle{CX: bx, CY: toY[i], R: r, Fill: col, Class: "pc-to"})
		series.Add(row)
		left := c.regular.Ellipsize(leftText[i], c.label, lw)
		labels.Add(c.text(ax-r-6, leftY[i]+capH/2, left, c.label, false, text, scene.End, "pc-label pc-from"))
		right := c.regular.Ellipsize(c.nf.number(d.To)+"  "+d.Label, c.label, rw)
		labels.Add(c.text(bx+r+6, rightY[i]+capH/2, right, c.label, false, text, scene.Start, "pc-label pc-to"))
	}
	g.Add(series, labels)
	need := headH + float64(len(data))*labelLH + labelLH
	return drawn{group: g, height: math.Max(p.h, need), axes: plotAxes}
}
