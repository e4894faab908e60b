package font

import (
	"strings"
	"unicode"
)

// Wrap breaks s into lines no wider than width at size px. It breaks at
// spaces and after hyphens and dashes; a word wider than the line is split
// between characters. Explicit line breaks ("\n") are kept. When maxLines is
// above zero, the text is cut to that many lines and the last one ends in an
// ellipsis; truncated reports whether that happened.
func (fc *Face) Wrap(s string, size, width float64, maxLines int) (lines []string, truncated bool) {
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, fc.wrapPara(para, size, width)...)
	}
	if maxLines > 0 && len(lines) > maxLines {
		last := strings.Join(lines[maxLines-1:], " ")
		lines = append(lines[:maxLines-1], fc.Ellipsize(last, size, width))
		truncated = true
	}
	return lines, truncated
}

// Ellipsize shortens s with a trailing "…" until it fits width.
func (fc *Face) Ellipsize(s string, size, width float64) string {
	if fc.Width(s, size) <= width {
		return s
	}
	r := []rune(strings.TrimSpace(s))
	for len(r) > 0 {
		r = r[:len(r)-1]
		t := strings.TrimRightFunc(string(r), unicode.IsSpace) + "…"
		if fc.Width(t, size) <= width {
			return t
		}
	}
	return "…"
}

// words splits a paragraph into pieces that may end a line: each piece keeps
// its trailing space or hyphen.
func words(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	for i, r := range rs {
		if r == ' ' || ((r == '-' || r == '–' || r == '—' || r == '/') && i > start && i+1 < len(rs) && rs[i+1] != ' ') {
			out = append(out, string(rs[start:i+1]))
			start = i + 1
		}
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

func (fc *Face) wrapPara(s string, size, width float64) []string {
	var lines []string
	line := ""
	for _, w := range words(s) {
		try := line + w
		if fc.Width(strings.TrimRight(try, " "), size) <= width || line == "" && fc.Width(strings.TrimRight(w, " "), size) <= width {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, strings.TrimRight(line, " "))
			line = ""
		}
		// A word wider than the whole line is split between characters.
		for fc.Width(strings.TrimRight(w, " "), size) > width {
			r := []rune(w)
			n := 1
			for n < len(r) && fc.Width(string(r[:n+1]), size) <= width {
				n++
			}
			lines = append(lines, string(r[:n]))
			w = string(r[n:])
		}
		line = w
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, strings.TrimRight(line, " "))
	}
	return lines
}
