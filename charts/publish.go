package charts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
)

// Output is one file rendered for a figure.
type Output struct {
	Path   string `json:"path"`   // slash-separated, relative to the output folder
	Format string `json:"format"` // "png", "svg" or "html"
	Width  int    `json:"width"`  // pixels (PNG) or CSS pixels (SVG, HTML)
	Height int    `json:"height"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`

	data []byte
}

// RenderFiles renders the figure in each of formats (nil: the figure's
// own; "png", "svg", "html") in memory, in that order. A panic while
// rendering becomes an error naming the figure.
func (f *Figure) RenderFiles(formats []string) (outs []Output, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: figure %q: internal error while rendering: %v\n%s", f.file, f.ID, r, debug.Stack())
		}
	}()
	if formats == nil {
		formats = f.Style.Formats
	}
	sc := f.Scene()
	// A chart type may grow the figure to fit its rows; it may not grow
	// past the limits that the input itself must keep.
	k := float64(f.Style.Scale)
	if sc.Height > maxSide || sc.Width*sc.Height*k*k > maxPixels {
		return nil, fmt.Errorf("%s: figure %q: its %d rows need %.0f px of height, more than fits; split the figure or make it wider", f.file, f.ID, len(f.Data), sc.Height)
	}
	for _, format := range formats {
		var buf bytes.Buffer
		o := Output{Path: f.ID + "." + format, Format: format}
		switch format {
		case "svg":
			err = sc.WriteSVG(&buf)
			o.Width, o.Height = int(math.Round(sc.Width)), int(math.Round(sc.Height))
		case "png":
			err = sc.WritePNG(&buf, float64(f.Style.Scale), f.pngMeta(sc.Desc))
			if err == nil {
				cfg, cerr := png.DecodeConfig(bytes.NewReader(buf.Bytes()))
				if cerr != nil {
					return nil, fmt.Errorf("%s: figure %q: the PNG does not decode: %v", f.file, f.ID, cerr)
				}
				o.Width, o.Height = cfg.Width, cfg.Height
			}
		case "html":
			// Written last, below: it names the image files.
			continue
		default:
			err = fmt.Errorf("unknown format %q", format)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: figure %q: %s: %v", f.file, f.ID, format, err)
		}
		o.setData(buf.Bytes())
		outs = append(outs, o)
	}
	if slices.Contains(formats, "html") {
		html := f.embedHTML(sc, outs)
		o := Output{Path: f.ID + ".html", Format: "html", Width: int(math.Round(sc.Width)), Height: int(math.Round(sc.Height))}
		o.setData([]byte(html))
		outs = append(outs, o)
	}
	return outs, nil
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

// tmpPrefix starts the name of every temporary file presschart writes, so
// that stale ones from a killed run can be found and removed.
const tmpPrefix = ".presschart-tmp-"

// WriteFile writes data to dir/name atomically: into a temporary file in
// the same folder, then renamed over the old file. A reader sees the old
// file or the new one, never half of one. The name must be a plain file
// name; renaming replaces a symbolic link rather than writing through it.
func WriteFile(dir, name string, data []byte) error {
	if name != filepath.Base(name) || name == "." || name == ".." || strings.HasPrefix(name, ".") {
		return fmt.Errorf("refusing to write %q: not a plain file name", name)
	}
	tmpName := filepath.Join(dir, fmt.Sprintf("%s%s-%d-%d", tmpPrefix, name, os.Getpid(), tmpCounter.Add(1)))
	tmp, err := os.OpenFile(tmpName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = writeTemp(tmp, data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmpName, filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmpName)
	}
	return err
}

// tmpCounter makes temporary names unique within the process.
var tmpCounter atomic.Int64

// writeTemp writes a temporary file's contents; tests replace it to fail
// half-way, as a full disk does.
var writeTemp = func(f *os.File, b []byte) (int, error) { return f.Write(b) }

// RemoveStaleTemps deletes temporary files that an interrupted run of
// presschart left in dir.
func RemoveStaleTemps(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix) && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
