package charts

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/presschart/presschart/charts/scene"
)

// Points of a line or area chart have an x that is a date ("2023",
// "2023-01", "2023-01-15", a quarter "2023-Q1", an ISO week "2023-W05",
// a TOML date, or a whole number from 1000 to 2999, read as a year) or a
// number; every row of a figure must use the same kind, in ascending
// order.

var (
	datePattern    = lazyRegexp(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)
	quarterPattern = lazyRegexp(`^(?:(\d{4})[- ]?[Qq]([1-4])|[Qq]([1-4])[- ]?(\d{4}))$`)
	weekPattern    = lazyRegexp(`^(\d{4})-?[Ww](\d{2})$`)
)

// dateUnit says how precisely the dates of a figure were written.
type dateUnit int

const (
	notDate dateUnit = iota
	byYear
	byQuarter
	byMonth
	byWeek
	byDay
)

// isoWeek returns the Monday of ISO week w of year y, and whether the
// year has that week (52 or 53).
func isoWeek(y, w int) (time.Time, bool) {
	jan4 := time.Date(y, time.January, 4, 0, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	_, last := time.Date(y, time.December, 28, 0, 0, 0, 0, time.UTC).ISOWeek()
	return monday.AddDate(0, 0, 7*(w-1)), w >= 1 && w <= last
}

// days returns the days since 1970-01-01 of a date.
func days(y, m, d int) float64 {
	return float64(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// readPoint reads a row's x and its values (values = [...], or value = n
// with a single series).
func (fig *Figure) readPoint(t *table, d *Datum) {
	v, ok := t.get("x")
	if v == nil {
		if !ok {
			t.errf("x", "is missing; give a date such as \"2023-01\" or a number")
		}
		fig.readValues(t, d)
		return
	}
	switch v.(type) {
	case int64, float64:
		if y, isInt := v.(int64); !isInt || y < 1000 || y > 2999 {
			// A plain number: checked as every number is.
			t.known = t.known[:len(t.known)-1] // num asks for x again
			var f float64
			if t.num("x", &f) {
				d.X, d.XV = strconv.FormatFloat(f, 'f', -1, 64), f
				fig.noteX(t, notDate, false)
			}
			fig.readValues(t, d)
			return
		}
	}
	x, xv, unit, msg := parseX(v)
	if msg != "" {
		t.errf("x", "%s", msg)
	} else {
		d.X, d.XV, d.xUnit = x, xv, unit
		_, whole := v.(int64)
		fig.noteX(t, unit, whole)
	}
	fig.readValues(t, d)
}

// parseX reads an x as a line chart's rows write it: a date ("2023",
// "2023-01", "2023-01-15", or a TOML date), a year (2023) or a number.
// It returns the x as written, its position (days since 1970 for
// dates), its unit, or what is wrong with it.
func parseX(v any) (x string, xv float64, unit dateUnit, msg string) {
	switch x := v.(type) {
	case string:
		if m := quarterPattern().FindStringSubmatch(x); m != nil {
			y, q := m[1], m[2]
			if y == "" {
				y, q = m[4], m[3]
			}
			yn, _ := strconv.Atoi(y)
			qn, _ := strconv.Atoi(q)
			return x, days(yn, 3*qn-2, 1), byQuarter, ""
		}
		if m := weekPattern().FindStringSubmatch(x); m != nil {
			yn, _ := strconv.Atoi(m[1])
			wn, _ := strconv.Atoi(m[2])
			t, ok := isoWeek(yn, wn)
			if !ok {
				return "", 0, 0, fmt.Sprintf("%q is not a week of %d (ISO weeks run from W01 to W52, or W53 in some years)", clip(x), yn)
			}
			return x, days(t.Year(), int(t.Month()), t.Day()), byWeek, ""
		}
		m := datePattern().FindStringSubmatch(x)
		if m == nil {
			return "", 0, 0, fmt.Sprintf("%q is not a date (write 2023, 2023-01, 2023-01-15, a quarter 2023-Q1 or a week 2023-W05) or a number", clip(x))
		}
		y, _ := strconv.Atoi(m[1])
		mo, day := 1, 1
		unit := byYear
		if m[2] != "" {
			mo, _ = strconv.Atoi(m[2])
			unit = byMonth
		}
		if m[3] != "" {
			day, _ = strconv.Atoi(m[3])
			unit = byDay
		}
		if mo < 1 || mo > 12 || day < 1 || day > 31 || time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC).Day() != day {
			return "", 0, 0, fmt.Sprintf("%q is not a date in the calendar", clip(x))
		}
		return x, days(y, mo, day), unit, ""
	case time.Time:
		if x.Year() < 1000 { // a TOML local time (07:32:00) decodes as year 0
			return "", 0, 0, fmt.Sprintf("%s is not a date; give a date such as \"2023-01\" or a number", x.Format("15:04:05"))
		}
		return x.Format("2006-01-02"), days(x.Year(), int(x.Month()), x.Day()), byDay, ""
	case int64:
		if x >= 1000 && x <= 2999 { // a year, as people write them
			return strconv.FormatInt(x, 10), days(int(x), 1, 1), byYear, ""
		}
		return strconv.FormatInt(x, 10), float64(x), notDate, ""
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), x, notDate, ""
	}
	return "", 0, 0, fmt.Sprintf("must be a date such as \"2023-01\" or a number, not %s", typeName(v))
}

// readValues reads a row's values = [...], one per series, or value = n
// when there is a single series.
func (fig *Figure) readValues(t *table, d *Datum) {
	n := max(1, len(fig.Series))
	if v, single := t.m["value"]; single && n == 1 {
		if fig.gapAt(t, "value", v) {
			d.Values = []float64{math.NaN()}
		} else if f := 0.0; t.num("value", &f) {
			d.Values = []float64{f}
		}
		t.get("values")
		return
	}
	t.known = append(t.known, "value")
	vals, ok := t.get("values")
	if !ok {
		t.errf("values", "is missing; give one number per series, e.g. values = [1000, 150]")
		return
	}
	arr, isArr := vals.([]any)
	if !isArr {
		t.errf("values", "must be an array of numbers, not %s", typeName(vals))
		return
	}
	if len(fig.Series) == 0 && fig.kind.multi && len(arr) > 0 {
		n = len(arr) // validate asks for the series' names, once
	}
	if len(arr) != n {
		t.errf("values", "has %d numbers for %d series; give one per series", len(arr), n)
		return
	}
	for i, x := range arr {
		key := fmt.Sprintf("values[%d]", i)
		if fig.gapAt(t, key, x) {
			d.Values = append(d.Values, math.NaN())
			continue
		}
		vt := newTable(map[string]any{key: x}, t.prefix, t.e)
		var f float64
		if !vt.num(key, &f) {
			return
		}
		d.Values = append(d.Values, f)
	}
}

// gapAt says that a row's value v, read from key, marks a missing value
// ("", "NA", "–" as spreadsheets write them), which a line draws as a
// gap; other types report it, and take it as no gap.
func (fig *Figure) gapAt(t *table, key string, v any) bool {
	s, isText := v.(string)
	if !isText || strings.TrimSpace(s) != "" && !missing(s) {
		return false
	}
	if !fig.kind.gaps {
		t.errf(key, "%q marks a missing value, and %s chart cannot leave a gap; give a number, or leave the row out", clip(s), aKind(fig.kind.name))
	}
	if _, own := t.m[key]; own {
		t.get(key)
	}
	return true // a gap, or reported: no second message
}

// xKinds are the kinds of x a figure's rows write, as bits.
type xKinds uint8

const (
	xNumber    xKinds = 1 << iota // a plain number: 5, 0.5, 12000
	xWholeYear                    // a whole number from 1000 to 2999: a year, or a number among numbers
	xDate                         // a date written as one: "2023", "2023-01", a TOML date
)

// noteX records how a row writes its x (whole: as a whole number),
// reporting a mix of dates and numbers. A whole number from 1000 to 2999
// is a year among years, and a number among numbers: settleX decides
// once every row is read.
func (fig *Figure) noteX(t *table, u dateUnit, whole bool) {
	k := xDate
	switch {
	case u == notDate:
		k = xNumber
	case whole:
		k = xWholeYear
	}
	switch {
	case fig.xType == "number" && k == xDate:
		t.errf("x", "is a date, and x_type = \"number\" reads every x as a number")
		return
	case fig.xType == "date" && k == xNumber:
		t.errf("x", "is a number, and x_type = \"date\" reads every x as a date (a whole number from 1000 to 2999 is a year)")
		return
	case fig.xType == "" && (k == xNumber && fig.xSeen&xDate != 0 || k == xDate && fig.xSeen&xNumber != 0):
		t.errf("x", "mixes dates and numbers; write every x the same way, or set x_type = \"number\" or \"date\"")
		return
	}
	fig.xSeen |= k
	if !fig.unitSet || u > fig.xUnit {
		fig.xUnit = u
	}
	fig.unitSet = true
}

// readXType reads x_type = "number" | "date", which reads every x of a
// line or area chart as that kind, rather than as the rows tell.
func readXType(f *Figure, t *table) {
	if !t.str("x_type", &f.xType) {
		return
	}
	if f.xType != "number" && f.xType != "date" {
		t.errf("x_type", "%q is not a kind of x; use \"number\" or \"date\" (without it, the rows tell)", clip(f.xType))
		f.xType = ""
	}
}

// settleX makes the rows' x one kind: whole numbers from 1000 to 2999
// among other numbers (an x running 0 to 9,999, or 995 to 1,299) are
// numbers, not years; with x_type = "number", they are numbers alone too.
func (fig *Figure) settleX() {
	asNumbers := fig.xType == "number" || fig.xType == "" && fig.xSeen&xNumber != 0
	if fig.xSeen&xWholeYear == 0 || !asNumbers || fig.xSeen&xDate != 0 {
		return
	}
	for i := range fig.Data {
		d := &fig.Data[i]
		if d.xUnit != notDate {
			if n, err := strconv.ParseFloat(d.X, 64); err == nil {
				d.XV, d.xUnit = n, notDate
			}
		}
	}
	fig.xUnit, fig.xSeen = notDate, xNumber
}

// validatePoints checks that x rises from row to row and that highlight
// names series.
func validatePoints(f *Figure, e *errs) {
	if f.DateFormat != "" && f.xUnit == notDate {
		e.add("date_format", "writes dates, but this figure's x are numbers; take it out")
	}
	for i, h := range f.Highlight {
		if !slices.Contains(f.Series, h) {
			msg := fmt.Sprintf("%q is not the name of a series", h)
			if n := nearest(h, f.Series); n != "" {
				msg += fmt.Sprintf("; did you mean %q?", n)
			}
			e.add(fmt.Sprintf("highlight[%d]", i), "%s", msg)
		}
	}
	for i, name := range f.seriesNames() {
		if !slices.ContainsFunc(f.Data, func(d Datum) bool { return i < len(d.Values) && !isGap(d.Values[i]) }) {
			what := "the line"
			if name != "" {
				what = fmt.Sprintf("the series %q", name)
			}
			e.add("data", "%s has no value at any row; give it one, or take it out", what)
		}
	}
	for i := 1; i < len(f.Data); i++ {
		if f.Data[i].XV <= f.Data[i-1].XV {
			e.add(f.rowKey(i)+".x", "%s does not come after %s in the row above; sort the rows by x, each x once", f.Data[i].X, f.Data[i-1].X)
		}
	}
}

// xTick is one tick of an x axis.
type xTick struct {
	v     float64
	label string
}

// xTicks returns the ticks of an x axis from lo to hi, as few as keep their
// labels 12 px apart where xAxis places them (px maps an x to pixels; the
// plot starts at left): years, or months in steps of 1, 2, 3 or 6 (the
// year written on the first tick and each January), or days; numbers in
// steps of 1, 2, 2.5 or 5 times a power of ten.
func (c *ctx) xTicks(lo, hi float64, px func(float64) float64, left float64) []xTick {
	fits := func(ts []xTick) bool {
		end := math.Inf(-1)
		for _, t := range ts {
			x0, x1, _ := c.tickSpan(t, px, left)
			if x0 < end+12 {
				return false
			}
			end = x1
		}
		return true
	}
	if c.f.xUnit == notDate {
		whole := true
		for _, d := range c.f.Data {
			whole = whole && d.XV == math.Trunc(d.XV)
		}
		for n := 8; n >= 1; n-- {
			step := niceStep(hi-lo, n)
			if whole {
				step = math.Max(step, 1)
			}
			var ts []xTick
			for _, v := range stepsFrom(lo, hi, step) {
				ts = append(ts, xTick{v, c.nf.bareTick(v, step)})
			}
			if fits(ts) || n == 1 {
				return ts
			}
		}
	}
	t0 := time.Unix(int64(lo)*86400, 0).UTC()
	t1 := time.Unix(int64(hi)*86400, 0).UTC()
	loc := locales[c.f.Style.Locale]
	var best, few []xTick
	// Months (or quarters), when the dates have them, the span is short
	// enough and date_format writes them.
	steps := []int{1, 2, 3, 6}
	if c.f.xUnit == byQuarter || c.f.DateFormat != "" && !c.f.DateFormat.has(dateMonth) {
		steps = []int{3, 6}
	}
	// Weeks written with their day tick on their Mondays, not on the
	// first of a month ("w/c 1 Jan" would be no week's start).
	weekDays := c.f.xUnit == byWeek && c.f.DateFormat.has(dateDay)
	if !weekDays && c.f.xUnit >= byQuarter && (c.f.DateFormat == "" || c.f.DateFormat.has(dateMonth) || c.f.DateFormat.has(dateQuarter)) {
		for _, step := range steps {
			var ts []xTick
			first := true
			for m := time.Date(t0.Year(), t0.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(t1); m = m.AddDate(0, 1, 0) {
				if m.Before(t0) || (int(m.Month())-1)%step != 0 {
					continue
				}
				var label string
				withYear := first || m.Month() == time.January
				switch {
				case c.f.DateFormat != "":
					label = c.f.DateFormat.write(loc, m)
				case c.f.xUnit == byQuarter && withYear:
					label = loc.quarterOf(int(m.Month()-1)/3+1, m.Year())
				case c.f.xUnit == byQuarter:
					label = loc.quarters[(m.Month()-1)/3]
				case withYear:
					label = loc.monthOf(m.Month(), m.Year())
				default:
					label = loc.months[m.Month()-1]
				}
				first = false
				ts = append(ts, xTick{days(m.Year(), int(m.Month()), 1), localDigits(label, c.f.Style.Digits)})
			}
			if len(ts) >= 2 && fits(ts) {
				// Rows of days or weeks over a span of a month or two
				// take day or week ticks rather than two months'.
				if len(ts) >= 3 || c.f.xUnit < byWeek {
					return ts
				}
				if few == nil {
					few = ts
				}
			}
			if best == nil && len(ts) >= 2 {
				best = ts
			}
		}
	}
	// Days or weeks, when the dates have them and months give too few
	// ticks (a span of weeks): every day or two, or Mondays weekly or
	// fortnightly, "7 Sep", the year on the first tick.
	if c.f.xUnit >= byWeek && (weekDays || best == nil || len(best) < 3) && (c.f.DateFormat == "" || c.f.DateFormat.has(dateDay)) {
		steps := []int{1, 2, 7, 14, 28, 56, 91, 182}
		if c.f.xUnit == byWeek {
			steps = steps[2:] // weekly rows tick on their Mondays
		}
		for _, step := range steps {
			start := t0
			if step >= 7 { // the first Monday
				start = t0.AddDate(0, 0, (8-int(t0.Weekday()))%7)
			}
			var ts []xTick
			for d := start; !d.After(t1); d = d.AddDate(0, 0, step) {
				label := loc.dayMonthOf(d.Day(), d.Month())
				switch {
				case c.f.DateFormat != "":
					label = c.f.DateFormat.write(loc, d)
				case len(ts) == 0 || d.Year() != start.Year() && d.AddDate(0, 0, -step).Year() != d.Year():
					label = fmt.Sprintf(loc.monthYear, label, d.Year())
				}
				ts = append(ts, xTick{days(d.Year(), int(d.Month()), d.Day()), localDigits(label, c.f.Style.Digits)})
			}
			if len(ts) >= 2 && fits(ts) {
				return ts
			}
		}
	}
	if few != nil {
		return few
	}
	// Years, in steps that fit.
	for _, step := range []int{1, 2, 5, 10, 20, 25, 50, 100} {
		var ts []xTick
		for y := t0.Year(); y <= t1.Year(); y++ {
			if y%step != 0 {
				continue
			}
			v := days(y, 1, 1)
			if v < lo || v > hi {
				continue
			}
			label := strconv.Itoa(y)
			if c.f.DateFormat.has(dateYear) && !c.f.DateFormat.has(dateMonth) && !c.f.DateFormat.has(dateQuarter) && !c.f.DateFormat.has(dateDay) {
				label = c.f.DateFormat.write(loc, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
			}
			ts = append(ts, xTick{v, localDigits(label, c.f.Style.Digits)})
		}
		if len(ts) >= 2 && fits(ts) {
			return ts
		}
	}
	// Where no step fits two ticks (long month names on a phone), the
	// first and the last date, each with its year, at the plot's ends.
	if ends := []xTick{{lo, c.xLabel(Datum{XV: lo})}, {hi, c.xLabel(Datum{XV: hi})}}; hi > lo && fits(ends) {
		return ends
	}
	if best != nil {
		return best[:1]
	}
	return []xTick{{lo, c.xLabel(Datum{XV: lo})}}
}

// xLabel writes a row's x for labels and the alt text: "Oct 2025",
// "2023", or the number.
func (c *ctx) xLabel(d Datum) string { return xLabel(c.f, c.nf, d) }

func xLabel(f *Figure, nf numberFormat, d Datum) string {
	if f.xUnit == notDate {
		return xLabelOf(f, nf, d) // plain writes the figure's digits
	}
	return localDigits(xLabelOf(f, nf, d), f.Style.Digits)
}

// xLabelOf is xLabel in the digits 0–9, but for a number on x.
func xLabelOf(f *Figure, nf numberFormat, d Datum) string {
	if f.xUnit == notDate {
		// A number on x (an age, a distance) is not the figure's
		// measure: no prefix or suffix, and the decimals it has.
		bare := nf
		bare.prefix, bare.suffix, bare.series = "", "", nil
		bare.decimals, bare.shared, bare.compact = -1, -1, false
		return bare.plain(d.XV, decimalsFor(d.XV, maxDecimals))
	}
	t := time.Unix(int64(d.XV)*86400, 0).UTC()
	loc := locales[f.Style.Locale]
	if f.DateFormat != "" {
		return f.DateFormat.write(loc, t)
	}
	// Each row as it was written: a year stays 2023 beside weeks.
	unit := d.xUnit
	if unit == notDate {
		unit = f.xUnit // a row made here (an annotation's x)
	}
	switch unit {
	case byYear:
		return strconv.Itoa(t.Year())
	case byQuarter:
		return loc.quarterOf(int(t.Month()-1)/3+1, t.Year())
	case byMonth:
		return loc.monthOf(t.Month(), t.Year())
	case byWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf(loc.week, w, y)
	}
	return fmt.Sprintf(loc.monthYear, loc.dayMonthOf(t.Day(), t.Month()), t.Year())
}

// dateFormat is a figure's date_format: how its x dates are written on
// the axis and in labels, in tokens YYYY (2025), YY (25), MMM (the
// locale's short month name), MM (01), M (1), DD (05), D (5) and Q (the
// locale's quarter, Q1); anything else is written as it is.
type dateFormat string

// dateTokens are date_format's tokens, longest first.
var dateTokens = []string{"YYYY", "YY", "MMM", "MM", "M", "DD", "D", "Q"}

// The resolutions a date format writes.
const (
	dateYear    = "Y"
	dateQuarter = "Q"
	dateMonth   = "M"
	dateDay     = "D"
)

// has reports whether the format writes a date at resolution r.
func (f dateFormat) has(r string) bool {
	for _, tok := range f.tokens() {
		if tok[:1] == r && slices.Contains(dateTokens, tok) {
			return true
		}
	}
	return false
}

// tokens splits the format into tokens and literal text; text in
// square brackets is literal ("[Week of] D MMM"), brackets dropped.
func (f dateFormat) tokens() []string {
	var out []string
	s := string(f)
	for s != "" {
		if s[0] == '[' {
			if end := strings.IndexByte(s, ']'); end > 0 {
				out = append(out, "["+s[1:end])
				s = s[end+1:]
				continue
			}
		}
		tok := ""
		for _, t := range dateTokens {
			if strings.HasPrefix(s, t) {
				tok = t
				break
			}
		}
		if tok == "" {
			_, n := utf8.DecodeRuneInString(s)
			tok = s[:n]
		}
		out = append(out, tok)
		s = s[len(tok):]
	}
	return out
}

// write writes t in the format.
func (f dateFormat) write(loc *locale, t time.Time) string {
	var b strings.Builder
	for _, tok := range f.tokens() {
		switch tok {
		case "YYYY":
			b.WriteString(strconv.Itoa(t.Year()))
		case "YY":
			fmt.Fprintf(&b, "%02d", t.Year()%100)
		case "MMM":
			b.WriteString(loc.months[t.Month()-1])
		case "MM":
			fmt.Fprintf(&b, "%02d", int(t.Month()))
		case "M":
			b.WriteString(strconv.Itoa(int(t.Month())))
		case "DD":
			fmt.Fprintf(&b, "%02d", t.Day())
		case "D":
			b.WriteString(strconv.Itoa(t.Day()))
		case "Q":
			b.WriteString(loc.quarters[(t.Month()-1)/3])
		default:
			b.WriteString(strings.TrimPrefix(tok, "["))
		}
	}
	return b.String()
}

// readDateFormat reads date_format, for line and area charts.
func readDateFormat(f *Figure, t *table) {
	var s string
	if !t.text("date_format", &s) {
		return
	}
	df := dateFormat(s)
	// A token beside a letter is a word the format would eat
	// ("Quarterly" writes Q4uarterly, MMMM writes Jan1).
	toks := df.tokens()
	for i, tok := range toks {
		if !slices.Contains(dateTokens, tok) {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(toks) || strings.HasPrefix(toks[j], "[") {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(toks[j]); unicode.IsLetter(r) {
				t.errf("date_format", "%q: %s runs into a letter; write letters that are text in brackets, as in \"[Quarter] Q YYYY\", and the month as MMM", clip(s), tok)
				return
			}
		}
	}
	if !df.has(dateYear) && !df.has(dateQuarter) && !df.has(dateMonth) && !df.has(dateDay) {
		t.errf("date_format", "%q writes no part of a date; use YYYY, YY, MMM, MM, M, DD, D and Q, as in \"MMM YYYY\" (Jan 2025) or \"Q YYYY\" (Q1 2025)", clip(s))
		return
	}
	f.DateFormat = df
}

// xAxis draws the ticks of an x axis under the plot, whose left edge is
// left: a label there starts at its tick, clear of the value axis's
// labels in the corner, and one at the right edge ends at its tick.
func (c *ctx) xAxis(ts []xTick, px func(float64) float64, y, left float64) *scene.Group {
	g := &scene.Group{ID: "axis-x", Class: "pc-axis-x"}
	capH := c.regular.CapHeight(c.tick)
	// Below a dot on the axis (a value of zero at a large type scale).
	off := math.Max(8, pointR(c)+3)
	for _, t := range ts {
		x := c.snapLine(px(t.v), 1)
		g.Add(&scene.Line{X1: x, Y1: y, X2: x, Y2: y + 5, Stroke: c.th.axis, Width: 1, Class: "pc-tick-mark"})
		_, _, a := c.tickSpan(t, px, left)
		g.Add(c.text(x, y+off+capH+2, t.label, c.tick, false, c.th.faint, a, "pc-tick"))
	}
	return g
}

// tickSpan is where xAxis writes a tick's label: centred on its tick,
// but starting at it near the plot's left edge and ending at it near the
// figure's right.
func (c *ctx) tickSpan(t xTick, px func(float64) float64, left float64) (x0, x1 float64, a scene.Anchor) {
	x := c.snapLine(px(t.v), 1)
	w := c.width(t.label, c.tick, false)
	switch {
	case x+w/2 > c.right:
		return x - w, x, scene.End
	case x-w/2 < left:
		return x, x + w, scene.Start
	}
	return x - w/2, x + w/2, scene.Middle
}
