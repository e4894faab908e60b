package charts

import (
	"math"

	"github.com/presschart/presschart/charts/scene"
)

// stackKind draws one 100% bar split into parts, each labelled above (or,
// when labels would collide, below) with "3,400 (19%)".
var stackKind = &kind{
	parts:      true,
	name:       "stack",
	maxRows:    12,
	fields:     []string{"value"},
	options:    readParts,
	validate:   validateParts,
	plot:       plotStack,
	facets:     true,
	panelWidth: 260,
	describe:   describeParts,
}

func plotStack(c *ctx, p rect) drawn {
	ps, _ := c.f.parts()
	labelLH := math.Round(c.label * 1.3)
	barH := math.Round(44 * c.u)
	blockH := 2 * labelLH

	// Segments, left to right; the minimum visible width keeps a tiny
	// part drawn.
	type seg struct{ x0, x1 float64 }
	segs := make([]seg, len(ps))
	x := p.x
	for i, pt := range ps {
		w := math.Max(pt.Share*p.w, 2)
		segs[i] = seg{c.snap(x), c.snap(x + w)}
		x += w
	}
	if over := x - p.right(); over > 0 { // minimum widths pushed past the edge
		k := p.w / (x - p.x)
		for i := range segs {
			segs[i] = seg{c.snap(p.x + (segs[i].x0-p.x)*k), c.snap(p.x + (segs[i].x1-p.x)*k)}
		}
	}
	segs[len(segs)-1].x1 = p.right()

	// Labels go above the bar, over their segment, as far left as the
	// previous label allows; a label that cannot start within its segment
	// goes to the next tier, below the bar, then further down.
	type placed struct {
		x      float64
		anchor scene.Anchor
		tier   int
	}
	var tierEnd []float64
	place := make([]placed, len(ps))
	for i, pt := range ps {
		w := math.Max(c.width(pt.Label, c.label, true), c.width(c.partValue(pt), c.label, false))
		for tier := 0; ; tier++ {
			if tier == len(tierEnd) {
				tierEnd = append(tierEnd, math.Inf(-1))
			}
			x := math.Max(segs[i].x0, tierEnd[tier]+14)
			a := scene.Start
			if x+w > p.right() {
				x, a = p.right(), scene.End
			}
			left := x
			if a == scene.End {
				left = x - w
			}
			if left >= tierEnd[tier]+14 && left < segs[i].x1-2 || tierEnd[tier] == math.Inf(-1) {
				tierEnd[tier] = left + w
				place[i] = placed{x, a, tier}
				break
			}
		}
	}
	below := len(tierEnd) - 1
	total := blockH + 8 + barH + float64(below)*(blockH+8)
	top := p.y // the figure centres the plot in any height left over
	barY := c.snap(top + blockH + 8)

	ax := &axes{area: p, point: func(at string) (float64, float64, bool) {
		for i, pt := range ps {
			if pt.Label == at {
				return (segs[i].x0 + segs[i].x1) / 2, barY + barH/2, true
			}
		}
		return 0, 0, false
	}}
	g := &scene.Group{}
	series := &scene.Group{ID: "series-1", Class: "pc-series"}
	lbls := &scene.Group{ID: "labels", Class: "pc-labels"}
	for i, pt := range ps {
		fill := c.partColor(pt, i)
		series.Add(&scene.Rect{X: segs[i].x0, Y: barY, W: segs[i].x1 - segs[i].x0, H: barH, Fill: fill, Class: "pc-part"})
		ty := top
		if t := place[i].tier; t > 0 {
			ty = barY + barH + 8 + float64(t-1)*(blockH+8)
		}
		nodes, _ := c.block([]string{pt.Label}, place[i].x, ty, c.label, labelLH, true, c.th.text, place[i].anchor, "pc-label")
		lbls.Add(nodes...)
		nodes, _ = c.block([]string{c.partValue(pt)}, place[i].x, ty+labelLH, c.label, labelLH, false, c.th.muted, place[i].anchor, "pc-value")
		lbls.Add(nodes...)
	}
	// A hairline in the figure's background keeps neighbours of similar
	// colour apart; a transparent figure has no colour to draw it in.
	if bg, painted := c.background(); painted {
		for i := 1; i < len(segs); i++ {
			series.Add(&scene.Line{X1: segs[i].x0, Y1: barY, X2: segs[i].x0, Y2: barY + barH, Stroke: bg, Width: 1, Class: "pc-divider"})
		}
	}
	g.Add(series, lbls)
	return drawn{group: g, height: total, axes: ax}
}
