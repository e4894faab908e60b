package charts

import (
	"math"

	"presschart/charts/scene"
)

// columnKind draws vertical bars from a zero baseline, one per data row,
// with the value above each bar and the label below.
var columnKind = &kind{
	name:     "column",
	noun:     "Column chart",
	fields:   []string{"value"},
	options:  noOptions,
	validate: validateValues,
	plot:     plotColumns,
	describe: describeValues,
}

func plotColumns(c *ctx, p rect) (*scene.Group, float64) {
	data := c.f.Data
	lo, hi := valueExtent(data)
	n := float64(len(data))
	valueGap := math.Round(c.value + 10)
	labelLH := math.Round(c.label * 1.3)

	// The tick labels' width decides where the columns start, and the
	// category labels' height where the baseline sits: settle both.
	s := niceScale(lo, hi, p.bottom(), p.y+valueGap, 40)
	left := p.x + c.tickWidth(s) + 10
	slot := (p.right() - left) / n
	labels := make([][]string, len(data))
	lines := 1
	for i, d := range data {
		labels[i], _ = c.regular.Wrap(d.Label, c.label, math.Max(slot-8, 12), 3)
		lines = max(lines, len(labels[i]))
	}
	labelH := float64(lines)*labelLH + 6
	negGap := 0.0
	if lo < 0 {
		negGap = valueGap
	}
	s = niceScale(lo, hi, p.bottom()-labelH-negGap, p.y+valueGap, 40)
	left = p.x + c.tickWidth(s) + 10
	slot = (p.right() - left) / n

	g := &scene.Group{}
	grid, axisY, baseline := c.gridlines(s, true, [][2]float64{{left, p.right()}}, left, true)
	g.Add(grid, axisY)

	barW := snap(math.Min(slot*0.64, 132*c.u))
	bars := &scene.Group{ID: "series-1", Class: "pc-series"}
	values := &scene.Group{ID: "labels", Class: "pc-labels"}
	axisX := &scene.Group{ID: "axis-x", Class: "pc-axis-x"}

	// Value labels shrink to fit their slot, and are left out only when
	// they cannot fit at 10 px.
	size := c.value
	for size > 10 && c.maxWidth(data, size) > slot-4 {
		size--
	}
	showValues := c.maxWidth(data, size) <= slot-4
	capH := c.bold.CapHeight(size)

	for i, d := range data {
		cx := left + slot*(float64(i)+0.5)
		from, to := s.bar(d.Value)
		top, h := math.Min(from, to), math.Abs(to-from)
		bars.Add(&scene.Rect{X: snap(cx - barW/2), Y: top, W: barW, H: h, Fill: c.seriesColor(d.Label), Class: "pc-bar"})
		if showValues {
			y := top - 6
			if d.Value < 0 {
				y = top + h + 6 + capH
			}
			values.Add(c.text(cx, y, c.nf.number(d.Value), size, true, c.th.text, scene.Middle, "pc-value"))
		}
		nodes, _ := c.block(labels[i], cx, s.px(s.lo)+6, c.label, labelLH, false, c.th.muted, scene.Middle, "pc-label")
		axisX.Add(nodes...)
	}
	g.Add(bars, baseline, values, axisX)
	return g, p.h
}

// maxWidth is the widest formatted value of data at size px, bold.
func (c *ctx) maxWidth(data []Datum, size float64) float64 {
	w := 0.0
	for _, d := range data {
		w = math.Max(w, c.width(c.nf.number(d.Value), size, true))
	}
	return w
}

// valueExtent returns the smallest and largest value of data.
func valueExtent(data []Datum) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, d := range data {
		lo, hi = math.Min(lo, d.Value), math.Max(hi, d.Value)
	}
	return lo, hi
}
