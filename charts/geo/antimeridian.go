package geo

import "math"

// Cut returns a polygon as a projection centred on the meridian lon0
// draws it: cut where the map is cut, the meridian opposite lon0, into
// one polygon per part. Natural Earth's rings cross the antimeridian
// where a region does (Fiji, Chukotka) and go round the pole where one
// covers it (Antarctica), stepping across as the short way round; a map
// centred elsewhere cuts other regions (Greenland, on a map of the
// Pacific). Each ring is unwrapped so that no step is longer than 180°, a
// ring that goes all the way round is closed over its pole, and the
// result is cut at lon0±180° into the parts that fall on each side, each
// moved back into lon0-180..lon0+180; a cut part runs along the cut, a
// point a degree, and its points on the cut sit a hair inside it, so
// that the projection puts them on their own side.
func Cut(poly Polygon, lon0 float64) []Polygon {
	lon0 = math.Remainder(lon0, 360)
	var outer, holes []Ring
	for i, r := range poly {
		if r = onGlobe(r); len(r) < 4 {
			if i == 0 {
				return nil // no outline on the globe
			}
			continue
		}
		parts := cutRing(r, lon0)
		if i == 0 {
			outer = parts
		} else {
			holes = append(holes, parts...)
		}
	}
	var ps []Polygon
	for _, o := range outer {
		p := Polygon{o}
		for _, h := range holes {
			if len(outer) == 1 || sameSide(o, h, lon0) {
				p = append(p, h)
			}
		}
		ps = append(ps, p)
	}
	return ps
}

// cutRing cuts one ring at lon0±180°, and says whether it goes round a
// pole; see Cut.
func cutRing(r Ring, lon0 float64) []Ring {
	// The ring in the map's frame: longitudes from its centre.
	f := make(Ring, len(r))
	for i, p := range r {
		d := p.Lon - lon0
		f[i] = Point{d - 360*math.Round(d/360), p.Lat}
	}
	crosses := false
	for i := 1; i < len(f); i++ {
		if math.Abs(f[i].Lon-f[i-1].Lon) > 180 {
			crosses = true
			break
		}
	}
	if !crosses {
		return []Ring{onSide(r, f, lon0)}
	}
	u := make(Ring, len(f))
	u[0] = f[0]
	for i := 1; i < len(f); i++ {
		d := f[i].Lon - f[i-1].Lon
		d -= 360 * math.Round(d/360)
		u[i] = Point{u[i-1].Lon + d, f[i].Lat}
	}
	if turn := u[len(u)-1].Lon - u[0].Lon; math.Abs(turn) > 180 {
		// Round a pole: close the ring over the pole on the side its
		// points lie.
		pole := -90.0
		sum := 0.0
		for _, p := range f {
			sum += p.Lat
		}
		if sum > 0 {
			pole = 90
		}
		last := u[len(u)-1]
		u = append(u[:len(u)-1:len(u)-1], last, Point{last.Lon, pole}, Point{u[0].Lon, pole}, u[0])
	}
	lo, hi := u[0].Lon, u[0].Lon
	for _, p := range u {
		lo, hi = math.Min(lo, p.Lon), math.Max(hi, p.Lon)
	}
	const hair = 1e-7
	var out []Ring
	for k := math.Floor((lo + 180) / 360); k*360-180 < hi; k++ {
		// The part between -180+360k and 180+360k, moved back by 360k.
		part := clipLon(clipLon(u, k*360-180, 1), k*360+180, -1)
		if len(part) < 4 || area(part) == 0 {
			continue
		}
		for i := range part {
			l := part[i].Lon - k*360
			part[i].Lon = lon0 + math.Max(-180+hair, math.Min(180-hair, l))
		}
		out = append(out, densifyCuts(part, lon0))
	}
	return out
}

// onSide returns a ring that does not cross the map's cut, with any
// point that lies on the cut itself (Natural Earth's 1:50m points fall
// on whole degrees) moved a hair to the side the rest of the ring is
// on, so that the projection does not put it on the far edge. f is the
// ring in the map's frame.
func onSide(r, f Ring, lon0 float64) Ring {
	const hair = 1e-7
	side := 0.0
	for _, p := range f {
		if math.Abs(p.Lon) < 180-hair {
			side += p.Lon
		}
	}
	var out Ring
	for i, p := range f {
		if math.Abs(p.Lon) >= 180-hair {
			if out == nil {
				out = append(Ring(nil), r...)
			}
			out[i].Lon = lon0 + math.Copysign(180-hair, side)
		}
	}
	if out == nil {
		return r
	}
	return out
}

// clipLon keeps the part of a closed ring on one side of the meridian
// at lon: east of it for side 1, west for -1.
func clipLon(r Ring, lon float64, side float64) Ring {
	return clipRing(r, func(p Point) float64 { return (p.Lon - lon) * side }, func(p Point) Point { p.Lon = lon; return p })
}

// clipLat keeps the part of a closed ring on one side of the parallel
// at lat: north of it for side 1, south for -1.
func clipLat(r Ring, lat float64, side float64) Ring {
	return clipRing(r, func(p Point) float64 { return (p.Lat - lat) * side }, func(p Point) Point { p.Lat = lat; return p })
}

// clipRing keeps the part of a closed ring where d is not negative
// (Sutherland and Hodgman's clipping, in degrees, the ring taken as
// flat); snap puts a point where the ring crosses on the line exactly.
func clipRing(r Ring, d func(Point) float64, snap func(Point) Point) Ring {
	var out Ring
	for i := 0; i+1 < len(r); i++ {
		a, b := r[i], r[i+1]
		da, db := d(a), d(b)
		if da >= 0 {
			out = append(out, a)
		}
		if (da >= 0) != (db >= 0) {
			t := da / (da - db)
			out = append(out, snap(Point{a.Lon + t*(b.Lon-a.Lon), a.Lat + t*(b.Lat-a.Lat)}))
		}
	}
	if len(out) > 0 {
		out = append(out, out[0])
	}
	return out
}

// area is a ring's signed area in square degrees.
func area(r Ring) float64 {
	s := 0.0
	for i := 0; i+1 < len(r); i++ {
		s += r[i].Lon*r[i+1].Lat - r[i+1].Lon*r[i].Lat
	}
	return s / 2
}

// sameSide reports whether a hole falls within the longitudes of an
// outer ring's part, both taken in the frame of a map centred on lon0.
func sameSide(outer, hole Ring, lon0 float64) bool {
	frame := func(lon float64) float64 {
		d := lon - lon0
		return d - 360*math.Round(d/360)
	}
	lo, hi := frame(outer[0].Lon), frame(outer[0].Lon)
	for _, p := range outer {
		lo, hi = math.Min(lo, frame(p.Lon)), math.Max(hi, frame(p.Lon))
	}
	for _, p := range hole {
		if l := frame(p.Lon); l < lo-1e-6 || l > hi+1e-6 {
			return false
		}
	}
	return true
}

// densifyCuts adds a point every degree along the edges a cut left on
// the map's edge, which most projections draw as a curve.
func densifyCuts(r Ring, lon0 float64) Ring {
	out := Ring{r[0]}
	for i := 1; i < len(r); i++ {
		a, b := r[i-1], r[i]
		if math.Abs(a.Lon-lon0) > 179.9 && a.Lon == b.Lon {
			n := int(math.Min(180, math.Abs(b.Lat-a.Lat)))
			for k := 1; k < n; k++ {
				out = append(out, Point{a.Lon, a.Lat + (b.Lat-a.Lat)*float64(k)/float64(n)})
			}
		}
		out = append(out, b)
	}
	return out
}

// onGlobe returns a ring whose points all lie on the globe: longitudes
// are taken into -180..180, latitudes beyond the poles to the pole, and
// points that are not numbers are left out. The boundaries shipped are all on it; a box or
// a point a figure gives may not be.
func onGlobe(r Ring) Ring {
	ok := true
	for _, p := range r {
		ok = ok && math.Abs(p.Lat) <= 90 && math.Abs(p.Lon) <= 180
	}
	if ok {
		return r
	}
	var out Ring
	for _, p := range r {
		if math.IsNaN(p.Lat) || math.IsNaN(p.Lon) || math.IsInf(p.Lon, 0) {
			continue
		}
		out = append(out, Point{math.Remainder(p.Lon, 360), math.Max(-90, math.Min(90, p.Lat))})
	}
	if len(out) > 0 && out[0] != out[len(out)-1] {
		out = append(out, out[0])
	}
	return out
}
