package geo

import "math"

// Rings returns a region as the frame draws it: its rings in the
// figure's pixels, y down, each closed by returning to its first point
// (a path's Z), holes among them (fill them even-odd). On a globe each
// ring is clipped to the near side, and where it runs behind the globe
// its outline follows the globe's edge; on other projections it is cut
// where the map is cut (Cut).
func (f Frame) Rings(reg *Feature) [][][2]float64 {
	var out [][][2]float64
	o, globe := f.P.(Orthographic)
	for _, poly := range reg.Polygons {
		if globe {
			// A region wholly behind the globe draws nothing, holes and all.
			if len(clipHorizon(poly[0], o, false)) == 0 {
				continue
			}
			for i, r := range poly {
				for _, pts := range clipHorizon(r, o, i > 0) {
					for i := range pts {
						pts[i] = [2]float64{f.OffsetX + f.X0 + pts[i][0]*f.K, f.OffsetY + f.Y0 - pts[i][1]*f.K}
					}
					out = append(out, pts)
				}
			}
			continue
		}
		for _, part := range Cut(poly, f.Lon0) {
			for _, r := range part {
				if _, merc := f.P.(Mercator); merc {
					// Mercator's map ends at ±85°: what lies beyond is
					// cut off along the edge, not left out point by point.
					r = clipLat(clipLat(r, -mercatorLat, 1), mercatorLat, -1)
				}
				if len(r) < 4 {
					continue
				}
				pts := make([][2]float64, 0, len(r))
				for _, q := range r[:len(r)-1] {
					if x, y, ok := f.XY(q); ok {
						pts = append(pts, [2]float64{x, y})
					}
				}
				if len(pts) >= 3 {
					out = append(out, pts)
				}
			}
		}
	}
	return out
}

// vec is a point of the unit sphere.
type vec [3]float64

func toVec(p Point) vec {
	l, f := p.Lon*rad, p.Lat*rad
	return vec{math.Cos(f) * math.Cos(l), math.Cos(f) * math.Sin(l), math.Sin(f)}
}

func (v vec) dot(w vec) float64 { return v[0]*w[0] + v[1]*w[1] + v[2]*w[2] }

func (v vec) point() Point {
	return Point{math.Atan2(v[1], v[0]) / rad, math.Asin(math.Max(-1, math.Min(1, v[2]))) / rad}
}

// clipHorizon returns the part of a ring on a globe's near side, in the
// projection's units (y up), Sutherland and Hodgman's clipping against
// the plane of the horizon: an edge that crosses it is cut where its
// great circle does, and where the ring goes behind the globe its
// outline runs round the globe's edge, following the bearings of its
// hidden points from the centre. A ring wholly behind is dropped.
func clipHorizon(r Ring, o Orthographic, hole bool) [][][2]float64 {
	if r = onGlobe(r); len(r) < 4 {
		return nil
	}
	c := toVec(Point{o.Lon0, o.Lat0})
	proj := func(p Point) (float64, float64) {
		x, y, _ := o.Project(p)
		return x, y
	}
	n := len(r) - 1 // the last point repeats the first
	seen := false
	for _, p := range r[:n] {
		seen = seen || toVec(p).dot(c) >= 0
	}
	if !seen {
		// All behind the globe: nothing of it shows. (Its region could in
		// principle be everything else, the near side with it; but no
		// region the boundaries hold is larger than a hemisphere, and
		// telling so from the ring's turn misreads a small island whose
		// simplified ring turns the other way: Honduras, seen from East
		// Asia, filled the globe.)
		return nil
	}
	// Where the ring goes behind the globe, its outline runs round the
	// globe's edge, following the hidden points' bearings from the centre:
	// the region's part on the near side meets the edge there.
	var pts [][2]float64
	for i := 0; i < n; i++ {
		a, b := r[i], r[(i+1)%n]
		va, vb := toVec(a), toVec(b)
		da, db := va.dot(c), vb.dot(c)
		x, y := proj(a)
		if da < 0 {
			if h := math.Hypot(x, y); h > 1e-9 {
				x, y = x/h, y/h
			} else if len(pts) > 0 {
				x, y = pts[len(pts)-1][0], pts[len(pts)-1][1]
			}
			if len(pts) > 0 {
				pts = rimTo(pts, x, y)
			}
		}
		pts = append(pts, [2]float64{x, y})
		if (da >= 0) != (db >= 0) {
			s := da / (da - db)
			m := vec{va[0] + s*(vb[0]-va[0]), va[1] + s*(vb[1]-va[1]), va[2] + s*(vb[2]-va[2])}
			if k := math.Sqrt(m.dot(m)); k > 0 {
				mx, my := proj(vec{m[0] / k, m[1] / k, m[2] / k}.point())
				if h := math.Hypot(mx, my); h > 0 {
					if da < 0 {
						pts = rimTo(pts, mx/h, my/h)
					}
					pts = append(pts, [2]float64{mx / h, my / h})
				}
			}
		}
	}
	if len(pts) < 3 {
		return nil
	}
	return [][][2]float64{pts}
}

// rimTo adds points along the globe's edge, two degrees apart, from the
// last point of pts (on the edge) to (x, y), the short way round.
func rimTo(pts [][2]float64, x, y float64) [][2]float64 {
	p := pts[len(pts)-1]
	t0, t1 := math.Atan2(p[1], p[0]), math.Atan2(y, x)
	d := math.Remainder(t1-t0, 2*math.Pi)
	for k := 1; float64(k)*2*rad < math.Abs(d); k++ {
		t := t0 + math.Copysign(float64(k)*2*rad, d)
		pts = append(pts, [2]float64{math.Cos(t), math.Sin(t)})
	}
	return pts
}
