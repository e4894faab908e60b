package charts

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/scene"
)

// TestAxisCutWarns: bars on an axis without zero are drawn, as asked, and
// --check says what the editor gave up.
func TestAxisCutWarns(t *testing.T) {
	for _, c := range []struct {
		keys string
		cut  bool
	}{
		{"", false},
		{"zero = false\n", true},
		{"min = 20\n", true},
		{"min = 0\nmax = 100\n", false},
		{"zero = true\n", false},
	} {
		src := "[[figure]]\nid = \"f\"\ntype = \"bar\"\ntitle = \"T\"\n" + c.keys + "data = [{ label = \"a\", value = 40 }, { label = \"b\", value = 50 }]\n"
		file, err := Decode("axis.toml", []byte(src), ".")
		if err != nil {
			t.Fatalf("%q: %v", c.keys, err)
		}
		findings, err := file.Figures[0].Lint()
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Contains(strings.Join(findings, "\n"), ruleAxisCut)
		if got != c.cut {
			t.Errorf("%q: axis-cut reported %v, want %v (%v)", c.keys, got, c.cut, findings)
		}
	}
}

// TestAxisKeysSetTheScale: min, max and ticks give the axis exactly, and
// zero = false lets a line's axis fit its data; the data stay on it.
func TestAxisKeysSetTheScale(t *testing.T) {
	for _, c := range []struct {
		typ, keys string
		ticks     []string
	}{
		{"column", "min = 0\nmax = 100\nticks = 25\n", []string{"0", "25", "50", "75", "100"}},
		{"bar", "ticks = [0, 45, 90]\n", []string{"0", "45", "90"}},
		{"line", "zero = true\n", []string{"0"}},
		{"column", "zero = false\nmin = 30\nticks = 10\n", []string{"30", "40", "50"}},
	} {
		data := "data = [{ label = \"a\", value = 40 }, { label = \"b\", value = 50 }]\n"
		if c.typ == "line" {
			data = "data = [{ x = 2020, value = 40 }, { x = 2021, value = 50 }]\n"
		}
		src := "[[figure]]\nid = \"f\"\ntype = \"" + c.typ + "\"\ntitle = \"T\"\n" + c.keys + data
		file, err := Decode("axis.toml", []byte(src), ".")
		if err != nil {
			t.Fatalf("%s %q: %v", c.typ, c.keys, err)
		}
		sc := file.Figures[0].Scene()
		var ticks []string
		sc.Walk(func(n scene.Node) {
			if tx, ok := n.(*scene.Text); ok && tx.Class == "pc-tick" {
				ticks = append(ticks, tx.S)
			}
		})
		joined := strings.Join(ticks, " ")
		for _, w := range c.ticks {
			if !strings.Contains(" "+joined+" ", " "+w+" ") {
				t.Errorf("%s %q: ticks %q, want %s among them", c.typ, c.keys, joined, w)
			}
		}
	}
}

// TestAxisKeysDocumented: every axis and order key is in doc.go's
// reference and in README, each as it is written in a file.
func TestAxisKeysDocumented(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range slices.Concat(axisKeys, orderKeys, []string{"labels"}) {
		if !regexp.MustCompile(`(?m)^//\t` + k + ` +=`).Match(doc) {
			t.Errorf("doc.go's value axis section does not show %s = ...", k)
		}
		if !strings.Contains(string(readme), "`"+k) {
			t.Errorf("README.md does not name %s", k)
		}
	}
}
