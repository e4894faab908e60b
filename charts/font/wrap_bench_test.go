package font

import (
	"strings"
	"testing"
)

// longLabel returns n runes of word-like text mixing Latin and Cyrillic.
func longLabel(n int) string {
	words := []string{"North", "Korean", "troops", "deployed", "in", "the", "Kursk", "region,", "Київ", "ґрунт", "18,000", "well-known", "AVATAR", "—", "and/or"}
	var b strings.Builder
	count := 0
	for i := 0; count < n; i++ {
		w := []rune(words[i%len(words)])
		if count > 0 {
			b.WriteByte(' ')
			count++
		}
		for _, r := range w {
			if count == n {
				break
			}
			b.WriteRune(r)
			count++
		}
	}
	return b.String()
}

// longWord returns a single word of n runes with no break opportunities.
func longWord(n int) string {
	const letters = "Supercalifragilisticexpialidocious"
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteByte(letters[i%len(letters)])
	}
	return b.String()
}

func BenchmarkEllipsizeLong(b *testing.B) {
	f := Default(false)
	s := longLabel(1000)
	f.Ellipsize(s, 13, 200) // warm the glyph and kerning caches
	b.ReportAllocs()
	for b.Loop() {
		f.Ellipsize(s, 13, 200)
	}
}

func BenchmarkWrapLong(b *testing.B) {
	f := Default(false)
	for _, bc := range []struct{ name, s string }{
		{"text", longLabel(1000)},
		{"word", longWord(1000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			f.Wrap(bc.s, 13, 600, 0)
			b.ReportAllocs()
			for b.Loop() {
				f.Wrap(bc.s, 13, 600, 0)
			}
		})
	}
}

// BenchmarkWidthLatin times measuring the short Latin texts a layout
// measures most (labels, ticks, a title), the plain path.
func BenchmarkWidthLatin(b *testing.B) {
	fc := Default(false)
	texts := []string{"North Korean troops deployed", "1,000", "Oct 2025", "Russian soldiers fallen since 2022", "18,000", "Source: Brig. Gen. Dmytro Usov, via The Defense Post"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			fc.Width(s, 13)
		}
	}
}
