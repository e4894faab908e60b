package charts

import (
	"html"
	"strconv"
	"strings"

	"presschart/charts/scene"
)

// embedHTML is a static, script-free snippet to paste into a CMS: a
// <figure> with the image (the PNG, whose pixels match what was checked,
// with a srcset for its density; the SVG when no PNG is written), its size and alt text, and a
// <figcaption> with the title, subtitle, note, source and credit as text.
func (f *Figure) embedHTML(sc *scene.Scene, outs []Output) string {
	var b strings.Builder
	esc := html.EscapeString
	w, h := strconv.Itoa(int(sc.Width+0.5)), strconv.Itoa(int(sc.Height+0.5))
	hasPNG := false
	for _, o := range outs {
		hasPNG = hasPNG || o.Format == "png"
	}
	b.WriteString(`<figure class="presschart" id="` + esc(f.ID) + `">` + "\n")
	img := func(src, extra string) {
		b.WriteString(`  <img src="` + esc(src) + `"` + extra + ` width="` + w + `" height="` + h + `" alt="` + esc(sc.Desc) + `" loading="lazy" decoding="async" style="max-width:100%;height:auto">` + "\n")
	}
	switch {
	case hasPNG:
		img(f.ID+".png", f.srcset())
	default:
		img(f.ID+".svg", "")
	}
	b.WriteString("  <figcaption>\n")
	line := func(class, text string) {
		if text != "" {
			b.WriteString(`    <p class="` + class + `">` + esc(text) + "</p>\n")
		}
	}
	line("presschart-title", f.Title)
	line("presschart-subtitle", f.Subtitle)
	line("presschart-note", f.note())
	if f.Style.SourceURL != "" && f.Style.Source != "" {
		b.WriteString(`    <p class="presschart-source"><a href="` + esc(f.Style.SourceURL) + `">` + esc(f.Style.Source) + "</a></p>\n")
	} else {
		line("presschart-source", f.Style.Source)
	}
	line("presschart-credit", f.Style.credit())
	b.WriteString("  </figcaption>\n</figure>\n")
	return b.String()
}

// srcset tells the browser that the PNG is drawn at the figure's scale.
func (f *Figure) srcset() string {
	if f.Style.Scale < 2 {
		return ""
	}
	return ` srcset="` + html.EscapeString(f.ID) + `.png ` + strconv.Itoa(f.Style.Scale) + `x"`
}
