package charts

// Slots: categories side by side along an axis, with a value scale
// across them and their labels under them (columns, grouped columns,
// the value extent of bars).

import (
	"math"
	"strings"

	"presschart/charts/scene"
)

// columnLayout settles a column plot: the tick labels' width decides
// where the columns start, and the category labels' height where the
// baseline sits, each depending on the other. Negative values get room
// for their labels below the baseline. It returns the value scale, the
// left edge of the columns, each column's slot width and the labels, and
// the height the plot takes: more than p.h when the labels would leave
// the columns less than minColumns px, and the figure grows.
func (c *ctx) columnLayout(data []Datum, lo, hi float64, p rect, valueGap, step float64) (s scale, left, slot float64, cat columnLabels, height float64) {
	n := float64(len(data))
	negGap := 0.0
	if lo < 0 {
		negGap = valueGap
	}
	minColumns := math.Round(100 * c.u)
	s = c.valueScale(lo, hi, p.bottom(), p.y+valueGap, 40, step)
	left = p.x + c.tickWidth(s) + 10
	for range 2 { // the second pass settles wider ticks, if any
		slot = (p.right() - left) / n
		cat = c.columnLabels(data, slot, left, p.x)
		p.h = math.Max(p.h, valueGap+minColumns+cat.height+negGap)
		s = c.valueScale(lo, hi, p.bottom()-cat.height-negGap, p.y+valueGap, 40, step)
		w := c.tickWidth(s)
		if p.x+w+10 <= left+0.5 {
			break
		}
		left = p.x + w + 10
	}
	return s, left, slot, cat, p.h
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
	// Upright labels wrap at whole words to three lines; a label that
	// needs more turns them all, as a word wider than its slot does.
	cl.lines = make([][]string, len(data))
	lines := 1
	for i, d := range data {
		if !cl.rotate {
			cl.lines[i], _ = c.regular.Wrap(d.Label, c.label, width, 0)
			if len(cl.lines[i]) > 3 {
				cl.rotate = true
			}
			lines = max(lines, len(cl.lines[i]))
		}
	}
	if !cl.rotate {
		cl.height = float64(lines)*lh + 6
		return cl
	}
	// Turned labels run down and left from their columns, no farther
	// than the figure's left edge, nor than 150 px; a longer label wraps
	// into parallel lines rather than being cut.
	lines = 1
	for i, d := range data {
		cx := left + slot*(float64(i)+0.5)
		room := math.Max(math.Min(150*c.u, (cx-edge)*math.Sqrt2), 4*c.label)
		cl.lines[i], _ = c.regular.Wrap(d.Label, c.label, room, 0)
		w := 0.0
		for _, l := range cl.lines[i] {
			w = math.Max(w, c.width(l, c.label, false))
		}
		n := float64(len(cl.lines[i]))
		cl.height = math.Max(cl.height, (w+c.label)/math.Sqrt2+(n-1)*lh/math.Sqrt2+c.label*0.25+8)
		lines = max(lines, len(cl.lines[i]))
	}
	if minSlot := float64(lines) * lh * math.Sqrt2; slot < minSlot {
		cl.every = int(math.Ceil(minSlot / slot))
	}
	return cl
}

// label draws column i's label under it, from top: a wrapped block, or
// turned lines side by side, the first ending at the column's middle.
func (c *ctx) columnLabel(cl columnLabels, i int, cx, top float64) []scene.Node {
	lh := math.Round(c.label * 1.3)
	if !cl.rotate {
		nodes, _ := c.block(cl.lines[i], cx, top, c.label, lh, false, c.th.muted, scene.Middle, "pc-label")
		return nodes
	}
	var nodes []scene.Node
	for k, l := range cl.lines[i] {
		// Each further line sits below the one before, across the turn;
		// the first is set low enough that its turned cap height stays
		// under top, clear of a negative value's label above.
		off := float64(k) * lh / math.Sqrt2
		t := c.text(cx+c.label*0.35+off, top+c.label*0.6+off, l, c.label, false, c.th.muted, scene.End, "pc-label")
		t.Rotate = -45
		nodes = append(nodes, t)
	}
	return nodes
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
