package font

import (
	"bytes"
	"reflect"
	"slices"
	"sync"
	"unicode"

	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	gtfont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Text in the scripts that need it goes through a shaper: HarfBuzz's
// rules, as github.com/go-text/typesetting ports them, choose each Arabic
// letter's joining form, build Devanagari conjuncts and place vowel signs
// and marks, and the Unicode bidirectional algorithm (UAX #9) puts
// right-to-left runs in visual order. The shaped run then drives the
// width, the PNG's glyphs and, through that width, the SVG's positions,
// as the plain path does for Latin. Browsers and librsvg shape the SVG's
// <text> with the same rules, so both files agree.
//
// Text that needs none of this (Latin, Greek, Cyrillic, CJK ideographs,
// in the first font) keeps the plain path: advances and GPOS pair
// kerning, which is what a shaper does for it too, at a fraction of the
// cost. The paragraph direction is left to right, as an SVG's is unless
// it says otherwise.

// plain reports whether s can be measured and drawn without the shaper:
// no character of s needs shaping and the first font has them all.
func (fc *Face) plain(s string) bool {
	if fc.rtl && s != "" {
		// In a right-to-left paragraph even digits and Latin are
		// ordered by the bidirectional algorithm: "60–80" is drawn
		// "80–60", as browsers and librsvg draw it.
		return false
	}
	for _, r := range s {
		if needsShaping(r) {
			return false
		}
		if r == ' ' || r == '\n' || len(fc.fallbacks) == 0 {
			continue
		}
		if _, ok := fc.lookup(r); !ok {
			return false
		}
	}
	return true
}

// needsShaping reports whether r belongs to a script whose letters change
// form or order in context, is a combining mark, or is an invisible
// control that the shaper interprets (joiners, direction marks).
func needsShaping(r rune) bool {
	switch {
	case r < 0x0300:
		return false
	case r <= 0x036f: // combining diacritical marks
		return true
	case r < 0x0590: // Greek, Cyrillic, Armenian
		return false
	case r < 0x1000: // Hebrew, Arabic, Syriac, Thaana, N'Ko, the Indic scripts, Thai, Lao, Tibetan
		return true
	case r < 0x10a0: // Myanmar
		return true
	case r >= 0x1100 && r < 0x1200: // Hangul jamo, which compose
		return true
	case r >= 0x1700 && r < 0x1c50: // Philippine scripts, Khmer, Mongolian, Limbu, Tai, Balinese…
		return true
	case r >= 0x1ab0 && r < 0x1b00, r >= 0x1dc0 && r < 0x1e00: // combining marks
		return true
	case invisible(r):
		return true
	case r >= 0x20d0 && r < 0x2100: // combining marks for symbols
		return true
	case r >= 0xa800 && r < 0xab30: // Syloti Nagri, Devanagari extended, Javanese, Cham…
		return true
	case r >= 0xfb1d && r < 0xfe30: // Hebrew and Arabic presentation forms, variation selectors
		return true
	case r >= 0xfe70 && r < 0xff00: // Arabic presentation forms B
		return true
	case r >= 0x10000: // the supplementary planes: historic scripts, emoji sequences
		return true
	}
	return false
}

// invisible reports whether r is a zero-width joiner or non-joiner, a
// direction mark, embedding or isolate, or a variation selector: the
// shaper consumes them, and no font needs a glyph for them.
func invisible(r rune) bool {
	switch {
	case r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x2069:
		return true
	case r >= 0xfe00 && r <= 0xfe0f, r == 0xfeff:
		return true
	}
	return false
}

// shapedGlyph is one glyph of a shaped run, in ems: the x of its origin
// from the start of the run and its offset below the baseline.
type shapedGlyph struct {
	f     *file
	id    sfnt.GlyphIndex
	x, dy float64
}

// shaped is a run of text shaped and in visual order; width is in ems.
type shaped struct {
	glyphs []shapedGlyph
	width  float64
}

// shapeCache keeps the shaped runs of a face. A figure measures the same
// title many times while wrapping and placing it.
type shapeCache struct {
	mu     sync.Mutex
	runs   map[string]*shaped
	shaper shaping.HarfbuzzShaper
	seg    shaping.Segmenter
	para   bidi.Paragraph
	faces  map[*file]*gtfont.Face // the shaper's faces, not safe for concurrent use: used under mu
}

// maxShapes bounds the cache; past it the cache starts again.
const maxShapes = 4096

// shaperFace returns the shaper's reading of the file, or nil when it
// cannot read it (the file was read by sfnt; the shaper is stricter about
// some tables).
func (fc *file) shaperFace() *gtfont.Font {
	fc.shaperOnce.Do(func() {
		if f, err := gtfont.ParseTTF(bytes.NewReader(fc.data)); err == nil {
			fc.shaperFont = f.Font
		}
	})
	return fc.shaperFont
}

// fontmap picks the first of a face's fonts that has a character.
type fontmap struct {
	fc    *Face
	faces map[*file]*gtfont.Face
}

func (m fontmap) ResolveFace(r rune) *gtfont.Face {
	f := m.fc.fileFor(r)
	if f == nil || m.faces[f] == nil {
		f = m.fc.file
	}
	return m.faces[f]
}

// shape returns s shaped with the face's fonts, from the cache when it
// has been shaped before.
func (fc *Face) shape(s string) *shaped {
	c := &fc.shapes
	c.mu.Lock()
	defer c.mu.Unlock()
	if sh, ok := c.runs[s]; ok {
		return sh
	}
	if c.runs == nil || len(c.runs) >= maxShapes {
		c.runs = make(map[string]*shaped)
	}
	if c.faces == nil {
		c.faces = make(map[*file]*gtfont.Face)
		for _, f := range fc.files() {
			if gf := f.shaperFace(); gf != nil {
				c.faces[f] = gtfont.NewFace(gf)
			}
		}
	}
	sh := fc.shapeLocked(s)
	c.runs[s] = sh
	return sh
}

// shapeLocked shapes s; the cache's lock is held.
func (fc *Face) shapeLocked(s string) *shaped {
	c := &fc.shapes
	rs := []rune(s)
	sh := &shaped{}
	if len(rs) == 0 {
		return sh
	}
	if c.faces[fc.file] == nil {
		// The shaper cannot read the first font: lay the text out glyph
		// by glyph from the character map, each in the first font that
		// has it, as the plain path does.
		x := 0.0
		for _, r := range rs {
			f := fc.fileFor(r)
			if f == nil {
				f = fc.file
			}
			g, _ := f.lookup(r)
			sh.glyphs = append(sh.glyphs, shapedGlyph{f: f, id: g.index, x: x})
			x += g.advance / f.upm
		}
		sh.width = x
		return sh
	}
	// Levels per character, by the bidirectional algorithm.
	dir := di.DirectionLTR
	if fc.rtl {
		dir = di.DirectionRTL
	}
	levels := bidiLevels(&c.para, rs, fc.rtl)
	byFace := map[*gtfont.Face]*file{}
	for f, gf := range c.faces {
		byFace[gf] = f
	}
	in := shaping.Input{Text: rs, RunStart: 0, RunEnd: len(rs), Direction: dir, Language: language.NewLanguage(fc.lang)}
	type run struct {
		out   shaping.Output
		f     *file
		level bidi.Level
		files []*file // per glyph, where a plain run borrows a character from another font; nil otherwise
	}
	var parts []run
	for _, seg := range boundarySpaces(c.seg.Split(in, fontmap{fc, c.faces}), rs, c.faces[fc.fileFor(' ')]) {
		f := byFace[seg.Face]
		// A segment has one direction but may hold two levels of it
		// (a space at 0 and digits at 2): it is shaped level by level.
		for start := seg.RunStart; start < seg.RunEnd; {
			level := levels[start]
			end := start + 1
			for end < seg.RunEnd && levels[end] == level {
				end++
			}
			part := seg
			part.RunStart, part.RunEnd = start, end
			part.Direction = dir
			part.Direction.SetProgression(di.FromTopLeft)
			if level%2 == 1 {
				part.Direction.SetProgression(di.TowardTopLeft)
			}
			start = end
			if level%2 == 0 && !slices.ContainsFunc(rs[part.RunStart:part.RunEnd], needsShaping) {
				// A left-to-right run of plain text (Latin words,
				// digits) keeps the plain path's advances and pair
				// kerning: the shaper does not apply the kerning of
				// some fonts (Inter's among them) that browsers and
				// librsvg apply.
				out, files := fc.plainRun(f, rs[part.RunStart:part.RunEnd])
				parts = append(parts, run{out, f, level, files})
				continue
			}
			part.Size = fixed.Int26_6(f.upm) * 64 // advances come out in font units, 26.6
			parts = append(parts, run{c.shaper.Shape(part), f, level, nil})
		}
	}
	// Runs in visual order (UAX #9, L2): from the highest level down to
	// the lowest odd one, reverse every sequence of runs at that level or
	// above. The shaper already gives a right-to-left run's glyphs from
	// left to right.
	lv := make([]bidi.Level, len(parts))
	for i, p := range parts {
		lv[i] = p.level
	}
	x := 0.0
	for _, i := range visualOrder(lv) {
		p := parts[i]
		for j, g := range p.out.Glyphs {
			f := p.f
			if p.files != nil {
				f = p.files[j]
			}
			em := 1 / (64 * f.upm)
			if g.GlyphID == 0 && g.ClusterIndex < len(rs) && unicode.IsSpace(rs[g.ClusterIndex]) {
				// A space stays with the run around it, in its font; a
				// font without one (a CJK subset) would draw .notdef's
				// box and width. The first font that has it draws it,
				// as browsers and librsvg do.
				if f := fc.fileFor(rs[g.ClusterIndex]); f != nil {
					sp, _ := f.lookup(rs[g.ClusterIndex])
					sh.glyphs = append(sh.glyphs, shapedGlyph{f: f, id: sp.index, x: x})
					x += sp.advance / f.upm
					continue
				}
			}
			sh.glyphs = append(sh.glyphs, shapedGlyph{
				f:  f,
				id: sfnt.GlyphIndex(g.GlyphID),
				x:  x + float64(g.XOffset)*em,
				dy: -float64(g.YOffset) * em,
			})
			x += float64(g.Advance) * em
		}
	}
	sh.width = x
	return sh
}

// plainRun lays rs out in f as the plain path does, as a shaper's output
// in 26.6 units of each glyph's font. A character f lacks (a space the
// segmenter left with the run around it) is drawn by the first font of
// the face that has it; files then names each glyph's font.
func (fc *Face) plainRun(f *file, rs []rune) (shaping.Output, []*file) {
	var out shaping.Output
	var files []*file
	var prev sfnt.GlyphIndex
	for i, r := range rs {
		gf := f
		g, ok := f.lookup(r)
		if !ok {
			if other := fc.fileFor(r); other != nil {
				gf = other
				g, _ = other.lookup(r)
				if files == nil {
					files = make([]*file, len(rs))
					for j := range files {
						files[j] = f
					}
				}
				files[i] = gf
			}
		}
		if i > 0 && gf == f && (files == nil || files[i-1] == f) {
			out.Glyphs[i-1].Advance += fixed.Int26_6(f.kern(prev, g.index) * 64)
		}
		// An advance in the glyph's own font units: the caller scales
		// by that font's units per em.
		out.Glyphs = append(out.Glyphs, shaping.Glyph{GlyphID: gtfont.GID(g.index), Advance: fixed.Int26_6(g.advance * 64)})
		prev = g.index
	}
	return out, files
}

// visualOrder returns the indices of runs at the given embedding levels
// in the order they are drawn from the left (UAX #9, L2): from the
// highest level down to the lowest odd one, every sequence of runs at
// that level or above is reversed.
func visualOrder(levels []bidi.Level) []int {
	order := make([]int, len(levels))
	var hi, loOdd bidi.Level = 0, 127
	for i, l := range levels {
		order[i] = i
		hi = max(hi, l)
		if l%2 == 1 {
			loOdd = min(loOdd, l)
		}
	}
	for lvl := hi; lvl >= loOdd && lvl > 0; lvl-- {
		for i := 0; i < len(order); {
			if levels[order[i]] < lvl {
				i++
				continue
			}
			j := i
			for j < len(order) && levels[order[j]] >= lvl {
				j++
			}
			slices.Reverse(order[i:j])
			i = j
		}
	}
	return order
}

// bidiLevels returns the embedding level of each character of a line
// (UAX #9 up to L1) in a paragraph of the direction.
func bidiLevels(p *bidi.Paragraph, rs []rune, rtl bool) []bidi.Level {
	dir, base := bidi.LeftToRight, bidi.Level(0)
	if rtl {
		dir, base = bidi.RightToLeft, 1
	}
	levels := make([]bidi.Level, len(rs))
	charLevels(p.Segment(rs, dir), levels)
	// L1: whitespace and isolate marks at the end of the line take the
	// paragraph's level.
	for i := len(rs) - 1; i >= 0 && (isWhite(rs[i]) || rs[i] >= '\u2066' && rs[i] <= '\u2069'); i-- {
		levels[i] = base
	}
	return levels
}

// charLevels fills levels with each character's embedding level. The
// bidi package's runs change where the direction does, and a run gives
// the level of its first character: "( א ) 1*2" has the space at level
// 0 and the 1 at 2 in one left-to-right run. The per-character levels it
// computes are read from the runs where they are there to read
// (TestBidiCharacterTest checks the result against Unicode's cases), and
// taken from the runs otherwise.
func charLevels(runs bidi.Runs, levels []bidi.Level) {
	if v := reflect.ValueOf(runs).FieldByName("levels"); v.IsValid() && v.Kind() == reflect.Slice && v.Len() == len(levels) {
		for i := range levels {
			levels[i] = bidi.Level(v.Index(i).Int())
		}
		return
	}
	for i := 0; i < runs.NumRuns(); i++ {
		r := runs.Run(i)
		for j := r.Start; j < r.End; j++ {
			levels[j] = r.Level
		}
	}
}

// isWhite is whitespace as UAX #9's rule L1 resets it at a line's end.
func isWhite(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u000b' || r == '\u000c' || r == '\u1680' || r >= '\u2000' && r <= '\u200a' || r == '\u2028' || r == '\u205f' || r == '\u3000'
}

// boundarySpaces gives the spaces that end a left-to-right run before a
// run in another font to the first font that has a space, as librsvg
// draws them (measured: the Nepali title's svg~png went from 0.031 to
// 0.011; in right-to-left runs librsvg keeps the run's own space, and so
// does this). The segmenter leaves every space with the run before it,
// which is right between two Devanagari words but not between a
// Devanagari word and a number in Inter (a Noto Devanagari space is an
// eighth wider than Inter's).
func boundarySpaces(segs []shaping.Input, rs []rune, space *gtfont.Face) []shaping.Input {
	if space == nil {
		return segs
	}
	var out []shaping.Input
	for i, seg := range segs {
		if i+1 < len(segs) && segs[i+1].Face != seg.Face && seg.Face != space && seg.Direction.Progression() == di.FromTopLeft {
			end := seg.RunEnd
			for end > seg.RunStart+1 && rs[end-1] == ' ' {
				end--
			}
			if end < seg.RunEnd {
				sp := seg
				seg.RunEnd = end
				sp.RunStart, sp.Face = end, space
				out = append(out, seg, sp)
				continue
			}
		}
		out = append(out, seg)
	}
	return out
}
