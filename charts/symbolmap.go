package charts

import (
	"fmt"
	"math"
	"slices"

	"github.com/presschart/presschart/charts/geo"
	"github.com/presschart/presschart/charts/scene"
)

// symbolMapKind draws a circle per row, its area in proportion to its
// value: rows { region, value } (at the region's label point) or
// { label, lat, lon, value }, on the map that fits them (as a locator's)
// or on bounds, the world, or the US states. The largest circles are
// drawn first, so that small ones stay in sight; the largest (label =
// N of them, 3 by default) and those label names are labelled with
// their values; a size key stands above the map.
var symbolMapKind = &kind{
	name:       "symbol-map",
	fields:     []string{"value"},
	maxRows:    maxSymbols,
	csvColumns: []string{"region", "lat", "lon"},
	ownLabels:  true,
	ordered:    true,
	unsigned:   true,
	readRow:    readPlaceRow,
	options:    readSymbolMap,
	validate:   validateSymbolMap,
	plot:       plotSymbolMap,
	describe:   describeHighLow,
}

// maxSymbols is the most circles a symbol map draws.
const maxSymbols = 500

// symbolOptions are a symbol map's own keys.
type symbolOptions struct {
	Label     []string // rows labelled besides the largest
	Largest   int      // how many of the largest are labelled; -1 for the default
	SizeTitle string   // what the circles' size measures, over the key
}

func readSymbolMap(f *Figure, t *table) {
	readMapOptions(f, t)
	o := &f.Symbols
	o.Largest = -1
	if v, ok := t.get("label"); ok {
		switch v := v.(type) {
		case int64:
			if v < 0 || v > 30 {
				t.errf("label", "%d is out of range; label the 0 to 30 largest, or name rows: label = [\"Nepal\"]", v)
			} else {
				o.Largest = int(v)
			}
		default:
			t.texts("label", &o.Label)
		}
	}
	t.text("size_title", &o.SizeTitle)
}

func validateSymbolMap(f *Figure, e *errs) {
	validateMap(f, e)
	seen := map[string]int{}
	for i, d := range f.Data {
		if d.Value < 0 {
			e.add(f.rowKey(i)+".value", "%g is below zero; a circle's area is its value", d.Value)
		}
		if d.Region == "" {
			continue
		}
		if j, ok := seen[d.Region]; ok {
			e.add(f.rowKey(i)+".region", "names %s again (as %s does); give each region one row", d.Region, f.rowKey(j))
		}
		seen[d.Region] = i
	}
	for i, l := range f.Symbols.Label {
		if !slices.ContainsFunc(f.Data, func(d Datum) bool { return d.Label == l }) {
			e.add(fmt.Sprintf("label[%d]", i), "%q names no row; label names rows by their labels (a region's name as the map writes it)", l)
		}
	}
	if f.Map.Projection == "globe" && f.Map.World {
		e.add("projection", "\"globe\" shows one side of the world; leave out bounds = \"world\"")
	}
}

// symbolsLabelled are the rows a symbol map labels: the largest (three
// unless label says how many) and those label names.
func (f *Figure) symbolsLabelled() []int {
	order := make([]int, len(f.Data))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case f.Data[a].Value > f.Data[b].Value:
			return -1
		case f.Data[a].Value < f.Data[b].Value:
			return 1
		}
		return 0
	})
	n := f.Symbols.Largest
	if n < 0 {
		n = 3
		if len(f.Symbols.Label) > 0 {
			n = 0 // the rows named, as the editor chose them
		}
	}
	var out []int
	for _, i := range order {
		if len(out) < n && f.Data[i].Value > 0 || slices.Contains(f.Symbols.Label, f.Data[i].Label) {
			out = append(out, i)
		}
	}
	return out
}

func plotSymbolMap(c *ctx, p rect) drawn {
	f := c.f
	maxV := 0.0
	for _, d := range f.Data {
		maxV = math.Max(maxV, d.Value)
	}
	rMax := math.Round(math.Min(18*c.u, p.w/24))
	key := &scene.Group{ID: "legends"}
	keyH := 0.0
	if maxV > 0 {
		_, h := c.sizeKey(p.x, p.y, maxV, rMax, f.Symbols.SizeTitle)
		keyH = h + math.Round(12*c.u)
	}
	mp := rect{p.x, p.y + keyH, p.w, math.Max(p.h-keyH, 120*c.u)}
	v := c.mapViewOf(mp, true)
	regs := v.regions(func(string) bool { return false })
	g := &scene.Group{}
	g.Add(key)
	g.Add(c.drawRegions(v, regs, func(*mapRegion) (scene.Color, string) { return c.th.grid, " pc-land" }))

	// Each row's centre: its place, or its region's label point.
	at := map[string]*mapRegion{}
	for i := range regs {
		at[regs[i].feat.Code] = &regs[i]
	}
	dots := make([]dot, len(f.Data))
	for i, d := range f.Data {
		dots[i] = dot{x: math.NaN(), y: math.NaN()}
		x, y, ok := 0.0, 0.0, false
		if d.at {
			x, y, ok = v.frame.XY(geo.Point{Lon: d.Lon, Lat: d.Lat})
			ok = ok && x >= v.box.x && x <= v.box.right() && y >= v.box.y && y <= v.box.bottom()
		} else if r := at[d.Region]; r != nil && r.label {
			x, y, ok = r.lx, r.ly, true
		}
		if ok && maxV > 0 {
			dots[i] = dot{x: x, y: y, r: rMax * math.Sqrt(math.Max(d.Value, 0)/maxV)}
		}
	}
	// No circle reaches past the map's box by more than half the page's
	// margin: all shrink alike, the key with them.
	scale := 1.0
	m := math.Round(c.left / 2)
	for _, d := range dots {
		if math.IsNaN(d.x) || d.r <= 0 {
			continue
		}
		room := math.Min(math.Min(d.x-v.box.x+m, v.box.right()+m-d.x), math.Min(d.y-v.box.y+m, v.box.bottom()+m-d.y))
		scale = math.Min(scale, math.Max(room, 2)/d.r)
	}
	scale = math.Max(scale, 0.5) // one place at the edge does not shrink them all to specks
	for i := range dots {
		dots[i].r *= scale
	}
	if maxV > 0 {
		k, _ := c.sizeKey(p.x, p.y, maxV, math.Max(4, rMax*scale), f.Symbols.SizeTitle)
		key.Add(k)
	}
	// Largest first, so that the small stay in sight; each outlined in
	// the page's colour, so that overlapping ones stay apart.
	order := make([]int, len(f.Data))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case dots[a].r > dots[b].r:
			return -1
		case dots[a].r < dots[b].r:
			return 1
		}
		return 0
	})
	series := &scene.Group{ID: "series-1", Class: "pc-series pc-symbols"}
	col := c.accent
	if len(c.f.Style.Colors) > 0 {
		col = c.paletteAt(0)
	}
	for _, i := range order {
		d := dots[i]
		if math.IsNaN(d.x) || d.r <= 0 {
			continue
		}
		series.Add(&scene.Circle{CX: d.x, CY: d.y, R: math.Max(d.r, 1.5), Fill: col, Stroke: c.th.bg, StrokeWidth: 1, Class: "pc-symbol"})
	}
	g.Add(series)

	// Labels: name and value, beside the circle.
	named := make([]Datum, len(f.Data))
	for i, d := range f.Data {
		named[i] = Datum{Label: d.Label + " " + c.nf.number(d.Value)}
	}
	var want []int
	for _, i := range f.symbolsLabelled() {
		if !math.IsNaN(dots[i].x) {
			want = append(want, i)
		}
	}
	var taken []scene.Box
	if b, ok := boundsOf(key); ok {
		taken = append(taken, b)
	}
	labels, leaders := c.placePointLabels(named, want, dots, taken, v.box)
	g.Add(leaders, labels)

	mirror := c.left + c.right
	rtl := f.Style.rtl()
	ax := c.mapAxes(v.box, dots)
	if rtl {
		// The map keeps the world's way round; the key goes with the
		// figure's mirror.
		for _, n := range g.Nodes[1:] {
			n.Mirror(mirror)
		}
	}
	return drawn{group: g, height: mp.y - p.y + v.box.h, axes: ax}
}
