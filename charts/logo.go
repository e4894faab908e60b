package charts

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be PNG or JPEG
	_ "image/png"
	"path/filepath"
	"strings"

	"github.com/presschart/presschart/charts/scene"
)

// A logo is a PNG, JPEG or SVG file beside the TOML file, drawn at the
// right of the footer (logo = "logo.png"), logo_height CSS pixels tall.
// The SVG output embeds the file as it is; the PNG resamples it, an SVG
// logo once drawn by logosvg.go's renderer of the shapes logos are made
// of.

// Limits on a logo file: a few hundred KB is a large logo.
const (
	maxLogoBytes  = 4 << 20
	maxLogoPixels = 16_000_000
	minLogoHeight = 8
	maxLogoHeight = 120
	maxLogoAspect = 12
)

// logoFile is a decoded logo, shared by the figures that name it.
type logoFile struct {
	img  image.Image
	data []byte
	typ  string // "image/png" or "image/jpeg"
}

// loadLogo reads, checks and decodes the logo at path for key, once per
// input file however its path is spelled.
func (c *fontCache) loadLogo(t *table, key, path string) (*logoFile, string) {
	nf := t.e.readNamed(t.prefix+key, path, []string{".png", ".jpg", ".jpeg", ".svg"}, maxLogoBytes, "a PNG, JPEG or SVG logo")
	if nf == nil {
		return nil, ""
	}
	sum := fmt.Sprintf("logo-%x", nf.sum)
	if l, ok := c.logos[sum]; ok {
		return l, nf.key
	}
	if strings.EqualFold(filepath.Ext(path), ".svg") {
		img, msg := rasterSVG(nf.data)
		if msg != "" {
			t.errf(key, "%q %s", clip(path), msg)
			return nil, ""
		}
		l := &logoFile{img: img, data: nf.data, typ: "image/svg+xml"}
		if c.logos == nil {
			c.logos = map[string]*logoFile{}
		}
		c.logos[sum] = l
		return l, nf.key
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(nf.data))
	switch {
	case err != nil:
		t.errf(key, "%q is not a PNG or JPEG image: %v", clip(path), err)
		return nil, ""
	case cfg.Width*cfg.Height > maxLogoPixels || cfg.Width <= 0 || cfg.Height <= 0:
		t.errf(key, "%q is %dx%d pixels; a logo may have at most %d million", clip(path), cfg.Width, cfg.Height, maxLogoPixels/1_000_000)
		return nil, ""
	case cfg.Width > maxLogoAspect*cfg.Height || cfg.Height > maxLogoAspect*cfg.Width:
		t.errf(key, "%q is %dx%d pixels; a logo may be at most %d times as wide as tall, or as tall as wide", clip(path), cfg.Width, cfg.Height, maxLogoAspect)
		return nil, ""
	}
	img, _, err := image.Decode(bytes.NewReader(nf.data))
	if err != nil {
		t.errf(key, "%q cannot be read as an image: %v", clip(path), err)
		return nil, ""
	}
	l := &logoFile{img: img, data: nf.data, typ: "image/" + format}
	if c.logos == nil {
		c.logos = map[string]*logoFile{}
	}
	c.logos[sum] = l
	return l, nf.key
}

// logoSize is the logo's size on the figure, in CSS pixels.
func (c *ctx) logoSize() (w, h float64) {
	l := c.f.Style.logo
	if l == nil {
		return 0, 0
	}
	h = c.f.Style.LogoHeight
	if h == 0 {
		h = 20
	}
	h = h * c.u
	b := l.img.Bounds()
	w = h * float64(b.Dx()) / float64(b.Dy())
	// At most a third of the width, so that source and credit keep two
	// thirds of it beside the logo; a wider logo is drawn smaller.
	if most := (c.right - c.left) / 3; w > most {
		w, h = most, h*most/w
	}
	return w, h
}

// logoNode is the logo placed with its bottom right corner at (x, y).
func (c *ctx) logoNode(x, y float64) *scene.Group {
	w, h := c.logoSize()
	l := c.f.Style.logo
	return &scene.Group{ID: "logo", Class: "pc-logo", Nodes: []scene.Node{&scene.Image{X: x - w, Y: y - h, W: w, H: h, Img: l.img, Data: l.data, Type: l.typ, Class: "pc-logo"}}}
}
