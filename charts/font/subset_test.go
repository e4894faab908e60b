package font

import (
	"image"
	"testing"
)

// TestSubsetRoundTrip parses a subset back and checks that it draws the
// same text: every rune present, the same advances and kerning, and the
// same pixels within anti-aliasing noise.
func TestSubsetRoundTrip(t *testing.T) {
	const text = "AVATAR To 18,000 Київ ґєії Αθήνα –−’"
	for _, bold := range []bool{false, true} {
		orig := Default(bold)
		data, err := orig.Subset([]rune(text))
		if err != nil {
			t.Fatal(err)
		}
		sub, err := Parse(data, bold)
		if err != nil {
			t.Fatalf("the subset does not parse: %v", err)
		}
		if sub.Family != orig.Family+" Subset" {
			t.Errorf("family %q", sub.Family)
		}
		if r, missing := sub.Missing(text); missing {
			t.Errorf("the subset lacks %q", r)
		}
		if r, missing := sub.Missing("Z"); !missing || r != 'Z' {
			t.Error("the subset holds a glyph it was not asked for")
		}
		for _, s := range []string{"AV", "To", "18,000", "Київ", text} {
			if a, b := orig.Width(s, 100), sub.Width(s, 100); a-b > 0.05 || b-a > 0.05 {
				t.Errorf("%q: width %g in the subset, %g in the font", s, b, a)
			}
		}
		if len(data) > 40_000 {
			t.Errorf("the subset of %d runes is %d bytes", len([]rune(text)), len(data))
		}
		a, b := drawMasks(orig, text), drawMasks(sub, text)
		diff := 0
		for i := range a.Pix {
			if d := int(a.Pix[i]) - int(b.Pix[i]); d > 64 || d < -64 {
				diff++
			}
		}
		if diff > len(a.Pix)/1000 {
			t.Errorf("bold=%v: %d of %d pixels differ between the subset and the font", bold, diff, len(a.Pix))
		}
	}
}

func drawMasks(f *Face, s string) *image.Alpha {
	img := image.NewAlpha(image.Rect(0, 0, 1400, 60))
	f.Masks(s, 4, 44, 36, 4, 0, func(m *Mask, px, py int) {
		b := m.Img.Bounds()
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				X, Y := px+m.DX+x, py+m.DY+y
				if image.Pt(X, Y).In(img.Rect) {
					v := int(img.Pix[img.PixOffset(X, Y)]) + int(m.Img.Pix[m.Img.PixOffset(x, y)])
					img.Pix[img.PixOffset(X, Y)] = uint8(min(255, v))
				}
			}
		}
	})
	return img
}
