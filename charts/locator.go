package charts

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/presschart/presschart/charts/geo"
	"github.com/presschart/presschart/charts/scene"
)

// locatorKind draws a map that shows where places are: rows { region }
// (a country, by code or name in any of presschart's languages) filled
// in the accent, or { label, lat, lon } marked with a dot, each
// labelled; the countries around that have room for their names are
// named. The map fits the rows with room around them (Mercator), or
// shows bounds = [lon1, lat1, lon2, lat2], or the world (bounds =
// "world", Equal Earth); projection = "globe" draws them on a globe.
var locatorKind = &kind{
	name:        "locator",
	maxRows:     maxLocatorRows,
	ownLabels:   true,
	ordered:     true,
	noHighlight: true,
	readRow:     readLocatorRow,
	options:     readMapOptions,
	validate:    validateLocator,
	plot:        plotLocator,
	describe:    describeLocator,
}

// maxLocatorRows is the most places a locator map shows: past a dozen,
// a reader wants a choropleth.
const maxLocatorRows = 12

// mapOptions are a map's own keys.
type mapOptions struct {
	Bounds     []float64 // lon1, lat1, lon2, lat2; nil to fit the rows
	World      bool      // bounds = "world"
	Projection string    // one of mapProjections, or "" for the type's choice
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
	case b[0] < -180 || b[2] > 180 || b[0] >= b[2]:
		return fmt.Sprintf("runs from longitude %g to %g; give the west edge, then the east, between -180 and 180", b[0], b[2])
	case b[1] < -90 || b[3] > 90 || b[1] >= b[3]:
		return fmt.Sprintf("runs from latitude %g to %g; give the south edge, then the north, between -90 and 90", b[1], b[3])
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

// readLocatorRow reads a row's region, named in any way geo.Country
// knows, or its lat and lon. A region's label is its name in the
// figure's language unless the row gives one.
func readLocatorRow(f *Figure, t *table, d *Datum) {
	var name string
	hasRegion := t.str("region", &name) // a name to look up, not drawn: the label is
	hasLat, hasLon := t.num("lat", &d.Lat), t.num("lon", &d.Lon)
	d.at = hasLat || hasLon
	switch {
	case hasRegion && d.at:
		t.errf("region", "and lat, lon both place the row; give a region, or a point by lat and lon")
		return
	case hasRegion:
		r, err := geo.Country(name)
		if err != nil {
			t.errf("region", "%s", err)
			return
		}
		if _, ok := countries50m().Feature(r.Code); !ok {
			t.errf("region", "%q (%s) has no outline of its own in the boundaries, which draw it as part of its country; mark it by lat and lon instead", name, r.Code)
			return
		}
		d.Region = r.Code
		if d.Label == "" {
			d.Label = geo.CountryName(r.Code, f.Style.Locale)
			if regular, _ := f.Style.faces(); regular != nil {
				if _, missing := regular.Missing(d.Label); missing {
					d.Label = geo.CountryName(r.Code, "en")
				}
			}
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

// countries50m is Natural Earth's countries at 1:50m, which every region
// a map names must be in.
func countries50m() *geo.Layer {
	l, err := geo.Load(geo.Countries50m)
	if err != nil {
		panic(err) // shipped in the binary: its tests decode it
	}
	return l
}

func validateLocator(f *Figure, e *errs) {
	seen := map[string]int{}
	for i, d := range f.Data {
		if d.Region == "" {
			continue
		}
		if j, ok := seen[d.Region]; ok {
			e.add(f.rowKey(i)+".region", "names %s again (as %s does); name each region once", d.Region, f.rowKey(j))
		}
		seen[d.Region] = i
	}
	// Every place shows in the view the figure gives.
	if b := f.Map.Bounds; len(b) == 4 {
		for i, d := range f.Data {
			switch {
			case d.at && (d.Lon < b[0] || d.Lon > b[2] || d.Lat < b[1] || d.Lat > b[3]):
				e.add(f.rowKey(i), "lies outside bounds: lat %g, lon %g is not within [%g, %g, %g, %g]; widen bounds, or leave them out to fit the places", d.Lat, d.Lon, b[0], b[1], b[2], b[3])
			case !d.at && d.Region != "" && !featureMeets(d.Region, b):
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
				if ft, ok := countries50m().Feature(d.Region); ok {
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

// featureMeets says whether any of a region's outline lies inside the
// bounds.
func featureMeets(code string, b []float64) bool {
	ft, ok := countries50m().Feature(code)
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
	l := countries50m()
	for _, d := range f.Data {
		if d.at {
			pts = append(pts, geo.Point{Lon: d.Lon, Lat: d.Lat})
			around = append(around, pts[len(pts)-1])
		} else if ft, ok := l.Feature(d.Region); ok {
			feats = append(feats, ft)
			around = append(around, outlineSample(ft)...)
		}
	}
	return feats, pts, around
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

// locatorView chooses the map's view and its box at the top of p.
func (c *ctx) locatorView(p rect) *mapView {
	o := c.f.Map
	feats, pts, around := c.f.places()
	var polys []geo.Polygon
	for _, ft := range feats {
		polys = append(polys, ft.Polygons...)
	}
	for _, pt := range pts {
		polys = append(polys, geo.Box(pt.Lon-0.5, pt.Lat-0.5, pt.Lon+0.5, pt.Lat+0.5))
	}
	lon0, lat0 := centreOf(around)
	w := p.w
	height := func(aspect float64) float64 {
		h := w * math.Min(math.Max(aspect, 0.5), 1.1)
		if c.f.Style.FixedHeight || h > p.h {
			h = p.h
		}
		return math.Round(math.Max(h, math.Min(p.h, 150*c.u)))
	}
	v := &mapView{}
	world := o.World
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
		box := []geo.Polygon{geo.Box(-180, worldSouth, 180, worldNorth)}
		x0, y0, x1, y1, _ := extentOf(P, 0, box)
		h := math.Min(math.Round(w*(y1-y0)/(x1-x0)), p.h)
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

func plotLocator(c *ctx, p rect) drawn {
	v := c.locatorView(p)
	named := map[string]int{} // region code -> row
	for i, d := range c.f.Data {
		if d.Region != "" {
			named[d.Region] = i
		}
	}
	regs := v.regions(func(code string) bool { _, ok := named[code]; return ok })
	land := c.th.grid
	g := &scene.Group{}
	g.Add(c.drawRegions(v, regs, func(r *mapRegion) (scene.Color, string) {
		if _, ok := named[r.feat.Code]; ok {
			return c.accent, " pc-highlight"
		}
		return land, ""
	}))

	// Each row's mark: a region's label point, a place's dot.
	dots := make([]dot, len(c.f.Data))
	byRow := make([]*mapRegion, len(c.f.Data))
	for i := range regs {
		if row, ok := named[regs[i].feat.Code]; ok {
			byRow[row] = &regs[i]
		}
	}
	series := &scene.Group{ID: "series-1", Class: "pc-series pc-places"}
	r := math.Round(4.5*c.u*2) / 2
	var taken []scene.Box
	for i, d := range c.f.Data {
		switch {
		case d.at:
			x, y, ok := v.frame.XY(geo.Point{Lon: d.Lon, Lat: d.Lat})
			if !ok || x < v.box.x || x > v.box.right() || y < v.box.y || y > v.box.bottom() {
				dots[i] = dot{x: math.NaN(), y: math.NaN()}
				continue
			}
			dots[i] = dot{x: x, y: y, r: r}
			series.Add(&scene.Circle{CX: x, CY: y, R: r, Fill: c.accent, Stroke: c.th.bg, StrokeWidth: 1.5, Class: "pc-dot"})
			taken = append(taken, scene.Box{X0: x - r - 1, Y0: y - r - 1, X1: x + r + 1, Y1: y + r + 1})
		case byRow[i] != nil && byRow[i].label:
			// A label beside the region keeps off it (the accent is an
			// obstacle below), with a leader from its label point when
			// it stands further out.
			reg := byRow[i]
			dots[i] = dot{x: reg.lx, y: reg.ly, r: 2}
		default:
			dots[i] = dot{x: math.NaN(), y: math.NaN()}
		}
	}
	g.Add(series)

	// A region's name inside it when it fits, in the page's colour on
	// the accent; else beside it, as a place's is.
	inside := &scene.Group{ID: "region-labels", Class: "pc-labels"}
	var outside []int
	beside := slices.Clone(dots)
	for i, d := range c.f.Data {
		if math.IsNaN(dots[i].x) {
			continue
		}
		if reg := byRow[i]; reg != nil && !d.at {
			if t := c.labelInside(reg, c.isolate(d.Label), taken); t != nil {
				inside.Add(t)
				taken = append(taken, c.textBox(t))
				// Labelled: no point for the others' labels to keep
				// clear of (its outline is the region's).
				beside[i] = dot{x: math.NaN(), y: math.NaN()}
				continue
			}
		}
		outside = append(outside, i)
	}
	// Labels beside stand off the accent: a dark label on it does not
	// read (leaders may cross it).
	obstacles := slices.Clone(taken)
	for i := range regs {
		if _, ok := named[regs[i].feat.Code]; ok {
			obstacles = append(obstacles, fillStrips(regs[i].path(c.accent, ""), 3)...)
		}
	}
	labels, leaders := c.placePointLabels(c.f.Data, outside, beside, obstacles, v.box)
	for _, n := range labels.Nodes {
		if t, ok := n.(*scene.Text); ok {
			taken = append(taken, c.textBox(t))
		}
	}
	for _, n := range leaders.Nodes {
		if l, ok := n.(*scene.Line); ok {
			taken = append(taken, segmentBoxes(l)...)
		}
	}
	names := c.nameRegions(regs, func(r *mapRegion) bool { _, ok := named[r.feat.Code]; return ok }, taken)
	g.Add(names, inside, leaders, labels)

	mirror := c.left + c.right // the figure's width: its mirror undoes this one
	rtl := c.f.Style.rtl()
	ax := &axes{area: v.box, point: func(at string) (float64, float64, bool) {
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
	if rtl {
		// A map is not mirrored for a right-to-left language: it is
		// mirrored here so that the figure's mirror sets it right.
		g.Mirror(mirror)
	}
	return drawn{group: g, height: v.box.h, axes: ax}
}

// labelInside is a region's label in bold, in the page's colour on the
// accent, inside the region: at its label point or, failing that, at the
// nearest place around it where the label and a margin lie inside the
// outline and clear of what is taken; nil where there is none.
func (c *ctx) labelInside(reg *mapRegion, s string, taken []scene.Box) *scene.Text {
	capH := c.bold.CapHeight(c.value)
	w := c.width(s, c.value, true)
	b := reg.bounds()
	if w+4 > b.X1-b.X0 {
		return nil
	}
	type off struct{ dx, dy float64 }
	var offs []off
	// Anywhere in the region's box, the nearest to its label point first.
	for gy := -8; gy <= 8; gy++ {
		for gx := -8; gx <= 8; gx++ {
			x, y := reg.lx+float64(gx)*(b.X1-b.X0)/16, reg.ly+float64(gy)*(b.Y1-b.Y0)/16
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
		t := c.text(reg.lx+o.dx, reg.ly+o.dy+capH/2, s, c.value, true, c.th.bg, scene.Middle, "pc-label pc-region-label")
		tb := c.textBox(t)
		grown := scene.Box{X0: tb.X0 - 2, Y0: tb.Y0 - 1, X1: tb.X1 + 2, Y1: tb.Y1 + 1}
		if reg.fitsIn(grown) && !hitsAny(grown, taken) {
			return t
		}
	}
	return nil
}

// describeLocator names the places the map shows.
func describeLocator(f *Figure, nf numberFormat) string {
	var names []string
	for _, d := range f.Data {
		names = append(names, d.Label)
	}
	return fmt.Sprintf(nf.loc.highlighted, strings.Join(names, ", "))
}
