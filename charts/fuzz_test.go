package charts

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzRender: any input either fails to decode with Errors, or renders
// every figure without panicking into an SVG that parses as XML and a PNG
// that decodes at the stated size. Seeded from every fixture in testdata;
// crashers are kept in testdata/fuzz/FuzzRender.
func FuzzRender(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		// No input may make a render hang: a stuck worker crashes, and the
		// fuzzer keeps its input.
		watchdog := time.AfterFunc(20*time.Second, func() { panic(fmt.Sprintf("rendering took over 20 s:\n%s", src)) })
		defer watchdog.Stop()
		file, err := Decode("fuzz.toml", src, "testdata/bad")
		if err != nil {
			if _, ok := err.(Errors); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		for _, fig := range file.Figures {
			// Keep each run fast: the fuzzer looks for crashes, not for
			// big pictures.
			fig.Style.Scale = 1
			if fig.Style.Width*fig.Style.Height > 1e6 {
				fig.Style.Width, fig.Style.Height = 640, 400
			}
			outs, err := fig.RenderFiles([]string{"svg", "png"})
			if err != nil {
				t.Fatalf("figure %q: %v", fig.ID, err)
			}
			if err := wellFormed(outs[0].Data()); err != nil {
				t.Fatalf("figure %q: SVG is not XML: %v\n%s", fig.ID, err, outs[0].Data())
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(outs[1].Data()))
			if err != nil {
				t.Fatalf("figure %q: PNG: %v", fig.ID, err)
			}
			if cfg.Width != int(fig.Style.Width+0.5) {
				t.Fatalf("figure %q: PNG is %d wide, want %g", fig.ID, cfg.Width, fig.Style.Width)
			}
		}
	})
}

// FuzzDecode: decoding alone never panics, and every error it returns is
// an Errors whose messages name the file. Cheaper than FuzzRender, so it
// explores the decoder further in the same time.
func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := Decode("fuzz.toml", src, "testdata/bad")
		if err != nil {
			es, ok := err.(Errors)
			if !ok || len(es) == 0 {
				t.Fatalf("error of type %T: %v", err, err)
			}
			for _, e := range es {
				if !strings.HasPrefix(e.Error(), "fuzz.toml") {
					t.Fatalf("message does not name the file: %q", e.Error())
				}
			}
			return
		}
		if len(file.Figures) == 0 {
			t.Fatal("decoded a file without figures")
		}
	})
}

// addSeeds seeds a fuzz target with every fixture in testdata, good and bad.
func addSeeds(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.toml")
	bad, _ := filepath.Glob("testdata/bad/*.toml")
	for _, s := range append(seeds, bad...) {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}
