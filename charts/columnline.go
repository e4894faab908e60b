package charts

import (
	"math"
	"strconv"
	"strings"
)

// columnLineKind draws daily figures as columns with a line over them:
// rows { x, values } as a line chart's, the first series as columns and
// the others as lines on the same axis; or one series with average = 7,
// whose rolling average of the last seven rows is drawn as the line (the
// pandemic-era standard), named in the figure's language. One series
// without average is columns over x alone.
var columnLineKind = &kind{
	name:      "column-line",
	valueAxis: true,
	series:    -1,
	xy:        true,
	gaps:      true,
	zero:      true,
	maxRows:   maxPoints,
	options:   readColumnLine,
	validate:  validateColumnLine,
	prepare:   addAverage,
	plot:      func(c *ctx, p rect) drawn { return plotSeriesWith(c, p, false, 1) },
	facets:    true, // its ends name the columns' and the average's values: no key above
	describe:  describeSeries,
}

func readColumnLine(f *Figure, t *table) {
	readXType(f, t)
	readDateFormat(f, t)
	t.integer("average", &f.Average, 2, maxRolling)
}

func validateColumnLine(f *Figure, e *errs) {
	validatePoints(f, e)
	ns := len(f.seriesNames())
	switch {
	case f.Average > 0 && ns > 1:
		e.add("average", "draws the average of a single series; with %d series, the second and later are the lines already", ns)
	case f.Average > 0 && len(f.Data) <= f.Average:
		e.add("average", "averages %d rows, but the figure has %d; it needs at least %d", f.Average, len(f.Data), f.Average+1)
	}
}

// addAverage adds the rolling average of the one series as a second,
// named as the locale says it ("Average of the last 7 values"), with a
// gap where its window holds a gap or is not yet full.
func addAverage(f *Figure) {
	n := f.Average
	if n < 2 || len(f.Data) == 0 || len(f.Data[0].Values) != 1 {
		return
	}
	name := strings.TrimRight(strings.Replace(locales[f.Style.Locale].rolling, "%d", localDigits(strconv.Itoa(n), f.Style.Digits), 1), ".。।۔")
	first := ""
	if len(f.Series) == 1 {
		first = f.Series[0]
	}
	out := make([]Datum, len(f.Data))
	some := false // a window without a gap
	for i, d := range f.Data {
		d.Values = []float64{d.Values[0], math.NaN()}
		if i >= n-1 {
			sum, gap := 0.0, false
			for _, w := range f.Data[i-n+1 : i+1] {
				if isGap(w.Values[0]) {
					gap = true
				}
				sum += w.Values[0]
			}
			if !gap {
				d.Values[1] = sum / float64(n)
				some = true
			}
		}
		out[i] = d
	}
	if !some {
		return // gaps in every window: the columns alone
	}
	f.Series = []string{first, name}
	f.Data = out
	// The rows keep their own decimals; the average one more below 100
	// (392 admissions a day, 2.4 a day), as rolling writes it.
	if f.Style.Decimals < 0 && f.SeriesFormats == nil {
		raw, top := 0, 0.0
		for _, d := range out {
			if v := d.Values[0]; !isGap(v) {
				raw, top = max(raw, decimalsFor(v, 2)), math.Max(top, math.Abs(v))
			}
		}
		avg := raw
		if top < 100 {
			avg++
		}
		f.SeriesFormats = []*numberKeys{{decimals: &raw}, {decimals: &avg}}
	}
}
