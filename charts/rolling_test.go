package charts

import (
	"fmt"
	"strings"
	"testing"
)

// TestRolling: rolling = N averages each window of N rows, drops the
// first N-1 rows, never drifts below zero, and says so in the note.
func TestRolling(t *testing.T) {
	var rows []string
	for i := 1; i <= 10; i++ {
		v := float64(i)
		if i > 5 {
			v = 0.1 // fractions that a running sum would leave at 1e-17 off zero
		}
		if i > 7 {
			v = 0
		}
		rows = append(rows, fmt.Sprintf("{ x = %d, value = %g }", i, v))
	}
	src := "[[figure]]\nid = \"r\"\ntype = \"area\"\ntitle = \"R\"\nrolling = 3\ndata = [" + strings.Join(rows, ", ") + "]\n"
	f, err := Decode("r.toml", []byte(src), ".")
	if err != nil {
		t.Fatal(err)
	}
	fig := f.Figures[0]
	if got := len(fig.Data); got != 8 {
		t.Fatalf("%d rows, want 8 (10 less the first 2)", got)
	}
	if d := fig.Data[0]; d.XV != 3 || d.Values[0] != 2 {
		t.Errorf("first row x %g value %g, want x 3 value 2 (the mean of 1, 2, 3)", d.XV, d.Values[0])
	}
	if d := fig.Data[7]; d.Values[0] != 0 {
		t.Errorf("last value %g, want exactly 0", d.Values[0])
	}
	if !strings.Contains(fig.note(), "Average of the last 3 values.") || !strings.Contains(fig.AltText(), "Average of the last 3 values.") {
		t.Errorf("note %q and alt text %q do not say the line is an average", fig.note(), fig.AltText())
	}
}

// TestRollingDecimals: an average that is not zero is not written 0.
func TestRollingDecimals(t *testing.T) {
	src := "[[figure]]\nid = \"r\"\ntype = \"line\"\ntitle = \"R\"\nrolling = 3\ndata = [{ x = 1, value = 100 }, { x = 2, value = 101 }, { x = 3, value = 101 }, { x = 4, value = 0 }, { x = 5, value = 0 }, { x = 6, value = 1 }]\n"
	f, err := Decode("r.toml", []byte(src), ".")
	if err != nil {
		t.Fatal(err)
	}
	if alt := f.Figures[0].AltText(); !strings.Contains(alt, "0.3 in 6") {
		t.Errorf("alt text %q does not write the last average, 1/3, as 0.3", alt)
	}
}
