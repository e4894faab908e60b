package charts

import (
	"fmt"
	"math"

	"github.com/presschart/presschart/charts/scene"
)

// heatmapKind draws a grid of rows × columns, each cell coloured by its
// value: rows { label, values = [...] } with series naming the columns
// (months, hours, age groups). The scale is sequential from pale to the
// first palette colour, or diverging around zero (the negative colour
// below) when the values have both signs; a key of seven steps with the
// least and greatest values sits above the grid. Each value is written in
// its cell when every value fits; a missing one ("NA") is an empty cell.
var heatmapKind = &kind{
	name:        "heatmap",
	series:      -1,
	multi:       true,
	gaps:        true,
	maxRows:     100,
	noNotes:     true,
	noHighlight: true,
	options:     noOptions,
	validate:    validateHeatmap,
	facets:      true,
	panelWidth:  300,
	key:         heatKey,
	plot:        plotHeatmap,
	describe:    describeHeatmap,
}

// heatmapMaxColumns is the most columns a heatmap draws.
const heatmapMaxColumns = 60

func validateHeatmap(f *Figure, e *errs) {
	checkRowLabels(f, e)
	if len(f.Series) == 0 {
		e.add("series", "is missing; name the heatmap's columns, e.g. series = [\"Jan\", \"Feb\", \"Mar\"]")
	}
	if len(f.Series) > heatmapMaxColumns {
		e.add("series", "names %d columns; at most %d cells fit across a figure", len(f.Series), heatmapMaxColumns)
	}
	if len(f.Highlight) > 0 {
		e.add("highlight", "a heatmap's colours are its values; say what stands out in the note")
	}
}

// heatRange is the least and greatest value of the grid, gaps aside.
func heatRange(data []Datum) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, d := range data {
		for _, v := range d.Values {
			if !isGap(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if lo > hi {
		return 0, 0
	}
	return lo, hi
}

// heatKey is the colour key above the cells: seven steps from the least
// to the greatest value (of every panel, above small multiples).
func heatKey(c *ctx, p rect) (*scene.Group, float64) {
	lo, hi := heatRange(c.f.Data)
	key, bottom := heatKeyAt(c, p, lo, hi)
	return key, bottom - p.y
}

func plotHeatmap(c *ctx, p rect) drawn {
	lo, hi := heatRange(c.f.Data)
	if c.f.span != nil && c.panel != nil {
		lo, hi = heatRange(c.panel.rows) // small multiples: one colour, one value in every panel
	}
	g := &scene.Group{}
	top := p.y
	if !c.keyAbove {
		key, bottom := heatKeyAt(c, p, lo, hi)
		g.Add(key)
		top = bottom + 10
	}
	return heatCells(c, p, g, top, lo, hi)
}

// heatKeyAt draws the key of lo..hi at the top of p; it returns the key
// and its bottom.
func heatKeyAt(c *ctx, p rect, lo, hi float64) (*scene.Group, float64) {
	top := p.y
	key := &scene.Group{ID: "legend", Class: "pc-legend pc-heat-key"}
	stepW, stepH := math.Round(28*c.u), math.Round(10*c.u)
	capT := c.regular.CapHeight(c.small)
	for k := 0; k < 7; k++ {
		v := lo + (hi-lo)*(float64(k)+0.5)/7
		key.Add(&scene.Rect{X: p.x + float64(k)*stepW, Y: top, W: stepW, H: stepH, Fill: c.heatColor(v, lo, hi), Class: "pc-swatch"})
	}
	ly := top + stepH + 4 + capT
	key.Add(c.text(p.x, ly, c.nf.number(lo), c.small, false, c.th.muted, scene.Start, "pc-key"))
	key.Add(c.text(p.x+7*stepW, ly, c.nf.number(hi), c.small, false, c.th.muted, scene.End, "pc-key"))
	if lo < 0 && hi > 0 {
		// Zero's place on the diverging scale.
		zx := p.x + 7*stepW*(-lo)/(hi-lo)
		w0 := c.width(c.nf.number(0), c.small, false)
		lw, hw := c.width(c.nf.number(lo), c.small, false), c.width(c.nf.number(hi), c.small, false)
		if zx-w0/2 > p.x+lw+6 && zx+w0/2 < p.x+7*stepW-hw-6 {
			key.Add(c.text(zx, ly, c.nf.number(0), c.small, false, c.th.muted, scene.Middle, "pc-key"))
		}
	}
	return key, ly + math.Round(c.small*0.4)
}

// heatCells draws the rows' labels, the columns' headers and the cells
// from top down.
func heatCells(c *ctx, p rect, g *scene.Group, top, lo, hi float64) drawn {
	data, names := c.f.Data, c.f.Series
	capT := c.regular.CapHeight(c.small)

	// Row labels at the left; the cells share the rest.
	lw, labels, lines := c.rowLabels(data, p.w*0.3)
	left := p.x + lw + 10
	cw := (p.right() - left) / float64(len(names))
	labelLH := math.Round(c.label * 1.25)
	// Column headers above the cells. A sequence (months, years) that
	// crowds shows every k-th; other names that do not fit their cells
	// turn to read upwards, whole.
	every := 1
	hw := 0.0
	for _, n := range names {
		hw = math.Max(hw, c.width(n, c.small, false))
	}
	upright := false
	if hw+6 > cw {
		if c.f.namesInSequence(names) {
			for float64(every)*cw < hw+6 && every < len(names) {
				every++
			}
		} else {
			upright = true
		}
	}
	headers := &scene.Group{ID: "axis-x", Class: "pc-axis-x"}
	for j, n := range names {
		if j%every != 0 {
			continue
		}
		cx := left + cw*(float64(j)+0.5)
		if upright {
			t := c.text(cx+capT/2, top+hw, n, c.small, false, c.th.muted, scene.Start, "pc-tick")
			t.Rotate = -90
			headers.Add(t)
			continue
		}
		headers.Add(c.text(cx, top+capT, n, c.small, false, c.th.muted, scene.Middle, "pc-tick"))
	}
	if upright {
		top += hw + 6
	} else {
		top += math.Round(c.small*1.3) + 4
	}
	rh := math.Max(float64(lines)*labelLH+6, math.Round(24*c.u))
	if cw > rh*2.5 {
		rh = math.Max(rh, math.Min(cw/2.5, 40*c.u))
	}
	// Values in the cells when every one fits.
	size := c.small
	fits := true
	for _, d := range data {
		for j, v := range d.Values {
			if !isGap(v) && c.width(c.nf.ofSeries(j).number(v), size, false) > cw-4 {
				fits = false
			}
		}
	}
	fits = fits && rh >= c.regular.CapHeight(size)+6
	cells := &scene.Group{ID: "cells-heat", Class: "pc-heat"}
	values := &scene.Group{ID: "labels", Class: "pc-labels"}
	axisY := &scene.Group{ID: "axis-y", Class: "pc-axis-y"}
	capV := c.regular.CapHeight(size)
	for i, d := range data {
		y := top + rh*float64(i)
		for j, v := range d.Values {
			x := left + cw*float64(j)
			if isGap(v) {
				cells.Add(&scene.Rect{X: c.snap(x + 1), Y: c.snap(y + 1), W: c.snap(cw - 2), H: c.snap(rh - 2), Fill: c.tint(c.th.grid, 0.35), Class: "pc-heat-cell pc-gap"})
				continue
			}
			fill := c.heatColor(v, lo, hi)
			cells.Add(&scene.Rect{X: c.snap(x + 0.5), Y: c.snap(y + 0.5), W: c.snap(cw - 1), H: c.snap(rh - 1), Fill: fill, Class: "pc-heat-cell"})
			if fits {
				values.Add(c.text(x+cw/2, y+rh/2+capV/2, c.nf.ofSeries(j).number(v), size, false, contrastText(fill), scene.Middle, "pc-value pc-inside"))
			}
		}
		blockH := float64(len(labels[i])) * labelLH
		nodes, _ := c.block(labels[i], left-10, y+rh/2-blockH/2, c.label, labelLH, false, c.th.text, scene.End, "pc-label")
		axisY.Add(nodes...)
	}
	g.Add(headers, cells, values, axisY)
	return drawn{group: g, height: top + rh*float64(len(data)) - p.y}
}

// describeHeatmap: the grid's size, its least and greatest cells.
func describeHeatmap(f *Figure, nf numberFormat) string {
	lo, hi := heatRange(f.Data)
	where := func(v float64) string {
		for _, d := range f.Data {
			for j, x := range d.Values {
				if x == v {
					return d.Label + ", " + f.Series[j]
				}
			}
		}
		return ""
	}
	// "60 values: from −3.2 (Oslo, Jan) to 31.4 (Rome, Jul)."
	loc := nf.loc
	count := localDigits(fmt.Sprintf(loc.valueCount, len(f.Data)*len(f.Series)), nf.digits)
	return fmt.Sprintf(loc.fromTo, count, nf.number(lo), where(lo), nf.number(hi), where(hi)) + "."
}
