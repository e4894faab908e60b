package charts

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// rangeKind draws one low–high interval per row, for estimates: a band
// from low to high with a dot at each end, labelled "10,000–30,000", and
// the row's label above it.
var rangeKind = &kind{
	tagsValues:   true,
	sayHighlight: true,
	name:         "range",
	logScale:     true,
	maxRows:      200,
	valueAxis:    true,
	fields:       []string{"low", "high"},
	options:      rangeOptions,
	validate:     validateRanges,
	plot:         plotRanges,
	facets:       true,
	panelWidth:   260,
	describe:     describeRanges,
}

// rangeFormats are the ways range_format writes a range's ends.
var rangeFormats = []string{"dash", "short", "to"}

func rangeOptions(f *Figure, t *table) {
	if t.str("range_format", &f.RangeFormat) && !slices.Contains(rangeFormats, f.RangeFormat) {
		t.errf("range_format", "unknown setting %q; use \"dash\" (£410m–£430m), \"short\" (£410m–430m) or \"to\" (−0.6%% to 1.4%%)", clip(f.RangeFormat))
		f.RangeFormat = ""
	}
}

func validateRanges(f *Figure, e *errs) {
	checkLabels(f, e)
	for i, d := range f.Data {
		if d.Low > d.High {
			e.add(f.rowKey(i)+".low", "%g is above high (%g); swap them", d.Low, d.High)
		}
	}
}

func describeRanges(f *Figure, nf numberFormat) string {
	parts := make([]string, 0, min(len(f.Data), maxAltRows))
	for _, d := range f.Data[:min(len(f.Data), maxAltRows)] {
		if d.Low == d.High {
			parts = append(parts, fmt.Sprintf("%s: %s", d.Label, nf.number(d.Low)))
		} else {
			parts = append(parts, fmt.Sprintf(nf.loc.estimates, d.Label, nf.number(d.Low), nf.number(d.High)))
		}
	}
	s := strings.Join(parts, "; ")
	if len(f.Data) > maxAltRows {
		s += "; " + localDigits(fmt.Sprintf(nf.loc.more, len(f.Data)-maxAltRows), nf.digits)
	}
	return s + "."
}

func (c *ctx) spanLabel(d Datum) string {
	if d.Low == d.High {
		return c.nf.number(d.Low)
	}
	return c.nf.span(d.Low, d.High)
}

func plotRanges(c *ctx, p rect) drawn {
	data := c.f.Data
	n := len(data)
	labelLH := math.Round(c.label * 1.3)
	band := math.Round(18 * c.u)
	gap := math.Round(18 * c.u)
	axisH := math.Round(c.tick + 14)

	lo, hi := math.Inf(1), math.Inf(-1)
	spanW := 0.0
	for _, d := range data {
		lo, hi = math.Min(lo, d.Low), math.Max(hi, d.High)
		spanW = math.Max(spanW, c.width(c.spanLabel(d), c.value, true))
	}
	r := math.Round(6 * c.u)
	// The "10,000–30,000" labels go after the bands; on a narrow figure,
	// where they would squeeze the scale, they go on the row's label line,
	// at the right.
	// Where even that leaves the label too little room, they get a
	// line of their own under it.
	above := spanW+r+10 > 0.3*p.w
	labelW := p.w
	own := above && p.w-spanW-12 < 0.4*p.w
	if above && !own {
		labelW = p.w - spanW - 12
	}
	// Each row: its label (wrapped, never cut), then the band.
	labels := make([][]string, n)
	content := make([]float64, n)
	natural := axisH + float64(n-1)*gap
	for i, d := range data {
		labels[i], _ = c.regular.Wrap(d.Label, c.label, labelW, 0)
		if own {
			labels[i] = append(labels[i], "")
		}
		content[i] = float64(len(labels[i]))*labelLH + 2 + band
		natural += content[i]
	}
	// Spare height opens the gaps between rows, up to a limit; a single
	// row stays at the top.
	if spare := p.h - natural; spare > 0 && n > 1 {
		// A frame's height is kept: its rows may spread further than a
		// figure's that takes the height it needs.
		most := 24 * c.u
		if c.f.Style.FixedHeight {
			most = 48 * c.u
		}
		gap += math.Min(spare/float64(n-1), most)
	}

	x1 := p.right() - spanW - r - 10
	if above {
		x1 = p.right() - r
	}
	// Ticks as close as their labels allow.
	minGap := c.width(c.nf.tick(math.Max(math.Abs(lo), math.Abs(hi)), 1), c.tick, false) + 28
	s := c.valueScale(lo, hi, p.x+r, x1, minGap, c.dataStep())
	series := &scene.Group{ID: "series-1", Class: "pc-series"}
	values := &scene.Group{ID: "labels", Class: "pc-labels"}
	axisY := &scene.Group{ID: "axis-y", Class: "pc-axis-y"}
	capH := c.bold.CapHeight(c.value)
	// Gridlines run through the bands, not through the row labels.
	var spans [][2]float64
	var centers []float64
	y := p.y
	for i, d := range data {
		lines := labels[i]
		if own {
			lines = lines[:len(lines)-1]
		}
		nodes, by := c.block(lines, p.x, y, c.label, labelLH, false, c.th.text, scene.Start, "pc-label")
		if own {
			by += labelLH
		}
		axisY.Add(nodes...)
		cy := c.snap(by + 2 + band/2)
		centers = append(centers, cy)
		spans = append(spans, [2]float64{c.snap(by + 2), c.snap(by + 2 + band + 4)})
		x0, x1 := c.snap(s.px(d.Low)), c.snap(s.px(d.High))
		fill := c.seriesColor(d.Label)
		row := &scene.Group{Class: "pc-range"}
		half := c.snap(band * 0.22)
		row.Add(&scene.Rect{X: x0, Y: cy - half, W: x1 - x0, H: 2 * half, Fill: fill, Class: "pc-band"})
		row.Add(&scene.Circle{CX: x0, CY: cy, R: r, Fill: fill, Class: "pc-low"})
		row.Add(&scene.Circle{CX: x1, CY: cy, R: r, Fill: fill, Class: "pc-high"})
		series.Add(row)
		switch {
		case !c.f.labelled(i, -1):
		case own:
			last := nodes[len(nodes)-1].(*scene.Text)
			values.Add(c.text(p.x, last.Y+labelLH, c.spanLabel(d), c.value, true, c.th.text, scene.Start, "pc-value pc-s1"))
		case above && x1+r+7+c.width(c.spanLabel(d), c.value, true) <= p.right():
			// Room after the band: the label stands beside it.
			values.Add(c.text(x1+r+7, cy+capH/2, c.spanLabel(d), c.value, true, c.th.text, scene.Start, "pc-value pc-s1"))
		case above && x0-r-7-c.width(c.spanLabel(d), c.value, true) >= p.x:
			values.Add(c.text(x0-r-7, cy+capH/2, c.spanLabel(d), c.value, true, c.th.text, scene.End, "pc-value pc-s1"))
		case above:
			first := nodes[0].(*scene.Text)
			values.Add(c.text(p.right(), first.Y, c.spanLabel(d), c.value, true, c.th.text, scene.End, "pc-value pc-s1"))
		default:
			values.Add(c.text(x1+r+7, cy+capH/2, c.spanLabel(d), c.value, true, c.th.text, scene.Start, "pc-value pc-s1"))
		}
		y += content[i] + gap
	}
	bottom := spans[len(spans)-1][1]
	// On a solid background the gridlines run through, and each row label
	// knocks them out with a patch of the background; on a transparent
	// one they stop short of the labels.
	var knockout *scene.Group
	if bg, painted := c.background(); painted {
		spans = [][2]float64{{spans[0][0], bottom}}
		texts := axisY.Nodes
		if above {
			texts = append(slices.Clone(texts), values.Nodes...)
		}
		knockout = c.knockout(texts, labelLH*0.8, labelLH*0.2, bg)
	}
	rowY := map[string]float64{}
	for i, d := range data {
		rowY[d.Label] = centers[i]
	}
	ax := &axes{area: rect{s.p0, p.y, s.p1 - s.p0, bottom - p.y}, value: s.px,
		point: func(at string) (float64, float64, bool) {
			for _, d := range data {
				if d.Label == at {
					return s.px(d.High), rowY[at], true
				}
			}
			return 0, 0, false
		}}
	grid, axisX, _ := c.gridlines(s, false, spans, bottom, false)
	g := &scene.Group{}
	g.Add(grid)
	if knockout != nil {
		g.Add(knockout)
	}
	g.Add(axisX, series, values, axisY)
	return drawn{group: g, height: bottom + axisH - p.y, axes: ax}
}
