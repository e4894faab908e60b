package charts

import (
	"testing"
)

// TestSmarten: smart typography as a sub-editor sets it, per locale, and
// only with characters the font has.
func TestSmarten(t *testing.T) {
	all := func(rune) bool { return true }
	for _, c := range []struct {
		loc, in, want string
	}{
		{"en", `The "foreign legion" grew`, "The “foreign legion” grew"},
		{"en", `Russia's army`, "Russia’s army"},
		{"en", `He said 'no' twice`, "He said ‘no’ twice"},
		{"en", `'90s`, "’90s"},
		{"en", "From 2023-2024", "From 2023–2024"},
		{"en", "On 2024-07-01 and since 2024-07", "On 2024-07-01 and since 2024-07"},
		{"en", "The 2023-24 season, 2010-2020", "The 2023–24 season, 2010–2020"},
		{"en", "Wait...", "Wait…"},
		{"en", "Up 5 % and 12 km away", "Up 5\u00a0% and 12\u00a0km away"},
		{"en", "12 kmh is not a unit", "12 kmh is not a unit"},
		{"en", "Pages 1-2-3", "Pages 1–2–3"},
		{"de", `Die "Legion"`, "Die „Legion“"},
		{"fr", `La "légion"`, "La «\u00a0légion\u00a0»"},
		{"uk", `"Легіон"`, "«Легіон»"},
		{"en", "", ""},
		{"zh", `他说"我们"`, `他说"我们"`},
		{"he", `צה"ל, ג'ון 2023-2024`, `צה"ל, ג'ון 2023–2024`},
	} {
		if got := smarten(c.in, locales[c.loc], all); got != c.want {
			t.Errorf("%s %q: %q, want %q", c.loc, c.in, got, c.want)
		}
	}
	// A font without curly quotes keeps straight ones.
	noCurly := func(r rune) bool { return r != '“' && r != '”' && r != '’' }
	if got := smarten(`"a" it's`, locales["en"], noCurly); got != `"a" it's` {
		t.Errorf("without curly quotes in the font: %q", got)
	}
	// The faces a locale's figure is drawn with (the embedded ones, with
	// a font for its script after them) have every character smart
	// typography writes.
	for code, loc := range locales {
		for _, face := range testFaces(t, loc.script) {
			for _, s := range append(loc.quotes[:], "…", "–", "’", "\u00a0") {
				if r, missing := face.Missing(s); missing {
					t.Errorf("%s: %v lacks %q", code, face.Families(), r)
				}
			}
		}
	}
}

// TestTypographyKey: on by default for prose, off on request, names kept.
func TestTypographyKey(t *testing.T) {
	src := "[[figure]]\nid = \"f\"\ntype = \"bar\"\ntitle = \"It's 2020-2024\"\nnote = \"Up...\"\nhighlight = [\"Côte d'Ivoire\"]\ndata = [{ label = \"Côte d'Ivoire\", value = 1 }]\n"
	file, err := Decode("t.toml", []byte(src), ".")
	if err != nil {
		t.Fatal(err)
	}
	f := file.Figures[0]
	if f.Title != "It’s 2020–2024" || f.Note != "Up…" || f.Data[0].Label != "Côte d'Ivoire" {
		t.Errorf("smart: title %q, note %q, label %q", f.Title, f.Note, f.Data[0].Label)
	}
	off := "[style]\ntypography = \"off\"\n" + src
	if file, err = Decode("t.toml", []byte(off), "."); err != nil {
		t.Fatal(err)
	}
	if f := file.Figures[0]; f.Title != "It's 2020-2024" {
		t.Errorf("off: title %q", f.Title)
	}
	if _, err := Decode("t.toml", []byte("[style]\ntypography = \"smrt\"\n"+src), "."); err == nil {
		t.Error("typography = \"smrt\" accepted")
	}
}

// TestCRLFInMultilineStrings: a file saved with Windows line ends keeps
// them in multi-line strings; they are line breaks, not control
// characters.
func TestCRLFInMultilineStrings(t *testing.T) {
	src := "[[figure]]\r\nid = \"f\"\r\ntype = \"bar\"\r\ntitle = \"T\"\r\nnote = \"\"\"two\r\nlines\"\"\"\r\ndata = [{ label = \"a\", value = 1 }]\r\n"
	file, err := Decode("crlf.toml", []byte(src), ".")
	if err != nil {
		t.Fatal(err)
	}
	if got := file.Figures[0].Note; got != "two\nlines" {
		t.Errorf("note %q", got)
	}
}
