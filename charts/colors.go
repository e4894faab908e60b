package charts

// Colours: every colour a chart type gives a mark or a label comes from
// here, from the figure's palette, accent, theme and background.

import (
	"fmt"
	"math"
	"slices"

	"github.com/presschart/presschart/charts/scene"
)

// color returns the colour of the data row with the given label: the accent
// for highlighted rows, else the i-th palette colour.
func (c *ctx) color(label string, i int) scene.Color {
	if col, ok := c.f.Style.Named[label]; ok {
		return col
	}
	if slices.Contains(c.f.Highlight, label) {
		return c.accent
	}
	if k, ok := c.f.nameOrder[label]; ok {
		i = k // a panel's part, in the figure's colour for it
	}
	return c.paletteAt(i)
}

// paletteAt is the i-th colour of the palette; past its end, the
// palette again, half way to the background, then half way to the text,
// so that a twelve-part waffle repeats no colour.
func (c *ctx) paletteAt(i int) scene.Color {
	n := len(c.palette)
	col := c.palette[i%n]
	toward := c.bg()
	switch (i / n) % 3 {
	case 0:
		return col
	case 2:
		toward = c.th.text
	}
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*0.5 + float64(b)*0.5)) }
	return scene.Color{R: mix(col.R, toward.R), G: mix(col.G, toward.G), B: mix(col.B, toward.B), A: 255}
}

// background is the figure's background colour, and whether it is
// painted: false for a transparent figure, whose colour is then the
// theme's, for what must stand out against the page behind it. Every
// chart type asks here, so hairlines that separate shapes and patches that
// knock out gridlines take the figure's own background.
func (c *ctx) background() (scene.Color, bool) {
	switch bg := c.f.Style.Background; bg {
	case "":
		return c.th.bg, true
	case "transparent":
		return c.th.bg, false
	default:
		col, _ := parseColor(bg)
		return col, true
	}
}

// bg is the figure's background colour (the theme's when transparent).
func (c *ctx) bg() scene.Color {
	col, _ := c.background()
	return col
}

// isHighlighted reports whether the row with this label is in highlight.
func (c *ctx) isHighlighted(label string) bool { return slices.Contains(c.f.Highlight, label) }

// seriesColor is the colour of a row in single-series charts: its own
// (colors = { name = ... }), the accent when highlighted, else the first
// palette colour.
func (c *ctx) seriesColor(label string) scene.Color {
	if col, ok := c.f.Style.Named[label]; ok {
		return col
	}
	switch {
	case slices.Contains(c.f.Highlight, label):
		return c.accent
	case c.isOther(label):
		return c.th.rest
	}
	return c.palette[0]
}

// isOther reports whether the row is the one top = N added the rest up
// into: it is drawn in the theme's neutral grey, as no category.
func (c *ctx) isOther(label string) bool {
	return len(c.f.Order.merged) > 0 && label == locales[c.f.Style.Locale].other
}

// valueColor is seriesColor for a bar of value v: a negative one takes
// the figure's negative colour, where it has one and the row has none of
// its own.
func (c *ctx) valueColor(label string, v float64) scene.Color {
	_, named := c.f.Style.Named[label]
	if v < 0 && c.f.Style.Negative.A != 0 && !named && !c.isHighlighted(label) {
		return c.f.Style.Negative
	}
	return c.seriesColor(label)
}

// seriesColor of a line or area: the palette in order; with a highlight,
// the highlighted series in the accent and the others grey.
func (c *ctx) lineColor(name string, i int) scene.Color {
	if col, ok := c.f.Style.Named[name]; ok {
		return col
	}
	switch {
	case c.isHighlighted(name):
		return c.accent
	case len(c.f.Highlight) > 0:
		return c.th.rest
	}
	return c.paletteAt(i)
}

// endColors are the colours of a row's two ends: a neutral for the first,
// the series colour (or the accent, highlighted) for the second.
func (c *ctx) endColors(label string) (scene.Color, scene.Color) {
	return c.th.faint, c.seriesColor(label)
}

// partColor gives highlighted parts the accent, the remainder the theme's
// neutral colour and the others the palette in order.
func (c *ctx) partColor(p part, i int) scene.Color {
	if col, ok := c.f.Style.Named[p.Label]; ok {
		return col
	}
	switch {
	case slices.Contains(c.f.Highlight, p.Label):
		return c.accent
	case p.Rest || c.isOther(p.Label):
		return c.th.rest
	}
	if k, ok := c.f.nameOrder[p.Label]; ok {
		i = k // a panel's part, in the figure's colour for it
	}
	return c.paletteAt(i)
}

// readable returns col as text on the figure's background: the same hue,
// darkened (on a light background) or lightened (on a dark one) just
// enough to reach the WCAG contrast for text, 4.5:1, so that a label in a
// light series colour still names its series by colour, not grey.
func (c *ctx) readable(col scene.Color) scene.Color {
	bg := c.bg()
	toward := scene.Color{A: 255}
	if luminance(bg) < 0.18 {
		toward = scene.Color{R: 255, G: 255, B: 255, A: 255}
	}
	out := col
	for k := 1; k <= 20 && contrast(out, bg) < 4.5; k++ {
		t := float64(k) / 20
		mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*(1-t) + float64(b)*t)) }
		out = scene.Color{R: mix(col.R, toward.R), G: mix(col.G, toward.G), B: mix(col.B, toward.B), A: 255}
	}
	return out
}

// contrastText returns the theme's dark or light text colour, whichever has
// the higher WCAG contrast against bg; black where neither reaches AA's
// 4.5:1 (on fills of luminance about 0.19, #121212 gives 4.3:1, black
// 4.6:1).
func contrastText(bg scene.Color) scene.Color {
	white, dark := mustColor("#ffffff"), mustColor("#121212")
	best := white
	if contrast(bg, dark) > contrast(bg, white) {
		best = dark
	}
	if contrast(bg, best) < 4.5 {
		return scene.Color{A: 255}
	}
	return best
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b scene.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c scene.Color) float64 {
	ch := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

// checkNamedColors reports names in a figure's own colors table that name
// no row, part or series: a typo would silently publish a party in the
// wrong colour. Names in [style] may be for other figures.
func (f *Figure) checkNamedColors(key string, names []string, e *errs) {
	// Types of several series colour by series; the others by row (a
	// dumbbell's second end, a slope's line, a card's rule), part or rest.
	known, what, whats := f.rowNames(), "row or part", "rows and parts"
	if f.kind.xy {
		known = nil
	}
	if f.kind.multi || f.kind.xy {
		known, what, whats = f.Series, "series", "series"
	}
	if f.Rest != "" && f.kind.parts {
		known = append(known, f.Rest)
	}
	if gs := f.groups(); f.kind.labelKey != "" && len(gs) > 0 {
		known, what, whats = gs, "group", "groups" // a choropleth's categories
	}
	for _, n := range names {
		if slices.Contains(known, n) {
			continue
		}
		msg := fmt.Sprintf("%q names no %s of the figure; %s chart colours its %s", n, what, aKind(f.kind.name), whats)
		switch {
		case f.mergedRow(n) != "":
			msg = f.mergedRow(n)
		case nearest(n, known) != "":
			msg += fmt.Sprintf("; did you mean %q?", nearest(n, known))
		}
		e.add(key+"."+n, "%s", msg)
	}
}

// lab is a colour in CIE L*a*b* (D65), from sRGB.
func lab(c scene.Color) [3]float64 {
	return labOfLinear(linear(c))
}

// linear is a colour's linear-light sRGB channels.
func linear(c scene.Color) [3]float64 {
	ch := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return [3]float64{ch(c.R), ch(c.G), ch(c.B)}
}

func labOfLinear(c [3]float64) [3]float64 {
	r, g, b := c[0], c[1], c[2]
	x := (0.4124*r + 0.3576*g + 0.1805*b) / 0.95047
	y := 0.2126*r + 0.7152*g + 0.0722*b
	z := (0.0193*r + 0.1192*g + 0.9505*b) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// deltaE is the CIE76 distance of two L*a*b* colours: about 2 is the
// least a reader notices, 20 tells series apart at a glance.
func deltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

// visions are the colour-vision deficiencies presschart checks for, each
// as Machado, Oliveira and Fernandes's (2009) matrix of full severity, in
// linear RGB. Together they concern about 6% of men.
var visions = []struct {
	name string
	m    [3][3]float64
}{
	{"deuteranopia", [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
	{"protanopia", [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
}

// Colours that differ (ΔE of sameColors or more) are confusable when a
// simulated deficiency brings them within cvdColors; distinctColors is
// what a palette's colours keep between them.
const (
	distinctColors = 20
	cvdColors      = 12
)

// confusable returns the deficiency under which two colours that differ
// for most readers look alike, and their simulated distance; "" when
// they stay apart or were alike to begin with.
func confusable(a, b scene.Color) (string, float64) {
	la, lb := linear(a), linear(b)
	if deltaE(labOfLinear(la), labOfLinear(lb)) < sameColors {
		return "", 0 // alike to every reader: reported as such
	}
	sim := func(m [3][3]float64, c [3]float64) [3]float64 {
		var out [3]float64
		for i := range out {
			out[i] = math.Min(1, math.Max(0, m[i][0]*c[0]+m[i][1]*c[1]+m[i][2]*c[2]))
		}
		return out
	}
	for _, v := range visions {
		if d := deltaE(labOfLinear(sim(v.m, la)), labOfLinear(sim(v.m, lb))); d < cvdColors {
			return v.name, d
		}
	}
	return "", 0
}

// tint mixes col into the figure's background: k of the colour.
func (c *ctx) tint(col scene.Color, k float64) scene.Color {
	bg := c.bg()
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*k + float64(b)*(1-k))) }
	return scene.Color{R: mix(col.R, bg.R), G: mix(col.G, bg.G), B: mix(col.B, bg.B), A: 255}
}

// heatColor is a heat cell's fill: on a diverging scale around zero when
// the column has both signs (the negative colour, or the palette's
// second, below; its first above), else from faint to full first
// palette colour over the column's range.
func (c *ctx) heatColor(v, lo, hi float64) scene.Color {
	pos, neg := c.paletteAt(0), c.paletteAt(1)
	if c.f.Style.Negative.A != 0 {
		neg = c.f.Style.Negative
	}
	if lo < 0 && hi > 0 {
		m := math.Max(-lo, hi)
		if v < 0 {
			return c.tint(neg, 0.12+0.78*(-v/m))
		}
		return c.tint(pos, 0.12+0.78*(v/m))
	}
	t := 1.0
	if hi > lo {
		t = (v - lo) / (hi - lo)
	}
	if hi <= 0 {
		return c.tint(neg, 0.12+0.78*(1-t))
	}
	return c.tint(pos, 0.12+0.78*t)
}
