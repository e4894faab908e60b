package charts

// Two values per row on one value axis, shared by dumbbell.go and
// arrow.go: the scale, row labels (left, or above on a phone), the key
// of the two ends, both values written outside the marks.

import (
	"math"

	"github.com/presschart/presschart/charts/scene"
)

// plotPairs draws a row's two values on one scale: joined by a bar with a
// dot at each end (dumbbell), or as an arrow from the first to the
// second (arrow). Both values are written outside the marks, the
// smaller on the left.
// pairKind is a type of rows { label, from, to } drawn by plotPairs:
// dumbbells, or arrows.
func pairKind(name string, arrows bool) *kind {
	return &kind{
		name:       name,
		logScale:   true,
		series:     2,
		maxRows:    200,
		valueAxis:  true,
		fields:     []string{"from", "to"},
		options:    noOptions,
		validate:   func(f *Figure, e *errs) { checkLabels(f, e) },
		plot:       func(c *ctx, p rect) drawn { return plotPairs(c, p, arrows) },
		facets:     true,
		panelWidth: 260,
		key:        pairKey,
		describe:   describeChanges,
	}
}

// pairKey names the two ends, when series does.
func pairKey(c *ctx, p rect) (*scene.Group, float64) {
	if len(c.f.Series) != 2 {
		return nil, 0
	}
	_, toCol := c.endColors("")
	return c.seriesKey(p.x, p.y, [2]string{c.f.Series[0], c.f.Series[1]}, [2]scene.Color{c.th.faint, toCol})
}

func plotPairs(c *ctx, p rect, arrows bool) drawn {
	data := c.f.Data
	n := float64(len(data))
	g := &scene.Group{}
	// The key names the ends when series does; without names there is no
	// key, rather than English words on a figure in another language.
	top := p.y
	if key, keyH := pairKey(c, p); key != nil && !c.keyAbove {
		g.Add(key)
		top += keyH + 6
	}

	labelLH := math.Round(c.label * 1.25)
	lo, hi := math.Inf(1), math.Inf(-1)
	valuesW := func(c *ctx) (vw float64) {
		for _, d := range data {
			vw = math.Max(vw, math.Max(c.width(c.nf.number(d.From), c.value, true), c.width(c.nf.number(d.To), c.value, true)))
		}
		return vw
	}
	for _, d := range data {
		lo, hi = math.Min(lo, math.Min(d.From, d.To)), math.Max(hi, math.Max(d.From, d.To))
	}
	vw := valuesW(c)
	lw, labels, lines := c.rowLabels(data, p.w*0.3)
	// Values on both sides of the dots may leave the scale too little
	// room: they are then written compactly (884M), and the row labels
	// get a narrower column.
	if room := p.w - lw - 2*vw; room < 0.35*(p.w-lw) && !c.nf.compact {
		cc := *c
		cc.nf.compact = true
		c = &cc
		vw = valuesW(c)
	}
	if room := p.w - lw - 2*vw; room < 0.35*(p.w-lw) {
		lw, labels, lines = c.rowLabels(data, p.w*0.22)
	}
	axisH := math.Round(c.tick + 14)
	rh := math.Max(float64(lines)*labelLH+10, 28*c.u)
	rh = math.Max(rh, math.Min((p.bottom()-top-axisH)/n, 48*c.u))
	bottom := top + n*rh

	left := p.x + lw + 12
	r := math.Round(6 * c.u)
	// On a phone, a long label goes above its row: the scale keeps the
	// width instead of a wrapped column of names.
	above := c.onTop(data, p)
	cys := make([]float64, len(data))
	var tops []float64
	if above {
		labels, tops, cys, bottom = c.stackRows(data, p, top, 2*r)
		left = p.x
	} else {
		for i := range data {
			cys[i] = c.snap(top + rh*(float64(i)+0.5))
		}
	}
	spans := [][2]float64{{top, bottom}}
	if above {
		spans = bands(cys, 2*r+4)
	}
	// Values sit outside the dots on either side: keep room for them.
	x0, x1 := left+vw+r+8, p.right()-vw-r-8
	if above {
		x0 = left + vw + r + 6 // no label column to keep clear of
	}
	minGap := c.width(c.nf.tick(math.Max(math.Abs(lo), math.Abs(hi)), 1), c.tick, false) + 28
	s := c.valueScale(lo, hi, x0, x1, minGap, c.dataStep())
	ax := &axes{area: rect{s.p0, top, s.p1 - s.p0, bottom - top}, value: s.px,
		point: func(at string) (float64, float64, bool) {
			for i, d := range data {
				if d.Label == at {
					return s.px(d.To), cys[i], true
				}
			}
			return 0, 0, false
		}}
	grid, axisX, _ := c.gridlines(s, false, spans, bottom, false)
	g.Add(grid, axisX)

	series := &scene.Group{ID: "series-1", Class: "pc-series"}
	values := &scene.Group{ID: "labels", Class: "pc-labels"}
	axisY := &scene.Group{ID: "axis-y", Class: "pc-axis-y"}
	capH := c.bold.CapHeight(c.value)
	for i, d := range data {
		cy := cys[i]
		fx, tx := c.snap(s.px(d.From)), c.snap(s.px(d.To))
		fromCol, toCol := c.endColors(d.Label)
		if arrows {
			series.Add(c.arrowRow(fx, tx, cy, r, fromCol, toCol))
		} else {
			row := &scene.Group{Class: "pc-dumbbell"}
			row.Add(&scene.Line{X1: fx, Y1: cy, X2: tx, Y2: cy, Stroke: c.th.rest, Width: math.Round(3 * c.u), Class: "pc-bar"})
			row.Add(&scene.Circle{CX: fx, CY: cy, R: r, Fill: fromCol, Class: "pc-from"})
			row.Add(&scene.Circle{CX: tx, CY: cy, R: r, Fill: toCol, Class: "pc-to"})
			series.Add(row)
		}
		// The smaller value is labelled on the left, the larger on the right.
		fa, ta := scene.End, scene.Start
		fdx, tdx := -(r + 6), r+6
		if d.From > d.To {
			fa, ta, fdx, tdx = scene.Start, scene.End, r+6, -(r + 6)
		}
		if c.f.labelled(i, -1) {
			values.Add(c.text(fx+fdx, cy+capH/2, c.nf.number(d.From), c.value, false, c.th.muted, fa, "pc-value pc-from"))
		}
		if d.From != d.To && c.f.labelled(i, -1) {
			values.Add(c.text(tx+tdx, cy+capH/2, c.nf.number(d.To), c.value, true, c.th.text, ta, "pc-value pc-to"))
		}
		axisY.Add(c.rowLabel(labels[i], above, p.x, tops, i, left, cy, labelLH)...)
	}
	// No gridline runs through a value.
	if k := c.valueKnockout(values); k != nil {
		g.Add(k)
	}
	g.Add(series, values, axisY)
	return drawn{group: g, height: bottom + axisH - p.y, axes: ax}
}

// arrowRow is one row of an arrow plot: a small dot where the row starts
// and a shaft to an arrowhead whose tip is at the end, in the row's
// colour (a change shorter than the head is the head alone, at least r long); a row that
// did not change is a dot in that colour.
func (c *ctx) arrowRow(fx, tx, cy, r float64, fromCol, toCol scene.Color) *scene.Group {
	row := &scene.Group{Class: "pc-arrow-row"}
	if fx == tx {
		row.Add(&scene.Circle{CX: tx, CY: cy, R: r * 0.75, Fill: toCol, Class: "pc-to"})
		return row
	}
	dir := math.Copysign(1, tx-fx)
	// A small change keeps a head of at least r, reaching back over the
	// start no further than a dumbbell's dot would (labels and the plot's
	// edges keep r clear of each end): the direction is what the row says.
	head := math.Min(2*r, math.Max(r, math.Abs(tx-fx)))
	half := r * 0.9
	if base := tx - dir*head; (base-fx)*dir > 0.5 {
		row.Add(&scene.Circle{CX: fx, CY: cy, R: math.Round(r * 0.5), Fill: fromCol, Class: "pc-from"})
		row.Add(&scene.Line{X1: fx, Y1: cy, X2: base + dir*0.5, Y2: cy, Stroke: toCol, Width: math.Round(3 * c.u), Class: "pc-bar"})
	}
	tip := &scene.Path{Fill: toCol, Class: "pc-to pc-arrowhead"}
	tip.MoveTo(tx, cy)
	tip.LineTo(tx-dir*head, cy-half)
	tip.LineTo(tx-dir*head, cy+half)
	tip.Close()
	row.Add(tip)
	return row
}
