package font

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"sort"
	"unicode/utf16"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Subset builds a small TrueType font that holds only the glyphs of the
// given runes, with the face's advances, kerning and vertical metrics, for
// embedding in an SVG as @font-face. Outlines are copied in font units;
// cubic curves (OpenType/CFF sources) become quadratic ones within a
// tenth of a font unit, far below a pixel at any chart size. Kerning goes
// into a kern table, which browsers apply as they apply GPOS pair
// kerning. The bytes depend only on the face and the runes.
func (fc *Face) Subset(runes []rune) ([]byte, error) {
	b := fc.bufs.Get().(*sfnt.Buffer)
	defer fc.bufs.Put(b)

	// Glyph 0 is .notdef; then each distinct glyph of the runes, in rune
	// order.
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	type entry struct {
		r   rune
		gid uint16
	}
	var cmap []entry
	olds := []sfnt.GlyphIndex{0}
	newOf := map[sfnt.GlyphIndex]uint16{0: 0}
	for _, r := range rs {
		g, ok := fc.lookup(r)
		if !ok {
			continue
		}
		n, seen := newOf[g.index]
		if !seen {
			n = uint16(len(olds))
			newOf[g.index] = n
			olds = append(olds, g.index)
		}
		cmap = append(cmap, entry{r, n})
	}
	if len(olds) > 0xfffe {
		return nil, errors.New("too many glyphs for a subset")
	}

	// Outlines, advances and bounds.
	ppem := fixed.Int26_6(fc.upm)
	var glyf []byte
	loca := []uint32{0}
	advances := make([]uint16, len(olds))
	lsbs := make([]int16, len(olds))
	xMin, yMin, xMax, yMax := math.MaxInt16, math.MaxInt16, math.MinInt16, math.MinInt16
	maxPoints, maxContours := 0, 0
	var advMax uint16
	for i, old := range olds {
		adv, err := fc.font.GlyphAdvance(b, old, ppem, xfont.HintingNone)
		if err != nil {
			return nil, err
		}
		advances[i] = uint16(max(0, min(math.MaxUint16, int(adv))))
		advMax = max(advMax, advances[i])
		var contours [][]qpoint
		if i > 0 { // .notdef stays empty
			segs, err := fc.font.LoadGlyph(b, old, ppem, nil)
			if err != nil {
				return nil, err
			}
			contours = quadContours(segs)
		}
		data, bx0, by0, bx1, by1, npts := encodeGlyph(contours)
		if len(data) > 0 {
			xMin, yMin, xMax, yMax = min(xMin, bx0), min(yMin, by0), max(xMax, bx1), max(yMax, by1)
			lsbs[i] = int16(bx0)
		}
		maxPoints, maxContours = max(maxPoints, npts), max(maxContours, len(contours))
		glyf = append(glyf, data...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		loca = append(loca, uint32(len(glyf)))
	}
	if xMin > xMax {
		xMin, yMin, xMax, yMax = 0, 0, 0, 0
	}

	// Kerning between every pair of the subset's glyphs.
	type pair struct {
		l, r uint16
		v    int16
	}
	var kerns []pair
	for l, lo := range olds[1:] {
		for r, ro := range olds[1:] {
			if k := fc.kern(lo, ro); k != 0 {
				kerns = append(kerns, pair{uint16(l + 1), uint16(r + 1), int16(math.Round(k))})
			}
		}
	}
	sort.Slice(kerns, func(i, j int) bool {
		return uint32(kerns[i].l)<<16|uint32(kerns[i].r) < uint32(kerns[j].l)<<16|uint32(kerns[j].r)
	})

	m, err := fc.font.Metrics(b, ppem, xfont.HintingNone)
	if err != nil {
		return nil, err
	}
	ascent, descent := int16(m.Ascent), int16(m.Descent)
	capH, xH := int16(m.CapHeight), int16(m.XHeight)
	n := len(olds)
	be := binary.BigEndian
	u16 := func(b []byte, v int) []byte { return be.AppendUint16(b, uint16(v)) }
	u32 := func(b []byte, v uint32) []byte { return be.AppendUint32(b, v) }

	head := u32(nil, 0x00010000)             // version
	head = u32(head, 0x00010000)             // fontRevision
	head = u32(head, 0)                      // checkSumAdjustment, set below
	head = u32(head, 0x5F0F3CF5)             // magicNumber
	head = u16(head, 0x000B)                 // flags: baseline at 0, lsb at 0, integer ppem
	head = u16(head, int(fc.upm))            // unitsPerEm
	head = append(head, make([]byte, 16)...) // created, modified: none, for stable bytes
	head = u16(u16(u16(u16(head, xMin), yMin), xMax), yMax)
	macStyle := 0
	if fc.Bold {
		macStyle = 1
	}
	head = u16(u16(u16(head, macStyle), 8), 2) // macStyle, lowestRecPPEM, fontDirectionHint
	head = u16(u16(head, 1), 0)                // indexToLocFormat: long; glyphDataFormat

	hhea := u32(nil, 0x00010000)
	hhea = u16(u16(u16(hhea, int(ascent)), int(-descent)), 0) // ascender, descender, lineGap
	hhea = u16(hhea, int(advMax))
	hhea = u16(u16(u16(hhea, xMin), 0), xMax) // minLSB, minRSB (approximate), xMaxExtent
	hhea = u16(u16(u16(hhea, 1), 0), 0)       // caret slope rise, run, offset
	hhea = append(hhea, make([]byte, 8)...)   // reserved
	hhea = u16(u16(hhea, 0), n)               // metricDataFormat, numberOfHMetrics

	maxp := u32(nil, 0x00010000)
	maxp = u16(u16(u16(maxp, n), maxPoints), maxContours)
	maxp = u16(u16(maxp, 0), 0)              // composite points, contours
	maxp = u16(u16(maxp, 2), 0)              // zones, twilight points
	maxp = append(maxp, make([]byte, 14)...) // storage .. component depth

	var hmtx []byte
	for i := range olds {
		hmtx = u16(u16(hmtx, int(advances[i])), int(lsbs[i]))
	}

	weight, selection := 400, 0x40 // REGULAR
	if fc.Bold {
		weight, selection = 700, 0x20 // BOLD
	}
	first, last := 0xFFFF, 0
	if len(cmap) > 0 {
		first, last = int(min(cmap[0].r, 0xFFFF)), int(min(cmap[len(cmap)-1].r, 0xFFFF))
	}
	avg := 0
	for _, a := range advances {
		avg += int(a)
	}
	avg /= n
	up := int(fc.upm)
	os2 := u16(nil, 4)                                                // version
	os2 = u16(u16(u16(os2, avg), weight), 5)                          // xAvgCharWidth, usWeightClass, usWidthClass
	os2 = u16(os2, 0)                                                 // fsType: installable
	os2 = u16(u16(u16(u16(os2, up*65/100), up*60/100), 0), up*14/100) // subscript size, offset
	os2 = u16(u16(u16(u16(os2, up*65/100), up*60/100), 0), up*48/100) // superscript size, offset
	os2 = u16(u16(os2, up/20), up*26/100)                             // strikeout size, position
	os2 = u16(os2, 0)                                                 // sFamilyClass
	os2 = append(os2, make([]byte, 10)...)                            // panose
	os2 = append(os2, make([]byte, 16)...)                            // ulUnicodeRange1-4
	os2 = append(os2, "NONE"...)                                      // achVendID
	os2 = u16(u16(u16(os2, selection), first), last)
	os2 = u16(u16(u16(os2, int(ascent)), int(-descent)), 0)                             // typo ascender, descender, line gap
	os2 = u16(u16(os2, int(max(ascent, int16(yMax)))), int(max(descent, int16(-yMin)))) // win ascent, descent
	os2 = u32(u32(os2, 1), 0)                                                           // ulCodePageRange1-2: Latin 1
	os2 = u16(u16(os2, int(xH)), int(capH))
	os2 = u16(u16(u16(os2, 0), 32), 2) // usDefaultChar, usBreakChar, usMaxContext

	// cmap: format 4 for the Basic Multilingual Plane, format 12 for all.
	var f4 []byte
	var bmp []entry
	for _, e := range cmap {
		if e.r <= 0xFFFE {
			bmp = append(bmp, e)
		}
	}
	segs := len(bmp) + 1
	search := 1
	for search*2 <= segs {
		search *= 2
	}
	f4 = u16(u16(u16(f4, 4), 16+8*segs), 0) // format, length, language
	f4 = u16(u16(u16(u16(f4, 2*segs), 2*search), int(math.Log2(float64(search)))), 2*segs-2*search)
	for _, e := range bmp {
		f4 = u16(f4, int(e.r))
	}
	f4 = u16(u16(f4, 0xFFFF), 0) // end codes' sentinel, reservedPad
	for _, e := range bmp {
		f4 = u16(f4, int(e.r))
	}
	f4 = u16(f4, 0xFFFF)
	for _, e := range bmp {
		f4 = u16(f4, int(e.gid)-int(e.r))
	}
	f4 = u16(f4, 1)
	f4 = append(f4, make([]byte, 2*segs)...) // idRangeOffsets
	var f12 []byte
	f12 = u16(u16(f12, 12), 0)
	f12 = u32(u32(u32(f12, uint32(16+12*len(cmap))), 0), uint32(len(cmap)))
	for _, e := range cmap {
		f12 = u32(u32(u32(f12, uint32(e.r)), uint32(e.r)), uint32(e.gid))
	}
	cmapT := u16(u16(nil, 0), 2)
	cmapT = u32(u16(u16(cmapT, 3), 1), 20)
	cmapT = u32(u16(u16(cmapT, 3), 10), uint32(20+len(f4)))
	cmapT = append(append(cmapT, f4...), f12...)

	kern := u16(u16(nil, 0), 1)                            // version, nTables
	kern = u16(u16(u16(kern, 0), 14+6*len(kerns)), 0x0001) // subtable version, length, coverage: horizontal
	ks := 1
	for ks*2 <= len(kerns) {
		ks *= 2
	}
	kern = u16(u16(kern, len(kerns)), 6*ks)
	kern = u16(u16(kern, int(math.Log2(float64(ks)))), 6*len(kerns)-6*ks)
	for _, p := range kerns {
		kern = u16(u16(u16(kern, int(p.l)), int(p.r)), int(p.v))
	}

	style := "Regular"
	if fc.Bold {
		style = "Bold"
	}
	family := fc.Family + " Subset"
	ps := []rune{}
	for _, r := range family + "-" + style {
		if r > ' ' && r < 127 && r != '[' && r != ']' && r != '(' && r != ')' && r != '{' && r != '}' && r != '<' && r != '>' && r != '/' && r != '%' {
			ps = append(ps, r)
		}
	}
	names := []struct {
		id int
		s  string
	}{{1, family}, {2, style}, {3, family + " " + style + " presschart"}, {4, family + " " + style}, {6, string(ps)}}
	var strs []byte
	name := u16(u16(u16(nil, 0), len(names)), 6+12*len(names))
	for _, nm := range names {
		enc := utf16.Encode([]rune(nm.s))
		name = u16(u16(u16(name, 3), 1), 0x409)
		name = u16(u16(u16(name, nm.id), 2*len(enc)), len(strs))
		for _, c := range enc {
			strs = u16(strs, int(c))
		}
	}
	name = append(name, strs...)

	post := u32(nil, 0x00030000)
	post = u32(post, 0)                      // italicAngle
	post = u16(u16(post, -up/10), up/20)     // underline position, thickness
	post = append(post, make([]byte, 20)...) // isFixedPitch, memory fields

	var locaT []byte
	for _, o := range loca {
		locaT = u32(locaT, o)
	}

	tables := map[string][]byte{
		"OS/2": os2, "cmap": cmapT, "glyf": glyf, "head": head, "hhea": hhea, "hmtx": hmtx,
		"kern": kern, "loca": locaT, "maxp": maxp, "name": name, "post": post,
	}
	if len(kerns) == 0 {
		delete(tables, "kern")
	}
	return assemble(tables), nil
}

// assemble writes the table directory and the tables, sorted by tag, with
// their checksums and head's checkSumAdjustment.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	be := binary.BigEndian
	n := len(tags)
	search := 1
	for search*2 <= n {
		search *= 2
	}
	out := be.AppendUint32(nil, 0x00010000)
	out = be.AppendUint16(out, uint16(n))
	out = be.AppendUint16(out, uint16(search*16))
	out = be.AppendUint16(out, uint16(math.Log2(float64(search))))
	out = be.AppendUint16(out, uint16(n*16-search*16))
	offset := 12 + 16*n
	headAt := 0
	var body []byte
	for _, t := range tags {
		data := tables[t]
		if t == "head" {
			headAt = offset + len(body)
		}
		out = append(out, t...)
		out = be.AppendUint32(out, checksum(data))
		out = be.AppendUint32(out, uint32(offset+len(body)))
		out = be.AppendUint32(out, uint32(len(data)))
		body = append(body, data...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	out = append(out, body...)
	be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// qpoint is a TrueType outline point in font units, y up.
type qpoint struct {
	x, y int
	on   bool
}

// quadContours turns sfnt segments (y down, in font units) into TrueType
// contours of on- and off-curve points, splitting cubic curves into
// quadratic ones.
func quadContours(segs []sfnt.Segment) [][]qpoint {
	var out [][]qpoint
	var cur []qpoint
	var px, py float64 // the pen, y up
	pt := func(p fixed.Point26_6) (float64, float64) { return float64(p.X), -float64(p.Y) }
	add := func(x, y float64, on bool) {
		cur = append(cur, qpoint{int(math.Round(x)), int(math.Round(y)), on})
	}
	flush := func() {
		// A closing point on the start is implied in TrueType.
		if len(cur) > 1 && cur[0] == cur[len(cur)-1] {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 2 {
			out = append(out, cur)
		}
		cur = nil
	}
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			flush()
			px, py = pt(s.Args[0])
			add(px, py, true)
		case sfnt.SegmentOpLineTo:
			px, py = pt(s.Args[0])
			add(px, py, true)
		case sfnt.SegmentOpQuadTo:
			cx, cy := pt(s.Args[0])
			px, py = pt(s.Args[1])
			add(cx, cy, false)
			add(px, py, true)
		case sfnt.SegmentOpCubeTo:
			c1x, c1y := pt(s.Args[0])
			c2x, c2y := pt(s.Args[1])
			ex, ey := pt(s.Args[2])
			cubicToQuads(px, py, c1x, c1y, c2x, c2y, ex, ey, 0, add)
			px, py = ex, ey
		}
	}
	flush()
	return out
}

// cubicToQuads approximates a cubic Bézier by quadratic ones, halving it
// until the quadratic is within a tenth of a font unit.
func cubicToQuads(x0, y0, x1, y1, x2, y2, x3, y3 float64, depth int, add func(x, y float64, on bool)) {
	// The distance between the cubic and its best single quadratic is
	// at most sqrt(3)/36 times |p3 - 3p2 + 3p1 - p0|.
	dx, dy := x3-3*x2+3*x1-x0, y3-3*y2+3*y1-y0
	if depth >= 6 || math.Sqrt(dx*dx+dy*dy)*math.Sqrt(3)/36 <= 0.1 {
		qx, qy := (3*(x1+x2)-x0-x3)/4, (3*(y1+y2)-y0-y3)/4
		add(qx, qy, false)
		add(x3, y3, true)
		return
	}
	// de Casteljau at t = 1/2.
	ax, ay := (x0+x1)/2, (y0+y1)/2
	bx, by := (x1+x2)/2, (y1+y2)/2
	cx, cy := (x2+x3)/2, (y2+y3)/2
	abx, aby := (ax+bx)/2, (ay+by)/2
	bcx, bcy := (bx+cx)/2, (by+cy)/2
	mx, my := (abx+bcx)/2, (aby+bcy)/2
	cubicToQuads(x0, y0, ax, ay, abx, aby, mx, my, depth+1, add)
	cubicToQuads(mx, my, bcx, bcy, cx, cy, x3, y3, depth+1, add)
}

// encodeGlyph writes a simple glyph record: header, end points, no
// instructions, flags and 16-bit coordinate deltas.
func encodeGlyph(contours [][]qpoint) (data []byte, xMin, yMin, xMax, yMax, points int) {
	if len(contours) == 0 {
		return nil, 0, 0, 0, 0, 0
	}
	xMin, yMin, xMax, yMax = math.MaxInt16, math.MaxInt16, math.MinInt16, math.MinInt16
	for _, c := range contours {
		for _, p := range c {
			xMin, yMin, xMax, yMax = min(xMin, p.x), min(yMin, p.y), max(xMax, p.x), max(yMax, p.y)
			points++
		}
	}
	be := binary.BigEndian
	u16 := func(b []byte, v int) []byte { return be.AppendUint16(b, uint16(v)) }
	data = u16(nil, len(contours))
	data = u16(u16(u16(u16(data, xMin), yMin), xMax), yMax)
	end := -1
	for _, c := range contours {
		end += len(c)
		data = u16(data, end)
	}
	data = u16(data, 0) // instructions
	for _, c := range contours {
		for _, p := range c {
			if p.on {
				data = append(data, 1)
			} else {
				data = append(data, 0)
			}
		}
	}
	lx := 0
	for _, c := range contours {
		for _, p := range c {
			data = u16(data, p.x-lx)
			lx = p.x
		}
	}
	ly := 0
	for _, c := range contours {
		for _, p := range c {
			data = u16(data, p.y-ly)
			ly = p.y
		}
	}
	return data, xMin, yMin, xMax, yMax, points
}

// Embed is a font file to embed in an SVG: a subset, or a whole file
// where a subset would lose what the shaper needs.
type Embed struct {
	Data   []byte
	Format string // "truetype" or "opentype", for CSS's format()
}

// Embeds returns the fonts an SVG needs to draw runes with the face, in
// the order the face tries them. The first font gives a subset of just
// those runes, as [Face.Subset] makes. A font of the list that draws a
// rune that needs the shaper (Arabic, Devanagari…) is embedded whole:
// its joining forms, conjuncts and mark positions live in GSUB and GPOS
// tables that the subsetter does not carry. A font that draws none of
// the runes is left out.
func (fc *Face) Embeds(runes []rune) ([]Embed, error) {
	var out []Embed
	for i, f := range fc.files() {
		var own []rune
		shaped := false
		for _, r := range runes {
			if r == '\n' || invisible(r) || fc.fileFor(r) != f {
				continue
			}
			own = append(own, r)
			shaped = shaped || needsShaping(r)
		}
		switch {
		case len(own) == 0:
		case shaped:
			// Every glyph the figure's characters can become, by the
			// font's own rules; a CFF font whole.
			if data, err := f.shapingSubset(runes); err == nil {
				out = append(out, Embed{Data: data, Format: "truetype"})
				break
			}
			format := "truetype"
			if string(f.data[:min(4, len(f.data))]) == "OTTO" {
				format = "opentype"
			}
			out = append(out, Embed{Data: f.data, Format: format})
		case i == 0:
			data, err := fc.Subset(own)
			if err != nil {
				return nil, err
			}
			out = append(out, Embed{Data: data, Format: "truetype"})
		default:
			data, err := (&Face{Family: f.family, Bold: fc.Bold, file: f}).Subset(own)
			if err != nil {
				return nil, err
			}
			out = append(out, Embed{Data: data, Format: "truetype"})
		}
	}
	return out, nil
}
