package charts

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// numberKind draws big-number cards: each row's value, large, over its
// label ("foreign mercenaries from 128 countries"), with an optional
// comparison with an earlier value. Cards sit side by side and wrap to
// more rows on a narrow figure.
var numberKind = &kind{
	rowFormat: true,
	name:      "number",
	compare:   true,
	maxRows:   12,
	fields:    []string{"value"},
	options:   readNumbers,
	validate:  validateNumbers,
	plot:      plotNumbers,
	describe:  describeNumbers,
}

// changeModes are how a card writes its change from previous: "percent"
// (▲ 50%), "points" (▲ 1.6 pp, a rate's change), "absolute" (▲ 6,000) or
// "none" (the previous value alone). Left out: points for a figure whose
// suffix is "%", else percent.
var changeModes = []string{"percent", "points", "absolute", "none"}

// readNumbers reads change: a mode, or false (none) and true (the
// default).
func readNumbers(f *Figure, t *table) {
	v, ok := t.m["change"]
	switch v := v.(type) {
	case bool:
		t.get("change")
		if !v {
			f.Change = "none"
		}
	case string:
		t.str("change", &f.Change)
		if !slices.Contains(changeModes, f.Change) {
			msg := fmt.Sprintf("unknown change %q; use one of %q", f.Change, changeModes)
			if n := nearest(f.Change, changeModes); n != "" {
				msg = fmt.Sprintf("unknown change %q; did you mean %q?", f.Change, n)
			}
			t.errf("change", "%s", msg)
			f.Change = ""
		}
	default:
		if ok {
			t.get("change")
			t.errf("change", "must be one of %q (or false), not %s", changeModes, typeName(v))
		} else {
			t.get("change")
		}
	}
}

func validateNumbers(f *Figure, e *errs) {
	checkLabels(f, e)
	if f.Change != "points" {
		return
	}
	for i, d := range f.Data {
		if suffix := d.Format.apply(newNumberFormat(&f.Style)).suffix; d.HasPrevious && !strings.Contains(suffix, "%") {
			e.add(f.rowKey(i)+".previous", "change = \"points\" is for rates (suffix = \"%%\"); this card counts, so use \"percent\" or \"absolute\"")
			return
		}
	}
}

// cardFormat is the figure's number format with a card's own keys.
func cardFormat(nf numberFormat, d Datum) numberFormat {
	return d.Format.apply(nf)
}

func describeNumbers(f *Figure, nf0 numberFormat) string {
	parts := make([]string, len(f.Data))
	for i, d := range f.Data {
		nf := cardFormat(nf0, d)
		parts[i] = nf.number(d.Value) + " " + d.Label
		if d.HasPrevious {
			parts[i] += " (" + strings.TrimSpace(comparison(d, nf, "", f.Change)) + ")"
		}
	}
	return strings.Join(parts, "; ") + "."
}

// comparison is "▲ 50% · 12,000 in 2024": the change from the previous
// value, with an arrow when the font has one, and the previous value with
// the figure's compare text. A rate (a figure whose suffix is "%")
// changes in percentage points, "▲ 1.6 pp · 2.0% in 2024", not by a
// percentage of itself; a change from zero or below, or across zero, has
// no percentage at all: "▲ · −3 in 2024".
func comparison(d Datum, nf numberFormat, arrow string, mode string) string {
	if mode == "none" {
		return strings.TrimSpace(nf.number(d.Previous) + " " + d.Compare)
	}
	if mode == "" {
		mode = "percent"
		if strings.Contains(nf.suffix, "%") {
			mode = "points"
		}
	}
	diff := d.Value - d.Previous
	sign := nf.sign("+")
	if diff < 0 {
		sign = nf.sign("−")
	}
	if arrow != "" {
		sign = arrow + " " // the arrow says which way
	}
	rate := strings.Contains(nf.suffix, "%")
	var change string
	switch {
	case mode == "points" || mode == "absolute" && rate:
		// A rate's absolute change is in points: "▼ 1.3%" would read
		// as a relative fall.
		change = nf.plain(math.Abs(diff), decimalsFor(diff, autoDecimals(diff))) + nbsp + nf.loc.points
	case mode == "absolute":
		change = nf.number(math.Abs(diff))
	case d.Previous > 0 && d.Value >= 0:
		change = nf.percent(math.Abs(diff) / d.Previous)
	}
	s := strings.TrimSpace(sign+change) + nf.between() + nf.number(d.Previous)
	if d.Compare != "" {
		s += " " + d.Compare
	}
	return s
}

func plotNumbers(c *ctx, p rect) drawn {
	data := c.f.Data
	n := len(data)
	gap := math.Round(24 * c.u)
	type card struct{ label, compare []string }
	labelLH := math.Round(c.label * 1.35)
	// The big number's line box (0.8 em above its baseline) starts
	// clear of the rule above it.
	head := func(big float64) float64 { return math.Round(10*c.u) + 0.8*big }
	// layout sets the cards in cols columns: one size for every number,
	// the largest that fits each card's width and the height of its row,
	// but never smaller than half again the labels' size.
	// A number wider than its card even at the least size is written
	// compactly (612M km), as crowded bars write theirs.
	compact := false
	format := func(d Datum) numberFormat {
		nf := cardFormat(c.nf, d)
		if k := d.Format; compact && (k == nil || k.compact == nil || *k.compact != "off") {
			nf.compact = true // unless the card says compact = false
		}
		return nf
	}
	// below is the room under a big number's baseline: its commas, or
	// descenders ($, q, y) of a prefix or suffix, which reach further.
	below := func(big float64) float64 {
		room := math.Max(10, big*0.2)
		for _, d := range data {
			if strings.ContainsAny(format(d).number(d.Value), descenders) {
				room = math.Max(room, big*0.3)
			}
		}
		return room
	}
	words := 0.0 // the longest word of a label, which a card never splits
	for _, d := range data {
		for _, w := range strings.Fields(d.Label) {
			words = math.Max(words, c.width(w, c.label*1.1, false))
		}
	}
	layout := func(cols int) (big, rowH, cardW float64, rows int, cards []card, over bool) {
		rows = (n + cols - 1) / cols
		cardW = (p.w - float64(cols-1)*gap) / float64(cols)
		least := math.Max(16, math.Round(1.5*c.label*1.1))
		big = math.Round(64 * c.u)
		for _, d := range data {
			for big > least && c.width(format(d).number(d.Value), big, true) > cardW-12 {
				big--
			}
		}
		for _, d := range data {
			over = over || c.width(format(d).number(d.Value), big, true) > cardW
		}
		cards = make([]card, n)
		textH := 0.0
		for i, d := range data {
			cards[i].label, _ = c.regular.Wrap(d.Label, c.label*1.1, cardW, 0)
			h := float64(len(cards[i].label)) * labelLH
			if d.HasPrevious {
				arrow := ""
				if d.Value != d.Previous {
					arrow = map[bool]string{true: "▲", false: "▼"}[d.Value > d.Previous]
					if _, missing := c.regular.Missing(arrow); missing {
						arrow = ""
					}
				}
				cards[i].compare, _ = c.regular.Wrap(comparison(d, format(d), arrow, c.f.Change), c.small, cardW, 0)
				h += float64(len(cards[i].compare))*labelLH + 4
			}
			textH = math.Max(textH, h)
		}
		rowH = head(big) + big*0.2 + below(big) + textH
		for float64(rows)*rowH+float64(rows-1)*gap > p.h && big > least {
			big--
			rowH = head(big) + big*0.2 + below(big) + textH
		}
		return big, rowH, cardW, rows, cards, over
	}
	// As many columns as cards of 150 px fit, or more where that gives
	// bigger numbers (a short frame holds more cards side by side); fewer
	// where a number does not fit its card, and then compact numbers.
	cols := max(1, min(n, int((p.w+gap)/(150*c.u+gap))))
	big, rowH, cardW, rows, cards, over := layout(cols)
	// Fewer, wider cards where a number or a label's word does not fit.
	for (over || words > cardW) && cols > 1 {
		cols--
		big, rowH, cardW, rows, cards, over = layout(cols)
	}
	if over {
		compact = true
		big, rowH, cardW, rows, cards, _ = layout(cols)
	}
	for k := cols + 1; k <= n && (p.w-float64(k-1)*gap)/float64(k) >= math.Max(90*c.u, words); k++ {
		if b, rh, cw, r, cs, o := layout(k); b > big && !o {
			cols, big, rowH, cardW, rows, cards = k, b, rh, cw, r, cs
		}
	}
	total := float64(rows)*rowH + float64(rows-1)*gap
	top := p.y // the figure centres the plot in any height left over

	ax := &axes{area: rect{p.x, p.y, p.w, math.Max(p.h, total)}, point: func(at string) (float64, float64, bool) {
		for i, d := range data {
			if d.Label == at { // the end of the big number
				x := p.x + float64(i%cols)*(cardW+gap) + c.width(format(d).number(d.Value), big, true)
				return x + 4, top + float64(i/cols)*(rowH+gap) + head(big) - c.bold.CapHeight(big)/2, true
			}
		}
		return 0, 0, false
	}}
	g := &scene.Group{}
	for i, d := range data {
		card := &scene.Group{ID: fmt.Sprintf("series-%d", i+1), Class: "pc-card"}
		col, row := i%cols, i/cols
		x := p.x + float64(col)*(cardW+gap)
		y := top + float64(row)*(rowH+gap)
		fill := c.th.text
		rule := c.palette[0]
		if c.isHighlighted(d.Label) {
			fill, rule = c.accent, c.accent
		}
		if own, ok := c.f.Style.Named[d.Label]; ok {
			fill, rule = c.readable(own), own
		}
		card.Add(&scene.Rect{X: c.snap(x), Y: c.snap(y), W: c.snap(math.Min(48*c.u, cardW)), H: c.snap(4 * c.u), Fill: rule, Class: "pc-rule"})
		base := y + head(big)
		card.Add(c.text(x, base, format(d).number(d.Value), big, true, fill, scene.Start, "pc-value pc-big"))
		// The label starts below the big number's commas and descenders.
		nodes, by := c.block(cards[i].label, x, base+below(big), c.label*1.1, labelLH, false, c.th.muted, scene.Start, "pc-label")
		card.Add(nodes...)
		if len(cards[i].compare) > 0 {
			nodes, _ = c.block(cards[i].compare, x, by+4, c.small, labelLH, false, c.th.faint, scene.Start, "pc-compare")
			card.Add(nodes...)
		}
		g.Add(card)
	}
	return drawn{group: g, height: total, axes: ax}
}
