/**
 * The canvas renderer's sources, as MapLibre's GeoJSON and image sources behave for chiso's layers: features with
 * ids (`promoteId`), their state (`setFeatureState`), paths in world px made once when the data is read
 * (world-paths.ts; panning and zooming only change the canvas's transform), point clustering with
 * `clusterProperties`, and a picture laid over four corners.
 */
import { geoPath, geoTransform } from 'd3-geo';
import { compileExpression, type Evaluator } from './expressions.js';
import { fromWorld, toWorld } from './camera.js';
import { geometryPath, shapePath } from './world-paths.js';
import { shapeOf } from '../topology-features.js';

export interface CanvasFeature {
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: GeoJSON.Geometry;
  geometryType: string;
  /** World px (zoom 0): [minX, minY, maxX, maxY]. */
  box: [number, number, number, number];
  /** A point feature's place in world px. */
  at?: [number, number];
  /** Areas and lines: their outline in world px as SVG path data, made once when the data is read. */
  d?: string;
  /** Areas and lines: the outline in world px (made on first use). */
  path?: Path2D;
}

/** Longitude/latitude → world px, as a d3-geo stream transform (planar: no spherical clipping or resampling). */
export const worldProjection = geoTransform({
  point(lng, lat) {
    const [x, y] = toWorld(lng, lat);
    this.stream.point(x, y);
  },
});

let bounds: [number, number, number, number];
const boxStream = geoTransform({
  point(lng, lat) {
    const [x, y] = toWorld(lng, lat);
    if (x < bounds[0]) bounds[0] = x;
    if (y < bounds[1]) bounds[1] = y;
    if (x > bounds[2]) bounds[2] = x;
    if (y > bounds[3]) bounds[3] = y;
  },
});

/** Any other geometry (multi-points, collections) through d3-geo's stream. */
function worldBox(g: GeoJSON.Geometry): [number, number, number, number] {
  bounds = [Infinity, Infinity, -Infinity, -Infinity];
  geoPath(boxStream)({ type: 'Feature', properties: null, geometry: g });
  return bounds;
}

/** One path of many features' outlines in world px (a fill colour's areas, a layer's outlines). */
export function pathOf(features: CanvasFeature[]): Path2D {
  if (features.every((f) => f.d !== undefined)) return new Path2D(features.map((f) => f.d).join(''));
  const path = new Path2D();
  for (const f of features) path.addPath(featurePath(f));
  return path;
}

/** The feature's path in world px (cached on the feature). */
export function featurePath(f: CanvasFeature): Path2D {
  if (!f.path) {
    if (f.d !== undefined) f.path = new Path2D(f.d);
    else {
      f.path = new Path2D();
      geoPath(worldProjection, f.path as unknown as CanvasRenderingContext2D)({ type: 'Feature', properties: null, geometry: f.geometry });
    }
  }
  return f.path;
}

export interface GeoJsonSourceSpec {
  type: 'geojson';
  data: GeoJSON.FeatureCollection | GeoJSON.Feature;
  promoteId?: string;
  cluster?: boolean;
  clusterRadius?: number;
  clusterMaxZoom?: number;
  clusterProperties?: Record<string, [string, unknown]>;
}

export class CanvasGeoJsonSource {
  readonly type = 'geojson';
  /** Bumped on every change of data: drawings cached from older data are stale. */
  version = 0;
  features: CanvasFeature[] = [];
  private readonly clusterCache = new Map<number, CanvasFeature[]>();
  private readonly clusterMembers = new Map<number, number[]>();
  private readonly reducers: Array<[string, string, Evaluator]>;

  constructor(private readonly spec: GeoJsonSourceSpec, private readonly changed: () => void) {
    this.reducers = Object.entries(spec.clusterProperties ?? {}).map(([key, [op, map]]) => [key, op, compileExpression(map)]);
    this.read(spec.data);
  }

  setData(data: GeoJsonSourceSpec['data']): this {
    this.read(data);
    this.changed();
    return this;
  }

  private read(data: GeoJsonSourceSpec['data']): void {
    const list = data?.type === 'FeatureCollection' ? data.features : data?.type === 'Feature' ? [data] : [];
    const promote = this.spec.promoteId;
    this.features = [];
    for (const f of list) {
      // Areas read from TopoJSON are drawn from their arcs; their coordinates are made only if something reads them.
      const shape = shapeOf(f);
      if (!shape && !f?.geometry) continue;
      const properties = (f.properties ?? {}) as Record<string, unknown>;
      if (shape) {
        const { d, box } = shapePath(shape);
        this.features.push({
          id: promote ? (properties[promote] as string | number | undefined) : f.id, properties, geometryType: shape.type, box, d,
          get geometry() {
            return f.geometry;
          },
        });
        continue;
      }
      const g = f.geometry;
      const feature: CanvasFeature = {
        id: promote ? (properties[promote] as string | number | undefined) : f.id, properties, geometry: g, geometryType: g.type, box: [0, 0, 0, 0],
      };
      if (g.type === 'Point') {
        feature.at = toWorld(g.coordinates[0], g.coordinates[1]);
        feature.box = [feature.at[0], feature.at[1], feature.at[0], feature.at[1]];
      } else {
        const projected = geometryPath(g);
        feature.d = projected?.d;
        feature.box = projected?.box ?? worldBox(g);
      }
      this.features.push(feature);
    }
    this.version++;
    this.clusterCache.clear();
    this.clusterMembers.clear();
  }

  /** The features drawn at `zoom`: clusters where the source clusters, else every feature. */
  featuresAt(zoom: number): CanvasFeature[] {
    const z = Math.floor(zoom);
    if (!this.spec.cluster || z > (this.spec.clusterMaxZoom ?? 17)) return this.features;
    let cached = this.clusterCache.get(z);
    if (!cached) this.clusterCache.set(z, (cached = this.cluster(z)));
    return cached;
  }

  /** The zoom from which a cluster's points no longer form one cluster. */
  getClusterExpansionZoom(clusterId: number): Promise<number> {
    const members = this.clusterMembers.get(clusterId);
    if (!members) return Promise.reject(new Error('No cluster with the specified id.'));
    const max = this.spec.clusterMaxZoom ?? 17; // MapLibre's default: the source's maxzoom (18) − 1
    const z0 = Math.floor(clusterId / 1e6);
    for (let z = z0 + 1; z <= max; z++) {
      this.featuresAt(z);
      const together = [...this.clusterMembers].some(([id, m]) => Math.floor(id / 1e6) === z && members.every((i) => m.includes(i)));
      if (!together) return Promise.resolve(z);
    }
    return Promise.resolve(max + 1);
  }

  /** Greedy clustering at integer zoom `z`, as MapLibre's: points within `clusterRadius` px (of a 512 px tile) join the first. */
  private cluster(z: number): CanvasFeature[] {
    const r = (this.spec.clusterRadius ?? 50) / 2 ** z;
    const points = this.features.filter((f) => f.at);
    const grid = new Map<string, number[]>();
    const cell = (x: number, y: number) => `${Math.floor(x / r)},${Math.floor(y / r)}`;
    points.forEach((p, i) => {
      const key = cell(p.at![0], p.at![1]);
      const list = grid.get(key);
      if (list) list.push(i);
      else grid.set(key, [i]);
    });
    const taken = new Uint8Array(points.length);
    const out: CanvasFeature[] = [];
    let next = 0;
    for (let i = 0; i < points.length; i++) {
      if (taken[i]) continue;
      taken[i] = 1;
      const [x, y] = points[i].at!;
      const members = [i];
      const cx = Math.floor(x / r);
      const cy = Math.floor(y / r);
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        for (let gy = cy - 1; gy <= cy + 1; gy++) {
          for (const j of grid.get(`${gx},${gy}`) ?? []) {
            if (taken[j]) continue;
            const [px, py] = points[j].at!;
            if ((px - x) ** 2 + (py - y) ** 2 <= r * r) {
              taken[j] = 1;
              members.push(j);
            }
          }
        }
      }
      if (members.length === 1) {
        out.push(points[i]);
        continue;
      }
      const id = z * 1e6 + next++;
      this.clusterMembers.set(id, members);
      out.push(this.clusterFeature(id, members.map((m) => points[m])));
    }
    return out;
  }

  private clusterFeature(id: number, members: CanvasFeature[]): CanvasFeature {
    let sx = 0;
    let sy = 0;
    for (const m of members) {
      sx += m.at![0];
      sy += m.at![1];
    }
    const at: [number, number] = [sx / members.length, sy / members.length];
    const n = members.length;
    const properties: Record<string, unknown> = {
      cluster: true, cluster_id: id, point_count: n, point_count_abbreviated: n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n),
    };
    for (const [key, op, map] of this.reducers) {
      const values = members.map((m) => Number(map({ zoom: 0, properties: m.properties, id: m.id })));
      properties[key] = op === 'max' ? Math.max(...values) : op === 'min' ? Math.min(...values) : op === '*' ? values.reduce((a, b) => a * b, 1) : values.reduce((a, b) => a + b, 0);
    }
    return { id, properties, geometry: { type: 'Point', coordinates: fromWorld(at[0], at[1]) }, geometryType: 'Point', box: [at[0], at[1], at[0], at[1]], at };
  }
}

/** A picture over four corners (top-left, top-right, bottom-right, bottom-left), as MapLibre's image source. */
export class CanvasImageSource {
  readonly type = 'image';
  image?: CanvasImageSource_;
  coordinates: Array<[number, number]>;

  constructor(spec: { coordinates: Array<[number, number]> }, private readonly changed: () => void) {
    this.coordinates = spec.coordinates;
  }

  updateImage(o: { image?: ImageBitmap | HTMLCanvasElement | HTMLImageElement; coordinates?: Array<[number, number]> }): this {
    if (o.image) this.image = o.image;
    if (o.coordinates) this.coordinates = o.coordinates;
    this.changed();
    return this;
  }

  setCoordinates(c: Array<[number, number]>): this {
    this.coordinates = c;
    this.changed();
    return this;
  }
}

type CanvasImageSource_ = ImageBitmap | HTMLCanvasElement | HTMLImageElement;
