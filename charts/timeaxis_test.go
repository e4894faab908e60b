package charts

import (
	"strings"
	"testing"
)

// TestRowDates: each row's x is written as it was given, whatever the
// others' resolution (a year stays 2023 beside weeks), numbers keep
// their decimals, and date_format's bracketed text is kept.
func TestRowDates(t *testing.T) {
	for _, c := range []struct {
		rows, keys string
		want       []string
	}{
		{`{ x = "2023", value = 1 }, { x = "2024-Q1", value = 2 }, { x = "2024-W10", value = 3 }, { x = "2024-04", value = 4 }`, "",
			[]string{"1 in 2023", "4 in Apr 2024"}},
		{`{ x = "2024-W10", value = 5 }, { x = "2024-W11", value = 1 }`, "", []string{"5 in Week 10, 2024", "1 in Week 11, 2024"}},
		{`{ x = 1.5, value = 1 }, { x = 2.25, value = 2 }`, "", []string{"1 in 1.5", "2 in 2.25"}},
		{`{ x = "2025-W01", value = 1 }, { x = "2025-W02", value = 2 }`, `date_format = "[w/c] D MMM"`, []string{"1 in w/c 30 Dec", "2 in w/c 6 Jan"}},
	} {
		src := "[[figure]]\nid = \"d\"\ntype = \"line\"\ntitle = \"D\"\n" + c.keys + "\ndata = [" + c.rows + "]\n"
		f, err := Decode("d.toml", []byte(src), ".")
		if err != nil {
			t.Fatalf("%s: %v", c.rows, err)
		}
		alt := f.Figures[0].AltText()
		for _, w := range c.want {
			if !strings.Contains(alt, w) {
				t.Errorf("%s %s: alt text %q does not say %q", c.rows, c.keys, alt, w)
			}
		}
	}
}
