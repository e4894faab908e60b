package charts

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// pyramidKind draws a population pyramid: per row (an age band, oldest
// first as the file lists them) two bars from a central column of
// labels, the first series to the left and the second to the right, on
// one scale mirrored, so that the two sides compare. The series' names
// head their halves in their colours; values are written at the bars'
// outer ends when the rows are few enough to read them, else the mirrored
// axis below carries them.
var pyramidKind = &kind{
	name:       "pyramid",
	series:     2,
	multi:      true,
	maxRows:    120,
	unsigned:   true,
	zero:       true,
	options:    noOptions,
	validate:   validatePyramid,
	plot:       plotPyramid,
	facets:     true,
	panelWidth: 260,
	describe:   describeMulti,
}

// pyramidValueRows is the most rows whose values a pyramid writes.
const pyramidValueRows = 12

// validatePyramid: labels as everywhere, two series named (highlight
// names one: that half in the accent, the other grey), no value below
// zero.
func validatePyramid(f *Figure, e *errs) {
	validateMulti(f, e)
	// A CSV file's columns name the series: two, or there is no pyramid.
	if n := len(f.Series); n > 0 && n != 2 && f.csv != nil {
		e.add("series", "has %d series (%s); a pyramid has two, its halves, e.g. columns = { label = \"age\", series = [\"men\", \"women\"] }", n, strings.Join(f.Series, ", "))
		return
	}
	for i, d := range f.Data {
		if len(d.Values) != 2 && f.csv != nil {
			e.add(f.rowKey(i)+".values", "has %d values; a pyramid's row has two, one for each half", len(d.Values))
			return
		}
	}
	for i, d := range f.Data {
		for j, v := range d.Values {
			if v < 0 {
				e.add(fmt.Sprintf("%s.values[%d]", f.rowKey(i), j), "%g is below zero; a pyramid's bars are counts or shares, each side from the middle out", v)
			}
		}
	}
}

func plotPyramid(c *ctx, p rect) drawn {
	data, names := c.f.Data, c.f.Series
	n := float64(len(data))
	labelLH := math.Round(c.label * 1.25)
	hi := 0.0
	for _, d := range data {
		hi = math.Max(hi, math.Max(d.Values[0], d.Values[1]))
	}
	// The central column: as wide as the widest label, wrapped at a
	// quarter of the width.
	lw, labels, lines := c.rowLabels(data, p.w*0.24)
	gap := math.Round(10 * c.u)
	axisH := math.Round(c.tick + 14)
	keyH := math.Round(c.label*1.3) + 6
	rh := math.Max(float64(lines)*labelLH+4, math.Min((p.h-axisH-keyH)/n, 34*c.u))
	rh = math.Max(rh, math.Round(12*c.u))
	writeValues := len(data) <= pyramidValueRows && c.f.Labels != "none"
	vw := 0.0
	if writeValues {
		for _, d := range data {
			for j, v := range d.Values {
				vw = math.Max(vw, c.width(c.nf.ofSeries(j).number(v), c.value, false))
			}
		}
		vw += 6
	}
	mid := p.x + p.w/2
	cl, cr := c.snap(mid-lw/2-gap), c.snap(mid+lw/2+gap)
	top := p.y + keyH
	bottom := top + n*rh
	s := c.valueScale(0, hi, cr, p.right()-vw, 60, c.dataStep())
	// Ticks far enough apart for the widest label to stand clear: every
	// other one from zero until they are, on both halves alike.
	for len(s.ticks) > 2 {
		w := c.tickWidth(s) + 16
		if s.px(s.ticks[1])-s.px(s.ticks[0]) >= w {
			break
		}
		// Every other tick, counted from the last, so that the
		// longest bar still ends inside the last gridline.
		var kept []float64
		for i, t := range s.ticks {
			if (len(s.ticks)-1-i)%2 == 0 {
				kept = append(kept, t)
			}
		}
		s.ticks = kept
	}
	// The left half: the same scale, mirrored about the labels, its ticks
	// listed left to right.
	sl := s
	sl.p0, sl.p1 = cl, cl-(s.p1-s.p0)
	sl.ticks = slices.Clone(s.ticks)
	slices.Reverse(sl.ticks)

	g := &scene.Group{}
	spans := [][2]float64{{top, bottom}}
	gridR, axisR, baseR := c.gridlines(s, false, spans, bottom, true)
	gridL, axisL, baseL := c.gridlines(sl, false, spans, bottom, true)
	// Ids stay unique: the left half's are its own.
	for _, h := range []*scene.Group{gridL, axisL, baseL} {
		if h != nil && h.ID != "" {
			h.ID += "-left"
		}
	}
	g.Add(gridL, gridR, axisL, axisR)

	// The halves' names over them, in their colours.
	colors := [2]scene.Color{c.lineColor(names[0], 0), c.lineColor(names[1], 1)}
	key := &scene.Group{ID: "key", Class: "pc-key"}
	capL := c.bold.CapHeight(c.label)
	key.Add(c.text(cl, p.y+capL, names[0], c.label, true, c.readable(colors[0]), scene.End, "pc-key-label"))
	key.Add(c.text(cr, p.y+capL, names[1], c.label, true, c.readable(colors[1]), scene.Start, "pc-key-label"))
	g.Add(key)

	series := []*scene.Group{{ID: "series-1", Class: "pc-series"}, {ID: "series-2", Class: "pc-series"}}
	values := &scene.Group{ID: "labels", Class: "pc-labels"}
	axisY := &scene.Group{ID: "axis-y", Class: "pc-axis-y"}
	thick := c.snap(math.Max(rh-math.Max(2, math.Round(rh*0.12)), 1))
	capV := c.regular.CapHeight(c.value)
	cys := make([]float64, len(data))
	for i, d := range data {
		cy := top + rh*(float64(i)+0.5)
		cys[i] = cy
		y := c.snap(cy - thick/2)
		for j, v := range d.Values {
			sc := s
			if j == 0 {
				sc = sl
			}
			from, to := sc.bar(v)
			fill := colors[j]
			series[j].Add(&scene.Rect{X: math.Min(from, to), Y: y, W: math.Abs(to - from), H: thick, Fill: fill, Class: "pc-bar"})
			if writeValues && c.f.labelled(i, j) {
				label := c.nf.ofSeries(j).number(v)
				if j == 0 {
					values.Add(c.text(math.Min(from, to)-5, cy+capV/2, label, c.value, false, c.th.text, scene.End, "pc-value"))
				} else {
					values.Add(c.text(math.Max(from, to)+5, cy+capV/2, label, c.value, false, c.th.text, scene.Start, "pc-value"))
				}
			}
		}
		blockH := float64(len(labels[i])) * labelLH
		nodes, _ := c.block(labels[i], mid, cy-blockH/2, c.label, labelLH, false, c.th.text, scene.Middle, "pc-label")
		axisY.Add(nodes...)
	}
	g.Add(series[0], series[1], baseL, baseR)
	if k := c.valueKnockout(values); k != nil {
		g.Add(k)
	}
	g.Add(values, axisY)
	ax := &axes{area: rect{sl.p1, top, s.p1 - sl.p1, bottom - top},
		point: func(at string) (float64, float64, bool) {
			for i, d := range data {
				if d.Label == at {
					_, to := s.bar(d.Values[1])
					return to, cys[i], true
				}
			}
			return 0, 0, false
		}}
	return drawn{group: g, height: bottom + axisH - p.y, axes: ax}
}
