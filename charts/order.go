package charts

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// The order and number of a figure's rows, as an editor sets them:
// sort = "value" | "label" | "none", top = N (the rest summed into one
// row named in the figure's language, "Other") and reverse = true.
// Rows are put in order once they are read, before they are checked, so
// that highlights and annotations name the rows the reader sees.

// orderKeys are the figure keys that order rows.
var orderKeys = []string{"sort", "top", "reverse"}

// sortOrders are the values sort takes.
var sortOrders = []string{"value", "label", "none"}

// orderOpts is what a figure asks of its rows' order.
type orderOpts struct {
	sort    string // "value", "label" or "" (none)
	top     int    // 0: every row
	reverse bool
	merged  []string // the labels of the rows top added up
}

// mergedRow says, for a label that names no row, whether top added that
// row up, and how to name it instead; "" when it did not.
func (f *Figure) mergedRow(label string) string {
	if !slices.Contains(f.Order.merged, label) {
		return ""
	}
	return fmt.Sprintf("%q is one of the rows top = %d adds up into %q; name %q, or raise top", label, f.Order.top, locales[f.Style.Locale].other, locales[f.Style.Locale].other)
}

// readOrder reads sort, top and reverse.
func (f *Figure) readOrder(t *table) {
	o := &f.Order
	if t.str("sort", &o.sort) {
		if !slices.Contains(sortOrders, o.sort) {
			msg := fmt.Sprintf("unknown order %q; use \"value\" (largest first), \"label\" or \"none\"", o.sort)
			if n := nearest(o.sort, sortOrders); n != "" {
				msg = fmt.Sprintf("unknown order %q; did you mean %q?", o.sort, n)
			}
			t.errf("sort", "%s", msg)
			o.sort = ""
		}
		if o.sort == "none" {
			o.sort = ""
		}
	}
	t.integer("top", &o.top, 1, maxPoints)
	t.boolean("reverse", &o.reverse)
	if f.kind.xy && (o.sort != "" || o.top != 0 || o.reverse) {
		t.errf(f.orderKeySet(), "%s chart keeps its rows in the order of x; sort, top and reverse apply to charts of labelled rows", aKind(f.kind.name))
		*o = orderOpts{}
	}
	if f.kind.ordered && (o.sort != "" || o.top != 0 || o.reverse) {
		t.errf(f.orderKeySet(), "%s chart keeps its rows in the order that makes it (a running total, a sequence of dates); sort, top and reverse do not apply", aKind(f.kind.name))
		*o = orderOpts{}
	}
	if o.top != 0 && !f.kind.sums() {
		t.errf("top", "%s chart cannot add its rows into one; top applies to %s", aKind(f.kind.name), kindsWhere((*kind).sums))
		o.top = 0
	}
	if o.top >= f.kind.maxRows && !f.kind.xy {
		t.errf("top", "keeps %d rows and adds up the rest into one more; %s chart shows at most %d", o.top, aKind(f.kind.name), f.kind.maxRows)
		o.top = 0
	}
}

// rowLimit is how many rows the figure may be given: the type's limit,
// or, when top adds the rest up into one, as many as any figure takes.
func (f *Figure) rowLimit() int {
	if f.Order.top > 0 {
		return maxPoints
	}
	if f.faceted() {
		return min(maxPoints, f.kind.maxRows*maxPanels) // validateFacets checks each panel
	}
	return f.kind.maxRows
}

// rowLimitSays says how many rows the figure may have, for messages.
func (f *Figure) rowLimitSays() string {
	if f.faceted() && f.Order.top == 0 {
		return fmt.Sprintf("small multiples of %s chart show at most %d in all, %d a panel", aKind(f.kind.name), f.rowLimit(), f.kind.maxRows)
	}
	return fmt.Sprintf("%s chart shows at most %d", aKind(f.kind.name), f.kind.maxRows)
}

// orderKeySet is the first order key the figure set, for a message.
func (f *Figure) orderKeySet() string {
	switch {
	case f.Order.sort != "":
		return "sort"
	case f.Order.top != 0:
		return "top"
	}
	return "reverse"
}

// sums says whether rows of the type can be added into one: one value, or
// one per series.
func (k *kind) sums() bool {
	return !k.xy && !k.ordered && (k.multi || len(k.fields) == 1 && k.fields[0] == "value") && k.name != "number"
}

// sortValue is what sort = "value" orders a row of f by: the kind's
// sortOn, or its sortValue.
func (f *Figure) sortValue(d *Datum) float64 {
	if f.kind.sortOn != nil {
		return f.kind.sortOn(f, d)
	}
	return f.kind.sortValue(d)
}

// sortValue is what sort = "value" orders a row by: its value, a range's
// high end, a dumbbell's or slope's later value, a row's total.
func (k *kind) sortValue(d *Datum) float64 {
	if k.multi {
		var sum float64
		for _, v := range d.Values {
			sum += v
		}
		return sum
	}
	ns := k.numbers(d)
	if len(ns) == 0 {
		return 0 // a row of no numbers (an event) keeps its place
	}
	return ns[len(ns)-1]
}

// order puts the rows in the order the figure asks and merges those past
// top into one row named other. A label that other would repeat is an
// error.
func (f *Figure) order(e *errs) {
	o := f.Order
	if o.sort == "" && o.top == 0 && !o.reverse || len(f.Data) == 0 {
		return
	}
	rows := slices.Clone(f.Data)
	switch o.sort {
	case "value":
		slices.SortStableFunc(rows, func(a, b Datum) int {
			va, vb := f.sortValue(&a), f.sortValue(&b)
			switch {
			case va > vb:
				return -1
			case va < vb:
				return 1
			}
			return 0
		})
	case "label":
		c := collate.New(language.Make(f.Style.Locale))
		slices.SortStableFunc(rows, func(a, b Datum) int { return c.CompareString(a.Label, b.Label) })
	}
	var rest *Datum
	// One row left over keeps its name: "Other" would hide it and say
	// nothing more.
	if o.top > 0 && o.top < len(rows)-1 {
		name := locales[f.Style.Locale].other
		for i, d := range rows[:o.top] {
			if d.Label == name {
				e.add(fmt.Sprintf("%s.label", f.rowKey(i)), "%q is the name top gives the rows it adds up; rename the row", name)
				return
			}
		}
		rest = &Datum{Label: name, row: -1}
		f.Order.merged = nil
		for _, d := range rows[o.top:] {
			f.Order.merged = append(f.Order.merged, d.Label)
			rest.Value += d.Value
			for j, v := range d.Values {
				if j >= len(rest.Values) {
					rest.Values = append(rest.Values, 0)
				}
				rest.Values[j] += v
			}
		}
		rows = rows[:o.top:o.top]
	}
	if rest != nil {
		// Sums of decimals carry floating-point noise (0.3 − 0.1 − 0.2 is
		// not 0): a sum is kept to the nine decimals no number needs.
		clean := func(v float64) float64 {
			if math.Abs(v) < 1e6 {
				v = math.Round(v*1e9) / 1e9
			}
			v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
			return v
		}
		rest.Value = clean(rest.Value)
		for j := range rest.Values {
			rest.Values[j] = clean(rest.Values[j])
		}
		for _, v := range append([]float64{rest.Value}, rest.Values...) {
			if checkMagnitude(v) != "" {
				e.add("top", "the rows it adds up come to %g, beyond what can be charted (0, or 0.000001 to 1e15 in magnitude); give the data in other units", v)
				return
			}
		}
	}
	// The rows added up come last, whichever way the others run.
	if o.reverse {
		slices.Reverse(rows)
	}
	if rest != nil {
		rows = append(rows, *rest)
	}
	f.Data = rows
}
