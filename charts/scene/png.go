package scene

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"strings"
	"unsafe"

	"github.com/golang/freetype/raster"
	"github.com/wcharczuk/go-chart/v2/drawing"
	xdraw "golang.org/x/image/draw"

	"github.com/presschart/presschart/charts/font"
)

// Raster draws the scene at scale pixels per CSS pixel, with go-chart's
// anti-aliasing rasteriser. Text is filled from the same glyph outlines and
// advances that the layout measured.
func (s *Scene) Raster(scale float64) *image.RGBA {
	c := s.raster(scale)
	c.touch(0, c.img.Rect.Dy())
	img := *c.img
	img.Pix = bytes.Clone(c.img.Pix)
	putBuf(c.img.Pix)
	return &img
}

// raster draws the scene into a canvas whose rows still blank are left
// unwritten: a third of a chart's rows are background only, and neither
// filling them nor reading them back is needed to write the PNG.
func (s *Scene) raster(scale float64) *canvas {
	w := int(math.Round(s.Width * scale))
	h := int(math.Round(s.Height * scale))
	// An opaque background is filled row by row as drawing reaches each
	// row: the buffer need not be cleared first.
	lazy := s.Background.A == 255
	img := &image.RGBA{Pix: getBuf(4*w*h, !lazy), Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
	c := &canvas{img: img, ready: make([]bool, h), bg: [4]byte{s.Background.R, s.Background.G, s.Background.B, 255}}
	if !lazy {
		if s.Background.A != 0 {
			draw.Draw(img, img.Bounds(), image.NewUniform(s.Background), image.Point{}, draw.Src)
		}
		for y := range c.ready {
			c.ready[y] = true
		}
	}
	steps, levels := precision(scale)
	painter := &quantPainter{RGBAPainter: raster.NewRGBAPainter(img), levels: uint32(levels), c: c}
	gc := drawing.NewRasterGraphicContextWithPainter(img, painter)
	r := &rasterizer{s: s, gc: gc, c: c, img: img, k: scale, steps: steps, levels: levels}
	for _, g := range s.Root {
		r.group(g)
	}
	return c
}

// canvas is an image being drawn and which of its rows hold their
// background yet; every write to the image touches its rows first.
type canvas struct {
	img   *image.RGBA
	ready []bool
	bg    [4]byte
}

// touch fills rows y0 to y1 (exclusive) with the background where they
// are not filled yet.
func (c *canvas) touch(y0, y1 int) {
	y0, y1 = max(y0, 0), min(y1, len(c.ready))
	for y := y0; y < y1; y++ {
		if c.ready[y] {
			continue
		}
		row := c.img.Pix[y*c.img.Stride : y*c.img.Stride+4*c.img.Rect.Dx()]
		if len(row) > 0 {
			copy(row, c.bg[:])
			for n := 4; n < len(row); n *= 2 {
				copy(row[n:], row[:n])
			}
		}
		c.ready[y] = true
	}
}

type rasterizer struct {
	s   *Scene
	gc  *drawing.RasterGraphicContext
	c   *canvas
	img *image.RGBA
	k   float64
	// glyph origins to 1/steps of a pixel, coverage to levels steps
	steps, levels int
}

// precision is how finely the PNG places glyph origins (steps per device
// pixel) and grades anti-aliased edges (levels of coverage) at a scale.
// Few levels keep a figure within a 256-colour palette: a third of the
// bytes of true colour. At 1x a device pixel is a CSS pixel: quarter-pixel
// origins and 8 levels. From 2x a CSS pixel is four device pixels or more,
// and whole-pixel origins (half a CSS pixel at 2x) with 4 levels (16 per
// CSS pixel) cannot be told from finer ones at reading size, side by side;
// the same glyph then draws the same bytes wherever it falls, which the
// compressor finds again: the story's PNGs are a sixth smaller.
func precision(scale float64) (steps, levels int) {
	if scale >= 2 {
		return 1, 4
	}
	return 4, 8
}

// quantPainter rounds the rasteriser's coverage to a few levels.
type quantPainter struct {
	*raster.RGBAPainter
	levels uint32
	c      *canvas
	solid  [4]byte // the colour, when it is opaque
	opaque bool
}

// SetColor sets the colour to paint with.
func (q *quantPainter) SetColor(c color.Color) {
	q.RGBAPainter.SetColor(c)
	r, g, b, a := c.RGBA()
	q.opaque = a == 0xffff
	q.solid = [4]byte{byte(r >> 8), byte(g >> 8), byte(b >> 8), 0xff}
}

// Paint rounds the coverage and paints; fully covered runs of an opaque
// colour, the inside of every shape, are copied rather than blended.
func (q *quantPainter) Paint(ss []raster.Span, done bool) {
	rest := ss[:0]
	for _, sp := range ss {
		q.c.touch(sp.Y, sp.Y+1)
		sp.Alpha = (sp.Alpha*q.levels + 0x7fff) / 0xffff * 0xffff / q.levels
		if q.opaque && sp.Alpha == 0xffff {
			img := q.c.img
			b := img.Bounds()
			x0, x1 := max(sp.X0, b.Min.X), min(sp.X1, b.Max.X)
			if sp.Y >= b.Min.Y && sp.Y < b.Max.Y && x0 < x1 {
				row := img.Pix[img.PixOffset(x0, sp.Y):img.PixOffset(x1, sp.Y)]
				for i := 0; i < len(row); i += 4 {
					copy(row[i:i+4], q.solid[:])
				}
			}
			continue
		}
		rest = append(rest, sp)
	}
	q.RGBAPainter.Paint(rest, done)
}

// pixelAligned reports whether v lies on a device pixel boundary.
func pixelAligned(v float64) bool { return math.Abs(v-math.Round(v)) < 1e-9 }

// fillRect fills an axis-aligned rectangle. One whose edges lie on pixel
// boundaries is filled directly, which is what the rasteriser would
// draw, only faster.
func (r *rasterizer) fillRect(x0, y0, x1, y1 float64, c Color) {
	if c.A == 0 || x1 <= x0 || y1 <= y0 {
		return
	}
	if pixelAligned(x0) && pixelAligned(y0) && pixelAligned(x1) && pixelAligned(y1) {
		rect := image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1)))
		op := draw.Over
		if c.A == 255 {
			op = draw.Src
		}
		r.c.touch(rect.Min.Y, rect.Max.Y)
		draw.Draw(r.img, rect, image.NewUniform(c), image.Point{}, op)
		return
	}
	p := &drawing.Path{}
	p.MoveTo(x0, y0)
	p.LineTo(x1, y0)
	p.LineTo(x1, y1)
	p.LineTo(x0, y1)
	p.Close()
	r.fill(p, c)
}

// scaled is a font.Pen that rotates points about (ox, oy) and multiplies
// them by k into a drawing.Path.
type scaled struct {
	done     func() // called after each glyph
	p        *drawing.Path
	k        float64
	ox, oy   float64
	cos, sin float64
	rotated  bool
}

func newScaled(p *drawing.Path, k float64, t *Text) scaled {
	s := scaled{p: p, k: k, ox: t.X, oy: t.Y, cos: 1}
	if t.Rotate != 0 {
		a := t.Rotate * math.Pi / 180
		s.cos, s.sin, s.rotated = math.Cos(a), math.Sin(a), true
	}
	return s
}

func (p scaled) pt(x, y float64) (float64, float64) {
	if p.rotated {
		dx, dy := x-p.ox, y-p.oy
		x, y = p.ox+dx*p.cos-dy*p.sin, p.oy+dx*p.sin+dy*p.cos
	}
	return x * p.k, y * p.k
}

func (p scaled) MoveTo(x, y float64) { p.p.MoveTo(p.pt(x, y)) }
func (p scaled) LineTo(x, y float64) { p.p.LineTo(p.pt(x, y)) }
func (p scaled) QuadCurveTo(cx, cy, x, y float64) {
	cx, cy = p.pt(cx, cy)
	x, y = p.pt(x, y)
	p.p.QuadCurveTo(cx, cy, x, y)
}
func (p scaled) CubicCurveTo(c1x, c1y, c2x, c2y, x, y float64) {
	c1x, c1y = p.pt(c1x, c1y)
	c2x, c2y = p.pt(c2x, c2y)
	x, y = p.pt(x, y)
	p.p.CubicCurveTo(c1x, c1y, c2x, c2y, x, y)
}
func (p scaled) Close() { p.p.Close() }

// GlyphDone fills the glyph drawn so far.
func (p scaled) GlyphDone() {
	if p.done != nil {
		p.done()
	}
}

func (r *rasterizer) fill(p *drawing.Path, c Color) {
	r.fillRule(p, c, drawing.FillRuleWinding)
}

func (r *rasterizer) fillRule(p *drawing.Path, c Color, rule drawing.FillRule) {
	if c.A == 0 {
		return
	}
	r.gc.SetFillRule(rule)
	r.gc.SetFillColor(c.drawing())
	r.gc.Fill(p)
}

func (r *rasterizer) group(g *Group) {
	k := r.k
	for _, n := range g.Nodes {
		switch n := n.(type) {
		case *Group:
			r.group(n)
		case *Rect:
			if n.W <= 0 || n.H <= 0 {
				continue
			}
			r.fillRect(n.X*k, n.Y*k, (n.X+n.W)*k, (n.Y+n.H)*k, n.Fill)
		case *Path:
			if polys, curved := n.Polygons(); !curved && len(n.Cmds) > 128 {
				for _, poly := range polys {
					for i := range poly {
						poly[i] = [2]float64{poly[i][0] * k, poly[i][1] * k}
					}
				}
				r.fillSlabs(polys, n.Fill, n.rule())
				continue
			}
			dp := &drawing.Path{}
			for _, c := range n.Cmds {
				switch c.Op {
				case 'M':
					dp.MoveTo(c.P[0][0]*k, c.P[0][1]*k)
				case 'L':
					dp.LineTo(c.P[0][0]*k, c.P[0][1]*k)
				case 'C':
					dp.CubicCurveTo(c.P[0][0]*k, c.P[0][1]*k, c.P[1][0]*k, c.P[1][1]*k, c.P[2][0]*k, c.P[2][1]*k)
				case 'Z':
					dp.Close()
				}
			}
			r.fillRule(dp, n.Fill, n.rule())
		case *Polyline:
			if len(n.Pts) < 2 || n.Stroke.A == 0 {
				continue
			}
			r.gc.SetStrokeColor(n.Stroke.drawing())
			r.gc.SetLineWidth(n.Width * k)
			r.gc.SetLineCap(drawing.RoundCap)
			r.gc.SetLineJoin(drawing.RoundJoin)
			r.gc.SetLineDash(nil, 0)
			// Stroked in pieces of a few segments: the rasteriser keeps a
			// list of cells per scanline, so a line whose thousands of
			// segments all cross the same rows would cost their square.
			// Pieces share their end points; an opaque line drawn over
			// itself there looks the same.
			const piece = 24
			for i := 0; i < len(n.Pts)-1; i += piece {
				end := min(i+piece, len(n.Pts)-1)
				dp := &drawing.Path{}
				dp.MoveTo(n.Pts[i][0]*k, n.Pts[i][1]*k)
				for _, pt := range n.Pts[i+1 : end+1] {
					dp.LineTo(pt[0]*k, pt[1]*k)
				}
				r.gc.Stroke(dp)
			}
		case *Rects:
			for _, q := range n.R {
				r.fillRect(q[0]*k, q[1]*k, (q[0]+q[2])*k, (q[1]+q[3])*k, n.Fill)
			}
		case *Line:
			if n.Stroke.A == 0 || n.Width <= 0 {
				continue
			}
			// A solid horizontal or vertical line is a thin rectangle.
			if len(n.Dash) == 0 && (n.X1 == n.X2 || n.Y1 == n.Y2) {
				h := n.Width / 2
				x0, x1 := math.Min(n.X1, n.X2), math.Max(n.X1, n.X2)
				y0, y1 := math.Min(n.Y1, n.Y2), math.Max(n.Y1, n.Y2)
				if n.X1 == n.X2 {
					x0, x1 = x0-h, x1+h
				} else {
					y0, y1 = y0-h, y1+h
				}
				r.fillRect(x0*k, y0*k, x1*k, y1*k, n.Stroke)
				continue
			}
			p := &drawing.Path{}
			p.MoveTo(n.X1*k, n.Y1*k)
			p.LineTo(n.X2*k, n.Y2*k)
			r.gc.SetStrokeColor(n.Stroke.drawing())
			r.gc.SetLineWidth(n.Width * k)
			r.gc.SetLineCap(drawing.ButtCap)
			if len(n.Dash) > 0 {
				d := make([]float64, len(n.Dash))
				for i, v := range n.Dash {
					d[i] = v * k
				}
				r.gc.SetLineDash(d, 0)
			} else {
				r.gc.SetLineDash(nil, 0)
			}
			r.gc.Stroke(p)
		case *Circle:
			p := &drawing.Path{}
			p.ArcTo(n.CX*k, n.CY*k, n.R*k, n.R*k, 0, 2*math.Pi)
			p.Close()
			r.fill(p, n.Fill)
			if n.Stroke.A != 0 && n.StrokeWidth > 0 {
				p := &drawing.Path{}
				p.ArcTo(n.CX*k, n.CY*k, n.R*k, n.R*k, 0, 2*math.Pi)
				p.Close()
				r.gc.SetStrokeColor(n.Stroke.drawing())
				r.gc.SetLineWidth(n.StrokeWidth * k)
				r.gc.SetLineDash(nil, 0)
				r.gc.Stroke(p)
			}
		case *Image:
			// Resampled to its box in device pixels (Catmull-Rom, as a
			// picture editor scales a logo down), then laid over.
			b := image.Rect(int(math.Round(n.X*k)), int(math.Round(n.Y*k)), int(math.Round((n.X+n.W)*k)), int(math.Round((n.Y+n.H)*k)))
			if b.Empty() || n.Img == nil {
				continue
			}
			scaled := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
			xdraw.CatmullRom.Scale(scaled, scaled.Bounds(), n.Img, n.Img.Bounds(), xdraw.Src, nil)
			r.c.touch(b.Min.Y, b.Max.Y)
			draw.Draw(r.img, b, scaled, image.Point{}, draw.Over)
		case *Text:
			if n.Fill.A == 0 {
				continue
			}
			if n.Rotate == 0 {
				src := image.NewUniform(n.Fill)
				face := r.s.Face(n)
				face.Masks(n.S, r.s.StartX(n)*k, n.Y*k, n.Size*k, r.steps, r.levels, func(m *font.Mask, px, py int) {
					b := m.Img.Bounds().Add(image.Pt(px+m.DX, py+m.DY))
					r.c.touch(b.Min.Y, b.Max.Y)
					draw.DrawMask(r.img, b, src, image.Point{}, m.Img, image.Point{}, draw.Over)
				})
				continue
			}
			p := &drawing.Path{}
			pen := newScaled(p, k, n)
			pen.done = func() {
				if !p.IsEmpty() {
					r.fill(p, n.Fill)
					p.Clear()
				}
			}
			r.s.Face(n).Outline(pen, n.S, r.s.StartX(n), n.Y, n.Size)
		}
	}
}

// drawing is the colour as go-chart's rasteriser takes it.
func (c Color) drawing() drawing.Color { return drawing.Color{R: c.R, G: c.G, B: c.B, A: c.A} }

// WritePNG encodes the scene at the given scale: width*scale by
// height*scale pixels, a pHYs chunk of 72 dpi times scale, tEXt chunks of
// the scene's title, description (its alt text), source and software, and
// no timestamp. A figure of 256 colours or fewer (every chart
// presschart draws, in practice) is written with a palette and
// compressed by zlibRows (deflate.go); others fall back to image/png.
func (s *Scene) WritePNG(w io.Writer, scale float64) error {
	c := s.raster(scale)
	img := c.img
	defer putBuf(img.Pix)
	var buf bytes.Buffer
	buf.Grow(len(img.Pix)/64 + 4096) // most figures fit
	if p, ok := paletted(c); ok {
		err := encodePaletted(&buf, p)
		putBuf(p.rows)
		if err != nil {
			return err
		}
	} else {
		c.touch(0, img.Rect.Dy())
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, img); err != nil {
			return err
		}
	}
	b := buf.Bytes()
	// The signature (8 bytes) and IHDR (8+13+4 bytes) come first; our chunks
	// go right after IHDR.
	const ihdrEnd = 8 + 25
	if _, err := w.Write(b[:ihdrEnd]); err != nil {
		return err
	}
	dpm := uint32(math.Round(72 * scale / 0.0254))
	phys := make([]byte, 9)
	binary.BigEndian.PutUint32(phys[0:], dpm)
	binary.BigEndian.PutUint32(phys[4:], dpm)
	phys[8] = 1 // unit: metre
	if err := chunk(w, "pHYs", phys); err != nil {
		return err
	}
	for _, kv := range [][2]string{{"Title", s.Title}, {"Description", s.Desc}, {"Source", s.Source}, {"Software", s.Software}} {
		if kv[1] == "" {
			continue
		}
		// tEXt holds Latin-1; text beyond it (Cyrillic, Greek) goes into
		// an iTXt chunk as UTF-8, uncompressed.
		typ, data := "tEXt", append([]byte(kv[0]+"\x00"), latin1(kv[1])...)
		if !isLatin1(kv[1]) {
			typ, data = "iTXt", append([]byte(kv[0]+"\x00\x00\x00\x00\x00"), kv[1]...)
		}
		if err := chunk(w, typ, data); err != nil {
			return err
		}
	}
	_, err := w.Write(b[ihdrEnd:])
	return err
}

// encodePaletted writes an 8-bit indexed PNG: IHDR, PLTE, tRNS when a
// colour is not opaque, one IDAT of unfiltered rows, IEND. Unfiltered rows
// are what the PNG specification recommends for indexed images.
func encodePaletted(w io.Writer, p *indexed) error {
	width, height := p.Bounds().Dx(), p.Bounds().Dy()
	if _, err := w.Write([]byte("\x89PNG\r\n\x1a\n")); err != nil {
		return err
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 3 // bit depth 8, colour type 3 (indexed)
	if err := chunk(w, "IHDR", ihdr); err != nil {
		return err
	}
	plte := make([]byte, 0, 3*len(p.Palette))
	trns := make([]byte, 0, len(p.Palette))
	opaque := true
	for _, c := range p.Palette {
		n := color.NRGBAModel.Convert(c).(color.NRGBA)
		plte = append(plte, n.R, n.G, n.B)
		trns = append(trns, n.A)
		opaque = opaque && n.A == 255
	}
	if err := chunk(w, "PLTE", plte); err != nil {
		return err
	}
	if !opaque {
		if err := chunk(w, "tRNS", trns); err != nil {
			return err
		}
	}
	idat := zlibRows(make([]byte, 0, len(p.rows)/16+1024), p.rows, p.Stride, p.same)
	if err := chunk(w, "IDAT", idat); err != nil {
		return err
	}
	return chunk(w, "IEND", nil)
}

func chunk(w io.Writer, typ string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:], uint32(len(data)))
	copy(head[4:], typ)
	crc := crc32.Update(crc32.ChecksumIEEE(head[4:]), crc32.IEEETable, data)
	tail := binary.BigEndian.AppendUint32(nil, crc)
	for _, b := range [][]byte{head[:], data, tail} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// isLatin1 reports whether s needs nothing beyond ISO 8859-1, once
// typographic dashes and quotes are given their ASCII forms.
func isLatin1(s string) bool {
	for _, r := range s {
		if r >= 0x100 && !strings.ContainsRune("–—−‘’“”„\u202f", r) {
			return false
		}
	}
	return true
}

// latin1 converts s to ISO 8859-1, which tEXt requires; characters outside
// it become '?'. Typographic quotes and dashes keep their ASCII meaning.
func latin1(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r == '–' || r == '—' || r == '−':
			out = append(out, '-')
		case r == '‘' || r == '’':
			out = append(out, '\'')
		case r == '“' || r == '”' || r == '„':
			out = append(out, '"')
		case r == '\u202f':
			out = append(out, 0xa0)
		case r < 0x20 && r != '\n' || r == 0x7f:
			out = append(out, ' ')
		case r < 0x100:
			out = append(out, byte(r))
		default:
			out = append(out, '?')
		}
	}
	return out
}

// indexed is a figure's palette indices laid out as a PNG's filtered
// rows: each row begins with its filter byte (0, none), which the
// Paletted image's stride steps over.
type indexed struct {
	*image.Paletted
	rows []byte // the filter bytes and rows, from getBuf
	same []bool // whether each row repeats the one above
}

// paletted returns the canvas as palette indices when it has at most 256
// distinct colours; the palette is ordered by first appearance, so the
// bytes are deterministic. Rows never drawn on are background whole.
func paletted(c *canvas) (*indexed, bool) {
	img := c.img
	index := make(map[uint32]uint8, 256)
	var pal color.Palette
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	stride := w + 1
	rows := getBuf(h*stride, false)
	out := &indexed{Paletted: &image.Paletted{Pix: rows[min(1, len(rows)):], Stride: stride, Rect: b}, rows: rows, same: make([]bool, h)}
	// Each pixel is read as one 32-bit word (its RGBA bytes in memory
	// order); runs of one colour, most of a chart, skip the map.
	// A row that repeats the one above (most rows of a chart) takes its
	// indices whole; a small cache of recent colours keeps the map out
	// of anti-aliased edges.
	words := unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(img.Pix))), len(img.Pix)/4)
	bgKey := *(*uint32)(unsafe.Pointer(&c.bg[0]))
	lastKey := ^bgKey // no pixel matches it before the first is read
	if len(words) > 0 && c.ready[0] {
		lastKey = ^words[0]
	}
	// indexOf is a colour's index in the palette, added at its end when
	// new; false past 256 colours.
	indexOf := func(key uint32) (uint8, bool) {
		if n, ok := index[key]; ok {
			return n, true
		}
		if len(pal) == 256 {
			return 0, false
		}
		n := uint8(len(pal))
		index[key] = n
		px := (*[4]byte)(unsafe.Pointer(&key))
		pal = append(pal, color.RGBA{px[0], px[1], px[2], px[3]})
		return n, true
	}
	var lastN uint8
	var cacheKey [64]uint32
	var cacheN [64]uint8
	var cacheOK [64]bool
	for y := 0; y < h; y++ {
		rows[y*stride] = 0 // filter: none
		dst := rows[y*stride+1 : (y+1)*stride]
		if y > 0 && (!c.ready[y] && !c.ready[y-1] ||
			c.ready[y] && c.ready[y-1] && bytes.Equal(img.Pix[y*img.Stride:y*img.Stride+4*w], img.Pix[(y-1)*img.Stride:(y-1)*img.Stride+4*w])) {
			copy(dst, rows[(y-1)*stride+1:y*stride])
			out.same[y] = true
			continue
		}
		if !c.ready[y] {
			// A row no drawing reached: the background whole.
			n, ok := indexOf(bgKey)
			if !ok {
				putBuf(rows)
				return nil, false
			}
			fill(dst, n)
			lastKey, lastN = bgKey, n
			continue
		}
		src := words[y*w : (y+1)*w]
		for j := 0; j < w; j++ {
			key := src[j]
			if key == lastKey {
				// A run of one colour, most of a chart: found in
				// one pass, written at once.
				k := j + 1
				for k < w && src[k] == key {
					k++
				}
				if k-j < 16 {
					for i := j; i < k; i++ {
						dst[i] = lastN
					}
				} else {
					fill(dst[j:k], lastN)
				}
				j = k - 1
				continue
			}
			h := (key * 2654435761) >> 26
			n, ok := cacheN[h], cacheOK[h] && cacheKey[h] == key
			if !ok {
				if n, ok = indexOf(key); !ok {
					putBuf(rows)
					return nil, false
				}
				cacheKey[h], cacheN[h], cacheOK[h] = key, n, true
			}
			dst[j] = n
			lastKey, lastN = key, n
		}
	}
	out.Palette = pal
	return out, true
}

// fill sets every byte of b to v, doubling what is set by copies.
func fill(b []byte, v byte) {
	if len(b) == 0 {
		return
	}
	b[0] = v
	for n := 1; n < len(b); n *= 2 {
		copy(b[n:], b[:n])
	}
}

// RGBA makes a Color an image/color.Color, premultiplied as go-chart's
// colour is, so that fills drawn through either path agree.
func (c Color) RGBA() (r, g, b, a uint32) { return c.drawing().RGBA() }

// slab is the width, in device pixels, of the bands fillSlabs cuts a
// large path into.
const slab = 64

// fillSlabs fills polygons band by band, each clipped to a band of slab
// whole device pixels: the rasteriser keeps a list of cells per scanline,
// so an area of thousands of edges filled at once costs their square.
// The bands meet on pixel boundaries, where a clipped edge covers one
// side fully and the other not at all, so no seam shows.
func (r *rasterizer) fillSlabs(polys [][][2]float64, c Color, rule drawing.FillRule) {
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, p := range polys {
		for _, pt := range p {
			x0, x1 = math.Min(x0, pt[0]), math.Max(x1, pt[0])
		}
	}
	for x := math.Floor(x0/slab) * slab; x < x1; x += slab {
		dp := &drawing.Path{}
		for _, p := range polys {
			q := clipX(clipX(p, x, 1), x+slab, -1)
			if len(q) < 3 {
				continue
			}
			dp.MoveTo(q[0][0], q[0][1])
			for _, pt := range q[1:] {
				dp.LineTo(pt[0], pt[1])
			}
			dp.Close()
		}
		if !dp.IsEmpty() {
			r.fillRule(dp, c, rule)
		}
	}
}

// clipX keeps the part of a closed polygon on one side of the vertical
// line at x: right of it with side 1, left with -1 (Sutherland and
// Hodgman).
func clipX(p [][2]float64, x, side float64) [][2]float64 {
	in := func(q [2]float64) bool { return (q[0]-x)*side >= 0 }
	var out [][2]float64
	for i := range p {
		a, b := p[i], p[(i+1)%len(p)]
		if in(a) {
			out = append(out, a)
		}
		if in(a) != in(b) {
			t := (x - a[0]) / (b[0] - a[0])
			out = append(out, [2]float64{x, a[1] + t*(b[1]-a[1])})
		}
	}
	return out
}

// rule is the rasteriser's fill rule for the path.
func (p *Path) rule() drawing.FillRule {
	if p.EvenOdd {
		return drawing.FillRuleEvenOdd
	}
	return drawing.FillRuleWinding
}
