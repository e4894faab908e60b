package charts

import (
	"fmt"
	"strings"
	"testing"
)

// TestLocate: an error found in decoded tables points at its key in the
// file, through inline arrays and tables, array-of-table headers, strings
// holding brackets, commas, '#' and '=', comments and several figures;
// a key that is missing points at its figure's header.
func TestLocate(t *testing.T) {
	src := `# a story
[style]
width = 640
colors = ["#c8102e", "#12345"]

[[figure]]
id = "first"   # the first
type = "column"
title = "Brackets [a] {b}, # and = in a string"
data = [ { label = "a, [b]", value = 1 },
  { label = "c", value = "x" },
  { label = 'd"', value = 3, bogus = 1 } ]
columns = { label = "year", lo = "count" }

[[figure]]
id = "second"
type = "line"
note = """
data = [ this is text ]
"""
data = [
  # a comment { with = braces }
  { x = 1, values = [1, 2] },
  { x = 2, values = [3, "four"] },
]

[[figure.annotation]]
text = "one"
at = "1"

[[ figure . annotation ]]
text = "two"
side = "abvoe"

[[figure]]
id = "third"
type = "bar"
`
	cases := []struct{ figure, key, at string }{
		{`figure "first"`, "data[1].value", "11:18"},
		{`figure "first"`, "data[2].bogus", "12:30"},
		{`figure "first"`, "data[2]", "12:3"},
		{`figure "first"`, "columns.lo", "13:29"},
		{`figure "first"`, "title", "9:1"},
		{`figure "first"`, "subtitle", "6:1"}, // missing: the header
		{`figure "first"`, "data[9].value", "10:1"},
		{`figure[1]`, "data[1].values[1]", "24:25"},
		{`figure "second"`, "data[0].x", "23:5"},
		{`figure "second"`, "annotation[1].side", "33:1"},
		{`figure "second"`, "annotation[0]", "27:1"},
		{`figure "second"`, "annotation[1].width", "31:1"},
		{`figure "third"`, "data", "35:1"},
		{"", "style.colors[1]", "4:22"},
		{"", "style.width", "3:1"},
		{`figure "fourth"`, "data", "0:0"}, // no such figure: no line
	}
	for _, c := range cases {
		es := Errors{{File: "f.toml", Figure: c.figure, Key: c.key, Msg: "m"}}
		locate([]byte(src), es)
		if got := fmt.Sprintf("%d:%d", es[0].Line, es[0].Col); got != c.at {
			lines := strings.Split(src, "\n")
			near := ""
			if es[0].Line > 0 && es[0].Line <= len(lines) {
				near = lines[es[0].Line-1]
			}
			t.Errorf("%s %s: at %s (%q), want %s", c.figure, c.key, got, near, c.at)
		}
	}
	// An error that already has a line keeps it.
	es := Errors{{File: "f.toml", Line: 2, Col: 3, Figure: `figure "first"`, Key: "title"}}
	locate([]byte(src), es)
	if es[0].Line != 2 || es[0].Col != 3 {
		t.Errorf("a line the decoder gave was changed to %d:%d", es[0].Line, es[0].Col)
	}
}

// TestLocateIsBounded: a hundred problems in one huge figure are located
// in time linear in the file: past a budget they point at the header.
func TestLocateIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("[[figure]]\nid = \"big\"\ndata = [\n")
	for i := 0; i < 200_000; i++ {
		b.WriteString("  { label = \"row\", value = 1 },\n")
	}
	b.WriteString("]\n")
	src := []byte(b.String())
	var es Errors
	for i := 0; i < 100; i++ {
		es = append(es, &Error{File: "f.toml", Figure: `figure "big"`, Key: fmt.Sprintf("data[%d].value", 199_000+i)})
	}
	defer budget("100 errors in a 6 MB figure")()
	locate(src, es)
	if es[0].Line != 199_000+4 {
		t.Errorf("the first error is at line %d, want %d", es[0].Line, 199_000+4)
	}
	if last := es[len(es)-1]; last.Line != 1 {
		t.Errorf("past the budget an error is at line %d, want its figure's header", last.Line)
	}
}

// TestLocateManyInSmallFile: in a file of ordinary size, every one of a
// hundred listed problems gets its own line.
func TestLocateManyInSmallFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("[[figure]]\nid = \"l\"\ntype = \"line\"\ndata = [\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "  { x = %d, values = [1] },\n", 995+i)
	}
	b.WriteString("]\n")
	var es Errors
	for i := 0; i < 100; i++ {
		es = append(es, &Error{File: "f.toml", Figure: `figure "l"`, Key: fmt.Sprintf("data[%d].x", 200+i)})
	}
	locate([]byte(b.String()), es)
	for i, e := range es {
		if e.Line != 205+i || e.Col != 5 {
			t.Fatalf("data[%d].x at %d:%d, want %d:5", 200+i, e.Line, e.Col, 205+i)
		}
	}
}
