package charts

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/presschart/presschart/charts/geo"
	"github.com/presschart/presschart/charts/scene"
)

// locatorKind draws a map that shows where places are: rows { region }
// (a country, by code or name in any of presschart's languages) filled
// in the accent, or { label, lat, lon } marked with a dot, each
// labelled; the countries around that have room for their names are
// named. The map fits the rows with room around them (Mercator), or
// shows bounds = [lon1, lat1, lon2, lat2], or the world (bounds =
// "world", Equal Earth); projection = "globe" draws them on a globe.
var locatorKind = &kind{
	name:        "locator",
	maxRows:     maxLocatorRows,
	csvColumns:  []string{"region", "lat", "lon"},
	ownLabels:   true,
	ordered:     true,
	noHighlight: true,
	readRow:     readPlaceRow,
	options:     readMapOptions,
	validate:    validateLocator,
	plot:        plotLocator,
	describe:    describeLocator,
}

// maxLocatorRows is the most places a locator map shows: past a dozen,
// a reader wants a choropleth.
const maxLocatorRows = 12

func validateLocator(f *Figure, e *errs) {
	if len(f.Highlight) > 0 {
		e.add("highlight", "every place a locator map shows is in the accent; name only the places it should show")
	}
	seen := map[string]int{}
	at := map[[2]float64]int{}
	for i, d := range f.Data {
		if d.at {
			// One dot cannot carry two places' labels.
			if j, ok := at[[2]float64{d.Lat, d.Lon}]; ok {
				e.add(f.rowKey(i), "marks the place %s marks (lat %g, lon %g); give one row with both names in its label", f.rowKey(j), d.Lat, d.Lon)
			}
			at[[2]float64{d.Lat, d.Lon}] = i
			continue
		}
		if d.Region == "" {
			continue
		}
		if j, ok := seen[d.Region]; ok {
			e.add(f.rowKey(i)+".region", "names %s again (as %s does); name each region once", d.Region, f.rowKey(j))
		}
		seen[d.Region] = i
	}
	validateMap(f, e)
}

func plotLocator(c *ctx, p rect) drawn {
	v := c.mapViewOf(p, true)
	named := map[string]int{} // region code -> row
	for i, d := range c.f.Data {
		if d.Region != "" {
			named[d.Region] = i
		}
	}
	regs := v.regions(func(code string) bool { _, ok := named[code]; return ok })
	land := c.th.grid
	g := &scene.Group{}
	g.Add(c.drawRegions(v, regs, func(r *mapRegion) (scene.Color, string) {
		if _, ok := named[r.feat.Code]; ok {
			return c.accent, " pc-highlight"
		}
		return land, " pc-land"
	}))

	// Each row's mark: a region's label point, a place's dot.
	dots := make([]dot, len(c.f.Data))
	byRow := make([]*mapRegion, len(c.f.Data))
	for i := range regs {
		if row, ok := named[regs[i].feat.Code]; ok {
			byRow[row] = &regs[i]
		}
	}
	series := &scene.Group{ID: "series-1", Class: "pc-series pc-places"}
	r := math.Round(4.5*c.u*2) / 2
	var taken []scene.Box
	for i, d := range c.f.Data {
		switch {
		case d.at:
			x, y, ok := v.frame.XY(geo.Point{Lon: d.Lon, Lat: d.Lat})
			if !ok || x < v.box.x || x > v.box.right() || y < v.box.y || y > v.box.bottom() {
				dots[i] = dot{x: math.NaN(), y: math.NaN()}
				continue
			}
			dots[i] = dot{x: x, y: y, r: r}
			series.Add(&scene.Circle{CX: x, CY: y, R: r, Fill: c.accent, Stroke: c.th.bg, StrokeWidth: 1.5, Class: "pc-dot"})
			taken = append(taken, scene.Box{X0: x - r - 1, Y0: y - r - 1, X1: x + r + 1, Y1: y + r + 1})
		case byRow[i] != nil && byRow[i].label:
			// A label beside the region keeps off it (the accent is an
			// obstacle below), with a leader from its label point when
			// it stands further out.
			reg := byRow[i]
			dots[i] = dot{x: reg.lx, y: reg.ly, r: 2}
			if b := reg.bounds(); math.Max(b.X1-b.X0, b.Y1-b.Y0) < 6*c.u {
				// Too small to see: a ring in the accent marks it.
				rr := math.Round(6 * c.u)
				series.Add(&scene.Circle{CX: reg.lx, CY: reg.ly, R: rr, Stroke: c.accent, StrokeWidth: 1.5, Class: "pc-ring"})
				dots[i].r = rr
				taken = append(taken, scene.Box{X0: reg.lx - rr - 1, Y0: reg.ly - rr - 1, X1: reg.lx + rr + 1, Y1: reg.ly + rr + 1})
			}
		default:
			dots[i] = dot{x: math.NaN(), y: math.NaN()}
		}
	}
	g.Add(series)

	// A region's name inside it when it fits, in the page's colour on
	// the accent; else beside it, as a place's is.
	inside := &scene.Group{ID: "region-labels", Class: "pc-labels"}
	var outside []int
	beside := slices.Clone(dots)
	for i, d := range c.f.Data {
		if math.IsNaN(dots[i].x) {
			continue
		}
		if reg := byRow[i]; reg != nil && !d.at {
			if t := c.labelInside(reg, c.isolate(d.Label), taken); t != nil {
				inside.Add(t)
				taken = append(taken, c.textBox(t))
				// Labelled: no point for the others' labels to keep
				// clear of (its outline is the region's).
				beside[i] = dot{x: math.NaN(), y: math.NaN()}
				continue
			}
		}
		outside = append(outside, i)
	}
	// Labels beside stand off the accent: a dark label on it does not
	// read (leaders may cross it).
	obstacles := slices.Clone(taken)
	for i := range regs {
		if _, ok := named[regs[i].feat.Code]; ok {
			obstacles = append(obstacles, fillStrips(regs[i].path(c.accent, ""), 3)...)
		}
	}
	labels, leaders := c.placePointLabels(c.f.Data, outside, beside, obstacles, v.box)
	for _, n := range labels.Nodes {
		if t, ok := n.(*scene.Text); ok {
			taken = append(taken, c.textBox(t))
		}
	}
	for _, n := range leaders.Nodes {
		if l, ok := n.(*scene.Line); ok {
			taken = append(taken, segmentBoxes(l)...)
		}
	}
	var near [][2]float64
	for _, d := range dots {
		if !math.IsNaN(d.x) {
			near = append(near, [2]float64{d.x, d.y})
		}
	}
	names := c.nameRegions(regs, func(r *mapRegion) bool { _, ok := named[r.feat.Code]; return ok }, near, append(taken, obstacles...))
	g.Add(names, inside, leaders, labels)

	mirror := c.left + c.right // the figure's width: its mirror undoes this one
	rtl := c.f.Style.rtl()
	ax := c.mapAxes(v.box, dots)
	if rtl {
		// A map is not mirrored for a right-to-left language: it is
		// mirrored here so that the figure's mirror sets it right.
		g.Mirror(mirror)
	}
	return drawn{group: g, height: v.box.h, axes: ax}
}

// describeLocator names the places the map shows.
func describeLocator(f *Figure, nf numberFormat) string {
	var names []string
	for _, d := range f.Data {
		names = append(names, d.Label)
	}
	return fmt.Sprintf(nf.loc.mapMarked, strings.Join(names, ", "))
}
