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
}

func newNumberFormat(st *Style) numberFormat {
	return numberFormat{loc: locales[st.Locale], decimals: st.Decimals, prefix: st.Prefix, suffix: st.Suffix, compact: st.Compact}
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
	if v < 0 && strings.Trim(s, "0.") != "" {
		out = "−" + out
	}
	return out
}

// number formats a value with the figure's decimals, compact form, prefix
// and suffix: 18,000 · 18.000 · 135K · $1.2M.
func (f numberFormat) number(v float64) string {
	d := f.decimals
	if f.compact && math.Abs(v) >= 1000 {
		div, unit := 1e3, f.loc.thousand
		if math.Abs(v) >= 1e9 {
			div, unit = 1e9, f.loc.billion
		} else if math.Abs(v) >= 1e6 {
			div, unit = 1e6, f.loc.million
		}
		x := v / div
		if d < 0 {
			d = decimalsFor(x, 1)
		}
		return f.affix(f.plain(x, d) + unit)
	}
	if d < 0 {
		d = decimalsFor(v, 2)
	}
	return f.affix(f.plain(v, d))
}

// tick formats an axis tick with the decimals its step needs.
func (f numberFormat) tick(v, step float64) string {
	if f.compact || f.decimals >= 0 {
		return f.number(v)
	}
	return f.affix(f.plain(v, decimalsFor(step, 2)))
}

func (f numberFormat) affix(s string) string {
	if strings.HasPrefix(s, "−") && f.prefix != "" {
		return "−" + f.prefix + strings.TrimPrefix(s, "−") + f.suffix
	}
	return f.prefix + s + f.suffix
}

// span formats a low–high range with an en dash: 10,000–30,000.
func (f numberFormat) span(lo, hi float64) string {
	return f.number(lo) + "–" + f.number(hi)
}

// percent formats a share (0.19) as a whole percentage: 19%. Shares below
// 1% keep one decimal so that they never read as 0%.
func (f numberFormat) percent(share float64) string {
	p := share * 100
	d := 0
	if p != 0 && math.Abs(p) < 1 || math.Abs(p) > 99 && math.Abs(p) < 100 {
		d = 1
	}
	if math.Abs(p) < 0.1 && p != 0 {
		d = 2
	}
	return f.plain(p, d) + f.loc.percent + "%"
}
