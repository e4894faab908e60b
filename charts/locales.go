package charts

import "strconv"

// locale is one language: how it writes numbers, and every word that
// presschart draws on a figure or writes into its alt text. Each locale
// is a file of its own (locale_de.go) and one entry in locales;
// TestLocaleTable fails until every field is filled, every kind has a
// noun, and README and doc.go name the locale.
type locale struct {
	// Numbers.
	group    string // thousands separator
	decimal  string
	percent  string // between the number and "%": "" or a no-break space
	group4   bool   // whether four-digit numbers are grouped (1,000 / 1000)
	thousand string // compact suffixes
	million  string
	billion  string
	trillion string
	points   string // percentage points, after a change in a rate: "pp"
	to       string // between a range's ends with range_format = "to": "−0.6% to 1.4%"

	months   [12]string // short month names, for date axes and labels
	quarters [4]string  // quarters on date axes and labels: "Q1" (then the year)
	dayDot   bool       // a day before its month takes a point: "27. Jan." (German)
	week     string     // an ISO week: week, year ("Week 5, 2025")

	// Words drawn on a figure.
	logScale  string // the note on a logarithmic scale
	rolling   string // the note on a rolling average: its length
	oneSquare string // a waffle's key: "One square =" (then "100")
	before    string // a dumbbell's ends when series does not name them
	after     string
	net       string    // a mixed-sign stack's marker in its key: "Net"
	other     string    // the row top = N adds the rest into: "Other"
	quotes    [4]string // smart typography's quotes: open, close, and within a quote

	// Words of the HTML snippet.
	dataLink string // the link to source_url under an embedded figure: "Data source"

	// The alt text. Verbs are fmt's, with explicit argument indices so
	// that a language can reorder them.
	nouns       map[string]string // each kind's name: "Column chart"
	change      string            // two columns: value, label, value, label
	highlighted string            // the highlighted labels, joined
	annotated   string            // the annotations' texts, joined
	of          string            // parts: the whole ("Of 18,000")
	more        string            // rows not listed: their count
	estimates   string            // a range: label, low, high
	fromTo      string            // a dumbbell row: label, from, first end, to, second end
	valueAt     string            // a line's value at an x: value, x
	highest     string            // a line's peak: value, x
	gaps        string            // a line's missing values: how many, of how many rows
}

// locales is every locale, by the name used in locale = "...".
var locales = map[string]*locale{
	"en": &localeEN,
	"de": &localeDE,
	"fr": &localeFR,
	"es": &localeES,
	"it": &localeIT,
	"pl": &localePL,
	"uk": &localeUK,
	"ru": &localeRU,
	"nl": &localeNL,
}

// dayOf writes a day of the month as it stands before the month's name.
func (l *locale) dayOf(d int) string {
	if l.dayDot {
		return strconv.Itoa(d) + "."
	}
	return strconv.Itoa(d)
}
