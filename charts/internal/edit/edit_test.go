package edit

import (
	"math"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 3, 0}, {"nepal", "nepal", 3, 0}, {"nepall", "nepal", 3, 1}, {"kitten", "sitting", 5, 3},
		{"untied states", "united states", 3, 2}, {"尼泊尔", "尼泊", 3, 1}, {"abc", "", 5, 3},
		{"kitten", "sitting", 2, 3}, // beyond the limit: limit+1
		{"a", "abcdefgh", 2, 3},
		{"flaw", "lawn", math.MaxInt32, 2},
	} {
		if got := Distance(c.a, c.b, c.limit); got != c.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
	}
}
