/**
 * Areas (code and polygon) out of a boundaries document, GeoJSON or TopoJSON (the atlas's files), for the coverage
 * maths in the worker or on the main thread. Pure.
 */
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Polygonal } from './coverage.js';

type Json = Record<string, unknown>;

export function areasOf(doc: unknown, joinKey = 'code'): Array<{ code: string; geometry: Polygonal }> {
  const d = (doc ?? {}) as Json;
  let features: Array<{ id?: unknown; properties?: Record<string, unknown> | null; geometry?: { type?: string } | null }> = [];
  if (d.type === 'Topology' && d.objects && typeof d.objects === 'object') {
    for (const obj of Object.values(d.objects as Json)) {
      const fc = feature(d as unknown as Topology, obj as never) as unknown as { features?: typeof features } & (typeof features)[number];
      features.push(...(fc.features ?? [fc]));
    }
  } else if (Array.isArray(d.features)) features = d.features as typeof features;
  return features
    .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
    .map((f) => ({ code: String(joinKey === 'id' ? f.id : (f.properties?.[joinKey] ?? f.id)), geometry: f.geometry as unknown as Polygonal }));
}
