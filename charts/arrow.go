package charts

// arrowKind draws, per row, an arrow from the first value to the second:
// the dumbbell's sibling for change, where the direction is the story
// (prices up here, down there). Rows { label, from, to }; series names
// the two ends for the key above the plot; both values are written
// outside the marks.
var arrowKind = &kind{
	name:       "arrow",
	logScale:   true,
	series:     2,
	maxRows:    200,
	valueAxis:  true,
	fields:     []string{"from", "to"},
	options:    noOptions,
	validate:   func(f *Figure, e *errs) { checkLabels(f, e) },
	plot:       func(c *ctx, p rect) drawn { return plotPairs(c, p, true) },
	facets:     true,
	panelWidth: 260,
	key:        pairKey,
	describe:   describeChanges,
}
