package charts

import (
	"fmt"
	"strings"
)

// validateValues checks the rows of a one-value-per-row chart (column, bar).
func validateValues(f *Figure, e *errs) {
	checkLabels(f, e)
}

// checkLabels reports duplicate or empty labels, and highlights that name
// no row: a typo there would silently publish a chart without its accent.
func checkLabels(f *Figure, e *errs) {
	seen := checkRowLabels(f, e)
	for i, h := range f.Highlight {
		if _, ok := seen[h]; !ok && h != f.Rest {
			msg := fmt.Sprintf("%q is not the label of any row", h)
			if m := f.mergedRow(h); m != "" {
				msg = m
			} else if n := nearest(h, labels(f)); n != "" {
				msg += fmt.Sprintf("; did you mean %q?", n)
			}
			e.add(fmt.Sprintf("highlight[%d]", i), "%s", msg)
		}
	}
}

// checkRowLabels reports empty and duplicate row labels; it returns the
// row of each label.
func checkRowLabels(f *Figure, e *errs) map[string]int {
	seen := map[string]int{}
	for i, d := range f.Data {
		if d.Label == "" {
			e.add(f.rowKey(i)+".label", "is empty; every row needs a label")
			continue
		}
		if j, dup := seen[d.Label]; dup {
			e.add(f.rowKey(i)+".label", "%q is also the label of %s; labels must be unique", clip(d.Label), f.rowKey(j))
		}
		seen[d.Label] = i
	}
	return seen
}

func labels(f *Figure) []string {
	out := make([]string, len(f.Data))
	for i, d := range f.Data {
		out[i] = d.Label
	}
	return out
}

// maxAltRows is how many rows the generated alt text lists.
const maxAltRows = 20

// describeValues lists the rows: "2023–2024: 1,000; Oct 2025: 1". Two rows
// read as a change: "from 1,000 (2023–2024) to 1 (Oct 2025)".
func describeValues(f *Figure, nf numberFormat) string {
	d := f.Data
	if len(d) == 2 && f.kind.change {
		return fmt.Sprintf(nf.loc.change, d[0].Format.apply(nf).number(d[0].Value), d[0].Label, d[1].Format.apply(nf).number(d[1].Value), d[1].Label)
	}
	parts := make([]string, 0, min(len(d), maxAltRows))
	for _, r := range d[:min(len(d), maxAltRows)] {
		parts = append(parts, r.Label+": "+r.Format.apply(nf).number(r.Value))
	}
	s := strings.Join(parts, "; ")
	if len(d) > maxAltRows {
		s += "; " + localDigits(fmt.Sprintf(nf.loc.more, len(d)-maxAltRows), nf.digits)
	}
	return s + "."
}

// AltText returns the figure's alt text: alt when given, else a sentence
// made from the title, subtitle and data with the labels' number format.
func (f *Figure) AltText() string {
	if f.figureBody != nil && f.Alt != "" {
		return f.Alt
	}
	f, err := f.loaded()
	if err != nil {
		return ""
	}
	nf := f.numberFormat()
	parts := []string{nf.loc.sentence(nf.loc.nouns[f.kind.name] + ": " + f.Title)}
	if f.Subtitle != "" {
		parts = append(parts, nf.loc.sentence(f.Subtitle))
	}
	if f.faceted() {
		parts = append(parts, describeFacets(f, nf))
	} else {
		parts = append(parts, f.kind.describe(f, nf))
	}
	if f.Style.Log {
		parts = append(parts, f.logNote())
	}
	if f.faceted() && f.Axes == "free" {
		parts = append(parts, locales[f.Style.Locale].ownScales)
	}
	if r := f.rollingNote(); r != "" {
		parts = append(parts, r)
	}
	if a := f.describeAnnotations(); a != "" {
		parts = append(parts, a)
	}
	// Parts and cards name their highlighted rows already; for axis
	// charts the emphasis is said in words.
	if len(f.Highlight) > 0 && f.kind.sayHighlight {
		parts = append(parts, fmt.Sprintf(nf.loc.highlighted, strings.Join(f.Highlight, ", ")))
	}
	return strings.Join(parts, " ")
}

// describeChanges says each row's change: "Nepal: from 1,000 (2024) to 1
// (2025)".
func describeChanges(f *Figure, nf numberFormat) string {
	a, b := f.ends()
	parts := make([]string, 0, min(len(f.Data), maxAltRows))
	for _, d := range f.Data[:min(len(f.Data), maxAltRows)] {
		parts = append(parts, fmt.Sprintf(nf.loc.fromTo, d.Label, nf.number(d.From), a, nf.number(d.To), b))
	}
	s := strings.Join(parts, "; ")
	if len(f.Data) > maxAltRows {
		s += "; " + localDigits(fmt.Sprintf(nf.loc.more, len(f.Data)-maxAltRows), nf.digits)
	}
	return s + "."
}
