package charts

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/presschart/presschart/charts/font"
)

// File is a decoded, validated input file: every figure in it can be
// rendered.
type File struct {
	Name    string // as given, e.g. "data.toml"
	Figures []*Figure
}

// Figure is one chart with its furniture and data. Its id, type and
// title are kept in every figure; the rest is in a figureBody, which a
// figure of a large file drops between checking and rendering (see
// light, in sections.go) so that memory holds only the figures in flight.
type Figure struct {
	ID    string
	Type  string
	Title string
	// RenditionOf is the id of the figure this one is a rendition of
	// (see renditions), or "".
	RenditionOf string
	// Media is the media condition under which the figure's HTML
	// snippet shows this rendition ("(max-width: 479px)"), and Density
	// its pixel density; both zero when the figure embeds no breakpoints
	// (see embeds.go).
	Media   string
	Density int

	file string
	// inputs are the files besides the TOML file that the figure was
	// read from: CSV data, fonts, logos.
	inputs []string
	// csv is where Data comes from when data names a CSV file; such a
	// figure's Data is dropped once it is checked and read again by
	// loaded, so that memory holds only the figures in flight.
	csv *csvSource
	// sec is where a figure of a large file is decoded again when it is
	// rendered; such a light figure has no body until then and keeps
	// what sizing it needs in lightFacts. See sections.go.
	sec  *sectionSource
	lite *lightFacts

	*figureBody
}

// figureBody is everything of a figure but its head; see Figure.
type figureBody struct {
	Subtitle    string
	Note        string
	Alt         string // alt text; generated from the data when empty
	Highlight   []string
	Series      []string // names of the values in each row: the two ends of a dumbbell or slope
	Data        []Datum
	Total       float64    // waffle and stack: the whole; 0 when not given
	Rest        string     // waffle and stack: label of the part that completes Total
	Unit        float64    // waffle: what one square stands for; 0 for automatic
	UnitLabel   string     // waffle: what is counted, e.g. "mercenaries"
	Center      string     // donut: the text in the hole; default the highlighted share
	Points      bool       // line: mark every row with a dot
	Change      string     // number: how the change is written: "" (by the suffix), "percent", "points", "absolute", "none"
	Rolling     int        // line, area: the average of the last Rolling rows; 0 for none
	DateFormat  dateFormat // line, area: date_format, "" for the unit's own
	RangeFormat string     // range: "" or "dash" (£410m–£430m), "short" (£410m–430m), "to" (−0.6% to 1.4%)
	Mode        string     // stacked types: "" or "absolute", "percent" (shares of each row)
	Table       tableOptions
	Scatter     scatterOptions
	Histogram   histogramOptions
	Map         mapOptions // maps: the view and projection
	Choropleth  choroplethOptions
	Symbols     symbolOptions
	Majority    int // parliament: the seats that make a majority; 0 for more than half
	Average     int // column-line: the rows of the rolling average drawn as the line; 0 for none
	// Small multiples (facets.go): the row key naming each row's panel,
	// or panels given as [[figure.panel]] (panelForm, each row's panel
	// and key in panelOf and panelKeys); axes is "shared", "free" or "".
	Facet     string
	Axes      string
	panelForm bool
	panelOf   []string
	panelKeys []string
	// ignoredFacet is a facet that cannot apply (an error says why),
	// whose key the rows may still hold.
	ignoredFacet string
	// span is what a panel shares with the others on shared axes; nil
	// for a figure that is not a panel, or on free axes.
	span *facetSpan
	// nameOrder, for a panel, is the order names first come in the
	// whole figure, so that a part keeps its colour in every panel.
	nameOrder map[string]int
	// SeriesFormats are the number keys of each series (series_formats),
	// by the series' index; nil where a series follows the figure.
	SeriesFormats []*numberKeys

	Annotations []Annotation
	Axis        axisOpts  // min, max, ticks and zero
	Order       orderOpts // sort, top and reverse
	Labels      string    // which values are written: "" (the type's default), "all", "none", "last", "highlight", "max"
	Style       Style

	kind    *kind
	xUnit   dateUnit // line, area: how the x values are written
	unitSet bool
	xSeen   xKinds // the kinds of x the rows have written
	xType   string // x_type: "number" or "date" to read every x so; "" to tell from the rows
	// rollDecimals is how many decimals a rolling average is written
	// with when decimals is not set.
	rollDecimals int
	rollDropped  []string // the x of the rows before the first average
	rows         *csvRows // keeps Data in csvCache while the figure holds it
}

// renditions returns the figure's renditions (renditions = [...]), each
// a copy with its own id and style, checked; not the ones that would be
// the figure itself, e.g. "article" for an article-sized figure.
func (fig *Figure) renditions(e *errs) []*Figure {
	var out []*Figure
	for _, r := range fig.Style.Renditions {
		st := fig.Style.rendition(r)
		if st.Width == fig.Style.Width && st.Height == fig.Style.Height && st.Theme == fig.Style.Theme && st.Scale == fig.Style.Scale {
			continue
		}
		cp := fig.clone()
		cp.ID, cp.Style, cp.RenditionOf = fig.ID+"-"+r, st, fig.ID
		e.figure = fmt.Sprintf("figure %q", fig.ID)
		cp.Style.check(e)
		out = append(out, cp)
	}
	return append(out, fig.embedRenditions(out, e)...)
}

// renditionName is the rendition a rendition is ("dark", "social"), ""
// for a figure.
func (f *Figure) renditionName() string {
	if f.RenditionOf == "" {
		return ""
	}
	return strings.TrimPrefix(f.ID, f.RenditionOf+"-")
}

// clone returns a copy of f whose body is its own: changing the copy's
// style or data leaves f as it was.
func (f *Figure) clone() *Figure {
	g := *f
	if f.figureBody != nil {
		b := *f.figureBody
		g.figureBody = &b
	}
	return &g
}

// File is the name of the input file the figure was read from.
func (f *Figure) File() string { return f.file }

// Inputs returns the files besides the TOML file that the figure was made
// from (CSV data, fonts, logos), for --watch.
func (f *Figure) Inputs() []string {
	if f.figureBody == nil {
		return slices.Clone(f.inputs) // a light figure's: fonts and logo included
	}
	return append(append([]string(nil), f.inputs...), f.Style.fontFiles...)
}

// Formats returns the formats the figure is written in when a run does
// not choose them (-f).
func (f *Figure) Formats() []string {
	if f.figureBody == nil {
		return f.lite.formats
	}
	return f.Style.Formats
}

// Datum is one row of a figure's data.
type Datum struct {
	Label     string
	Value     float64
	Low, High float64 // range only
	From, To  float64 // dumbbell and slope
	// Total marks a waterfall's subtotal: a bar from zero to the running
	// total, which prepare writes into Value.
	Total bool
	// Facet is the panel the row belongs to (small multiples), or "".
	Facet string
	// scatter: a point's y, its bubble size (sized when given) and group.
	Y     float64
	Size  float64
	sized bool
	Group string

	// locator: the region a row names (its code in the boundaries), or
	// the place it marks (at).
	Region   string
	Lat, Lon float64
	at       bool

	// line and area: the x value as written ("2023-01", 2023) and as a
	// number (days since 1970 for dates), and one value per series.
	X      string
	XV     float64
	xUnit  dateUnit // how this row's x was written: a year, a quarter...
	Values []float64

	// number only: an earlier value to compare with, and what it was
	// ("in 2024").
	Previous    float64
	HasPrevious bool
	Compare     string
	// Format is a row's own decimals, prefix, suffix and compact (number
	// cards, columns and bars); nil to follow the figure.
	Format *numberKeys

	row  int // its index in the file's data, for messages
	line int // its line in a CSV file (row in a sheet), or 0
}

// Load reads and decodes a TOML file. Paths in it are relative to the
// file's folder, and files it names must lie inside root ("" for that
// folder).
func Load(path, root string) (*File, error) {
	src, err := ReadInput(path)
	if err != nil {
		return nil, Errors{err.(*Error)}
	}
	return DecodeIn(path, src, filepath.Dir(path), root)
}

var idPattern = lazyRegexp(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// reservedID reports names that Windows refuses as file names (con, prn,
// aux, nul, com0-com9, lpt0-lpt9, whatever the extension), and manifest
// and index, which would collide with the manifest and the index page.
func reservedID(id string) bool {
	switch id {
	case "con", "prn", "aux", "nul", "manifest", "index":
		return true
	}
	return len(id) == 4 && (id[:3] == "com" || id[:3] == "lpt") && id[3] >= '0' && id[3] <= '9'
}

// Decode decodes and validates src, the contents of the file name. dir is
// where relative font paths start. The error, when not nil, is an Errors
// holding every problem found.
func Decode(name string, src []byte, dir string) (*File, error) {
	return DecodeIn(name, src, dir, "")
}

// DecodeIn is Decode with the folder that files named in src (CSV files,
// fonts) must lie in: root, or dir when root is "".
func DecodeIn(name string, src []byte, dir, root string) (*File, error) {
	f, _, err := decodeFile(name, src, dir, root, false)
	return f, err
}

// DecodeRequest decodes a file that came over the network (presschart
// serve --api): files it names (CSV, fonts, logos) are read from inside
// root, and are refused when root is "", so that a request can never make
// the service read or echo a file of its machine.
func DecodeRequest(name string, src []byte, root string) (*File, error) {
	if root == "" {
		return DecodeIn(name, src, ".", noFiles)
	}
	return DecodeIn(name, src, root, root)
}

// decodeFile is DecodeIn; whole makes it decode the file in one piece
// rather than a figure at a time, and split reports which it did.
func decodeFile(name string, src []byte, dir, root string, whole bool) (f *File, split bool, err error) {
	e := &errs{file: name, dir: dir, root: root}
	if len(src) > maxFileBytes {
		e.add("", "%s", tooBig)
		return nil, split, e.err()
	}
	g := newTOMLGuard(src)
	g.run()
	if g.msg != "" {
		e.addAt(g.probLine, g.probCol, g.msg)
		return nil, split, e.err()
	}
	var raw map[string]any
	head, secs, split := figureSections(src, g)
	if split = split && !whole; split {
		if !decodeTOML(string(head), 0, &raw, e) {
			return nil, split, e.err()
		}
		if _, defined := raw["figure"]; defined {
			split, secs = false, nil
		}
		// The decoder's strings point into its copy of head, which is
		// as long as the file: copies let it go.
		raw = cloneTree(raw).(map[string]any)
	}
	if !split && !decodeTOML(string(src), 0, &raw, e) {
		return nil, split, e.err()
	}
	fonts := &fontCache{faces: map[string]*font.Face{}}
	top := newTable(raw, "", e)
	base := defaultStyle()
	if v, ok := top.get("style"); ok {
		if m, isTable := v.(map[string]any); isTable {
			st := newTable(m, "style.", e)
			base.read(st, fonts)
			st.unknown()
		} else {
			e.add("style", "must be a table ([style]), not %s", typeName(v))
		}
	}
	var figs []map[string]any
	if v, ok := top.get("figure"); ok {
		var ok bool
		if figs, ok = asTables(v); !ok {
			e.add("figure", "must be an array of tables ([[figure]]), not %s", typeName(v))
		}
	}
	top.unknown()
	n := len(figs)
	if split {
		n = len(secs)
	}
	if n == 0 && e.count == 0 {
		e.add("", "has no figures; add at least one [[figure]] table")
	}
	if n > maxFigures {
		e.add("figure", "%d figures; at most %d are allowed in one file", n, maxFigures)
		return nil, split, e.err()
	}
	f = &File{Name: name}
	seen := map[string]int{}
	var text string // src, once, for the sections to share
	if split {
		text = string(src)
	}
	var pending [][]*Figure // each figure's renditions
	for i := range n {
		var m map[string]any
		var sec *sectionSource
		if split {
			// One figure's tree at a time; see sections.go.
			s := secs[i]
			sec = &sectionSource{text: text[s.start:s.end], line: s.line, index: i, base: &base, fonts: fonts, file: name, dir: dir, root: root}
			var ok bool
			if m, ok = sec.table(e); !ok {
				if e.count == 0 {
					// Not what the header promised; let the decoder judge the whole.
					return decodeFile(name, src, dir, root, true)
				}
				continue
			}
		} else {
			m, figs[i] = figs[i], nil
		}
		fig, ok := decodeFigure(m, i, base, fonts, e)
		var rends []*Figure
		if ok {
			rends = fig.renditions(e)
		}
		if ok && split && n > lightAfter {
			fig = fig.light(sec)
			for j, r := range rends {
				rends[j] = r.light(sec)
			}
		}
		// A figure with other errors still claims its id, so that one
		// run reports a duplicate id beside them.
		if fig.ID != "" {
			if j, dup := seen[fig.ID]; dup {
				e.figure = fmt.Sprintf("figure[%d]", i)
				e.add("id", "%q is already the id of figure[%d]; ids must be unique", fig.ID, j)
				continue
			}
			seen[fig.ID] = i
		}
		if ok {
			f.Figures = append(f.Figures, fig)
			pending = append(pending, rends)
		}
	}
	// Renditions follow their figure, each with its own id, once every
	// figure has claimed its own.
	var all []*Figure
	owner := map[string]string{} // a rendition's id: its figure's
	for i, fig := range f.Figures {
		all = append(all, fig)
		for _, cp := range pending[i] {
			if j, dup := seen[cp.ID]; dup {
				e.figure = fmt.Sprintf("figure %q", fig.ID)
				key := "renditions"
				if cp.Density != 0 {
					key = "embed"
				}
				whose := fmt.Sprintf("figure[%d]", j)
				if j < 0 {
					whose = fmt.Sprintf("a rendition of figure %q", owner[cp.ID])
				}
				e.add(key, "rendition %q would be named %q, already the id of %s", cp.renditionName(), cp.ID, whose)
				continue
			}
			seen[cp.ID], owner[cp.ID] = -1, fig.ID
			all = append(all, cp)
		}
	}
	f.Figures = all
	if err := e.err(); err != nil {
		locate(src, e.list)
		return nil, split, err
	}
	return f, split, nil
}

// decodeTOML decodes src into v, adding the decoder's error to e with its
// line moved down by lines (src is part of a file that starts lines lines
// later); false when src is not TOML.
func decodeTOML(src string, lines int, v *map[string]any, e *errs) bool {
	_, err := toml.Decode(src, v)
	if err == nil {
		return true
	}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.Usage != "" {
			msg += " (" + strings.TrimSpace(strings.SplitN(pe.Usage, "\n", 2)[0]) + ")"
		}
		e.addAt(lines+pe.Position.Line, pe.Position.Col, msg)
	} else {
		e.add("", "%v", err)
	}
	return false
}

// decodeFigure reads and checks one [[figure]] table; ok is false when the
// figure has errors, which it adds to e. The figure's ID is set when the
// id is valid, whatever else is wrong.
func decodeFigure(m map[string]any, i int, base Style, fonts *fontCache, e *errs) (fig *Figure, ok bool) {
	before := e.count
	e.figure = fmt.Sprintf("figure[%d]", i)
	e.texts = e.texts[:0]
	t := newTable(m, "", e)
	fig = &Figure{file: e.file, figureBody: &figureBody{Style: base}}
	var id string
	if t.str("id", &id) {
		fig.ID = id
		switch {
		case fig.ID == "":
			t.errf("id", "is empty; give a name of lowercase letters, digits and dashes, e.g. \"nepal-drop\"")
		case !idPattern().MatchString(fig.ID) || len(fig.ID) > 100:
			t.errf("id", "%q is not a valid id: use lowercase letters a-z, digits and single dashes (it names the output files)", clip(fig.ID))
			fig.ID = ""
		case fig.ID == "manifest" || fig.ID == "index":
			t.errf("id", "%q would name the output folder's %s.%s; choose another id", fig.ID, fig.ID, map[string]string{"manifest": "json", "index": "html"}[fig.ID])
			fig.ID = ""
		case reservedID(fig.ID):
			t.errf("id", "%q is reserved as a file name on some systems; choose another id", fig.ID)
			fig.ID = ""
		default:
			e.figure = fmt.Sprintf("figure %q", fig.ID)
		}
	} else if _, ok := m["id"]; !ok {
		t.errf("id", "is missing; every figure needs an id such as \"nepal-drop\"")
	}
	if t.str("type", &fig.Type) {
		fig.kind = kinds[fig.Type]
		if fig.kind == nil {
			msg := fmt.Sprintf("unknown chart type %q; use one of %s", fig.Type, strings.Join(kindNames(), ", "))
			if n := nearest(fig.Type, kindNames()); n != "" {
				msg = fmt.Sprintf("unknown chart type %q; did you mean %q?", fig.Type, n)
			}
			t.errf("type", "%s", msg)
		}
	} else if _, ok := m["type"]; !ok {
		t.errf("type", "is missing; use one of %s", strings.Join(kindNames(), ", "))
	}
	if t.text("title", &fig.Title) && fig.Title == "" {
		t.errf("title", "is empty; every figure needs a title")
	} else if _, ok := m["title"]; !ok {
		t.errf("title", "is missing; every figure needs a title")
	}
	t.text("subtitle", &fig.Subtitle)
	t.text("note", &fig.Note)
	t.str("alt", &fig.Alt)
	t.texts("highlight", &fig.Highlight)
	ownColors, _ := m["colors"].(map[string]any)
	fig.Style.read(t, fonts)
	fig.Style.check(e)
	if fig.kind != nil && fig.kind.series < 0 {
		if t.texts("series", &fig.Series) && len(fig.Series) == 0 {
			t.errf("series", "is empty; name each value of a row, e.g. series = [\"Nepal\", \"India\"]")
		} else if len(fig.Series) > maxSeries {
			t.errf("series", "names %d series; %s chart shows at most %d legibly (split it into small multiples)", len(fig.Series), aKind(fig.kind.name), maxSeries)
			t.get("data") // its rows would each repeat the problem
		}
	}
	if fig.kind != nil && fig.kind.series > 0 {
		if t.texts("series", &fig.Series) && len(fig.Series) != fig.kind.series {
			t.errf("series", "names %d values; %s chart has %d per row, e.g. series = [\"2024\", \"2025\"]", len(fig.Series), aKind(fig.kind.name), fig.kind.series)
		}
	}
	if fig.kind != nil && len(fig.Series) <= maxSeries {
		fig.kind.options(fig, t)
		fig.readSeriesFormats(t)
		fig.readAxis(t)
		fig.readOrder(t)
		fig.readLabels(t)
		fig.readFacets(t)
		n := e.count
		if fig.decodeData(t); e.count == n {
			fig.eachPanelIn(e, func(g *Figure) { g.order(e) })
		}
		fig.readAnnotations(t)
		fig.otherKinds(t)
	} else {
		// Without a known type the data keys cannot be checked; count
		// them as known so that only the type is reported.
		t.get("data")
		t.get("columns")
		t.get("delimiter")
		t.get("data_locale")
		t.get("sheet")
		t.get("range")
		t.get("annotation")
		for _, k := range slices.Concat(allOptionKeys(), axisKeys, orderKeys, facetKeys, []string{"labels", "series_formats"}) {
			t.get(k)
		}
	}
	t.unknown()
	// Rows that decoded are validated even when others did not, so that
	// one run reports every problem; messages name rows by rowKey.
	if fig.kind != nil && len(fig.Data) > 0 {
		fig.validateFacets(e)
		fig.eachPanelIn(e, func(g *Figure) { g.kind.validate(g, e) }) // the rows as given, before rolling averages them
		fig.checkLog(e)
		fig.eachPanelIn(e, func(g *Figure) { g.roll(e) })
		if e.count == 0 {
			fig.prepare()
		}
		fig.validateAnnotations(e)
		fig.eachPanel(func(g *Figure) { g.validateAxis(e) }) // the figure's keys: said once
		if ownColors != nil {
			fig.checkNamedColors("colors", sortedKeys(ownColors), e)
		}
		if dark, ok := m["dark"].(map[string]any); ok {
			if named, ok := dark["colors"].(map[string]any); ok {
				fig.checkNamedColors("dark.colors", sortedKeys(named), e)
			}
		}
	}
	fig.checkGlyphs(e)
	if e.count > before {
		return fig, false
	}
	fig.smartenFigure()
	if fig.csv != nil {
		fig.Data, fig.rows = nil, nil // read again when rendered: see loaded
	}
	return fig, true
}

// loaded returns the figure with its Data: f itself, or, for a figure
// whose rows come from a CSV file, a copy with the rows read again. The
// file must hold the bytes it held when the figure was checked.
func (f *Figure) loaded() (*Figure, error) {
	if f.sec != nil {
		g, err := f.sec.figure()
		if err != nil {
			return nil, err
		}
		if f.csv != nil && (g.csv == nil || g.csv.sum != f.csv.sum) {
			e := &errs{file: f.file, figure: fmt.Sprintf("figure %q", f.ID)}
			e.add("data", "%s changed after it was checked; run presschart again", f.csv.name)
			return nil, e.err()
		}
		// The figure as checked, a rendition's id and style included.
		if r := f.renditionName(); r != "" {
			g.Style = g.Style.rendition(r)
		}
		g.ID, g.RenditionOf, g.Media, g.Density = f.ID, f.RenditionOf, f.Media, f.Density
		g.Style.Formats = f.Formats() // an embed rendition's are its own
		f = g
	}
	if f.csv == nil || f.Data != nil {
		return f, nil
	}
	g := f.clone()
	g.inputs = slices.Clip(g.inputs)
	if d := csvCache.get(f.csv.key); d != nil {
		g.use(d)
		g.eachPanel(func(g *Figure) {
			g.order(&errs{}) // as when the figure was checked
			g.roll(&errs{})
		})
		return g, nil
	}
	e := &errs{file: f.file, dir: f.csv.dir, root: f.csv.root, figure: fmt.Sprintf("figure %q", f.ID)}
	m := map[string]any{"data": f.csv.name}
	if f.csv.cols != nil {
		m["columns"] = f.csv.cols
	}
	if f.csv.delim != 0 {
		m["delimiter"] = delimiterName(f.csv.delim)
	}
	if f.csv.dataLocale != "" {
		m["data_locale"] = f.csv.dataLocale
	}
	if f.csv.sheet.sheet != "" {
		m["sheet"] = f.csv.sheet.sheet
	}
	if f.csv.sheet.cells != "" {
		m["range"] = f.csv.sheet.cells
	}
	g.decodeData(newTable(m, "", e))
	if e.count == 0 {
		g.eachPanel(func(g *Figure) {
			g.order(e)
			g.roll(e)
		})
		g.prepare()
	}
	if e.count == 0 && g.csv.sum != f.csv.sum {
		e.add("data", "%s changed after it was checked; run presschart again", f.csv.name)
	}
	if e.count == 0 {
		g.eachPanelIn(e, func(g *Figure) { g.kind.validate(g, e) })
		g.checkLog(e)
		g.validateAxis(e)
	}
	if e.count > 0 {
		return nil, e.err()
	}
	return g, nil
}

func (fig *Figure) decodeData(t *table) {
	v, ok := t.get("data")
	if !ok {
		t.errf("data", "is missing; give the figure's rows, e.g. data = [ { label = \"2024\", value = 1000 } ]")
		return
	}
	var cols map[string]any
	if c, ok := t.get("columns"); ok {
		if m, isTable := c.(map[string]any); isTable {
			cols = m
		} else {
			t.errf("columns", "must be a table like { label = \"year\", value = \"count\" }, not %s", typeName(c))
			return
		}
	}
	delim, hasDelim := readDelimiter(t)
	dataLocale, hasDataLocale := readDataLocale(t)
	path, isPath := v.(string)
	ref := readSheetKeys(t, isPath && isSheet(path))
	if hasDelim && isPath && isSheet(path) {
		t.errf("delimiter", "separates the fields of a CSV file; a workbook has cells")
		return
	}
	var lines []int // for rows from a CSV file, their line numbers
	var csvName string
	if isPath {
		var cached, ok bool
		if v, lines, cached, ok = fig.readCSV(t, path, cols, delim, dataLocale, ref); !ok || cached {
			return
		}
		csvName = path
		defer func() {
			if fig.Data != nil && len(fig.Data) == len(lines) {
				fig.rows = &csvRows{data: fig.Data, xUnit: fig.xUnit, unitSet: fig.unitSet, xSeen: fig.xSeen}
				if fig.kind.xy || fig.kind.multi {
					fig.rows.series = fig.Series
				}
				csvCache.put(fig.csv.key, fig.rows)
				t.e.hold = fig.rows
			}
		}()
	} else if cols != nil {
		t.errf("columns", "maps the columns of a CSV file; it needs data = \"file.csv\"")
		return
	} else if hasDelim {
		t.errf("delimiter", "separates the fields of a CSV file; it needs data = \"file.csv\"")
		return
	} else if hasDataLocale {
		t.errf("data_locale", "says how a CSV file writes its numbers; it needs data = \"file.csv\" (numbers in TOML are written as TOML writes them)")
		return
	}
	rows, isRows := asTables(v)
	if !isRows || len(rows) == 0 {
		if arr, isArr := v.([]any); isArr && len(arr) == 0 {
			t.errf("data", "is empty; give at least one row")
		} else {
			t.errf("data", "must be an array of tables like { label = \"…\", value = 1 }, not %s", typeName(v))
		}
		return
	}
	if len(rows) > fig.rowLimit() {
		key := "data"
		if fig.panelForm {
			key = "panel" // the panels' rows, put together
		}
		t.errf(key, "has %d rows; %s", len(rows), fig.rowLimitSays())
		return
	}
	for i, m := range rows {
		before := t.e.count
		prefix := fig.rowPrefix(i)
		if lines != nil {
			prefix = fmt.Sprintf("data[%d] (%s).", i, at(csvName, lines[i], 0))
		}
		rt := newTable(m, prefix, t.e)
		d := Datum{row: i}
		if lines != nil {
			d.line = lines[i]
		}
		if fig.kind.xy {
			fig.readPoint(rt, &d)
		} else if lk := fig.kind.labelKey; lk != "" {
			// A map's row is named by its region: looked up, not drawn
			// as written.
			if !rt.str(lk, &d.Label) {
				if _, ok := m[lk]; !ok {
					rt.errf(lk, "is missing")
				}
			}
		} else if !rt.text("label", &d.Label) {
			if _, ok := m["label"]; !ok && !fig.kind.noLabels && !fig.kind.ownLabels {
				rt.errf("label", "is missing")
			}
		}
		fig.readFacet(rt, &d)
		if fig.kind.multi {
			fig.readValues(rt, &d)
		}
		if fig.kind.subtotals {
			rt.boolean("total", &d.Total)
		}
		for _, k := range fig.kind.fields {
			if !rt.num(k, rowFields[k](&d)) {
				if _, ok := m[k]; ok {
					continue
				}
				// A subtotal's value is worked out; a total that is not
				// true or false has its own message.
				total, has := m["total"]
				_, isBool := total.(bool)
				switch {
				case d.Total:
					d.Value = math.NaN()
				case fig.kind.optionalValue:
					d.Value = math.NaN() // no data: a map's region without a value
				case !has || isBool || !fig.kind.subtotals:
					rt.errf(k, "is missing")
				}
			}
		}
		if fig.kind.rowFormat {
			if k, set := readNumberKeys(rt, true); set {
				checkGB(&k, fig.Style.Locale, prefix+"compact", t.e)
				d.Format = &k
			}
		}
		if fig.kind.readRow != nil {
			fig.kind.readRow(fig, rt, &d)
		}
		if fig.kind.compare {
			d.HasPrevious = rt.num("previous", &d.Previous)
			rt.text("compare", &d.Compare)
			if d.Compare != "" && !d.HasPrevious {
				rt.errf("compare", "describes previous, which is missing")
			}
		}
		rt.unknown()
		if t.e.count == before {
			fig.Data = append(fig.Data, d)
		}
	}
	if fig.kind.xy {
		fig.settleX()
	}
}

// rowKey names the i-th decoded row as the file has it ("data[4]"): rows
// that did not decode are not in Data, so i may be less.
func (f *Figure) rowKey(i int) string {
	if f.Data[i].row < 0 {
		return fmt.Sprintf("top's row %q", f.Data[i].Label)
	}
	if d := f.Data[i]; d.line > 0 && f.csv != nil {
		return fmt.Sprintf("data[%d] (%s)", d.row, at(f.csv.name, d.line, 0))
	}
	return strings.TrimSuffix(f.rowPrefix(f.Data[i].row), ".")
}

// checkLog rejects a log scale where it cannot be drawn: on part-to-whole
// types, and for values of zero or below.
func (fig *Figure) checkLog(e *errs) {
	if !fig.Style.Log {
		return
	}
	if !fig.kind.logScale {
		e.add("scale", "%s chart has no value axis to make logarithmic; scale = \"log\" applies to %s", aKind(fig.kind.name), kindsWhere(func(k *kind) bool { return k.logScale }))
		return
	}
	for i, d := range fig.Data {
		for _, k := range fig.kind.fields {
			if v := *rowFields[k](&d); v <= 0 {
				e.add(fmt.Sprintf("%s.%s", fig.rowKey(i), k), "%g cannot be shown on a log scale, which has no zero; use scale = \"linear\"", v)
			}
		}
		for j, v := range d.Values {
			if v <= 0 {
				e.add(fmt.Sprintf("%s.values[%d]", fig.rowKey(i), j), "%g cannot be shown on a log scale, which has no zero; use scale = \"linear\"", v)
			}
		}
	}
}

// asTables returns v as a list of tables: [[x]] tables, or an inline array
// whose elements are all inline tables.
func asTables(v any) ([]map[string]any, bool) {
	switch v := v.(type) {
	case []map[string]any:
		return v, true
	case []any:
		out := make([]map[string]any, len(v))
		for i, x := range v {
			m, ok := x.(map[string]any)
			if !ok {
				return nil, false
			}
			out[i] = m
		}
		return out, true
	}
	return nil, false
}

// checkGlyphs reports text that the figure's fonts cannot draw: every
// drawn text read for the figure (recorded by table.text) and the style's
// texts, in both faces, since a text's weight depends on where the chart
// type puts it.
func (fig *Figure) checkGlyphs(e *errs) {
	if fig.Style.fontFailed {
		return
	}
	regular, bold := fig.Style.faces()
	check := func(key, s string) {
		for i, face := range []*font.Face{regular, bold} {
			if r, missing := face.Missing(s); missing {
				which := "" // the key that lists the fonts, when the bold face is another
				if i == 1 && !slices.Equal(regular.Families(), bold.Families()) {
					which = " (font_bold, for bold text)"
				}
				e.add(key, "the character %q (U+%04X) is not in %s%s; remove it or use a font that has it", r, r, fontName(face), which)
				return
			}
		}
	}
	for _, kv := range [][2]string{{"source", fig.Style.Source}, {"credit", fig.Style.Credit}, {"prefix", fig.Style.Prefix}, {"suffix", fig.Style.Suffix}} {
		check(kv[0], kv[1])
	}
	// The locale's words and the digits are drawn too: a figure in a
	// script its fonts lack is told which font would draw it.
	loc := locales[fig.Style.Locale]
	words := strings.Join(loc.months[:], " ") + strings.Join(loc.quarters[:], " ") + loc.logScale + loc.oneSquare
	if ds, ok := digitSystems[fig.Style.Digits]; ok && ds.zero != '0' {
		digits := ""
		for d := rune(0); d < 10; d++ {
			digits += string(ds.zero + d)
		}
		for _, face := range []*font.Face{regular, bold} {
			if r, missing := face.Missing(digits + ds.group + ds.decimal + ds.percent); missing {
				e.add("digits", "%q writes %s, and the character %q (U+%04X) is not in %s; add a font that has them after it, e.g. font = [\"Inter\", \"%s-Regular.ttf\"] with %s", fig.Style.Digits, ds.name, r, r, fontName(face), strings.ReplaceAll(ds.font, " ", ""), ds.font)
				return
			}
		}
	}
	for _, face := range []*font.Face{regular, bold} {
		if r, missing := face.Missing(words); missing {
			sc := scripts[loc.script]
			e.add("locale", "%q is written in %s, and the character %q (U+%04X) of its month names and notes is not in %s; add a font that has %s after it, e.g. font = [\"Inter\", \"%s-Regular.ttf\"] with %s, or another locale", fig.Style.Locale, sc.name, r, r, fontName(face), sc.name, strings.ReplaceAll(sc.font, " ", ""), sc.font)
			return
		}
	}
	for _, kt := range e.texts {
		check(kt.key, kt.s)
	}
}

// fontCache loads each house font file once per input file, however its
// path is spelled.
type fontCache struct {
	faces map[string]*font.Face // by absolute path and by checksum
	logos map[string]*logoFile  // logos, by checksum (logo.go)
}

// maxFontBytes is the largest font file presschart reads: CJK fonts run
// to 20 MiB.
const maxFontBytes = 64 << 20

func (c *fontCache) load(t *table, key, path string, bold bool) (*font.Face, string) {
	if abs, err := filepath.Abs(filepath.Join(t.e.dir, path)); err == nil && !filepath.IsAbs(path) {
		if f, ok := c.faces[abs]; ok && f.Bold == bold {
			return f, abs
		}
	}
	nf := t.e.readNamed(t.prefix+key, path, []string{".ttf", ".otf", ".woff", ".woff2", ".ttc", ".otc"}, maxFontBytes, "a font file")
	if nf == nil {
		return nil, ""
	}
	sum := fmt.Sprintf("%x-%t", nf.sum, bold)
	if f, ok := c.faces[sum]; ok {
		c.faces[nf.key] = f
		return f, nf.key
	}
	f, err := font.Parse(nf.data, bold)
	if err != nil {
		t.errf(key, "%q: %v", path, err)
		return nil, ""
	}
	c.faces[nf.key], c.faces[sum] = f, f
	return f, nf.key
}

// embeddedFont is the name that stands for the embedded face in a font
// list: font = ["Inter", "NotoSansArabic-Regular.ttf"].
const embeddedFont = "Inter"

// maxFonts is the longest font list.
const maxFonts = 8

// fontList reads font or font_bold: one path, or a list of them tried in
// order for each character.
func (t *table) fontList(key string) ([]string, bool) {
	v, ok := t.get(key)
	if !ok {
		return nil, false
	}
	var names []string
	if _, isArr := v.([]any); isArr {
		if !t.strs(key, &names) {
			return nil, false
		}
		if len(names) == 0 || len(names) > maxFonts {
			t.errf(key, "lists %d fonts; give 1 to %d, tried in order for each character", len(names), maxFonts)
			return nil, false
		}
	} else {
		var one string
		if !t.str(key, &one) {
			return nil, false
		}
		names = []string{one}
	}
	return names, true
}

// loadList loads a font list into one face that tries its fonts in
// order; it returns nil when a font cannot be read (the error is
// recorded) and the paths of the files read.
func (c *fontCache) loadList(t *table, key string, names []string, bold bool) (*font.Face, []string) {
	var faces []*font.Face
	var paths []string
	good := true
	for i, name := range names {
		k := key
		if len(names) > 1 {
			k = fmt.Sprintf("%s[%d]", key, i)
		}
		if name == embeddedFont {
			faces = append(faces, font.Default(bold))
			continue
		}
		f, path := c.load(t, k, name, bold)
		if f == nil {
			good = false
			continue
		}
		faces = append(faces, f)
		paths = append(paths, path)
	}
	if !good {
		return nil, paths
	}
	st := font.Stack(faces...)
	if r, missing := st.Missing("0123456789"); missing {
		t.errf(key, "no font of %q has the digit %q; add one that has digits", names, r)
		return nil, paths
	}
	return st, paths
}

// cloneTree returns a decoded TOML value whose strings are copies, so that
// it keeps none of the decoder's input alive.
func cloneTree(v any) any {
	switch v := v.(type) {
	case string:
		return strings.Clone(v)
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[strings.Clone(k)] = cloneTree(x)
		}
		return out
	case []map[string]any:
		out := make([]map[string]any, len(v))
		for i, x := range v {
			out[i] = cloneTree(x).(map[string]any)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = cloneTree(x)
		}
		return out
	}
	return v
}
