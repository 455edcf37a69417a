// The exact reference for BTS coverage, shared by the tests and the bench: for each area, the union of the
// footprints that can reach it (geodesic 128-gons: under 0.05 % short of true circles) clipped to the area,
// by polygon clipping (polyclip-ts), measured with the spherical area formula.
import { union, intersection } from 'polyclip-ts';
import { footprintRadius, polygonAreaKm2 } from '@chiso/bts/coverage';

/** A geodesic circle (or sector) as a 128-gon ring in lon/lat. */
function footprintRing(site, radiusM, steps = 128) {
  const d = radiusM / 1000 / 6371.0088;
  const lat1 = (site.lat * Math.PI) / 180;
  const lon1 = (site.lon * Math.PI) / 180;
  const point = (deg) => {
    const b = (deg * Math.PI) / 180;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
    const lon2 = lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    return [(lon2 * 180) / Math.PI, (lat2 * 180) / Math.PI];
  };
  if (site.azimuth === undefined) {
    const ring = Array.from({ length: steps }, (_, i) => point((360 * i) / steps));
    return [...ring, ring[0]];
  }
  const from = site.azimuth - site.beamwidth / 2;
  const n = Math.max(8, Math.ceil((steps * site.beamwidth) / 360));
  const ring = [[site.lon, site.lat], ...Array.from({ length: n + 1 }, (_, i) => point(from + (site.beamwidth * i) / n)), [site.lon, site.lat]];
  return ring;
}

/** Exact reference: union of the footprints near each area ∩ the area, by polygon clipping; km². */
export function exactCoverage(sites, areas, options = {}) {
  const out = {};
  for (const { code, geometry } of areas) {
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const xs = polys.flatMap((p) => p[0].map((c) => c[0]));
    const ys = polys.flatMap((p) => p[0].map((c) => c[1]));
    const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    const near = sites.filter((s) => {
      const r = footprintRadius(s, options) / 1000 / 100; // degrees, generously
      return r > 0 && s.lon > box[0] - r * 1.2 && s.lon < box[2] + r * 1.2 && s.lat > box[1] - r && s.lat < box[3] + r;
    });
    const area = polygonAreaKm2(polys);
    if (!near.length) {
      out[code] = { areaKm2: area, coveredKm2: 0 };
      continue;
    }
    const cover = union(...near.map((s) => [[footprintRing(s, footprintRadius(s, options))]]));
    const clipped = intersection(polys, cover);
    out[code] = { areaKm2: area, coveredKm2: polygonAreaKm2(clipped) };
  }
  return out;
}

