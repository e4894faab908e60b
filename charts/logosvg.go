package charts

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/presschart/presschart/charts/scene"
)

// An SVG logo is drawn into the PNG by this small renderer: the shapes a
// logo is made of (path, rect, circle, ellipse, line, polygon, polyline,
// in groups with transforms) in flat colours with fills, strokes and
// opacity. Anything else (text, images, gradients, CSS, scripts, links)
// is refused by name, with the way out: outline the text, or export the
// logo as a PNG. The SVG output embeds the file as it was given, so only
// files made of these elements, which cannot fetch or run anything, are
// taken.

// logoRasterHeight is the height in pixels an SVG logo is drawn at, once:
// the PNG writer scales it down from there, as it does a PNG logo (the
// largest logo, 120 CSS px at scale 4, is 480 px tall).
const logoRasterHeight = 512

// svgShapes are the elements an SVG logo may hold; svgInert are those
// that draw nothing and are skipped with their content.
var (
	svgShapes = []string{"svg", "g", "path", "rect", "circle", "ellipse", "line", "polygon", "polyline"}
	svgInert  = []string{"title", "desc", "metadata"}
)

// affine is a 2D transform: x' = a x + c y + e, y' = b x + d y + f.
type affine [6]float64

var identity = affine{1, 0, 0, 1, 0, 0}

func (m affine) then(n affine) affine { // n after m
	return affine{
		n[0]*m[0] + n[2]*m[1], n[1]*m[0] + n[3]*m[1],
		n[0]*m[2] + n[2]*m[3], n[1]*m[2] + n[3]*m[3],
		n[0]*m[4] + n[2]*m[5] + n[4], n[1]*m[4] + n[3]*m[5] + n[5],
	}
}

func (m affine) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// svgPaint is the inherited painting state of an element.
type svgPaint struct {
	fill, stroke     scene.Color // alpha 0: none
	width            float64
	opacity          float64
	fillOp, strokeOp float64
	evenOdd          bool
	m                affine
}

// rasterSVG draws an SVG logo, or says what in it cannot be drawn.
func rasterSVG(data []byte) (image.Image, string) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var img *image.RGBA
	var gc *drawing.RasterGraphicContext
	stack := []svgPaint{}
	skip := 0 // depth inside an inert element
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Sprintf("is not a well-formed SVG file (%v)", err)
		}
		switch t := tok.(type) {
		case xml.ProcInst, xml.Comment, xml.Directive:
			if d, ok := t.(xml.Directive); ok && bytes.Contains(bytes.ToUpper(d), []byte("ENTITY")) {
				return nil, "declares XML entities; save it without a DOCTYPE"
			}
		case xml.CharData:
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.StartElement:
			name := t.Name.Local
			if skip > 0 {
				skip++
				continue
			}
			if contains(svgInert, name) {
				skip = 1
				continue
			}
			if !contains(svgShapes, name) {
				return nil, fmt.Sprintf("uses <%s>, which presschart cannot draw into the PNG; convert text to outlines and gradients to flat colours, or export the logo as a PNG", clip(name))
			}
			for _, a := range t.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || a.Name.Local == "href" || a.Name.Local == "style" || a.Name.Local == "class" {
					return nil, fmt.Sprintf("has the attribute %s on <%s>; a logo's shapes take their colours in attributes (fill=\"#c8102e\"), and nothing that links or runs", clip(a.Name.Local), name)
				}
			}
			attr := func(k string) string {
				for _, a := range t.Attr {
					if a.Name.Local == k && a.Name.Space == "" {
						return a.Value
					}
				}
				return ""
			}
			if name == "svg" && img == nil {
				var msg string
				img, gc, msg = svgCanvas(attr("viewBox"), attr("width"), attr("height"))
				if msg != "" {
					return nil, msg
				}
				p := svgPaint{fill: scene.Color{A: 255}, width: 1, opacity: 1, fillOp: 1, strokeOp: 1, m: identity}
				p.m = svgViewport(attr("viewBox"), attr("width"), attr("height"), img.Bounds())
				stack = append(stack, p)
				continue
			}
			if img == nil {
				return nil, "does not start with <svg>"
			}
			if len(stack) == 0 {
				return nil, "has elements after its <svg> element ends"
			}
			p := stack[len(stack)-1]
			if msg := p.inherit(attr); msg != "" {
				return nil, fmt.Sprintf("<%s>: %s", name, msg)
			}
			stack = append(stack, p)
			if name == "g" || name == "svg" {
				continue
			}
			path, msg := svgPath(name, attr, p.m, img.Bounds())
			if msg != "" {
				return nil, fmt.Sprintf("<%s>: %s", name, msg)
			}
			if path == nil {
				continue
			}
			if p.fill.A != 0 && name != "line" {
				c := p.fill
				c.A = uint8(math.Round(float64(c.A) * p.opacity * p.fillOp))
				gc.SetFillColor(drawingColor(c))
				if p.evenOdd {
					gc.SetFillRule(drawing.FillRuleEvenOdd)
				} else {
					gc.SetFillRule(drawing.FillRuleWinding)
				}
				gc.Fill(path.Copy())
			}
			if p.stroke.A != 0 && p.width > 0 {
				c := p.stroke
				c.A = uint8(math.Round(float64(c.A) * p.opacity * p.strokeOp))
				gc.SetStrokeColor(drawingColor(c))
				// No wider than the image: a wider stroke covers it all the
				// same, and costs the rasteriser its square.
				scale := math.Sqrt(math.Abs(p.m[0]*p.m[3] - p.m[1]*p.m[2]))
				b := img.Bounds()
				gc.SetLineWidth(math.Min(p.width*scale, 2*float64(b.Dx()+b.Dy())))
				gc.SetLineCap(drawing.ButtCap)
				gc.SetLineJoin(drawing.MiterJoin)
				gc.Stroke(path)
			}
		}
	}
	if img == nil {
		return nil, "has no <svg> element"
	}
	return img, ""
}

func drawingColor(c scene.Color) drawing.Color { return drawing.Color{R: c.R, G: c.G, B: c.B, A: c.A} }

// svgSize reads the logo's size: its viewBox, else width and height.
func svgSize(viewBox, width, height string) (x, y, w, h float64, ok bool) {
	if f := svgNumbers(viewBox); len(f) == 4 && f[2] > 0 && f[3] > 0 {
		return f[0], f[1], f[2], f[3], true
	}
	w, okW := svgLength(width)
	h, okH := svgLength(height)
	return 0, 0, w, h, okW && okH && w > 0 && h > 0
}

// svgCanvas makes the image a logo is drawn into, logoRasterHeight tall.
func svgCanvas(viewBox, width, height string) (*image.RGBA, *drawing.RasterGraphicContext, string) {
	_, _, w, h, ok := svgSize(viewBox, width, height)
	switch {
	case !ok:
		return nil, nil, "has no size; give the <svg> a viewBox (viewBox=\"0 0 180 48\")"
	case w > maxLogoAspect*h || h > maxLogoAspect*w:
		return nil, nil, fmt.Sprintf("is %gx%g; a logo may be at most %d times as wide as tall, or as tall as wide", w, h, maxLogoAspect)
	}
	ph := logoRasterHeight
	pw := max(1, int(math.Round(float64(ph)*w/h)))
	img := image.NewRGBA(image.Rect(0, 0, pw, ph))
	gc, err := drawing.NewRasterGraphicContext(img)
	if err != nil {
		return nil, nil, err.Error()
	}
	return img, gc, ""
}

// svgViewport maps the logo's user space onto the image.
func svgViewport(viewBox, width, height string, b image.Rectangle) affine {
	x, y, _, h, _ := svgSize(viewBox, width, height)
	k := float64(b.Dy()) / h
	return affine{k, 0, 0, k, -x * k, -y * k}
}

// inherit applies an element's painting attributes.
func (p *svgPaint) inherit(attr func(string) string) string {
	if v := attr("fill"); v != "" {
		c, msg := svgColor(v)
		if msg != "" {
			return "fill " + msg
		}
		p.fill = c
	}
	if v := attr("stroke"); v != "" {
		c, msg := svgColor(v)
		if msg != "" {
			return "stroke " + msg
		}
		p.stroke = c
	}
	for _, o := range []struct {
		key string
		dst *float64
	}{{"opacity", &p.opacity}, {"fill-opacity", &p.fillOp}, {"stroke-opacity", &p.strokeOp}, {"stroke-width", &p.width}} {
		if v := attr(o.key); v != "" {
			f, ok := svgLength(v)
			if !ok || f < 0 {
				return fmt.Sprintf("%s %q is not a number", o.key, clip(v))
			}
			if o.key != "stroke-width" {
				f = math.Min(f, 1) * (*o.dst)
			}
			*o.dst = f
		}
	}
	if v := attr("fill-rule"); v != "" {
		p.evenOdd = v == "evenodd"
	}
	if v := attr("transform"); v != "" {
		m, msg := svgTransform(v)
		if msg != "" {
			return msg
		}
		p.m = m.then(p.m)
	}
	return ""
}

// svgColors are the colour names a logo may use besides #rgb and #rrggbb.
var svgColors = map[string]string{"black": "#000000", "white": "#ffffff", "red": "#ff0000", "green": "#008000", "blue": "#0000ff",
	"yellow": "#ffff00", "gray": "#808080", "grey": "#808080", "currentColor": "#000000"}

func svgColor(v string) (scene.Color, string) {
	v = strings.TrimSpace(v)
	if v == "none" || v == "transparent" {
		return scene.Color{}, ""
	}
	if hex, ok := svgColors[v]; ok {
		v = hex
	}
	c, ok := parseColor(v)
	if !ok {
		return scene.Color{}, fmt.Sprintf("%q is not a flat colour presschart can draw (use #rrggbb)", clip(v))
	}
	return c, ""
}

// svgLength reads a number, in px or without a unit.
func svgLength(v string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), "px"), 64)
	return f, err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) && math.Abs(f) < 1e6
}

// svgNumbers reads a list of numbers separated by spaces or commas.
func svgNumbers(v string) []float64 {
	var out []float64
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
		x, ok := svgLength(f)
		if !ok {
			return nil
		}
		out = append(out, x)
	}
	return out
}

// svgTransform reads a transform list: matrix, translate, scale, rotate,
// skewX, skewY.
func svgTransform(v string) (affine, string) {
	m := identity
	rest := strings.TrimSpace(v)
	for rest != "" {
		open := strings.IndexByte(rest, '(')
		end := strings.IndexByte(rest, ')')
		if open < 0 || end < open {
			return m, fmt.Sprintf("transform %q cannot be read", clip(v))
		}
		name := strings.TrimSpace(strings.Trim(rest[:open], ", "))
		args := svgNumbers(rest[open+1 : end])
		rest = strings.TrimSpace(strings.TrimLeft(rest[end+1:], ", "))
		var t affine
		switch {
		case name == "matrix" && len(args) == 6:
			t = affine{args[0], args[1], args[2], args[3], args[4], args[5]}
		case name == "translate" && (len(args) == 1 || len(args) == 2):
			t = identity
			t[4] = args[0]
			if len(args) == 2 {
				t[5] = args[1]
			}
		case name == "scale" && (len(args) == 1 || len(args) == 2):
			sy := args[0]
			if len(args) == 2 {
				sy = args[1]
			}
			t = affine{args[0], 0, 0, sy, 0, 0}
		case name == "rotate" && (len(args) == 1 || len(args) == 3):
			a := args[0] * math.Pi / 180
			t = affine{math.Cos(a), math.Sin(a), -math.Sin(a), math.Cos(a), 0, 0}
			if len(args) == 3 {
				t = affine{1, 0, 0, 1, -args[1], -args[2]}.then(t).then(affine{1, 0, 0, 1, args[1], args[2]})
			}
		case name == "skewX" && len(args) == 1:
			t = affine{1, 0, math.Tan(args[0] * math.Pi / 180), 1, 0, 0}
		case name == "skewY" && len(args) == 1:
			t = affine{1, math.Tan(args[0] * math.Pi / 180), 0, 1, 0, 0}
		default:
			return m, fmt.Sprintf("transform %q cannot be read", clip(v))
		}
		m = t.then(m) // the list applies right to left
	}
	return m, ""
}

// svgPath is an element's outline in image pixels, or nil when it draws
// nothing (a zero-sized rect).
func svgPath(name string, attr func(string) string, m affine, canvas image.Rectangle) (*drawing.Path, string) {
	num := func(k string) float64 {
		f, _ := svgLength(attr(k))
		return f
	}
	// A point far outside the image costs the rasteriser a cell for
	// every pixel of every edge that reaches it, and curves through it
	// are cut into as many pieces: a logo whose shapes reach past eight
	// times its size is refused, not drawn for minutes.
	lim := 8 * float64(canvas.Dx()+canvas.Dy())
	b := &pathBuilder{p: &drawing.Path{}, m: m, lim: lim}
	switch name {
	case "path":
		if msg := b.data(attr("d")); msg != "" {
			return nil, msg
		}
	case "rect":
		x, y, w, h := num("x"), num("y"), num("width"), num("height")
		if w <= 0 || h <= 0 {
			return nil, ""
		}
		rx, ry := num("rx"), num("ry")
		if rx == 0 {
			rx = ry
		}
		if ry == 0 {
			ry = rx
		}
		rx, ry = math.Min(rx, w/2), math.Min(ry, h/2)
		b.move(x+rx, y)
		b.line(x+w-rx, y)
		b.arc(rx, ry, 0, false, true, x+w, y+ry)
		b.line(x+w, y+h-ry)
		b.arc(rx, ry, 0, false, true, x+w-rx, y+h)
		b.line(x+rx, y+h)
		b.arc(rx, ry, 0, false, true, x, y+h-ry)
		b.line(x, y+ry)
		b.arc(rx, ry, 0, false, true, x+rx, y)
		b.close()
	case "circle", "ellipse":
		cx, cy := num("cx"), num("cy")
		rx, ry := num("r"), num("r")
		if name == "ellipse" {
			rx, ry = num("rx"), num("ry")
		}
		if rx <= 0 || ry <= 0 {
			return nil, ""
		}
		b.move(cx+rx, cy)
		b.arc(rx, ry, 0, false, true, cx-rx, cy)
		b.arc(rx, ry, 0, false, true, cx+rx, cy)
		b.close()
	case "line":
		b.move(num("x1"), num("y1"))
		b.line(num("x2"), num("y2"))
	case "polygon", "polyline":
		pts := svgNumbers(attr("points"))
		if len(pts) < 4 || len(pts)%2 != 0 {
			return nil, "points must be pairs of numbers"
		}
		b.move(pts[0], pts[1])
		for i := 2; i < len(pts); i += 2 {
			b.line(pts[i], pts[i+1])
		}
		if name == "polygon" {
			b.close()
		}
	}
	if b.far {
		return nil, "reaches far outside the logo's viewBox (its coordinates are more than eight times its size away); crop the logo to its shapes"
	}
	return b.p, ""
}

// pathBuilder draws SVG path commands into a drawing.Path through a
// transform, remembering the current point in user space.
type pathBuilder struct {
	p            *drawing.Path
	m            affine
	x, y, sx, sy float64 // the current and the subpath's start point
	cx, cy       float64 // the last control point, for S and T
	segments     int
	lim          float64 // the farthest a point may be from the image, in pixels
	far          bool    // a point was farther
}

// dev is the point (x, y) in image pixels.
func (b *pathBuilder) dev(x, y float64) (float64, float64) {
	dx, dy := b.m.apply(x, y)
	if !(math.Abs(dx) <= b.lim && math.Abs(dy) <= b.lim) {
		b.far = true
	}
	return dx, dy
}

func (b *pathBuilder) move(x, y float64) {
	b.p.MoveTo(b.dev(x, y))
	b.x, b.y, b.sx, b.sy, b.cx, b.cy = x, y, x, y, x, y
}

func (b *pathBuilder) line(x, y float64) {
	b.p.LineTo(b.dev(x, y))
	b.x, b.y, b.cx, b.cy = x, y, x, y
}

func (b *pathBuilder) cubic(x1, y1, x2, y2, x, y float64) {
	ax, ay := b.dev(x1, y1)
	bx, by := b.dev(x2, y2)
	ex, ey := b.dev(x, y)
	b.p.CubicCurveTo(ax, ay, bx, by, ex, ey)
	b.x, b.y, b.cx, b.cy = x, y, x2, y2
}

func (b *pathBuilder) quad(x1, y1, x, y float64) {
	ax, ay := b.dev(x1, y1)
	ex, ey := b.dev(x, y)
	b.p.QuadCurveTo(ax, ay, ex, ey)
	b.x, b.y, b.cx, b.cy = x, y, x1, y1
}

func (b *pathBuilder) close() {
	b.p.Close()
	b.x, b.y, b.cx, b.cy = b.sx, b.sy, b.sx, b.sy
}

// arc draws an SVG elliptical arc to (x, y) as cubic Béziers of at most
// a quarter turn each (SVG 1.1, appendix F.6).
func (b *pathBuilder) arc(rx, ry, angle float64, large, sweep bool, x, y float64) {
	x0, y0 := b.x, b.y
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 || x0 == x && y0 == y {
		b.line(x, y)
		return
	}
	phi := angle * math.Pi / 180
	cos, sin := math.Cos(phi), math.Sin(phi)
	dx, dy := (x0-x)/2, (y0-y)/2
	x1 := cos*dx + sin*dy
	y1 := -sin*dx + cos*dy
	if l := x1*x1/(rx*rx) + y1*y1/(ry*ry); l > 1 {
		rx, ry = rx*math.Sqrt(l), ry*math.Sqrt(l)
	}
	num := rx*rx*ry*ry - rx*rx*y1*y1 - ry*ry*x1*x1
	den := rx*rx*y1*y1 + ry*ry*x1*x1
	k := math.Sqrt(math.Max(0, num/den))
	if large == sweep {
		k = -k
	}
	cxp, cyp := k*rx*y1/ry, -k*ry*x1/rx
	cx := cos*cxp - sin*cyp + (x0+x)/2
	cy := sin*cxp + cos*cyp + (y0+y)/2
	ang := func(ux, uy, vx, vy float64) float64 {
		return math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy)
	}
	t1 := ang(1, 0, (x1-cxp)/rx, (y1-cyp)/ry)
	dt := ang((x1-cxp)/rx, (y1-cyp)/ry, (-x1-cxp)/rx, (-y1-cyp)/ry)
	switch {
	case !sweep && dt > 0:
		dt -= 2 * math.Pi
	case sweep && dt < 0:
		dt += 2 * math.Pi
	}
	n := int(math.Ceil(math.Abs(dt) / (math.Pi / 2)))
	step := dt / float64(n)
	kappa := 4.0 / 3 * math.Tan(step/4)
	point := func(t float64) (float64, float64) {
		px, py := rx*math.Cos(t), ry*math.Sin(t)
		return cos*px - sin*py + cx, sin*px + cos*py + cy
	}
	deriv := func(t float64) (float64, float64) {
		px, py := -rx*math.Sin(t), ry*math.Cos(t)
		return cos*px - sin*py, sin*px + cos*py
	}
	for i := 0; i < n; i++ {
		a, z := t1+float64(i)*step, t1+float64(i+1)*step
		ax, ay := point(a)
		zx, zy := point(z)
		dax, day := deriv(a)
		dzx, dzy := deriv(z)
		if i == n-1 {
			zx, zy = x, y
		}
		b.cubic(ax+kappa*dax, ay+kappa*day, zx-kappa*dzx, zy-kappa*dzy, zx, zy)
	}
}

// maxPathSegments bounds the work one logo's path data may ask for.
const maxPathSegments = 200_000

// data draws SVG path data: M L H V C S Q T A Z, absolute and relative.
func (b *pathBuilder) data(d string) string {
	s := svgScanner{s: d}
	cmd := byte(0)
	for {
		s.space()
		if s.done() {
			return ""
		}
		if c := s.s[s.i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			cmd = c
			s.i++
		} else if cmd == 0 {
			return fmt.Sprintf("path data %q does not start with a command", clip(d))
		}
		b.segments++
		if b.segments > maxPathSegments {
			return fmt.Sprintf("path data has more than %d segments", maxPathSegments)
		}
		rel := cmd >= 'a'
		ox, oy := 0.0, 0.0
		if rel {
			ox, oy = b.x, b.y
		}
		nums := func(n int) ([]float64, bool) {
			out := make([]float64, n)
			for i := range out {
				f, ok := s.number()
				if !ok {
					return nil, false
				}
				out[i] = f
			}
			return out, true
		}
		bad := fmt.Sprintf("path data %q cannot be read", clip(d))
		switch cmd | 0x20 { // lower case
		case 'z':
			b.close()
			cmd = 0
			s.space()
			if !s.done() {
				if c := s.s[s.i]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
					return bad
				}
			}
		case 'm':
			v, ok := nums(2)
			if !ok {
				return bad
			}
			b.move(ox+v[0], oy+v[1])
			cmd = map[bool]byte{true: 'l', false: 'L'}[rel] // further pairs are lines
		case 'l':
			v, ok := nums(2)
			if !ok {
				return bad
			}
			b.line(ox+v[0], oy+v[1])
		case 'h':
			v, ok := nums(1)
			if !ok {
				return bad
			}
			b.line(ox+v[0], b.y)
		case 'v':
			v, ok := nums(1)
			if !ok {
				return bad
			}
			if rel {
				b.line(b.x, b.y+v[0])
			} else {
				b.line(b.x, v[0])
			}
		case 'c':
			v, ok := nums(6)
			if !ok {
				return bad
			}
			b.cubic(ox+v[0], oy+v[1], ox+v[2], oy+v[3], ox+v[4], oy+v[5])
		case 's':
			v, ok := nums(4)
			if !ok {
				return bad
			}
			b.cubic(2*b.x-b.cx, 2*b.y-b.cy, ox+v[0], oy+v[1], ox+v[2], oy+v[3])
		case 'q':
			v, ok := nums(4)
			if !ok {
				return bad
			}
			b.quad(ox+v[0], oy+v[1], ox+v[2], oy+v[3])
		case 't':
			v, ok := nums(2)
			if !ok {
				return bad
			}
			b.quad(2*b.x-b.cx, 2*b.y-b.cy, ox+v[0], oy+v[1])
		case 'a':
			v, ok := nums(3)
			if !ok {
				return bad
			}
			large, ok1 := s.flag()
			sweep, ok2 := s.flag()
			e, ok3 := nums(2)
			if !ok1 || !ok2 || !ok3 {
				return bad
			}
			b.arc(v[0], v[1], v[2], large, sweep, ox+e[0], oy+e[1])
		default:
			return fmt.Sprintf("path data uses the command %q, which SVG does not have", string(cmd))
		}
	}
}

// svgScanner reads numbers and flags from path data.
type svgScanner struct {
	s string
	i int
}

func (s *svgScanner) done() bool { return s.i >= len(s.s) }

func (s *svgScanner) space() {
	for s.i < len(s.s) && strings.ContainsRune(" \t\r\n,", rune(s.s[s.i])) {
		s.i++
	}
}

func (s *svgScanner) number() (float64, bool) {
	s.space()
	j := s.i
	if j < len(s.s) && (s.s[j] == '-' || s.s[j] == '+') {
		j++
	}
	digits, dot := false, false
	for j < len(s.s) && (s.s[j] >= '0' && s.s[j] <= '9' || s.s[j] == '.' && !dot) {
		digits = digits || s.s[j] != '.'
		dot = dot || s.s[j] == '.'
		j++
	}
	if j < len(s.s) && (s.s[j] == 'e' || s.s[j] == 'E') && digits {
		k := j + 1
		if k < len(s.s) && (s.s[k] == '-' || s.s[k] == '+') {
			k++
		}
		if k < len(s.s) && s.s[k] >= '0' && s.s[k] <= '9' {
			for k < len(s.s) && s.s[k] >= '0' && s.s[k] <= '9' {
				k++
			}
			j = k
		}
	}
	if !digits {
		return 0, false
	}
	f, ok := svgLength(s.s[s.i:j])
	s.i = j
	return f, ok
}

func (s *svgScanner) flag() (bool, bool) {
	s.space()
	if s.i < len(s.s) && (s.s[s.i] == '0' || s.s[s.i] == '1') {
		s.i++
		return s.s[s.i-1] == '1', true
	}
	return false, false
}
