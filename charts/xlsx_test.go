package charts

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// writeRatesWorkbook writes the rates table of testdata/data/rates-*.csv
// as a desk's workbook has it: a notes sheet first, a title above the
// table, months as date cells shown "mmm-yy", rates shown to one decimal
// (1.75 as "1.8"), an empty cell for each gap.
func writeRatesWorkbook(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Notes")
	f.SetCellValue("Notes", "A1", "Source: invented for a test")
	if _, err := f.NewSheet("2024"); err != nil {
		return err
	}
	s := "2024"
	f.SetCellValue(s, "A1", "Recruitment rates, per 1,000")
	f.SetSheetRow(s, "A3", &[]any{"month", "Nepal", "India", "Cuba"})
	rows := [][]any{
		{1.5, 0.8, 0.4}, {1.75, nil, 0.45}, {2.1, 0.95, 0.5}, {2.4, 1.1, nil}, {2.6, 1.3, nil}, {3.0, 1.6, 0.7},
	}
	dateFmt := "mmm-yy"
	dates, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	oneDecimal, _ := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00 -> shown rounded
	for i, r := range rows {
		row := 4 + i
		cell, _ := excelize.CoordinatesToCellName(1, row)
		f.SetCellValue(s, cell, time.Date(2024, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC))
		f.SetCellStyle(s, cell, cell, dates)
		for j, v := range r {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(2+j, row)
			f.SetCellValue(s, cell, v)
			f.SetCellStyle(s, cell, cell, oneDecimal)
		}
	}
	f.SetCellValue(s, "A11", "Figures for Cuba stop in June")
	return f.SaveAs(path)
}

// TestRatesWorkbook keeps testdata/data/rates.xlsx what writeRatesWorkbook
// writes (-update rewrites it); TestSameDataSameChart draws it.
func TestRatesWorkbook(t *testing.T) {
	path := filepath.Join("testdata", "data", "rates.xlsx")
	if *update {
		if err := writeRatesWorkbook(path); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%v (go test ./charts -run TestRatesWorkbook -update writes it)", err)
	}
}

// TestWorkbookEdges: what a workbook's reader refuses, and how it says so.
func TestWorkbookEdges(t *testing.T) {
	dir := t.TempDir()
	if err := writeRatesWorkbook(filepath.Join(dir, "r.xlsx")); err != nil {
		t.Fatal(err)
	}
	merged := excelize.NewFile()
	merged.SetSheetRow("Sheet1", "A1", &[]any{"label", "value", ""})
	merged.MergeCell("Sheet1", "B1", "C1")
	merged.SetSheetRow("Sheet1", "A2", &[]any{"a", 1, 2})
	merged.SaveAs(filepath.Join(dir, "merged.xlsx"))
	pct := excelize.NewFile()
	pct.SetSheetRow("Sheet1", "A1", &[]any{"label", "value"})
	pct.SetSheetRow("Sheet1", "A2", &[]any{"BSW", 0.0497})
	pct.SetSheetRow("Sheet1", "A3", &[]any{"SPD", 0.164})
	style, _ := pct.NewStyle(&excelize.Style{NumFmt: 9}) // 0%: 5%, 16%
	pct.SetCellStyle("Sheet1", "B2", "B3", style)
	pct.SaveAs(filepath.Join(dir, "pct.xlsx"))
	os.WriteFile(filepath.Join(dir, "fake.xlsx"), []byte("label,value\na,1\n"), 0o644)
	// A bomb: 40 MiB of one byte, a few KiB zipped.
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	w.Write(bytes.Repeat([]byte(" "), 40<<20))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "bomb.xlsx"), bomb.Bytes(), 0o644)

	fig := func(typ, extra string) string {
		return "[[figure]]\nid = \"w\"\ntype = \"" + typ + "\"\ntitle = \"T\"\n" + extra + "\n"
	}
	for _, c := range []struct{ src, want string }{
		{fig("line", `data = "r.xlsx"`+"\nsheet = \"2025\""), `sheet: r.xlsx has no sheet "2025"; its sheets are "Notes", "2024"; did you mean "2024"?`},
		{fig("line", `data = "r.xlsx"`+"\nsheet = \"2024\"\nrange = \"A3\""), `range: "A3" is not a range of cells; write it as "A1:D20"`},
		{fig("line", `data = "r.xlsx"`+"\nsheet = \"2024\"\nrange = \"A3:D9\"\ndelimiter = \";\""), `delimiter: separates the fields of a CSV file; a workbook has cells`},
		{fig("line", `data = "r.xlsx"`+"\nsheet = \"2024\""), `r.xlsx has no column for a series besides "Recruitment rates, per 1,000"`},
		{fig("line", `data = "r.xlsx"`+"\nsheet = \"2024\"\nrange = \"A3:D11\""), `data[6] (r.xlsx:row 11).x: "Figures for Cuba stop in June" is not a date`},
		{fig("area", `data = "r.xlsx"`+"\nsheet = \"2024\"\nrange = \"A3:D9\""), `data: r.xlsx:C5: the value for "India" is empty, and an area chart cannot leave a gap`},
		{fig("bar", `data = "merged.xlsx"`), `merged.xlsx: sheet "Sheet1": the header's cells B1:C1 are merged; unmerge them`},
		{fig("bar", `data = "pct.xlsx"`), `pct.xlsx:B2: column "value": "4.97%" is a percentage, and the figure does not write its numbers as one`},
		{fig("bar", `data = "fake.xlsx"`), `fake.xlsx is not an .xlsx workbook that can be read`},
		{fig("bar", `data = "bomb.xlsx"`), `bomb.xlsx unpacks to more than 32 MiB`},
		{fig("bar", `data = [{ label = "a", value = 1 }]`+"\nsheet = \"x\""), `sheet: chooses cells of an .xlsx workbook; it needs data = "file.xlsx"`},
	} {
		_, err := Decode(filepath.Join(dir, "f.toml"), []byte(c.src), dir)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s\ngot  %v\nwant %q", c.src, err, c.want)
		}
	}
	// A percentage cell as stored, to its full precision: 4.97%, not 5%.
	f, err := Decode(filepath.Join(dir, "f.toml"), []byte(fig("bar", `data = "pct.xlsx"`+"\nsuffix = \"%\"")), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, alt, err := f.Figures[0].Publish([]string{"svg"}); err != nil || !strings.Contains(alt, "4.97%") || !strings.Contains(alt, "16.40%") {
		t.Errorf("percentages from a workbook: %s %v", alt, err)
	}
}
