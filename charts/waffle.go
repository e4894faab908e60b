package charts

import (
	"fmt"
	"math"
	"sort"

	"presschart/charts/scene"
)

// waffleKind draws the whole as a grid of squares, each standing for unit
// (automatic: a round number giving at most 200 squares), filled by column
// with the parts in order, and a legend with "3,400 (19%)" beside it.
var waffleKind = &kind{
	parts:    true,
	name:     "waffle",
	maxRows:  12,
	fields:   []string{"value"},
	options:  readWaffle,
	validate: validateWaffle,
	plot:     plotWaffle,
	describe: describeWaffle,
}

// maxSquares is the most squares a waffle may have.
const maxSquares = 1000

func readWaffle(f *Figure, t *table) {
	readParts(f, t)
	if t.num("unit", &f.Unit) && f.Unit <= 0 {
		t.errf("unit", "%g must be above zero; leave unit out for a round number of squares", f.Unit)
	}
	t.text("unit_label", &f.UnitLabel)
}

func validateWaffle(f *Figure, e *errs) {
	before := e.count
	validateParts(f, e)
	if e.count > before {
		return
	}
	_, whole := f.parts()
	if f.Unit > whole {
		e.add("unit", "%g is more than the whole (%g): one square would stand for more than everything shown", f.Unit, whole)
		return
	}
	if n := whole / f.unit(whole); n > maxSquares {
		e.add("unit", "%g makes %.0f squares; at most %d fit, so make one square stand for more", f.unit(whole), n, maxSquares)
	}
}

func describeWaffle(f *Figure, nf numberFormat) string {
	_, whole := f.parts()
	s := describeParts(f, nf)
	s += " " + nf.loc.oneSquare + " " + nf.number(f.unit(whole))
	if f.UnitLabel != "" {
		s += " " + f.UnitLabel
	}
	return s + "."
}

// unit is the value of one square: as given, or the smallest round number
// (1, 2, 5 or 10 times a power of ten, or 25) giving at most 200 squares.
// A whole of one or more counts in whole units at least; a smaller one
// starts at a power of ten below it: parts of 0.002 and 0.003 are 40 and
// 60 squares of 0.00005, not one square of 1 each.
func (f *Figure) unit(whole float64) float64 {
	if f.Unit > 0 {
		return f.Unit
	}
	start := 1.0
	if whole < 1 {
		start = math.Pow(10, math.Floor(math.Log10(whole/200)))
	}
	for mag := start; ; mag *= 10 {
		for _, m := range []float64{1, 2, 2.5, 5} {
			if whole/(m*mag) <= 200 && (m != 2.5 || mag >= 10) {
				return m * mag
			}
		}
	}
}

// squares shares n squares among parts by the largest remainder, giving
// each part at least one square.
func squares(ps []part, n int) []int {
	counts := make([]int, len(ps))
	type rem struct {
		i int
		r float64
	}
	var rs []rem
	used := 0
	for i, p := range ps {
		exact := p.Share * float64(n)
		counts[i] = int(math.Floor(exact))
		used += counts[i]
		rs = append(rs, rem{i, exact - math.Floor(exact)})
	}
	sort.SliceStable(rs, func(a, b int) bool { return rs[a].r > rs[b].r })
	for k := 0; used < n && k < len(rs); k++ {
		counts[rs[k].i]++
		used++
	}
	for i := range counts {
		if counts[i] == 0 && n >= len(ps) { // a part too small to round up still shows
			big := 0
			for j := range counts {
				if counts[j] > counts[big] {
					big = j
				}
			}
			counts[big]--
			counts[i] = 1
		}
	}
	return counts
}

func plotWaffle(c *ctx, p rect) drawn {
	ps, whole := c.f.parts()
	unit := c.f.unit(whole)
	n := max(1, int(math.Round(whole/unit)))
	counts := squares(ps, n)

	key := c.nf.loc.oneSquare + " " + c.nf.number(unit)
	if c.f.UnitLabel != "" {
		key += " " + c.f.UnitLabel
	}
	l := c.measureLegend(ps, key)
	legendW, legendH := l.w, l.h

	// The legend sits right of the grid when it leaves the grid most of the
	// width, else below it.
	side := legendW+24 <= p.w*0.45
	gw, gh := p.w, p.h
	if side {
		gw = p.w - legendW - 24
	} else {
		gh = p.h - legendH - 16
	}
	gh = math.Max(gh, 40)
	cols, rows, cell := 1, n, 0.0
	for k := 1; k <= n; k++ {
		r := (n + k - 1) / k
		s := math.Min(gw/float64(k), gh/float64(r))
		if s > cell+1e-9 {
			cols, rows, cell = k, r, s
		}
	}
	cell = math.Min(math.Floor(cell*2)/2, 40*c.u)
	gap := math.Max(1, math.Round(cell*0.14*2)/2)
	sq := cell - gap

	g := &scene.Group{}
	k := 0
	for i, pt := range ps {
		part := &scene.Group{ID: fmt.Sprintf("series-%d", i+1), Class: "pc-series"}
		squares := &scene.Rects{Fill: c.partColor(pt, i), Class: "pc-squares"}
		for j := 0; j < counts[i]; j++ {
			col, row := k/rows, k%rows
			squares.R = append(squares.R, [4]float64{p.x + float64(col)*cell, p.y + float64(row)*cell, sq, sq})
			k++
		}
		g.Add(part.Add(squares))
	}
	gridW, gridH := float64(cols)*cell-gap, float64(rows)*cell-gap
	// A note points at the middle square of its part.
	ax := &axes{area: p, point: func(at string) (float64, float64, bool) {
		k := 0
		for i, pt := range ps {
			if pt.Label == at && counts[i] > 0 {
				k += counts[i] / 2
				return p.x + float64(k/rows)*cell + sq/2, p.y + float64(k%rows)*cell + sq/2, true
			}
			k += counts[i]
		}
		return 0, 0, false
	}}

	lx, ly := p.x+gridW+24, p.y
	if !side {
		lx, ly = p.x, p.y+gridH+16
	}
	g.Add(c.drawLegend(l, ps, lx, ly))
	used := math.Max(gridH, l.h)
	if !side {
		used = gridH + 16 + l.h
	}
	return drawn{group: g, height: used, axes: ax}
}
