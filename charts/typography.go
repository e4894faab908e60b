package charts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/presschart/presschart/charts/font"
)

// typography = "smart" (the default) sets a figure's prose as a
// sub-editor would: straight quotes curly in the locale's style, an
// apostrophe as ’, a hyphen between numbers as an en dash, three dots as
// an ellipsis, and a no-break space between a number and its unit.
// Labels, series and other names stay as written: the data, highlights,
// notes and colours name rows by them.

// typographyModes are the values typography takes.
var typographyModes = []string{"smart", "off"}

// unitWords are the units a number keeps on its line: "5 km" never
// breaks between 5 and km.
var unitWords = []string{"%", "‰", "°C", "°F", "km", "m", "cm", "mm", "kg", "g", "t", "l", "ha", "bn", "m²", "km²", "pp", "p.p."}

// smarten returns s set as smart typography asks, using only characters
// that has (a house font without curly quotes keeps straight ones).
func smarten(s string, loc *locale, has func(rune) bool) string {
	if s == "" {
		return s
	}
	ok := func(rs ...string) bool {
		for _, r := range rs {
			for _, c := range r {
				if !has(c) {
					return false
				}
			}
		}
		return true
	}
	rs := []rune(s)
	var b strings.Builder
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return ' '
		}
		return rs[i]
	}
	opens := func(i int) bool { // a quote at i opens: after a space, a bracket or a dash
		p := at(i - 1)
		return unicode.IsSpace(p) || strings.ContainsRune("([{–—-/“„«‘‚", p)
	}
	closesLater := func(i int) bool { // a single quote after i ends a word
		for j := i + 1; j < len(rs); j++ {
			if rs[j] == '\'' && !unicode.IsLetter(at(j+1)) {
				return true
			}
		}
		return false
	}
	inSingle := false
	// Chinese, Japanese and Korean put no space before an opening quote,
	// so which quote opens cannot be told; Hebrew types its geresh and
	// gershayim (צה"ל) as ' and ". Their quotes stay as written.
	quotes := !slices.Contains([]string{"hans", "jpan", "kore", "hebr"}, loc.script)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case (r == '"' || r == '\'') && !quotes:
			b.WriteRune(r)
		case r == '.' && at(i+1) == '.' && at(i+2) == '.' && at(i+3) != '.' && ok("…"):
			b.WriteRune('…')
			i += 2
		case r == '-' && unicode.IsDigit(at(i-1)) && unicode.IsDigit(at(i+1)) && !isoDate(rs, i) && ok("–"):
			b.WriteRune('–')
		case r == '"' && opens(i) && ok(loc.quotes[0]):
			b.WriteString(loc.quotes[0])
		case r == '"' && ok(loc.quotes[1]):
			b.WriteString(loc.quotes[1])
		case r == '\'' && opens(i) && unicode.IsLetter(at(i+1)) && closesLater(i) && ok(loc.quotes[2], loc.quotes[3]):
			b.WriteString(loc.quotes[2])
			inSingle = true
		case r == '\'' && inSingle && !unicode.IsLetter(at(i+1)):
			b.WriteString(loc.quotes[3])
			inSingle = false
		case r == '\'' && ok("’"):
			b.WriteRune('’') // an apostrophe
		case r == ' ' && unicode.IsDigit(at(i-1)) && unitFollows(rs[i+1:]) && ok("\u00a0"):
			b.WriteRune('\u00a0')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isoDate reports whether the hyphen at i is inside a date such as
// 2024-07-01 or 2024-07, which keeps its hyphens.
func isoDate(rs []rune, i int) bool {
	digits := func(from, n int) bool {
		for k := from; k < from+n; k++ {
			if k < 0 || k >= len(rs) || !unicode.IsDigit(rs[k]) {
				return false
			}
		}
		return true
	}
	// NNNN-NN-NN, the hyphen being the first or the second; and NNNN-MM
	// with a month 01 to 12 (2024-07; 2023-24 is a range).
	month := digits(i-4, 4) && digits(i+1, 2) && !digits(i+3, 1) && !digits(i-5, 1) &&
		(rs[i+1] == '0' || rs[i+1] == '1' && rs[i+2] <= '2')
	return month || digits(i-4, 4) && digits(i+1, 2) && i+3 < len(rs) && rs[i+3] == '-' && digits(i+4, 2) ||
		digits(i-7, 4) && i-3 >= 0 && rs[i-3] == '-' && digits(i-2, 2) && digits(i+1, 2)
}

// unitFollows reports whether rs starts with a unit word standing alone.
func unitFollows(rs []rune) bool {
	s := string(rs)
	for _, u := range unitWords {
		if rest, found := strings.CutPrefix(s, u); found {
			if rest == "" {
				return true
			}
			if r := []rune(rest)[0]; !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// smartenFigure sets the figure's prose with smart typography unless the
// figure turned it off.
func (f *Figure) smartenFigure() {
	if f.Style.Typography == "off" {
		return
	}
	loc := locales[f.Style.Locale]
	regular, bold := f.Style.faces()
	has := func(r rune) bool { return hasRune(regular, r) && hasRune(bold, r) }
	for _, p := range []*string{&f.Title, &f.Subtitle, &f.Note, &f.Alt, &f.UnitLabel, &f.Center, &f.Style.Source, &f.Style.Credit, &f.Style.Byline} {
		*p = smarten(*p, loc, has)
	}
	for i := range f.Annotations {
		f.Annotations[i].Text = smarten(f.Annotations[i].Text, loc, has)
	}
}

// hasRune reports whether a face has a glyph for r.
func hasRune(face *font.Face, r rune) bool {
	_, missing := face.Missing(string(r))
	return !missing
}
