package font

import (
	"encoding/binary"
	"errors"

	gtfont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// A font that shapes text (Arabic, Devanagari) cannot be subset the way
// Subset does it: its joining forms, conjuncts and marks are glyphs that
// no character maps to, reached through the GSUB table, and placed by
// GPOS, both of which name glyphs by their numbers. shapingSubset keeps
// every table and every glyph number, and empties the outlines of the
// glyphs the figure cannot reach: those neither mapped from its
// characters nor substituted for them by any GSUB lookup, followed to a
// fixed point (a closure wider than any one shaping, so a browser that
// applies other features, a language's local forms, still finds its
// glyphs), nor parts of a composite glyph it keeps. The outlines are
// most of such a font: Noto Sans Arabic's 244 KB become about 60 KB.

// errNotTrueType reports a font with CFF outlines, which shapingSubset
// does not cut; Embeds then embeds it whole.
var errNotTrueType = errors.New("not a TrueType-outline font")

// shapingSubset returns the font file with only the outlines that runes
// can reach.
func (fc *file) shapingSubset(runes []rune) ([]byte, error) {
	raw, err := tableDirectory(fc.data)
	if err != nil {
		return nil, err
	}
	if raw["glyf"] == nil || raw["loca"] == nil || raw["head"] == nil || len(raw["head"]) < 54 {
		return nil, errNotTrueType
	}
	n := fc.font.NumGlyphs()
	offsets, err := locaOffsets(raw["loca"], int16(binary.BigEndian.Uint16(raw["head"][50:])), n)
	if err != nil {
		return nil, err
	}
	keep := map[tables.GlyphID]bool{0: true}
	for _, r := range runes {
		if g, ok := fc.lookup(r); ok {
			keep[tables.GlyphID(g.index)] = true
		}
	}
	if gf := fc.shaperFace(); gf != nil {
		gsubClosure(gf.GSUB.Lookups, keep)
	}
	// Parts of kept composite glyphs, and their parts.
	glyf := raw["glyf"]
	for changed := true; changed; {
		changed = false
		for g := range keep {
			if int(g) >= n {
				continue
			}
			for _, part := range components(glyf[offsets[g]:offsets[g+1]]) {
				if !keep[part] {
					keep[part] = true
					changed = true
				}
			}
		}
	}
	// The new glyf and long loca: kept outlines as they were, the others
	// empty.
	var newGlyf []byte
	loca := make([]byte, 0, 4*(n+1))
	for g := 0; g < n; g++ {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(newGlyf)))
		if keep[tables.GlyphID(g)] {
			newGlyf = append(newGlyf, glyf[offsets[g]:offsets[g+1]]...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(newGlyf)))
	out := map[string][]byte{}
	for tag, data := range raw {
		switch tag {
		case "glyf", "loca", "DSIG", "hdmx", "LTSH", "VDMX":
			// replaced, or describing every glyph's outline and no
			// longer true
		case "head":
			head := append([]byte(nil), data...)
			binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set by assemble
			binary.BigEndian.PutUint16(head[50:], 1) // long loca
			out[tag] = head
		case "post":
			// Version 3: no glyph names, which are a tenth of the file.
			if len(data) >= 32 {
				post := append([]byte(nil), data[:32]...)
				binary.BigEndian.PutUint32(post, 0x00030000)
				out[tag] = post
			}
		default:
			out[tag] = data
		}
	}
	out["glyf"], out["loca"] = newGlyf, loca
	return assemble(out), nil
}

// gsubClosure adds to keep every glyph that a GSUB lookup can put in the
// place of kept glyphs, until no lookup adds one. Contextual lookups
// only choose where the others apply; the others are followed for every
// kept glyph they cover.
func gsubClosure(lookups []gtfont.GSUBLookup, keep map[tables.GlyphID]bool) {
	for changed := true; changed; {
		changed = false
		add := func(g tables.GlyphID) {
			if !keep[g] {
				keep[g] = true
				changed = true
			}
		}
		for _, l := range lookups {
			for _, st := range l.Subtables {
				for g := range keep {
					switch st := st.(type) {
					case tables.SingleSubs:
						i, ok := st.Data.Cov().Index(g)
						if !ok {
							continue
						}
						switch d := st.Data.(type) {
						case tables.SingleSubstData1:
							add(tables.GlyphID(int(g) + int(d.DeltaGlyphID)))
						case tables.SingleSubstData2:
							if i < len(d.SubstituteGlyphIDs) {
								add(d.SubstituteGlyphIDs[i])
							}
						}
					case tables.MultipleSubs:
						if i, ok := st.Coverage.Index(g); ok && i < len(st.Sequences) {
							for _, s := range st.Sequences[i].SubstituteGlyphIDs {
								add(s)
							}
						}
					case tables.AlternateSubs:
						if i, ok := st.Coverage.Index(g); ok && i < len(st.AlternateSets) {
							for _, s := range st.AlternateSets[i].AlternateGlyphIDs {
								add(s)
							}
						}
					case tables.LigatureSubs:
						if i, ok := st.Coverage.Index(g); ok && i < len(st.LigatureSets) {
							for _, lig := range st.LigatureSets[i].Ligatures {
								all := true
								for _, c := range lig.ComponentGlyphIDs {
									all = all && keep[c]
								}
								if all {
									add(lig.LigatureGlyph)
								}
							}
						}
					}
				}
			}
		}
	}
}

// tableDirectory returns a font file's tables by tag.
func tableDirectory(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("short font file")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	out := map[string][]byte{}
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errors.New("short table directory")
		}
		off, l := binary.BigEndian.Uint32(data[rec+8:]), binary.BigEndian.Uint32(data[rec+12:])
		if uint64(off)+uint64(l) > uint64(len(data)) {
			return nil, errors.New("a table runs past the end of the file")
		}
		out[string(data[rec:rec+4])] = data[off : off+l]
	}
	return out, nil
}

// locaOffsets reads the glyph offsets, n+1 of them, short or long.
func locaOffsets(loca []byte, format int16, n int) ([]uint32, error) {
	out := make([]uint32, n+1)
	for i := range out {
		switch {
		case format == 0 && 2*i+2 <= len(loca):
			out[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		case format == 1 && 4*i+4 <= len(loca):
			out[i] = binary.BigEndian.Uint32(loca[4*i:])
		default:
			return nil, errors.New("short loca table")
		}
		if i > 0 && out[i] < out[i-1] {
			return nil, errors.New("loca offsets out of order")
		}
	}
	return out, nil
}

// components returns the glyphs a composite glyph is made of; none for a
// simple one.
func components(g []byte) []tables.GlyphID {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var out []tables.GlyphID
	const (
		argsAreWords   = 0x0001
		haveScale      = 0x0008
		moreComponents = 0x0020
		haveXYScale    = 0x0040
		have2x2        = 0x0080
	)
	for p := 10; p+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, tables.GlyphID(binary.BigEndian.Uint16(g[p+2:])))
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&have2x2 != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
	return out
}
