package charts

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/presschart/presschart/charts/scene"
)

// beeswarmKind draws a dot per row along one value axis, the dots pushed
// up and down from the middle line until none overlaps another: rows
// { label, value } (labels optional unless highlighted: those rows take
// the accent and are labelled, clear of the swarm).
var beeswarmKind = &kind{
	name:       "beeswarm",
	fields:     []string{"value"},
	maxRows:    2000,
	noLabels:   true,
	valueAxis:  true,
	options:    noOptions,
	validate:   validateBeeswarm,
	plot:       plotBeeswarm,
	facets:     true,
	panelWidth: 260,
	describe:   describeBeeswarm,
}

func validateBeeswarm(f *Figure, e *errs) {
	seen := map[string]bool{}
	for _, d := range f.Data {
		if d.Label != "" {
			seen[d.Label] = true
		}
	}
	for i, h := range f.Highlight {
		if !seen[h] {
			msg := fmt.Sprintf("%q is not the label of any row", h)
			if n := nearest(h, labels(f)); n != "" {
				msg += fmt.Sprintf("; did you mean %q?", n)
			}
			e.add(fmt.Sprintf("highlight[%d]", i), "%s", msg)
		}
	}
}

// swarm places dots of radius r at xs (pixels) along a line: each, in
// order of x, at the offset nearest the line (0, +, −, ...) where it
// overlaps no dot placed; it returns each dot's offset.
func swarm(xs []float64, r float64) []float64 {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return xs[idx[a]] < xs[idx[b]] })
	off := make([]float64, len(xs))
	var placed []int // in order of x
	d := 2*r + 0.5
	for _, i := range idx {
		// The dots within reach along x.
		var near []int
		for k := len(placed) - 1; k >= 0 && xs[i]-xs[placed[k]] < d; k-- {
			near = append(near, placed[k])
		}
		for step := 0; ; step++ {
			y := float64((step+1)/2) * d * 0.5
			if step%2 == 0 {
				y = -y
			}
			ok := true
			for _, k := range near {
				if math.Hypot(xs[i]-xs[k], y-off[k]) < d {
					ok = false
					break
				}
			}
			if ok {
				off[i] = y
				break
			}
		}
		placed = append(placed, i)
	}
	return off
}

func plotBeeswarm(c *ctx, p rect) drawn {
	data := c.f.Data
	lo, hi := c.f.dataRange()
	axisH := math.Round(c.tick + 14)
	g := &scene.Group{}
	r := math.Round(5 * c.u)
	s := c.valueScale(lo, hi, p.x+r+2, p.right()-r-2, 60, c.dataStep())
	xs := make([]float64, len(data))
	for i, d := range data {
		xs[i] = s.px(d.Value)
	}
	// Dots shrink, down to 2 px, until the swarm fits the plot's height.
	var off []float64
	height := 0.0
	for {
		off = swarm(xs, r)
		height = 0
		for _, o := range off {
			height = math.Max(height, math.Abs(o))
		}
		if 2*(height+r) <= math.Max(p.h-axisH, 120*c.u) || r <= 2 {
			break
		}
		r = math.Max(2, r-0.5)
	}
	top := p.y
	mid := top + height + r + 2
	bottom := mid + height + r + 2
	if bottom < top+math.Round(100*c.u) { // a thin swarm still gets room for labels
		mid += (top + math.Round(100*c.u) - bottom) / 2
		bottom = top + math.Round(100*c.u)
	}
	grid, axisX, _ := c.gridlines(s, false, [][2]float64{{top, bottom}}, bottom, false)
	g.Add(grid, axisX)
	series := &scene.Group{ID: "series-1", Class: "pc-series"}
	dots := make([]dot, len(data))
	var which []int
	fill := c.paletteAt(0)
	if len(c.f.Highlight) > 0 {
		fill = c.th.rest
	}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	// Highlighted dots last, on top.
	slices.SortStableFunc(order, func(a, b int) int {
		ha, hb := c.isHighlighted(data[a].Label), c.isHighlighted(data[b].Label)
		switch {
		case ha == hb:
			return 0
		case hb:
			return -1
		}
		return 1
	})
	for _, i := range order {
		d := data[i]
		col := fill
		if c.isHighlighted(d.Label) {
			col = c.accent
			which = append(which, i)
		}
		dots[i] = dot{xs[i], mid + off[i], r}
		series.Add(&scene.Circle{CX: xs[i], CY: mid + off[i], R: r, Fill: col, Stroke: c.bg(), StrokeWidth: 0.75, Class: "pc-point"})
	}
	g.Add(series)
	area := rect{p.x, top, p.w, bottom - top}
	labelsG, leaders := c.placePointLabels(data, which, dots, nil, area)
	g.Add(leaders, labelsG)
	ax := &axes{area: area, value: s.px, point: func(at string) (float64, float64, bool) {
		for i, d := range data {
			if d.Label == at && at != "" {
				return dots[i].x, dots[i].y, true
			}
		}
		return 0, 0, false
	}}
	return drawn{group: g, height: bottom + axisH - p.y, axes: ax}
}

// describeBeeswarm: how many values, their range, and each highlighted
// row with its value.
func describeBeeswarm(f *Figure, nf numberFormat) string {
	lo, hi := f.dataRange()
	s := localDigits(fmt.Sprintf(nf.loc.valueCount, len(f.Data)), nf.digits) + ", " + nf.span(lo, hi)
	for _, d := range f.Data {
		if slices.Contains(f.Highlight, d.Label) {
			s += "; " + d.Label + ": " + nf.number(d.Value)
		}
	}
	return s + "."
}
