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
	"sort"
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
		switch { // at a pole, or nowhere
		case z > 0:
			return 0, 90
		case z < 0:
			return 0, -90
		}
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
			reg.area += math.Abs(geo.PlanarArea(r))
		}
		reg.lx, reg.ly, reg.label = geo.LabelPointOf(rings)
		out = append(out, reg)
	}
	return out
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
	// A grid over the box, every few pixels along it: a bay or a strait
	// narrower than the box is found between its corners.
	nx := max(2, int(math.Ceil((b.X1-b.X0)/6)))
	for i := 0; i <= nx; i++ {
		for j := 0; j <= 2; j++ {
			x := b.X0 + (b.X1-b.X0)*float64(i)/float64(nx)
			y := b.Y0 + (b.Y1-b.Y0)*float64(j)/2
			if !geo.Inside(r.rings, x, y) {
				return false
			}
		}
	}
	return true
}

// regionName is a region's name in the figure's language, or in English
// when the figure's fonts cannot write that.
func (c *ctx) regionName(code string) string {
	if c.f.Map.States {
		return placeName(c.f, code)
	}
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
func (c *ctx) nameRegions(regs []mapRegion, skip func(r *mapRegion) bool, near [][2]float64, taken []scene.Box) *scene.Group {
	g := &scene.Group{ID: "region-names", Class: "pc-region-names"}
	order := make([]int, len(regs))
	for i := range order {
		order[i] = i
	}
	// The neighbours nearest the places first (by their outlines' boxes,
	// in steps, so that size decides among the near), then the largest.
	ds := make([]float64, len(regs))
	for i := range regs {
		b := regs[i].bounds()
		ds[i] = math.Inf(1)
		for _, p := range near {
			ds[i] = math.Min(ds[i], math.Round(boxDist(b, p[0], p[1])/(40*c.u)))
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(ds[a], ds[b]), cmp.Compare(regs[b].area, regs[a].area), strings.Compare(regs[a].feat.Code, regs[b].feat.Code))
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
		t := c.placeInside(r, name, size, false, c.th.muted, "pc-region-name", 3, pad, taken)
		if t == nil {
			continue
		}
		g.Add(t)
		b := c.textBox(t)
		taken = append(taken, scene.Box{X0: b.X0 - pad, Y0: b.Y0 - pad, X1: b.X1 + pad, Y1: b.Y1 + pad})
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

// mapOptions are a map's own keys.
type mapOptions struct {
	Bounds     []float64 // lon1, lat1, lon2, lat2; nil to fit the rows
	World      bool      // bounds = "world"
	Projection string    // one of mapProjections, or "" for the type's choice
	States     bool      // map = "us-states": US states on Albers USA
}

// mapNames are the boundaries a map key names: countries, or US states
// (with DC and Puerto Rico).
var mapNames = []string{"world", "us-states"}

// regionLayer is the layer a map's regions are looked up in, at its
// finest.
func (o mapOptions) regionLayer() *geo.Layer {
	if o.States {
		l, err := geo.Load(geo.USStates)
		if err != nil {
			panic(err) // shipped in the binary: its tests decode it
		}
		return l
	}
	return countries50m()
}

// resolve finds the region a map's row names, as the map's boundaries
// name it.
func (o mapOptions) resolve(name string) (geo.Region, error) {
	if o.States {
		return geo.State(name)
	}
	return geo.Country(name)
}

// readRegion reads the row's region (named by key) into d.Region and
// d.Label's default, or says why it cannot.
func readRegion(f *Figure, t *table, key, name string, d *Datum) bool {
	r, err := f.Map.resolve(name)
	if err != nil {
		t.errf(key, "%s", err)
		return false
	}
	if _, ok := f.Map.regionLayer().Feature(r.Code); !ok {
		t.errf(key, "%q (%s) has no outline of its own in the boundaries (it is too small for them, or drawn as part of another region); mark it by lat and lon instead", name, r.Code)
		return false
	}
	if f.Map.States && !slices.Contains(albersUSADraws, r.Code) {
		t.errf(key, "%q (%s) is not drawn on Albers USA, which shows the 50 states and DC; leave it out, or say so in the note", name, r.Code)
		return false
	}
	d.Region = r.Code
	return true
}

// albersUSADraws are the FIPS codes of what map = "us-states" draws: the
// 50 states and DC, not the territories (Puerto Rico, Guam...).
var albersUSADraws = func() []string {
	var out []string
	for i := 1; i <= 56; i++ {
		if code := fmt.Sprintf("%02d", i); !slices.Contains([]string{"03", "07", "14", "43", "52"}, code) {
			out = append(out, code)
		}
	}
	return out
}()

// placeName is a region's name in the figure's language (a country's) or
// as the boundaries give it (a state's), in English when the figure's
// fonts cannot write it.
func placeName(f *Figure, code string) string {
	if f.Map.States {
		if ft, ok := f.Map.regionLayer().Feature(code); ok {
			return ft.Name
		}
		return code
	}
	name := geo.CountryName(code, f.Style.Locale)
	if regular, _ := f.Style.faces(); regular != nil {
		if _, missing := regular.Missing(name); missing {
			name = geo.CountryName(code, "en")
		}
	}
	return name
}

func readMapOptions(f *Figure, t *table) {
	o := &f.Map
	if v, ok := t.get("bounds"); ok {
		switch v := v.(type) {
		case string:
			if v != "world" {
				t.errf("bounds", "%q is not a view; give \"world\" or [lon1, lat1, lon2, lat2], e.g. [60, 5, 100, 40]", v)
			}
			o.World = v == "world"
		case []any:
			nums := make([]float64, 0, 4)
			for i, x := range v {
				n, msg := checkNumber(x)
				if msg != "" {
					t.errf(fmt.Sprintf("bounds[%d]", i), "%s", msg)
					return
				}
				nums = append(nums, n)
			}
			if msg := checkBounds(nums); msg != "" {
				t.errf("bounds", "%s", msg)
				return
			}
			o.Bounds = nums
		default:
			t.errf("bounds", "must be \"world\" or [lon1, lat1, lon2, lat2], not %s", typeName(v))
		}
	}
	var m string
	if t.str("map", &m) {
		if !slices.Contains(mapNames, m) {
			t.errf("map", "%q is not a map; use one of %s", m, strings.Join(quoteAll(mapNames), ", "))
		}
		o.States = m == "us-states"
	}
	if t.str("projection", &o.Projection) && !slices.Contains(mapProjections, o.Projection) {
		t.errf("projection", "%q is not a projection; use one of %s", o.Projection, strings.Join(quoteAll(mapProjections), ", "))
		o.Projection = ""
	}
}

// checkBounds says what is wrong with a view's bounds, or "".
func checkBounds(b []float64) string {
	switch {
	case len(b) != 4:
		return fmt.Sprintf("has %d numbers; give four: [lon1, lat1, lon2, lat2], the west, south, east and north edges", len(b))
	case b[0] > b[2] && b[0] <= 180 && b[2] >= -180:
		return fmt.Sprintf("runs west from %g to %g across the 180th meridian, which bounds cannot; leave bounds out to fit the places (maps cut there follow them across)", b[0], b[2])
	case b[0] < -180 || b[2] > 180 || b[0] >= b[2]:
		return fmt.Sprintf("runs from longitude %g to %g; give the west edge, then the east, between -180 and 180", b[0], b[2])
	case b[1] < -90 || b[3] > 90 || b[1] >= b[3]:
		return fmt.Sprintf("runs from latitude %g to %g; give the south edge, then the north, between -90 and 90", b[1], b[3])
	case b[2]-b[0] < 0.5 || b[3]-b[1] < 0.5:
		return fmt.Sprintf("spans %g° by %g°; a map needs half a degree or more each way (the boundaries show no finer detail)", b[2]-b[0], b[3]-b[1])
	}
	return ""
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// countries50m is Natural Earth's countries at 1:50m, which every region
// a map names must be in.
func countries50m() *geo.Layer {
	l, err := geo.Load(geo.Countries50m)
	if err != nil {
		panic(err) // shipped in the binary: its tests decode it
	}
	return l
}

// featureMeets says whether any of a region's outline lies inside the
// bounds.
func (o mapOptions) featureMeets(code string, b []float64) bool {
	ft, ok := o.regionLayer().Feature(code)
	if !ok {
		return false
	}
	for _, poly := range ft.Polygons {
		for _, p := range poly[0] {
			if p.Lon >= b[0] && p.Lon <= b[2] && p.Lat >= b[1] && p.Lat <= b[3] {
				return true
			}
		}
	}
	return false
}

// places are the rows' regions and points, for fitting, and samples of
// them all (every region's outline, thinned) for centring.
func (f *Figure) places() (feats []*geo.Feature, pts, around []geo.Point) {
	l := f.Map.regionLayer()
	for _, d := range f.Data {
		if d.at {
			pts = append(pts, geo.Point{Lon: d.Lon, Lat: d.Lat})
			around = append(around, pts[len(pts)-1])
		} else if ft, ok := l.Feature(d.Region); ok {
			feats = append(feats, ft)
			around = append(around, outlineSample(&geo.Feature{Polygons: mainParts(ft)})...)
		}
	}
	return feats, pts, around
}

// mainParts are the parts of a region that a view is fitted to: those
// at least a sixth the area of its largest, so that Easter Island does
// not pull Chile's map into the Pacific (the others are drawn, not
// fitted to).
func mainParts(ft *geo.Feature) []geo.Polygon {
	area := func(p geo.Polygon) float64 {
		// In degrees squared (trapezoids under each edge), shrunk by
		// the cosine of the part's mean latitude.
		s, lat := 0.0, 0.0
		r := p[0]
		for i := range r {
			a, b := r[i], r[(i+1)%len(r)]
			dl := b.Lon - a.Lon
			if dl > 180 { // across the antimeridian, the short way
				dl -= 360
			} else if dl < -180 {
				dl += 360
			}
			s += dl * (a.Lat + b.Lat) / 2
			lat += a.Lat
		}
		return math.Abs(s) * math.Cos(lat/float64(max(1, len(r)))*math.Pi/180)
	}
	most := 0.0
	for _, p := range ft.Polygons {
		most = math.Max(most, area(p))
	}
	var out []geo.Polygon
	for _, p := range ft.Polygons {
		if area(p) >= most/6 {
			out = append(out, p)
		}
	}
	return out
}

// outlineSample is some 64 points of each part of a region's outline.
func outlineSample(ft *geo.Feature) []geo.Point {
	var out []geo.Point
	for _, poly := range ft.Polygons {
		for i := 0; i < len(poly[0]); i += 1 + len(poly[0])/64 {
			out = append(out, poly[0][i])
		}
	}
	return out
}

// maxGlobeAngle is how far from a globe's centre a place may lie, in
// degrees of arc, and still be seen: past it, it turns to the edge.
const maxGlobeAngle = 75

// arc is the angle between two places on the globe, in degrees.
func arc(a, b geo.Point) float64 {
	const r = math.Pi / 180
	c := math.Sin(a.Lat*r)*math.Sin(b.Lat*r) + math.Cos(a.Lat*r)*math.Cos(b.Lat*r)*math.Cos((a.Lon-b.Lon)*r)
	return math.Acos(math.Max(-1, math.Min(1, c))) / r
}

// extentOf is the projected extent of polygons cut for lon0, in the
// projection's units; ok is false when none of them is drawn.
func extentOf(p geo.Projection, lon0 float64, polys []geo.Polygon) (minx, miny, maxx, maxy float64, ok bool) {
	minx, miny, maxx, maxy = geo.Extent(p, lon0, polys)
	return minx, miny, maxx, maxy, maxx > minx && maxy > miny
}

// mapViewOf chooses the map's view and its box at the top of p: the US
// states on Albers USA; else the bounds given, the world, a globe
// centred on the places, or, with fit, a view fitted to the places
// (without fit, the world).
func (c *ctx) mapViewOf(p rect, fit bool) *mapView {
	o := c.f.Map
	if o.States {
		return c.statesView(p)
	}
	feats, pts, around := c.f.places()
	var polys []geo.Polygon
	for _, ft := range feats {
		polys = append(polys, mainParts(ft)...)
	}
	for _, pt := range pts {
		polys = append(polys, geo.Box(pt.Lon-0.5, pt.Lat-0.5, pt.Lon+0.5, pt.Lat+0.5))
	}
	lon0, lat0 := centreOf(around)
	w := p.w
	height := func(aspect float64) float64 {
		// A map takes the height its view needs at the figure's width
		// (the figure grows for it), unless the figure's height is its
		// own.
		h := w * math.Min(math.Max(aspect, 0.5), 1.1)
		if c.f.Style.FixedHeight {
			h = p.h
		}
		return math.Round(math.Max(h, math.Min(p.h, 150*c.u)))
	}
	v := &mapView{}
	world := o.World || !fit && len(o.Bounds) == 0 && o.Projection != "globe"
	proj := o.Projection
	switch {
	case proj == "globe":
		side := math.Min(w, height(1))
		v.box = rect{p.x, p.y, w, side}
		v.globe = true
		v.frame = geo.Frame{P: projection("globe", lon0, lat0), Lon0: lon0, K: side/2 - 1, X0: w / 2, Y0: side / 2, W: w, H: side, OffsetX: p.x, OffsetY: p.y}
	case len(o.Bounds) == 4:
		b := o.Bounds
		if proj == "" {
			proj = "mercator"
			if b[3]-b[1] > 70 || math.Max(math.Abs(b[1]), math.Abs(b[3])) > 80 {
				proj = "equal-earth"
			}
		}
		lon0 = (b[0] + b[2]) / 2
		box := []geo.Polygon{geo.Box(b[0], b[1], b[2], b[3])}
		P := projection(proj, lon0, 0)
		x0, y0, x1, y1, _ := extentOf(P, lon0, box)
		h := height((y1 - y0) / (x1 - x0))
		v.box = rect{p.x, p.y, w, h}
		v.frame = geo.Fit(P, lon0, box, p.x, p.y, w, h)
	default:
		if proj == "" {
			proj = "mercator"
			// Near the poles Mercator's map ends: another shows them.
			for _, q := range around {
				if math.Abs(q.Lat) > 80 {
					proj = "equal-earth"
				}
			}
		}
		P := projection(proj, lon0, 0)
		x0, y0, x1, y1, ok := extentOf(P, lon0, polys)
		if !ok {
			world = true
			break
		}
		// The places take about half the map, and the map spans at
		// least 24° of longitude: their neighbours show around them.
		const minSpan = 24 * math.Pi / 180
		ew := math.Max((x1-x0)*2, minSpan)
		eh := math.Max((y1-y0)*2, minSpan*0.6)
		if ew > 1.6*math.Pi { // most of the world: show it whole
			world = true
			break
		}
		h := height(eh / ew)
		k := math.Min(w/ew, h/eh)
		cx, cy := (x0+x1)/2, (y0+y1)/2
		if _, merc := P.(geo.Mercator); merc {
			// Mercator's map ends at 85°: the view stays inside it.
			top := math.Log(math.Tan(math.Pi/4 + 85*math.Pi/360))
			half := h / 2 / k
			cy = math.Min(math.Max(cy, -top+half), top-half)
		}
		v.box = rect{p.x, p.y, w, h}
		v.frame = geo.Frame{P: P, Lon0: lon0, K: k, X0: w/2 - cx*k, Y0: h/2 + cy*k, W: w, H: h, OffsetX: p.x, OffsetY: p.y}
	}
	if world {
		if proj == "" || proj == "mercator" {
			proj = "equal-earth"
		}
		P := projection(proj, 0, 0)
		// The inhabited world, and as far towards a pole as a place
		// named lies.
		south, north := worldSouth, worldNorth
		for _, q := range around {
			south, north = math.Min(south, math.Max(-90, q.Lat-4)), math.Max(north, math.Min(90, q.Lat+2))
		}
		box := []geo.Polygon{geo.Box(-180, south, 180, north)}
		x0, y0, x1, y1, _ := extentOf(P, 0, box)
		h := math.Round(w * (y1 - y0) / (x1 - x0))
		if c.f.Style.FixedHeight {
			h = p.h
		}
		v.box = rect{p.x, p.y, w, h}
		v.frame = geo.Fit(P, 0, box, p.x, p.y, w, h)
		v.world = true
	}
	// The boundaries at 1:110m for a wide view when they hold every
	// region named; else at 1:50m.
	name := geo.Countries50m
	if span := v.box.w / v.frame.K; v.world || span > 100*math.Pi/180 && !v.globe || v.globe && v.frame.K < 300 {
		coarse, _ := geo.Load(geo.Countries110m)
		name = geo.Countries110m
		for _, ft := range feats {
			if _, ok := coarse.Feature(ft.Code); !ok {
				name = geo.Countries50m
			}
		}
	}
	layer, err := mapLayer(name, v.frame.K)
	if err != nil {
		panic(err) // shipped in the binary: its tests decode it
	}
	v.layer = layer
	return v
}

// statesView is the US states on Albers USA, Alaska and Hawaii inset,
// fitted to the width.
func (c *ctx) statesView(p rect) *mapView {
	l := c.f.Map.regionLayer()
	var polys []geo.Polygon
	for _, ft := range l.Features {
		polys = append(polys, ft.Polygons...)
	}
	P := geo.AlbersUSA{}
	x0, y0, x1, y1, _ := extentOf(P, 0, polys)
	h := math.Round(p.w * (y1 - y0) / (x1 - x0))
	if c.f.Style.FixedHeight {
		h = p.h
	}
	v := &mapView{box: rect{p.x, p.y, p.w, h}}
	v.frame = geo.Fit(P, 0, polys, p.x, p.y, p.w, h)
	layer, err := mapLayer(geo.USStates, v.frame.K)
	if err != nil {
		panic(err) // shipped in the binary: its tests decode it
	}
	v.layer = layer
	return v
}

// labelInside is a region's label in bold, in the page's colour on the
// accent, inside the region: at its label point or, failing that, at the
// nearest place around it where the label and a margin lie inside the
// outline and clear of what is taken; nil where there is none.
func (c *ctx) labelInside(reg *mapRegion, s string, taken []scene.Box) *scene.Text {
	return c.placeInside(reg, s, c.value, true, c.th.bg, "pc-label pc-region-label", 8, 1, taken)
}

// placeInside is a text inside a region with a margin around it, clear
// of what is taken: at the region's label point or the nearest place
// to it on a grid of 2n+1 steps across the region's box; nil where
// there is none.
func (c *ctx) placeInside(reg *mapRegion, s string, size float64, bold bool, col scene.Color, class string, n int, pad float64, taken []scene.Box) *scene.Text {
	capH := c.face(bold).CapHeight(size)
	w := c.width(s, size, bold)
	b := reg.bounds()
	if w+2*pad+2 > b.X1-b.X0 {
		return nil
	}
	type off struct{ dx, dy float64 }
	var offs []off
	for gy := -n; gy <= n; gy++ {
		for gx := -n; gx <= n; gx++ {
			x, y := reg.lx+float64(gx)*(b.X1-b.X0)/float64(2*n), reg.ly+float64(gy)*(b.Y1-b.Y0)/float64(2*n)
			if x < b.X0 || x > b.X1 || y < b.Y0 || y > b.Y1 {
				continue
			}
			offs = append(offs, off{x - reg.lx, y - reg.ly})
		}
	}
	slices.SortStableFunc(offs, func(a, b off) int {
		return cmp.Compare(math.Hypot(a.dx, a.dy), math.Hypot(b.dx, b.dy))
	})
	for _, o := range offs {
		t := c.text(reg.lx+o.dx, reg.ly+o.dy+capH/2, s, size, bold, col, scene.Middle, class)
		tb := c.textBox(t)
		grown := scene.Box{X0: tb.X0 - pad - 1, Y0: tb.Y0 - pad, X1: tb.X1 + pad + 1, Y1: tb.Y1 + pad}
		if grown.X0 < b.X0 || grown.X1 > b.X1 || grown.Y0 < b.Y0 || grown.Y1 > b.Y1 || hitsAny(grown, taken) {
			continue
		}
		if reg.fitsIn(grown) {
			return t
		}
	}
	return nil
}

// validateMap checks what every map's rows and view must agree on:
// every place inside the bounds given, on the near side of a globe, and
// a projection that can show the view.
func validateMap(f *Figure, e *errs) {
	if f.Map.States && (len(f.Map.Bounds) > 0 || f.Map.World || f.Map.Projection != "") {
		e.add("map", "\"us-states\" is drawn on Albers USA, Alaska and Hawaii inset; leave out bounds and projection")
		return
	}
	// Every place shows in the view the figure gives.
	if b := f.Map.Bounds; len(b) == 4 {
		for i, d := range f.Data {
			switch {
			case d.at && (d.Lon < b[0] || d.Lon > b[2] || d.Lat < b[1] || d.Lat > b[3]):
				e.add(f.rowKey(i), "lies outside bounds: lat %g, lon %g is not within [%g, %g, %g, %g]; widen bounds, or leave them out to fit the places", d.Lat, d.Lon, b[0], b[1], b[2], b[3])
			case !d.at && d.Region != "" && !f.Map.featureMeets(d.Region, b):
				e.add(f.rowKey(i)+".region", "%s lies outside bounds; widen bounds, or leave them out to fit the places", d.Region)
			}
		}
	}
	if f.Map.Projection == "globe" && !f.Map.World {
		// A globe shows one side of the world: every place near the
		// middle of them all.
		_, _, around := f.places()
		lon, lat := centreOf(around)
		mid := geo.Point{Lon: lon, Lat: lat}
		for i, d := range f.Data {
			pts := []geo.Point{{Lon: d.Lon, Lat: d.Lat}}
			if !d.at {
				if ft, ok := f.Map.regionLayer().Feature(d.Region); ok {
					pts = outlineSample(ft)
				}
			}
			lo, la := centreOf(pts)
			if a := arc(mid, geo.Point{Lon: lo, Lat: la}); a > maxGlobeAngle {
				e.add(f.rowKey(i), "lies %.0f° round the globe from the middle of the places, past its visible side; leave out projection = \"globe\" for a flat map of them all", a)
				break
			}
		}
	}
	if f.Map.World && f.Map.Projection == "globe" {
		e.add("projection", "\"globe\" shows one side of the world; leave out bounds = \"world\", or use \"equal-earth\"")
	}
	if f.Map.Projection == "mercator" && (f.Map.World || len(f.Map.Bounds) == 4 && math.Max(math.Abs(f.Map.Bounds[1]), math.Abs(f.Map.Bounds[3])) > 85) {
		e.add("projection", "\"mercator\" cannot show the poles; use \"equal-earth\" for the world, or bounds within 85° north and south")
	}
}

// describeHighLow names a map's three highest regions or places and its
// three lowest, with their values, for the alt text.
func describeHighLow(f *Figure, nf numberFormat) string {
	loc := nf.loc
	name := func(d Datum) string {
		if d.Region != "" {
			return placeName(f, d.Region)
		}
		return d.Label
	}
	var rows []Datum
	for _, d := range f.Data {
		if !math.IsNaN(d.Value) {
			rows = append(rows, d)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Value > rows[j].Value })
	list := func(rs []Datum) string {
		var out []string
		for _, d := range rs {
			form := "%s (%s)" // a name and its value
			if loc.script == "hans" || loc.script == "jpan" {
				form = "%s（%s）"
			}
			out = append(out, fmt.Sprintf(form, name(d), nf.number(d.Value)))
		}
		return strings.Join(out, ", ")
	}
	n := min(3, len(rows))
	s := fmt.Sprintf(loc.mapHighest, list(rows[:n]))
	if len(rows) > n {
		low := slices.Clone(rows[max(n, len(rows)-3):])
		slices.Reverse(low)
		s += " " + fmt.Sprintf(loc.mapLowest, list(low))
	}
	return s
}

// readPlaceRow reads a row's region, named in any way geo.Country
// knows, or its lat and lon. A region's label is its name in the
// figure's language unless the row gives one.
func readPlaceRow(f *Figure, t *table, d *Datum) {
	var name string
	hasRegion := t.str("region", &name) // a name to look up, not drawn: the label is
	hasLat, hasLon := t.num("lat", &d.Lat), t.num("lon", &d.Lon)
	d.at = hasLat || hasLon
	switch {
	case hasRegion && d.at:
		t.errf("region", "and lat, lon both place the row; give a region, or a point by lat and lon")
		return
	case hasRegion:
		if readRegion(f, t, "region", name, d) && d.Label == "" {
			d.Label = placeName(f, d.Region)
		}
	case d.at:
		switch {
		case !hasLat:
			t.errf("lat", "is missing; a point needs lat and lon")
		case !hasLon:
			t.errf("lon", "is missing; a point needs lat and lon")
		case d.Lat < -90 || d.Lat > 90:
			t.errf("lat", "%g is not a latitude; give degrees north, -90 to 90 (south is negative)", d.Lat)
		case d.Lon < -180 || d.Lon > 180:
			t.errf("lon", "%g is not a longitude; give degrees east, -180 to 180 (west is negative)", d.Lon)
		case d.Label == "":
			t.errf("label", "is missing; a point needs a label")
		}
	default:
		t.errf("region", "is missing; give a region (\"Nepal\", \"NPL\") or a point by lat and lon")
	}
}

// boundsOf is the box of what a group draws, text measured roughly by
// its size.
func boundsOf(g *scene.Group) (scene.Box, bool) {
	b := scene.Box{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	add := func(x0, y0, x1, y1 float64) {
		b = scene.Box{X0: math.Min(b.X0, x0), Y0: math.Min(b.Y0, y0), X1: math.Max(b.X1, x1), Y1: math.Max(b.Y1, y1)}
	}
	for _, n := range g.Nodes {
		switch n := n.(type) {
		case *scene.Rect:
			add(n.X, n.Y, n.X+n.W, n.Y+n.H)
		case *scene.Text:
			add(n.X-n.Size*8, n.Y-n.Size, n.X+n.Size*8, n.Y+n.Size*0.3)
		}
	}
	return b, b.X1 > b.X0
}

// mapAxes are a map's axes for annotations: its box, and each row's
// point (dots, by row; NaN where a row is not drawn). In a
// right-to-left figure the map is drawn mirrored, for the figure's
// mirror to set it right, so its points are given mirrored too.
func (c *ctx) mapAxes(box rect, dots []dot) *axes {
	mirror := c.left + c.right // the figure's width: its mirror undoes this one
	rtl := c.f.Style.rtl()
	return &axes{area: box, point: func(at string) (float64, float64, bool) {
		for i, d := range c.f.Data {
			if d.Label == at && !math.IsNaN(dots[i].x) {
				x := dots[i].x
				if rtl {
					x = mirror - x
				}
				return x, dots[i].y, true
			}
		}
		return 0, 0, false
	}}
}
