package charts

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// readCSV reads data = "file.csv": a header row, then one row per datum.
// cols maps the figure's fields (label, value, low, high) to header
// names; a field without a mapping takes the column of its own name. It
// returns the rows as decoded TOML tables would be, with their line
// numbers, so the rows are checked like inline ones.
func (fig *Figure) readCSV(t *table, name string, cols map[string]any) (rows []any, lines []int, ok bool) {
	path := name
	if !filepath.IsAbs(path) {
		path = filepath.Join(t.e.dir, name)
	}
	info, err := os.Stat(path)
	switch {
	case err != nil:
		t.errf("data", "cannot read %q: %v", name, errors.Unwrap(err))
		return nil, nil, false
	case !info.Mode().IsRegular():
		t.errf("data", "%q is not a file", name)
		return nil, nil, false
	case info.Size() > maxFileBytes:
		t.errf("data", "%q is %d bytes; at most %d MiB are allowed", name, info.Size(), maxFileBytes>>20)
		return nil, nil, false
	}
	fh, err := os.Open(path)
	if err != nil {
		t.errf("data", "cannot read %q: %v", name, err)
		return nil, nil, false
	}
	defer fh.Close()
	fig.inputs = append(fig.inputs, path)

	r := csv.NewReader(fh)
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
	for i := range header {
		header[i] = strings.TrimSpace(strings.TrimPrefix(header[i], "\uFEFF"))
	}

	// Which column holds each field.
	fields := append([]string{"label"}, fig.kind.fields...)
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
		if j < 0 {
			key := "columns." + f
			if _, mapped := cols[f]; !mapped {
				key = "data"
			}
			t.e.add(key, "%s has no column %q; its columns are %s", name, col, strings.Join(header, ", "))
			continue
		}
		index[f] = j
	}
	if cols != nil {
		ct.unknown()
	}
	if len(index) < len(fields) {
		return nil, nil, false
	}

	good := true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			t.errf("data", "%s", csvError(name, err))
			return nil, nil, false
		}
		if len(rows) >= fig.kind.maxRows {
			t.errf("data", "%s has more than %d rows; a %s chart shows at most %d", name, fig.kind.maxRows, fig.kind.name, fig.kind.maxRows)
			return nil, nil, false
		}
		if len(rec) != len(header) {
			hint := ""
			if len(rec) > len(header) {
				hint = " (a number with a thousands separator must be quoted, or written without one)"
			}
			t.errf("data", "%s:%d: the row has %d fields, the header %d%s", name, line, len(rec), len(header), hint)
			good = false
			continue
		}
		row := map[string]any{}
		for _, f := range fields {
			j := index[f]
			cell := strings.TrimSpace(rec[j])
			if f == "label" {
				row[f] = cell
				continue
			}
			if cell == "" {
				_, col := r.FieldPos(j)
				t.errf("data", "%s:%d:%d: column %q is empty", name, line, col, header[j])
				good = false
				continue
			}
			v, err := strconv.ParseFloat(cell, 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				_, col := r.FieldPos(j)
				hint := ""
				if strings.ContainsAny(cell, ",. ") {
					hint = "; write numbers without thousands separators, with a decimal point"
				}
				t.errf("data", "%s:%d:%d: column %q: %q is not a number%s", name, line, col, header[j], cell, hint)
				good = false
				continue
			}
			row[f] = v
		}
		rows = append(rows, row)
		lines = append(lines, line)
	}
	if len(rows) == 0 && good {
		t.errf("data", "%s has a header but no rows", name)
		return nil, nil, false
	}
	return rows, lines, good
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
