package charts

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Most problems are found in decoded tables, which no longer know where
// in the file they came from. locate gives such an error the line and
// column of its key, found again in the text of its figure's section, so
// that every message reads file:line:col, as an editor or a preview can
// jump to. It is a best effort over the file's own text: an error whose
// key cannot be found keeps the line of its figure's [[figure]] header,
// and one whose figure cannot be found keeps no line.

// FigureSource is the text of one [[figure]] section of a file.
type FigureSource struct {
	Line int    // the line of its [[figure]] header, 1-based
	Text string // the section, from its header to the next table that is not the figure's
}

// FigureSources returns the [[figure]] sections of src in file order: the
// i-th is the i-th figure's. It is nil when src cannot be split so (a
// file that is not TOML, or defines its figures in another form).
func FigureSources(src []byte) []FigureSource {
	g := newTOMLGuard(src)
	g.run()
	var out []FigureSource
	start := -1
	for _, h := range g.headers {
		if start >= 0 {
			out[len(out)-1].Text = string(src[start:h.at])
			start = -1
		}
		if h.kind == figureArray {
			out = append(out, FigureSource{Line: h.line})
			start = h.at
		}
	}
	if start >= 0 {
		out[len(out)-1].Text = string(src[start:])
	}
	return out
}

var (
	figureByIndex = lazyRegexp(`^figure\[(\d+)\]$`)
	figureByID    = lazyRegexp(`^figure "([a-z0-9-]+)"(?:, panel ".*")?$`) // a panel's problems name it
	idLine        = lazyRegexp(`(?m)^[ \t]*id[ \t]*=[ \t]*["']([a-z0-9-]+)["'][ \t]*(?:#.*)?\r?$`)
	keySegment    = lazyRegexp(`^([A-Za-z0-9_-]+)((?:\[\d+\])*)$`)
)

// locate sets Line and Col of each error in es that has a figure (or a
// key) but no line, from src. Finding a key reads its figure's section a
// few times over; the reading stops, leaving errors at their figure's
// header, once it has read sixteen times the file (or 64 MiB, for a small
// file), so that a huge figure with a hundred problems costs no more than
// decoding it.
func locate(src []byte, es Errors) {
	var secs []FigureSource
	var byID map[string]int
	work := max(16*len(src), 64<<20)
	for _, e := range es {
		if e.Line > 0 || e.Figure == "" && e.Key == "" {
			continue
		}
		if e.Figure == "" { // a key of the file's own tables: [style]
			if work -= 4 * len(src); work < 0 {
				continue
			}
			text := string(src)
			if at := findKey(text, "", e.Key); at > 0 || strings.HasPrefix(text, e.Key) {
				e.Line, e.Col = position(text, 1, at)
			}
			continue
		}
		if secs == nil {
			if secs = FigureSources(src); secs == nil {
				return
			}
			byID = map[string]int{}
			for i, s := range secs {
				if m := idLine().FindStringSubmatch(s.Text); m != nil {
					if _, dup := byID[m[1]]; !dup {
						byID[m[1]] = i
					}
				}
			}
		}
		sec := -1
		if m := figureByIndex().FindStringSubmatch(e.Figure); m != nil {
			if i, err := strconv.Atoi(m[1]); err == nil && i < len(secs) {
				sec = i
			}
		} else if m := figureByID().FindStringSubmatch(e.Figure); m != nil {
			if i, ok := byID[m[1]]; ok {
				sec = i
			}
		}
		if sec < 0 {
			continue
		}
		s := secs[sec]
		at := 0
		if work -= 4 * len(s.Text); work >= 0 {
			at = findKey(s.Text, "figure.", e.Key)
		}
		e.Line, e.Col = position(s.Text, s.Line, at)
	}
}

// position is the line and column (in characters) of text[at], text
// starting at line.
func position(text string, line, at int) (int, int) {
	lineStart := strings.LastIndexByte(text[:at], '\n') + 1
	return line + strings.Count(text[:at], "\n"), utf8.RuneCountInString(text[lineStart:at]) + 1
}

// findKey returns the offset in a figure's section of the key path key
// ("annotation[2].to", "data[1].value", "columns.label"), or of as much of
// it as can be found: the section's start when none can. prefix is what
// the section's sub-table headers start with ("figure.", or "" for the
// file's own tables).
func findKey(sec, prefix, key string) int {
	at := 0
	lo, hi, inline := 0, len(sec), false
	parts := strings.Split(withoutAsides(key), ".")
	for n, part := range parts {
		m := keySegment().FindStringSubmatch(part)
		if m == nil {
			return at
		}
		name := m[1]
		var idx []int
		for _, s := range strings.Split(strings.Trim(m[2], "[]"), "][") {
			if i, err := strconv.Atoi(s); err == nil {
				idx = append(idx, i)
			}
		}
		// A sub-table of the figure: [[figure.name]] or [figure.name].
		if n == 0 {
			if h, end, ok := subTable(sec, prefix, name, idx); ok {
				at, lo, hi, inline = h, h, end, false
				continue
			}
		}
		k, v, ok := keyIn(sec, lo, hi, inline, name)
		if !ok {
			return at
		}
		at = k
		valueLo, valueHi := v, valueEnd(sec, v, hi)
		for _, i := range idx {
			s, e, ok := element(sec, valueLo, valueHi, i)
			if !ok {
				return at
			}
			at, valueLo, valueHi = s, s, e
		}
		if valueLo < len(sec) && sec[valueLo] == '{' {
			lo, hi, inline = valueLo+1, max(valueLo+1, valueHi-1), true
		} else {
			lo, hi, inline = valueLo, valueLo, true
		}
	}
	return at
}

// withoutAsides drops what a key says in parentheses ("data[2] (a.csv:3).label",
// "data (a.csv's series \"x\")"), leaving the key path.
func withoutAsides(key string) string {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(key); i++ {
		switch c := key[i]; {
		case c == '(' && (depth > 0 || i > 0 && key[i-1] == ' '):
			depth++
		case c == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	// Rows that share a problem are found at the first: data[3–9].x.
	return rowRange().ReplaceAllString(strings.ReplaceAll(b.String(), " ", ""), "[$1]")
}

var rowRange = lazyRegexp(`\[(\d+)–\d+\]`)

// subTable finds [[figure.name]] (its idx[0]-th) or [figure.name] in sec,
// with prefix for "figure.": the offset of its header and of the next
// header.
func subTable(sec, prefix, name string, idx []int) (at, end int, ok bool) {
	want := 0
	if len(idx) > 0 {
		want = idx[0]
	}
	p := strings.ReplaceAll(regexp.QuoteMeta(prefix), `\.`, `[ \t]*\.[ \t]*`)
	header := regexp.MustCompile(`(?m)^[ \t]*\[(\[?)[ \t]*` + p + regexp.QuoteMeta(name) + `[ \t]*\]`)
	seen := 0
	for _, m := range header.FindAllStringSubmatchIndex(sec, -1) {
		array := m[3] > m[2]
		if array && seen != want {
			seen++
			continue
		}
		if !array && len(idx) > 0 {
			continue
		}
		at = m[0] + len(sec[m[0]:m[1]]) - len(strings.TrimLeft(sec[m[0]:m[1]], " \t"))
		end = len(sec)
		if next := regexp.MustCompile(`(?m)^[ \t]*\[`).FindStringIndex(sec[m[1]:]); next != nil {
			end = m[1] + next[0]
		}
		return at, end, true
	}
	return 0, 0, false
}

// keyIn finds the key name in sec[lo:hi]: at the start of a line outside
// any bracket when the span is a block of lines, or after the span's start
// or a comma when it is the inside of an inline table. It returns the
// key's offset and the offset of its value.
func keyIn(sec string, lo, hi int, inline bool, name string) (key, value int, ok bool) {
	depth := 0
	expect := true
	for i := lo; i < hi; {
		c := sec[i]
		switch {
		case c == '#':
			for i < hi && sec[i] != '\n' {
				i++
			}
			continue
		case c == '"' || c == '\'':
			if expect && depth == 0 {
				k, j := readKey(sec, i, hi)
				if k == name {
					return i, j, true
				}
				expect = false
				i = max(j, i+1)
				continue
			}
			i = skipStr(sec, i, hi)
			continue
		case c == '\n':
			if !inline && depth == 0 {
				expect = true
			}
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		case c == ',':
			if inline && depth == 0 {
				expect = true
			}
		case c == ' ' || c == '\t' || c == '\r':
		default:
			if expect && depth == 0 {
				k, j := readKey(sec, i, hi)
				if k == name {
					return i, j, true
				}
				expect = false
				i = max(j, i+1)
				continue
			}
		}
		i++
	}
	return 0, 0, false
}

// readKey reads a key (bare or quoted, the first part of a dotted one) at
// sec[i] and returns it and the offset past its '=', or the offset where
// it stopped being a key.
func readKey(sec string, i, hi int) (string, int) {
	var k string
	j := i
	if c := sec[i]; c == '"' || c == '\'' {
		j = skipStr(sec, i, hi)
		if uq, err := strconv.Unquote(sec[i:j]); err == nil {
			k = uq
		} else if j-i >= 2 {
			k = sec[i+1 : j-1]
		}
	} else {
		for j < hi && (isBare(sec[j])) {
			j++
		}
		k = sec[i:j]
	}
	for j < hi && (sec[j] == ' ' || sec[j] == '\t') {
		j++
	}
	if j < hi && sec[j] == '=' {
		j++
		for j < hi && (sec[j] == ' ' || sec[j] == '\t') {
			j++
		}
		return k, j
	}
	return "", j
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// skipStr returns the offset past the string that starts at sec[i].
func skipStr(sec string, i, hi int) int {
	q := sec[i]
	if strings.HasPrefix(sec[i:], strings.Repeat(string(q), 3)) {
		if end := strings.Index(sec[i+3:hi], strings.Repeat(string(q), 3)); end >= 0 {
			return i + 3 + end + 3
		}
		return hi
	}
	for j := i + 1; j < hi; j++ {
		switch sec[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			return j + 1
		case '\n':
			return j
		}
	}
	return hi
}

// valueEnd returns the end of the value that starts at sec[v]: past its
// closing bracket, or the end of its line.
func valueEnd(sec string, v, hi int) int {
	depth := 0
	for i := v; i < hi; {
		switch c := sec[i]; {
		case c == '"' || c == '\'':
			i = skipStr(sec, i, hi)
			continue
		case c == '#':
			for i < hi && sec[i] != '\n' {
				i++
			}
			continue
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			if depth--; depth <= 0 {
				return i + 1
			}
		case c == '\n' || c == ',':
			if depth == 0 {
				return i
			}
		}
		i++
	}
	return hi
}

// element returns the span of the n-th element of the array that starts
// at sec[lo].
func element(sec string, lo, hi, n int) (start, end int, ok bool) {
	if lo >= hi || sec[lo] != '[' {
		return 0, 0, false
	}
	count := 0
	for i := lo + 1; i < hi; {
		switch c := sec[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',':
			i++
		case c == '#':
			for i < hi && sec[i] != '\n' {
				i++
			}
		case c == ']':
			return 0, 0, false
		default:
			e := valueEnd(sec, i, hi)
			if count == n {
				return i, e, true
			}
			count++
			i = max(e, i+1)
		}
	}
	return 0, 0, false
}
