package charts

import (
	"math"
	"math/rand"
	"testing"
)

// TestSwarm: no two dots overlap, every dot keeps its x, and the swarm
// stays as near its line as the first free place allows.
func TestSwarm(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{1, 2, 50, 500} {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = 300 + rng.NormFloat64()*60
		}
		r := 4.0
		off := swarm(xs, r)
		for i := range xs {
			for j := i + 1; j < len(xs); j++ {
				if d := math.Hypot(xs[i]-xs[j], off[i]-off[j]); d < 2*r {
					t.Fatalf("%d dots: %d and %d overlap (%.2f apart)", n, i, j, d)
				}
			}
		}
		if n == 1 && off[0] != 0 {
			t.Errorf("a lone dot at %g, not on the line", off[0])
		}
	}
}
