package charts

import (
	"fmt"
	"math"
	"slices"
)

// mode = "percent" on the stacked types: each pile is a row's whole, its
// segments the shares of it (100% stacked columns and bars). The values
// are turned into percentages once they are read and ordered, so that
// layout, labels, --check and the alt text all see the shares; the
// number format becomes a percentage's (no prefix, no compact form).

// stackModes are the values of mode.
var stackModes = []string{"absolute", "percent"}

func readStackMode(f *Figure, t *table) {
	if t.str("mode", &f.Mode) && !slices.Contains(stackModes, f.Mode) {
		t.errf("mode", "unknown setting %q; use \"percent\" (each pile a whole, its parts as shares) or \"absolute\" (the values piled, the default)", clip(f.Mode))
		f.Mode = ""
	}
}

// validateShares refuses what shares of a whole cannot show: a negative
// part, a row with nothing in it, and min/max/ticks outside 0–100.
func validateShares(f *Figure, e *errs) {
	if f.Mode != "percent" {
		return
	}
	for i, d := range f.Data {
		sum, negative := 0.0, false
		for j, v := range d.Values {
			if v < 0 && !negative {
				// Validation runs before the series count is known
				// to match: a value without a series is named by place.
				name := fmt.Sprintf("value %d", j+1)
				if j < len(f.Series) {
					name = f.Series[j]
				}
				e.add(f.rowKey(i)+".values", "%s is %g; in mode = \"percent\" each value is a part of its row's whole, and a part cannot be negative (use mode = \"absolute\")", name, v)
				negative = true
			}
			sum += v
		}
		if sum == 0 && !negative {
			e.add(f.rowKey(i)+".values", "add up to 0; in mode = \"percent\" a row is shown as shares of its total, and a total of 0 has none")
		}
	}
	for _, k := range []struct {
		key string
		set bool
		v   float64
	}{{"min", f.Axis.hasMin, f.Axis.min}, {"max", f.Axis.hasMax, f.Axis.max}} {
		if k.set && (k.v < 0 || k.v > 100) {
			e.add(k.key, "%g is outside 0–100; in mode = \"percent\" the axis is in per cent of each row", k.v)
		}
	}
}

// share turns each row's values into percentages of the row's total, and
// the format into a percentage's. It runs where order does, after it (a
// row sorted by value is sorted by its total).
func (f *Figure) share() {
	if f.Mode != "percent" {
		return
	}
	// The decimals the shares are written with: whole per cent unless
	// a share is under 0.5%, or decimals says.
	dec := f.Style.Decimals
	if dec < 0 {
		dec = 0
		for _, d := range f.Data {
			sum := 0.0
			for _, v := range d.Values {
				sum += v
			}
			for _, v := range d.Values {
				if v > 0 && 100*v/sum < 0.5 {
					dec = 1
				}
			}
		}
	}
	for i := range f.Data {
		f.Data[i].Values = shares(f.Data[i].Values, dec)
	}
	loc := locales[f.Style.Locale]
	f.Style.Prefix, f.Style.Suffix = "", loc.percent+"%"
	f.Style.Compact, f.Style.CompactGB = false, false
	f.SeriesFormats = nil
	f.Style.Decimals = dec
	if !f.Axis.hasMax {
		f.Axis.max, f.Axis.hasMax = 100, true
	}
	if !f.Axis.hasMin {
		f.Axis.min, f.Axis.hasMin = 0, true
	}
	if f.Axis.step == 0 && f.Axis.ticks == nil {
		f.Axis.step = 25
	}
}

// shares writes values as percentages of their sum at dec decimals that
// add up to exactly 100 (largest remainders: 53.5 and 46.5 are 54% and
// 46%, not 54% and 47%), and give every part above zero at least the
// smallest share written (0.1% at one decimal), taken from the largest,
// so that no real part reads as 0.
func shares(values []float64, dec int) []float64 {
	unit := math.Pow(10, float64(dec))
	whole := int64(100 * unit)
	sum := 0.0
	for _, v := range values {
		sum += v
	}
	units := make([]int64, len(values))
	rest := make([]float64, len(values))
	var given int64
	for j, v := range values {
		exact := v / sum * float64(whole)
		units[j] = int64(math.Floor(exact))
		rest[j] = exact - float64(units[j])
		given += units[j]
	}
	order := make([]int, len(values))
	for j := range order {
		order[j] = j
	}
	// Largest remainder first; ties to the larger part, then the first.
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rest[a] != rest[b]:
			return cmpDesc(rest[a], rest[b])
		default:
			return cmpDesc(values[a], values[b])
		}
	})
	for k := 0; given < whole && k < len(order); k++ {
		units[order[k]]++
		given++
	}
	for j, v := range values {
		if v > 0 && units[j] == 0 {
			big := 0
			for i := range units {
				if units[i] > units[big] {
					big = i
				}
			}
			if units[big] > 1 {
				units[big]--
				units[j] = 1
			}
		}
	}
	out := make([]float64, len(values))
	for j := range units {
		out[j] = float64(units[j]) / unit
	}
	return out
}

// cmpDesc orders a before b when a is the greater.
func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}
