package charts

// Labels: the measuring, wrapping and spacing of text beside marks that
// several chart types share.

import (
	"math"
	"sort"
)

// rowLabels sets the rows' labels in a column on the left: as wide as the
// widest label, at most limit; each wrapped to two lines, then shortened
// with an ellipsis. It returns the width, the lines of each label and the
// most lines any label has.
func (c *ctx) rowLabels(data []Datum, limit float64) (w float64, labels [][]string, lines int) {
	for _, d := range data {
		w = math.Max(w, c.width(d.Label, c.label, false))
	}
	w = math.Ceil(math.Min(w, limit))
	labels = make([][]string, len(data))
	lines = 1
	for i, d := range data {
		labels[i], _ = c.regular.Wrap(d.Label, c.label, w, 2)
		lines = max(lines, len(labels[i]))
	}
	return w, labels, lines
}

// spread moves the wanted centres ys apart by at least gap, keeping their
// order and staying within [lo, hi] where there is room; it returns the
// new centres in the input order.
func spread(ys []float64, gap, lo, hi float64) []float64 {
	idx := make([]int, len(ys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ys[idx[a]] < ys[idx[b]] })
	out := make([]float64, len(ys))
	prev := math.Inf(-1)
	for _, i := range idx {
		out[i] = math.Max(math.Max(ys[i], lo), prev+gap)
		prev = out[i]
	}
	// Too low: push back up from the bottom, as far as the top allows.
	next := math.Inf(1)
	for k := len(idx) - 1; k >= 0; k-- {
		i := idx[k]
		out[i] = math.Min(out[i], math.Min(hi, next-gap))
		next = out[i]
	}
	return out
}

// maxWidth is the widest formatted value of data at size px, bold.
func (c *ctx) maxWidth(data []Datum, size float64) float64 {
	w := 0.0
	for _, d := range data {
		w = math.Max(w, c.width(c.nf.number(d.Value), size, true))
	}
	return w
}

// ends names the two values of a row: the series, or the locale's words
// for before and after.
func (f *Figure) ends() (string, string) {
	if len(f.Series) == 2 {
		return f.Series[0], f.Series[1]
	}
	loc := locales[f.Style.Locale]
	return loc.before, loc.after
}
