package charts

import (
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/scene"
)

// TestTable: rows sorted by the bar column, the first limit of them
// drawn as text cells in a group per row, the rest counted; numbers
// right-aligned at their column's edge; the alt text lists the rows.
func TestTable(t *testing.T) {
	src := `[[figure]]
id = "t"
type = "table"
title = "Results"
series = ["Votes", "Share"]
series_formats = { "Share" = { suffix = "%" } }
bar = "Share"
sort = "value"
limit = 3
data = [
  { label = "Small party", values = [10, 1] },
  { label = "Independents and residents' associations", values = [300, 30] },
  { label = "Labour", values = [410, 41] },
  { label = "Greens", values = [200, 20] },
  { label = "Missing", values = [80, "NA"] },
]
`
	for _, size := range []string{"", "size = \"mobile\"\n"} {
		f, err := Decode("t.toml", []byte(strings.Replace(src, "limit = 3\n", "limit = 3\n"+size, 1)), ".")
		if err != nil {
			t.Fatal(err)
		}
		fig := f.Figures[0]
		if got := labels(fig); strings.Join(got, "|") != "Labour|Independents and residents' associations|Greens|Small party|Missing" {
			t.Errorf("sorted by the bar column: %v", got)
		}
		sc := fig.Scene()
		var rows int
		var texts []*scene.Text
		var walk func(g *scene.Group)
		walk = func(g *scene.Group) {
			if g.Class == "pc-row" {
				rows++
			}
			for _, n := range g.Nodes {
				switch n := n.(type) {
				case *scene.Group:
					walk(n)
				case *scene.Text:
					texts = append(texts, n)
				}
			}
		}
		for _, g := range sc.Root {
			walk(g)
		}
		if rows != 3 {
			t.Errorf("%s: %d row groups, want 3 (limit)", size, rows)
		}
		find := func(s string) *scene.Text {
			for _, tx := range texts {
				if tx.S == s {
					return tx
				}
			}
			return nil
		}
		for _, s := range []string{"Labour", "410", "41%", "Greens", "And 2 more."} {
			if find(s) == nil {
				t.Errorf("%s: no text %q", size, s)
			}
		}
		if find("Small party") != nil {
			t.Errorf("%s: a row past the limit is drawn", size)
		}
		a, b := find("410"), find("200")
		if a == nil || b == nil || a.Anchor != scene.End || a.X != b.X {
			t.Errorf("%s: numbers not right-aligned in one column: %+v %+v", size, a, b)
		}
		if fds := fig.findings(sc); len(fds) > 0 {
			t.Errorf("%s: findings %v", size, fds)
		}
		alt := fig.AltText()
		if !strings.HasPrefix(alt, "Table: Results.") || !strings.Contains(alt, "Labour: Votes 410, Share 41%") || !strings.Contains(alt, "Small party") {
			t.Errorf("alt text: %s", alt)
		}
	}
}

// TestTableOnPhone: four columns of numbers leave a phone's labels too
// little room: each goes on its own line above its numbers, which keep
// their full form, and nothing leaves the canvas.
func TestTableOnPhone(t *testing.T) {
	f, err := Load("../examples/table.toml", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, fig := range f.Figures {
		if fig.ID != "table-mobile" {
			continue
		}
		var label, number *scene.Text
		fig.Scene().Walk(func(n scene.Node) {
			if tx, ok := n.(*scene.Text); ok && tx.S == "Labour" {
				label = tx
			} else if ok && tx.S == "41,230" {
				number = tx
			}
		})
		if label == nil || number == nil {
			t.Fatalf("Labour's row: label %v, votes %v (written in full?)", label, number)
		}
		if !(label.Y < number.Y) {
			t.Errorf("label at y %g, its numbers at %g: not above them", label.Y, number.Y)
		}
		return
	}
	t.Fatal("examples/table.toml has no phone rendition")
}
