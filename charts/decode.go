package charts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"presschart/charts/font"
)

// File is a decoded, validated input file: every figure in it can be
// rendered.
type File struct {
	Name    string // as given, e.g. "data.toml"
	Figures []*Figure
}

// Figure is one chart with its furniture and data.
type Figure struct {
	ID        string
	Type      string
	Title     string
	Subtitle  string
	Note      string
	Alt       string // alt text; generated from the data when empty
	Highlight []string
	Series    []string // names of the values in each row: the two ends of a dumbbell or slope
	Data      []Datum
	Total     float64 // waffle and stack: the whole; 0 when not given
	Rest      string  // waffle and stack: label of the part that completes Total
	Unit      float64 // waffle: what one square stands for; 0 for automatic
	UnitLabel string  // waffle: what is counted, e.g. "mercenaries"
	Center    string  // donut: the text in the hole; default the highlighted share
	Points    bool    // line: mark every row with a dot

	Annotations []Annotation
	Style       Style
	// RenditionOf is the id of the figure this one is a rendition of
	// (see renditions), or "".
	RenditionOf string

	kind    *kind
	file    string
	xUnit   dateUnit // line, area: how the x values are written
	unitSet bool
	inputs  []string // files the figure was read from besides the TOML: CSV, fonts
}

// Inputs returns the files besides the TOML file that the figure was made
// from (CSV data, fonts), for --watch.
func (f *Figure) Inputs() []string {
	return append(append([]string(nil), f.inputs...), f.Style.fontFiles...)
}

// Datum is one row of a figure's data.
type Datum struct {
	Label     string
	Value     float64
	Low, High float64 // range only
	From, To  float64 // dumbbell and slope

	// line and area: the x value as written ("2023-01", 2023) and as a
	// number (days since 1970 for dates), and one value per series.
	X      string
	XV     float64
	Values []float64

	// number only: an earlier value to compare with, and what it was
	// ("in 2024").
	Previous    float64
	HasPrevious bool
	Compare     string
}

// Load reads and decodes a TOML file. Font paths in it are relative to the
// file's folder.
func Load(path string) (*File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Size() > maxFileBytes {
		return nil, &Error{File: path, Msg: fmt.Sprintf("is %d bytes; at most %d MiB are allowed", info.Size(), maxFileBytes>>20)}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Decode(path, src, filepath.Dir(path))
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// reservedIDs are names that some file systems refuse as file names.
var reservedIDs = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "lpt1": true, "lpt2": true, "lpt3": true, "manifest": true}

// Decode decodes and validates src, the contents of the file name. dir is
// where relative font paths start. The error, when not nil, is an Errors
// holding every problem found.
func Decode(name string, src []byte, dir string) (*File, error) {
	e := &errs{file: name, dir: dir}
	if len(src) > maxFileBytes {
		e.add("", "is %d bytes; at most %d MiB are allowed", len(src), maxFileBytes>>20)
		return nil, e.err()
	}
	var raw map[string]any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := pe.Message
			if pe.Usage != "" {
				msg += " (" + strings.TrimSpace(strings.SplitN(pe.Usage, "\n", 2)[0]) + ")"
			}
			e.list = append(e.list, &Error{File: name, Line: pe.Position.Line, Col: pe.Position.Col, Msg: msg})
		} else {
			e.add("", "%v", err)
		}
		return nil, e.err()
	}
	fonts := &fontCache{dir: dir, faces: map[string]*font.Face{}}
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
	if len(figs) == 0 && len(e.list) == 0 {
		e.add("", "has no figures; add at least one [[figure]] table")
	}
	if len(figs) > maxFigures {
		e.add("figure", "%d figures; at most %d are allowed in one file", len(figs), maxFigures)
		return nil, e.err()
	}
	f := &File{Name: name}
	seen := map[string]int{}
	for i, m := range figs {
		fig := decodeFigure(m, i, base, fonts, e)
		if fig == nil {
			continue
		}
		if j, dup := seen[fig.ID]; dup {
			e.figure = fmt.Sprintf("figure[%d]", i)
			e.add("id", "%q is already the id of figure[%d]; ids must be unique", fig.ID, j)
			continue
		}
		seen[fig.ID] = i
		f.Figures = append(f.Figures, fig)
	}
	// Renditions follow their figure, each with its own id.
	var all []*Figure
	for _, fig := range f.Figures {
		all = append(all, fig)
		for _, r := range fig.Style.Renditions {
			st := fig.Style.rendition(r)
			if st.Width == fig.Style.Width && st.Height == fig.Style.Height && st.Theme == fig.Style.Theme {
				continue // the figure itself, e.g. "article" for an article-sized figure
			}
			cp := *fig
			cp.ID, cp.Style, cp.RenditionOf = fig.ID+"-"+r, st, fig.ID
			if j, dup := seen[cp.ID]; dup {
				e.figure = fmt.Sprintf("figure %q", fig.ID)
				e.add("renditions", "rendition %q would be named %q, already the id of figure[%d]", r, cp.ID, j)
				continue
			}
			seen[cp.ID] = -1
			cp.Style.check(e)
			all = append(all, &cp)
		}
	}
	f.Figures = all
	if err := e.err(); err != nil {
		return nil, err
	}
	return f, nil
}

// decodeFigure reads and checks one [[figure]] table; it returns nil when
// the figure has errors, which it adds to e.
func decodeFigure(m map[string]any, i int, base Style, fonts *fontCache, e *errs) *Figure {
	before := len(e.list)
	e.figure = fmt.Sprintf("figure[%d]", i)
	t := newTable(m, "", e)
	fig := &Figure{Style: base, file: e.file}
	if t.str("id", &fig.ID) {
		switch {
		case fig.ID == "":
			t.errf("id", "is empty; give a name of lowercase letters, digits and dashes, e.g. \"nepal-drop\"")
		case !idPattern.MatchString(fig.ID) || len(fig.ID) > 100:
			t.errf("id", "%q is not a valid id: use lowercase letters a-z, digits and single dashes (it names the output files)", fig.ID)
		case reservedIDs[fig.ID]:
			t.errf("id", "%q is reserved as a file name; choose another id", fig.ID)
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
	if t.str("title", &fig.Title) && fig.Title == "" {
		t.errf("title", "is empty; every figure needs a title")
	} else if _, ok := m["title"]; !ok {
		t.errf("title", "is missing; every figure needs a title")
	}
	t.str("subtitle", &fig.Subtitle)
	t.str("note", &fig.Note)
	t.str("alt", &fig.Alt)
	t.strs("highlight", &fig.Highlight)
	fig.Style.read(t, fonts)
	fig.Style.check(e)
	if fig.kind != nil && fig.kind.series < 0 {
		if t.strs("series", &fig.Series) && len(fig.Series) == 0 {
			t.errf("series", "is empty; name each value of a row, e.g. series = [\"Nepal\", \"India\"]")
		}
	}
	if fig.kind != nil && fig.kind.series > 0 {
		if t.strs("series", &fig.Series) && len(fig.Series) != fig.kind.series {
			t.errf("series", "names %d values; a %s chart has %d per row, e.g. series = [\"2024\", \"2025\"]", len(fig.Series), fig.kind.name, fig.kind.series)
		}
	}
	if fig.kind != nil {
		fig.kind.options(fig, t)
		fig.decodeData(t)
		fig.readAnnotations(t)
	} else {
		// Without a known type the data keys cannot be checked; count
		// them as known so that only the type is reported.
		t.get("data")
		t.get("annotation")
		for _, k := range allOptionKeys() {
			t.get(k)
		}
	}
	t.unknown()
	// Rows that decoded are validated even when others did not, so that
	// one run reports every problem.
	if fig.kind != nil && len(fig.Data) > 0 {
		fig.kind.validate(fig, e)
		fig.checkLog(e)
		fig.validateAnnotations(e)
	}
	fig.checkGlyphs(e)
	if len(e.list) > before {
		return nil
	}
	return fig
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
	var lines []int // for rows from a CSV file, their line numbers
	var csvName string
	if path, isPath := v.(string); isPath {
		var ok bool
		if v, lines, ok = fig.readCSV(t, path, cols); !ok {
			return
		}
		csvName = path
	} else if cols != nil {
		t.errf("columns", "maps the columns of a CSV file; it needs data = \"file.csv\"")
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
	if len(rows) > fig.kind.maxRows {
		t.errf("data", "has %d rows; a %s chart shows at most %d", len(rows), fig.kind.name, fig.kind.maxRows)
		return
	}
	for i, m := range rows {
		before := len(t.e.list)
		prefix := fmt.Sprintf("data[%d].", i)
		if lines != nil {
			prefix = fmt.Sprintf("data[%d] (%s:%d).", i, csvName, lines[i])
		}
		rt := newTable(m, prefix, t.e)
		var d Datum
		if fig.kind.xy {
			fig.readPoint(rt, &d)
		} else if !rt.str("label", &d.Label) {
			if _, ok := m["label"]; !ok {
				rt.errf("label", "is missing")
			}
		}
		if fig.kind.multi {
			fig.readValues(rt, &d)
		}
		for _, k := range fig.kind.fields {
			dst := map[string]*float64{"value": &d.Value, "low": &d.Low, "high": &d.High, "from": &d.From, "to": &d.To}[k]
			if !rt.num(k, dst) {
				if _, ok := m[k]; !ok {
					rt.errf(k, "is missing")
				}
			}
		}
		if fig.kind.compare {
			d.HasPrevious = rt.num("previous", &d.Previous)
			rt.str("compare", &d.Compare)
			if d.Compare != "" && !d.HasPrevious {
				rt.errf("compare", "describes previous, which is missing")
			}
		}
		rt.unknown()
		if len(t.e.list) == before {
			fig.Data = append(fig.Data, d)
		}
	}
}

// checkLog rejects a log scale where it cannot be drawn: on part-to-whole
// types, and for values of zero or below.
func (fig *Figure) checkLog(e *errs) {
	if !fig.Style.Log {
		return
	}
	if !fig.kind.logScale {
		e.add("scale", "a %s chart has no value axis to make logarithmic; scale = \"log\" applies to column, bar and range charts", fig.kind.name)
		return
	}
	for i, d := range fig.Data {
		for _, k := range fig.kind.fields {
			v := map[string]float64{"value": d.Value, "low": d.Low, "high": d.High, "from": d.From, "to": d.To}[k]
			if v <= 0 {
				e.add(fmt.Sprintf("data[%d].%s", i, k), "%g cannot be shown on a log scale, which has no zero; use scale = \"linear\"", v)
			}
		}
		for j, v := range d.Values {
			if v <= 0 {
				e.add(fmt.Sprintf("data[%d].values[%d]", i, j), "%g cannot be shown on a log scale, which has no zero; use scale = \"linear\"", v)
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

// checkGlyphs reports text that the figure's font cannot draw.
func (fig *Figure) checkGlyphs(e *errs) {
	regular, bold := fig.Style.faces()
	check := func(key, s string, face *font.Face) {
		if r, missing := face.Missing(s); missing {
			e.add(key, "the character %q (U+%04X) is not in the font %s; remove it or use a font that has it", r, r, face.Family)
		}
	}
	check("title", fig.Title, bold)
	for _, kv := range [][2]string{{"subtitle", fig.Subtitle}, {"note", fig.Note}, {"source", fig.Style.Source}, {"credit", fig.Style.Credit}, {"rest", fig.Rest}, {"unit_label", fig.UnitLabel}, {"prefix", fig.Style.Prefix}, {"suffix", fig.Style.Suffix}} {
		check(kv[0], kv[1], regular)
	}
	for i, d := range fig.Data {
		check(fmt.Sprintf("data[%d].label", i), d.Label, regular)
		check(fmt.Sprintf("data[%d].label", i), d.Label, bold)
	}
	for i, s := range fig.Series {
		check(fmt.Sprintf("series[%d]", i), s, bold)
	}
}

// fontCache loads each house font file once per input file.
type fontCache struct {
	dir   string
	faces map[string]*font.Face
}

// resolve returns path relative to the TOML file's folder.
func (c *fontCache) resolve(path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(c.dir, path)
}

func (c *fontCache) load(t *table, key, path string, bold bool) *font.Face {
	if path == "" {
		t.errf(key, "is empty; give the path of a .ttf or .otf file")
		return nil
	}
	full := c.resolve(path)
	if f, ok := c.faces[full]; ok {
		return f
	}

	info, err := os.Stat(full)
	switch {
	case err != nil:
		t.errf(key, "cannot read the font %q: %v", path, errors.Unwrap(err))
		return nil
	case !info.Mode().IsRegular():
		t.errf(key, "%q is not a font file", path)
		return nil
	case info.Size() > 64<<20:
		t.errf(key, "%q is %d MiB; a font of at most 64 MiB is allowed", path, info.Size()>>20)
		return nil
	}
	data, err := os.ReadFile(full)
	if err != nil {
		t.errf(key, "cannot read the font %q: %v", path, err)
		return nil
	}
	f, err := font.Parse(data, bold)
	if err != nil {
		t.errf(key, "%q: %v", path, err)
		return nil
	}
	c.faces[full] = f
	return f
}
