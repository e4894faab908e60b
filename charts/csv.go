package charts

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"weak"
)

// maxCSVErrors is how many problems one CSV file reports before the rest
// are counted: a file that is not the CSV the figure expects says so in a
// few lines, not in one line per row.
const maxCSVErrors = 10

// csvSource is where a figure's rows come from when data names a CSV
// file. The rows are read when the figure is checked and again when it is
// rendered, so that a large batch holds only the figures in flight; the
// checksum makes sure both reads see the same bytes.
type csvSource struct {
	name       string         // as written in the TOML file
	cols       map[string]any // the columns table, or nil
	dir, root  string         // as the errs that read it had them
	delim      rune           // delimiter = "…", or 0 to find it in the file
	dataLocale string         // data_locale = "…": how its numbers are written; "" to tell from its cells
	sheet      sheetRef       // sheet = "…" and range = "…" of a workbook
	sum        [32]byte
	key        csvKey
}

// csvKey identifies rows read from one file's contents for one way of
// reading them: the figure's type and its columns.
type csvKey struct {
	path string
	sum  [32]byte
	how  string
}

func (fig *Figure) csvKey(nf *namedFile) csvKey {
	how := fig.kind.name
	for _, k := range slices.Sorted(maps.Keys(fig.csv.cols)) {
		how += fmt.Sprintf("\x00%s=%#v", k, fig.csv.cols[k]) // quoted: ["A", "B"] is not ["A B"]
	}
	// What reading a cell and the row limit depend on, too.
	how += fmt.Sprintf("\x00delimiter=%q\x00data_locale=%s\x00prefix=%q\x00suffix=%q\x00rows=%d\x00series=%q\x00sheet=%q\x00range=%q\x00x_type=%s\x00facet=%q",
		fig.csv.delim, fig.csv.dataLocale, fig.Style.Prefix, fig.Style.Suffix, fig.rowLimit(), fig.Series, fig.csv.sheet.sheet, fig.csv.sheet.cells, fig.xType, fig.Facet)
	return csvKey{path: nf.key, sum: nf.sum, how: how}
}

// csvCache shares the rows of CSV files between the figures that read
// them alike, while any figure holds them: a thousand figures of one
// 10,000-row file hold it once. Its entries are weak, so rows that no
// figure in flight holds are freed.
var csvCache = weakCache{m: map[csvKey]weak.Pointer[csvRows]{}}

// csvRows are the rows of one CSV file; a figure that uses them holds a
// pointer to them (Figure.rows) besides its Data, which keeps them in
// the cache.
type csvRows struct {
	data   []Datum
	series []string // the series the file's columns named, for types with series
	// How the rows write x (line, area), as reading them found.
	xUnit   dateUnit
	unitSet bool
	xSeen   xKinds
}

// use makes the figure's rows d's.
func (fig *Figure) use(d *csvRows) {
	fig.Data, fig.rows = d.data, d
	if d.series != nil {
		fig.Series = d.series
	}
	fig.xUnit, fig.unitSet, fig.xSeen = d.xUnit, d.unitSet, d.xSeen
}

type weakCache struct {
	mu sync.Mutex
	m  map[csvKey]weak.Pointer[csvRows]
}

func (c *weakCache) get(k csvKey) *csvRows {
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.m[k]; ok {
		if d := p.Value(); d != nil {
			return d
		}
		delete(c.m, k)
	}
	return nil
}

func (c *weakCache) put(k csvKey, d *csvRows) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = weak.Make(d)
}

// readCSV reads data = "file.csv": a header row, then one row per datum.
// cols maps the figure's fields (label, value, low, high) to header
// names; a field without a mapping takes the column of its own name. It
// returns the rows as decoded TOML tables would be, with their line
// numbers, so the rows are checked like inline ones. Errors quote at most
// a short excerpt of a cell, and never more than maxCSVErrors of them.
//
// When the same file, read the same way, is already in memory for another
// figure, its rows are shared: fig.Data is set and cached is true.
func (fig *Figure) readCSV(t *table, name string, cols map[string]any, delim rune, dataLocale string, ref sheetRef) (rows []any, lines []int, cached, ok bool) {
	nf := t.e.readNamed("data", name, dataExtensions, maxFileBytes, "a CSV file or an .xlsx workbook")
	if nf == nil {
		return nil, nil, false, false
	}
	fig.inputs = append(fig.inputs, nf.key)
	fig.csv = &csvSource{name: name, cols: cols, dir: t.e.dir, root: t.e.root, delim: delim, dataLocale: dataLocale, sheet: ref, sum: nf.sum}
	fig.csv.key = fig.csvKey(nf)
	if d := csvCache.get(fig.csv.key); d != nil {
		fig.use(d)
		t.e.hold = d
		return nil, nil, true, true
	}
	var r records
	var header []string
	if isSheet(name) {
		if dataLocale == "" {
			dataLocale = "en" // numbers come as stored: 1234.5
		}
		r, header, ok = openSheet(t, name, ref, dataLocale, fig.rowLimit()*maxSeries, nf.data)
	} else {
		data := nf.data
		data, delim = excelExport(data, delim)
		if delim == 0 {
			delim = sniffDelimiter(data, name)
		}
		r, header, ok = openCSV(t, name, delim, data)
	}
	if !ok {
		return nil, nil, false, false
	}
	if h, a, b := duplicateColumn(header); h != "" && !fig.kind.xy && !fig.kind.multi {
		t.errf("data", "%s's header names columns %d and %d %q; give each column a name of its own", name, a, b, clip(h))
		return nil, nil, false, false
	}
	if fig.kind.xy || fig.kind.multi {
		rows, lines, ok = fig.parseSeriesCSV(t, name, cols, dataLocale, r, header)
	} else {
		rows, lines, ok = fig.parseCSV(t, name, cols, delim, dataLocale, r, header)
	}
	return rows, lines, false, ok
}

// csvExtensions are the endings a data file may have: comma- (or
// otherwise) separated, tab-separated, or plain text as spreadsheets
// export it.
var csvExtensions = []string{".csv", ".tsv", ".txt"}

// dataExtensions are those, and a workbook's (xlsx.go).
var dataExtensions = append(slices.Clone(csvExtensions), ".xlsx")

// delimiters are the field separators a CSV file may use, in the order a
// tie between them is settled: a semicolon first, since a file that
// splits as many ways by commas as by semicolons is a European export
// whose commas are decimal commas (Bayern;1,5).
var delimiters = []rune{';', ',', '\t', '|'}

// readDelimiter reads delimiter = "," | ";" | "\t" | "|" ("tab" will do
// for "\t"): the separator of the CSV file's fields, when it is not to be
// found in the file.
func readDelimiter(t *table) (rune, bool) {
	v, set := t.get("delimiter")
	if !set {
		return 0, false
	}
	// Read as it is: a tab is a control character, which text keys refuse.
	s, isString := v.(string)
	if !isString {
		t.errf("delimiter", "must be a string such as \";\", not %s", typeName(v))
		return 0, true
	}
	if s == "tab" {
		s = "\t"
	}
	for _, d := range delimiters {
		if s == string(d) {
			return d, true
		}
	}
	t.errf("delimiter", "%q is not a delimiter; use \",\", \";\", \"\\t\" (or \"tab\") or \"|\"", clip(s))
	return 0, true
}

// delimiterName is how delimiter = "…" writes d.
func delimiterName(d rune) string {
	if d == '\t' {
		return "tab"
	}
	return string(d)
}

// readDataLocale reads data_locale = "de": the locale whose separators
// the CSV file's numbers are written with.
func readDataLocale(t *table) (string, bool) {
	var s string
	if _, set := t.m["data_locale"]; !set {
		t.known = append(t.known, "data_locale")
		return "", false
	}
	if !t.str("data_locale", &s) {
		return "", true
	}
	if _, ok := locales[s]; !ok {
		msg := fmt.Sprintf("unknown locale %q; use one of %s", clip(s), strings.Join(sortedKeys(locales), ", "))
		t.errf("data_locale", "%s", msg)
		return "", true
	}
	return s, true
}

// sniffDelimiter finds the field separator of a CSV file from its first
// two lines, outside quotes: of comma, semicolon, tab and bar, the one
// that splits the header into the most fields and the next line into as
// many (a European export writes 1,5;2,5, whose commas are decimal
// commas). A .tsv file is tab-separated. Without a separator that agrees,
// the one the header has most of; without any, a comma.
func sniffDelimiter(data []byte, name string) rune {
	if strings.EqualFold(filepath.Ext(name), ".tsv") {
		return '\t'
	}
	data = data[:min(len(data), 64<<10)]
	counts := [2]map[rune]int{{}, {}}
	line, quoted, second := 0, false, false
	for _, c := range string(data) {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			line++
		case slices.Contains(delimiters, c):
			counts[line][c]++
		}
		if line == 2 {
			break
		}
		second = second || line == 1 && c != '\n' && c != '\r' && c != ' '
	}
	best, most := ',', 0 // without a separator: one column, as a comma file reads it
	for _, d := range delimiters {
		if n := counts[0][d]; n > most && (!second || counts[1][d] == n) {
			best, most = d, n
		}
	}
	if most == 0 {
		for _, d := range delimiters {
			if n := counts[0][d]; n > most {
				best, most = d, n
			}
		}
	}
	return best
}

// openCSV starts reading a CSV file's contents with the delimiter delim:
// past a byte-order mark (which must not reach the reader before a quoted
// header), its header row read and trimmed.
func openCSV(t *table, name string, delim rune, data []byte) (records, []string, bool) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.Count(data[:min(len(data), 4096)], []byte{0}) > 8 {
		t.errf("data", "%s is UTF-16 text (a spreadsheet's \"Unicode text\"); save it as CSV in UTF-8", name)
		return nil, nil, false
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delim
	r.FieldsPerRecord = -1 // a short row is reported by us, with its line
	header, err := r.Read()
	if err == io.EOF {
		t.errf("data", "%s is empty; it needs a header row and at least one row of data", name)
		return nil, nil, false
	}
	if err != nil {
		t.errf("data", "%s", csvError(name, err))
		return nil, nil, false
	}
	header = slices.Clone(header)
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	r.ReuseRecord = true // the readers clone what they keep
	return r, header, true
}

// excelExport undoes what spreadsheets' CSV exports add: a first line
// "sep=;" naming the delimiter (taken, when delimiter is not set, and
// left as a blank line, so that line numbers stay the file's), and line
// ends of a lone CR (old Macs), made LF.
func excelExport(data []byte, delim rune) ([]byte, rune) {
	body := bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(body) >= 5 && bytes.EqualFold(body[:4], []byte("sep=")) {
		end := bytes.IndexByte(body, '\n')
		if end < 0 {
			end = len(body)
		}
		line := strings.TrimRight(string(body[4:end]), "\r")
		if utf8.RuneCountInString(line) == 1 {
			if d := []rune(line)[0]; slices.Contains(delimiters, d) {
				if delim == 0 {
					delim = d
				}
				rest := slices.Clone(body[end:])
				data = rest
			}
		}
	}
	if bytes.IndexByte(data, '\r') >= 0 && bytes.IndexByte(data, '\n') < 0 {
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return data, delim
}

// fieldCount says that a row has other than the header's number of
// fields, with the likeliest reason.
func fieldCount(name string, line int, rec, header []string, delim rune) string {
	fields := func(n int) string {
		if n == 1 {
			return "1 field"
		}
		return fmt.Sprintf("%d fields", n)
	}
	hint := ""
	if len(rec) > len(header) {
		hint = " (a value in a column the header does not name?)"
		for _, f := range rec[1:] {
			if delim == ',' && len(f) == 3 && strings.Trim(f, "0123456789") == "" {
				hint = " (a number with a thousands separator must be quoted, or written without one)"
			}
		}
	}
	return fmt.Sprintf("%s: the row has %s, the header %d%s", at(name, line, 0), fields(len(rec)), len(header), hint)
}

// duplicateColumn is a name the header gives two columns, or "".
func duplicateColumn(header []string) (string, int, int) {
	for i, h := range header {
		if h == "" {
			continue
		}
		if j := slices.Index(header[i+1:], h); j >= 0 {
			return h, i + 1, i + j + 2
		}
	}
	return "", 0, 0
}

// csvProblems lists a CSV file's problems, the first maxCSVErrors of
// them, and counts the rest.
type csvProblems struct {
	t       *table
	name    string
	n       int
	counted bool
}

func (p *csvProblems) add(format string, a ...any) {
	if p.n++; p.n <= maxCSVErrors {
		p.t.errf("data", format, a...)
	}
}

// found says whether there were problems, adding (once) how many were
// not listed.
func (p *csvProblems) found() bool {
	if p.n > maxCSVErrors && !p.counted {
		p.t.errf("data", "%s: %d more problems not listed", p.name, p.n-maxCSVErrors)
		p.counted = true
	}
	return p.n > 0
}

// parseCSV reads the rows of a CSV file's contents.
func (fig *Figure) parseCSV(t *table, name string, cols map[string]any, delim rune, dataLocale string, r records, header []string) (rows []any, lines []int, ok bool) {

	// Which column holds each field.
	lk := cmp.Or(fig.kind.labelKey, "label") // a map's rows are named by region
	fields := append([]string{lk}, fig.kind.fields...)
	if fig.Facet != "" {
		fields = append(fields, fig.Facet) // each row's panel (facets.go)
	}
	text := func(f string) bool { return f == lk || f == "compare" || f == fig.Facet || f == "region" }
	index := map[string]int{}
	ct := newTable(cols, "columns.", t.e)
	for _, f := range fields {
		col := f
		ct.known = append(ct.known, f)
		if _, mapped := cols[f]; mapped {
			if !ct.str(f, &col) {
				continue
			}
		}
		j := findColumn(header, col)
		if j < 0 && f == "label" && fig.kind.ownLabels {
			continue // a map's place may be named by its region alone
		}
		if j < 0 {
			key := "columns." + f
			if _, mapped := cols[f]; !mapped {
				key = "data"
			}
			t.e.add(key, "%s has no column %q; %s", name, clip(col), describeHeader(header))
			continue
		}
		index[f] = j
	}
	// A number card's earlier value and what it was, where the file has
	// them (or columns names them): optional columns.
	optional := func(f string) {
		col := f
		ct.known = append(ct.known, f)
		_, mapped := cols[f]
		if mapped && !ct.str(f, &col) {
			return
		}
		if j := findColumn(header, col); j >= 0 {
			fields, index[f] = append(fields, f), j
		} else if mapped {
			t.e.add("columns."+f, "%s has no column %q; %s", name, clip(col), describeHeader(header))
		}
	}
	if fig.kind.compare {
		optional("previous")
		optional("compare")
	}
	// A map's places: a region's column, or lat and lon, where the file
	// has them.
	for _, f := range fig.kind.csvColumns {
		optional(f)
	}
	if _, ok := index["label"]; !ok && fig.kind.ownLabels {
		fields = slices.DeleteFunc(fields, func(f string) bool { return f == "label" })
	}
	if cols != nil {
		ct.unknown()
	}
	if len(index) < len(fields) {
		return nil, nil, false
	}

	probs := &csvProblems{t: t, name: name}
	problem := probs.add
	// The records first, then each numeric column's way of writing
	// numbers (its decimal separator, from data_locale or its own
	// cells), then the rows.
	type record struct {
		cells []string // the fields' cells, in the order of fields
		cols  []int    // their columns, for messages
		line  int
	}
	var recs []record
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			problem("%s", csvError(name, err))
			break // the reader cannot resynchronise after a quoting error
		}
		line, _ := r.FieldPos(0)
		if len(recs) >= fig.rowLimit() {
			problem("%s has more than %d rows; %s", name, fig.rowLimit(), fig.rowLimitSays())
			break
		}
		if len(rec) != len(header) {
			problem("%s", fieldCount(name, line, rec, header, delim))
			continue
		}
		rc := record{line: line}
		for _, f := range fields {
			j := index[f]
			_, col := r.FieldPos(j)
			rc.cells = append(rc.cells, strings.Clone(strings.TrimSpace(rec[j])))
			rc.cols = append(rc.cols, col)
		}
		recs = append(recs, rc)
	}
	// One decimal separator for the file: data_locale's, or what its
	// number columns' cells show together.
	cf := cellFormat{locale: dataLocale, prefix: fig.Style.Prefix, suffix: fig.Style.Suffix, implied: isSheet(name) && fig.csv != nil && fig.csv.dataLocale == ""}
	if l := locales[dataLocale]; l != nil {
		cf.decimal, cf.group = l.decimal[0], l.group
	}
	var all []string
	var where [][2]int // each cell's record and field
	for i, rc := range recs {
		for k, f := range fields {
			if !text(f) {
				all = append(all, rc.cells[k])
				where = append(where, [2]int{i, k})
			}
		}
	}
	if i := cf.settle(all); i >= 0 {
		rc, k := recs[where[i][0]], where[i][1]
		problem("%s: column %q writes decimals both as %q does and as %q does; set data_locale = \"en\" (1,234.5) or \"de\" (1.234,5)", at(name, rc.line, rc.cols[k]), clip(header[index[fields[k]]]), clip(all[i]), clip(firstHinting(cf, all, i)))
		cf.decimal = 0
	}
	formats := make([]cellFormat, len(fields))
	for k := range fields {
		formats[k] = cf
	}
	for _, rc := range recs {
		row := map[string]any{}
		good := true
		for k, f := range fields {
			cell := rc.cells[k]
			if text(f) {
				if (f == "compare" || f == "region" || f == "label" && fig.kind.ownLabels) && cell == "" {
					continue // this card compares with nothing; this place is named otherwise
				}
				row[f] = cell
				continue
			}
			if (f == "previous" || f == "lat" || f == "lon" || f == "value" && fig.kind.optionalValue) && cell == "" {
				continue // no earlier value; a place by region; a region with no data
			}
			j := index[f]
			if cell == "" {
				problem("%s: column %q is empty", at(name, rc.line, rc.cols[k]), clip(header[j]))
				good = false
				continue
			}
			v, msg := formats[k].number(cell)
			if msg != "" {
				problem("%s: column %q: %s", at(name, rc.line, rc.cols[k]), clip(header[j]), msg)
				good = false
				continue
			}
			row[f] = v
		}
		if good {
			rows = append(rows, row)
			lines = append(lines, rc.line)
		}
	}
	if probs.found() {
		return nil, nil, false
	}
	if len(rows) == 0 {
		t.errf("data", "%s has a header but no rows", name)
		return nil, nil, false
	}
	return rows, lines, true
}

// describeHeader lists a CSV file's columns for an error message: at most
// eight, each cut short, and no more than fit in 300 bytes, so that a file
// that is not the expected CSV is not echoed into the message.
func describeHeader(header []string) string {
	const most, budget = 8, 300
	names := make([]string, 0, most)
	size := 0
	for _, h := range header[:min(len(header), most)] {
		q := strconv.Quote(clip(h))
		if size+len(q) > budget && len(names) > 0 {
			break
		}
		names = append(names, q)
		size += len(q) + 2
	}
	s := "its columns are " + strings.Join(names, ", ")
	if len(header) > len(names) {
		s += fmt.Sprintf(" and %d more", len(header)-len(names))
	}
	return s
}

// findColumn returns the index of the header named col: an exact match
// first, then one that differs only in case; -1 when there is none.
func findColumn(header []string, col string) int {
	for i, h := range header {
		if h == col {
			return i
		}
	}
	for i, h := range header {
		if strings.EqualFold(h, col) {
			return i
		}
	}
	return -1
}

func csvError(name string, err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Sprintf("%s: %v", name, err)
}

// firstHinting is the first cell before cells[at] that tells a decimal
// separator other than cells[at]'s.
func firstHinting(c cellFormat, cells []string, at int) string {
	for _, cell := range cells[:at] {
		body, _, _ := c.cellBody(cell)
		if h := decimalHint(body); h != 0 {
			return cell
		}
	}
	return ""
}
