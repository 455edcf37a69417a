/**
 * Point feeds as publishers send them: a GeoJSON FeatureCollection of Points, or a native JSON list of
 * records with `lon`/`lat` (also `lng`, `longitude`/`latitude`), bare or under `sites`, `villages`, `data`,
 * `records` (CKAN) or `items`. Pure.
 */

export interface RawPoint {
  id?: unknown;
  lon?: unknown;
  lat?: unknown;
  properties: Record<string, unknown>;
}

export interface Village {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads points from a feed value; throws a plain Error (the element turns it into a FeedError) when it holds none. */
export function readPoints(input: unknown): RawPoint[] {
  let list: unknown = input;
  if (isObject(input)) {
    if (input.type === 'FeatureCollection' && Array.isArray(input.features)) list = input.features;
    else if (input.type === 'Feature') list = [input];
    else {
      const inner = isObject(input.result) ? input.result : input; // CKAN datastore_search
      list = ['sites', 'villages', 'records', 'data', 'items', 'features'].map((k) => inner[k]).find(Array.isArray);
    }
  }
  if (!Array.isArray(list)) throw new Error('no list of points (GeoJSON Points, or records with lon/lat)');
  return list.map((item): RawPoint => {
    if (!isObject(item)) return { properties: {} };
    if (item.type === 'Feature') {
      const props = isObject(item.properties) ? item.properties : {};
      const g = item.geometry;
      const coords = isObject(g) && g.type === 'Point' && Array.isArray(g.coordinates) ? g.coordinates : [];
      return { id: item.id ?? props.id, lon: coords[0], lat: coords[1], properties: props };
    }
    return {
      id: item.id ?? item.code ?? item.ma,
      lon: item.lon ?? item.lng ?? item.longitude ?? item.kinh_do,
      lat: item.lat ?? item.latitude ?? item.vi_do,
      properties: item,
    };
  });
}

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v.replace(',', '.')) : NaN);

/** Villages (thôn, bản) with an id, a name and a position; those without a usable position are counted out. */
export function readVillages(input: unknown): { villages: Village[]; skipped: number } {
  const villages: Village[] = [];
  let skipped = 0;
  const seen = new Set<string>();
  readPoints(input).forEach((p, i) => {
    const lon = num(p.lon);
    const lat = num(p.lat);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return void skipped++;
    const name = String(p.properties.name ?? p.properties.ten ?? p.id ?? `#${i + 1}`);
    let id = String(p.id ?? name);
    if (seen.has(id)) id = `${id} (${i + 1})`; // two "Thôn 1" in one province stay two villages
    seen.add(id);
    villages.push({ id, name, lon, lat });
  });
  return { villages, skipped };
}
