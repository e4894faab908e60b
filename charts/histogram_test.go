package charts

import (
	"slices"
	"strings"
	"testing"
)

// TestHistogramBins: edges at multiples of the width, a value on an edge
// in the bin above it, the last edge in the last bin, and the alt text's
// fullest bin.
func TestHistogramBins(t *testing.T) {
	f, err := Decode("h.toml", []byte(`[[figure]]
id = "h"
type = "histogram"
title = "Ages"
bin = 5
data = [{ value = 21 }, { value = 25 }, { value = 26 }, { value = 29.9 }, { value = 30 }, { value = 35 }]
`), ".")
	if err != nil {
		t.Fatal(err)
	}
	fig := f.Figures[0]
	lo, hi := fig.dataRange()
	edges, n := fig.binEdges(lo, hi)
	if !slices.Equal(edges, []float64{20, 25, 30, 35, 40}) || n != 4 {
		t.Errorf("edges %v (%d bins)", edges, n)
	}
	if got := binCounts(fig.Data, edges); !slices.Equal(got, []int{1, 3, 1, 1}) {
		t.Errorf("counts %v, want [1 3 1 1]", got)
	}
	// The top edge closes the last bin: 35 with edges to 35.
	if got := binCounts(fig.Data, []float64{20, 25, 30, 35}); !slices.Equal(got, []int{1, 3, 2}) {
		t.Errorf("counts to 35: %v, want [1 3 2]", got)
	}
	if alt := fig.AltText(); !strings.Contains(alt, "6 values, 21–35; most in 25–30 (3).") {
		t.Errorf("alt text: %s", alt)
	}
	if fds := fig.findings(fig.Scene()); len(fds) > 0 {
		t.Errorf("findings: %v", fds)
	}
	// Steps of 0.1 make edges written as such.
	if e := roundTo(0.1*3, 0.1); e != 0.3 {
		t.Errorf("roundTo = %v", e)
	}
}
