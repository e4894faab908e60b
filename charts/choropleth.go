package charts

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// choroplethKind colours regions by value: rows { region, value } (a
// country by code or name; a US state with map = "us-states"), value
// left out for no data (hatched); or { region, group } for categories.
// Values fall into classes (quantiles or equal intervals, nice numbers,
// or breaks = [...]) coloured from faint to full in the first palette
// colour, or around zero in the negative colour and the first when the
// values have both signs; a key of the classes above the map.
// Highlighted regions are outlined; label = [...] names regions with
// their values.
var choroplethKind = &kind{
	name:          "choropleth",
	fields:        []string{"value"},
	maxRows:       maxMapRows,
	labelKey:      "region",
	optionalValue: true,
	ordered:       true,
	rowHighlights: true,
	readRow:       readChoroplethRow,
	options:       readChoropleth,
	validate:      validateChoropleth,
	plot:          plotChoropleth,
	describe:      describeChoropleth,
}

// maxMapRows is the most regions a choropleth colours: every county of
// the US fits.
const maxMapRows = 4000

// classifyMethods are how a choropleth's classes are cut.
var classifyMethods = []string{"quantiles", "equal"}

// choroplethOptions are a choropleth's own keys.
type choroplethOptions struct {
	Breaks   []float64 // the classes' inner edges, ascending; nil for automatic
	Classes  int       // how many classes; 0 for 5
	Classify string    // "quantiles" or "equal"; "" for quantiles
	Label    []string  // regions labelled with their values
	grouped  bool      // rows have groups: categories, not values
}

func readChoropleth(f *Figure, t *table) {
	readMapOptions(f, t)
	o := &f.Choropleth
	if v, ok := t.get("breaks"); ok {
		arr, isArr := v.([]any)
		if !isArr || len(arr) == 0 {
			t.errf("breaks", "must be a list of numbers like [10, 100, 1000], not %s", typeName(v))
		}
		for i, x := range arr {
			n, msg := checkNumber(x)
			if msg != "" {
				t.errf(fmt.Sprintf("breaks[%d]", i), "%s", msg)
				o.Breaks = nil
				break
			}
			if i > 0 && n <= o.Breaks[i-1] {
				t.errf("breaks", "must rise: %g follows %g; give the classes' edges from the lowest", n, o.Breaks[i-1])
				o.Breaks = nil
				break
			}
			o.Breaks = append(o.Breaks, n)
		}
		if len(o.Breaks) > 8 {
			t.errf("breaks", "makes %d classes; readers tell at most 9 shades apart", len(o.Breaks)+1)
			o.Breaks = nil
		}
	}
	t.integer("classes", &o.Classes, 2, 9)
	if t.str("classify", &o.Classify) && !slices.Contains(classifyMethods, o.Classify) {
		t.errf("classify", "%q is not a way to cut classes; use %s", o.Classify, strings.Join(quoteAll(classifyMethods), " or "))
	}
	t.texts("label", &o.Label)
}

// readChoroplethRow resolves the row's region and reads its group.
func readChoroplethRow(f *Figure, t *table, d *Datum) {
	if d.Label != "" {
		readRegion(f, t, "region", d.Label, d)
	}
	if t.text("group", &d.Group) && d.Group != "" {
		f.Choropleth.grouped = true
	}
}

func validateChoropleth(f *Figure, e *errs) {
	validateMap(f, e)
	seen := map[string]int{}
	for i, d := range f.Data {
		if j, ok := seen[d.Region]; ok && d.Region != "" {
			e.add(f.rowKey(i)+".region", "names %s again (as %s does); give each region one row", d.Region, f.rowKey(j))
		}
		seen[d.Region] = i
		switch {
		case f.Choropleth.grouped && d.Group == "":
			e.add(f.rowKey(i)+".group", "is missing; once one region has a group, every region needs one (its colour and key)")
		case f.Choropleth.grouped && !math.IsNaN(d.Value):
			e.add(f.rowKey(i)+".value", "and group both colour the region; give regions values or groups, not both")
		}
	}
	if f.Choropleth.grouped && (len(f.Choropleth.Breaks) > 0 || f.Choropleth.Classes > 0 || f.Choropleth.Classify != "") {
		e.add("breaks", "classes cut values; the regions have groups, which are coloured one by one")
	}
	if f.Map.Projection == "globe" {
		e.add("projection", "\"globe\" shows one side of the world, and a choropleth colours all of it; use \"equal-earth\" or \"robinson\", or bounds")
	}
	if gs := f.groups(); len(gs) > 8 {
		e.add("data", "has %d groups; at most 8 colours can be told apart, so merge the smallest", len(gs))
	}
	for i, l := range f.Choropleth.Label {
		if f.mapRow(l) < 0 {
			e.add(fmt.Sprintf("label[%d]", i), "%q names no row's region", l)
		}
	}
	for i, h := range f.Highlight {
		if f.mapRow(h) < 0 {
			e.add(fmt.Sprintf("highlight[%d]", i), "%q names no row's region", h)
		}
	}
}

// mapRow is the row whose region a name names, as the row writes it or
// in any way the map's boundaries know it ("CA", "California", "06"); -1
// for none.
func (f *Figure) mapRow(name string) int {
	if i := slices.IndexFunc(f.Data, func(d Datum) bool { return d.Label == name }); i >= 0 {
		return i
	}
	r, err := f.Map.resolve(name)
	if err != nil {
		return -1
	}
	return slices.IndexFunc(f.Data, func(d Datum) bool { return d.Region == r.Code })
}

// mapRowsIn are the rows that names name (label, highlight).
func (f *Figure) mapRowsIn(names []string) map[int]bool {
	out := map[int]bool{}
	for _, n := range names {
		if i := f.mapRow(n); i >= 0 {
			out[i] = true
		}
	}
	return out
}

// classes are a choropleth's value classes: the inner edges between
// them, ascending, and whether they diverge around zero.
func (f *Figure) classes() (edges []float64, diverging bool) {
	var vs []float64
	for _, d := range f.Data {
		if !math.IsNaN(d.Value) {
			vs = append(vs, d.Value)
		}
	}
	if len(vs) == 0 {
		return nil, false
	}
	sort.Float64s(vs)
	lo, hi := vs[0], vs[len(vs)-1]
	diverging = lo < 0 && hi > 0
	if b := f.Choropleth.Breaks; len(b) > 0 {
		return b, diverging || b[0] < 0 && b[len(b)-1] > 0
	}
	n := f.Choropleth.Classes
	if n == 0 {
		n = 5
	}
	n = min(n, len(vs))
	if diverging {
		// Zero an edge; each side cut from its own values, as many
		// classes each side as it has values for (up to half), so that
		// one outlier does not empty the others.
		var neg, pos []float64
		for _, v := range vs {
			if v < 0 {
				neg = append(neg, v)
			} else {
				pos = append(pos, v)
			}
		}
		per := max(1, n/2)
		edges = append(edges, cut(neg, min(per, len(neg)), f.Choropleth.Classify)...)
		edges = append(edges, 0)
		edges = append(edges, cut(pos, min(per, len(pos)), f.Choropleth.Classify)...)
		return edges, true
	}
	return cut(vs, n, f.Choropleth.Classify), false
}

// cut are the inner edges that cut sorted values into n classes: at
// equal nice steps (classify = "equal"), or at quantiles rounded to two
// significant digits; each edge inside the values' range and rising, so
// that no class is empty at either end.
func cut(vs []float64, n int, classify string) []float64 {
	var edges []float64
	if len(vs) == 0 || n < 2 {
		return nil
	}
	lo, hi := vs[0], vs[len(vs)-1]
	add := func(e float64) {
		if e > lo && e <= hi && (len(edges) == 0 || e > edges[len(edges)-1]) {
			edges = append(edges, e)
		}
	}
	if classify == "equal" {
		// The nice step whose classes come nearest the number asked.
		var best []float64
		p := math.Pow(10, math.Floor(math.Log10((hi-lo)/float64(n))))
		for _, m := range []float64{0.5, 1, 2, 2.5, 5, 10, 20} {
			step := m * p
			if !(step > 0) || math.IsInf(step, 0) {
				continue
			}
			edges = nil
			start := math.Floor(lo/step) * step
			for k := 1; start+float64(k)*step < hi && k <= 20; k++ {
				add(start + float64(k)*step)
			}
			if best == nil || absInt(len(edges)+1-n) < absInt(len(best)+1-n) {
				best = slices.Clone(edges)
			}
		}
		return best
	}
	for k := 1; k < n; k++ {
		add(roundSig(vs[int(math.Round(float64(k)*float64(len(vs)-1)/float64(n)))], 2))
	}
	return edges
}

// absInt is |n|.
func absInt(n int) int { return max(n, -n) }

// roundSig rounds v to n significant digits.
func roundSig(v float64, n int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p := math.Pow(10, float64(n)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

// classOf is the class a value falls in, 0 the lowest: a value on an
// edge belongs to the class above it.
func classOf(v float64, edges []float64) int {
	return sort.Search(len(edges), func(i int) bool { return edges[i] > v })
}

// classColors are the classes' fills: faint to full in the first palette
// colour, or, diverging, the negative colour (the palette's second)
// below zero and the first above, fullest at the ends.
func (c *ctx) classColors(n int, edges []float64, diverging bool) []scene.Color {
	pos, neg := c.paletteAt(0), c.paletteAt(1)
	if c.f.Style.Negative.A != 0 {
		neg = c.f.Style.Negative
	}
	out := make([]scene.Color, n)
	if !diverging {
		for i := range out {
			out[i] = c.tint(pos, 0.3+0.7*float64(i)/math.Max(1, float64(n-1)))
		}
		return out
	}
	zero := classOf(0, edges) // the first class at or above zero
	below, above := zero, n-zero
	for i := range out {
		if i < zero {
			out[i] = c.tint(neg, 0.3+0.7*float64(zero-1-i)/math.Max(1, float64(below-1)))
		} else {
			out[i] = c.tint(pos, 0.3+0.7*float64(i-zero)/math.Max(1, float64(above-1)))
		}
	}
	return out
}

// groupColors are the categories' fills: the figure's own, else the
// palette's in order.
func (c *ctx) groupColors(names []string) map[string]scene.Color {
	out := map[string]scene.Color{}
	for i, g := range names {
		out[g] = c.color(g, i)
	}
	return out
}

func plotChoropleth(c *ctx, p rect) drawn {
	f := c.f
	byCode := map[string]int{}
	for i, d := range f.Data {
		byCode[d.Region] = i
	}
	// The key above the map.
	edges, diverging := f.classes()
	var cols []scene.Color
	var groupCol map[string]scene.Color
	key := &scene.Group{ID: "legend", Class: "pc-legend"}
	var keyH float64
	noData := false
	for _, d := range f.Data {
		noData = noData || math.IsNaN(d.Value) && d.Group == ""
	}
	if f.Choropleth.grouped {
		groupCol = c.groupColors(f.groups())
		keyH = c.groupKey(key, p, f.groups(), groupCol, noData)
	} else {
		cols = c.classColors(len(edges)+1, edges, diverging)
		keyH = c.classKey(key, p, edges, cols, noData)
	}
	gap := math.Round(12 * c.u)
	mp := rect{p.x, p.y + keyH + gap, p.w, math.Max(p.h-keyH-gap, 120*c.u)}
	v := c.mapViewOf(mp, false)
	regs := v.regions(func(code string) bool { _, ok := byCode[code]; return ok })
	land := c.th.grid
	g := &scene.Group{}
	g.Add(key)
	regions := c.drawRegions(v, regs, func(r *mapRegion) (scene.Color, string) {
		i, ok := byCode[r.feat.Code]
		switch {
		case !ok:
			return land, " pc-land"
		case f.Choropleth.grouped:
			return groupCol[f.Data[i].Group], " pc-group"
		case math.IsNaN(f.Data[i].Value):
			return land, " pc-no-data"
		}
		return cols[classOf(f.Data[i].Value, edges)], fmt.Sprintf(" pc-class-%d", classOf(f.Data[i].Value, edges)+1)
	})
	g.Add(regions)
	// No data: hatched; highlighted: outlined, over the borders.
	hatch := &scene.Group{ID: "no-data", Class: "pc-no-data"}
	outline := &scene.Group{ID: "outlines", Class: "pc-outlines"}
	lit, chosen := f.mapRowsIn(f.Highlight), f.mapRowsIn(f.Choropleth.Label)
	for i := range regs {
		r := &regs[i]
		row, ok := byCode[r.feat.Code]
		if !ok {
			continue
		}
		if math.IsNaN(f.Data[row].Value) && f.Data[row].Group == "" {
			for _, l := range hatchLines(r, math.Round(5*c.u)) {
				hatch.Add(&scene.Line{X1: l[0][0], Y1: l[0][1], X2: l[1][0], Y2: l[1][1], Stroke: c.th.faint, Width: 0.75, Class: "pc-hatch"})
			}
		}
		if lit[row] {
			for _, l := range r.lines {
				outline.Add(&scene.Polyline{Pts: l, Stroke: c.th.text, Width: 1, Class: "pc-outline"})
			}
		}
	}
	g.Add(hatch, outline)

	// Chosen regions named with their values, inside when they fit.
	var taken []scene.Box
	if b, ok := boundsOf(key); ok {
		taken = append(taken, b)
	}
	labels := &scene.Group{ID: "labels", Class: "pc-labels"}
	leaders := &scene.Group{Class: "pc-leaders"}
	var want []int
	dots := make([]dot, len(f.Data))
	named := make([]Datum, len(f.Data))
	for i := range dots {
		dots[i] = dot{x: math.NaN(), y: math.NaN()}
	}
	for i := range regs {
		r := &regs[i]
		row, ok := byCode[r.feat.Code]
		if !ok || !r.label || !chosen[row] {
			continue
		}
		d := f.Data[row]
		text := placeName(f, d.Region)
		if !math.IsNaN(d.Value) {
			text += " " + c.nf.number(d.Value)
		} else if d.Group != "" {
			text += " (" + d.Group + ")"
		}
		named[row] = Datum{Label: text}
		fill, _ := regionFill(f, d, cols, edges, groupCol, land)
		if t := c.labelOn(r, c.isolate(text), contrastText(fill), taken); t != nil {
			labels.Add(t)
			taken = append(taken, c.textBox(t))
			continue
		}
		dots[row] = dot{x: r.lx, y: r.ly, r: 2}
		want = append(want, row)
	}
	var patches *scene.Group
	if len(want) > 0 {
		// Beside their regions, labels stand on other regions' colours:
		// each on a patch of the page's colour.
		l, ld := c.placePointLabels(named, want, dots, taken, v.box)
		patches = c.valueKnockout(l)
		labels.Add(l.Nodes...)
		leaders.Add(ld.Nodes...)
	}
	g.Add(leaders)
	if patches != nil {
		g.Add(patches)
	}
	g.Add(labels)

	mirror := c.left + c.right
	rtl := f.Style.rtl()
	ax := &axes{area: v.box, point: func(at string) (float64, float64, bool) {
		for i := range regs {
			if row, ok := byCode[regs[i].feat.Code]; ok && f.Data[row].Label == at && regs[i].label {
				x := regs[i].lx
				if rtl {
					x = mirror - x
				}
				return x, regs[i].ly, true
			}
		}
		return 0, 0, false
	}}
	if rtl {
		// The map keeps the world's way round; its key is mirrored with
		// the figure, so it is mirrored here first only for the map.
		for _, n := range g.Nodes[1:] {
			n.Mirror(mirror)
		}
	}
	return drawn{group: g, height: mp.y - p.y + v.box.h, axes: ax}
}

// regionFill is the fill a row's region takes, and whether it has data.
func regionFill(f *Figure, d Datum, cols []scene.Color, edges []float64, groupCol map[string]scene.Color, land scene.Color) (scene.Color, bool) {
	switch {
	case d.Group != "":
		return groupCol[d.Group], true
	case math.IsNaN(d.Value):
		return land, false
	}
	return cols[classOf(d.Value, edges)], true
}

// hatchLines are diagonal lines every step px across the region's
// inside (even-odd), for no data.
func hatchLines(r *mapRegion, step float64) [][2][2]float64 {
	b := r.bounds()
	var out [][2][2]float64
	// Lines x + y = k (rising to the right), every step px.
	for k := math.Floor((b.X0+b.Y0)/step) * step; k <= b.X1+b.Y1; k += step {
		var ys []float64 // where the line crosses the outline, by y
		for _, ring := range r.rings {
			for i := range ring {
				a, c := ring[i], ring[(i+1)%len(ring)]
				fa, fc := a[0]+a[1]-k, c[0]+c[1]-k
				if (fa > 0) != (fc > 0) {
					t := fa / (fa - fc)
					ys = append(ys, a[1]+t*(c[1]-a[1]))
				}
			}
		}
		sort.Float64s(ys)
		for i := 0; i+1 < len(ys); i += 2 {
			out = append(out, [2][2]float64{{k - ys[i], ys[i]}, {k - ys[i+1], ys[i+1]}})
		}
	}
	return out
}

// labelOn is labelInside for a region of any fill, its text in col.
func (c *ctx) labelOn(reg *mapRegion, s string, col scene.Color, taken []scene.Box) *scene.Text {
	t := c.labelInside(reg, s, taken)
	if t != nil {
		t.Fill = col
	}
	return t
}

// classKey draws the classes as a row of swatches at the top of p, the
// edges written under the joins between them, and a hatched "no data"
// swatch after them when some region has none; it returns the key's
// height.
func (c *ctx) classKey(g *scene.Group, p rect, edges []float64, cols []scene.Color, noData bool) float64 {
	sw := math.Round(math.Min(48*c.u, (p.w*0.6)/float64(len(cols))))
	h := math.Round(10 * c.u)
	capH := c.regular.CapHeight(c.tick)
	for i, col := range cols {
		g.Add(&scene.Rect{X: c.snap(p.x + float64(i)*sw), Y: c.snap(p.y), W: sw, H: h, Fill: col, Class: "pc-swatch"})
	}
	base := p.y + h + 4 + capH
	// Edges under the joins; where they would crowd, every other one.
	every := 1
	for every < len(edges) {
		widest := 0.0
		for _, e := range edges {
			widest = math.Max(widest, c.width(c.nf.number(e), c.tick, false))
		}
		if widest+6 <= sw*float64(every) {
			break
		}
		every++
	}
	for i, e := range edges {
		if i%every != every-1 && every > 1 {
			continue
		}
		g.Add(c.text(p.x+float64(i+1)*sw, base, c.nf.number(e), c.tick, false, c.th.muted, scene.Middle, "pc-key pc-tick"))
	}
	if noData {
		x := p.x + float64(len(cols))*sw + math.Round(16*c.u)
		c.noDataSwatch(g, x, p.y, h)
		g.Add(c.text(x+h+6, p.y+h/2+capH/2, locales[c.f.Style.Locale].noData, c.tick, false, c.th.muted, scene.Start, "pc-key"))
	}
	return h + 4 + capH + c.tick*0.3
}

// groupKey draws the groups' swatches and names in rows at the top of p,
// then "no data"; it returns the key's height.
func (c *ctx) groupKey(g *scene.Group, p rect, names []string, cols map[string]scene.Color, noData bool) float64 {
	sw := math.Round(12 * c.u)
	lh := math.Round(c.label * 1.5)
	capH := c.regular.CapHeight(c.label)
	x, y := p.x, p.y
	entry := func(name string, draw func(x, y float64)) {
		w := sw + 6 + c.width(name, c.label, false)
		if x > p.x && x+w > p.right() {
			x, y = p.x, y+lh
		}
		draw(x, y+(lh-sw)/2)
		g.Add(c.text(x+sw+6, y+(lh+capH)/2, name, c.label, false, c.th.text, scene.Start, "pc-key"))
		x += w + 18
	}
	for _, name := range names {
		col := cols[name]
		entry(name, func(x, y float64) {
			g.Add(&scene.Rect{X: c.snap(x), Y: c.snap(y), W: sw, H: sw, Fill: col, Class: "pc-swatch"})
		})
	}
	if noData {
		entry(locales[c.f.Style.Locale].noData, func(x, y float64) { c.noDataSwatch(g, x, y, sw) })
	}
	return y - p.y + lh
}

// noDataSwatch is the key's hatched square for no data.
func (c *ctx) noDataSwatch(g *scene.Group, x, y, s float64) {
	x, y = c.snap(x), c.snap(y)
	g.Add(&scene.Rect{X: x, Y: y, W: s, H: s, Fill: c.th.grid, Class: "pc-swatch pc-no-data"})
	step := math.Round(5 * c.u)
	for k := step; k < 2*s; k += step {
		// The lines x + y = k of the square, as the regions' hatching.
		a := [2]float64{x + math.Max(0, k-s), y + math.Min(s, k)}
		b := [2]float64{x + math.Min(s, k), y + math.Max(0, k-s)}
		g.Add(&scene.Line{X1: a[0], Y1: a[1], X2: b[0], Y2: b[1], Stroke: c.th.faint, Width: 0.75, Class: "pc-hatch"})
	}
}

// describeChoropleth names the highest and lowest regions, or each
// group's regions.
func describeChoropleth(f *Figure, nf numberFormat) string {
	loc := nf.loc
	if f.Choropleth.grouped {
		var parts []string
		for _, g := range f.groups() {
			var names []string
			for _, d := range f.Data {
				if d.Group == g {
					names = append(names, placeName(f, d.Region))
				}
			}
			if len(names) > maxAltRows {
				names = append(names[:maxAltRows], localDigits(fmt.Sprintf(loc.more, len(names)-maxAltRows), nf.digits))
			}
			parts = append(parts, g+": "+strings.Join(names, ", "))
		}
		return strings.Join(parts, "; ") + "."
	}
	return describeHighLow(f, nf)
}
