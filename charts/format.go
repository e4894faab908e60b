package charts

import (
	"math"
	"strconv"
	"strings"
)

const (
	nbsp       = "\u00a0"
	narrowNbsp = "\u202f"
)

// numberFormat formats every number of one figure: value labels, axis
// ticks, ranges, percentages and the alt text all come from here.
type numberFormat struct {
	loc      *locale
	decimals int // -1: as the value needs, at most 2
	prefix   string
	suffix   string
	compact  bool
	// gb writes compact units in British newsroom style: 5k, 410m,
	// 1.2bn, 3trn (compact = "gb", English only).
	gb bool
	// series holds the number keys of each series (series_formats), by
	// the series' index; nil where a series follows the figure.
	series []*numberKeys
	// rangeFormat is how span writes a range (range_format): "" or
	// "dash", "short", "to".
	rangeFormat string
	// tickDecimals is the decimals of value-axis ticks (tick_decimals),
	// -1 for what each step needs.
	tickDecimals int
	// shared is the decimals every value of the figure is written with
	// when decimals is -1 and its values are of one scale (below
	// 1,000), so that 0.1 beside 0.092 reads 0.100; -1 for each as it
	// needs.
	shared int
	// digits is the figure's digit system (digits): "" or "latn" for
	// 0–9, or a key of digitSystems.
	digits string
	// ltrSigns is set in a right-to-left figure in other digits than
	// Arabic-Indic: a sign goes after U+200E, so that the bidirectional
	// algorithm keeps it before the number (−5%, not 5%−), as CLDR writes
	// Hebrew, Arabic with Western digits and Persian numbers. Arabic-Indic
	// digits take the sign at their right, as Arabic writes them.
	ltrSigns bool
}

// lrm is the left-to-right mark.
const lrm = "\u200e"

func newNumberFormat(st *Style) numberFormat {
	return numberFormat{loc: locales[st.Locale], decimals: st.Decimals, prefix: st.Prefix, suffix: st.Suffix, compact: st.Compact, gb: st.CompactGB, shared: -1, tickDecimals: st.TickDecimals, digits: st.Digits,
		ltrSigns: st.rtl() && st.Digits != "arab"}
}

// sign writes a sign (−, +) to stand before a number.
func (f numberFormat) sign(s string) string {
	if f.ltrSigns {
		return lrm + s
	}
	return s
}

// digitSystem is a set of digits a figure may write its numbers and
// dates in, with the separators and percent sign that go with it.
type digitSystem struct {
	name           string // for doc.go and messages
	zero           rune   // the digit 0; 1–9 follow it
	group, decimal string // "" keeps the locale's
	percent        string // "" keeps "%"
	font           string // a free font that has them, for the message that asks for one
	between        string // between two numbers in a line ("+3 pp · 16.8%"); "" for " · ", which reads as a zero (٠) beside Arabic-Indic digits
}

// digitSystems are the values digits takes: one entry per system, which
// doc.go and README list and TestDigitSystems walks.
var digitSystems = map[string]digitSystem{
	"latn":    {name: "0123456789 (default)", zero: '0'},
	"arab":    {name: "Arabic-Indic ٠١٢٣٤٥٦٧٨٩, with ٬ ٫ and ٪", zero: '\u0660', group: "\u066c", decimal: "\u066b", percent: "\u066a", font: "Noto Sans Arabic", between: "\u060c "},
	"arabext": {name: "Persian and Urdu ۰۱۲۳۴۵۶۷۸۹, with ٬ ٫ and ٪", zero: '\u06f0', group: "\u066c", decimal: "\u066b", percent: "\u066a", font: "Noto Sans Arabic", between: "\u060c "},
	"deva":    {name: "Devanagari ०१२३४५६७८९", zero: '\u0966', font: "Noto Sans Devanagari"},
}

// localDigits writes the digits 0–9 of s in the system (and "%" as its
// percent sign): the last step of every number and date a figure draws
// or says in its alt text. Other characters stay.
func localDigits(s, system string) string {
	ds, ok := digitSystems[system]
	if !ok || ds.zero == '0' {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(ds.zero + r - '0')
		case r == '%' && ds.percent != "":
			b.WriteString(ds.percent)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// axisFormat is the format of the value axis's ticks: the figure's, or,
// when series_formats gives every series the same prefix, suffix or
// compact form, that one (£50bn beside £54bn).
func (f numberFormat) axisFormat() numberFormat {
	if len(f.series) == 0 {
		return f
	}
	g := f.ofSeries(0)
	for i := 1; i < len(f.series); i++ {
		h := f.ofSeries(i)
		if h.prefix != g.prefix {
			g.prefix = f.prefix
		}
		if h.suffix != g.suffix {
			g.suffix = f.suffix
		}
		if h.compact != g.compact || h.gb != g.gb {
			g.compact, g.gb = f.compact, f.gb
		}
	}
	g.decimals, g.shared = f.decimals, f.shared
	return g
}

// ofSeries is the format of series i's values: the figure's, with the
// keys series_formats sets for it. Axis ticks and totals keep the
// figure's.
func (f numberFormat) ofSeries(i int) numberFormat {
	if i < len(f.series) {
		return f.series[i].apply(f)
	}
	return f
}

// numberFormat is the figure's number format: its style's, with the
// decimals its values share.
func (f *Figure) numberFormat() numberFormat {
	nf := newNumberFormat(&f.Style)
	nf.series, nf.rangeFormat = f.SeriesFormats, f.RangeFormat
	if f.Rolling >= 2 && nf.decimals < 0 {
		nf.decimals = f.rollDecimals
	}
	if nf.decimals >= 0 || f.kind == nil {
		return nf
	}
	top, shared := 0.0, 0
	own := len(f.kind.fields) // numbers() lists the fields, then the series
	for i := range f.Data {
		if k := f.Data[i].Format; k != nil && k.decimals != nil {
			continue // a row with its own decimals shares none
		}
		for j, v := range f.kind.numbers(&f.Data[i]) {
			if j >= own && j-own < len(f.SeriesFormats) && f.SeriesFormats[j-own] != nil && f.SeriesFormats[j-own].decimals != nil {
				continue // a series with its own decimals shares none
			}
			top = math.Max(top, math.Abs(v))
			shared = max(shared, decimalsFor(v, autoDecimals(v)))
		}
	}
	if top < 1000 {
		nf.shared = shared
	}
	return nf
}

// decimalsFor returns how many decimals v needs, at most max.
func decimalsFor(v float64, max int) int {
	for d := 0; d < max; d++ {
		p := math.Pow(10, float64(d))
		if math.Abs(math.Round(v*p)-v*p) < 1e-9*math.Max(1, math.Abs(v*p)) {
			return d
		}
	}
	return max
}

// plain writes v with the locale's separators and d decimals, and the minus
// sign U+2212 for negative numbers.
func (f numberFormat) plain(v float64, d int) string {
	// Round half away from zero, as readers expect (4.25 -> 4.3), not to
	// even as strconv does on exact binary halves.
	p := math.Pow(10, float64(d))
	s := strconv.FormatFloat(math.Round(math.Abs(v)*p)/p, 'f', d, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	if len(intPart) > 4 || len(intPart) == 4 && f.loc.group4 {
		var b strings.Builder
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteString(f.loc.group)
			}
			b.WriteRune(c)
		}
		intPart = b.String()
	}
	out := intPart
	if frac != "" {
		out += f.loc.decimal + frac
	}
	out = f.local(out)
	if v < 0 && strings.Trim(s, "0.") != "" {
		out = f.sign("−") + out
	}
	return out
}

// between is what separates two numbers on one line: " · ", or the
// Arabic comma beside Arabic-Indic digits, where a middle dot reads as
// a zero.
func (f numberFormat) between() string {
	if b := digitSystems[f.digits].between; b != "" {
		return b
	}
	return " · "
}

// pct is the percent sign of the figure's digits.
func (f numberFormat) pct() string {
	if ds := digitSystems[f.digits]; ds.percent != "" {
		return ds.percent
	}
	return "%"
}

// local writes a number written with the locale's separators in the
// figure's digits, with the separators that go with them.
func (f numberFormat) local(s string) string {
	ds, ok := digitSystems[f.digits]
	if !ok || ds.zero == '0' {
		return s
	}
	if ds.group != "" || ds.decimal != "" {
		var b strings.Builder
		for i := 0; i < len(s); {
			switch {
			case f.loc.group != "" && strings.HasPrefix(s[i:], f.loc.group) && ds.group != "":
				b.WriteString(ds.group)
				i += len(f.loc.group)
			case strings.HasPrefix(s[i:], f.loc.decimal) && ds.decimal != "":
				b.WriteString(ds.decimal)
				i += len(f.loc.decimal)
			default:
				b.WriteByte(s[i])
				i++
			}
		}
		s = b.String()
	}
	return localDigits(s, f.digits)
}

// maxDecimals is the most decimals a number is written with, by the
// figure's decimals or as its value needs.
const maxDecimals = 6

// autoDecimals is how many decimals a value may need to show: 2 from 1
// up, more below it so that 0.001 keeps its significant digits (0.001,
// 0.0012) instead of reading "0.00", at most maxDecimals.
func autoDecimals(v float64) int {
	a := math.Abs(v)
	if a >= 1 || a == 0 {
		return 2
	}
	return min(maxDecimals, 2+int(math.Floor(-math.Log10(a))))
}

// compactUnit returns the divisor and suffix that write v compactly
// (135K, 1.2M), with d decimals, and the decimals; 0 and "" below a
// thousand. A value that rounds up to the next unit takes it: 999,999 is
// 1M, not 1,000.0K.
func (f numberFormat) compactUnit(v float64, d int) (div float64, unit string, dec int) {
	units := []struct {
		div  float64
		unit string
	}{{1e12, f.loc.trillion}, {1e9, f.loc.billion}, {1e6, f.loc.million}, {1e3, f.loc.thousand}}
	if f.gb {
		units[0].unit, units[1].unit, units[2].unit, units[3].unit = "trn", "bn", "m", "k"
	}
	for i, u := range units {
		// The largest unit the value reaches; one it rounds up to, at
		// the decimals it is written with, is taken below (999,999 is
		// 1M; 999.94 million to one decimal stays 999.9M).
		if math.Abs(v) < u.div {
			if i == len(units)-1 {
				break
			}
			continue
		}
		// One decimal at most unless decimals says, and none when the
		// rounded value is whole (1.96M is 2M).
		auto := func(x float64) int { return decimalsFor(math.Round(x*10)/10, 1) }
		x := v / u.div
		dec = d
		if dec < 0 {
			dec = auto(x)
		}
		p := math.Pow(10, float64(dec))
		if i > 0 && math.Round(math.Abs(x)*p)/p >= 1000 {
			u = units[i-1]
			x = v / u.div
			if d < 0 {
				dec = auto(x)
			}
		}
		return u.div, u.unit, dec
	}
	return 0, "", d
}

// number formats a value with the figure's decimals, compact form, prefix
// and suffix: 18,000 · 18.000 · 135K · $1.2M.
func (f numberFormat) number(v float64) string {
	d := f.decimals
	if f.compact {
		if div, unit, dec := f.compactUnit(v, d); div != 0 {
			return f.affix(f.plain(v/div, dec) + unit)
		}
	}
	switch {
	case d < 0 && f.shared >= 0:
		d = f.shared
	case d < 0:
		d = decimalsFor(v, autoDecimals(v))
	}
	return f.affix(f.plain(v, d))
}

// tick formats an axis tick with the decimals its step needs, whatever
// the figure's decimals say: a step of 0.25 is written 0.25, a step of 1
// with decimals = 1 is still 1, not 1.0; tick_decimals sets them.
func (f numberFormat) tick(v, step float64) string {
	if f.tickDecimals >= 0 && !f.compact {
		// Never fewer than the step needs: 0.5 steps to no decimals would
		// write 0, 1, 1, 2.
		return f.affix(f.plain(v, max(f.tickDecimals, decimalsFor(step, autoDecimals(step)))))
	}
	return f.affix(f.bareTick(v, step))
}

// bareTick is tick without prefix and suffix, for an axis whose values
// are not the figure's measure (a line's numeric x: ages, years).
func (f numberFormat) bareTick(v, step float64) string {
	if f.compact {
		if div, unit, _ := f.compactUnit(v, -1); div != 0 {
			return f.plain(v/div, decimalsFor(step/div, maxDecimals)) + unit
		}
	}
	return f.plain(v, decimalsFor(step, autoDecimals(step)))
}

func (f numberFormat) affix(s string) string {
	// A number never parts from its unit: "2,5 %" as typed wraps as one.
	// The digits' own percent sign (٪) in a prefix or suffix too.
	pre, suf := localDigits(glued.Replace(f.prefix), f.digits), localDigits(glued.Replace(f.suffix), f.digits)
	if minus := f.sign("−"); strings.HasPrefix(s, minus) && f.prefix != "" {
		return minus + pre + strings.TrimPrefix(s, minus) + suf
	}
	return pre + s + suf
}

// glued turns the spaces of a prefix or suffix into no-break spaces.
var glued = strings.NewReplacer(" ", "\u00a0")

// span formats a low–high range: with an en dash, each end in full
// (10,000–30,000; £410m–£430m); "short" writes the prefix before the
// first end and the suffix after the second only (£410m–430m, 10–30%);
// "to" joins the ends with the locale's word (−0.6% to 1.4%). With a
// negative end the dash gets thin spaces, so that −10 – −5 does not read
// as a double minus.
func (f numberFormat) span(lo, hi float64) string {
	a, b := f.number(lo), f.number(hi)
	switch f.rangeFormat {
	case "to":
		return a + " " + f.loc.to + " " + b
	case "short":
		first, second := f, f
		first.suffix, second.prefix = "", ""
		a, b = first.number(lo), second.number(hi)
	}
	if lo < 0 || hi < 0 {
		return a + "\u2009–\u2009" + b
	}
	return a + "–" + b
}

// percent formats a share (0.19) as a whole percentage: 19%. Shares below
// 1% keep one decimal, and below 0.1% two, so that they never read as
// 0%; a share that would still round to 0% or 100% is written <0.01% or
// >99.9%.
func (f numberFormat) percent(share float64) string {
	p := share * 100
	a := math.Abs(p)
	d := 0
	if a != 0 && a < 1 || a > 99 && a < 100 {
		d = 1
	}
	if a < 0.1 && a != 0 {
		d = 2
	}
	q := math.Pow(10, float64(d))
	switch r := math.Round(a*q) / q; {
	case a != 0 && r == 0:
		return "<" + f.plain(math.Copysign(0.01, p), 2) + f.loc.percent + f.pct()
	case a < 100 && r >= 100:
		return ">" + f.plain(math.Copysign(99.9, p), 1) + f.loc.percent + f.pct()
	}
	return f.plain(p, d) + f.loc.percent + f.pct()
}
