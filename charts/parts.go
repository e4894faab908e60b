package charts

import (
	"fmt"
	"slices"
	"strings"
)

// Part-to-whole charts (waffle, stack) share their keys: data rows are the
// parts; total = 18000 with rest = "Not killed" adds the part that
// completes the whole.

func readParts(f *Figure, t *table) {
	t.num("total", &f.Total)
	t.text("rest", &f.Rest)
}

func validateParts(f *Figure, e *errs) {
	checkLabels(f, e)
	sum := 0.0
	for i, d := range f.Data {
		if d.Value <= 0 {
			e.add(f.rowKey(i)+".value", "%g is not a part of a whole; parts must be above zero", d.Value)
		}
		sum += d.Value
	}
	_, hasTotal := f.totalGiven()
	switch {
	case hasTotal && f.Total <= 0:
		e.add("total", "%g must be above zero", f.Total)
	case hasTotal && sum > f.Total*(1+1e-9):
		e.add("total", "the parts add up to %s, more than the total of %s", newNumberFormat(&f.Style).number(sum), newNumberFormat(&f.Style).number(f.Total))
	case f.Rest != "" && !hasTotal:
		e.add("rest", "needs a total: the rest is what the parts leave of it")
	case f.Rest != "" && slices.Contains(labels(f), f.Rest):
		e.add("rest", "%q is also the label of a row; give the rest another label", f.Rest)
	}
}

// totalGiven reports the whole, and whether the file gave it.
func (f *Figure) totalGiven() (float64, bool) { return f.Total, f.Total != 0 }

// part is one share of the whole, ready to draw.
type part struct {
	Label string
	Value float64
	Share float64 // of the whole, 0..1
	Rest  bool    // the remainder part (drawn in the neutral colour)
}

// parts returns the figure's parts, the remainder last, and the whole.
func (f *Figure) parts() ([]part, float64) {
	sum := 0.0
	for _, d := range f.Data {
		sum += d.Value
	}
	whole := sum
	if total, ok := f.totalGiven(); ok {
		whole = total
	}
	var out []part
	for _, d := range f.Data {
		out = append(out, part{Label: d.Label, Value: d.Value, Share: d.Value / whole})
	}
	if rest := whole - sum; f.Rest != "" && rest > whole*1e-9 {
		out = append(out, part{Label: f.Rest, Value: rest, Share: rest / whole, Rest: true})
	}
	return out, whole
}

// partValue is "3,400 (19%)".
func (c *ctx) partValue(p part) string {
	return c.nf.number(p.Value) + " (" + c.nf.percent(p.Share) + ")"
}

func describeParts(f *Figure, nf numberFormat) string {
	ps, whole := f.parts()
	var b strings.Builder
	fmt.Fprintf(&b, nf.loc.of, nf.number(whole))
	if f.UnitLabel != "" {
		b.WriteString(" " + f.UnitLabel)
	}
	b.WriteString(": ")
	for i, p := range ps[:min(len(ps), maxAltRows)] {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s %s (%s)", p.Label, nf.number(p.Value), nf.percent(p.Share))
	}
	if len(ps) > maxAltRows {
		b.WriteString("; " + localDigits(fmt.Sprintf(nf.loc.more, len(ps)-maxAltRows), nf.digits))
	}
	b.WriteString(".")
	return b.String()
}
