package charts

import (
	"math"

	"github.com/presschart/presschart/charts/scene"
)

// slopeKind draws each row as a line between two points in time, labelled
// on both sides ("Nepal 1,000" on the left, "1" on the right), the labels
// pushed apart so they never touch; rows { label, from, to }, with series
// naming the two points in time over the axes.
var slopeKind = &kind{
	name:       "slope",
	logScale:   true,
	series:     2,
	maxRows:    40,
	fields:     []string{"from", "to"},
	options:    noOptions,
	validate:   func(f *Figure, e *errs) { checkLabels(f, e) },
	plot:       plotSlopes,
	facets:     true,
	panelWidth: 260,
	describe:   describeChanges,
}

func plotSlopes(c *ctx, p rect) drawn {
	data := c.f.Data
	a, b := c.f.ends()
	labelLH := math.Round(c.label * 1.3)
	capH := c.regular.CapHeight(c.label)

	// Left labels "Nepal  1,000", right labels "1  Nepal": as wide as
	// they need, at most 30% of the plot each, wrapped, never cut.
	lw, rw := c.width(a, c.label, true), c.width(b, c.label, true)
	leftText := make([]string, len(data))
	rightText := make([]string, len(data))
	for i, d := range data {
		leftText[i] = c.isolate(d.Label) + "  " + c.nf.number(d.From)
		rightText[i] = c.nf.number(d.To) + "  " + c.isolate(d.Label)
		lw = math.Max(lw, c.width(leftText[i], c.label, false))
		rw = math.Max(rw, c.width(rightText[i], c.label, false))
	}
	lw, rw = math.Min(lw, math.Round(p.w*0.3)), math.Min(rw, math.Round(p.w*0.3))
	// Never narrower than a word, while the lines keep a third of the
	// width: a label wraps between words, and only a word longer than
	// that breaks.
	for i := range data {
		lw = math.Max(lw, math.Min(c.widestWord(leftText[i], c.label, false), math.Round(p.w*0.33)))
		rw = math.Max(rw, math.Min(c.widestWord(rightText[i], c.label, false), math.Round(p.w*0.33)))
	}
	leftLines := make([][]string, len(data))
	rightLines := make([][]string, len(data))
	leftH := make([]float64, len(data))
	rightH := make([]float64, len(data))
	sumL, sumR := 0.0, 0.0
	for i := range data {
		leftLines[i], _ = c.regular.Wrap(leftText[i], c.label, lw, 0)
		rightLines[i], _ = c.regular.Wrap(rightText[i], c.label, rw, 0)
		leftH[i], rightH[i] = float64(len(leftLines[i]))*labelLH, float64(len(rightLines[i]))*labelLH
		sumL, sumR = sumL+leftH[i], sumR+rightH[i]
	}
	ax, bx := c.snapLine(p.x+lw+10, 1), c.snapLine(p.right()-rw-10, 1)

	// The labels need their height; the plot grows rather than let them
	// run off the figure.
	headH := labelLH + 8
	height := math.Max(p.h, headH+math.Max(sumL, sumR)+labelLH)
	top, bottom := p.y+headH+labelLH/2, p.y+height-labelLH/2
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, d := range data {
		lo, hi = math.Min(lo, math.Min(d.From, d.To)), math.Max(hi, math.Max(d.From, d.To))
	}
	if sp := c.f.span; sp != nil {
		lo, hi = math.Min(lo, sp.lo), math.Max(hi, sp.hi) // small multiples on one scale
	}
	var s scale
	if c.f.Style.Log {
		s = logScale(lo, hi, bottom, top)
	} else {
		s = niceScale(lo, hi, bottom, top, 40, c.dataStep(), c.f.kind.zero)
		s.lo, s.hi = math.Min(lo, 0), hi // the lines span the data, from zero
		if s.hi == s.lo {
			s.hi = s.lo + 1
		}
	}

	g := &scene.Group{}
	axisG := &scene.Group{ID: "axis-x", Class: "pc-axis-x"}
	axisG.Add(&scene.Line{X1: ax, Y1: p.y + headH, X2: ax, Y2: p.y + height, Stroke: c.th.grid, Width: 1, Class: "pc-gridline"})
	axisG.Add(&scene.Line{X1: bx, Y1: p.y + headH, X2: bx, Y2: p.y + height, Stroke: c.th.grid, Width: 1, Class: "pc-gridline"})
	axisG.Add(c.text(ax, p.y+capH+2, a, c.label, true, c.th.text, scene.End, "pc-axis-label"))
	axisG.Add(c.text(bx, p.y+capH+2, b, c.label, true, c.th.text, scene.Start, "pc-axis-label"))
	g.Add(axisG)

	fromY := make([]float64, len(data))
	toY := make([]float64, len(data))
	for i, d := range data {
		fromY[i], toY[i] = s.px(d.From), s.px(d.To)
	}
	// Each label block is centred on its point, pushed apart as little as
	// keeps the blocks from touching.
	leftY := spreadBlocks(fromY, leftH, top-labelLH/2, bottom+labelLH/2)
	rightY := spreadBlocks(toY, rightH, top-labelLH/2, bottom+labelLH/2)

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
	leaders := &scene.Group{ID: "leaders", Class: "pc-leaders"}
	r := math.Round(4 * c.u)
	for _, i := range order {
		d := data[i]
		col, text := c.palette[0], c.th.text
		if len(c.f.Highlight) > 0 && !c.isHighlighted(d.Label) {
			col, text = c.th.rest, c.th.muted // the others step back
		} else if c.isHighlighted(d.Label) {
			col, text = c.accent, c.readable(c.accent)
		}
		if own, ok := c.f.Style.Named[d.Label]; ok {
			col, text = own, c.readable(own)
		}
		row := &scene.Group{Class: "pc-slope"}
		row.Add(&scene.Line{X1: ax, Y1: fromY[i], X2: bx, Y2: toY[i], Stroke: col, Width: math.Round(2.5 * c.u), Class: "pc-line"})
		row.Add(&scene.Circle{CX: ax, CY: fromY[i], R: r, Fill: col, Class: "pc-from"})
		row.Add(&scene.Circle{CX: bx, CY: toY[i], R: r, Fill: col, Class: "pc-to"})
		series.Add(row)
		// A label moved off its point gets a leader to it.
		lx, rx := ax-r-10, bx+r+10
		if math.Abs(leftY[i]-fromY[i]) > labelLH/2 {
			leaders.Add(&scene.Line{X1: ax - r - 1, Y1: fromY[i], X2: lx + 2, Y2: leftY[i], Stroke: c.th.faint, Width: 1, Class: "pc-leader"})
		}
		if math.Abs(rightY[i]-toY[i]) > labelLH/2 {
			leaders.Add(&scene.Line{X1: bx + r + 1, Y1: toY[i], X2: rx - 2, Y2: rightY[i], Stroke: c.th.faint, Width: 1, Class: "pc-leader"})
		}
		nodes, _ := c.block(leftLines[i], lx, leftY[i]-leftH[i]/2, c.label, labelLH, false, text, scene.End, "pc-label pc-from")
		labels.Add(of(nodes, ax-r, fromY[i])...)
		nodes, _ = c.block(rightLines[i], rx, rightY[i]-rightH[i]/2, c.label, labelLH, false, text, scene.Start, "pc-label pc-to")
		labels.Add(of(nodes, bx+r, toY[i])...)
	}
	g.Add(leaders, series, labels)
	return drawn{group: g, height: height, axes: plotAxes}
}
