package charts

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/presschart/presschart/charts/scene"
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

// htmlID is the id of a snippet's <figure>: presschart-<id>, and
// presschart-<id>--inline for the inline snippet (a figure id never
// holds "--", so no figure's id is another's snippet's).
func htmlID(figID, kind string) string {
	if kind == "" {
		return "presschart-" + figID
	}
	return "presschart-" + figID + "--" + kind
}

// embedHTML writes the <picture> snippet for the figure laid out as sc.
// It fails when a breakpoint cannot be laid out (too tall to draw), so
// that no snippet names a file that was not written.
func (f *Figure) embedHTML(sc *scene.Scene, outs []Output) (string, error) {
	var b strings.Builder
	esc := html.EscapeString
	ext := "svg"
	for _, o := range outs {
		if o.Format == "png" {
			ext = "png"
		}
	}
	b.WriteString(`<figure class="presschart" id="` + esc(htmlID(f.ID, "")) + `" lang="` + esc(f.Style.Locale) + `"` + dirAttr(f) + ` style="margin:0">` + "\n")
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
			ssc, err := f.sourceLayout(s)
			if err != nil {
				return "", err
			}
			media := ""
			if s.media != "" {
				media = ` media="` + esc(s.media) + `"`
			}
			b.WriteString(`    <source` + media + ` srcset="` + srcset(s) + `"` + wh(ssc.Width, ssc.Height) + ">\n")
		}
		img = "  " + img + ` srcset="` + srcset(sources[len(sources)-1]) + `"`
	}
	b.WriteString("  " + img + wh(sc.Width, sc.Height) + ` alt="` + esc(sc.Desc) + `" loading="lazy" decoding="async" style="max-width:100%;height:auto">` + "\n")
	if len(sources) > 0 {
		b.WriteString("  </picture>\n")
	}
	f.caption(&b)
	b.WriteString("</figure>\n")
	return b.String(), nil
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
// figure's own density, checked as its rendition is: an error names the
// breakpoint and the embed key.
func (f *Figure) sourceLayout(s embedSource) (*scene.Scene, error) {
	r := s.name(&f.Style, f.Style.Scale)
	if r == "" {
		return f.Scene(), nil
	}
	g := f.clone()
	g.Style = f.Style.rendition(r)
	g.ID = f.ID + "-" + r
	sc, err := g.layout(g.Style.Formats)
	if err != nil {
		return nil, fmt.Errorf("embed: the %s rendition cannot be drawn: %v", r, err)
	}
	return sc, nil
}

// inlineHTML writes the inline-SVG snippet for the figure laid out as sc.
func (f *Figure) inlineHTML(sc *scene.Scene) (string, error) {
	var b strings.Builder
	esc := html.EscapeString
	id := htmlID(f.ID, "inline")
	// One SVG per source, in the <picture>'s order; the figure itself
	// once, shown when no rule applies (and where a CMS strips <style>).
	sources := f.Style.embedSources()
	var scenes []*scene.Scene
	var media []string
	shown := -1
	for i, s := range sources {
		last := i == len(sources)-1
		switch {
		case s.name(&f.Style, f.Style.Scale) == "" && shown >= 0:
			continue // the figure, already among the sources
		case s.name(&f.Style, f.Style.Scale) == "":
			shown = len(scenes)
			scenes = append(scenes, sc)
		default:
			ssc, err := f.sourceLayout(s)
			if err != nil {
				return "", err
			}
			scenes = append(scenes, ssc)
		}
		if last {
			media = append(media, "-") // the <img>: no rule of its own
		} else {
			media = append(media, s.media)
		}
	}
	if len(scenes) == 0 {
		scenes, media, shown = []*scene.Scene{sc}, []string{"-"}, 0
	}
	b.WriteString(`<figure class="presschart" id="` + esc(id) + `" lang="` + esc(f.Style.Locale) + `"` + dirAttr(f) + ` style="margin:0">` + "\n")
	// A <picture> shows the first source that matches; here later rules
	// win, so the sources' rules come in reverse.
	sel := "#" + id + " > .presschart-r"
	b.WriteString("<style>\n" + sel + " > svg{display:block;max-width:100%;height:auto}\n")
	for i := len(scenes) - 1; i >= 0; i-- {
		rule := sel + "{display:none!important}" + sel + "-" + strconv.Itoa(i) + "{display:block!important}"
		switch media[i] {
		case "-":
		case "":
			b.WriteString(rule + "\n") // the widest, past the figure's own size
		default:
			b.WriteString("@media " + media[i] + "{" + rule + "}\n")
		}
	}
	b.WriteString("</style>\n")
	for i, s := range scenes {
		hidden := ` style="display:none"`
		if i == shown {
			hidden = ""
		}
		b.WriteString(`<div class="presschart-r presschart-r-` + strconv.Itoa(i) + `"` + hidden + `>`)
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

// dirAttr is the dir attribute of a right-to-left figure's snippet, so
// that its caption and link run from the right as the figure does.
func dirAttr(f *Figure) string {
	if f.Style.rtl() {
		return ` dir="rtl"`
	}
	return ""
}
