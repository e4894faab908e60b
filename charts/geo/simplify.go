package geo

import "math"

// Simplify returns the layer drawn with fewer points: every arc of the
// topology, each border between two regions and each stretch of coast,
// is simplified once (Douglas and Peucker, to within tol degrees), its
// ends kept, so that neighbours go on sharing their borders point for
// point: no slivers open between them. Arcs that would then cross are
// simplified again more finely until none does, so that no island lies
// over a coast and no coast over itself. An island that would collapse
// keeps the three points that span it most. The layer itself is not
// changed.
func (l *Layer) Simplify(tol float64) *Layer {
	arcs := make([][]Point, len(l.arcs))
	for i, a := range l.arcs {
		arcs[i] = simplifyClosed(a, tol)
	}
	// A ring of several arcs that would collapse keeps its arcs whole,
	// for its neighbours too (an island keeps its three points that span
	// it most: simplifyClosed).
	whole := func() {
		for _, f := range l.Features {
			for k := range f.Polygons {
				for _, ids := range f.refs[k] {
					if len(joinArcs(arcs, ids)) >= 4 {
						continue
					}
					for _, id := range ids {
						if id < 0 {
							id = ^id
						}
						arcs[id] = l.arcs[id]
					}
				}
			}
		}
	}
	// Simplified arcs that cross (an island over a coast, a coast over
	// itself) are simplified again, more finely, until none do; after
	// three rounds they are drawn whole, as shipped. The rounds end
	// there even if shipped arcs cross (1:110m's do, where Natural
	// Earth's generalisation left two coasts touching): no finer
	// simplification can undo that.
	for round := 1; round <= 3; round++ {
		whole()
		bad := crossingArcs(arcs)
		if len(bad) == 0 {
			break
		}
		for id := range bad {
			if round >= 3 {
				arcs[id] = l.arcs[id]
			} else {
				arcs[id] = simplifyClosed(l.arcs[id], tol/math.Pow(4, float64(round)))
			}
		}
	}
	out := &Layer{Name: l.Name, byCode: l.byCode, arcs: arcs, Features: make([]Feature, len(l.Features))}
	for i, f := range l.Features {
		g := Feature{Code: f.Code, Name: f.Name, refs: f.refs}
		for k := range f.Polygons {
			var q Polygon
			for _, ids := range f.refs[k] {
				q = append(q, joinArcs(arcs, ids))
			}
			g.Polygons = append(g.Polygons, q)
		}
		out.Features[i] = g
	}
	return out
}

// joinArcs joins arcs into a ring, each after the first starting where
// the one before ended.
func joinArcs(arcs [][]Point, ids []int) Ring {
	var r Ring
	for k, id := range ids {
		rev := id < 0
		if rev {
			id = ^id
		}
		a := arcs[id]
		for j := range a {
			p := a[j]
			if rev {
				p = a[len(a)-1-j]
			}
			if j == 0 && k > 0 {
				continue
			}
			r = append(r, p)
		}
	}
	return r
}

// simplifyArc keeps an arc's ends and the points that stand more than
// tol from the line between the points kept on either side of them.
func simplifyArc(a []Point, tol float64) []Point {
	if len(a) <= 2 || tol <= 0 {
		return a
	}
	keep := make([]bool, len(a))
	keep[0], keep[len(a)-1] = true, true
	type span struct{ i, j int }
	stack := []span{{0, len(a) - 1}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		far, at := -1.0, -1
		for k := s.i + 1; k < s.j; k++ {
			if d := segDist(a[k], a[s.i], a[s.j]); d > far {
				far, at = d, k
			}
		}
		if at >= 0 && far > tol {
			keep[at] = true
			stack = append(stack, span{s.i, at}, span{at, s.j})
		}
	}
	var out []Point
	for k, p := range a {
		if keep[k] {
			out = append(out, p)
		}
	}
	return out
}

// segDist is the distance from p to the segment a-b, in degrees.
func segDist(p, a, b Point) float64 {
	dx, dy := b.Lon-a.Lon, b.Lat-a.Lat
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, ((p.Lon-a.Lon)*dx+(p.Lat-a.Lat)*dy)/l))
	}
	return math.Hypot(p.Lon-a.Lon-t*dx, p.Lat-a.Lat-t*dy)
}

// simplifyClosed simplifies an arc; a closed one (an island's coast, an
// enclave's border) that would fall under four points keeps the three
// that span it most.
func simplifyClosed(a []Point, tol float64) []Point {
	s := simplifyArc(a, tol)
	if len(s) < 4 && len(a) >= 4 && a[0] == a[len(a)-1] {
		if t := triangle(a); len(t) == 4 {
			return t
		}
		return a
	}
	return s
}

// triangle returns a closed arc (an island's coast) as the three of its
// points that span it most: its start, the point farthest from it, and
// the point farthest from the line between those two; fewer points when
// it has no area.
func triangle(a []Point) []Point {
	if len(a) < 4 {
		return a
	}
	far, at := -1.0, 0
	for i, p := range a {
		if d := math.Hypot(p.Lon-a[0].Lon, p.Lat-a[0].Lat); d > far {
			far, at = d, i
		}
	}
	far2, at2 := 0.0, -1
	for i, p := range a {
		if d := segDist(p, a[0], a[at]); d > far2 {
			far2, at2 = d, i
		}
	}
	if at2 < 0 || at == 0 {
		return a[:0]
	}
	i, j := min(at, at2), max(at, at2)
	return []Point{a[0], a[i], a[j], a[len(a)-1]}
}

// crossingArcs returns the arcs any of whose segments cross another's,
// found through a grid of cells so that only near segments are compared.
// Segments that meet at a point they share (along an arc, or where arcs
// join) do not count.
func crossingArcs(arcs [][]Point) map[int]bool {
	type seg struct {
		arc  int
		a, b Point
	}
	var segs []seg
	lo, hi := Point{math.Inf(1), math.Inf(1)}, Point{math.Inf(-1), math.Inf(-1)}
	for id, a := range arcs {
		for i := 1; i < len(a); i++ {
			if math.Abs(a[i].Lon-a[i-1].Lon) > 180 {
				continue // a step across the antimeridian, short on the globe
			}
			segs = append(segs, seg{id, a[i-1], a[i]})
			lo = Point{math.Min(lo.Lon, a[i].Lon), math.Min(lo.Lat, a[i].Lat)}
			hi = Point{math.Max(hi.Lon, a[i].Lon), math.Max(hi.Lat, a[i].Lat)}
		}
	}
	bad := map[int]bool{}
	if len(segs) < 2 {
		return bad
	}
	n := int(math.Sqrt(float64(len(segs)))) + 1
	cw, ch := (hi.Lon-lo.Lon)/float64(n)+1e-9, (hi.Lat-lo.Lat)/float64(n)+1e-9
	cells := map[[2]int][]int{}
	for k, s := range segs {
		x0, x1 := int((math.Min(s.a.Lon, s.b.Lon)-lo.Lon)/cw), int((math.Max(s.a.Lon, s.b.Lon)-lo.Lon)/cw)
		y0, y1 := int((math.Min(s.a.Lat, s.b.Lat)-lo.Lat)/ch), int((math.Max(s.a.Lat, s.b.Lat)-lo.Lat)/ch)
		for x := x0; x <= x1; x++ {
			for y := y0; y <= y1; y++ {
				cells[[2]int{x, y}] = append(cells[[2]int{x, y}], k)
			}
		}
	}
	for _, ks := range cells {
		for i := 0; i < len(ks); i++ {
			for j := i + 1; j < len(ks); j++ {
				s, t := segs[ks[i]], segs[ks[j]]
				if s.a == t.a || s.a == t.b || s.b == t.a || s.b == t.b {
					continue
				}
				if cross(s.a, s.b, t.a, t.b) {
					bad[s.arc], bad[t.arc] = true, true
				}
			}
		}
	}
	return bad
}

// cross reports whether segments p1-p2 and q1-q2 cross or touch.
func cross(p1, p2, q1, q2 Point) bool {
	o := func(a, b, c Point) float64 {
		return (b.Lon-a.Lon)*(c.Lat-a.Lat) - (b.Lat-a.Lat)*(c.Lon-a.Lon)
	}
	d1, d2 := o(q1, q2, p1), o(q1, q2, p2)
	d3, d4 := o(p1, p2, q1), o(p1, p2, q2)
	return (d1 > 0) != (d2 > 0) && d1 != 0 && d2 != 0 && (d3 > 0) != (d4 > 0) && d3 != 0 && d4 != 0
}
