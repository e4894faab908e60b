package charts

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/presschart/presschart/charts/scene"
)

// Small multiples: one chart per panel, in a grid that fits the width
// (three panels a row at an article's 640 px, two on a phone), under one
// key, on one value scale unless axes = "free".
//
//	facet = "region"             each row names its panel in that key
//	                             (or a CSV file's column of that name)
//	[[figure.panel]]             or: each panel's title and its own rows
//	title = "North"
//	data = [ ... ]
//	axes = "shared" | "free"     one scale for every panel (the default,
//	                             so panels compare honestly) or each its own
//
// A panel is the figure with the panel's rows: it is sorted, checked,
// averaged and drawn as a figure of its type would be, so every type that
// takes facets draws panels with its own code.

// facetKeys are the figure keys facets.go reads.
var facetKeys = []string{"facet", "panel", "axes"}

// maxPanels is how many panels a figure may have: eight rows of three.
const maxPanels = 24

// facetAxes are the values of axes.
var facetAxes = []string{"shared", "free"}

// faceted says that the figure is drawn as small multiples.
func (f *Figure) faceted() bool { return f.figureBody != nil && (f.Facet != "" || f.panelForm) }

// readFacets reads facet, panel and axes. A figure of panels has its
// panels' rows put together as its data, each row knowing its panel and
// the key it was read from (panel[1].data[0]).
func (f *Figure) readFacets(t *table) {
	if f.kind.facets {
		t.known = append(t.known, facetKeys...)
	}
	_, hasFacet := t.m["facet"]
	pv, hasPanels := t.m["panel"]
	if _, hasAxes := t.m["axes"]; hasAxes && (hasFacet || hasPanels) {
		if t.str("axes", &f.Axes) && !slices.Contains(facetAxes, f.Axes) {
			t.errf("axes", "unknown setting %q; use \"shared\" (one scale for every panel, the default) or \"free\" (each panel its own)", clip(f.Axes))
		}
	} else if hasAxes {
		t.get("axes")
		t.errf("axes", "sets the scales of small multiples; it needs facet = \"column\" or [[figure.panel]]")
	}
	if !hasFacet && !hasPanels {
		return
	}
	// A facet that cannot apply still names a key of the rows, which
	// they may hold without a second error.
	ignore := func() {
		var key string
		if t.str("facet", &key) && plainKey(key) {
			f.ignoredFacet = key
		}
	}
	if !f.kind.facets {
		ignore()
		t.get("panel")
		t.errf(map[bool]string{true: "facet", false: "panel"}[hasFacet], "%s chart is not drawn as small multiples: it is a grid of its own (split the figure, or add a column for the group); facet and panel apply to %s", aKind(f.kind.name), kindsWhere(func(k *kind) bool { return k.facets }))
		return
	}
	if hasFacet && hasPanels {
		ignore()
		t.errf("panel", "and facet both split the figure into panels; give one: facet = \"column\" over one set of rows, or [[figure.panel]] with rows of their own")
		hasFacet = false // the panels' rows are read, as panels
	}
	if hasFacet {
		if t.str("facet", &f.Facet) {
			switch {
			case f.Facet == "":
				t.errf("facet", "is empty; name the key (or CSV column) that says each row's panel, e.g. facet = \"region\"")
			case !plainKey(f.Facet):
				t.errf("facet", "%q is not a key a row can have: give a name of at most 64 characters without control characters, e.g. facet = \"region\"", clip(f.Facet))
				f.Facet = ""
			case f.rowKeyTaken(f.Facet):
				t.errf("facet", "%q is a key %s chart's rows already use; name another, e.g. facet = \"region\"", clip(f.Facet), aKind(f.kind.name))
				f.Facet = ""
			}
		}
		return
	}
	t.get("panel")
	panels, ok := asTables(pv)
	if !ok || len(panels) == 0 {
		t.errf("panel", "must be [[figure.panel]] tables, each with a title and data = [ ... ], not %s", typeName(pv))
		return
	}
	if _, has := t.m["data"]; has {
		t.errf("data", "is given beside [[figure.panel]]; give each panel its rows, or one data with facet = \"column\"")
		return
	}
	if len(panels) > maxPanels {
		t.errf("panel", "has %d panels; a figure shows at most %d legibly", len(panels), maxPanels)
		return
	}
	var rows []any
	seen := map[string]int{}
	for j, pm := range panels {
		pt := newTable(pm, fmt.Sprintf("panel[%d].", j), t.e)
		var title string
		if pt.text("title", &title) && strings.TrimSpace(title) == "" {
			pt.errf("title", "is empty; every panel needs a title")
		} else if _, has := pm["title"]; !has {
			pt.errf("title", "is missing; every panel needs a title, e.g. title = \"North\"")
		} else if k, dup := seen[title]; dup {
			pt.errf("title", "%q is also the title of panel[%d]; titles must differ", clip(title), k)
		}
		seen[title] = j
		v, has := pt.get("data")
		pt.unknown()
		if !has {
			pt.errf("data", "is missing; give the panel's rows, e.g. data = [ { label = \"2024\", value = 1000 } ]")
			continue
		}
		if _, isPath := v.(string); isPath {
			pt.errf("data", "names a file; a panel's rows are written in it (for a CSV file, use one data = \"file.csv\" with facet = \"column\")")
			continue
		}
		prs, ok := asTables(v)
		if !ok || len(prs) == 0 {
			pt.errf("data", "must be an array of rows like { label = \"…\", value = 1 }, not %s", typeName(v))
			continue
		}
		for k, r := range prs {
			rows = append(rows, r)
			f.panelKeys = append(f.panelKeys, fmt.Sprintf("panel[%d].data[%d]", j, k))
			f.panelOf = append(f.panelOf, title)
		}
	}
	f.panelForm = true
	if len(rows) > 0 {
		t.m["data"] = rows
	}
}

// rowKeyTaken says whether key is one a data row of the figure's type
// reads, which facet cannot also be.
func (f *Figure) rowKeyTaken(key string) bool {
	return slices.Contains(rowKeys, key) || rowFields[key] != nil
}

// rowKeys are the keys a data row of some type reads besides the
// numeric fields (rowFields): none may name a row's panel.
var rowKeys = []string{"label", "values", "value", "total", "previous", "compare", "decimals", "prefix", "suffix", "compact", "size", "group", "color"}

// plainKey says that s can name a row's key (or a CSV column) in
// messages as it is: at most 64 characters, none a control character nor
// one that turns text's direction.
func plainKey(s string) bool {
	return checkText(s) == "" && utf8.RuneCountInString(s) <= 64 && !strings.ContainsFunc(s, unicode.IsControl)
}

// rowPrefix is the key a row's own keys are named under: data[4]., or a
// panel's panel[1].data[0].
func (f *Figure) rowPrefix(i int) string {
	if i < len(f.panelKeys) {
		return f.panelKeys[i] + "."
	}
	return fmt.Sprintf("data[%d].", i)
}

// readFacet reads the row's panel: the facet key, or the panel it came from.
func (f *Figure) readFacet(rt *table, d *Datum) {
	if f.ignoredFacet != "" {
		rt.get(f.ignoredFacet)
	}
	switch {
	case f.panelForm && d.row < len(f.panelOf):
		d.Facet = f.panelOf[d.row]
	case f.Facet != "":
		if !rt.text(f.Facet, &d.Facet) {
			if _, has := rt.m[f.Facet]; !has {
				rt.errf(f.Facet, "is missing; with facet = %q each row names its panel there", clip(f.Facet))
			}
		} else if strings.TrimSpace(d.Facet) == "" {
			rt.errf(f.Facet, "is empty; each row names its panel")
		}
	}
}

// panelTitles are the figure's panels, in the order their first rows come.
func (f *Figure) panelTitles() []string {
	var out []string
	seen := map[string]bool{}
	for _, d := range f.Data {
		if !seen[d.Facet] {
			seen[d.Facet] = true
			out = append(out, d.Facet)
		}
	}
	return out
}

// highlightsRows says that the type's highlight names rows (else series).
func (k *kind) highlightsRows() bool { return k.rowHighlights || !k.multi && !k.xy }

// panels splits the figure into a figure per panel: each with its rows
// (in their order), its title as the panel's, and the highlights that
// name its rows. It takes time in proportion to the rows.
func (f *Figure) panels() []*Figure {
	titles := f.panelTitles()
	at := make(map[string]int, len(titles))
	out := make([]*Figure, len(titles))
	for i, title := range titles {
		at[title] = i
		g := f.clone()
		g.Title, g.Subtitle, g.Note, g.Annotations = title, "", "", nil
		g.Facet, g.panelForm, g.panelKeys, g.panelOf = "", false, f.panelKeys, nil
		g.Data = nil
		out[i] = g
	}
	for _, d := range f.Data {
		g := out[at[d.Facet]]
		g.Data = append(g.Data, d)
	}
	if f.kind.highlightsRows() && (len(f.Highlight) > 0 || len(f.Scatter.Label) > 0) {
		for _, g := range out {
			labels := map[string]bool{f.Rest: true}
			for _, d := range g.Data {
				labels[d.Label] = true
			}
			notHere := func(h string) bool { return !labels[h] }
			g.Highlight = slices.DeleteFunc(slices.Clone(f.Highlight), notHere)
			g.Scatter.Label = slices.DeleteFunc(slices.Clone(f.Scatter.Label), notHere) // a scatter's labelled points
		}
	}
	return out
}

// panelsOrSelf is the figure's panels, or the figure itself.
func (f *Figure) panelsOrSelf() []*Figure {
	if f.faceted() {
		return f.panels()
	}
	return []*Figure{f}
}

// eachPanel runs fn on the figure, or on each of its panels, whose rows
// then become the figure's again (sorted, averaged, prepared as fn left
// them). What fn decides besides the rows is merged so that it holds
// for every panel: the most series any panel has (an average added to
// some; the others' rows get gaps for it), the most decimals any needs,
// the rows top added up in any. With e, a problem fn finds in a panel is
// said to be in that panel. A figure of more panels than it may have
// (validateFacets says so) is left as it is.
func (f *Figure) eachPanel(fn func(g *Figure)) { f.eachPanelIn(nil, fn) }

func (f *Figure) eachPanelIn(e *errs, fn func(g *Figure)) {
	if !f.faceted() {
		fn(f)
		return
	}
	panels := f.panels()
	if len(panels) == 0 || len(panels) > maxPanels {
		return
	}
	var data []Datum
	body := *panels[len(panels)-1].figureBody
	var figure string
	if e != nil {
		figure = e.figure
		defer func() { e.figure = figure }()
	}
	for _, g := range panels {
		if e != nil {
			e.figure = fmt.Sprintf("%s, panel %q", figure, clip(g.Title))
		}
		fn(g)
		for i := range g.Data {
			g.Data[i].Facet = g.Title // a row top adds up is the panel's too
		}
		if len(g.Series) > len(body.Series) {
			body.Series, body.SeriesFormats = g.Series, g.SeriesFormats
		}
		body.Style.Decimals = max(body.Style.Decimals, g.Style.Decimals)
		body.rollDecimals = max(body.rollDecimals, g.rollDecimals)
		for _, m := range g.Order.merged {
			if !slices.Contains(body.Order.merged, m) {
				body.Order.merged = append(body.Order.merged, m)
			}
		}
		for _, x := range g.rollDropped {
			if !slices.Contains(body.rollDropped, x) {
				body.rollDropped = append(body.rollDropped, x)
			}
		}
	}
	for _, g := range panels {
		for _, d := range g.Data {
			for len(d.Values) < len(body.Series) && len(d.Values) > 0 && f.kind.gaps {
				d.Values = append(slices.Clip(d.Values), math.NaN()) // a series this panel has no value of
			}
			data = append(data, d)
		}
	}
	body.Subtitle, body.Note, body.Annotations = f.Subtitle, f.Note, f.Annotations
	body.Facet, body.panelForm, body.panelOf, body.panelKeys, body.Highlight = f.Facet, f.panelForm, f.panelOf, f.panelKeys, f.Highlight
	body.Scatter.Label = f.Scatter.Label
	body.Data = data
	*f.figureBody = body
}

// prepare turns the checked rows into what is drawn (the type's
// prepare): row by row over the whole figure where the type's works
// row by row (shares of each row), else within each panel (running
// totals, averages).
func (f *Figure) prepare() {
	switch {
	case f.kind.prepare == nil:
	case f.kind.prepareRows:
		f.kind.prepare(f)
	default:
		f.eachPanel(f.kind.prepare)
	}
}

// validateFacets checks what the panels share: their number, their size,
// highlights that name a row in none of them, and annotations (which a
// panel does not take yet).
func (f *Figure) validateFacets(e *errs) {
	if !f.faceted() {
		return
	}
	titles := f.panelTitles()
	if len(titles) > maxPanels {
		e.add(map[bool]string{true: "facet", false: "panel"}[f.Facet != ""], "makes %d panels; a figure shows at most %d legibly (filter the rows, or split the figure)", len(titles), maxPanels)
		return
	}
	for _, g := range f.panels() {
		if len(g.Data) > f.kind.maxRows {
			e.add(f.rowKey(slices.IndexFunc(f.Data, func(d Datum) bool { return d.Facet == g.Title })), "starts panel %q of %d rows; a panel of %s chart shows at most %d", clip(g.Title), len(g.Data), aKind(f.kind.name), f.kind.maxRows)
		}
	}
	if f.kind.highlightsRows() {
		for _, k := range []struct {
			key   string
			names []string
		}{{"highlight", f.Highlight}, {"label", f.Scatter.Label}} {
			key := k.key
			for i, h := range k.names {
				if h != f.Rest && !slices.ContainsFunc(f.Data, func(d Datum) bool { return d.Label == h }) {
					e.add(fmt.Sprintf("%s[%d]", key, i), "%q is not the label of a row in any panel", clip(h))
				}
			}
		}
	}
	if len(f.Annotations) > 0 {
		e.add("annotation", "is not drawn on small multiples yet; say it in the note or a panel's title")
	}
	// On shared axes a step's ticks run over every panel's values.
	if a := f.Axis; a.step > 0 && f.Axes != "free" && f.kind.valueAxis {
		sp := f.facetSpan()
		lo, hi := math.Min(sp.lo, a.minOr(sp.lo)), math.Max(sp.hi, a.maxOr(sp.hi))
		if f.startsAtZero() && !a.hasMin {
			lo, hi = math.Min(lo, 0), math.Max(hi, 0)
		}
		if (hi-lo)/a.step > maxTicks {
			e.add("ticks", "a step of %g makes more than %d ticks over %g..%g, the values of every panel on their shared axis; give a larger step", a.step, maxTicks, lo, hi)
		}
	}
}

// panelLayout is what a panel's layout decides from all panels.
type panelLayout struct {
	rows []Datum
	w    float64
}

// facetSpan is what the panels share on axes = "shared": the least and
// greatest value of every panel's rows, their x range, and the largest
// bubble.
type facetSpan struct {
	lo, hi   float64
	x0, x1   float64
	hasX     bool
	maxSize  float64
	panelTop float64
	// whole is the largest whole of any panel's parts (waffle, donut):
	// one square stands for as much in every panel.
	whole float64
}

func (f *Figure) facetSpan() *facetSpan {
	sp := &facetSpan{lo: math.Inf(1), hi: math.Inf(-1), x0: math.Inf(1), x1: math.Inf(-1)}
	for _, g := range f.panels() {
		if g.kind.parts {
			_, whole := g.parts()
			sp.whole = math.Max(sp.whole, whole)
		}
		// Each panel's own extent: a waterfall's running total runs
		// within its panel.
		for i, d := range g.Data {
			lo, hi := g.extentAt(i)
			if g.kind.stacks && len(d.Values) > 0 {
				lo, hi = g.kind.extent(&d)
			}
			if g.kind.pointLabels { // a point: y on the value axis, x on its own
				lo, hi = d.Y, d.Y
				sp.x0, sp.x1, sp.hasX = math.Min(sp.x0, d.XV), math.Max(sp.x1, d.XV), true
			}
			sp.lo, sp.hi = math.Min(sp.lo, lo), math.Max(sp.hi, hi)
			if g.kind.xy {
				sp.x0, sp.x1, sp.hasX = math.Min(sp.x0, d.XV), math.Max(sp.x1, d.XV), true
			}
			if d.sized {
				sp.maxSize = math.Max(sp.maxSize, d.Size)
			}
		}
	}
	if sp.lo > sp.hi {
		sp.lo, sp.hi = 0, 0
	}
	return sp
}

// facetColumns is how many panels stand side by side: at most most
// (three in a column of text), as many as are as wide as the type needs
// (three at an article's width and two on a phone for lines); fewer when
// there are fewer panels, and rows kept even (four panels are two by two).
func (c *ctx) facetColumns(n int, width float64, most int) int {
	least := 150.0 // a panel's least width at an article's type
	if c.f.kind.panelWidth > 0 {
		least = c.f.kind.panelWidth
	}
	// A panel's title wraps between words, never inside one.
	for _, g := range c.f.panels() {
		least = math.Max(least, c.widestWord(g.Title, c.label, true)/c.u)
	}
	sp := c.f.facetSpan()
	tick := math.Max(c.width(c.nf.number(sp.lo), c.tick, false), c.width(c.nf.number(sp.hi), c.tick, false))
	switch k := c.f.kind; {
	case k.rowWidth > 0:
		// The columns, beside the value axis's widest tick label: each
		// as wide as its label's longest word (up to a column's most),
		// so that labels need not turn upright.
		for _, g := range c.f.panels() {
			w := 0.0
			for _, d := range g.Data {
				w += math.Min(math.Max(k.rowWidth, c.widestWord(d.Label, c.label, false)/c.u+8), 90)
			}
			least = math.Max(least, w+tick/c.u+10)
		}
	case k.xy:
		// The lines, between the ticks and the values at their ends.
		end := 0.0
		for _, d := range c.f.Data {
			for i, v := range d.Values {
				if !isGap(v) {
					end = math.Max(end, c.width(c.nf.ofSeries(i).number(v), c.label, false))
				}
			}
		}
		if k.key == nil && len(c.f.Series) > 1 {
			// Without a key above, the ends name their series too
			// (wrapped at a third of the panel at most).
			for _, n := range c.f.Series {
				end = math.Max(end, math.Min(c.width(n, c.label, true), 120*c.u))
			}
		}
		least = math.Max(least, (tick+end)/c.u+70)
	}
	gap := 24.0
	cols := max(1, min(most, int((width/c.u+gap)/(least+gap)), n))
	rows := (n + cols - 1) / cols
	return (n + rows - 1) / rows
}

// facetKey draws the one key of a faceted figure above its panels: the
// series the type would name in each panel, or nothing.
func (c *ctx) facetKey(p rect) (*scene.Group, float64) {
	if c.f.kind.key == nil {
		return nil, 0
	}
	return c.f.kind.key(c, p)
}

// plotFacets draws the panels in a grid inside p.
func plotFacets(c *ctx, p rect) drawn {
	f := c.f
	panels := f.panels()
	var span *facetSpan
	if f.Axes != "free" {
		span = f.facetSpan()
	}
	// A part keeps its colour in every panel: the colours go by the
	// order names first come in the figure, not in a panel.
	order := map[string]int{}
	for _, d := range f.Data {
		if _, seen := order[d.Label]; !seen {
			order[d.Label] = len(order)
		}
	}
	g := &scene.Group{}
	top := p.y
	if key, h := c.facetKey(p); key != nil {
		g.Add(key)
		top += h + math.Round(10*c.u)
	}
	n := len(panels)
	gapX, gapY := math.Round(24*c.u), math.Round(22*c.u)
	minH := math.Round(150 * c.u)
	cols := c.facetColumns(n, p.w, 3)
	if f.Style.FixedHeight {
		// A frame of its own (a social card) takes more panels a row
		// rather than grow, as many as stay as wide as they need.
		fit := max(1, int((p.bottom()-top+gapY)/(minH+gapY)))
		cols = max(cols, min((n+fit-1)/fit, c.facetColumns(n, p.w, n)))
	}
	rows := (n + cols - 1) / cols
	cellW := math.Floor((p.w - gapX*float64(cols-1)) / float64(cols))
	// Each panel gets its share of the height, never less than a
	// usable chart (a ring or a grid of squares as tall as it is wide):
	// the figure grows instead.
	cellH := math.Max((p.bottom()-top-gapY*float64(rows-1))/float64(rows), minH)
	if !f.kind.valueAxis && !f.Style.FixedHeight {
		cellH = math.Max(cellH, cellW)
	}
	titleLH := math.Round(c.label * 1.3)
	// Titles wrap; every plot starts below the tallest title, so that
	// all are the same size and draw the same scale.
	lines := make([][]string, n)
	most := 1
	for i, pg := range panels {
		lines[i], _ = c.bold.Wrap(pg.Title, c.label, cellW, 0)
		most = max(most, len(lines[i]))
	}
	titleH := float64(most)*titleLH + math.Round(6*c.u)

	// Every panel is laid out at the grid's top, then moved down to its
	// row. Panels whose data areas start or end elsewhere in their cells
	// (a longer label, a wider value) are laid out again, inset so that
	// every data area has the same width and place: one value is one
	// length in every panel.
	cellX := func(i int) float64 { return p.x + float64(i%cols)*(cellW+gapX) }
	drawnOf := make([]drawn, n)
	inL, inR := make([]float64, n), make([]float64, n)
	plot := func(i int) {
		pg := panels[i]
		pg.span, pg.nameOrder = span, order
		// A highlight makes the other rows grey in every panel, not
		// only in the one that holds it.
		pg.Highlight = f.Highlight
		pc := *c
		pc.f = pg
		pc.keyAbove = true
		pc.panel = &panelLayout{rows: f.Data, w: cellW}
		x := cellX(i) + inL[i]
		w := cellW - inL[i] - inR[i]
		pc.left, pc.right = cellX(i), cellX(i)+cellW
		pc.plotRect = rect{x, top + titleH, w, cellH - titleH}
		drawnOf[i] = pg.kind.plot(&pc, pc.plotRect)
	}
	for i := range panels {
		plot(i)
	}
	for pass := 0; pass < 3; pass++ {
		a, b := math.Inf(-1), math.Inf(-1) // the largest insets of any data area
		for i, d := range drawnOf {
			if d.axes != nil {
				a = math.Max(a, d.axes.area.x-cellX(i))
				b = math.Max(b, cellX(i)+cellW-d.axes.area.right())
			}
		}
		again := false
		for i, d := range drawnOf {
			if d.axes == nil {
				continue
			}
			da, db := a-(d.axes.area.x-cellX(i)), b-(cellX(i)+cellW-d.axes.area.right())
			if (da > 0.5 || db > 0.5) && inL[i]+da+inR[i]+db < cellW/2 {
				inL[i], inR[i] = inL[i]+da, inR[i]+db
				plot(i)
				again = true
			}
		}
		if !again {
			break
		}
	}
	y := top
	for r := 0; r < rows; r++ {
		rowH := 0.0 // what the tallest panel of the row used
		for i := r * cols; i < min(n, (r+1)*cols); i++ {
			d := drawnOf[i]
			panel := &scene.Group{ID: fmt.Sprintf("panel-%d", i+1), Class: "pc-panel"}
			nodes, _ := c.block(lines[i], cellX(i), top, c.label, titleLH, true, c.th.text, scene.Start, "pc-panel-title")
			panel.Add(&scene.Group{Class: "pc-panel-title", Nodes: nodes})
			d.group.ID, d.group.Class = "", "pc-panel-plot"
			panel.Add(d.group)
			// Ids stay unique in the document: a panel's own are
			// prefixed with its number.
			prefixIDs(d.group, fmt.Sprintf("panel-%d-", i+1))
			panel.Move(0, y-top)
			g.Add(panel)
			rowH = math.Max(rowH, titleH+d.height)
		}
		y += rowH + gapY
	}
	return drawn{group: g, height: y - gapY - p.y}
}

// prefixIDs puts prefix before the id of every group within g.
func prefixIDs(g *scene.Group, prefix string) {
	for _, n := range g.Nodes {
		if sub, ok := n.(*scene.Group); ok {
			if sub.ID != "" {
				sub.ID = prefix + sub.ID
			}
			prefixIDs(sub, prefix)
		}
	}
}

// describeFacets says what each panel shows, for the alt text.
func describeFacets(f *Figure, nf numberFormat) string {
	var parts []string
	for _, g := range f.panels() {
		parts = append(parts, g.Title+": "+g.kind.describe(g, nf))
	}
	return strings.Join(parts, " ")
}
