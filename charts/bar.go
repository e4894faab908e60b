package charts

import (
	"math"

	"github.com/presschart/presschart/charts/scene"
)

// barKind draws horizontal bars, one row per data row, with the label to
// the left (wrapped to two lines) and the value at the end of the bar.
var barKind = &kind{
	rowFormat:    true,
	tagsValues:   true,
	sayHighlight: true,
	name:         "bar",
	logScale:     true,
	maxRows:      300,
	valueAxis:    true,
	zero:         true,
	fields:       []string{"value"},
	options:      noOptions,
	validate:     validateValues,
	plot:         plotBars,
	facets:       true,
	panelWidth:   260,
	describe:     describeValues,
}

func plotBars(c *ctx, p rect) drawn {
	data := c.f.Data
	n := float64(len(data))
	lo, hi := valueExtent(data)
	labelLH := math.Round(c.label * 1.25)

	lw, labels, lines := c.rowLabels(data, p.w*0.38)
	axisH := math.Round(c.tick + 14)
	rowMin := math.Max(float64(lines)*labelLH+8, 22*c.u)
	rh := math.Min((p.h-axisH)/n, 46*c.u)
	rh = math.Max(rh, rowMin)
	used := n*rh + axisH

	left := p.x + lw + 12
	vw := c.maxWidth(data, c.value) + 8
	// Values beyond both ends of the bars may leave them too little
	// room: the values are then written compactly (884M), and the row
	// labels get a narrower column.
	sides := 0.0
	if lo < 0 {
		sides++
	}
	if hi > 0 {
		sides++
	}
	if room := p.right() - left - sides*vw; room < 0.4*(p.right()-left) && !c.nf.compact {
		cc := *c
		cc.nf.compact = true
		c = &cc
		vw = c.maxWidth(data, c.value) + 8
	}
	if room := p.right() - left - sides*vw; room < 0.4*(p.right()-left) {
		lw, labels, lines = c.rowLabels(data, p.w*0.25)
		rowMin = math.Max(float64(lines)*labelLH+8, 22*c.u)
		rh = math.Max(math.Min((p.h-axisH)/n, 46*c.u), rowMin)
		used = n*rh + axisH
		left = p.x + lw + 12
	}
	// On a phone, a long label goes above its bar: the bars keep the
	// width instead of a wrapped column of names.
	above := c.onTop(data, p)
	thick := c.snap(math.Min(rh*0.62, 26*c.u))
	top, bottom := p.y, p.y+n*rh
	cys := make([]float64, len(data))
	var tops []float64
	if above {
		thick = c.snap(18 * c.u)
		labels, tops, cys, bottom = c.stackRows(data, p, top, thick)
		left, used = p.x, bottom-p.y+axisH
	} else {
		for i := range data {
			cys[i] = top + rh*(float64(i)+0.5)
		}
	}
	spans := [][2]float64{{top, bottom}}
	if above {
		spans = bands(cys, thick+4)
	}
	x0, x1 := left, p.right()
	if lo < 0 {
		x0 += vw
	}
	if hi > 0 {
		x1 -= vw
	}
	s := c.valueScale(lo, hi, x0, x1, 80, c.dataStep())
	g := &scene.Group{}
	ax := &axes{area: rect{s.p0, top, s.p1 - s.p0, bottom - top}, value: s.px,
		point: func(at string) (float64, float64, bool) {
			for i, d := range data {
				if d.Label == at {
					_, to := s.bar(d.Value)
					return to, cys[i], true
				}
			}
			return 0, 0, false
		}}
	grid, axisX, baseline := c.gridlines(s, false, spans, bottom, true)
	g.Add(grid, axisX)

	bars := &scene.Group{ID: "series-1", Class: "pc-series"}
	values := &scene.Group{ID: "labels", Class: "pc-labels"}
	axisY := &scene.Group{ID: "axis-y", Class: "pc-axis-y"}
	capH := c.bold.CapHeight(c.value)
	for i, d := range data {
		cy := cys[i]
		from, to := s.bar(d.Value)
		x, w := math.Min(from, to), math.Abs(to-from)
		fill := c.valueColor(d.Label, d.Value)
		bars.Add(&scene.Rect{X: x, Y: c.snap(cy - thick/2), W: w, H: thick, Fill: fill, Class: "pc-bar"})
		label := d.Format.apply(c.nf).number(d.Value)
		lwid := c.width(label, c.value, true)
		base := cy + capH/2
		switch {
		case !c.f.labelled(i, -1):
		case w >= lwid+14 && d.Value >= 0:
			values.Add(c.text(to-7, base, label, c.value, true, contrastText(fill), scene.End, "pc-value pc-s1 pc-inside"))
		case w >= lwid+14:
			values.Add(c.text(to+7, base, label, c.value, true, contrastText(fill), scene.Start, "pc-value pc-s1 pc-inside"))
		case d.Value < 0 || d.Value == 0 && hi <= 0 && lo < 0:
			// A zero among negatives is written on their side, where
			// the figure left room.
			values.Add(c.text(to-6, base, label, c.value, true, c.th.text, scene.End, "pc-value pc-s1"))
		default:
			values.Add(c.text(to+6, base, label, c.value, true, c.th.text, scene.Start, "pc-value pc-s1"))
		}
		axisY.Add(c.rowLabel(labels[i], above, p.x, tops, i, left, cy, labelLH)...)
	}
	g.Add(bars, baseline, values, axisY)
	return drawn{group: g, height: used, axes: ax}
}
