package charts

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// scatterKind draws one point per row on two value axes, neither forced
// to zero: rows { label, x, y }, with size = N for bubbles (area in
// proportion, with a size key) and group = "..." for a colour per group
// (with a key). Chosen points are labelled (label = [...], the extremes
// = N farthest from the middle, and highlighted ones), each label placed
// clear of every point and other label, with a leader when it had to go
// further out. trend = true adds a least-squares line, diagonal = true
// the line y = x.
var scatterKind = &kind{
	name:        "scatter",
	fields:      []string{"x", "y"},
	maxRows:     2000,
	pointLabels: true,
	readRow:     readScatterRow,
	options:     readScatter,
	validate:    validateScatter,
	plot:        plotScatter,
	describe:    describeScatter,
	facets:      true,
	panelWidth:  280,
	key:         scatterKey,
}

// panelBubble is the largest bubble's radius in small multiples at an
// article's type: one for every panel and the key above them.
const panelBubble = 16

// scatterKey is the key above small multiples' panels: the groups'
// colours, then the bubbles' sizes.
func scatterKey(c *ctx, p rect) (*scene.Group, float64) {
	g := &scene.Group{ID: "legends"}
	h := 0.0
	if groups := c.f.groups(); len(groups) > 0 {
		key, kh := c.legendAbove(groups, p.x, p.y, p.w, false)
		g.Add(key)
		h += kh + 8
	}
	maxSize := 0.0
	for _, d := range c.f.Data {
		maxSize = math.Max(maxSize, d.Size)
	}
	if c.f.Scatter.sized && maxSize > 0 {
		key, kh := c.sizeKey(p.x, p.y+h, maxSize, math.Round(panelBubble*c.u), c.f.Scatter.SizeTitle)
		g.Add(key)
		h += kh + 8
	}
	if h == 0 {
		return nil, 0
	}
	return g, h - 8
}

// scatterOptions are a scatter chart's own keys.
type scatterOptions struct {
	XTitle, YTitle string      // what each axis measures
	SizeTitle      string      // what the bubbles' size measures, over the size key
	XFormat        *numberKeys // the x values' decimals, prefix, suffix, compact
	Label          []string    // rows whose points are labelled
	Extremes       int         // also label the N points farthest from the middle
	Trend          bool        // a least-squares line
	Diagonal       bool        // the line y = x
	sized, grouped bool        // some row has a size, a group
}

// maxScatterLabels is the most points a scatter chart labels.
const maxScatterLabels = 30

func readScatter(f *Figure, t *table) {
	o := &f.Scatter
	t.text("x_title", &o.XTitle)
	t.text("y_title", &o.YTitle)
	t.text("size_title", &o.SizeTitle)
	if v, ok := t.get("x_format"); ok {
		if m, isTable := v.(map[string]any); isTable {
			st := newTable(m, "x_format.", t.e)
			if k, set := readNumberKeys(st, true); set {
				o.XFormat = &k
			}
			st.unknown()
		} else {
			t.errf("x_format", "must be a table like { prefix = \"$\", decimals = 1 }, not %s", typeName(v))
		}
	}
	t.texts("label", &o.Label)
	t.integer("extremes", &o.Extremes, 1, maxScatterLabels)
	t.boolean("trend", &o.Trend)
	t.boolean("diagonal", &o.Diagonal)
}

// readScatterRow reads a point's optional size and group.
func readScatterRow(f *Figure, t *table, d *Datum) {
	if _, ok := t.m["size"]; ok {
		if t.num("size", &d.Size) {
			d.sized = true
			f.Scatter.sized = true
		}
	}
	if t.text("group", &d.Group) && d.Group != "" {
		f.Scatter.grouped = true
	}
}

func validateScatter(f *Figure, e *errs) {
	checkLabels(f, e)
	o := f.Scatter
	for i, d := range f.Data {
		switch {
		case o.sized && !d.sized:
			e.add(f.rowKey(i)+".size", "is missing; once one point has a size, every point needs one (bubble areas compare)")
		case d.sized && d.Size < 0:
			e.add(f.rowKey(i)+".size", "%g is below zero; a bubble's area is its size", d.Size)
		}
		if o.grouped && d.Group == "" {
			e.add(f.rowKey(i)+".group", "is missing; once one point has a group, every point needs one (its colour and key)")
		}
	}
	seen := map[string]bool{}
	for _, d := range f.Data {
		seen[d.Label] = true
	}
	for i, l := range o.Label {
		if !seen[l] {
			msg := fmt.Sprintf("%q is not the label of any row", l)
			if n := nearest(l, labels(f)); n != "" {
				msg += fmt.Sprintf("; did you mean %q?", n)
			}
			e.add(fmt.Sprintf("label[%d]", i), "%s", msg)
		}
	}
	if len(o.Label) > maxScatterLabels {
		e.add("label", "names %d points; at most %d can be labelled legibly", len(o.Label), maxScatterLabels)
	}
	if gs := f.groups(); len(gs) > 8 {
		e.add("data", "has %d groups; past eight colours no reader tells them apart: merge some", len(gs))
	}
}

// labelledPoints are the rows whose points carry their labels: those
// named in label, the highlighted ones, then the extremes farthest from
// the middle of the cloud (in units of each axis's spread), or from the
// trend line or the diagonal when one is drawn.
func (f *Figure) labelledPoints() []int {
	var out []int
	add := func(i int) {
		if !slices.Contains(out, i) && len(out) < maxScatterLabels {
			out = append(out, i)
		}
	}
	for i, d := range f.Data {
		if slices.Contains(f.Scatter.Label, d.Label) || slices.Contains(f.Highlight, d.Label) {
			add(i)
		}
	}
	if n := f.Scatter.Extremes; n > 0 && len(f.Data) > 0 {
		var mx, my float64
		for _, d := range f.Data {
			mx, my = mx+d.XV, my+d.Y
		}
		mx, my = mx/float64(len(f.Data)), my/float64(len(f.Data))
		var sx, sy float64
		for _, d := range f.Data {
			sx, sy = sx+(d.XV-mx)*(d.XV-mx), sy+(d.Y-my)*(d.Y-my)
		}
		sx, sy = math.Max(math.Sqrt(sx), 1e-300), math.Max(math.Sqrt(sy), 1e-300)
		idx := make([]int, len(f.Data))
		for i := range idx {
			idx[i] = i
		}
		dist := func(i int) float64 {
			d := f.Data[i]
			return math.Hypot((d.XV-mx)/sx, (d.Y-my)/sy)
		}
		// With a line drawn, the points farthest from it stand out.
		if a, b, ok := leastSquares(f.Data); f.Scatter.Trend && ok {
			dist = func(i int) float64 { d := f.Data[i]; return math.Abs(d.Y - (a + b*d.XV)) }
		} else if f.Scatter.Diagonal {
			dist = func(i int) float64 { d := f.Data[i]; return math.Abs(d.Y - d.XV) }
		}
		sort.SliceStable(idx, func(a, b int) bool { return dist(idx[a]) > dist(idx[b]) })
		for _, i := range idx[:min(n, len(idx))] {
			add(i)
		}
	}
	return out
}

// xFormat is the format of x values: the figure's, with x_format's keys.
func (c *ctx) xFormat() numberFormat { return c.f.Scatter.XFormat.apply(c.nf) }

// leastSquares is the line y = a + b·x that fits the points best, and
// whether there is one (two distinct x at least).
func leastSquares(data []Datum) (a, b float64, ok bool) {
	n := float64(len(data))
	var mx, my float64
	for _, d := range data {
		mx, my = mx+d.XV, my+d.Y
	}
	mx, my = mx/n, my/n
	var sxy, sxx float64
	for _, d := range data {
		sxy += (d.XV - mx) * (d.Y - my)
		sxx += (d.XV - mx) * (d.XV - mx)
	}
	if sxx == 0 || n < 2 {
		return 0, 0, false
	}
	b = sxy / sxx
	return my - b*mx, b, true
}

func plotScatter(c *ctx, p rect) drawn {
	data := c.f.Data
	o := c.f.Scatter
	g := &scene.Group{}
	top := p.y
	groups := c.f.groups()
	if c.panel != nil {
		// Small multiples: a group has one colour in every panel.
		groups = (&Figure{figureBody: &figureBody{Data: c.panel.rows}}).groups()
	}
	colorOf := func(d Datum) scene.Color {
		if col, ok := c.f.Style.Named[d.Label]; ok {
			return col
		}
		if c.isHighlighted(d.Label) {
			return c.accent
		}
		if d.Group != "" {
			return c.lineColor(d.Group, slices.Index(groups, d.Group))
		}
		if len(c.f.Highlight) > 0 {
			return c.th.rest
		}
		return c.paletteAt(0)
	}
	if len(groups) > 0 && !c.keyAbove {
		key, h := c.legendAbove(groups, p.x, top, p.w, false)
		g.Add(key)
		top += h + 8
	}
	// Bubble radii: area in proportion to size, the largest rMax; many
	// bubbles get smaller, so that together they cover about a fifth of
	// the plot and leave room between them for labels.
	rMax := math.Round(22 * c.u)
	rDot := math.Round(5 * c.u)
	// Many plain points get smaller too, down to 2.5 px, so that a cloud
	// of 150 on a phone stays points, not a blob.
	if cover := math.Pi * rDot * rDot * float64(len(data)); !o.sized && cover > 0.12*p.w*p.h*0.6 {
		rDot = math.Max(2.5, math.Floor(rDot*math.Sqrt(0.12*p.w*p.h*0.6/cover)*2)/2)
	}
	maxSize, sumSize := 0.0, 0.0
	for _, d := range data {
		maxSize, sumSize = math.Max(maxSize, d.Size), sumSize+d.Size
	}
	sp := c.f.span
	if sp != nil {
		// Small multiples on shared axes: one size is one area in
		// every panel and in the key above them.
		maxSize, rMax = math.Max(maxSize, sp.maxSize), math.Round(panelBubble*c.u)
	} else if o.sized && sumSize > 0 {
		// n bubbles of mean area π rMax² · mean/max.
		cover := math.Pi * rMax * rMax * sumSize / maxSize
		if room := 0.2 * p.w * p.h * 0.6; cover > room {
			rMax = math.Max(math.Round(6*c.u), math.Floor(rMax*math.Sqrt(room/cover)))
		}
	}
	radius := func(d Datum) float64 {
		if !o.sized {
			return rDot
		}
		// The smallest bubbles stay visible: at least 2.5 px across the
		// radius (a size of 0 too), which a key of areas allows for.
		if maxSize == 0 || d.Size == 0 {
			return 2.5
		}
		return math.Max(2.5, rMax*math.Sqrt(d.Size/maxSize))
	}
	// The size key: two circles, the largest size and a round one below.
	if o.sized && maxSize > 0 && !c.keyAbove {
		key, h := c.sizeKey(p.x, top, maxSize, rMax, o.SizeTitle)
		g.Add(key)
		top += h + 8
	}
	// The axes' titles wrap at the plot's width (a panel's, in small
	// multiples), never running past it.
	titleLH := math.Round(c.small * 1.4)
	if o.YTitle != "" {
		lines, _ := c.bold.Wrap(o.YTitle, c.small, p.w, 0)
		nodes, bottom := c.block(lines, p.x, top, c.small, titleLH, true, c.th.muted, scene.Start, "pc-axis-title pc-y-title")
		g.Add(nodes...)
		top = bottom + 6
	}
	axisH := math.Round(c.tick + 14)
	xTitleH := 0.0
	var xTitle []string
	if o.XTitle != "" {
		xTitle, _ = c.bold.Wrap(o.XTitle, c.small, p.w, 0)
		xTitleH = float64(len(xTitle))*titleLH + 4
	}
	bottom := math.Max(top+math.Round(160*c.u), p.bottom()-axisH-xTitleH)
	pad := rDot + 2
	if o.sized {
		pad = rMax + 2
	}
	xlo, xhi, ylo, yhi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, d := range data {
		xlo, xhi = math.Min(xlo, d.XV), math.Max(xhi, d.XV)
		ylo, yhi = math.Min(ylo, d.Y), math.Max(yhi, d.Y)
	}
	dataX0, dataX1 := xlo, xhi // the trend's extent
	if o.Diagonal {            // y = x over both ranges
		lo, hi := math.Min(xlo, ylo), math.Max(xhi, yhi)
		xlo, xhi, ylo, yhi = lo, hi, lo, hi
	}
	ys := c.valueScale(ylo, yhi, bottom-pad, top+pad, 36, 0)
	left := p.x + c.tickWidth(ys) + 10
	cx := *c
	cx.nf = c.xFormat()
	if sp != nil && sp.hasX {
		// The x axis's scale spans every panel's x, as y spans their y.
		xf := c.f.clone()
		xf.span = &facetSpan{lo: sp.x0, hi: sp.x1}
		cx.f = xf
	}
	xs := cx.valueScale(xlo, xhi, left+pad, p.right()-pad, 60, 0)
	// The axes run to the plot's edges; the pads keep bubbles inside.
	gy, axisY, _ := c.gridlines(ys, true, [][2]float64{{left, p.right()}}, left, false)
	gx, axisX, _ := cx.gridlines(xs, false, [][2]float64{{top, bottom}}, bottom, false)
	if gx != nil && gx.ID != "" {
		gx.ID += "-x" // ids stay unique: the x axis's gridlines are their own
	}
	g.Add(gy, gx, axisY, axisX)
	if len(xTitle) > 0 {
		nodes, _ := c.block(xTitle, p.right(), bottom+axisH, c.small, titleLH, true, c.th.muted, scene.End, "pc-axis-title pc-x-title")
		g.Add(nodes...)
	}
	area := rect{left, top, p.right() - left, bottom - top}

	// Reference lines under the points.
	refs := &scene.Group{ID: "annotation-lines", Class: "pc-reference"}
	var lineBoxes []scene.Box // where the lines run, for the labels to avoid
	// A reference line over the data's x range, clipped to the y axis.
	clipLine := func(f func(x float64) float64, x0, x1 float64) {
		// Clip to the y range.
		pts := [][2]float64{}
		const steps = 64
		for k := 0; k <= steps; k++ {
			x := x0 + (x1-x0)*float64(k)/steps
			if y := f(x); y >= ys.lo && y <= ys.hi {
				pts = append(pts, [2]float64{xs.px(x), ys.px(y)})
			}
		}
		for k := 1; k < len(pts); k++ {
			a, b := pts[k-1], pts[k]
			lineBoxes = append(lineBoxes, scene.Box{X0: math.Min(a[0], b[0]) - 2, Y0: math.Min(a[1], b[1]) - 2, X1: math.Max(a[0], b[0]) + 2, Y1: math.Max(a[1], b[1]) + 2})
		}
		if len(pts) >= 2 {
			refs.Add(&scene.Line{X1: pts[0][0], Y1: pts[0][1], X2: pts[len(pts)-1][0], Y2: pts[len(pts)-1][1], Stroke: c.th.faint, Width: 1.5, Dash: []float64{5, 4}, Class: "pc-trend"})
		}
	}
	if o.Diagonal {
		clipLine(func(x float64) float64 { return x }, xs.lo, xs.hi)
	}
	if o.Trend {
		if a, b, ok := leastSquares(data); ok {
			clipLine(func(x float64) float64 { return a + b*x }, dataX0, dataX1)
		}
	}
	g.Add(refs)

	// The points, largest first so that small ones stay on top; each
	// with a hairline of background round it.
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return radius(data[order[a]]) > radius(data[order[b]]) })
	bg := c.bg()
	series := &scene.Group{ID: "series-1", Class: "pc-series"}
	dots := make([]dot, len(data))
	for _, i := range order {
		d := data[i]
		x, y, r := xs.px(d.XV), ys.px(d.Y), radius(d)
		dots[i] = dot{x, y, r}
		fill := colorOf(d)
		if o.sized {
			fill.A = 217 // overlapping bubbles show through
		}
		series.Add(&scene.Circle{CX: x, CY: y, R: r, Fill: fill, Stroke: bg, StrokeWidth: 1, Class: "pc-point"})
	}
	g.Add(series)

	// Labels, most important first, each at the first place clear of
	// every point, label, leader and reference line and inside the plot.
	labelsG, leaders := c.placePointLabels(data, c.f.labelledPoints(), dots, lineBoxes, area)
	g.Add(leaders, labelsG)
	if k := c.valueKnockout(labelsG); k != nil {
		// Under the points and labels, over the gridlines and lines.
		at := slices.Index(g.Nodes, scene.Node(series))
		g.Nodes = slices.Insert(g.Nodes, at, scene.Node(k))
	}
	ax := &axes{area: area, point: func(at string) (float64, float64, bool) {
		for i, d := range data {
			if d.Label == at {
				return dots[i].x, dots[i].y, true
			}
		}
		return 0, 0, false
	}}
	return drawn{group: g, height: bottom + axisH + xTitleH - p.y, axes: ax}
}

// describeScatter: how many points, what the axes measure, and each
// labelled point with its values.
func describeScatter(f *Figure, nf numberFormat) string {
	o := f.Scatter
	xf := o.XFormat.apply(nf)
	xName, yName := o.XTitle, o.YTitle
	if xName == "" {
		xName = "x"
	}
	if yName == "" {
		yName = "y"
	}
	var parts []string
	for _, i := range f.labelledPoints() {
		d := f.Data[i]
		s := fmt.Sprintf("%s: x %s, y %s", d.Label, xf.number(d.XV), nf.number(d.Y))
		if o.XTitle != "" || o.YTitle != "" {
			s = fmt.Sprintf("%s: %s (%s), %s (%s)", d.Label, xf.number(d.XV), xName, nf.number(d.Y), yName)
		}
		if d.sized {
			sf := nf
			sf.decimals, sf.shared = -1, -1 // sizes as the data has them
			s += ", " + sf.number(d.Size)
			if o.SizeTitle != "" {
				s += " (" + o.SizeTitle + ")"
			}
		}
		parts = append(parts, s)
	}
	out := localDigits(fmt.Sprintf(nf.loc.pointCount, len(f.Data)), nf.digits)
	if len(parts) > 0 {
		out += "; " + strings.Join(parts, "; ")
	}
	return out + "."
}
