package charts

import (
	"net/url"
	"strings"
)

// Furniture an editor adds beyond title, note, source and credit: a
// byline, a link for the source, and footnotes whose markers line up.

// credit is the figure's credit line: the byline, then the credit.
func (st *Style) credit() string {
	switch {
	case st.Byline == "":
		return st.Credit
	case st.Credit == "":
		return st.Byline
	}
	return st.Byline + " · " + st.Credit
}

// checkURL says what is wrong with a source_url, or "": an absolute http
// or https address, so that no file:, data: or javascript: link reaches
// an SVG or a CMS.
func checkURL(s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil || strings.ContainsAny(s, " \"<>\\\n"):
		return "is not a web address; write it as https://..."
	case u.Scheme != "https" && u.Scheme != "http":
		return "must start with https:// or http://, so that the link is a web page"
	case u.Host == "":
		return "has no host; write it as https://example.org/..."
	}
	return ""
}

// footnoteMark is a note line's footnote marker: asterisks, daggers,
// superscript digits or "1)", then blanks.
var footnoteMark = lazyRegexp(`^(\*+|†+|‡|§|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2}\))\s+`)

// noteLine is one line of a note: a footnote marker at the margin (or
// none), and its text, indented.
type noteLine struct {
	mark, text string
	indent     float64
}

// noteLines wraps a note to width. Its lines (explicit "\n" breaks) that
// start with a footnote marker hang: the marker at the margin, the text
// of every such line, wrapped, in one column after the widest marker.
func (c *ctx) noteLines(note string, width float64) []noteLine {
	paras := strings.Split(note, "\n")
	col := 0.0
	for _, p := range paras {
		if m := footnoteMark().FindString(p); m != "" {
			col = max(col, c.regular.Width(strings.TrimSpace(m), c.small)+c.regular.Width(" ", c.small)*1.5)
		}
	}
	var out []noteLine
	for _, p := range paras {
		m := footnoteMark().FindString(p)
		if m == "" || col == 0 {
			lines, _ := c.regular.Wrap(p, c.small, width, 0)
			for _, l := range lines {
				out = append(out, noteLine{text: l})
			}
			continue
		}
		lines, _ := c.regular.Wrap(p[len(m):], c.small, width-col, 0)
		for i, l := range lines {
			nl := noteLine{text: l, indent: col}
			if i == 0 {
				nl.mark = strings.TrimSpace(m)
			}
			out = append(out, nl)
		}
	}
	return out
}
