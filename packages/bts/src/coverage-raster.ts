/**
 * The modelled coverage as one picture: every footprint filled in a single colour (so overlaps never
 * darken), then cut to the land inside the boundaries. Drawn in Web Mercator pixels, so MapLibre can lay it
 * over the map as an image source without warping. Pure: it draws on any Canvas 2D context it is given (an
 * OffscreenCanvas in the coverage worker, a canvas on the main thread), and creates no DOM.
 *
 * Why a picture and not polygons: a union of thousands of circles as polygons took 15 s for Tuyên Quang's
 * 1,283 sites (`npm run bench`), and translucent overlapping polygons would show overlaps darker. The
 * numbers in `stats` never come from this picture; they come from the strip sweep in `coverage.ts`.
 */
import { footprintRadius, polygonalBbox, type CoverageOptions, type Polygonal, type Site } from './coverage.js';

/** The part of a Canvas 2D context the drawing needs. */
export interface Canvas2D {
  fillStyle: unknown;
  globalCompositeOperation: string;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
  closePath(): void;
  fill(rule?: 'nonzero' | 'evenodd'): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
}

/** Where a picture lies: its lon/lat box, and its size in pixels. */
export interface RasterFrame {
  west: number;
  south: number;
  east: number;
  north: number;
  width: number;
  height: number;
}

const RAD = Math.PI / 180;
const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * RAD) / 2)) / Math.PI) / 2;

/** A frame over a lon/lat box, at most `maxPx` pixels on its longer side (Mercator proportions). */
export function rasterFrame(bbox: [number, number, number, number], maxPx = 2048): RasterFrame {
  const [west, south, east, north] = bbox;
  const dx = Math.max(1e-9, mercX(east) - mercX(west));
  const dy = Math.max(1e-9, mercY(south) - mercY(north));
  const scale = maxPx / Math.max(dx, dy);
  return { west, south, east, north, width: Math.max(1, Math.round(dx * scale)), height: Math.max(1, Math.round(dy * scale)) };
}

/** The box a picture should cover: the areas (coverage is cut to them), else every footprint. */
export function coverageBbox(sites: Site[], options: CoverageOptions, areas?: Array<{ geometry: Polygonal }>): [number, number, number, number] | undefined {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const grow = (b: number[]) => {
    w = Math.min(w, b[0]);
    s = Math.min(s, b[1]);
    e = Math.max(e, b[2]);
    n = Math.max(n, b[3]);
  };
  if (areas?.length) for (const a of areas) grow(polygonalBbox(a.geometry));
  else {
    for (const site of sites) {
      const r = footprintRadius(site, options);
      if (r <= 0) continue;
      const dLat = r / 111_000;
      const dLon = dLat / Math.max(0.1, Math.cos(site.lat * RAD));
      grow([site.lon - dLon, site.lat - dLat, site.lon + dLon, site.lat + dLat]);
    }
  }
  return w < e && s < n ? [w, s, e, n] : undefined;
}

/** MapLibre's image-source corners for a frame: top left, top right, bottom right, bottom left. */
export function frameCorners(f: RasterFrame): [[number, number], [number, number], [number, number], [number, number]] {
  return [[f.west, f.north], [f.east, f.north], [f.east, f.south], [f.west, f.south]];
}

/**
 * Fills every footprint of the sites (after the operator/technology filter) in `color`, then keeps only
 * what lies inside the areas, when areas are given.
 */
export function drawCoverage(
  ctx: Canvas2D,
  frame: RasterFrame,
  sites: Site[],
  options: CoverageOptions = {},
  areas?: Array<{ geometry: Polygonal }>,
  color = '#1f78b4',
): void {
  const x0 = mercX(frame.west);
  const y0 = mercY(frame.north);
  const sx = frame.width / (mercX(frame.east) - x0);
  const sy = frame.height / (mercY(frame.south) - y0);
  const px = (lon: number) => (mercX(lon) - x0) * sx;
  const py = (lat: number) => (mercY(lat) - y0) * sy;
  ctx.clearRect(0, 0, frame.width, frame.height);
  ctx.globalCompositeOperation = 'source-over';
  ctx.fillStyle = '#000';
  // Each footprint filled on its own, opaque: overlaps paint the same pixels again, so the picture is their union,
  // coloured at the end (a translucent colour does not darken overlaps). One path of every footprint filled
  // non-zero made the same picture, but its winding over thousands of crossing edges took seconds in software.
  // Web Mercator is conformal: a footprint of a few km is a circle there, of radius r / (the ground metres of a
  // pixel at the site's latitude), to well under a pixel (the geodesic ring of footprintRing, drawn vertex by
  // vertex, cost a great-circle destination per vertex: most of the picture's time).
  const pxPerMetreAtEquator = sx / (2 * Math.PI * 6_371_008.8);
  for (const site of sites) {
    const r = footprintRadius(site, options);
    if (r <= 0) continue;
    const cx = px(site.lon);
    const cy = py(site.lat);
    const rPx = (r * pxPerMetreAtEquator) / Math.cos(site.lat * RAD);
    ctx.beginPath();
    if (site.azimuth === undefined || site.beamwidth === undefined || site.beamwidth >= 360) ctx.arc(cx, cy, rPx, 0, 2 * Math.PI);
    else {
      // Bearings run clockwise from north; canvas angles clockwise from east (y down).
      ctx.moveTo(cx, cy);
      ctx.arc(cx, cy, rPx, (site.azimuth - site.beamwidth / 2 - 90) * RAD, (site.azimuth + site.beamwidth / 2 - 90) * RAD);
      ctx.closePath();
    }
    ctx.fill('nonzero');
  }
  if (areas?.length) cutToAreas(ctx, areas, px, py);
  ctx.globalCompositeOperation = 'source-in';
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, frame.width, frame.height);
  ctx.globalCompositeOperation = 'source-over';
}

function cutToAreas(ctx: Canvas2D, areas: Array<{ geometry: Polygonal }>, px: (lon: number) => number, py: (lat: number) => number): void {
  // Cut to the land: keep the coverage only where the areas are (even-odd, so holes stay out).
  ctx.globalCompositeOperation = 'destination-in';
  ctx.fillStyle = '#000';
  ctx.beginPath();
  for (const { geometry } of areas) {
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const poly of polys) for (const ring of poly) {
      if (ring.length < 3) continue;
      ctx.moveTo(px(ring[0][0]), py(ring[0][1]));
      for (let i = 1; i < ring.length; i++) ctx.lineTo(px(ring[i][0]), py(ring[i][1]));
      ctx.closePath();
    }
  }
  ctx.fill('evenodd');
  ctx.globalCompositeOperation = 'source-over';
}
