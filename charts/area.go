package charts

import (
	"fmt"
	"github.com/presschart/presschart/charts/scene"
)

// areaKind draws one filled area, or several stacked on each other, over
// time: rows { x, values } as for line; each band is labelled at its end.
var areaKind = &kind{
	name:      "area",
	valueAxis: true,
	zero:      true,
	stacks:    true,
	series:    -1,
	xy:        true,
	maxRows:   maxPoints,
	options:   areaOptions,
	validate:  validateAreas,
	plot:      func(c *ctx, p rect) drawn { return plotSeries(c, p, true) },
	facets:    true,
	key:       func(c *ctx, p rect) (*scene.Group, float64) { return seriesLegend(c, p, 0) },
	describe:  describeSeries,
}

func areaOptions(f *Figure, t *table) {
	readXType(f, t)
	readDateFormat(f, t)
	readRolling(f, t)
}

// validateAreas: rows in order, and no negative values, which a stack
// cannot show.
func validateAreas(f *Figure, e *errs) {
	validatePoints(f, e)
	for i, d := range f.Data {
		for j, v := range d.Values {
			if v < 0 {
				e.add(fmt.Sprintf("%s.values[%d]", f.rowKey(i), j), "%g is negative; stacked areas show amounts of zero or more", v)
			}
		}
	}
}
