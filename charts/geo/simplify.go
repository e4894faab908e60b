package geo

import "math"

// Simplify returns the layer drawn with fewer points: every arc of the
// topology, each border between two regions and each stretch of coast,
// is simplified once (Douglas and Peucker, to within tol degrees), its
// ends kept, so that neighbours go on sharing their borders point for
// point: no slivers open between them and no overlaps, at any size. A
// ring that would fall under four points keeps its arcs whole, and so do
// its neighbours where they meet it. The layer itself is not changed.
func (l *Layer) Simplify(tol float64) *Layer {
	arcs := make([][]Point, len(l.arcs))
	for i, a := range l.arcs {
		arcs[i] = simplifyArc(a, tol)
	}
	// A ring that would collapse keeps its arcs whole, for its
	// neighbours too.
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
