package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

const initUsage = `presschart init writes a starter data.toml, and the CSV file one of its
figures reads, into a folder (the current one, or DIR): a figure of each
type a desk reaches for most, with comments on their keys. Then run
presschart there to render them into out/. It writes nothing when either
file is there already.

Usage:
  presschart init [DIR]
`

// starterCSV is the table the starter's line chart reads.
const starterCSV = `month,Food,Energy,All items
2024-01,5.6,-4.1,2.8
2024-02,5.0,-3.7,2.6
2024-03,4.0,-1.8,2.4
2024-04,3.0,-1.2,2.4
2024-05,2.6,0.3,2.6
2024-06,2.5,0.2,2.5
2024-07,2.3,1.2,2.6
2024-08,2.4,-3.0,2.2
2024-09,2.4,-6.1,1.7
2024-10,2.9,-4.6,2.0
2024-11,2.7,-2.0,2.2
2024-12,2.6,0.1,2.4
`

// starterTOML is the starter file: every figure renders and passes
// --check --strict (TestInitStarter).
const starterTOML = `# A starter file for presschart: a figure of each type a desk reaches for
# most. Run "presschart" in this folder to render them into out/, and
# "presschart serve" to see them redraw as you edit. "presschart man"
# prints the manual, every key included (THE TOML FORMAT).

# What every figure shares: the house style. Any of these keys may also be
# set on one figure.
[style]
locale  = "en"                        # numbers and dates: en, de, fr, es, it, nl, pl, uk, ru
credit  = "Graphic: The Daily Example"
formats = ["png", "svg", "html"]      # html: a snippet a CMS can paste
embed   = ["mobile", "article"]       # a phone layout beside the article's

# A column chart: one bar per row, values written on the bars.
[[figure]]
id       = "turnout"                  # names the files: out/turnout.png ...
type     = "column"
title    = "Turnout rose in every election since 2013"   # the finding, as a sentence
subtitle = "Share of registered voters who voted, %"
source   = "Source: Electoral commission"
suffix   = "%"
highlight = ["2025"]                  # rows drawn in the accent colour
data = [
  { label = "2013", value = 71.5 },
  { label = "2017", value = 76.2 },
  { label = "2021", value = 76.4 },
  { label = "2025", value = 82.5 },
]

# A bar chart: long labels read best on horizontal bars.
[[figure]]
id       = "budget"
type     = "bar"
title    = "Pensions dwarf every other item of the budget"
subtitle = "Federal spending in 2025, € billion"
source   = "Source: Finance ministry"
prefix   = "€"
suffix   = "bn"
sort     = "value"                    # largest first
data = [
  { label = "Pensions and social security", value = 179.5 },
  { label = "Defence", value = 62.4 },
  { label = "Transport and digital", value = 38.4 },
  { label = "Education and research", value = 22.3 },
  { label = "Health", value = 16.7 },
]

# A line chart from a CSV file: a column per series, a month per row.
# Missing values (an empty cell, NA) leave a gap in the line.
[[figure]]
id       = "inflation"
type     = "line"
title    = "Energy prices fell again in the autumn"
subtitle = "Change in consumer prices on a year earlier, %"
source   = "Source: Statistics office"
suffix   = "%"
data     = "inflation.csv"
columns  = { x = "month", series = "*" }   # every column but month is a series
highlight = ["Energy"]                     # the accent; the other lines turn grey
annotation = [ { at = "2024-09", text = "Oil below $70" } ]   # at the highlighted line

# A range chart: estimates with their low and high ends.
[[figure]]
id       = "estimates"
type     = "range"
title    = "Estimates of the crowd differ fivefold"
source   = "Sources: Police; organisers; news agencies"
data = [
  { label = "Police", low = 20000, high = 25000 },
  { label = "Organisers", low = 100000, high = 120000 },
  { label = "News agencies", low = 40000, high = 60000 },
]

# A stacked bar chart: parts of a whole per row.
[[figure]]
id       = "energy"
type     = "stacked-bar"
title    = "Renewables now make more than half the power"
subtitle = "Share of electricity generated, %"
source   = "Source: Grid operator"
suffix   = "%"
series   = ["Renewables", "Gas", "Coal", "Nuclear"]
data = [
  { label = "2015", values = [31, 10, 42, 17] },
  { label = "2020", values = [45, 16, 24, 15] },
  { label = "2025", values = [56, 17, 23, 4] },
]

# A donut: parts of one whole, at most six; rest completes the total, in grey.
[[figure]]
id       = "seats"
type     = "donut"
title    = "No party won a majority of the 120 seats"
source   = "Source: Electoral commission"
center   = "120 seats"
total    = 120
rest     = "Others"
data = [
  { label = "Liberals", value = 48 },
  { label = "Social Democrats", value = 37 },
  { label = "Greens", value = 21 },
]

# A number card: one figure and how it changed.
[[figure]]
id       = "unemployment"
type     = "number"
title    = "Unemployment is the lowest in a decade"
source   = "Source: Labour agency"
suffix   = "%"
data = [ { label = "Unemployment rate, October", value = 5.1, previous = 5.9, compare = "a year earlier" } ]
`

// initMain runs presschart init.
func initMain(args []string, stdout, stderr io.Writer) int {
	dir := "."
	switch {
	case len(args) == 1 && (args[0] == "-h" || args[0] == "--help"):
		io.WriteString(stdout, initUsage)
		return exitOK
	case len(args) == 1 && len(args[0]) > 0 && args[0][0] != '-':
		dir = args[0]
	case len(args) > 0:
		fmt.Fprintf(stderr, "presschart init: unknown arguments %q\n%s", args, initUsage)
		return exitInvalid
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "presschart init: %v\n", err)
		return exitFailed
	}
	files := []struct{ name, text string }{{"data.toml", starterTOML}, {"inflation.csv", starterCSV}}
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, f.name)); !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "presschart init: %s is there already; init writes only into a folder without it (nothing was written)\n", filepath.Join(dir, f.name))
			return exitInvalid
		}
	}
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		// O_EXCL: a file that appeared meanwhile is not overwritten.
		w, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = io.WriteString(w, f.text)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "presschart init: %v\n", err)
			return exitFailed
		}
	}
	fmt.Fprintf(stdout, "wrote %s and %s; run presschart%s to render them into out/\n",
		filepath.Join(dir, "data.toml"), filepath.Join(dir, "inflation.csv"), map[bool]string{true: "", false: " in " + dir}[dir == "."])
	return exitOK
}
