package font

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// TestMakeTestFonts writes the CJK fonts of charts/testdata/fonts: subsets
// of Noto Sans CJK SC, JP and KR, regular and bold, made with this
// package's subsetter, holding the ideographs, kana and Hangul that the
// tests draw (charts/testdata/cjk.toml and the zh, ja and ko locales).
// The full fonts are 16–19 MiB collections; the subsets are a few
// dozen KB. It runs only when asked, with the folder of
// NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc (Debian's
// fonts-noto-cjk 1:20220127, /usr/share/fonts/opentype/noto):
//
//	PRESSCHART_CJK_FONTS=/usr/share/fonts/opentype/noto go test ./charts/font -run TestMakeTestFonts
func TestMakeTestFonts(t *testing.T) {
	src := os.Getenv("PRESSCHART_CJK_FONTS")
	if src == "" {
		t.Skip("PRESSCHART_CJK_FONTS is not set: the committed subsets stay as they are")
	}
	var text strings.Builder
	for _, f := range []string{"../testdata/cjk.toml", "../locale_zh.go", "../locale_ja.go", "../locale_ko.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text.Write(b)
	}
	// Printable ASCII as well, as every real CJK font has it: the space
	// and the comma between Korean words are the font's own.
	var runes []rune
	for r := rune(0x20); r < 0x7f; r++ {
		runes = append(runes, r)
	}
	for _, r := range text.String() {
		if r >= 0x2e80 {
			runes = append(runes, r)
		}
	}
	slices.Sort(runes)
	runes = slices.Compact(runes)
	for _, weight := range []string{"Regular", "Bold"} {
		data, err := os.ReadFile(filepath.Join(src, "NotoSansCJK-"+weight+".ttc"))
		if err != nil {
			t.Fatal(err)
		}
		coll, err := sfnt.ParseCollection(data)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < coll.NumFonts(); i++ {
			f, err := coll.Font(i)
			if err != nil {
				t.Fatal(err)
			}
			face, err := parsed(f, nil, weight == "Bold")
			if err != nil {
				t.Fatal(err)
			}
			region := strings.TrimPrefix(face.Family, "Noto Sans CJK ")
			if region != "SC" && region != "JP" && region != "KR" {
				continue
			}
			sub, err := face.Subset(runes)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join("..", "testdata", "fonts", "NotoSansCJK"+region+"-"+weight+"-subset.ttf")
			if err := os.WriteFile(out, sub, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d characters, %d bytes", out, len(runes), len(sub))
		}
	}
}
