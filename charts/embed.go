package charts

import (
	"bytes"
	"html"
	"math"
	"strconv"
	"strings"

	"presschart/charts/scene"
)

// The HTML snippets: static, script-free markup to paste into a CMS.
//
// <id>.html is a <figure> holding a <picture>: a <source> per breakpoint
// and colour scheme that embed asks for (see embeds.go), each with a
// srcset of pixel densities and its own width and height, so that the page
// does not jump, then the figure itself as the <img>, with the alt text.
// The image shows the title, notes, source and credit, so the snippet
// does not write them again: its only text is a link to source_url, when
// there is one, which an image cannot hold.
//
// <id>.inline.html (format "inline") holds the SVGs themselves, one per
// breakpoint and colour scheme, and a <style> that shows the one a
// <picture> would choose. Every id in it starts with the rendition's id,
// and every rule with the figure's own element id, so two figures (or
// one figure twice) on a page keep their own.

// htmlID is the id of a snippet's <figure>.
func htmlID(figID, kind string) string { return "presschart-" + kind + figID }

// embedHTML writes the <picture> snippet for the figure laid out as sc.
func (f *Figure) embedHTML(sc *scene.Scene, outs []Output) string {
	var b strings.Builder
	esc := html.EscapeString
	ext := "svg"
	for _, o := range outs {
		if o.Format == "png" {
			ext = "png"
		}
	}
	b.WriteString(`<figure class="presschart" id="` + esc(htmlID(f.ID, "")) + `" style="margin:0">` + "\n")
	srcset := func(s embedSource) string {
		if ext == "svg" {
			return esc(f.fileOf(s.name(&f.Style, f.Style.Scale), "svg"))
		}
		var parts []string
		for _, d := range s.densities {
			parts = append(parts, esc(f.fileOf(s.name(&f.Style, d), "png"))+" "+strconv.Itoa(d)+"x")
		}
		return strings.Join(parts, ", ")
	}
	wh := func(w, h float64) string {
		return ` width="` + strconv.Itoa(int(math.Round(w))) + `" height="` + strconv.Itoa(int(math.Round(h))) + `"`
	}
	img := `<img src="` + esc(f.fileOf("", ext)) + `"`
	sources := f.Style.embedSources()
	if len(sources) == 0 {
		if ext == "png" && f.Style.Scale > 1 {
			img += ` srcset="` + esc(f.fileOf("", "png")) + " " + strconv.Itoa(f.Style.Scale) + `x"`
		}
	} else {
		b.WriteString("  <picture>\n")
		for _, s := range sources[:len(sources)-1] {
			w, h := f.sourceSize(s)
			b.WriteString(`    <source media="` + esc(s.media) + `" srcset="` + srcset(s) + `"` + wh(w, h) + ">\n")
		}
		img = "  " + img + ` srcset="` + srcset(sources[len(sources)-1]) + `"`
	}
	b.WriteString("  " + img + wh(sc.Width, sc.Height) + ` alt="` + esc(sc.Desc) + `" loading="lazy" decoding="async" style="max-width:100%;height:auto">` + "\n")
	if len(sources) > 0 {
		b.WriteString("  </picture>\n")
	}
	f.caption(&b)
	b.WriteString("</figure>\n")
	return b.String()
}

// caption writes the <figcaption>: the link to the source, which the
// image cannot hold; nothing when there is none.
func (f *Figure) caption(b *strings.Builder) {
	if f.Style.SourceURL == "" {
		return
	}
	esc := html.EscapeString
	b.WriteString(`  <figcaption style="font:inherit;font-size:0.875em;margin-top:0.25em" lang="` + esc(f.Style.Locale) + `"><a href="` + esc(f.Style.SourceURL) + `">` + esc(locales[f.Style.Locale].dataLink) + "</a></figcaption>\n")
}

// fileOf is the file of the figure's rendition r ("" for the figure
// itself) in format ext.
func (f *Figure) fileOf(r, ext string) string {
	if r == "" {
		return f.ID + "." + ext
	}
	return f.ID + "-" + r + "." + ext
}

// sourceLayout lays out the figure as the source s draws it, at the
// figure's own density.
func (f *Figure) sourceLayout(s embedSource) *scene.Scene {
	g := f.clone()
	g.Style = f.Style.rendition(s.name(&f.Style, f.Style.Scale))
	if r := s.name(&f.Style, f.Style.Scale); r != "" {
		g.ID = f.ID + "-" + r
	}
	return g.Scene()
}

// sourceSize is the CSS size of the source s: its width and the height
// its content takes at that width.
func (f *Figure) sourceSize(s embedSource) (w, h float64) {
	sc := f.sourceLayout(s)
	return sc.Width, sc.Height
}

// inlineHTML writes the inline-SVG snippet for the figure laid out as sc.
func (f *Figure) inlineHTML(sc *scene.Scene) (string, error) {
	var b strings.Builder
	esc := html.EscapeString
	id := htmlID(f.ID, "inline-")
	sources := f.Style.embedSources()
	scenes := []*scene.Scene{sc}
	if len(sources) > 0 {
		scenes = scenes[:0]
		for _, s := range sources[:len(sources)-1] {
			scenes = append(scenes, f.sourceLayout(s))
		}
		scenes = append(scenes, sc)
	}
	b.WriteString(`<figure class="presschart" id="` + esc(id) + `" style="margin:0">` + "\n")
	// A <picture> shows the first source that matches; here later rules
	// win, so the sources' rules come in reverse, the figure's first.
	sel := "#" + id + " > .presschart-r"
	b.WriteString("<style>\n" + sel + "{display:none}\n" + sel + " > svg{display:block;max-width:100%;height:auto}\n")
	b.WriteString(sel + "-" + strconv.Itoa(len(scenes)-1) + "{display:block}\n")
	for i := len(scenes) - 2; i >= 0; i-- {
		b.WriteString("@media " + sources[i].media + "{" + sel + "{display:none}" + sel + "-" + strconv.Itoa(i) + "{display:block}}\n")
	}
	b.WriteString("</style>\n")
	for i, s := range scenes {
		b.WriteString(`<div class="presschart-r presschart-r-` + strconv.Itoa(i) + `">`)
		own := *s // the scene the other formats draw keeps its ids
		own.IDPrefix = s.ID + "--"
		var svg bytes.Buffer
		if err := own.WriteSVG(&svg); err != nil {
			return "", err
		}
		b.Write(svg.Bytes())
		b.WriteString("</div>\n")
	}
	f.caption(&b)
	b.WriteString("</figure>\n")
	return b.String(), nil
}
