package charts

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The examples in ../examples are one figure per chart type with data
// of its own, each at article width, on a phone and in dark: README's
// gallery shows them, so they are goldens (SVG as text, PNG within a
// tolerance; go test ./charts -run TestExamples -update rewrites them)
// and must pass the layout checker with no finding.

func exampleFiles(t *testing.T) []string {
	files, err := filepath.Glob("../examples/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples in ../examples: %v", err)
	}
	return files
}

func TestExamples(t *testing.T) {
	var images []string
	for _, file := range exampleFiles(t) {
		f, err := Load(file, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, fig := range f.Figures {
			t.Run(fig.ID, func(t *testing.T) {
				outs, err := fig.RenderFiles([]string{"svg", "png"})
				if err != nil {
					t.Fatal(err)
				}
				base := filepath.Join("..", "examples", "out", fig.ID)
				checkSVG(t, base+".svg", outs[0].Data())
				checkPNG(t, base+".png", outs[1].Data())
				for _, fd := range fig.findings(fig.Scene()) {
					t.Errorf("layout: %s: %s", fd.Rule, fd.What)
				}
				if fig.RenditionOf == "" {
					images = append(images, "examples/out/"+fig.ID+".png")
				}
			})
		}
	}
	// Nothing in out/ that no example makes.
	stale, _ := filepath.Glob("../examples/out/*")
	for _, p := range stale {
		id := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		if strings.HasSuffix(p, ".got") {
			continue
		}
		found := false
		for _, file := range exampleFiles(t) {
			f, _ := Load(file, "")
			for _, fig := range f.Figures {
				found = found || fig.ID == id
			}
		}
		if !found {
			t.Errorf("%s: no example makes it; remove it", p)
		}
	}
	// README's gallery shows every example.
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	shown := regexp.MustCompile(`examples/out/[a-z0-9-]+\.png`).FindAllString(string(readme), -1)
	for _, img := range images {
		if !slices.Contains(shown, img) {
			t.Errorf("README's gallery does not show %s", img)
		}
	}
	for _, img := range shown {
		if !slices.Contains(images, img) && !strings.Contains(img, "-mobile") && !strings.Contains(img, "-dark") {
			t.Errorf("README shows %s, which no example makes", img)
		}
	}
}

// TestShares: 100% stacked shares add up to exactly 100 at the decimals
// they are written with, and no part above zero reads as 0.
func TestShares(t *testing.T) {
	for _, tt := range []struct {
		in   []float64
		dec  int
		want []float64
	}{
		{[]float64{53500, 46500}, 0, []float64{54, 46}},
		{[]float64{1, 1, 1}, 0, []float64{34, 33, 33}},
		{[]float64{361, 148, 25}, 0, []float64{67, 28, 5}},
		{[]float64{9996, 4, 0}, 1, []float64{99.9, 0.1, 0}},
		{[]float64{99999, 1}, 0, []float64{99, 1}},
	} {
		got := shares(tt.in, tt.dec)
		sum := 0.0
		for _, v := range got {
			sum += v
		}
		if !slices.Equal(got, tt.want) || math.Abs(sum-100) > 1e-9 {
			t.Errorf("shares(%v, %d) = %v (sum %g), want %v", tt.in, tt.dec, got, sum, tt.want)
		}
	}
}

// TestSVGIDsUnique: no SVG the goldens, the gallery or the story hold
// has an id twice (an inline SVG's ids are the page's: a duplicate
// breaks links and styles).
func TestSVGIDsUnique(t *testing.T) {
	var files []string
	for _, pat := range []string{"../examples/out/*.svg", "../out/*.svg", "testdata/golden/*.svg"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 100 {
		t.Fatalf("only %d SVG files found", len(files))
	}
	id := regexp.MustCompile(` id="([^"]+)"`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, m := range id.FindAllStringSubmatch(string(b), -1) {
			if seen[m[1]] {
				t.Errorf("%s: id %q twice", f, m[1])
			}
			seen[m[1]] = true
		}
	}
}
