package font

import (
	"slices"
	"strings"
	"unicode"

	"github.com/go-text/typesetting/segmenter"
)

// Text in scripts written without spaces between words (Chinese,
// Japanese, Thai), and text that goes through the shaper, is wrapped at
// the line-break opportunities of the Unicode line breaking algorithm
// (UAX #14): between ideographs, never inside a number or before closing
// punctuation, after spaces and hyphens. Each candidate line is measured
// whole, shaped where it needs it, since a shaped word's width is not the
// sum of its letters'. Latin text keeps the faster rules of wrapPara,
// which agree with UAX #14 on it.

// breaksBetweenLetters reports whether s holds characters of a script
// that may break between letters: CJK ideographs, kana, Hangul syllables
// and their punctuation.
func breaksBetweenLetters(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x2e80 && r < 0xa000, r >= 0xac00 && r < 0xd7b0, r >= 0xf900 && r < 0xfb00, r >= 0xff00 && r < 0xfff0:
			return true
		}
	}
	return false
}

// lineBreaks returns the positions in rs after which a line may end, in
// order; the last is len(rs).
func lineBreaks(rs []rune) []int {
	var seg segmenter.Segmenter
	seg.Init(rs)
	var out []int
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		out = append(out, l.Offset+len(l.Text))
	}
	if len(out) == 0 || out[len(out)-1] != len(rs) {
		out = append(out, len(rs))
	}
	out = thaiBreaks(rs, out)
	// Korean is wrapped at its spaces, as CSS's word-break: keep-all and
	// Korean newsrooms do, not between the syllables of a word, nor
	// between a number and the syllables that count it (1,000명).
	kept := out[:0]
	for _, b := range out {
		if b > 0 && b < len(rs) && (isHangul(rs[b-1]) || isHangul(rs[b])) && wordChar(rs[b-1]) && wordChar(rs[b]) {
			continue
		}
		kept = append(kept, b)
	}
	return kept
}

// wordChar reports whether r belongs to a word as keep-all sees one: a
// letter, digit or mark.
func wordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isHangul reports whether r is a Hangul syllable or jamo.
func isHangul(r rune) bool {
	return r >= 0xac00 && r < 0xd7b0 || r >= 0x1100 && r < 0x1200 || r >= 0x3130 && r < 0x3190
}

// graphemes returns the ends of the grapheme clusters of rs, in order: a
// line or an ellipsis never splits a letter from its marks.
func graphemes(rs []rune) []int {
	var seg segmenter.Segmenter
	seg.Init(rs)
	var out []int
	it := seg.GraphemeIterator()
	for it.Next() {
		g := it.Grapheme()
		out = append(out, g.Offset+len(g.Text))
	}
	return out
}

// trimmed returns rs[a:b] as a string without trailing spaces.
func trimmed(rs []rune, a, b int) string {
	for b > a && unicode.IsSpace(rs[b-1]) {
		b--
	}
	return string(rs[a:b])
}

// wrapUAX14 appends the lines of one paragraph to lines, breaking at the
// opportunities of UAX #14; a piece wider than the line is split between
// grapheme clusters.
func (fc *Face) wrapUAX14(lines []string, s string, size, width float64) []string {
	rs := []rune(s)
	first := len(lines)
	w := func(a, b int) float64 { return fc.Width(trimmed(rs, a, b), size) }
	ls, fit := 0, 0 // the line is rs[ls:fit] so far
	breaks := lineBreaks(rs)
	for i := 0; i < len(breaks); {
		b := breaks[i]
		if w(ls, b) <= width {
			fit = b
			i++
			continue
		}
		if fit > ls {
			lines = append(lines, trimmed(rs, ls, fit))
			ls = fit
			continue
		}
		// rs[ls:b] alone is too wide: full lines of its clusters, the
		// rest (which fits) starts the next line.
		ends := graphemes(rs[ls:b])
		a := 0 // in rs[ls:b]
		for w(ls+a, b) > width {
			k := -1 // the last cluster end that fits, at least one cluster
			for j, e := range ends {
				if e <= a {
					continue
				}
				if k < 0 || w(ls+a, ls+e) <= width {
					k = j
					if w(ls+a, ls+e) > width {
						break
					}
					continue
				}
				break
			}
			if k < 0 || ends[k] >= b-ls {
				break
			}
			lines = append(lines, trimmed(rs, ls+a, ls+ends[k]))
			a = ends[k]
		}
		ls += a
		fit = b
		i++
	}
	if ls < len(rs) || len(lines) == first {
		lines = append(lines, trimmed(rs, ls, len(rs)))
	}
	return lines
}

// ellipsizeShaped is Ellipsize for text that goes through the shaper: it
// keeps the longest run of leading grapheme clusters that, with "…"
// added, fits, found by bisection (a shaped prefix grows with its
// length).
func (fc *Face) ellipsizeShaped(s string, size, width float64) string {
	if fc.Width(s, size) <= width {
		return s
	}
	rs := []rune(strings.TrimSpace(s))
	ends := graphemes(rs)
	fits := func(k int) bool { return fc.Width(trimmed(rs, 0, ends[k])+"…", size) <= width }
	lo, hi := -1, len(ends)-1 // ends[lo] fits (or nothing does, lo = -1); ends[hi] does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo < 0 {
		return "…"
	}
	return trimmed(rs, 0, ends[lo]) + "…"
}

// thaiBreaks adds break opportunities inside runs of Thai, which UAX #14
// leaves to a dictionary of words (class SA): before a leading vowel
// (เ แ โ ใ ไ), and after ะ, ๆ and ฯ, which end syllables. Without a
// dictionary these are syllable boundaries, not always word boundaries;
// they keep a line from being cut inside a syllable or between a letter
// and its marks, which is what a long Thai title would get otherwise.
func thaiBreaks(rs []rune, breaks []int) []int {
	isThai := func(r rune) bool { return r >= 0x0e01 && r <= 0x0e5b }
	leading := func(r rune) bool { return r >= 0x0e40 && r <= 0x0e44 }
	var add []int
	for i := 1; i < len(rs); i++ {
		prev, r := rs[i-1], rs[i]
		if !isThai(prev) || !isThai(r) || leading(prev) || unicode.IsMark(r) {
			continue
		}
		if leading(r) || prev == 0x0e30 || prev == 0x0e46 || prev == 0x0e2f {
			add = append(add, i)
		}
	}
	if len(add) == 0 {
		return breaks
	}
	out := append(breaks, add...)
	slices.Sort(out)
	return slices.Compact(out)
}
