package charts

import (
	"fmt"
	"math"
	"slices"

	"github.com/presschart/presschart/charts/scene"
)

// dotKind draws a dot plot: per row a dot for each series on one value
// axis, joined by a faint line from the least to the greatest, with a
// key of the series above the plot; the row's least and greatest values
// are written outside its dots. Rows { label, values = [...] }, one
// value per name in series (two or more).
var dotKind = &kind{
	name:       "dot",
	series:     -1,
	multi:      true,
	maxRows:    200,
	valueAxis:  true,
	logScale:   true,
	options:    noOptions,
	validate:   validateMulti,
	plot:       plotDots,
	facets:     true,
	panelWidth: 260,
	key:        dotKey,
	describe:   describeMulti,
	sortOn: func(f *Figure, d *Datum) float64 {
		return slices.Max(d.Values) // a row by its greatest value
	},
}

// dotKey names the series above the plot, its swatches in the dots'
// colours.
func dotKey(c *ctx, p rect) (*scene.Group, float64) {
	key, keyH := c.legendAbove(c.f.Series, p.x, p.y, p.w, false)
	k := 0
	for _, n := range key.Nodes {
		if r, ok := n.(*scene.Rect); ok && k < len(c.f.Series) {
			r.Fill = c.dotColor(k)
			k++
		}
	}
	return key, keyH
}

func plotDots(c *ctx, p rect) drawn {
	data, names := c.f.Data, c.f.Series
	g := &scene.Group{}
	top := p.y
	if !c.keyAbove {
		key, keyH := dotKey(c, p)
		g.Add(key)
		top += keyH + 8
	}
	n := float64(len(data))
	labelLH := math.Round(c.label * 1.25)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, d := range data {
		lo, hi = math.Min(lo, slices.Min(d.Values)), math.Max(hi, slices.Max(d.Values))
	}
	vw := 0.0
	for _, d := range data {
		vw = math.Max(vw, math.Max(c.width(c.dotValue(d, false), c.value, false), c.width(c.dotValue(d, true), c.value, false)))
	}
	lw, labels, lines := c.rowLabels(data, p.w*0.3)
	axisH := math.Round(c.tick + 14)
	rh := math.Max(float64(lines)*labelLH+10, 26*c.u)
	rh = math.Max(rh, math.Min((p.bottom()-top-axisH)/n, 44*c.u))
	r := math.Round(6 * c.u)
	above := c.onTop(data, p)
	left := p.x + lw + 12
	cys := make([]float64, len(data))
	var tops []float64
	bottom := top + n*rh
	if above {
		labels, tops, cys, bottom = c.stackRows(data, p, top, 2*r)
		left = p.x
	} else {
		for i := range data {
			cys[i] = c.snap(top + rh*(float64(i)+0.5))
		}
	}
	x0, x1 := left+vw+r+8, p.right()-vw-r-8
	s := c.valueScale(lo, hi, x0, x1, 60, c.dataStep())
	spans := [][2]float64{{top, bottom}}
	if above {
		spans = bands(cys, 2*r+4)
	}
	grid, axisX, _ := c.gridlines(s, false, spans, bottom, false)
	g.Add(grid, axisX)
	ax := &axes{area: rect{s.p0, top, s.p1 - s.p0, bottom - top}, value: s.px,
		point: func(at string) (float64, float64, bool) {
			for i, d := range data {
				if d.Label == at {
					return s.px(slices.Max(d.Values)), cys[i], true
				}
			}
			return 0, 0, false
		}}
	lines0 := &scene.Group{Class: "pc-dot-lines"}
	series := make([]*scene.Group, len(names))
	for j := range series {
		series[j] = &scene.Group{ID: fmt.Sprintf("series-%d", j+1), Class: "pc-series"}
	}
	values := &scene.Group{ID: "labels", Class: "pc-labels"}
	axisY := &scene.Group{ID: "axis-y", Class: "pc-axis-y"}
	capH := c.regular.CapHeight(c.value)
	for i, d := range data {
		cy := cys[i]
		a, b := c.snap(s.px(slices.Min(d.Values))), c.snap(s.px(slices.Max(d.Values)))
		lines0.Add(&scene.Line{X1: a, Y1: cy, X2: b, Y2: cy, Stroke: c.th.rest, Width: math.Round(2 * c.u), Class: "pc-bar"})
		// The highlighted series last, on top.
		order := make([]int, len(names))
		for j := range order {
			order[j] = j
		}
		slices.SortStableFunc(order, func(x, y int) int {
			hx, hy := c.isHighlighted(names[x]), c.isHighlighted(names[y])
			switch {
			case hx == hy:
				return 0
			case hy:
				return -1
			}
			return 1
		})
		for _, j := range order {
			series[j].Add(&scene.Circle{CX: c.snap(s.px(d.Values[j])), CY: cy, R: r, Fill: c.dotColor(j), Stroke: c.bg(), StrokeWidth: 1, Class: "pc-dot"})
		}
		if c.f.labelled(i, -1) {
			values.Add(c.text(a-r-6, cy+capH/2, c.dotValue(d, false), c.value, false, c.th.text, scene.End, "pc-value"))
			if b-a > 0.5 {
				values.Add(c.text(b+r+6, cy+capH/2, c.dotValue(d, true), c.value, false, c.th.text, scene.Start, "pc-value"))
			}
		}
		axisY.Add(c.rowLabel(labels[i], above, p.x, tops, i, left, cy, labelLH)...)
	}
	if k := c.valueKnockout(values); k != nil {
		g.Add(k)
	}
	g.Add(lines0)
	for _, sg := range series {
		g.Add(sg)
	}
	g.Add(values, axisY)
	return drawn{group: g, height: bottom + axisH - p.y, axes: ax}
}

// dotColor is series j's colour: its own, the accent when highlighted,
// else the palette's; unlike lines, the other series keep their colours
// beside a highlight, since each dot is told apart by colour alone.
func (c *ctx) dotColor(j int) scene.Color {
	name := c.f.Series[j]
	if col, ok := c.f.Style.Named[name]; ok {
		return col
	}
	if c.isHighlighted(name) {
		return c.accent
	}
	// The palette without the colours the highlights take.
	k := 0
	for i := 0; i < j; i++ {
		if !c.isHighlighted(c.f.Series[i]) {
			k++
		}
	}
	return c.paletteAt(k)
}

// dotValue is a row's least (or greatest) value as written beside it.
func (c *ctx) dotValue(d Datum, greatest bool) string {
	j := slices.Index(d.Values, slices.Min(d.Values))
	if greatest {
		j = slices.Index(d.Values, slices.Max(d.Values))
	}
	return c.nf.ofSeries(j).number(d.Values[j])
}
