package charts

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// CSV files for the types with series (line, area, grouped and stacked
// bars, dumbbell, slope): a row's x (or label) and one value per series,
// from a wide table (a column per series) or a long one (a column naming
// the series and one holding the value, pivoted):
//
//	columns = { x = "month", series = ["Germany", "France"] }  wide, these columns
//	columns = { x = "month", series = "*" }                    wide, every other column
//	columns = { x = "date", series = "country", value = "rate" } long
//
// Without columns, the rows' column is the one named x (or label), or the
// first, and the series are every other column.

// wholeNumber is a cell that is a plain whole number, read as TOML reads
// one (a year, for x).
var wholeNumber = lazyRegexp(`^[+-]?[0-9]{1,15}$`)

// parseSeriesCSV reads the rows of a CSV file for a type with series, as
// TOML rows { x (or label), values = [...] }, and names fig.Series after
// the file's columns.
func (fig *Figure) parseSeriesCSV(t *table, name string, cols map[string]any, dataLocale string, r records, header []string) (rows []any, lines []int, ok bool) {
	before := t.e.count // the file's earlier figures' problems are theirs

	rowKey := "label"
	if fig.kind.xy {
		rowKey = "x"
	}
	ct := newTable(cols, "columns.", t.e)
	// The rows' column.
	rowCol := -1
	if _, set := cols[rowKey]; set {
		var col string
		if ct.str(rowKey, &col) {
			if rowCol = findColumn(header, col); rowCol < 0 {
				t.e.add("columns."+rowKey, "%s has no column %q; %s", name, clip(col), describeHeader(header))
			}
		}
	} else {
		ct.known = append(ct.known, rowKey)
		if rowCol = findColumn(header, rowKey); rowCol < 0 {
			rowCol = 0
		}
	}
	// Each row's panel, with facet (facets.go): the column facet names,
	// or the one columns maps it to.
	facetCol := -1
	if fig.Facet != "" {
		col := fig.Facet
		if _, set := cols[fig.Facet]; set {
			ct.str(fig.Facet, &col)
		} else {
			ct.known = append(ct.known, fig.Facet)
		}
		if facetCol = findColumn(header, col); facetCol < 0 {
			t.e.add("facet", "%s has no column %q to say each row's panel; %s", name, clip(col), describeHeader(header))
		} else if facetCol == rowCol {
			t.e.add("facet", "%q is the %s column; the panels are named in another", clip(header[facetCol]), rowKey)
		}
	}
	// The series: wide (a list, or "*"), or long (a column's name).
	var seriesCols []int
	longSeries, longValue := -1, -1
	sv, set := ct.get("series")
	star := func() {
		for j := range header {
			if j != rowCol && j != facetCol {
				seriesCols = append(seriesCols, j)
			}
		}
	}
	if !set {
		star()
	} else {
		switch v := sv.(type) {
		case string:
			if v == "*" {
				star()
				break
			}
			if longSeries = findColumn(header, v); longSeries < 0 {
				t.e.add("columns.series", "%s has no column %q; %s", name, clip(v), describeHeader(header))
			}
			vcol := "value"
			if _, named := cols["value"]; named {
				ct.str("value", &vcol)
			} else {
				ct.known = append(ct.known, "value")
			}
			if longValue = findColumn(header, vcol); longValue < 0 {
				t.e.add("columns.value", "%s has no column %q for a long table's values; %s", name, clip(vcol), describeHeader(header))
			}
		case []any:
			for i, x := range v {
				col, isString := x.(string)
				j := findColumn(header, col)
				switch {
				case !isString:
					t.e.add(fmt.Sprintf("columns.series[%d]", i), "must be a column's name, not %s", typeName(x))
				case j < 0:
					t.e.add(fmt.Sprintf("columns.series[%d]", i), "%s has no column %q; %s", name, clip(col), describeHeader(header))
				default:
					seriesCols = append(seriesCols, j)
				}
			}
		default:
			t.e.add("columns.series", "must be a list of columns, \"*\" for every other column, or the column that names each row's series; not %s", typeName(sv))
		}
	}
	if longSeries < 0 {
		ct.known = append(ct.known, "value")
		if _, named := cols["value"]; named {
			t.e.add("columns.value", "goes with a long table, whose series = \"column\" names each row's series; a wide table has a column per series")
		}
	}
	if cols != nil {
		ct.unknown()
	}
	if rowCol >= 0 && t.e.count == before {
		// A column has one part: the rows', a series', or the values'.
		for i, j := range seriesCols {
			if j == rowCol {
				t.e.add(fmt.Sprintf("columns.series[%d]", i), "%q is the %s column; a series is another column", clip(header[j]), rowKey)
			} else if slices.Index(seriesCols, j) != i {
				t.e.add(fmt.Sprintf("columns.series[%d]", i), "%q is named twice", clip(header[j]))
			}
		}
		if facetCol >= 0 && (facetCol == longSeries || facetCol == longValue || slices.Contains(seriesCols, facetCol)) {
			t.e.add("facet", "%q names the panels; it cannot also be a series or the values", clip(header[facetCol]))
		}
		if longSeries >= 0 && (longSeries == rowCol || longValue == rowCol || longValue == longSeries) {
			t.e.add("columns", "a long table's %s, series and value are three different columns; here two are %q", rowKey, clip(header[longValue]))
		}
		if len(seriesCols) > maxSeries {
			t.e.add("data", "%s has %d series columns; %s chart shows at most %d legibly (name some with columns = { series = [...] }, or split it into small multiples)", name, len(seriesCols), aKind(fig.kind.name), maxSeries)
		}
	}
	if rowCol < 0 || t.e.count > before || longSeries < 0 && len(seriesCols) == 0 {
		if t.e.count == before {
			t.e.add("data", "%s has no column for a series besides %q; %s", name, clip(header[rowCol]), describeHeader(header))
		}
		return nil, nil, false
	}

	probs := &csvProblems{t: t, name: name}
	problem := probs.add
	type cell struct {
		text      string
		line, col int
	}
	type row struct {
		key    cell
		facet  string
		values []cell
	}
	facetOf := func(rec []string) string {
		if facetCol < 0 {
			return ""
		}
		return strings.Clone(strings.TrimSpace(rec[facetCol]))
	}
	var out []row
	var names []string
	if longSeries >= 0 {
		// A long table: a row per (x, series), pivoted.
		byKey := map[string]int{}
		seriesAt := map[string]int{}
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				problem("%s", csvError(name, err))
				break
			}
			line, _ := r.FieldPos(0)
			if len(rec) != len(header) {
				problem("%s", fieldCount(name, line, rec, header, 0))
				continue
			}
			k, sname := strings.TrimSpace(rec[rowCol]), strings.TrimSpace(rec[longSeries])
			fc := facetOf(rec)
			si, known := seriesAt[sname]
			if !known {
				if len(names) == maxSeries {
					problem("%s: a %d-th series, %q; %s chart shows at most %d legibly (split it into small multiples)", at(name, line, 0), maxSeries+1, clip(sname), aKind(fig.kind.name), maxSeries)
					break
				}
				si = len(names)
				seriesAt[sname], names = si, append(names, strings.Clone(sname))
			}
			ri, seen := byKey[fc+"\x00"+k]
			if !seen {
				if len(out) >= fig.rowLimit() {
					problem("%s has more than %d rows; %s", name, fig.rowLimit(), fig.rowLimitSays())
					break
				}
				_, kc := r.FieldPos(rowCol)
				ri, byKey[fc+"\x00"+k] = len(out), len(out)
				out = append(out, row{key: cell{strings.Clone(k), line, kc}, facet: fc})
			}
			for len(out[ri].values) <= si {
				out[ri].values = append(out[ri].values, cell{line: -1})
			}
			if out[ri].values[si].line >= 0 {
				problem("%s: %q has a second value for %q (the first on line %d)", at(name, line, 0), clip(k), clip(sname), out[ri].values[si].line)
				continue
			}
			_, vc := r.FieldPos(longValue)
			out[ri].values[si] = cell{strings.Clone(strings.TrimSpace(rec[longValue])), line, vc}
		}
		for i := range out {
			for len(out[i].values) < len(names) {
				out[i].values = append(out[i].values, cell{line: -1})
			}
			for si, c := range out[i].values {
				if c.line < 0 && !fig.kind.gaps { // a line has a gap there
					problem("%s: %q has no value for %q; a long table needs a row for each %s and series", name, clip(out[i].key.text), clip(names[si]), rowKey)
				}
			}
		}
	} else {
		for _, j := range seriesCols {
			names = append(names, header[j])
		}
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				problem("%s", csvError(name, err))
				break
			}
			line, _ := r.FieldPos(0)
			if len(out) >= fig.rowLimit() {
				problem("%s has more than %d rows; %s", name, fig.rowLimit(), fig.rowLimitSays())
				break
			}
			if len(rec) != len(header) {
				problem("%s", fieldCount(name, line, rec, header, 0))
				continue
			}
			_, kc := r.FieldPos(rowCol)
			rw := row{key: cell{strings.Clone(strings.TrimSpace(rec[rowCol])), line, kc}, facet: facetOf(rec)}
			for _, j := range seriesCols {
				_, vc := r.FieldPos(j)
				rw.values = append(rw.values, cell{strings.Clone(strings.TrimSpace(rec[j])), line, vc})
			}
			out = append(out, rw)
		}
	}
	if probs.found() {
		return nil, nil, false
	}
	if len(out) == 0 {
		t.errf("data", "%s has a header but no rows", name)
		return nil, nil, false
	}

	// The series are the file's columns (or a long table's names).
	switch {
	case len(names) > maxSeries:
		t.errf("data", "%s has %d series; %s chart shows at most %d legibly (split it into small multiples)", name, len(names), aKind(fig.kind.name), maxSeries)
		return nil, nil, false
	case longSeries >= 0 && len(fig.Series) == len(names) && !slices.Equal(fig.Series, names) && sameSet(fig.Series, names):
		// A long table's series come in the order they first appear;
		// series = [...] orders them.
		order := make([]int, len(names))
		for i, n := range fig.Series {
			order[i] = slices.Index(names, n)
		}
		for i := range out {
			vs := out[i].values
			out[i].values = make([]cell, len(vs))
			for j, k := range order {
				out[i].values[j] = vs[k]
			}
		}
		names = slices.Clone(fig.Series)
	case len(fig.Series) > 0 && !slices.Equal(fig.Series, names):
		if longSeries >= 0 {
			t.errf("series", "names %s, and %s's %q column names %s; leave series out, or list those names in the order to draw them", quoteList(fig.Series), name, clip(header[longSeries]), quoteList(names))
		} else {
			t.errf("series", "names %s, and %s's columns name %s; leave series out, and the columns name the series", quoteList(fig.Series), name, quoteList(names))
		}
		return nil, nil, false
	}
	for i, n := range names {
		msg := checkText(n)
		switch {
		case strings.TrimSpace(n) == "":
			msg = "has no name; every series needs one"
		case slices.Index(names, n) != i:
			msg = "is the name of another series too; names must differ"
		}
		if msg != "" {
			t.errf("data", "%s: the series %q %s", name, clip(n), msg)
			return nil, nil, false
		}
	}
	fig.Series = names
	for _, n := range names { // drawn in the key: checkGlyphs reads them
		t.e.texts = append(t.e.texts, keyText{fmt.Sprintf("data (%s's series %q)", name, clip(n)), n})
	}

	cf := cellFormat{locale: dataLocale, prefix: fig.Style.Prefix, suffix: fig.Style.Suffix, implied: isSheet(name) && fig.csv != nil && fig.csv.dataLocale == ""}
	if l := locales[dataLocale]; l != nil {
		cf.decimal, cf.group = l.decimal[0], l.group
	}
	// The values, and the x cells, settle one decimal separator.
	var all []string
	var where []cell
	for _, rw := range out {
		for _, c := range rw.values {
			all, where = append(all, c.text), append(where, c)
		}
		if fig.kind.xy {
			all, where = append(all, rw.key.text), append(where, rw.key)
		}
	}
	if i := cf.settle(all); i >= 0 {
		c := where[i]
		problem("%s: %q writes decimals otherwise than %q above; set data_locale = \"en\" (1,234.5) or \"de\" (1.234,5)", at(name, c.line, c.col), clip(c.text), clip(firstHinting(cf, all, i)))
		cf.decimal = 0
	}
	for _, rw := range out {
		m := map[string]any{}
		if fig.kind.xy {
			x, msg := csvX(rw.key.text, cf)
			if msg != "" {
				problem("%s: column %q: %s", at(name, rw.key.line, rw.key.col), clip(header[rowCol]), msg)
				continue
			}
			if text, isText := x.(string); isText {
				if d, ok := monthCell(text, fig.Style.Locale, dataLocale); ok {
					x = d
				}
			}
			m["x"] = x
		} else {
			m["label"] = rw.key.text
		}
		if facetCol >= 0 {
			m[fig.Facet] = rw.facet
		}
		var values []any
		good := true
		for si, c := range rw.values {
			if c.text == "" || missing(c.text) {
				if fig.kind.gaps { // a line breaks here
					values = append(values, "")
					continue
				}
				what := "is empty"
				if c.text != "" {
					what = fmt.Sprintf("is %q, a missing value", clip(c.text))
				}
				problem("%s: the value for %q %s, and %s chart cannot leave a gap; give every row a value per series, or leave the row out", at(name, c.line, c.col), clip(names[si]), what, aKind(fig.kind.name))
				good = false
				continue
			}
			v, msg := cf.number(c.text)
			if msg != "" {
				problem("%s: column %q: %s", at(name, c.line, c.col), clip(names[si]), msg)
				good = false
				continue
			}
			values = append(values, v)
		}
		if good {
			m["values"] = values
			rows = append(rows, m)
			lines = append(lines, rw.key.line)
		}
	}
	if probs.found() {
		return nil, nil, false
	}
	if longSeries >= 0 && fig.kind.xy {
		sortByX(rows, lines)
	}
	return rows, lines, true
}

// sameSet says that a and b hold the same names (each once).
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b) && len(slices.Compact(a)) == len(b)
}

// sortByX puts a long table's rows in the order of their x: a tidy export
// lists one series after another, and the x a later series adds come
// after the first's. Rows whose x do not read as dates or numbers keep
// their order, for the row checks to report.
func sortByX(rows []any, lines []int) {
	xv := make([]float64, len(rows))
	var kinds xKinds
	for i, r := range rows {
		switch x := r.(map[string]any)["x"].(type) {
		case int64: // a year or a number: either sorts as one
			xv[i], kinds = float64(x), kinds|xNumber
		case float64:
			xv[i], kinds = x, kinds|xNumber
		default:
			_, v, _, msg := parseX(x)
			if msg != "" {
				return
			}
			xv[i], kinds = v, kinds|xDate
		}
	}
	if kinds == xNumber|xDate {
		return // a mix, which the rows' check reports
	}
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(xv[a], xv[b]) })
	r2, l2 := slices.Clone(rows), slices.Clone(lines)
	for i, j := range idx {
		rows[i], lines[i] = r2[j], l2[j]
	}
}

// csvX is a CSV cell as a row's x: a whole number written as digits alone
// as TOML reads one (so that 2023 is a year), any other number as a
// number (1,000 or 1.000 with a thousands separator is no year), else the
// text (a date). msg says why a cell that could be a number two ways is
// neither.
func csvX(s string, cf cellFormat) (x any, msg string) {
	if wholeNumber().MatchString(s) {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n, ""
		}
	}
	v, msg := cf.number(s)
	if msg == "" && !strings.Contains(s, "%") {
		return v, ""
	}
	if strings.Contains(msg, "could be") {
		return s, msg
	}
	return s, ""
}

// quoteList writes names for a message: "a", "b" and "c".
func quoteList(names []string) string {
	q := make([]string, 0, 6)
	for _, n := range names[:min(len(names), 6)] {
		q = append(q, strconv.Quote(clip(n)))
	}
	s := strings.Join(q, ", ")
	if len(names) > 6 {
		s += fmt.Sprintf(" and %d more", len(names)-6)
	}
	return s
}

// Months as spreadsheets write them in cells: Jan 2025, January 2025,
// 01/2025, 2025/01, 2025年1月, 2025년 1월, and the data locale's (else the
// figure's) month names (März 2025, janv. 2025, ינו׳ 2025, जनवरी 2025).
var (
	monthSlashYear = lazyRegexp(`^(0?[1-9]|1[0-2])/(\d{4})$`)
	yearSlashMonth = lazyRegexp(`^(\d{4})/(0?[1-9]|1[0-2])$`)
	nameYear       = lazyRegexp(`^([\pL\pM\x{05F3}\x{200C}]+\.?)[ -](\d{4})$`)
	yearNianMonth  = lazyRegexp(`^(\d{4})\s*[年년]\s*(0?[1-9]|1[0-2])\s*[月월]$`)
	englishMonths  = [12]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
)

// monthCell reads a cell that names a month as "2025-01", the form x
// takes; false when it names none.
func monthCell(s, figLocale, dataLocale string) (string, bool) {
	s = strings.TrimSpace(s)
	if m := monthSlashYear().FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		return fmt.Sprintf("%s-%02d", m[2], n), true
	}
	if m := yearSlashMonth().FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[2])
		return fmt.Sprintf("%s-%02d", m[1], n), true
	}
	if m := yearNianMonth().FindStringSubmatch(s); m != nil { // 2025年1月, 2025년 1월
		n, _ := strconv.Atoi(m[2])
		return fmt.Sprintf("%s-%02d", m[1], n), true
	}
	m := nameYear().FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	word := strings.ToLower(strings.TrimSuffix(m[1], "."))
	loc := locales[dataLocale]
	if loc == nil {
		loc = locales[figLocale]
	}
	for i := range 12 {
		names := []string{englishMonths[i], englishMonths[i][:3]}
		if loc != nil {
			names = append(names, strings.ToLower(strings.TrimSuffix(loc.months[i], ".")))
		}
		if slices.Contains(names, word) || len(word) >= 3 && strings.HasPrefix(englishMonths[i], word) {
			return fmt.Sprintf("%s-%02d", m[2], i+1), true
		}
	}
	return "", false
}
