package charts

import (
	"math/rand"
	"strings"
	"testing"
)

func TestZZGaps(t *testing.T) {
	ok, bad, gappy := 0, 0, 0
	for seed := int64(0); seed < 200; seed++ {
		src := genFigure(rand.New(rand.NewSource(seed)), kinds["line"], "g")
		if !strings.Contains(src, `"NA"`) && !strings.Contains(src, `""`) && !strings.Contains(src, `"–"`) {
			continue
		}
		gappy++
		if _, err := Decode("g.toml", []byte(src), "."); err != nil {
			bad++
			if bad < 4 {
				t.Log(err)
			}
			continue
		}
		ok++
	}
	t.Logf("gappy %d ok %d bad %d", gappy, ok, bad)
}
