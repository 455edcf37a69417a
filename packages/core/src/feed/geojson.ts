/**
 * GeoJSON: polygons with values in their properties become observations (area from `id` or a code
 * property); points (BTS sites, villages, cases) are kept as `points` for the layers that draw them. Pure.
 */
import { FeedError } from './errors.js';
import type { FeedModel, FeedPoint } from './model.js';
import { rowsToModel, type Row } from './tabular.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function isGeoJson(v: Obj): boolean {
  return v.type === 'FeatureCollection' || v.type === 'Feature';
}

export function parseGeoJson(v: Obj, options: { indicator?: string; decimalComma?: boolean }): FeedModel {
  const features = v.type === 'Feature' ? [v] : v.features;
  if (!Array.isArray(features)) throw new FeedError('schema', { path: 'features', detail: 'expected an array' });
  const points: FeedPoint[] = [];
  const rows: Row[] = [];
  features.forEach((f, i) => {
    if (!isObj(f)) throw new FeedError('schema', { path: `features[${i}]`, detail: 'expected a Feature' });
    const props = isObj(f.properties) ? f.properties : {};
    const geom = isObj(f.geometry) ? f.geometry : null;
    if (geom?.type === 'Point') {
      const c = geom.coordinates;
      const lon = Array.isArray(c) ? Number(c[0]) : NaN;
      const lat = Array.isArray(c) ? Number(c[1]) : NaN;
      points.push({ id: f.id != null ? String(f.id) : String(props.id ?? i), lon, lat, properties: props });
    } else {
      const code = f.id ?? props.code ?? props.area;
      rows.push({ ...props, ...(code != null && props.code == null && props.area == null ? { code } : {}) });
    }
  });
  let model: FeedModel;
  const valued = rows.filter((r) => Object.keys(r).some((k) => ['value', 'gia_tri'].includes(k.toLowerCase())));
  if (valued.length) model = rowsToModel(valued, { format: 'geojson', ...options });
  else model = { format: 'geojson', indicators: [], observations: [], unmatched: [] };
  if (points.length) model.points = points;
  if (!points.length && !model.observations.length) throw new FeedError('empty', { detail: 'no point features and no `value` property' });
  return model;
}
