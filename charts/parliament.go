package charts

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// parliamentKind draws a chamber's seats as a hemicycle: rows { label,
// value } are parties and their seats, in the order they sit from left
// to right; each seat a dot in its party's colour (colors = { ... } gives
// parties theirs), the seats filled row by row of arcs from the left.
// A dashed line at the top marks the majority (more than half the seats,
// or majority = N), and the parties are listed under the arc with their
// seats.
var parliamentKind = &kind{
	name:       "parliament",
	fields:     []string{"value"},
	maxRows:    30,
	noNotes:    true,
	options:    readParliament,
	validate:   validateParliament,
	plot:       plotParliament,
	facets:     true,
	panelWidth: 280,
	describe:   describeParliament,
}

// maxSeats is the most seats a hemicycle draws.
const maxSeats = 1000

func readParliament(f *Figure, t *table) {
	t.integer("majority", &f.Majority, 1, maxSeats)
}

func validateParliament(f *Figure, e *errs) {
	checkLabels(f, e)
	total := 0.0
	for i, d := range f.Data {
		if d.Value < 0 || d.Value != math.Trunc(d.Value) {
			e.add(f.rowKey(i)+".value", "%g is not a number of seats; give a whole number, 0 or more", d.Value)
		}
		total += d.Value
	}
	switch {
	case total > maxSeats:
		e.add("data", "adds up to %g seats; a hemicycle draws at most %d", total, maxSeats)
	case total == 0:
		e.add("data", "adds up to no seats")
	case float64(f.Majority) > total:
		e.add("majority", "%d is more than the %g seats there are", f.Majority, total)
	}
}

// seats is how many seats the chamber has, and how many make a majority.
func (f *Figure) seats() (total, majority int) {
	for _, d := range f.Data {
		total += int(d.Value)
	}
	majority = total/2 + 1
	if f.Majority > 0 {
		majority = f.Majority
	}
	return total, majority
}

// hemicycle places n seats on rows of arcs between radii r0 and r1: as
// many rows as keep seats about as far apart along an arc as the rows
// are, each row's share of seats in proportion to its length; the
// seats in order of angle from the left, outer rows first at each angle.
func hemicycle(n int, r0, r1 float64) (pts [][2]float64, seatR float64) {
	// The fewest rows whose seats, spread along the arcs, stand at
	// least as far apart as the rows do.
	rows := 2
	for ; rows < 60; rows++ {
		gap := (r1 - r0) / float64(rows-1)
		length := 0.0
		for k := 0; k < rows; k++ {
			length += math.Pi * (r0 + float64(k)*gap)
		}
		if length/float64(n) >= gap {
			break
		}
	}
	if n <= 3 {
		rows = 1
	}
	radii := make([]float64, rows)
	total := 0.0
	for k := range radii {
		radii[k] = (r0 + r1) / 2 // one row: down the middle
		if rows > 1 {
			radii[k] = r0 + float64(k)*(r1-r0)/float64(rows-1)
		}
		total += radii[k]
	}
	// Seats per row in proportion to its radius, largest remainders.
	counts := make([]int, rows)
	given := 0
	rest := make([]float64, rows)
	for k := range radii {
		exact := float64(n) * radii[k] / total
		counts[k] = int(exact)
		rest[k] = exact - float64(counts[k])
		given += counts[k]
	}
	order := make([]int, rows)
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(a, b int) bool { return rest[order[a]] > rest[order[b]] })
	for k := 0; given < n; k++ {
		counts[order[k%rows]]++
		given++
	}
	type seat struct{ a, r float64 }
	var all []seat
	for k, c := range counts {
		for i := 0; i < c; i++ {
			a := math.Pi // a lone seat in a row stands at the left
			if c > 1 {
				a = math.Pi * (1 - float64(i)/float64(c-1))
			}
			all = append(all, seat{a, radii[k]})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if math.Abs(all[i].a-all[j].a) > 1e-9 {
			return all[i].a > all[j].a
		}
		return all[i].r > all[j].r
	})
	pts = make([][2]float64, len(all))
	for i, s := range all {
		pts[i] = [2]float64{s.r * math.Cos(s.a), -s.r * math.Sin(s.a)}
	}
	// Seats a little smaller than the narrower of the two spacings.
	spacing := math.Pi * r1 / float64(max(n, 1))
	if rows > 1 {
		gap := (r1 - r0) / float64(rows-1)
		spacing = math.Min(gap, math.Pi*radii[0]/float64(max(counts[0]-1, 1)))
	}
	seatR = math.Max(0.8, math.Min(spacing*0.42, (r1-r0)*0.4))
	return pts, seatR
}

func plotParliament(c *ctx, p rect) drawn {
	data := c.f.Data
	total, majority := c.f.seats()
	g := &scene.Group{}
	// The arc as wide as the figure allows, at most twice its height.
	r1 := math.Min(p.w/2, math.Max(p.h*0.75, 120*c.u))
	r1 = math.Min(r1, 260*c.u)
	r0 := r1 * 0.38
	pts, seatR := hemicycle(total, r0, r1)
	// The seats as placed reach out to rOut; all of it within the width.
	rOut := 0.0
	for _, pt := range pts {
		rOut = math.Max(rOut, math.Hypot(pt[0], pt[1]))
	}
	if k := (p.w/2 - 1) / (rOut + seatR); k < 1 {
		for i := range pts {
			pts[i] = [2]float64{pts[i][0] * k, pts[i][1] * k}
		}
		rOut, seatR, r0 = rOut*k, seatR*k, r0*k
	}
	cx, cy := p.x+p.w/2, p.y+math.Round(c.small*1.6)+rOut+seatR+10
	series := &scene.Group{ID: "series-1", Class: "pc-series"}
	k := 0
	for i, d := range data {
		fill := c.partyColor(d.Label, i)
		for s := 0; s < int(d.Value); s++ {
			series.Add(&scene.Circle{CX: cx + pts[k][0], CY: cy + pts[k][1], R: seatR, Fill: fill, Class: "pc-seat"})
			k++
		}
	}
	g.Add(series)
	// The majority: a dashed line down the middle, its count over it.
	over := &scene.Group{ID: "annotation-lines", Class: "pc-majority"}
	top := cy - rOut - seatR - 4
	over.Add(&scene.Line{X1: cx, Y1: top, X2: cx, Y2: cy - r0 + seatR + 4, Stroke: c.th.text, Width: 1.5, Dash: []float64{4, 3}, Class: "pc-majority-line"})
	loc := c.nf.loc
	label := fmt.Sprintf(loc.majority, localDigits(c.nf.number(float64(majority)), c.nf.digits))
	g.Add(over)
	labels := &scene.Group{ID: "labels", Class: "pc-labels"}
	labels.Add(c.text(cx, top-4, label, c.small, true, c.th.text, scene.Middle, "pc-majority-label"))
	// The total in the hole.
	labels.Add(c.text(cx, cy-4, c.nf.number(float64(total)), c.value*1.6, true, c.th.text, scene.Middle, "pc-value pc-total"))
	labels.Add(c.text(cx, cy+c.regular.CapHeight(c.small)+6, loc.seatsWord, c.small, false, c.th.muted, scene.Middle, "pc-total-label"))
	g.Add(labels)
	// The parties under the arc, with their seats, as a key.
	y := cy + c.small*1.6 + 16
	key := &scene.Group{ID: "legend", Class: "pc-legend"}
	sw := math.Round(12 * c.u)
	lh := math.Round(c.label * 1.5)
	capH := c.regular.CapHeight(c.label)
	x := p.x
	for i, d := range data {
		seats := c.nf.number(d.Value)
		vw := c.width(seats, c.label, true)
		lines := []string{d.Label}
		w := sw + 6 + c.width(d.Label+"  ", c.label, false) + vw
		if w > p.w {
			// A name longer than the row wraps between words, its
			// seats after its last line, on a row of its own.
			lines, _ = c.regular.Wrap(d.Label, c.label, math.Max(p.w-sw-6-vw-c.width("  ", c.label, false), c.widestWord(d.Label, c.label, false)), 0)
			w = p.w
		}
		if x > p.x && x+w > p.right() {
			x, y = p.x, y+lh
		}
		key.Add(&scene.Rect{X: c.snap(x), Y: c.snap(y + (lh-sw)/2), W: sw, H: sw, Fill: c.partyColor(d.Label, i), Class: "pc-swatch"})
		for k, l := range lines {
			key.Add(c.text(x+sw+6, y+float64(k)*lh+(lh+capH)/2, c.isolate(l), c.label, false, c.th.text, scene.Start, "pc-key pc-label"))
		}
		last := lines[len(lines)-1]
		y += float64(len(lines)-1) * lh
		key.Add(c.text(x+sw+6+c.width(c.isolate(last)+"  ", c.label, false), y+(lh+capH)/2, seats, c.label, true, c.th.text, scene.Start, "pc-key pc-value"))
		x += w + 18
	}
	g.Add(key)
	return drawn{group: g, height: y + lh - p.y}
}

// partyColor is a party's colour: its own (colors = { ... }), the accent
// when highlighted, else the palette in order.
func (c *ctx) partyColor(label string, i int) scene.Color {
	return c.color(label, i)
}

// describeParliament: the seats, each party's, and the majority.
func describeParliament(f *Figure, nf numberFormat) string {
	total, majority := f.seats()
	parts := make([]string, 0, len(f.Data))
	for _, d := range f.Data {
		parts = append(parts, d.Label+" "+nf.number(d.Value))
	}
	loc := nf.loc
	return nf.number(float64(total)) + " " + loc.seatsWord + ": " + strings.Join(parts, ", ") + "; " +
		fmt.Sprintf(loc.majority, nf.number(float64(majority))) + "."
}
