package scene

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/presschart/presschart/charts/font"
)

func render(t *testing.T, s *Scene) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not XML: %v\n%s", err, b.String())
		}
	}
	return b.String()
}

func newScene() *Scene {
	return &Scene{ID: "f", Width: 640, Height: 400, Regular: font.Default(false), Bold: font.Default(true), Title: "T", Desc: "D", Lang: "en"}
}

func TestSVGEscapesText(t *testing.T) {
	s := newScene()
	s.Title = `<script>alert("x")</script> & 'q'`
	s.Root = []*Group{{ID: "title", Nodes: []Node{&Text{X: 1, Y: 2, S: `a < b & "c" > 'd'`, Size: 12}}}}
	out := render(t, s)
	for _, want := range []string{
		`<title id="f-title">&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;q&#39;</title>`,
		`>a &lt; b &amp; &#34;c&#34; &gt; &#39;d&#39;</text>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if strings.Contains(out, "<script") {
		t.Error("a <script> element got through")
	}
}

func TestSVGRoot(t *testing.T) {
	out := render(t, newScene())
	want := `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="640" height="400" viewBox="0 0 640 400" role="img" aria-labelledby="f-title f-desc" lang="en" xml:lang="en" font-family="Inter">`
	if !strings.HasPrefix(out, want) {
		t.Errorf("root:\n%s\nwant prefix\n%s", out[:200], want)
	}
}

func TestSVGNumbers(t *testing.T) {
	s := newScene()
	s.Root = []*Group{{Nodes: []Node{
		&Rect{X: 1.005, Y: 2.5, W: 3.333333, H: 0.1, Fill: Color{R: 255, A: 255}},
		&Line{X1: -0.001, Y1: 0, X2: 10, Y2: 0, Stroke: Color{A: 128}, Width: 0.5},
	}}}
	out := render(t, s)
	for _, want := range []string{
		`<rect x="1" y="2.5" width="3.33" height="0.1" fill="#f00"/>`,
		`<line x1="0" y1="0" x2="10" y2="0" stroke="#000" stroke-opacity="0.5" stroke-width="0.5"/>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
}

func TestPNGSizeAndChunks(t *testing.T) {
	s := newScene()
	s.Background = Color{R: 255, G: 255, B: 255, A: 255}
	var b bytes.Buffer
	s.Title, s.Desc, s.Software = "Nepal – drop", "Alt", "presschart"
	if err := s.WritePNG(&b, 2); err != nil {
		t.Fatal(err)
	}
	img := b.Bytes()
	if !bytes.Contains(img, []byte("pHYs\x00\x00\x16\x25\x00\x00\x16\x25\x01")) { // 144 dpi = 5669 px/m
		t.Error("no pHYs chunk of 144 dpi")
	}
	if !bytes.Contains(img, []byte("tEXtTitle\x00Nepal - drop")) {
		t.Error("no Title tEXt chunk")
	}
	b.Reset()
	s.Title, s.Desc = "Іноземні найманці", ""
	s.WritePNG(&b, 1)
	if !bytes.Contains(b.Bytes(), []byte("iTXtTitle\x00\x00\x00\x00\x00Іноземні найманці")) {
		t.Error("a Cyrillic title is not kept as UTF-8 in iTXt")
	}
	if bytes.Contains(img, []byte("tIME")) {
		t.Error("a timestamp chunk makes the bytes differ between runs")
	}
}

func TestSVGKeepsDoubleSpaces(t *testing.T) {
	s := newScene()
	s.Root = []*Group{{Nodes: []Node{&Text{X: 1, Y: 2, S: "Nepal  1,000", Size: 12}, &Text{X: 1, Y: 20, S: "one space", Size: 12}}}}
	out := render(t, s)
	if !strings.Contains(out, `xml:space="preserve">Nepal  1,000</text>`) {
		t.Errorf("double space not preserved:\n%s", out)
	}
	if strings.Count(out, "xml:space") != 1 {
		t.Errorf("xml:space on text that does not need it:\n%s", out)
	}
}

// TestSVGFontNamesAreNotCSS: a house font's family name comes from the
// font file; a crafted one must not reach the SVG's CSS, embedded or not.
func TestSVGFontNamesAreNotCSS(t *testing.T) {
	data, err := os.ReadFile("../font/fonts/Inter-Regular.otf")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		`x}svg{fill:red}`,
		`A';}*{fill:red}@import url(//evil.example/x.css);/*`,
		`Evil</style><script>alert(1)</script>`,
		`Fine Family\';x:url(//evil)`,
	} {
		face, err := font.Parse(data, false)
		if err != nil {
			t.Fatal(err)
		}
		face.Family = name
		for _, embed := range []bool{false, true} {
			s := newScene()
			s.Regular, s.EmbedFonts, s.FontFallback = face, embed, "Helvetica, sans-serif"
			s.Root = []*Group{{ID: "title", Nodes: []Node{&Text{X: 1, Y: 2, S: "Text", Size: 12}, &Text{X: 1, Y: 20, S: "Bold", Size: 12, Bold: true}}}}
			out := render(t, s)
			for _, bad := range []string{"fill:red", "evil", "script", "url(//"} {
				if strings.Contains(out, bad) {
					t.Errorf("family %q, embed %v: the SVG holds %q", name, embed, bad)
				}
			}
			if embed && !regexp.MustCompile(`@font-face\{font-family:pc-[0-9a-f]{12};font-weight:400;`).MatchString(out) {
				t.Errorf("family %q: the embedded face is not under a generated name", name)
			}
		}
	}
	// A plain name is kept, for machines that have the font.
	s := newScene()
	if out := render(t, s); !strings.Contains(out, `font-family="Inter"`) {
		t.Error("the family name Inter is missing")
	}
}

// allNodes is one node of every type; TestEveryNodeType fails when a node
// type is added to scene.go without being added here.
func allNodes() []Node {
	return []Node{
		&Group{ID: "g", Nodes: []Node{&Rect{X: 1, Y: 1, W: 2, H: 2, Fill: Color{R: 255, A: 255}}}},
		&Rect{X: 10, Y: 10, W: 20, H: 10, Fill: Color{R: 200, A: 255}},
		&Rects{R: [][4]float64{{40, 10, 5, 5}, {50, 10, 5, 5}}, Fill: Color{G: 200, A: 255}},
		&Path{Cmds: []PathCmd{{Op: 'M', P: [3][2]float64{{60, 10}}}, {Op: 'L', P: [3][2]float64{{70, 20}}}, {Op: 'C', P: [3][2]float64{{70, 30}, {60, 30}, {60, 20}}}, {Op: 'Z'}}, Fill: Color{B: 200, A: 255}},
		&Polyline{Pts: [][2]float64{{80, 10}, {90, 30}, {100, 10}}, Stroke: Color{A: 255}, Width: 2},
		&Line{X1: 110, Y1: 10, X2: 130, Y2: 30, Stroke: Color{A: 255}, Width: 1, Dash: []float64{2, 2}},
		&Circle{CX: 140, CY: 20, R: 5, Fill: Color{R: 100, A: 255}, Stroke: Color{A: 255}, StrokeWidth: 1},
		&Text{X: 150, Y: 30, S: "Text", Size: 12, Fill: Color{A: 255}},
		testImage(170, 10),
	}
}

// testImage is a 4x2 picture, red and half-transparent blue, placed at
// x, y as 20x10 CSS pixels.
func testImage(x, y float64) *Image {
	img := image.NewNRGBA(image.Rect(0, 0, 4, 2))
	for i := 0; i < 4; i++ {
		img.Set(i, 0, color.NRGBA{R: 255, A: 255})
		img.Set(i, 1, color.NRGBA{B: 255, A: 128})
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return &Image{X: x, Y: y, W: 20, H: 10, Img: img, Data: b.Bytes(), Type: "image/png"}
}

// TestEveryNodeType: every node type in scene.go is drawn by both
// writers, moves by exactly what it is told, and has bounds.
func TestEveryNodeType(t *testing.T) {
	src, err := os.ReadFile("scene.go")
	if err != nil {
		t.Fatal(err)
	}
	declared := regexp.MustCompile(`(?m)^func \(\*(\w+)\) node\(\)`).FindAllStringSubmatch(string(src), -1)
	have := map[string]bool{}
	for _, n := range allNodes() {
		have[strings.TrimPrefix(fmt.Sprintf("%T", n), "*scene.")] = true
	}
	for _, d := range declared {
		if !have[d[1]] {
			t.Errorf("the node type %s is not in allNodes: add it, and draw it in both writers", d[1])
		}
	}
	s := newScene()
	s.Width, s.Height = 200, 50
	s.Root = []*Group{{ID: "all", Nodes: allNodes()}}
	svg := render(t, s)
	for _, el := range []string{"<rect", "<path", "<polyline", "<line", "<circle", "<text", "<image"} {
		if !strings.Contains(svg, el) {
			t.Errorf("the SVG has no %s", el)
		}
	}
	var png bytes.Buffer
	if err := s.WritePNG(&png, 1); err != nil {
		t.Fatal(err)
	}
	for _, n := range allNodes() {
		b0, ok := s.Bounds(n)
		if !ok {
			t.Errorf("%T has no bounds", n)
			continue
		}
		n.Move(3, -2)
		b1, _ := s.Bounds(n)
		if math.Abs(b1.X0-b0.X0-3) > 1e-9 || math.Abs(b1.Y1-b0.Y1+2) > 1e-9 {
			t.Errorf("%T: moved by (3, -2), its bounds moved from %v to %v", n, b0, b1)
		}
		// Mirrored, its bounds reflect about the scene's centre line,
		// and mirrored again they are where they were.
		n.Mirror(s.Width)
		b2, _ := s.Bounds(n)
		if math.Abs(b2.X0-(s.Width-b1.X1)) > 1e-6 || math.Abs(b2.X1-(s.Width-b1.X0)) > 1e-6 || b2.Y0 != b1.Y0 || b2.Y1 != b1.Y1 {
			t.Errorf("%T: mirrored in a scene %g wide, its bounds went from %v to %v", n, s.Width, b1, b2)
		}
		n.Mirror(s.Width)
		if b3, _ := s.Bounds(n); b3 != b1 {
			t.Errorf("%T: mirrored twice, its bounds are %v, not %v", n, b3, b1)
		}
	}
}

// TestImageDrawn: a picture lands in its box in the PNG, resampled to the
// scale, its transparency laid over the background, and the SVG embeds
// the file itself.
func TestImageDrawn(t *testing.T) {
	s := newScene()
	s.Width, s.Height = 40, 30
	s.Background = Color{R: 255, G: 255, B: 255, A: 255}
	s.Root = []*Group{{ID: "logo", Nodes: []Node{testImage(10, 10)}}}
	var b bytes.Buffer
	if err := s.WritePNG(&b, 2); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	at := func(x, y int) color.RGBA { return color.RGBAModel.Convert(img.At(x, y)).(color.RGBA) }
	if c := at(40, 24); c.R < 200 || c.G > 60 || c.B > 60 {
		t.Errorf("the picture's top half at 2x is %v, want red", c)
	}
	if c := at(40, 36); c.B < 200 || c.R < 100 || c.R > 160 {
		t.Errorf("the picture's bottom half is %v, want half-transparent blue over white", c)
	}
	if c := at(10, 10); c != (color.RGBA{255, 255, 255, 255}) {
		t.Errorf("outside the picture is %v, want the background", c)
	}
	if svg := render(t, s); !strings.Contains(svg, `xlink:href="data:image/png;base64,`) {
		t.Errorf("the SVG does not embed the picture:\n%s", svg)
	}
}
