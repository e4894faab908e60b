package charts

import (
	"slices"
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/scene"
)

// TestWaterfallTotals: subtotals are the running total, worked out or
// checked to the precision they are written in; the levels each column
// spans follow; the alt text writes changes signed and totals plain.
func TestWaterfallTotals(t *testing.T) {
	decode := func(rows string) (*Figure, error) {
		f, err := Decode("w.toml", []byte("[[figure]]\nid = \"w\"\ntype = \"waterfall\"\ntitle = \"T\"\ndata = ["+rows+"]\n"), ".")
		if err != nil {
			return nil, err
		}
		return f.Figures[0], nil
	}
	for _, tt := range []struct {
		rows string
		ok   bool
	}{
		{`{ label = "a", value = 0.1 }, { label = "b", value = 0.2 }, { label = "t", total = true, value = 0.3 }`, true},
		{`{ label = "a", value = 12.34 }, { label = "t", total = true, value = 12.3 }`, true},
		{`{ label = "a", value = 12.36 }, { label = "t", total = true, value = 12.3 }`, false},
		{`{ label = "a", value = 1200 }, { label = "b", value = -1 }, { label = "t", total = true, value = 1199 }`, true},
		{`{ label = "a", value = 1200 }, { label = "b", value = -1 }, { label = "t", total = true, value = 1200 }`, false},
	} {
		_, err := decode(tt.rows)
		if (err == nil) != tt.ok {
			t.Errorf("%s: err = %v, want ok %v", tt.rows, err, tt.ok)
		}
	}
	f, err := decode(`{ label = "Sales", value = 120 }, { label = "Costs", value = -70 }, { label = "Gross", total = true }, { label = "Grant", value = 5 }, { label = "Tax", value = -60 }, { label = "Net", total = true }`)
	if err != nil {
		t.Fatal(err)
	}
	from, to := levels(f.Data)
	if want := []float64{0, 120, 0, 50, 55, 0}; !slices.Equal(from, want) {
		t.Errorf("from = %v, want %v", from, want)
	}
	if want := []float64{120, 50, 50, 55, -5, -5}; !slices.Equal(to, want) {
		t.Errorf("to = %v, want %v", to, want)
	}
	alt := f.AltText()
	for _, want := range []string{"Sales: 120;", "Costs: −70;", "Gross: 50;", "Grant: +5;", "Tax: −60;", "Net: −5."} {
		if !strings.Contains(alt, want) {
			t.Errorf("alt text %q lacks %q", alt, want)
		}
	}
	// Every level is on the axis, and a net loss goes below zero.
	sc := f.Scene()
	var bars int
	sc.Walk(func(n scene.Node) {
		if r, ok := n.(*scene.Rect); ok && strings.Contains(r.Class, "pc-bar") {
			bars++
		}
	})
	if bars != len(f.Data) {
		t.Errorf("%d bars drawn for %d rows", bars, len(f.Data))
	}
	if fds := f.findings(sc); len(fds) > 0 {
		t.Errorf("findings: %v", fds)
	}
}

// TestWaterfallPrecision: a written total is checked to half its last
// digit or to the figure's decimals, whichever is finer (80.0 is 80 in
// TOML: a rounded 79.5, unless decimals = 1 says otherwise).
func TestWaterfallPrecision(t *testing.T) {
	for _, tt := range []struct {
		keys, rows string
		ok         bool
	}{
		{"", `{ label = "a", value = 79.5 }, { label = "t", total = true, value = 80.0 }`, true},
		{"decimals = 1\n", `{ label = "a", value = 79.5 }, { label = "t", total = true, value = 80.0 }`, false},
		{"decimals = 1\n", `{ label = "a", value = 79 }, { label = "t", total = true, value = 79.4 }`, false},
		{"", `{ label = "a", value = 79.46 }, { label = "t", total = true, value = 79.5 }`, true},
		{"", `{ label = "a", value = 79.46 }, { label = "t", total = true, value = 79.4 }`, false},
		{"", `{ label = "a", value = 79 }, { label = "t", total = true, value = 79.4 }`, false},
	} {
		_, err := Decode("w.toml", []byte("[[figure]]\nid = \"w\"\ntype = \"waterfall\"\ntitle = \"T\"\n"+tt.keys+"data = ["+tt.rows+"]\n"), ".")
		if (err == nil) != tt.ok {
			t.Errorf("%s%s: err = %v, want ok %v", tt.keys, tt.rows, err, tt.ok)
		}
	}
}
