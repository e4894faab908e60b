package charts

// Spreadsheets: data = "budget.xlsx" reads a sheet of an Excel workbook
// (workbook.go) as the CSV readers read a file. A cell is read as it
// is stored, not as it is displayed: a number to its full precision (a
// sheet that shows 4.97 as "5.0" still charts 4.97), a date as a date, a
// formula as the value the spreadsheet saved with it.

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxColumns is the widest table a sheet may hold: a chart's table has a
// column for its rows and a few for its series.
const maxColumns = 256

// maxUnzipped is the most a workbook may unpack to: the sheets,
// strings and styles of a chart's table are far smaller.
const maxUnzipped = 32 << 20

// sheetRef is what sheet = "…" and range = "A1:D20" choose of a workbook.
type sheetRef struct {
	sheet string // the sheet's name; "" for the first
	cells string // a range such as "A1:D20"; "" for all the sheet's cells
}

// isSheet says that a data file is a workbook.
func isSheet(name string) bool { return strings.EqualFold(pathExt(name), ".xlsx") }

func pathExt(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 && !strings.ContainsAny(name[i:], `/\`) {
		return name[i:]
	}
	return ""
}

// readSheetKeys reads sheet and range, which only a workbook takes.
func readSheetKeys(t *table, workbook bool) (ref sheetRef) {
	for _, k := range []string{"sheet", "range"} {
		if _, set := t.m[k]; !set {
			t.known = append(t.known, k)
			continue
		}
		dst := &ref.sheet
		if k == "range" {
			dst = &ref.cells
		}
		if !t.str(k, dst) {
			continue
		}
		if !workbook {
			t.errf(k, "chooses cells of an .xlsx workbook; it needs data = \"file.xlsx\"")
			continue
		}
		if k == "range" {
			if _, _, _, _, ok := parseRange(*dst); !ok {
				t.errf(k, "%q is not a range of cells; write it as \"A1:D20\"", clip(*dst))
				*dst = ""
			}
		}
	}
	return ref
}

// parseRange reads "A1:D20" as 1-based columns and rows.
func parseRange(s string) (c0, r0, c1, r1 int, ok bool) {
	a, b, found := strings.Cut(strings.ToUpper(strings.TrimSpace(s)), ":")
	if !found {
		return 0, 0, 0, 0, false
	}
	c0, r0, ok0 := cellName(a)
	c1, r1, ok1 := cellName(b)
	if !ok0 || !ok1 || c1 < c0 || r1 < r0 {
		return 0, 0, 0, 0, false
	}
	return c0, r0, c1, r1, true
}

// sheetRecords are a sheet's rows as the CSV readers take them, with
// each cell's row and column for messages.
type sheetRecords struct {
	rows   [][]string
	rowNo  []int // each row's number in the sheet
	col0   int   // the first column's number
	next   int
	header []string
}

func (s *sheetRecords) Read() ([]string, error) {
	if s.next >= len(s.rows) {
		return nil, io.EOF
	}
	s.next++
	return s.rows[s.next-1], nil
}

// FieldPos is the sheet row and column of the last row's field i.
func (s *sheetRecords) FieldPos(i int) (int, int) {
	return s.rowNo[s.next-1], s.col0 + i
}

// records is what the CSV readers read rows from: a CSV file, or a sheet.
type records interface {
	Read() ([]string, error)
	FieldPos(field int) (line, column int)
}

// at writes a place in a data file for a message: file:line:column in a
// CSV file, file:B3 (or file:row 3) in a workbook. col 0 names the line.
func at(name string, line, col int) string {
	if isSheet(name) {
		if col <= 0 {
			return fmt.Sprintf("%s:row %d", name, line)
		}
		return fmt.Sprintf("%s:%s%d", name, columnName(col), line)
	}
	if col <= 0 {
		return fmt.Sprintf("%s:%d", name, line)
	}
	return fmt.Sprintf("%s:%d:%d", name, line, col)
}

// openSheet reads the chosen sheet of a workbook: its first row (within
// the range) is the header. Numbers are written in the data locale (its
// decimal separator, no grouping) so that the cell readers take them as
// stored; a cell formatted as a percentage is written as one (0.25 as
// 25%); date cells are written as ISO dates, to the day, the month or the
// year that the column's dates need.
func openSheet(t *table, name string, ref sheetRef, dataLocale string, limit int, data []byte) (records, []string, bool) {
	fail := func(format string, a ...any) (records, []string, bool) {
		t.errf("data", format, a...)
		return nil, nil, false
	}
	tooBig := func() (records, []string, bool) {
		return fail("%s unpacks to more than %d MiB; a chart's table is far smaller (save the sheet it needs on its own, or as CSV)", name, maxUnzipped>>20)
	}
	w, err := openWorkbook(data)
	if errors.Is(err, errTooBig) {
		return tooBig()
	}
	if err != nil {
		return fail("%s is not an .xlsx workbook that can be read (%s); save it again from a spreadsheet, or export the sheet as CSV", name, clip(err.Error()))
	}
	var names []string
	for _, sp := range w.sheets {
		names = append(names, sp.name)
	}
	sheet := ref.sheet
	switch {
	case len(names) == 0:
		return fail("%s has no sheets", name)
	case sheet == "":
		sheet = names[0]
	case !containsString(names, sheet):
		msg := fmt.Sprintf("%s has no sheet %q; its sheets are %s", name, clip(sheet), quoteList(names))
		if n := nearest(sheet, names); n != "" {
			msg += fmt.Sprintf("; did you mean %q?", n)
		}
		t.errf("sheet", "%s", msg)
		return nil, nil, false
	}
	rng := cellRange{1, 1, 16384, 1048576}
	if ref.cells != "" {
		rng.c0, rng.r0, rng.c1, rng.r1, _ = parseRange(ref.cells)
	}
	part := w.sheets[slices.Index(names, sheet)].path
	rows, merges, err := w.readSheet(part, rng, limit+2)
	if errors.Is(err, errTooBig) {
		return tooBig()
	}
	if err != nil {
		return fail("%s: sheet %q cannot be read (%s)", name, clip(sheet), clip(err.Error()))
	}
	dec := "."
	if l := locales[dataLocale]; l != nil {
		dec = l.decimal
	}

	// Without a range, the table starts at the header's first cell: the
	// first row with text, its first cell with text.
	// The header is the first row with text; its last cell with text
	// ends the table (a styled empty cell at XFD does not widen it).
	s := &sheetRecords{col0: rng.c0}
	last, hr := 0, 0
	for _, r := range rows {
		hr = r.n
		for _, c := range r.cells {
			if strings.TrimSpace(c.text) == "" {
				continue
			}
			if last == 0 && ref.cells == "" {
				s.col0 = c.col
			}
			last = c.col
		}
		if last > 0 {
			break
		}
	}
	if last-s.col0+1 > maxColumns {
		return fail("%s: sheet %q: the header runs from column %s to %s, %d columns; a chart's table has at most %d (give range = \"A1:D20\" for the table's cells)", name, clip(sheet), columnName(s.col0), columnName(last), last-s.col0+1, maxColumns)
	}
	// A header whose cells are merged names one column for several.
	for _, m := range merges {
		if m.r0 <= hr && hr <= m.r1 && m.c1 >= s.col0 && m.c0 <= rng.c1 && m.c1 > m.c0 {
			return fail("%s: sheet %q: the header's cells %s%d:%s%d are merged; unmerge them so that each column has a name of its own", name, clip(sheet), columnName(m.c0), m.r0, columnName(m.c1), m.r1)
		}
	}
	type dateAt struct{ row, col int }
	var dates []dateAt
	var times []time.Time
	for _, r := range rows {
		if len(s.rows) > limit+1 {
			break // the row limit's message comes from the reader
		}
		var cells []string
		for _, c := range r.cells {
			pos := c.col - s.col0
			if pos < 0 {
				continue // left of the table
			}
			if c.col > last && len(s.rows) > 0 {
				if strings.TrimSpace(c.text) != "" {
					return fail("%s: a value right of the header's last column, %s (the header is row %d, the first with text); give every column a name there, or give range = \"A1:D20\" for the table's cells, header first", at(name, r.n, c.col), columnName(last), hr)
				}
				continue // a styled empty cell
			}
			for len(cells) < pos {
				cells = append(cells, "")
			}
			if c.lost {
				return fail("%s: holds a formula whose value was never saved; open the workbook in a spreadsheet and save it again", at(name, r.n, c.col))
			}
			v := c.text
			if c.num && len(s.rows) == 0 && c.kind == dateCell {
				// A date in the header names a column: 2024, 2024-03 or
				// 2024-03-15, as much as it says.
				n, _ := strconv.ParseFloat(v, 64)
				if tm, ok := w.serialDate(n); ok {
					switch {
					case tm.Day() != 1:
						v = tm.Format("2006-01-02")
					case tm.Month() != 1:
						v = tm.Format("2006-01")
					default:
						v = tm.Format("2006")
					}
				}
			} else if c.num && len(s.rows) > 0 {
				n, _ := strconv.ParseFloat(v, 64)
				plain := strconv.FormatFloat(n, 'f', -1, 64)
				switch c.kind {
				case percentCell:
					v = localNumber(shiftPoint(plain, 2), dec) + "%"
				case dateCell:
					if tm, ok := w.serialDate(n); ok && tm.Year() >= 1000 && tm.Year() <= 2999 {
						dates, times = append(dates, dateAt{len(s.rows), len(cells)}), append(times, tm)
						v = "\x00" // written below; not blank meanwhile
					} else {
						v = localNumber(plain, dec)
					}
				default:
					v = localNumber(plain, dec)
				}
			}
			cells = append(cells, v)
		}
		if strings.TrimSpace(strings.Join(cells, "")) == "" {
			continue // blank rows, as a CSV reader skips blank lines
		}
		s.rows, s.rowNo = append(s.rows, cells), append(s.rowNo, r.n)
	}
	if len(s.rows) == 0 {
		return fail("%s: sheet %q has no cells%s; it needs a header row and at least one row of data", name, clip(sheet), rangeNote(ref))
	}
	// Dates to the resolution the sheet's dates need.
	layout := "2006"
	for _, tm := range times {
		switch {
		case tm.Day() != 1 || tm.Hour() != 0 || tm.Minute() != 0:
			layout = "2006-01-02"
		case tm.Month() != 1 && layout == "2006":
			layout = "2006-01"
		}
	}
	for i, d := range dates {
		s.rows[d.row][d.col] = times[i].Format(layout)
	}
	// Rows as long as the header, as a CSV file's are.
	width := len(s.rows[0])
	for width > 0 && strings.TrimSpace(s.rows[0][width-1]) == "" {
		width--
	}
	for i := range s.rows {
		for len(s.rows[i]) < width {
			s.rows[i] = append(s.rows[i], "")
		}
		if i > 0 && len(s.rows[i]) > width && strings.TrimSpace(strings.Join(s.rows[i][width:], "")) == "" {
			s.rows[i] = s.rows[i][:width]
		}
	}
	header := s.rows[0][:width]
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	s.next = 1 // the header is read
	return s, header, true
}

func rangeNote(ref sheetRef) string {
	if ref.cells == "" {
		return ""
	}
	return fmt.Sprintf(" in %s", ref.cells)
}

// shiftPoint moves a decimal number's point n places to the right
// (0.2537 -> 25.37), exactly, as text.
func shiftPoint(s string, n int) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	for len(frac) < n {
		frac += "0"
	}
	whole, frac = strings.TrimLeft(whole+frac[:n], "0"), strings.TrimRight(frac[n:], "0")
	if whole == "" {
		whole = "0"
	}
	out := whole
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// localNumber writes a number Go wrote (1234.5) with the data locale's
// decimal separator and no grouping, as the cell reader takes it.
func localNumber(s, dec string) string {
	if strings.ContainsAny(s, "eE") {
		return s // exponent form is read alike in every locale
	}
	return strings.Replace(s, ".", dec, 1)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
