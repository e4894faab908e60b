package scene

import (
	"bufio"
	"crypto/sha256"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/presschart/presschart/charts/font"
)

// WriteSVG writes the scene as a standalone SVG 1.1 document: width,
// height and viewBox at logical size, role="img" with <title> and <desc>,
// one <g> per group, text kept as <text>, coordinates with at most two
// decimals, and no scripts or external references.
func (s *Scene) WriteSVG(w io.Writer) error {
	e := &svgWriter{w: bufio.NewWriterSize(w, 16<<10), s: s}
	if err := e.document(); err != nil {
		return err
	}
	return e.w.Flush()
}

type svgWriter struct {
	w        *bufio.Writer
	s        *Scene
	buf      []byte
	embedded [2][]string // the generated family names of the fonts embedded for the regular and bold faces
}

func (e *svgWriter) str(s string) { e.w.WriteString(s) }

// esc writes s escaped for XML text and attribute values.
func (e *svgWriter) esc(s string) { xml.EscapeText(e.w, []byte(s)) }

// num writes v with at most two decimals and no trailing zeros.
func (e *svgWriter) num(v float64) {
	e.buf = strconv.AppendFloat(e.buf[:0], v, 'f', 2, 64)
	b := e.buf
	if i := len(b) - 3; b[i] == '.' {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if len(b) == 2 && b[0] == '-' && b[1] == '0' {
		b = b[1:]
	}
	e.w.Write(b)
}

func (e *svgWriter) attr(name string, v float64) {
	e.str(" " + name + `="`)
	e.num(v)
	e.str(`"`)
}

func (e *svgWriter) color(name string, c Color) {
	if c.A == 0 {
		e.str(" " + name + `="none"`)
		return
	}
	e.str(" " + name + `="` + hex(c) + `"`)
	if c.A != 255 {
		e.attr(name+"-opacity", float64(c.A)/255)
	}
}

func (e *svgWriter) class(c string) {
	if c != "" {
		e.str(` class="` + c + `"`)
	}
}

func hex(c Color) string {
	const digits = "0123456789abcdef"
	b := []byte{'#', digits[c.R>>4], digits[c.R&15], digits[c.G>>4], digits[c.G&15], digits[c.B>>4], digits[c.B&15]}
	if b[1] == b[2] && b[3] == b[4] && b[5] == b[6] {
		b = []byte{'#', b[1], b[3], b[5]}
	}
	return string(b)
}

// family is the font-family list for a face: the embedded subset's
// generated name when fonts are embedded, then the face's own family name
// when it is safe to write into CSS, then the fallbacks.
func (e *svgWriter) family(f *font.Face, generated []string) string {
	names := slices.Clone(generated)
	for _, fam := range f.Families() {
		if q := cssFamily(fam); q != "" && !slices.Contains(names, q) {
			names = append(names, q)
		}
	}
	if e.s.FontFallback != "" {
		names = append(names, e.s.FontFallback)
	}
	return strings.Join(names, ", ")
}

// cssFamily returns a font's family name quoted for CSS, or "" when the
// name holds anything but ASCII letters, digits, spaces, dots, hyphens
// and underscores. The name comes from the font file, which a house font
// makes an input: it is never copied into CSS as it stands, so a crafted
// name cannot close a string, a rule or the <style> element.
func cssFamily(f string) string {
	if f == "" || len(f) > 64 {
		return ""
	}
	for _, r := range f {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ' ' || r == '-' || r == '_' || r == '.'
		if !ok {
			return ""
		}
	}
	if strings.ContainsAny(f, " .") || f[0] >= '0' && f[0] <= '9' || f[0] == '-' {
		return "'" + f + "'"
	}
	return f
}

func (e *svgWriter) document() error {
	s := e.s
	e.str(`<svg xmlns="http://www.w3.org/2000/svg" version="1.1"`)
	e.attr("width", s.Width)
	e.attr("height", s.Height)
	e.str(` viewBox="0 0 `)
	e.num(s.Width)
	e.str(" ")
	e.num(s.Height)
	e.str(`" role="img" aria-labelledby="` + s.ID + `-title ` + s.ID + `-desc"`)
	if s.Lang != "" {
		e.str(` lang="`)
		e.esc(s.Lang)
		e.str(`" xml:lang="`)
		e.esc(s.Lang)
		e.str(`"`)
	}
	var subsets [2][]font.Embed
	if s.EmbedFonts {
		var err error
		if subsets, err = e.subsets(); err != nil {
			return err
		}
		// A generated family per font, named after what it holds: two
		// figures inlined in one page never take each other's subset.
		// (One family told apart by weight alone is not enough: librsvg
		// then draws bold text with the regular subset.)
		for i, embeds := range subsets {
			for _, em := range embeds {
				sum := sha256.Sum256(em.Data)
				e.embedded[i] = append(e.embedded[i], fmt.Sprintf("pc-%x", sum[:6]))
			}
		}
	}
	if s.RTL {
		e.str(` direction="rtl"`)
	}
	e.str(` font-family="`)
	e.esc(e.family(s.Regular, e.embedded[0]))
	e.str("\">\n<title id=\"" + s.ID + "-title\">")
	e.esc(s.Title)
	e.str("</title>\n<desc id=\"" + s.ID + "-desc\">")
	e.esc(s.Desc)
	e.str("</desc>\n")
	if s.EmbedFonts {
		e.fonts(subsets)
	}
	if s.Background.A != 0 {
		e.str(`<rect class="pc-background" width="100%" height="100%"`)
		e.color("fill", s.Background)
		e.str("/>\n")
	}
	for _, g := range s.Root {
		e.group(g)
	}
	e.str("</svg>\n")
	return nil
}

// subsets returns, for the regular and the bold face, the fonts to embed
// for the characters the figure draws in it ([font.Face.Embeds]; none for
// a face it does not use).
func (e *svgWriter) subsets() (out [2][]font.Embed, err error) {
	var runes [2][]rune
	var walk func(g *Group)
	walk = func(g *Group) {
		for _, n := range g.Nodes {
			switch n := n.(type) {
			case *Group:
				walk(n)
			case *Text:
				if n.Bold {
					runes[1] = append(runes[1], []rune(n.S)...)
				} else {
					runes[0] = append(runes[0], []rune(n.S)...)
				}
			}
		}
	}
	for _, g := range e.s.Root {
		walk(g)
	}
	for i, face := range []*font.Face{e.s.Regular, e.s.Bold} {
		if len(runes[i]) == 0 {
			continue
		}
		if out[i], err = face.Embeds(runes[i]); err != nil {
			return out, fmt.Errorf("embedding the %s font: %v", [2]string{"regular", "bold"}[i], err)
		}
	}
	return out, nil
}

// fonts embeds the subsets as base64 @font-face rules under the generated
// family name, so the SVG looks the same on a machine that lacks the font.
func (e *svgWriter) fonts(subsets [2][]font.Embed) {
	e.str("<defs><style>\n")
	for i, embeds := range subsets {
		for j, em := range embeds {
			mime := map[string]string{"truetype": "font/ttf", "opentype": "font/otf"}[em.Format]
			e.str("@font-face{font-family:" + e.embedded[i][j] + ";font-weight:" + [2]string{"400", "700"}[i] + ";src:url(data:" + mime + ";base64,")
			enc := base64.NewEncoder(base64.StdEncoding, e.w)
			enc.Write(em.Data)
			enc.Close()
			e.str(") format(\"" + em.Format + "\")}\n")
		}
	}
	e.str("</style></defs>\n")
}

func (e *svgWriter) group(g *Group) {
	e.str("<g")
	if g.ID != "" {
		e.str(` id="`)
		e.esc(e.s.IDPrefix + g.ID)
		e.str(`"`)
	}
	if g.Link != "" {
		e.str(` data-link="`)
		e.esc(g.Link)
		e.str(`"`)
	}
	e.class(g.Class)
	e.str(">\n")
	for _, n := range g.Nodes {
		switch n := n.(type) {
		case *Group:
			e.group(n)
		case *Rect:
			e.str("<rect")
			e.class(n.Class)
			e.attr("x", n.X)
			e.attr("y", n.Y)
			e.attr("width", n.W)
			e.attr("height", n.H)
			e.color("fill", n.Fill)
			e.str("/>\n")
		case *Rects:
			e.str("<path")
			e.class(n.Class)
			e.str(` d="`)
			for i, r := range n.R {
				if i > 0 {
					e.str(" ")
				}
				e.str("M")
				e.num(r[0])
				e.str(" ")
				e.num(r[1])
				e.str("h")
				e.num(r[2])
				e.str("v")
				e.num(r[3])
				e.str("h")
				e.num(-r[2])
				e.str("z")
			}
			e.str(`"`)
			e.color("fill", n.Fill)
			e.str("/>\n")
		case *Path:
			e.str("<path")
			e.class(n.Class)
			e.str(` d="`)
			for i, c := range n.Cmds {
				if i > 0 {
					e.str(" ")
				}
				e.w.WriteByte(c.Op)
				k := map[byte]int{'M': 1, 'L': 1, 'C': 3}[c.Op]
				for j := 0; j < k; j++ {
					if j > 0 {
						e.str(" ")
					}
					e.num(c.P[j][0])
					e.str(" ")
					e.num(c.P[j][1])
				}
			}
			e.str(`"`)
			e.color("fill", n.Fill)
			if n.EvenOdd {
				e.str(` fill-rule="evenodd"`)
			}
			e.str("/>\n")
		case *Polyline:
			e.str("<polyline")
			e.class(n.Class)
			e.str(` points="`)
			for i, pt := range n.Pts {
				if i > 0 {
					e.str(" ")
				}
				e.num(pt[0])
				e.str(",")
				e.num(pt[1])
			}
			e.str(`" fill="none"`)
			e.color("stroke", n.Stroke)
			e.attr("stroke-width", n.Width)
			e.str(` stroke-linejoin="round" stroke-linecap="round"/>` + "\n")
		case *Line:
			e.str("<line")
			e.class(n.Class)
			e.attr("x1", n.X1)
			e.attr("y1", n.Y1)
			e.attr("x2", n.X2)
			e.attr("y2", n.Y2)
			e.color("stroke", n.Stroke)
			e.attr("stroke-width", n.Width)
			if len(n.Dash) > 0 {
				e.str(` stroke-dasharray="`)
				for i, d := range n.Dash {
					if i > 0 {
						e.str(" ")
					}
					e.num(d)
				}
				e.str(`"`)
			}
			e.str("/>\n")
		case *Circle:
			e.str("<circle")
			e.class(n.Class)
			e.attr("cx", n.CX)
			e.attr("cy", n.CY)
			e.attr("r", n.R)
			e.color("fill", n.Fill)
			if n.Stroke.A != 0 && n.StrokeWidth > 0 {
				e.color("stroke", n.Stroke)
				e.attr("stroke-width", n.StrokeWidth)
			}
			e.str("/>\n")
		case *Text:
			e.text(n)
		case *Image:
			// The file itself, as a data URI: no request, and an editor
			// keeps it as one placed picture.
			e.str("<image")
			e.class(n.Class)
			e.attr("x", n.X)
			e.attr("y", n.Y)
			e.attr("width", n.W)
			e.attr("height", n.H)
			e.str(` preserveAspectRatio="xMidYMid meet" xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="data:`)
			e.str(n.Type)
			e.str(";base64,")
			e.str(base64.StdEncoding.EncodeToString(n.Data))
			e.str("\"/>\n")
		}
	}
	e.str("</g>\n")
}

func (e *svgWriter) text(t *Text) {
	e.str("<text")
	e.class(t.Class)
	e.attr("x", t.X)
	e.attr("y", t.Y)
	e.attr("font-size", t.Size)
	if t.Bold {
		e.str(` font-weight="700"`)
		if len(e.embedded[1]) > 0 || !slices.Equal(e.s.Bold.Families(), e.s.Regular.Families()) {
			e.str(` font-family="`)
			e.esc(e.family(e.s.Bold, e.embedded[1]))
			e.str(`"`)
		}
	}
	// Anchors are physical (Start: the left edge at X); under
	// direction="rtl" SVG's start is the right edge.
	switch {
	case t.Anchor == Middle:
		e.str(` text-anchor="middle"`)
	case (t.Anchor == End) != e.s.RTL:
		e.str(` text-anchor="end"`)
	}
	e.color("fill", t.Fill)
	// SVG folds runs of spaces into one; a label that spaces its parts
	// with two ("Nepal  1,000") keeps them, as the PNG draws them.
	if strings.Contains(t.S, "  ") || strings.HasPrefix(t.S, " ") || strings.HasSuffix(t.S, " ") {
		e.str(` xml:space="preserve"`)
	}
	if t.Rotate != 0 {
		e.str(` transform="rotate(`)
		e.num(t.Rotate)
		e.str(" ")
		e.num(t.X)
		e.str(" ")
		e.num(t.Y)
		e.str(`)"`)
	}
	e.str(">")
	e.esc(t.S)
	e.str("</text>\n")
}
