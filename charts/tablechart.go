package charts

import (
	"fmt"
	"math"
	"slices"

	"github.com/presschart/presschart/charts/scene"
)

// tableKind draws a table as desks publish results and rankings: a row
// per data row, its label in the first column (wrapped, never cut) and
// its values in columns named by series, right-aligned in the locale's
// format; a header row; rules between rows or stripes; highlighted rows
// tinted and bold; optionally one column of bars (bar = "Share") and
// one coloured by value (heat = "Change"); limit = N shows the first N
// rows and says how many more there are.
var tableKind = &kind{
	name:          "table",
	series:        -1,
	multi:         true,
	gaps:          true,
	maxRows:       maxTableRows,
	noNotes:       true,
	rowHighlights: true,
	options:       readTable,
	validate:      validateTable,
	plot:          plotTable,
	describe:      describeMulti,
	sortOn:        tableSortValue,
}

// maxTableRows is the most rows a table holds.
const maxTableRows = 100

// tableOptions are a table's own keys.
type tableOptions struct {
	Header  string // the first column's header; "" for none
	Bar     string // the series drawn as bars in its cells
	Heat    string // the series whose cells are coloured by value
	Stripes bool   // zebra stripes instead of rules
	Limit   int    // the rows shown; 0 for all
}

func readTable(f *Figure, t *table) {
	o := &f.Table
	t.text("header", &o.Header)
	t.str("bar", &o.Bar)
	t.str("heat", &o.Heat)
	t.boolean("stripes", &o.Stripes)
	t.integer("limit", &o.Limit, 1, maxTableRows)
}

// validateTable: row labels unique and present, highlights naming rows,
// series naming the columns, and bar and heat naming one of them.
func validateTable(f *Figure, e *errs) {
	checkLabels(f, e)
	if len(f.Series) == 0 {
		e.add("series", "is missing; name the table's columns of numbers, e.g. series = [\"Votes\", \"Share\", \"Seats\"]")
		return
	}
	for _, k := range []struct{ key, name string }{{"bar", f.Table.Bar}, {"heat", f.Table.Heat}} {
		if k.name == "" || slices.Contains(f.Series, k.name) {
			continue
		}
		msg := fmt.Sprintf("%q is not a column; name one of series %q", k.name, f.Series)
		if n := nearest(k.name, f.Series); n != "" {
			msg = fmt.Sprintf("%q is not a column; did you mean %q?", k.name, n)
		}
		e.add(k.key, "%s", msg)
	}
	if f.Table.Bar != "" && f.Table.Bar == f.Table.Heat {
		e.add("heat", "%q is already drawn as bars; colour another column, or leave heat out", f.Table.Heat)
	}
}

// tableSortValue is what sort = "value" orders a table's rows by: the
// bar column, else the heat column, else the first; a gap sorts last.
func tableSortValue(f *Figure, d *Datum) float64 {
	j := max(0, slices.Index(f.Series, f.Table.Bar))
	if f.Table.Bar == "" {
		j = max(0, slices.Index(f.Series, f.Table.Heat))
	}
	if j >= len(d.Values) || isGap(d.Values[j]) {
		return math.Inf(-1)
	}
	return d.Values[j]
}

// tableCell is one value as the table writes it: "–" for a gap.
func (c *ctx) tableCell(j int, v float64) string {
	if isGap(v) {
		return "–"
	}
	return c.nf.ofSeries(j).number(v)
}

func plotTable(c *ctx, p rect) drawn {
	o := c.f.Table
	data, names := c.f.Data, c.f.Series
	more := 0
	if o.Limit > 0 && len(data) > o.Limit {
		data, more = data[:o.Limit], len(data)-o.Limit
	}
	ns := len(names)
	size, hsize := c.label, c.small
	lh, hlh := math.Round(size*1.3), math.Round(hsize*1.25)
	gap := math.Round(18 * c.u) // between columns
	vpad := math.Round(7 * c.u)
	barCol, heatCol := slices.Index(names, o.Bar), slices.Index(names, o.Heat)
	bold := func(d Datum) bool { return c.isHighlighted(d.Label) }

	// The columns of numbers, each as wide as its widest value (bold in
	// highlighted rows) or header line; headers wrap at whole words to
	// the wider of their values and a minimum, never inside a word. When
	// the labels would get less than a third of the width (or less than
	// their longest word), the numbers are written compactly, then the
	// headers narrowed, the bars shortened; and if that fails (a phone),
	// each label goes on its own line above its row's numbers.
	var colW []float64
	var heads [][]string
	barLen := 0.0
	measure := func(c *ctx, minHead, bar float64) float64 {
		colW, heads = make([]float64, ns), make([][]string, ns)
		for j := range names {
			for _, d := range data {
				colW[j] = math.Max(colW[j], c.width(c.tableCell(j, d.Values[j]), size, bold(d)))
			}
			heads[j], _ = c.bold.Wrap(names[j], hsize, math.Max(math.Max(colW[j], minHead), c.widestWord(names[j], hsize, true)), 0)
			for _, l := range heads[j] {
				colW[j] = math.Max(colW[j], c.width(l, hsize, true))
			}
		}
		if barCol >= 0 {
			barLen = bar
			colW[barCol] += barLen + math.Round(8*c.u)
		}
		if heatCol >= 0 {
			colW[heatCol] += 2 * math.Round(6*c.u)
		}
		w := 0.0
		for _, cw := range colW {
			w += cw + gap
		}
		return w
	}
	word, whole := 0.0, 0.0 // the longest word of any label, the longest label
	for _, d := range data {
		word = math.Max(word, c.widestWord(d.Label, size, bold(d)))
		whole = math.Max(whole, c.width(d.Label, size, bold(d)))
	}
	// The labels need a third of the width, or less when all of them
	// fit in less; never less than their longest word.
	fits := func(numW float64) bool { return p.w-numW >= math.Max(math.Min(p.w/3, whole+gap), word+gap) }
	bar := math.Round(math.Max(48*c.u, 0.2*p.w))
	numW := measure(c, 72*c.u, bar)
	c0 := c
	if !fits(numW) && !c.nf.compact {
		cc := *c
		cc.nf.compact = true
		c = &cc
		numW = measure(c, 72*c.u, bar)
	}
	if !fits(numW) {
		numW = measure(c, 0, bar)
	}
	if !fits(numW) && barCol >= 0 {
		numW = measure(c, 0, math.Round(32*c.u))
	}
	above := !fits(numW)
	if orig := c0; above && c != orig {
		// Above their labels, the numbers may have the whole width:
		// written in full if they fit it.
		if w := measure(orig, 0, math.Round(32*c.u)); w <= p.w+gap {
			c, numW = orig, w
		} else {
			numW = measure(c, 0, math.Round(32*c.u))
		}
	}
	// Numbers too wide even for the whole width are set smaller, down
	// to 10 px; then the bars go, their values kept.
	for above && numW > p.w+gap && size > 10 {
		size--
		lh = math.Round(size * 1.3)
		numW = measure(c, 0, barLen)
	}
	if above && numW > p.w+gap && barCol >= 0 {
		barCol = -1
		numW = measure(c, 0, 0)
	}
	labelW := p.w - numW
	if above {
		labelW = p.w + gap
	}
	colRight := make([]float64, ns)
	x := p.right()
	// Above their labels, the columns share the width out evenly.
	spare := 0.0
	if above && ns > 0 {
		spare = math.Max(0, (p.w-numW)/float64(ns))
	}
	for j := ns - 1; j >= 0; j-- {
		colRight[j] = x
		x -= colW[j] + gap + spare
	}
	if heatCol >= 0 {
		colRight[heatCol] -= math.Round(6 * c.u)
	}

	g := &scene.Group{ID: "table", Class: "pc-table"}
	back := &scene.Group{ID: "rows-background", Class: "pc-row-backgrounds"}
	heat := &scene.Group{ID: "cells-heat", Class: "pc-heat"}
	bars := &scene.Group{ID: "series-1", Class: "pc-series"}
	rules := &scene.Group{Class: "pc-rules"}
	head := &scene.Group{ID: "header", Class: "pc-header"}
	rows := &scene.Group{ID: "rows", Class: "pc-rows"}

	// The header row: every header's last line on one baseline.
	hlines := 1
	for _, h := range heads {
		hlines = max(hlines, len(h))
	}
	// With the labels above their numbers, the label column's header
	// takes a line of its own over the others.
	var hl []string
	headTop := p.y
	if o.Header != "" && !above {
		hl, _ = c.bold.Wrap(o.Header, hsize, labelW-gap, 0)
		hlines = max(hlines, len(hl))
	} else if o.Header != "" {
		nodes, _ := c.block([]string{o.Header}, p.x, p.y, hsize, hlh, true, c.th.muted, scene.Start, "pc-header-cell")
		head.Add(nodes...)
		headTop += hlh + 2
	}
	headH := headTop - p.y + float64(hlines)*hlh + vpad
	if len(hl) > 0 {
		nodes, _ := c.block(hl, p.x, headTop+float64(hlines-len(hl))*hlh, hsize, hlh, true, c.th.muted, scene.Start, "pc-header-cell")
		head.Add(nodes...)
	}
	for j, h := range heads {
		nodes, _ := c.block(h, colRight[j], headTop+float64(hlines-len(h))*hlh, hsize, hlh, true, c.th.muted, scene.End, "pc-header-cell")
		head.Add(nodes...)
	}
	y := p.y + headH
	rules.Add(&scene.Rect{X: p.x, Y: c.snap(y), W: p.w, H: 1, Fill: c.th.axis, Class: "pc-rule pc-header-rule"})
	y += 1

	// The bar column's scale: from zero to the largest (or from the
	// least, below zero).
	blo, bhi := 0.0, 0.0
	if barCol >= 0 {
		for _, d := range data {
			if v := d.Values[barCol]; !isGap(v) {
				blo, bhi = math.Min(blo, v), math.Max(bhi, v)
			}
		}
	}
	// The heat column's scale: diverging around zero when its values
	// have both signs, else from the least to the greatest.
	hlo, hhi := math.Inf(1), math.Inf(-1)
	if heatCol >= 0 {
		for _, d := range data {
			if v := d.Values[heatCol]; !isGap(v) {
				hlo, hhi = math.Min(hlo, v), math.Max(hhi, v)
			}
		}
	}
	capH := c.regular.CapHeight(size)
	for i, d := range data {
		lines, _ := c.regular.Wrap(d.Label, size, labelW-gap, 0)
		rh := float64(max(1, len(lines)))*lh + 2*vpad
		if above {
			rh += lh
		}
		isBold := bold(d)
		switch {
		case isBold:
			back.Add(&scene.Rect{X: p.x - 4, Y: c.snap(y), W: p.w + 8, H: c.snap(rh), Fill: c.tint(c.accent, 0.12), Class: "pc-row-highlight"})
		case o.Stripes && i%2 == 1:
			back.Add(&scene.Rect{X: p.x - 4, Y: c.snap(y), W: p.w + 8, H: c.snap(rh), Fill: c.tint(c.th.grid, 0.55), Class: "pc-row-stripe"})
		}
		row := &scene.Group{Class: "pc-row"}
		nodes, _ := c.block(lines, p.x, y+vpad, size, lh, isBold, c.th.text, scene.Start, "pc-label pc-cell")
		row.Add(nodes...)
		// Numbers stand on the first line's baseline, or on a line of
		// their own below the label.
		base := y + vpad + (lh-size)/2 + capH + (size-capH)/2
		cellTop := y + 2
		if above {
			base += float64(len(lines)) * lh
			cellTop = y + vpad + float64(len(lines))*lh - math.Round(2*c.u)
		}
		for j := range names {
			v := d.Values[j]
			s := c.tableCell(j, v)
			fill := c.th.text
			cls := "pc-value pc-cell"
			if isGap(v) {
				fill = c.th.faint
			}
			if j == heatCol && !isGap(v) {
				cell := c.heatColor(v, hlo, hhi)
				pad := math.Round(6 * c.u)
				heat.Add(&scene.Rect{X: c.snap(colRight[j] + pad - colW[j]), Y: c.snap(cellTop), W: c.snap(colW[j]), H: c.snap(y + rh - 2 - cellTop), Fill: cell, Class: "pc-heat-cell"})
				fill = contrastText(cell)
				cls += " pc-inside"
			}
			if j == barCol && !isGap(v) && bhi > blo {
				w := barLen * math.Abs(v) / (bhi - blo)
				x0 := colRight[j] - colW[j] + barLen*(-blo)/(bhi-blo)
				if v < 0 {
					x0 -= w
				}
				bh := math.Round(math.Min(lh*0.7, 14*c.u))
				bars.Add(&scene.Rect{X: c.snap(x0), Y: c.snap(base - capH/2 - bh/2), W: math.Max(c.snap(w), 1), H: bh, Fill: c.valueColor(d.Label, v), Class: "pc-bar"})
			}
			row.Add(c.text(colRight[j], base, s, size, isBold, fill, scene.End, cls))
		}
		rows.Add(row)
		y += rh
		if !o.Stripes && i < len(data)-1 {
			rules.Add(&scene.Rect{X: p.x, Y: c.snap(y), W: p.w, H: 1, Fill: c.th.grid, Class: "pc-rule"})
		}
	}
	if !o.Stripes || len(data)%2 == 0 {
		rules.Add(&scene.Rect{X: p.x, Y: c.snap(y), W: p.w, H: 1, Fill: c.th.grid, Class: "pc-rule"})
	}
	y += 1
	if more > 0 {
		note := localDigits(fmt.Sprintf(c.nf.loc.more, more), c.nf.digits)
		y += math.Round(6 * c.u)
		rows.Add(c.text(p.x, y+c.regular.CapHeight(c.small)+2, c.nf.loc.sentence(upperFirst(note)), c.small, false, c.th.muted, scene.Start, "pc-more"))
		y += math.Round(c.small * 1.4)
	}
	g.Add(back, rules, heat, bars, head, rows)
	return drawn{group: g, height: y - p.y}
}
