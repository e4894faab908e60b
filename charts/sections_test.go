package charts

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// sameDecoding reports how decoding src a figure at a time differs from
// decoding it whole, or "" when both fail or both give equal figures.
func sameDecoding(name string, src []byte, dir string) string {
	a, _, errA := decodeFile(name, src, dir, "", false)
	b, _, errB := decodeFile(name, src, dir, "", true)
	if (errA == nil) != (errB == nil) {
		return fmt.Sprintf("by sections: %v\nwhole: %v", errA, errB)
	}
	if errA != nil {
		return ""
	}
	if len(a.Figures) != len(b.Figures) {
		return fmt.Sprintf("%d figures by sections, %d whole", len(a.Figures), len(b.Figures))
	}
	for i := range a.Figures {
		// A large file's figures are kept light until they are drawn.
		la, errA := a.Figures[i].loaded()
		lb, errB := b.Figures[i].loaded()
		if errA != nil || errB != nil {
			return fmt.Sprintf("figure %d loads with %v by sections, %v whole", i, errA, errB)
		}
		fa, fb := la.clone(), lb.clone()
		// House fonts are loaded once per decoding: compare them by file.
		for _, f := range []*Figure{fa, fb} {
			f.Style.regular, f.Style.bold = nil, nil
			// A line's gap is NaN, which DeepEqual finds unequal to itself.
			f.Data = slices.Clone(f.Data)
			for j := range f.Data {
				f.Data[j].Values = slices.Clone(f.Data[j].Values)
				for k, v := range f.Data[j].Values {
					if isGap(v) {
						f.Data[j].Values[k] = -1e300
					}
				}
			}
		}
		if !reflect.DeepEqual(fa, fb) {
			return fmt.Sprintf("figure %d:\nby sections %+v\nwhole       %+v", i, fa, fb)
		}
	}
	return ""
}

// TestSectionsAgreeWithWhole: a file decoded a figure at a time gives what
// the whole file gives, messages and their lines included, in the forms
// a [[figure]] table can take.
func TestSectionsAgreeWithWhole(t *testing.T) {
	story, err := os.ReadFile("../data.toml")
	if err != nil {
		t.Fatal(err)
	}
	const one = "[[figure]]\nid = \"a\"\ntype = \"bar\"\ntitle = \"A\"\ndata = [{ label = \"x\", value = 1 }]\n"
	const two = "[[figure]]\nid = \"b\"\ntype = \"bar\"\ntitle = \"B\"\ndata = [{ label = \"y\", value = 2 }]\n"
	cases := map[string]struct {
		src   string
		split bool   // decoded by sections
		err   string // the message, or "" for none
	}{
		"story":              {string(story), true, ""},
		"style after":        {one + "[style]\nwidth = 500\n" + two, true, ""},
		"style dotted":       {"style.width = 500\n" + one + two, true, ""},
		"sub-tables":         {one + "[[figure.annotation]]\nat = \"x\"\ntext = \"t\"\n[[figure . annotation]]\nat = \"x\"\ntext = \"u\"\n" + two, true, ""},
		"blanks in header":   {strings.Replace(one, "[[figure]]", "[[ figure ]]  # first", 1) + strings.Replace(two, "[[figure]]", "[[figure ]]", 1), true, ""},
		"header in a string": {strings.Replace(one, "title = \"A\"", "title = \"A\"\nnote = \"\"\"\n[[figure]]\nid = 'c'\n\"\"\"", 1) + two, true, ""},
		"literal string":     {strings.Replace(one, "title = \"A\"", "title = \"A\"\nnote = '''\n[style]\n'''", 1) + two, true, ""},
		"CRLF":               {strings.ReplaceAll(one+two, "\n", "\r\n"), true, ""},
		"byte-order mark":    {"\xef\xbb\xbf" + one + two, true, ""},
		"inline figures":     {"figure = [{ id = \"a\", type = \"bar\", title = \"A\", data = [{ label = \"x\", value = 1 }] }]\n", false, ""},
		"quoted header":      {strings.Replace(one, "[[figure]]", "[[\"figure\"]]", 1) + two, false, ""},
		"sub-table first":    {"[figure.style]\nwidth = 400\n" + one, false, "fuzz.toml:3:3:"},
		"syntax in second":   {one + strings.Replace(two, "value = 2", "value = ", 1), true, "fuzz.toml:10:"},
		"table after array":  {one + "[figure]\nid = \"c\"\n", true, "fuzz.toml:"},
		"duplicate key":      {one + strings.Replace(two, "title = \"B\"", "title = \"B\"\ntitle = \"C\"", 1), true, "fuzz.toml:10:13:"},
		"duplicate style":    {"[style]\nwidth = 500\n" + one + "[style]\nwidth = 400\n" + two, true, "fuzz.toml:"},
		"duplicate ids":      {one + strings.Replace(one, "title = \"A\"", "title = \"C\"", 1), true, "already the id of figure[0]"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if d := sameDecoding("fuzz.toml", []byte(c.src), ".."); d != "" {
				t.Error(d)
			}
			_, split, errA := decodeFile("fuzz.toml", []byte(c.src), "..", "", false)
			_, _, errB := decodeFile("fuzz.toml", []byte(c.src), "..", "", true)
			if split != c.split {
				t.Errorf("decoded by sections: %v, want %v", split, c.split)
			}
			switch {
			case c.err == "" && errA != nil:
				t.Errorf("error: %v", errA)
			case c.err != "" && (errA == nil || !strings.Contains(errA.Error(), c.err)):
				t.Errorf("error %v, want one with %q", errA, c.err)
			case c.err != "" && errB != nil && strings.SplitN(errA.Error(), "\n", 2)[0] != strings.SplitN(errB.Error(), "\n", 2)[0]:
				t.Errorf("first message by sections:\n%v\nwhole:\n%v", errA, errB)
			}
		})
	}
}

// TestLightFigures: past lightAfter figures, a file's figures are kept
// light and decoded again when drawn; they draw the same bytes as the
// file decoded whole, renditions and CSV data included.
func TestLightFigures(t *testing.T) {
	var b strings.Builder
	b.WriteString("[style]\nscale = 1\nrenditions = [\"article\", \"dark\"]\n")
	for i := range lightAfter + 6 {
		if i%2 == 0 {
			fmt.Fprintf(&b, "[[figure]]\nid = \"csv%d\"\ntype = \"column\"\ntitle = \"From a file\"\ndata = \"data/nepal.csv\"\ncolumns = { label = \"period\", value = \"mercenaries\" }\n", i)
		} else {
			fmt.Fprintf(&b, "[[figure]]\nid = \"bar%d\"\ntype = \"bar\"\ntitle = \"Bars %d\"\ndata = [{ label = \"a\", value = %d }, { label = \"b\", value = 3 }]\n[[figure.annotation]]\nat = \"a\"\ntext = \"A note\"\n", i, i, i)
		}
	}
	src := []byte(b.String())
	split, byParts, err := decodeFile("many.toml", src, "testdata", "", false)
	if err != nil || !byParts {
		t.Fatalf("decoded by sections: %v, error %v", byParts, err)
	}
	whole, _, err := decodeFile("many.toml", src, "testdata", "", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(split.Figures) != 2*(lightAfter+6) || len(split.Figures) != len(whole.Figures) {
		t.Fatalf("%d and %d figures, want %d", len(split.Figures), len(whole.Figures), 2*(lightAfter+6))
	}
	for i, f := range split.Figures {
		if f.sec == nil || f.figureBody != nil {
			t.Fatalf("figure %q is not light", f.ID)
		}
		w0 := whole.Figures[i]
		if f.AltText() != w0.AltText() {
			t.Errorf("figure %q: alt text %q, whole %q", f.ID, f.AltText(), w0.AltText())
		}
		if f.Pixels(nil) != w0.Pixels(nil) || !slices.Equal(f.Formats(), w0.Formats()) || !slices.Equal(f.Inputs(), w0.Inputs()) ||
			f.Type != w0.Type || f.Title != w0.Title || f.RenditionOf != w0.RenditionOf {
			t.Errorf("figure %q: light %v px, %v, inputs %v; whole %v px, %v, inputs %v", f.ID, f.Pixels(nil), f.Formats(), f.Inputs(), w0.Pixels(nil), w0.Formats(), w0.Inputs())
		}
		a, alt, errA := f.Publish([]string{"svg"})
		w, errW := w0.RenderFiles([]string{"svg"})
		if alt != w0.AltText() {
			t.Errorf("figure %q: published with alt text %q, whole %q", f.ID, alt, w0.AltText())
		}
		if errA != nil || errW != nil {
			t.Fatalf("figure %q: %v, %v", f.ID, errA, errW)
		}
		if a[0].SHA256 != w[0].SHA256 || a[0].Path != w[0].Path {
			t.Errorf("figure %q: %s draws other bytes than the whole file's %s", f.ID, a[0].Path, w[0].Path)
		}
	}
	if d := sameDecoding("many.toml", src, "testdata"); d != "" {
		t.Error(d)
	}
}
