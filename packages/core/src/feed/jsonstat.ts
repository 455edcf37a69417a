/**
 * JSON-stat 2.0 datasets and JSON-stat 1.0 bundles (including PX-Web's `{"dataset": …}` download and the
 * old Eurostat wrapper keyed by dataset name). Pure.
 */
import { FeedError } from './errors.js';
import type { FeedModel, Indicator, Observation, UnmatchedArea } from './model.js';
import { parsePeriod } from './period.js';
import { readNumber } from './values.js';
import { knownEraOfPeriod, matchAreaName, matchProvinceCode, unmatchedKey, type AreaMatch, type Era } from '../geo/gazetteer.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Most cells one dataset may declare: bigger is a mistake or an attack. */
export const MAX_CELLS = 5_000_000;

interface Dim {
  id: string;
  label: string;
  keys: string[];
  labels: string[];
  units?: Obj;
}

export function isJsonStat(v: Obj): boolean {
  if (v.class === 'dataset' || v.class === 'collection' || v.class === 'bundle') return true;
  if (typeof v.version === 'string' && v.version.startsWith('2')) return true;
  // JSON-stat 1.0 bundle: every (or the first) property is a dataset with dimension + value.
  const first = Object.values(v)[0];
  return isObj(first) && isObj(first.dimension) && 'value' in first;
}

function readDim(id: string, raw: unknown): Dim {
  if (!isObj(raw)) throw new FeedError('schema', { path: `dimension.${id}`, detail: 'expected an object' });
  const cat = isObj(raw.category) ? raw.category : {};
  const labelsObj = isObj(cat.label) ? cat.label : {};
  let keys: string[];
  if (Array.isArray(cat.index)) keys = cat.index.map(String);
  else if (isObj(cat.index)) {
    keys = [];
    for (const [k, pos] of Object.entries(cat.index)) {
      const p = Number(pos);
      if (!Number.isInteger(p) || p < 0 || p > MAX_CELLS) throw new FeedError('schema', { path: `dimension.${id}.category.index.${k}` });
      keys[p] = k;
    }
    keys = keys.filter((k) => k !== undefined);
  } else keys = Object.keys(labelsObj);
  if (!keys.length) keys = [id];
  return {
    id,
    label: typeof raw.label === 'string' ? raw.label : id,
    keys,
    labels: keys.map((k) => (typeof labelsObj[k] === 'string' ? (labelsObj[k] as string) : k)),
    units: isObj(cat.unit) ? cat.unit : undefined,
  };
}

/** A dimension of task statuses: `status`, `trạng thái`, `tình trạng`, `tiến độ` (with or without diacritics). */
const STATUS_NAME = /^\s*(status|task[ _-]?status|tr[aạ]ng[ _-]?th[aá]i|t[iì]nh[ _-]?tr[aạ]ng|ti[eế]n[ _-]?[dđ][oộ])\s*$/i;
const TIME_NAME = /^(time|tid|year|years|nam|năm|period|periode|ky|kỳ|date|quarter|month|thang|tháng|quy|quý|ar|år)$/i;
const GEO_NAME = /(geo|area|region|province|provinces|tinh|tỉnh|địa|dia ?ban|locality|city|cities|reporting unit)/i;

/** A time label as a chiso period: `2021`, `2021-05`, `2021-Q1`; PX-Web's `2021M05`, GSO's `Prel. 2024`. */
export function periodFromLabel(label: string): { period: string; preliminary: boolean } | null {
  const s = String(label).trim();
  const preliminary = /prel|sơ bộ|so bo|provisional/i.test(s);
  const direct = parsePeriod(s);
  if (direct) {
    const m = s.match(/^(\d{4})M(\d{2})$/);
    return { period: m ? `${m[1]}-${m[2]}` : s.replace(/^(\d{4})Q/i, '$1-Q'), preliminary };
  }
  const q = s.match(/^(\d{4})\s*[-_ ]?\s*[QK]([1-4])$/i);
  if (q) return { period: `${q[1]}-Q${q[2]}`, preliminary };
  const year = s.match(/(?:^|\D)((?:19|20|21)\d{2})(?:\D|$)/);
  if (year && s.replace(/prel\.?|sơ bộ|so bo|provisional|\(|\)|\*|\s/gi, '') === year[1]) return { period: year[1], preliminary };
  return null;
}

/**
 * Whether an area dimension's keys are GSO codes rather than positions. PX-Web numbers categories `0`, `1`,
 * … (so GSO's region "Mekong River Delta" sits at key 56, Khánh Hòa's code): keys that are their own
 * positions never count as codes. Other keys count only when every category whose label names a province
 * carries that province's code (in either era), and at least one does, or when no category has a label.
 */
export function keysAreAreaCodes(dim: { keys: string[]; labels: string[] }): boolean {
  const { keys, labels } = dim;
  if (!keys.length) return false;
  if (keys.every((k, i) => k === String(i)) || keys.every((k, i) => k === String(i + 1))) return false;
  let agree = 0;
  let labelled = 0;
  for (let i = 0; i < keys.length; i++) {
    const label = labels[i]?.trim() ?? '';
    if (!label || label === keys[i]) continue;
    labelled++;
    const named = (['pre2025', '2025'] as Era[]).map((era) => matchAreaName(label, era)).filter((m) => m?.level === 'province');
    if (!named.length) continue;
    if (!named.some((m) => m!.code === keys[i].trim().padStart(2, '0'))) return false;
    agree++;
  }
  return agree > 0 || labelled === 0;
}

export function parseJsonStat(root: Obj): FeedModel {
  if (root.class === 'collection') {
    throw new FeedError('unsupported', { detail: 'a JSON-stat collection holds links, not data; give the URL of one dataset' });
  }
  const datasets: Array<[string, Obj]> = [];
  if (root.class === 'dataset' || (typeof root.version === 'string' && isObj(root.dimension) && Array.isArray(root.id))) {
    datasets.push([String(root.label ?? 'dataset'), root]);
  } else if (root.class === 'bundle' || !root.class) {
    for (const [name, ds] of Object.entries(root)) if (isObj(ds) && isObj(ds.dimension)) datasets.push([name, ds]);
  }
  if (!datasets.length) throw new FeedError('schema', { path: 'dimension', detail: 'no JSON-stat dataset found' });
  const model: FeedModel = { format: datasets[0][1].version ? 'jsonstat2' : 'jsonstat1', indicators: [], observations: [], unmatched: [] };
  for (const [name, ds] of datasets) readDataset(name, ds, model);
  return model;
}

function readDataset(name: string, ds: Obj, model: FeedModel): void {
  const dimension = ds.dimension as Obj;
  // 2.0 keeps id/size/role at the top; 1.0 inside `dimension`.
  const ids = (Array.isArray(ds.id) ? ds.id : Array.isArray(dimension.id) ? dimension.id : Object.keys(dimension).filter((k) => k !== 'id' && k !== 'size' && k !== 'role')).map(String);
  const role = (isObj(ds.role) ? ds.role : isObj(dimension.role) ? dimension.role : {}) as Record<string, unknown>;
  const dims = ids.map((id) => readDim(id, dimension[id]));
  const declared = (Array.isArray(ds.size) ? ds.size : Array.isArray(dimension.size) ? dimension.size : dims.map((d) => d.keys.length)).map(Number);
  if (declared.length !== dims.length || declared.some((n, i) => !Number.isInteger(n) || n < 1 || n !== dims[i].keys.length)) {
    throw new FeedError('schema', { path: 'size', detail: 'sizes do not match the dimensions' });
  }
  const cells = declared.reduce((a, b) => a * b, 1);
  if (cells > MAX_CELLS) throw new FeedError('parse', { detail: `${cells} cells is more than ${MAX_CELLS}` });

  const roleOf = (r: string) => (Array.isArray(role[r]) ? (role[r] as unknown[]).map(String) : []);
  const byId = (id: string | undefined) => dims.find((d) => d.id === id);
  // Time: the role, else the name, else labels that all read as periods.
  let time = byId(roleOf('time')[0]) ?? dims.find((d) => TIME_NAME.test(d.id) || TIME_NAME.test(d.label))
    ?? dims.find((d) => d.labels.length > 0 && d.labels.every((l) => periodFromLabel(l)));
  // Area: the role, else the dimension whose labels are mostly provinces, else the name.
  let geo = byId(roleOf('geo')[0]);
  if (!geo) {
    let best: Dim | undefined;
    let bestShare = 0;
    for (const d of dims) {
      if (d === time) continue;
      const share = d.labels.filter((l) => matchAreaName(l)).length / d.labels.length;
      if (share > bestShare) { best = d; bestShare = share; }
    }
    geo = bestShare >= 0.5 ? best : dims.find((d) => d !== time && (GEO_NAME.test(d.id) || GEO_NAME.test(d.label)));
  }
  if (time === geo) time = undefined;
  const rest = dims.filter((d) => d !== time && d !== geo);
  // A task-status dimension (<chiso-progress>) is a dimension of one indicator's counts, never the indicator itself.
  const candidates = rest.filter((d) => !STATUS_NAME.test(d.id) && !STATUS_NAME.test(d.label));
  const metric = byId(roleOf('metric')[0]) ?? (candidates.length === 1 ? candidates[0] : candidates.find((d) => d.keys.length > 1) ?? candidates[0]);
  const extra = rest.filter((d) => d !== metric);

  const dsLabel = typeof ds.label === 'string' ? ds.label : name;
  const unitOf = (d: Dim | undefined, k: string) => {
    const u = d?.units?.[k];
    return isObj(u) ? u : undefined;
  };
  if (metric) {
    metric.keys.forEach((k, i) => {
      const ind: Indicator = { id: k, name: metric.keys.length === 1 ? dsLabel : metric.labels[i] };
      const u = unitOf(metric, k);
      if (u) {
        const symbol = typeof u.symbol === 'string' ? u.symbol : typeof u.label === 'string' ? u.label : undefined;
        if (symbol) ind.unit = symbol;
        if (Number.isInteger(u.decimals)) ind.decimals = u.decimals as number;
      }
      if (!model.indicators.some((x) => x.id === ind.id)) model.indicators.push(ind);
    });
  } else if (!model.indicators.some((x) => x.id === name)) model.indicators.push({ id: name, name: dsLabel });

  const value = ds.value;
  const status = ds.status;
  const valueAt = (i: number): unknown => (Array.isArray(value) ? value[i] : isObj(value) ? value[String(i)] : undefined);
  const statusAt = (i: number): string | undefined => {
    const s = typeof status === 'string' ? status : Array.isArray(status) ? status[i] : isObj(status) ? status[String(i)] : undefined;
    return typeof s === 'string' && s ? s : undefined;
  };
  if (!Array.isArray(value) && !isObj(value)) throw new FeedError('schema', { path: 'value', detail: 'expected an array or an object' });

  // Every area category is matched once per era: by its label, or by its key only where keys are codes.
  const areaOf = new Map<string, AreaMatch | null>();
  const keysAreCodes = geo ? keysAreAreaCodes(geo) : false;
  // Labels are read once per category, not once per cell.
  const periodOf = new Map<number, { period: string; preliminary: boolean }>();
  const unmatched = new Map<string, UnmatchedArea>();
  const strides = declared.map((_, d) => declared.slice(d + 1).reduce((a, b) => a * b, 1));
  const dimIndex = (cell: number, d: number) => Math.floor(cell / strides[d]) % declared[d];
  const pos = (d: Dim | undefined) => (d ? dims.indexOf(d) : -1);
  const [ti, gi, mi] = [pos(time), pos(geo), pos(metric)];

  const cellsToRead: number[] = [];
  if (isObj(value) && !Array.isArray(value)) {
    for (const k of Object.keys(value)) {
      const n = Number(k);
      if (Number.isInteger(n) && n >= 0 && n < cells) cellsToRead.push(n);
    }
    cellsToRead.sort((a, b) => a - b);
  } else for (let i = 0; i < cells; i++) cellsToRead.push(i);

  for (const cell of cellsToRead) {
    const reading = readNumber(valueAt(cell));
    const obs: Observation = {
      indicator: metric ? metric.keys[dimIndex(cell, mi)] : name,
      area: 'VN',
      period: '',
      value: reading.ok ? reading.value : null,
    };
    if (time) {
      const t = dimIndex(cell, ti);
      let p = periodOf.get(t);
      if (p === undefined) {
        const label = time.labels[t];
        const read = periodFromLabel(label) ?? periodFromLabel(time.keys[t]);
        p = { period: read?.period ?? label.trim(), preliminary: !!read?.preliminary };
        periodOf.set(t, p);
      }
      obs.period = p.period;
      if (p.preliminary) obs.status = 'preliminary';
    }
    if (geo) {
      const k = dimIndex(cell, gi);
      const era = knownEraOfPeriod(obs.period);
      const cacheKey = `${k}|${era ?? ''}`;
      if (!areaOf.has(cacheKey)) {
        const m = matchAreaName(geo.labels[k], era) ?? (keysAreCodes ? matchProvinceCode(geo.keys[k], era) : null);
        areaOf.set(cacheKey, m);
      }
      const m = areaOf.get(cacheKey);
      if (m) {
        obs.area = m.code;
        obs.areaName = m.name;
        obs.level = m.level;
      } else {
        // Kept apart under a key that is never a GSO code, with the publisher's label.
        obs.area = unmatchedKey(geo.keys[k]);
        obs.areaName = geo.labels[k].trim();
        const u = unmatched.get(obs.area) ?? { key: obs.area, label: obs.areaName, count: 0 };
        u.count++;
        unmatched.set(obs.area, u);
      }
    } else obs.level = 'country';
    const st = statusAt(cell);
    if (st) obs.status = st;
    if (extra.length) {
      obs.dims = {};
      for (const d of extra) obs.dims[d.id] = d.labels[dimIndex(cell, dims.indexOf(d))];
    }
    model.observations.push(obs);
  }
  model.unmatched.push(...unmatched.values());
}
