package charts

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/presschart/presschart/charts/font"
	"github.com/presschart/presschart/charts/scene"
)

// Version is presschart's version, written into PNG metadata: the
// release, or the next one with "-dev" between releases (README,
// "Releasing").
const Version = "0.2.0-dev"

// rect is an area of the figure in CSS pixels.
type rect struct{ x, y, w, h float64 }

func (r rect) right() float64  { return r.x + r.w }
func (r rect) bottom() float64 { return r.y + r.h }

// ctx is what a chart type needs to lay out its plot.
type ctx struct {
	f        *Figure
	th       theme
	nf       numberFormat
	regular  *font.Face
	bold     *font.Face
	u        float64 // type scale: 1 at 640 px wide
	left     float64 // the content area, inside the padding
	right    float64
	accent   scene.Color
	palette  []scene.Color
	plotRect rect // the area the chart type was given
	// keyAbove says that the key naming the series stands once above
	// the panels of small multiples: a panel draws none of its own.
	keyAbove bool
	// panel, for a panel of small multiples, is every panel's rows and
	// the width of a panel's cell: choices of layout (labels above the
	// marks or beside them) are made once for all panels.
	panel *panelLayout

	title, subtitle, label, value, tick, small float64 // font sizes, px
}

func newCtx(f *Figure) *ctx {
	if f.Style.Theme == "dark" && f.Style.Dark != nil {
		f = f.clone()
		f.Style = f.Style.themed()
	}
	st := &f.Style
	c := &ctx{f: f, th: themes[st.Theme], nf: f.numberFormat()}
	c.regular, c.bold = st.faces()
	c.regular, c.bold = c.regular.In(st.Locale, st.rtl()), c.bold.In(st.Locale, st.rtl())
	c.accent, c.palette = st.Accent, st.Colors
	if c.accent.A == 0 {
		c.accent = c.th.accent
	}
	if len(c.palette) == 0 {
		c.palette = c.th.palette
	}
	// Type is set for the width readers see the figure at: a story
	// (1080 px, seen at 360) gets three times an article's type.
	c.u = st.typeScale()
	sz := func(base float64) float64 { return math.Round(base*c.u*2) / 2 }
	c.title, c.subtitle, c.label, c.value, c.tick, c.small = sz(21), sz(15), sz(13), sz(13), sz(12), sz(12)
	return c
}

// snap rounds v to the figure's device-pixel grid (half a CSS pixel at
// scale 2, a third at 3), so that the edges of shapes stay crisp.
func (c *ctx) snap(v float64) float64 { return snapTo(v, c.grid()) }

// snapLine returns where to centre a line of the given width near v so
// that both its edges fall on the device-pixel grid.
func (c *ctx) snapLine(v, width float64) float64 {
	return snapTo(v-width/2, c.grid()) + width/2
}

// grid is how many device pixels a CSS pixel holds.
func (c *ctx) grid() float64 {
	if c.f.Style.layoutScale > 0 {
		return float64(c.f.Style.layoutScale)
	}
	return float64(max(1, c.f.Style.Scale))
}

func snapTo(v, grid float64) float64 { return math.Round(v*grid) / grid }

// text makes a text node in the figure's faces.
func (c *ctx) text(x, y float64, s string, size float64, bold bool, fill scene.Color, a scene.Anchor, class string) *scene.Text {
	return &scene.Text{X: c.snap(x), Y: c.snap(y), S: s, Size: size, Bold: bold, Fill: fill, Anchor: a, Class: class}
}

func (c *ctx) face(bold bool) *font.Face {
	if bold {
		return c.bold
	}
	return c.regular
}

// width measures s as the text node would draw it.
func (c *ctx) width(s string, size float64, bold bool) float64 {
	return c.face(bold).Width(s, size)
}

// block lays out lines from top with line height lh and returns the
// nodes and the bottom of the block. The baseline of each line sits where
// its capitals are centred in the line box.
func (c *ctx) block(lines []string, x, top, size, lh float64, bold bool, fill scene.Color, a scene.Anchor, class string) ([]scene.Node, float64) {
	capH := c.face(bold).CapHeight(size)
	var nodes []scene.Node
	for i, l := range lines {
		base := top + float64(i)*lh + (lh+capH)/2
		nodes = append(nodes, c.text(x, base, l, size, bold, fill, a, class))
	}
	return nodes, top + float64(len(lines))*lh
}

// of marks the texts among nodes as naming the mark at (x, y), for the
// layout checker's rule that a label sits by its mark or has a leader.
func of(nodes []scene.Node, x, y float64) []scene.Node {
	for _, n := range nodes {
		if t, ok := n.(*scene.Text); ok {
			t.Of = &[2]float64{x, y}
		}
	}
	return nodes
}

// Scene lays the figure out: furniture above and below, the chart type's
// plot in between.
func (f *Figure) Scene() *scene.Scene {
	if g, err := f.loaded(); err == nil {
		f = g // rows from a CSV file, read again; RenderFiles reports a failure
	}
	st := &f.Style
	c := newCtx(f)
	W, H := st.Width, st.Height
	sc := &scene.Scene{
		ID: f.ID, Width: W, Height: H, Title: f.Title, Desc: f.AltText(),
		Source: st.Source, Software: "presschart " + Version,
		Lang: st.Locale, Regular: c.regular, Bold: c.bold,
		FontFallback: "'Helvetica Neue', Helvetica, Arial, sans-serif",
		EmbedFonts:   st.EmbedFonts,
	}
	if bg, painted := c.background(); painted {
		sc.Background = bg
	}
	pad := math.Round(20 * math.Min(math.Max(st.shown()/640, 0.8), 1.6) * W / st.shown())
	x0, x1 := pad, W-pad
	width := x1 - x0
	c.left, c.right = x0, x1

	// Top: title and subtitle.
	y := pad - 2
	lines, _ := c.bold.Wrap(f.Title, c.title, width, 0)
	nodes, y := c.block(lines, x0, y, c.title, math.Round(c.title*1.22), true, c.th.text, scene.Start, "pc-title")
	sc.Root = append(sc.Root, &scene.Group{ID: "title", Class: "pc-title", Nodes: nodes})
	if f.Subtitle != "" {
		lines, _ = c.regular.Wrap(f.Subtitle, c.subtitle, width, 0)
		nodes, y = c.block(lines, x0, y+2, c.subtitle, math.Round(c.subtitle*1.35), false, c.th.muted, scene.Start, "pc-subtitle")
		sc.Root = append(sc.Root, &scene.Group{ID: "subtitle", Class: "pc-subtitle", Nodes: nodes})
	}
	top := y + math.Round(16*c.u)

	// Bottom, from the bottom edge up: source and credit, then the note.
	smallLH := math.Round(c.small * 1.4)
	var foot []*scene.Group
	bottom := H - pad + 4
	// A logo stands at the footer's right, its bottom on the last line's
	// baseline; source and credit wrap short of it.
	logoW, logoH := c.logoSize()
	footW := width
	if logoW > 0 {
		footW = width - logoW - math.Round(16*c.u)
		foot = append(foot, c.logoNode(x1, bottom-4))
	}
	if st.Source != "" || st.credit() != "" {
		var srcLines, credLines []string
		if st.Source != "" {
			srcLines, _ = c.regular.Wrap(st.Source, c.small, footW, 0)
		}
		if credit := st.credit(); credit != "" {
			credLines, _ = c.regular.Wrap(credit, c.small, footW, 0)
		}
		// Source and credit share the last line when both fit on it.
		gap := math.Round(14 * c.u)
		sameLine := len(srcLines) > 0 && len(credLines) == 1 &&
			c.regular.Width(srcLines[len(srcLines)-1], c.small)+gap+c.regular.Width(credLines[0], c.small) <= footW
		n := len(srcLines) + len(credLines)
		if sameLine {
			n--
		}
		blockTop := bottom - float64(n)*smallLH
		if len(srcLines) > 0 {
			nodes, _ := c.block(srcLines, x0, blockTop, c.small, smallLH, false, c.th.faint, scene.Start, "pc-source")
			foot = append(foot, &scene.Group{ID: "source", Class: "pc-source", Nodes: nodes, Link: st.SourceURL})
		}
		if len(credLines) > 0 {
			cx, ctop := x0, blockTop+float64(len(srcLines))*smallLH
			if sameLine {
				cx = x0 + c.regular.Width(srcLines[len(srcLines)-1], c.small) + gap
				ctop -= smallLH
			}
			nodes, _ := c.block(credLines, cx, ctop, c.small, smallLH, false, c.th.faint, scene.Start, "pc-credit")
			foot = append(foot, &scene.Group{ID: "credit", Class: "pc-credit", Nodes: nodes})
		}
		bottom = blockTop
	}
	// The logo's top is the footer's, when it is taller than the lines.
	if logoH > 0 {
		bottom = math.Min(bottom, H-pad-logoH-math.Round(6*c.u))
	}
	if note := f.note(); note != "" {
		lines := c.noteLines(note, width)
		blockTop := bottom - float64(len(lines))*smallLH - 2
		var nodes []scene.Node
		for i, l := range lines {
			y := blockTop + float64(i)*smallLH
			if l.mark != "" {
				n, _ := c.block([]string{l.mark}, x0, y, c.small, smallLH, false, c.th.muted, scene.Start, "pc-note pc-footnote-mark")
				nodes = append(nodes, n...)
			}
			n, _ := c.block([]string{l.text}, x0+l.indent, y, c.small, smallLH, false, c.th.muted, scene.Start, "pc-note")
			nodes = append(nodes, n...)
		}
		foot = append([]*scene.Group{{ID: "note", Class: "pc-note", Nodes: nodes}}, foot...)
		bottom = blockTop
	}
	plotBottom := bottom - math.Round(14*c.u)

	// The plot gets what is left, but never less than a usable band: the
	// figure grows taller rather than squeeze the data.
	minPlot := math.Round(60 * c.u)
	if plotBottom-top < minPlot {
		grow := minPlot - (plotBottom - top)
		plotBottom += grow
		H += grow
		for _, g := range foot {
			shift(g, grow)
		}
	}
	p := rect{x: x0, y: top, w: width, h: plotBottom - top}
	c.plotRect = p
	// Annotations may ask for room beside the data (a margin for
	// reference lines' labels, a band above for notes that find no free
	// place); the plot is then laid out again inside what is left, but
	// never shorter than a usable band: the figure grows instead.
	// Notes that find no clean place even then are keyed on a last
	// layout: a number at the point, the text under the plot.
	var d drawn
	var inner rect
	var keyed []string
	res := reserve{}
	final := false
	for pass := 0; ; pass++ {
		final = final || pass == 3
		if final {
			res.band = 0
		}
		above := res.top + res.band
		inner = rect{x: p.x, y: p.y + above, w: p.w - res.right, h: math.Max(p.h-above, minPlot)}
		if f.faceted() {
			d = plotFacets(c, inner)
		} else {
			d = f.kind.plot(c, inner)
		}
		d.group.ID, d.group.Class = "plot", "pc-plot"
		need, k, unplaced := c.drawAnnotations(sc, d.group, d.axes, inner, res, final)
		keyed = k
		if final || res.covers(need) && !unplaced {
			break
		}
		// A band that can grow no more leaves the notes it could not
		// place to be keyed.
		final = res.covers(need)
		res = res.grow(need)
	}
	plot := d.group
	if d.axes != nil {
		a := d.axes.area
		sc.Plot = scene.Box{X0: a.x, Y0: a.y, X1: a.right(), Y1: a.bottom()}
	}
	// A chart type may need more rows than the height holds; it then
	// uses a taller plot, and the figure grows below it. One that needs
	// less leaves no empty band above the footer: the figure takes the
	// height its content needs, or, at a height of its own (a frame's,
	// or given), centres the plot in it.
	used := inner.y + d.height
	if len(f.Annotations) > 0 {
		// Notes may sit below the content of a plot without axes.
		if b, ok := sc.Bounds(plot); ok {
			used = math.Max(used, math.Ceil(b.Y1)+4)
		}
	}
	switch extra := used - p.bottom(); {
	case extra > 0.5:
		H += extra
		for _, g := range foot {
			shift(g, extra)
		}
	case extra < -0.5 && st.FixedHeight:
		plot.Move(0, math.Round(-extra/2))
		if sc.Plot != (scene.Box{}) { // a plot without axes has no data area
			sc.Plot.Y0 += math.Round(-extra / 2)
			sc.Plot.Y1 += math.Round(-extra / 2)
		}
	case extra < -0.5:
		H += extra
		for _, g := range foot {
			shift(g, extra)
		}
	}
	// Keyed notes stand numbered above the footer.
	if len(keyed) > 0 {
		footTop := H - pad
		for _, g := range foot {
			if b, ok := sc.Bounds(g); ok {
				footTop = math.Min(footTop, b.Y0-math.Round(c.small*0.4))
			}
		}
		var nodes []scene.Node
		y := footTop
		for _, k := range keyed {
			lines, _ := c.regular.Wrap(k, c.small, width, 0)
			ns, bottom := c.block(lines, x0, y, c.small, smallLH, false, c.th.text, scene.Start, "pc-annotation pc-annotation-keyed")
			nodes = append(nodes, ns...)
			y = bottom
		}
		grow := y - footTop + math.Round(6*c.u)
		for _, g := range foot {
			shift(g, grow)
		}
		H += grow
		sc.Root = append(sc.Root, &scene.Group{ID: "annotation-keys", Class: "pc-annotations", Nodes: nodes})
	}
	sc.Height = math.Ceil(H)
	sc.Root = append(sc.Root, plot)
	sc.Root = append(sc.Root, foot...)
	if st.rtl() {
		sc.Mirror()
	}
	return sc
}

// shift moves every node of g down by dy.
func shift(g *scene.Group, dy float64) { g.Move(0, dy) }

// Render writes the figure in one format, as RenderFiles makes it: the
// path a run takes, for benchmarks and callers that want one file.
func (f *Figure) Render(w io.Writer, format string) error {
	outs, err := f.RenderFiles([]string{format})
	if err != nil {
		return err
	}
	if len(outs) == 0 {
		// A phone's PNG at one density is made in PNG only.
		return fmt.Errorf("%s: figure %q: a rendition of %q made in %s only, not %s", f.file, f.ID, f.RenditionOf, strings.Join(f.Formats(), ", "), format)
	}
	_, err = w.Write(outs[0].Data())
	return err
}

// logNote is said on every figure with a logarithmic scale, in the note
// and the alt text, in the figure's language, so no reader takes it for a
// linear one.
func (f *Figure) logNote() string { return locales[f.Style.Locale].logScale }

// note is the figure's note, with logNote in front on a log scale and
// rollingNote on a rolling average.
func (f *Figure) note() string {
	note := f.Note
	if r := f.rollingNote(); r != "" {
		note = strings.TrimSpace(r + " " + note)
	}
	if f.faceted() && f.Axes == "free" {
		// Panels whose scales differ say so, or a reader compares
		// their heights.
		note = strings.TrimSpace(locales[f.Style.Locale].ownScales + " " + note)
	}
	if f.Style.Log {
		note = strings.TrimSpace(f.logNote() + " " + note)
	}
	return note
}
