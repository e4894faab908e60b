package charts

// Series over x: lines and stacked areas share their layout, labels and
// alt text.

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// seriesNames returns the names of the figure's series ("" for a single
// unnamed one).
func (f *Figure) seriesNames() []string {
	if len(f.Series) == 0 {
		return []string{""}
	}
	return f.Series
}

// describeSeries says, per series, where it starts, where it ends and its
// peak: "Nepal: 1,000 in Jan 2023, 1 in Oct 2025; highest 1,200 in Mar 2024".
func describeSeries(f *Figure, nf numberFormat) string {
	d := f.Data
	var parts []string
	for i, name := range f.seriesNames() {
		first, last, peak, gaps := -1, -1, -1, 0
		for j := range d {
			v := d[j].Values[i]
			if isGap(v) {
				gaps++
				continue
			}
			if first < 0 {
				first = j
			}
			last = j
			if peak < 0 || v > d[peak].Values[i] {
				peak = j
			}
		}
		if first < 0 {
			continue // refused by validatePoints
		}
		sf := nf.ofSeries(i)
		s := fmt.Sprintf(nf.loc.valueAt, sf.number(d[first].Values[i]), xLabel(f, nf, d[first]))
		if last != first {
			s += ", " + fmt.Sprintf(nf.loc.valueAt, sf.number(d[last].Values[i]), xLabel(f, nf, d[last]))
		}
		if peak != first && peak != last {
			s += ", " + fmt.Sprintf(nf.loc.highest, sf.number(d[peak].Values[i]), xLabel(f, nf, d[peak]))
		}
		if gaps > 0 {
			s += ", " + localDigits(fmt.Sprintf(nf.loc.gaps, gaps, len(d)), nf.digits)
		}
		if name != "" {
			s = name + ": " + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ") + "."
}

// lastValue is the last row at which series i has a value: a line's end
// label names it.
func lastValue(data []Datum, i int) int {
	for j := len(data) - 1; j > 0; j-- {
		if !isGap(data[j].Values[i]) {
			return j
		}
	}
	return 0
}

// runs splits a line's points at its gaps (NaN) into the stretches it
// draws unbroken.
func runs(pts [][2]float64) [][][2]float64 {
	var out [][][2]float64
	start := -1
	for j, p := range pts {
		switch {
		case isGap(p[1]) && start >= 0:
			out, start = append(out, pts[start:j]), -1
		case !isGap(p[1]) && start < 0:
			start = j
		}
	}
	if start >= 0 {
		out = append(out, pts[start:])
	}
	return out
}

// plotSeries draws lines, or stacked areas, over an x axis of dates or
// numbers.
// seriesLegend is the key of a figure's series in the colours plotSeriesWith
// draws them in (the first columns series as columns); none for a single
// series. Lines label their ends instead: small multiples use it, above
// their panels, whose end labels then hold the values alone.
func seriesLegend(c *ctx, p rect, columns int) (*scene.Group, float64) {
	names := c.f.Series
	if len(names) < 2 {
		return nil, 0
	}
	// An unnamed series (the columns under average = 7 without series)
	// has no entry: the title says what they count.
	var named []string
	var at []int
	for i, n := range names {
		if n != "" {
			named, at = append(named, n), append(at, i)
		}
	}
	if len(named) == 0 {
		return nil, 0
	}
	key, h := c.legendAbove(named, p.x, p.y, p.w, false)
	k := 0
	for _, n := range key.Nodes {
		if r, ok := n.(*scene.Rect); ok && k < len(named) {
			r.Fill = seriesColor(c, names, at[k], columns)
			k++
		}
	}
	return key, h
}

// seriesColor is the colour of the i-th series: over columns, the lines
// take the palette from its start (the columns' hue, full, for their
// average), and the columns are a lighter shade unless a highlight
// colours them.
func seriesColor(c *ctx, names []string, i, columns int) scene.Color {
	switch {
	case columns > 0 && i >= columns:
		return c.lineColor(names[i], i-columns)
	case i < columns && len(c.f.Highlight) == 0:
		return c.tint(c.lineColor(names[i], i), 0.45)
	}
	return c.lineColor(names[i], i)
}

func plotSeries(c *ctx, p rect, area bool) drawn { return plotSeriesWith(c, p, area, 0) }

// plotSeriesWith draws the first columns series as columns (daily
// figures) and the others as lines over them (their rolling average),
// or all as lines or stacked areas.
func plotSeriesWith(c *ctx, p rect, area bool, columns int) drawn {
	data := c.f.Data
	names := c.f.seriesNames()
	ns := len(names)
	// Stacked areas pile each series on the ones before.
	tops := make([][]float64, ns)
	for i := range names {
		tops[i] = make([]float64, len(data))
		for j, d := range data {
			tops[i][j] = d.Values[i]
			if area && i > 0 {
				tops[i][j] += tops[i-1][j]
			}
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range tops {
		for _, v := range tops[i] {
			if !isGap(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	step := 1.0
	rows := data
	if c.panel != nil {
		rows = c.panel.rows // small multiples tick alike in every panel
	}
	for _, d := range rows {
		for _, v := range d.Values {
			if v != math.Trunc(v) && !isGap(v) {
				step = 0
			}
		}
	}

	// End labels: "Nepal 1" per series, at the right; names in bold.
	keyed := c.keyAbove && ns > 1 && c.f.kind.key != nil
	lastAt := make([]int, ns)
	// A series stops early when its last value comes before the last x:
	// the panel's, or on shared axes every panel's.
	early := func(i int) bool {
		at := data[lastAt[i]].XV
		return lastAt[i] < len(data)-1 || c.f.span != nil && c.f.span.hasX && at < c.f.span.x1
	}
	bold := func(name string) bool { return name != "" && !keyed }
	labelLH := math.Round(c.label * 1.3)
	ends := make([]string, ns)
	endW := 0.0
	last := data[len(data)-1]
	for i, name := range names {
		lastAt[i] = lastValue(data, i)
		end := data[lastAt[i]]
		ends[i] = strings.TrimSpace(c.isolate(name) + "  " + c.nf.ofSeries(i).number(end.Values[i]))
		if early(i) {
			// A series that stops early says when its value is from.
			// The date stays whole on a line of its own if the label wraps.
			ends[i] += " (" + strings.ReplaceAll(xLabel(c.f, c.nf, end), " ", "\u00a0") + ")"
		}
		if c.f.Labels == "none" {
			ends[i] = name // the name alone: the axis carries the value
		}
		if isGap(end.Values[i]) {
			// No value at any row (a panel whose average has no full
			// window): no label, and no line to label.
			ends[i] = ""
			continue
		}
		if keyed {
			// Small multiples name the series once, in the key above
			// the panels; each end holds its value, in the line's hue.
			ends[i] = strings.TrimSpace(strings.TrimPrefix(ends[i], c.isolate(name)))
			if c.f.Labels == "none" {
				ends[i] = ""
			}
		}
		endW = math.Max(endW, c.width(ends[i], c.label, bold(name)))
	}
	endW = math.Min(endW, p.w*0.35)
	for i, name := range names { // never narrower than a word, if it leaves the lines half
		endW = math.Max(endW, math.Min(c.widestWord(ends[i], c.label, bold(name)), p.w*0.45))
	}
	axisH := math.Round(c.tick + 16 + math.Max(0, pointR(c)+3-8)) // as xAxis sets its labels
	s := c.valueScale(lo, hi, p.bottom()-axisH, p.y+labelLH/2, 40, step)
	// The gap after the tick labels leaves room for a dot on the first
	// x (a lone value between gaps, points = true) at any type scale.
	gap := math.Max(10, pointR(c)+3+2)
	left := p.x + c.tickWidth(s) + gap
	right := math.Max(p.right()-endW-14, left+math.Round(20*c.u)) // the lines keep a band however long the labels
	// Small multiples on shared axes span every panel's x.
	xa, xb := data[0].XV, last.XV
	if sp := c.f.span; sp != nil && sp.hasX {
		xa, xb = math.Min(xa, sp.x0), math.Max(xb, sp.x1)
	}
	x0, x1 := xa, xb
	if x1 == x0 {
		x0, x1 = x0-1, x1+1
	}
	// Columns stand centred on their x: half a column's room at each end.
	pad, colW := 0.0, 0.0
	if columns > 0 {
		// A slot per step of x, at the closest two rows' distance: rows
		// a day apart over a month take 31 slots, with or without a
		// missing day, as do the panels of small multiples that span
		// more x than their own rows.
		slots := float64(max(len(data), 1))
		var gaps []float64
		for j := 1; j < len(data); j++ {
			if dx := data[j].XV - data[j-1].XV; dx > 0 {
				gaps = append(gaps, dx)
			}
		}
		if len(gaps) > 0 && xb > xa {
			// The usual gap: one off-cycle row does not make every
			// column a hairline.
			slices.Sort(gaps)
			slots = math.Max(slots, math.Round((xb-xa)/gaps[len(gaps)/2])+1)
		}
		step := (right - left) / slots
		pad = step / 2
		colW = math.Max(1, math.Floor(step*0.8*c.grid())/c.grid())
	}
	px := func(x float64) float64 { return left + pad + (x-x0)/(x1-x0)*(right-left-2*pad) }
	// Over columns, the lines take the palette from its start: the
	// columns' hue, full, for their average.
	seriesCol := func(i int) scene.Color {
		if columns > 0 && i >= columns {
			return c.lineColor(names[i], i-columns)
		}
		return c.lineColor(names[i], i)
	}

	// A note at a row points at the highlighted series, or the first.
	pick := 0
	for i, name := range names {
		if c.isHighlighted(name) {
			pick = i
			break
		}
	}
	ax := &axes{area: rect{left, s.p1, right - left, s.p0 - s.p1}, vertical: true, value: s.px,
		point: func(at string) (float64, float64, bool) {
			for j, d := range data {
				if d.X != at {
					continue
				}
				// The picked series, or the first with a value there
				// (validateAnnotations refuses an x where none has).
				for k := -1; k < ns; k++ {
					i := pick
					if k >= 0 {
						i = k
					}
					if !isGap(tops[i][j]) {
						return px(d.XV), s.px(tops[i][j]), true
					}
				}
				return px(d.XV), s.p1, true // the note's own y places it
			}
			return 0, 0, false
		},
		x: px}
	g := &scene.Group{}
	grid, axisY, baseline := c.gridlines(s, true, [][2]float64{{left, right}}, left-(gap-10), true)
	g.Add(grid, axisY)
	// The x axis sits under the plot, below negative values too, never
	// along a zero line through the data.
	g.Add(c.xAxis(c.xTicks(xa, xb, px, left), px, s.p0, left))

	var endY []float64
	for i := range names {
		col := seriesCol(i)
		sg := &scene.Group{ID: fmt.Sprintf("series-%d", i+1), Class: "pc-series"}
		pts := make([][2]float64, len(data))
		for j, d := range data {
			pts[j] = [2]float64{px(d.XV), s.px(tops[i][j])}
		}
		if i < columns {
			// A column per row from the baseline, in a lighter shade of
			// the series colour, so that the line over it reads first;
			// beside a highlight, in the colour the highlight gives it.
			fill := col
			if len(c.f.Highlight) == 0 {
				fill = c.tint(col, 0.45)
			}
			base := s.px(s.base())
			for j := range data {
				if isGap(tops[i][j]) {
					continue
				}
				y := s.px(tops[i][j])
				sg.Add(&scene.Rect{X: c.snap(pts[j][0] - colW/2), Y: c.snap(math.Min(y, base)), W: colW, H: math.Max(c.snap(math.Abs(base-y)), 0.5), Fill: fill, Class: "pc-bar"})
			}
			if lastAt[i] >= 0 {
				// The end label goes by the last column's top.
				pts[lastAt[i]][1] = s.px(tops[i][lastAt[i]])
			}
		} else if area {
			fill := &scene.Path{Fill: col, Class: "pc-area"}
			top := thin(pts, c.grid())
			fill.MoveTo(top[0][0], top[0][1])
			for _, pt := range top[1:] {
				fill.LineTo(pt[0], pt[1])
			}
			bottom := make([][2]float64, len(data))
			for j := range data {
				bottom[j] = [2]float64{pts[j][0], s.px(s.base())}
				if i > 0 {
					bottom[j][1] = s.px(tops[i-1][j])
				}
			}
			bottom = thin(bottom, c.grid())
			for j := len(bottom) - 1; j >= 0; j-- {
				fill.LineTo(bottom[j][0], bottom[j][1])
			}
			fill.Close()
			sg.Add(fill)
			if len(pts) == 1 { // one row has no width: its point shows it
				sg.Add(&scene.Circle{CX: pts[0][0], CY: pts[0][1], R: pointR(c), Fill: col, Class: "pc-point"})
			}
		} else {
			// A line breaks at its gaps; a value alone between two is
			// a dot, as is a line of one row, or nothing would show it.
			for _, run := range runs(pts) {
				if len(run) > 1 {
					sg.Add(&scene.Polyline{Pts: thin(run, c.grid()), Stroke: col, Width: math.Round(2.5 * c.u), Class: "pc-line"})
				}
				if c.f.Points || len(run) == 1 {
					for _, pt := range run {
						sg.Add(&scene.Circle{CX: pt[0], CY: pt[1], R: pointR(c), Fill: col, Class: "pc-point"})
					}
				}
			}
		}
		g.Add(sg)
		y := pts[lastAt[i]][1]
		if math.IsNaN(y) {
			y = s.p0 // a series without a value: its label is none
		}
		// A stacked area's label sits in the middle of its band; one
		// area's, like a line's, at its last value.
		if area && ns > 1 {
			below := s.px(s.base())
			if i > 0 {
				below = s.px(tops[i-1][len(data)-1])
			}
			y = (y + below) / 2
		}
		endY = append(endY, y)
	}
	g.Add(baseline)
	labels := &scene.Group{ID: "labels", Class: "pc-labels"}
	// End labels wrap rather than being cut, each block as near its
	// line's end as the others allow, anywhere from the top of the plot
	// to its bottom (negative ends included).
	endLines := make([][]string, ns)
	endH := make([]float64, ns)
	for i, name := range names {
		if ends[i] != "" {
			endLines[i], _ = c.face(bold(name)).Wrap(ends[i], c.label, endW, 0)
		}
		endH[i] = float64(len(endLines[i])) * labelLH
	}
	ys := spreadBlocks(endY, endH, p.y, s.p0+4)
	for i, name := range names {
		if ends[i] == "" {
			continue
		}
		col := c.readable(seriesCol(i)) // the line's hue, as text
		nodes, _ := c.block(endLines[i], right+10, ys[i]-endH[i]/2, c.label, labelLH, bold(name), col, scene.Start, "pc-label")
		labels.Add(of(nodes, right, endY[i])...)
		// A line that stops before the last row is led to its label by
		// a dotted trail.
		if x := px(data[lastAt[i]].XV) + 6; !area && early(i) && x < right-4 {
			labels.Add(&scene.Line{X1: x, Y1: endY[i], X2: right + 2, Y2: endY[i], Stroke: c.th.faint, Width: 1, Dash: []float64{2, 3}, Class: "pc-leader pc-trail"})
		}
		// A label moved off its line's end gets a leader to it.
		if math.Abs(ys[i]-endY[i]) > labelLH/2 {
			labels.Add(&scene.Line{X1: right + 2, Y1: endY[i], X2: right + 8, Y2: ys[i], Stroke: c.th.faint, Width: 1, Class: "pc-leader"})
		}
	}
	g.Add(labels)
	return drawn{group: g, height: p.h, axes: ax}
}

// thin keeps of a line's points, left to right, what a device pixel
// column can show: in each column (grid columns to a CSS pixel) its
// first and last points and its lowest and highest, in their order. A
// line of 10,000 noisy points drawn 600 px wide keeps every spike and
// costs the rasteriser at most four points a column, so no figure within
// the row limits takes more than linear time to draw. Lines with fewer
// points than twice the columns they cross are kept whole.
func thin(pts [][2]float64, grid float64) [][2]float64 {
	if len(pts) < 3 {
		return pts
	}
	span := (pts[len(pts)-1][0] - pts[0][0]) * grid
	if float64(len(pts)) <= 2*span+2 {
		return pts
	}
	out := make([][2]float64, 0, int(4*span)+8)
	col := func(p [2]float64) float64 { return math.Floor(p[0] * grid) }
	for i := 0; i < len(pts); {
		j := i
		lo, hi := i, i
		for j+1 < len(pts) && col(pts[j+1]) == col(pts[i]) {
			j++
			if pts[j][1] < pts[lo][1] {
				lo = j
			}
			if pts[j][1] > pts[hi][1] {
				hi = j
			}
		}
		keep := []int{i, lo, hi, j}
		slices.Sort(keep)
		keep = slices.Compact(keep)
		for _, k := range keep {
			out = append(out, pts[k])
		}
		i = j + 1
	}
	return out
}

// pointR is the radius of a line's dots.
func pointR(c *ctx) float64 { return math.Round(3.5 * c.u) }

// groups are the rows' groups in the order they first appear.
func (f *Figure) groups() []string {
	var out []string
	for _, d := range f.Data {
		if d.Group != "" && !slices.Contains(out, d.Group) {
			out = append(out, d.Group)
		}
	}
	return out
}
