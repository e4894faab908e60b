package font

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestWrap(t *testing.T) {
	f := Default(false)
	lines, cut := f.Wrap("North Korean troops deployed in the Kursk region", 13, 120, 0)
	if cut || len(lines) < 2 {
		t.Fatalf("lines %q", lines)
	}
	for _, l := range lines {
		if w := f.Width(l, 13); w > 120 {
			t.Errorf("line %q is %g px wide, over 120", l, w)
		}
		if strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") {
			t.Errorf("line %q has edge spaces", l)
		}
	}
	if got := strings.Join(lines, " "); got != "North Korean troops deployed in the Kursk region" {
		t.Errorf("wrapping lost words: %q", got)
	}
	lines, cut = f.Wrap("A country whose name is sixty characters long, for the test", 13, 100, 2)
	if !cut || len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Errorf("want two lines ending in an ellipsis, got %q", lines)
	}
	lines, _ = f.Wrap("Supercalifragilisticexpialidocious", 13, 50, 0)
	for _, l := range lines {
		if f.Width(l, 13) > 50 {
			t.Errorf("a long word was not split: %q", lines)
		}
	}
}

func TestKerningAndMissing(t *testing.T) {
	f := Default(false)
	if kerned, plain := f.Width("AV", 100), f.Width("A", 100)+f.Width("V", 100); kerned >= plain {
		t.Errorf("AV is %g wide, A+V %g: no kerning", kerned, plain)
	}
	if r, missing := f.Missing("Київ ґ є і ї ’ 18 000"); missing {
		t.Errorf("Ukrainian text reported missing %q", r)
	}
	if r, missing := f.Missing("rocket 🚀"); !missing || r != '🚀' {
		t.Errorf("Missing = %q, %v", r, missing)
	}
}

func TestParseRejectsNonFonts(t *testing.T) {
	if _, err := Parse([]byte("not a font"), false); err == nil {
		t.Error("parsed a text file as a font")
	}
}

// wrapRef, ellipsizeRef, wrapParaRef and wordsRef are the implementations
// of Wrap and Ellipsize before they were made linear, kept word for word
// as the reference the fast ones must match byte for byte.
func wrapRef(fc *Face, s string, size, width float64, maxLines int) (lines []string, truncated bool) {
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, wrapParaRef(fc, para, size, width)...)
	}
	if maxLines > 0 && len(lines) > maxLines {
		last := strings.Join(lines[maxLines-1:], " ")
		lines = append(lines[:maxLines-1], ellipsizeRef(fc, last, size, width))
		truncated = true
	}
	return lines, truncated
}

func ellipsizeRef(fc *Face, s string, size, width float64) string {
	if fc.Width(s, size) <= width {
		return s
	}
	r := []rune(strings.TrimSpace(s))
	for len(r) > 0 {
		r = r[:len(r)-1]
		t := strings.TrimRightFunc(string(r), unicode.IsSpace) + "…"
		if fc.Width(t, size) <= width {
			return t
		}
	}
	return "…"
}

func wordsRef(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	for i, r := range rs {
		slashInNumber := r == '/' && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])
		if r == ' ' || ((r == '-' || r == '–' || r == '—' || r == '/') && i > start && i+1 < len(rs) && rs[i+1] != ' ' && !slashInNumber) {
			out = append(out, string(rs[start:i+1]))
			start = i + 1
		}
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

func wrapParaRef(fc *Face, s string, size, width float64) []string {
	var lines []string
	line := ""
	for _, w := range wordsRef(s) {
		try := line + w
		if fc.Width(strings.TrimRight(try, " "), size) <= width || line == "" && fc.Width(strings.TrimRight(w, " "), size) <= width {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, strings.TrimRight(line, " "))
			line = ""
		}
		// A word wider than the whole line is split between characters.
		for fc.Width(strings.TrimRight(w, " "), size) > width {
			r := []rune(w)
			n := 1
			for n < len(r) && fc.Width(string(r[:n+1]), size) <= width {
				n++
			}
			lines = append(lines, string(r[:n]))
			w = string(r[n:])
		}
		line = w
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, strings.TrimRight(line, " "))
	}
	return lines
}

// checkSame compares Wrap and Ellipsize with their references on one
// input. The reference Wrap panics on a non-empty paragraph when the width
// is below zero (it splits an empty word); there the fast one must simply
// not panic.
func checkSame(t *testing.T, fc *Face, s string, size, width float64, maxLines int) {
	t.Helper()
	if !fc.plain(s) || breaksBetweenLetters(s) {
		return // wrapped by UAX #14 and measured shaped (TestWrapUAX14)
	}
	var (
		want     []string
		wantCut  bool
		refPanic any
	)
	func() {
		defer func() { refPanic = recover() }()
		want, wantCut = wrapRef(fc, s, size, width, maxLines)
	}()
	got, gotCut := fc.Wrap(s, size, width, maxLines)
	if refPanic == nil && (!slices.Equal(got, want) || gotCut != wantCut) {
		t.Errorf("Wrap(%q, %v, %v, %d) (bold %v)\n got %q, %v\nwant %q, %v", s, size, width, maxLines, fc.Bold, got, gotCut, want, wantCut)
	}
	if refPanic != nil && !(width < 0) {
		t.Errorf("the reference Wrap(%q, %v, %v, %d) panicked with a width not below zero: %v", s, size, width, maxLines, refPanic)
	}
	if got, want := fc.Ellipsize(s, size, width), ellipsizeRef(fc, s, size, width); got != want {
		t.Errorf("Ellipsize(%q, %v, %v) (bold %v) = %q, want %q", s, size, width, fc.Bold, got, want)
	}
}

// randomText strings together pieces that exercise every rule of the
// wrapping: Latin and Cyrillic words, kerning pairs, single and repeated
// spaces, other Unicode spaces, hyphens, dashes and slashes in and around
// words, line breaks, an ellipsis, a glyph the font lacks, bytes that
// are not UTF-8, and now and then a very long word.
func randomText(rng *rand.Rand) string {
	pieces := []string{
		"a", "North", "Korean", "troops", "AVATAR", "To", "Wa", "LT", "yo",
		"Київ", "ґрунт", "Європа", "їжак", "Україна", "18,000", "3.14", "ff",
		" ", " ", " ", "  ", "   ", "\t", "\u00a0", "\u2003", "\u2009",
		"-", "–", "—", "/", " - ", "-a", "a-", "well-known", "and/or", "1914–1918", "03/2016", "1/2",
		"\n", "\n\n", "…", "☃", ".", ",", "’", "(", ")",
		"\xff", "\xe2\x80", "\xf0\xe2\x80\x83", "\xe2\x80\x80\x80", // not UTF-8
	}
	var b strings.Builder
	n := rng.IntN(30)
	if rng.IntN(20) == 0 {
		n = rng.IntN(100)
	}
	for range n {
		if rng.IntN(25) == 0 {
			// A long word with no break in it.
			letters := []rune("SupercalifragilisticexpialidociousДніпропетровськ")
			for range 10 + rng.IntN(80) {
				b.WriteRune(letters[rng.IntN(len(letters))])
			}
			continue
		}
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// randomWidth picks a width that is often exactly the width of a piece of
// s, with or without an ellipsis, so that the <= comparisons are tested
// at their boundary.
func randomWidth(rng *rand.Rand, fc *Face, s string, size float64) float64 {
	rs := []rune(s)
	switch rng.IntN(8) {
	case 0, 1, 2:
		if len(rs) > 0 {
			a := 0 // a prefix, as Ellipsize keeps, half the time
			if rng.IntN(2) == 0 {
				a = rng.IntN(len(rs))
			}
			b := a + rng.IntN(len(rs)-a) + 1
			piece := string(rs[a:b])
			if rng.IntN(2) == 0 {
				piece += "…"
			}
			w := fc.Width(piece, size)
			if rng.IntN(3) == 0 {
				// A little slack, up to a wide space: room for a
				// trailing space that must still be trimmed.
				w += rng.Float64() * fc.Width("\u2003", size)
			}
			return w
		}
		return 0
	case 3:
		return []float64{0, 1, fc.Width("…", size), math.Inf(1), math.NaN(), -1, -0.5}[rng.IntN(7)]
	case 4:
		return rng.Float64() * 40
	default:
		return rng.Float64() * 600
	}
}

func TestWrapMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 2500
	if testing.Short() {
		n = 300
	}
	sizes := []float64{13, 13, 11.5, 8, 14.3, 20, 100, 1}
	for _, bold := range []bool{false, true} {
		fc := Default(bold)
		for range n {
			s := randomText(rng)
			size := sizes[rng.IntN(len(sizes))]
			width := randomWidth(rng, fc, s, size)
			maxLines := rng.IntN(6) - 1
			checkSame(t, fc, s, size, width, maxLines)
			if t.Failed() {
				return
			}
		}
	}
}

func FuzzWrapEquivalence(f *testing.F) {
	f.Add("North Korean troops deployed in the Kursk region", 13.0, 120.0, 0, false)
	f.Add("A country whose name is sixty characters long, for the test", 13.0, 100.0, 2, true)
	f.Add("Supercalifragilisticexpialidocious", 13.0, 50.0, 0, false)
	f.Add("Київ — well-known  and/or  1914–1918\n\nAV To\t…", 11.5, 40.0, 3, true)
	f.Add("a - b -c d- / x", 13.0, 0.0, 1, false)
	f.Fuzz(func(t *testing.T, s string, size, width float64, maxLines int, bold bool) {
		if len(s) > 512 {
			return // the reference is quadratic; slow runs stall the fuzzer
		}
		checkSame(t, Default(bold), s, size, width, maxLines%8)
	})
}

func TestParseNamesUnsupportedFormats(t *testing.T) {
	for _, c := range []struct {
		magic, want string
	}{
		{"wOF2", "WOFF2 is not supported; convert the font to TTF or OTF"},
		{"wOFF", "WOFF is not supported; convert the font to TTF or OTF"},
		{"ttcf", "a font collection (.ttc/.otc) is not supported; extract one face to a TTF or OTF file"},
	} {
		data := append([]byte(c.magic), make([]byte, 60)...)
		_, err := Parse(data, false)
		if err == nil {
			t.Errorf("%s: parsed", c.magic)
			continue
		}
		if !errors.Is(err, ErrNotFont) {
			t.Errorf("%s: %v does not wrap ErrNotFont", c.magic, err)
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q, want it to say %q", c.magic, err, c.want)
		}
	}
	// Short or unknown data still gets the plain error.
	for _, data := range [][]byte{nil, []byte("wOF"), []byte("OTTO")} {
		_, err := Parse(data, false)
		if !errors.Is(err, ErrNotFont) || strings.Contains(err.Error(), "not supported") {
			t.Errorf("Parse(%q) = %v", data, err)
		}
	}
}
