package charts

import (
	"fmt"
	"math"
	"slices"
)

// Keys that set a figure's value axis where the default is wrong for the
// story: min, max, ticks and zero. Types without a value axis refuse them.

// axisOpts is what a figure asks of its value axis; the zero value asks
// nothing.
type axisOpts struct {
	min, max       float64
	hasMin, hasMax bool
	step           float64   // ticks = 25: every 25; 0 when not given
	ticks          []float64 // ticks = [0, 50, 100]: these; nil when not given
	zero           *bool     // zero = true | false; nil: the type's default
}

// axisKeys are the figure keys axisOpts reads.
var axisKeys = []string{"min", "max", "ticks", "zero"}

// readAxis reads min, max, ticks and zero.
func (f *Figure) readAxis(t *table) {
	a := &f.Axis
	a.hasMin = t.num("min", &a.min)
	a.hasMax = t.num("max", &a.max)
	if v, ok := t.m["ticks"]; ok {
		if _, list := v.([]any); list {
			t.get("ticks")
			a.ticks = numbers(t, "ticks", v.([]any))
		} else if t.num("ticks", &a.step) && a.step <= 0 {
			t.errf("ticks", "%g is not a step; give a positive step (ticks = 25) or the ticks themselves (ticks = [0, 50, 100])", a.step)
			a.step = 0
		}
	} else {
		t.get("ticks")
	}
	var z bool
	if t.boolean("zero", &z) {
		a.zero = &z
	}
}

// numbers reads a list of numbers, each checked as a number key is.
func numbers(t *table, key string, vs []any) []float64 {
	out := make([]float64, 0, len(vs))
	for i, v := range vs {
		f, msg := checkNumber(v)
		if msg != "" {
			t.errf(fmt.Sprintf("%s[%d]", key, i), "%s", msg)
			continue
		}
		out = append(out, f)
	}
	return out
}

// validateAxis checks the axis keys against the type and the data: the
// axis must hold every number drawn on it.
func (f *Figure) validateAxis(e *errs) {
	a := f.Axis
	if !a.hasMin && !a.hasMax && a.step == 0 && a.ticks == nil && a.zero == nil {
		return
	}
	if !f.kind.valueAxis {
		for _, k := range axisKeys {
			if f.axisKeySet(k) {
				e.add(k, "%s chart has no value axis; %s applies to %s", aKind(f.kind.name), k, kindsWhere(func(k *kind) bool { return k.valueAxis }))
			}
		}
		return
	}
	if a.hasMin && a.hasMax && a.min >= a.max {
		e.add("max", "%g is not above min (%g)", a.max, a.min)
		return
	}
	if f.Style.Log {
		switch {
		case a.hasMin && a.min <= 0:
			e.add("min", "%g cannot start a log scale, which has no zero; give a positive min", a.min)
		case a.hasMax && a.max <= 0:
			e.add("max", "%g cannot end a log scale; give a positive max", a.max)
		case a.step != 0:
			e.add("ticks", "a log scale steps by tens; give the ticks themselves, e.g. ticks = [1000, 10000, 100000]")
		case a.zero != nil && *a.zero:
			e.add("zero", "a log scale has no zero; leave zero out or use scale = \"linear\"")
		}
	}
	if a.ticks != nil {
		if len(a.ticks) == 0 {
			e.add("ticks", "is empty; give at least one tick, or a step")
		}
		if len(a.ticks) > maxTicks {
			e.add("ticks", "lists %d ticks; at most %d are allowed", len(a.ticks), maxTicks)
		}
		for i := 1; i < len(a.ticks); i++ {
			if a.ticks[i] <= a.ticks[i-1] {
				e.add("ticks", "must rise, each above the one before: %v", a.ticks)
				break
			}
		}
		for i, v := range a.ticks {
			switch {
			case a.hasMin && v < a.min, a.hasMax && v > a.max:
				e.add(fmt.Sprintf("ticks[%d]", i), "%g is outside min..max (%s..%s)", v, fmtBound(a.hasMin, a.min), fmtBound(a.hasMax, a.max))
			case f.Style.Log && v <= 0:
				e.add(fmt.Sprintf("ticks[%d]", i), "%g cannot stand on a log scale", v)
			}
		}
	}
	if a.step != 0 {
		lo, hi := f.dataRange()
		lo, hi = math.Min(lo, a.minOr(lo)), math.Max(hi, a.maxOr(hi))
		if f.startsAtZero() && !a.hasMin {
			lo, hi = math.Min(lo, 0), math.Max(hi, 0) // the axis runs from zero
		}
		if (hi-lo)/a.step > maxTicks {
			e.add("ticks", "a step of %g makes more than %d ticks over %g..%g; give a larger step", a.step, maxTicks, lo, hi)
		}
	}
	// Every number drawn must be on the axis; a pile, whole; a running
	// total, at every level it reaches.
	for i, d := range f.Data {
		if f.kind.subtotals {
			lo, hi := f.extentAt(i)
			switch {
			case a.hasMin && lo < a.min:
				e.add(f.rowKey(i), "the running total reaches %g here, below min (%g); lower min", lo, a.min)
			case a.hasMax && hi > a.max:
				e.add(f.rowKey(i), "the running total reaches %g here, above max (%g); raise max", hi, a.max)
			}
			continue
		}
		if f.kind.stacks {
			lo, hi := f.kind.extent(&d)
			switch {
			case a.hasMin && lo < 0 && lo < a.min: // a pile of positives starts at the axis
				e.add(f.rowKey(i), "its values pile down to %g, below min (%g); lower min", lo, a.min)
			case a.hasMax && hi > a.max+1e-9*math.Max(1, math.Abs(a.max)): // not a sum's last bit
				e.add(f.rowKey(i), "its values pile up to %g, above max (%g); raise max", hi, a.max)
			}
			continue
		}
		for j, v := range f.kind.numbers(&d) {
			key := fmt.Sprintf("%s.%s", f.rowKey(i), f.numberKey(j))
			switch {
			case a.hasMin && v < a.min:
				e.add(key, "%g is below min (%g); lower min, or leave it out", v, a.min)
			case a.hasMax && v > a.max:
				e.add(key, "%g is above max (%g); raise max, or leave it out", v, a.max)
			}
		}
	}
	for i, an := range f.Annotations {
		for _, v := range an.values() {
			if a.hasMin && v < a.min || a.hasMax && v > a.max {
				e.add(fmt.Sprintf("annotation[%d]", i), "%g is outside min..max (%s..%s)", v, fmtBound(a.hasMin, a.min), fmtBound(a.hasMax, a.max))
			}
		}
	}
}

func fmtBound(has bool, v float64) string {
	if !has {
		return ""
	}
	return fmt.Sprint(v)
}

// axisKeySet reports whether the figure set the axis key k.
func (f *Figure) axisKeySet(k string) bool {
	a := f.Axis
	switch k {
	case "min":
		return a.hasMin
	case "max":
		return a.hasMax
	case "ticks":
		return a.step != 0 || a.ticks != nil
	}
	return a.zero != nil
}

// numberKey names the j-th number of a row as kind.numbers lists them.
func (f *Figure) numberKey(j int) string {
	if j < len(f.kind.fields) {
		return f.kind.fields[j]
	}
	return fmt.Sprintf("values[%d]", j-len(f.kind.fields))
}

// extentAt is the least and greatest value row i reaches on the value
// axis: kind.extent, or, on a waterfall, the levels its column spans.
func (f *Figure) extentAt(i int) (lo, hi float64) {
	if !f.kind.subtotals {
		return f.kind.extent(&f.Data[i])
	}
	from, to := levels(f.Data)
	return math.Min(from[i], to[i]), math.Max(from[i], to[i])
}

// dataRange is the least and greatest number the rows draw.
func (f *Figure) dataRange() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for i := range f.Data {
		l, h := f.extentAt(i)
		lo, hi = math.Min(lo, l), math.Max(hi, h)
	}
	if lo > hi {
		return 0, 0
	}
	return lo, hi
}

func (a axisOpts) minOr(v float64) float64 {
	if a.hasMin {
		return a.min
	}
	return v
}

func (a axisOpts) maxOr(v float64) float64 {
	if a.hasMax {
		return a.max
	}
	return v
}

// startsAtZero says whether the value axis holds zero: the type's default
// (bars, columns and areas do) unless zero says otherwise.
func (f *Figure) startsAtZero() bool {
	if f.Axis.zero != nil {
		return *f.Axis.zero
	}
	return f.kind.zero
}

// applyAxis sets a linear scale's domain and ticks as the figure asks:
// min and max exactly, ticks at the step or the list given. lo and hi are
// the data's (with annotations), which the domain keeps holding.
func (a axisOpts) apply(s scale, lo, hi float64) scale {
	if a.step != 0 {
		s.step = a.step
		if !a.hasMin {
			s.lo = math.Floor(math.Min(lo, s.lo)/a.step+1e-9) * a.step
		}
		if !a.hasMax {
			s.hi = math.Ceil(math.Max(hi, s.hi)/a.step-1e-9) * a.step
		}
	}
	if a.hasMin {
		s.lo = a.min
	}
	if a.hasMax {
		s.hi = a.max
	}
	if s.hi <= s.lo {
		s.hi = s.lo + math.Max(math.Abs(s.lo), 1)
	}
	switch {
	case a.ticks != nil:
		s.lo, s.hi = math.Min(s.lo, a.ticks[0]), math.Max(s.hi, a.ticks[len(a.ticks)-1])
		s.ticks = slices.Clone(a.ticks)
		s.step = tickStep(a.ticks)
	case a.step != 0 || a.hasMin || a.hasMax:
		s.ticks = stepsFrom(s.lo, s.hi, s.step)
	}
	return s
}

// tickStep is the smallest gap between ticks, which sets their decimals.
func tickStep(ts []float64) float64 {
	step := math.Inf(1)
	for i := 1; i < len(ts); i++ {
		if d := ts[i] - ts[i-1]; d > 0 {
			step = math.Min(step, d)
		}
	}
	if math.IsInf(step, 1) {
		if len(ts) == 1 && ts[0] != 0 {
			return math.Abs(ts[0])
		}
		return 1
	}
	return step
}
