/**
 * Outlines in world px (Web Mercator at zoom 0, as camera.ts) as SVG path data, with their boxes: the canvas
 * renderer's areas and lines, made once when a source's data is read. Pure: no DOM.
 */
import { worldX, worldY } from './camera.js';
import type { ArcTable, TopologyShape } from '../topology-features.js';

type Box = [number, number, number, number];

/**
 * An area's or a line's outline in world px as SVG path data, with its box, projected once when the data is read.
 * Path data rather than `Path2D` calls: Chromium builds a path from text about ten times faster than from one
 * `lineTo` call per point (the national map's 59,000 points: 15 ms against 70–180 ms, probe), and a whole view's
 * areas of one colour are one path, made from their joined text. The same points as d3-geo's stream drew through
 * `toWorld` (a ring's closing point is left out: `Z` draws that side), so the same pixels.
 */
export function geometryPath(g: GeoJSON.Geometry): { d: string; box: Box } | undefined {
  let lines: GeoJSON.Position[][];
  let closed = true;
  if (g.type === 'Polygon') lines = g.coordinates;
  else if (g.type === 'MultiPolygon') lines = g.coordinates.flat();
  else {
    closed = false;
    if (g.type === 'LineString') lines = [g.coordinates];
    else if (g.type === 'MultiLineString') lines = g.coordinates;
    else return undefined;
  }
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  let d = '';
  for (const line of lines) {
    if (!line?.length) continue;
    let last = line.length;
    const first = line[0];
    if (closed && last > 1 && line[last - 1]?.[0] === first?.[0] && line[last - 1]?.[1] === first?.[1]) last--;
    let command = 'M';
    for (let i = 0; i < last; i++) {
      const x = worldX(line[i]?.[0]);
      const y = worldY(line[i]?.[1]);
      // A point that is not a number is left out: in path text it would end the path, and every area after it.
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < box[0]) box[0] = x;
      if (x > box[2]) box[2] = x;
      if (y < box[1]) box[1] = y;
      if (y > box[3]) box[3] = y;
      d += `${command}${x} ${y}`;
      command = 'L';
    }
    if (closed && command === 'L') d += 'Z';
  }
  return { d, box };
}

/** A topology's arcs in world px: each point as path text (`x y`), and each arc's box. */
interface ArcPaths {
  points: string[];
  box: Float64Array;
}
const arcPaths = new WeakMap<ArcTable, ArcPaths>();

function projectArcs(table: ArcTable): ArcPaths {
  let cached = arcPaths.get(table);
  if (cached) return cached;
  const { xy, start } = table;
  const n = start.length - 1;
  const points = new Array<string>(xy.length / 2);
  const box = new Float64Array(4 * n);
  for (let a = 0; a < n; a++) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let k = start[a]; k < start[a + 1]; k++) {
      const x = worldX(xy[2 * k]);
      const y = worldY(xy[2 * k + 1]);
      points[k] = Number.isFinite(x) && Number.isFinite(y) ? `${x} ${y}` : '';
      if (!points[k]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    box.set([x0, y0, x1, y1], 4 * a);
  }
  arcPaths.set(table, (cached = { points, box }));
  return cached;
}

/**
 * A TopoJSON area's outline from its arcs: the same points, in the same order, as its GeoJSON rings (each
 * arc's first point is the previous arc's last; the ring's closing point is left out, `Z` draws that side). A
 * border shared by two areas is projected once for both.
 */
export function shapePath(shape: TopologyShape): { d: string; box: Box } {
  const { points, box: arcBox } = projectArcs(shape.table);
  const { start } = shape.table;
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  let d = '';
  for (const polygon of shape.polygons) {
    for (const ring of polygon) {
      const seq: string[] = [];
      for (const i of ring) {
        const a = i < 0 ? ~i : i;
        if (!(a < start.length - 1)) continue;
        if (seq.length) seq.pop();
        if (i < 0) for (let k = start[a + 1] - 1; k >= start[a]; k--) seq.push(points[k]);
        else for (let k = start[a]; k < start[a + 1]; k++) seq.push(points[k]);
        box[0] = Math.min(box[0], arcBox[4 * a]);
        box[1] = Math.min(box[1], arcBox[4 * a + 1]);
        box[2] = Math.max(box[2], arcBox[4 * a + 2]);
        box[3] = Math.max(box[3], arcBox[4 * a + 3]);
      }
      if (seq.length > 1 && seq[seq.length - 1] === seq[0]) seq.pop();
      let command = 'M';
      for (const p of seq) {
        if (!p) continue;
        d += command + p;
        command = 'L';
      }
      if (command === 'L') d += 'Z';
    }
  }
  return { d, box };
}
