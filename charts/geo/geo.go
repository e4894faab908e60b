// Package geo holds what presschart's maps are drawn from: boundaries
// shipped inside the binary (Natural Earth's countries at 1:110m and
// 1:50m, the US Census Bureau's states and counties), the names and codes
// that address them, and the projections that put them on a page.
//
// Boundaries are TopoJSON as world-atlas and us-atlas distribute them,
// gzipped (data/README.md says where each comes from and under which
// licence; gen/fetch.sh fetches them again). A layer is decoded on first
// use and kept.
package geo

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sync"
)

//go:embed data/*.json.gz
var data embed.FS

// A Point is a place on the globe in degrees: longitude east, latitude
// north.
type Point struct{ Lon, Lat float64 }

// A Ring is a closed line of points, its last point equal to its first.
type Ring []Point

// A Polygon is an outer ring and its holes.
type Polygon []Ring

// A Feature is one region of a layer: a country, a state or a county.
type Feature struct {
	// Code is the region's code: ISO 3166-1 alpha-3 for countries
	// ("NPL"; Natural Earth's own for the few it draws that ISO does not
	// list, such as Somaliland, SOL), two-digit FIPS for US states ("06")
	// and five-digit FIPS for counties ("06037").
	Code string
	// Name is the name the boundaries give it ("Nepal", "California",
	// "Los Angeles").
	Name     string
	Polygons []Polygon
	// refs are the arcs each ring of each polygon is joined from, as
	// the topology gives them (^i: arc i backwards), for Simplify.
	refs [][][]int
}

// A Layer is a set of regions of one kind at one scale.
type Layer struct {
	Name     string // "countries-110m", ...
	Features []Feature
	byCode   map[string]int
	arcs     [][]Point // the topology's arcs, shared by neighbours
}

// Feature returns the region with the code, if the layer has it.
func (l *Layer) Feature(code string) (*Feature, bool) {
	i, ok := l.byCode[code]
	if !ok {
		return nil, false
	}
	return &l.Features[i], true
}

// The layers shipped, by name: Natural Earth's countries at two scales,
// US states and US counties.
const (
	Countries110m = "countries-110m"
	Countries50m  = "countries-50m"
	USStates      = "states-10m"
	USCounties    = "counties-10m"
)

// layerObjects is the TopoJSON object each layer's file holds it in.
var layerObjects = map[string]string{
	Countries110m: "countries",
	Countries50m:  "countries",
	USStates:      "states",
	USCounties:    "counties",
}

var layers struct {
	sync.Mutex
	m map[string]*Layer
}

// Load returns a shipped layer by name, decoding it on first use.
func Load(name string) (*Layer, error) {
	object, ok := layerObjects[name]
	if !ok {
		return nil, fmt.Errorf("no boundaries named %q", name)
	}
	layers.Lock()
	defer layers.Unlock()
	if l, ok := layers.m[name]; ok {
		return l, nil
	}
	gz, err := data.ReadFile("data/" + name + ".json.gz")
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	l, err := decodeTopoJSON(raw, object)
	if err != nil {
		return nil, fmt.Errorf("boundaries %s: %v", name, err)
	}
	l.Name = name
	if object == "countries" {
		alpha3Codes(l)
		crimeaToUkraine(l)
	}
	if layers.m == nil {
		layers.m = map[string]*Layer{}
	}
	layers.m[name] = l
	return l, nil
}

// topology is the part of a TopoJSON file a layer is read from.
type topology struct {
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]struct {
		Geometries []struct {
			Type       string                `json:"type"`
			ID         any                   `json:"id"`
			Properties struct{ Name string } `json:"properties"`
			Arcs       json.RawMessage       `json:"arcs"`
		} `json:"geometries"`
	} `json:"objects"`
	Arcs [][][2]float64 `json:"arcs"`
}

// decodeTopoJSON reads the named geometry collection of a topology:
// quantized, delta-coded arcs (TopoJSON specification 2.1.3 and 2.2)
// joined into rings, an arc given as ^i read backwards.
func decodeTopoJSON(raw []byte, object string) (*Layer, error) {
	var t topology
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, err
	}
	arcs := make([][]Point, len(t.Arcs))
	for i, a := range t.Arcs {
		pts := make([]Point, len(a))
		var x, y float64
		for j, p := range a {
			if t.Transform != nil {
				x, y = x+p[0], y+p[1]
				pts[j] = Point{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
			} else {
				pts[j] = Point{p[0], p[1]}
			}
		}
		arcs[i] = pts
	}
	ring := func(ids []int) (Ring, error) {
		for _, id := range ids {
			if id < 0 {
				id = ^id
			}
			if id >= len(arcs) {
				return nil, fmt.Errorf("arc %d of %d", id, len(arcs))
			}
		}
		return joinArcs(arcs, ids), nil
	}
	// A ring quantized to under four points (a speck of an island) has
	// no area; a polygon whose outer ring is one is left out.
	polygon := func(rings [][]int) (Polygon, [][]int, error) {
		var p Polygon
		var refs [][]int
		for i, ids := range rings {
			r, err := ring(ids)
			if err != nil {
				return nil, nil, err
			}
			if len(r) < 4 {
				if i == 0 {
					return nil, nil, nil
				}
				continue
			}
			p = append(p, r)
			refs = append(refs, ids)
		}
		// Natural Earth draws Antarctica at 1:50m as a ring a thousandth
		// of a degree from the pole with the coast a hole; the coast,
		// which keeps the region on its right as outlines do, becomes
		// the outline.
		if len(p) >= 2 && polarSpeck(p[0]) {
			p, refs = p[1:], refs[1:]
		}
		return p, refs, nil
	}
	obj, ok := t.Objects[object]
	if !ok {
		return nil, fmt.Errorf("no object %q", object)
	}
	l := &Layer{byCode: map[string]int{}, arcs: arcs}
	for _, g := range obj.Geometries {
		f := Feature{Name: g.Properties.Name}
		switch id := g.ID.(type) {
		case string:
			f.Code = id
		case float64:
			f.Code = fmt.Sprint(id)
		}
		switch g.Type {
		case "Polygon":
			var rings [][]int
			if err := json.Unmarshal(g.Arcs, &rings); err != nil {
				return nil, err
			}
			p, refs, err := polygon(rings)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", f.Name, err)
			}
			if p != nil {
				f.Polygons, f.refs = []Polygon{p}, [][][]int{refs}
			}
		case "MultiPolygon":
			var polys [][][]int
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, err
			}
			for _, rings := range polys {
				p, refs, err := polygon(rings)
				if err != nil {
					return nil, fmt.Errorf("%s: %v", f.Name, err)
				}
				if p != nil {
					f.Polygons, f.refs = append(f.Polygons, p), append(f.refs, refs)
				}
			}
		default:
			continue // no area to draw
		}
		l.Features = append(l.Features, f)
	}
	mergeCodes(l)
	return l, nil
}

// alpha3Codes gives a countries layer's features their alpha-3 codes
// (the boundaries carry ISO's numeric ones) and indexes them; a feature
// without a code takes the one its English name has, if any (Kosovo).
func alpha3Codes(l *Layer) {
	byNum := map[string]string{}
	byName := map[string]string{}
	for _, c := range countries {
		byNum[c.num] = c.a3
		for _, n := range c.en {
			byName[n] = c.a3
		}
	}
	l.byCode = map[string]int{}
	for i := range l.Features {
		f := &l.Features[i]
		switch a3, ok := byNum[f.Code]; {
		case ok:
			f.Code = a3
		case naturalEarthCodes[f.Name] != "":
			f.Code = naturalEarthCodes[f.Name]
		default:
			f.Code = byName[f.Name]
		}
	}
	mergeCodes(l)
}

// mergeCodes makes regions that share a code one region, named as the
// one with the most points is (Natural Earth draws the Ashmore and
// Cartier Islands apart, with Australia's code), and indexes the layer
// by code.
func mergeCodes(l *Layer) {
	l.byCode = map[string]int{}
	points := func(f *Feature) (n int) {
		for _, p := range f.Polygons {
			for _, r := range p {
				n += len(r)
			}
		}
		return n
	}
	kept := l.Features[:0]
	for _, f := range l.Features {
		if i, ok := l.byCode[f.Code]; ok && f.Code != "" {
			g := &kept[i]
			if points(&f) > points(g) {
				g.Name = f.Name
			}
			g.Polygons = append(g.Polygons, f.Polygons...)
			g.refs = append(g.refs, f.refs...)
			continue
		}
		if f.Code != "" {
			l.byCode[f.Code] = len(kept)
		}
		kept = append(kept, f)
	}
	l.Features = kept
}

// polarSpeck reports whether a ring lies within a hundredth of a degree
// of a pole.
func polarSpeck(r Ring) bool {
	for _, q := range r {
		if math.Abs(q.Lat) < 89.99 {
			return false
		}
	}
	return true
}

// crimeaToUkraine draws Crimea as part of Ukraine, as the United Nations
// General Assembly recognises it (resolution 68/262) and as newsrooms
// draw it, not under Russia, where Natural Earth's de facto boundaries
// put it: Russia's part that lies wholly in the peninsula's box moves to
// Ukraine, arcs and all.
func crimeaToUkraine(l *Layer) {
	ru, okR := l.byCode["RUS"]
	ua, okU := l.byCode["UKR"]
	if !okR || !okU {
		return
	}
	r, u := &l.Features[ru], &l.Features[ua]
	for k := 0; k < len(r.Polygons); k++ {
		in := true
		for _, p := range r.Polygons[k][0] {
			in = in && p.Lon > 32 && p.Lon < 37 && p.Lat > 44 && p.Lat < 46.5
		}
		if !in {
			continue
		}
		u.Polygons = append(u.Polygons, r.Polygons[k])
		u.refs = append(u.refs, r.refs[k])
		r.Polygons = append(r.Polygons[:k:k], r.Polygons[k+1:]...)
		r.refs = append(r.refs[:k:k], r.refs[k+1:]...)
		k--
	}
}
