package charts

import (
	"fmt"
	"slices"
)

// labels = "all" | "none" | "last" | "highlight" | "max": which values a
// figure writes beside its marks. The axis carries the rest.

// labelChoices are the values labels takes; lineLabelChoices those of
// types that label their lines' ends.
var (
	labelChoices     = []string{"all", "none", "last", "highlight", "max"}
	lineLabelChoices = []string{"last", "none"}
)

// readLabels reads labels and checks it against the type.
func (f *Figure) readLabels(t *table) {
	if !t.str("labels", &f.Labels) {
		return
	}
	choices := labelChoices
	switch {
	case f.kind.xy:
		choices = lineLabelChoices
	case !f.kind.valueAxis:
		t.errf("labels", "%s chart writes every part's value; labels applies to %s", aKind(f.kind.name), kindsWhere(func(k *kind) bool { return k.valueAxis }))
		f.Labels = ""
		return
	}
	if !slices.Contains(choices, f.Labels) {
		msg := fmt.Sprintf("%q is not a choice for %s chart; use one of %q", f.Labels, aKind(f.kind.name), choices)
		if n := nearest(f.Labels, choices); n != "" {
			msg = fmt.Sprintf("%q is not a choice for %s chart; did you mean %q?", f.Labels, aKind(f.kind.name), n)
		}
		t.errf("labels", "%s", msg)
		f.Labels = ""
	}
}

// labelled reports whether the value of row i (of series j, for types of
// several series; -1 otherwise) is written on the figure.
func (f *Figure) labelled(i, j int) bool {
	switch f.Labels {
	case "none":
		return false
	case "last":
		return i == len(f.Data)-1
	case "highlight":
		if slices.Contains(f.Highlight, f.Data[i].Label) {
			return true
		}
		return j >= 0 && j < len(f.Series) && slices.Contains(f.Highlight, f.Series[j])
	case "max":
		mi, mj := f.maxValue()
		return i == mi && (j < 0 || j == mj)
	}
	return true
}

// maxValue is the row (and series) of the figure's largest value: a
// row's value, a range's high end, a dumbbell's later value, or one of
// a row's values. The first wins a tie.
func (f *Figure) maxValue() (row, series int) {
	row, series = 0, -1
	best := 0.0
	for i := range f.Data {
		d := &f.Data[i]
		if f.kind.multi {
			for j, v := range d.Values {
				if i == 0 && j == 0 || v > best {
					row, series, best = i, j, v
				}
			}
			continue
		}
		if v := f.kind.sortValue(d); i == 0 || v > best {
			row, best = i, v
		}
	}
	return row, series
}
