// Package font measures and outlines text for presschart.
//
// One measurement serves both output formats: the layout asks a [Face] how
// wide a string is (advances plus GPOS kerning, in CSS pixels), the SVG
// writer places the string as <text> at the same position, and the PNG
// writer fills the same glyph outlines at the same advances. Browsers and
// librsvg kern with the same GPOS tables, so both files agree.
//
// The default faces are Inter Regular and Bold (SIL Open Font License 1.1),
// embedded from fonts/ beside this package; [Parse] loads a house font.
package font

import (
	"bytes"
	_ "embed" // the default faces
	"errors"
	"fmt"
	"slices"
	"sync"

	gtfont "github.com/go-text/typesetting/font"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The embedded faces, read in place: the files are in the binary and
// parsing reads only the parts a figure uses.
var (
	//go:embed fonts/Inter-Regular.otf
	interRegular []byte
	//go:embed fonts/Inter-Bold.otf
	interBold []byte
)

// Face is one parsed font file, or a list of them ([Stack]) tried in
// order for each character. It is safe for concurrent use: the parsed
// fonts are read-only and the caches are guarded.
type Face struct {
	Family string // the family name the SVG asks for first, e.g. "Inter"
	Bold   bool   // whether the face is bold (font-weight 700 in SVG)

	*file             // the first font, which draws every character it has
	fallbacks []*file // the fonts tried, in order, for the characters it lacks

	shapes shapeCache // shaped runs of text that needs the shaper (shape.go)
	base   *Face      // the face a view was made of (In); nil for a face itself

	rtl  bool   // paragraphs run right to left (In)
	lang string // the text's language, for the shaper's local forms (In)

	viewsMu sync.Mutex
	views   map[view]*Face // the face's views, by direction and language (In)
}

// view is a direction and a language.
type view struct {
	rtl  bool
	lang string
}

// In returns the face for text in a language (a BCP 47 code, "ne") whose
// paragraphs run right to left or not. Widths are the same; the shaper
// takes the language's local forms (Nepali's झ, Persian's digits), a
// text's runs are ordered from the right in a right-to-left paragraph,
// and neutral characters at its ends (a final full stop) take the
// paragraph's direction. The SVG says lang and direction="rtl" for such
// text, and browsers and librsvg shape it alike.
func (fc *Face) In(lang string, rtl bool) *Face {
	base := fc
	if fc.base != nil {
		base = fc.base
	}
	k := view{rtl, lang}
	if k == (view{}) {
		return base
	}
	base.viewsMu.Lock()
	defer base.viewsMu.Unlock()
	if v, ok := base.views[k]; ok {
		return v
	}
	if base.views == nil {
		base.views = map[view]*Face{}
	}
	v := &Face{Family: base.Family, Bold: base.Bold, file: base.file, fallbacks: base.fallbacks, rtl: rtl, lang: lang, base: base}
	base.views[k] = v
	return v
}

// file is one parsed font file with its caches.
type file struct {
	family string
	font   *sfnt.Font
	upm    float64
	data   []byte // the file, for the shaper (parsed on first use)

	bufs sync.Pool // *sfnt.Buffer

	mu     sync.RWMutex
	glyphs map[rune]glyph
	kerns  map[[2]sfnt.GlyphIndex]float64
	masks  map[maskKey]*Mask

	shaperOnce sync.Once
	shaperFont *gtfont.Font // nil when the shaper cannot read the file
}

type glyph struct {
	index   sfnt.GlyphIndex
	advance float64 // in font units
}

var (
	defaultsOnce sync.Once
	defaults     [2]*Face
	defaultsErr  error
)

// Default returns the embedded Inter face, bold or regular.
func Default(bold bool) *Face {
	defaultsOnce.Do(func() {
		for i, b := range [][]byte{interRegular, interBold} {
			var err error
			if defaults[i], err = Parse(b, i == 1); err != nil {
				defaultsErr = fmt.Errorf("embedded font %d: %w", i, err)
				return
			}
		}
	})
	if defaultsErr != nil {
		panic(defaultsErr) // the embedded files are part of the binary
	}
	if bold {
		return defaults[1]
	}
	return defaults[0]
}

// ErrNotFont reports a file that is not a TrueType or OpenType font.
var ErrNotFont = errors.New("not a TrueType or OpenType font")

// unsupported names the font formats that Parse recognises by their first
// four bytes but does not read, with what to do instead.
var unsupported = []struct{ magic, msg string }{
	{"wOF2", "WOFF2 is not supported; convert the font to TTF or OTF"},
	{"wOFF", "WOFF is not supported; convert the font to TTF or OTF"},
	{"ttcf", "a font collection (.ttc/.otc) is not supported; extract one face to a TTF or OTF file"},
}

// Parse reads a TrueType (.ttf) or OpenType/CFF (.otf) font file. Other
// font formats (WOFF, WOFF2, collections) are refused with an error that
// says so; every refusal wraps [ErrNotFont].
func Parse(data []byte, bold bool) (*Face, error) {
	for _, u := range unsupported {
		if bytes.HasPrefix(data, []byte(u.magic)) {
			return nil, fmt.Errorf("%w: %s", ErrNotFont, u.msg)
		}
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFont, err)
	}
	return parsed(f, data, bold)
}

// parsed makes a face of a parsed font; data is its file, for the
// shaper, or nil (a face of a collection, which the tests subset).
func parsed(f *sfnt.Font, data []byte, bold bool) (*Face, error) {
	var b sfnt.Buffer
	family, err := f.Name(&b, sfnt.NameIDTypographicFamily)
	if err != nil || family == "" {
		family, err = f.Name(&b, sfnt.NameIDFamily)
	}
	if err != nil || family == "" {
		return nil, fmt.Errorf("%w: the font has no family name", ErrNotFont)
	}
	fl := &file{
		family: family,
		font:   f,
		upm:    float64(f.UnitsPerEm()),
		data:   data,
		glyphs: make(map[rune]glyph),
		kerns:  make(map[[2]sfnt.GlyphIndex]float64),
		masks:  make(map[maskKey]*Mask),
	}
	fl.bufs.New = func() any { return new(sfnt.Buffer) }
	return &Face{Family: family, Bold: bold, file: fl}, nil
}

// Stack returns a face that draws each character in the first of faces
// that has it: a house Latin font, then a face for Arabic or Devanagari.
// It is faces[0] itself when there is one.
func Stack(faces ...*Face) *Face {
	if len(faces) == 1 {
		return faces[0]
	}
	out := &Face{Family: faces[0].Family, Bold: faces[0].Bold, file: faces[0].file}
	seen := map[*file]bool{out.file: true}
	for _, f := range faces {
		for _, fl := range append([]*file{f.file}, f.fallbacks...) {
			if !seen[fl] {
				seen[fl] = true
				out.fallbacks = append(out.fallbacks, fl)
			}
		}
	}
	return out
}

// Families returns the family names of the face's fonts, in the order
// they are tried, without repeats.
func (fc *Face) Families() []string {
	out := []string{fc.family}
	for _, f := range fc.fallbacks {
		if !slices.Contains(out, f.family) {
			out = append(out, f.family)
		}
	}
	return out
}

// files returns the face's fonts in the order they are tried.
func (fc *Face) files() []*file {
	return append([]*file{fc.file}, fc.fallbacks...)
}

// lookup returns the glyph for r; ok is false when the font lacks it.
func (fc *file) lookup(r rune) (glyph, bool) {
	fc.mu.RLock()
	g, ok := fc.glyphs[r]
	fc.mu.RUnlock()
	if ok {
		return g, g.index != 0
	}
	b := fc.bufs.Get().(*sfnt.Buffer)
	defer fc.bufs.Put(b)
	idx, err := fc.font.GlyphIndex(b, r)
	if err != nil {
		idx = 0
	}
	adv, err := fc.font.GlyphAdvance(b, idx, fixed.Int26_6(fc.upm), xfont.HintingNone)
	if err != nil {
		adv = 0
	}
	g = glyph{index: idx, advance: float64(adv)}
	fc.mu.Lock()
	fc.glyphs[r] = g
	fc.mu.Unlock()
	return g, idx != 0
}

// kern returns the kerning between two glyphs, in font units.
func (fc *file) kern(a, b sfnt.GlyphIndex) float64 {
	key := [2]sfnt.GlyphIndex{a, b}
	fc.mu.RLock()
	k, ok := fc.kerns[key]
	fc.mu.RUnlock()
	if ok {
		return k
	}
	buf := fc.bufs.Get().(*sfnt.Buffer)
	defer fc.bufs.Put(buf)
	v, err := fc.font.Kern(buf, a, b, fixed.Int26_6(fc.upm), xfont.HintingNone)
	if err == nil {
		k = float64(v)
	}
	fc.mu.Lock()
	fc.kerns[key] = k
	fc.mu.Unlock()
	return k
}

// Missing returns the first rune of s that none of the face's fonts can
// draw, and false when they can draw them all. Spaces, line breaks and
// the invisible joiners and direction marks that the shaper consumes
// never count as missing.
func (fc *Face) Missing(s string) (rune, bool) {
	for _, r := range s {
		if r == ' ' || r == '\n' || invisible(r) {
			continue
		}
		if fc.fileFor(r) == nil {
			return r, true
		}
	}
	return 0, false
}

// fileFor returns the first of the face's fonts that has r, or nil.
func (fc *Face) fileFor(r rune) *file {
	if _, ok := fc.lookup(r); ok {
		return fc.file
	}
	for _, f := range fc.fallbacks {
		if _, ok := f.lookup(r); ok {
			return f
		}
	}
	return nil
}

// Width returns the advance width of s at size px, kerning included.
func (fc *Face) Width(s string, size float64) float64 {
	if !fc.plain(s) {
		return fc.shape(s).width * size
	}
	var w float64
	var prev sfnt.GlyphIndex
	for i, r := range []rune(s) {
		g, _ := fc.lookup(r)
		if i > 0 {
			w += fc.kern(prev, g.index)
		}
		w += g.advance
		prev = g.index
	}
	return fc.px(w, size)
}

// px converts a width in font units to pixels at size px. Width and the
// wrapping code share it so that their results agree to the last bit.
func (fc *file) px(units, size float64) float64 {
	return units * size / fc.upm
}

// Metrics returns the ascent and descent (both positive) at size px.
func (fc *Face) Metrics(size float64) (ascent, descent float64) {
	b := fc.bufs.Get().(*sfnt.Buffer)
	defer fc.bufs.Put(b)
	m, err := fc.font.Metrics(b, fixed.Int26_6(fc.upm), xfont.HintingNone)
	if err != nil {
		return 0.8 * size, 0.2 * size
	}
	return float64(m.Ascent) * size / fc.upm, float64(m.Descent) * size / fc.upm
}

// CapHeight returns the height of capital letters at size px; labels are
// centred vertically on it.
func (fc *Face) CapHeight(size float64) float64 {
	b := fc.bufs.Get().(*sfnt.Buffer)
	defer fc.bufs.Put(b)
	m, err := fc.font.Metrics(b, fixed.Int26_6(fc.upm), xfont.HintingNone)
	if err != nil || m.CapHeight <= 0 {
		return 0.7 * size
	}
	return float64(m.CapHeight) * size / fc.upm
}

// Pen receives glyph outlines, in output pixels with y pointing down.
type Pen interface {
	MoveTo(x, y float64)
	LineTo(x, y float64)
	QuadCurveTo(cx, cy, x, y float64)
	CubicCurveTo(c1x, c1y, c2x, c2y, x, y float64)
	Close()
}

// glyphDoner is a Pen that wants to know where each glyph ends: a
// rasteriser fills glyph by glyph, which keeps its cell lists short.
type glyphDoner interface{ GlyphDone() }

// Outline draws s with its baseline starting at (x, y), at size px, into p.
// The glyphs and their advances are the ones that [Face.Width] measures.
func (fc *Face) Outline(p Pen, s string, x, y, size float64) {
	b := fc.bufs.Get().(*sfnt.Buffer)
	defer fc.bufs.Put(b)
	unit := size / fc.upm
	// Outlines are loaded at the font's own units and scaled here, so the
	// glyph shapes do not depend on a 26.6 rounding of the size.
	ppem := fixed.Int26_6(fc.upm)
	fc.layout(s, x, size, func(f *file, gid sfnt.GlyphIndex, x, dy float64) {
		unit, ppem := unit, ppem
		if f != fc.file {
			unit, ppem = size/f.upm, fixed.Int26_6(f.upm)
		}
		segs, err := f.font.LoadGlyph(b, gid, ppem, nil)
		if err != nil {
			return
		}
		open := false
		pt := func(p fixed.Point26_6) (float64, float64) {
			return x + float64(p.X)*unit, y + dy + float64(p.Y)*unit
		}
		for _, s := range segs {
			switch s.Op {
			case sfnt.SegmentOpMoveTo:
				if open {
					p.Close()
				}
				p.MoveTo(pt(s.Args[0]))
				open = true
			case sfnt.SegmentOpLineTo:
				p.LineTo(pt(s.Args[0]))
			case sfnt.SegmentOpQuadTo:
				cx, cy := pt(s.Args[0])
				ex, ey := pt(s.Args[1])
				p.QuadCurveTo(cx, cy, ex, ey)
			case sfnt.SegmentOpCubeTo:
				c1x, c1y := pt(s.Args[0])
				c2x, c2y := pt(s.Args[1])
				ex, ey := pt(s.Args[2])
				p.CubicCurveTo(c1x, c1y, c2x, c2y, ex, ey)
			}
		}
		if open {
			p.Close()
		}
		if gd, ok := p.(glyphDoner); ok {
			gd.GlyphDone()
		}
	})
}

// layout calls fn with each glyph of s, the font that draws it, the x of
// its origin, starting at x, and its offset below the baseline, at size
// px: the advances, kerning and mark positions that Width adds up. Text
// that needs the shaper is laid out from its shaped run, in visual order.
func (fc *Face) layout(s string, x, size float64, fn func(f *file, gid sfnt.GlyphIndex, x, dy float64)) {
	if !fc.plain(s) {
		for _, g := range fc.shape(s).glyphs {
			fn(g.f, g.id, x+g.x*size, g.dy*size)
		}
		return
	}
	unit := size / fc.upm
	var prev sfnt.GlyphIndex
	for i, r := range []rune(s) {
		g, _ := fc.lookup(r)
		if i > 0 {
			x += fc.kern(prev, g.index) * unit
		}
		prev = g.index
		fn(fc.file, g.index, x, 0)
		x += g.advance * unit
	}
}
