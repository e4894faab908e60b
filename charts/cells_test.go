package charts

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestCellNumbers: a table of cells as people write numbers, read with
// no data locale (the column's cells tell), with a data locale, and with
// the figure's prefix and suffix: each gives its number or its error.
func TestCellNumbers(t *testing.T) {
	for _, c := range []struct {
		cell, locale, prefix, suffix string
		hint                         byte // the decimal separator the column's other cells show
		want                         string
	}{
		{"1000", "", "", "", 0, "1000"},
		{"2.5", "", "", "", 0, "2.5"},
		{"1,5", "", "", "", 0, "1.5"},
		{"0,125", "", "", "", 0, "0.125"},
		{"1,234,567", "", "", "", 0, "1.234567e+06"},
		{"1.234.567", "", "", "", 0, "1.234567e+06"},
		{"1,234.5", "", "", "", 0, "1234.5"},
		{"1.234,5", "", "", "", 0, "1234.5"},
		{"1 234,5", "", "", "", 0, "1234.5"},
		{"1\u00a0234,5", "", "", "", 0, "1234.5"},
		{"1\u202f234,5", "", "", "", 0, "1234.5"},
		{"1'234.5", "", "", "", 0, "1234.5"},
		{"−3.2", "", "", "", 0, "-3.2"},
		{"-3.2", "", "", "", 0, "-3.2"},
		{"(1,200)", "", "", "", '.', "-1200"},
		{"12 %", "", "", "", 0, "12"},
		{"12%", "", "", "", 0, "12"},
		{"$1,200", "", "$", "", '.', "1200"},
		{"-$1.5", "", "$", "", 0, "-1.5"},
		{"3 km", "", "", " km", 0, "3"},
		{"$1.2bn", "", "$", "bn", 0, "1.2"},
		{"1,5 Mrd. €", "de", "", " Mrd. €", 0, "1.5"},
		{"($1.2bn)", "", "$", "bn", 0, "-1.2"},
		{"1e5", "", "", "", 0, "100000"},
		{"1,234", "", "", "", '.', "1234"},
		{"1,234", "", "", "", ',', "1.234"},
		{"1.234", "de", "", "", 0, "1234"},
		{"1,234", "en", "", "", 0, "1234"},
		{"1,234", "de", "", "", 0, "1.234"},
		{"1 234,5", "fr", "", "", 0, "1234.5"},
		{"1,234", "", "", "", 0, `"1,234" could be 1234 ("," separating thousands) or 1.234 ("," as the decimal separator); set data_locale = "en" for the first or "de" for the second`},
		{"1.234", "", "", "", 0, `could be 1234 ("." separating thousands) or 1.234 ("." as the decimal separator); set data_locale = "de" for the first or "en" for the second`},
		{"1.234,5", "fr", "", "", 0, `"1.234,5" is not a number as data_locale "fr" writes them (12` + "\u202f" + `345,5)`},
		{"1,23,456", "", "", "", 0, `"1,23,456" is not a number`},
		{"12,34.5", "", "", "", 0, `"12,34.5" is not a number`},
		{"1_000", "", "", "", 0, `"1_000" is not a number`},
		{"0x1p4", "", "", "", 0, `"0x1p4" is not a number`},
		{"NaN", "", "", "", 0, `"NaN" is not a number`},
		{"1e400", "", "", "", 0, `"1e400" is not a number`},
		{"NA", "", "", "", 0, `"NA" marks a missing value`},
		{"–", "", "", "", 0, `"–" marks a missing value`},
		{"$", "", "$", "", 0, `"$" is not a number`},
		{",5", "", "", "", 0, "0.5"},
		{"5,", "", "", "", 0, `"5," is not a number`},
	} {
		f := cellFormat{locale: c.locale, prefix: c.prefix, suffix: c.suffix, decimal: c.hint}
		if l := locales[c.locale]; l != nil {
			f.decimal, f.group = l.decimal[0], l.group
		}
		v, msg := f.number(c.cell)
		got := msg
		if msg == "" {
			got = fmt.Sprint(v)
		}
		if got != c.want && !(msg != "" && strings.Contains(msg, c.want)) {
			t.Errorf("%q (data_locale %q, prefix %q, suffix %q, hint %q): %s, want %s", c.cell, c.locale, c.prefix, c.suffix, c.hint, got, c.want)
		}
	}
}

// TestCSVNumbersAsExported: one table exported by an English and a German
// spreadsheet (semicolons and decimal commas) draws the same figure, and
// a column whose cells disagree on the decimal separator, or whose
// separator cannot be told, is refused with both readings.
func TestCSVNumbersAsExported(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"en.csv":     "country,share\nNepal,\"1,234.5\"\nIndia,2.25\n",
		"de.csv":     "country;share\nNepal;1.234,5\nIndia;2,25\n",
		"mixed.csv":  "country;share\nNepal;1,5\nIndia;2.25\n",
		"unsure.csv": "country,share\nNepal,\"1,234\"\nIndia,\"2,000\"\n",
	}
	for name, text := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	decode := func(name, extra string) (string, error) {
		src := fmt.Sprintf("[[figure]]\nid = \"d\"\ntype = \"bar\"\ntitle = \"Share\"\ndata = %q\ncolumns = { label = \"country\", value = \"share\" }\n%s", name, extra)
		f, err := Decode(filepath.Join(dir, "f.toml"), []byte(src), dir)
		if err != nil {
			return "", err
		}
		outs, err := f.Figures[0].RenderFiles([]string{"svg"})
		if err != nil {
			return "", err
		}
		return string(outs[0].Data()), nil
	}
	en, err := decode("en.csv", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(en, "1,234.5") {
		t.Errorf("1,234.5 is not drawn")
	}
	for _, c := range []struct{ name, extra string }{{"de.csv", ""}, {"de.csv", `data_locale = "de"`}} {
		if got, err := decode(c.name, c.extra); err != nil || got != en {
			t.Errorf("%s %s: %v, or another figure", c.name, c.extra, err)
		}
	}
	for _, c := range []struct{ name, extra, want string }{
		{"mixed.csv", "", `writes decimals both as "2.25" does and as "1,5" does`},
		{"unsure.csv", "", `"1,234" could be 1234`},
		{"de.csv", `data_locale = "xx"`, `data_locale: unknown locale "xx"`},
	} {
		if _, err := decode(c.name, c.extra); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %s: %v, want %q", c.name, c.extra, err, c.want)
		}
	}
	if got, err := decode("unsure.csv", `data_locale = "en"`); err != nil || !strings.Contains(got, "2,000") {
		t.Errorf("with data_locale the unsure column reads: %v", err)
	}
	_, err = Decode("f.toml", []byte("[[figure]]\nid = \"d\"\ntype = \"bar\"\ntitle = \"T\"\ndata = [ { label = \"a\", value = 1 } ]\ndata_locale = \"de\"\n"), dir)
	if err == nil || !strings.Contains(err.Error(), "data_locale: says how a CSV file writes its numbers") {
		t.Errorf("data_locale without a CSV file: %v", err)
	}
}

// TestCSVReadingEdges: what an adversary found in the CSV reader. A tab
// delimiter survives a figure's rows being read again (a large file's
// figures are); figures that read one file with other affixes do not
// share its rows; a percentage needs the figure's % suffix; a cell of two
// signs is not a number; one telling cell does not decide many that could
// be read either way; and a byte-order mark may precede a quoted header.
func TestCSVReadingEdges(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644) }
	write("tab.csv", "label\tvalue\nA\t5\nB\t7\n")
	write("k.csv", "label,value\nA,5k\nB,7k\n")
	write("pct.csv", "label,value\nA,45%\nB,55%\n")
	write("signs.csv", "label,value\nA,(-5)\nB,7\n")
	write("few.csv", "label,value\nA,\"1,234\"\nB,\"56,789\"\nC,\"1,2345\"\n")
	write("bom.csv", "\ufeff\"label\",\"value\"\n\"A\",\"5\"\n")
	decode := func(src string) (*File, error) {
		return Decode(filepath.Join(dir, "f.toml"), []byte(src), dir)
	}
	fig := func(id, data, extra string) string {
		return fmt.Sprintf("[[figure]]\nid = %q\ntype = \"bar\"\ntitle = \"T\"\ndata = %q\n%s\n", id, data, extra)
	}

	var b strings.Builder
	for i := 0; i < 70; i++ {
		b.WriteString(fig(fmt.Sprintf("f%d", i), "tab.csv", `delimiter = "tab"`))
	}
	b.WriteString(fig("escaped", "tab.csv", `delimiter = "\t"`))
	f, err := decode(b.String())
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	for _, g := range f.Figures {
		if _, err := g.RenderFiles([]string{"svg"}); err != nil {
			t.Fatalf("read again: %v", err)
		}
	}

	for _, c := range []struct{ src, want string }{
		{fig("a", "k.csv", `suffix = "k"`) + fig("b", "k.csv", `suffix = "%"`), `"5k" is not a number`},
		{fig("p", "pct.csv", ""), `"45%" is a percentage, and the figure does not write its numbers as one`},
		{fig("s", "signs.csv", ""), `"(-5)" is not a number`},
		{fig("few", "few.csv", ""), `"1,234" could be 1234`},
		{strings.Replace(fig("l", "k.csv", ""), "bar", "line", 1), `k.csv:2:3: column "value": "5k" is not a number`},
	} {
		if _, err := decode(c.src); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.src, err, c.want)
		}
	}
	for _, src := range []string{fig("p", "pct.csv", `suffix = "%"`), fig("bom", "bom.csv", "")} {
		if _, err := decode(src); err != nil {
			t.Errorf("%s: %v", src, err)
		}
	}
}

// TestSeriesCSV: a three-series line chart from rows in TOML, from a wide
// CSV file (its columns named, "*", or by default), from a long one
// (pivoted) and from a semicolon, decimal-comma export draws the same
// bytes; so does a grouped bar chart; and what cannot be pivoted or named
// is refused with its line.
func TestSeriesCSV(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644) }
	write("wide.csv", "month,Germany,France,Italy\n2024-01,3.1,2.5,1.5\n2024-02,3.3,2.25,1.75\n2024-03,3.0,2.75,2\n")
	write("wide-de.csv", "Monat;Germany;France;Italy\n2024-01;3,1;2,5;1,5\n2024-02;3,3;2,25;1,75\n2024-03;3,0;2,75;2\n")
	write("long.csv", "date,country,rate\n2024-01,Germany,3.1\n2024-01,France,2.5\n2024-01,Italy,1.5\n2024-02,Germany,3.3\n2024-02,France,2.25\n2024-02,Italy,1.75\n2024-03,Germany,3.0\n2024-03,France,2.75\n2024-03,Italy,2\n")
	write("months.csv", "month,Germany,France,Italy\nJan 2024,3.1,2.5,1.5\nFebruary 2024,3.3,2.25,1.75\nMar. 2024,3.0,2.75,2\n")
	write("slashes.csv", "month,Germany,France,Italy\n01/2024,3.1,2.5,1.5\n2/2024,3.3,2.25,1.75\n2024/03,3.0,2.75,2\n")
	write("monate.csv", "Monat;Germany;France;Italy\nJan. 2024;3,1;2,5;1,5\nFeb. 2024;3,3;2,25;1,75\nMärz 2024;3,0;2,75;2\n")
	write("yue.csv", "month,Germany,France,Italy\n2024年1月,3.1,2.5,1.5\n2024년 2월,3.3,2.25,1.75\n2024年3月,3.0,2.75,2\n")
	write("hodesh.csv", "month,Germany,France,Italy\nינו׳ 2024,3.1,2.5,1.5\nפבר׳ 2024,3.3,2.25,1.75\nמרץ 2024,3.0,2.75,2\n")
	write("mahina.csv", "month,Germany,France,Italy\nजनवरी 2024,3.1,2.5,1.5\nफेब्रुअरी 2024,3.3,2.25,1.75\nमार्च 2024,3.0,2.75,2\n")
	write("gaps.csv", "date,country,rate\n2024-01,Germany,3.1\n2024-01,France,2.5\n2024-02,Germany,3.3\n")
	write("twice.csv", "date,country,rate\n2024-01,Germany,3.1\n2024-01,Germany,3.2\n")
	write("groups.csv", "country,2024,2025\nNepal,15000,12000\nIndia,4000,5000\n")
	svg := func(typ, data, extra string) (string, error) {
		src := fmt.Sprintf("[[figure]]\nid = \"s\"\ntype = %q\ntitle = \"Inflation\"\n%s\n%s\n", typ, data, extra)
		f, err := Decode(filepath.Join(dir, "f.toml"), []byte(src), dir)
		if err != nil {
			return "", err
		}
		outs, err := f.Figures[0].RenderFiles([]string{"svg"})
		if err != nil {
			return "", err
		}
		return string(outs[0].Data()), nil
	}
	inline := `series = ["Germany", "France", "Italy"]
data = [ { x = "2024-01", values = [3.1, 2.5, 1.5] }, { x = "2024-02", values = [3.3, 2.25, 1.75] }, { x = "2024-03", values = [3.0, 2.75, 2] } ]`
	want, err := svg("line", inline, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ data, extra string }{
		{`data = "wide.csv"`, `columns = { x = "month", series = ["Germany", "France", "Italy"] }`},
		{`data = "wide.csv"`, `columns = { x = "month", series = "*" }`},
		{`data = "wide.csv"`, ``},
		{`data = "wide.csv"`, `series = ["Germany", "France", "Italy"]`},
		{`data = "long.csv"`, `columns = { x = "date", series = "country", value = "rate" }`},
		{`data = "wide-de.csv"`, `data_locale = "de"`},
		{`data = "months.csv"`, ``},
		{`data = "slashes.csv"`, ``},
		{`data = "monate.csv"`, `data_locale = "de"`},
		{`data = "yue.csv"`, ``},
		{`data = "hodesh.csv"`, `data_locale = "he"`},
		{`data = "mahina.csv"`, `data_locale = "ne"`},
	} {
		got, err := svg("line", c.data, c.extra)
		if err != nil || got != want {
			t.Errorf("%s %s: %v, or another figure", c.data, c.extra, err)
		}
	}
	grouped, err := svg("grouped-bar", `series = ["2024", "2025"]
data = [ { label = "Nepal", values = [15000, 12000] }, { label = "India", values = [4000, 5000] } ]`, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := svg("grouped-bar", `data = "groups.csv"`, `columns = { label = "country" }`); err != nil || got != grouped {
		t.Errorf("grouped bars from a wide CSV: %v, or another figure", err)
	}
	// A line leaves a gap where a long table has no row; an area cannot.
	if _, err := svg("line", `data = "gaps.csv"`, `columns = { x = "date", series = "country", value = "rate" }`); err != nil {
		t.Errorf("a long table with a gap: %v", err)
	}
	if _, err := svg("area", `data = "gaps.csv"`, `columns = { x = "date", series = "country", value = "rate" }`); err == nil || !strings.Contains(err.Error(), `"2024-02" has no value for "France"`) {
		t.Errorf("an area from a long table with a gap: %v", err)
	}
	for _, c := range []struct{ data, extra, want string }{
		{`data = "twice.csv"`, `columns = { x = "date", series = "country", value = "rate" }`, `twice.csv:3: "2024-01" has a second value for "Germany" (the first on line 2)`},
		{`data = "wide.csv"`, `series = ["A", "B", "C"]`, `series: names "A", "B", "C", and wide.csv's columns name "Germany", "France", "Italy"`},
		{`data = "long.csv"`, "columns = { x = \"date\", series = \"country\", value = \"rate\" }\nseries = [\"France\", \"Germany\"]", `series: names "France", "Germany", and long.csv's "country" column names "Germany", "France", "Italy"; leave series out, or list those names in the order`},
		{`data = "wide.csv"`, `columns = { x = "month", series = ["Germany", "Spain"] }`, `columns.series[1]: wide.csv has no column "Spain"`},
		{`data = "wide.csv"`, `columns = { x = "month", value = "Germany" }`, `columns.value: goes with a long table`},
	} {
		if _, err := svg("line", c.data, c.extra); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %s: %v, want %q", c.data, c.extra, err, c.want)
		}
	}
}

// TestSeriesCSVEdges: what an adversary found in the wide and long
// readers. Figures whose columns differ only in how a list is split do not
// share rows; a long table of too many series stops at the first one too
// many; a column plays one part; series names are distinct and not empty;
// x cells follow data_locale.
func TestSeriesCSVEdges(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644) }
	write("col.csv", "month,A,B,A B\n2024-01,1,2,100\n2024-02,3,4,300\n")
	var long strings.Builder
	long.WriteString("date,country,rate\n")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&long, "%d,S%d,1\n", i, i)
	}
	write("many.csv", long.String())
	write("dup.csv", "month,A,A\n2024-01,1,2\n")
	write("blank.csv", "month,A,\n2024-01,1,2\n")
	write("glyph.csv", "month,A,\U0007cd89\n2024-01,1,2\n")
	write("glyphlong.csv", "date,country,rate\n2024,一,1\n")
	write("de.csv", "Einwohner;A;B\n1.000;1,5;2\n2.000;3;4\n3.000;5;6\n")
	fig := func(id, extra string) string {
		return fmt.Sprintf("[[figure]]\nid = %q\ntype = \"line\"\ntitle = \"T\"\n%s\n", id, extra)
	}
	f, err := Decode(filepath.Join(dir, "f.toml"), []byte(fig("f1", "data = \"col.csv\"\ncolumns = { x = \"month\", series = [\"A\", \"B\"] }")+
		fig("f2", "data = \"col.csv\"\ncolumns = { x = \"month\", series = [\"A B\"] }")), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, alt, err := f.Figures[1].Publish([]string{"svg"}); err != nil || !strings.Contains(alt, "100") {
		t.Errorf("the second figure drew the first's columns: %s %v", alt, err)
	}
	f, err = Decode(filepath.Join(dir, "f.toml"), []byte(fig("de", "data = \"de.csv\"\ndata_locale = \"de\"")), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, alt, err := f.Figures[0].Publish([]string{"svg"}); err != nil || !strings.Contains(alt, "1.5 in 1,000") || !strings.Contains(alt, "in 3,000") {
		t.Errorf("x in German: %s %v", alt, err)
	}
	defer budget("a long table of 3,000 series")()
	for _, c := range []struct{ extra, want string }{
		{"data = \"many.csv\"\ncolumns = { x = \"date\", series = \"country\", value = \"rate\" }", "a 25-th series"},
		{"data = \"col.csv\"\ncolumns = { x = \"month\", series = [\"month\", \"A\"] }", `columns.series[0]: "month" is the x column`},
		{"data = \"col.csv\"\ncolumns = { x = \"month\", series = \"A\", value = \"month\" }", "three different columns"},
		{"data = \"dup.csv\"", `the series "A" is the name of another series too`},
		{"data = \"blank.csv\"", `the series "" has no name`},
		// A series is named in the key: the font must draw its name.
		{"data = \"glyph.csv\"", `f.toml:5:1: figure "e": data (glyph.csv's series "\U0007cd89"): the character '\U0007cd89' (U+7CD89) is not in the font "Inter"`},
		{"data = \"glyphlong.csv\"\ncolumns = { x = \"date\", series = \"country\", value = \"rate\" }", `data (glyphlong.csv's series "一"): the character '一'`},
	} {
		if _, err := Decode(filepath.Join(dir, "f.toml"), []byte(fig("e", c.extra)), dir); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.extra, err, c.want)
		}
	}
}

// TestSameDataSameChart: one table as a wide CSV, a long (tidy) CSV in
// another order, and a German export (semicolons, decimal commas, a BOM,
// CRLF, NA) draws byte-identical images, gaps included.
func TestSameDataSameChart(t *testing.T) {
	file, err := Load("testdata/csv.toml", "")
	if err != nil {
		t.Fatal(err)
	}
	var want []Output
	n := 0
	for _, fig := range file.Figures {
		if !strings.HasPrefix(fig.ID, "rates-") {
			continue
		}
		n++
		fig.ID = "rates"
		outs, err := fig.RenderFiles([]string{"svg", "png"})
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = outs
			if !strings.Contains(string(outs[0].Data()), "no value at 2 of 6 points") {
				t.Errorf("the alt text does not count the gaps:\n%.600s", outs[0].Data())
			}
			continue
		}
		for i := range outs {
			if !bytes.Equal(outs[i].Data(), want[i].Data()) {
				t.Errorf("%s of %s differs from the wide table's", outs[i].Format, fig.csv.name)
			}
		}
	}
	if n != 4 {
		t.Fatalf("%d figures rates-*, want 4", n)
	}
}

// TestSpreadsheetExports: what spreadsheets' CSV exports add, and what a
// desk's tables get wrong, read or refused by name.
func TestSpreadsheetExports(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644) }
	write("sep.csv", "sep=;\nlabel;value\nNepal;1,5\nIndia;2\n")
	write("mac.csv", "label,value\rNepal,1.5\rIndia,2\r")
	write("utf16.csv", "\xff\xfel\x00a\x00b\x00e\x00l\x00,\x00v\x00\n\x00")
	write("dup.csv", "label,value,value\na,1,2\n")
	write("short.csv", "label,value\na\nb,2\n")
	write("extra.csv", "label,value\na,1,\nb,2\n")
	write("xamb.csv", "d,v\n\"1,000\",5\n\"1,500\",6\n")
	write("xde.csv", "d;v\n1.000;5\n1.500;6\n")
	write("cards.csv", "label,value,earlier,compare\nUnemployment,5.1,5.9,a year earlier\nInflation,2.4,,\n")
	decode := func(typ, data, extra string) (string, error) {
		src := fmt.Sprintf("[[figure]]\nid = \"e\"\ntype = %q\ntitle = \"T\"\ndata = %q\n%s\n", typ, data, extra)
		f, err := Decode(filepath.Join(dir, "f.toml"), []byte(src), dir)
		if err != nil {
			return "", err
		}
		_, alt, err := f.Figures[0].Publish([]string{"svg"})
		return alt, err
	}
	for _, c := range []struct{ typ, data, extra, want string }{
		{"bar", "sep.csv", "", "Nepal: 1.5; India: 2.0"},
		{"bar", "mac.csv", "", "Nepal: 1.5; India: 2.0"},
		{"number", "cards.csv", "columns = { previous = \"earlier\" }\nsuffix = \"%\"", "5.1% Unemployment (−0.8\u00a0pp · 5.9% a year earlier); 2.4% Inflation."},
		{"line", "xde.csv", `data_locale = "de"`, "5 in 1,000, 6 in 1,500"}, // numbers, not the years 1000 and 1500
	} {
		if alt, err := decode(c.typ, c.data, c.extra); err != nil || !strings.Contains(alt, c.want) {
			t.Errorf("%s: %q %v, want %q", c.data, alt, err, c.want)
		}
	}
	for _, c := range []struct{ typ, data, want string }{
		{"bar", "utf16.csv", "utf16.csv is UTF-16 text"},
		{"bar", "dup.csv", `dup.csv's header names columns 2 and 3 "value"; give each column a name of its own`},
		{"bar", "short.csv", "short.csv:2: the row has 1 field, the header 2"},
		{"bar", "extra.csv", "extra.csv:2: the row has 3 fields, the header 2 (a value in a column the header does not name?)"},
		{"line", "xamb.csv", `xamb.csv:2:1: column "d": "1,000" could be 1000`},
	} {
		if _, err := decode(c.typ, c.data, ""); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.data, err, c.want)
		}
	}
}
