package charts

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/presschart/presschart/charts/scene"
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

// TestDayTicks: rows of days or weeks over weeks or months take enough
// ticks: 52 weeks written "D MMM" tick on Mondays, not once; 40 days
// tick by week, not on two firsts of a month.
func TestDayTicks(t *testing.T) {
	rows := func(n int, x func(i int) string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "{ x = %q, value = %d },", x(i), 100+i%7)
		}
		return b.String()
	}
	for _, c := range []struct {
		name, keys, rows string
	}{
		{"52 weeks", `date_format = "D MMM"`, rows(52, func(i int) string { return fmt.Sprintf("2024-W%02d", i+1) })},
		{"30 weeks, text", `date_format = "[Week] D MMM"`, rows(30, func(i int) string { return fmt.Sprintf("2024-W%02d", i+1) })},
		{"40 days", "", rows(40, func(i int) string { return time.Date(2024, 1, 1+i, 0, 0, 0, 0, time.UTC).Format("2006-01-02") })},
	} {
		src := "[[figure]]\nid = \"d\"\ntype = \"line\"\ntitle = \"D\"\n" + c.keys + "\ndata = [" + c.rows + "]\n"
		f, err := Decode("d.toml", []byte(src), ".")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		// Ticks under the plot: the date axis's, not the value axis's.
		ticks := 0
		sc := f.Figures[0].Scene()
		sc.Walk(func(n scene.Node) {
			if t, ok := n.(*scene.Text); ok && strings.Contains(t.Class, "pc-tick") && t.Y > sc.Plot.Y1+10 {
				ticks++
			}
		})
		if ticks < 3 {
			t.Errorf("%s: %d ticks on the date axis, want 3 or more", c.name, ticks)
		}
	}
}

// TestXIsOneKind: an x column is numbers or dates as a whole. Whole
// numbers from 1000 to 2999 are years among years and dates, and numbers
// among numbers (an x running 995 to 1,299, or 0 to 9,999, once refused
// row by row as "mixes dates and numbers"); a number beside a written
// date is still refused. An annotation's whole-number x follows the rows.
func TestXIsOneKind(t *testing.T) {
	rows := func(xs ...string) string {
		var b strings.Builder
		for i, x := range xs {
			fmt.Fprintf(&b, "{ x = %s, value = %d }, ", x, i+1)
		}
		return b.String()
	}
	var wide []string
	for x := 0; x < 10000; x += 250 {
		wide = append(wide, fmt.Sprint(x))
	}
	for _, c := range []struct {
		name, rows, extra string
		dates             bool
		err               string
	}{
		{"years", rows("2019", "2020", "2021"), "", true, ""},
		{"years and months", rows("2019", `"2020-06"`, "2021"), "", true, ""},
		{"numbers across 1000", rows("995", "1000", "1100", "1299"), "", false, ""},
		{"0 to 9,999", rows(wide...), "", false, ""},
		{"fractions and whole numbers", rows("999.5", "1500", "2500.25"), "", false, ""},
		{"an annotation on numbers", rows("995", "1000", "1100"), "[[figure.annotation]]\nfrom = 1000\nto = 1100\ntext = \"here\"\n", false, ""},
		{"a number beside a date", rows("5", `"2020"`), "", false, `data[1].x: mixes dates and numbers`},
		{"a date beside numbers and years", rows("5", "1999", `"2020-01"`), "", false, `data[2].x: mixes dates and numbers`},
	} {
		src := "[[figure]]\nid = \"x\"\ntype = \"line\"\ntitle = \"X\"\ndata = [" + c.rows + "]\n" + c.extra
		f, err := Decode("x.toml", []byte(src), ".")
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		fig := f.Figures[0]
		if dates := fig.xUnit != notDate; dates != c.dates {
			t.Errorf("%s: read as dates: %v, want %v", c.name, dates, c.dates)
		}
		if !c.dates {
			for _, d := range fig.Data {
				if fmt.Sprint(d.XV) != d.X {
					t.Errorf("%s: x %s placed at %g", c.name, d.X, d.XV)
				}
			}
		}
		if _, err := fig.RenderFiles([]string{"svg"}); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

// TestXType: x_type reads every x as the kind it names, where the rows
// alone would tell otherwise.
func TestXType(t *testing.T) {
	for _, c := range []struct {
		xType, rows string
		unit        dateUnit
	}{
		{"", `{ x = 1990, value = 1 }, { x = 2000, value = 2 }`, byYear},
		{`x_type = "number"`, `{ x = 1990, value = 1 }, { x = 2000, value = 2 }`, notDate},
		{`x_type = "date"`, `{ x = 1990, value = 1 }, { x = 2000, value = 2 }`, byYear},
		{`x_type = "date"`, `{ x = "2020-01", value = 1 }, { x = 2021, value = 2 }`, byMonth},
		{"", `{ x = 995, value = 1 }, { x = 1200, value = 2 }`, notDate},
	} {
		src := "[[figure]]\nid = \"x\"\ntype = \"line\"\ntitle = \"T\"\n" + c.xType + "\ndata = [" + c.rows + "]\n"
		f, err := Decode("x.toml", []byte(src), ".")
		if err != nil {
			t.Errorf("%s %s: %v", c.xType, c.rows, err)
			continue
		}
		fig, _ := f.Figures[0].loaded()
		if fig.xUnit != c.unit {
			t.Errorf("%s %s: unit %v, want %v", c.xType, c.rows, fig.xUnit, c.unit)
		}
	}
}
