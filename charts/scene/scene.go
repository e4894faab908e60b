// Package scene is presschart's display list: a figure laid out once, in
// CSS pixels, as named groups of rectangles, lines, circles and text. The
// SVG and PNG writers both draw the same scene, so the two files of one
// figure agree to the pixel grid.
package scene

import (
	"fmt"
	"image"
	"math"

	"github.com/presschart/presschart/charts/font"
)

// Color is an sRGB colour with straight alpha, 0 to 255 a channel. The
// PNG writer turns it into go-chart's colour type; nothing else knows
// that type.
type Color struct{ R, G, B, A uint8 }

// Anchor says which end of a text its x coordinate marks.
type Anchor int

// Text anchors, as in SVG's text-anchor.
const (
	Start Anchor = iota
	Middle
	End
)

// Node is one element of a scene: *Group, *Rect, *Rects, *Path,
// *Polyline, *Line, *Circle, *Text or *Image. Every node can move itself; a
// scene measures any node (Scene.Bounds).
type Node interface {
	node()
	// Move shifts the node by (dx, dy) CSS pixels.
	Move(dx, dy float64)
	// Mirror reflects the node's place about the vertical line x = w/2
	// of a scene w wide (Scene.Mirror); text and pictures keep reading
	// the right way round.
	Mirror(w float64)
}

// Group is a named layer; Illustrator and Figma show it as one.
type Group struct {
	ID    string // unique in the scene, e.g. "title", "series-1"; may be empty
	Class string // CSS class, e.g. "pc-title"
	Nodes []Node
	// Link is a web address the group's text refers to (a source's page),
	// kept in the SVG as a data-link attribute, not as a live link: an
	// SVG embedded in a page makes no request and leads nowhere. The
	// PNG ignores it.
	Link string
}

// Rect is a filled rectangle.
type Rect struct {
	X, Y, W, H float64
	Fill       Color
	Class      string
}

// Rects is a set of rectangles with one fill, such as a waffle's squares:
// one <path> in SVG, so a layer stays one object in an editor.
type Rects struct {
	R     [][4]float64 // x, y, width, height
	Fill  Color
	Class string
}

// Path is a filled outline of straight lines and cubic Bézier curves,
// such as a donut's ring segments.
type Path struct {
	Cmds  []PathCmd
	Fill  Color
	Class string
	// EvenOdd fills by the even-odd rule, so that an outline inside
	// another is a hole whichever way it turns (a map's lakes and
	// enclaves); else by the non-zero winding rule.
	EvenOdd bool
}

// PathCmd is one step of a Path: 'M' move, 'L' line, 'C' cubic curve
// (P[0], P[1] control points, P[2] end), 'Z' close.
type PathCmd struct {
	Op byte
	P  [3][2]float64
}

// MoveTo starts a new outline at (x, y).
func (p *Path) MoveTo(x, y float64) {
	p.Cmds = append(p.Cmds, PathCmd{Op: 'M', P: [3][2]float64{{x, y}}})
}

// LineTo draws a straight line to (x, y).
func (p *Path) LineTo(x, y float64) {
	p.Cmds = append(p.Cmds, PathCmd{Op: 'L', P: [3][2]float64{{x, y}}})
}

// Close closes the outline.
func (p *Path) Close() { p.Cmds = append(p.Cmds, PathCmd{Op: 'Z'}) }

// Arc draws a circular arc around (cx, cy) of radius r, from angle t0 to
// t1 in radians measured clockwise from 12 o'clock, as cubic curves of at
// most a quarter turn each. The pen must be at the arc's start.
func (p *Path) Arc(cx, cy, r, t0, t1 float64) {
	n := int(math.Ceil(math.Abs(t1-t0) / (math.Pi / 2)))
	step := (t1 - t0) / float64(max(n, 1))
	k := 4.0 / 3 * math.Tan(step/4)
	pt := func(t float64) (x, y, dx, dy float64) {
		a := t - math.Pi/2
		return cx + r*math.Cos(a), cy + r*math.Sin(a), -r * math.Sin(a), r * math.Cos(a)
	}
	for i := 0; i < n; i++ {
		a, b := t0+float64(i)*step, t0+float64(i+1)*step
		x0, y0, dx0, dy0 := pt(a)
		x1, y1, dx1, dy1 := pt(b)
		p.Cmds = append(p.Cmds, PathCmd{Op: 'C', P: [3][2]float64{{x0 + k*dx0, y0 + k*dy0}, {x1 - k*dx1, y1 - k*dy1}, {x1, y1}}})
	}
}

// Polyline is a stroked line through points, with round joins and caps.
type Polyline struct {
	Pts    [][2]float64
	Stroke Color
	Width  float64
	Class  string
}

// Line is a straight stroked line.
type Line struct {
	X1, Y1, X2, Y2 float64
	Stroke         Color
	Width          float64
	Dash           []float64 // on and off lengths; nil for a solid line
	Class          string
}

// Circle is a filled circle, optionally outlined.
type Circle struct {
	CX, CY, R   float64
	Fill        Color
	Stroke      Color // transparent for none
	StrokeWidth float64
	Class       string
}

// Text is one line of text; (X, Y) is on its alphabetic baseline.
type Text struct {
	X, Y   float64
	S      string
	Size   float64 // px
	Bold   bool
	Fill   Color
	Anchor Anchor
	Rotate float64 // degrees about (X, Y); negative turns counter-clockwise
	Class  string
	// Of is the point of the mark a label names (a line's end, a note's
	// point), for the layout checker: a label far from it needs a leader
	// line. The writers do not draw it.
	Of *[2]float64
}

// Image is a raster picture, such as a logo, drawn into the box X, Y, W,
// H (CSS pixels): the PNG resamples its pixels, the SVG embeds its file.
type Image struct {
	X, Y, W, H float64
	Img        image.Image // the decoded picture
	Data       []byte      // the file as read, PNG or JPEG
	Type       string      // its media type: "image/png" or "image/jpeg"
	Class      string
}

func (g *Group) Move(dx, dy float64) {
	for _, n := range g.Nodes {
		n.Move(dx, dy)
	}
}
func (r *Rect) Move(dx, dy float64) { r.X += dx; r.Y += dy }
func (r *Rects) Move(dx, dy float64) {
	for i := range r.R {
		r.R[i][0] += dx
		r.R[i][1] += dy
	}
}
func (p *Path) Move(dx, dy float64) {
	for i := range p.Cmds {
		for j := range p.Cmds[i].P {
			p.Cmds[i].P[j][0] += dx
			p.Cmds[i].P[j][1] += dy
		}
	}
}
func (p *Polyline) Move(dx, dy float64) {
	for i := range p.Pts {
		p.Pts[i][0] += dx
		p.Pts[i][1] += dy
	}
}
func (l *Line) Move(dx, dy float64)   { l.X1 += dx; l.Y1 += dy; l.X2 += dx; l.Y2 += dy }
func (c *Circle) Move(dx, dy float64) { c.CX += dx; c.CY += dy }
func (i *Image) Move(dx, dy float64)  { i.X += dx; i.Y += dy }
func (t *Text) Move(dx, dy float64) {
	t.X += dx
	t.Y += dy
	if t.Of != nil {
		t.Of = &[2]float64{t.Of[0] + dx, t.Of[1] + dy}
	}
}

// Mirror lays the scene out for a right-to-left language: every node's
// place is reflected about the vertical centre line (bars grow leftwards,
// time runs right to left, the title block stands at the right), texts
// keep their letters but swap their anchors, and the scene's text runs
// right to left (RTL: the paragraph direction of every text, and the
// SVG's direction).
func (s *Scene) Mirror() {
	for _, g := range s.Root {
		g.Mirror(s.Width)
	}
	if s.Plot != (Box{}) {
		s.Plot.X0, s.Plot.X1 = s.Width-s.Plot.X1, s.Width-s.Plot.X0
	}
	s.RTL = !s.RTL
}

func (g *Group) Mirror(w float64) {
	for _, n := range g.Nodes {
		n.Mirror(w)
	}
}
func (r *Rect) Mirror(w float64) { r.X = w - r.X - r.W }
func (r *Rects) Mirror(w float64) {
	for i := range r.R {
		r.R[i][0] = w - r.R[i][0] - r.R[i][2]
	}
}
func (p *Path) Mirror(w float64) {
	for i := range p.Cmds {
		for j := range p.Cmds[i].P {
			p.Cmds[i].P[j][0] = w - p.Cmds[i].P[j][0]
		}
	}
}
func (p *Polyline) Mirror(w float64) {
	for i := range p.Pts {
		p.Pts[i][0] = w - p.Pts[i][0]
	}
}
func (l *Line) Mirror(w float64)   { l.X1, l.X2 = w-l.X1, w-l.X2 }
func (c *Circle) Mirror(w float64) { c.CX = w - c.CX }
func (i *Image) Mirror(w float64)  { i.X = w - i.X - i.W }

// Mirror moves the text's anchor to the reflected point and swaps its
// side (a left-aligned title becomes right-aligned); a turned text turns
// the other way.
func (t *Text) Mirror(w float64) {
	t.X = w - t.X
	switch t.Anchor {
	case Start:
		t.Anchor = End
	case End:
		t.Anchor = Start
	}
	t.Rotate = -t.Rotate
	if t.Of != nil {
		t.Of = &[2]float64{w - t.Of[0], t.Of[1]}
	}
}

func (*Group) node()    {}
func (*Rect) node()     {}
func (*Rects) node()    {}
func (*Path) node()     {}
func (*Polyline) node() {}
func (*Line) node()     {}
func (*Circle) node()   {}
func (*Text) node()     {}
func (*Image) node()    {}

// Add appends nodes to the group and returns it.
func (g *Group) Add(n ...Node) *Group {
	g.Nodes = append(g.Nodes, n...)
	return g
}

// Scene is a whole figure.
type Scene struct {
	ID string // the figure id; prefixes the ids of <title> and <desc>
	// IDPrefix goes before every group's id in the SVG, so that SVGs
	// inlined in one page keep ids of their own; "" for ids as drawn.
	IDPrefix      string
	Width, Height float64
	Background    Color // alpha 0 for a transparent background
	Title         string
	Desc          string // the alt text
	Source        string // the source line, for the PNG's metadata
	Software      string // the program and version that drew it
	Lang          string // BCP 47 language of the text, e.g. "en"
	Regular, Bold *font.Face
	FontFallback  string // CSS fallbacks after the family, e.g. "Helvetica, Arial, sans-serif"
	EmbedFonts    bool   // embed the font files in the SVG as @font-face
	// RTL is set on a scene laid out right to left (Mirror): its texts'
	// paragraphs run right to left, and Regular and Bold shape them so.
	RTL  bool
	Root []*Group
	// Plot is the data area, where every data mark belongs, for the
	// layout checker; the writers do not draw it. Zero when unknown.
	Plot Box
}

// Polygons returns the path's closed outlines, in CSS pixels, with its
// curves flattened to 8 segments each, and whether it had curves.
func (p *Path) Polygons() (polys [][][2]float64, curved bool) {
	var cur [][2]float64
	end := func() {
		if len(cur) > 2 {
			polys = append(polys, cur)
		}
		cur = nil
	}
	for _, c := range p.Cmds {
		switch c.Op {
		case 'M':
			end()
			cur = [][2]float64{c.P[0]}
		case 'L':
			cur = append(cur, c.P[0])
		case 'C':
			curved = true
			if len(cur) == 0 {
				continue
			}
			a := cur[len(cur)-1]
			for k := 1; k <= 8; k++ {
				t := float64(k) / 8
				u := 1 - t
				var pt [2]float64
				for d := range pt {
					pt[d] = u*u*u*a[d] + 3*u*u*t*c.P[0][d] + 3*u*t*t*c.P[1][d] + t*t*t*c.P[2][d]
				}
				cur = append(cur, pt)
			}
		case 'Z':
			end()
		}
	}
	end()
	return polys, curved
}

// Walk calls f with every node of the scene that is not a group, in the
// order they are painted.
func (s *Scene) Walk(f func(Node)) {
	var walk func(g *Group)
	walk = func(g *Group) {
		for _, n := range g.Nodes {
			if sub, ok := n.(*Group); ok {
				walk(sub)
			} else {
				f(n)
			}
		}
	}
	for _, g := range s.Root {
		walk(g)
	}
}

// Box is an axis-aligned rectangle in CSS pixels, from (X0, Y0) to (X1, Y1).
type Box struct{ X0, Y0, X1, Y1 float64 }

// Overlaps reports whether two boxes share an area.
func (b Box) Overlaps(o Box) bool {
	return b.X0 < o.X1 && o.X0 < b.X1 && b.Y0 < o.Y1 && o.Y0 < b.Y1
}

// Bounds returns the box a node covers: a shape's extent with half its
// stroke, a group's union (ok is false for an empty group), and a text's
// advance box from 0.8 em above its baseline to 0.25 em below, before
// any rotation.
func (s *Scene) Bounds(n Node) (b Box, ok bool) {
	grow := func(x0, y0, x1, y1 float64) {
		if x0 > x1 {
			x0, x1 = x1, x0
		}
		if y0 > y1 {
			y0, y1 = y1, y0
		}
		if !ok {
			b, ok = Box{x0, y0, x1, y1}, true
			return
		}
		b = Box{math.Min(b.X0, x0), math.Min(b.Y0, y0), math.Max(b.X1, x1), math.Max(b.Y1, y1)}
	}
	switch n := n.(type) {
	case *Group:
		for _, c := range n.Nodes {
			if cb, cok := s.Bounds(c); cok {
				grow(cb.X0, cb.Y0, cb.X1, cb.Y1)
			}
		}
	case *Rect:
		grow(n.X, n.Y, n.X+n.W, n.Y+n.H)
	case *Rects:
		for _, r := range n.R {
			grow(r[0], r[1], r[0]+r[2], r[1]+r[3])
		}
	case *Path:
		for _, c := range n.Cmds {
			k := map[byte]int{'M': 1, 'L': 1, 'C': 3}[c.Op]
			for _, p := range c.P[:k] {
				grow(p[0], p[1], p[0], p[1])
			}
		}
	case *Polyline:
		h := n.Width / 2
		for _, p := range n.Pts {
			grow(p[0]-h, p[1]-h, p[0]+h, p[1]+h)
		}
	case *Line:
		h := n.Width / 2
		grow(math.Min(n.X1, n.X2)-h, math.Min(n.Y1, n.Y2)-h, math.Max(n.X1, n.X2)+h, math.Max(n.Y1, n.Y2)+h)
	case *Circle:
		h := n.R
		if n.Stroke.A != 0 {
			h += n.StrokeWidth / 2
		}
		grow(n.CX-h, n.CY-h, n.CX+h, n.CY+h)
	case *Text:
		x := s.StartX(n)
		grow(x, n.Y-n.Size*0.8, x+s.Face(n).Width(n.S, n.Size), n.Y+n.Size*0.25)
	case *Image:
		grow(n.X, n.Y, n.X+n.W, n.Y+n.H)
	}
	return b, ok
}

// Face returns the face that draws t.
func (s *Scene) Face(t *Text) *font.Face {
	if t.Bold {
		return s.Bold
	}
	return s.Regular
}

// StartX returns the x where t's first glyph starts, after its anchor.
func (s *Scene) StartX(t *Text) float64 {
	switch t.Anchor {
	case Middle:
		return t.X - s.Face(t).Width(t.S, t.Size)/2
	case End:
		return t.X - s.Face(t).Width(t.S, t.Size)
	}
	return t.X
}

// Finite reports an error when a coordinate or size of any node is NaN or
// infinite, naming the node's group; neither writer may draw such a scene,
// which only a layout bug can make.
func (s *Scene) Finite() error {
	fin := func(vs ...float64) bool {
		for _, v := range vs {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return false
			}
		}
		return true
	}
	if !fin(s.Width, s.Height) {
		return fmt.Errorf("the figure's size is not a number")
	}
	var walk func(g *Group) error
	walk = func(g *Group) error {
		for _, n := range g.Nodes {
			ok := true
			switch n := n.(type) {
			case *Group:
				if err := walk(n); err != nil {
					return err
				}
			case *Rect:
				ok = fin(n.X, n.Y, n.W, n.H)
			case *Rects:
				for _, r := range n.R {
					ok = ok && fin(r[:]...)
				}
			case *Path:
				for _, c := range n.Cmds {
					for _, p := range c.P {
						ok = ok && fin(p[:]...)
					}
				}
			case *Polyline:
				for _, p := range n.Pts {
					ok = ok && fin(p[:]...)
				}
				ok = ok && fin(n.Width)
			case *Line:
				ok = fin(n.X1, n.Y1, n.X2, n.Y2, n.Width) && fin(n.Dash...)
			case *Circle:
				ok = fin(n.CX, n.CY, n.R, n.StrokeWidth)
			case *Text:
				ok = fin(n.X, n.Y, n.Size, n.Rotate)
			case *Image:
				ok = fin(n.X, n.Y, n.W, n.H)
			}
			if !ok {
				return fmt.Errorf("a coordinate in the %q layer is not a number", g.ID)
			}
		}
		return nil
	}
	for _, g := range s.Root {
		if err := walk(g); err != nil {
			return err
		}
	}
	return nil
}

// MissingGlyph returns the first text whose face lacks one of its
// characters, with that character; ok is false when every text can be
// drawn. It is the last line of defence against a .notdef box: text is
// checked by its key when it is read, but a figure also draws words and
// separators that no key holds.
func (s *Scene) MissingGlyph() (t *Text, r rune, ok bool) {
	var walk func(g *Group) bool
	walk = func(g *Group) bool {
		for _, n := range g.Nodes {
			switch n := n.(type) {
			case *Group:
				if walk(n) {
					return true
				}
			case *Text:
				if c, missing := s.Face(n).Missing(n.S); missing {
					t, r = n, c
					return true
				}
			}
		}
		return false
	}
	for _, g := range s.Root {
		if walk(g) {
			return t, r, true
		}
	}
	return nil, 0, false
}
