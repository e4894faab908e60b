package charts

// A reader of .xlsx workbooks (Office Open XML spreadsheets), as much of
// one as a chart's table needs: the sheets' names, their cells' stored
// values (numbers, shared and inline strings, booleans, errors, formulas'
// saved values), which cells are formatted as dates or percentages, the
// 1904 date system, and merged cells. A library (excelize) does this and
// far more, but its package initialisation alone took 6 ms and 21,000
// allocations on every run of presschart, workbook or not: a quarter of
// the time to draw three charts from a cold start.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"time"
)

// workbook is an opened .xlsx file.
type workbook struct {
	files    map[string]*zip.File
	budget   int64       // bytes still to be unpacked
	sheets   []sheetPart // in the workbook's order
	strings  []string    // the shared strings
	styles   []cellKind  // by the cells' style index
	date1904 bool
}

type sheetPart struct{ name, path string }

// cellKind is what a cell's number format makes of its number.
type cellKind uint8

const (
	plainCell   cellKind = iota
	dateCell             // a serial day number shown as a date
	percentCell          // a fraction shown as a percentage
)

// errTooBig is a workbook that unpacks to more than maxUnzipped.
var errTooBig = errors.New("too big")

// openWorkbook opens a workbook's package and reads its sheet list,
// shared strings and styles.
func openWorkbook(data []byte) (*workbook, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	w := &workbook{files: map[string]*zip.File{}, budget: maxUnzipped}
	for _, f := range zr.File {
		w.files[strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")] = f
	}
	// The workbook part, named by the package's relationships.
	main := "xl/workbook.xml"
	if rels, err := w.rels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				main = r.target
			}
		}
	}
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := w.unmarshal(main, &wb); err != nil {
		return nil, err
	}
	w.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	rels, err := w.rels(path.Join(path.Dir(main), "_rels", path.Base(main)+".rels"), path.Dir(main))
	if err != nil {
		return nil, err
	}
	targets := map[string]string{}
	var sharedStrings, styles string
	for _, r := range rels {
		targets[r.id] = r.target
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			sharedStrings = r.target
		case strings.HasSuffix(r.typ, "/styles"):
			styles = r.target
		}
	}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.ID]; ok {
			w.sheets = append(w.sheets, sheetPart{s.Name, t})
		}
	}
	if sharedStrings != "" {
		if err := w.readStrings(sharedStrings); err != nil {
			return nil, err
		}
	}
	if styles != "" {
		if err := w.readStyles(styles); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// part returns a part's bytes, counting them against the budget.
func (w *workbook) part(name string) ([]byte, error) {
	f, ok := w.files[name]
	if !ok {
		return nil, fmt.Errorf("it has no part %s", clip(name))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, w.budget+1))
	if err != nil {
		return nil, err
	}
	if w.budget -= int64(len(b)); w.budget < 0 {
		return nil, errTooBig
	}
	return b, nil
}

func (w *workbook) unmarshal(name string, v any) error {
	b, err := w.part(name)
	if err != nil {
		return err
	}
	if err := xml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return nil
}

type rel struct{ id, typ, target string }

// rels reads a relationships part; targets are made paths in the package,
// relative to dir.
func (w *workbook) rels(name, dir string) ([]rel, error) {
	var rs struct {
		R []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := w.unmarshal(name, &rs); err != nil {
		return nil, err
	}
	var out []rel
	for _, r := range rs.R {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		out = append(out, rel{r.ID, r.Type, t})
	}
	return out, nil
}

// readStrings reads the shared strings: each item's text, its runs joined.
func (w *workbook) readStrings(name string) error {
	b, err := w.part(name)
	if err != nil {
		return err
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	var cur strings.Builder
	in, inText := false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				in = true
				cur.Reset()
			case "t":
				inText = in
			case "rPh": // phonetic guides are not the text
				d.Skip()
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				w.strings = append(w.strings, cur.String())
				in = false
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
}

// builtinDates are the built-in number formats that show a date or time.
func builtinKind(id int) cellKind {
	switch {
	case id == 9 || id == 10:
		return percentCell
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58, id >= 71 && id <= 81:
		return dateCell
	}
	return plainCell
}

// formatKind reads a custom number format's code: a date when it writes
// years, months, days or hours outside quotes and brackets, a
// percentage when it writes a %.
func formatKind(code string) cellKind {
	section, _, _ := strings.Cut(code, ";")
	var kept strings.Builder
	for i := 0; i < len(section); i++ {
		switch c := section[i]; c {
		case '"':
			if j := strings.IndexByte(section[i+1:], '"'); j >= 0 {
				i += j + 1
				continue
			}
			i = len(section)
		case '[':
			if j := strings.IndexByte(section[i:], ']'); j >= 0 {
				inner := strings.ToLower(section[i+1 : i+j])
				if inner == "h" || inner == "hh" || inner == "m" || inner == "mm" || inner == "s" || inner == "ss" {
					kept.WriteByte('h') // elapsed time
				}
				i += j
				continue
			}
		case '\\', '_', '*':
			i++ // the next character is literal, or padding
		default:
			kept.WriteByte(c)
		}
	}
	s := strings.ToLower(kept.String())
	switch {
	case strings.Contains(s, "%"):
		return percentCell
	case strings.ContainsAny(s, "ymdh") && !strings.Contains(s, "general"):
		return dateCell
	}
	return plainCell
}

// readStyles reads which cell styles show numbers as dates or percentages.
func (w *workbook) readStyles(name string) error {
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := w.unmarshal(name, &st); err != nil {
		return err
	}
	custom := map[int]cellKind{}
	for _, f := range st.NumFmts {
		custom[f.ID] = formatKind(f.Code)
	}
	for _, x := range st.Xfs {
		k, ok := custom[x.NumFmt]
		if !ok {
			k = builtinKind(x.NumFmt)
		}
		w.styles = append(w.styles, k)
	}
	return nil
}

// sheetCell is one cell's stored value, read for a chart.
type sheetCell struct {
	col  int
	text string   // a string, a boolean, an error; or a number as stored
	kind cellKind // how a number is formatted
	num  bool     // the cell holds a number
	lost bool     // a formula whose value was never saved
}

type sheetRow struct {
	n     int
	cells []sheetCell
}

// cellRange is a rectangle of cells, 1-based and inclusive.
type cellRange struct{ c0, r0, c1, r1 int }

// readSheet streams a sheet's rows within rng, at most maxRows of them
// with cells, and its merged ranges.
func (w *workbook) readSheet(part string, rng cellRange, maxRows int) ([]sheetRow, []cellRange, error) {
	b, err := w.part(part)
	if err != nil {
		return nil, nil, err
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	var rows []sheetRow
	var merges []cellRange
	var row *sheetRow
	var cell *sheetCell
	var typ string
	var style, nextRow, nextCol int
	var value strings.Builder
	inValue, hasValue, hasFormula := false, false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return rows, merges, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", part, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				nextRow++
				if r, err := strconv.Atoi(attr(t, "r")); err == nil && r > 0 {
					nextRow = r
				}
				nextCol = 0
				if nextRow > rng.r1 || len(rows) >= maxRows {
					// Past the range, or the rows the chart can take:
					// merged cells follow the rows, so skip to them.
					if err := d.Skip(); err != nil {
						return nil, nil, fmt.Errorf("%s: %v", part, err)
					}
					continue
				}
				row = &sheetRow{n: nextRow}
			case "c":
				nextCol++
				if ref := attr(t, "r"); ref != "" {
					if c, _, ok := cellName(ref); ok {
						nextCol = c
					}
				}
				typ = attr(t, "t")
				style, _ = strconv.Atoi(attr(t, "s"))
				cell = &sheetCell{col: nextCol}
				value.Reset()
				hasValue, hasFormula = false, false
			case "v", "t":
				inValue, hasValue = cell != nil, hasValue || cell != nil
			case "f":
				hasFormula = true
			case "rPh":
				d.Skip()
			case "mergeCell":
				a, z, ok := strings.Cut(attr(t, "ref"), ":")
				c0, r0, ok0 := cellName(a)
				c1, r1, ok1 := cellName(z)
				if ok && ok0 && ok1 {
					merges = append(merges, cellRange{c0, r0, c1, r1})
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v", "t":
				inValue = false
			case "c":
				if cell != nil && row != nil && cell.col >= rng.c0 && cell.col <= rng.c1 && row.n >= rng.r0 {
					w.settleCell(cell, typ, style, value.String(), hasValue, hasFormula)
					row.cells = append(row.cells, *cell)
				}
				cell = nil
			case "row":
				if row != nil && len(row.cells) > 0 {
					rows = append(rows, *row)
				}
				row = nil
			}
		case xml.CharData:
			if inValue {
				value.Write(t)
			}
		}
	}
}

// settleCell makes a cell's stored value its text.
func (w *workbook) settleCell(c *sheetCell, typ string, style int, v string, hasValue, hasFormula bool) {
	switch typ {
	case "s":
		if i, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && i >= 0 && i < len(w.strings) {
			c.text = w.strings[i]
		}
	case "str", "inlineStr", "e", "d":
		c.text = v
	case "b":
		c.text = map[string]string{"1": "TRUE", "0": "FALSE"}[strings.TrimSpace(v)]
	default:
		c.text = strings.TrimSpace(v)
		if _, err := strconv.ParseFloat(c.text, 64); err == nil {
			c.num = true
			if style >= 0 && style < len(w.styles) {
				c.kind = w.styles[style]
			}
		}
	}
	c.lost = hasFormula && !hasValue
	c.text = strings.ReplaceAll(c.text, "\x00", "")
}

// attr returns a start element's attribute by local name.
func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// cellName reads a cell's name, "B3", as its column and row (1-based).
func cellName(s string) (col, row int, ok bool) {
	s = strings.ToUpper(strings.TrimSpace(strings.ReplaceAll(s, "$", "")))
	i := 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
		col = col*26 + int(s[i]-'A'+1)
		i++
		if col > 16384 {
			return 0, 0, false
		}
	}
	if i == 0 || i == len(s) {
		return 0, 0, false
	}
	row, err := strconv.Atoi(s[i:])
	if err != nil || row < 1 || row > 1048576 || col < 1 {
		return 0, 0, false
	}
	return col, row, true
}

// columnName writes a column's letters: 1 is A, 27 AA.
func columnName(col int) string {
	var b []byte
	for ; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}

// serialDate is the date a serial day number stands for, in the
// workbook's date system (1900, with its phantom 29 February, or 1904).
func (w *workbook) serialDate(n float64) (time.Time, bool) {
	if math.IsNaN(n) || n < 1 || n > 2958465 {
		return time.Time{}, false
	}
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	switch {
	case w.date1904:
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case n < 61:
		epoch = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
		if n >= 60 {
			return time.Time{}, false // 29 February 1900, which was not
		}
	}
	days := math.Floor(n)
	secs := math.Round((n - days) * 86400)
	return epoch.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second), true
}
