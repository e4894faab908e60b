// Package scene is presschart's display list: a figure laid out once, in
// CSS pixels, as named groups of rectangles, lines, circles and text. The
// SVG and PNG writers both draw the same scene, so the two files of one
// figure agree to the pixel grid.
package scene

import (
	"fmt"
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"presschart/charts/font"
)

// Color is an sRGB colour with alpha (go-chart's drawing.Color).
type Color = drawing.Color

// Anchor says which end of a text its x coordinate marks.
type Anchor int

// Text anchors, as in SVG's text-anchor.
const (
	Start Anchor = iota
	Middle
	End
)

// Node is one element of a scene: *Group, *Rect, *Line, *Circle or *Text.
type Node interface{ node() }

// Group is a named layer; Illustrator and Figma show it as one.
type Group struct {
	ID    string // unique in the scene, e.g. "title", "series-1"; may be empty
	Class string // CSS class, e.g. "pc-title"
	Nodes []Node
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
}

func (*Group) node()    {}
func (*Rect) node()     {}
func (*Rects) node()    {}
func (*Path) node()     {}
func (*Polyline) node() {}
func (*Line) node()     {}
func (*Circle) node()   {}
func (*Text) node()     {}

// Add appends nodes to the group and returns it.
func (g *Group) Add(n ...Node) *Group {
	g.Nodes = append(g.Nodes, n...)
	return g
}

// Scene is a whole figure.
type Scene struct {
	ID            string // the figure id; prefixes the ids of <title> and <desc>
	Width, Height float64
	Background    Color // alpha 0 for a transparent background
	Title         string
	Desc          string // the alt text
	Lang          string // BCP 47 language of the text, e.g. "en"
	Regular, Bold *font.Face
	FontFallback  string // CSS fallbacks after the family, e.g. "Helvetica, Arial, sans-serif"
	EmbedFonts    bool   // embed the font files in the SVG as @font-face
	Root          []*Group
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
