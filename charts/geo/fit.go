package geo

import (
	"math"
	"sort"
)

// A Frame places a projection's drawing in a box of a figure: Fit
// chooses its scale and offset so that what it was fitted to fills the
// box, centred, keeping the projection's proportions.
type Frame struct {
	P       Projection
	Lon0    float64 // the meridian the map is cut opposite (Cut)
	K       float64 // CSS px per unit of the projection
	X0, Y0  float64 // where the projection's origin falls, y down
	W, H    float64 // the box's size
	OffsetX float64 // the box's place in the figure
	OffsetY float64
}

// XY is where p falls in the figure, y down; ok is false where the
// projection does not draw it.
func (f Frame) XY(p Point) (x, y float64, ok bool) {
	px, py, ok := f.P.Project(p)
	return f.OffsetX + f.X0 + px*f.K, f.OffsetY + f.Y0 - py*f.K, ok
}

// Fit returns the frame that fits the polygons, cut for lon0, into a box
// of w by h at (x, y): the drawing's extent fills the box's width or
// height, whichever binds, and is centred in the other.
func Fit(p Projection, lon0 float64, polys []Polygon, x, y, w, h float64) Frame {
	minx, miny, maxx, maxy := Extent(p, lon0, polys)
	f := Frame{P: p, Lon0: lon0, W: w, H: h, OffsetX: x, OffsetY: y, K: 1}
	if !(maxx > minx) || !(maxy > miny) {
		f.X0, f.Y0 = w/2, h/2
		return f
	}
	f.K = math.Min(w/(maxx-minx), h/(maxy-miny))
	f.X0 = (w-(maxx-minx)*f.K)/2 - minx*f.K
	f.Y0 = (h-(maxy-miny)*f.K)/2 + maxy*f.K
	return f
}

// Extent is the extent of the polygons' outer rings, cut for lon0, in
// the projection's units, y up; empty (min above max) when none of them
// is drawn.
func Extent(p Projection, lon0 float64, polys []Polygon) (minx, miny, maxx, maxy float64) {
	minx, miny, maxx, maxy = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, poly := range polys {
		for _, part := range Cut(poly, lon0) {
			for _, q := range part[0] {
				px, py, ok := p.Project(q)
				if !ok {
					continue
				}
				minx, maxx = math.Min(minx, px), math.Max(maxx, px)
				miny, maxy = math.Min(miny, py), math.Max(maxy, py)
			}
		}
	}
	return minx, miny, maxx, maxy
}

// Box is the polygon of a box of longitudes and latitudes, its edges
// drawn a degree at a time (they curve on most projections), for Fit.
func Box(lon1, lat1, lon2, lat2 float64) Polygon {
	var r Ring
	edge := func(a, b Point) {
		n := int(math.Max(1, math.Min(720, math.Ceil(math.Max(math.Abs(b.Lon-a.Lon), math.Abs(b.Lat-a.Lat))))))
		for k := 0; k < n; k++ {
			t := float64(k) / float64(n)
			r = append(r, Point{a.Lon + t*(b.Lon-a.Lon), a.Lat + t*(b.Lat-a.Lat)})
		}
	}
	c := []Point{{lon1, lat1}, {lon2, lat1}, {lon2, lat2}, {lon1, lat2}, {lon1, lat1}}
	for i := 0; i+1 < len(c); i++ {
		edge(c[i], c[i+1])
	}
	return Polygon{append(r, c[0])}
}

// LabelPoint is where a region's label goes on the frame: inside the
// largest part of it the frame draws (on a globe, of its near side), at
// that part's centre of area when that lies inside the region (holes
// count), else at the middle of the widest stretch of the region along
// the line across that centre (a crescent's, a coast's). ok is false
// when nothing of the region is drawn.
func (f Frame) LabelPoint(reg *Feature) (x, y float64, ok bool) {
	return LabelPointOf(f.Rings(reg))
}

// LabelPointOf is LabelPoint for a region's rings as Rings returned
// them (or as a map clipped them to its box), for a caller that draws
// them too.
func LabelPointOf(rings [][][2]float64) (x, y float64, ok bool) {
	var best [][2]float64
	bestA := 0.0
	for _, r := range rings {
		// Outlines run clockwise on the globe, so with y down their
		// area is positive; holes' negative.
		if a := PlanarArea(r); a > bestA {
			best, bestA = r, a
		}
	}
	if best == nil {
		return 0, 0, false
	}
	cx, cy := centroid(best)
	if insideAll(rings, cx, cy) {
		return cx, cy, true
	}
	// Else the middle of the widest stretch of the region, within the
	// largest part, along the line across that centre or, failing that,
	// along lines across the part from top to bottom.
	top, bottom := best[0][1], best[0][1]
	for _, p := range best {
		top, bottom = math.Min(top, p[1]), math.Max(bottom, p[1])
	}
	lines := []float64{cy}
	for k := 0; k < 9; k++ {
		lines = append(lines, top+(bottom-top)*(float64(k)+0.5)/9)
	}
	w := -1.0
	var lx, ly float64
	for n, yy := range lines {
		var xs []float64
		for _, r := range rings {
			for i := range r {
				a, b := r[i], r[(i+1)%len(r)]
				if (a[1] > yy) != (b[1] > yy) {
					xs = append(xs, a[0]+(yy-a[1])*(b[0]-a[0])/(b[1]-a[1]))
				}
			}
		}
		sort.Float64s(xs)
		for i := 0; i+1 < len(xs); i += 2 {
			if m := (xs[i] + xs[i+1]) / 2; xs[i+1]-xs[i] > w && inside(best, m, yy) && insideAll(rings, m, yy) {
				w, lx, ly = xs[i+1]-xs[i], m, yy
			}
		}
		if n == 0 && w > 0 {
			break // the centre's line will do
		}
	}
	if w < 0 {
		return cx, cy, true
	}
	return lx, ly, true
}

// Inside reports whether (x, y) lies inside a region's rings, its holes
// left out (even-odd over all of them).
func Inside(rings [][][2]float64, x, y float64) bool { return insideAll(rings, x, y) }

// insideAll reports whether (x, y) lies inside a region's rings, its
// holes left out (even-odd over all of them).
func insideAll(rings [][][2]float64, x, y float64) bool {
	in := false
	for _, r := range rings {
		if inside(r, x, y) {
			in = !in
		}
	}
	return in
}

// PlanarArea is a ring's signed area in its own units (the shoelace
// formula): positive for a ring that turns clockwise with y down.
func PlanarArea(p [][2]float64) float64 {
	s := 0.0
	for i := range p {
		a, b := p[i], p[(i+1)%len(p)]
		s += a[0]*b[1] - b[0]*a[1]
	}
	return s / 2
}

func centroid(p [][2]float64) (float64, float64) {
	var cx, cy, s float64
	for i := range p {
		a, b := p[i], p[(i+1)%len(p)]
		c := a[0]*b[1] - b[0]*a[1]
		cx += (a[0] + b[0]) * c
		cy += (a[1] + b[1]) * c
		s += c
	}
	if s == 0 {
		return p[0][0], p[0][1]
	}
	return cx / (3 * s), cy / (3 * s)
}

// inside reports whether (x, y) lies inside the polygon (even-odd).
func inside(p [][2]float64, x, y float64) bool {
	in := false
	for i := range p {
		a, b := p[i], p[(i+1)%len(p)]
		if (a[1] > y) != (b[1] > y) && x < a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]) {
			in = !in
		}
	}
	return in
}
