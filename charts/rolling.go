package charts

import (
	"fmt"
	"math"
	"slices"
)

// maxRolling is the longest rolling average a line or area chart takes.
const maxRolling = 366

// readRolling reads rolling = N: the chart shows each series' average of
// its last N rows (a 7-day average of daily figures) from the Nth row on.
func readRolling(f *Figure, t *table) {
	t.integer("rolling", &f.Rolling, 2, maxRolling)
}

// roll replaces each row's values by the average of the last Rolling
// rows' and drops the first Rolling-1 rows, which have no full window. A
// window with a gap averages to a gap.
// It runs where order does: when the figure is checked and when its rows
// are read again.
func (f *Figure) roll(e *errs) {
	n := f.Rolling
	if n < 2 || len(f.Data) == 0 {
		return
	}
	if len(f.Data) <= n {
		e.add("rolling", "averages %d rows, but the figure has %d; a line needs at least %d rows for two averages", n, len(f.Data), n+1)
		return
	}
	// Averages are written with the rows' own decimals, one more below
	// 100 (392 admissions a day, 2.4 a day), not the float's 392.43.
	raw, top := 0, 0.0
	for _, d := range f.Data {
		for _, v := range d.Values {
			if !isGap(v) {
				raw = max(raw, decimalsFor(v, 2))
				top = max(top, math.Abs(v))
			}
		}
	}
	if top < 100 {
		raw++
	}
	f.rollDecimals = min(raw, 3)
	f.rollDropped = nil
	for _, d := range f.Data[:n-1] {
		f.rollDropped = append(f.rollDropped, d.X)
	}
	out := make([]Datum, 0, len(f.Data)-n+1)
	width := len(f.Data[0].Values)
	for i := n - 1; i < len(f.Data); i++ {
		r := f.Data[i]
		r.Values = make([]float64, width)
		for j := range r.Values {
			// Each window summed afresh: a running sum that subtracts
			// would leave 1e-16 where the values are 0.
			var sum float64
			for _, d := range f.Data[i-n+1 : i+1] {
				if len(d.Values) != width {
					return // reported by the row's own check
				}
				sum += d.Values[j]
			}
			r.Values[j] = sum / float64(n) // NaN when the window has a gap
		}
		out = append(out, r)
	}
	f.Data = out
	for j, name := range f.seriesNames() {
		if !slices.ContainsFunc(out, func(d Datum) bool { return !isGap(d.Values[j]) }) {
			what := "the line"
			if name != "" {
				what = fmt.Sprintf("the series %q", name)
			}
			e.add("rolling", "averages %d rows, and %s has no %d rows in a row without a gap; average fewer rows", n, what, n)
		}
	}
	// An average that is not zero is never written 0 (a third of an
	// admission a day).
	for f.rollDecimals < maxDecimals && slices.ContainsFunc(out, func(d Datum) bool {
		return slices.ContainsFunc(d.Values, func(v float64) bool {
			p := math.Pow(10, float64(f.rollDecimals))
			return v != 0 && math.Round(math.Abs(v)*p) == 0
		})
	}) {
		f.rollDecimals++
	}
}

// rollingNote says that the line is an average, in the note and the alt
// text, as logNote says a scale is logarithmic.
func (f *Figure) rollingNote() string {
	if f.Rolling < 2 {
		return ""
	}
	return localDigits(fmt.Sprintf(locales[f.Style.Locale].rolling, f.Rolling), f.Style.Digits)
}
