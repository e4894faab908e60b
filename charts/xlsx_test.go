package charts

import (
	"archive/zip"
	"bytes"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
	// A bomb: the workbook with its table's sheet padded to 40 MiB, a
	// few KiB zipped.
	var bomb bytes.Buffer
	zr, err := zip.OpenReader(filepath.Join(dir, "r.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(&bomb)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		rc, _ := f.Open()
		if strings.HasSuffix(f.Name, "sheet2.xml") {
			w.Write(bytes.Repeat([]byte(" "), 40<<20))
		}
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	zr.Close()
	os.WriteFile(filepath.Join(dir, "bomb.xlsx"), bomb.Bytes(), 0o644)

	fig := func(typ, extra string) string {
		return "[[figure]]\nid = \"w\"\ntype = \"" + typ + "\"\ntitle = \"T\"\n" + extra + "\n"
	}
	for _, c := range []struct{ src, want string }{
		{fig("line", `data = "r.xlsx"`+"\nsheet = \"2025\""), `sheet: r.xlsx has no sheet "2025"; its sheets are "Notes", "2024"; did you mean "2024"?`},
		{fig("line", `data = "r.xlsx"`+"\nsheet = \"2024\"\nrange = \"A3\""), `range: "A3" is not a range of cells; write it as "A1:D20"`},
		{fig("line", `data = "r.xlsx"`+"\nsheet = \"2024\"\nrange = \"A3:D9\"\ndelimiter = \";\""), `delimiter: separates the fields of a CSV file; a workbook has cells`},
		{fig("line", `data = "r.xlsx"`+"\nsheet = \"2024\""), `r.xlsx:B3: a value right of the header's last column, A (the header is row 1, the first with text); give every column a name there, or give range`},
		{fig("line", `data = "r.xlsx"`+"\nsheet = \"2024\"\nrange = \"A3:D11\""), `data[6] (r.xlsx:row 11).x: "Figures for Cuba stop in June" is not a date`},
		{fig("area", `data = "r.xlsx"`+"\nsheet = \"2024\"\nrange = \"A3:D9\""), `data: r.xlsx:C5: the value for "India" is empty, and an area chart cannot leave a gap`},
		{fig("bar", `data = "merged.xlsx"`), `merged.xlsx: sheet "Sheet1": the header's cells B1:C1 are merged; unmerge them`},
		{fig("bar", `data = "pct.xlsx"`), `pct.xlsx:B2: column "value": "4.97%" is a percentage, and the figure does not write its numbers as one`},
		{fig("bar", `data = "fake.xlsx"`), `fake.xlsx is not an .xlsx workbook that can be read`},
		{fig("bar", `data = "bomb.xlsx"`+"\nsheet = \"2024\""), `bomb.xlsx unpacks to more than 32 MiB`},
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

// handBook writes a minimal workbook by hand, as other programs than
// Excel write them: a sheet's XML as given, shared strings with runs,
// custom number formats, optionally the 1904 date system.
func handBook(t *testing.T, path, sheet string, date1904 bool) {
	t.Helper()
	pr := ""
	if date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` + pr + `
<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		"xl/sharedStrings.xml": `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<si><t>month</t></si><si><r><t>Ne</t></r><r><t xml:space="preserve">pal</t></r><rPh><t>x</t></rPh></si><si><t>India</t></si></sst>`,
		"xl/styles.xml": `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;Year &quot;0"/><numFmt numFmtId="166" formatCode="[$-409]mmm\ yy;@"/></numFmts>
<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="2"/></cellXfs></styleSheet>`,
		"xl/worksheets/data.xml": `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheet + `</sheetData></worksheet>`,
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		w, _ := zw.Create(name)
		io.WriteString(w, parts[name])
	}
	zw.Close()
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWorkbookCells: what the reader makes of cells as other programs
// write them.
func TestWorkbookCells(t *testing.T) {
	dir := t.TempDir()
	line := func(sheet string, date1904 bool, extra string) (string, error) {
		handBook(t, filepath.Join(dir, "h.xlsx"), sheet, date1904)
		src := "[[figure]]\nid = \"h\"\ntype = \"line\"\ntitle = \"T\"\ndata = \"h.xlsx\"\n" + extra
		f, err := Decode(filepath.Join(dir, "f.toml"), []byte(src), dir)
		if err != nil {
			return "", err
		}
		_, alt, err := f.Figures[0].Publish([]string{"svg"})
		return alt, err
	}
	// A table from B2, styled empty cells around it, shared strings with
	// runs, a date shown dd/mm/yyyy (45306: 15 January 2024), a number
	// shown as "Year 0", an inline string header, a formula's saved value,
	// an error cell that is a missing value.
	sheet := `<row r="1"><c r="A1" s="1"/><c r="B1" s="1"/></row>
<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><t>Cuba</t></is></c></row>
<row r="3"><c r="B3" s="1"><v>45306</v></c><c r="C3" s="4"><v>1.25</v></c><c r="D3"><f>1+1</f><v>2</v></c></row>
<row r="4"><c r="B4" s="1"><v>45337</v></c><c r="C4" s="2"><v>2.5</v></c><c r="D4" t="e"><v>#N/A</v></c></row>`
	alt, err := line(sheet, false, "")
	if err != nil || !strings.Contains(alt, "Nepal: 1.25 in 15 Jan 2024, 2.50 in 15 Feb 2024") || !strings.Contains(alt, "Cuba: 2.00 in 15 Jan 2024, no value at 1 of 2 points") {
		t.Errorf("a hand-made workbook: %q %v", alt, err)
	}
	// The same serial in the 1904 date system is four years and a day later.
	alt, err = line(sheet, true, "")
	if err != nil || !strings.Contains(alt, "in 16 Jan 2028") {
		t.Errorf("the 1904 date system: %q %v", alt, err)
	}
	// Dates in the header name columns: 2024, 2025.
	dhead := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45292</v></c><c r="C1" s="1"><v>45658</v></c></row>
<row r="2"><c r="A2" s="1"><v>45306</v></c><c r="B2"><v>1</v></c><c r="C2"><v>2</v></c></row>`
	if alt, err := line(dhead, false, ""); err != nil || !strings.Contains(alt, "2024: 1 in 15 Jan 2024; 2025: 2 in 15 Jan 2024") {
		t.Errorf("dates in the header: %q %v", alt, err)
	}
	// A month format, and dates on the first: months.
	months := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row>
<row r="2"><c r="A2" s="3"><v>45292</v></c><c r="B2"><v>1</v></c></row><row r="3"><c r="A3" s="3"><v>45323</v></c><c r="B3"><v>2</v></c></row>`
	if alt, err := line(months, false, ""); err != nil || !strings.Contains(alt, "1 in Jan 2024, 2 in Feb 2024") {
		t.Errorf("months: %q %v", alt, err)
	}
	for _, c := range []struct{ sheet, want string }{
		{`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row><row r="2"><c r="A2"><v>2020</v></c><c r="B2"><f>SUM(X1:X9)</f></c></row>`,
			`h.xlsx:B2: holds a formula whose value was never saved; open the workbook in a spreadsheet and save it again`},
		{`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row><row r="2"><c r="A2"><v>2020</v></c><c r="B2" t="e"><v>#DIV/0!</v></c></row>`,
			`h.xlsx:B2: column "India": "#DIV/0!" is a spreadsheet's error, not a number`},
		{`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row><row r="1048576"><c r="A1048576"><v>2020</v></c><c r="XFD1048576" t="b"><v>1</v></c></row>`,
			`h.xlsx:XFD1048576: a value right of the header's last column, B (the header is row 1`},
		{`<row><c><v>1</v></row>`, `h.xlsx: sheet "Data" cannot be read (xl/worksheets/data.xml: XML syntax error`},
	} {
		if _, err := line(c.sheet, false, ""); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s\ngot  %v\nwant %q", c.sheet, err, c.want)
		}
	}
}
