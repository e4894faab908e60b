package font

import (
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// testFace reads a font of charts/testdata/fonts.
func testFace(t *testing.T, name string, bold bool) *Face {
	t.Helper()
	b, err := os.ReadFile("../testdata/fonts/" + name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(b, bold)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

type placed struct {
	f     *file
	id    uint16
	x, dy float64
}

func glyphsOf(fc *Face, s string) []placed {
	var out []placed
	fc.layout(s, 0, 100, func(f *file, gid sfnt.GlyphIndex, x, dy float64) {
		out = append(out, placed{f, uint16(gid), x, dy})
	})
	return out
}

func TestArabicJoinsAndRunsRightToLeft(t *testing.T) {
	ar := testFace(t, "NotoSansArabic-Regular.ttf", false)
	s := "نيبال" // Nepal: five letters, joined
	gs := glyphsOf(ar, s)
	if len(gs) != 5 {
		t.Fatalf("%d glyphs, want 5: %v", len(gs), gs)
	}
	// Each joining letter takes a contextual form, not the isolated form
	// the character map gives.
	isolated := 0
	for _, r := range s {
		g, _ := ar.lookup(r)
		for _, p := range gs {
			if p.id == uint16(g.index) {
				isolated++
			}
		}
	}
	if isolated > 1 { // the final alef may keep its form
		t.Errorf("%d glyphs are the isolated forms of the character map; the letters were not joined", isolated)
	}
	// Visual order: the first letter (nun) is drawn rightmost.
	xs := make([]float64, len(gs))
	for i, p := range gs {
		xs[i] = p.x
	}
	if !slices.IsSorted(xs) {
		t.Errorf("glyph origins not left to right: %v", xs)
	}
	w := ar.Width(s, 100)
	if w <= 0 || xs[len(xs)-1] >= w {
		t.Errorf("width %v, last origin %v", w, xs[len(xs)-1])
	}
}

func TestDevanagariConjunctsAndVowelSigns(t *testing.T) {
	dv := testFace(t, "NotoSansDevanagari-Regular.ttf", false)
	// क्ष (ka, virama, ssa) is one conjunct glyph.
	if gs := glyphsOf(dv, "क्ष"); len(gs) >= 3 {
		t.Errorf("क्ष: %d glyphs, want a conjunct of fewer than 3", len(gs))
	}
	// In कि the vowel sign i is written before the consonant it follows.
	gs := glyphsOf(dv, "कि")
	ka, _ := dv.lookup('क')
	if len(gs) != 2 || gs[1].id != uint16(ka.index) {
		t.Errorf("कि: glyphs %v, want the i sign first and then ka (%d)", gs, ka.index)
	}
	// नेपाल: the e sign sits over न without its own advance.
	if a, b := dv.Width("नेपाल", 100), dv.Width("नपाल", 100); a != b {
		t.Errorf("width of नेपाल %v, of नपाल %v: a vowel sign above takes no room", a, b)
	}
}

func TestStackFallsBackPerCharacter(t *testing.T) {
	ar := testFace(t, "NotoSansArabic-Regular.ttf", false)
	inter := Default(false)
	st := Stack(inter, ar)
	if _, missing := inter.Missing("Nepal نيبال"); !missing {
		t.Fatal("Inter has Arabic?")
	}
	if r, missing := st.Missing("Nepal نيبال\u200d\u200f"); missing {
		t.Errorf("the stack misses %q", r)
	}
	if got := st.Families(); !slices.Equal(got, []string{"Inter", "Noto Sans Arabic"}) {
		t.Errorf("families %q", got)
	}
	// Latin alone keeps the plain path and Inter's measure.
	if a, b := st.Width("Nepal 2024", 13), inter.Width("Nepal 2024", 13); a != b {
		t.Errorf("stack %v, Inter %v", a, b)
	}
	// Mixed: Latin in Inter, Arabic in Noto, in UAX #9's visual order. In
	// a left-to-right paragraph the number after the Arabic word joins
	// its right-to-left run, so it is drawn to the word's left.
	gs := glyphsOf(st, "Nepal نيبال 2024")
	var latinEnd, digitsAt, arabicAt float64
	two, _ := inter.lookup('2')
	for _, g := range gs {
		switch {
		case g.f == inter.file && g.id == uint16(two.index) && digitsAt == 0:
			digitsAt = g.x
		case g.f == ar.file && arabicAt == 0:
			arabicAt = g.x
		case g.f == inter.file && digitsAt == 0:
			latinEnd = g.x
		}
	}
	if !(latinEnd < digitsAt && digitsAt < arabicAt) {
		t.Errorf("Latin ends at %v, digits at %v, Arabic at %v: want Latin, then 2024, then the Arabic word", latinEnd, digitsAt, arabicAt)
	}
	if w := st.Width("Nepal نيبال 2024", 13); w <= inter.Width("Nepal  2024", 13) {
		t.Errorf("mixed width %v", w)
	}
}

func TestHebrewMarksSitOnLetters(t *testing.T) {
	he := testFace(t, "NotoSansHebrew-Regular.ttf", false)
	// שָׁלוֹם: marks take no advance of their own.
	if a, b := he.Width("שָׁלוֹם", 100), he.Width("שלום", 100); a != b {
		t.Errorf("with points %v, without %v", a, b)
	}
}

func TestWrapUAX14(t *testing.T) {
	fc := Default(false) // CJK in Inter draws .notdef boxes, which still measure
	box := fc.Width("中", 13)
	lines, _ := fc.Wrap("北朝鲜士兵在库尔斯克地区作战。约有18,000人。", 13, box*6.5, 0)
	for i, l := range lines {
		if fc.Width(l, 13) > box*6.5 {
			t.Errorf("line %d %q is wider than the width", i, l)
		}
		if strings.HasPrefix(l, "。") || strings.HasPrefix(l, "，") {
			t.Errorf("line %d %q starts with closing punctuation", i, l)
		}
	}
	if strings.Join(lines, "") != "北朝鲜士兵在库尔斯克地区作战。约有18,000人。" {
		t.Errorf("lines %q lose text", lines)
	}
	if len(lines) < 3 {
		t.Errorf("lines %q: CJK should break between characters", lines)
	}
	for _, l := range lines {
		if strings.Contains(l, "18") && !strings.Contains(l, "18,000") {
			t.Errorf("a number is split: %q", lines)
		}
	}
	// Arabic wraps at spaces, measured shaped, and never splits a letter
	// from its marks.
	ar := testFace(t, "NotoSansArabic-Regular.ttf", false)
	s := "مرتزقة أجانب في الجيش الروسي من نيبال وكوريا الشمالية"
	w := ar.Width("مرتزقة أجانب في", 20)
	lines, _ = ar.Wrap(s, 20, w, 0)
	if len(lines) < 2 || strings.Join(lines, " ") != s {
		t.Errorf("Arabic lines %q", lines)
	}
	for _, l := range lines {
		if ar.Width(l, 20) > w {
			t.Errorf("Arabic line %q too wide", l)
		}
	}
	if got := ar.Ellipsize(s, 20, w); !strings.HasSuffix(got, "…") || ar.Width(got, 20) > w || !strings.HasPrefix(s, strings.TrimSuffix(got, "…")) {
		t.Errorf("Ellipsize = %q", got)
	}
}

// TestShapingSubset: the subset of a shaping font keeps every glyph the
// text shapes to, with its outline, the glyph numbers GSUB and GPOS name,
// and drops the outlines nothing in the text can reach.
func TestShapingSubset(t *testing.T) {
	for _, c := range []struct{ font, text, absent string }{
		{"NotoSansArabic-Regular.ttf", "القاهرة نيبال", "ژ"},
		{"NotoSansDevanagari-Regular.ttf", "नेपालबाट भर्ती क्ष", "ॐ"},
		{"NotoSansHebrew-Regular.ttf", "שָׁלוֹם", "ץ"},
	} {
		full := testFace(t, c.font, false)
		data, err := full.shapingSubset([]rune(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if len(data) >= len(full.data)/2 {
			t.Errorf("%s: the subset is %d bytes of %d", c.font, len(data), len(full.data))
		}
		sub, err := Parse(data, false)
		if err != nil {
			t.Fatalf("%s: the subset does not parse: %v", c.font, err)
		}
		if sub.font.NumGlyphs() != full.font.NumGlyphs() {
			t.Errorf("%s: %d glyphs, want %d", c.font, sub.font.NumGlyphs(), full.font.NumGlyphs())
		}
		want, got := glyphsOf(full, c.text), glyphsOf(sub, c.text)
		if len(want) != len(got) {
			t.Fatalf("%s: the subset shapes %d glyphs, the font %d", c.font, len(got), len(want))
		}
		var b sfnt.Buffer
		for i := range want {
			if want[i].id != got[i].id || want[i].x != got[i].x || want[i].dy != got[i].dy {
				t.Errorf("%s: glyph %d is %+v in the subset, %+v in the font", c.font, i, got[i], want[i])
			}
			if segs, err := sub.font.LoadGlyph(&b, sfnt.GlyphIndex(got[i].id), 1000, nil); err != nil || len(segs) == 0 && c.text[0] != ' ' {
				if full, _ := full.font.LoadGlyph(&b, sfnt.GlyphIndex(got[i].id), 1000, nil); len(full) > 0 {
					t.Errorf("%s: glyph %d lost its outline", c.font, got[i].id)
				}
			}
		}
		g, _ := full.lookup([]rune(c.absent)[0])
		if segs, _ := sub.font.LoadGlyph(&b, g.index, 1000, nil); len(segs) != 0 {
			t.Errorf("%s: %s, which the text cannot reach, kept its outline", c.font, c.absent)
		}
	}
}

// TestSignsInRightToLeft: in a right-to-left paragraph a minus sign put
// after U+200E stays before its number, as Hebrew readers expect; a bare
// one goes to its right.
func TestSignsInRightToLeft(t *testing.T) {
	fc := Stack(Default(false), testFace(t, "NotoSansHebrew-Regular.ttf", false)).In("he", true)
	minus, _ := fc.lookup('−')
	five, _ := fc.lookup('5')
	at := func(s string) (m, d float64) {
		for _, g := range glyphsOf(fc, s) {
			switch g.id {
			case uint16(minus.index):
				m = g.x
			case uint16(five.index):
				d = g.x
			}
		}
		return m, d
	}
	if m, d := at("\u200e−5%"); m >= d {
		t.Errorf("with U+200E the minus is at %v, the 5 at %v: want the minus first", m, d)
	}
	if m, d := at("−5%"); m <= d {
		t.Errorf("without U+200E the minus is at %v, the 5 at %v: the bidirectional algorithm puts it after", m, d)
	}
}

// TestIsolatedNames: a name in a first-strong isolate keeps its value on
// one side whatever its script: after it in a left-to-right paragraph,
// before it (to its left) in a right-to-left one.
func TestIsolatedNames(t *testing.T) {
	he := testFace(t, "NotoSansHebrew-Regular.ttf", false)
	base := Stack(Default(false), he)
	one, _ := base.lookup('1')
	for _, c := range []struct {
		rtl  bool
		name string
	}{{false, "חיפה"}, {false, "Intel"}, {true, "חיפה"}, {true, "Intel"}} {
		fc := base.In("he", c.rtl)
		var digit, name []float64
		for _, g := range glyphsOf(fc, "\u2068"+c.name+"\u2069  1") {
			switch {
			case g.f == base.file && g.id == uint16(one.index):
				digit = append(digit, g.x)
			case g.id != 0 && g.x != 0 || g.f == he.file:
				name = append(name, g.x)
			}
		}
		if len(digit) != 1 || len(name) == 0 {
			t.Fatalf("%v %s: glyphs %v %v", c.rtl, c.name, digit, name)
		}
		first, last := slices.Min(name), slices.Max(name)
		if !c.rtl && digit[0] < last || c.rtl && digit[0] > first {
			t.Errorf("rtl %v, %s: the value at %v, the name from %v to %v", c.rtl, c.name, digit[0], first, last)
		}
	}
}
