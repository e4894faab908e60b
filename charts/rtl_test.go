package charts

import (
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/scene"
)

// TestRightToLeft: a figure with direction = "rtl" is its left-to-right
// self mirrored: the same size, the title's right edge where the other's
// left edge is, bars growing from the right, the SVG and the HTML snippet
// marked right to left; the Hebrew locale turns it by default, "ltr"
// turns it back.
func TestRightToLeft(t *testing.T) {
	const fig = "[[figure]]\nid = \"b\"\ntype = \"bar\"\ntitle = \"Recruits by country\"\nsource = \"Source: test\"\nformats = [\"svg\", \"html\"]\ndata = [{ label = \"Nepal\", value = 1000 }, { label = \"India\", value = 300 }]\n"
	scenes := map[string]*scene.Scene{}
	for name, style := range map[string]string{"ltr": "", "rtl": "direction = \"rtl\"\n", "he": "locale = \"he\"\n" + testFontKeys("hebr"), "he-ltr": "locale = \"he\"\ndirection = \"ltr\"\n" + testFontKeys("hebr")} {
		file, err := Decode("rtl.toml", []byte(strings.Replace(fig, "title =", style+"title =", 1)), ".")
		if err != nil {
			t.Fatal(err)
		}
		f := file.Figures[0]
		scenes[name] = f.Scene()
		outs, err := f.RenderFiles([]string{"svg", "html"})
		if err != nil {
			t.Fatal(err)
		}
		rtl := name == "rtl" || name == "he"
		if got := strings.Contains(string(outs[0].Data()), `direction="rtl"`); got != rtl {
			t.Errorf("%s: the SVG says direction=\"rtl\": %v", name, got)
		}
		if got := strings.Contains(string(outs[1].Data()), `dir="rtl"`); got != rtl {
			t.Errorf("%s: the snippet says dir=\"rtl\": %v", name, got)
		}
		if scenes[name].RTL != rtl {
			t.Errorf("%s: scene RTL %v", name, scenes[name].RTL)
		}
	}
	l, r := scenes["ltr"], scenes["rtl"]
	if l.Width != r.Width || l.Height != r.Height {
		t.Fatalf("sizes %gx%g and %gx%g", l.Width, l.Height, r.Width, r.Height)
	}
	lb, _ := l.Bounds(l.Root[0])
	rb, _ := r.Bounds(r.Root[0])
	if l.Root[0].ID != "title" || r.Root[0].ID != "title" || abs(rb.X1-(r.Width-lb.X0)) > 0.01 {
		t.Errorf("title from %v to %v: want its right edge at %g", lb, rb, r.Width-lb.X0)
	}
	bars := func(s *scene.Scene) (xs [][2]float64) {
		var walk func(g *scene.Group)
		walk = func(g *scene.Group) {
			for _, n := range g.Nodes {
				switch n := n.(type) {
				case *scene.Group:
					walk(n)
				case *scene.Rect:
					if strings.Contains(n.Class, "pc-bar") {
						xs = append(xs, [2]float64{n.X, n.X + n.W})
					}
				}
			}
		}
		for _, g := range s.Root {
			walk(g)
		}
		return xs
	}
	lx, rx := bars(l), bars(r)
	if len(lx) != 2 || len(rx) != 2 {
		t.Fatalf("bars %v and %v", lx, rx)
	}
	for i := range lx {
		if abs(rx[i][0]-(r.Width-lx[i][1])) > 0.01 || abs(rx[i][1]-(r.Width-lx[i][0])) > 0.01 {
			t.Errorf("bar %d at %v, want the mirror of %v", i, rx[i], lx[i])
		}
	}
	if rx[0][1] != rx[1][1] {
		t.Errorf("right-to-left bars do not share their right end (the baseline): %v", rx)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestSignsRightToLeft: a right-to-left figure writes its signs after
// U+200E so that they stay before the number, but for Arabic-Indic
// digits, which take the sign at their right as Arabic does.
func TestSignsRightToLeft(t *testing.T) {
	st := defaultStyle()
	st.Locale = "he"
	if got := newNumberFormat(&st).number(-5); got != "\u200e−5" {
		t.Errorf("he: %q", got)
	}
	st.Prefix = "$"
	if got := newNumberFormat(&st).number(-5); got != "\u200e−$5" {
		t.Errorf("he with a prefix: %q", got)
	}
	st.Prefix, st.Locale, st.Digits = "", "ar", "arab"
	if got := newNumberFormat(&st).number(-5); got != "−٥" {
		t.Errorf("ar in Arabic-Indic digits: %q", got)
	}
	st.Locale, st.Digits = "en", ""
	if got := newNumberFormat(&st).number(-5); got != "−5" {
		t.Errorf("en: %q", got)
	}
}
