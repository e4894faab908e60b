package charts

import (
	"math"
	"strings"

	"presschart/charts/scene"
)

// columnKind draws vertical bars from a zero baseline, one per data row,
// with the value above each bar and the label below.
var columnKind = &kind{
	change:       true,
	sayHighlight: true,
	name:         "column",
	logScale:     true,
	maxRows:      maxPoints,
	valueAxis:    true,
	fields:       []string{"value"},
	options:      noOptions,
	validate:     validateValues,
	plot:         plotColumns,
	describe:     describeValues,
}

func plotColumns(c *ctx, p rect) (*scene.Group, float64) {
	data := c.f.Data
	lo, hi := valueExtent(data)
	valueGap := math.Round(c.value + 10)
	labelLH := math.Round(c.label * 1.3)

	s, left, slot, cat := c.columnLayout(data, lo, hi, p, valueGap, c.dataStep())

	c.axes = &axes{area: rect{left, s.p1, p.right() - left, s.p0 - s.p1}, vertical: true, value: s.px,
		point: func(at string) (float64, float64, bool) {
			for i, d := range data {
				if d.Label == at {
					_, to := s.bar(d.Value)
					return left + slot*(float64(i)+0.5), to, true
				}
			}
			return 0, 0, false
		}}
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

	labelTop := s.px(s.lo) + 6
	for i, d := range data {
		cx := left + slot*(float64(i)+0.5)
		from, to := s.bar(d.Value)
		top, h := math.Min(from, to), math.Abs(to-from)
		fill := c.seriesColor(d.Label)
		bars.Add(&scene.Rect{X: snap(cx - barW/2), Y: top, W: barW, H: h, Fill: fill, Class: "pc-bar"})
		if !showValues {
			continue
		}
		// The value sits inside the end of the bar when it fits there,
		// in the text colour of higher contrast with the bar; else just
		// past the end.
		label := c.nf.number(d.Value)
		inside := h >= capH+16 && c.width(label, size, true) <= barW-8
		switch {
		case inside && d.Value >= 0:
			values.Add(c.text(cx, top+8+capH, label, size, true, contrastText(fill), scene.Middle, "pc-value pc-inside"))
		case inside:
			values.Add(c.text(cx, top+h-8, label, size, true, contrastText(fill), scene.Middle, "pc-value pc-inside"))
		case d.Value < 0:
			y := top + h + 6 + capH
			labelTop = math.Max(labelTop, y+6)
			values.Add(c.text(cx, y, label, size, true, c.th.text, scene.Middle, "pc-value"))
		default:
			values.Add(c.text(cx, top-6, label, size, true, c.th.text, scene.Middle, "pc-value"))
		}
	}
	for i := range data {
		if i%cat.every != 0 {
			continue
		}
		cx := left + slot*(float64(i)+0.5)
		if cat.rotate {
			t := c.text(cx+c.label*0.35, labelTop+c.label*0.35, cat.lines[i][0], c.label, false, c.th.muted, scene.End, "pc-label")
			t.Rotate = -45
			axisX.Add(t)
			continue
		}
		nodes, _ := c.block(cat.lines[i], cx, labelTop, c.label, labelLH, false, c.th.muted, scene.Middle, "pc-label")
		axisX.Add(nodes...)
	}
	g.Add(bars, baseline, values, axisX)
	return g, p.h
}

// columnLayout settles a column plot: the tick labels' width decides
// where the columns start, and the category labels' height where the
// baseline sits, each depending on the other. Negative values get room
// for their labels below the baseline. It returns the value scale, the
// left edge of the columns, each column's slot width and the labels.
func (c *ctx) columnLayout(data []Datum, lo, hi float64, p rect, valueGap, step float64) (s scale, left, slot float64, cat columnLabels) {
	n := float64(len(data))
	negGap := 0.0
	if lo < 0 {
		negGap = valueGap
	}
	s = c.valueScale(lo, hi, p.bottom(), p.y+valueGap, 40, step)
	left = p.x + c.tickWidth(s) + 10
	for range 2 { // the second pass settles wider ticks, if any
		slot = (p.right() - left) / n
		cat = c.columnLabels(data, slot, left, p.x)
		s = c.valueScale(lo, hi, p.bottom()-cat.height-negGap, p.y+valueGap, 40, step)
		w := c.tickWidth(s)
		if p.x+w+10 <= left+0.5 {
			break
		}
		left = p.x + w + 10
	}
	return s, left, slot, cat
}

// columnLabels are the category labels under the columns: wrapped to
// their slot at whole words, up to three lines, or, when a single word is
// wider than the slot, turned 45 degrees and shortened to what fits. When
// even turned labels would touch, only every n-th column is labelled.
type columnLabels struct {
	lines  [][]string
	rotate bool
	every  int
	height float64
}

func (c *ctx) columnLabels(data []Datum, slot, left, edge float64) columnLabels {
	lh := math.Round(c.label * 1.3)
	width := math.Max(slot-8, 12)
	cl := columnLabels{every: 1}
	for _, d := range data {
		for _, w := range strings.Fields(d.Label) {
			if c.width(w, c.label, false) > width {
				cl.rotate = true
			}
		}
	}
	lines := 1
	cl.lines = make([][]string, len(data))
	for i, d := range data {
		if cl.rotate {
			// The label runs down and left from its column: it may not
			// run past the figure's left edge.
			cx := left + slot*(float64(i)+0.5)
			room := math.Min(150*c.u, (cx-edge)*math.Sqrt2)
			cl.lines[i] = []string{c.regular.Ellipsize(d.Label, c.label, room)}
			cl.height = math.Max(cl.height, (c.width(cl.lines[i][0], c.label, false)+c.label)/math.Sqrt2+8)
			continue
		}
		cl.lines[i], _ = c.regular.Wrap(d.Label, c.label, width, 3)
		lines = max(lines, len(cl.lines[i]))
	}
	if !cl.rotate {
		cl.height = float64(lines)*lh + 6
	} else if minSlot := lh * math.Sqrt2; slot < minSlot {
		cl.every = int(math.Ceil(minSlot / slot))
	}
	return cl
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
