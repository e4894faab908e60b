// Package charts turns a newsroom's figures, written in TOML, into
// publication-ready PNG and SVG charts. This comment is the manual of the
// file format.
//
// # A file
//
// A file has an optional [style] table, which applies to every figure,
// and one or more [[figure]] tables:
//
//	[style]
//	size    = "article"                # or width = 640 and height = 400
//	scale   = 2                        # PNG pixel density: 640x400 -> 1280x800 px
//	formats = ["png", "svg"]
//	locale  = "en"
//	source  = "Source: Brig. Gen. Dmytro Usov, via The Defense Post"
//	credit  = "Graphic: presschart"
//	accent  = "#c8102e"
//
//	[[figure]]
//	id        = "nepal-drop"           # names the files: nepal-drop.png, .svg, .html
//	type      = "column"
//	title     = "Recruits from Nepal fell from 1,000 to one"
//	subtitle  = "Mercenaries from Nepal fighting for Russia"
//	note      = "A note under the chart."   # "\n" breaks it; lines that start
//	                                         # with *, **, †, ¹ or 1) hang as footnotes
//	highlight = ["Oct 2025"]           # rows drawn in the accent colour
//	data = [
//	  { label = "2023–2024", value = 1000 },
//	  { label = "Oct 2025",  value = 1 },
//	]
//
// Keys are case-sensitive and checked: an unknown key is an error that
// names the nearest known one, and so is a value of the wrong type.
//
// # Figure keys
//
//	id         required; lowercase letters, digits and single dashes
//	           ([a-z0-9]+(-[a-z0-9]+)*), unique in the file, at most 100
//	           characters; it is the output file name
//	type       required; column, bar, range, waffle, stack, donut, number,
//	           dumbbell, arrow, slope, line, area, grouped-column,
//	           grouped-bar, stacked-column, stacked-bar, waterfall,
//	           pyramid, table, scatter, histogram, dot, heatmap,
//	           parliament, column-line, beeswarm or timeline (below)
//	title      required; bold, wraps to the width of the figure
//	subtitle   optional line(s) under the title
//	note       optional text under the chart
//	alt        alt text; when absent it is written from the data (see Alt text)
//	highlight  labels of rows (or parts) drawn in the accent colour
//	data       the rows: an array of tables, each with a label and the
//	           numbers its type asks for; at most 10,000 rows. Or the path
//	           of a CSV file, relative to the TOML file (below)
//	columns    with a CSV file: which column holds each field
//	delimiter  with a CSV file: its field separator, when it is not to be
//	           found in the file ("," ";" "\t" or "tab", "|")
//	data_locale with a CSV file: the locale its numbers are written in
//	           ("de": 1.234,5), when its cells do not show it
//
// Every style key below may also be set in a figure, where it overrides
// [style] for that figure alone.
//
// # Style keys
//
//	size         "mobile" 360x480, "article" 640x400, "wide" 960x540,
//	             "social" 1200x675, "square" 1080x1080, "story" 1080x1920
//	             (CSS pixels). A mobile, article or wide figure takes the
//	             height its content needs: about its height for a plot
//	             that fills it (lines, columns), less where the content
//	             is shorter (bars, ranges, cards and parts leave no empty
//	             band), more where it needs more; mobile is laid out
//	             for a phone's column, with an article's type, not a
//	             scaled-down article; social, square and story are
//	             frames: their height is kept, the plot centred in it, and
//	             their type set for the phone they are seen on (a story's
//	             at three times an article's)
//	width        16 to 8000 CSS pixels (default 640); overrides size
//	height       16 to 8000 CSS pixels (default 400); overrides size, and
//	             is kept as a frame's is. "auto": the height the content
//	             needs, even for a frame size
//	scale        1 to 4: PNG pixels per CSS pixel (default 2); at most 40
//	             megapixels per PNG. Or "log" (or "linear", the default)
//	             for the value axis of column, bar and range charts: ticks
//	             at powers of ten (and 2 and 5 times them over fewer than
//	             three decades); values must be above zero; the note, alt
//	             text and caption start "Logarithmic scale."
//	formats      any of "png", "svg", "html", "inline" (default the first
//	             three); html, the <picture> snippet, needs png or svg
//	             beside it; inline is the snippet with the SVGs inside it
//	embed        the breakpoints the HTML snippet switches between by the
//	             page's width: any of "mobile", "article", "wide", besides
//	             the figure's own size, e.g. ["mobile", "article"]. Each is
//	             also written as a rendition (<id>-mobile.png) at pixel
//	             densities 1x and 2x, and 3x for mobile (<id>-mobile-3x.png);
//	             a breakpoint serves pages narrower than three quarters of
//	             the next one's width ("(max-width: 479px)" below an
//	             article). Default none: the snippet shows the figure alone
//	embed_dark   true or false (default): with embed, each breakpoint is
//	             also drawn in the other theme, which the snippet shows
//	             when the reader's system is in that colour scheme
//	             (prefers-color-scheme). Set it where the site follows
//	             the reader's dark mode: a site that stays white would
//	             show dark charts on a white page
//	locale       en, de, fr, es, it, pl, uk, ru, nl, pt, sv, tr, ar, he, fa, ur, hi, ne, zh, ja, ko:
//	             number formatting, month names and the alt text's words
//	             (default en). Arabic,
//	             Hebrew, Persian and Urdu figures run right to left;
//	             locales in other scripts than Latin and Cyrillic need a
//	             font that has it (see font), since Inter has not
//	direction    "rtl" or "ltr": a right-to-left figure is the mirror of
//	             a left-to-right one: title, notes and source
//	             right-aligned, value axis on the right, bars growing
//	             leftwards, time running right to left, labels on the
//	             other side of their marks, and every text's paragraph
//	             running from the right (a final full stop at its left).
//	             Default: the locale's (rtl for ar, he, fa, ur)
//	digits       the digits of numbers, dates and the alt text's counts:
//	             "latn" 0123456789 (default); "arab" Arabic-Indic
//	             ٠١٢٣٤٥٦٧٨٩ with ٬ ٫ and ٪; "arabext" Persian and Urdu
//	             ۰۱۲۳۴۵۶۷۸۹ with ٬ ٫ and ٪; "deva" Devanagari ०१२३४५६७८९.
//	             The font must have them (Inter has only 0–9)
//	source       the source line, e.g. "Source: ..."
//	credit       the credit line, e.g. "Graphic: ..."
//	byline       "By Jane Doe": written before the credit, "By Jane Doe ·
//	             Graphic: ..."
//	source_url   the source's web page, https:// or http://: a link in
//	             the HTML snippet; in the SVG a data-link attribute of the
//	             source's group, not a live link (an embedded SVG makes no
//	             request and leads nowhere; check-figures refuses links)
//	accent       the highlight colour, "#rrggbb" or "#rgb" (default #c8102e)
//	colors       the palette, in order (default: a colour-blind-safe set
//	             starting with #1f5a96); or colours by name, for rows,
//	             parts and series: colors = { "AfD" = "#009ee0" }. A
//	             name wins over highlight; in a figure's own table every
//	             name must be one of its rows, parts or series; --check
//	             warns of one the background all but hides (mark-faint)
//	             and of two that readers with deuteranopia or protanopia
//	             cannot tell apart (colors-confusable)
//	negative     the colour of negative bars and columns, e.g. "#b2182b"
//	dark         the colours of dark renditions, over the ones above: a
//	             table of accent, colors (a palette, or colours by name),
//	             negative and logo, e.g. dark = { colors = { "CDU/CSU" =
//	             "#b4b4b4" } } for a party drawn black on a light page, or
//	             dark = { logo = "logo-white.png" }
//	typography   "smart" (default) or "off". Smart sets the prose (title,
//	             subtitle, note, alt, source, credit, annotation texts,
//	             unit_label, center) as a sub-editor would: "quotes" curly
//	             in the locale's style (“ ” in English, „ “ in German,
//	             « » in French, Ukrainian and Russian), it's with ’,
//	             2023-2024 with an en dash (not a date like 2024-07-01),
//	             ... as …, and a no-break space between a number and its
//	             unit (5 %, 12 km); only with characters the fonts have.
//	             Labels and series stay as written: rows are named by them
//	theme        "light" (default) or "dark"
//	background   "transparent" or a colour; default: the theme's
//	font         path of a .ttf or .otf file for regular text, relative to
//	             the TOML file and inside its folder (see Files named in a
//	             TOML file; default: the embedded Inter); at most 64 MiB;
//	             WOFF, WOFF2 and collections (.ttc) are refused by name.
//	             Or a list of up to 8, tried in order for each character,
//	             "Inter" naming the embedded face: font = ["Inter",
//	             "NotoSansArabic-Regular.ttf"] draws Latin in Inter and
//	             Arabic in Noto. One of the list must have digits
//	font_bold    the same for bold text (titles, values)
//	embed_fonts  true embeds in the SVG, as base64 @font-face, a TrueType
//	             subset of each face with just the characters the figure
//	             uses (with their kerning), so it looks the same where the
//	             font is not installed; a few KB per face. A font of a list
//	             that draws text needing the shaper (Arabic, Hebrew with
//	             points, Devanagari) is embedded whole, since its joining
//	             forms and mark positions live in tables the subset does not
//	             carry. The fonts go by a generated family name (pc- and a
//	             hash), never by the name inside the font file
//	logo         path of a PNG, JPEG or SVG logo, relative to the TOML
//	             file and inside its folder (at most 4 MiB, 16 megapixels,
//	             12:1 either way), drawn at the footer's right, its bottom
//	             on the last line, at most a third of the width; source
//	             and credit wrap short of it. The SVG output embeds the
//	             file as a data URI, the PNG resamples it. An SVG logo
//	             may hold the shapes logos are made of (path, rect,
//	             circle, ellipse, line, polygon, polyline, in groups with
//	             transforms, in flat fill and stroke colours with
//	             opacity); text, images, gradients, CSS, links and
//	             scripts are refused by name: outline the text, or
//	             export the logo as a PNG
//	logo_height  the logo's height, 8 to 120 CSS pixels at 640 wide
//	             (default 20)
//	decimals     0 to 6 decimals for every number; default: as the value
//	             needs, at most 2
//	tick_decimals 0 to 6 decimals for the value axis's ticks (2.0%, 3.0%),
//	             apart from decimals, but never fewer than the step needs
//	             (0.5 steps keep one); default: as each step needs
//	prefix       written before every number, e.g. "$"
//	suffix       written after every number, e.g. "%" or " km"
//	compact      true (or "short") writes 135K, 1.2M (per locale: 135 Tsd.,
//	             135 тис.); "gb", English only, British newsroom style:
//	             5k, 410m, 1.2bn, 3trn. Value-axis ticks turn compact by
//	             themselves when they would crowd or reach eight digits
//	renditions   more versions of each figure, each a size, a theme or
//	             both, and a pixel density last if wanted: ["social",
//	             "dark", "square-dark", "mobile-3x"] writes <id>-social.*,
//	             <id>-dark.*, <id>-square-dark.* and <id>-mobile-3x.*
//	             besides <id>.*; a rendition equal to the figure itself is
//	             skipped
//
// # Data from a CSV file
//
//	data    = "data/nepal.csv"
//	columns = { label = "period", value = "mercenaries" }
//
// The types whose rows hold values = [...], one per series (line, area,
// grouped and stacked bars and columns), read a wide
// table, a column per series, or a long one, a column naming each row's
// series and one holding its value, which is pivoted:
//
//	columns = { x = "month", series = ["Germany", "France"] }    wide: these columns
//	columns = { x = "month", series = "*" }                      wide: every other column
//	columns = { x = "date", series = "country", value = "rate" } long
//
// (label for x where rows have labels; dumbbell and slope map their
// fields as the other row types do: columns = { label, from, to }).
// Without columns, the rows' column is the one named x (or label), or the
// first, and the series are every other column; the series take the
// columns' names, which must differ and not be empty (a figure's series,
// if given, must be the same; a long table's series come in the order
// they first appear, and series may list the same names in another
// order), at most 24. A long table's rows are put in the order of their
// x, and it needs one value for each x and series, except on a line
// chart, which leaves a gap where it has none. x cells follow the numbers' rules (data_locale),
// and a month may also be written as spreadsheets write it: Jan 2025,
// January 2025, 01/2025, 2025/01, or with the data locale's (else the
// figure's) month names, März 2025. An x cell that is a whole number is read as TOML reads one (a
// year, among years), a number as a number, other text as a date. The
// file's name ends in .csv, .tsv or .txt, it is inside the TOML file's folder (see
// below) and it has at most 16 MiB. It has a header
// row; each further row is a datum. Its fields are separated by commas,
// semicolons, tabs or bars, as spreadsheets export them: the separator is
// the one that splits the header into the most fields and the next row
// into as many, outside quotes (a .tsv file is tab-separated), or the one
// delimiter names. A byte-order mark, CRLF line ends and quoted fields
// are read as spreadsheets write them. columns maps the
// type's fields (label, value; label, low, high for range; a number
// card also takes previous and compare, optional, from columns of those
// names or named by columns, an empty cell comparing with nothing) to
// header names;
// a field left out takes the column of its own name, matched exactly, then
// regardless of case. Cells are trimmed, and numbers are read as people
// write them: with thousands separators (1,234.5; 1.234,5; 1 234,5 with a
// space, no-break or narrow no-break space; 1'234.5), a minus sign (-3.2
// or −3.2), accounting negatives ((1,200)), the figure's prefix and
// suffix ($1.2, 3 km; a trailing % only when the suffix is "%"), or in
// exponent form (1e5); a cell of two signs ((-5)) is refused. Which of
// comma and point is the decimal separator is what data_locale's locale
// writes or, without it, what the file's number cells show (a separator
// followed by other than three digits, one that appears twice, both in
// one cell), when they agree and are not outnumbered by cells that could
// be read either way; such a cell, with nothing to tell, is an error
// that gives both readings:
//
//	nepal.csv:3:9: column "count": "1,234" could be 1234 ("," separating
//	thousands) or 1.234 ("," as the decimal separator); set data_locale =
//	"en" for the first or "de" for the second
//
// An empty cell, NA, N/A, n/a, na, #N/A, –, —, .. and … mark missing
// values. A line chart leaves a gap there (see line); the other types
// cannot draw one, and an error asks for a number or to leave the row
// out. A row with more
// or fewer fields than the header, an empty or non-numeric cell and a
// missing column are errors with the CSV line and column:
//
//	data.toml:12:1: figure "nepal": data: nepal.csv:3:6: column "count": "abc" is not a number
//
// A file reports at most 10 such problems and counts the rest; a message
// quotes at most 40 characters of a cell or a column name. A quoting error
// ends the reading of the file. The rows are read when the figure is
// checked and again when it is rendered, so that a large batch holds only
// the figures in flight; figures that read one file alike share its rows,
// and a file whose bytes changed in between fails its figure.
//
// # Data from a spreadsheet
//
//	data  = "budget.xlsx"
//	sheet = "2025"     the sheet's name; the first sheet without it
//	range = "A3:D20"   the table's cells; the whole sheet without it
//
// An .xlsx workbook (at most 16 MiB, unpacking to at most 32 MiB) is read
// as a CSV file is, with columns as there: the first row of the range
// that is not blank is the header, blank rows are skipped, and the
// header's cells must not be merged. A cell is read as it is stored, not
// as it is displayed: a number to its full precision (4.97 shown as
// "5.0" is 4.97), a cell formatted as a percentage as one (0.0497 is
// 4.97%, which needs suffix = "%"), a date cell as a date (to the day,
// or to the month or year when every date of the sheet falls on the
// first of one), a formula as the value the spreadsheet saved with it.
// Text cells that hold numbers are read in data_locale (English without
// it). Messages name cells: budget.xlsx:C5, or budget.xlsx:row 5.
// delimiter does not apply; sheet and range apply to workbooks only.
//
// # Files named in a TOML file
//
// CSV files, workbooks, fonts and logos are named by paths relative to the TOML file, and
// must lie inside its folder, or inside the folder that --root names (a
// TOML file read from standard input starts in the current folder). An
// absolute path, a path that climbs out through "..", and a symbolic link
// that leads outside are errors, so a TOML file from elsewhere cannot make
// presschart read, or echo into a message, a file it was not given.
//
// # Chart types
//
// column: vertical bars from a zero baseline; rows { label, value }. The
// value sits inside the top of the bar when it fits, in white or
// near-black by contrast, else above the bar (below it when negative);
// the label goes under it, wrapped at whole words to its column. Labels
// that do not fit are never cut nor dropped: a sequence (years, quarters,
// "Jan 2024") is labelled every second, third... row; other labels stand
// on two staggered rows, joined to their columns by leaders; only when
// even that fails are they turned to read upwards. A non-zero value is
// never drawn shorter than 2 px, so 1 beside 1,000 is seen.
//
// Value axes: bars, columns and areas start at zero, as their length is
// the value; lines, ranges, dumbbells and slopes fit their data (taking in
// zero only when the data come within a quarter of it), so a change is
// not flattened. Of the tick steps the space allows, the axis takes the
// one that leaves least empty room above the data; a log axis ends at 1,
// 2 or 5 times a power of ten.
//
// bar: horizontal bars; rows { label, value }; at most 300 rows. Labels on
// the left wrap between words and are never cut (on a plot as narrow as
// a phone's they may stand above their bars instead). The value sits
// inside the end of the bar when it fits there, in white or near-black,
// whichever has the higher contrast with the bar, else just past its end.
// A figure with more rows than its height holds grows taller.
//
// range: one low–high interval per row, for estimates; rows
// { label, low, high } with low <= high (equal for a single value); at
// most 200 rows. Each row shows its label, a band with a dot at each end,
// and "10,000–30,000". range_format sets how the ends are written:
// "dash" (the default, each end in full: £410m–£430m), "short" (the
// prefix before the first end and the suffix after the second only:
// £410m–430m, 10–30%) or "to" (the locale's word: −0.6% to 1.4%).
//
// waffle: the whole as a grid of up to 1,000 squares; rows { label, value }
// are the parts, above zero; at most 12 parts. Keys:
//
//	total       the whole; without it the whole is the sum of the parts
//	rest        label of the part that completes the total, e.g. "Not killed";
//	            it is drawn in the theme's neutral grey
//	unit        what one square stands for; default a round number giving
//	            at most 200 squares (18,000 -> 100)
//	unit_label  what is counted, for the key: "One square = 100 mercenaries"
//
// Squares are shared among the parts by the largest remainder and counted
// in tens, as a reader counts them: ten to a column (or a row, whichever
// gives bigger squares), so 100 is 10 x 10 and 180 is 18 columns of ten.
// A part too small to round to a square is drawn as the share of one
// square it is, after the others, never as a whole square.
//
// stack: one 100% bar split into the parts, with "3,400 (19%)" labels;
// rows { label, value } above zero, at most 12 parts; total and rest as for
// waffle. A label that would touch its neighbour moves below the bar.
//
// donut: the parts as a ring from 12 o'clock, clockwise, with a real hole
// (nothing is painted in it, so it suits any background) and the parts
// listed beside it (under it on a narrow figure); rows { label, value },
// total and rest as for waffle; at most 6 parts with the rest. Key:
//
//	center      the text in the hole, e.g. "19% killed"; default: the share
//	            of the first highlighted part (or the first part) over its
//	            label
//
// number: big-number cards, side by side, wrapping on a narrow figure;
// rows { value, label } with optional previous (an earlier value) and
// compare (when it was, "in 2024"), which add "▲ 50% · 12,000 in 2024";
// at most 12 cards. Highlighted cards take the accent colour. A rate (a
// figure with suffix = "%") changes in percentage points ("▲ 1.6 pp ·
// 2% in September"); a change from zero or below, or across zero, shows
// no percentage ("▲ · −0.8% a year ago"). change sets the form:
// "percent" (▲ 50%), "points" (▲ 1.6 pp; rates only), "absolute" (▲
// 6,000, in the figure's format; a rate's in points) or "none" (false
// too: "1,000 in 2024"). A number too wide for its card even at the
// least size is written compactly, unless its row says compact = false. A card's row
// may set its own decimals, prefix, suffix and compact, for cards of
// different units side by side:
//
//	data = [
//	  { label = "of track", value = 2.5, suffix = " km", decimals = 1 },
//	  { label = "cost", value = 1.2e9, prefix = "$", compact = "gb" },
//	]
//
// dumbbell: per row two dots, before and after, joined by a line; rows
// { label, from, to }; at most 200 rows. series = ["2024", "2025"] names
// the two ends in a key above the plot (without it there is no key). The
// first end is grey, the second the series colour (the accent when
// highlighted); each value is written outside its dot. scale = "log"
// applies.
//
// dot: a dot plot, for three or more values per row; rows { label,
// values = [...] } with series naming the dots (required), a key above
// the plot. Each row's dots sit on one value axis (not from zero),
// joined by a faint line from the least to the greatest, whose values
// are written outside them. highlight names a series: its dots take the
// accent and are drawn on top, the others keep their colours (each dot
// is told apart by colour alone). sort = "value" orders rows by their
// greatest value. scale = "log" applies. At most 200 rows.
//
// arrow: the dumbbell's sibling for change, where the direction is the
// story; the same rows and keys. Each row is an arrow from its first
// value (a small grey dot) to its second (the tip of the head), in the
// series colour or the accent; a change shorter than the head is the
// head alone, and a row that did not change is a dot.
//
// slope: per row a line from one point in time to another, labelled on
// both sides ("Nepal  1,000" left, "1  Nepal" right), the labels moved
// apart so they never touch; rows { label, from, to }, series naming the
// two points in time over the axes; at most 40 rows. With a highlight,
// the other rows turn grey. scale = "log" applies.
//
// line: time series; rows { x, values } where x is a date ("2023",
// "2023-01", "2023-01-15", a quarter "2023-Q1" or "Q1 2023", an ISO week
// "2023-W05", a TOML date such as 2023-01-15, or a whole number from
// 1000 to 2999, read as a year) or any number, the rows in
// ascending order of x. An x column is dates or numbers as a whole:
// whole numbers from 1000 to 2999 are years beside other years and
// dates, and numbers beside other numbers (x running 995 to 1,299 is
// numbers), while a number beside a written date is an error;
// x_type = "number" or "date" reads every x as that kind instead (1990
// as a number; a number that is not a year is then an error). values
// holds one number per name in series (value = n will do for a single
// series). A value may be missing: "" or "NA" (or any mark of a missing
// CSV cell) in values, values = [410, "NA", 90]. The line breaks there,
// a value alone between two gaps is a dot, and a series needs at least
// one value; a note at an x where every line has a gap needs a y. Each
// line is labelled at its end with its name and last value, the labels
// moved apart so they never touch; no legend. A series that stops before
// the last row is led to its label by a dotted trail, and the label says
// when its value is from ("By air 140 (Q4 2023)"); the alt text counts
// each series' gaps. points = true marks every row. Dates are ticked by
// month (in steps of 1, 2, 3 or 6, the year on the first tick and each
// January), by quarter ("Q1 2024", "Q2"... in the locale's style: T1,
// I kw.) or by year, with the locale's month names; a row is written
// "Oct 2025", "Q1 2025" or "Week 5, 2025" in labels and the alt text. A
// number on x (an age) is written without the prefix and suffix.
// date_format writes the dates of a line or area chart another way, on
// the axis and in labels: tokens YYYY (2025), YY (25), MMM (Jan), MM
// (01), M (1), DD (05), D (5) and Q (Q1), anything else as it is, text
// in brackets literally ("[Week of] D MMM"; a token beside a letter is
// an error), so date_format = "MMM ’YY" writes Jan ’25; the axis ticks at the
// resolution the format writes (months, quarters or years), or by day
// or week over a span of weeks.
//
// rolling = 7 on a line or area chart draws each series as the average
// of its last 7 rows (a seven-day average of daily figures), from the
// 7th row on; the note and the alt text say so ("Average of the last 7
// values."), and the averages are written with the rows' own decimals
// (one more below 100); an average over a gap is a gap. The figure
// needs more rows than that. A highlight names
// series: those take the accent and the others turn grey. scale = "log"
// applies. At most 10,000 rows.
//
// area: rows as for line; one area, or several stacked on each other in
// the order of series, each labelled at its end. Values may not be
// negative.
//
// grouped-column, grouped-bar: several series per category, side by
// side; rows { label, values = [...] } with one value per name in series
// (required); a key of the series sits above the plot; values above (or
// after) each bar when they fit. At most 200 rows.
//
// stacked-column, stacked-bar: the same rows piled up in the order of
// series, absolute (not normalised to 100%): positive values from zero
// up (or right), negative ones down (or left); each value inside its
// segment when it fits (a series' values all, or none), the row's total
// beyond the pile. A pile with both signs has no total there: a net
// marker (a dark rule across it) stands at its net value, named "Net" in
// the key, in the figure's language.
//
// mode = "percent" makes them 100% stacked: each pile is its row's whole
// and each value is drawn and written as its share of it (68%), on an
// axis from 0 to 100% (ticks every 25 unless ticks says otherwise). The
// rows keep their own units (votes, terawatt-hours); shares are worked
// out after sort and top. A negative value or a row that adds up to 0 is
// an error; prefix, suffix and compact give way to the percent sign, and
// shares are written whole unless one is under 0.5% (then to one
// decimal) or decimals says otherwise; a row's shares are rounded to add
// up to exactly 100 (largest remainders), and a part above zero never
// reads 0. Each share is written inside its segment where it fits; the
// narrow ones are in the alt text. sort = "value" orders rows by the
// first series' share. mode = "absolute" is the default.
//
// waterfall: a running total, step by step; rows { label, value } in the
// order they add up (sort, top and reverse do not apply). The first row
// is the starting level, a column from zero; each row after it is a
// change, a column floating from the total so far to the new total
// (rises in the first palette colour, falls in the second or the
// figure's negative colour), written with its sign (+€4.1m, −€68.2m)
// above a rise and below a fall. A row { label, total = true } is a
// subtotal or the end: a grey column from zero to the total so far,
// written without a sign; its value may be left out (it is worked out)
// or given, and then it must match the rows before it to half its last
// digit (80 for 79.5 is a rounded total) or to the figure's decimals
// (80.0 with decimals = 1 is not 79.5), or the figure is refused naming
// both sums. Thin
// connectors carry each level to the next column. When the columns are
// too narrow for their values (a phone, many steps), the waterfall runs
// down the page as bars, each value past its bar's right end. At most 30
// rows; min, max and ticks hold every level the total reaches.
//
// pyramid: a population pyramid; rows { label, values = [left, right] }
// (age bands, in the order printed, oldest first), series naming the
// two halves (required), no value below zero. The labels stand in a
// central column; the first series' bars run left from it and the
// second's right, on one scale mirrored, with a mirrored axis below and
// the series' names over their halves in their colours; highlight
// names a series (that half in the accent, the other grey). Values are
// written at the bars' outer ends when there are at most 12 rows
// (labels = "none" leaves them out). Annotations at rows apply; the
// axis keys do not. At most 120 rows.
//
// scatter: a point per row on two value axes, neither forced to zero;
// rows { label, x, y } (at most 2,000), with size = N on every row for
// bubbles (area in proportion to size; a size key with size_title over
// it) and group = "Asia" on every row for a colour per group (a key;
// at most eight groups). x_title and y_title say what the axes measure
// (the y title over the axis, the x title under it at the right);
// x_format = { prefix = "$", decimals = 0 } gives x values their own
// format, y values take the figure's. Points are labelled when named in
// label = ["Nepal", "India"], highlighted (the accent; the others grey
// when there is no group), or among the extremes = N farthest from the
// middle of the cloud (from the trend line or the diagonal when one is
// drawn); at most 30. Each label goes at the first place clear of every
// point, label, leader and reference line, beside its point or further
// out with a leader (also when another point is as near as its own);
// one that finds no room is left to the alt text (and --check says so).
// Points get smaller when there are many (bubbles and dots alike), down
// to 2.5 px. trend = true draws the least-squares line
// over the points' x range, diagonal = true the line y = x (and makes
// both axes cover both ranges). The alt text gives the number of points
// and each labelled one with its values. Annotations at labelled rows
// apply; the value-axis keys do not.
//
// histogram: values counted into bins, a column per bin, the columns
// touching; rows { value } (a label may be given and is not drawn), one
// per observation, at most 10,000. bin = 5 makes every bin 5 wide
// (from a multiple of 5); bins = 10 asks for about ten, at a nice width;
// else Sturges' rule (log2 of the count, plus one) picks the number. A
// value on an edge counts in the bin above it; the last bin holds its
// upper edge. The x axis is labelled at the edges (every second or
// fifth when they crowd), the y axis counts from zero, and each count
// is written over its column when they fit. At most 100 bins. The alt
// text gives the count, the range and the fullest bin. highlight and
// annotations do not apply.
//
// heatmap: a grid of rows × columns, each cell coloured by its value;
// rows { label, values = [...] } with series naming the columns
// (required, at most 60). Sequential from pale to the first palette
// colour, or diverging around zero (the negative colour, or the
// palette's second, below) when the values have both signs; a key of
// seven steps above the grid gives the least and greatest values (and
// zero). Each value is written in its cell, in the text colour of higher
// contrast, when every value fits; "NA" or "" is an empty grey cell. The
// column headers stand over the cells: months in the locale's names,
// years or quarters that crowd show every second or third; other names
// that do not fit turn to read upwards. The alt text gives the number of
// cells and the least and greatest with their row and column.
// highlight and annotations do not apply; at most 100 rows.
//
// parliament: a chamber's seats as a hemicycle; rows { label, value }
// are parties and their seats (whole numbers, at most 1,000 in all), in
// the order they sit from left to right. Each seat is a dot in its
// party's colour (colors = { "Labour" = "#e4003b" } gives parties
// theirs; else the palette, the accent for a highlighted party), filled
// from the left in wedges across rows of arcs. A dashed line down the
// middle is labelled with the seats a majority needs (more than half,
// or majority = N for another threshold), the total stands in the
// middle, and the parties are listed under the arc with their seats.
// Annotations do not apply; at most 30 parties.
//
// column-line: daily figures as columns with a line over them, on one
// value axis from zero; rows { x, values } as a line chart's (dates or
// numbers, gaps allowed), date_format and x_type as there. The first
// series is drawn as columns in a lighter shade of its colour, the
// others as lines in the palette from its start (the columns' hue, full,
// for the first), each labelled at its end. With one series, average =
// 7 draws its rolling average of the last seven rows as the line, named
// in the figure's language ("Average of the last 7 values"), with a
// gap where its window holds one; the average is written with one
// decimal more than the rows below 100. A second series and average
// together are refused; one series without average is its columns alone.
//
// beeswarm: a dot per row along one value axis, each pushed up or down
// from the middle line (the nearest place first) until it overlaps no
// other; rows { value } or { label, value } (a label is needed only to
// highlight the row), at most 2,000. Dots shrink, down to 2 px, until
// the swarm fits the plot. Highlighted rows take the accent (the others
// grey) and are labelled clear of the swarm, with leaders where they had
// to go further out. The value-axis keys and reference lines apply. The
// alt text gives the count, the range and each highlighted row.
//
// timeline: events along a date axis; rows { x, label }, x the event's
// date as a line chart's rows write it ("2022-02-24", "2022-02",
// "2022"), label what happened; in any order (they are drawn by date;
// sort, top and reverse do not apply), at most 40. Each event is a dot
// on the axis, at its date, with its date in bold and its text wrapped
// in a lane above or below the axis, joined to the dot by a leader: each
// in the lane nearest the axis where it overlaps no other text, no
// leader crosses a text and, where it can, no text covers a later
// event's dot; texts lean right of their dot in the left half and left
// of it in the right. On a phone, or past sixteen lanes, the timeline
// runs down the page: a dot per event on a line, its date over its text.
// highlight names events (the accent, bold); date_format applies;
// annotations do not.
//
// locator: a map that shows where places are; rows { region } (a
// country: its ISO 3166-1 alpha-3, alpha-2 or numeric code, "NPL", "NP",
// "524", or its name in English or any of presschart's languages,
// "Népal", "尼泊尔"; case, accents and dots do not matter; an unknown or
// ambiguous name is an error that suggests the nearest) filled in the
// accent, or { label, lat, lon } marked with a dot; at most 12. A
// region's label is its name in the figure's language unless the row
// gives one; it stands inside the region in bold when it fits, else
// beside it (with a leader when further out), as a place's does beside
// its dot. The countries around that have room for their names inside
// their outlines are named, the largest first, clear of every label.
// The map fits the places with room around them (Mercator, at least 24°
// of longitude across; when they span most of the world, the world);
// bounds = [lon1, lat1, lon2, lat2] shows that box instead (its west,
// south, east and north edges; every place must lie in it), bounds =
// "world" the world (Equal Earth, Antarctica left out unless named).
// projection = "mercator", "equal-earth", "robinson" or "globe" (an
// orthographic globe centred on the places, which must lie on one side
// of it) overrides the choice. Boundaries are Natural Earth's at 1:110m
// for wide views and 1:50m for close ones, shipped in the binary and
// simplified to the map's scale; each region is one SVG path whose class
// names its code (pc-region pc-region-NPL). Regions drawn as part of
// their country (French Guiana, Réunion) are refused: mark them by lat
// and lon. From a CSV file, the columns region, lat, lon and label are
// read where the file has them (a row fills region, or lat and lon).
// A right-to-left figure keeps its map as the world has it.
// Crimea is drawn as part of Ukraine (UN General Assembly resolution
// 68/262), not where Natural Earth's de facto boundaries put it; lakes
// are not drawn (the boundaries hold none).
// The alt text names the places.
//
// choropleth: regions coloured by value; rows { region, value } (a
// country as locator's rows name it; with map = "us-states", a US state
// by name, postal code or FIPS code, on Albers USA with Alaska and
// Hawaii inset; Puerto Rico and the other territories are refused, as
// it does not draw them), at most 4,000; a row without value is a region with no
// data, hatched, and "No data" joins the key (in a CSV file, columns
// region and value, an empty value cell meaning no data); { region, group = "Yes" }
// colours regions by category instead (at most 8, the palette's colours
// or the figure's colors, a key of swatches). Values fall into classes:
// classes = 5 (2 to 9) cut at quantiles rounded to two significant
// digits, or classify = "equal" at equal nice steps (about as many
// classes as asked); breaks = [10, 100, 1000] gives the edges (rising; a
// value on an edge belongs to the class above). No class is left empty
// at either end. The classes run from light to full in the first
// palette colour, or, when the values have both signs, in the negative
// colour (the palette's second) below zero and the first above, zero an
// edge and each side cut from its own values (an outlier on one side
// empties no class on the other);
// their key, a row of swatches with the edges under the joins, stands
// above the map. The map is the world (Equal Earth, Antarctica left out)
// or bounds and projection as locator's. highlight outlines regions;
// label = ["Nepal", "India"] writes their names and values, inside when
// they fit, else beside on a patch of the page's colour, with a leader
// when further out. Each region is one SVG path whose class names its
// code and class (pc-region pc-region-NPL pc-class-5). The alt text
// names the three highest and the three lowest regions, or each group's
// regions.
//
// symbol-map: a circle per row, its area in proportion to its value;
// rows { region, value } (a circle at the region's label point; regions
// as locator's rows name them) or { label, lat, lon, value }, at most
// 500, no value below zero. The map is the one a locator would draw for
// the places (fitted, bounds, "world", a globe, or map = "us-states").
// Circles are drawn largest first, so that the small stay in sight,
// each outlined in the page's colour; the largest is 36 px across at an
// article's type (less on narrow figures, and all shrink alike when one
// would run past the map's margin). A size key (size_title over it)
// stands above the map. The three largest circles are labelled with
// their values, or label = N the N largest (0 for none), or label =
// ["Nepal", "Cuba"] those rows (by label; a region's is its name as the
// map writes it), each beside its circle clear of the others, with a
// leader when further out. The alt text names the three highest and
// the three lowest. A CSV file gives value and region, or lat and lon
// (and label), columns as for a locator.
//
// table: an image of a table, as desks publish results and rankings;
// rows { label, values = [...] } with series naming the columns of
// numbers (required) and series_formats giving a column its own
// decimals, prefix or suffix. The label column is at the left (wrapped
// at whole words, never cut), the numbers right-aligned in the locale's
// format ("NA" or "" is written –), a header row over them (header =
// "Party" heads the label column), rules between rows (stripes = true:
// zebra stripes instead). Highlighted rows are tinted and bold. bar =
// "Share" draws that column's values as bars beside them (from zero);
// heat = "Change" colours that column's cells by value (around zero in
// the negative colour and the first palette colour when it has both
// signs, else from pale to full). limit = 10 shows the first ten rows
// and writes "And 5 more" under them (the alt text lists the first 20);
// sort = "value" orders rows by the bar column, else the heat column,
// else the first. When the numbers would leave the labels less than a
// third of the width, they are written compactly, the headers narrowed
// and the bars shortened; on a phone each label then goes on its own
// line above its row's numbers. Annotations do not apply (the note
// does); at most 100 rows. The SVG keeps every cell as text, in a group
// per row.
//
// A series' values may take their own decimals, prefix, suffix and
// compact (line, area, grouped and stacked charts), named as in series:
//
//	series_formats = { "Inflation" = { decimals = 1 }, "Policy rate" = { decimals = 2 } }
//
// The value axis keeps the figure's format, or the prefix, suffix and
// compact form every series shares, and so do a stacked chart's totals.
//
// Colours: series take the palette in order (blue, orange, green, pink in
// both themes; past its six colours, the palette again half way to the
// background, then half way to the text, which --check warns cannot all
// be told apart by readers with colour-vision deficiencies); a label in a series' colour is darkened (lightened on a
// dark page) just enough to read, never turned grey.
//
// # Value axis
//
// Types with a value axis (column, bar, range, line, area, column-line,
// dumbbell, arrow, dot, beeswarm, grouped, stacked and waterfall) take these figure keys; others refuse
// them:
//
//	min    = 0           # the axis starts here exactly
//	max    = 100         # and ends here
//	ticks  = 25          # a tick every 25; or the ticks: [0, 50, 100]
//	zero   = true        # hold zero (lines, ranges, dumbbells fit their data)
//
// Without them the axis fits the data on round steps, from zero for bars,
// columns and areas. Every value, every pile of a stacked chart and every
// annotation's line, range and y must lie within min and max; ticks rise
// and lie within them; a log scale takes min, max and a tick list, not a
// step or zero. Bars or areas on an axis without zero (zero = false, or a
// min above zero) start at its lower end, and --check warns (axis-cut):
// their lengths no longer compare.
//
// # Value labels
//
// Types with a value axis write every value beside its mark (a line, its
// last value at its end) unless labels says otherwise:
//
//	labels = "last"      # the last row's value(s) only
//
// "all" (the default), "none" (the axis carries the values; a line keeps
// its name at its end), "last", "highlight" (the highlighted rows' or
// series' values) and "max" (the largest value only). Lines and areas
// take "last" (their default) and "none". A stacked chart's totals follow
// the rows they stand on; its values stand inside their segments, and a
// chosen one that does not fit is left out, which --check reports
// (value-labels-part). "max" alone may be wider than its bar.
//
// # Order of rows
//
// Types of labelled rows (all but line and area, whose rows keep the order
// of x) take:
//
//	sort    = "value"    # largest first; "label": by name in the locale's
//	                     # alphabet; "none" (default): as written
//	top     = 6          # the first 6 rows, the rest added up into one row
//	                     # named in the figure's language ("Other", "Andere");
//	                     # a single row left over keeps its own name
//	reverse = true       # the other way round; the added-up row stays last
//
// A row sorts by its value: a range's high end, a dumbbell's or slope's
// later value, a grouped or stacked row's total. top applies to types whose
// rows add up (column, bar, waffle, stack, donut, grouped and stacked) and
// keeps the first rows in the order sort gives, so sort = "value" keeps the
// largest. Highlights and annotations name the rows as shown: one that
// names a row top added up is an error that says so.
//
// # Small multiples
//
// A figure of any type but table, timeline and number (each a grid of
// its own) may be drawn as small multiples: one chart per panel,
// in a grid that fits the width. Each row names its panel in a key of
// the editor's choosing (or a CSV file's column of that name, or the one
// columns maps it to):
//
//	facet = "region"     # rows { region = "North", x = 2020, value = 4.1 }
//	axes  = "shared"     # one scale for every panel (default); "free":
//	                     # each panel its own
//
// or the panels are written as tables, each with its title and its rows:
//
//	[[figure.panel]]
//	title = "North"
//	data  = [ { label = "Labour", value = 41 } ]
//
// Panels come in the order of their first rows, at most 24, each at most
// the type's own row limit. Three stand side by side at an article's width
// and two on a phone (four panels are two by two); bar charts, whose
// labels stand beside their bars, and columns too many for a third of the
// width take two, or one on a phone. A scatter's panels share both axes,
// their groups' colours and one bubble scale, keyed once above them; its
// label = [...] names points of any panel. Histograms share their bins
// and their scale of counts, heatmaps their colours and one key. Each panel is its figure with the
// panel's rows: sort, top, reverse, rolling and average apply within it,
// its rows are checked as the type checks them (labels unique in a panel),
// and it is drawn by the type's own code under the panel's title, in
// bold. On shared axes every panel has the same value scale (and, for
// types with x, the same x range), so that the panels compare honestly.
// On axes = "free" the note and the alt text say, in the figure's
// language, that each panel has its own scale.
// Shared axes also give a waffle's square one amount in every panel, and
// a part one colour; a highlight greys the other rows in every panel.
// The key naming the series stands once, above the panels; a line's end
// labels then hold its values alone. A highlight names a row of some
// panel (or a series). The alt text says what each panel shows, after its
// title. Annotations are not drawn on panels yet and are refused; say
// such a note in the note or a panel's title.
//
// # Annotations
//
// Every chart type takes notes on its data, each a [[figure.annotation]]
// table after its figure; reference lines and shaded ranges need a value
// axis (column, bar, range, line, area, column-line, dumbbell, arrow,
// dot, beeswarm, grouped, stacked and waterfall):
//
//	[[figure.annotation]]
//	text = "Ukraine’s campaign against recruitment began"
//	at   = "Oct 2025"        # a row's label (a part's, a card's), or a line's x
//	y    = 800               # optional, on a value axis: point here instead
//
//	[[figure.annotation]]
//	text = "Target"
//	line = 500               # a dashed reference line at this value
//
//	[[figure.annotation]]
//	text = "Campaign period"
//	from = 0                 # a shaded range of values
//	to   = 300
//
// On line and area charts, from and to written as x (text: dates such as
// "2020-03", or years as "2008") shade a period instead, across the plot:
//
//	[[figure.annotation]]
//	text = "Great Recession"
//	from = "2008"
//	to   = "2010"
//
// labelled inside its top when the label fits, else placed as a note at
// it; the period must overlap the rows' x. Numbers are values, as on
// every chart.
//
// A note at a point may be placed by hand: dx and dy put its text's top
// left corner (top right with align = "right", top centre with
// "center") that many px right and down of the point, and --check judges
// what it covers; arrow = true puts an open arrowhead on its connector.
//
//	[[figure.annotation]]
//	text  = "Campaign begins"
//	at    = "2024-07"
//	dx    = 40               # px right of the point
//	dy    = -60              # px down: negative is up
//	align = "left"           # "right", "center"
//	arrow = true
//
// Or side = "above", "below", "left" or "right" asks the placer to look
// on that side of the point first; a note that finds no room there is
// placed where it is clear, as without it. side and dx, dy do not go
// together.
//
// x = "2024-07" (or x = 2024) is another way to write at for line and area
// charts. width sets the text's wrapping width (40 to 1000 px; default 130 at 640
// px wide). The value axis always reaches every line, range and y an
// annotation marks. A note at a point is joined to it by a connector and
// placed in the nearest free space around it, where it touches neither the
// data nor other text; where the plot has none, it is wrapped narrower, and
// then the plot makes room for it in a band above the data. A reference
// line is labelled at its end in the margin (right of the plot, or above it
// for a line across bars); a range is labelled inside its edge, or in the
// margin beside it when that would cover data. No annotation is painted
// over the data: the point a note marks gets a hollow ring, and a
// connector never runs through a text (a note at a bar's end points past
// its value label). A note that finds no clean place even with the band
// is keyed: its number stands by the point, and the note, numbered, above
// the footer. Annotations are listed in the alt text ("Annotated: ...").
//
// # Numbers
//
// One formatter per figure writes value labels, axis ticks, ranges,
// percentages and the alt text. Thousands are grouped per locale (18,000 ·
// 18.000 · 18 000 with a no-break space); Spanish, Polish and Russian do
// not group four-digit numbers (3400). Negative numbers take the minus sign
// U+2212, ranges an en dash (10,000–30,000), and percentages the locale's
// spacing (19% · 19 %). Rounding is half away from zero.
//
// # Scripts and right-to-left figures
//
// Text in scripts whose letters change with their neighbours (Arabic,
// Persian, Urdu, Hebrew with points, Devanagari, Thai, and combining
// marks in any script) is shaped with HarfBuzz's rules, as
// github.com/go-text/typesetting ports them: joining forms, conjuncts,
// vowel signs and marks come out as browsers and librsvg draw the SVG's
// <text>, so the PNG and the SVG agree. Mixed right-to-left and
// left-to-right text is ordered by the Unicode bidirectional algorithm
// (UAX #9) in the figure's direction; the marks U+200E, U+200F and U+061C
// and the isolates U+2066–U+2069 steer it. Chinese, Japanese and Korean,
// and shaped text, wrap at the line-break opportunities of UAX #14:
// between ideographs, never inside a number or before closing
// punctuation, and never between a letter and its marks; Korean at its
// spaces; Thai, without a dictionary, at syllable boundaries (before a
// leading vowel, after ะ, ๆ and ฯ).
//
// A font list (font = ["Inter", "NotoSansArabic-Regular.ttf"]) draws each
// character in the first font that has it. A right-to-left figure
// (direction = "rtl", or the locales ar, he, fa and ur) is laid out as the
// mirror of its left-to-right self. Numbers keep their own order inside
// right-to-left text, as the bidirectional algorithm sets it (−5% in an
// Arabic sentence reads as a browser shows it).
//
// # Alt text
//
// Unless alt is given, the alt text reads "<Type>: <title>. <subtitle>."
// followed by the data: "From 1,000 in 2023–2024 to 1 in Oct 2025." for
// two columns, "North Korean troops deployed: estimates range from 10,000
// to 30,000" for ranges, "Of 18,000: Killed 3,400 (19%); Not killed 14,600
// (81%)." for parts; at most 20 rows are listed. It goes into the SVG
// <desc>, the PNG Description chunk, the HTML snippet and the manifest.
//
// # Outputs
//
// For each figure: <id>.png (width*scale by height*scale pixels, pHYs of
// 72 dpi times scale, tEXt Title, Description, Source and Software, no
// timestamp; a palette when the image has 256 colours or fewer), <id>.svg
// (width, height and viewBox in CSS pixels, role="img" with <title> and
// <desc>, groups title, subtitle, plot with grid, axis-x, axis-y,
// series-N and labels, note, source and credit, each with a pc-* class,
// text kept as <text>) and <id>.html, a script-free <figure> to paste
// into a CMS. The same input always gives the same bytes.
//
// The snippet <id>.html is a <figure> around a <picture>: with embed, a
// <source> per breakpoint and colour scheme, each with its media
// condition, a srcset of its densities and its own width and height (the
// page does not jump), then the figure itself as the <img>, with the alt
// text, width and height. The image already shows the title, notes,
// source and credit, so the snippet does not print them again: its only
// text is a link to source_url ("Data source", in the figure's
// language), when there is one. <id>.inline.html (format "inline") is
// the same figure with its SVGs inline, one per breakpoint and colour
// scheme, and a <style> that shows the one a <picture> would; every id in
// it starts with its rendition's id and every rule with the <figure>'s
// own id (presschart-inline-<id>), so two figures on a page keep their
// own. Neither has a script.
//
// Each run also writes, into the output folder, manifest.json (every
// figure with its files; a rendition made by embed with its "media"
// condition and "density", so that a CMS can build the same <picture>)
// and index.html, a page showing every figure's snippets in a plain
// article column, light or dark as the reader's system is, for the desk
// to open (at most 200 figures; the rest are in the manifest).
//
// # Errors and limits
//
// Every problem of a file is reported at once, each naming the file, the
// line and column, the figure and the key; a key that is missing points at
// its figure's [[figure]] line:
//
//	data.toml:3:9: expected a top-level item to end with a newline ...
//	data.toml:14:27: figure "nepal-drop": data[1].value: is nan; give a number
//
// A problem that consecutive rows share (the same message for the same
// key) is reported once, with the rows' range, and the CSV lines' when
// the rows come from a file:
//
//	data.toml:30:5: figure "ages": data[1–40].x: mixes dates and numbers; ...
//	data.toml:76:1: figure "bars": data[1–5] (runs.csv:3–7).label: the character ...
//
// Text may not hold control characters or direction overrides and
// embeddings (U+202A–U+202E; the marks U+200E, U+200F and U+061C and the
// isolates U+2066–U+2069 are allowed, and order mixed text), and
// every character of every drawn text (title, subtitle, note, source,
// credit, labels, series, rest, unit_label, center, compare, annotation
// text, prefix and suffix) must be in both faces: a missing glyph is an
// error naming the key, never an empty box in print; what a figure draws
// besides (locale separators, an ellipsis) is checked again after layout.
// Strings have at most 1,000 characters, files at most 16 MiB and 10,000
// figures. Numbers are 0 or from 0.000001 to 1e15 in magnitude: above
// that a float64 no longer holds every whole number, below it no format
// (at most 6 decimals) tells a number from zero. Arrays and inline tables nest at most 8 deep and keys
// have at most 128 bytes and 4 dotted parts: the file is scanned for
// these before it is decoded, since deeper input costs the TOML decoder
// time and memory out of all proportion. An id may not be a name that
// Windows refuses (con, prn, aux, nul, com0 to com9, lpt0 to lpt9). A
// figure takes at most 30 annotations and 24 series; a file reports its
// first 100 problems and counts the rest.
package charts
