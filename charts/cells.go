package charts

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Numbers in CSV cells, as people and spreadsheets write them: 1,234.5
// or 1.234,5 or 1 234,5 (with spaces, no-break spaces or apostrophes
// between thousands), −3.2 with a real minus sign, (1,200) for an
// accounting negative, a trailing %, and the figure's own prefix and
// suffix ($1.2, 3 km). Which of comma and point is the decimal separator
// is the data locale's (data_locale = "de") or, without one, what the
// column's own cells show (a comma followed by other than three digits,
// a separator that appears twice, both in one cell); a cell that could be
// read either way, with nothing to tell, is an error that gives both
// readings.

// cellFormat is how one column's numbers are read.
type cellFormat struct {
	locale         string // data_locale, or "" when unset
	decimal        byte   // '.' or ','; 0 when the cells have not told
	group          string // the data locale's thousands separator, when set
	prefix, suffix string // the figure's, which a cell may carry
	implied        bool   // locale is not the figure's data_locale but a workbook's (English)
}

// spreadsheetErrors are the errors a spreadsheet writes in a cell whose
// formula failed; #N/A, a missing value, is not among them.
var spreadsheetErrors = []string{"#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}

func spreadsheetError(cell string) bool {
	cell = strings.TrimSpace(cell)
	for _, e := range spreadsheetErrors {
		if strings.EqualFold(cell, e) {
			return true
		}
	}
	return false
}

// missingCells are what spreadsheets write for a value that is missing.
var missingCells = []string{"NA", "N/A", "n/a", "na", "#N/A", "–", "—", "..", "…"}

// scientific is a number in exponent form, which always has a point.
var scientific = lazyRegexp(`^[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+$`)

// cellBody strips what surrounds a cell's digits: spaces, the sign (-, −,
// +, or parentheses), the figure's prefix and suffix, and a trailing %
// (percent says there was one). A cell with two signs, such as (-5) or
// -$-5, has no body: it is not a number.
func (c cellFormat) cellBody(cell string) (body string, negative, percent bool) {
	s := strings.TrimFunc(cell, unicode.IsSpace)
	signs := 0
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		negative, s, signs = true, strings.TrimFunc(s[1:len(s)-1], unicode.IsSpace), 1
	}
	sign := func() {
		for _, m := range []string{"-", "−", "+"} {
			if t, ok := strings.CutPrefix(s, m); ok {
				negative, s = m != "+", strings.TrimFunc(t, unicode.IsSpace)
				signs++
				return
			}
		}
	}
	sign()
	if p := strings.TrimSpace(c.prefix); p != "" {
		if t, ok := strings.CutPrefix(s, p); ok {
			s = strings.TrimFunc(t, unicode.IsSpace)
			sign()
		}
	}
	if signs > 1 {
		return "", false, false
	}
	if t, ok := strings.CutSuffix(s, "%"); ok {
		s, percent = strings.TrimFunc(t, unicode.IsSpace), true
	}
	if x := strings.TrimFunc(c.suffix, unicode.IsSpace); x != "" && x != "%" {
		if t, ok := strings.CutSuffix(s, x); ok {
			s = strings.TrimFunc(t, unicode.IsSpace)
		}
	}
	return s, negative, percent
}

// missing says that a cell marks a missing value.
func missing(cell string) bool {
	cell = strings.TrimSpace(cell)
	for _, m := range missingCells {
		if cell == m {
			return true
		}
	}
	return false
}

// decimalHint is what one cell says of the decimal separator: '.' or ',',
// or 0 when it could be either or has none.
func decimalHint(body string) byte {
	if scientific().MatchString(body) {
		return 0
	}
	ci, pi := strings.LastIndexByte(body, ','), strings.LastIndexByte(body, '.')
	switch {
	case ci >= 0 && pi >= 0:
		if ci > pi {
			return ','
		}
		return '.'
	case ci < 0 && pi < 0:
		return 0
	}
	sep, at := byte(','), ci
	if pi >= 0 {
		sep, at = '.', pi
	}
	other := byte(',' + '.' - sep)
	if strings.Count(body, string(sep)) > 1 {
		return other // 1,234,567: a thousands separator
	}
	before, after := body[:at], body[at+1:]
	if len(after) != 3 || before == "" || before == "0" || len(strings.TrimLeft(before, "0123456789")) == 0 && len(before) > 3 {
		return sep // 1,5 or 0,125 or 1234,567: a decimal separator
	}
	return 0 // 1,234: either
}

// settle finds the decimal separator from the cells of a file's number
// columns when no data locale says it; it returns the cell that
// contradicts the others, or -1. When cells that could be read either
// way outnumber the cells that tell, the cells have not told: one typo
// (1,2345) does not decide a thousand cells like 1,234.
func (c *cellFormat) settle(cells []string) (contradicts int) {
	if c.locale != "" {
		return -1
	}
	telling, either := 0, 0
	for i, cell := range cells {
		if missing(cell) {
			continue
		}
		body, _, _ := c.cellBody(cell)
		h := decimalHint(body)
		if h == 0 {
			if strings.ContainsAny(body, ",.") && !scientific().MatchString(body) {
				either++
			}
			continue
		}
		telling++
		if c.decimal == 0 {
			c.decimal = h
		} else if h != c.decimal {
			return i
		}
	}
	if either > telling {
		c.decimal = 0
	}
	return -1
}

// number reads one cell, or says why it is not a number.
func (c cellFormat) number(cell string) (float64, string) {
	if missing(cell) {
		return 0, fmt.Sprintf("%q marks a missing value; this chart draws every row, so leave the row out", clip(cell))
	}
	if spreadsheetError(cell) {
		return 0, fmt.Sprintf("%q is a spreadsheet's error, not a number; correct the formula, or leave the cell empty for a missing value", clip(cell))
	}
	body, negative, percent := c.cellBody(cell)
	if body == "" {
		return 0, fmt.Sprintf("%q is not a number", clip(cell))
	}
	if percent && !strings.Contains(c.suffix, "%") {
		return 0, fmt.Sprintf("%q is a percentage, and the figure does not write its numbers as one; set suffix = \"%%\", or take the %% out of the file", clip(cell))
	}
	var v float64
	if scientific().MatchString(body) {
		f, err := strconv.ParseFloat(body, 64)
		if err != nil {
			return 0, fmt.Sprintf("%q is not a number", clip(cell))
		}
		v = f
	} else {
		dec := c.decimal
		if dec == 0 {
			dec = decimalHint(body)
		}
		if dec == 0 && strings.ContainsAny(body, ",.") {
			sep := body[strings.IndexAny(body, ",.")]
			asGroup, asDecimal := strings.ReplaceAll(body, string(sep), ""), strings.Replace(body, string(sep), ".", 1)
			group, decimal := "en", "de"
			if sep == '.' {
				group, decimal = "de", "en"
			}
			return 0, fmt.Sprintf("%q could be %s (%q separating thousands) or %s (%q as the decimal separator); set data_locale = %q for the first or %q for the second",
				clip(cell), clip(asGroup), string(sep), clip(asDecimal), string(sep), group, decimal)
		}
		if dec == 0 {
			dec = '.'
		}
		digits, ok := c.ungroup(body, dec)
		if !ok {
			how := ""
			if c.locale != "" && !c.implied {
				how = fmt.Sprintf(" as data_locale %q writes them (%s)", c.locale, numberFormat{loc: locales[c.locale]}.plain(12345.5, 1))
			}
			return 0, fmt.Sprintf("%q is not a number%s", clip(cell), how)
		}
		f, err := strconv.ParseFloat(digits, 64)
		if err != nil {
			return 0, fmt.Sprintf("%q is not a number", clip(cell))
		}
		v = f
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Sprintf("%q is not a number", clip(cell))
	}
	if negative {
		v = -v
	}
	return v, ""
}

// ungroup returns body as Go writes a number: the thousands separators
// taken out (they must stand between groups of three digits) and the
// decimal separator dec made a point.
func (c cellFormat) ungroup(body string, dec byte) (string, bool) {
	whole, frac, hasFrac := strings.Cut(body, string(dec))
	if hasFrac && (frac == "" || strings.Trim(frac, "0123456789") != "") {
		return "", false
	}
	isGroup := func(r rune) bool {
		switch r {
		case ' ', '\u00a0', '\u202f', '\'', '’':
			return true
		case ',', '.':
			if byte(r) == dec {
				return false
			}
			return c.locale == "" || c.group == string(r)
		}
		return false
	}
	parts := strings.FieldsFunc(whole, isGroup)
	if len(parts) == 0 || strings.IndexFunc(whole, isGroup) == 0 || strings.LastIndexFunc(whole, isGroup) == len(whole)-1 {
		if !(whole == "" && hasFrac) { // .5
			return "", false
		}
		parts = []string{"0"}
	}
	for i, p := range parts {
		if strings.Trim(p, "0123456789") != "" || p == "" {
			return "", false
		}
		if len(parts) > 1 && (i > 0 && len(p) != 3 || i == 0 && len(p) > 3) {
			return "", false
		}
	}
	s := strings.Join(parts, "")
	if hasFrac {
		s += "." + frac
	}
	return s, true
}
