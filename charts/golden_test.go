package charts

// The goldens in testdata/golden pin what every chart type draws. SVG is
// the primary check and is compared as text; PNG is decoded and compared
// within a tolerance, so that a different CPU's float rounding of
// anti-aliased edges does not fail the test. Run
//
//	go test ./charts -update
//
// after a deliberate change, look at the new images, and commit them. A
// failing comparison leaves NAME.got beside the golden for inspection.

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// testFiles returns the TOML fixtures whose figures have goldens.
func testFiles(t testing.TB) []string {
	files, err := filepath.Glob("testdata/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in testdata: %v", err)
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, file := range testFiles(t) {
		f, err := Load(file, "")
		if err != nil {
			t.Fatalf("%v", err)
		}
		stem := strings.TrimSuffix(filepath.Base(file), ".toml")
		for _, fig := range f.Figures {
			t.Run(stem+"/"+fig.ID, func(t *testing.T) {
				outs, err := fig.RenderFiles([]string{"svg", "png"})
				if err != nil {
					t.Fatal(err)
				}
				base := filepath.Join("testdata", "golden", stem+"-"+fig.ID)
				checkSVG(t, base+".svg", outs[0].Data())
				checkPNG(t, base+".png", outs[1].Data())
			})
		}
	}
}

func checkSVG(t *testing.T, path string, got []byte) {
	t.Helper()
	if err := wellFormed(got); err != nil {
		t.Errorf("%s: not well-formed XML: %v", path, err)
	}
	if *update {
		writeGolden(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./charts -update)", err)
	}
	if !bytes.Equal(got, want) {
		os.WriteFile(path+".got", got, 0o644)
		t.Errorf("%s differs from the golden; see %s.got\n%s", path, path, firstDiff(want, got))
	}
}

func checkPNG(t *testing.T, path string, got []byte) {
	t.Helper()
	gimg, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	if *update {
		writeGolden(t, path, got)
		return
	}
	wf, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run go test ./charts -update)", err)
	}
	defer wf.Close()
	wimg, err := png.Decode(wf)
	if err != nil {
		t.Fatalf("golden %s: %v", path, err)
	}
	if frac, msg := pixelDiff(wimg, gimg); frac > 0.002 {
		os.WriteFile(path+".got", got, 0o644)
		t.Errorf("%s: %s; see %s.got", path, msg, path)
	}
}

// pixelDiff returns the share of pixels that differ by more than 24 in a
// channel (of 255), and a description.
func pixelDiff(a, b image.Image) (float64, string) {
	if a.Bounds() != b.Bounds() {
		return 1, fmt.Sprintf("size %v, want %v", b.Bounds().Size(), a.Bounds().Size())
	}
	r := a.Bounds()
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if far(r1, r2) || far(g1, g2) || far(b1, b2) || far(a1, a2) {
				n++
			}
		}
	}
	frac := float64(n) / float64(r.Dx()*r.Dy())
	return frac, fmt.Sprintf("%d pixels (%.3f%%) differ", n, 100*frac)
}

func far(a, b uint32) bool {
	d := int(a>>8) - int(b>>8)
	return d > 24 || d < -24
}

func writeGolden(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// wellFormed parses an XML document to the end.
func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n want %s\n  got %s", i+1, w, g)
		}
	}
	return ""
}
