package charts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime/debug"

	"github.com/presschart/presschart/charts/scene"
)

// Output is one file rendered for a figure.
type Output struct {
	Path   string `json:"path"`   // slash-separated, relative to the output folder
	Format string `json:"format"` // a name from the formats table
	Width  int    `json:"width"`  // pixels (PNG) or CSS pixels (SVG, HTML)
	Height int    `json:"height"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`

	data []byte
}

// RenderFiles renders the figure in each of formats (nil: the figure's
// own; names from the formats table) in memory: the images in the order
// given, then the files that name them (html). A panic while rendering
// becomes an error naming the figure.
func (f *Figure) RenderFiles(formats []string) ([]Output, error) {
	outs, _, err := f.Publish(formats)
	return outs, err
}

// Publish is RenderFiles, and returns the figure's alt text too, for the
// manifest: a figure of a large file is decoded once for both.
func (f *Figure) Publish(formats []string) (outs []Output, alt string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: figure %q: internal error while rendering: %v\n%s", f.file, f.ID, r, debug.Stack())
		}
	}()
	if formats == nil {
		formats = f.Formats()
	}
	if formats = f.ownFormats(formats); len(formats) == 0 {
		return nil, "", nil // an embed rendition in none of the formats asked for
	}
	if f, err = f.loaded(); err != nil {
		return nil, "", err
	}
	sc, err := f.layout(formats)
	if err != nil {
		return nil, "", err
	}
	// Images first, in the order asked; then the files that name them.
	for _, last := range []bool{false, true} {
		for _, name := range formats {
			ft := lookupFormat(name)
			if ft == nil {
				return nil, "", fmt.Errorf("%s: figure %q: unknown format %q", f.file, f.ID, name)
			}
			if ft.last != last {
				continue
			}
			var buf bytes.Buffer
			o := Output{Path: f.ID + "." + ft.extension(), Format: ft.name}
			if o.Width, o.Height, err = ft.write(f, sc, outs, &buf); err != nil {
				return nil, "", fmt.Errorf("%s: figure %q: %s: %v", f.file, f.ID, ft.name, err)
			}
			o.setData(buf.Bytes())
			outs = append(outs, o)
		}
	}
	return outs, f.AltText(), nil
}

// layout lays the figure out and checks that the result can be written:
// a chart type may grow the figure to fit its rows, but not past the
// limits that the input itself must keep.
func (f *Figure) layout(formats []string) (*scene.Scene, error) {
	sc := f.Scene()
	k := float64(f.Style.Scale)
	if sc.Height > maxSide || anyPixels(formats) && sc.Width*sc.Height*k*k > maxPixels {
		return nil, fmt.Errorf("%s: figure %q: its %d rows need %.0f px of height, more than fits (at most %d px, and %d megapixels at scale %d); split the figure or make it wider", f.file, f.ID, len(f.Data), sc.Height, maxSide, maxPixels/1_000_000, f.Style.Scale)
	}
	if err := sc.Finite(); err != nil {
		return nil, fmt.Errorf("%s: figure %q: internal error: %v", f.file, f.ID, err)
	}
	if t, r, missing := sc.MissingGlyph(); missing {
		return nil, fmt.Errorf("%s: figure %q: the text %q has the character %q (U+%04X), which %s lacks; use a font that has it, or another locale", f.file, f.ID, clip(t.S), r, r, fontName(sc.Face(t)))
	}
	return sc, nil
}

// Check lays the figure out without writing it, and reports what would
// stop it from rendering in formats (nil: the figure's own): --check
// agrees with a real run.
func (f *Figure) Check(formats []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: figure %q: internal error while laying out: %v", f.file, f.ID, r)
		}
	}()
	if formats == nil {
		formats = f.Formats()
	}
	if f, err = f.loaded(); err != nil {
		return err
	}
	_, err = f.layout(formats)
	return err
}

func (o *Output) setData(b []byte) {
	o.data = b
	o.Bytes = len(b)
	sum := sha256.Sum256(b)
	o.SHA256 = hex.EncodeToString(sum[:])
}

// Data returns the file's contents.
func (o *Output) Data() []byte { return o.data }

// Release drops the contents, keeping the description.
func (o *Output) Release() { o.data = nil }
