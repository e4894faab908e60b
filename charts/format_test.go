package charts

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
	"unicode"
)

func TestNumberFormat(t *testing.T) {
	nf := func(loc string, mod func(*Style)) numberFormat {
		st := defaultStyle()
		st.Locale = loc
		if mod != nil {
			mod(&st)
		}
		return newNumberFormat(&st)
	}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"en thousands", nf("en", nil).number(18000), "18,000"},
		{"en four digits", nf("en", nil).number(3400), "3,400"},
		{"en millions", nf("en", nil).number(1234567), "1,234,567"},
		{"en small", nf("en", nil).number(1), "1"},
		{"en decimals as needed", nf("en", nil).number(2.5), "2.5"},
		{"en at most two decimals", nf("en", nil).number(1.23456), "1.23"},
		{"en negative uses minus sign", nf("en", nil).number(-4.25), "−4.25"},
		{"en no negative zero", nf("en", func(s *Style) { s.Decimals = 0 }).number(-0.2), "0"},
		{"half away from zero", nf("en", func(s *Style) { s.Decimals = 1 }).number(4.25), "4.3"},
		{"en range", nf("en", nil).span(10000, 30000), "10,000–30,000"},
		{"en percent", nf("en", nil).percent(3400.0 / 18000), "19%"},
		{"tiny percent keeps a decimal", nf("en", nil).percent(0.004), "0.4%"},
		{"near-whole percent keeps a decimal", nf("en", nil).percent(0.9994), "99.9%"},
		{"de", nf("de", nil).number(18000), "18.000"},
		{"de decimal comma", nf("de", nil).number(2.5), "2,5"},
		{"de percent", nf("de", nil).percent(0.19), "19\u00a0%"},
		{"fr narrow no-break space", nf("fr", nil).number(18000), "18\u202f000"},
		{"fr percent", nf("fr", nil).percent(0.19), "19\u202f%"},
		{"es four digits ungrouped", nf("es", nil).number(3400), "3400"},
		{"es five digits", nf("es", nil).number(18000), "18.000"},
		{"pl", nf("pl", nil).number(18000), "18\u00a0000"},
		{"uk", nf("uk", nil).number(135000), "135\u00a0000"},
		{"ru percent", nf("ru", nil).percent(0.19), "19\u00a0%"},
		{"nl", nf("nl", nil).number(18000), "18.000"},
		{"it", nf("it", nil).number(2.5), "2,5"},
		{"compact thousands", nf("en", func(s *Style) { s.Compact = true }).number(135000), "135K"},
		{"compact millions", nf("en", func(s *Style) { s.Compact = true }).number(1234567), "1.2M"},
		{"compact de", nf("de", func(s *Style) { s.Compact = true }).number(135000), "135\u00a0Tsd."},
		{"compact small stays", nf("en", func(s *Style) { s.Compact = true }).number(950), "950"},
		{"prefix and suffix", nf("en", func(s *Style) { s.Prefix, s.Suffix = "$", " bn" }).number(-1500), "−$1,500\u00a0bn"},
		{"tick decimals follow step", nf("en", nil).tick(0.5, 0.5), "0.5"},
		{"tick whole", nf("en", nil).tick(50000, 50000), "50,000"},
		// Small values keep their significant digits; a sign is kept.
		{"thousandths", nf("en", nil).number(0.001), "0.001"},
		{"small negative", nf("en", nil).number(-0.004), "−0.004"},
		{"two significant digits", nf("en", nil).number(0.0012345), "0.0012"},
		{"millionths", nf("en", nil).number(0.000001), "0.000001"},
		{"de thousandths", nf("de", nil).number(0.001), "0,001"},
		// Compact numbers move up a unit when they round up to it.
		{"compact rounds up to a million", nf("en", func(s *Style) { s.Compact = true }).number(999999), "1M"},
		{"compact rounds up to a billion", nf("en", func(s *Style) { s.Compact = true }).number(999999999), "1B"},
		{"compact negative rounds up", nf("en", func(s *Style) { s.Compact = true }).number(-999950), "−1M"},
		{"compact trillions", nf("en", func(s *Style) { s.Compact = true; s.Prefix = "$" }).number(3.3e12), "$3.3T"},
		{"compact keeps the decimals asked for", nf("en", func(s *Style) { s.Compact, s.CompactGB, s.Decimals = true, true, 1 }).number(999940000), "999.9m"},
		{"compact two decimals stay below a unit", nf("en", func(s *Style) { s.Compact, s.Decimals = true, 2 }).number(999994), "999.99K"},
		{"compact 999.5 stays", nf("en", func(s *Style) { s.Compact = true }).number(999.4), "999.4"},
		// Percentages never read 0% or 100% for what is neither.
		{"percent of almost nothing", nf("en", nil).percent(1e-18), "<0.01%"},
		{"percent of almost all", nf("en", nil).percent(0.99999), ">99.9%"},
		{"percent zero", nf("en", nil).percent(0), "0%"},
		// Ticks take the decimals their step needs, whatever decimals says.
		{"tick quarter steps", nf("en", func(s *Style) { s.Decimals = 1; s.Suffix = "%" }).tick(0.25, 0.25), "0.25%"},
		{"tick whole with decimals", nf("en", func(s *Style) { s.Decimals = 1; s.Prefix = "$" }).tick(2, 1), "$2"},
		{"tick compact", nf("en", func(s *Style) { s.Compact = true }).tick(1500000, 500000), "1.5M"},
		{"bare tick has no suffix", nf("en", func(s *Style) { s.Suffix = "%" }).bareTick(20, 10), "20"},
		// A range with a negative end does not read as a double minus.
		{"negative range", nf("en", nil).span(-10, -5), "−10\u2009–\u2009−5"},
		// compact = "gb": British newsroom units.
		{"gb millions", nf("en", func(s *Style) { s.Compact, s.CompactGB, s.Prefix = true, true, "£" }).number(410e6), "£410m"},
		{"gb billions", nf("en", func(s *Style) { s.Compact, s.CompactGB, s.Prefix = true, true, "$" }).number(1.2e9), "$1.2bn"},
		{"gb trillions", nf("en", func(s *Style) { s.Compact, s.CompactGB = true, true }).number(3e12), "3trn"},
		{"gb thousands", nf("en", func(s *Style) { s.Compact, s.CompactGB = true, true }).number(5000), "5k"},
		// range_format: each end in full, the affixes once, or in words.
		{"range dash", rangeAs("dash", "£", "", true).span(410e6, 430e6), "£410m–£430m"},
		{"range short", rangeAs("short", "£", "", true).span(410e6, 430e6), "£410m–430m"},
		{"range short percent", rangeAs("short", "", "%", false).span(10, 30), "10–30%"},
		{"range short negative", rangeAs("short", "$", "", false).span(-5, -3), "−$5\u2009–\u2009−3"},
		{"range to", rangeAs("to", "", "%", false).span(-0.6, 1.4), "−0.6% to 1.4%"},
		{"range to de", func() numberFormat { f := rangeAs("to", "", nbsp+"%", false); f.loc = locales["de"]; return f }().span(-0.6, 1.4), "−0,6\u00a0% bis 1,4\u00a0%"},
		// A series' own keys (series_formats) and a card's override the figure's.
		{"series suffix, no prefix", seriesAs(1, numberKeys{prefix: ptr(""), suffix: ptr(" km"), decimals: ptr(1)}).ofSeries(1).number(2.5), "2.5\u00a0km"},
		{"other series keeps figure's", seriesAs(1, numberKeys{suffix: ptr(" km")}).ofSeries(0).number(2.5), "$2.5"},
		{"series compact in Ukrainian", func() numberFormat {
			f := seriesAs(0, numberKeys{compact: ptr("short"), prefix: ptr(""), suffix: ptr(" грн"), decimals: ptr(2)})
			f.loc = locales["uk"]
			return f.ofSeries(0)
		}().number(2.23e12), "2,23\u00a0трлн\u00a0грн"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

// rangeAs is the English format of a range chart with range_format set.
func rangeAs(mode, prefix, suffix string, gb bool) numberFormat {
	st := defaultStyle()
	st.Prefix, st.Suffix, st.Compact, st.CompactGB = prefix, suffix, gb, gb
	f := newNumberFormat(&st)
	f.rangeFormat = mode
	return f
}

// seriesAs is a "$" figure's format whose series i has its own keys.
func seriesAs(i int, k numberKeys) numberFormat {
	st := defaultStyle()
	st.Prefix = "$"
	f := newNumberFormat(&st)
	f.series = make([]*numberKeys, i+1)
	f.series[i] = &k
	return f
}

func ptr[T any](v T) *T { return &v }

func TestNiceScale(t *testing.T) {
	tests := []struct {
		lo, hi  float64
		minStep float64
		ticks   []float64
		fit     bool // a line's scale, which need not reach zero
	}{
		{0, 1000, 0, []float64{0, 250, 500, 750, 1000}, false},
		// Not 0-300,000: no whole empty step above the data.
		{10000, 220000, 0, []float64{0, 50000, 100000, 150000, 200000, 250000}, false},
		// A line fits its data, one step out at most...
		{950, 1020, 0, []float64{940, 960, 980, 1000, 1020}, true},
		{-3.2, -1.1, 0, []float64{-3.5, -3, -2.5, -2, -1.5, -1}, true},
		// ...but takes in zero when the data come close to it.
		{3, 100, 0, []float64{0, 25, 50, 75, 100}, true},
		{1, 2, 1, []float64{0, 1, 2}, false},
		{-4.25, 12.5, 0, []float64{-5, 0, 5, 10, 15}, false},
		{0, 0, 0, []float64{0, 0.25, 0.5, 0.75, 1}, false},
		{0, 0.9, 0, []float64{0, 0.25, 0.5, 0.75, 1}, false},
		{0, 0.7, 0, []float64{0, 0.2, 0.4, 0.6, 0.8}, false},
	}
	for _, tt := range tests {
		s := niceScale(tt.lo, tt.hi, 0, 160, 40, tt.minStep, !tt.fit)
		if len(s.ticks) != len(tt.ticks) {
			t.Errorf("niceScale(%g, %g) ticks %v, want %v", tt.lo, tt.hi, s.ticks, tt.ticks)
			continue
		}
		for i := range s.ticks {
			if s.ticks[i] != tt.ticks[i] {
				t.Errorf("niceScale(%g, %g) ticks %v, want %v", tt.lo, tt.hi, s.ticks, tt.ticks)
				break
			}
		}
	}
	// A log scale ends at 1, 2 or 5 times a power of ten, not a whole
	// empty decade above the data.
	if l := logScale(110000, 1.1e6, 0, 160); l.lo != 1e5 || l.hi != 2e6 || fmt.Sprint(l.ticks) != "[100000 200000 500000 1e+06 2e+06]" {
		t.Errorf("logScale(110,000, 1.1M) = %g..%g ticks %v; want 100,000..2M", l.lo, l.hi, l.ticks)
	}
	// The smallest non-zero bar is still visible.
	s := niceScale(0, 1000, 300, 0, 40, 1, true)
	from, to := s.bar(1)
	if from-to < 2 {
		t.Errorf("a bar of 1 beside 1,000 is %g px tall; want at least 2", from-to)
	}
}

func TestWaffleSquares(t *testing.T) {
	ps := []part{{Share: 0.7}, {Share: 0.296}, {Share: 0.004}}
	got := squares(ps, 100)
	if got[0] != 70 || got[1] != 30 || got[2] != 0 {
		t.Errorf("squares = %v; want [70 30 0]", got)
	}
	// The tiny part is drawn as 0.4 of a square, not a whole one, 2.5
	// times too big.
	if thin := slivers(ps, got, 100); math.Abs(thin[2]-0.4) > 1e-9 || thin[0] != 0 || thin[1] != 0 {
		t.Errorf("slivers = %v; want [0 0 0.4]", thin)
	}
	f := &Figure{figureBody: &figureBody{}}
	// A whole below one counts in fractions of a unit, never one square of 1.
	for whole, want := range map[float64]float64{18000: 100, 100: 1, 450: 5, 37: 1, 5000: 25, 0.005: 0.00005, 0.5: 0.005} {
		if got := f.unit(whole); got != want {
			t.Errorf("unit(%g) = %g, want %g", whole, got, want)
		}
	}
}

// TestComparison: a rate changes in percentage points, a change across
// zero or from zero has no percentage, and change = false shows the
// earlier value alone.
func TestComparison(t *testing.T) {
	st := defaultStyle()
	nf := newNumberFormat(&st)
	st.Suffix = "%"
	rate := newNumberFormat(&st)
	for _, tt := range []struct {
		got, want string
	}{
		{comparison(Datum{Value: 18000, Previous: 12000, Compare: "in 2024"}, nf, "▲", ""), "▲ 50% · 12,000 in 2024"},
		{comparison(Datum{Value: 3.6, Previous: 2.0}, rate, "▲", ""), "▲ 1.6\u00a0pp · 2%"},
		{comparison(Datum{Value: 1.5, Previous: -0.8}, nf, "▲", ""), "▲ · −0.8"},
		{comparison(Datum{Value: -2, Previous: 0}, nf, "", ""), "− · 0"},
		{comparison(Datum{Value: 1, Previous: 1000, Compare: "in 2024"}, nf, "▼", "none"), "1,000 in 2024"},
		{comparison(Datum{Value: 18000, Previous: 12000, Compare: "in 2024"}, nf, "▲", "absolute"), "▲ 6,000 · 12,000 in 2024"},
		{comparison(Datum{Value: 3.6, Previous: 2.0}, rate, "▲", "percent"), "▲ 80% · 2%"},
		{comparison(Datum{Value: 18000, Previous: 12000}, nf, "", "points"), "+6,000\u00a0pp · 12,000"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestDigitSystems walks digitSystems: each writes ten decimal digits in
// order, is named in doc.go's digits key and README, and writes a number
// with its separators and a percentage as a reader of that system expects.
func TestDigitSystems(t *testing.T) {
	doc, _ := os.ReadFile("doc.go")
	readme, _ := os.ReadFile("../README.md")
	want := map[string]string{
		"latn":    "−12,345.5 50% 2025",
		"arab":    "−١٢٬٣٤٥٫٥ ٥٠٪ ٢٠٢٥",
		"arabext": "−۱۲٬۳۴۵٫۵ ۵۰٪ ۲۰۲۵",
		"deva":    "−१२,३४५.५ ५०% २०२५",
	}
	for name, ds := range digitSystems {
		for d := rune(0); d < 10; d++ {
			if r := ds.zero + d; !unicode.IsDigit(r) || unicode.IsDigit(ds.zero-1) {
				t.Errorf("%s: %q is not the digit %d of a run of ten", name, r, d)
			}
		}
		if !strings.Contains(string(doc), `"`+name+`"`) || !strings.Contains(string(readme), `"`+name+`"`) && name != "latn" {
			t.Errorf("doc.go and README must name the digits %q", name)
		}
		if (ds.zero != '0') != (ds.font != "") {
			t.Errorf("%s: names a font to ask for exactly when Inter lacks its digits", name)
		}
		nf := numberFormat{loc: locales["en"], decimals: 1, shared: -1, digits: name}
		got := nf.number(-12345.5) + " " + nf.percent(0.5) + " " + localDigits("2025", name)
		nf.suffix = "%"
		if s := nf.number(5); s != localDigits("5.0%", name) && name == "latn" || name != "latn" && !strings.HasSuffix(s, digitSystems[name].percent+"") {
			t.Errorf("%s: a suffix %% writes %q", name, s)
		}
		if w, ok := want[name]; !ok || got != w {
			t.Errorf("%s: %q, want %q", name, got, w)
		}
	}
}
