package charts

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// locale is one language: how it writes numbers, and every word that
// presschart draws on a figure or writes into its alt text. Each locale
// is a file of its own (locale_de.go) and one entry in locales;
// TestLocaleTable fails until every field is filled, every kind has a
// noun, and README and doc.go name the locale.
type locale struct {
	rtl    bool   // the language is written right to left: figures are mirrored
	script string // the script it is written in, a key of scripts: the fonts its words need

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
	// Dates with a year, as fmt patterns: a month or a quarter and the
	// year ("Jan 2025", "2025年1月"), and a day and a month, written by
	// dayOf, ("7 Sep", "9月7日"), to which monthYear adds a year.
	monthYear, quarterYear, dayMonth string

	stop string // the full stop that ends a sentence of the alt text: ".", "。", "।", "۔"

	// Words drawn on a figure.
	logScale  string // the note on a logarithmic scale
	ownScales string // the note on small multiples with free axes: each panel its own scale
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
	pointCount  string            // a scatter's number of points
	valueCount  string            // a histogram's number of values
	mostIn      string            // a histogram's fullest bin: its range, its count
	majority    string            // a parliament's majority: "326 for a majority"
	seatsWord   string            // under a parliament's total: "seats"
	noData      string            // a map's key for regions without a value
	mapMarked   string            // a locator's places, for the alt text: "Marked: %s."
	mapHighest  string            // a choropleth's highest regions, for the alt text: "Highest: %s."
	mapLowest   string            // and its lowest: "Lowest: %s."
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
	"sv": &localeSV,
	"pt": &localePT,
	"tr": &localeTR,
	"ar": &localeAR,
	"he": &localeHE,
	"fa": &localeFA,
	"ur": &localeUR,
	"hi": &localeHI,
	"ne": &localeNE,
	"zh": &localeZH,
	"ja": &localeJA,
	"ko": &localeKO,
}

// scripts are the scripts locales are written in, with what a figure in
// one needs: whether the embedded Inter draws it, and a font to name
// where it does not, for the message that asks for one.
var scripts = map[string]struct {
	name  string
	inter bool   // Inter has its letters
	font  string // a free font that has them
}{
	"latn": {"Latin", true, ""},
	"cyrl": {"Cyrillic", true, ""},
	"arab": {"Arabic", false, "Noto Sans Arabic"},
	"hebr": {"Hebrew", false, "Noto Sans Hebrew"},
	"deva": {"Devanagari", false, "Noto Sans Devanagari"},
	"hans": {"Chinese", false, "Noto Sans CJK SC"},
	"jpan": {"Japanese", false, "Noto Sans CJK JP"},
	"kore": {"Korean", false, "Noto Sans CJK KR"},
}

// sentence ends s with the locale's full stop, in place of the one it
// has ("…減少した。" stays so, not "…減少した。.").
func (l *locale) sentence(s string) string {
	return strings.TrimRight(s, ".。।۔") + l.stop
}

// monthOf writes a month of a year: "Jan 2025", "2025年1月".
func (l *locale) monthOf(m time.Month, year int) string {
	return fmt.Sprintf(l.monthYear, l.months[m-1], year)
}

// quarterOf writes a quarter (1–4) of a year: "Q1 2025", "2025年一季度".
func (l *locale) quarterOf(q, year int) string {
	return fmt.Sprintf(l.quarterYear, l.quarters[q-1], year)
}

// dayMonthOf writes a day of a month: "7 Sep", "7. Sep.", "9月7日".
func (l *locale) dayMonthOf(d int, m time.Month) string {
	return fmt.Sprintf(l.dayMonth, l.dayOf(d), l.months[m-1])
}

// dayOf writes a day of the month as it stands before the month's name.
func (l *locale) dayOf(d int) string {
	if l.dayDot {
		return strconv.Itoa(d) + "."
	}
	return strconv.Itoa(d)
}
