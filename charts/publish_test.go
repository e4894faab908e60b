package charts

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestRenderConcurrently renders every fixture's figures at once, for the
// race detector, and checks that the bytes match a sequential render.
func TestRenderConcurrently(t *testing.T) {
	var figs []*Figure
	for _, file := range testFiles(t) {
		f, err := Load(file, "")
		if err != nil {
			t.Fatal(err)
		}
		figs = append(figs, f.Figures...)
	}
	want := make([][]Output, len(figs))
	for i, f := range figs {
		outs, err := f.RenderFiles([]string{"svg", "png"})
		if err != nil {
			t.Fatal(err)
		}
		want[i] = outs
	}
	var wg sync.WaitGroup
	for round := 0; round < 2; round++ {
		for i, f := range figs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				outs, err := f.RenderFiles([]string{"svg", "png"})
				if err != nil {
					t.Error(err)
					return
				}
				for j := range outs {
					if outs[j].SHA256 != want[i][j].SHA256 {
						t.Errorf("%s: %s differs when rendered concurrently", f.ID, outs[j].Path)
					}
				}
			}()
		}
	}
	wg.Wait()
}

// TestPanicBecomesError: a figure whose rendering panics is reported with
// its id, and does not take the process down.
func TestPanicBecomesError(t *testing.T) {
	f, err := Decode("p.toml", []byte("[[figure]]\nid = \"boom\"\ntype = \"bar\"\ntitle = \"T\"\ndata = [{ label = \"a\", value = 1 }]\n"), ".")
	if err != nil {
		t.Fatal(err)
	}
	fig := f.Figures[0]
	fig.kind = nil // breaks an invariant that Decode guarantees
	_, err = fig.RenderFiles(nil)
	if err == nil || !strings.Contains(err.Error(), `figure "boom": internal error`) {
		t.Fatalf("err = %v", err)
	}
}

func TestAltText(t *testing.T) {
	f, err := Load("../data.toml", "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"nepal-drop":     "Column chart: Recruits from Nepal fell from 1,000 to one. Mercenaries from Nepal fighting for Russia. From 1,000 in 2023–2024 to 1 in Oct 2025. Annotated: Russia’s global recruiting network was launched in 2023. Highlighted: Oct 2025.",
		"estimates":      "Range chart: Estimates of Russia’s war: tens of thousands from North Korea, over 100,000 of its own fallen. Low and high estimates, number of soldiers. North Korean troops deployed: estimates range from 10,000 to 30,000; Russian soldiers fallen since 2022: estimates range from 135,000 to 220,000.",
		"killed-waffle":  "Waffle chart: Nearly one in five foreign mercenaries was killed. Foreign mercenaries deployed by Russia, from 128 countries. Of 18,000 mercenaries: Killed 3,400 (19%); Not killed 14,600 (81%). One square = 100 mercenaries.",
		"killed-stack":   "Stacked bar: Nearly 3,400 of 18,000 foreign mercenaries were killed. Foreign mercenaries deployed by Russia, from 128 countries. Of 18,000: Killed 3,400 (19%); Not killed 14,600 (81%).",
		"legion-numbers": "Big numbers: Russia’s foreign legion: 18,000 from 128 countries. Figures given by Ukraine’s coordination headquarters for prisoners of war. 18,000 foreign mercenaries deployed by Russia; 128 countries they came from; 37 countries with prisoners held in Kyiv.",
		"estimates-log":  "Range chart: Both estimates are uncertain by a factor of two or three. Low and high estimates, number of soldiers, on a logarithmic scale. North Korean troops deployed: estimates range from 10,000 to 30,000; Russian soldiers fallen since 2022: estimates range from 135,000 to 220,000. Logarithmic scale.",
		"recruits-map":   "Locator map: From Nepal and North Korea to Russia’s army. North Korea sent 10,000 to 30,000 troops; Nepal 1,000 recruits in 2023–2024, one by October 2025. Marked: Nepal, North Korea.",
		"killed-donut":   "Donut chart: Nearly one in five foreign mercenaries was killed. 3,400 of the 18,000 foreign mercenaries deployed by Russia. Of 18,000: Killed 3,400 (19%); Not killed 14,600 (81%).",
	}
	for _, fig := range f.Figures {
		id := fig.ID
		if fig.RenditionOf != "" {
			id = fig.RenditionOf // a rendition says what its figure says
		}
		if got := fig.AltText(); got != want[id] {
			t.Errorf("%s:\n got %s\nwant %s", fig.ID, got, want[id])
		}
	}
}

// TestDensitiesShareLayout: every density of a breakpoint draws one
// layout, the size its <source> gives; generated figures of every type
// at a phone's width with 1x, 2x and 3x renditions.
func TestDensitiesShareLayout(t *testing.T) {
	files := []string{"../data.toml",
		// At 1x on its own grid, a label of this stack moved below the bar.
		"[[figure]]\nid = \"s\"\ntype = \"stack\"\ntitle = \"Parts\"\nsize = \"mobile\"\nrenditions = [\"1x\"]\ntotal = 18000\ndata = [{ label = \"Killed\", value = 1342 }, { label = \"Wounded\", value = 3075 }, { label = \"Missing\", value = 4808 }]\n"}
	for _, name := range kindNames() {
		rng := rand.New(rand.NewSource(int64(len(name))))
		for i := 0; i < 10; i++ {
			src := genFigure(rng, kinds[name], fmt.Sprintf("%s-%d", name, i)) + "embed = [\"mobile\", \"article\"]\n"
			files = append(files, src)
		}
	}
	checked := 0
	for _, src := range files {
		var f *File
		var err error
		if src == "../data.toml" {
			f, err = Load(src, "")
		} else if f, err = Decode("generated.toml", []byte(src), "."); err != nil {
			continue // a figure the generator draws that a desk could not
		}
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]*Figure{}
		for _, fig := range f.Figures {
			byID[fig.ID] = fig
		}
		for _, fig := range f.Figures {
			if !fig.DensityVariant() {
				continue
			}
			base := fig.ID[:strings.LastIndex(fig.ID, "-")]
			b, ok := byID[base]
			if !ok {
				t.Fatalf("%s: no %s to compare with", fig.ID, base)
			}
			sa, sb := fig.Scene(), b.Scene()
			if sa.Width != sb.Width || sa.Height != sb.Height {
				t.Errorf("%s is %gx%g, %s %gx%g", fig.ID, sa.Width, sa.Height, base, sb.Width, sb.Height)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d density renditions compared", checked)
	}
}

// TestRenderRendition: Render of a rendition in a format it is not made
// in is an error naming the figure, not an index out of range.
func TestRenderRendition(t *testing.T) {
	f, err := Load("../data.toml", "")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, fig := range f.Figures {
		for _, format := range []string{"png", "svg"} {
			var b strings.Builder
			err := fig.Render(&b, format)
			switch {
			case slices.Contains(fig.Formats(), format) && (err != nil || b.Len() == 0):
				t.Errorf("%s.%s: %v, %d bytes", fig.ID, format, err, b.Len())
			case !slices.Contains(fig.Formats(), format):
				seen++
				if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("figure %q: a rendition of %q made in png only, not %s", fig.ID, fig.RenditionOf, format)) {
					t.Errorf("%s.%s: err = %v", fig.ID, format, err)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("the story has no rendition in PNG only: the test checks nothing")
	}
}
