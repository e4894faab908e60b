package charts

import (
	"math"
	"slices"
	"strconv"

	"github.com/presschart/presschart/charts/scene"
)

// scale maps data values onto pixels along one axis.
type scale struct {
	log        bool    // logarithmic: lo, hi and ticks are powers of ten and their multiples
	lo, hi     float64 // domain, including zero for bars on a linear scale
	step       float64 // tick step
	p0, p1     float64 // pixel range: p0 is where lo goes
	ticks      []float64
	minVisible float64 // the shortest bar drawn for a non-zero value, px
	grid       float64 // device pixels per CSS pixel, for crisp bar ends; 0 for 2
	// compact writes the tick labels compactly (2M), when the figure's
	// own format is too wide for them to stand side by side.
	compact bool
}

// niceStep returns the smallest step of 1, 2, 2.5 or 5 times a power of
// ten that covers span in at most n steps. A span that is not a positive
// finite number, or whose steps would underflow, gets a step of 1.
func niceStep(span float64, n int) float64 {
	if !(span > 0) || math.IsInf(span, 0) || n < 1 {
		return 1
	}
	raw := span / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	if !(mag > 0) || math.IsInf(mag, 0) {
		return 1
	}
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw*(1-1e-9) {
			return m * mag
		}
	}
	return 10 * mag
}

// maxTicks bounds every tick loop: no scale of a figure needs more, and a
// step that floating point cannot add to its start (1e15 + 0.1) must not
// loop for ever.
const maxTicks = 64

// stepsFrom returns the multiples of step from the first at or above lo
// to the last at or below hi, at most maxTicks of them, each written as
// the decimal it stands for (3 x 0.2 is 0.6000000000000001 in floating
// point) and without repeats where floating point cannot tell two apart.
func stepsFrom(lo, hi, step float64) []float64 {
	if !(step > 0) || math.IsInf(step, 0) || math.IsNaN(lo) || math.IsNaN(hi) {
		return nil
	}
	first := math.Ceil(lo/step-1e-9) * step
	var out []float64
	for i := 0; i < maxTicks; i++ {
		v := first + float64(i)*step
		if v > hi+step*1e-9 {
			break
		}
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		if n := len(out); n > 0 && v <= out[n-1] {
			continue
		}
		out = append(out, v)
	}
	return out
}

// niceScale returns a scale whose domain holds lo..hi, ending on ticks,
// with about one tick per minGap pixels and a step of at least minStep (1
// for counts, so that 1 and 2 get no 0.5 tick). With zero the domain
// holds zero too (bars); else it fits the data, and takes in zero only
// when the data come within a quarter of their top of it. Of the steps
// near the one the space asks for, it takes the one that leaves the
// least empty room beyond the data.
func niceScale(lo, hi, p0, p1, minGap, minStep float64, zero bool) scale {
	switch {
	case zero || lo >= 0 && lo <= hi/4 || hi <= 0 && hi >= lo/4:
		lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	}
	if hi == lo {
		if lo == 0 {
			hi = 1
		} else {
			d := math.Abs(lo) / 10
			lo, hi = lo-d, hi+d
			if zero || lo < 0 && hi > 0 {
				lo, hi = math.Min(lo+d, 0), math.Max(hi-d, 0)
			}
		}
	}
	n := int(math.Abs(p1-p0) / minGap)
	n = max(2, min(n, 6))
	var s scale
	best := math.Inf(1)
	for _, k := range []int{n, n + 1, n - 1} {
		if k < 2 {
			continue
		}
		step := math.Max(niceStep(hi-lo, k), minStep)
		if minStep >= 1 && step != math.Trunc(step) {
			step = 5 // whole numbers tick at 5, not 2.5
		}
		l := math.Floor(lo/step+1e-9) * step
		h := math.Ceil(hi/step-1e-9) * step
		waste := (h - l - (hi - lo)) / (h - l)
		if waste < best-0.08 { // another step only for much less waste
			best = waste
			s = scale{step: step, p0: p0, p1: p1, lo: l, hi: h}
		}
	}
	s.ticks = stepsFrom(s.lo, s.hi, s.step)
	s.minVisible = 2
	return s
}

// minStep returns 1 when every number is whole, else 0.
func minStep(vs ...float64) float64 {
	for _, v := range vs {
		if v != math.Trunc(v) {
			return 0
		}
	}
	return 1
}

// dataStep is minStep over every number the figure's rows draw.
func (c *ctx) dataStep() float64 {
	rows := c.f.Data
	if c.panel != nil {
		rows = c.panel.rows // small multiples tick alike in every panel
	}
	for i := range rows {
		if minStep(c.f.kind.numbers(&rows[i])...) == 0 {
			return 0
		}
	}
	return 1
}

// logScale returns a logarithmic scale (lo must be above zero) from the
// 1, 2 or 5 times a power of ten at or below lo to the one at or above hi,
// so that no scale has a whole empty decade above its data, with a tick
// at each power of ten, and at 2 and 5 times it when the domain spans
// fewer than three decades.
func logScale(lo, hi, p0, p1 float64) scale {
	e0, e1 := math.Floor(math.Log10(lo)+1e-9), math.Ceil(math.Log10(hi)-1e-9)
	if e1 <= e0 {
		e1 = e0 + 1
	}
	at := func(m, e float64) float64 {
		v, _ := strconv.ParseFloat(strconv.FormatFloat(m*math.Pow(10, e), 'g', 12, 64), 64)
		return v
	}
	s := scale{log: true, lo: at(1, e0), hi: at(1, e1), p0: p0, p1: p1, minVisible: 2}
	for _, m := range []float64{5, 2} {
		if v := at(m, e0); v <= lo*(1+1e-9) {
			s.lo = v
			break
		}
	}
	for _, m := range []float64{2, 5} {
		if v := at(m, e1-1); v >= hi*(1-1e-9) {
			s.hi = v
			break
		}
	}
	if s.hi <= s.lo*(1+1e-9) {
		// One value (or all alike) on 5: a decade round it, 1 to 10,
		// not a scale of no length.
		s.lo, s.hi = at(1, e0), at(1, e1)
	}
	for e := e0; e <= e1; e++ {
		for _, m := range []float64{1, 2, 5} {
			v := at(m, e)
			if m != 1 && e1-e0 >= 3 || v < s.lo*(1-1e-9) || v > s.hi*(1+1e-9) {
				continue
			}
			s.ticks = append(s.ticks, v)
		}
	}
	s.step = s.lo
	return s
}

// valueScale is the figure's value scale: logarithmic with scale = "log",
// else linear (niceScale), from zero for bars and areas.
//
// On a horizontal axis (p1 > p0) the tick labels stand side by side: the
// scale takes fewer ticks until its widest label fits between two of
// them, and a log scale drops its 2 and 5 ticks, then every other decade.
func (c *ctx) valueScale(lo, hi, p0, p1, minGap, minStep float64) scale {
	lo, hi = c.withAnnotations(lo, hi)
	if sp := c.f.span; sp != nil {
		lo, hi = math.Min(lo, sp.lo), math.Max(hi, sp.hi) // small multiples on one scale
	}
	ax := c.f.Axis
	lo, hi = math.Min(lo, ax.minOr(lo)), math.Max(hi, ax.maxOr(hi))
	var s scale
	if c.f.Style.Log {
		s = logScale(lo, hi, p0, p1)
		if ax.hasMin || ax.hasMax || ax.ticks != nil {
			s.lo, s.hi = ax.minOr(s.lo), ax.maxOr(s.hi)
			if ax.ticks != nil {
				s.lo, s.hi = math.Min(s.lo, ax.ticks[0]), math.Max(s.hi, ax.ticks[len(ax.ticks)-1])
				s.ticks = slices.Clone(ax.ticks)
			} else {
				s.ticks = slices.DeleteFunc(s.ticks, func(t float64) bool { return t < s.lo || t > s.hi })
			}
		}
		if p1 > p0 && ax.ticks == nil {
			s.ticks = c.thinLogTicks(s)
		}
	} else {
		zero := c.f.startsAtZero()
		fit := func(minGap float64) scale {
			s := niceScale(lo, hi, p0, p1, minGap, minStep, zero)
			// A line whose lowest value falls on the axis's first tick
			// would lie on the axis: a step more below it.
			if !zero && lo != 0 && math.Abs(lo-s.lo) < s.step*1e-9 {
				s.lo -= s.step
				s.ticks = stepsFrom(s.lo, s.hi, s.step)
			}
			return ax.apply(s, lo, hi)
		}
		s = fit(minGap)
		// Long ticks that crowd are written compactly (1M, 10M), and so
		// are ticks of eight digits or more, whose zeros no reader counts.
		if top := math.Max(math.Abs(lo), math.Abs(hi)); !c.nf.compact && (p1 > p0 && !c.ticksFit(s) && top >= 1e4 || top >= 1e7) {
			s.compact = true
		}
		// Ticks the figure set are kept; the compact form may make them fit.
		for k := 0; k < 8 && p1 > p0 && !c.ticksFit(s) && ax.step == 0 && ax.ticks == nil; k++ {
			minGap *= 1.5
			compact := s.compact
			s = fit(minGap)
			s.compact = compact
		}
	}
	s.grid = c.grid()
	return s
}

// ticksFit reports whether a horizontal scale's tick labels keep 8 px
// apart, placed as gridlines places them: centred on their ticks, or
// ending (starting) at a tick near the right (left) edge.
func (c *ctx) ticksFit(s scale) bool {
	prevEnd := math.Inf(-1)
	for _, t := range s.ticks {
		w := c.width(c.tickLabel(s, t), c.tick, false)
		x0 := s.px(t) - w/2
		switch {
		case x0+w > c.right:
			x0 = s.px(t) - w
		case x0 < c.left:
			x0 = s.px(t)
		}
		if x0 < prevEnd+8 {
			return false
		}
		prevEnd = x0 + w
	}
	return true
}

// tickLabel writes a tick of s with the decimals its step needs.
func (c *ctx) tickLabel(s scale, t float64) string {
	step := s.step
	if s.log {
		step = t
	}
	nf := c.nf.axisFormat()
	if s.compact && !nf.compact {
		nf.compact = true
		for i := range nf.series {
			nf.gb = nf.gb || nf.ofSeries(i).gb // 410m beside a 400m tick
		}
	}
	return nf.tick(t, step)
}

// thinLogTicks keeps the powers of ten of a log scale when its 2 and 5
// ticks crowd, and then every other, every third… power, until the
// labels fit side by side.
func (c *ctx) thinLogTicks(s scale) []float64 {
	if c.ticksFit(s) {
		return s.ticks
	}
	var decades []float64
	for _, t := range s.ticks {
		if e := math.Log10(t); math.Abs(e-math.Round(e)) < 1e-9 {
			decades = append(decades, t)
		}
	}
	for every := 1; every < len(decades); every++ {
		var keep []float64
		for i, t := range decades {
			if i%every == 0 {
				keep = append(keep, t)
			}
		}
		s.ticks = keep
		if c.ticksFit(s) {
			return keep
		}
	}
	return decades[:1]
}

// px returns the pixel position of v.
func (s scale) px(v float64) float64 {
	if s.log {
		return s.p0 + (math.Log10(v)-math.Log10(s.lo))/(math.Log10(s.hi)-math.Log10(s.lo))*(s.p1-s.p0)
	}
	return s.p0 + (v-s.lo)/(s.hi-s.lo)*(s.p1-s.p0)
}

// base is where bars start: zero, or the end of the axis nearest it when
// the axis does not hold zero (a log scale, or zero = false).
func (s scale) base() float64 {
	switch {
	case s.log || s.lo > 0:
		return s.lo
	case s.hi < 0:
		return s.hi
	}
	return 0
}

// bar returns the pixel positions of a bar from zero to v. A non-zero
// value is never drawn shorter than minVisible, so 1 beside 1,000 shows.
func (s scale) bar(v float64) (from, to float64) {
	grid := s.grid
	if grid == 0 {
		grid = 2
	}
	from, to = snapTo(s.px(s.base()), grid), snapTo(s.px(v), grid)
	if v != 0 && math.Abs(to-from) < s.minVisible {
		dir := math.Copysign(1, (s.p1-s.p0)*v)
		to = from + dir*s.minVisible
	}
	return from, to
}

// gridlines draws light lines at the scale's ticks, with tick labels.
// Each line is drawn over every span of the other axis in spans, so that
// labels between the spans are not crossed. A vertical scale (values up
// the y axis) labels its ticks left of labelAt, a horizontal one below
// labelAt. With zeroAxis the line at zero is dark: the baseline of bars.
// The baseline comes back on its own, to be drawn over the bars.
func (c *ctx) gridlines(s scale, vertical bool, spans [][2]float64, labelAt float64, zeroAxis bool) (grid, axis, baseline *scene.Group) {
	grid = &scene.Group{ID: "grid", Class: "pc-grid"}
	baseline = &scene.Group{ID: "baseline", Class: "pc-baseline"}
	axisID, class := "axis-x", "pc-axis-x"
	if vertical {
		axisID, class = "axis-y", "pc-axis-y"
	}
	axis = &scene.Group{ID: axisID, Class: class}
	capH := c.regular.CapHeight(c.tick)
	lastEnd, lastY := math.Inf(-1), math.Inf(1)
	for _, t := range s.ticks {
		p := c.snapLine(s.px(t), 1)
		col, cls := c.th.grid, "pc-gridline"
		// The baseline is at zero, or where bars start on a cut axis.
		if t == s.base() && zeroAxis && (t == 0 || c.f.kind.zero) {
			col, cls = c.th.axis, "pc-baseline"
		}
		for _, sp := range spans {
			l := &scene.Line{X1: p, Y1: sp[0], X2: p, Y2: sp[1], Stroke: col, Width: 1, Class: cls}
			if vertical {
				l = &scene.Line{X1: sp[0], Y1: p, X2: sp[1], Y2: p, Stroke: col, Width: 1, Class: cls}
			}
			if cls == "pc-baseline" {
				baseline.Add(l)
			} else {
				grid.Add(l)
			}
		}
		label := c.tickLabel(s, t)
		if vertical {
			// On a plot squeezed short, a label too close to the one
			// below it is left out; its gridline stays.
			if math.Abs(p-lastY) < c.tick*1.3 {
				continue
			}
			lastY = p
			axis.Add(c.text(labelAt-8, p+capH/2, label, c.tick, false, c.th.faint, scene.End, "pc-tick"))
		} else {
			// A label centred on its tick may not run past the content
			// area: at the edges it ends, or starts, at its tick. One
			// that would touch the label before it is left out, so that a
			// narrow axis labels every other gridline rather than none
			// legibly.
			a, w := scene.Middle, c.width(label, c.tick, false)
			x0 := p - w/2
			if p+w/2 > c.right {
				a, x0 = scene.End, p-w
			} else if p-w/2 < c.left {
				a, x0 = scene.Start, p
			}
			if x0 < lastEnd+8 {
				continue
			}
			lastEnd = x0 + w
			axis.Add(c.text(p, labelAt+8+capH, label, c.tick, false, c.th.faint, a, "pc-tick"))
		}
	}
	return grid, axis, baseline
}

// tickWidth is the width of the widest tick label of s.
func (c *ctx) tickWidth(s scale) float64 {
	w := 0.0
	for _, t := range s.ticks {
		w = math.Max(w, c.width(c.tickLabel(s, t), c.tick, false))
	}
	return w
}

// withAnnotations widens lo..hi to every value the figure's annotations
// mark (reference lines, ranges, points given by y), so that none is
// drawn outside the plot.
func (c *ctx) withAnnotations(lo, hi float64) (float64, float64) {
	for _, a := range c.f.Annotations {
		for _, v := range a.values() {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	return lo, hi
}

// values are the numbers on the value axis an annotation marks: its
// line, its range's ends or its y.
func (a Annotation) values() []float64 {
	switch {
	case a.hasLine:
		return []float64{a.Line}
	case a.hasRange:
		return []float64{a.From, a.To}
	case a.hasY:
		return []float64{a.Y}
	}
	return nil
}
