package charts

import (
	"fmt"
	"math"
	"slices"

	"github.com/presschart/presschart/charts/scene"
)

// histogramKind counts values into bins and draws a column per bin, the
// columns touching: rows { value } (a label is optional: a person, a
// district), one per observation. bin = 5 sets the bins' width, bins = N
// about how many there are (at a nice width); else Sturges' rule picks a
// nice width. The x axis is labelled at the bins' edges, the y axis
// counts; each count is written over its column when they fit.
var histogramKind = &kind{
	name:        "histogram",
	fields:      []string{"value"},
	maxRows:     maxPoints,
	noLabels:    true,
	noNotes:     true,
	noHighlight: true,
	valueAxis:   false,
	options:     readHistogram,
	validate:    validateHistogram,
	plot:        plotHistogram,
	describe:    describeHistogram,
	facets:      true,
}

// maxBins is the most bins a histogram draws.
const maxBins = 100

// histogramOptions are a histogram's own keys.
type histogramOptions struct {
	Bin  float64 // the bins' width; 0 for automatic
	Bins int     // about how many bins; 0 for automatic
}

func readHistogram(f *Figure, t *table) {
	o := &f.Histogram
	if t.num("bin", &o.Bin) && o.Bin <= 0 {
		t.errf("bin", "%g must be above zero: the width of each bin", o.Bin)
		o.Bin = 0
	}
	t.integer("bins", &o.Bins, 1, maxBins)
	if o.Bin > 0 && o.Bins > 0 {
		t.errf("bins", "and bin both set the bins; give one: bin = 5 for their width, bins = 10 for about how many")
	}
}

func validateHistogram(f *Figure, e *errs) {
	if len(f.Highlight) > 0 {
		e.add("highlight", "a histogram's columns are bins, not rows; say what stands out in the note")
	}
	lo, hi := f.dataRange()
	if _, n := f.binEdges(lo, hi); n > maxBins {
		e.add("bin", "%g makes %d bins over %g to %g; at most %d can be told apart, so make them wider", f.Histogram.Bin, n, lo, hi, maxBins)
	}
}

// binEdges are the bins' edges over lo..hi: multiples of a nice width (or
// bin) from the one at or below lo to the one above hi, and how many bins
// that makes (without building more than maxBins+1 edges).
func (f *Figure) binEdges(lo, hi float64) ([]float64, int) {
	step := f.Histogram.Bin
	if step == 0 {
		k := f.Histogram.Bins
		if k == 0 { // Sturges: log2(n) + 1 bins
			k = int(math.Ceil(math.Log2(float64(max(1, len(f.Data)))))) + 1
		}
		step = niceStep(hi-lo, k)
	}
	first := math.Floor(lo/step) * step
	n := int(math.Floor((hi-first)/step)) + 1
	if n > maxBins {
		return nil, n
	}
	edges := make([]float64, n+1)
	for i := range edges {
		edges[i] = roundTo(first+float64(i)*step, step)
	}
	return edges, n
}

// roundTo writes v to the decimals step has, so that 0.1 steps make
// 0.3, not 0.30000000000000004.
func roundTo(v, step float64) float64 {
	d := decimalsFor(step, 10)
	q := math.Pow(10, float64(d))
	return math.Round(v*q) / q
}

// binCounts are how many values fall in each bin: [edge i, edge i+1), the
// last bin closed.
func binCounts(data []Datum, edges []float64) []int {
	out := make([]int, len(edges)-1)
	for _, d := range data {
		i, _ := slices.BinarySearch(edges, d.Value)
		if i >= len(edges) || edges[i] != d.Value {
			i--
		}
		out[min(max(i, 0), len(out)-1)]++
	}
	return out
}

func plotHistogram(c *ctx, p rect) drawn {
	data := c.f.Data
	lo, hi := c.f.dataRange()
	binner := c.f
	sp := c.f.span
	if sp != nil && c.panel != nil {
		// Small multiples on shared axes: one set of bins over every
		// panel's values, and one scale of counts.
		lo, hi = sp.lo, sp.hi
		binner = &Figure{figureBody: &figureBody{Data: c.panel.rows, Histogram: c.f.Histogram}}
	}
	edges, _ := binner.binEdges(lo, hi)
	n := binCounts(data, edges)
	top := 0
	for _, k := range n {
		top = max(top, k)
	}
	if sp != nil && c.panel != nil {
		byPanel := map[string][]Datum{}
		for _, d := range c.panel.rows {
			byPanel[d.Facet] = append(byPanel[d.Facet], d)
		}
		for _, rows := range byPanel {
			for _, k := range binCounts(rows, edges) {
				top = max(top, k)
			}
		}
	}
	axisH := math.Round(c.tick + 14)
	valueGap := math.Round(c.value + 8)
	cf := *c
	if sp != nil {
		// Counts have a scale of their own, not the values' span.
		g := c.f.clone()
		g.span = nil
		cf.f = g
	}
	cf.nf.decimals, cf.nf.shared, cf.nf.prefix, cf.nf.suffix, cf.nf.compact = 0, -1, "", "", false // counts
	ys := cf.valueScale(0, float64(top), p.bottom()-axisH, p.y+valueGap, 40, 1)
	left := p.x + cf.tickWidth(ys) + 10
	g := &scene.Group{}
	x0 := left + 8 // the first column clear of the counts' labels
	gy, axisY, baseline := cf.gridlines(ys, true, [][2]float64{{left, p.right()}}, left, true)
	// Counts start at zero, which goes without saying: its label would
	// stand in the corner where the edges' first label does.
	if len(axisY.Nodes) > 0 && ys.ticks[0] == 0 {
		axisY.Nodes = axisY.Nodes[1:]
	}
	g.Add(gy, axisY)

	// The x axis: the edges, as a scale whose ticks are every k-th edge,
	// k as small as lets their labels stand apart.
	xs := scale{lo: edges[0], hi: edges[len(edges)-1], p0: x0, p1: p.right(), step: edges[1] - edges[0]}
	bottom := ys.px(0)
	for k := 1; k <= len(edges); k++ {
		xs.ticks = xs.ticks[:0]
		for i := 0; i < len(edges); i += k {
			xs.ticks = append(xs.ticks, edges[i])
		}
		w := 0.0
		for _, t := range xs.ticks {
			w = math.Max(w, c.width(c.tickLabel(xs, t), c.tick, false))
		}
		if float64(k)*(p.right()-x0)/float64(len(edges)-1) >= w+10 {
			break
		}
	}
	_, axisX, _ := c.gridlines(xs, false, nil, bottom, false)
	g.Add(axisX)

	bars := &scene.Group{ID: "series-1", Class: "pc-series"}
	values := &scene.Group{ID: "labels", Class: "pc-labels"}
	colW := (p.right() - x0) / float64(len(n))
	size := c.value
	widest := 0.0
	for _, k := range n {
		widest = math.Max(widest, c.width(localDigits(fmt.Sprint(k), c.nf.digits), size, false))
	}
	writeCounts := widest <= colW-2 && c.f.Labels != "none"
	fill := c.paletteAt(0)
	for i, k := range n {
		x0, x1 := c.snap(xs.px(edges[i])), c.snap(xs.px(edges[i+1]))
		y := c.snap(ys.px(float64(k)))
		if k > 0 {
			// A hairline of background between columns.
			bars.Add(&scene.Rect{X: x0 + 0.5, Y: y, W: math.Max(x1-x0-1, 1), H: bottom - y, Fill: fill, Class: "pc-bar"})
		}
		if writeCounts && k > 0 {
			values.Add(c.text((x0+x1)/2, y-4-math.Max(2, 0.05*size), cf.nf.number(float64(k)), size, false, c.th.muted, scene.Middle, "pc-value"))
		}
	}
	g.Add(bars, baseline, values)
	return drawn{group: g, height: p.h}
}

// describeHistogram: how many values, their range, and the fullest bin.
func describeHistogram(f *Figure, nf numberFormat) string {
	lo, hi := f.dataRange()
	edges, _ := f.binEdges(lo, hi)
	n := binCounts(f.Data, edges)
	best := 0
	for i, k := range n {
		if k > n[best] {
			best = i
		}
	}
	loc := nf.loc
	nf.shared = -1 // edges are round: 25–30, not 25.0–30.0
	s := localDigits(fmt.Sprintf(loc.valueCount, len(f.Data)), nf.digits) + ", " + nf.span(lo, hi)
	return s + "; " + fmt.Sprintf(loc.mostIn, nf.span(edges[best], edges[best+1]), localDigits(fmt.Sprint(n[best]), nf.digits)) + "."
}
