package charts

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// table reads one TOML table into typed fields, recording each error with
// its key. Every key it is asked for counts as known; unknown reports the
// rest, each with the nearest known key.
type table struct {
	m      map[string]any
	prefix string // e.g. "data[1]." for keys inside a data row
	e      *errs
	known  []string
}

func newTable(m map[string]any, prefix string, e *errs) *table {
	return &table{m: m, prefix: prefix, e: e}
}

func (t *table) get(key string) (any, bool) {
	t.known = append(t.known, key)
	v, ok := t.m[key]
	return v, ok
}

func (t *table) errf(key, format string, args ...any) {
	t.e.add(t.prefix+key, format, args...)
}

// typeName names a decoded TOML value's type for error messages.
func typeName(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("a string (%q)", clip(v))
	case int64:
		return fmt.Sprintf("an integer (%d)", v)
	case float64:
		return fmt.Sprintf("a number (%g)", v)
	case bool:
		return fmt.Sprintf("a boolean (%t)", v)
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

// clip cuts s to an excerpt for an error message, so that a message
// quotes part of a long value, never all of it: at most 40 characters,
// and at most 64 bytes once quoted, since a byte that is not valid UTF-8
// or a control character grows to an escape (\x1b) four or six bytes
// long when the message quotes it with %q.
func clip(s string) string {
	const runes, quoted = 40, 64
	n, w := 0, 0
	for i, r := range s {
		w += quotedWidth(r, s[i:])
		if n == runes || w > quoted {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// quotedWidth is how many bytes strconv.Quote writes for the rune r that
// starts rest.
func quotedWidth(r rune, rest string) int {
	switch {
	case r == utf8.RuneError:
		if _, size := utf8.DecodeRuneInString(rest); size == 1 {
			return 4 // \xff
		}
		return 3
	case r == '"' || r == '\\' || r == '\n' || r == '\t' || r == '\r':
		return 2
	case strconv.IsPrint(r):
		return utf8.RuneLen(r)
	case r < 0x80:
		return 4 // \x1b
	case r < 0x10000:
		return 6 // \u00ad
	}
	return 10
}

// maxMarks is the most combining marks one letter may carry: Vietnamese
// and Hebrew with cantillation stack three or four, Devanagari and
// Tibetan clusters a few more.
const maxMarks = 8

// maxString is the longest text presschart takes in any field.
const maxString = 1000

// checkText rejects control characters and over-long strings.
func checkText(s string) string {
	if utf8.RuneCountInString(s) > maxString {
		return fmt.Sprintf("is %d characters long; at most %d are allowed", utf8.RuneCountInString(s), maxString)
	}
	if !utf8.ValidString(s) {
		return "is not valid UTF-8"
	}
	marks := 0 // combining marks on the last letter
	for _, r := range s {
		if unicode.In(r, unicode.Mn, unicode.Me) {
			if marks++; marks > maxMarks {
				return fmt.Sprintf("has more than %d combining marks on one letter (U+%04X); no script stacks so many, and they would run off the figure", maxMarks, r)
			}
		} else {
			marks = 0
		}
		if r == '\n' {
			continue
		}
		if unicode.IsControl(r) || r == '\uFFFE' || r == '\uFFFF' || (r >= 0xD800 && r <= 0xDFFF) {
			return fmt.Sprintf("has the control character U+%04X; remove it", r)
		}
		// Marks (LRM, RLM, ALM) and isolates order mixed right-to-left
		// and left-to-right text as a writer means it; embeddings and
		// overrides can show text in an order other than the one read,
		// and browsers and the PNG disagree on unbalanced ones.
		if r >= 0x202a && r <= 0x202e {
			return fmt.Sprintf("has the invisible direction override U+%04X; remove it (a mark, U+200E or U+200F, or an isolate, U+2066–U+2069, orders mixed text)", r)
		}
		if r == '\uFEFF' || r == '\u200B' || r == '\u2060' {
			return fmt.Sprintf("has the invisible character U+%04X (a byte-order mark or a zero-width space); remove it", r)
		}
	}
	return ""
}

func (t *table) str(key string, dst *string) bool {
	v, ok := t.get(key)
	if !ok {
		return false
	}
	s, isStr := v.(string)
	if !isStr {
		t.errf(key, "must be a string, not %s", typeName(v))
		return false
	}
	// A file saved with Windows line ends keeps them inside multi-line
	// strings: a line break all the same.
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if msg := checkText(s); msg != "" {
		t.errf(key, "%s", msg)
		return false
	}
	*dst = strings.TrimSpace(s)
	return true
}

// text reads a string that is drawn on the figure, and records it with
// its key, so that the glyph check checks every text that was read.
func (t *table) text(key string, dst *string) bool {
	if !t.str(key, dst) {
		return false
	}
	t.e.texts = append(t.e.texts, keyText{t.prefix + key, *dst})
	return true
}

// texts reads an array of strings that are drawn, as text does.
func (t *table) texts(key string, dst *[]string) bool {
	if !t.strs(key, dst) {
		return false
	}
	for i, s := range *dst {
		t.e.texts = append(t.e.texts, keyText{fmt.Sprintf("%s%s[%d]", t.prefix, key, i), s})
	}
	return true
}

func (t *table) strs(key string, dst *[]string) bool {
	v, ok := t.get(key)
	if !ok {
		return false
	}
	arr, isArr := v.([]any)
	if !isArr {
		t.errf(key, "must be an array of strings, not %s", typeName(v))
		return false
	}
	out := make([]string, 0, len(arr))
	good := true
	for i, x := range arr {
		s, isStr := x.(string)
		if !isStr {
			t.errf(fmt.Sprintf("%s[%d]", key, i), "must be a string, not %s", typeName(x))
			good = false
			continue
		}
		if msg := checkText(s); msg != "" {
			t.errf(fmt.Sprintf("%s[%d]", key, i), "%s", msg)
			good = false
			continue
		}
		out = append(out, strings.TrimSpace(s))
	}
	if good {
		*dst = out
	}
	return good
}

func (t *table) num(key string, dst *float64) bool {
	v, ok := t.get(key)
	if !ok {
		return false
	}
	f, msg := checkNumber(v)
	if msg != "" {
		t.errf(key, "%s", msg)
		return false
	}
	*dst = f
	return true
}

// checkNumber reads a TOML value as a number that can be charted, or says
// what is wrong with it.
func checkNumber(v any) (float64, string) {
	var f float64
	switch v := v.(type) {
	case int64:
		f = float64(v)
	case float64:
		f = v
	default:
		return 0, fmt.Sprintf("must be a number, not %s", typeName(v))
	}
	switch {
	case math.IsNaN(f):
		return 0, "is nan; give a number"
	case math.IsInf(f, 0):
		return 0, "is infinite; give a finite number"
	}
	if msg := checkMagnitude(f); msg != "" {
		return 0, msg
	}
	return f, ""
}

// The magnitudes a number may have. Above maxMagnitude, float64 no longer
// holds every whole number; below minMagnitude, no format presschart
// writes (at most maxDecimals, 6, decimals) tells the number from zero,
// and far below it scale arithmetic nears the subnormal range, where tick
// steps underflow to 0.
const (
	maxMagnitude = 1e15
	minMagnitude = 1e-6
)

// checkMagnitude says what is wrong with a finite number's size, or "".
func checkMagnitude(f float64) string {
	switch a := math.Abs(f); {
	case a > maxMagnitude:
		return fmt.Sprintf("%g is too large; at most 1e15 is allowed (give it in thousands or millions and say so in the subtitle)", f)
	case a != 0 && a < minMagnitude:
		return fmt.Sprintf("%g is too small to chart; numbers from 0.000001 up are allowed, or 0 (change the unit, e.g. per million, and say so in the subtitle)", f)
	}
	return ""
}

func (t *table) integer(key string, dst *int, lo, hi int) bool {
	var f float64
	if !t.num(key, &f) {
		return false
	}
	if f != math.Trunc(f) {
		t.errf(key, "must be a whole number, not %g", f)
		return false
	}
	if f < float64(lo) || f > float64(hi) {
		t.errf(key, "%g is out of range; it must be from %d to %d", f, lo, hi)
		return false
	}
	*dst = int(f)
	return true
}

func (t *table) boolean(key string, dst *bool) bool {
	v, ok := t.get(key)
	if !ok {
		return false
	}
	b, isBool := v.(bool)
	if !isBool {
		t.errf(key, "must be true or false, not %s", typeName(v))
		return false
	}
	*dst = b
	return true
}

// unknown reports every key of the table that nothing asked for.
func (t *table) unknown() {
	var keys []string
	for k := range t.m {
		if !contains(t.known, k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if len(t.e.list) >= maxErrors {
			t.e.count++ // counted, not listed: no need for a suggestion
			continue
		}
		if n := nearest(k, t.known); n != "" {
			t.errf(k, "unknown key; did you mean %q?", n)
		} else {
			t.errf(k, "unknown key; known keys are %s", strings.Join(sortedCopy(t.known), ", "))
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortedCopy(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	// drop duplicates (a key may be asked for twice)
	out := c[:0]
	for i, x := range c {
		if i == 0 || x != c[i-1] {
			out = append(out, x)
		}
	}
	return out
}
