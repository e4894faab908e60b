package font

import (
	"strings"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// Wrap breaks s into lines no wider than width at size px. It breaks at
// spaces and after hyphens and dashes; a word wider than the line is split
// between characters. Explicit line breaks ("\n") are kept. When maxLines is
// above zero, the text is cut to that many lines and the last one ends in an
// ellipsis; truncated reports whether that happened.
//
// Wrap takes time linear in the length of s: each paragraph is measured
// once, and every width it compares is read off running sums that equal
// what [Face.Width] returns for the same piece, to the last bit.
func (fc *Face) Wrap(s string, size, width float64, maxLines int) (lines []string, truncated bool) {
	var m measured
	for _, para := range strings.Split(s, "\n") {
		if fc.plain(para) && !breaksBetweenLetters(para) {
			lines = fc.wrapPara(lines, &m, para, size, width)
		} else {
			lines = fc.wrapUAX14(lines, para, size, width)
		}
	}
	if maxLines > 0 && len(lines) > maxLines {
		last := strings.Join(lines[maxLines-1:], " ")
		lines = append(lines[:maxLines-1], fc.Ellipsize(last, size, width))
		truncated = true
	}
	return lines, truncated
}

// Ellipsize shortens s with a trailing "…" until it fits width: it keeps
// the longest run of leading characters that, with trailing spaces
// trimmed and "…" added, is no wider than width. It takes time linear in
// the length of s.
func (fc *Face) Ellipsize(s string, size, width float64) string {
	if !fc.plain(s) {
		return fc.ellipsizeShaped(s, size, width)
	}
	var m measured
	fc.measure(&m, []rune(s))
	rs := m.runes
	if fc.px(m.units(0, len(rs)), size) <= width { // fc.Width(s, size)
		return s
	}
	// The runes of strings.TrimSpace(s): it trims whole runes that
	// unicode.IsSpace accepts, and a rune it trims decodes the same
	// whether read from the front or the back.
	lo, hi := 0, len(rs)
	for lo < hi && unicode.IsSpace(rs[lo]) {
		lo++
	}
	for hi > lo && unicode.IsSpace(rs[hi-1]) {
		hi--
	}
	ell, _ := fc.lookup('…')
	// Try rs[lo:k] for k from hi-1 down, as cutting one rune at a time
	// would; e is the end of rs[lo:k] with its trailing spaces trimmed,
	// and it only moves down as k does. The kerning between the last kept
	// rune and "…" depends on e, so it is looked up for each candidate.
	e := hi
	for k := hi - 1; k > lo; k-- {
		e = min(e, k)
		for e > lo && unicode.IsSpace(rs[e-1]) {
			e--
		}
		u := ell.advance
		if e > lo {
			u = m.units(lo, e) + fc.kern(m.glyphs[e-1], ell.index) + ell.advance
		}
		if fc.px(u, size) <= width {
			return string(rs[lo:e]) + "…"
		}
	}
	return "…"
}

// measured holds the running measurements of a run of runes, in font
// units, so that the width of any piece of it is two lookups away.
type measured struct {
	runes  []rune
	glyphs []sfnt.GlyphIndex
	kern   []float64 // kern[i] is the kerning between runes[i-1] and runes[i]; kern[0] is 0
	sum    []float64 // sum[i] is the width of runes[:i], kerning included
	trim   []int     // trim[i] is the end of runes[:i] with trailing ' ' removed
}

// measure fills m for rs. It adds advances and kerning as [Face.Width]
// does. Advances and kerning are whole font units (26.6 values read at a
// ppem equal to the units per em), so every partial sum is an integer
// held exactly in a float64 and differences of sums are exact too: the
// width of any piece equals Width's sum for it, bit for bit.
func (fc *Face) measure(m *measured, rs []rune) {
	n := len(rs)
	m.runes = rs
	m.glyphs = resize(m.glyphs, n)
	m.kern = resize(m.kern, n)
	m.sum = resize(m.sum, n+1)
	m.trim = resize(m.trim, n+1)
	var w float64
	var prev sfnt.GlyphIndex
	m.sum[0], m.trim[0] = 0, 0
	for i, r := range rs {
		g, _ := fc.lookup(r)
		var k float64
		if i > 0 {
			k = fc.kern(prev, g.index)
			w += k
		}
		w += g.advance
		prev = g.index
		m.glyphs[i], m.kern[i], m.sum[i+1] = g.index, k, w
		if r == ' ' {
			m.trim[i+1] = m.trim[i]
		} else {
			m.trim[i+1] = i + 1
		}
	}
}

// units returns the width of runes[a:b] in font units: the sum Width
// makes for string(runes[a:b]).
func (m *measured) units(a, b int) float64 {
	if b <= a {
		return 0
	}
	w := m.sum[b] - m.sum[a]
	if a > 0 {
		w -= m.kern[a] // the kerning that joined runes[a] to the rune before it
	}
	return w
}

// trimEnd returns the end of runes[a:b] with trailing ' ' removed.
func (m *measured) trimEnd(a, b int) int {
	return max(m.trim[b], a)
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// digitSlash reports whether rs[i] is a slash between digits, as in a
// date (03/2016) or a fraction, which UAX #14 keeps whole.
func digitSlash(rs []rune, i int) bool {
	return rs[i] == '/' && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])
}

// isDash reports whether a line may break after r inside a word.
func isDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '/'
}

// wrapPara appends the lines of one paragraph (no "\n" in s) to lines.
//
// The paragraph is cut into words, each keeping its trailing space or
// hyphen: a word ends after every space, and after a hyphen, dash or
// slash that is neither the first rune of the word nor followed by a
// space or the end. Words are added to the line while the line, trailing
// spaces trimmed, fits; a word wider than the line is split after the
// longest run of runes that fits (at least one).
func (fc *Face) wrapPara(lines []string, m *measured, s string, size, width float64) []string {
	rs := m.runes[:0]
	for _, r := range s {
		rs = append(rs, r)
	}
	fc.measure(m, rs)
	n := len(rs)
	first := len(lines)
	px := func(a, b int) float64 { return fc.px(m.units(a, b), size) }
	// The line so far is rs[ls:le]; it is empty when ls == le, and le is
	// always where the next word starts.
	ls, le := 0, 0
	addWord := func(ws, we int) {
		if px(ls, m.trimEnd(ls, we)) <= width {
			le = we
			return
		}
		if ls < le {
			lines = append(lines, string(rs[ls:m.trimEnd(ls, le)]))
		}
		a := ws
		for px(a, m.trimEnd(a, we)) > width {
			if a == m.trimEnd(a, we) {
				// Only spaces are left, and trimmed they are zero wide:
				// that is too wide only for a width below zero, where
				// splitting would never end.
				break
			}
			k := 1
			for k < we-a && px(a, a+k+1) <= width {
				k++
			}
			lines = append(lines, string(rs[a:a+k]))
			a += k
		}
		ls, le = a, we
	}
	start := 0
	for i, r := range rs {
		if r == ' ' || isDash(r) && i > start && i+1 < n && rs[i+1] != ' ' && !digitSlash(rs, i) {
			addWord(start, i+1)
			start = i + 1
		}
	}
	if start < n {
		addWord(start, n)
	}
	if ls < le || len(lines) == first {
		lines = append(lines, string(rs[ls:m.trimEnd(ls, le)]))
	}
	return lines
}
