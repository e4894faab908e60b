package charts

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one problem in an input file, with where it is.
type Error struct {
	File   string // the input file name as given, e.g. "data.toml"
	Line   int    // 1-based; 0 when unknown
	Col    int    // 1-based; 0 when unknown
	Figure string // `figure "nepal-drop"` or `figure[3]`; empty for file-level problems
	Key    string // e.g. "data[1].value"; empty when the problem is the whole figure
	Msg    string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Figure != "" {
		b.WriteString(e.Figure + ": ")
	}
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in one input file, in file order.
type Errors []*Error

func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// errs collects errors for one file, with a figure prefix that callers set.
type errs struct {
	file   string
	dir    string    // where relative paths in the file start
	root   string    // the folder that files named in the file must lie in; "" for dir
	hold   any       // the rows of the last CSV file read, kept for the next figure
	texts  []keyText // the drawn texts read for the current figure, for checkGlyphs
	figure string
	list   Errors
}

// keyText is a drawn text with the key it was read from.
type keyText struct{ key, s string }

func (e *errs) add(key, format string, args ...any) {
	e.list = append(e.list, &Error{File: e.file, Figure: e.figure, Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (e *errs) err() error {
	if len(e.list) == 0 {
		return nil
	}
	return e.list
}

// nearest returns the known name closest to s, or "" when none is close.
func nearest(s string, known []string) string {
	best, bestD := "", 1<<30
	sorted := append([]string(nil), known...)
	sort.Strings(sorted)
	for _, k := range sorted {
		if d := editDistance(strings.ToLower(s), k); d < bestD {
			best, bestD = k, d
		}
	}
	if bestD > max(2, len(s)/2) {
		return ""
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
