package font

import (
	"image"
	"math"
	"sync"

	"github.com/golang/freetype/raster"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Mask is one glyph's coverage at one size and sub-pixel offset, ready to
// composite: its top-left pixel lies at (DX, DY) from the pixel that holds
// the glyph's origin.
type Mask struct {
	Img    *image.Alpha
	DX, DY int
}

type maskKey struct {
	glyph  sfnt.GlyphIndex
	size   float64 // px per em, device pixels
	fx, fy uint8   // sub-pixel offset in quarters of a pixel
	levels int
}

// maxMasks bounds the mask cache; past it the cache starts again.
const maxMasks = 20000

// Masks calls fn with the coverage mask of each glyph of s, set with its
// baseline starting at (x, y), in device pixels, at size device pixels per
// em. Glyph origins are placed to 1/steps of a pixel (steps is 1, 2 or 4),
// and coverage is rounded to levels steps (0 keeps 256). Masks are cached
// per face, so a figure's second "0" costs a copy, not a rasterisation.
// Shaped text takes quarter pixels whatever steps says: its letters join
// (Arabic's connections, Devanagari's headline), and whole-pixel origins
// would move each join by up to half a pixel from where librsvg and
// browsers draw it (svg~png 0.022 to 0.011 on an Arabic figure).
func (fc *Face) Masks(s string, x, y, size float64, steps, levels int, fn func(m *Mask, px, py int)) {
	q := 4 / float64(max(1, min(steps, 4))) // quarters of a pixel per step
	if !fc.plain(s) {
		q = 1
	}
	fc.layout(s, x, size, func(f *file, gid sfnt.GlyphIndex, gx, dy float64) {
		// The origin goes to the nearest step, counted in quarters.
		qx, qy := math.Round(gx*4/q)*q, math.Round((y+dy)*4/q)*q
		ix, iy := math.Floor(qx/4), math.Floor(qy/4)
		key := maskKey{gid, size, uint8(qx - ix*4), uint8(qy - iy*4), levels}
		f.mu.RLock()
		m, ok := f.masks[key]
		f.mu.RUnlock()
		if !ok {
			m = f.rasterGlyph(key)
			f.mu.Lock()
			if len(f.masks) >= maxMasks {
				f.masks = make(map[maskKey]*Mask)
			}
			f.masks[key] = m
			f.mu.Unlock()
		}
		if m != nil {
			fn(m, int(ix), int(iy))
		}
	})
}

// rasterizers recycles glyph rasterisers, a few kilobytes each.
var rasterizers sync.Pool

// segmentPoints is how many points a segment of op carries.
func segmentPoints(op sfnt.SegmentOp) int {
	switch op {
	case sfnt.SegmentOpQuadTo:
		return 2
	case sfnt.SegmentOpCubeTo:
		return 3
	}
	return 1
}

// rasterGlyph draws one glyph's mask; nil for a glyph with no outline.
func (fc *file) rasterGlyph(k maskKey) *Mask {
	b := fc.bufs.Get().(*sfnt.Buffer)
	defer fc.bufs.Put(b)
	segs, err := fc.font.LoadGlyph(b, k.glyph, fixed.Int26_6(math.Round(k.size*64)), nil)
	if err != nil || len(segs) == 0 {
		return nil
	}
	off := fixed.Point26_6{X: fixed.Int26_6(k.fx) * 16, Y: fixed.Int26_6(k.fy) * 16}
	minX, minY := fixed.Int26_6(math.MaxInt32), fixed.Int26_6(math.MaxInt32)
	maxX, maxY := fixed.Int26_6(math.MinInt32), fixed.Int26_6(math.MinInt32)
	for _, s := range segs {
		for _, p := range s.Args[:segmentPoints(s.Op)] {
			p = p.Add(off)
			minX, minY = min(minX, p.X), min(minY, p.Y)
			maxX, maxY = max(maxX, p.X), max(maxY, p.Y)
		}
	}
	x0, y0 := minX.Floor(), minY.Floor()
	w, h := maxX.Ceil()-x0+1, maxY.Ceil()-y0+1
	shift := fixed.Point26_6{X: off.X - fixed.I(x0), Y: off.Y - fixed.I(y0)}
	img := image.NewAlpha(image.Rect(0, 0, w, h))
	r, _ := rasterizers.Get().(*raster.Rasterizer)
	if r == nil {
		r = raster.NewRasterizer(w, h)
	} else {
		r.SetBounds(w, h)
	}
	defer rasterizers.Put(r)
	r.UseNonZeroWinding = true
	// Each contour is closed back to its start, as the rasteriser's area
	// sums need.
	var start, last fixed.Point26_6
	open := false
	closeContour := func() {
		if open && last != start {
			r.Add1(start)
		}
	}
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			closeContour()
			start = s.Args[0].Add(shift)
			r.Start(start)
			last, open = start, true
		case sfnt.SegmentOpLineTo:
			last = s.Args[0].Add(shift)
			r.Add1(last)
		case sfnt.SegmentOpQuadTo:
			last = s.Args[1].Add(shift)
			r.Add2(s.Args[0].Add(shift), last)
		case sfnt.SegmentOpCubeTo:
			last = s.Args[2].Add(shift)
			r.Add3(s.Args[0].Add(shift), s.Args[1].Add(shift), last)
		}
	}
	closeContour()
	r.Rasterize(raster.PainterFunc(func(ss []raster.Span, done bool) {
		for _, sp := range ss {
			a := sp.Alpha
			if k.levels > 0 {
				a = (a*uint32(k.levels) + 0x7fff) / 0xffff * 0xffff / uint32(k.levels)
			}
			row := img.Pix[sp.Y*img.Stride:]
			for x := sp.X0; x < sp.X1; x++ {
				row[x] = uint8(a >> 8)
			}
		}
	}))
	return &Mask{Img: img, DX: x0, DY: y0}
}
