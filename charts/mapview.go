package charts

// Maps' building blocks, shared by the map types: the view (projection,
// boundaries and where the map stands in the figure), regions drawn as
// one path each and clipped to the map's box, borders, and the names of
// the regions that have room for them.

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/presschart/presschart/charts/geo"
	"github.com/presschart/presschart/charts/scene"
)

// mapView is a map as the figure draws it: the frame that places the
// projection in the figure, the boundaries it draws and its box.
type mapView struct {
	frame geo.Frame
	layer *geo.Layer
	box   rect
	globe bool // an orthographic globe: its disc is drawn
	world bool // the whole world: Antarctica is left out unless named
}

// mapProjections are the projections a map's projection key names.
var mapProjections = []string{"mercator", "equal-earth", "robinson", "globe"}

// worldLats are the latitudes a world map shows: Antarctica and the
// Arctic Ocean's empty north take space that the inhabited world needs.
const worldSouth, worldNorth = -58.0, 84.0

// simplifiedLayers keeps each shipped layer simplified at the tolerances
// maps have asked for (in steps of powers of two), for the process.
var simplifiedLayers sync.Map // "name@tol" -> *geo.Layer

// mapLayer is the layer name simplified for a map drawn at k px per
// radian: to about half a pixel, so that no drawn detail is lost and
// none is kept that cannot be seen.
func mapLayer(name string, k float64) (*geo.Layer, error) {
	tol := 0.5 / (k * math.Pi / 180) // degrees per half pixel at the equator
	tol = math.Pow(2, math.Floor(math.Log2(math.Max(tol, 1.0/64))))
	tol = math.Min(tol, 0.5)
	key := fmt.Sprintf("%s@%g", name, tol)
	if l, ok := simplifiedLayers.Load(key); ok {
		return l.(*geo.Layer), nil
	}
	l, err := geo.Load(name)
	if err != nil {
		return nil, err
	}
	s := l.Simplify(tol)
	simplifiedLayers.Store(key, s)
	return s, nil
}

// projection is the named projection centred on lon0 (and lat0 for a
// globe).
func projection(name string, lon0, lat0 float64) geo.Projection {
	switch name {
	case "equal-earth":
		return geo.EqualEarth{Lon0: lon0}
	case "robinson":
		return geo.Robinson{Lon0: lon0}
	case "globe":
		return geo.Orthographic{Lon0: lon0, Lat0: lat0}
	}
	return geo.Mercator{Lon0: lon0}
}

// centreOf is the middle of places on the globe: the direction of the
// sum of their unit vectors, as longitude and latitude. A set that spans
// the antimeridian (Fiji, Chukotka) has its middle there, not in Africa.
func centreOf(pts []geo.Point) (lon, lat float64) {
	var x, y, z float64
	for _, p := range pts {
		l, f := p.Lon*math.Pi/180, p.Lat*math.Pi/180
		x += math.Cos(f) * math.Cos(l)
		y += math.Cos(f) * math.Sin(l)
		z += math.Sin(f)
	}
	if math.Hypot(x, y) < 1e-9 {
		return 0, 0
	}
	return math.Atan2(y, x) * 180 / math.Pi, math.Atan2(z, math.Hypot(x, y)) * 180 / math.Pi
}

// clipToBox keeps the part of a closed ring inside the box (Sutherland
// and Hodgman, one edge at a time). Rings clipped one by one keep the
// even-odd rule's holes: a point of the box is inside as many of them
// as before.
func clipToBox(r [][2]float64, b rect) [][2]float64 {
	edges := []struct {
		in  func(p [2]float64) bool
		cut func(a, c [2]float64) [2]float64
	}{
		{func(p [2]float64) bool { return p[0] >= b.x }, func(a, c [2]float64) [2]float64 { return atX(a, c, b.x) }},
		{func(p [2]float64) bool { return p[0] <= b.right() }, func(a, c [2]float64) [2]float64 { return atX(a, c, b.right()) }},
		{func(p [2]float64) bool { return p[1] >= b.y }, func(a, c [2]float64) [2]float64 { return atY(a, c, b.y) }},
		{func(p [2]float64) bool { return p[1] <= b.bottom() }, func(a, c [2]float64) [2]float64 { return atY(a, c, b.bottom()) }},
	}
	out := r
	for _, e := range edges {
		if len(out) == 0 {
			return nil
		}
		var next [][2]float64
		for i := range out {
			a, c := out[i], out[(i+1)%len(out)]
			if e.in(a) {
				next = append(next, a)
			}
			if e.in(a) != e.in(c) {
				next = append(next, e.cut(a, c))
			}
		}
		out = next
	}
	if len(out) < 3 {
		return nil
	}
	return out
}

func atX(a, c [2]float64, x float64) [2]float64 {
	return [2]float64{x, a[1] + (x-a[0])/(c[0]-a[0])*(c[1]-a[1])}
}

func atY(a, c [2]float64, y float64) [2]float64 {
	return [2]float64{a[0] + (y-a[1])/(c[1]-a[1])*(c[0]-a[0]), y}
}

// clipLines is the closed ring's outline inside the box, as open runs
// of points (Liang and Barsky, segment by segment): a border stroked
// where the box cuts a region would draw a line along the map's edge.
func clipLines(r [][2]float64, b rect) [][][2]float64 {
	var out [][][2]float64
	var run [][2]float64
	flush := func() {
		if len(run) >= 2 {
			out = append(out, run)
		}
		run = nil
	}
	for i := range r {
		a, c := r[i], r[(i+1)%len(r)]
		t0, t1 := 0.0, 1.0
		dx, dy := c[0]-a[0], c[1]-a[1]
		ok := true
		for _, pq := range [][2]float64{{-dx, a[0] - b.x}, {dx, b.right() - a[0]}, {-dy, a[1] - b.y}, {dy, b.bottom() - a[1]}} {
			p, q := pq[0], pq[1]
			if p == 0 {
				if q < 0 {
					ok = false
				}
				continue
			}
			t := q / p
			if p < 0 {
				t0 = math.Max(t0, t)
			} else {
				t1 = math.Min(t1, t)
			}
		}
		if !ok || t0 > t1 {
			flush()
			continue
		}
		p0 := [2]float64{a[0] + t0*dx, a[1] + t0*dy}
		p1 := [2]float64{a[0] + t1*dx, a[1] + t1*dy}
		if len(run) == 0 || run[len(run)-1] != p0 {
			flush()
			run = append(run, p0)
		}
		run = append(run, p1)
		if t1 < 1 {
			flush()
		}
	}
	flush()
	return out
}

// mapRegion is a region as the map draws it: its rings in the figure's
// pixels, clipped to the map's box, and where its name would go.
type mapRegion struct {
	feat   *geo.Feature
	rings  [][][2]float64 // clipped, filled even-odd
	lines  [][][2]float64 // its outline inside the box, for borders
	lx, ly float64        // its label point, when hasLabel
	label  bool
	area   float64 // px², what it covers of the box
}

// regions draws every region of the view's layer that shows in its box,
// with its label point, leaving out Antarctica on a world map unless
// keep names it.
func (v *mapView) regions(keep func(code string) bool) []mapRegion {
	var out []mapRegion
	for i := range v.layer.Features {
		f := &v.layer.Features[i]
		if v.world && f.Code == "ATA" && !keep(f.Code) {
			continue
		}
		var rings, lines [][][2]float64
		for _, r := range v.frame.Rings(f) {
			minx, miny, maxx, maxy := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
			for _, p := range r {
				minx, maxx = math.Min(minx, p[0]), math.Max(maxx, p[0])
				miny, maxy = math.Min(miny, p[1]), math.Max(maxy, p[1])
			}
			if maxx < v.box.x || minx > v.box.right() || maxy < v.box.y || miny > v.box.bottom() {
				continue
			}
			if c := clipToBox(r, v.box); c != nil {
				rings = append(rings, c)
				lines = append(lines, clipLines(r, v.box)...)
			}
		}
		if len(rings) == 0 {
			continue
		}
		reg := mapRegion{feat: f, rings: rings, lines: lines}
		for _, r := range rings {
			reg.area += math.Abs(ringArea(r))
		}
		reg.lx, reg.ly, reg.label = geo.LabelPointOf(rings)
		out = append(out, reg)
	}
	return out
}

func ringArea(p [][2]float64) float64 {
	s := 0.0
	for i := range p {
		a, b := p[i], p[(i+1)%len(p)]
		s += a[0]*b[1] - b[0]*a[1]
	}
	return s / 2
}

// bounds is the box of the region as drawn.
func (r *mapRegion) bounds() scene.Box {
	b := scene.Box{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	for _, ring := range r.rings {
		for _, p := range ring {
			b = scene.Box{X0: math.Min(b.X0, p[0]), Y0: math.Min(b.Y0, p[1]), X1: math.Max(b.X1, p[0]), Y1: math.Max(b.Y1, p[1])}
		}
	}
	return b
}

// path is the region as one filled path, its holes holes.
func (r *mapRegion) path(fill scene.Color, class string) *scene.Path {
	p := &scene.Path{Fill: fill, Class: class, EvenOdd: true}
	for _, ring := range r.rings {
		p.MoveTo(ring[0][0], ring[0][1])
		for _, pt := range ring[1:] {
			p.LineTo(pt[0], pt[1])
		}
		p.Close()
	}
	return p
}

// drawRegions paints the regions, each one path whose class names its
// code (pc-region pc-region-NPL) so that an editor can restyle it, in
// the colour fill gives it, then their borders as hairlines in the
// background's colour, in a group of their own.
func (c *ctx) drawRegions(v *mapView, regs []mapRegion, fill func(r *mapRegion) (scene.Color, string)) *scene.Group {
	g := &scene.Group{ID: "regions", Class: "pc-regions"}
	if v.globe {
		// The globe's disc: the sea, a shade off the page.
		k := v.frame.K
		g.Add(&scene.Circle{CX: v.frame.OffsetX + v.frame.X0, CY: v.frame.OffsetY + v.frame.Y0, R: k, Fill: c.th.bg, Stroke: c.th.grid, StrokeWidth: 1, Class: "pc-globe"})
	}
	for i := range regs {
		col, class := fill(&regs[i])
		g.Add(regs[i].path(col, "pc-region pc-region-"+regs[i].feat.Code+class))
	}
	borders := &scene.Group{ID: "borders", Class: "pc-borders"}
	w := math.Max(0.5, math.Round(0.75*c.u*4)/4)
	for _, r := range regs {
		for _, l := range r.lines {
			borders.Add(&scene.Polyline{Pts: l, Stroke: c.th.bg, Width: w, Class: "pc-border"})
		}
	}
	return g.Add(borders)
}

// textBox is where a text node draws, as the layout checker measures
// it: its advance, from the top of its face's ascent to its descent.
func (c *ctx) textBox(t *scene.Text) scene.Box {
	w := c.width(t.S, t.Size, t.Bold)
	x := t.X
	switch t.Anchor {
	case scene.Middle:
		x -= w / 2
	case scene.End:
		x -= w
	}
	asc, desc := c.face(t.Bold).Metrics(t.Size)
	return scene.Box{X0: x, Y0: t.Y - asc, X1: x + w, Y1: t.Y + desc}
}

// fitsIn says whether the box lies inside the region as drawn: its
// corners and the middles of its edges all inside.
func (r *mapRegion) fitsIn(b scene.Box) bool {
	mx, my := (b.X0+b.X1)/2, (b.Y0+b.Y1)/2
	for _, p := range [][2]float64{{b.X0, b.Y0}, {b.X1, b.Y0}, {b.X0, b.Y1}, {b.X1, b.Y1}, {mx, b.Y0}, {mx, b.Y1}, {b.X0, my}, {b.X1, my}, {mx, my}} {
		if !geo.Inside(r.rings, p[0], p[1]) {
			return false
		}
	}
	return true
}

// regionName is a region's name in the figure's language, or in English
// when the figure's fonts cannot write that.
func (c *ctx) regionName(code string) string {
	name := geo.CountryName(code, c.f.Style.Locale)
	if _, missing := c.regular.Missing(name); missing {
		name = geo.CountryName(code, "en")
	}
	return name
}

// nameRegions writes the names of the regions that have room for them
// inside their outline and clear of every box taken, the largest first,
// in the muted colour at the tick labels' size: the neighbours that
// tell a reader where the map is.
func (c *ctx) nameRegions(regs []mapRegion, skip func(r *mapRegion) bool, taken []scene.Box) *scene.Group {
	g := &scene.Group{ID: "region-names", Class: "pc-region-names"}
	order := make([]int, len(regs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(regs[b].area, regs[a].area), strings.Compare(regs[a].feat.Code, regs[b].feat.Code))
	})
	size := c.tick
	pad := 3.0
	for _, i := range order {
		r := &regs[i]
		if !r.label || skip(r) {
			continue
		}
		name := c.regionName(r.feat.Code)
		if _, missing := c.regular.Missing(name); missing || name == "" {
			continue
		}
		capH := c.regular.CapHeight(size)
		t := c.text(r.lx, r.ly+capH/2, name, size, false, c.th.muted, scene.Middle, "pc-region-name")
		b := c.textBox(t)
		grown := scene.Box{X0: b.X0 - pad, Y0: b.Y0 - pad, X1: b.X1 + pad, Y1: b.Y1 + pad}
		if !r.fitsIn(grown) || hitsAny(grown, taken) {
			continue
		}
		g.Add(t)
		taken = append(taken, grown)
	}
	return g
}

func hitsAny(b scene.Box, set []scene.Box) bool {
	for _, t := range set {
		if b.X0 < t.X1 && t.X0 < b.X1 && b.Y0 < t.Y1 && t.Y0 < b.Y1 {
			return true
		}
	}
	return false
}
