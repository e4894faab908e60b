package charts

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"slices"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// format is one kind of file presschart writes for a figure. The table
// formats is the one list of them: decoding, the command line, rendering
// and the manifest's schema all consult it.
type format struct {
	name string // in formats = [...] and -f; also the file's extension
	ext  string // the file's extension when it is not the name
	// optional says that a figure is written in the format only when
	// its formats ask for it.
	optional bool
	// image says that the file is a picture of the figure; html needs
	// one beside it to show.
	image bool
	// pixels says that the file is sized in device pixels (scale times
	// the CSS size), so the pixel limit applies.
	pixels bool
	// last says that the file names the others and is written after
	// them, whatever its place in the list.
	last bool
	// write writes the file for the laid-out scene sc; done holds the
	// files written before it. It returns the file's width and height as
	// the manifest gives them.
	write func(f *Figure, sc *scene.Scene, done []Output, w *bytes.Buffer) (width, height int, err error)
}

var formats = []*format{
	{name: "png", image: true, pixels: true, write: writePNG},
	{name: "svg", image: true, write: writeSVG},
	{name: "html", last: true},
	{name: "inline", ext: "inline.html", image: true, optional: true},
}

// The snippets lay renditions out, and laying out reaches back to this
// table (through decoding a light figure again): their writers are set
// when the package starts.
func init() {
	lookupFormat("html").write = writeHTML
	lookupFormat("inline").write = writeInline
}

// DefaultFormats are the formats of a figure whose style names none.
func DefaultFormats() []string {
	var out []string
	for _, f := range formats {
		if !f.optional {
			out = append(out, f.name)
		}
	}
	return out
}

// FormatExtensions are the file extensions of the formats, in the table's
// order: "png", ..., "inline.html".
func FormatExtensions() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.extension()
	}
	return out
}

// extension is the format's file extension.
func (f *format) extension() string {
	if f.ext != "" {
		return f.ext
	}
	return f.name
}

// FormatNames are the names of the formats, in the table's order.
func FormatNames() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

func lookupFormat(name string) *format {
	for _, f := range formats {
		if f.name == name {
			return f
		}
	}
	return nil
}

// CheckFormats says what is wrong with a list of format names, or "": an
// unknown name (at index i), an empty list or no image for html to show
// (i = -1). The style's formats key and the command line's -f say it in
// the same words.
func CheckFormats(list []string) (i int, msg string) {
	if len(list) == 0 {
		return -1, "is empty; give at least one of " + strings.Join(FormatNames(), ", ")
	}
	image := false
	for i, name := range list {
		f := lookupFormat(name)
		if f == nil {
			return i, fmt.Sprintf("unknown format %q; use %s", name, strings.Join(FormatNames(), ", "))
		}
		image = image || f.image
	}
	if !image {
		var images []string
		for _, f := range formats {
			if f.image {
				images = append(images, f.name)
			}
		}
		return -1, fmt.Sprintf("%s needs an image to show; add %s", strings.Join(list, ", "), strings.Join(images, " or "))
	}
	return -1, ""
}

// anyPixels reports whether one of the named formats is sized in device
// pixels.
func anyPixels(list []string) bool {
	return slices.ContainsFunc(list, func(name string) bool {
		f := lookupFormat(name)
		return f != nil && f.pixels
	})
}

// Pixels is how many device pixels rendering the figure in formats (nil:
// its own) rasterises: the measure of the memory it takes in flight.
func (f *Figure) Pixels(formats []string) float64 {
	if formats == nil {
		formats = f.Formats()
	}
	w, h, scale := f.lite.size()
	if f.figureBody != nil {
		w, h, scale = f.Style.Width, f.Style.Height, f.Style.Scale
	}
	k := 1.0
	if anyPixels(formats) {
		k = float64(scale * scale)
	}
	return w * h * k
}

func writePNG(f *Figure, sc *scene.Scene, _ []Output, w *bytes.Buffer) (int, int, error) {
	if err := sc.WritePNG(w, float64(f.Style.Scale)); err != nil {
		return 0, 0, err
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(w.Bytes()))
	if err != nil {
		return 0, 0, fmt.Errorf("the PNG does not decode: %v", err)
	}
	return cfg.Width, cfg.Height, nil
}

func writeSVG(_ *Figure, sc *scene.Scene, _ []Output, w *bytes.Buffer) (int, int, error) {
	if err := sc.WriteSVG(w); err != nil {
		return 0, 0, err
	}
	return int(math.Round(sc.Width)), int(math.Round(sc.Height)), nil
}

func writeInline(f *Figure, sc *scene.Scene, _ []Output, w *bytes.Buffer) (int, int, error) {
	s, err := f.inlineHTML(sc)
	if err != nil {
		return 0, 0, err
	}
	w.WriteString(s)
	return int(math.Round(sc.Width)), int(math.Round(sc.Height)), nil
}

func writeHTML(f *Figure, sc *scene.Scene, done []Output, w *bytes.Buffer) (int, int, error) {
	snippet, err := f.embedHTML(sc, done)
	if err != nil {
		return 0, 0, err
	}
	w.WriteString(snippet)
	return int(math.Round(sc.Width)), int(math.Round(sc.Height)), nil
}

// NamesOthers says that a file of the format names the images written
// beside it (the html snippet), and is made after them.
func NamesOthers(name string) bool {
	f := lookupFormat(name)
	return f != nil && f.last
}
