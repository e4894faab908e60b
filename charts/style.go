package charts

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/presschart/presschart/charts/font"
	"github.com/presschart/presschart/charts/scene"
)

// Style holds the keys of [style] that a figure may override.
type Style struct {
	Size          string // a preset name from sizes, or ""
	Width, Height float64
	Scale         int
	Log           bool // scale = "log": a logarithmic value axis
	Formats       []string
	Locale        string
	Direction     string // "rtl", "ltr", or "" for the locale's
	Digits        string // a key of digitSystems, or "" for 0–9
	Source        string
	Credit        string
	colorKeys
	// Dark holds the colours of dark renditions (dark = { colors = [...] }),
	// over the ones above; nil for the same colours in both themes.
	Dark       *colorKeys
	Typography string   // "smart" (default: see typography.go) or "off"
	Byline     string   // "By Jane Doe", before the credit
	SourceURL  string   // the source's web address: a link in the SVG and HTML
	Theme      string   // "light" or "dark"
	Background string   // "" for the theme's, "transparent", or a colour
	Font       []string // paths of the regular house fonts, relative to the TOML file, tried in order; "Inter" is the embedded face
	FontBold   []string
	EmbedFonts bool
	Logo       string  // path of a PNG or JPEG logo for the footer's right
	LogoHeight float64 // its height in CSS px at 640 wide; 0 for 20
	logo       *logoFile
	Decimals   int // -1: as many as the data needs, up to 2
	// TickDecimals is the decimals of the value axis's ticks; -1: what
	// each step needs.
	TickDecimals int
	Prefix       string
	Suffix       string
	Compact      bool
	CompactGB    bool     // compact = "gb": 5k, 410m, 1.2bn, 3trn
	Renditions   []string // more versions of each figure: "social", "dark", "social-dark"
	// Embed are the sizes (breakpoints) the HTML snippet switches
	// between by the page's width; nil for the figure alone. EmbedDark
	// adds a dark rendition of each, for pages in dark mode.
	Embed     []string
	EmbedDark bool

	// FixedHeight says that the height is the figure's to keep: a
	// frame's (social, square, story) or given with height; else the
	// figure takes the height its content needs, up to Height and beyond
	// it when the content needs more.
	FixedHeight bool

	// layoutScale is the density whose pixel grid the layout snaps to,
	// when it is not Scale: a rendition at another density ("mobile-3x")
	// draws its figure's layout, so that every density of a breakpoint
	// has one height and one set of line breaks. 0: Scale.
	layoutScale int

	// gbKey is where compact = "gb" was set, for the check that the
	// locale is English; "" when it was not.
	gbKey string

	regular, bold *font.Face
	fontFailed    bool     // a font could not be read: its error stands, and text is not checked against the others
	fontFiles     []string // the house fonts' and logo's paths, for --watch
}

// Limits on what one figure may ask for.
const (
	minSide    = 16
	maxSide    = 8000
	maxScale   = 4
	maxPixels  = 40_000_000
	maxPoints  = 10_000
	maxFigures = 10_000
	maxSeries  = 24 // series of a line, area, grouped or stacked chart
	// maxAnnotations is the most notes one figure takes; placing each
	// looks at every mark drawn, so their number is bounded too.
	maxAnnotations = 30
	maxFileBytes   = 16 << 20
)

// size is a named size preset, in logical (CSS) pixels.
type size struct {
	w, h float64
	// shown is the width readers see it at: a social card, square or
	// story is scaled down to a phone's width, so its type is set larger
	// to read as an article's does.
	shown float64
	// frame says that the platform fixes the height; an article's
	// figure takes the height its content needs.
	frame bool
	// phone says that the figure is laid out for a phone's column and
	// read at its own size: its type is an article's, not scaled down
	// with its width.
	phone bool
}

// shown is the width readers see the figure at: its preset's, or its
// width.
func (st *Style) shown() float64 {
	if sz, ok := sizes[st.Size]; ok && sz.w == st.Width && sz.h == st.Height {
		return sz.shown
	}
	return st.Width
}

// sizes are the named size presets.
var sizes = map[string]size{
	"mobile":  {360, 480, 360, false, true},
	"article": {640, 400, 640, false, false},
	"wide":    {960, 540, 960, false, false},
	"social":  {1200, 675, 480, true, false},
	"square":  {1080, 1080, 400, true, false},
	"story":   {1080, 1920, 360, true, false},
}

// typeScale is what the figure's type is scaled by: 1 at an article's
// 640 px, larger for frames seen shrunk on a phone, a little smaller for
// narrow figures of a given width, and 1 for the mobile preset, which a
// phone shows at its own size.
func (st *Style) typeScale() float64 {
	if sz, ok := sizes[st.Size]; ok && sz.phone && sz.w == st.Width {
		return 1
	}
	return math.Min(math.Max(st.shown()/640, 0.85), 1.75) * st.Width / st.shown()
}

// defaultStyle is what a file without [style] gets.
func defaultStyle() Style {
	return Style{
		Size:         "article",
		Width:        640,
		Height:       400,
		Scale:        2,
		Formats:      DefaultFormats(),
		Locale:       "en",
		Theme:        "light",
		Decimals:     -1,
		TickDecimals: -1,
	}
}

var hexColor = lazyRegexp(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

func parseColor(s string) (scene.Color, bool) {
	if !hexColor().MatchString(s) {
		return scene.Color{}, false
	}
	h := s[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	v, _ := strconv.ParseUint(h, 16, 32)
	return scene.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}, true
}

func mustColor(s string) scene.Color {
	c, ok := parseColor(s)
	if !ok {
		panic("bad built-in colour " + s)
	}
	return c
}

// colorKeys are the colour keys of a style, and of its dark table.
type colorKeys struct {
	Accent scene.Color   // alpha 0: the theme's accent
	Colors []scene.Color // nil: the theme's palette
	// Named gives rows, parts and series their own colours by name
	// (colors = { "AfD" = "#009ee0" }); Negative colours negative bars.
	Named    map[string]scene.Color
	Negative scene.Color // alpha 0: as positive ones

	// Logo is a dark table's own logo (light lettering, say); "" for the
	// style's.
	Logo string
	logo *logoFile
}

// read reads accent, colors (a palette or colours by name) and negative.
func (k *colorKeys) read(t *table) {
	color := func(key string, dst *scene.Color) {
		var s string
		if t.str(key, &s) {
			if c, ok := parseColor(s); ok {
				*dst = c
			} else {
				t.errf(key, "%q is not a colour; write it as #rrggbb or #rgb", clip(s))
			}
		}
	}
	color("accent", &k.Accent)
	color("negative", &k.Negative)
	var cs []string
	if m, named := t.m["colors"].(map[string]any); named {
		t.get("colors")
		k.Named = map[string]scene.Color{}
		for _, name := range sortedKeys(m) {
			s, isStr := m[name].(string)
			c, ok := parseColor(s)
			switch {
			case !isStr:
				t.errf(fmt.Sprintf("colors.%s", name), "must be a colour such as \"#009ee0\", not %s", typeName(m[name]))
				continue
			case !ok:
				t.errf(fmt.Sprintf("colors.%s", name), "%q is not a colour; write it as #rrggbb or #rgb", clip(s))
				continue
			}
			k.Named[name] = c
		}
		if len(m) == 0 {
			t.errf("colors", "is empty; give a colour for at least one name, e.g. colors = { \"AfD\" = \"#009ee0\" }")
		}
	} else if t.strs("colors", &cs) {
		var out []scene.Color
		for i, s := range cs {
			if c, ok := parseColor(s); ok {
				out = append(out, c)
			} else {
				t.errf(fmt.Sprintf("colors[%d]", i), "%q is not a colour; write it as #rrggbb or #rgb", s)
			}
		}
		if len(cs) == 0 {
			t.errf("colors", "is empty; give at least one colour")
		} else if len(out) == len(cs) {
			k.Colors = out
		}
	}
}

// over returns k with the keys that o sets: a dark table's colours over
// the style's.
func (k colorKeys) over(o *colorKeys) colorKeys {
	if o == nil {
		return k
	}
	if o.Accent.A != 0 {
		k.Accent = o.Accent
	}
	if o.Negative.A != 0 {
		k.Negative = o.Negative
	}
	if o.Colors != nil {
		k.Colors = o.Colors
	}
	if o.Named != nil {
		named := maps.Clone(k.Named)
		if named == nil {
			named = map[string]scene.Color{}
		}
		maps.Copy(named, o.Named)
		k.Named = named
	}
	return k
}

// themed is the style as a figure in its theme draws it: in the dark
// theme, with the dark table's colours.
func (st Style) themed() Style {
	if st.Theme == "dark" {
		st.colorKeys = st.colorKeys.over(st.Dark)
		if st.Dark != nil && st.Dark.logo != nil {
			st.logo = st.Dark.logo
		}
	}
	return st
}

// styleKeys are the keys readStyle knows, for [style] and for a figure.
func (st *Style) read(t *table, fonts *fontCache) {
	if t.str("size", &st.Size) {
		sz, ok := sizes[st.Size]
		if !ok {
			t.errf("size", "unknown size %q; use one of %s, or width and height", st.Size, strings.Join(sortedKeys(sizes), ", "))
		} else {
			st.Width, st.Height, st.FixedHeight = sz.w, sz.h, sz.frame
		}
	}
	if v, ok := t.m["height"].(string); ok {
		// "auto": the height the content needs, the default but for frames.
		t.get("height")
		if v == "auto" {
			st.FixedHeight = false
		} else {
			t.errf("height", "%q is not a height; give CSS pixels, e.g. 400, or \"auto\" for the height the content needs", clip(v))
		}
	}
	for _, side := range []struct {
		key string
		dst *float64
	}{{"width", &st.Width}, {"height", &st.Height}} {
		if _, ok := t.m[side.key].(string); ok && side.key == "height" {
			continue
		}
		var v float64
		if t.num(side.key, &v) {
			if v < minSide || v > maxSide {
				t.errf(side.key, "%g is out of range; it must be from %d to %d (logical pixels)", v, minSide, maxSide)
			} else {
				*side.dst = v
				st.FixedHeight = st.FixedHeight || side.key == "height"
			}
		}
	}
	// scale is the PNG's pixel density (a number) or the value axis
	// ("log" or "linear").
	if v, ok := t.m["scale"]; ok {
		if name, isStr := v.(string); isStr {
			t.get("scale")
			if name != "log" && name != "linear" {
				t.errf("scale", "%q is not a scale; use \"log\" or \"linear\" for the value axis, or a number from 1 to %d for the PNG's pixel density", name, maxScale)
			} else {
				st.Log = name == "log"
			}
		} else {
			t.integer("scale", &st.Scale, 1, maxScale)
		}
	} else {
		t.get("scale")
	}
	var fs []string
	if t.strs("formats", &fs) {
		if i, msg := CheckFormats(fs); msg != "" {
			key := "formats"
			if i >= 0 {
				key = fmt.Sprintf("formats[%d]", i)
			}
			t.errf(key, "%s", msg)
		} else {
			st.Formats = fs
		}
	}
	if t.str("locale", &st.Locale) {
		if _, ok := locales[st.Locale]; !ok {
			t.errf("locale", "unknown locale %q; use one of %s", st.Locale, strings.Join(sortedKeys(locales), ", "))
			// The figure fails; what reads it until then finds a locale.
			st.Locale = defaultStyle().Locale
		}
	}
	t.str("source", &st.Source)
	t.str("credit", &st.Credit)
	t.text("byline", &st.Byline)
	if t.str("source_url", &st.SourceURL) {
		if msg := checkURL(st.SourceURL); msg != "" {
			t.errf("source_url", "%s", msg)
		}
	}
	st.colorKeys.read(t)
	if v, ok := t.get("dark"); ok {
		m, isTable := v.(map[string]any)
		if !isTable {
			t.errf("dark", "must be a table of colours for dark renditions, e.g. dark = { colors = [\"#6aaee8\", \"#f0b43c\"] }, not %s", typeName(v))
		} else {
			dt := newTable(m, t.prefix+"dark.", t.e)
			if st.Dark == nil {
				st.Dark = &colorKeys{}
			} else {
				d := *st.Dark
				st.Dark = &d // a figure's own dark table adds to [style]'s
			}
			st.Dark.read(dt)
			if dt.str("logo", &st.Dark.Logo) {
				var path string
				if st.Dark.logo, path = fonts.loadLogo(dt, "logo", st.Dark.Logo); path != "" {
					st.fontFiles = append(slices.Clip(st.fontFiles), path)
				}
			}
			dt.unknown()
		}
	}
	if t.str("digits", &st.Digits) {
		if _, ok := digitSystems[st.Digits]; !ok {
			t.errf("digits", "unknown digits %q; use one of %s", st.Digits, strings.Join(sortedKeys(digitSystems), ", "))
			st.Digits = ""
		}
	}
	if t.str("direction", &st.Direction) && !slices.Contains(directions, st.Direction) {
		t.errf("direction", "unknown direction %q; use \"rtl\" (right to left) or \"ltr\"; without it the locale decides", st.Direction)
	}
	if t.str("typography", &st.Typography) && !slices.Contains(typographyModes, st.Typography) {
		t.errf("typography", "unknown setting %q; use \"smart\" or \"off\"", st.Typography)
	}
	if t.str("theme", &st.Theme) {
		if _, ok := themes[st.Theme]; !ok {
			t.errf("theme", "unknown theme %q; use light or dark", st.Theme)
		}
	}
	if t.str("background", &st.Background) && st.Background != "transparent" {
		if _, ok := parseColor(st.Background); !ok {
			t.errf("background", "%q is not a colour; write #rrggbb, #rgb or \"transparent\"", st.Background)
		}
	}
	if names, ok := t.fontList("font"); ok {
		var paths []string
		if st.regular, paths = fonts.loadList(t, "font", names, false); st.regular != nil {
			st.Font = names
		} else {
			st.fontFailed = true
		}
		st.fontFiles = append(slices.Clip(st.fontFiles), paths...)
	}
	if names, ok := t.fontList("font_bold"); ok {
		var paths []string
		if st.bold, paths = fonts.loadList(t, "font_bold", names, true); st.bold != nil {
			st.FontBold = names
		} else {
			st.fontFailed = true
		}
		st.fontFiles = append(slices.Clip(st.fontFiles), paths...)
	}
	t.boolean("embed_fonts", &st.EmbedFonts)
	if t.str("logo", &st.Logo) {
		var path string
		if st.logo, path = fonts.loadLogo(t, "logo", st.Logo); path != "" {
			st.fontFiles = append(slices.Clip(st.fontFiles), path)
		}
	}
	if t.num("logo_height", &st.LogoHeight) && (st.LogoHeight < minLogoHeight || st.LogoHeight > maxLogoHeight) {
		t.errf("logo_height", "%g is out of range; give %d to %d CSS pixels", st.LogoHeight, minLogoHeight, maxLogoHeight)
		st.LogoHeight = 0
	}
	t.integer("tick_decimals", &st.TickDecimals, 0, 6)
	if k, set := readNumberKeys(t, false); set {
		nf := k.apply(numberFormat{decimals: st.Decimals, prefix: st.Prefix, suffix: st.Suffix, compact: st.Compact, gb: st.CompactGB})
		st.Decimals, st.Prefix, st.Suffix, st.Compact, st.CompactGB = nf.decimals, nf.prefix, nf.suffix, nf.compact, nf.gb
		st.gbKey = ""
		if k.compact != nil && *k.compact == "gb" {
			st.gbKey = t.prefix + "compact"
		}
	}
	var rs []string
	if t.strs("renditions", &rs) {
		ok := true
		for i, r := range rs {
			if msg := checkRendition(r); msg != "" {
				t.errf(fmt.Sprintf("renditions[%d]", i), "%s", msg)
				ok = false
			}
		}
		if ok {
			st.Renditions = rs
		}
	}
	var bps []string
	if t.strs("embed", &bps) {
		ok := true
		for i, b := range bps {
			if _, isSize := sizes[b]; !isSize || sizes[b].frame {
				msg := fmt.Sprintf("%q is not a breakpoint; name a size a page shows in its column: mobile, article or wide", b)
				if n := nearest(b, []string{"mobile", "article", "wide"}); n != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", n)
				}
				t.errf(fmt.Sprintf("embed[%d]", i), "%s", msg)
				ok = false
			}
		}
		if ok {
			st.Embed = bps
		}
	}
	t.boolean("embed_dark", &st.EmbedDark)
}

// checkRendition says what is wrong with a rendition name, or "".
func checkRendition(r string) string {
	parts := strings.Split(r, "-")
	if n := len(parts); n > 0 && density(parts[n-1]) > 0 {
		parts = parts[:n-1] // a pixel density, "3x", ends the name
	}
	if r == "" || len(parts) > 2 {
		return fmt.Sprintf("%q is not a rendition; name a size (%s), a theme (light, dark) or both, and a pixel density last if you like, as in \"social-dark\" or \"mobile-3x\"", r, strings.Join(sortedKeys(sizes), ", "))
	}
	seenSize, seenTheme := false, false
	for _, p := range parts {
		_, isSize := sizes[p]
		_, isTheme := themes[p]
		switch {
		case isSize && !seenSize:
			seenSize = true
		case isTheme && !seenTheme:
			seenTheme = true
		default:
			return fmt.Sprintf("%q is not a rendition; name a size (%s), a theme (light, dark) or both, and a pixel density last if you like, as in \"social-dark\" or \"mobile-3x\"", r, strings.Join(sortedKeys(sizes), ", "))
		}
	}
	return ""
}

// density is the pixel density a rendition's name part gives ("2x": 2),
// or 0.
func density(p string) int {
	if len(p) == 2 && p[1] == 'x' && p[0] >= '1' && p[0] <= '0'+maxScale {
		return int(p[0] - '0')
	}
	return 0
}

// rendition returns a copy of the style for a rendition name.
func (st Style) rendition(r string) Style {
	for _, p := range strings.Split(r, "-") {
		if sz, ok := sizes[p]; ok {
			st.Size, st.Width, st.Height, st.FixedHeight = p, sz.w, sz.h, sz.frame
		} else if d := density(p); d > 0 {
			// Another density draws the same layout: the figure's
			// grid, not the new one, places every edge.
			if st.layoutScale == 0 {
				st.layoutScale = st.Scale
			}
			st.Scale = d
		} else {
			st.Theme = p
		}
	}
	st.Renditions, st.Embed = nil, nil
	return st
}

// check reports problems that depend on several keys together.
func (st *Style) check(e *errs) {
	if st.CompactGB && st.gbKey != "" {
		gb := "gb"
		checkGB(&numberKeys{compact: &gb}, st.Locale, st.gbKey, e)
	}
	if px := st.Width * st.Height * float64(st.Scale*st.Scale); anyPixels(st.Formats) && px > maxPixels {
		e.add("scale", "%gx%g at scale %d is %.0f megapixels; a PNG may have at most %d", st.Width, st.Height, st.Scale, px/1e6, maxPixels/1_000_000)
	}
}

// directions are the values direction takes.
var directions = []string{"rtl", "ltr"}

// rtl reports whether the figure is laid out right to left: direction
// says so, or the locale's language is written so.
func (st *Style) rtl() bool {
	if st.Direction != "" {
		return st.Direction == "rtl"
	}
	return locales[st.Locale].rtl
}

// faces returns the regular and bold faces of the style.
func (st *Style) faces() (regular, bold *font.Face) {
	regular, bold = st.regular, st.bold
	if regular == nil {
		regular = font.Default(false)
	}
	if bold == nil {
		if st.regular != nil {
			bold = st.regular // a house regular without a bold: draw titles in it
		} else {
			bold = font.Default(true)
		}
	}
	return regular, bold
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// theme is the set of colours a figure uses unless the style sets them.
// The palettes are colour-blind-safe (after Okabe and Ito), darkened for
// light backgrounds and lightened for dark ones, in the same order of
// hues in both themes (blue, orange, green, pink), so a series keeps its
// colour in a dark rendition; their fifth colours differ, as a light blue
// beside the blue would be one colour on a dark page.
type theme struct {
	bg, text, muted, faint, grid, axis, rest scene.Color
	accent                                   scene.Color
	palette                                  []scene.Color
}

func palette(hex ...string) []scene.Color {
	out := make([]scene.Color, len(hex))
	for i, h := range hex {
		out[i] = mustColor(h)
	}
	return out
}

var themes = map[string]theme{
	"light": {
		bg: mustColor("#ffffff"), text: mustColor("#121212"), muted: mustColor("#4a4a4a"),
		faint: mustColor("#6b6b6b"), grid: mustColor("#e3e3e3"), axis: mustColor("#333333"),
		rest: mustColor("#d3d7dc"), accent: mustColor("#c8102e"),
		palette: palette("#1f5a96", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#555555"),
	},
	"dark": {
		bg: mustColor("#16181c"), text: mustColor("#f3f3f3"), muted: mustColor("#c8c8c8"),
		faint: mustColor("#a4a4a4"), grid: mustColor("#363a40"), axis: mustColor("#c8c8c8"),
		rest: mustColor("#4a5058"), accent: mustColor("#ff5a67"),
		palette: palette("#6aaee8", "#f0b43c", "#3cc39a", "#e49ac4", "#f0e442", "#888888"),
	},
}
