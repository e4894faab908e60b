package charts

// presschart import: a starter [[figure]] for a table, so that a desk
// starts from its data rather than from a blank file. The figure names
// the file's columns as the readers will read them, and is checked by
// decoding it before it is printed.

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// ImportOptions choose what Import writes.
type ImportOptions struct {
	Type  string // the chart type; "" to choose one from the table
	Sheet string // a workbook's sheet; "" for the first
	Range string // a workbook's range; "" for the whole sheet
	ID    string // the figure's id; "" for one from the file's name
}

// column is what Import learnt of one column of the table.
type column struct {
	name    string
	numbers bool // every cell is a number or a missing value
	dates   bool // every cell is a date (an x a line chart takes)
	missing bool // some cells are missing values
}

// Import reads the table at path (a CSV file or a workbook, named as the
// TOML file will name it, relative to the current folder) and returns a
// starter [[figure]] for it. The figure is decoded before it is
// returned; an error says why it would not be (a type that does not
// suit the table, a cell that cannot be read).
func Import(path string, o ImportOptions) (string, error) {
	e := &errs{file: path, dir: "."}
	ext := strings.ToLower(filepath.Ext(path))
	if o.Range != "" {
		if _, _, _, _, ok := parseRange(o.Range); !ok {
			return "", fmt.Errorf("--range: %q is not a range of cells; write it as \"A1:D20\"", o.Range)
		}
	}
	if !slices.Contains(dataExtensions, ext) {
		return "", fmt.Errorf("%s: a table must be a CSV file (.csv, .tsv, .txt) or an .xlsx workbook", path)
	}
	if filepath.IsAbs(path) || strings.HasPrefix(filepath.Clean(path), "..") {
		return "", fmt.Errorf("%s: give the table's path relative to the folder the TOML file will be in (a TOML file names only files in its folder or below)", path)
	}
	nf := e.readNamed("data", path, dataExtensions, maxFileBytes, "a CSV file or an .xlsx workbook")
	if nf == nil {
		return "", e.err()
	}
	t := newTable(map[string]any{}, "", e)
	var r records
	var header []string
	var ok bool
	delim := rune(0)
	if isSheet(path) {
		r, header, ok = openSheet(t, path, sheetRef{o.Sheet, o.Range}, "en", maxPoints*maxSeries, nf.data)
	} else {
		var data []byte
		data, delim = excelExport(nf.data, 0)
		if delim == 0 {
			delim = sniffDelimiter(data, path)
		}
		r, header, ok = openCSV(t, path, delim, data)
	}
	if !ok {
		return "", e.err()
	}
	cols := make([]column, len(header))
	var cells [][]string
	for i := range header {
		cols[i] = column{name: header[i], numbers: true, dates: true}
		cells = append(cells, nil)
	}
	rows := 0
	for rows < maxPoints {
		rec, err := r.Read()
		if err != nil {
			break
		}
		rows++
		for i := range cols {
			if i < len(rec) {
				cells[i] = append(cells[i], strings.TrimSpace(rec[i]))
			}
		}
	}
	if rows == 0 {
		return "", fmt.Errorf("%s has a header but no rows", path)
	}
	// Numbers as the readers will take them: one decimal separator for
	// the file, told by its cells.
	cf := cellFormat{}
	if isSheet(path) {
		cf.locale, cf.decimal, cf.group = "en", '.', ","
	}
	var all []string
	for _, cs := range cells {
		all = append(all, cs...)
	}
	ambiguous := cf.settle(all) >= 0
	for i, cs := range cells {
		for _, c := range cs {
			if c == "" || missing(c) {
				cols[i].missing = true
				continue
			}
			if _, msg := cf.number(c); strings.Contains(msg, "could be") {
				ambiguous = true // a number, read one way or the other
			} else if msg != "" {
				cols[i].numbers = false
			}
			x, _ := csvX(c, cf)
			if s, isText := x.(string); isText {
				if d, ok := monthCell(s, "en", ""); ok {
					x = d
				}
			}
			if _, _, u, msg := parseX(x); msg != "" || u == notDate {
				cols[i].dates = false
			}
		}
	}
	kind := o.Type
	if kind == "" {
		kind = chooseKind(cols)
	}
	k, known := kinds[kind]
	if !known {
		return "", fmt.Errorf("unknown chart type %q; use one of %s", kind, strings.Join(kindNames(), ", "))
	}
	id := o.ID
	if id == "" {
		id = idFrom(path)
	}

	var b strings.Builder
	var names []string
	for _, c := range cols {
		names = append(names, fmt.Sprintf("%q", c.name))
	}
	// A blank line first, so that >> data.toml keeps figures apart.
	fmt.Fprintf(&b, "\n# A starter figure for %s: %d rows; columns %s.\n", filepath.ToSlash(path), rows, strings.Join(names, ", "))
	b.WriteString("# Write the title as the finding, and fill in the source; presschart man describes every key.\n")
	b.WriteString("[[figure]]\n")
	fmt.Fprintf(&b, "id = %q\n", id)
	fmt.Fprintf(&b, "type = %q\n", kind)
	for _, k := range []string{"title", "subtitle", "source"} {
		fmt.Fprintf(&b, "%s = %q\n", k, importPlaceholders[k])
	}
	fmt.Fprintf(&b, "data = %q\n", filepath.ToSlash(path))
	if o.Sheet != "" {
		fmt.Fprintf(&b, "sheet = %q\n", o.Sheet)
	}
	if o.Range != "" {
		fmt.Fprintf(&b, "range = %q\n", o.Range)
	}
	if delim == '\t' && ext != ".tsv" {
		b.WriteString("delimiter = \"tab\"\n")
	}
	b.WriteString(mapColumns(k, cols))
	if ambiguous {
		guess, other := "en", "de"
		if delim == ';' { // a European export
			guess, other = other, guess
		}
		b.WriteString("# Numbers such as 1,234 could be read two ways: say how the file writes them\n")
		fmt.Fprintf(&b, "# (\"en\": 1,234.5; \"de\": 1.234,5). A guess; check it, or write %q.\n", other)
		fmt.Fprintf(&b, "data_locale = %q\n", guess)
	}
	out := b.String()
	// The figure must decode as printed.
	if _, err := Decode("starter.toml", []byte(out), "."); err != nil {
		return out, err
	}
	return out, nil
}

// importPlaceholders are the texts import writes for a desk to replace;
// the layout checker reports one left as it is (text-placeholder).
var importPlaceholders = map[string]string{
	"title":    "What the chart shows, as a sentence",
	"subtitle": "What is counted, and in what unit",
	"source":   "Source: …",
}

// chooseKind picks a type for a table: dates on the left and numbers
// beside them make a line chart; a label and one number, bars; a label
// and several numbers, grouped bars.
func chooseKind(cols []column) string {
	numeric := 0
	for _, c := range cols[1:] {
		if c.numbers {
			numeric++
		}
	}
	switch {
	case len(cols) > 1 && cols[0].dates && numeric > 0:
		return "line"
	case numeric <= 1:
		return "bar"
	case numeric == 2:
		return "dumbbell"
	default:
		return "grouped-bar"
	}
}

// mapColumns writes columns = {...} (and series) for kind k: the first
// column for the rows, the numeric columns after it for the values.
func mapColumns(k *kind, cols []column) string {
	var nums []string
	for _, c := range cols[1:] {
		if c.numbers {
			nums = append(nums, c.name)
		}
	}
	q := func(s string) string { return fmt.Sprintf("%q", s) }
	quoted := make([]string, len(nums))
	for i, n := range nums {
		quoted[i] = q(n)
	}
	first := cols[0].name
	var text []string // columns after the first that are neither numbers nor dates
	for _, c := range cols[1:] {
		if !c.numbers {
			text = append(text, c.name)
		}
	}
	switch {
	case k.xy && len(text) == 1 && len(nums) == 1:
		// A long table: date, country, rate.
		return fmt.Sprintf("columns = { x = %s, series = %s, value = %s }\n", q(first), q(text[0]), q(nums[0]))
	case k.xy:
		return fmt.Sprintf("columns = { x = %s, series = [%s] }\n", q(first), strings.Join(quoted, ", "))
	case k.multi:
		return fmt.Sprintf("columns = { label = %s, series = [%s] }\n", q(first), strings.Join(quoted, ", "))
	}
	var parts []string
	parts = append(parts, "label = "+q(first))
	for i, f := range k.fields {
		if i < len(nums) {
			parts = append(parts, f+" = "+q(nums[i]))
		} else {
			parts = append(parts, f+" = \"?\"")
		}
	}
	out := fmt.Sprintf("columns = { %s }\n", strings.Join(parts, ", "))
	if k.series > 0 && len(nums) >= k.series {
		out += fmt.Sprintf("series = [%s]\n", strings.Join(quoted[:k.series], ", "))
	}
	return out
}

var idUnsafe = lazyRegexp(`[^a-z0-9]+`)

// idFrom makes a figure id from a file's name: "Rates 2024.csv" ->
// "rates-2024".
func idFrom(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	id := strings.Trim(idUnsafe().ReplaceAllString(strings.ToLower(base), "-"), "-")
	if id == "" || id[0] < 'a' || id[0] > 'z' {
		id = "figure-" + id
	}
	return strings.TrimSuffix(id, "-")
}
