package charts

import (
	"fmt"
	"github.com/presschart/presschart/charts/font"
	"github.com/presschart/presschart/charts/internal/edit"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is one problem in an input file, with where it is.
type Error struct {
	File   string // the input file name as given, e.g. "data.toml"
	Line   int    // 1-based; 0 when unknown
	Col    int    // 1-based; 0 when unknown
	Figure string // `figure "nepal-drop"` or `figure[3]`; empty for file-level problems
	Key    string // e.g. "data[1].value"; empty when the problem is the whole figure
	Msg    string

	run *rowRun // the rows this problem stands for, when it is one of consecutive rows'
}

// rowRun is a problem that consecutive rows share (the same message for
// the same key of data[1000] to data[2999]), reported once with the rows'
// range: data[1000–2999].x, or data[1000–2999] (f.csv:1002–3001).x.
type rowRun struct {
	first, last  int    // the rows
	line0, line1 int    // their lines in a CSV file, or 0
	file, rest   string // the CSV file ("f.csv:"), and the key after the row
}

// rowKeyPattern is a key of one data row, with the CSV line it came from.
var rowKeyPattern = lazyRegexp(`^data\[(\d+)\](?: \((.+:(?:row )?)(\d+)\))?(\..*)?$`)

func (r *rowRun) key() string {
	k := fmt.Sprintf("data[%d–%d]", r.first, r.last)
	if r.file != "" {
		k += fmt.Sprintf(" (%s%d–%d)", r.file, r.line0, r.line1)
	}
	return k + r.rest
}

// joins says that a problem of key key and message msg continues the run
// of the problem e, and extends the run if so.
func (e *Error) joins(figure, key, msg string) bool {
	if e.Figure != figure || e.Msg != msg {
		return false
	}
	m := rowKeyPattern().FindStringSubmatch(key)
	if m == nil {
		return false
	}
	row, _ := strconv.Atoi(m[1])
	line, _ := strconv.Atoi(m[3])
	if e.run == nil {
		p := rowKeyPattern().FindStringSubmatch(e.Key)
		if p == nil {
			return false
		}
		first, _ := strconv.Atoi(p[1])
		l0, _ := strconv.Atoi(p[3])
		e.run = &rowRun{first: first, last: first, line0: l0, line1: l0, file: p[2], rest: p[4]}
	}
	r := e.run
	if row != r.last+1 || m[2] != r.file || m[4] != r.rest || line < r.line1 {
		return false
	}
	r.last, r.line1 = row, line
	e.Key = r.key()
	return true
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
	list   Errors // the first maxErrors problems
	count  int    // every problem, listed or not
	joined int    // problems listed as part of the one before (rowRun)
}

// keyText is a drawn text with the key it was read from.
type keyText struct{ key, s string }

// maxErrors is how many problems one file reports before it only counts
// the rest: a file of half a million unknown keys says so in a screenful.
const maxErrors = 100

// A problem that the row before had too (the same message for the same
// key) joins that row's, which then names both rows' range.
func (e *errs) add(key, format string, args ...any) {
	key, msg := safeKey(key), fmt.Sprintf(format, args...)
	if n := len(e.list); n > 0 && e.list[n-1].Figure == e.figure && e.list[n-1].Key == key && e.list[n-1].Msg == msg {
		return // said already (a figure's panels share their keys)
	}
	e.count++
	if n := len(e.list); n > 0 && e.list[n-1].joins(e.figure, key, msg) {
		e.joined++
		return
	}
	if len(e.list) < maxErrors {
		e.list = append(e.list, &Error{File: e.file, Figure: e.figure, Key: key, Msg: msg})
	}
}

// addAt adds a problem of the file as a whole at a line and column.
func (e *errs) addAt(line, col int, msg string) {
	e.count++
	if len(e.list) < maxErrors {
		e.list = append(e.list, &Error{File: e.file, Line: line, Col: col, Msg: msg})
	}
}

func (e *errs) err() error {
	if e.count == 0 {
		return nil
	}
	if n := e.count - e.joined; n > len(e.list) {
		return append(slices.Clone(e.list), &Error{File: e.file, Msg: fmt.Sprintf("%d more problems not listed", n-len(e.list))})
	}
	return e.list
}

// fontName names a font for a message: its family name comes from the
// font file, so it is quoted with escapes and cut short.
func fontName(f *font.Face) string {
	var names []string
	for _, fam := range f.Families() {
		names = append(names, strconv.Quote(clip(fam)))
	}
	if len(names) == 1 {
		return "the font " + names[0]
	}
	return "the fonts " + strings.Join(names, ", ")
}

// safeKey writes a key for a message: as it is when it is printable, else
// quoted with escapes, so that a key cannot clear a terminal, forge a line
// or hide text behind a direction mark.
func safeKey(k string) string {
	for _, r := range k {
		if !unicode.IsPrint(r) || unicode.In(r, unicode.Bidi_Control) {
			return strconv.Quote(clip(k))
		}
	}
	if utf8.RuneCountInString(k) > 80 {
		return strconv.Quote(clip(k))
	}
	return k
}

// nearest returns the known name closest to s, or "" when none is close.
func nearest(s string, known []string) string {
	best, bestD := "", 1<<30
	sorted := append([]string(nil), known...)
	sort.Strings(sorted)
	for _, k := range sorted {
		if d := edit.Distance(strings.ToLower(s), k, bestD); d < bestD {
			best, bestD = k, d
		}
	}
	if bestD > max(2, len(s)/2) {
		return ""
	}
	return best
}
