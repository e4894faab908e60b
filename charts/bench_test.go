package charts

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// benchFigures are the story's figures, one per chart type, at 640x400
// and scale 2 (a 1280x800 PNG).
func benchFigures(b *testing.B) []*Figure {
	f, err := Load("../data.toml", "")
	if err != nil {
		b.Fatal(err)
	}
	bars, err := Load("testdata/bar.toml", "")
	if err != nil {
		b.Fatal(err)
	}
	return append(f.Figures, bars.Figures[0])
}

// BenchmarkRender times one figure per type and format, on one core:
// go test ./charts -bench Render -benchmem -cpu 1
func BenchmarkRender(b *testing.B) {
	for _, fig := range benchFigures(b) {
		for _, format := range []string{"png", "svg"} {
			if !slices.Contains(fig.Formats(), format) {
				continue // a phone's rendition at one density: PNG only
			}
			b.Run(fig.Type+":"+fig.ID+"/"+format, func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					if err := fig.Render(io.Discard, format); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkDecode times decoding and validating the story's file.
func BenchmarkDecode(b *testing.B) {
	src := []byte(storyTOML(b))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Decode("data.toml", src, "."); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeMany decodes a file of 2,000 figures and reports what
// it keeps per figure once decoded (retained-B/figure): the file's text,
// which the figures are decoded again from, and each light figure. The
// whole-process peak is bench/run.sh's; this is the part that grows with
// the figures.
func BenchmarkDecodeMany(b *testing.B) {
	var sb strings.Builder
	const n = 2000
	for i := range n {
		fmt.Fprintf(&sb, "[[figure]]\nid = \"district-%d\"\ntype = \"bar\"\ntitle = \"Turnout in district %d\"\nsource = \"Electoral commission\"\ndata = [{ label = \"Yes\", value = %d }, { label = \"No\", value = 40 }, { label = \"Blank\", value = 3 }]\n", i, i, i%90)
	}
	src := []byte(sb.String())
	b.ReportAllocs()
	var kept float64
	for i := 0; i < b.N; i++ {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		f, err := Decode("many.toml", src, ".")
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept = float64(after.HeapAlloc) - float64(before.HeapAlloc)
		runtime.KeepAlive(f)
	}
	b.ReportMetric(kept/n, "retained-B/figure")
	b.ReportMetric(float64(len(src))/n, "text-B/figure")
}

// BenchmarkPoints shows how render time grows with the number of rows.
func BenchmarkPoints(b *testing.B) {
	for _, n := range []int{10, 1000, 10000} {
		var sb strings.Builder
		fmt.Fprintf(&sb, "[[figure]]\nid = \"c\"\ntype = \"column\"\ntitle = \"Columns\"\ndata = [\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&sb, "{ label = \"r%d\", value = %d },\n", i, (i*7919)%1000)
		}
		sb.WriteString("]\n")
		f, err := Decode("p.toml", []byte(sb.String()), ".")
		if err != nil {
			b.Fatal(err)
		}
		for _, format := range []string{"png", "svg"} {
			b.Run(fmt.Sprintf("%d/%s", n, format), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					f.Figures[0].Render(io.Discard, format)
				}
			})
		}
	}
}

func storyTOML(b *testing.B) string {
	f, err := Load("../data.toml", "")
	if err != nil || len(f.Figures) == 0 {
		b.Fatal(err)
	}
	src, _ := readFile("../data.toml")
	return src
}

func readFile(p string) (string, error) {
	b, err := os.ReadFile(p)
	return string(b), err
}

// worstLine writes a line (or area) chart of n points in a shape that is
// hardest to draw: noise that jumps across the whole range, or a
// sawtooth.
func worstLine(kind, shape string, n int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "[[figure]]\nid = \"w\"\ntype = %q\ntitle = \"Worst case\"\ndata = [\n", kind)
	for i := 0; i < n; i++ {
		v := (i * 7919 % 1000) // noise
		if shape == "saw" {
			v = i % 2 * 1000
		}
		fmt.Fprintf(&sb, "{ x = %d.5, value = %d },\n", i, v)
	}
	sb.WriteString("]\n")
	return sb.String()
}

// BenchmarkWorstLines: lines and areas at the row limit, in the shapes
// that cost a rasteriser most; their cost grows linearly with the rows.
func BenchmarkWorstLines(b *testing.B) {
	for _, kind := range []string{"line", "area"} {
		for _, shape := range []string{"noise", "saw"} {
			for _, n := range []int{1000, 10000} {
				f, err := Decode("w.toml", []byte(worstLine(kind, shape, n)), ".")
				if err != nil {
					b.Fatal(err)
				}
				b.Run(fmt.Sprintf("%s/%s/%d", kind, shape, n), func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						f.Figures[0].Render(io.Discard, "png")
					}
				})
			}
		}
	}
}

// BenchmarkScripts times the figures in shaped scripts (Nepali, Arabic,
// Persian, Hebrew; Chinese, Japanese, Korean), for the cost of shaping
// beside BenchmarkRender's Latin:
// go test ./charts -bench Scripts -benchmem -cpu 1
func BenchmarkScripts(b *testing.B) {
	for _, file := range []string{"testdata/scripts.toml", "testdata/cjk.toml"} {
		f, err := Load(file, "")
		if err != nil {
			b.Fatal(err)
		}
		for _, fig := range f.Figures {
			for _, format := range []string{"png", "svg"} {
				b.Run(fig.ID+"/"+format, func(b *testing.B) {
					b.ReportAllocs()
					for i := 0; i < b.N; i++ {
						if err := fig.Render(io.Discard, format); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}

// BenchmarkMaps times the maps of examples/ (locators fitted and on a
// globe, a world and a US states choropleth) in PNG and SVG, the first
// run's simplification of the boundaries cached as in a batch:
// go test ./charts -bench Maps -benchmem -cpu 1
func BenchmarkMaps(b *testing.B) {
	var figs []*Figure
	for _, name := range []string{"../examples/locator.toml", "../examples/choropleth.toml"} {
		f, err := Load(name, "")
		if err != nil {
			b.Fatal(err)
		}
		for _, fig := range f.Figures {
			if fig.RenditionOf == "" {
				figs = append(figs, fig)
			}
		}
	}
	for _, fig := range figs {
		for _, format := range []string{"png", "svg"} {
			b.Run(fig.ID+"/"+format, func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					if err := fig.Render(io.Discard, format); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
