package charts

// Slots: categories side by side along an axis, with a value scale
// across them and their labels under them (columns, grouped columns,
// the value extent of bars).

import (
	"math"
	"slices"
	"strings"

	"github.com/presschart/presschart/charts/scene"
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

// columnLabels lays out the category labels under columns, all of them
// and never cut, as a desk would: upright and wrapped at whole words to
// their slot; for a sequence (years, months, quarters) that does not fit,
// every second, third... label; else staggered on two rows, each label
// taking two slots' width; and only where even that fails, turned a
// quarter to read upwards, whole words on parallel lines.
func (c *ctx) columnLabels(data []Datum, slot, left, edge float64) columnLabels {
	lh := math.Round(c.label * 1.3)
	cl := columnLabels{every: 1, lines: make([][]string, len(data))}
	wrapAll := func(width float64, step int) (lines int, ok bool) {
		lines = 1
		for i, d := range data {
			if i%step != 0 {
				continue
			}
			for _, w := range strings.Fields(d.Label) {
				if c.width(w, c.label, false) > width {
					return 0, false
				}
			}
			// A label wider than its slot stays clear of the value
			// axis's labels and inside the content area.
			cx := left + slot*(float64(i)+0.5)
			w := math.Min(width, 2*math.Min(cx-left+4, c.right-cx))
			for _, word := range strings.Fields(d.Label) {
				if c.width(word, c.label, false) > w {
					return 0, false
				}
			}
			cl.lines[i], _ = c.regular.Wrap(d.Label, c.label, w, 0)
			if len(cl.lines[i]) > 3 {
				return 0, false
			}
			lines = max(lines, len(cl.lines[i]))
		}
		return lines, true
	}
	if lines, ok := wrapAll(math.Max(slot-8, 12), 1); ok {
		cl.height = float64(lines)*lh + 6
		return cl
	}
	if sequence(data) {
		for every := 2; every <= len(data); every++ {
			if lines, ok := wrapAll(slot*float64(every)-8, every); ok && lines == 1 {
				cl.every = every
				cl.height = lh + 6
				return cl
			}
		}
	}
	if _, ok := wrapAll(2*slot-8, 1); ok && len(data) > 1 {
		// Every second label moves down past those beside it that it
		// would touch; one that fits between them stays up.
		cl.offset = make([]float64, len(data))
		width := func(i int) float64 {
			w := 0.0
			for _, l := range cl.lines[i] {
				w = math.Max(w, c.width(l, c.label, false))
			}
			return w
		}
		for i := range data {
			if i%2 == 1 {
				for _, j := range []int{i - 1, i + 1} {
					if j < len(data) && slot*math.Abs(float64(i-j)) < (width(i)+width(j))/2+8 {
						cl.offset[i] = math.Max(cl.offset[i], float64(len(cl.lines[j]))*lh+2)
					}
				}
			}
			cl.height = math.Max(cl.height, cl.offset[i]+float64(len(cl.lines[i]))*lh+6)
		}
		return cl
	}
	// Turned labels read upwards from under their columns, wrapped at
	// whole words to 150 px (or the longest word) on lines side by side.
	// A label takes no more lines than its slot holds side by side.
	cl.rotate = true
	room := 150 * c.u
	for _, d := range data {
		for _, w := range strings.Fields(d.Label) {
			room = math.Max(room, c.width(w, c.label, false)+1)
		}
	}
	most := max(1, int((slot-2)/lh))
	for i, d := range data {
		cl.lines[i], _ = c.regular.Wrap(d.Label, c.label, room, 0)
		for len(cl.lines[i]) > most {
			room *= 1.2
			cl.lines[i], _ = c.regular.Wrap(d.Label, c.label, room, 0)
		}
		w := 0.0
		for _, l := range cl.lines[i] {
			w = math.Max(w, c.width(l, c.label, false))
		}
		cl.height = math.Max(cl.height, w+10)
	}
	return cl
}

// sequence reports whether the rows' labels are a sequence a reader can
// fill in between two shown, like years, quarters or months: each a
// number, a date, or a short word and a year ("Q1 2025", "Jan 2024").
func sequence(data []Datum) bool {
	for _, d := range data {
		if !sequenceLabel().MatchString(d.Label) {
			return false
		}
	}
	return len(data) > 2
}

// namesInSequence says that names run in a sequence a reader completes
// from a few of them: years, quarters, weeks or numbers as sequence
// labels are, or the figure's locale's months in order. Their labels may
// be thinned to every second or third.
func (f *Figure) namesInSequence(names []string) bool {
	if len(names) < 3 {
		return false
	}
	months := locales[f.Style.Locale].months
	if i := slices.Index(months[:], names[0]); i >= 0 {
		for k, n := range names {
			if n != months[(i+k)%12] {
				return false
			}
		}
		return true
	}
	for _, n := range names {
		if !sequenceLabel().MatchString(n) {
			return false
		}
	}
	return true
}

var sequenceLabel = lazyRegexp(`^(\p{L}{1,9}\.? )?(\d{1,4}([-/.]\d{1,2}){0,2}|\d{4} ?[-–/] ?\d{2,4})$`)

// label draws column i's label under it, from top: a wrapped block (on
// the second row when staggered), or turned lines side by side reading
// upwards, the last ending at the column's middle.
func (c *ctx) columnLabel(cl columnLabels, i int, cx, top float64) []scene.Node {
	lh := math.Round(c.label * 1.3)
	if !cl.rotate {
		var leader []scene.Node
		if cl.offset != nil && cl.offset[i] > 0 {
			// A label moved down is joined to its column by a leader.
			leader = append(leader, &scene.Line{X1: cx, Y1: top - 3, X2: cx, Y2: top + cl.offset[i] - 1, Stroke: c.th.faint, Width: 1, Class: "pc-leader"})
			top += cl.offset[i]
		}
		// A label wider than its slot stays inside the content area.
		w := 0.0
		for _, l := range cl.lines[i] {
			w = math.Max(w, c.width(l, c.label, false))
		}
		cx = math.Max(cx, c.left+w/2)
		cx = math.Min(cx, c.right-w/2)
		nodes, _ := c.block(cl.lines[i], cx, top, c.label, lh, false, c.th.muted, scene.Middle, "pc-label")
		at := top - 6
		if cl.offset != nil {
			at -= cl.offset[i]
		}
		of(nodes, cx, at)
		return append(leader, nodes...)
	}
	var nodes []scene.Node
	n := len(cl.lines[i])
	for k, l := range cl.lines[i] {
		// Turned a quarter, each line's baseline runs up the page; the
		// block is centred on the column.
		x := cx + c.label*0.35 - float64(n-1-k)*lh + float64(n-1)*lh/2
		t := c.text(x, top+4, l, c.label, false, c.th.muted, scene.End, "pc-label")
		t.Rotate = -90
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
	offset []float64 // how far each label moves down, when they alternate between two rows
	every  int
	height float64
}
