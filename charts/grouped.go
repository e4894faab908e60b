package charts

// Grouped and stacked charts show several series per category: rows
// { label, values = [...] } with one value per name in series, and a key
// of the series above the plot. grouped-column and grouped-bar set the
// series' bars side by side; stacked-column and stacked-bar (stacked.go)
// pile them up, absolute, not normalised to 100%.

var groupedColumnKind = multiKind("grouped-column", false, false)
var groupedBarKind = multiKind("grouped-bar", true, false)
