package charts

import (
	"math"

	"github.com/presschart/presschart/charts/scene"
)

// columnKind draws vertical bars from a zero baseline, one per data row,
// with the value above each bar and the label below.
var columnKind = &kind{
	rowFormat:    true,
	tagsValues:   true,
	change:       true,
	sayHighlight: true,
	name:         "column",
	logScale:     true,
	maxRows:      maxPoints,
	valueAxis:    true,
	zero:         true,
	fields:       []string{"value"},
	options:      noOptions,
	validate:     validateValues,
	plot:         plotColumns,
	facets:       true,
	rowWidth:     24,
	describe:     describeValues,
}

func plotColumns(c *ctx, p rect) drawn {
	data := c.f.Data
	lo, hi := valueExtent(data)
	valueGap := math.Round(c.value + 10)

	s, left, slot, cat, height := c.columnLayout(data, lo, hi, p, valueGap, c.dataStep())

	ax := &axes{area: rect{left, s.p1, p.right() - left, s.p0 - s.p1}, vertical: true, value: s.px,
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

	barW := c.snap(math.Min(slot*0.64, 132*c.u))
	bars := &scene.Group{ID: "series-1", Class: "pc-series"}
	values := &scene.Group{ID: "labels", Class: "pc-labels"}
	axisX := &scene.Group{ID: "axis-x", Class: "pc-axis-x"}

	// Value labels shrink to fit their slot, and are left out only when
	// they cannot fit at 10 px.
	size := c.value
	var shown []Datum // the rows whose values labels asks for
	for i, d := range data {
		if c.f.labelled(i, -1) {
			shown = append(shown, d)
		}
	}
	// One value alone (labels = "last" or "max") may be wider than its
	// slot: no other value stands beside it.
	room := slot - 4
	if len(shown) == 1 {
		room = p.w
	}
	for size > 10 && c.maxWidth(shown, size) > room {
		size--
	}
	showValues := c.maxWidth(shown, size) <= room
	capH := c.bold.CapHeight(size)

	// Values go inside the bars only if every value fits a bar's width:
	// columns are all as wide, so 71.5% inside beside 76.2% above (one
	// digit wider) would look like a difference in the data.
	fitsWidth := c.maxWidth(shown, size) <= barW-8

	labelTop := s.px(s.lo) + 6
	for i, d := range data {
		cx := left + slot*(float64(i)+0.5)
		from, to := s.bar(d.Value)
		top, h := math.Min(from, to), math.Abs(to-from)
		fill := c.valueColor(d.Label, d.Value)
		bars.Add(&scene.Rect{X: c.snap(cx - barW/2), Y: top, W: barW, H: h, Fill: fill, Class: "pc-bar"})
		if !showValues || !c.f.labelled(i, -1) {
			continue
		}
		// The value sits inside the end of the bar when it fits there,
		// in the text colour of higher contrast with the bar; else just
		// past the end.
		label := d.Format.apply(c.nf).number(d.Value)
		inside := h >= capH+16 && fitsWidth && c.width(label, size, true) <= barW-8
		switch {
		case inside && d.Value >= 0:
			values.Add(c.text(cx, top+8+capH, label, size, true, contrastText(fill), scene.Middle, "pc-value pc-s1 pc-inside"))
		case inside:
			values.Add(c.text(cx, top+h-8, label, size, true, contrastText(fill), scene.Middle, "pc-value pc-s1 pc-inside"))
		case d.Value < 0:
			x := c.within(cx, label, size, left, p.right())
			// A lone value wider than its slot goes below the
			// neighbours it spans, too.
			y := c.clearOf(data, s, left, slot, barW, x, c.width(label, size, true), top+h, true) + 6 + capH
			labelTop = math.Max(labelTop, y+0.25*size+6) // below its commas and descenders
			values.Add(c.text(x, y, label, size, true, c.th.text, scene.Middle, "pc-value pc-s1"))
		default:
			x := c.within(cx, label, size, left, p.right())
			y := c.clearOf(data, s, left, slot, barW, x, c.width(label, size, true), top, false) - 4 - math.Max(2, descent(label)*size)
			values.Add(c.text(x, y, label, size, true, c.th.text, scene.Middle, "pc-value pc-s1"))
		}
	}
	for i := range data {
		if i%cat.every != 0 {
			continue
		}
		cx := left + slot*(float64(i)+0.5)
		axisX.Add(c.columnLabel(cat, i, cx, labelTop)...)
	}
	g.Add(bars, baseline, values, axisX)
	return drawn{group: g, height: height, axes: ax}
}

// clearOf is the edge past which a value label centred at x, w wide, is
// clear of every column it spans: the lowest bottom (below) or the
// highest top among them, starting from edge, its own bar's end.
func (c *ctx) clearOf(data []Datum, s scale, left, slot, barW, x, w, edge float64, below bool) float64 {
	for j, d := range data {
		bx := left + slot*(float64(j)+0.5)
		if bx+barW/2 <= x-w/2 || bx-barW/2 >= x+w/2 {
			continue
		}
		from, to := s.bar(d.Value)
		if below {
			edge = math.Max(edge, math.Max(from, to))
		} else {
			edge = math.Min(edge, math.Min(from, to))
		}
	}
	return edge
}
