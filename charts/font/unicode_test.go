package font

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/bidi"
)

// unicodeData opens one of the Unicode Character Database's test files
// that github.com/go-text/typesetting ships beside its code (the module
// is downloaded to build presschart, so the files are there); the test
// skips, saying so, where the go command cannot find the module.
func unicodeData(t *testing.T, rel string) *os.File {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-text/typesetting").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("skipped: the go command does not locate github.com/go-text/typesetting (%v)", err)
	}
	f, err := os.Open(filepath.Join(dir, rel))
	if err != nil {
		t.Skipf("skipped: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func hexRunes(t *testing.T, field string) []rune {
	var rs []rune
	for _, h := range strings.Fields(field) {
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			t.Fatalf("%q: %v", field, err)
		}
		rs = append(rs, rune(v))
	}
	return rs
}

// TestBidiCharacterTest runs the visual ordering that shaped text uses
// (the bidi levels of each character, then visualOrder) over every case
// of Unicode's BidiCharacterTest.txt with a left-to-right or
// right-to-left paragraph, the two directions a figure has: the
// characters, X9's removed controls left out, must come in the file's
// visual order.
func TestBidiCharacterTest(t *testing.T) {
	sc := bufio.NewScanner(unicodeData(t, "bidi/test/BidiCharacterTest.txt"))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var para bidi.Paragraph
	cases, failed := 0, 0
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		f := strings.Split(text, ";")
		if len(f) != 5 || f[1] == "2" {
			continue // auto direction: a figure's direction is always set
		}
		rs := hexRunes(t, f[0])
		levels := bidiLevels(&para, rs, f[1] == "1")
		wantLevels := strings.Fields(f[3])
		// Characters that X9 removes (here, embeddings and overrides,
		// which presschart refuses) count as whitespace for L1.
		base := bidi.Level(0)
		if f[1] == "1" {
			base = 1
		}
		for i := len(rs) - 1; i >= 0 && (isWhite(rs[i]) || rs[i] >= '\u2066' && rs[i] <= '\u2069' || wantLevels[i] == "x"); i-- {
			levels[i] = base
		}
		var want []int
		for _, s := range strings.Fields(f[4]) {
			n, _ := strconv.Atoi(s)
			want = append(want, n)
		}
		var got []int
		for _, i := range visualOrder(levels) {
			if wantLevels[i] != "x" {
				got = append(got, i)
			}
		}
		cases++
		if !slices.Equal(got, want) {
			failed++
			if failed <= 10 {
				t.Errorf("line %d: %s: visual order %v, want %v (levels %v)", line, f[0], got, want, levels)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if failed > 0 {
		t.Errorf("%d of %d cases fail", failed, cases)
	}
	t.Logf("%d cases", cases)
}

// TestLineBreakTest checks the line-break opportunities that wrapping
// uses against every case of Unicode's LineBreakTest.txt.
func TestLineBreakTest(t *testing.T) {
	sc := bufio.NewScanner(unicodeData(t, "segmenter/test/LineBreakTest.txt"))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	cases, failed := 0, 0
	for line := 1; sc.Scan(); line++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(text) == "" {
			continue
		}
		var rs []rune
		var want []int
		for _, tok := range strings.Fields(text) {
			switch tok {
			case "÷":
				if len(rs) > 0 {
					want = append(want, len(rs))
				}
			case "×":
			default:
				v, err := strconv.ParseUint(tok, 16, 32)
				if err != nil {
					t.Fatalf("line %d: %q", line, tok)
				}
				rs = append(rs, rune(v))
			}
		}
		if slices.ContainsFunc(rs, isHangul) || slices.ContainsFunc(rs, func(r rune) bool { return r >= 0x0e01 && r <= 0x0e5b }) {
			continue // Korean keeps its words whole, Thai breaks by syllable (TestKoreanKeepsWords, TestThaiBreaks)
		}
		cases++
		if got := lineBreaks(rs); !slices.Equal(got, want) {
			failed++
			if failed <= 10 {
				t.Errorf("line %d: %s: breaks after %v, want %v", line, strings.TrimSpace(text), got, want)
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d cases fail", failed, cases)
	}
	t.Logf("%d cases", cases)
}

func TestKoreanKeepsWords(t *testing.T) {
	rs := []rune("네팔 출신 신병, 1,000명에서")
	got := lineBreaks(rs)
	want := []int{3, 6, 10, len(rs)} // after each space, and at the end
	if !slices.Equal(got, want) {
		t.Errorf("breaks after %v, want %v", got, want)
	}
	// Chinese still breaks between ideographs.
	if got := lineBreaks([]rune("俄罗斯的")); len(got) != 4 {
		t.Errorf("Chinese breaks after %v", got)
	}
}

func TestThaiBreaks(t *testing.T) {
	s := "ทหารรับจ้างจากเนปาลลดลงจากหนึ่งพันเหลือหนึ่งคน"
	rs := []rune(s)
	got := lineBreaks(rs)
	var pieces []string
	a := 0
	for _, b := range got {
		pieces = append(pieces, string(rs[a:b]))
		a = b
	}
	want := []string{"ทหารรับจ้างจาก", "เนปาลลดลงจากหนึ่งพัน", "เหลือหนึ่งคน"}
	if !slices.Equal(pieces, want) {
		t.Errorf("pieces %q, want %q", pieces, want)
	}
	// Never between a letter and its marks, nor after a leading vowel.
	for _, b := range lineBreaks([]rune("เด็กๆ ไปโรงเรียน")) {
		if b > 0 && b < len([]rune("เด็กๆ ไปโรงเรียน")) {
			r := []rune("เด็กๆ ไปโรงเรียน")
			if unicode.IsMark(r[b]) || r[b-1] >= 0x0e40 && r[b-1] <= 0x0e44 {
				t.Errorf("a break at %d splits %q", b, string(r[b-1:b+1]))
			}
		}
	}
}
