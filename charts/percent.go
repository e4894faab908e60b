package charts

import "slices"

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
		sum := 0.0
		for j, v := range d.Values {
			if v < 0 {
				e.add(f.rowKey(i)+".values", "%s is %g; in mode = \"percent\" each value is a part of its row's whole, and a part cannot be negative (use mode = \"absolute\")", f.Series[min(j, len(f.Series)-1)], v)
				return
			}
			sum += v
		}
		if sum == 0 {
			e.add(f.rowKey(i)+".values", "add up to 0; in mode = \"percent\" a row is shown as shares of its total, and a total of 0 has none")
			return
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
	for i := range f.Data {
		d := &f.Data[i]
		sum := 0.0
		for _, v := range d.Values {
			sum += v
		}
		vals := make([]float64, len(d.Values))
		for j, v := range d.Values {
			vals[j] = 100 * v / sum
		}
		d.Values = vals
	}
	loc := locales[f.Style.Locale]
	f.Style.Prefix, f.Style.Suffix = "", loc.percent+"%"
	f.Style.Compact, f.Style.CompactGB = false, false
	f.SeriesFormats = nil
	if f.Style.Decimals < 0 {
		f.Style.Decimals = 0
		// A share that would round to 0% beside its neighbours keeps
		// one decimal: 0.4%, not 0%.
		for _, d := range f.Data {
			for _, v := range d.Values {
				if v > 0 && v < 0.5 {
					f.Style.Decimals = 1
				}
			}
		}
	}
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
