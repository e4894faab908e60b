// Package scene is presschart's display list: a figure laid out once, in
// CSS pixels, as named groups of rectangles, lines, circles and text. The
// SVG and PNG writers both draw the same scene, so the two files of one
// figure agree to the pixel grid.
package scene

import (
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

func (*Group) node()  {}
func (*Rect) node()   {}
func (*Rects) node()  {}
func (*Line) node()   {}
func (*Circle) node() {}
func (*Text) node()   {}

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
