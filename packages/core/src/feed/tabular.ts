/**
 * Rows of a table (CSV text, CKAN DataStore records, GeoJSON properties) into observations. Long tables
 * (one row an observation) and wide ones (one column a period, as statistics offices publish) both
 * work. Pure; CSV via d3-dsv.
 */
import { csvParse, dsvFormat, tsvParse } from 'd3-dsv';
import { FeedError } from './errors.js';
import type { AreaMismatch, FeedFormat, FeedModel, Observation, UnmatchedArea } from './model.js';
import { periodFromLabel } from './jsonstat.js';
import { qualifierOf } from './native.js';
import { normalizeAreaCode, readNumber } from './values.js';
import { knownEraOfPeriod, matchAreaName, matchProvinceCode, nameKey, unmatchedKey, type AreaMatch } from '../geo/gazetteer.js';

export type Row = Record<string, unknown>;

const COLUMN: Record<string, string[]> = {
  area: ['area', 'code', 'areacode', 'ma', 'madvhc', 'madiaban', 'matinh', 'mahuyen', 'maxa', 'provincecode', 'districtcode', 'communecode', 'gso', 'gsocode', 'geo', 'id'],
  name: ['name', 'areaname', 'ten', 'tendvhc', 'tendiaban', 'tentinh', 'tenhuyen', 'tenxa', 'province', 'provincename', 'tinh', 'diaban', 'region', 'district', 'commune'],
  value: ['value', 'giatri', 'val', 'obsvalue', 'rate', 'tyle'],
  period: ['period', 'year', 'nam', 'time', 'date', 'ky', 'kybaocao', 'quarter', 'month', 'ngay'],
  indicator: ['indicator', 'chiso', 'chitieu', 'metric', 'measure'],
  level: ['level', 'cap'],
  numerator: ['numerator', 'tuso'],
  denominator: ['denominator', 'mauso'],
  status: ['status', 'flag', 'trangthai', 'tinhtrang', 'tiendo'],
  // What a figure is about when it is not an area (a department), and a task's deadline (<chiso-progress>).
  subject: ['subject', 'coquan', 'donvithuchien', 'department', 'agency'],
  deadline: ['deadline', 'han', 'thoihan', 'hanhoanthanh', 'duedate'],
  // A published rank ("16" of "63") and the source's wording ("gần", "hơn").
  rank: ['rank', 'hang', 'thuhang', 'xephang'],
  rankOf: ['rankof', 'tongsoxephang', 'trongso'],
  qualifier: ['qualifier', 'tuchinh', 'dinhtinh'],
};

function findColumn(columns: string[], kind: string): string | undefined {
  const wanted = COLUMN[kind];
  return columns.find((c) => wanted.includes(nameKey(c)));
}

/** Reads CSV (comma, semicolon or tab separated; a BOM is fine) into rows. */
export function parseCsv(text: string): Row[] {
  const s = text.replace(/^\uFEFF/, '');
  const header = s.slice(0, s.indexOf('\n') >>> 0);
  const counts = { ',': header.split(',').length, ';': header.split(';').length, '\t': header.split('\t').length };
  const sep = (Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0]) as ',' | ';' | '\t';
  const rows = sep === ',' ? csvParse(s) : sep === '\t' ? tsvParse(s) : dsvFormat(';').parse(s);
  return rows as unknown as Row[];
}

/** Whether numbers in these cells are written the vi-VN way (`87,86`, `349.887`). */
function detectDecimalComma(cells: unknown[]): boolean {
  let comma = 0;
  let dot = 0;
  for (const c of cells) {
    if (typeof c !== 'string') continue;
    const t = c.trim();
    if (/^-?\d+,\d+$/.test(t) && !/^-?\d{1,3},\d{3}$/.test(t)) comma++;
    else if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(t)) comma++;
    else if (/^-?\d+\.\d+$/.test(t) && !/^-?\d{1,3}\.\d{3}$/.test(t)) dot++;
  }
  return comma > 0 && dot === 0;
}

/** A date as ISO: `2025-06-30` stays, the Vietnamese `30/6/2025` is turned round; anything else is kept as written. */
function isoDate(text: string): string {
  const t = text.trim();
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  return vi ? `${vi[3]}-${vi[2].padStart(2, '0')}-${vi[1].padStart(2, '0')}` : t;
}

export interface TabularOptions {
  format: FeedFormat;
  indicator?: string;
  decimalComma?: boolean;
}

export function rowsToModel(rows: Row[], options: TabularOptions): FeedModel {
  if (!Array.isArray(rows) || !rows.length) throw new FeedError('empty');
  const columns = Object.keys(rows[0] ?? {});
  const areaCol = findColumn(columns, 'area');
  const nameCol = findColumn(columns, 'name');
  if (!areaCol && !nameCol) throw new FeedError('schema', { path: 'columns', detail: `no area column (expected one of: area, code, name, province…); found ${columns.slice(0, 8).join(', ')}` });
  const valueCol = findColumn(columns, 'value');
  const periodCol = findColumn(columns, 'period');
  const indicatorCol = findColumn(columns, 'indicator');
  const levelCol = findColumn(columns, 'level');
  const numCol = findColumn(columns, 'numerator');
  const denCol = findColumn(columns, 'denominator');
  const statusCol = findColumn(columns, 'status');
  const subjectCol = findColumn(columns, 'subject');
  const deadlineCol = findColumn(columns, 'deadline');
  const rankCol = findColumn(columns, 'rank');
  const rankOfCol = findColumn(columns, 'rankOf');
  const qualifierCol = findColumn(columns, 'qualifier');
  // Wide: several columns whose headers are periods (2020, 2021… or 2021-05-23…).
  const periodColumns = columns.filter((c) => periodFromLabel(c));
  const wide = !valueCol && periodColumns.length >= 1;
  const numericCells = wide ? rows.slice(0, 200).flatMap((r) => periodColumns.map((c) => r[c])) : rows.slice(0, 500).map((r) => (valueCol ? r[valueCol] : undefined));
  const decimalComma = options.decimalComma ?? detectDecimalComma(numericCells);
  let valueColumn = valueCol;
  if (!wide && !valueColumn) {
    // One numeric column that is not a known one: take it as the value.
    const known = new Set([areaCol, nameCol, periodCol, indicatorCol, levelCol, numCol, denCol, statusCol, subjectCol, deadlineCol, rankCol, rankOfCol, qualifierCol]);
    const numeric = columns.filter((c) => !known.has(c) && rows.slice(0, 50).every((r) => readNumber(r[c], decimalComma).ok));
    if (numeric.length === 1) valueColumn = numeric[0];
    else throw new FeedError('schema', { path: 'columns', detail: 'no value column (expected "value", or one column per period)' });
  }
  const indicatorId = options.indicator ?? (valueColumn && valueColumn !== valueCol ? valueColumn : 'value');
  const model: FeedModel = { format: options.format, indicators: [], observations: [], unmatched: [] };
  const unmatched = new Map<string, UnmatchedArea>();
  const mismatched = new Map<string, AreaMismatch>();
  const matchCache = new Map<string, { m: AreaMatch | null; mismatch?: Omit<AreaMismatch, 'count'> }>();
  // A code column that only numbers the rows (0, 1, 2… or 1, 2, 3…) beside a name column is not a code.
  const codesAreRowNumbers = !!areaCol && !!nameCol && rows.length > 1
    && (rows.every((r, i) => String(r[areaCol] ?? '').trim() === String(i)) || rows.every((r, i) => String(r[areaCol] ?? '').trim() === String(i + 1)));

  /** Matches a short code and a name; the code wins unless the name says an aggregate, and a disagreement is kept. */
  const matchRow = (rawCode: string, rawName: string, period: string) => {
    const era = knownEraOfPeriod(period);
    const key = `${rawCode}|${rawName}|${era ?? ''}`;
    let hit = matchCache.get(key);
    if (!hit) {
      const byName = rawName ? matchAreaName(rawName, era) : null;
      const byCode = /^\d+$/.test(rawCode) ? matchProvinceCode(rawCode, era) : rawCode ? matchAreaName(rawCode, era) : null;
      if (byCode && byName && byCode.code !== byName.code) {
        // A code cannot name the whole country or a region: then the name is the truth; otherwise the code is.
        const m = byName.level !== 'province' ? byName : byCode;
        hit = { m, mismatch: { code: m.code, name: m.name, label: m === byName ? rawCode : rawName } };
      } else hit = { m: byCode ?? byName };
      matchCache.set(key, hit);
    }
    if (hit.mismatch) {
      const k = `${hit.mismatch.code}|${hit.mismatch.label}`;
      const entry = mismatched.get(k) ?? { ...hit.mismatch, count: 0 };
      entry.count++;
      mismatched.set(k, entry);
    }
    return hit.m;
  };

  const areaFor = (row: Row, period: string, obs: Observation, rowIndex: number) => {
    const rawCode = areaCol && !codesAreRowNumbers ? String(row[areaCol] ?? '').trim() : '';
    const rawName = nameCol ? String(row[nameCol] ?? '').trim() : '';
    const level = levelCol ? String(row[levelCol] ?? '').trim() || undefined : undefined;
    if (level) obs.level = level;
    if (rawName) obs.areaName = rawName;
    // District and commune codes (and any code with a declared level below province) are the publisher's.
    if (rawCode && /^\d+$/.test(rawCode) && ((level !== undefined && level !== 'province') || rawCode.length > 2)) {
      obs.area = normalizeAreaCode(rawCode, level);
      return;
    }
    const m = matchRow(rawCode, rawName, period);
    if (m) {
      obs.area = m.code;
      obs.areaName = rawName || m.name;
      obs.level = level ?? m.level;
      return;
    }
    obs.area = unmatchedKey(rawCode || rawName);
    if (!obs.area) throw new FeedError('schema', { path: `rows[${rowIndex}].${areaCol ?? nameCol}`, detail: 'empty area' });
    const u = unmatched.get(obs.area) ?? { key: obs.area, ...(rawName ? { label: rawName } : {}), count: 0 };
    u.count++;
    unmatched.set(obs.area, u);
  };

  rows.forEach((row, i) => {
    if (row === null || typeof row !== 'object') throw new FeedError('schema', { path: `rows[${i}]`, detail: 'expected a record' });
    const cells: Array<[string, unknown]> = wide ? periodColumns.map((c) => [periodFromLabel(c)!.period, row[c]]) : [[periodCol ? String(row[periodCol] ?? '').trim() : '', row[valueColumn!]]];
    for (const [rawPeriod, rawValue] of cells) {
      const p = rawPeriod ? periodFromLabel(rawPeriod) : null;
      const period = p?.period ?? rawPeriod;
      const reading = readNumber(rawValue, decimalComma);
      if (!reading.ok) throw new FeedError('schema', { path: `rows[${i}].${wide ? rawPeriod : valueColumn}`, detail: `not a number: ${String(rawValue).slice(0, 30)}` });
      const obs: Observation = { indicator: indicatorCol ? String(row[indicatorCol] ?? '').trim() || indicatorId : indicatorId, area: '', period, value: reading.value };
      areaFor(row, period, obs, i);
      for (const [col, key] of [[numCol, 'numerator'], [denCol, 'denominator']] as const) {
        if (!col) continue;
        const r = readNumber(row[col], decimalComma);
        if (r.ok && r.value !== null) obs[key] = r.value;
      }
      if (statusCol && row[statusCol]) obs.status = String(row[statusCol]);
      const subject = subjectCol ? String(row[subjectCol] ?? '').trim() : '';
      if (subject) obs.subject = { id: subject, name: subject };
      const deadline = deadlineCol ? isoDate(String(row[deadlineCol] ?? '')) : '';
      if (deadline) obs.dims = { ...obs.dims, deadline };
      // Ranks are whole numbers from 1; anything else in the column is not a rank and is left out.
      for (const [col, key] of [[rankCol, 'rank'], [rankOfCol, 'rankOf']] as const) {
        const r = col ? readNumber(row[col], decimalComma) : undefined;
        if (r?.ok && r.value !== null && Number.isInteger(r.value) && r.value >= 1) obs[key] = r.value;
      }
      const qualifier = qualifierCol ? qualifierOf(String(row[qualifierCol] ?? '')) : undefined;
      if (qualifier) obs.qualifier = qualifier;
      model.observations.push(obs);
    }
  });
  for (const id of new Set(model.observations.map((o) => o.indicator))) model.indicators.push({ id });
  model.unmatched = [...unmatched.values()];
  if (mismatched.size) model.mismatched = [...mismatched.values()];
  return model;
}

/** A CKAN DataStore `datastore_search` (or `datastore_search_sql`) response. */
export function isCkan(v: Record<string, unknown>): boolean {
  const r = v.result as Record<string, unknown> | undefined;
  return 'success' in v && r !== null && typeof r === 'object' && Array.isArray(r.records);
}

export function parseCkan(v: Record<string, unknown>, options: { indicator?: string; decimalComma?: boolean }): FeedModel {
  if (v.success === false) {
    const err = v.error as Record<string, unknown> | undefined;
    throw new FeedError('http', { detail: `CKAN: ${String(err?.message ?? err?.__type ?? 'error').slice(0, 120)}` });
  }
  const result = v.result as { records: Row[]; fields?: Array<{ id: string }> };
  const rows = result.records.map((r) => {
    // CKAN adds its own row id; it is not the area.
    const { _id, _full_text, ...rest } = r as Row & { _id?: unknown; _full_text?: unknown };
    void _id; void _full_text;
    return rest;
  });
  return rowsToModel(rows, { format: 'ckan', ...options });
}
