package charts

// dumbbellKind draws, per row, a dot for each of two values (before and
// after) joined by a line, both values labelled on the outer sides; rows
// { label, from, to }, with series naming the two ends for the key above
// the plot.
var dumbbellKind = pairKind("dumbbell", false)
