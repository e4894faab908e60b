package charts

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// FuzzRender: any input either fails to decode with Errors, or renders
// every figure without panicking into an SVG that parses as XML and a PNG
// that decodes at the stated size. Seeded from every fixture in testdata;
// crashers are kept in testdata/fuzz/FuzzRender.
func FuzzRender(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		// No input may make a render hang or allocate without bound: a
		// stuck worker crashes, and the fuzzer keeps its input.
		defer budget(string(src))()
		renderAll(t, string(src), "testdata/bad")
	})
}

// FuzzDecode: decoding alone never panics, every error it returns is an
// Errors whose messages name the file, and decoding a figure at a time
// agrees with decoding the whole file. Cheaper than FuzzRender, so it
// explores the decoder further in the same time.
func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		defer budget(string(src))()
		// A figure at a time or whole, the decoding is the same.
		if d := sameDecoding("fuzz.toml", src, "testdata/bad"); d != "" {
			t.Fatal(d)
		}
		file, err := Decode("fuzz.toml", src, "testdata/bad")
		if err != nil {
			es, ok := err.(Errors)
			if !ok || len(es) == 0 {
				t.Fatalf("error of type %T: %v", err, err)
			}
			lines := bytes.Count(src, []byte("\n")) + 1
			for _, e := range es {
				if !strings.HasPrefix(e.Error(), "fuzz.toml") {
					t.Fatalf("message does not name the file: %q", e.Error())
				}
				if e.Line < 0 || e.Line > lines || e.Line > 0 && e.Col < 1 {
					t.Fatalf("placed at %d:%d in a file of %d lines: %q", e.Line, e.Col, lines, e.Error())
				}
			}
			return
		}
		if len(file.Figures) == 0 {
			t.Fatal("decoded a file without figures")
		}
	})
}

// addSeeds seeds a fuzz target with every fixture in testdata, good and bad.
func addSeeds(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.toml")
	bad, _ := filepath.Glob("testdata/bad/*.toml")
	for _, s := range append(seeds, bad...) {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	// Every kind with extreme numbers, as a dictionary would give them.
	for _, name := range kindNames() {
		for _, v := range extremeNumbers {
			f.Add([]byte(synthFigure(kinds[name], "fuzz", []float64{v, 1, v})))
		}
	}
}

// extremeNumbers are the numbers that broke scales before: subnormals,
// the float64 extremes, negative zero, and the edges of what presschart
// allows. As TOML they are written with strconv, as NaN and infinity in
// TOML's spelling.
var extremeNumbers = []float64{5e-324, 1e-323, 2.2250738585072014e-308, 1e-10, 1e-9, -1e-9, 0.001,
	math.Copysign(0, -1), 1e15, -1e15, 1e15 + 1, 1.7976931348623157e308, -1.7976931348623157e308,
	math.NaN(), math.Inf(1), math.Inf(-1), 0.1 + 0.2, 999999999999999.9}

// tomlNumber writes v as a TOML number.
func tomlNumber(v float64) string {
	switch {
	case math.IsNaN(v):
		return "nan"
	case math.IsInf(v, 1):
		return "inf"
	case math.IsInf(v, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

// synthFigure writes a [[figure]] of kind k whose rows take their numbers
// from vs in turn: one row per three numbers, at least one row.
func synthFigure(k *kind, id string, vs []float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[[figure]]\nid = %q\ntype = %q\ntitle = \"Synthesized %s\"\n", id, k.name, k.name)
	switch {
	case k.series > 0:
		b.WriteString("series = [\"2024\", \"2025\"]\n")
	case k.multi:
		b.WriteString("series = [\"A\", \"B\"]\n")
	}
	b.WriteString("data = [\n")
	next := 0
	num := func() string {
		v := vs[next%len(vs)]
		next++
		return tomlNumber(v)
	}
	rows := max(1, len(vs)/3)
	for i := 0; i < rows; i++ {
		switch {
		case k.xy:
			fmt.Fprintf(&b, "  { x = %d, value = %s },\n", 2000+i, num())
		case k == timelineKind: // an event: a date and what happened
			fmt.Fprintf(&b, "  { label = \"Row %d\", x = \"%d-01\" },\n", i, 2000+i)
		case k.multi:
			fmt.Fprintf(&b, "  { label = \"Row %d\", values = [%s, %s] },\n", i, num(), num())
		case k.labelKey != "": // a map's region and its value
			fmt.Fprintf(&b, "  { %s = %q, value = %s },\n", k.labelKey, genRegions[i%len(genRegions)], num())
		case (k == locatorKind || k == symbolMapKind) && i%2 == 0: // a region, or a place at the numbers
			fmt.Fprintf(&b, "  { label = \"Row %d\", region = %q%s },\n", i, []string{"Nepal", "Chile", "Kenya", "Japan", "Peru"}[i/2%5], symbolValue(k, num))
		case k == locatorKind || k == symbolMapKind:
			fmt.Fprintf(&b, "  { label = \"Row %d\", lat = %s, lon = %s%s },\n", i, num(), num(), symbolValue(k, num))
		default:
			fmt.Fprintf(&b, "  { label = \"Row %d\"", i)
			for _, field := range k.fields {
				fmt.Fprintf(&b, ", %s = %s", field, num())
			}
			if k.compare {
				fmt.Fprintf(&b, ", previous = %s", num())
			}
			b.WriteString(" },\n")
		}
	}
	b.WriteString("]\n")
	return b.String()
}

// FuzzNumbers: any three numbers, in any chart type, either are refused
// by name or render into a finite scene: no hang, no NaN in the SVG, no
// "Inf" in a label. The fuzzer mutates the float64s directly, so it
// reaches subnormals, extremes and near-ties that text mutation rarely
// writes.
func FuzzNumbers(f *testing.F) {
	names := kindNames()
	for i := range names {
		f.Add(uint8(i), 5e-324, 1.0, 0.0)
		f.Add(uint8(i), 1e15, -1e15, 1e-9)
		f.Add(uint8(i), 0.21, 0.34, 0.25)
	}
	f.Fuzz(func(t *testing.T, k uint8, a, b, c float64) {
		src := synthFigure(kinds[names[int(k)%len(names)]], "n", []float64{a, b, c, b, c, a})
		defer budget(src)()
		renderAll(t, src, t.TempDir())
	})
}

// FuzzCSV: any CSV file, read for any chart type that takes CSV, is
// either refused with short messages that name the file (never the whole
// of a cell or a line of a file that is not the CSV expected), or renders.
func FuzzCSV(f *testing.F) {
	var csvKinds []string
	csvKinds = append(csvKinds, kindNames()...) // every type reads CSV
	seeds, _ := filepath.Glob("testdata/*/*.csv")
	seeds2, _ := filepath.Glob("testdata/*.csv")
	for _, s := range append(seeds, seeds2...) {
		b, _ := os.ReadFile(s)
		f.Add(b, uint8(0))
	}
	for _, s := range []string{"label,value\n\"x\"y,1\n", "label,value\n\"unterminated,1\n", "label,value\na,5e-324\nb,1\n",
		"label,value\na,1e400\n", "\ufefflabel,value\na,\"1,000\"\n", "label,low,high\na,1,2\nb,3\n", "label,value\r\na,1\r\n",
		"PATH=/usr/bin\x00TOKEN=secret\x00", strings.Repeat("x", 5000) + "\n1\n", "\ufefflabel;value\r\n\"a;b\";1,5\r\n", "label\tvalue\na\t1\n", "label|value\n\"a|\"|2\n",
		"x,A,B\n2024-01,1,2\n2024-02,3,4\n", "label,2024,2025\nNepal,\"1,5\",2\n"} {
		f.Add([]byte(s), uint8(1))
	}
	// Small multiples: the high bit of k adds facet = "region".
	for i, s := range []string{"region,label,value\nN,a,1\nS,a,2\n", "region,x,A,B\nN,2024-01,1,2\nS,2024-01,3,4\nN,2024-02,5,\n",
		"region,x,series,value\nN,2020,Men,1\nN,2020,Women,2\nS,2020,Men,3\n", "region,label,value\n,a,1\n\"N\"\"\",b,2\n"} {
		f.Add([]byte(s), uint8(0x80|i*7))
	}
	f.Fuzz(func(t *testing.T, csvData []byte, k uint8) {
		defer budget(string(csvData))()
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "data.csv"), csvData, 0o644); err != nil {
			t.Fatal(err)
		}
		kind := kinds[csvKinds[int(k&0x7f)%len(csvKinds)]]
		src := fmt.Sprintf("[[figure]]\nid = \"c\"\ntype = %q\ntitle = \"CSV\"\ndata = \"data.csv\"\n", kind.name)
		if k&0x80 != 0 {
			src += "facet = \"region\"\n"
		}
		file, err := Decode(filepath.Join(dir, "f.toml"), []byte(src), dir)
		if err != nil {
			es, ok := err.(Errors)
			if !ok || len(es) == 0 {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if len(es) > maxCSVErrors+4 {
				t.Fatalf("%d messages for one CSV file", len(es))
			}
			for _, e := range es {
				if len(e.Msg) > 600 {
					t.Fatalf("message of %d bytes: %.300q…", len(e.Msg), e.Msg)
				}
			}
			return
		}
		for _, fig := range file.Figures {
			fig.Style.Scale = 1
			if _, err := fig.RenderFiles([]string{"svg", "png"}); err != nil {
				t.Fatalf("decoded, but does not render: %v", err)
			}
		}
	})
}

// renderAll decodes src and renders every figure in SVG and PNG at scale
// 1 (at most a megapixel: the fuzzer looks for crashes, not for big
// pictures): a figure that decodes must render, into an SVG that is XML
// with finite numbers in its attributes and a PNG that decodes at the
// figure's width.
func renderAll(t *testing.T, src, dir string) {
	t.Helper()
	file, err := Decode("fuzz.toml", []byte(src), dir)
	if err != nil {
		if _, ok := err.(Errors); !ok {
			t.Fatalf("error of type %T: %v", err, err)
		}
		return
	}
	for _, fig := range file.Figures {
		fig.Style.Scale = 1
		if fig.Style.Width*fig.Style.Height > 1e6 {
			fig.Style.Width, fig.Style.Height = 640, 400
		}
		outs, err := fig.RenderFiles([]string{"svg", "png"})
		if err != nil {
			t.Fatalf("figure %q decoded, but does not render: %v\n%s", fig.ID, err, src)
		}
		svg := outs[0].Data()
		if err := wellFormed(svg); err != nil {
			t.Fatalf("figure %q: SVG is not XML: %v", fig.ID, err)
		}
		for _, attr := range attrValue.FindAll(svg, -1) {
			if nonFinite.Match(attr) {
				t.Fatalf("figure %q: the SVG has a non-finite number in %s:\n%s", fig.ID, attr, src)
			}
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(outs[1].Data()))
		if err != nil {
			t.Fatalf("figure %q: PNG: %v", fig.ID, err)
		}
		if cfg.Width != int(fig.Style.Width+0.5) {
			t.Fatalf("figure %q: PNG is %d wide, want %g", fig.ID, cfg.Width, fig.Style.Width)
		}
		// The layout checker runs on any figure, within the budget; what
		// it finds in hostile input is for --check to say.
		fig.findings(fig.Scene())
	}
}

// FuzzLayout: a figure the generator draws (any seed, any type) breaks
// no layout rule. TestLayoutFindings runs 200 seeds a type; this explores
// further: go test ./charts -run '^$' -fuzz FuzzLayout. Its seeds run
// with every go test.
func FuzzLayout(f *testing.F) {
	names := kindNames()
	for i := range names {
		f.Add(int64(i)*7919+1, uint8(i))
	}
	f.Fuzz(func(t *testing.T, seed int64, k uint8) {
		kind := kinds[names[int(k)%len(names)]]
		src := genFigure(rand.New(rand.NewSource(seed)), kind, "fuzzed")
		defer budget(src)()
		file, err := Decode("generated.toml", []byte(src), ".")
		if err != nil {
			return // the generator draws some figures a desk could not
		}
		fig := file.Figures[0]
		if fds := withoutEditors(fig.findings(fig.Scene())); len(fds) > 0 {
			t.Fatalf("%d layout findings, first %s, in:\n%s", len(fds), fds[0], src)
		}
	})
}

// attrValue finds the SVG's attribute values; nonFinite, a NaN or an
// infinity among their numbers (text content may say "Inflation").
var (
	attrValue = regexp.MustCompile(`="[^"]*"`)
	nonFinite = regexp.MustCompile(`(^|[^A-Za-z])(NaN|[+-]?Inf)([^A-Za-z]|$)`)
)

// FuzzLogoSVG: any file given as an SVG logo is drawn or refused with a
// message, within the budget, never a panic.
func FuzzLogoSVG(f *testing.F) {
	for _, name := range []string{"testdata/data/logo.svg", "testdata/bad/logo-text.svg", "testdata/bad/logo-script.svg"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<svg viewBox="0 0 10 10"><path d="M0 0 A5 5 0 1 1 10 10 a 1e5 1e5 45 0 0 -3 2 Q1 2 3 4 T 5 6 S 1 2 3 4 z"/></svg>`))
	f.Add([]byte(`<svg viewBox="0 0 10 10"><g transform="rotate(30 5 5) skewX(10) matrix(1 0 0 1 0 0)"><polygon points="0,0 10,0 5,10" stroke="red" stroke-width="1e5"/></g></svg>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer budget(string(data))()
		img, msg := rasterSVG(data)
		if (img == nil) == (msg == "") {
			t.Fatalf("image %v and message %q", img != nil, msg)
		}
	})
}

// FuzzXLSX: any bytes named .xlsx, read for any chart type, are refused
// with short messages that name the file, or render: a broken zip, a
// sheet of any XML, a workbook that unpacks to more than the limit.
func FuzzXLSX(f *testing.F) {
	seed, err := os.ReadFile("testdata/data/rates.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed, uint8(0), true)
	f.Add(seed, uint8(3), false)
	f.Add([]byte("PK\x03\x04"), uint8(1), false)
	names := kindNames()
	f.Fuzz(func(t *testing.T, book []byte, k uint8, ranged bool) {
		defer budget(string(book))()
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "data.xlsx"), book, 0o644); err != nil {
			t.Fatal(err)
		}
		extra := ""
		if ranged {
			extra = "sheet = \"2024\"\nrange = \"A3:D9\"\n"
		}
		src := fmt.Sprintf("[[figure]]\nid = \"x\"\ntype = %q\ntitle = \"Workbook\"\ndata = \"data.xlsx\"\n%s", names[int(k)%len(names)], extra)
		file, err := Decode(filepath.Join(dir, "f.toml"), []byte(src), dir)
		if err != nil {
			es, ok := err.(Errors)
			if !ok || len(es) == 0 {
				t.Fatalf("error of type %T: %v", err, err)
			}
			for _, e := range es {
				if len(e.Msg) > 600 {
					t.Fatalf("message of %d bytes: %.300q…", len(e.Msg), e.Msg)
				}
			}
			return
		}
		for _, fig := range file.Figures {
			fig.Style.Scale = 1
			if _, err := fig.RenderFiles([]string{"svg", "png"}); err != nil {
				t.Fatalf("decoded, but does not render: %v", err)
			}
		}
	})
}

// symbolValue is a symbol map's row's value, written after its place.
func symbolValue(k *kind, num func() string) string {
	if k != symbolMapKind {
		return ""
	}
	return ", value = " + num()
}
