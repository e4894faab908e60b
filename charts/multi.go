package charts

// Several series per category, side by side (grouped) or piled up
// (stacked): rows { label, values = [...] } with one value per name in
// series, and a key of the series above the plot. grouped.go and
// stacked.go name the four kinds.

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

func multiKind(name string, horizontal, stacked bool) *kind {
	panelWidth, rowWidth := 0.0, 24.0
	if horizontal {
		panelWidth, rowWidth = 260, 0 // the labels stand beside the bars
	}
	return &kind{
		panelWidth: panelWidth,
		rowWidth:   rowWidth,
		name:       name, series: -1, multi: true, maxRows: 200, valueAxis: true, zero: true, stacks: stacked, tagsValues: true,
		sortOn: func(f *Figure, d *Datum) float64 {
			sum := 0.0
			for _, v := range d.Values {
				sum += v
			}
			if f.Mode == "percent" && sum != 0 && len(d.Values) > 0 {
				return d.Values[0] / sum // the first series' share
			}
			return sum
		},
		prepare: func(f *Figure) {
			if stacked {
				f.share()
			}
		},
		prepareRows: true,
		options: func(f *Figure, t *table) {
			if stacked {
				readStackMode(f, t)
			}
		},
		validate: func(f *Figure, e *errs) {
			validateMulti(f, e)
			if stacked {
				validatePiles(f, e)
				validateShares(f, e)
			}
		},
		plot: func(c *ctx, p rect) drawn {
			if horizontal {
				return plotMultiBars(c, p, stacked)
			}
			return plotMultiColumns(c, p, stacked)
		},
		describe: describeMulti,
		facets:   true,
		key:      multiKey,
	}
}

// validateMulti: labels present and unique (as every type checks them),
// series named, highlights naming series.
func validateMulti(f *Figure, e *errs) {
	checkRowLabels(f, e)
	if len(f.Series) == 0 {
		e.add("series", "is missing; name the values of each row, e.g. series = [\"2024\", \"2025\"]")
	}
	for i, h := range f.Highlight {
		if !slices.Contains(f.Series, h) {
			msg := fmt.Sprintf("%q is not the name of a series", h)
			if n := nearest(h, f.Series); n != "" {
				msg += fmt.Sprintf("; did you mean %q?", n)
			}
			e.add(fmt.Sprintf("highlight[%d]", i), "%s", msg)
		}
	}
}

// validatePiles refuses piles whose sum passes the number limit, where
// float64 no longer adds whole numbers exactly and the total printed
// over the pile would be wrong.
func validatePiles(f *Figure, e *errs) {
	for i, d := range f.Data {
		pos, neg := 0.0, 0.0
		for _, v := range d.Values {
			if v > 0 {
				pos += v
			} else {
				neg += v
			}
		}
		if pos > maxMagnitude || -neg > maxMagnitude {
			e.add(f.rowKey(i)+".values", "add up to more than 1e15, where sums are no longer exact; give them in thousands or millions and say so in the subtitle")
		}
	}
}

func describeMulti(f *Figure, nf numberFormat) string {
	var rows []string
	for _, d := range f.Data[:min(len(f.Data), maxAltRows)] {
		vals := make([]string, len(d.Values))
		for i, v := range d.Values {
			s := "–" // a table's missing value, as it is drawn
			if !isGap(v) {
				s = nf.ofSeries(i).number(v)
			}
			vals[i] = f.Series[i] + " " + s
		}
		rows = append(rows, d.Label+": "+strings.Join(vals, ", "))
	}
	s := strings.Join(rows, "; ")
	if len(f.Data) > maxAltRows {
		s += "; " + localDigits(fmt.Sprintf(nf.loc.more, len(f.Data)-maxAltRows), nf.digits)
	}
	return s + "."
}

// multiPlot is what grouped and stacked charts share before they lay out
// columns or bars: the key above the plot, the value domain, and the
// groups that the marks and labels go in.
type multiPlot struct {
	c                   *ctx
	data                []Datum
	names               []string
	stacked             bool
	g                   *scene.Group
	keyH                float64
	p                   rect // the plot below the key
	lo, hi, step        float64
	series              []*scene.Group
	values, cats        *scene.Group
	size, capH, labelLH float64
	net                 bool // some row's pile has both signs: net markers
}

// netPiles says that some row's pile has both signs, so that the piles
// carry net markers, which the key names.
func netPiles(f *Figure) bool {
	for _, d := range f.Data {
		if f.kind.stacks && len(d.Values) > 1 && mixed(d) {
			return true
		}
	}
	return false
}

// multiKey is the key of the series above the plot.
func multiKey(c *ctx, p rect) (*scene.Group, float64) {
	return c.legendAbove(c.f.Series, p.x, p.y, p.w, netPiles(c.f))
}

// span is the part of the value axis one series takes in one row.
type span struct{ v0, v1 float64 }

func newMultiPlot(c *ctx, p rect, stacked bool) *multiPlot {
	m := &multiPlot{c: c, data: c.f.Data, names: c.f.Series, stacked: stacked, g: &scene.Group{}}
	m.net = netPiles(c.f)
	if !c.keyAbove {
		key, keyH := multiKey(c, p)
		m.g.Add(key)
		p.y += keyH + 8
		p.h -= keyH + 8
		m.keyH = keyH
	}
	m.p = p

	// The domain: each value from zero; stacked, the sums of the positive
	// values up and of the negative ones down.
	m.step = c.dataStep() // whole values tick whole (alike in every panel)
	for _, d := range m.data {
		pos, neg := 0.0, 0.0
		for _, v := range d.Values {
			if stacked {
				if v >= 0 {
					pos += v
				} else {
					neg += v
				}
			} else {
				m.lo, m.hi = math.Min(m.lo, v), math.Max(m.hi, v)
			}
		}
		if stacked {
			m.lo, m.hi = math.Min(m.lo, neg), math.Max(m.hi, pos)
		}
	}
	m.labelLH = math.Round(c.label * 1.25)
	m.series = make([]*scene.Group, len(m.names))
	for i := range m.series {
		m.series[i] = &scene.Group{ID: fmt.Sprintf("series-%d", i+1), Class: "pc-series"}
	}
	m.values = &scene.Group{ID: "labels", Class: "pc-labels"}
	m.cats = &scene.Group{Class: "pc-categories"}
	m.size = c.value
	m.capH = c.bold.CapHeight(m.size)
	return m
}

// sameAsBelow says that series i's segment in row d starts where a
// segment of the same colour ends: the last one before it in the pile,
// on its side of zero and not empty.
func (m *multiPlot) sameAsBelow(d Datum, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if d.Values[j] == 0 || (d.Values[j] >= 0) != (d.Values[i] >= 0) {
			continue
		}
		return m.c.lineColor(m.names[j], j) == m.c.lineColor(m.names[i], i)
	}
	return false
}

// spanOf returns the span of series i in row d: from zero, side by side
// within the band, or piled on the values before it.
func (m *multiPlot) spanOf(d Datum, i int) span {
	if !m.stacked {
		return span{0, d.Values[i]}
	}
	base := 0.0
	for j := 0; j < i; j++ {
		if (d.Values[j] >= 0) == (d.Values[i] >= 0) {
			base += d.Values[j]
		}
	}
	return span{base, base + d.Values[i]}
}

// plotMultiColumns draws grouped or stacked columns.
func plotMultiColumns(c *ctx, p rect, stacked bool) drawn {
	m := newMultiPlot(c, p, stacked)
	data, names, ns, g := m.data, m.names, len(m.names), m.g
	p, lo, hi, step := m.p, m.lo, m.hi, m.step
	series, values, cats, size, capH := m.series, m.values, m.cats, m.size, m.capH
	nets := &scene.Group{ID: "series-net", Class: "pc-series pc-nets"}
	spanOf := m.spanOf
	valueGap := math.Round(size + 10)
	s, left, slot, cl, height := c.columnLayout(data, lo, hi, p, valueGap, step)
	negGap := 0.0
	if lo < 0 {
		negGap = valueGap
	}
	ax := &axes{area: rect{left, s.p1, p.right() - left, s.p0 - s.p1}, vertical: true, value: s.px,
		point: func(at string) (float64, float64, bool) {
			for j, d := range data {
				if d.Label == at {
					top := hiOf(d)
					if !stacked {
						top = maxOf(d)
					}
					return left + slot*(float64(j)+0.5), s.px(top), true
				}
			}
			return 0, 0, false
		}}
	grid, axisY, baseline := c.gridlines(s, true, [][2]float64{{left, p.right()}}, left, true)
	g.Add(grid, axisY)
	bandW := c.snap(math.Min(slot*0.76, 60*c.u*float64(ns)))
	barW := bandW
	if !stacked {
		barW = math.Max(1, math.Floor(bandW/float64(ns)*2)/2)
	}
	// A series labels all of its values or none: a value that does not
	// fit its bar would otherwise leave a random few labelled. Zeros in a
	// pile have no segment to hold a label and are not counted.
	segment := func(j, i int) (x, top, h float64) {
		d := data[j]
		cx := left + slot*(float64(j)+0.5)
		sp := spanOf(d, i)
		y0, y1 := c.snap(s.px(sp.v0)), c.snap(s.px(sp.v1))
		x = c.snap(cx - bandW/2)
		if !stacked {
			x = c.snap(cx - bandW/2 + float64(i)*barW)
			_, y1 = s.bar(d.Values[i])
		}
		return x, math.Min(y0, y1), math.Abs(y1 - y0)
	}
	// In a 100% stacked chart each share is written where it fits: the
	// narrow ones are left to the alt text, and the others keep theirs.
	show := make([]bool, ns)
	for i := range show {
		show[i] = true
		for j, d := range data {
			if c.f.Mode == "percent" {
				break
			}
			if !c.f.labelled(j, i) {
				continue // only the values labels asks for need to fit
			}
			v := d.Values[i]
			_, _, h := segment(j, i)
			lw := c.width(c.nf.ofSeries(i).number(v), size, true)
			// One value alone (labels = "max") may be wider than its bar:
			// no other value stands beside it.
			room := barW - 2
			if c.f.Labels == "max" {
				room = p.w
			}
			if stacked && v != 0 && (h < capH+10 || lw > barW-6) || !stacked && lw > room {
				show[i] = false
			}
		}
	}
	// Totals over the piles likewise: all, when each fits its slot.
	showTotals := stacked && ns > 1 && !sameTotals(data) && c.f.Mode != "percent"
	for _, d := range data {
		if c.width(c.nf.axisFormat().number(sumOf(d)), size, true) > slot-4 {
			showTotals = false
		}
	}
	for j, d := range data {
		cx := left + slot*(float64(j)+0.5)
		total := 0.0
		for i, v := range d.Values {
			x, top, h := segment(j, i)
			fill := c.lineColor(names[i], i)
			segH := h // for the label, as show measured it
			if stacked && h > 2 && m.sameAsBelow(d, i) {
				// Two segments of one colour (greyed beside a
				// highlight) keep a hairline of background between them.
				if v >= 0 {
					h--
				} else {
					top, h = top+1, h-1
				}
			}
			series[i].Add(&scene.Rect{X: x, Y: top, W: barW, H: h, Fill: fill, Class: "pc-bar"})
			label := c.nf.ofSeries(i).number(v)
			lw := c.width(label, size, true)
			tag := fmt.Sprintf(" pc-s%d", i+1) // the series, for the layout checker
			switch {
			case !show[i] || stacked && v == 0 || !c.f.labelled(j, i):
			case stacked && segH >= capH+10 && lw <= barW-6:
				mid := top + h/2
				if ns > 1 && mixed(d) {
					mid = clearOf(s.px(sumOf(d)), top, top+h, capH+8, mid)
				}
				values.Add(c.text(x+barW/2, mid+capH/2, label, size, true, contrastText(fill), scene.Middle, "pc-value pc-inside"+tag))
			case !stacked:
				// Centred on its bar, but inside the plot: a value wider
				// than its bar (labels = "max") stays clear of the ticks.
				mx := c.within(x+barW/2, label, size, left, p.right())
				y := top - 4 - math.Max(2, descent(label)*size) // clear of its $ or q
				if v < 0 {
					y = top + h + 6 + capH
				}
				values.Add(c.text(mx, y, label, size, true, c.th.text, scene.Middle, "pc-value"+tag))
			}
			total += v
		}
		switch {
		case stacked && ns > 1 && mixed(d):
			// A pile with both signs: a net marker across it at the
			// total, named in the key, not a total beyond its positive end.
			y := c.snap(s.px(total))
			// It reaches 3 px past the pile, less where the slot is
			// narrower, so that it stays in the plot.
			out := math.Max(0, math.Min(3, (slot-bandW)/2-0.5))
			nets.Add(&scene.Rect{X: c.snap(cx - bandW/2 - out), Y: y - 1.5, W: c.snap(bandW + 2*out), H: 3, Fill: c.th.text, Class: "pc-net"})
		case showTotals && c.f.labelled(j, -1): // the total over the pile
			top := s.px(math.Max(0, hiOf(d)))
			label := c.nf.axisFormat().number(total)
			values.Add(c.text(cx, top-4-math.Max(2, descent(label)*size), label, size, true, c.th.text, scene.Middle, "pc-value pc-total"))
		}
		if j%cl.every == 0 {
			cats.Add(c.columnLabel(cl, j, cx, s.px(s.lo)+6+negGap)...)
		}
	}
	for _, sg := range series {
		g.Add(sg)
	}
	if len(nets.Nodes) > 0 {
		g.Add(nets)
	}
	cats.ID, cats.Class = "axis-x", "pc-axis-x"
	g.Add(baseline, values, cats)
	return drawn{group: g, height: height + m.keyH + 8, axes: ax}
}

// plotMultiBars draws grouped or stacked bars: labels on the left, a band
// per row.
func plotMultiBars(c *ctx, p rect, stacked bool) drawn {
	m := newMultiPlot(c, p, stacked)
	data, names, ns, g := m.data, m.names, len(m.names), m.g
	p, lo, hi, step := m.p, m.lo, m.hi, m.step
	series, values, cats, size, capH, labelLH := m.series, m.values, m.cats, m.size, m.capH, m.labelLH
	nets := &scene.Group{ID: "series-net", Class: "pc-series pc-nets"}
	spanOf, keyH := m.spanOf, m.keyH
	n := float64(len(data))
	// Row labels wrap between words, never inside one nor cut; the
	// rows are as tall as the longest.
	lw, rowLines, most := c.rowLabels(data, p.w*0.3)
	most = max(most, 2)
	axisH := math.Round(c.tick + 14)
	barH := math.Round(18 * c.u)
	bandH := barH
	if !stacked {
		bandH = barH * float64(ns)
	}
	rh := math.Max(bandH+12, float64(most)*labelLH+8)
	rh = math.Max(rh, math.Min((p.h-axisH)/n, bandH+40*c.u))
	top, bottom := p.y, p.y+n*rh
	left := p.x + lw + 12
	valuesW := func(c *ctx) (vw float64) {
		for _, d := range data {
			for i, v := range d.Values {
				vw = math.Max(vw, c.width(c.nf.ofSeries(i).number(v), size, true))
			}
			if stacked {
				vw = math.Max(vw, c.width(c.nf.axisFormat().number(sumOf(d)), size, true))
			}
		}
		return vw
	}
	vw := valuesW(c)
	sides := 1.0
	if lo < 0 {
		sides++
	}
	// Values beyond both ends of the bars may leave them too little
	// room: they are then written compactly (884M).
	if room := p.right() - left - sides*(vw+8); room < 0.4*(p.right()-left) && !c.nf.compact {
		cc := *c
		cc.nf.compact = true
		c = &cc
		vw = valuesW(c)
	}
	x0, x1 := left, p.right()
	if lo < 0 {
		x0 += vw + 8
	}
	x1 -= vw + 8
	s := c.valueScale(lo, hi, x0, x1, 80, step)
	ax := &axes{area: rect{s.p0, top, s.p1 - s.p0, bottom - top}, value: s.px,
		point: func(at string) (float64, float64, bool) {
			for j, d := range data {
				if d.Label == at {
					end := hiOf(d)
					if !stacked {
						end = maxOf(d)
					}
					return s.px(end), top + rh*(float64(j)+0.5), true
				}
			}
			return 0, 0, false
		}}
	grid, axisX, baseline := c.gridlines(s, false, [][2]float64{{top, bottom}}, bottom, true)
	g.Add(grid, axisX)
	// A pile's series labels all of its segments or none (zeros aside).
	// In a 100% stacked chart each share is written where it fits: the
	// narrow ones are left to the alt text, and the others keep theirs.
	show := make([]bool, ns)
	for i := range show {
		show[i] = true
		for j, d := range data {
			if c.f.Mode == "percent" {
				break
			}
			if !stacked || d.Values[i] == 0 || !c.f.labelled(j, i) {
				continue
			}
			sp := spanOf(d, i)
			w := math.Abs(c.snap(s.px(sp.v1)) - c.snap(s.px(sp.v0)))
			if w < c.width(c.nf.ofSeries(i).number(d.Values[i]), size, true)+10 {
				show[i] = false
			}
		}
	}
	for j, d := range data {
		cy := top + rh*(float64(j)+0.5)
		y0 := c.snap(cy - bandH/2)
		for i, v := range d.Values {
			sp := spanOf(d, i)
			a, b := c.snap(s.px(sp.v0)), c.snap(s.px(sp.v1))
			y := y0
			if !stacked {
				y = c.snap(y0 + float64(i)*barH)
				a, b = s.bar(v)
			}
			x, w := math.Min(a, b), math.Abs(b-a)
			fill := c.lineColor(names[i], i)
			segW := w // for the label, as show measured it
			if stacked && w > 2 && m.sameAsBelow(d, i) {
				// A hairline of background between two segments of one
				// colour, at the start of this one.
				if v >= 0 {
					x, w = x+1, w-1
				} else {
					w--
				}
			}
			series[i].Add(&scene.Rect{X: x, Y: y, W: w, H: barH, Fill: fill, Class: "pc-bar"})
			label := c.nf.ofSeries(i).number(v)
			lwid := c.width(label, size, true)
			tag := fmt.Sprintf(" pc-s%d", i+1) // the series, for the layout checker
			base := y + barH/2 + capH/2
			switch {
			case !c.f.labelled(j, i):
			case stacked && (!show[i] || v == 0):
			case stacked && segW >= lwid+10:
				mid := x + w/2
				if ns > 1 && mixed(d) {
					mid = clearOf(s.px(sumOf(d)), x, x+w, lwid+8, mid)
				}
				values.Add(c.text(mid, base, label, size, true, contrastText(fill), scene.Middle, "pc-value pc-inside"+tag))
			case !stacked && v >= 0:
				values.Add(c.text(x+w+5, base, label, size, false, c.th.text, scene.Start, "pc-value"+tag))
			case !stacked:
				values.Add(c.text(x-5, base, label, size, false, c.th.text, scene.End, "pc-value"+tag))
			}
		}
		switch {
		case stacked && ns > 1 && mixed(d):
			x := c.snap(s.px(sumOf(d)))
			nets.Add(&scene.Rect{X: x - 1.5, Y: c.snap(y0 - 3), W: 3, H: c.snap(bandH + 6), Fill: c.th.text, Class: "pc-net"})
		case stacked && ns > 1 && c.f.labelled(j, -1) && !sameTotals(data) && c.f.Mode != "percent":
			values.Add(c.text(s.px(math.Max(0, hiOf(d)))+6, cy+capH/2, c.nf.axisFormat().number(sumOf(d)), size, true, c.th.text, scene.Start, "pc-value pc-total"))
		}
		lines := rowLines[j]
		nodes, _ := c.block(lines, left-12, cy-float64(len(lines))*labelLH/2, c.label, labelLH, false, c.th.text, scene.End, "pc-label")
		cats.Add(nodes...)
	}
	for _, sg := range series {
		g.Add(sg)
	}
	if len(nets.Nodes) > 0 {
		g.Add(nets)
	}
	cats.ID, cats.Class = "axis-y", "pc-axis-y"
	g.Add(baseline, values, cats)
	return drawn{group: g, height: bottom + axisH - p.y + keyH + 8, axes: ax}
}

// sameTotals says that every pile of two or more adds up to the same
// total (shares of 100%): written over each, it would say nothing.
func sameTotals(data []Datum) bool {
	if len(data) < 2 {
		return false
	}
	first := sumOf(data[0])
	for _, d := range data[1:] {
		if math.Abs(sumOf(d)-first) > 1e-9*math.Max(1, math.Abs(first)) {
			return false
		}
	}
	return true
}

// sumOf is the total of a row's values; hiOf the top of its positive pile.
func sumOf(d Datum) float64 {
	t := 0.0
	for _, v := range d.Values {
		t += v
	}
	return t
}

// clearOf moves the middle of a label of length n inside a segment from
// a to b off a net marker at m, into the larger side of the segment when
// the label fits there.
func clearOf(m, a, b, n, mid float64) float64 {
	if m+3 < mid-n/2 || m-3 > mid+n/2 {
		return mid
	}
	if m-a >= b-m && m-a-3 >= n {
		return (a + m - 3) / 2
	}
	if b-m-3 >= n {
		return (m + 3 + b) / 2
	}
	return mid
}

// mixed reports whether a row has values on both sides of zero: its
// pile's ends are not its total, which a net marker shows instead.
func mixed(d Datum) bool {
	pos, neg := false, false
	for _, v := range d.Values {
		pos, neg = pos || v > 0, neg || v < 0
	}
	return pos && neg
}

func hiOf(d Datum) float64 {
	t := 0.0
	for _, v := range d.Values {
		if v > 0 {
			t += v
		}
	}
	return t
}

// maxOf is the largest of a row's values, or zero.
func maxOf(d Datum) float64 {
	m := 0.0
	for _, v := range d.Values {
		m = math.Max(m, v)
	}
	return m
}
