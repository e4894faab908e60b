package charts

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"html"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/presschart/presschart/charts/font"
	"github.com/presschart/presschart/charts/scene"
)

// The tables of facts (kinds, row fields, formats, locales) are walked
// here: an entry that another part of the house does not know about fails
// a test until it does.

// TestKindTable: every kind's fields are row fields, every kind decodes
// and renders a synthesized figure of one row and of three, and every
// kind is documented in doc.go and README.
func TestKindTable(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range kindNames() {
		k := kinds[name]
		if k.name != name {
			t.Errorf("kinds[%q] is named %q", name, k.name)
		}
		missing := false
		for _, f := range k.fields {
			if rowFields[f] == nil {
				t.Errorf("%s: the row field %q is not in rowFields; add it with the Datum field that holds it", name, f)
				missing = true
			}
		}
		if missing {
			continue // decoding would need the field
		}
		if k.options == nil || k.validate == nil || k.plot == nil || k.describe == nil {
			t.Errorf("%s: the kind is missing a function", name)
		}
		if k.maxRows < 1 || k.maxRows > maxPoints {
			t.Errorf("%s: maxRows %d", name, k.maxRows)
		}
		for _, vs := range [][]float64{{1, 2, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9}} {
			src := synthFigure(k, "synth", vs)
			file, err := Decode("synth.toml", []byte(src), ".")
			if err != nil {
				t.Errorf("%s: a synthesized figure does not decode:\n%s\n%v", name, src, err)
				continue
			}
			if _, err := file.Figures[0].RenderFiles([]string{"svg", "png"}); err != nil {
				t.Errorf("%s: a synthesized figure does not render: %v", name, err)
			}
		}
		if !regexp.MustCompile(`(?m)^// ([a-z-]+, )*` + regexp.QuoteMeta(name) + `(, [a-z-]+)*: `).Match(doc) {
			t.Errorf("doc.go has no paragraph that starts %q", "// "+name+": ")
		}
		if !strings.Contains(string(readme), "`"+name+"`") {
			t.Errorf("README.md does not name the type %q", name)
		}
	}
}

// TestTickStepsFollowEveryField: a figure whose values are fractions gets
// ticks between 0 and 1 whichever row fields hold them (dumbbells and
// slopes read from and to, which the step once ignored: 0.21 to 0.34 got
// a 0-1 axis with two ticks).
func TestTickStepsFollowEveryField(t *testing.T) {
	for _, name := range []string{"column", "bar", "range", "dumbbell", "slope"} {
		src := synthFigure(kinds[name], "steps", []float64{0.21, 0.34, 0.25, 0.3, 0.22, 0.33})
		file, err := Decode("steps.toml", []byte(src), ".")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c := newCtx(file.Figures[0])
		if got := c.dataStep(); got != 0 {
			t.Errorf("%s: dataStep = %g for fractional values, want 0", name, got)
		}
	}
}

// TestLocaleTable: every locale fills every field, has a noun for every
// kind, formats its phrases with the right number of arguments, can be
// drawn in the default fonts, is documented, and labels a monthly line
// chart with its own month names.
func TestLocaleTable(t *testing.T) {
	doc, _ := os.ReadFile("doc.go")
	readme, _ := os.ReadFile("../README.md")
	args := map[string][]any{ // the arguments each phrase is given
		"change": {"1", "a", "2", "b"}, "highlighted": {"a"}, "annotated": {"a"}, "of": {"1"},
		"more": {3}, "estimates": {"a", "1", "2"}, "fromTo": {"a", "1", "x", "2", "y"},
		"valueAt": {"1", "a"}, "highest": {"1", "a"},
	}
	for code, loc := range locales {
		v := reflect.ValueOf(*loc)
		for i := 0; i < v.NumField(); i++ {
			name := v.Type().Field(i).Name
			fv := v.Field(i)
			if fv.Kind() == reflect.String && fv.String() == "" && name != "percent" {
				t.Errorf("%s: %s is empty", code, name)
			}
			if a, ok := args[name]; ok {
				if s := fmt.Sprintf(fv.String(), a...); strings.Contains(s, "%!") {
					t.Errorf("%s: %s takes other arguments: %q", code, name, s)
				}
			}
		}
		for i, m := range loc.months {
			if m == "" {
				t.Errorf("%s: month %d has no name", code, i+1)
			}
		}
		for _, k := range kindNames() {
			if loc.nouns[k] == "" {
				t.Errorf("%s: no noun for the kind %s", code, k)
			}
		}
		sc, ok := scripts[loc.script]
		if !ok {
			t.Errorf("%s: unknown script %q", code, loc.script)
			continue
		}
		// Every word is in Inter, or in the test fonts for the script
		// after it; a script Inter lacks names a font that has it.
		all := fmt.Sprint(*loc)
		for _, face := range testFaces(t, loc.script) {
			if r, missing := face.Missing(all); missing {
				t.Errorf("%s: %q is not in %v", code, r, face.Families())
			}
		}
		if sc.inter == (sc.font != "") {
			t.Errorf("%s: script %s must name a font exactly when Inter lacks it", code, loc.script)
		}
		if loc.rtl != (loc.script == "arab" || loc.script == "hebr") {
			t.Errorf("%s: rtl is %v for the script %s", code, loc.rtl, loc.script)
		}
		for _, p := range []string{loc.monthYear, loc.quarterYear} {
			if s := fmt.Sprintf(p, "M", 2025); !strings.Contains(s, "M") || !strings.Contains(s, "2025") || strings.Contains(s, "%!") {
				t.Errorf("%s: the pattern %q writes %q", code, p, s)
			}
		}
		if s := fmt.Sprintf(loc.dayMonth, "7", "M"); !strings.Contains(s, "7") || !strings.Contains(s, "M") || strings.Contains(s, "%!") {
			t.Errorf("%s: dayMonth %q writes %q", code, loc.dayMonth, s)
		}
		if !strings.Contains(string(readme), code) || !regexp.MustCompile(`locale +[^\n]*\b`+code+`\b`).Match(doc) {
			t.Errorf("README.md and doc.go's locale key must name %q", code)
		}

		src := fmt.Sprintf("[style]\nlocale = %q\n%s[[figure]]\nid = \"m\"\ntype = \"line\"\ntitle = \"Months\"\ndata = [\n", code, testFontKeys(loc.script))
		for m := 1; m <= 6; m++ {
			src += fmt.Sprintf("{ x = \"2025-%02d\", value = %d },\n", m, m)
		}
		file, err := Decode("months.toml", []byte(src+"]\n"), ".")
		if err != nil {
			t.Fatal(err)
		}
		outs, err := file.Figures[0].RenderFiles([]string{"svg"})
		if err != nil {
			t.Fatal(err)
		}
		svg := string(outs[0].Data())
		ticks := 0
		for _, m := range loc.months[:6] {
			if strings.Contains(svg, ">"+html.EscapeString(m)) {
				ticks++
			}
		}
		if ticks < 3 {
			t.Errorf("%s: a monthly line chart shows %d of its month names", code, ticks)
		}
	}
}

// TestFormatTable: every format is documented, and the style and the
// command line refuse the same lists.
func TestFormatTable(t *testing.T) {
	doc, _ := os.ReadFile("doc.go")
	readme, _ := os.ReadFile("../README.md")
	for _, f := range formats {
		if f.write == nil {
			t.Errorf("%s: no writer", f.name)
		}
		if !strings.Contains(string(doc), `"`+f.name+`"`) || !strings.Contains(string(readme), f.name) {
			t.Errorf("doc.go and README.md must name the format %q", f.name)
		}
	}
	for _, list := range [][]string{nil, {"html"}, {"pdf"}, {"png", "nope"}} {
		if _, msg := CheckFormats(list); msg == "" {
			t.Errorf("CheckFormats(%q) accepts it", list)
		}
	}
	if _, msg := CheckFormats(FormatNames()); msg != "" {
		t.Errorf("CheckFormats refuses every format: %s", msg)
	}
}

// TestChartTypesStandAlone: a chart-type file (one that declares a kind
// of the kinds table) uses shared building blocks and never a function,
// type or variable declared in another chart-type file, so that changing
// one chart type cannot change another.
func TestChartTypesStandAlone(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	files := pkgs["charts"].Files
	// Which file declares what, and which files declare kinds.
	declaredIn := map[string]string{}
	for name, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				declaredIn[d.Name.Name] = name
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						declaredIn[s.Name.Name] = name
					case *ast.ValueSpec:
						for _, n := range s.Names {
							declaredIn[n.Name] = name
						}
					}
				}
			}
		}
	}
	chartFile := map[string]bool{}
	for _, k := range kindNames() {
		found := false
		for ident, file := range declaredIn {
			if strings.HasSuffix(ident, "Kind") && kindVarIs(files[file], ident, k) {
				chartFile[file], found = true, true
			}
		}
		if !found {
			t.Errorf("no file declares the kind %q", k)
		}
	}
	for name := range chartFile {
		ast.Inspect(files[name], func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			if other := declaredIn[id.Name]; other != "" && other != name && chartFile[other] {
				t.Errorf("%s uses %s, declared in the chart-type file %s; move it to a shared file", filepath.Base(name), id.Name, filepath.Base(other))
			}
			return true
		})
	}
}

// kindVarIs reports whether the file declares the variable ident as the
// kind named k (a &kind{name: k} literal or a call with k as argument).
func kindVarIs(f *ast.File, ident, k string) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != ident || len(vs.Values) != 1 {
			return true
		}
		ast.Inspect(vs.Values[0], func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Value == strconv.Quote(k) {
				found = true
			}
			return true
		})
		return false
	})
	return found
}

// TestPixelGrid: at scales 1, 2 and 3, the edges of bars and of
// horizontal and vertical 1 px lines fall on whole device pixels, so that
// nothing the chart draws straight is soft.
func TestPixelGrid(t *testing.T) {
	for _, k := range []string{"column", "bar", "range", "grouped-column", "stacked-bar"} {
		for _, scale := range []int{1, 2, 3} {
			src := fmt.Sprintf("[style]\nscale = %d\n", scale) + synthFigure(kinds[k], "grid", []float64{3.3, 17.9, 8.1, 12.35, 4.4, 9.9, 1.3, 21.7, 6.6})
			file, err := Decode("grid.toml", []byte(src), ".")
			if err != nil {
				t.Fatal(err)
			}
			sc := file.Figures[0].Scene()
			on := func(v float64) bool {
				d := v * float64(scale)
				return math.Abs(d-math.Round(d)) < 1e-6
			}
			sc.Walk(func(n scene.Node) {
				switch n := n.(type) {
				case *scene.Rect:
					if n.Class == "pc-bar" && !(on(n.X) && on(n.Y) && on(n.X+n.W) && on(n.Y+n.H)) {
						t.Errorf("%s at scale %d: a bar from (%g, %g) to (%g, %g) is off the pixel grid", k, scale, n.X, n.Y, n.X+n.W, n.Y+n.H)
					}
				case *scene.Line:
					if n.Width == 1 && n.Y1 == n.Y2 && !on(n.Y1-0.5) || n.Width == 1 && n.X1 == n.X2 && !on(n.X1-0.5) {
						t.Errorf("%s at scale %d: a %s line at (%g, %g) is off the pixel grid", k, scale, n.Class, n.X1, n.Y1)
					}
				}
			})
		}
	}
}

// TestEveryTextKeyIsChecked: in every kind, every drawn text that was read
// (as table.text records it) refuses a character the fonts lack, by its
// key: the glyph check checks what was read, not a list kept beside it.
func TestEveryTextKeyIsChecked(t *testing.T) {
	for _, name := range kindNames() {
		k := kinds[name]
		tmpl := "[style]\nsource = \"Source{s}\"\ncredit = \"Credit{s}\"\nprefix = \"${s}\"\n" +
			strings.Replace(synthFigure(k, "keys", []float64{1, 2, 3, 4, 5, 6}), "title = \"Synthesized "+name+"\"",
				"title = \"Title{s}\"\nsubtitle = \"Subtitle{s}\"\nnote = \"Note{s}\"", 1)
		tmpl = strings.ReplaceAll(tmpl, `"Row `, `"Row{s} `)
		tmpl = strings.ReplaceAll(tmpl, `series = ["2024", "2025"]`, `series = ["2024{s}", "2025{s}"]`)
		tmpl = strings.ReplaceAll(tmpl, `series = ["A", "B"]`, `series = ["A{s}", "B{s}"]`)
		if k.parts {
			tmpl += "rest = \"Rest{s}\"\ntotal = 100\n"
		}
		switch name { // the keys of one type's own options
		case "donut":
			tmpl += "center = \"Center{s}\"\n"
		case "waffle":
			tmpl += "unit_label = \"people{s}\"\n"
		case "number":
			tmpl = strings.ReplaceAll(tmpl, ", previous = ", ", compare = \"in 2024{s}\", previous = ")
		case "table":
			tmpl += "header = \"Party{s}\"\n"
		}
		if !k.noNotes {
			tmpl += "[[figure.annotation]]\ntext = \"Note{s}\"\nat = \"Row{s} 0\"\n"
		}
		if k.xy {
			tmpl = strings.Replace(tmpl, `at = "Row{s} 0"`, `at = "2000"`, 1)
		}
		if k.labelKey != "" { // a map's rows are named by their regions
			tmpl = strings.Replace(tmpl, `at = "Row{s} 0"`, fmt.Sprintf("at = %q", genRegions[0]), 1)
		}
		clean := strings.ReplaceAll(tmpl, "{s}", "")
		e := &errs{file: "keys.toml", dir: "."}
		if _, err := Decode("keys.toml", []byte(clean), "."); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, clean)
		}
		// The keys that table.text records for the clean figure.
		var raw map[string]any
		if _, err := toml.Decode(clean, &raw); err != nil {
			t.Fatal(err)
		}
		fig, _ := decodeFigure(raw["figure"].([]map[string]any)[0], 0, defaultStyle(), &fontCache{faces: map[string]*font.Face{}}, e)
		if fig == nil || len(e.texts) == 0 {
			t.Fatalf("%s: no text keys recorded", name)
		}
		_, err := Decode("keys.toml", []byte(strings.ReplaceAll(tmpl, "{s}", "🙂")), ".")
		if err == nil {
			t.Fatalf("%s: an emoji in every text decoded", name)
		}
		for _, kt := range append(e.texts, keyText{key: "source"}, keyText{key: "credit"}, keyText{key: "prefix"}) {
			if !strings.Contains(err.Error(), ": "+kt.key+": the character '🙂'") && !inRowRun(err.Error(), kt.key, ": the character '🙂'") {
				t.Errorf("%s: an emoji in %s is not refused by its key", name, kt.key)
			}
		}
	}
}

// TestPalettesDistinct: every two colours of a theme's palette, and each
// against its accent and background, are told apart (CIE76 ΔE of at least
// 20), also under deuteranopia and protanopia (12), and series labels in
// each colour reach 4.5:1 on the background.
func TestPalettesDistinct(t *testing.T) {
	dist := func(a, b scene.Color) float64 { return deltaE(lab(a), lab(b)) }
	for name, th := range themes {
		cols := append(slices.Clone(th.palette), th.accent, th.bg)
		for i := range cols {
			for j := i + 1; j < len(cols); j++ {
				if d := dist(cols[i], cols[j]); d < distinctColors {
					t.Errorf("%s theme: colours %d and %d are ΔE %.1f apart; a reader cannot tell them apart", name, i, j, d)
				}
				if v, d := confusable(cols[i], cols[j]); v != "" {
					t.Errorf("%s theme: colours %d and %d are ΔE %.1f apart under %s", name, i, j, d, v)
				}
			}
		}
		f := &Figure{figureBody: &figureBody{Style: defaultStyle()}}
		f.Style.Theme = name
		c := newCtx(f)
		for i, col := range th.palette {
			if r := contrast(c.readable(col), th.bg); r < 4.5 {
				t.Errorf("%s theme: a label in colour %d has contrast %.2f", name, i, r)
			}
			if got := c.readable(col); col != got && contrast(col, th.bg) >= 4.5 {
				t.Errorf("%s theme: colour %d is readable as it is, but was changed", name, i)
			}
		}
	}
}

// TestContrastText: a value inside a bar of any colour reaches WCAG AA's
// 4.5:1, greys and mid-tones included.
func TestContrastText(t *testing.T) {
	for v := 0; v < 256; v += 3 {
		for _, c := range []scene.Color{{R: uint8(v), G: uint8(v), B: uint8(v), A: 255}, {R: uint8(v), G: 128, B: 255 - uint8(v), A: 255}, {R: 200, G: uint8(v), B: 40, A: 255}} {
			if r := contrast(contrastText(c), c); r < 4.5 {
				t.Errorf("text on %s: %.2f:1", hexOf(c), r)
			}
		}
	}
}

// inRowRun says that msgs report key as part of a run of rows sharing a
// problem: data[1].label within "data[0–1].label: …".
func inRowRun(msgs, key, after string) bool {
	m := regexp.MustCompile(`^data\[(\d+)\](.*)$`).FindStringSubmatch(key)
	if m == nil {
		return false
	}
	row, _ := strconv.Atoi(m[1])
	for _, r := range regexp.MustCompile(`data\[(\d+)–(\d+)\]`+regexp.QuoteMeta(m[2]+after)).FindAllStringSubmatch(msgs, -1) {
		a, _ := strconv.Atoi(r[1])
		b, _ := strconv.Atoi(r[2])
		if a <= row && row <= b {
			return true
		}
	}
	return false
}

// testFontFiles are the fonts of testdata/fonts that the tests draw each
// script in after Inter, regular and bold.
var testFontFiles = map[string][2]string{
	"arab": {"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"},
	"hebr": {"NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"},
	"deva": {"NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"},
	"hans": {"NotoSansCJKSC-Regular-subset.ttf", "NotoSansCJKSC-Bold-subset.ttf"},
	"jpan": {"NotoSansCJKJP-Regular-subset.ttf", "NotoSansCJKJP-Bold-subset.ttf"},
	"kore": {"NotoSansCJKKR-Regular-subset.ttf", "NotoSansCJKKR-Bold-subset.ttf"},
}

// testFontKeys is the style's font and font_bold for a script: none for
// one Inter draws.
func testFontKeys(script string) string {
	f, ok := testFontFiles[script]
	if !ok {
		return ""
	}
	return fmt.Sprintf("font = [\"Inter\", \"testdata/fonts/%s\"]\nfont_bold = [\"Inter\", \"testdata/fonts/%s\"]\n", f[0], f[1])
}

// testFaces is the regular and bold face a figure in the script is drawn
// with in the tests.
func testFaces(t *testing.T, script string) []*font.Face {
	t.Helper()
	regular, bold := font.Default(false), font.Default(true)
	if f, ok := testFontFiles[script]; ok {
		var faces [2]*font.Face
		for i, name := range f {
			b, err := os.ReadFile("testdata/fonts/" + name)
			if err != nil {
				t.Fatal(err)
			}
			if faces[i], err = font.Parse(b, i == 1); err != nil {
				t.Fatal(err)
			}
		}
		regular, bold = font.Stack(regular, faces[0]), font.Stack(bold, faces[1])
	}
	return []*font.Face{regular, bold}
}
