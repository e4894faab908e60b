package charts

// dumbbellKind draws, per row, a dot for each of two values (before and
// after) joined by a line, both values labelled on the outer sides; rows
// { label, from, to }, with series naming the two ends for the key above
// the plot.
var dumbbellKind = &kind{
	name:       "dumbbell",
	logScale:   true,
	series:     2,
	maxRows:    200,
	valueAxis:  true,
	fields:     []string{"from", "to"},
	options:    noOptions,
	validate:   func(f *Figure, e *errs) { checkLabels(f, e) },
	plot:       func(c *ctx, p rect) drawn { return plotPairs(c, p, false) },
	facets:     true,
	panelWidth: 260,
	key:        pairKey,
	describe:   describeChanges,
}
