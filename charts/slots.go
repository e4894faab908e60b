package charts

// Slots: categories side by side along an axis, with a value scale
// across them and their labels under them (columns, grouped columns,
// the value extent of bars).

import (
	"math"
	"strings"
)

// columnLayout settles a column plot: the tick labels' width decides
// where the columns start, and the category labels' height where the
// baseline sits, each depending on the other. Negative values get room
// for their labels below the baseline. It returns the value scale, the
// left edge of the columns, each column's slot width and the labels.
func (c *ctx) columnLayout(data []Datum, lo, hi float64, p rect, valueGap, step float64) (s scale, left, slot float64, cat columnLabels) {
	n := float64(len(data))
	negGap := 0.0
	if lo < 0 {
		negGap = valueGap
	}
	s = c.valueScale(lo, hi, p.bottom(), p.y+valueGap, 40, step)
	left = p.x + c.tickWidth(s) + 10
	for range 2 { // the second pass settles wider ticks, if any
		slot = (p.right() - left) / n
		cat = c.columnLabels(data, slot, left, p.x)
		s = c.valueScale(lo, hi, p.bottom()-cat.height-negGap, p.y+valueGap, 40, step)
		w := c.tickWidth(s)
		if p.x+w+10 <= left+0.5 {
			break
		}
		left = p.x + w + 10
	}
	return s, left, slot, cat
}

func (c *ctx) columnLabels(data []Datum, slot, left, edge float64) columnLabels {
	lh := math.Round(c.label * 1.3)
	width := math.Max(slot-8, 12)
	cl := columnLabels{every: 1}
	for _, d := range data {
		for _, w := range strings.Fields(d.Label) {
			if c.width(w, c.label, false) > width {
				cl.rotate = true
			}
		}
	}
	lines := 1
	cl.lines = make([][]string, len(data))
	for i, d := range data {
		if cl.rotate {
			// The label runs down and left from its column: it may not
			// run past the figure's left edge.
			cx := left + slot*(float64(i)+0.5)
			room := math.Min(150*c.u, (cx-edge)*math.Sqrt2)
			cl.lines[i] = []string{c.regular.Ellipsize(d.Label, c.label, room)}
			cl.height = math.Max(cl.height, (c.width(cl.lines[i][0], c.label, false)+c.label)/math.Sqrt2+8)
			continue
		}
		cl.lines[i], _ = c.regular.Wrap(d.Label, c.label, width, 3)
		lines = max(lines, len(cl.lines[i]))
	}
	if !cl.rotate {
		cl.height = float64(lines)*lh + 6
	} else if minSlot := lh * math.Sqrt2; slot < minSlot {
		cl.every = int(math.Ceil(minSlot / slot))
	}
	return cl
}

// valueExtent returns the smallest and largest value of data.
func valueExtent(data []Datum) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, d := range data {
		lo, hi = math.Min(lo, d.Value), math.Max(hi, d.Value)
	}
	return lo, hi
}

// columnLabels are the category labels under the columns: wrapped to
// their slot at whole words, up to three lines, or, when a single word is
// wider than the slot, turned 45 degrees and shortened to what fits. When
// even turned labels would touch, only every n-th column is labelled.
type columnLabels struct {
	lines  [][]string
	rotate bool
	every  int
	height float64
}
