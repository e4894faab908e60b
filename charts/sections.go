package charts

import (
	"slices"
	"strings"
)

// A file of thousands of figures (an election night's districts) is
// decoded a figure at a time: the TOML decoder's tree of a whole file
// takes seven times the file's size, and every figure's tree is garbage
// once the figure is read. sections finds where each [[figure]] table
// starts and ends from the headers guardTOML read, so that memory holds
// one figure's tree at a time.

// section is one [[figure]] table with its sub-tables ([figure.style],
// [[figure.annotation]], ...): src[start:end], starting on line line.
type section struct {
	start, end, line int
}

// figureSections splits src into its [[figure]] sections and the rest:
// head is src with every section's bytes but its newlines blanked, so that
// lines and columns in the decoder's messages stay those of src. ok is
// false when the file is not in that plain form (a scan that stopped early,
// a quoted key in a header, a figure sub-table before any [[figure]]); the
// caller then decodes the file whole. A file whose head still defines
// "figure" (figure = [...], say) must be decoded whole too.
func figureSections(src []byte, g *tomlGuard) (head []byte, secs []section, ok bool) {
	if g.stopAt >= 0 || g.msg != "" || g.quoted {
		return nil, nil, false
	}
	in := false // the current header is in a figure section
	for _, h := range g.headers {
		switch h.kind {
		case otherTable:
			if in {
				secs[len(secs)-1].end = h.at
				in = false
			}
		case figureArray:
			if in {
				secs[len(secs)-1].end = h.at
			}
			secs = append(secs, section{start: h.at, end: len(src), line: h.line})
			in = true
		case figureSub:
			if !in {
				return nil, nil, false // [figure.x] or [figure] outside a [[figure]]
			}
		}
	}
	head = make([]byte, len(src))
	copy(head, src)
	for _, c := range secs {
		for i := c.start; i < c.end; i++ {
			if head[i] != '\n' {
				head[i] = ' '
			}
		}
	}
	return head, secs, true
}

// lightAfter is how many figures a file may have before its figures are
// kept light between checking and rendering: past it, a figure keeps its
// id, title and style, and its section is decoded again when it is drawn
// (about a tenth of a figure's time), so that memory holds only the
// figures in flight.
const lightAfter = 64

// sectionSource is one [[figure]] section of a file, with what decoding
// it needs.
type sectionSource struct {
	text            string // the section: a part of the file's text
	line, index     int    // its first line; the figure's index in the file
	base            *Style
	fonts           *fontCache
	file, dir, root string
}

// table decodes the section's TOML; false, with the decoder's error in e
// or none if the section is not one [[figure]] table.
func (s *sectionSource) table(e *errs) (map[string]any, bool) {
	var one map[string]any
	if !decodeTOML(s.text, s.line-1, &one, e) {
		return nil, false
	}
	tables, _ := asTables(one["figure"])
	if len(one) != 1 || len(tables) != 1 {
		return nil, false
	}
	return tables[0], true
}

// figure decodes the section again, as it was when the file was checked.
func (s *sectionSource) figure() (*Figure, error) {
	e := &errs{file: s.file, dir: s.dir, root: s.root}
	m, ok := s.table(e)
	if !ok {
		e.add("", "figure[%d] no longer reads as it did", s.index)
		return nil, e.err()
	}
	fig, ok := decodeFigure(m, s.index, *s.base, s.fonts, e)
	if !ok {
		return nil, e.err()
	}
	return fig, nil
}

// light returns the figure as kept between checking and rendering: what
// selecting, naming, sizing and listing it needs, and where to decode the
// rest. A figure of 10,000 keeps about 300 bytes here.
func (f *Figure) light(sec *sectionSource) *Figure {
	// Strings the decoder made point into its copy of the section: the
	// clones let that copy go.
	formats := sec.base.Formats // most figures share the file's
	if !slices.Equal(formats, f.Style.Formats) {
		formats = cloneStrings(f.Style.Formats)
	}
	return &Figure{ID: strings.Clone(f.ID), Type: strings.Clone(f.Type), Title: strings.Clone(f.Title),
		RenditionOf: strings.Clone(f.RenditionOf), Media: f.Media, Density: f.Density, file: f.file, inputs: f.Inputs(), csv: f.csv, sec: sec,
		lite: &lightFacts{width: f.Style.Width, height: f.Style.Height, scale: f.Style.Scale, formats: formats, dark: f.Style.Theme == "dark"}}
}

// lightFacts are what a light figure keeps of its style: its size, for
// the pixels in flight, and its formats.
type lightFacts struct {
	width, height float64
	scale         int
	formats       []string
	dark          bool
}

// Theme is the figure's colour theme, "light" or "dark", for a light
// figure too.
func (f *Figure) Theme() string {
	if f.lite != nil {
		if f.lite.dark {
			return "dark"
		}
		return "light"
	}
	return f.Style.Theme
}

// cloneStrings returns a copy of ss whose strings are copies too.
func cloneStrings(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.Clone(s)
	}
	return out
}

func (l *lightFacts) size() (w, h float64, scale int) {
	if l == nil {
		return 0, 0, 1
	}
	return l.width, l.height, l.scale
}
