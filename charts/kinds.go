package charts

import (
	"math"
	"slices"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// kind is one chart type: how its data is read, checked, drawn and told.
type kind struct {
	name    string
	fields  []string // the numeric keys of a data row, besides label
	maxRows int      // the most rows it can show legibly (at most maxPoints)
	// logScale says whether scale = "log" applies.
	logScale bool
	// compare says whether rows may hold previous and compare.
	compare bool
	// rowFormat says whether a row may set its own decimals, prefix,
	// suffix and compact (a card in another unit, one party to two
	// decimals beside a threshold).
	rowFormat bool
	// series is how many values each row holds, when their names can be
	// given with series (2 for dumbbell and slope); -1 for as many as
	// series names (line, area); 0 when there is no series key.
	series int
	// xy says that rows are points { x, values } rather than { label, ... }.
	xy bool
	// gaps says that a series may miss a value at some rows ("" or "NA"
	// in values, an empty cell in a CSV): a line breaks there. Types that
	// cannot draw a gap (a pile, a bar) refuse missing values.
	gaps bool
	// multi says that rows are { label, values }, one value per series.
	multi bool
	// zero says that the value axis starts at zero, because the length
	// or area of a mark is its value (bars, columns, areas); other types
	// with a value axis (lines, ranges, dumbbells, slopes) fit their data.
	zero bool
	// valueAxis says whether the type has a value axis for annotations'
	// reference lines and ranges; every type takes notes at its rows.
	valueAxis bool
	// stacks says that a row's values pile up (stacked charts, areas):
	// the value axis holds each pile, not each value.
	stacks bool
	// tagsValues says that its value labels carry their series' class
	// (pc-s1, pc-s2...), which the layout checker counts.
	tagsValues bool
	// parts says that rows are parts of a whole, which rest completes:
	// rest then names a row for highlights and annotations.
	parts bool
	// change says that two rows read as a change in the alt text ("From
	// 1,000 in 2023 to 1 in 2025") rather than as a list.
	change bool
	// sayHighlight says that the alt text names the highlighted rows in
	// words; types that name them in their own sentences leave it false.
	sayHighlight bool

	// ordered says that the rows' order is the data's (a waterfall's
	// running total, a timeline's dates): sort, top and reverse do not
	// apply.
	ordered bool
	// subtotals says that a row may be total = true: a bar of the running
	// total so far, its value optional (checked against the sum if given).
	subtotals bool
	// rowHighlights says that highlight names rows even though the rows
	// hold several series (tables, pyramids); else a multi type's
	// highlight names series.
	rowHighlights bool
	// unsigned says that no value may be below zero (a pyramid's
	// counts); validate refuses one by its key.
	unsigned bool
	// pointLabels says that only chosen rows carry their labels on the
	// chart (a scatter's labelled points), which the checker expects.
	pointLabels bool
	// readRow, if set, reads a row's own keys besides its fields (a
	// point's size and group).
	readRow func(f *Figure, t *table, d *Datum)
	// noLabels says that a row's label is optional and not drawn (a
	// histogram's observations).
	noLabels bool
	// csvColumns are the columns a CSV file may add to a row besides
	// label and fields, read where the file has them (a map's region,
	// lat and lon).
	csvColumns []string
	// optionalValue says that a row may leave its value out (NaN): a
	// map's region with no data.
	optionalValue bool
	// labelKey, if set, is the key that names a row instead of label
	// (a map's region), in TOML and as a CSV file's column; read as a
	// name to look up, not as text drawn as written.
	labelKey string
	// ownLabels says that a row's label is optional because readRow
	// names it (a map's region by its name in the figure's language);
	// it is drawn like any other.
	ownLabels bool
	// noHighlight says that highlight does not apply (a histogram's
	// bins, a heatmap's colours); validate refuses it with a reason.
	noHighlight bool
	// noNotes says that the type has no free space for annotations (a
	// table): the figure's note says what they would.
	noNotes bool
	// sortOn, if set, is what sort = "value" orders a row by; else
	// sortValue.
	sortOn func(f *Figure, d *Datum) float64
	// facets says that the type may be drawn as small multiples (facet
	// or [[figure.panel]]): a panel of it stays legible a third of an
	// article wide, and its scales can be shared (facets.go).
	facets bool
	// panelWidth is the least width a panel of the type needs, in CSS
	// px at an article's type, when more than a line or
	// column chart (150 px; a bar chart's labels stand beside its bars).
	panelWidth float64
	// rowWidth is the width a row takes across a panel where rows stand
	// side by side (a column and its label): a panel of many columns is
	// wider, so that their labels need not cross.
	rowWidth float64
	// key, if set, draws the key that names the type's series above
	// the plot at p, returning it and its height (nil when the figure
	// names none). Small multiples draw it once above their panels, and
	// the panels none; a type that labels its lines' ends uses it there
	// only.
	key func(c *ctx, p rect) (*scene.Group, float64)

	// options reads the type's own figure keys (total, unit, ...).
	options func(f *Figure, t *table)
	// validate checks the decoded figure; data rows are already typed.
	validate func(f *Figure, e *errs)
	// plot draws the data into the plot area p and says what it drew.
	plot func(c *ctx, p rect) drawn
	// prepare, if set, turns the checked rows into what is drawn (shares
	// of each row, running totals), after sort, top and rolling.
	prepare func(f *Figure)
	// prepareRows says that prepare works row by row (each row's shares
	// of its whole), so that small multiples prepare all their rows at
	// once and write them alike.
	prepareRows bool
	// describe says what the data shows, for the alt text.
	describe func(f *Figure, nf numberFormat) string
}

// drawn is what a chart type's plot drew: its group, the height it used
// (more than the plot area's when its rows cannot fit, and the figure
// grows), and its axes for annotations (nil: none can be placed).
type drawn struct {
	group  *scene.Group
	height float64
	axes   *axes
}

// kinds is every chart type, by the name used in `type = "..."`.
var kinds = map[string]*kind{
	"column":      columnKind,
	"column-line": columnLineKind,
	"bar":         barKind,
	"beeswarm":    beeswarmKind,
	"range":       rangeKind,
	"scatter":     scatterKind,
	"waffle":      waffleKind,
	"stack":       stackKind,
	"number":      numberKind,
	"parliament":  parliamentKind,
	"donut":       donutKind,
	"dot":         dotKind,
	"dumbbell":    dumbbellKind,
	"slope":       slopeKind,
	"line":        lineKind,
	"area":        areaKind,
	"arrow":       arrowKind,

	"grouped-column": groupedColumnKind,
	"heatmap":        heatmapKind,
	"histogram":      histogramKind,
	"grouped-bar":    groupedBarKind,
	"stacked-column": stackedColumnKind,
	"stacked-bar":    stackedBarKind,
	"pyramid":        pyramidKind,
	"table":          tableKind,
	"timeline":       timelineKind,
	"waterfall":      waterfallKind,
	"locator":        locatorKind,
	"choropleth":     choroplethKind,
	"symbol-map":     symbolMapKind,
}

func kindNames() []string { return sortedKeys(kinds) }

// KindNames are the chart types' names, sorted.
func KindNames() []string { return kindNames() }

// rowFields are the numeric keys a data row may hold, each with the
// Datum field that holds it. Every field a kind lists must be here; the
// decoder, the log-scale check and the axes' tick steps all read rows
// through this table.
var rowFields = map[string]func(d *Datum) *float64{
	"value": func(d *Datum) *float64 { return &d.Value },
	"low":   func(d *Datum) *float64 { return &d.Low },
	"high":  func(d *Datum) *float64 { return &d.High },
	"from":  func(d *Datum) *float64 { return &d.From },
	"to":    func(d *Datum) *float64 { return &d.To },
	"x":     func(d *Datum) *float64 { return &d.XV },
	"y":     func(d *Datum) *float64 { return &d.Y },
}

// numbers returns the numbers of a row that the kind draws: its fields,
// then its values (one per series).
// A series' gap (NaN, on types with gaps) is no number.
func (k *kind) numbers(d *Datum) []float64 {
	out := make([]float64, 0, len(k.fields)+len(d.Values))
	for _, f := range k.fields {
		out = append(out, *rowFields[f](d))
	}
	for _, v := range d.Values {
		if !isGap(v) {
			out = append(out, v)
		}
	}
	return out
}

// isGap says that a series has no value at a row (types with gaps only).
func isGap(v float64) bool { return math.IsNaN(v) }

// extent is the least and greatest value a row reaches on the value
// axis: its numbers, or its piles of positive and negative values.
func (k *kind) extent(d *Datum) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	if k.stacks && len(d.Values) > 0 {
		var neg, pos float64
		for _, v := range d.Values {
			if v < 0 {
				neg += v
			} else {
				pos += v
			}
		}
		return neg, pos
	}
	for _, v := range k.numbers(d) {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi
}

// optionKeys are the figure keys that some chart types read in options.
var optionKeys = []string{"total", "rest", "unit", "unit_label", "center", "series", "points", "change", "range_format", "date_format", "rolling", "x_type", "mode", "header", "bar", "heat", "stripes", "limit", "x_title", "y_title", "x_format", "label", "extremes", "trend", "diagonal", "size_title", "bin", "bins", "majority", "average", "bounds", "projection", "map", "breaks", "classes", "classify"}

func allOptionKeys() []string { return slices.Clone(optionKeys) }

// otherKinds reports the figure keys of m that fig's type does not read
// but other types do (range_format on a bar chart), naming those types,
// and counts them as known so that unknown does not guess at a typo.
func (fig *Figure) otherKinds(t *table) {
	for _, key := range sortedKeys(t.m) {
		if contains(t.known, key) || !contains(optionKeys, key) {
			continue
		}
		var owners []string
		for _, name := range kindNames() {
			probe := newTable(map[string]any{}, "", &errs{})
			kinds[name].options(&Figure{figureBody: &figureBody{kind: kinds[name]}}, probe)
			if contains(probe.known, key) || key == "series" && kinds[name].series != 0 {
				owners = append(owners, name)
			}
		}
		if len(owners) > 0 {
			t.get(key)
			t.errf(key, "is a key of %s charts; %s chart does not take it", strings.Join(owners, ", "), aKind(fig.kind.name))
		}
	}
}

func noOptions(*Figure, *table) {}

// kindsWhere names the chart types for which has is true, for messages
// ("column, bar and waterfall charts"): taken from kinds, so that a new
// type is named wherever it belongs.
func kindsWhere(has func(k *kind) bool) string {
	var names []string
	for _, name := range kindNames() {
		if has(kinds[name]) {
			names = append(names, name)
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "") + " charts"
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " charts"
}

// aKind is a chart type's name with its article, for messages: "a bar",
// "an area".
func aKind(name string) string {
	if strings.ContainsRune("aeiou", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}
