package charts

// stacked-column and stacked-bar pile each row's values, in the order of
// series, positive ones up (or right) from zero and negative ones down,
// with each value inside its segment when it fits and the row's total
// beyond the pile. The drawing is shared with the grouped charts
// (grouped.go).
var stackedColumnKind = multiKind("stacked-column", false, true)
var stackedBarKind = multiKind("stacked-bar", true, true)
