package geo

import (
	"encoding/binary"
	"math"
	"testing"
	"time"
)

// FuzzCut: any ring (its points from the fuzzer's bytes, NaN and huge
// values among them) is cut, fitted, drawn flat and on a globe, and
// labelled without a panic and in bounded time; what is drawn of a ring
// on the globe stays on it.
func FuzzCut(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0}, 0.0, 10.0)
	seed := make([]byte, 0, 64)
	for _, v := range []float64{170, 10, -170, 10, -170, -10, 170, -10} {
		seed = binary.LittleEndian.AppendUint64(seed, math.Float64bits(v))
	}
	f.Add(seed, 0.0, 0.0)
	f.Add(seed, 180.0, -89.0)
	f.Fuzz(func(t *testing.T, b []byte, lon0, lat0 float64) {
		var r Ring
		for len(b) >= 16 && len(r) < 200 {
			r = append(r, Point{math.Float64frombits(binary.LittleEndian.Uint64(b)), math.Float64frombits(binary.LittleEndian.Uint64(b[8:]))})
			b = b[16:]
		}
		if len(r) < 3 {
			return
		}
		r = append(r, r[0])
		start := time.Now()
		reg := &Feature{Polygons: []Polygon{{r}}}
		for _, p := range []Projection{EqualEarth{Lon0: lon0}, Orthographic{Lon0: lon0, Lat0: lat0}, Mercator{Lon0: lon0}} {
			fr := Fit(p, lon0, reg.Polygons, 0, 0, 200, 100)
			fr.LabelPoint(reg)
			if o, ok := p.(Orthographic); ok && !math.IsNaN(o.Lon0+o.Lat0) && !math.IsInf(o.Lon0+o.Lat0, 0) {
				g := Frame{P: o, Lon0: lon0, K: 1}
				for _, ring := range g.Rings(reg) {
					for _, q := range ring {
						if h := math.Hypot(q[0], q[1]); h > 1+1e-6 {
							t.Fatalf("a point at %v, off the globe", q)
						}
					}
				}
			}
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("took %v", d)
		}
	})
}
