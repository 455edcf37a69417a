/**
 * TopoJSON → GeoJSON features, as topojson-client's `feature` makes them, for the boundaries' polygons, with their
 * coordinates made only when something reads them. The arcs are decoded once into one typed array; a feature's
 * `geometry` is built from them on first read (a tooltip's anchor, MapLibre taking over), and the canvas renderer
 * draws straight from the arcs (`TOPOLOGY_SHAPE`), each shared border projected once. topojson-client makes an
 * array for every point of every ring (an arc again for each ring that uses it) before anything is drawn; reading
 * the national atlas this way took 25 ms in Node against 33 (probe), with less garbage. Pure: no DOM.
 *
 * Only areas need coordinates here: any other geometry (points, lines) keeps its type with no coordinates, which
 * the boundaries' reader counts as not a polygon, as before.
 */
import type { Topology, GeometryObject } from 'topojson-specification';

type Position = [number, number];

/** Every arc of a topology in longitude/latitude: arc i is points `start[i]` to `start[i + 1] - 1` of `xy` (x, y in turn). */
export interface ArcTable {
  xy: Float64Array;
  start: Uint32Array;
  /** Each arc's box in longitude/latitude: minX, minY, maxX, maxY in turn. */
  box: Float64Array;
}

/** A polygon feature's shape as arcs: polygons → rings → arc indexes (`~i`: arc i reversed). */
export interface TopologyShape {
  type: 'Polygon' | 'MultiPolygon';
  table: ArcTable;
  polygons: number[][][];
}

/** Where a feature read from TopoJSON keeps its shape (not enumerable: copies and clones leave it out). */
export const TOPOLOGY_SHAPE = Symbol.for('chiso.topology-shape');

export const shapeOf = (feature: unknown): TopologyShape | undefined =>
  (feature as { [TOPOLOGY_SHAPE]?: TopologyShape } | null | undefined)?.[TOPOLOGY_SHAPE];

const tables = new WeakMap<Topology, ArcTable>();

/** The topology's arcs, delta-decoded and transformed once (kept for the topology's other objects). */
export function arcTable(topology: Topology): ArcTable {
  const cached = tables.get(topology);
  if (cached) return cached;
  const arcs = Array.isArray(topology.arcs) ? topology.arcs : [];
  const t = topology.transform;
  const [sx, sy] = t?.scale ?? [1, 1];
  const [tx, ty] = t?.translate ?? [0, 0];
  const start = new Uint32Array(arcs.length + 1);
  for (let i = 0; i < arcs.length; i++) start[i + 1] = start[i] + (Array.isArray(arcs[i]) ? arcs[i].length : 0);
  const xy = new Float64Array(2 * start[arcs.length]);
  const box = new Float64Array(4 * arcs.length);
  for (let i = 0; i < arcs.length; i++) {
    let x = 0;
    let y = 0;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let k = start[i], j = 0; k < start[i + 1]; k++, j++) {
      const p = arcs[i][j];
      let px: number;
      let py: number;
      if (t) {
        x += p?.[0];
        y += p?.[1];
        px = x * sx + tx;
        py = y * sy + ty;
      } else [px, py] = [p?.[0], p?.[1]];
      xy[2 * k] = px;
      xy[2 * k + 1] = py;
      if (px < x0) x0 = px;
      if (px > x1) x1 = px;
      if (py < y0) y0 = py;
      if (py > y1) y1 = py;
    }
    box.set([x0, y0, x1, y1], 4 * i);
  }
  const table = { xy, start, box };
  tables.set(topology, table);
  return table;
}

/** A ring's positions, as topojson-client makes them (an arc starts where the one before it ended: that point once). */
export function ringPositions(table: ArcTable, indexes: number[]): Position[] {
  const ring: Position[] = [];
  const { xy, start } = table;
  for (const i of indexes) {
    const a = i < 0 ? ~i : i;
    if (!(a < start.length - 1)) continue;
    if (ring.length) ring.pop();
    if (i < 0) for (let k = start[a + 1] - 1; k >= start[a]; k--) ring.push([xy[2 * k], xy[2 * k + 1]]);
    else for (let k = start[a]; k < start[a + 1]; k++) ring.push([xy[2 * k], xy[2 * k + 1]]);
  }
  while (ring.length && ring.length < 4) ring.push(ring[0]); // as topojson-client: a ring has at least four points
  return ring;
}

/** The box of a shape's outer rings in longitude/latitude (undefined when they have no point). */
export function shapeBbox(shape: TopologyShape): [number, number, number, number] | undefined {
  const { box, start } = shape.table;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of shape.polygons) {
    for (const i of polygon[0] ?? []) {
      const a = i < 0 ? ~i : i;
      if (!(a < start.length - 1) || start[a] === start[a + 1]) continue;
      x0 = Math.min(x0, box[4 * a]);
      y0 = Math.min(y0, box[4 * a + 1]);
      x1 = Math.max(x1, box[4 * a + 2]);
      y1 = Math.max(y1, box[4 * a + 3]);
    }
  }
  return x0 <= x1 && Number.isFinite(x0) && Number.isFinite(y0) ? [x0, y0, x1, y1] : undefined;
}

/** A geometry set by a page on a feature made here becomes a plain property, as on any GeoJSON feature. */
export const plain = (feature: object, value: unknown): void =>
  void Object.defineProperty(feature, 'geometry', { value, enumerable: true, configurable: true, writable: true });

/** Rings' arc indexes as arrays of numbers (a hostile file may hold anything there). */
const indexesOf = (ring: unknown): number[] => (Array.isArray(ring) ? ring.filter((i): i is number => Number.isInteger(i) && i >= -(2 ** 31) && i < 2 ** 31) : []);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The features of one object of a topology: a collection's members, or the object itself. */
export function topologyFeatures(topology: Topology, object: GeometryObject<GeoJSON.GeoJsonProperties>): GeoJSON.Feature[] {
  const table = arcTable(topology);
  const out: GeoJSON.Feature[] = [];
  const visit = (o: GeometryObject<GeoJSON.GeoJsonProperties> | null) => {
    const feature = { type: 'Feature', properties: o?.properties ?? {} } as GeoJSON.Feature;
    if (o?.id != null) feature.id = o.id;
    if (o?.type === 'Polygon' || o?.type === 'MultiPolygon') {
      const polygons = o.type === 'Polygon' ? [listOf(o.arcs).map(indexesOf)] : listOf(o.arcs).map((p) => listOf(p).map(indexesOf));
      const shape: TopologyShape = { type: o.type, table, polygons };
      let geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | undefined;
      Object.defineProperty(feature, 'geometry', {
        enumerable: true,
        configurable: true,
        get: () => (geometry ??= shape.type === 'Polygon'
          ? { type: 'Polygon', coordinates: polygons[0].map((r) => ringPositions(table, r)) }
          : { type: 'MultiPolygon', coordinates: polygons.map((p) => p.map((r) => ringPositions(table, r))) }),
        set: (value) => plain(feature, value),
      });
      Object.defineProperty(feature, TOPOLOGY_SHAPE, { value: shape, enumerable: false });
    } else feature.geometry = (o?.type ? { type: o.type, coordinates: [] } : null) as unknown as GeoJSON.Geometry;
    out.push(feature);
  };
  // A collection's members are the features (a collection inside it is one feature, not an area).
  if (object?.type === 'GeometryCollection') for (const g of listOf(object.geometries)) visit(g as GeometryObject<GeoJSON.GeoJsonProperties>);
  else visit(object);
  return out;
}
