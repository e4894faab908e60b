package charts

import (
	"math"
	"testing"
)

// TestLogScaleOneValue: a log scale over values all alike (one bar, or
// a panel of one row) is a decade round them, not a scale of no length
// whose coordinates are NaN.
func TestLogScaleOneValue(t *testing.T) {
	for _, v := range []float64{5, 10, 1, 0.002, 7e9} {
		s := logScale(v, v, 0, 100)
		if !(s.lo < v*(1+1e-9) && s.hi > v*(1-1e-9) && s.lo < s.hi) {
			t.Errorf("logScale(%g, %g): %g..%g", v, v, s.lo, s.hi)
		}
		if x := s.px(v); math.IsNaN(x) || math.IsInf(x, 0) {
			t.Errorf("logScale(%g, %g) puts %g at %g", v, v, v, x)
		}
	}
}
