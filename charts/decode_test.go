package charts

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestBadInput decodes every file in testdata/bad and compares the whole
// error text with the .err golden beside it: each message must say file,
// figure and key, and every problem of a file must be reported.
func TestBadInput(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/*.toml")
	if len(files) < 15 {
		t.Fatalf("only %d bad inputs in testdata/bad", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			_, err := Load(file, "")
			if err == nil {
				t.Fatal("decoded without error")
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error is %T, not Errors: %v", err, err)
			}
			got := err.Error() + "\n"
			golden := strings.TrimSuffix(file, ".toml") + ".err"
			if *update {
				writeGolden(t, golden, []byte(got))
				return
			}
			want, rerr := os.ReadFile(golden)
			if rerr != nil {
				t.Fatalf("%v (run go test ./charts -update)", rerr)
			}
			if got != string(want) {
				os.WriteFile(golden+".got", []byte(got), 0o644)
				t.Errorf("errors differ from %s:\n got:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

// TestErrorMessages pins single messages, matched on substrings.
func TestErrorMessages(t *testing.T) {
	fig := func(body string) string {
		return "[[figure]]\nid = \"f\"\ntype = \"column\"\ntitle = \"T\"\n" + body
	}
	rows := func(n int) string {
		var b strings.Builder
		b.WriteString("data = [\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "{ label = \"r%d\", value = %d },\n", i, i)
		}
		return b.String() + "]\n"
	}
	figures := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "[[figure]]\nid = \"f%d\"\ntype = \"bar\"\ntitle = \"T\"\ndata = [{ label = \"a\", value = 1 }]\n", i)
		}
		return b.String()
	}
	tests := []struct {
		name, src string
		want      []string
	}{
		{"syntax line and column", "[[figure]]\nid = \"a\"\ntitle = \"x", []string{"f.toml:3:"}},
		{"nearest key", fig("subtitel = \"x\"\n" + rows(1)), []string{`figure "f": subtitel: unknown key; did you mean "subtitle"?`}},
		{"nearest data key", fig("data = [{ label = \"a\", vale = 1 }]"), []string{`data[0].vale: unknown key; did you mean "value"?`, `data[0].value: is missing`}},
		{"long string", fig("subtitle = \"" + strings.Repeat("x", 1001) + "\"\n" + rows(1)), []string{"subtitle: is 1001 characters long; at most 1000"}},
		{"too many points", fig(rows(10_001)), []string{"data: has 10001 rows; a column chart shows at most 10000"}},
		{"many points are fine", fig(rows(10_000)), nil},
		{"too many figures", figures(10_001), []string{"10001 figures; at most 10000"}},
		{"min not below max", fig("min = 10\nmax = 5\n" + rows(3)), []string{"max: 5 is not above min (10)"}},
		{"value above max", fig("max = 1\n" + rows(3)), []string{"data[2].value: 2 is above max (1); raise max"}},
		{"value below min", fig("min = 1\n" + rows(3)), []string{"data[0].value: 0 is below min (1); lower min"}},
		{"ticks not rising", fig("ticks = [0, 2, 1]\n" + rows(3)), []string{"ticks: must rise, each above the one before"}},
		{"ticks outside", fig("max = 5\nticks = [0, 10]\n" + rows(3)), []string{"ticks[1]: 10 is outside min..max (..5)"}},
		{"ticks repeated", fig("ticks = [0, 0, 1]\n" + rows(3)), []string{"ticks: must rise, each above the one before"}},
		{"ticks step from zero", "[[figure]]\nid = \"b\"\ntype = \"bar\"\ntitle = \"T\"\nticks = 1\ndata = [{ label = \"a\", value = 999990 }, { label = \"b\", value = 1000000 }]\n", []string{"ticks: a step of 1 makes more than 64 ticks over 0..1e+06"}},
		{"ticks negative step", fig("ticks = -5\n" + rows(3)), []string{"ticks: -5 is not a step"}},
		{"ticks too many", fig("ticks = 0.001\n" + rows(3)), []string{"ticks: a step of 0.001 makes more than 64 ticks"}},
		{"ticks not numbers", fig("ticks = [\"a\"]\n" + rows(3)), []string{"ticks[0]: must be a number, not a string"}},
		{"zero not bool", fig("zero = 1\n" + rows(3)), []string{"zero: must be true or false"}},
		{"axis on a waffle", "[[figure]]\nid = \"w\"\ntype = \"waffle\"\ntitle = \"T\"\nmax = 10\ndata = [{ label = \"a\", value = 1 }]\n", []string{"max: a waffle chart has no value axis"}},
		{"log step", fig("scale = \"log\"\nticks = 10\ndata = [{ label = \"a\", value = 1 }]\n"), []string{"ticks: a log scale steps by tens"}},
		{"annotation outside max", fig("max = 5\n" + rows(3) + "[[figure.annotation]]\ntext = \"t\"\nline = 9\n"), []string{"annotation[0]: 9 is outside min..max (..5)"}},
		{"misspelt axis key", fig("tiks = 5\n" + rows(3)), []string{"tiks: unknown key; did you mean \"ticks\"?"}},
		{"sort on a line", "[[figure]]\nid = \"l\"\ntype = \"line\"\ntitle = \"T\"\nsort = \"value\"\ndata = [{ x = 2020, value = 1 }]\n", []string{"sort: a line chart keeps its rows in the order of x"}},
		{"top on a range", "[[figure]]\nid = \"r\"\ntype = \"range\"\ntitle = \"T\"\ntop = 2\ndata = [{ label = \"a\", low = 1, high = 2 }]\n", []string{"top: a range chart cannot add its rows into one"}},
		{"misspelt order", fig("sort = \"valeu\"\n" + rows(3)), []string{`sort: unknown order "valeu"; did you mean "value"?`}},
		{"top zero", fig("top = 0\n" + rows(3)), []string{"top: 0 is out of range"}},
		{"other taken", fig("sort = \"value\"\ntop = 1\ndata = [{ label = \"Other\", value = 5 }, { label = \"b\", value = 1 }, { label = \"c\", value = 1 }]\n"), []string{`data[0].label: "Other" is the name top gives the rows it adds up`}},
		{"highlight added up", fig("top = 1\nhighlight = [\"r2\"]\n" + rows(3)), []string{`highlight[0]: "r2" is one of the rows top = 1 adds up into "Other"; name "Other", or raise top`}},
		{"labels misspelt", fig("labels = \"hihglight\"\n" + rows(3)), []string{`labels: "hihglight" is not a choice for a column chart; did you mean "highlight"?`}},
		{"labels on a line", "[[figure]]\nid = \"l\"\ntype = \"line\"\ntitle = \"T\"\nlabels = \"max\"\ndata = [{ x = 2020, value = 1 }]\n", []string{`labels: "max" is not a choice for a line chart; use one of ["last" "none"]`}},
		{"labels on a donut", "[[figure]]\nid = \"d\"\ntype = \"donut\"\ntitle = \"T\"\nlabels = \"none\"\ndata = [{ label = \"a\", value = 1 }]\n", []string{"labels: a donut chart writes every part's value"}},
		{"colour name unknown", fig("colors = { \"r7\" = \"#123456\" }\n" + rows(3)), []string{`colors.r7: "r7" names no row or part of the figure; a column chart colours its rows and parts; did you mean "r0"?`}},
		{"colour of a series on rows", "[[figure]]\nid = \"g\"\ntype = \"grouped-bar\"\ntitle = \"T\"\nseries = [\"x\", \"y\"]\ncolors = { \"a\" = \"#123456\" }\ndata = [{ label = \"a\", values = [1, 2] }]\n", []string{`colors.a: "a" names no series of the figure; a grouped-bar chart colours its series`}},
		{"colour of a merged row", fig("top = 1\ncolors = { \"r2\" = \"#123456\" }\n" + rows(3)), []string{`colors.r2: "r2" is one of the rows top = 1 adds up`}},
		{"colour by name bad", fig("colors = { \"r1\" = \"blue\" }\n" + rows(3)), []string{`colors.r1: "blue" is not a colour`}},
		{"colour by name not text", fig("colors = { \"r1\" = 5 }\n" + rows(3)), []string{"colors.r1: must be a colour such as"}},
		{"negative colour bad", fig("negative = \"red\"\n" + rows(3)), []string{`negative: "red" is not a colour`}},
		{"period on columns", fig(rows(3) + "[[figure.annotation]]\ntext = \"t\"\nfrom = \"2020\"\nto = \"2021\"\n"), []string{"annotation[0].from: a period (from = \"2020-03\") is shaded on line and area charts"}},
		{"period reversed", "[[figure]]\nid = \"l\"\ntype = \"line\"\ntitle = \"T\"\ndata = [{ x = 2020, value = 1 }, { x = 2022, value = 2 }]\n[[figure.annotation]]\ntext = \"t\"\n" + "from = \"2021\"\nto = \"2020\"\n", []string{"annotation[0].to: comes before from; swap them"}},
		{"period mixed", "[[figure]]\nid = \"l\"\ntype = \"line\"\ntitle = \"T\"\ndata = [{ x = 2020, value = 1 }, { x = 2022, value = 2 }]\n[[figure.annotation]]\ntext = \"t\"\n" + "from = \"2021\"\nto = 2022\n", []string{"annotation[0].to: must be an x as the rows write it"}},
		{"period outside", "[[figure]]\nid = \"l\"\ntype = \"line\"\ntitle = \"T\"\ndata = [{ x = 2020, value = 1 }, { x = 2022, value = 2 }]\n[[figure.annotation]]\ntext = \"t\"\n" + "from = \"1990\"\nto = \"1995\"\n", []string{"annotation[0].from: the period lies outside the rows' x (2020 to 2022)"}},
		{"period not a date", "[[figure]]\nid = \"l\"\ntype = \"line\"\ntitle = \"T\"\ndata = [{ x = 2020, value = 1 }, { x = 2022, value = 2 }]\n[[figure.annotation]]\ntext = \"t\"\n" + "from = \"spring\"\nto = \"2021\"\n", []string{`annotation[0].from: "spring" is not a date`}},
		{"change misspelt", "[[figure]]\nid = \"n\"\ntype = \"number\"\ntitle = \"T\"\nchange = \"absolut\"\ndata = [{ label = \"a\", value = 1 }]\n", []string{`change: unknown change "absolut"; did you mean "absolute"?`}},
		{"card decimals", "[[figure]]\nid = \"n\"\ntype = \"number\"\ntitle = \"T\"\ndata = [{ label = \"a\", value = 1, decimals = 9 }]\n", []string{"data[0].decimals: 9 is out of range; it must be from 0 to 6"}},
		{"source_url script", fig("source_url = \"javascript:alert(1)\"\n" + rows(1)), []string{"source_url: must start with https:// or http://"}},
		{"source_url file", fig("source_url = \"file:///etc/passwd\"\n" + rows(1)), []string{"source_url: must start with https:// or http://"}},
		{"source_url no host", fig("source_url = \"https:///x\"\n" + rows(1)), []string{"source_url: has no host"}},
		{"source_url quote", fig("source_url = \"https://a.org/\\\"><script>\"\n" + rows(1)), []string{"source_url: is not a web address"}},
		{"align misspelt", "[[figure]]\nid = \"l\"\ntype = \"line\"\ntitle = \"T\"\ndata = [{ x = 2020, value = 1 }, { x = 2022, value = 2 }]\n[[figure.annotation]]\ntext = \"t\"\n" + "at = \"2020\"\ndx = 5\nalign = \"rihgt\"\n", []string{`annotation[0].align: unknown alignment "rihgt"; did you mean "right"?`}},
		{"align alone", "[[figure]]\nid = \"l\"\ntype = \"line\"\ntitle = \"T\"\ndata = [{ x = 2020, value = 1 }, { x = 2022, value = 2 }]\n[[figure.annotation]]\ntext = \"t\"\n" + "at = \"2020\"\nalign = \"right\"\n", []string{"annotation[0].align: goes with dx and dy"}},
		{"dx without at", "[[figure]]\nid = \"l\"\ntype = \"line\"\ntitle = \"T\"\ndata = [{ x = 2020, value = 1 }, { x = 2022, value = 2 }]\n[[figure.annotation]]\ntext = \"t\"\n" + "line = 1\ndx = 5\n", []string{"annotation[0].dx: dx, dy, align, side and arrow place a note at a point; give at (or x)"}},
		{"dx too far", "[[figure]]\nid = \"l\"\ntype = \"line\"\ntitle = \"T\"\ndata = [{ x = 2020, value = 1 }, { x = 2022, value = 2 }]\n[[figure.annotation]]\ntext = \"t\"\n" + "at = \"2020\"\ndx = 90000\n", []string{"annotation[0].dx: moves the note off any figure"}},
		{"arrow not bool", "[[figure]]\nid = \"l\"\ntype = \"line\"\ntitle = \"T\"\ndata = [{ x = 2020, value = 1 }, { x = 2022, value = 2 }]\n[[figure.annotation]]\ntext = \"t\"\n" + "at = \"2020\"\narrow = \"yes\"\n", []string{"annotation[0].arrow: must be true or false"}},
		{"tick decimals", fig("tick_decimals = 7\n" + rows(1)), []string{"tick_decimals: 7 is out of range; it must be from 0 to 6"}},
		{"too many inline figures", "figure = [" + strings.Repeat(`{id = "a"},`, 10_001) + "]", []string{"10001 figures; at most 10000"}},
		{"huge number", fig("data = [{ label = \"a\", value = 1e300 }]"), []string{"data[0].value: 1e+300 is too large"}},
		{"fractional scale", fig("scale = 1.5\n" + rows(1)), []string{"scale: must be a whole number, not 1.5"}},
		{"figure as table", "[figure]\nid = \"a\"", []string{"figure: must be an array of tables"}},
		{"data not tables", fig("data = [1, 2]"), []string{"data: must be an array of tables"}},
		{"unknown figure key lists known", fig("zzzzzzzzzz = 1\n" + rows(1)), []string{"zzzzzzzzzz: unknown key; known keys are"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("f.toml", []byte(tt.src), ".")
			if tt.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

func TestFileTooLarge(t *testing.T) {
	src := make([]byte, maxFileBytes+1)
	_, err := Decode("big.toml", src, ".")
	if err == nil || !strings.Contains(err.Error(), "big.toml: is over 16 MiB") || strings.Contains(err.Error(), "16777217") {
		t.Fatalf("got %v", err)
	}
}

// TestDeepTOML: nesting and key shapes that take BurntSushi/toml's
// decoder seconds and gigabytes are refused before it runs, with the line
// and column.
func TestDeepTOML(t *testing.T) {
	for name, src := range map[string]string{
		"nested arrays":        "x = " + strings.Repeat("[", 48<<10),
		"nested inline tables": "x = " + strings.Repeat("{a = ", 10000) + "1" + strings.Repeat("}", 10000),
		"long dotted keys":     strings.Repeat("a.", 30<<10) + "a = 1\n",
	} {
		_, err := Decode("deep.toml", []byte(src), ".")
		if err == nil || !strings.HasPrefix(err.Error(), "deep.toml:1:") {
			t.Errorf("%s: got %.300v", name, err)
		}
	}
}

func TestNearest(t *testing.T) {
	known := []string{"title", "subtitle", "source", "value", "low", "high"}
	for in, want := range map[string]string{"titel": "title", "Title": "title", "hgh": "high", "zzzzzz": ""} {
		if got := nearest(in, known); got != want {
			t.Errorf("nearest(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNamedFilesStayInside: a TOML file cannot make presschart read a file
// outside its folder (or --root) through a symbolic link either, and a
// file inside it with the right name is read.
func TestNamedFilesStayInside(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.csv")
	os.WriteFile(secret, []byte("label,value\nTOKEN=hunter2,1\n"), 0o644)
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "ok.csv"), []byte("label,value\na,1\n"), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "link.csv")); err != nil {
		t.Skip(err)
	}
	os.Symlink(outside, filepath.Join(dir, "linkdir"))
	fig := func(data string) string {
		return fmt.Sprintf("[[figure]]\nid = \"f\"\ntype = \"bar\"\ntitle = \"T\"\ndata = %q\n", data)
	}
	for _, tt := range []struct{ data, root, want string }{
		{"link.csv", "", "leads outside the folder of"},
		{"linkdir/secret.csv", "", "leads outside the folder of"},
		{secret, "", "is an absolute path"},
		{"../" + filepath.Base(outside) + "/secret.csv", "", "is outside the folder of"},
		{"sub/../../x.csv", "", "is outside the folder of"},
		{"sub/ok.csv", "", ""},
		{"sub/./ok.csv", "", ""},
		// With a root above the TOML file's folder, .. may climb to it.
		{"../sub/ok.csv", dir, ""},
		{"../../x.csv", dir, `is outside the folder "`},
	} {
		tomlDir := dir
		if tt.root != "" {
			tomlDir = filepath.Join(dir, "sub")
		}
		_, err := DecodeIn(filepath.Join(tomlDir, "f.toml"), []byte(fig(tt.data)), tomlDir, tt.root)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("data = %q: %v", tt.data, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("data = %q: got %v, want an error with %q", tt.data, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "hunter2") {
			t.Errorf("data = %q: the error shows the file's contents: %v", tt.data, err)
		}
	}
}

// TestCSVErrorsAreShort: a file that is not the CSV a figure expects (a
// password file renamed, a column mapped onto a line of it) gives a few
// short messages, never its lines.
func TestCSVErrorsAreShort(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("root:x:0:0:root:/root:/bin/bash\n")
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&b, "user%d:x:%d:%d:SECRET-%d-abcdefghijklmnopqrstuvwxyz-0123456789:/home/u:/bin/sh\n", i, i, i, i)
	}
	os.WriteFile(filepath.Join(dir, "passwd.csv"), []byte(b.String()), 0o644)
	src := "[[figure]]\nid = \"f\"\ntype = \"column\"\ntitle = \"T\"\ndata = \"passwd.csv\"\n" +
		"columns = { label = \"root:x:0:0:root:/root:/bin/bash\", value = \"root:x:0:0:root:/root:/bin/bash\" }\n"
	_, err := Decode(filepath.Join(dir, "f.toml"), []byte(src), dir)
	if err == nil {
		t.Fatal("decoded a password file")
	}
	es := err.(Errors)
	if len(es) > maxCSVErrors+1 {
		t.Errorf("%d messages; at most %d and a count of the rest", len(es), maxCSVErrors+1)
	}
	if !strings.Contains(es[len(es)-1].Msg, "more problems not listed") {
		t.Errorf("the last message does not count the rest: %v", es[len(es)-1])
	}
	if strings.Contains(err.Error(), "0123456789") {
		t.Errorf("a message quotes more than an excerpt of a cell:\n%v", err)
	}
	for _, e := range es {
		if len(e.Msg) > 300 {
			t.Errorf("a message of %d bytes: %s", len(e.Msg), e.Msg)
		}
	}
}

// TestErrorsAreBoundedAndSafe: a file of many problems lists a screenful
// and counts the rest, and a key that would clear a terminal, forge a
// line or hide behind a direction mark is printed escaped.
func TestErrorsAreBoundedAndSafe(t *testing.T) {
	var b strings.Builder
	b.WriteString("[style]\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	b.WriteString("\"\\u001b[2J\\u001b[32mfake\\nall good: \" = 1\n\"\\u202e\" = 2\n")
	_, err := Decode("many.toml", []byte(b.String()), ".")
	es, _ := err.(Errors)
	if len(es) != maxErrors+1 || !strings.Contains(es[len(es)-1].Msg, "more problems not listed") {
		t.Fatalf("%d messages; want %d and a count of the rest", len(es), maxErrors+1)
	}
	_, err = Decode("keys.toml", []byte("[style]\n\"\\u001b[2J\\u001b[32mfake\\nall good: \" = 1\n\"\\u202e\" = 2\n"), ".")
	if err == nil || strings.ContainsAny(err.Error(), "\x1b\u202e") || strings.Count(err.Error(), "\n") != 1 {
		t.Errorf("keys reach the message raw: %q", err)
	}
}

// TestClipBoundsQuotedExcerpts: an excerpt stays short once quoted, for
// text of any bytes (a control byte or a broken UTF-8 sequence quotes as
// four to ten bytes), and a header of binary column names gives a short
// message. A fuzzed CSV header once grew one message to 603 bytes.
func TestClipBoundsQuotedExcerpts(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		b := make([]byte, rnd.IntN(400))
		for j := range b {
			b[j] = byte(rnd.IntN(256))
		}
		if i%3 == 0 {
			b = []byte(strings.Repeat("\u2028\U0001F600é\x00", len(b)))
		}
		c := clip(string(b))
		if q := strconv.Quote(c); len(q) > 64+2+6 {
			t.Fatalf("clip(%.40q) quotes as %d bytes: %s", b, len(q), q)
		}
		if !strings.HasPrefix(string(b), strings.TrimSuffix(c, "…")) {
			t.Fatalf("clip(%.40q) = %q is not its beginning", b, c)
		}
	}
	if got := clip("Russia’s army"); got != "Russia’s army" {
		t.Errorf("a short text is cut: %q", got)
	}
	dir := t.TempDir()
	var head []string
	for i := 0; i < 12; i++ {
		head = append(head, strings.Repeat("\x1b\x11\xae", 30)+strconv.Itoa(i))
	}
	os.WriteFile(filepath.Join(dir, "data.csv"), []byte(strings.Join(head, ",")+"\n1,2\n"), 0o644)
	_, err := Decode(filepath.Join(dir, "f.toml"), []byte("[[figure]]\nid = \"c\"\ntype = \"bar\"\ntitle = \"CSV\"\ndata = \"data.csv\"\n"), dir)
	es, _ := err.(Errors)
	if len(es) == 0 {
		t.Fatalf("a header of binary names is read: %v", err)
	}
	for _, e := range es {
		if len(e.Msg) > 400 || !strings.Contains(e.Msg, "more") {
			t.Errorf("a message of %d bytes that does not count the columns left out: %s", len(e.Msg), e.Msg)
		}
	}
}

// TestCSVDelimiters: the same table exported with commas, semicolons,
// tabs or bars (with a byte-order mark, CRLF line ends and quoted fields
// holding other separators) draws the same figure, byte for byte; the
// delimiter is found in the file, or forced by delimiter.
func TestCSVDelimiters(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"comma.csv":     "country,recruits\nNepal,15000\n\"India, south\",4000\n",
		"semicolon.csv": "\ufeffcountry;recruits\r\nNepal;15000\r\n\"India, south\";4000\r\n",
		"tab.tsv":       "country\trecruits\nNepal\t15000\nIndia, south\t4000\n",
		"tab.csv":       "country\trecruits\nNepal\t15000\n\"India, south\"\t4000\n",
		"bar.txt":       "country|recruits\nNepal|15000\nIndia, south|4000\n",
		"forced.csv":    "country;recruits\nNepal;15000\nIndia, south;4000\n",
	}
	for name, text := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	svg := func(name, extra string) string {
		t.Helper()
		src := fmt.Sprintf("[[figure]]\nid = \"d\"\ntype = \"bar\"\ntitle = \"Recruits\"\ndata = %q\ncolumns = { label = \"country\", value = \"recruits\" }\n%s", name, extra)
		f, err := Decode(filepath.Join(dir, "f.toml"), []byte(src), dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		outs, err := f.Figures[0].RenderFiles([]string{"svg"})
		if err != nil {
			t.Fatal(err)
		}
		return string(outs[0].Data())
	}
	want := svg("comma.csv", "")
	if !strings.Contains(want, "India, south") {
		t.Fatalf("the quoted label is not drawn whole")
	}
	for _, c := range []struct{ name, extra string }{
		{"semicolon.csv", ""}, {"tab.tsv", ""}, {"tab.csv", ""}, {"bar.txt", ""},
		{"forced.csv", `delimiter = ";"`}, {"tab.csv", `delimiter = "tab"`},
	} {
		if got := svg(c.name, c.extra); got != want {
			t.Errorf("%s %s draws another figure", c.name, c.extra)
		}
	}
	for _, c := range []struct{ src, want string }{
		{"data = \"forced.csv\"\ndelimiter = \";;\"\n", `delimiter: ";;" is not a delimiter`},
		{"data = [ { label = \"a\", value = 1 } ]\ndelimiter = \";\"\n", "delimiter: separates the fields of a CSV file"},
		{"data = \"forced.csv\"\ndelimiter = \",\"\ncolumns = { label = \"country\", value = \"recruits\" }\n", `has no column "country"`},
	} {
		_, err := Decode(filepath.Join(dir, "f.toml"), []byte("[[figure]]\nid = \"d\"\ntype = \"bar\"\ntitle = \"T\"\n"+c.src), dir)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.src, err, c.want)
		}
	}
}
