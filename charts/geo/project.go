package geo

import "math"

// A Projection puts a point of the globe on the plane, in units of the
// globe's radius, x east and y north; ok is false for a point it does not
// draw (the far side of a globe, a pole on Mercator's map).
type Projection interface {
	Project(p Point) (x, y float64, ok bool)
}

const rad = math.Pi / 180

// lon is a longitude in radians, turned so that lon0 is the middle and
// wrapped into -π..π.
func lon(p Point, lon0 float64) float64 {
	l := math.Mod((p.Lon-lon0)*rad+math.Pi, 2*math.Pi)
	if l < 0 {
		l += 2 * math.Pi
	}
	if l == 0 && p.Lon-lon0 > 0 {
		return math.Pi // the east edge stays east
	}
	return l - math.Pi
}

// EqualEarth is the Equal Earth projection (Šavrič, Patterson and Jenny,
// "The Equal Earth map projection", International Journal of
// Geographical Information Science 33, 2019): equal-area, with the
// continents' shapes near those of Robinson's. The world's default.
type EqualEarth struct{ Lon0 float64 }

// Equal Earth's polynomial coefficients, from the paper.
const (
	eeA1 = 1.340264
	eeA2 = -0.081106
	eeA3 = 0.000893
	eeA4 = 0.003796
)

func (e EqualEarth) Project(p Point) (float64, float64, bool) {
	l := lon(p, e.Lon0)
	m := math.Sqrt(3) / 2
	t := math.Asin(m * math.Sin(p.Lat*rad))
	t2 := t * t
	t6 := t2 * t2 * t2
	x := l * math.Cos(t) / (m * (eeA1 + 3*eeA2*t2 + t6*(7*eeA3+9*eeA4*t2)))
	y := t * (eeA1 + eeA2*t2 + t6*(eeA3+eeA4*t2))
	return x, y, true
}

// Robinson is Robinson's projection (1974) by its published table of
// lengths of parallels (X) and their distances from the equator (Y)
// every 5 degrees, scaled by 0.8487 and 1.3523 (Snyder, "Map
// Projections: A Working Manual", 1987, pp. 82-83), between the rows by
// the quadratic through three of them.
type Robinson struct{ Lon0 float64 }

var robinsonTable = [19][2]float64{
	{1.0000, 0.0000}, {0.9986, 0.0620}, {0.9954, 0.1240}, {0.9900, 0.1860},
	{0.9822, 0.2480}, {0.9730, 0.3100}, {0.9600, 0.3720}, {0.9427, 0.4340},
	{0.9216, 0.4958}, {0.8962, 0.5571}, {0.8679, 0.6176}, {0.8350, 0.6769},
	{0.7986, 0.7346}, {0.7597, 0.7903}, {0.7186, 0.8435}, {0.6732, 0.8936},
	{0.6213, 0.9394}, {0.5722, 0.9761}, {0.5322, 1.0000},
}

func (r Robinson) Project(p Point) (float64, float64, bool) {
	l := lon(p, r.Lon0)
	a := math.Min(math.Abs(p.Lat), 90) / 5
	// The rows i-1, i and i+1 about the row at or below a (the table
	// mirrored below the equator, the last rows at the pole): the curve
	// through them meets the next one at each row, with no step.
	i := min(int(a), 17)
	row := func(k int) [2]float64 {
		if k < 0 {
			return [2]float64{robinsonTable[-k][0], -robinsonTable[-k][1]}
		}
		return robinsonTable[k]
	}
	u := a - float64(i)
	f0, f1, f2 := row(i-1), row(i), row(i+1)
	quad := func(k int) float64 {
		// Newton's quadratic through (−1, f0), (0, f1), (1, f2).
		return f1[k] + u*(f2[k]-f0[k])/2 + u*u*(f2[k]-2*f1[k]+f0[k])/2
	}
	x := 0.8487 * quad(0) * l
	y := 1.3523 * quad(1)
	if p.Lat < 0 {
		y = -y
	}
	return x, y, true
}

// Mercator is Mercator's projection, for locator maps only (it swells
// the high latitudes); latitudes beyond ±85° are not drawn.
type Mercator struct{ Lon0 float64 }

// mercatorLat is the latitude where Mercator's map ends.
const mercatorLat = 85

func (m Mercator) Project(p Point) (float64, float64, bool) {
	if math.Abs(p.Lat) > mercatorLat {
		return 0, 0, false
	}
	return lon(p, m.Lon0), math.Log(math.Tan(math.Pi/4 + p.Lat*rad/2)), true
}

// Orthographic is the globe seen from far away, centred on (Lon0, Lat0);
// the far side is not drawn (Snyder, pp. 148-149).
type Orthographic struct{ Lon0, Lat0 float64 }

func (o Orthographic) Project(p Point) (float64, float64, bool) {
	l := lon(p, o.Lon0)
	f, f0 := p.Lat*rad, o.Lat0*rad
	cosc := math.Sin(f0)*math.Sin(f) + math.Cos(f0)*math.Cos(f)*math.Cos(l)
	x := math.Cos(f) * math.Sin(l)
	y := math.Cos(f0)*math.Sin(f) - math.Sin(f0)*math.Cos(f)*math.Cos(l)
	return x, y, cosc >= 0
}

// Albers is the Albers equal-area conic with standard parallels Lat1 and
// Lat2 about the meridian Lon0 (Snyder, pp. 98-100), moved so that Center
// falls on the origin.
type Albers struct {
	Lon0, Lat1, Lat2 float64
	Center           Point
}

func (a Albers) raw(p Point) (float64, float64) {
	s1, s2 := math.Sin(a.Lat1*rad), math.Sin(a.Lat2*rad)
	n := (s1 + s2) / 2
	c := math.Cos(a.Lat1*rad)*math.Cos(a.Lat1*rad) + 2*n*s1
	r0 := math.Sqrt(c) / n
	r := math.Sqrt(c-2*n*math.Sin(p.Lat*rad)) / n
	t := n * lon(p, a.Lon0)
	return r * math.Sin(t), r0 - r*math.Cos(t)
}

func (a Albers) Project(p Point) (float64, float64, bool) {
	x, y := a.raw(p)
	cx, cy := a.raw(a.Center)
	return x - cx, y - cy, true
}

// AlbersUSA is the United States as their maps show them (d3-geo's
// geoAlbersUsa, whose constants these are): the lower 48 states on an
// Albers conic (parallels 29.5° and 45.5°), and Alaska (at 0.35 of its
// size) and Hawaii on conics of their own, set below the West Coast as
// insets. Puerto Rico and the other territories are not drawn. It is for
// the US layers: other regions are drawn only where they fall in the
// three boxes.
type AlbersUSA struct{}

var (
	usLower48 = Albers{Lon0: -96, Lat1: 29.5, Lat2: 45.5, Center: Point{-96.6, 38.7}}
	usAlaska  = Albers{Lon0: -154, Lat1: 55, Lat2: 65, Center: Point{-156, 58.5}}
	usHawaii  = Albers{Lon0: -157, Lat1: 8, Lat2: 18, Center: Point{-160, 19.9}}
)

// The insets' scale and where their centres go, in the lower 48's units.
const (
	alaskaScale      = 0.35
	alaskaX, alaskaY = -0.307, -0.201
	hawaiiX, hawaiiY = -0.205, -0.212
)

// Project places p by where it is: Alaska's and Hawaii's boxes go to
// their insets, the lower 48's to its conic; elsewhere is not drawn.
func (AlbersUSA) Project(p Point) (float64, float64, bool) {
	switch {
	case p.Lat > 50 && (p.Lon < -129 || p.Lon > 170):
		x, y, _ := usAlaska.Project(p)
		return alaskaX + alaskaScale*x, alaskaY + alaskaScale*y, true
	case p.Lat > 18 && p.Lat < 23 && p.Lon < -154 && p.Lon > -161:
		x, y, _ := usHawaii.Project(p)
		return hawaiiX + x, hawaiiY + y, true
	case p.Lat > 23 && p.Lat < 50 && p.Lon > -125 && p.Lon < -66:
		return usLower48.Project(p)
	}
	return 0, 0, false
}
