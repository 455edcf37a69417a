/**
 * Reading boundary files into polygons keyed by GSO code. Pure (no DOM): GeoJSON and TopoJSON.
 * Vector tiles (PMTiles, XYZ) are not read here: MapLibre reads them itself.
 */
import type { Topology } from 'topojson-specification';
import { normalizeAreaCode } from '@chiso/core';

import { CODE_PROP, NAME_PROP } from './boundary-kind.js';
import { TOPOLOGY_SHAPE, plain, shapeBbox, shapeOf, topologyFeatures } from './topology-features.js';

export { CODE_PROP, NAME_PROP, boundariesKind } from './boundary-kind.js';

export type Bbox = [number, number, number, number];

export interface BoundaryArea {
  code: string;
  name: string;
  bbox: Bbox;
  /** A point for a tooltip or a focus ring: the centre of the largest ring's bounding box, pulled inside. */
  anchor: [number, number];
  /** Further properties of the feature (`provinceCode`, `population`, `areaKm2`…), as published. */
  properties: Record<string, unknown>;
}

export interface Boundaries {
  /** Polygon features only, each with `CODE_PROP`, `NAME_PROP` and a string `id` equal to the code. */
  collection: GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
  areas: Map<string, BoundaryArea>;
  bbox?: Bbox;
  /** Features left out: not polygons, no geometry, or no join key. */
  skipped: { notPolygon: number; noCode: number; duplicate: number };
}

export class BoundaryError extends Error {
  constructor(
    readonly reason: 'not-json' | 'not-geojson' | 'no-polygons' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'BoundaryError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Accepts a FeatureCollection, a Feature, a TopoJSON Topology (every object, or `object`) or JSON text. */
export function readBoundaries(input: unknown, options: { joinKey?: string; nameKey?: string; object?: string } = {}): Boundaries {
  let data = input;
  // Objects parsed here are ours to annotate in place; a caller's objects are copied, never changed.
  const owned = typeof data === 'string';
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data.replace(/^\uFEFF/, ''));
    } catch {
      throw new BoundaryError('not-json', 'The boundaries are not JSON');
    }
  }
  if (!isObject(data)) throw new BoundaryError('not-geojson', 'The boundaries are not GeoJSON or TopoJSON');
  let features: unknown[];
  if (data.type === 'Topology' && isObject(data.objects)) {
    const topology = data as unknown as Topology;
    const names = options.object ? [options.object] : Object.keys(topology.objects);
    features = [];
    for (const name of names) {
      const obj = topology.objects[name];
      if (!obj) continue;
      for (const f of topologyFeatures(topology, obj)) features.push(f);
    }
  } else if (data.type === 'FeatureCollection' && Array.isArray(data.features)) {
    features = data.features;
  } else if (data.type === 'Feature') {
    features = [data];
  } else {
    throw new BoundaryError('not-geojson', 'The boundaries are not GeoJSON or TopoJSON');
  }
  const joinKey = options.joinKey || 'code';
  const nameKey = options.nameKey || 'name';
  const out: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>[] = [];
  const areas = new Map<string, BoundaryArea>();
  const skipped = { notPolygon: 0, noCode: 0, duplicate: 0 };
  let all: Bbox | undefined;
  for (const f of features) {
    // From TopoJSON: the shape as arcs, its coordinates made only when read (topology-features.ts).
    const shape = shapeOf(f);
    const geometry = shape || !isObject(f) || !isObject(f.geometry) ? undefined : (f.geometry as unknown as GeoJSON.Geometry);
    const isArea = !!shape || ((geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon') && Array.isArray(geometry.coordinates));
    if (!isObject(f) || !isArea) {
      skipped.notPolygon++;
      continue;
    }
    const props = isObject(f.properties) ? f.properties : {};
    const rawCode = joinKey === 'id' ? f.id : (props[joinKey] ?? (joinKey === 'code' ? f.id : undefined));
    if (rawCode == null || rawCode === '') {
      skipped.noCode++;
      continue;
    }
    const code = normalizeAreaCode(rawCode);
    if (areas.has(code)) {
      skipped.duplicate++;
      continue;
    }
    const polygons = geometry ? polygonsOf(geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon) : undefined;
    const bbox = shape ? shapeBbox(shape) : bboxOf(polygons!);
    if (!bbox) {
      skipped.notPolygon++;
      continue;
    }
    all = all ? [Math.min(all[0], bbox[0]), Math.min(all[1], bbox[1]), Math.max(all[2], bbox[2]), Math.max(all[3], bbox[3])] : bbox;
    const name = String(props[nameKey] ?? props.fullName ?? props.ten ?? code);
    // The anchor is worked out on first use (a tooltip, a keyboard focus), not for all 10,000 areas up front.
    let anchor: [number, number] | undefined;
    areas.set(code, {
      code, name, bbox, properties: props,
      get anchor() {
        return (anchor ??= anchorOf(polygons ?? polygonsOf(f.geometry as unknown as GeoJSON.Polygon | GeoJSON.MultiPolygon)));
      },
    });
    let properties: Record<string, unknown>;
    if (owned) {
      properties = props;
      properties[CODE_PROP] = code;
      properties[NAME_PROP] = name;
    } else properties = { ...props, [CODE_PROP]: code, [NAME_PROP]: name };
    const area = { type: 'Feature', id: code, properties } as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
    if (shape) {
      Object.defineProperty(area, 'geometry', { enumerable: true, configurable: true, get: () => f.geometry, set: (value) => plain(area, value) });
      Object.defineProperty(area, TOPOLOGY_SHAPE, { value: shape, enumerable: false });
    } else area.geometry = geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    out.push(area);
  }
  if (!out.length) throw new BoundaryError('no-polygons', 'The boundaries hold no polygon with a code');
  return { collection: { type: 'FeatureCollection', features: out }, areas, bbox: all, skipped };
}

const polygonsOf = (g: GeoJSON.Polygon | GeoJSON.MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

function bboxOf(polygons: GeoJSON.Position[][][]): Bbox | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polygons) {
    const outer = poly?.[0] ?? [];
    for (let i = 0; i < outer.length; i++) {
      const x = outer[i]?.[0];
      const y = outer[i]?.[1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return minX <= maxX ? [minX, minY, maxX, maxY] : undefined;
}

const ringArea = (ring: GeoJSON.Position[]): number => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
};

/**
 * A point inside the largest polygon: the midpoint of the widest inside span on the horizontal line through
 * the centre of its bounding box (a cheap, always-inside label point for convex and concave shapes alike).
 */
function anchorOf(polygons: GeoJSON.Position[][][]): [number, number] {
  let best = polygons[0];
  let bestArea = -1;
  for (const p of polygons) {
    const a = ringArea(p[0] ?? []);
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  const outer = best[0] ?? [];
  const b = bboxOf([best])!;
  const y = (b[1] + b[3]) / 2;
  const xs: number[] = [];
  for (const ring of best) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((p, q) => p - q);
  let span: [number, number] | undefined;
  for (let i = 0; i + 1 < xs.length; i += 2) if (!span || xs[i + 1] - xs[i] > span[1] - span[0]) span = [xs[i], xs[i + 1]];
  if (span) return [(span[0] + span[1]) / 2, y];
  return outer.length ? [outer[0][0], outer[0][1]] : [(b[0] + b[2]) / 2, y];
}

/** The box around the areas whose code is `area` or whose `provinceCode` / `districtCode` is `area`. */
export function bboxOfArea(boundaries: Boundaries, area: string): Bbox | undefined {
  const code = normalizeAreaCode(area);
  let box: Bbox | undefined;
  for (const a of boundaries.areas.values()) {
    const p = a.properties;
    if (a.code !== code && String(p.provinceCode ?? '') !== code && String(p.districtCode ?? '') !== code) continue;
    box = box ? [Math.min(box[0], a.bbox[0]), Math.min(box[1], a.bbox[1]), Math.max(box[2], a.bbox[2]), Math.max(box[3], a.bbox[3])] : a.bbox;
  }
  return box;
}
