package charts

import "github.com/presschart/presschart/charts/scene"

// lineKind draws time series: rows { x, values } (x a date such as
// "2023-01" or a number), one line per name in series, each labelled at
// its end instead of in a legend, the labels kept apart; points = true
// marks every row. A series may miss values ("" or "NA"): its line
// breaks there, and a value between two gaps is drawn as a dot.
var lineKind = &kind{
	name:      "line",
	logScale:  true,
	valueAxis: true,
	series:    -1,
	xy:        true,
	gaps:      true,
	maxRows:   maxPoints,
	options:   readPoints,
	validate:  validatePoints,
	plot:      func(c *ctx, p rect) drawn { return plotSeries(c, p, false) },
	facets:    true,
	key:       func(c *ctx, p rect) (*scene.Group, float64) { return seriesLegend(c, p, 0) },
	describe:  describeSeries,
}

func readPoints(f *Figure, t *table) {
	t.boolean("points", &f.Points)
	readXType(f, t)
	readDateFormat(f, t)
	readRolling(f, t)
}
