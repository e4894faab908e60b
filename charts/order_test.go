package charts

import (
	"slices"
	"strings"
	"testing"
)

// TestOrder: sort, top and reverse give the rows an editor asked for,
// the added-up row last and named in the figure's language, and a CSV
// figure gets the same order when its rows are read again.
func TestOrder(t *testing.T) {
	rows := `data = [{ label = "Zypern", value = 12 }, { label = "Österreich", value = 30 }, { label = "Belgien", value = 22 }, { label = "Ägypten", value = 8 }, { label = "Dänemark", value = 17 }]`
	for _, c := range []struct {
		keys string
		want string
	}{
		{``, "Zypern Österreich Belgien Ägypten Dänemark"},
		{`sort = "value"`, "Österreich Belgien Dänemark Zypern Ägypten"},
		{`sort = "label"`, "Ägypten Belgien Dänemark Österreich Zypern"},
		{`sort = "label"` + "\nreverse = true", "Zypern Österreich Dänemark Belgien Ägypten"},
		{`sort = "value"` + "\ntop = 2", "Österreich Belgien Andere"},
		{`sort = "value"` + "\ntop = 2\nreverse = true", "Belgien Österreich Andere"},
		{`top = 3`, "Zypern Österreich Belgien Andere"},
		// One row left over keeps its name.
		{`top = 4`, "Zypern Österreich Belgien Ägypten Dänemark"},
	} {
		src := "[[figure]]\nid = \"f\"\ntype = \"bar\"\ntitle = \"T\"\nlocale = \"de\"\n" + c.keys + "\n" + rows + "\n"
		file, err := Decode("order.toml", []byte(src), ".")
		if err != nil {
			t.Fatalf("%q: %v", c.keys, err)
		}
		var got []string
		for _, d := range file.Figures[0].Data {
			got = append(got, d.Label)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q: rows %q, want %q", c.keys, strings.Join(got, " "), c.want)
		}
		if strings.Contains(c.want, "Andere") {
			if last := file.Figures[0].Data[len(got)-1]; last.Value != 8+17+12 && last.Value != 17+8 && last.Value != 8+17 {
				t.Errorf("%q: the added-up row is %g", c.keys, last.Value)
			}
		}
	}
	// A pile sorts by its total; CSV rows are ordered when read again.
	src := "[[figure]]\nid = \"p\"\ntype = \"stacked-bar\"\ntitle = \"T\"\nseries = [\"a\", \"b\"]\nsort = \"value\"\ndata = [{ label = \"x\", values = [1, 9] }, { label = \"y\", values = [6, 6] }, { label = \"z\", values = [5, 1] }]\n" +
		"[[figure]]\nid = \"c\"\ntype = \"column\"\ntitle = \"T\"\nsort = \"value\"\nreverse = true\ndata = \"data/nepal.csv\"\ncolumns = { label = \"period\", value = \"mercenaries\" }\n"
	file, err := Decode("order.toml", []byte(src), "testdata")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range file.Figures[0].Data {
		got = append(got, d.Label)
	}
	if !slices.Equal(got, []string{"y", "x", "z"}) {
		t.Errorf("piles by total: %q", got)
	}
	csv, err := file.Figures[1].loaded()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(csv.Data); n != 2 || csv.Data[0].Value != 1 || csv.Data[1].Label != "2023–2024" {
		t.Errorf("CSV rows read again: %+v", csv.Data)
	}
}
