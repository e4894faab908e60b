package charts

import (
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
