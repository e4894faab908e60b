package charts

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Embeds that fit the reader: a figure with embed = ["mobile", "article"]
// is also drawn at each of those sizes (breakpoints), in the other theme
// for pages in dark mode (embed_dark), and at the pixel densities phones
// and desktops ask for. Each such drawing is a rendition, a figure of its
// own id (nepal-drop-mobile-dark-3x); the HTML snippet is a <picture>
// whose <source>s choose among them by the page's width, colour scheme and
// density, and the manifest gives each rendition's media condition so
// that a CMS can build the same markup.

// embedSource is one <source> of the snippet's <picture> (or its <img>):
// a breakpoint in a theme, at several densities.
type embedSource struct {
	size          string // the preset, or the figure's own size name
	width         float64
	theme         string
	media         string // the media condition; "" for any page
	densities     []int
	own           bool // the figure's own size
	themeFollowed bool // the theme is the page's choice, not the default
}

// name is the rendition that draws the source at density d: "" for the
// figure itself, else its name's parts, "mobile-dark-3x".
func (s embedSource) name(st *Style, d int) string {
	var parts []string
	if !s.own {
		parts = append(parts, s.size)
	}
	if s.theme != st.Theme {
		parts = append(parts, s.theme)
	}
	if d != st.Scale {
		parts = append(parts, fmt.Sprintf("%dx", d))
	}
	return strings.Join(parts, "-")
}

// embedSources returns the snippet's sources in the order a <picture>
// lists them (the first that matches is shown): narrow breakpoints first,
// each in the page's other colour scheme before its own. The last is the
// figure itself, the <img>; nil when the style embeds no breakpoints.
func (st *Style) embedSources() []embedSource {
	if len(st.Embed) == 0 {
		return nil
	}
	type bp struct {
		size  string
		width float64
		own   bool
		phone bool
	}
	bps := []bp{{st.Size, st.Width, true, sizes[st.Size].phone && sizes[st.Size].w == st.Width}}
	for _, name := range st.Embed {
		sz := sizes[name]
		if slices.ContainsFunc(bps, func(b bp) bool { return b.width == sz.w }) {
			continue // the figure's own width, or listed twice
		}
		bps = append(bps, bp{name, sz.w, false, sz.phone})
	}
	slices.SortStableFunc(bps, func(a, b bp) int { return int(a.width - b.width) })
	themes := []string{st.Theme}
	if st.EmbedDark {
		other := "dark"
		if st.Theme == "dark" {
			other = "light"
		}
		themes = []string{other, st.Theme}
	}
	var out []embedSource
	for i, b := range bps {
		// A breakpoint serves pages narrower than three quarters of the
		// next one's width; past that the next, scaled down, reads better.
		width := ""
		if i < len(bps)-1 {
			width = fmt.Sprintf("(max-width: %dpx)", int(math.Floor(bps[i+1].width*0.75))-1)
		}
		ds := []int{1, 2}
		if b.phone {
			ds = append(ds, 3)
		}
		if !slices.Contains(ds, st.Scale) {
			ds = append(ds, st.Scale)
			slices.Sort(ds)
		}
		for _, th := range themes {
			media := width
			followed := th != st.Theme
			if followed {
				media = joinMedia(width, "(prefers-color-scheme: "+th+")")
			}
			out = append(out, embedSource{size: b.size, width: b.width, theme: th, media: media, densities: ds, own: b.own, themeFollowed: followed})
		}
	}
	// The figure itself is the <img>, last: shown to any page that
	// matches none of the sources, and to browsers without <picture>.
	// When it is the widest breakpoint, it is that source; when it is
	// not, it keeps its own <source> and media condition, and the widest
	// (no condition) catches the wider pages before the <img>.
	for i, s := range out {
		if s.own && s.theme == st.Theme {
			if s.media == "" {
				out = append(out[:i:i], out[i+1:]...)
			}
			s.media = ""
			out = append(out, s)
			break
		}
	}
	return out
}

func joinMedia(a, b string) string {
	if a == "" {
		return b
	}
	return a + " and " + b
}

// embedRenditions returns the figure's embed renditions, each checked:
// a copy per source and density but the figure itself, written as a PNG
// (and an SVG at the figure's own density, for the inline snippet). A
// rendition that renditions = [...] already makes (named alike) is that
// one, given its media condition: have lists it.
func (fig *Figure) embedRenditions(have []*Figure, e *errs) []*Figure {
	var out []*Figure
	pngs := slices.Contains(fig.Style.Formats, "png")
	svgs := slices.Contains(fig.Style.Formats, "svg")
	sources := fig.Style.embedSources()
	reported := false
	for i, s := range sources {
		if !pngs {
			s.densities = []int{fig.Style.Scale} // an SVG serves every density
		}
		for _, d := range s.densities {
			r := s.name(&fig.Style, d)
			if r == "" {
				if i < len(sources)-1 { // the figure has a <source> of its own
					fig.Media, fig.Density = s.media, d
				} else if fig.Density == 0 {
					fig.Density = d
				}
				continue
			}
			if slices.ContainsFunc(out, func(h *Figure) bool { return h.ID == fig.ID+"-"+r }) {
				continue // the figure's own size, listed as its source and its <img>
			}
			if i := slices.IndexFunc(have, func(h *Figure) bool { return h.renditionName() == r }); i >= 0 {
				have[i].Media, have[i].Density = s.media, d
				continue
			}
			cp := fig.clone()
			cp.ID, cp.Style, cp.RenditionOf = fig.ID+"-"+r, fig.Style.rendition(r), fig.ID
			cp.Media, cp.Density = s.media, d
			// The files the snippet names: PNGs, or SVGs when the figure
			// writes no PNG (an SVG serves every density). The inline
			// snippet draws its SVGs itself.
			cp.Style.Formats = nil
			if pngs {
				cp.Style.Formats = []string{"png"}
			}
			if svgs && d == fig.Style.Scale {
				cp.Style.Formats = append(cp.Style.Formats, "svg")
			}
			if len(cp.Style.Formats) == 0 {
				continue
			}
			if px := cp.Style.Width * cp.Style.Height * float64(d*d); pngs && px > maxPixels {
				if !reported {
					e.add("embed", "the rendition %q would be %gx%g at %dx, %.0f megapixels; a PNG may have at most %d: embed narrower sizes, or make the figure smaller", r, cp.Style.Width, cp.Style.Height, d, px/1e6, maxPixels/1_000_000)
					reported = true
				}
				continue
			}
			out = append(out, cp)
		}
	}
	return out // at most 23: three breakpoints, two themes, four densities
}

// DensityVariant reports whether the figure is a rendition that draws
// another one's layout at another pixel density ("mobile-3x"): it has
// that one's text and places, so a check of that one covers it.
func (f *Figure) DensityVariant() bool {
	r := f.renditionName()
	parts := strings.Split(r, "-")
	return r != "" && density(parts[len(parts)-1]) > 0
}

// ownFormats narrows formats chosen for a run (-f) to those an embed
// rendition is written in: -f png,html writes no snippet per rendition.
func (f *Figure) ownFormats(formats []string) []string {
	if f.RenditionOf == "" || f.Density == 0 {
		return formats
	}
	var out []string
	for _, name := range formats {
		if slices.Contains(f.Formats(), name) {
			out = append(out, name)
		}
	}
	return out
}
