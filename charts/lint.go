package charts

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/presschart/presschart/charts/scene"
)

// The layout checker: rules an editor applies to a finished figure,
// checked on the scene (the display list every writer draws), so that
// what it passes is what is published.

// Finding is one rule a laid-out figure breaks, with the boxes involved.
type Finding struct {
	Rule string // one of the rules below
	What string // the texts or marks, for a reader
	A, B scene.Box
}

func (f Finding) String() string {
	return fmt.Sprintf("%s: %s (%.1f,%.1f–%.1f,%.1f and %.1f,%.1f–%.1f,%.1f)", f.Rule, f.What,
		f.A.X0, f.A.Y0, f.A.X1, f.A.Y1, f.B.X0, f.B.Y0, f.B.X1, f.B.Y1)
}

// The rules.
const (
	ruleOffCanvas   = "text-off-canvas"   // a text leaves the figure
	ruleOverlap     = "text-overlap"      // two texts overlap
	ruleOverMark    = "text-over-mark"    // a text covers a data mark (not a value inside its own bar)
	ruleTruncated   = "text-truncated"    // a text was cut with "…" that the input did not have
	ruleMarkOutside = "mark-off-canvas"   // a data mark leaves the figure
	rulePartial     = "value-labels-part" // a series labels some of its values and not others
	ruleDropped     = "text-dropped"      // a row's label or a series' name is not shown
	ruleBroken      = "text-broken"       // a word of a label is split over two lines
	ruleShapeOver   = "shape-over-mark"   // an opaque shape that is not data is painted over a mark
	ruleMarkOver    = "mark-over-text"    // a mark is painted over a value inside its bar
	ruleOutsidePlot = "mark-outside-plot" // a data mark, reference line or range leaves the data area
	ruleFar         = "label-far"         // a label far from the mark it names, with no leader to it
	ruleLeaderOver  = "leader-over-text"  // a leader or connector runs through another text
	ruleAxisCut     = "axis-cut"          // bars or areas on a value axis without zero: lengths mislead
	ruleFaint       = "mark-faint"        // a data mark in a colour the background all but hides
	ruleContrast    = "text-contrast"     // a text below WCAG AA contrast with what it stands on (4.5:1; 3:1 when large)
	ruleCVD         = "colors-confusable" // two series (or rows) that differ in colour look alike under deuteranopia or protanopia
	rulePlaceholder = "text-placeholder"  // a title, subtitle or source still as presschart import wrote it
)

// faintContrast is the contrast with the background below which a data
// mark's fill is all but invisible (a near-black party colour on a dark
// page is about 1.05).
const faintContrast = 1.25

// overlapSlack is how far, in CSS pixels, two boxes may run into each
// other before it counts: kerning boxes touch where glyphs do not.
const overlapSlack = 0.75

// lint checks a laid-out scene against the rules. input is every text
// the figure was given, so that an ellipsis the writer typed is not taken
// for a cut.
func lint(sc *scene.Scene, input string) []Finding {
	var texts []*scene.Text
	var textAt []int // each text's place in paint order
	var marks []markBox
	var leaders []*scene.Line
	var shapes []markBox     // opaque shapes that are not data, with their place
	var refs []markBox       // annotations' reference lines and ranges
	var faint []Finding      // marks the background hides
	var pictures []scene.Box // logos
	order := 0
	var walk func(g *scene.Group, inSeries bool)
	walk = func(g *scene.Group, inSeries bool) {
		inSeries = inSeries || strings.HasPrefix(g.ID, "series-")
		for _, n := range g.Nodes {
			order++
			switch n := n.(type) {
			case *scene.Group:
				walk(n, inSeries)
			case *scene.Text:
				texts = append(texts, n)
				textAt = append(textAt, order)
			case *scene.Image:
				pictures = append(pictures, scene.Box{X0: n.X, Y0: n.Y, X1: n.X + n.W, Y1: n.Y + n.H})
			default:
				if l, ok := n.(*scene.Line); ok && (strings.Contains(l.Class, "pc-leader") || strings.Contains(l.Class, "pc-connector")) {
					leaders = append(leaders, l)
				}
				bs := markBoxes(sc, n)
				for i := range bs {
					bs[i].at = order
				}
				if fill, ok := fillOf(n); inSeries && ok && sc.Background.A == 255 && fill.A == 255 && contrast(fill, sc.Background) < faintContrast {
					faint = append(faint, Finding{Rule: ruleFaint, What: fmt.Sprintf("a mark of %s on a background of %s", hexOf(fill), hexOf(sc.Background))})
				}
				if inSeries {
					marks = append(marks, bs...)
				} else if g.ID == "annotation-lines" || g.ID == "annotation-ranges" {
					refs = append(refs, bs...)
				} else if opaque(n) {
					shapes = append(shapes, bs...)
				}
			}
		}
	}
	for _, g := range sc.Root {
		walk(g, false)
	}
	out := slices.CompactFunc(faint, func(a, b Finding) bool { return a.What == b.What })
	out = append(out, cvdFindings(sc)...)
	out = append(out, contrastFindings(sc)...)
	canvas := scene.Box{X0: 0, Y0: 0, X1: sc.Width, Y1: sc.Height}
	quads := make([]quad, len(texts))
	boxes := make([]scene.Box, len(texts))
	for i, t := range texts {
		quads[i] = textQuad(sc, t)
		boxes[i] = quads[i].bounds()
		if !inside(boxes[i], canvas) {
			out = append(out, Finding{Rule: ruleOffCanvas, What: fmt.Sprintf("%q", clip(t.S)), A: boxes[i], B: canvas})
		}
		if strings.Contains(t.S, "…") && !strings.Contains(input, "…") {
			out = append(out, Finding{Rule: ruleTruncated, What: fmt.Sprintf("%q", clip(t.S)), A: boxes[i]})
		}
	}
	for _, pb := range pictures {
		if !inside(pb, canvas) {
			out = append(out, Finding{Rule: ruleOffCanvas, What: "the logo", A: pb, B: canvas})
		}
		for i := range texts {
			if quads[i].overlaps(boxQuad(pb)) {
				out = append(out, Finding{Rule: ruleOverlap, What: fmt.Sprintf("%q and the logo", clip(texts[i].S)), A: boxes[i], B: pb})
			}
		}
	}
	textGrid := newXGrid(boxes)
	for i := range texts {
		for _, j := range textGrid.near(boxes[i]) {
			if j > i && quads[i].overlaps(quads[j]) {
				out = append(out, Finding{Rule: ruleOverlap, What: fmt.Sprintf("%q and %q", clip(texts[i].S), clip(texts[j].S)), A: boxes[i], B: boxes[j]})
			}
		}
	}
	// Marks stay in the data area, give or take a dot's radius or a
	// line's half width.
	for _, m := range append(slices.Clone(marks), refs...) {
		b := m.q.bounds()
		area := scene.Box{X0: sc.Plot.X0 - m.pad - 1, Y0: sc.Plot.Y0 - m.pad - 1, X1: sc.Plot.X1 + m.pad + 1, Y1: sc.Plot.Y1 + m.pad + 1}
		switch {
		case !inside(b, canvas):
			out = append(out, Finding{Rule: ruleMarkOutside, What: m.what, A: b, B: canvas})
		case sc.Plot != scene.Box{} && !inside(b, area):
			out = append(out, Finding{Rule: ruleOutsidePlot, What: m.what, A: b, B: sc.Plot})
		}
	}
	// A label sits by the mark it names, or a leader joins them: the
	// lines of one label, naming one point, are measured together.
	blocks := map[[2]float64]scene.Box{}
	var points [][2]float64
	size := map[[2]float64]float64{}
	first := map[[2]float64]string{} // the label's first line, to name it
	for i, t := range texts {
		if t.Of == nil {
			continue
		}
		b, seen := blocks[*t.Of]
		if !seen {
			b = boxes[i]
			points = append(points, *t.Of)
			first[*t.Of] = t.S
		}
		blocks[*t.Of] = scene.Box{X0: math.Min(b.X0, boxes[i].X0), Y0: math.Min(b.Y0, boxes[i].Y0), X1: math.Max(b.X1, boxes[i].X1), Y1: math.Max(b.Y1, boxes[i].Y1)}
		size[*t.Of] = math.Max(size[*t.Of], t.Size)
	}
	for _, p := range points {
		b := blocks[p]
		if distance(p, b) <= math.Max(24, 2*size[p]) {
			continue
		}
		joined := slices.ContainsFunc(leaders, func(l *scene.Line) bool {
			a, z := [2]float64{l.X1, l.Y1}, [2]float64{l.X2, l.Y2}
			near := 4 + 0.6*size[p] // a block's box runs past its last line's kerning box
			return startsAt(l, p) && distance(z, b) <= near || startsAt(&scene.Line{X1: l.X2, Y1: l.Y2, X2: l.X1, Y2: l.Y1}, p) && distance(a, b) <= near
		})
		if !joined {
			out = append(out, Finding{Rule: ruleFar, What: fmt.Sprintf("%q, %.0f px from its mark", clip(first[p]), distance(p, b)), A: b, B: scene.Box{X0: p[0], Y0: p[1], X1: p[0], Y1: p[1]}})
		}
	}
	for _, l := range leaders {
		q, ok := segment([2]float64{l.X1, l.Y1}, [2]float64{l.X2, l.Y2}, 1)
		if !ok {
			continue
		}
		for i, t := range texts {
			own := t.Of != nil && (startsAt(l, *t.Of) || startsAt(&scene.Line{X1: l.X2, Y1: l.Y2, X2: l.X1, Y2: l.Y1}, *t.Of))
			if !own && q.overlaps(quads[i]) {
				what := fmt.Sprintf("a leader through %q", clip(t.S))
				if strings.Contains(l.Class, "pc-placed") {
					what = fmt.Sprintf("the connector of a note placed by hand (dx, dy) through %q", clip(t.S))
				}
				out = append(out, Finding{Rule: ruleLeaderOver, What: what, A: q.bounds(), B: boxes[i]})
			}
		}
	}
	for _, s := range shapes {
		for _, m := range marks {
			if m.at < s.at && s.q.overlaps(m.q) {
				out = append(out, Finding{Rule: ruleShapeOver, What: fmt.Sprintf("a %s over a %s", s.what, m.what), A: s.q.bounds(), B: m.q.bounds()})
				break
			}
		}
	}
	markBounds := make([]scene.Box, len(marks))
	for k, m := range marks {
		markBounds[k] = m.q.bounds()
	}
	markGrid := newXGrid(markBounds)
	for i, t := range texts {
		near := markGrid.near(boxes[i])
		if strings.Contains(t.Class, "pc-inside") {
			// A value inside its own bar, in a contrasting colour: no
			// mark may be painted over it.
			for _, k := range near {
				if m := marks[k]; m.at > textAt[i] && quads[i].overlaps(m.q) {
					out = append(out, Finding{Rule: ruleMarkOver, What: fmt.Sprintf("a %s over %q", m.what, clip(t.S)), A: m.q.bounds(), B: boxes[i]})
					break
				}
			}
			continue
		}
		for _, k := range near {
			if m := marks[k]; quads[i].overlaps(m.q) {
				out = append(out, Finding{Rule: ruleOverMark, What: fmt.Sprintf("%q over a %s", clip(t.S), m.what), A: boxes[i], B: m.q.bounds()})
				break
			}
		}
	}
	return out
}

// markBox is a data mark's outline; a line is a thin quad per segment.
type markBox struct {
	q    quad
	what string
	at   int     // its place in paint order
	pad  float64 // how far it may reach past the data area: a dot's radius, a line's half width
}

// opaque reports whether a shape hides what is under it: one filled in
// an opaque colour. Lines and outlines do not.
func opaque(n scene.Node) bool {
	switch n := n.(type) {
	case *scene.Rect:
		return n.Fill.A == 255
	case *scene.Rects:
		return n.Fill.A == 255
	case *scene.Circle:
		return n.Fill.A == 255
	case *scene.Path:
		return n.Fill.A == 255
	}
	return false
}

func markBoxes(sc *scene.Scene, n scene.Node) []markBox {
	switch n := n.(type) {
	case *scene.Polyline:
		var out []markBox
		for i := 1; i < len(n.Pts); i++ {
			if q, ok := segment(n.Pts[i-1], n.Pts[i], n.Width/2); ok {
				out = append(out, markBox{q: q, what: "line", pad: n.Width})
			}
		}
		return out
	case *scene.Line:
		if n.Class == "pc-divider" {
			return nil
		}
		if q, ok := segment([2]float64{n.X1, n.Y1}, [2]float64{n.X2, n.Y2}, n.Width/2); ok {
			return []markBox{{q: q, what: "line", pad: n.Width}}
		}
		return nil
	case *scene.Rects:
		var out []markBox
		for _, r := range n.R {
			out = append(out, markBox{q: boxQuad(scene.Box{X0: r[0], Y0: r[1], X1: r[0] + r[2], Y1: r[1] + r[3]}), what: "square"})
		}
		return out
	case *scene.Path:
		// Rings and areas: strips of what they fill, not their boxes,
		// which hold the hole and the space above.
		var out []markBox
		for _, b := range fillStrips(n, 3) {
			out = append(out, markBox{q: boxQuad(b), what: "area"})
		}
		return out
	}
	b, ok := sc.Bounds(n)
	if !ok {
		return nil
	}
	what := strings.TrimPrefix(fmt.Sprintf("%T", n), "*scene.")
	pad := 0.0
	if c, ok := n.(*scene.Circle); ok {
		pad = c.R + c.StrokeWidth/2
	}
	return []markBox{{q: boxQuad(b), what: strings.ToLower(what), pad: pad}}
}

// fillStrips covers what a filled path paints with vertical strips step
// px wide: at each strip's middle, the spans between the path's crossings
// (even-odd), curves flattened.
func fillStrips(p *scene.Path, step float64) []scene.Box {
	polys, _ := p.Polygons()
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, poly := range polys {
		for _, pt := range poly {
			x0, x1 = math.Min(x0, pt[0]), math.Max(x1, pt[0])
		}
	}
	var out []scene.Box
	// Each strip knows the edges that cross it, so that a path of
	// thousands of points costs linear time.
	n := int(math.Ceil((x1-x0)/step)) + 1
	if !(n > 0) || n > 8000 {
		return nil
	}
	type edge struct{ a, b [2]float64 }
	buckets := make([][]edge, n)
	for _, poly := range polys {
		for i := range poly {
			a, b := poly[i], poly[(i+1)%len(poly)]
			lo, hi := int((math.Min(a[0], b[0])-x0)/step), int((math.Max(a[0], b[0])-x0)/step)
			for k := max(lo-1, 0); k <= min(hi+1, n-1); k++ {
				buckets[k] = append(buckets[k], edge{a, b})
			}
		}
	}
	var strip []edge
	// The spans at a strip's edges and middle, and at any corner inside
	// it, so that a spike's tip is not missed.
	spans := func(at float64) [][2]float64 {
		var ys []float64
		for _, e := range strip {
			a, b := e.a, e.b
			if (a[0] <= at) != (b[0] <= at) {
				ys = append(ys, a[1]+(at-a[0])/(b[0]-a[0])*(b[1]-a[1]))
			}
		}
		slices.Sort(ys)
		var out [][2]float64
		for i := 0; i+1 < len(ys); i += 2 {
			out = append(out, [2]float64{ys[i], ys[i+1]})
		}
		return out
	}
	var corners []float64
	for _, poly := range polys {
		for _, pt := range poly {
			corners = append(corners, pt[0])
		}
	}
	slices.Sort(corners)
	for s := 0; s < n; s++ {
		x := x0 + float64(s)*step
		if x >= x1 {
			break
		}
		strip = buckets[s]
		end := math.Min(x+step, x1)
		ats := []float64{x + 0.01, (x + end) / 2, end - 0.01}
		i, _ := slices.BinarySearch(corners, x)
		for ; i < len(corners) && corners[i] < end; i++ {
			ats = append(ats, corners[i]+0.01, corners[i]-0.01)
		}
		for _, at := range ats {
			for _, s := range spans(at) {
				out = append(out, scene.Box{X0: x, Y0: s[0], X1: end, Y1: s[1]})
			}
		}
	}
	return out
}

// segment is the outline of a stroke from a to b, h to either side and h
// past each end (round caps); ok is false for a stroke of no length.
func segment(a, b [2]float64, h float64) (quad, bool) {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := math.Hypot(dx, dy)
	if l == 0 {
		return quad{}, false
	}
	ux, uy := dx/l*h, dy/l*h
	nx, ny := -uy, ux
	return quad{{a[0] - ux + nx, a[1] - uy + ny}, {b[0] + ux + nx, b[1] + uy + ny}, {b[0] + ux - nx, b[1] + uy - ny}, {a[0] - ux - nx, a[1] - uy - ny}}, true
}

// quad is a convex four-cornered outline, in order around it: a text's
// box turned with the text, or a mark's box.
type quad [4][2]float64

func boxQuad(b scene.Box) quad {
	return quad{{b.X0, b.Y0}, {b.X1, b.Y0}, {b.X1, b.Y1}, {b.X0, b.Y1}}
}

// descenders are the characters that reach below the baseline; a text
// without any ends at the baseline, so that a label set close under a big
// number does not count as touching it.
const descenders = "gjpqyQ()[]{}/|@$çşţąęįųрдуфцщДЦЩ"

// descent is how far a text reaches below its baseline, in em, as the
// layout checker measures it and as layouts leave room for it: a
// quarter with descenders, 0.15 with commas, else a twentieth.
func descent(s string) float64 {
	switch {
	case strings.ContainsAny(s, descenders):
		return 0.25
	case strings.ContainsAny(s, ",;"):
		return 0.15
	}
	return 0.05
}

// textQuad is a text's kerning box (its advance, from 0.8 em above the
// baseline to 0.25 em below it when it has descenders, else 0.05 em),
// turned about its anchor with the text.
func textQuad(sc *scene.Scene, t *scene.Text) quad {
	x0 := sc.StartX(t)
	x1 := x0 + sc.Face(t).Width(t.S, t.Size)
	q := boxQuad(scene.Box{X0: x0, Y0: t.Y - 0.8*t.Size, X1: x1, Y1: t.Y + descent(t.S)*t.Size})
	if t.Rotate != 0 {
		a := t.Rotate * math.Pi / 180
		sin, cos := math.Sin(a), math.Cos(a)
		for i, p := range q {
			dx, dy := p[0]-t.X, p[1]-t.Y
			q[i] = [2]float64{t.X + dx*cos - dy*sin, t.Y + dx*sin + dy*cos}
		}
	}
	return q
}

func (q quad) bounds() scene.Box {
	b := scene.Box{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	for _, p := range q {
		b = scene.Box{X0: math.Min(b.X0, p[0]), Y0: math.Min(b.Y0, p[1]), X1: math.Max(b.X1, p[0]), Y1: math.Max(b.Y1, p[1])}
	}
	return b
}

// overlaps reports whether two quads share more than overlapSlack along
// every axis that could separate them (the separating axis theorem: two
// convex shapes are apart when their shadows on one of their edges'
// normals are).
func (q quad) overlaps(o quad) bool {
	for _, s := range []quad{q, o} {
		for i := 0; i < 2; i++ {
			ex, ey := s[i+1][0]-s[i][0], s[i+1][1]-s[i][1]
			n := math.Hypot(ex, ey)
			if n == 0 {
				continue
			}
			ax, ay := -ey/n, ex/n
			a0, a1 := q.shadow(ax, ay)
			b0, b1 := o.shadow(ax, ay)
			if math.Min(a1, b1)-math.Max(a0, b0) <= overlapSlack {
				return false
			}
		}
	}
	return true
}

// shadow is the extent of q projected onto the axis (ax, ay).
func (q quad) shadow(ax, ay float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, p := range q {
		d := p[0]*ax + p[1]*ay
		lo, hi = math.Min(lo, d), math.Max(hi, d)
	}
	return lo, hi
}

// startsAt reports whether a leader starts at p: its first end by p (past
// the ring that marks it, or past a text p lies in), on its line.
func startsAt(l *scene.Line, p [2]float64) bool {
	d := math.Hypot(l.X1-p[0], l.Y1-p[1])
	if d <= ringGap+1 {
		return true
	}
	dx, dy := l.X2-l.X1, l.Y2-l.Y1
	n := math.Hypot(dx, dy)
	if n == 0 || d > 240 {
		return false
	}
	off := math.Abs((p[0]-l.X1)*dy-(p[1]-l.Y1)*dx) / n // p's distance from the line
	behind := (p[0]-l.X1)*dx+(p[1]-l.Y1)*dy < 0        // p lies back from the first end
	return off <= 1.5 && behind
}

// distance is how far p lies from the box b: 0 inside it.
func distance(p [2]float64, b scene.Box) float64 {
	dx := math.Max(0, math.Max(b.X0-p[0], p[0]-b.X1))
	dy := math.Max(0, math.Max(b.Y0-p[1], p[1]-b.Y1))
	return math.Hypot(dx, dy)
}

func inside(b, c scene.Box) bool {
	return b.X0 >= c.X0-0.5 && b.Y0 >= c.Y0-0.5 && b.X1 <= c.X1+0.5 && b.Y1 <= c.Y1+0.5
}

// Lint lays the figure out and returns what the layout checker finds, one
// line a finding ("text-overlap: "1,000" and "Nepal""), for --check.
func (f *Figure) Lint() (findings []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: figure %q: internal error while laying out: %v", f.file, f.ID, r)
		}
	}()
	g, err := f.loaded()
	if err != nil {
		return nil, err
	}
	for _, fd := range g.findings(g.Scene()) {
		findings = append(findings, fd.Rule+": "+fd.What)
	}
	return findings, nil
}

// inputText is every text the figure was given, for the rule on cut
// texts: an ellipsis that the input holds is no cut.
func (f *Figure) inputText() string {
	var b strings.Builder
	for _, s := range []string{f.Title, f.Subtitle, f.Note, f.Style.Source, f.Style.Credit, f.Rest, f.UnitLabel, f.Center, f.Style.Prefix, f.Style.Suffix} {
		b.WriteString(s)
	}
	for _, s := range f.Series {
		b.WriteString(s)
	}
	for _, d := range f.Data {
		b.WriteString(d.Label + d.Compare)
	}
	for _, a := range f.Annotations {
		b.WriteString(a.Text)
	}
	return b.String()
}

// findings is what the layout checker finds in the figure's scene: the
// scene's rules, and that every row's label and series' name is shown.
func (f *Figure) findings(sc *scene.Scene) []Finding {
	if g, err := f.loaded(); err == nil {
		f = g // rows from a CSV file
	}
	out := lint(sc, f.inputText())
	var names []string
	if f.kind.noLabels {
		// Rows are observations; their labels are not drawn, but for
		// the highlighted ones a beeswarm labels.
		names = append(names, f.Highlight...)
	} else if f.kind == symbolMapKind {
		// A symbol map labels its largest circles and those it was
		// asked to.
		for _, i := range f.symbolsLabelled() {
			names = append(names, f.Data[i].Label)
		}
	} else if f.kind.labelKey != "" {
		// A map names the regions it was asked to, as the map names
		// them, and its groups in its key.
		for i := range f.mapRowsIn(f.Choropleth.Label) {
			names = append(names, placeName(f, f.Data[i].Region))
		}
		names = append(names, f.groups()...)
	} else if f.kind.pointLabels {
		for _, g := range f.panelsOrSelf() {
			for _, i := range g.labelledPoints() {
				names = append(names, g.Data[i].Label)
			}
		}
	} else if !f.kind.xy && !sequence(f.Data) {
		for i, d := range f.Data {
			// Past a table's limit rows are counted ("And 5 more"), not
			// named; a highlighted one is still expected.
			if l := f.Table.Limit; l > 0 && i >= l && !slices.Contains(f.Highlight, d.Label) {
				continue
			}
			names = append(names, d.Label)
		}
	}
	if f.Rest != "" && f.kind.parts {
		names = append(names, f.Rest)
	}
	if !(f.kind == heatmapKind && f.namesInSequence(f.Series)) {
		names = append(names, f.Series...) // a heatmap's months may be thinned
	}
	for _, kv := range [][2]string{{"title", f.Title}, {"subtitle", f.Subtitle}, {"source", f.Style.Source}} {
		if kv[1] != "" && kv[1] == importPlaceholders[kv[0]] {
			out = append(out, Finding{Rule: rulePlaceholder, What: fmt.Sprintf("the %s is still presschart import's placeholder %q; write the figure's own", kv[0], kv[1])})
		}
	}
	out = append(out, dropped(sc, names)...)
	if f.Mode != "percent" { // a 100% stacked chart writes the shares that fit
		out = append(out, partial(sc, f.promised(), f.kind.tagsValues && f.Labels != "" && f.Labels != "all")...)
	}
	if lo, hi := f.dataRange(); f.kind.zero && !f.Style.Log && !f.startsAtZero() && (lo > 0 || hi < 0) {
		out = append(out, Finding{Rule: ruleAxisCut, What: fmt.Sprintf("%s chart whose value axis does not start at zero (zero = false): its marks' lengths no longer compare", aKind(f.kind.name))})
	} else if f.kind.zero && !f.Style.Log && f.Axis.hasMin && f.Axis.min > 0 {
		out = append(out, Finding{Rule: ruleAxisCut, What: fmt.Sprintf("%s chart whose value axis starts at min = %g, not zero: its marks' lengths no longer compare", aKind(f.kind.name), f.Axis.min)})
	}
	return out
}

// promised is how many value labels each series (pc-s1, pc-s2...) has
// when it is labelled: one a row that labels asks for, but none for a
// pile's empty segment.
func (f *Figure) promised() map[string]int {
	want := map[string]int{}
	if f.faceted() { // each panel labels its own ("max" is a panel's)
		for _, g := range f.panels() {
			for k, n := range g.promised() {
				want[k] += n
			}
		}
		return want
	}
	for j, d := range f.Data {
		if len(d.Values) == 0 || !f.kind.multi {
			if f.labelled(j, -1) {
				want["pc-s1"]++
			}
			continue
		}
		for i, v := range d.Values {
			if (v != 0 || !strings.HasPrefix(f.kind.name, "stacked")) && f.labelled(j, i) {
				want[fmt.Sprintf("pc-s%d", i+1)]++
			}
		}
	}
	return want
}

// partial finds the series that label some of their values and not the
// others: all of a series or none.
//
// With every, a series that labels none of what was asked of it counts
// too: labels = "max" chose its value, and leaving it out is a finding.
func partial(sc *scene.Scene, want map[string]int, every bool) []Finding {
	got := map[string]int{}
	sc.Walk(func(n scene.Node) {
		t, ok := n.(*scene.Text)
		if !ok {
			return
		}
		cls := strings.Fields(t.Class)
		if !slices.Contains(cls, "pc-value") || slices.Contains(cls, "pc-total") {
			return
		}
		for _, c := range cls {
			if strings.HasPrefix(c, "pc-s") {
				got[c]++
			}
		}
	})
	var out []Finding
	keys := sortedKeys(got)
	if every {
		for _, s := range sortedKeys(want) {
			if _, ok := got[s]; !ok && want[s] > 0 {
				keys = append(keys, s)
			}
		}
	}
	for _, s := range keys {
		if got[s] != want[s] {
			out = append(out, Finding{Rule: rulePartial, What: fmt.Sprintf("%s labels %d of its %d values", s, got[s], want[s])})
		}
	}
	return out
}

// dropped finds the names that no text of the scene shows, whole or
// wrapped over lines (compared without spaces and soft hyphens), and the
// words of names that are split over two lines.
func dropped(sc *scene.Scene, names []string) []Finding {
	squash := func(s string) string {
		return strings.Map(func(r rune) rune {
			// Spaces, soft hyphens and the invisible marks that set a
			// text's direction (each line of a wrapped name isolated).
			if unicode.IsSpace(r) || r == '\u00ad' || r == '\u202f' || r == '\u00a0' || r >= '\u2066' && r <= '\u2069' || r == '\u200e' || r == '\u200f' || r == '\u061c' {
				return -1
			}
			return r
		}, s)
	}
	var all strings.Builder
	var texts []string
	sc.Walk(func(n scene.Node) {
		if t, ok := n.(*scene.Text); ok {
			all.WriteString(squash(t.S))
			texts = append(texts, t.S)
		}
	})
	shown := all.String()
	var out []Finding
	for _, name := range names {
		if !strings.Contains(shown, squash(name)) {
			out = append(out, Finding{Rule: ruleDropped, What: fmt.Sprintf("%q", clip(name))})
			continue
		}
		// A line may break after a hyphen or a slash, not elsewhere in
		// a word.
		for _, w := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("-‐–/", r) }) {
			if !slices.ContainsFunc(texts, func(t string) bool { return strings.Contains(t, w) }) {
				out = append(out, Finding{Rule: ruleBroken, What: fmt.Sprintf("%q in %q", w, clip(name))})
			}
		}
	}
	return out
}

// xGrid finds, among boxes, those whose x extent may meet a box: each box
// is filed under every column of xCell px it spans, so that a figure of
// thousands of labels is checked in time near its size, not its square.
type xGrid struct {
	cells map[int][]int
	seen  []int // per box, the query that last returned it
	query int
}

const xCell = 32

func newXGrid(boxes []scene.Box) *xGrid {
	g := &xGrid{cells: map[int][]int{}, seen: make([]int, len(boxes))}
	for i, b := range boxes {
		lo, hi := int(math.Floor(b.X0/xCell)), int(math.Floor(b.X1/xCell))
		if hi-lo > 1<<12 { // a box wider than any figure: file it once, under every query
			lo, hi = math.MinInt32, math.MinInt32
		}
		for c := lo; c <= hi; c++ {
			g.cells[c] = append(g.cells[c], i)
		}
	}
	return g
}

// near returns, in their order, the boxes filed under the columns b spans
// (and any filed under all), each once.
func (g *xGrid) near(b scene.Box) []int {
	g.query++
	var out []int
	add := func(c int) {
		for _, i := range g.cells[c] {
			if g.seen[i] != g.query {
				g.seen[i] = g.query
				out = append(out, i)
			}
		}
	}
	add(math.MinInt32)
	lo, hi := int(math.Floor(b.X0/xCell))-1, int(math.Floor(b.X1/xCell))+1
	for c := lo; c <= hi && c-lo <= 1<<12; c++ {
		add(c)
	}
	slices.Sort(out)
	return out
}

// fillOf is a shape's fill colour.
func fillOf(n scene.Node) (scene.Color, bool) {
	switch n := n.(type) {
	case *scene.Rect:
		return n.Fill, true
	case *scene.Rects:
		return n.Fill, true
	case *scene.Circle:
		return n.Fill, true
	case *scene.Path:
		return n.Fill, true
	}
	return scene.Color{}, false
}

// hexOf writes a colour as #rrggbb.
func hexOf(c scene.Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Series colours closer than sameColors look alike to every reader,
// unless both are greys (chroma under neutralChroma); between it and
// distinctColors they still differ, and are checked under colour-vision
// deficiencies as colours meant to differ.
const (
	sameColors    = 15
	neutralChroma = 8
)

// cvdFindings reports colours of data marks that most readers tell apart
// but readers with deuteranopia or protanopia cannot: any two series'
// colours, and the colours of marks painted one after the other in a
// series (rows coloured by name, a highlighted row beside the rest).
func cvdFindings(sc *scene.Scene) []Finding {
	firsts := map[string]scene.Color{} // each series' first colour, by series
	var order []string
	var pairs [][2]scene.Color
	var walk func(g *scene.Group, series string, prev *scene.Color)
	walk = func(g *scene.Group, series string, prev *scene.Color) {
		for _, n := range g.Nodes {
			if sub, ok := n.(*scene.Group); ok {
				if series == "" && strings.HasPrefix(sub.ID, "series-") && !strings.Contains(sub.Class, "pc-card") {
					// One series however many groups it has (a waffle's
					// series-3 and series-3-part); number cards share
					// their rule's colour on purpose.
					key := strings.Join(strings.SplitN(sub.ID, "-", 3)[:2], "-")
					var p scene.Color
					walk(sub, key, &p)
					continue
				}
				walk(sub, series, prev)
				continue
			}
			if series == "" {
				continue
			}
			c, ok := fillOf(n)
			if pl, isLine := n.(*scene.Polyline); isLine {
				c, ok = pl.Stroke, true
			}
			if !ok || c.A != 255 {
				continue
			}
			if _, seen := firsts[series]; !seen {
				firsts[series] = c
				order = append(order, series)
			}
			if prev.A == 255 && *prev != c {
				pairs = append(pairs, [2]scene.Color{*prev, c})
			}
			*prev = c
		}
	}
	for _, g := range sc.Root {
		walk(g, "", nil)
	}
	for i := range order {
		for j := i + 1; j < len(order); j++ {
			pairs = append(pairs, [2]scene.Color{firsts[order[i]], firsts[order[j]]})
		}
	}
	var out []Finding
	seen := map[[2]scene.Color]bool{}
	for _, p := range pairs {
		if seen[p] || seen[[2]scene.Color{p[1], p[0]}] {
			continue
		}
		seen[p] = true
		la, lb := lab(p[0]), lab(p[1])
		if d := deltaE(la, lb); d < sameColors && math.Hypot(la[1], la[2])+math.Hypot(lb[1], lb[2]) > 2*neutralChroma {
			// Two hues all but alike to every reader (a palette run out,
			// a colour given twice); greys are alike on purpose, for
			// what is not the story.
			out = append(out, Finding{Rule: ruleCVD, What: fmt.Sprintf("%s and %s are ΔE %.0f apart: alike to every reader; give one another colour", hexOf(p[0]), hexOf(p[1]), d)})
			continue
		}
		if v, d := confusable(p[0], p[1]); v != "" {
			out = append(out, Finding{Rule: ruleCVD, What: fmt.Sprintf("%s and %s are ΔE %.0f apart under %s: give one a lighter or darker shade, or label them directly", hexOf(p[0]), hexOf(p[1]), d, v)})
		}
	}
	return out
}

// contrastFindings reports texts below WCAG AA contrast with what they
// stand on: the last opaque rectangle painted before them under their
// middle and half its box (a value inside its bar, a label on a shaded
// range), else the
// background. AA asks 4.5:1, or 3:1 for large text (24 px, or 18.66 px
// bold). On a transparent background the page is not known; only texts
// on fills are checked.
func contrastFindings(sc *scene.Scene) []Finding {
	type fill struct {
		b     scene.Box
		c     scene.Color
		polys [][][2]float64 // a path's outlines; nil for a box
	}
	var fills []fill
	var out []Finding
	sc.Walk(func(n scene.Node) {
		switch n := n.(type) {
		case *scene.Path:
			// A map's region, a donut's slice: what it fills is its
			// outlines' inside (even-odd), not its box.
			if n.Fill.A == 255 {
				polys, _ := n.Polygons()
				b := scene.Box{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
				for _, p := range polys {
					for _, q := range p {
						b = scene.Box{X0: math.Min(b.X0, q[0]), Y0: math.Min(b.Y0, q[1]), X1: math.Max(b.X1, q[0]), Y1: math.Max(b.Y1, q[1])}
					}
				}
				if len(polys) > 0 {
					fills = append(fills, fill{b, n.Fill, polys})
				}
			}
		case *scene.Rect:
			if n.Fill.A == 255 {
				fills = append(fills, fill{scene.Box{X0: n.X, Y0: n.Y, X1: n.X + n.W, Y1: n.Y + n.H}, n.Fill, nil})
			}
		case *scene.Rects:
			if n.Fill.A == 255 {
				for _, r := range n.R {
					fills = append(fills, fill{scene.Box{X0: r[0], Y0: r[1], X1: r[0] + r[2], Y1: r[1] + r[3]}, n.Fill, nil})
				}
			}
		case *scene.Text:
			if n.Fill.A != 255 || n.S == "" {
				return
			}
			b := textQuad(sc, n).bounds()
			mx, my := (b.X0+b.X1)/2, (b.Y0+b.Y1)/2
			under, known := sc.Background, sc.Background.A == 255
			for i := len(fills) - 1; i >= 0; i-- {
				// What it stands on covers its middle and half of it:
				// not a thin rule across it.
				f := fills[i].b
				ix := math.Min(f.X1, b.X1) - math.Max(f.X0, b.X0)
				iy := math.Min(f.Y1, b.Y1) - math.Max(f.Y0, b.Y0)
				if ps := fills[i].polys; ps != nil {
					// On a path: its middle and most of its corners inside.
					if mx < f.X0 || mx > f.X1 || my < f.Y0 || my > f.Y1 || !insidePolys(ps, mx, my) {
						continue
					}
					in := 0
					for _, q := range [][2]float64{{b.X0, b.Y0}, {b.X1, b.Y0}, {b.X0, b.Y1}, {b.X1, b.Y1}} {
						if insidePolys(ps, q[0], q[1]) {
							in++
						}
					}
					if in >= 2 {
						under, known = fills[i].c, true
						break
					}
					continue
				}
				if mx >= f.X0 && mx <= f.X1 && my >= f.Y0 && my <= f.Y1 && ix > 0 && iy > 0 && ix*iy >= 0.5*(b.X1-b.X0)*(b.Y1-b.Y0) {
					under, known = fills[i].c, true
					break
				}
			}
			need := 4.5
			if n.Size >= 24 || n.Bold && n.Size >= 18.66 {
				need = 3
			}
			if r := contrast(n.Fill, under); known && r < need {
				out = append(out, Finding{Rule: ruleContrast, What: fmt.Sprintf("%q in %s on %s: %.1f:1, below %.1f:1", clip(n.S), hexOf(n.Fill), hexOf(under), r, need), A: b})
			}
		}
	})
	return out
}

// insidePolys reports whether (x, y) lies inside the outlines, even-odd.
func insidePolys(polys [][][2]float64, x, y float64) bool {
	in := false
	for _, p := range polys {
		for i := range p {
			a, b := p[i], p[(i+1)%len(p)]
			if (a[1] > y) != (b[1] > y) && x < a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]) {
				in = !in
			}
		}
	}
	return in
}
