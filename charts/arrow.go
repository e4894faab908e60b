package charts

// arrowKind draws, per row, an arrow from the first value to the second:
// the dumbbell's sibling for change, where the direction is the story
// (prices up here, down there). Rows { label, from, to }; series names
// the two ends for the key above the plot; both values are written
// outside the marks.
var arrowKind = pairKind("arrow", true)
