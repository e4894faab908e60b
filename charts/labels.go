package charts

// Labels: the measuring, wrapping and spacing of text beside marks that
// several chart types share.

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/presschart/presschart/charts/scene"
)

// rowLabels sets the rows' labels in a column on the left: as wide as the
// widest label, at most limit; each wrapped at whole words as far as it
// needs, never cut (the rows grow to hold it). It returns the width, the
// lines of each label and the most lines any label has.
func (c *ctx) rowLabels(data []Datum, limit float64) (w float64, labels [][]string, lines int) {
	// Small multiples measure every panel's labels, so that each panel
	// has the same column and rows as tall.
	all := data
	if c.panel != nil {
		all = c.panel.rows
	}
	for _, d := range all {
		w = math.Max(w, c.width(d.Label, c.label, false))
	}
	// Never narrower than the longest word: a label wraps between
	// words, not inside one.
	word := 0.0
	for _, d := range all {
		for _, f := range words(d.Label) {
			word = math.Max(word, c.width(f, c.label, false))
		}
	}
	w = math.Ceil(math.Max(math.Min(w, limit), math.Min(word, 1.5*limit))) // a word longer still breaks, or the marks have no room
	labels = make([][]string, len(data))
	lines = 1
	for i, d := range data {
		labels[i], _ = c.regular.Wrap(d.Label, c.label, w, 0)
		lines = max(lines, len(labels[i]))
	}
	if c.panel != nil {
		for _, d := range c.panel.rows {
			l, _ := c.regular.Wrap(d.Label, c.label, w, 0)
			lines = max(lines, len(l))
		}
	}
	return w, labels, lines
}

// rowLabel sets the i-th row's label: above its mark from the plot's
// left edge x at tops[i] (on a phone, see onTop and stackRows), or
// right-aligned in the column left of the marks, centred on the row's
// middle cy.
func (c *ctx) rowLabel(lines []string, above bool, x float64, tops []float64, i int, left, cy, lh float64) []scene.Node {
	if above {
		nodes, _ := c.block(lines, x, tops[i], c.label, lh, false, c.th.text, scene.Start, "pc-label")
		return nodes
	}
	nodes, _ := c.block(lines, left-12, cy-float64(len(lines))*lh/2, c.label, lh, false, c.th.text, scene.End, "pc-label")
	return nodes
}

// phoneWidth is the plot width below which rows may put their labels
// above their marks (see onTop).
const phoneWidth = 440

// onTop reports whether rows' labels go above their marks, across the
// plot's width, rather than in a column on their left: on a plot as
// narrow as a phone's, when that column would wrap or take more than a
// quarter of the width and leave the marks a strip.
func (c *ctx) onTop(data []Datum, p rect) bool {
	if pl := c.panel; pl != nil {
		// Small multiples decide once for every panel.
		data, p.w = pl.rows, pl.w
	}
	if p.w >= phoneWidth {
		return false
	}
	lw, _, lines := c.rowLabels(data, p.w*0.38)
	return lines > 1 || lw > p.w*0.25
}

// stackRows lays rows out with each label above its mark: the label
// wrapped to the plot's width, then a mark markH high. It returns each
// label's lines and top, each mark's centre, and the bottom of the rows.
func (c *ctx) stackRows(data []Datum, p rect, top, markH float64) (labels [][]string, tops, cys []float64, bottom float64) {
	labelLH := math.Round(c.label * 1.25)
	y := top
	for _, d := range data {
		lines, _ := c.regular.Wrap(d.Label, c.label, p.w, 0)
		labels = append(labels, lines)
		tops = append(tops, y)
		y += float64(len(lines))*labelLH + math.Round(3*c.u)
		cys = append(cys, c.snap(y+markH/2))
		y += markH + math.Round(12*c.u)
	}
	return labels, tops, cys, y - math.Round(6*c.u)
}

// bands are the spans of y that gridlines cross on rows laid out by
// stackRows: each mark's, so that no gridline strikes through a label.
func bands(cys []float64, h float64) [][2]float64 {
	out := make([][2]float64, len(cys))
	for i, cy := range cys {
		out[i] = [2]float64{cy - h/2, cy + h/2}
	}
	return out
}

// spread moves the wanted centres ys apart by at least gap, keeping their
// order and staying within [lo, hi] where there is room; it returns the
// new centres in the input order.
func spread(ys []float64, gap, lo, hi float64) []float64 {
	hs := make([]float64, len(ys))
	for i := range hs {
		hs[i] = gap
	}
	return spreadBlocks(ys, hs, lo-gap/2, hi+gap/2)
}

// spreadBlocks places blocks of heights hs, each centred on its ys as far
// as it can be, in their order along y, so that no two overlap and all
// lie within lo..hi where they fit; it returns the blocks' centres.
func spreadBlocks(ys, hs []float64, lo, hi float64) []float64 {
	idx := make([]int, len(ys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ys[idx[a]] < ys[idx[b]] })
	// Down from the top: each block starts below the one before.
	out := make([]float64, len(ys))
	prevEnd := lo
	for _, i := range idx {
		start := math.Max(ys[i]-hs[i]/2, prevEnd)
		out[i] = start + hs[i]/2
		prevEnd = start + hs[i]
	}
	// Too low: push back up from the bottom, as far as the top allows.
	nextStart := hi
	for k := len(idx) - 1; k >= 0; k-- {
		i := idx[k]
		end := math.Min(out[i]+hs[i]/2, nextStart)
		out[i] = end - hs[i]/2
		nextStart = end - hs[i]
	}
	// Where they cannot all fit, the top wins: none starts above lo.
	prevEnd = lo
	for _, i := range idx {
		out[i] = math.Max(out[i], prevEnd+hs[i]/2)
		prevEnd = out[i] + hs[i]/2
	}
	return out
}

// maxWidth is the widest formatted value of data at size px, bold.
func (c *ctx) maxWidth(data []Datum, size float64) float64 {
	w := 0.0
	for _, d := range data {
		w = math.Max(w, c.width(d.Format.apply(c.nf).number(d.Value), size, true))
	}
	return w
}

// ends names the two values of a row: the series, or the locale's words
// for before and after.
func (f *Figure) ends() (string, string) {
	if len(f.Series) == 2 {
		return f.Series[0], f.Series[1]
	}
	loc := locales[f.Style.Locale]
	return loc.before, loc.after
}

// within is the centre of a bold label at cx moved, if need be, so that
// the label stays between lo and hi (the plot's edges, clear of ticks).
func (c *ctx) within(cx float64, label string, size, lo, hi float64) float64 {
	w := c.width(label, size, true)
	return math.Min(math.Max(cx, lo+w/2), hi-w/2)
}

// isolate wraps a name that is drawn beside its value ("Nepal  1,000")
// in a first-strong isolate (U+2068 … U+2069) where directions mix: in a
// right-to-left figure, or for a right-to-left name. The name is then
// ordered on its own, and the value stays on the same side of it, next
// to its mark, whatever script each name is in. Left-to-right names in a
// left-to-right figure stay as they are.
func (c *ctx) isolate(name string) string {
	if name == "" || !c.f.Style.rtl() && !hasRTL(name) {
		return name
	}
	return "\u2068" + name + "\u2069"
}

// hasRTL reports whether s has a letter of a right-to-left script.
func hasRTL(s string) bool {
	for _, r := range s {
		if r >= 0x0590 && r < 0x0900 || r >= 0xfb1d && r < 0xfe00 || r >= 0xfe70 && r < 0xff00 {
			return true
		}
	}
	return false
}

// knockout is a patch of the background bg behind each text of nodes,
// from up above its baseline to down below it (down < 0: as deep as the
// text's own descenders or commas reach): drawn over gridlines and
// the baseline and under the texts, so that no line strikes a label
// through. Only on a painted background; a transparent figure's page
// shows through.
func (c *ctx) knockout(nodes []scene.Node, up, down float64, bg scene.Color) *scene.Group {
	g := &scene.Group{ID: "knockout", Class: "pc-knockout"}
	for _, n := range nodes {
		t, ok := n.(*scene.Text)
		if !ok {
			continue
		}
		w := c.width(t.S, t.Size, t.Bold)
		x := t.X
		switch t.Anchor {
		case scene.End:
			x -= w
		case scene.Middle:
			x -= w / 2
		}
		d := down
		if d < 0 {
			d = math.Ceil(descent(t.S) * t.Size)
		}
		g.Add(&scene.Rect{X: c.snap(x - 3), Y: c.snap(t.Y - up), W: c.snap(w + 6), H: up + d, Fill: bg})
	}
	return g
}

// valueKnockout is knockout for value labels placed beside marks (past a
// bar's end, outside a dot), sized to their type; nil on a transparent
// figure.
func (c *ctx) valueKnockout(values *scene.Group) *scene.Group {
	bg, painted := c.background()
	if !painted || len(values.Nodes) == 0 {
		return nil
	}
	size := c.value
	if t, ok := values.Nodes[0].(*scene.Text); ok {
		size = t.Size
	}
	// Cap height and a little above, the text's own depth below: no
	// more, so that a patch never reaches a mark beside or below it.
	return c.knockout(values.Nodes, c.bold.CapHeight(size)+2, -1, bg)
}

// upperFirst writes s with a capital first letter, in scripts that have
// them: "And 2 more".
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// widestWord is the width of the widest word of s: a column narrower
// than that would break the word.
func (c *ctx) widestWord(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, f := range words(s) {
		w = math.Max(w, c.width(f, size, bold))
	}
	return w
}

// words splits s where a line may break: at spaces, but not at no-break
// ones (a date kept whole, "1 000" in French), which strings.Fields
// counts as spaces.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
	})
}
