package charts

import (
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/scene"
)

// TestFurniture: a byline joins the credit, the source's address is a
// link in the HTML snippet and a plain attribute in the SVG, and
// footnote lines hang after their markers.
func TestFurniture(t *testing.T) {
	file, err := Load("testdata/furniture.toml", "")
	if err != nil {
		t.Fatal(err)
	}
	f := file.Figures[0]
	outs, err := f.RenderFiles([]string{"svg", "html"})
	if err != nil {
		t.Fatal(err)
	}
	svg, html := string(outs[0].Data()), string(outs[1].Data())
	// The image shows the source; the snippet adds only its link.
	if !strings.Contains(html, `<a href="https://www.thedefensepost.com/">Data source</a>`) || strings.Contains(html, "Brig. Gen.") {
		t.Errorf("the HTML snippet should link the source and not repeat it:\n%s", html)
	}
	if !strings.Contains(svg, `data-link="https://www.thedefensepost.com/"`) || strings.Contains(svg, "href=") {
		t.Error("the SVG should keep the address as data-link and hold no href")
	}
	if !strings.Contains(svg, "By Olena Kovalenko · Graphic: presschart") {
		t.Error("the byline is not before the credit")
	}
	// Every line of a footnote starts at one x, right of every marker.
	sc := f.Scene()
	var marks, texts []float64
	sc.Walk(func(n scene.Node) {
		if tx, ok := n.(*scene.Text); ok && strings.Contains(tx.Class, "pc-note") {
			if strings.Contains(tx.Class, "pc-footnote-mark") {
				marks = append(marks, tx.X+sc.Regular.Width(tx.S, tx.Size))
			} else {
				texts = append(texts, tx.X)
			}
		}
	})
	if len(marks) != 3 || len(texts) < 4 {
		t.Fatalf("%d markers and %d note lines", len(marks), len(texts))
	}
	for _, x := range texts {
		if x != texts[0] {
			t.Errorf("note lines start at %v", texts)
			break
		}
	}
	for _, m := range marks {
		if m >= texts[0] {
			t.Errorf("a marker ends at %.1f, past the text at %.1f", m, texts[0])
		}
	}
}
