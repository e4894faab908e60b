package charts

import (
	"fmt"
	"math"
	"sort"

	"github.com/presschart/presschart/charts/scene"
)

// waffleKind draws the whole as a grid of squares, each standing for unit
// (automatic: a round number giving at most 200 squares), filled by column
// with the parts in order, and a legend with "3,400 (19%)" beside it.
var waffleKind = &kind{
	parts:      true,
	name:       "waffle",
	maxRows:    12,
	fields:     []string{"value"},
	options:    readWaffle,
	validate:   validateWaffle,
	plot:       plotWaffle,
	facets:     true,
	panelWidth: 260,
	describe:   describeWaffle,
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
	return counts
}

// slivers are the parts that round to no square: each is drawn as the
// share of one square it is (a 0.07 unit part as 7% of a square), after
// the whole squares, never as a whole square 15 times too big.
func slivers(ps []part, counts []int, n int) []float64 {
	out := make([]float64, len(ps))
	for i, p := range ps {
		if counts[i] == 0 && p.Share > 0 {
			out[i] = math.Min(1, p.Share*float64(n))
		}
	}
	return out
}

func plotWaffle(c *ctx, p rect) drawn {
	ps, whole := c.f.parts()
	unit := c.f.unit(whole)
	if sp := c.f.span; sp != nil && sp.whole > 0 {
		unit = c.f.unit(sp.whole) // small multiples: one square, one amount in every panel
	}
	n := max(1, int(math.Round(whole/unit)))
	counts := squares(ps, n)

	key := c.nf.loc.oneSquare + " " + c.nf.number(unit)
	if c.f.UnitLabel != "" {
		key += " " + c.f.UnitLabel
	}
	l := c.measureLegend(ps, key, p.w)
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
	// Squares count in tens, as a reader counts them: ten to a column
	// (filled down, then across) or ten to a row (filled across, then
	// down), whichever gives bigger squares; 100 is 10 x 10. Fewer than
	// 20 stand in one line.
	thin := slivers(ps, counts, n)
	cells := n
	for _, f := range thin {
		if f > 0 {
			cells++
		}
	}
	ten := 10
	if cells < 20 {
		ten = cells
	}
	long := (cells + ten - 1) / ten
	cols, rows := long, ten
	across := false // filled row by row
	if s1, s2 := math.Min(gw/float64(long), gh/float64(ten)), math.Min(gw/float64(ten), gh/float64(long)); s2 > s1 {
		cols, rows, across = ten, long, true
	}
	cell := math.Min(gw/float64(cols), gh/float64(rows))
	cell = math.Min(math.Floor(cell*2)/2, 40*c.u)
	gap := math.Max(1, math.Round(cell*0.14*2)/2)
	sq := cell - gap

	cellAt := func(k int) (x, y float64) {
		col, row := k/rows, k%rows
		if across {
			col, row = k%cols, k/cols
		}
		return p.x + float64(col)*cell, p.y + float64(row)*cell
	}
	g := &scene.Group{}
	k := 0
	mid := map[string][2]float64{} // the middle square of each part, for notes
	for i, pt := range ps {
		if counts[i] > 0 {
			x, y := cellAt(k + counts[i]/2)
			mid[pt.Label] = [2]float64{x + sq/2, y + sq/2}
		}
		part := &scene.Group{ID: fmt.Sprintf("series-%d", i+1), Class: "pc-series"}
		squares := &scene.Rects{Fill: c.partColor(pt, i), Class: "pc-squares"}
		for j := 0; j < counts[i]; j++ {
			x, y := cellAt(k)
			squares.R = append(squares.R, [4]float64{x, y, sq, sq})
			k++
		}
		g.Add(part.Add(squares))
	}
	// Then the parts under one square, each its share of one.
	for i, f := range thin {
		if f == 0 {
			continue
		}
		x, y := cellAt(k)
		w := math.Max(1, c.snap(sq*f))
		mid[ps[i].Label] = [2]float64{x + w/2, y + sq/2}
		g.Add(&scene.Group{ID: fmt.Sprintf("series-%d-part", i+1), Class: "pc-series", Nodes: []scene.Node{
			&scene.Rects{Fill: c.partColor(ps[i], i), Class: "pc-squares pc-sliver", R: [][4]float64{{x, y, w, sq}}},
		}})
		k++
	}
	gridW, gridH := float64(cols)*cell-gap, float64(rows)*cell-gap
	// A note points at the middle square of its part.
	ax := &axes{area: p, point: func(at string) (float64, float64, bool) {
		m, ok := mid[at]
		return m[0], m[1], ok
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
