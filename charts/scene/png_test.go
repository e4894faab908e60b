package scene

import (
	"bytes"
	"image/png"
	"testing"
)

// TestBlankRowsAreNeverRead: rows no drawing reaches are left unwritten
// in the canvas and written to the PNG as background whole. The canvas
// buffer is recycled full of another colour first, so a row read back
// without being filled would show it.
func TestBlankRowsAreNeverRead(t *testing.T) {
	for _, bg := range []Color{{R: 255, G: 255, B: 255, A: 255}, {R: 18, G: 18, B: 18, A: 255}, {}} {
		s := newScene()
		s.Background = bg
		s.Root = []*Group{{ID: "g", Nodes: []Node{
			&Rect{X: 100.5, Y: 150, W: 40, H: 60.25, Fill: Color{R: 200, A: 255}},
			&Rect{X: 200, Y: 220, W: 40, H: 20, Fill: Color{B: 200, A: 128}},
			&Text{X: 20, Y: 40, S: "Blank rows", Size: 20, Fill: Color{G: 90, A: 255}},
		}}}
		const scale = 2
		junk := getBuf(4*640*400*scale*scale, false)
		for i := range junk {
			junk[i] = 0xab
		}
		putBuf(junk)
		var b bytes.Buffer
		if err := s.WritePNG(&b, scale); err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(&b)
		if err != nil {
			t.Fatal(err)
		}
		want := s.Raster(scale)
		if got.Bounds() != want.Bounds() {
			t.Fatalf("bounds %v, want %v", got.Bounds(), want.Bounds())
		}
		bad := 0
		for y := 0; y < want.Rect.Dy(); y++ {
			for x := 0; x < want.Rect.Dx(); x++ {
				r0, g0, b0, a0 := got.At(x, y).RGBA()
				r1, g1, b1, a1 := want.At(x, y).RGBA()
				// A transparent figure decodes unpremultiplied: allow a
				// step of rounding.
				if far(r0, r1) || far(g0, g1) || far(b0, b1) || far(a0, a1) {
					if bad++; bad <= 3 {
						t.Errorf("background %v: pixel (%d,%d) is %v in the PNG, %v drawn", bg, x, y, got.At(x, y), want.At(x, y))
					}
				}
			}
		}
		if c := want.RGBAAt(0, 0); c.A != bg.A || (bg.A == 255 && (c.R != bg.R || c.G != bg.G || c.B != bg.B)) {
			t.Errorf("corner is %v, want the background %v", c, bg)
		}
		// What was drawn is there, not lost with a row taken for blank.
		if r, _, _, a := got.At(2*120, 2*180).RGBA(); r>>8 != 200 || a>>8 != 255 {
			t.Errorf("background %v: inside the rectangle: %v", bg, got.At(2*120, 2*180))
		}
		ink := 0
		for y := 2 * 25; y < 2*40; y++ {
			for x := 2 * 20; x < 2*120; x++ {
				if _, g, _, _ := got.At(x, y).RGBA(); g>>8 != uint32(bg.G) {
					ink++
				}
			}
		}
		if ink < 500 {
			t.Errorf("background %v: the text left %d pixels of ink", bg, ink)
		}
	}
}

// TestBuffersRecycle: canvas-sized buffers come back for reuse, zeroed
// when asked, and those over the free list's bound are let go.
func TestBuffersRecycle(t *testing.T) {
	const n = 3 << 20
	var held [][]byte
	for range maxMapped + 4 {
		b := getBuf(n, false)
		if len(b) != n {
			t.Fatalf("len %d, want %d", len(b), n)
		}
		b[0], b[n-1] = 1, 1
		held = append(held, b)
	}
	for _, b := range held {
		putBuf(b)
	}
	mapped.Lock()
	free := len(mapped.free)
	mapped.Unlock()
	if free > maxMapped {
		t.Errorf("%d mapped buffers kept, at most %d", free, maxMapped)
	}
	b := getBuf(n, true)
	if b[0] != 0 || b[n-1] != 0 || !bytes.Equal(b[:64], make([]byte, 64)) {
		t.Error("a zeroed buffer was not zero")
	}
	putBuf(b)
}

// far reports whether two 16-bit channel values differ by more than one
// 8-bit step.
func far(a, b uint32) bool { return max(a, b)-min(a, b) > 0x101 }
