// Prints the reference coordinates of TestProjections, from d3-geo 3.1.2:
// npm install d3-geo@3.1.2 && node d3.mjs
import * as d3 from "d3-geo";
const pts = [[0,0],[30,45],[-75,35],[120,-30],[179.9,80],[-180,-60],[84.1,28.4],[127.5,40.3],[10,89]];
const out = {};
const P = {
  equalEarth: d3.geoEqualEarth().scale(1).translate([0,0]),
  mercator: d3.geoMercator().scale(1).translate([0,0]),
  orthographicNepal: d3.geoOrthographic().scale(1).translate([0,0]).rotate([-84, -28]).clipAngle(null),
  conicEqualArea: d3.geoConicEqualArea().parallels([29.5,45.5]).rotate([96,0]).center([0,23]).scale(1).translate([0,0]),
};
for (const [name, p] of Object.entries(P)) {
  out[name] = pts.map(q => [q[0], q[1], ...p(q)]);
}
console.log(JSON.stringify(out));

const p = d3.geoAlbersUsa().scale(1).translate([0,0]);
const pts = [[-96.6,38.7],[-122.4,37.8],[-74,40.7],[-80.2,25.8],[-149.9,61.2],[-147.7,64.8],[-157.8,21.3],[-155.5,19.6],[-68.8,44.8]];
console.log(JSON.stringify(pts.map(q => [q[0], q[1], ...(p(q) || [null, null])])));
