package charts

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// timelineKind draws events along a date axis: rows { x, label } (x a
// date as a line chart's rows write it, label what happened), in any
// order. Each event is a dot on the axis with its date and text in a
// lane above or below it, the lanes as few as keep every text clear of
// the others, joined to its dot by a leader. On a phone the timeline
// runs down the page instead: a row per event, its date over its text.
var timelineKind = &kind{
	name:     "timeline",
	maxRows:  40,
	ordered:  true,
	noNotes:  true,
	readRow:  readEvent,
	options:  func(f *Figure, t *table) { readDateFormat(f, t) },
	validate: validateTimeline,
	prepare:  sortEvents,
	plot:     plotTimeline,
	describe: describeTimeline,
}

// readEvent reads an event's date.
func readEvent(f *Figure, t *table, d *Datum) {
	v, ok := t.get("x")
	if !ok || v == nil {
		t.errf("x", "is missing; give the event's date, e.g. x = \"2022-02-24\"")
		return
	}
	x, xv, u, msg := parseX(v)
	if msg == "" && u == notDate {
		msg = "must be a date such as \"2022-02-24\", \"2022-02\" or \"2022\""
	}
	if msg != "" {
		t.errf("x", "%s", msg)
		return
	}
	d.X, d.XV, d.xUnit = x, xv, u
	f.noteX(t, u, false)
}

func validateTimeline(f *Figure, e *errs) {
	for i, d := range f.Data {
		if strings.TrimSpace(d.Label) == "" {
			e.add(f.rowKey(i)+".label", "is empty; say what happened")
		}
	}
	for i, h := range f.Highlight {
		if !slices.ContainsFunc(f.Data, func(d Datum) bool { return d.Label == h }) {
			msg := fmt.Sprintf("%q is not the label of any event", h)
			if n := nearest(h, labels(f)); n != "" {
				msg += fmt.Sprintf("; did you mean %q?", n)
			}
			e.add(fmt.Sprintf("highlight[%d]", i), "%s", msg)
		}
	}
}

// sortEvents puts the events in date order (a stable sort: events of one
// date keep the file's order).
func sortEvents(f *Figure) {
	sort.SliceStable(f.Data, func(i, j int) bool { return f.Data[i].XV < f.Data[j].XV })
}

func plotTimeline(c *ctx, p rect) drawn {
	if p.w < phoneWidth {
		return c.timelineDown(p)
	}
	data := c.f.Data
	g := &scene.Group{}
	lh := math.Round(c.label * 1.25)
	dateH := math.Round(c.small * 1.3)
	maxW := math.Round(math.Min(170*c.u, p.w/3))
	x0, x1 := data[0].XV, data[len(data)-1].XV
	if x1 == x0 {
		x0, x1 = x0-1, x1+1
	}
	pad := math.Round(6 * c.u)
	px := func(x float64) float64 { return p.x + pad + (x-x0)/(x1-x0)*(p.w-2*pad) }
	// Each event's block: its date, then its text wrapped; its box
	// starts at its dot, or ends there in the right half.
	type block struct {
		lines    []string
		x0, x1   float64
		h        float64
		anchor   scene.Anchor
		lane     int
		dot, top float64
	}
	blocks := make([]block, len(data))
	for i, d := range data {
		lines, _ := c.regular.Wrap(d.Label, c.label, maxW, 0)
		w := c.width(xLabel(c.f, c.nf, d), c.small, true)
		for _, l := range lines {
			w = math.Max(w, c.width(l, c.label, c.isHighlighted(d.Label)))
		}
		x := px(d.XV)
		b := block{lines: lines, x0: x - 4, x1: x + w + 4, h: dateH + float64(len(lines))*lh, anchor: scene.Start, dot: x}
		// In the right half a block ends at its dot: the texts lean away
		// from the middle, and fewer leaders meet them.
		if b.x1 > p.right() || x > p.x+p.w/2 && x-w-4 >= p.x {
			b.x0, b.x1, b.anchor = x-w-4, x+4, scene.End
		}
		blocks[i] = b
	}
	// Lanes: above the axis 1, 2, ...; below −1, −2, ...; each event in
	// the first lane, nearest the axis, where it overlaps no block, its
	// leader crosses no block of a lane nearer the axis, and no leader
	// to a lane further out crosses it.
	var lanes = map[int][]int{}
	order := []int{1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 7, -7, 8, -8}
	sameSide := func(a, b int) bool { return a > 0 == (b > 0) }
	abs := func(a int) int { return max(a, -a) }
	for i := range blocks {
		// Each lane with the block as it leans (from its dot, or to it),
		// then leaning the other way, where that stays in the plot.
		w := blocks[i].x1 - blocks[i].x0 - 8
		leans := []block{blocks[i]}
		other := blocks[i]
		if other.anchor == scene.Start {
			other.x0, other.x1, other.anchor = other.dot-w-4, other.dot+4, scene.End
		} else {
			other.x0, other.x1, other.anchor = other.dot-4, other.dot+w+4, scene.Start
		}
		if other.x0 >= p.x && other.x1 <= p.right() {
			leans = append(leans, other)
		}
		// First where the block covers no later event's dot (which
		// would shut that event's leader out of every lane beyond it);
		// failing that, anywhere clear.
		coversLater := func(b block) bool {
			for j := i + 1; j < len(blocks); j++ {
				if blocks[j].dot >= b.x0 && blocks[j].dot <= b.x1 {
					return true
				}
			}
			return false
		}
	place:
		for _, strict := range []bool{true, false} {
			for _, l := range order {
				for _, lean := range leans {
					if strict && coversLater(lean) {
						continue
					}
					blocks[i] = lean
					clear := true
					for ol, ks := range lanes {
						for _, k := range ks {
							switch {
							case ol == l && blocks[i].x0 < blocks[k].x1 && blocks[k].x0 < blocks[i].x1:
								clear = false
							case sameSide(ol, l) && abs(ol) < abs(l) && blocks[i].dot >= blocks[k].x0-6 && blocks[i].dot <= blocks[k].x1+6:
								clear = false // this leader would cross that block
							case sameSide(ol, l) && abs(ol) > abs(l) && blocks[k].dot >= blocks[i].x0-6 && blocks[k].dot <= blocks[i].x1+6:
								clear = false // that leader would cross this block
							}
						}
					}
					if clear {
						blocks[i].lane = l
						lanes[l] = append(lanes[l], i)
						break place
					}
				}
			}
		}
		if blocks[i].lane == 0 { // more than sixteen lanes: down the page instead
			return c.timelineDown(p)
		}
	}
	// Each lane as high as its tallest block.
	laneH := map[int]float64{}
	for _, b := range blocks {
		laneH[b.lane] = math.Max(laneH[b.lane], b.h)
	}
	gap := math.Round(10 * c.u)
	up := 0.0
	for l := 1; laneH[l] > 0; l++ {
		up += laneH[l] + gap
	}
	axisY := c.snap(p.y + up + gap)
	// Lane tops: above, counting up from the axis; below, down.
	laneTop := map[int]float64{}
	y := axisY - gap
	for l := 1; laneH[l] > 0; l++ {
		y -= laneH[l]
		laneTop[l] = y
		y -= gap
	}
	y = axisY + gap + 8
	for l := -1; laneH[l] > 0; l-- {
		laneTop[l] = y
		y += laneH[l] + gap
	}
	bottom := math.Max(y, axisY+gap+8)
	axis := &scene.Group{ID: "axis-x", Class: "pc-axis-x"}
	axis.Add(&scene.Line{X1: p.x, Y1: axisY, X2: p.right(), Y2: axisY, Stroke: c.th.axis, Width: 1, Class: "pc-baseline"})
	series := &scene.Group{ID: "series-1", Class: "pc-series"}
	leaders := &scene.Group{Class: "pc-leaders"}
	texts := &scene.Group{ID: "labels", Class: "pc-labels"}
	capS := c.bold.CapHeight(c.small)
	for i, d := range data {
		b := blocks[i]
		col := c.paletteAt(0)
		if c.isHighlighted(d.Label) {
			col = c.accent
		}
		series.Add(&scene.Circle{CX: b.dot, CY: axisY, R: math.Round(4 * c.u), Fill: col, Stroke: c.bg(), StrokeWidth: 1.5, Class: "pc-event"})
		top := laneTop[b.lane]
		// The leader from the dot to the block's near edge.
		if b.lane > 0 {
			leaders.Add(&scene.Line{X1: c.snapLine(b.dot, 1), Y1: axisY - 6, X2: c.snapLine(b.dot, 1), Y2: top + b.h + 2, Stroke: c.th.faint, Width: 1, Class: "pc-leader"})
		} else {
			leaders.Add(&scene.Line{X1: c.snapLine(b.dot, 1), Y1: axisY + 6, X2: c.snapLine(b.dot, 1), Y2: top - 2, Stroke: c.th.faint, Width: 1, Class: "pc-leader"})
		}
		tx := b.dot + 4
		if b.anchor == scene.End {
			tx = b.dot - 4
		}
		texts.Add(c.text(tx, top+capS, xLabel(c.f, c.nf, d), c.small, true, c.readable(col), b.anchor, "pc-date"))
		nodes, _ := c.block(b.lines, tx, top+dateH, c.label, lh, c.isHighlighted(d.Label), c.th.text, b.anchor, "pc-label")
		texts.Add(nodes...)
	}
	g.Add(axis, leaders, series, texts)
	return drawn{group: g, height: bottom - p.y}
}

// timelineDown is the timeline on a phone: a row per event down the
// page, its date in bold over its text, a dot on a line down the left.
func (c *ctx) timelineDown(p rect) drawn {
	data := c.f.Data
	g := &scene.Group{}
	lh := math.Round(c.label * 1.25)
	dateH := math.Round(c.small * 1.3)
	r := math.Round(4 * c.u)
	left := p.x + 3*r
	capS := c.bold.CapHeight(c.small)
	y := p.y
	series := &scene.Group{ID: "series-1", Class: "pc-series"}
	texts := &scene.Group{ID: "labels", Class: "pc-labels"}
	var first, last float64
	for i, d := range data {
		col := c.paletteAt(0)
		if c.isHighlighted(d.Label) {
			col = c.accent
		}
		lines, _ := c.regular.Wrap(d.Label, c.label, p.right()-left, 0)
		cy := y + capS/2
		if i == 0 {
			first = cy
		}
		last = cy
		series.Add(&scene.Circle{CX: p.x + r, CY: cy, R: r, Fill: col, Stroke: c.bg(), StrokeWidth: 1.5, Class: "pc-event"})
		texts.Add(c.text(left, y+capS, xLabel(c.f, c.nf, d), c.small, true, c.readable(col), scene.Start, "pc-date"))
		nodes, bottom := c.block(lines, left, y+dateH, c.label, lh, c.isHighlighted(d.Label), c.th.text, scene.Start, "pc-label")
		texts.Add(nodes...)
		y = bottom + math.Round(12*c.u)
	}
	line := &scene.Group{Class: "pc-axis-y"}
	line.Add(&scene.Line{X1: c.snapLine(p.x+r, 1), Y1: first, X2: c.snapLine(p.x+r, 1), Y2: last, Stroke: c.th.grid, Width: 2, Class: "pc-timeline"})
	g.Add(line, series, texts)
	return drawn{group: g, height: y - p.y}
}

// describeTimeline: each event with its date, in order.
func describeTimeline(f *Figure, nf numberFormat) string {
	parts := make([]string, 0, len(f.Data))
	for _, d := range f.Data {
		parts = append(parts, xLabel(f, nf, d)+": "+d.Label)
	}
	return strings.Join(parts, "; ") + "."
}
