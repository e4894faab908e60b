package charts

import (
	"fmt"
	"strings"
	"testing"
)

// TestChoroplethClasses: classes rise, lie within the values, and none
// is empty, however the values spread: an outlier on one side of zero
// (Sudan's -23.4% among growth rates up to 8.1%), a skew, equal steps,
// and breaks given; equal steps make about as many classes as asked
// (within two: nice steps come in 1, 2, 2.5 and 5).
func TestChoroplethClasses(t *testing.T) {
	regions := []string{"Sudan", "Haiti", "Argentina", "Japan", "Chile", "Peru", "India", "Ethiopia", "Kenya", "Nepal", "Egypt", "Ghana"}
	for _, c := range []struct {
		name   string
		values []float64
		keys   string
		want   int // classes, 0 for any
		div    bool
	}{
		{"diverging outlier", []float64{-23.4, -4.2, -1.7, 0.1, 2.1, 3.0, 6.5, 8.1}, "classes = 6", 0, true},
		{"diverging", []float64{-9, -6, -3, -1, 1, 3, 6, 9}, "", 0, true},
		{"skewed", []float64{1, 2, 2, 3, 3, 4, 5, 8, 20, 90, 400, 9000}, "", 5, false},
		{"equal", []float64{1.1, 2.9, 4.4, 5.9, 8.0}, "classify = \"equal\"\nclasses = 5", 0, false},
		{"equal many", []float64{0, 13, 27, 41, 55, 69, 83, 97}, "classify = \"equal\"\nclasses = 7", 0, false},
		{"breaks", []float64{5, 15, 25, 35}, "breaks = [10, 20, 30]", 4, false},
	} {
		var rows []string
		for i, v := range c.values {
			rows = append(rows, fmt.Sprintf("{ region = %q, value = %s }", regions[i], tomlNumber(v)))
		}
		src := fmt.Sprintf("[[figure]]\nid = \"c\"\ntype = \"choropleth\"\ntitle = \"T\"\n%s\ndata = [%s]\n", c.keys, strings.Join(rows, ", "))
		file, err := Decode("c.toml", []byte(src), ".")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		f := file.Figures[0]
		edges, div := f.classes()
		if div != c.div {
			t.Errorf("%s: diverging %v, want %v", c.name, div, c.div)
		}
		if c.want > 0 && len(edges)+1 != c.want {
			t.Errorf("%s: %d classes %v, want %d", c.name, len(edges)+1, edges, c.want)
		}
		if strings.Contains(c.keys, "equal") {
			asked := 5
			fmt.Sscanf(c.keys[strings.Index(c.keys, "classes = ")+10:], "%d", &asked)
			if n := len(edges) + 1; n < asked-2 || n > asked+2 { // nice steps come in 1, 2, 2.5, 5
				t.Errorf("%s: %d classes %v for %d asked", c.name, n, edges, asked)
			}
		}
		count := make([]int, len(edges)+1)
		for i, e := range edges {
			if i > 0 && e <= edges[i-1] {
				t.Errorf("%s: edges %v do not rise", c.name, edges)
			}
		}
		for _, v := range c.values {
			count[classOf(v, edges)]++
		}
		for i, n := range count {
			if n == 0 {
				t.Errorf("%s: class %d of %v is empty (edges %v)", c.name, i+1, count, edges)
			}
		}
	}
}
