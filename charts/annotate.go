package charts

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/presschart/presschart/charts/scene"
)

// Annotation is one [[figure.annotation]]: text pointing at a data point
// (at), a reference line (line), or a shaded range of values (from, to).
type Annotation struct {
	Text  string
	At    string  // a row's label, or a line chart's x as written ("2025-10")
	Y     float64 // with at: the value to point at, instead of the row's
	hasY  bool
	Line  float64 // a value for a reference line
	From  float64 // a range of values to shade
	To    float64
	Width float64 // the text's wrapping width in px; 0 for the default
	// A period of x to shade on a line or area chart (from = "2020-03",
	// to = "2020-06"): positions as the rows' XV.
	XFrom, XTo float64
	// The editor's placement of a note at a point: its text's top corner
	// (left, right or centre, as align says) dx, dy px from the point;
	// and an arrowhead on its connector.
	DX, DY float64
	Align  string // "left", "right", "center"; "" with dx, dy: left
	// Side is where the placer looks first for a note at a point:
	// "above", "below", "left" or "right" of it; "" for nearest.
	Side      string
	Arrow     bool
	hasOffset bool

	hasLine, hasRange, hasPeriod bool
	said                         bool // its from or to was refused with a message of its own
}

// axes is what a chart tells the annotations about its plot: where the
// data area is, which way values run and how a value maps to pixels (nil
// for types without a value axis), and where a row's data point is.
type axes struct {
	area     rect
	vertical bool                                    // values run up (columns, lines), else right (bars, ranges)
	value    func(v float64) float64                 // a value's position along the value axis
	point    func(at string) (x, y float64, ok bool) // a row's data point
	x        func(xv float64) float64                // an x's position, on line and area charts; nil on others
}

// isX reports whether an annotation's from or to is an x (a date, or a
// year written as text) rather than a value.
func isX(v any) bool {
	switch v.(type) {
	case string, time.Time:
		return true
	}
	return false
}

// readPeriod reads from and to as a period of x to shade.
func (fig *Figure) readPeriod(at *table, a *Annotation, m map[string]any) {
	at.get("from")
	at.get("to")
	if !fig.kind.xy {
		at.errf("from", "a period (from = \"2020-03\") is shaded on line and area charts; here from and to are values, written as numbers")
		a.said = true // no other complaint about the annotation
		return
	}
	var ends [2]float64
	for i, k := range []string{"from", "to"} {
		v, ok := m[k]
		if !ok {
			at.errf("to", "from and to go together: they shade a period")
			a.said = true
			return
		}
		if !isX(v) {
			at.errf(k, "must be an x as the rows write it, like the other end (\"2020-03\" or \"2008\"), not %s", typeName(v))
			a.said = true
			return
		}
		_, xv, unit, msg := parseX(v)
		if n, whole := v.(int64); whole && msg == "" && fig.unitSet && fig.xUnit == notDate {
			xv, unit = float64(n), notDate // a whole number among numbers: see settleX
		}
		if msg == "" && fig.unitSet && (fig.xUnit == notDate) != (unit == notDate) {
			msg = "is a date, and the rows' x are numbers; a period is shaded on a chart of dates"
		}
		if msg != "" {
			at.errf(k, "%s", msg)
			a.said = true // no other complaint about the annotation
			return
		}
		ends[i] = xv
	}
	if ends[0] > ends[1] {
		at.errf("to", "comes before from; swap them")
		a.said = true
		return
	}
	a.XFrom, a.XTo, a.hasPeriod = ends[0], ends[1], true
}

// readAnnotations reads [[figure.annotation]] tables.
func (fig *Figure) readAnnotations(t *table) {
	v, ok := t.get("annotation")
	if !ok {
		return
	}
	rows, isRows := asTables(v)
	if !isRows {
		t.errf("annotation", "must be an array of tables ([[figure.annotation]]), not %s", typeName(v))
		return
	}
	if len(rows) > maxAnnotations {
		t.errf("annotation", "has %d annotations; a figure takes at most %d (more would cover the data they explain)", len(rows), maxAnnotations)
		return
	}
	for i, m := range rows {
		at := newTable(m, fmt.Sprintf("annotation[%d].", i), t.e)
		var a Annotation
		if !at.text("text", &a.Text) || a.Text == "" {
			if _, has := m["text"]; !has {
				at.errf("text", "is missing; an annotation says something")
			}
		}
		at.str("at", &a.At)
		// x is another name for at, as line charts call their rows.
		if v, has := m["x"]; has {
			switch x := v.(type) {
			case string:
				at.str("x", &a.At)
			case int64:
				at.get("x")
				a.At = strconv.FormatInt(x, 10)
			case float64:
				at.get("x")
				a.At = strconv.FormatFloat(x, 'f', -1, 64)
			default:
				at.get("x")
				at.errf("x", "must be a row's x as written in the data, not %s", typeName(v))
			}
		} else {
			at.get("x")
		}
		a.hasY = at.num("y", &a.Y)
		if a.hasY && a.At == "" {
			at.errf("y", "goes with at (or x): it says where along that row to point")
		}
		a.hasLine = at.num("line", &a.Line)
		if isX(m["from"]) || isX(m["to"]) {
			fig.readPeriod(at, &a, m)
		} else {
			hasFrom, hasTo := at.num("from", &a.From), at.num("to", &a.To)
			a.hasRange = hasFrom && hasTo
			if hasFrom != hasTo {
				at.errf("to", "from and to go together: they shade a range of values")
			}
		}
		hasDX, hasDY := at.num("dx", &a.DX), at.num("dy", &a.DY)
		a.hasOffset = hasDX || hasDY
		if at.str("align", &a.Align) && !slices.Contains([]string{"left", "right", "center"}, a.Align) {
			msg := fmt.Sprintf("unknown alignment %q; use \"left\", \"right\" or \"center\"", a.Align)
			if n := nearest(a.Align, []string{"left", "right", "center"}); n != "" {
				msg = fmt.Sprintf("unknown alignment %q; did you mean %q?", a.Align, n)
			}
			at.errf("align", "%s", msg)
		}
		if a.Align != "" && !a.hasOffset {
			at.errf("align", "goes with dx and dy, which place the note; without them it is placed where it is clear")
		}
		if at.str("side", &a.Side) && !slices.Contains(noteSides, a.Side) {
			msg := fmt.Sprintf("unknown side %q; use \"above\", \"below\", \"left\" or \"right\"", clip(a.Side))
			if n := nearest(a.Side, noteSides); n != "" {
				msg = fmt.Sprintf("unknown side %q; did you mean %q?", clip(a.Side), n)
			}
			at.errf("side", "%s", msg)
		}
		if a.Side != "" && a.hasOffset {
			at.errf("side", "and dx, dy both place the note; give one or the other")
		}
		at.boolean("arrow", &a.Arrow)
		if (a.hasOffset || a.Arrow || a.Side != "") && a.At == "" {
			key := "dx"
			for _, k := range []string{"dx", "dy", "side", "arrow"} {
				if _, ok := at.m[k]; ok {
					key = k
					break
				}
			}
			at.errf(key, "dx, dy, align, side and arrow place a note at a point; give at (or x)")
		}
		if math.Abs(a.DX) > maxSide || math.Abs(a.DY) > maxSide {
			at.errf("dx", "moves the note off any figure; dx and dy are at most %d px", maxSide)
		}
		var w float64
		if at.num("width", &w) {
			if w < 40 || w > 1000 {
				at.errf("width", "%g is out of range; give 40 to 1000 px", w)
			}
			a.Width = w
		}
		n := 0
		for _, set := range []bool{a.At != "", a.hasLine, a.hasRange || a.hasPeriod || a.said} {
			if set {
				n++
			}
		}
		if n != 1 {
			at.errf("text", "needs one of at (a data point), line (a reference line) or from and to (a shaded range)")
		}
		at.unknown()
		fig.Annotations = append(fig.Annotations, a)
	}
}

// validateAnnotations checks annotations against the chart type and data.
func (fig *Figure) validateAnnotations(e *errs) {
	if fig.kind.noNotes && len(fig.Annotations) > 0 {
		e.add("annotation", "%s chart has no room for notes beside its rows; say it in note, or highlight the rows", aKind(fig.kind.name))
		return
	}
	for i, a := range fig.Annotations {
		key := fmt.Sprintf("annotation[%d]", i)
		if a.hasPeriod && len(fig.Data) > 0 {
			lo, hi := fig.Data[0].XV, fig.Data[0].XV
			for _, d := range fig.Data {
				lo, hi = math.Min(lo, d.XV), math.Max(hi, d.XV)
			}
			if a.XTo < lo || a.XFrom > hi {
				e.add(key+".from", "the period lies outside the rows' x (%s to %s); shade a period the chart shows", fig.Data[0].X, fig.Data[len(fig.Data)-1].X)
			}
		}
		if !fig.kind.valueAxis && (a.hasLine || a.hasRange || a.hasPeriod) {
			e.add(key, "%s chart has no value axis for a reference line or range; point at a row with at, or write it in the note", aKind(fig.kind.name))
			continue
		}
		if a.At != "" && !fig.hasRow(a.At) {
			msg := fmt.Sprintf("%q is not the label (or x) of any row", a.At)
			if m := fig.mergedRow(a.At); m != "" {
				msg = m
			} else if slices.Contains(fig.rollDropped, a.At) {
				msg = fmt.Sprintf("%q comes before the first average: rolling = %d starts the line at %s", a.At, fig.Rolling, fig.Data[0].X)
			} else if n := nearest(a.At, fig.rowNames()); n != "" {
				msg += fmt.Sprintf("; did you mean %q?", n)
			}
			e.add(key+".at", "%s", msg)
		} else if a.At != "" && fig.kind.gaps && !a.hasY && !slices.ContainsFunc(fig.Data, func(d Datum) bool {
			return d.X == a.At && slices.ContainsFunc(d.Values, func(v float64) bool { return !isGap(v) })
		}) {
			e.add(key+".at", "%q is a gap in every line, so the note has no point to sit at; give it a y, or choose an x with a value", a.At)
		}
		if a.hasY && !fig.kind.valueAxis {
			e.add(key+".y", "%s chart has no value axis to place y on", aKind(fig.kind.name))
		}
		if fig.Style.Log && (a.hasLine && a.Line <= 0 || a.hasRange && math.Min(a.From, a.To) <= 0 || a.hasY && a.Y <= 0) {
			e.add(key, "a log scale has no zero or negative values to mark")
		}
	}
}

func (fig *Figure) rowNames() []string {
	var out []string
	for _, d := range fig.Data {
		if fig.kind.xy {
			out = append(out, d.X)
		} else {
			out = append(out, d.Label)
		}
	}
	if fig.Rest != "" && fig.kind.parts {
		out = append(out, fig.Rest)
	}
	return out
}

func (fig *Figure) hasRow(at string) bool {
	return slices.Contains(fig.rowNames(), at)
}

// describeAnnotations is the annotations' text for the alt text.
func (fig *Figure) describeAnnotations() string {
	if len(fig.Annotations) == 0 {
		return ""
	}
	texts := make([]string, len(fig.Annotations))
	for i, a := range fig.Annotations {
		texts[i] = strings.TrimRight(a.Text, ".")
	}
	return fmt.Sprintf(locales[fig.Style.Locale].annotated, strings.Join(texts, "; "))
}

// box is an occupied area of the plot; text says it holds a text, which
// a note's connector must not cross.
type box struct {
	x0, y0, x1, y1 float64
	text           bool
	value          bool // a mark's value label
}

func (b box) overlaps(o box) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}

// occupied returns the boxes of the data and labels drawn in g, leaving
// out gridlines and axes' lines, which text may cross.
func (c *ctx) occupied(sc *scene.Scene, g *scene.Group) []box {
	var out []box
	var walk func(g *scene.Group)
	walk = func(g *scene.Group) {
		if g.ID == "grid" || g.ID == "baseline" || g.ID == "knockout" || g.ID == "borders" {
			return
		}
		for _, n := range g.Nodes {
			switch n := n.(type) {
			case *scene.Group:
				walk(n)
			case *scene.Rect:
				b, _ := sc.Bounds(n)
				out = append(out, box{b.X0, b.Y0, b.X1, b.Y1, false, false})
			case *scene.Rects:
				for _, r := range n.R {
					out = append(out, box{r[0], r[1], r[0] + r[2], r[1] + r[3], false, false})
				}
			case *scene.Circle:
				out = append(out, box{n.CX - n.R, n.CY - n.R, n.CX + n.R, n.CY + n.R, false, false})
			case *scene.Path:
				if g.ID == "regions" && strings.Contains(n.Class, "pc-land") {
					continue // a map's land is ground a note may stand on, as the grid is
				}
				if n.Fill.A != 0 {
					for _, b := range fillStrips(n, 4) {
						out = append(out, box{b.X0, b.Y0, b.X1, b.Y1, false, false})
					}
				}
			case *scene.Text:
				if n.Rotate != 0 {
					continue
				}
				b, _ := sc.Bounds(n)
				out = append(out, box{b.X0, b.Y0, b.X1, b.Y1, true, strings.Contains(n.Class, "pc-value")})
			case *scene.Polyline:
				for i := 1; i < len(n.Pts); i++ {
					out = appendSegment(out, n.Pts[i-1], n.Pts[i], 2)
				}
			case *scene.Line:
				if n.Class == "pc-tick-mark" {
					continue
				}
				out = appendSegment(out, [2]float64{n.X1, n.Y1}, [2]float64{n.X2, n.Y2}, 1)
			}
		}
	}
	walk(g)
	return out
}

// appendSegment adds the boxes of a stroke from a to b, pad to either
// side: one box for a straight or short stroke, a box every 8 px along a
// long slanted one, whose single box would cover the plot.
func appendSegment(out []box, a, b [2]float64, pad float64) []box {
	n := 1
	if a[0] != b[0] && a[1] != b[1] {
		n = max(1, int(math.Hypot(b[0]-a[0], b[1]-a[1])/8))
	}
	for k := 0; k < n; k++ {
		t0, t1 := float64(k)/float64(n), float64(k+1)/float64(n)
		x0, y0 := a[0]+(b[0]-a[0])*t0, a[1]+(b[1]-a[1])*t0
		x1, y1 := a[0]+(b[0]-a[0])*t1, a[1]+(b[1]-a[1])*t1
		out = append(out, box{math.Min(x0, x1) - pad, math.Min(y0, y1) - pad, math.Max(x0, x1) + pad, math.Max(y0, y1) + pad, false, false})
	}
	return out
}

// reserve is the room annotations take outside the data area: a band
// above the plot (labels of vertical reference lines and ranges, and
// notes that found no free place among the data) and a margin right of
// it (labels of horizontal reference lines and ranges).
type reserve struct{ top, right, band float64 } // band: for notes, above the top

// covers reports whether r holds at least the room of o.
func (r reserve) covers(o reserve) bool {
	return r.top >= o.top-0.01 && r.right >= o.right-0.01 && r.band >= o.band-0.01
}

// grow is the room of both.
func (r reserve) grow(o reserve) reserve {
	return reserve{math.Max(r.top, o.top), math.Max(r.right, o.right), math.Max(r.band, o.band)}
}

// annotator is the state of placing one figure's annotations: the axes
// they are placed on, the plot area the chart was given (inner) inside
// the whole (c.plotRect, with the reserve), and the boxes already taken.
type annotator struct {
	c       *ctx
	ax      *axes
	inner   rect
	taken   []box
	lh      float64
	widths  map[string]float64 // measured blocks, for the many places tried
	cells   map[[2]int][]int32 // the taken boxes by cell (near)
	indexed int                // how many of them are in cells
	seen    []int32            // the round in which overlap last counted each box
	round   int32
}

// textBox is the box of lines of small text from x, y (its top), anchored.
func (an *annotator) textBox(lines []string, x, y float64, a scene.Anchor) box {
	key := strings.Join(lines, "\n")
	w, ok := an.widths[key]
	if !ok {
		for _, l := range lines {
			w = math.Max(w, an.c.width(l, an.c.small, false))
		}
		if an.widths == nil {
			an.widths = map[string]float64{}
		}
		an.widths[key] = w
	}
	x0 := x
	if a == scene.End {
		x0 = x - w
	}
	return box{x0 - 2, y - 2, x0 + w + 2, y + float64(len(lines))*an.lh + 2, false, false}
}

// free reports whether a text box lies in the plot (or its reserve) and
// touches nothing drawn.
func (an *annotator) free(b box) bool {
	return an.freeAbove(b, an.ax.area.bottom()+4)
}

// freeAbove is free with another bottom edge: the margin's labels may
// run down beside the axis's labels.
func (an *annotator) freeAbove(b box, bottom float64) bool {
	c := an.c
	if b.x0 < c.left || b.x1 > c.right || b.y0 < c.plotRect.y || b.y1 > bottom {
		return false
	}
	found := false
	an.near(b, func(i int32) bool {
		found = b.overlaps(an.taken[i])
		return !found
	})
	return !found
}

// cellSize is the side of the cells that index the taken boxes.
const cellSize = 32

// near calls f with every taken box that may overlap b (some twice),
// until f returns false. A grid of cells indexes the boxes, brought up
// to date first: the boxes are only ever appended.
func (an *annotator) near(b box, f func(int32) bool) {
	if an.cells == nil {
		an.cells = map[[2]int][]int32{}
	}
	for ; an.indexed < len(an.taken); an.indexed++ {
		t := an.taken[an.indexed]
		for cx := int(math.Floor(t.x0 / cellSize)); cx <= int(math.Floor(t.x1/cellSize)); cx++ {
			for cy := int(math.Floor(t.y0 / cellSize)); cy <= int(math.Floor(t.y1/cellSize)); cy++ {
				an.cells[[2]int{cx, cy}] = append(an.cells[[2]int{cx, cy}], int32(an.indexed))
			}
		}
	}
	for cx := int(math.Floor(b.x0 / cellSize)); cx <= int(math.Floor(b.x1/cellSize)); cx++ {
		for cy := int(math.Floor(b.y0 / cellSize)); cy <= int(math.Floor(b.y1/cellSize)); cy++ {
			for _, i := range an.cells[[2]int{cx, cy}] {
				if !f(i) {
					return
				}
			}
		}
	}
}

// drawAnnotations adds the figure's annotations to the plot: shaded
// ranges behind the data, reference lines over it with their labels in
// the margin, and notes at points in free space near them, joined by a
// connector. Nothing an annotation writes covers a mark or another text:
// it returns the reserve the labels and notes need, and when that is more
// than the plot was given (res), the figure is laid out again. On the
// final layout a note that still finds no clean place is keyed: a number
// at its point, and its text, numbered, under the plot (keyed).
func (c *ctx) drawAnnotations(sc *scene.Scene, plot *scene.Group, ax *axes, inner rect, res reserve, final bool) (need reserve, keyed []string, unplaced bool) {
	need = res
	if len(c.f.Annotations) == 0 || ax == nil {
		return need, nil, false
	}
	an := &annotator{c: c, ax: ax, inner: inner, lh: math.Round(c.small * 1.35)}
	behind := &scene.Group{ID: "annotation-ranges", Class: "pc-annotations"}
	refs := &scene.Group{ID: "annotation-lines", Class: "pc-annotations"}
	over := &scene.Group{ID: "annotations", Class: "pc-annotations"}
	an.taken = c.occupied(sc, plot)
	shade := c.th.grid
	shade.A = 140
	gap := math.Round(8 * c.u)

	// Reference lines and ranges first: their labels have fixed places,
	// a range's inside its edge when it is free, else each in the margin
	// at the line's end or the range's edge.
	type marginLabel struct {
		lines []string
		at    float64 // where along the value axis: the line, or the range's near edge
		w, h  float64
	}
	var margin []marginLabel
	// A margin that was widened for labels that did not fit wraps them
	// wider, in fewer lines.
	marginW := math.Round(math.Min(130*c.u, math.Max(64*c.u, 0.24*(c.right-c.left))))
	marginW = math.Max(marginW, res.right-gap-4)
	// Periods of x: shaded across the plot, labelled inside at the top
	// when the label fits, else placed as a note at the period's top.
	periodAt := map[int][2]float64{}
	veils := &scene.Group{ID: "annotation-periods", Class: "pc-annotations"}
	for i, note := range c.f.Annotations {
		if !note.hasPeriod || ax.x == nil {
			continue
		}
		a, b := math.Max(ax.x(note.XFrom), ax.area.x), math.Min(ax.x(note.XTo), ax.area.right())
		if b-a < 2 { // a period of a day on a chart of decades: a thin band
			a, b = (a+b)/2-1, (a+b)/2+1
		}
		// Behind a line; over an area, which would hide it, as a veil
		// the area shows through.
		if c.f.kind.stacks {
			veil := c.th.text
			veil.A = 28
			veils.Add(&scene.Rect{X: c.snap(a), Y: ax.area.y, W: c.snap(b - a), H: ax.area.h, Fill: veil, Class: "pc-annotation-range"})
		} else {
			behind.Add(&scene.Rect{X: c.snap(a), Y: ax.area.y, W: c.snap(b - a), H: ax.area.h, Fill: shade, Class: "pc-annotation-range"})
		}
		wrap := note.Width
		if wrap == 0 {
			wrap = math.Max(b-a-8, math.Round(60*c.u))
		}
		lines, _ := c.regular.Wrap(note.Text, c.small, wrap, 0)
		if an.free(an.textBox(lines, a+4, ax.area.y+3, scene.Start)) && an.textBox(lines, a+4, ax.area.y+3, scene.Start).x1 <= b {
			an.put(over, lines, a+4, ax.area.y+3, scene.Start, "pc-annotation-label")
			continue
		}
		periodAt[i] = [2]float64{(a + b) / 2, ax.area.y + 6}
	}
	for _, note := range c.f.Annotations {
		if !note.hasRange && !note.hasLine || ax.value == nil {
			continue
		}
		wrap := note.Width
		if wrap == 0 {
			wrap = marginW
			if !ax.vertical {
				wrap = math.Round(150 * c.u)
			}
		}
		lines, _ := c.regular.Wrap(note.Text, c.small, wrap, 0)
		m := marginLabel{lines: lines, w: an.textBox(lines, 0, 0, scene.Start).x1 - 4, h: float64(len(lines)) * an.lh}
		if note.hasRange {
			a, b := ax.value(note.From), ax.value(note.To)
			r := rect{x: ax.area.x, y: math.Min(a, b), w: ax.area.w, h: math.Abs(b - a)}
			m.at = r.y + 2
			inX, inY, fits := r.x+4, r.y+3, r.h >= m.h+6
			if !ax.vertical {
				r = rect{x: math.Min(a, b), y: ax.area.y, w: math.Abs(b - a), h: ax.area.h}
				m.at = r.x
				inX, inY, fits = r.x+4, r.y+3, r.w >= m.w+8
			}
			behind.Add(&scene.Rect{X: c.snap(r.x), Y: c.snap(r.y), W: c.snap(r.w), H: c.snap(r.h), Fill: shade, Class: "pc-annotation-range"})
			if fits && an.free(an.textBox(lines, inX, inY, scene.Start)) {
				an.put(over, lines, inX, inY, scene.Start, "pc-annotation-label")
				continue
			}
		} else {
			v := c.snapLine(ax.value(note.Line), 1)
			l := &scene.Line{X1: ax.area.x, Y1: v, X2: ax.area.right(), Y2: v, Stroke: c.th.axis, Width: 1, Dash: []float64{4, 3}, Class: "pc-annotation-line"}
			m.at = v - m.h/2 // centred on the line
			if !ax.vertical {
				l = &scene.Line{X1: v, Y1: ax.area.y, X2: v, Y2: ax.area.bottom(), Stroke: c.th.axis, Width: 1, Dash: []float64{4, 3}, Class: "pc-annotation-line"}
				m.at = v
			}
			refs.Add(l)
			an.taken = appendSegment(an.taken, [2]float64{l.X1, l.Y1}, [2]float64{l.X2, l.Y2}, 1)
		}
		margin = append(margin, m)
	}
	sort.SliceStable(margin, func(i, j int) bool { return margin[i].at < margin[j].at })
	if ax.vertical {
		// Right of the data, by the line's end or the range's top edge:
		// first in the column the chart left beside its data (a line
		// chart's end labels), then in a margin of its own; nudged up or
		// down past the labels already there.
		for _, m := range margin {
			placed := false
			for _, x := range []float64{ax.area.right() + gap, inner.right() + gap} {
				for k := 0; k <= 80 && !placed; k++ {
					y := m.at + float64((k+1)/2)*an.lh/3*float64(1-2*(k%2))
					if an.freeAbove(an.textBox(m.lines, x, y, scene.Start), inner.bottom()) {
						an.put(over, m.lines, x, y, scene.Start, "pc-annotation-label")
						placed = true
					}
				}
				if placed {
					break
				}
			}
			if !placed {
				// No room in the margin's height: a wider margin, on the
				// next layout, takes the labels in fewer lines.
				need.right = math.Max(need.right, m.w+gap+4)
				if res.right >= m.w+gap+4 {
					need.right = math.Min(math.Max(need.right, res.right*1.4), math.Max(res.right, 0.45*(c.right-c.left)))
				}
				an.put(over, m.lines, inner.right()+gap, m.at, scene.Start, "pc-annotation-label")
			}
		}
	} else {
		// In rows above the plot, each starting at its line or range's
		// left edge (ending there near the right), in the nearest row
		// where it clears the labels beside it.
		var rows [][]box
		rowH := 0.0
		for _, m := range margin {
			rowH = math.Max(rowH, m.h+3)
		}
		for _, m := range margin {
			x, a := m.at, scene.Start
			if x+m.w > c.right {
				a = scene.End
			}
			b := an.textBox(m.lines, x, 0, a)
			r := 0
			for ; r < len(rows); r++ {
				if !slices.ContainsFunc(rows[r], func(o box) bool { return b.x0 < o.x1+gap && o.x0 < b.x1+gap }) {
					break
				}
			}
			if r == len(rows) {
				rows = append(rows, nil)
			}
			rows[r] = append(rows[r], b)
			an.put(over, m.lines, x, inner.y-float64(r+1)*rowH, a, "pc-annotation-label")
		}
		need.top = math.Max(need.top, float64(len(rows))*rowH)
	}

	// Notes at points: the nearest free place around the point, then
	// anywhere in the plot; a note that finds none is wrapped narrower,
	// then asks for a band above the plot, where it is free.
	failed := 0.0
	numbered := 0 // keyed notes with a number at their point
	for i, note := range c.f.Annotations {
		var px, py float64
		if p, period := periodAt[i]; period {
			px, py = p[0], p[1]
		} else if note.At == "" {
			continue
		} else if x, y, ok := ax.point(note.At); ok {
			px, py = x, y
		} else {
			continue
		}
		if note.hasY && ax.value != nil {
			if ax.vertical {
				py = ax.value(note.Y)
			} else {
				px = ax.value(note.Y)
			}
		} else if ax.value != nil {
			px, py = an.pastLabel(px, py)
		}
		width := note.Width
		if width == 0 {
			width = math.Round(130 * c.u)
		}
		width = math.Min(width, c.right-c.left-4)                // no wider than the figure
		lines, _ := c.regular.Wrap(note.Text, c.small, width, 0) // a note is never cut
		cands := an.onSide(lines, an.candidates(lines, px, py), px, py, note.Side)
		var pick [3]float64
		var found bool
		if note.hasOffset {
			// Where the editor put it; --check says what it covers.
			anchor := map[string]scene.Anchor{"": scene.Start, "left": scene.Start, "right": scene.End, "center": scene.Middle}[note.Align]
			pick, found = [3]float64{px + note.DX, py + note.DY, float64(anchor)}, true
		} else {
			pick, found = an.first(lines, cands, px, py)
		}
		for _, k := range []float64{0.75, 0.55} {
			if found {
				break
			}
			narrow, _ := c.regular.Wrap(note.Text, c.small, math.Max(width*k, 4*c.small), 0)
			if nc := an.onSide(narrow, an.candidates(narrow, px, py), px, py, note.Side); len(nc) > 0 {
				if p, ok := an.first(narrow, nc, px, py); ok {
					lines, pick, found = narrow, p, true
				}
			}
		}
		class := "pc-annotation"
		switch {
		case !found && final:
			// Keyed: its number by the point, its text under the plot.
			numbered++
			lines = []string{strconv.Itoa(numbered)}
			class = "pc-annotation pc-annotation-key"
			cands = an.candidates(lines, px, py)
			if pick, found = an.first(lines, cands, px, py); !found {
				// Not even its number finds a clean place (a point in a
				// crowd of notes): under the plot it names its point.
				numbered--
				keyed = append(keyed, fmt.Sprintf("%s: %s", note.At, note.Text))
				continue
			}
			keyed = append(keyed, fmt.Sprintf("%d\u2002%s", numbered, note.Text))
		case !found:
			// Where it covers least, for now; the band asked for makes
			// room on the next layout.
			failed += float64(len(lines))*an.lh + gap
			pick = an.least(lines, cands, px, py)
		}
		bx, by, a := pick[0], pick[1], scene.Anchor(pick[2])
		an.put(over, lines, bx, by, a, class)
		of(over.Nodes[len(over.Nodes)-len(lines):], px, py)
		// A connector from the point to the nearest corner of the text.
		tb := an.textBox(lines, bx, by, a)
		_, period := periodAt[i]
		if ex, ey, drawn := connector(px, py, tb); drawn {
			sx, sy := an.fromRing(px, py, ex, ey)
			cc := "pc-connector"
			if note.hasOffset {
				cc += " pc-placed" // where the editor put it: --check says so
			}
			over.Add(&scene.Line{X1: sx, Y1: sy, X2: ex, Y2: ey, Stroke: c.th.faint, Width: 1, Class: cc})
			if note.Arrow {
				// An open arrowhead at the point's end: two strokes back
				// along the connector, 30° either side.
				a := math.Atan2(ey-sy, ex-sx)
				for _, turn := range []float64{-math.Pi / 6, math.Pi / 6} {
					over.Add(&scene.Line{X1: sx, Y1: sy, X2: sx + 6*math.Cos(a+turn), Y2: sy + 6*math.Sin(a+turn), Stroke: c.th.faint, Width: 1.25, Class: "pc-arrow"})
				}
			}
			an.taken = appendSegment(an.taken, [2]float64{px, py}, [2]float64{ex, ey}, 1)
		}
		// A ring around the point, hollow so that it hides none of it; a
		// period's band is its own mark.
		if !period {
			over.Add(&scene.Circle{CX: px, CY: py, R: 3.5, Stroke: c.th.text, StrokeWidth: 1.5, Class: "pc-annotation-point"})
		}
	}
	if failed > 0 {
		// The band takes at most half the plot: notes that find no
		// place even then are too many for the figure, and --check says
		// so.
		need.band = math.Min(res.band+failed, math.Max(res.band, c.plotRect.h/2))
	}

	if len(behind.Nodes) > 0 {
		plot.Nodes = append([]scene.Node{behind}, plot.Nodes...)
	}
	// Reference lines go over the data, but under the patches that keep
	// gridlines (and them) off a range chart's row labels.
	if len(refs.Nodes) > 0 {
		at := len(plot.Nodes)
		for i, n := range plot.Nodes {
			if g, ok := n.(*scene.Group); ok && g.ID == "knockout" {
				at = i
			}
		}
		plot.Nodes = append(plot.Nodes[:at], append([]scene.Node{refs}, plot.Nodes[at:]...)...)
	}
	if len(veils.Nodes) > 0 {
		plot.Add(veils)
	}
	plot.Add(over)
	return need, keyed, failed > 0
}

// pastLabel moves a note's point at a bar's end past the value label
// written beyond it, so that the note marks the value and its connector
// does not run through the digits.
// ringClear is how far past a value label a note's point moves: the
// ring (3.5 px and its stroke) and a gap, so that "8" does not read "°8".
const ringClear = 8

func (an *annotator) pastLabel(px, py float64) (float64, float64) {
	for _, t := range an.taken {
		if !t.value || px < t.x0-8 || px > t.x1+8 || py < t.y0-8 || py > t.y1+8 {
			continue
		}
		cx, cy := (t.x0+t.x1)/2, (t.y0+t.y1)/2
		if slices.ContainsFunc(an.taken, func(m box) bool { return !m.text && cx > m.x0 && cx < m.x1 && cy > m.y0 && cy < m.y1 }) {
			continue // a value inside its bar: the bar's end is clear
		}
		qx, qy := px, py
		switch {
		case an.ax.vertical && cy < py:
			qy = t.y0 - ringClear
		case an.ax.vertical:
			qy = t.y1 + ringClear
		case cx > px:
			qx = t.x1 + ringClear
		default:
			qx = t.x0 - ringClear
		}
		// Not out of the data area, among the axis's labels: beside the
		// label then, on a side that is clear.
		a := an.ax.area
		inside := func(x, y float64) bool { return x >= a.x && x <= a.right() && y >= a.y && y <= a.bottom() }
		if inside(qx, qy) {
			return qx, qy
		}
		for _, q := range [][2]float64{{t.x0 - ringClear, cy}, {t.x1 + ringClear, cy}, {cx, t.y0 - ringClear}, {cx, t.y1 + ringClear}} {
			if inside(q[0], q[1]) && an.free(box{x0: q[0] - 4, y0: q[1] - 4, x1: q[0] + 4, y1: q[1] + 4}) {
				return q[0], q[1]
			}
		}
		return px, py
	}
	return px, py
}

// put writes lines at x, y (their top) and takes their box.
func (an *annotator) put(g *scene.Group, lines []string, x, y float64, a scene.Anchor, class string) {
	c := an.c
	nodes, _ := c.block(lines, x, y, c.small, an.lh, false, c.th.text, a, class)
	g.Add(nodes...)
	b := an.textBox(lines, x, y, a)
	b.text = true
	an.taken = append(an.taken, b)
}

// connector is the line from a note's point to the nearest point of its
// text's box, and whether it is long enough to draw.
func connector(px, py float64, tb box) (ex, ey float64, drawn bool) {
	ex = math.Max(tb.x0, math.Min(px, tb.x1))
	ey = math.Max(tb.y0, math.Min(py, tb.y1))
	return ex, ey, math.Hypot(ex-px, ey-py) > 6
}

// ringGap is how far from its point a connector starts: outside the
// ring that marks the point.
const ringGap = 5

// fromRing is where a connector from (px, py) towards (ex, ey) starts:
// past the ring, and past a text the point lies in (a value label the
// note's y falls on), so that it runs through no text.
func (an *annotator) fromRing(px, py, ex, ey float64) (float64, float64) {
	l := math.Hypot(ex-px, ey-py)
	in := func(x, y float64) bool {
		return slices.ContainsFunc(an.taken, func(t box) bool {
			return t.text && x > t.x0-1.5 && x < t.x1+1.5 && y > t.y0-1.5 && y < t.y1+1.5
		})
	}
	d := float64(ringGap)
	if in(px, py) {
		for d < l && in(px+(ex-px)/l*d, py+(ey-py)/l*d) {
			d++
		}
	}
	d = math.Min(d, l)
	return px + (ex-px)/l*d, py + (ey-py)/l*d
}

// crossesText reports whether the segment from a to b runs through a
// text already placed.
func (an *annotator) crossesText(ax, ay, bx, by float64) bool {
	for _, t := range an.taken {
		if t.text && clips(ax, ay, bx, by, box{t.x0 - 1.5, t.y0 - 1.5, t.x1 + 1.5, t.y1 + 1.5, true, false}) {
			return true
		}
	}
	return false
}

// clips reports whether the segment from a to b enters the box's inside
// (Liang and Barsky's clipping).
func clips(ax, ay, bx, by float64, b box) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := bx-ax, by-ay
	for _, e := range [4][2]float64{{-dx, ax - b.x0}, {dx, b.x1 - ax}, {-dy, ay - b.y0}, {dy, b.y1 - ay}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q <= 0 {
				return false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = math.Max(t0, r)
		} else {
			t1 = math.Min(t1, r)
		}
		if t0 >= t1 {
			return false
		}
	}
	return true
}

// candidates are the places (x, y, anchor) for a note at px, py: rings
// around the point, nearest first (upper right and left, the sides,
// below, then farther out), then anywhere in the plot and its band above,
// nearest first.
func (an *annotator) candidates(lines []string, px, py float64) [][3]float64 {
	c := an.c
	h := float64(len(lines)) * an.lh
	w := an.textBox(lines, 0, 0, scene.Start).x1
	d := math.Round(22 * c.u)
	var cands [][3]float64
	for _, k := range []float64{1, 1.6, 2.4, 3.5, 5, 7} {
		r := d * k
		cands = append(cands,
			[3]float64{px + r, py - r - h, float64(scene.Start)}, [3]float64{px - r, py - r - h, float64(scene.End)},
			[3]float64{px + r, py - h/2, float64(scene.Start)}, [3]float64{px - r, py - h/2, float64(scene.End)},
			[3]float64{px + r, py - 4, float64(scene.Start)}, [3]float64{px - r, py - 4, float64(scene.End)},
			[3]float64{px + r, py + r, float64(scene.Start)}, [3]float64{px - r, py + r, float64(scene.End)},
			[3]float64{px - w/2, py - r - h, float64(scene.Start)}, [3]float64{px - w/2, py + r, float64(scene.Start)},
		)
	}
	var grid [][3]float64
	for y := c.plotRect.y + 2; y+h <= an.ax.area.bottom(); y += math.Round(6 * c.u) {
		for x := c.left + 2; x+w <= c.right; x += math.Round(10 * c.u) {
			grid = append(grid, [3]float64{x, y, float64(scene.Start)})
		}
	}
	// Nearest first; the squared distance orders them alike.
	type near struct {
		cd [3]float64
		d  float64
	}
	ns := make([]near, len(grid))
	for i, cd := range grid {
		dx, dy := cd[0]+w/2-px, cd[1]+h/2-py
		ns[i] = near{cd, dx*dx + dy*dy}
	}
	slices.SortStableFunc(ns, func(a, b near) int { return cmp.Compare(a.d, b.d) })
	for _, n := range ns {
		cands = append(cands, n.cd)
	}
	return cands
}

// noteSides are the sides side puts a note on.
var noteSides = []string{"above", "below", "left", "right"}

// onSide puts the candidates whose text lies wholly on the side of the
// point (px, py) first, in their order; the rest follow, for a note
// that finds no room there.
func (an *annotator) onSide(lines []string, cands [][3]float64, px, py float64, side string) [][3]float64 {
	if side == "" {
		return cands
	}
	var on, off [][3]float64
	for _, cd := range cands {
		b := an.textBox(lines, cd[0], cd[1], scene.Anchor(cd[2]))
		ok := map[string]bool{"above": b.y1 <= py, "below": b.y0 >= py, "left": b.x1 <= px, "right": b.x0 >= px}[side]
		if ok {
			on = append(on, cd)
		} else {
			off = append(off, cd)
		}
	}
	return append(on, off...)
}

// first is the first free candidate whose connector to the point (px,
// py) crosses no text.
func (an *annotator) first(lines []string, cands [][3]float64, px, py float64) ([3]float64, bool) {
	for _, cd := range cands {
		tb := an.textBox(lines, cd[0], cd[1], scene.Anchor(cd[2]))
		if !an.free(tb) {
			continue
		}
		if ex, ey, drawn := connector(px, py, tb); drawn {
			// A connector must cross no text, and some of it must show
			// past a label its point lies in.
			if sx, sy := an.fromRing(px, py, ex, ey); an.crossesText(sx, sy, ex, ey) || math.Hypot(ex-sx, ey-sy) < 4 {
				continue
			}
		}
		return cd, true
	}
	return [3]float64{}, false
}

// least is the candidate inside the plot that covers least of what is
// drawn, and whose connector to (px, py) crosses no text if any does not.
func (an *annotator) least(lines []string, cands [][3]float64, px, py float64) [3]float64 {
	c := an.c
	pick, best := cands[0], math.Inf(1)
	for _, cd := range cands {
		b := an.textBox(lines, cd[0], cd[1], scene.Anchor(cd[2]))
		if b.x0 < c.left || b.x1 > c.right || b.y0 < c.plotRect.y || b.y1 > an.ax.area.bottom()+4 {
			continue
		}
		o := an.overlap(b)
		if ex, ey, drawn := connector(px, py, b); drawn {
			if sx, sy := an.fromRing(px, py, ex, ey); an.crossesText(sx, sy, ex, ey) {
				o += 1e9
			}
		}
		if o < best {
			pick, best = cd, o
		}
	}
	return pick
}

// overlap is the area of b that covers what is already drawn.
func (an *annotator) overlap(b box) float64 {
	sum := 0.0
	an.round++
	if len(an.seen) < len(an.taken) {
		an.seen = append(an.seen, make([]int32, len(an.taken)-len(an.seen))...)
	}
	an.near(b, func(i int32) bool {
		t := an.taken[i]
		w := math.Min(b.x1, t.x1) - math.Max(b.x0, t.x0)
		h := math.Min(b.y1, t.y1) - math.Max(b.y0, t.y0)
		if w > 0 && h > 0 && an.seen[i] != an.round {
			an.seen[i] = an.round // a box in two cells counts once
			sum += w * h
		}
		return true
	})
	return sum
}
