package charts

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// waterfallKind draws a running total: the first row from zero, each row
// after it a column floating from the total so far to the new total
// (rises in the first palette colour, falls in the second or the
// figure's negative colour), and rows marked total = true as columns
// from zero to the total so far (a subtotal, or the end), in grey. Thin
// connectors carry each level to the next column; every change is
// written with its sign, every total without.
var waterfallKind = &kind{
	name:      "waterfall",
	fields:    []string{"value"},
	maxRows:   30,
	valueAxis: true,
	zero:      true,
	rowFormat: true,
	ordered:   true,
	subtotals: true,
	options:   noOptions,
	validate:  validateWaterfall,
	prepare:   runningTotals,
	plot:      plotWaterfall,
	facets:    true,
	rowWidth:  24,
	describe:  describeWaterfall,
}

// validateWaterfall: labels as everywhere; a subtotal's value, when
// given, is the sum of the rows before it to the precision it is written
// in (a typo in a total is the error a desk most needs caught); the
// running total stays within the number limit.
func validateWaterfall(f *Figure, e *errs) {
	checkLabels(f, e)
	sum := 0.0
	// A total is checked to half the last digit it is written with (80
	// for 79.5 is a rounded total) or that decimals gives the figure
	// (80.0 with decimals = 1 is not 79.5).
	prec := max(f.Style.Decimals, 0)
	for i, d := range f.Data {
		switch {
		case d.Total && i == 0:
			e.add(f.rowKey(i)+".total", "the first row has nothing before it to add up; give it as a value, the starting level")
		case d.Total && !math.IsNaN(d.Value):
			tol := 0.5 * math.Pow(10, -float64(max(prec, decimalsFor(d.Value, 6))))
			if math.Abs(d.Value-sum) > tol*(1+1e-9) {
				e.add(f.rowKey(i)+".value", "is %s, but the rows before it add up to %s; correct the total or the rows (or leave value out to have it worked out)", plainNumber(d.Value), plainNumber(sum))
			}
		case !d.Total:
			sum += d.Value
		}
		if math.Abs(sum) > maxMagnitude {
			e.add(f.rowKey(i)+".value", "brings the running total past 1e15, where sums are no longer exact; give the values in thousands or millions and say so in the subtitle")
			return
		}
	}
}

// plainNumber writes a number for a message as a file would: 1200, 12.3.
// A sum is rounded to ten decimals first: 0.1 + 0.2 is 0.3 here.
func plainNumber(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e10)/1e10, 'f', -1, 64)
}

// runningTotals writes each subtotal's value: the sum of the rows before it.
func runningTotals(f *Figure) {
	sum := 0.0
	for i := range f.Data {
		d := &f.Data[i]
		if d.Total {
			d.Value = sum
			continue
		}
		sum += d.Value
	}
}

// levels are where each row's column starts and ends on the value axis.
func levels(data []Datum) (from, to []float64) {
	from, to = make([]float64, len(data)), make([]float64, len(data))
	sum := 0.0
	for i, d := range data {
		if d.Total {
			from[i], to[i] = 0, d.Value
			continue
		}
		from[i], to[i] = sum, sum+d.Value
		sum += d.Value
	}
	return from, to
}

// waterfallLabel is a row's value as written on the chart: a change with
// its sign (+1.2bn, −0.4bn), a total without.
func (c *ctx) waterfallLabel(i int, d Datum) string {
	s := d.Format.apply(c.nf).number(d.Value)
	if !d.Total && i > 0 && d.Value > 0 {
		s = c.nf.sign("+") + s
	}
	return s
}

func plotWaterfall(c *ctx, p rect) drawn {
	data := c.f.Data
	from, to := levels(data)
	lo, hi := 0.0, 0.0
	for i := range data {
		lo, hi = math.Min(lo, math.Min(from[i], to[i])), math.Max(hi, math.Max(from[i], to[i]))
	}
	valueGap := math.Round(c.value + 10)
	s, left, slot, cat, height := c.columnLayout(data, lo, hi, p, valueGap, c.dataStep())
	if !c.columnsFit(data, slot) {
		// Columns too narrow for their values (a phone, many steps):
		// the waterfall runs down the page instead, as bars.
		return c.waterfallBars(p, from, to, lo, hi)
	}
	g := &scene.Group{}
	grid, axisY, baseline := c.gridlines(s, true, [][2]float64{{left, p.right()}}, left, true)
	g.Add(grid, axisY)

	barW := c.snap(math.Min(slot*0.7, 96*c.u))
	ax := &axes{area: rect{left, s.p1, p.right() - left, s.p0 - s.p1}, vertical: true, value: s.px,
		point: func(at string) (float64, float64, bool) {
			for i, d := range data {
				if d.Label == at {
					return left + slot*(float64(i)+0.5), s.px(math.Max(from[i], to[i])), true
				}
			}
			return 0, 0, false
		}}

	labels, size := c.waterfallLabels(data, slot)
	showValues := size > 0
	capH := c.bold.CapHeight(size)

	bars := &scene.Group{ID: "series-1", Class: "pc-series"}
	links := &scene.Group{Class: "pc-connectors"}
	values := &scene.Group{ID: "labels", Class: "pc-labels"}
	axisX := &scene.Group{ID: "axis-x", Class: "pc-axis-x"}
	labelTop := s.px(s.lo) + 6
	for i, d := range data {
		cx := left + slot*(float64(i)+0.5)
		y0, y1 := c.snap(s.px(from[i])), c.snap(s.px(to[i]))
		top, h := math.Min(y0, y1), math.Max(math.Abs(y1-y0), 1)
		bars.Add(&scene.Rect{X: c.snap(cx - barW/2), Y: top, W: barW, H: h, Fill: c.waterfallColor(i, d), Class: c.waterfallClass(i, d)})
		// The level this column ends at, carried to the next column.
		if i+1 < len(data) {
			y := c.snapLine(s.px(to[i]), 1)
			links.Add(&scene.Line{X1: c.snap(cx + barW/2), Y1: y, X2: c.snap(cx + slot - barW/2), Y2: y, Stroke: c.th.faint, Width: 1, Class: "pc-connector"})
		}
		if !showValues || !c.f.labelled(i, -1) {
			continue
		}
		// Above a column that ends higher than it starts (or a total
		// above zero), below one that ends lower.
		down := to[i] < from[i] || (d.Total || i == 0) && d.Value < 0
		if down {
			y := top + h + 6 + capH
			labelTop = math.Max(labelTop, y+0.25*size+6)
			values.Add(c.text(cx, y, labels[i], size, true, c.th.text, scene.Middle, "pc-value"))
		} else {
			values.Add(c.text(cx, top-4-math.Max(2, descent(labels[i])*size), labels[i], size, true, c.th.text, scene.Middle, "pc-value"))
		}
	}
	for i := range data {
		if i%cat.every != 0 {
			continue
		}
		cx := left + slot*(float64(i)+0.5)
		axisX.Add(c.columnLabel(cat, i, cx, labelTop)...)
	}
	g.Add(links, bars, baseline)
	if k := c.valueKnockout(values); k != nil {
		g.Add(k) // no gridline or baseline runs through a value
	}
	g.Add(values, axisX)
	return drawn{group: g, height: height, axes: ax}
}

// waterfallLabels are the rows' values as written and the size that fits
// them in a column's slot: shrunk to fit, so that no value reaches over
// a neighbouring column, down to 2 px less than the figure's; 0 when even
// that does not fit.
func (c *ctx) waterfallLabels(data []Datum, slot float64) ([]string, float64) {
	labels := make([]string, len(data))
	for i, d := range data {
		labels[i] = c.waterfallLabel(i, d)
	}
	widest := func(size float64) (w float64) {
		for i := range data {
			if c.f.labelled(i, -1) {
				w = math.Max(w, c.width(labels[i], size, true))
			}
		}
		return w
	}
	for size := c.value; size >= c.value-2 && size >= 10; size-- {
		if widest(size) <= slot-4 {
			return labels, size
		}
	}
	return labels, 0
}

// columnsFit says that every value asked for fits over its column.
func (c *ctx) columnsFit(data []Datum, slot float64) bool {
	_, size := c.waterfallLabels(data, slot)
	return size > 0
}

// waterfallBars is the waterfall turned: a row per step from the top
// down, the labels at the left (or above each bar on a phone), each bar
// floating from level to level, each value just past the bar's right
// end, connectors carrying each level down to the next bar (none on
// a phone, where the next bar's name stands between them).
func (c *ctx) waterfallBars(p rect, from, to []float64, lo, hi float64) drawn {
	data := c.f.Data
	n := float64(len(data))
	labelLH := math.Round(c.label * 1.25)
	lw, names, lines := c.rowLabels(data, p.w*0.34)
	axisH := math.Round(c.tick + 14)
	rh := math.Max(math.Max(float64(lines)*labelLH+8, 26*c.u), math.Min((p.h-axisH)/n, 44*c.u))
	left := p.x + lw + 12
	above := c.onTop(data, p)
	thick := c.snap(math.Min(rh*0.62, 24*c.u))
	top, bottom := p.y, p.y+n*rh
	cys := make([]float64, len(data))
	var tops []float64
	if above {
		thick = c.snap(18 * c.u)
		names, tops, cys, bottom = c.stackRows(data, p, top, thick)
		left = p.x
	} else {
		for i := range data {
			cys[i] = c.snap(top + rh*(float64(i)+0.5))
		}
	}
	labels, _ := c.waterfallLabels(data, math.Inf(1))
	vw := 0.0
	for i := range data {
		if c.f.labelled(i, -1) {
			vw = math.Max(vw, c.width(labels[i], c.value, true))
		}
	}
	s := c.valueScale(lo, hi, left, p.right()-vw-8, 80, c.dataStep())
	spans := [][2]float64{{top, bottom}}
	if above {
		spans = bands(cys, thick+4)
	}
	g := &scene.Group{}
	grid, axisX, baseline := c.gridlines(s, false, spans, bottom, true)
	g.Add(grid, axisX)
	ax := &axes{area: rect{s.p0, top, s.p1 - s.p0, bottom - top}, value: s.px,
		point: func(at string) (float64, float64, bool) {
			for i, d := range data {
				if d.Label == at {
					return s.px(math.Max(from[i], to[i])), cys[i], true
				}
			}
			return 0, 0, false
		}}
	bars := &scene.Group{ID: "series-1", Class: "pc-series"}
	links := &scene.Group{Class: "pc-connectors"}
	values := &scene.Group{ID: "labels", Class: "pc-labels"}
	axisY := &scene.Group{ID: "axis-y", Class: "pc-axis-y"}
	capH := c.bold.CapHeight(c.value)
	for i, d := range data {
		cy := cys[i]
		x0, x1 := c.snap(s.px(math.Min(from[i], to[i]))), c.snap(s.px(math.Max(from[i], to[i])))
		bars.Add(&scene.Rect{X: x0, Y: c.snap(cy - thick/2), W: math.Max(x1-x0, 1), H: thick, Fill: c.waterfallColor(i, d), Class: c.waterfallClass(i, d)})
		// Connectors carry the level down to the next bar; not through
		// the name written above it on a phone.
		if i+1 < len(data) && !above {
			x := c.snapLine(s.px(to[i]), 1)
			links.Add(&scene.Line{X1: x, Y1: c.snap(cy + thick/2), X2: x, Y2: c.snap(cys[i+1] - thick/2), Stroke: c.th.faint, Width: 1, Class: "pc-connector"})
		}
		if c.f.labelled(i, -1) {
			values.Add(c.text(math.Max(x1, x0+1)+6, cy+capH/2, labels[i], c.value, true, c.th.text, scene.Start, "pc-value"))
		}
		if above {
			nodes, _ := c.block(names[i], p.x, tops[i], c.label, labelLH, false, c.th.text, scene.Start, "pc-label")
			axisY.Add(nodes...)
			continue
		}
		blockH := float64(len(names[i])) * labelLH
		nodes, _ := c.block(names[i], left-12, cy-blockH/2, c.label, labelLH, false, c.th.text, scene.End, "pc-label")
		axisY.Add(nodes...)
	}
	g.Add(links, bars, baseline)
	if k := c.valueKnockout(values); k != nil {
		g.Add(k) // no gridline or baseline runs through a value
	}
	g.Add(values, axisY)
	return drawn{group: g, height: bottom + axisH - p.y, axes: ax}
}

// waterfallClass names a bar's role for styling: a total (or the
// starting level), a rise or a fall.
func (c *ctx) waterfallClass(i int, d Datum) string {
	switch {
	case d.Total || i == 0:
		return "pc-bar pc-total"
	case d.Value < 0:
		return "pc-bar pc-fall"
	case d.Value == 0:
		return "pc-bar pc-level"
	}
	return "pc-bar pc-rise"
}

// waterfallColor: a row's own colour or the accent when highlighted;
// else grey for totals (and the starting level), the first palette
// colour for rises and the negative colour (or the second palette
// colour) for falls.
func (c *ctx) waterfallColor(i int, d Datum) scene.Color {
	if col, ok := c.f.Style.Named[d.Label]; ok {
		return col
	}
	switch {
	case c.isHighlighted(d.Label):
		return c.accent
	case d.Total || i == 0:
		return c.th.faint
	case d.Value == 0:
		return c.th.faint // no change: the level, in grey
	case d.Value < 0 && c.f.Style.Negative.A != 0:
		return c.f.Style.Negative
	case d.Value < 0:
		return c.paletteAt(1)
	}
	return c.paletteAt(0)
}

// describeWaterfall: the start, each change with its sign and each total,
// as the chart writes them.
func describeWaterfall(f *Figure, nf numberFormat) string {
	c := &ctx{f: f, nf: nf}
	parts := make([]string, 0, min(len(f.Data), maxAltRows))
	for i, d := range f.Data[:min(len(f.Data), maxAltRows)] {
		parts = append(parts, d.Label+": "+c.waterfallLabel(i, d))
	}
	s := strings.Join(parts, "; ")
	if len(f.Data) > maxAltRows {
		s += "; " + localDigits(fmt.Sprintf(nf.loc.more, len(f.Data)-maxAltRows), nf.digits)
	}
	return s + "."
}
