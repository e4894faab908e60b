package charts

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"presschart/charts/scene"
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

	hasLine, hasRange bool
}

// axes is what a chart tells the annotations about its plot: where the
// data area is, which way values run and how a value maps to pixels (nil
// for types without a value axis), and where a row's data point is.
type axes struct {
	area     rect
	vertical bool                                    // values run up (columns, lines), else right (bars, ranges)
	value    func(v float64) float64                 // a value's position along the value axis
	point    func(at string) (x, y float64, ok bool) // a row's data point
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
		hasFrom, hasTo := at.num("from", &a.From), at.num("to", &a.To)
		a.hasRange = hasFrom && hasTo
		if hasFrom != hasTo {
			at.errf("to", "from and to go together: they shade a range of values")
		}
		var w float64
		if at.num("width", &w) {
			if w < 40 || w > 1000 {
				at.errf("width", "%g is out of range; give 40 to 1000 px", w)
			}
			a.Width = w
		}
		n := 0
		for _, set := range []bool{a.At != "", a.hasLine, a.hasRange} {
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
	for i, a := range fig.Annotations {
		key := fmt.Sprintf("annotation[%d]", i)
		if !fig.kind.valueAxis && (a.hasLine || a.hasRange) {
			e.add(key, "a %s chart has no value axis for a reference line or range; point at a row with at, or write it in the note", fig.kind.name)
			continue
		}
		if a.At != "" && !fig.hasRow(a.At) {
			msg := fmt.Sprintf("%q is not the label (or x) of any row", a.At)
			if n := nearest(a.At, fig.rowNames()); n != "" {
				msg += fmt.Sprintf("; did you mean %q?", n)
			}
			e.add(key+".at", "%s", msg)
		}
		if a.hasY && !fig.kind.valueAxis {
			e.add(key+".y", "a %s chart has no value axis to place y on", fig.kind.name)
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

// box is an occupied area of the plot.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) overlaps(o box) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}

// occupied returns the boxes of the data and labels drawn in g, leaving
// out gridlines and axes' lines, which text may cross.
func (c *ctx) occupied(sc *scene.Scene, g *scene.Group) []box {
	var out []box
	var walk func(g *scene.Group)
	walk = func(g *scene.Group) {
		if g.ID == "grid" || g.ID == "baseline" || g.ID == "knockout" {
			return
		}
		for _, n := range g.Nodes {
			switch n := n.(type) {
			case *scene.Group:
				walk(n)
			case *scene.Rect:
				b, _ := sc.Bounds(n)
				out = append(out, box{b.X0, b.Y0, b.X1, b.Y1})
			case *scene.Rects:
				for _, r := range n.R {
					out = append(out, box{r[0], r[1], r[0] + r[2], r[1] + r[3]})
				}
			case *scene.Circle:
				out = append(out, box{n.CX - n.R, n.CY - n.R, n.CX + n.R, n.CY + n.R})
			case *scene.Text:
				if n.Rotate != 0 {
					continue
				}
				b, _ := sc.Bounds(n)
				out = append(out, box{b.X0, b.Y0, b.X1, b.Y1})
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
		out = append(out, box{math.Min(x0, x1) - pad, math.Min(y0, y1) - pad, math.Max(x0, x1) + pad, math.Max(y0, y1) + pad})
	}
	return out
}

// annotator is the state of placing one figure's annotations: the axes
// they are placed on, the boxes already taken, and a background patch
// for the next note's text when no free place was found.
type annotator struct {
	c     *ctx
	ax    *axes
	taken []box
	halo  *scene.Rect
}

// drawAnnotations adds the figure's annotations to the plot: shaded
// ranges behind the data, reference lines and notes at points over it,
// each note placed where it touches neither the data nor other text.
func (c *ctx) drawAnnotations(sc *scene.Scene, plot *scene.Group, ax *axes) {
	if len(c.f.Annotations) == 0 || ax == nil {
		return
	}
	// The placement state lives here, for this figure's notes alone.
	an := &annotator{c: c, ax: ax}
	behind := &scene.Group{ID: "annotation-ranges", Class: "pc-annotations"}
	refs := &scene.Group{ID: "annotation-lines", Class: "pc-annotations"}
	over := &scene.Group{ID: "annotations", Class: "pc-annotations"}
	an.taken = c.occupied(sc, plot)
	lh := math.Round(c.small * 1.35)
	shade := c.th.grid
	shade.A = 140
	textBox := func(lines []string, x, y float64, a scene.Anchor) box {
		w := 0.0
		for _, l := range lines {
			w = math.Max(w, c.width(l, c.small, false))
		}
		x0 := x
		if a == scene.End {
			x0 = x - w
		}
		return box{x0 - 2, y - 2, x0 + w + 2, y + float64(len(lines))*lh + 2}
	}
	free := func(b box) bool {
		if b.x0 < c.left || b.x1 > c.right || b.y0 < c.plotRect.y || b.y1 > ax.area.bottom()+4 {
			return false
		}
		for _, t := range an.taken {
			if b.overlaps(t) {
				return false
			}
		}
		return true
	}
	put := func(lines []string, x, y float64, a scene.Anchor) {
		if an.halo != nil {
			over.Add(an.halo)
			an.halo = nil
		}
		nodes, _ := c.block(lines, x, y, c.small, lh, false, c.th.text, a, "pc-annotation")
		over.Add(nodes...)
		an.taken = append(an.taken, textBox(lines, x, y, a))
	}
	for _, note := range c.f.Annotations {
		width := note.Width
		if width == 0 {
			width = math.Round(130 * c.u)
		}
		lines, _ := c.regular.Wrap(note.Text, c.small, width, 0) // a note is never cut
		switch {
		case (note.hasRange || note.hasLine) && ax.value == nil:
			continue // refused by validateAnnotations
		case note.hasRange:
			a, b := ax.value(note.From), ax.value(note.To)
			r := rect{x: ax.area.x, y: math.Min(a, b), w: ax.area.w, h: math.Abs(b - a)}
			if !ax.vertical {
				r = rect{x: math.Min(a, b), y: ax.area.y, w: math.Abs(b - a), h: ax.area.h}
			}
			behind.Add(&scene.Rect{X: c.snap(r.x), Y: c.snap(r.y), W: c.snap(r.w), H: c.snap(r.h), Fill: shade, Class: "pc-annotation-range"})
			// The label inside the range's top left corner, or above it.
			x, y := r.x+4, r.y+4
			if !free(textBox(lines, x, y, scene.Start)) {
				y = r.y - float64(len(lines))*lh - 2
			}
			put(lines, x, y, scene.Start)
		case note.hasLine:
			v := c.snapLine(ax.value(note.Line), 1)
			l := &scene.Line{X1: ax.area.x, Y1: v, X2: ax.area.right(), Y2: v, Stroke: c.th.axis, Width: 1, Dash: []float64{4, 3}, Class: "pc-annotation-line"}
			if !ax.vertical {
				l = &scene.Line{X1: v, Y1: ax.area.y, X2: v, Y2: ax.area.bottom(), Stroke: c.th.axis, Width: 1, Dash: []float64{4, 3}, Class: "pc-annotation-line"}
			}
			refs.Add(l)
			// The label above the line at its right end, else below it;
			// beside a vertical line at its top.
			cands := [][3]float64{{ax.area.right(), v - float64(len(lines))*lh - 3, float64(scene.End)}, {ax.area.right(), v + 3, float64(scene.End)}}
			if !ax.vertical {
				cands = [][3]float64{{v + 5, ax.area.y, float64(scene.Start)}, {v - 5, ax.area.y, float64(scene.End)}}
			}
			an.placeFirst(lines, cands, textBox, free, put)
		default:
			px, py, ok := ax.point(note.At)
			if !ok {
				continue
			}
			if note.hasY && ax.value != nil {
				if ax.vertical {
					py = ax.value(note.Y)
				} else {
					px = ax.value(note.Y)
				}
			}
			// Positions around the point, nearest first, then anywhere in
			// the plot; a note that finds no free place is wrapped
			// narrower and tried again before it may cover anything.
			candidates := func(lines []string) [][3]float64 {
				h := float64(len(lines)) * lh
				w := textBox(lines, 0, 0, scene.Start).x1
				d := math.Round(22 * c.u)
				// Rings around the point: to the upper right and left,
				// the sides, below, then farther out.
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
				for y := c.plotRect.y; y+h <= ax.area.bottom(); y += math.Round(8 * c.u) {
					for x := c.left; x+w <= c.right; x += math.Round(12 * c.u) {
						grid = append(grid, [3]float64{x, y, float64(scene.Start)})
					}
				}
				dist := func(cd [3]float64) float64 { return math.Hypot(cd[0]+w/2-px, cd[1]+h/2-py) }
				sort.SliceStable(grid, func(i, j int) bool { return dist(grid[i]) < dist(grid[j]) })
				return append(cands, grid...)
			}
			cands := candidates(lines)
			for _, k := range []float64{0.75, 0.55} {
				if slices.ContainsFunc(cands, func(cd [3]float64) bool { return free(textBox(lines, cd[0], cd[1], scene.Anchor(cd[2]))) }) {
					break
				}
				narrow, _ := c.regular.Wrap(note.Text, c.small, math.Max(width*k, 4*c.small), 0)
				if nc := candidates(narrow); slices.ContainsFunc(nc, func(cd [3]float64) bool { return free(textBox(narrow, cd[0], cd[1], scene.Anchor(cd[2]))) }) {
					lines, cands = narrow, nc
					break
				}
			}
			bx, by, a := an.placeFirst(lines, cands, textBox, free, put)
			// A connector from the point to the nearest corner of the text.
			tb := textBox(lines, bx, by, a)
			ex := math.Max(tb.x0, math.Min(px, tb.x1))
			ey := math.Max(tb.y0, math.Min(py, tb.y1))
			if math.Hypot(ex-px, ey-py) > 6 {
				over.Add(&scene.Line{X1: px, Y1: py, X2: ex, Y2: ey, Stroke: c.th.faint, Width: 1, Class: "pc-connector"})
			}
			over.Add(&scene.Circle{CX: px, CY: py, R: 3, Fill: c.bg(), Stroke: c.th.text, StrokeWidth: 1.5, Class: "pc-annotation-point"})
		}
	}
	if len(behind.Nodes) > 0 {
		plot.Nodes = append([]scene.Node{behind}, plot.Nodes...)
	}
	// Reference lines go over the data, but under the patches that keep
	// gridlines off a range chart's row labels.
	if len(refs.Nodes) > 0 {
		at := len(plot.Nodes)
		for i, n := range plot.Nodes {
			if g, ok := n.(*scene.Group); ok && g.ID == "knockout" {
				at = i + 1
			}
		}
		plot.Nodes = append(plot.Nodes[:at], append([]scene.Node{refs}, plot.Nodes[at:]...)...)
	}
	plot.Add(over)
}

// placeFirst puts the text at the first candidate position (x, y,
// anchor) that is free; when none is, at the one inside the plot that
// covers the least of what is drawn. It returns where.
func (an *annotator) placeFirst(lines []string, cands [][3]float64, textBox func([]string, float64, float64, scene.Anchor) box, free func(box) bool, put func([]string, float64, float64, scene.Anchor)) (float64, float64, scene.Anchor) {
	c := an.c
	pick, found := cands[0], false
	for _, cd := range cands {
		if free(textBox(lines, cd[0], cd[1], scene.Anchor(cd[2]))) {
			pick, found = cd, true
			break
		}
	}
	if !found {
		best := math.Inf(1)
		for _, cd := range cands {
			b := textBox(lines, cd[0], cd[1], scene.Anchor(cd[2]))
			if b.x0 < c.left || b.x1 > c.right || b.y0 < c.plotRect.y || b.y1 > an.ax.area.bottom()+4 {
				continue
			}
			if o := an.overlap(b); o < best {
				pick, best = cd, o
			}
		}
		// Over the data, the text gets a patch of background to be read on.
		b := textBox(lines, pick[0], pick[1], scene.Anchor(pick[2]))
		an.halo = &scene.Rect{X: c.snap(b.x0 - 3), Y: c.snap(b.y0 - 1), W: c.snap(b.x1 - b.x0 + 6), H: c.snap(b.y1 - b.y0 + 2), Fill: c.bg(), Class: "pc-annotation-halo"}
	}
	put(lines, pick[0], pick[1], scene.Anchor(pick[2]))
	return pick[0], pick[1], scene.Anchor(pick[2])
}

// overlap is the area of b that covers what is already drawn.
func (an *annotator) overlap(b box) float64 {
	sum := 0.0
	for _, t := range an.taken {
		w := math.Min(b.x1, t.x1) - math.Max(b.x0, t.x0)
		h := math.Min(b.y1, t.y1) - math.Max(b.y0, t.y0)
		if w > 0 && h > 0 {
			sum += w * h
		}
	}
	return sum
}
