/** Reader for chiso feed v1 (schema: `packages/core/schema/feed-v1.schema.json`). Pure. */
import { FeedError } from './errors.js';
import type { Direction, FeedModel, FeedSource, Indicator, LocalizedText, Observation, Qualifier } from './model.js';
import type { ParseOptions } from './parse.js';

import { normalizeAreaCode, readNumber } from './values.js';

const DIRECTIONS: Direction[] = ['higher-is-better', 'lower-is-better'];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function fail(path: string, detail: string): never {
  throw new FeedError('schema', { path, detail });
}

function text(v: unknown, path: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return fail(path, 'expected text');
}

function localized(v: unknown, path: string): LocalizedText | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (isObject(v)) {
    const vi = text(v.vi, `${path}.vi`);
    const en = text(v.en, `${path}.en`);
    return { ...(vi !== undefined && { vi }), ...(en !== undefined && { en }) };
  }
  return fail(path, 'expected text or { vi, en }');
}

function optionalNumber(v: unknown, path: string): number | undefined {
  if (v === undefined) return undefined;
  const r = readNumber(v);
  if (!r.ok) fail(path, 'expected a number');
  return r.value ?? undefined;
}

function readIndicator(v: unknown, path: string): Indicator {
  if (!isObject(v)) fail(path, 'expected an object');
  const id = text(v.id, `${path}.id`);
  if (!id) fail(`${path}.id`, 'required');
  const ind: Indicator = { id };
  const name = localized(v.name, `${path}.name`);
  if (name !== undefined) ind.name = name;
  const description = localized(v.description, `${path}.description`);
  if (description !== undefined) ind.description = description;
  const unit = text(v.unit, `${path}.unit`);
  if (unit !== undefined) ind.unit = unit;
  const countUnit = localized(v.countUnit, `${path}.countUnit`);
  if (countUnit !== undefined) ind.countUnit = countUnit;
  const decimals = optionalNumber(v.decimals, `${path}.decimals`);
  if (decimals !== undefined) {
    if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) fail(`${path}.decimals`, 'expected 0 to 6');
    ind.decimals = decimals;
  }
  if (v.direction !== undefined) {
    if (!DIRECTIONS.includes(v.direction as Direction)) fail(`${path}.direction`, 'expected higher-is-better or lower-is-better');
    ind.direction = v.direction as Direction;
  }
  for (const key of ['target', 'min', 'max'] as const) {
    const n = optionalNumber(v[key], `${path}.${key}`);
    if (n !== undefined) ind[key] = n;
  }
  if (v.aggregation !== undefined) {
    if (!['sum', 'ratio', 'none'].includes(v.aggregation as string)) fail(`${path}.aggregation`, 'expected sum, ratio or none');
    ind.aggregation = v.aggregation as Indicator['aggregation'];
  }
  if (v.thresholds !== undefined) {
    if (!Array.isArray(v.thresholds)) fail(`${path}.thresholds`, 'expected an array of numbers');
    const t = v.thresholds.map((x, i) => optionalNumber(x, `${path}.thresholds[${i}]`));
    if (t.some((x) => x === undefined)) fail(`${path}.thresholds`, 'expected numbers');
    ind.thresholds = (t as number[]).slice().sort((a, b) => a - b);
  }
  return ind;
}

function readSource(v: unknown, path = 'source'): FeedSource | undefined {
  if (!isObject(v)) return undefined;
  const source: FeedSource = {};
  const name = localized(v.name, `${path}.name`);
  if (name !== undefined) source.name = name;
  for (const key of ['url', 'updated', 'published', 'license'] as const) {
    const t = text(v[key], `${path}.${key}`);
    if (t !== undefined) source[key] = t;
  }
  return source;
}

/** The words sources use before a figure, in Vietnamese and English, to a {@link Qualifier}. */
const QUALIFIERS: Record<string, Qualifier> = {
  nearly: 'nearly', 'gần': 'nearly', almost: 'nearly',
  over: 'over', 'more-than': 'over', 'hơn': 'over', 'trên': 'over', 'more than': 'over',
  about: 'about', approximately: 'about', 'khoảng': 'about', 'xấp xỉ': 'about',
  under: 'under', 'less-than': 'under', 'dưới': 'under', 'less than': 'under',
};

/** The qualifier a source's word stands for (`gần` → `nearly`), or undefined. */
export function qualifierOf(word: string): Qualifier | undefined {
  return QUALIFIERS[word.trim().toLowerCase()];
}

function readQualifier(v: unknown, path: string): Qualifier | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const q = qualifierOf(String(v));
  return q ?? fail(path, 'expected nearly, over, about or under (gần, hơn, trên, khoảng, dưới)');
}

function readRank(v: unknown, path: string): number | undefined {
  const n = optionalNumber(v, path);
  if (n !== undefined && (!Number.isInteger(n) || n < 1)) fail(path, 'expected a whole number from 1');
  return n;
}

export function parseNative(root: Record<string, unknown>, options: ParseOptions = {}): FeedModel {
  if (Number(root.chiso) !== 1) fail('chiso', `unsupported version ${JSON.stringify(root.chiso)?.slice(0, 20)}`);
  const rawIndicators = root.indicators ?? [];
  if (!Array.isArray(rawIndicators)) fail('indicators', 'expected an array');
  const indicators = rawIndicators.map((v, i) => readIndicator(v, `indicators[${i}]`));
  if (!Array.isArray(root.observations)) fail('observations', 'expected an array');
  const defaultIndicator = indicators.length === 1 ? indicators[0].id : options.indicator ?? (indicators.length === 0 ? 'value' : undefined);

  const observations: Observation[] = root.observations.map((v, i) => {
    const path = `observations[${i}]`;
    if (!isObject(v)) fail(path, 'expected an object');
    const level = text(v.level, `${path}.level`);
    if (v.area === undefined || v.area === null || v.area === '') fail(`${path}.area`, 'required');
    const area = normalizeAreaCode(text(v.area, `${path}.area`), level);
    if (!('value' in v)) fail(`${path}.value`, 'required');
    const reading = readNumber(v.value);
    if (!reading.ok) fail(`${path}.value`, `expected a number, got ${JSON.stringify(v.value)?.slice(0, 40)}`);
    const indicator = text(v.indicator, `${path}.indicator`) ?? defaultIndicator;
    if (!indicator) fail(`${path}.indicator`, 'required when the feed has several indicators');
    const obs: Observation = { indicator, area, period: text(v.period, `${path}.period`) ?? '', value: reading.value };
    const name = text(v.name ?? v.areaName, `${path}.name`);
    if (name !== undefined) obs.areaName = name;
    if (level !== undefined) obs.level = level;
    const tier = text(v.tier, `${path}.tier`);
    if (tier !== undefined) obs.tier = tier;
    const numerator = optionalNumber(v.numerator, `${path}.numerator`);
    if (numerator !== undefined) obs.numerator = numerator;
    const denominator = optionalNumber(v.denominator, `${path}.denominator`);
    if (denominator !== undefined) obs.denominator = denominator;
    const status = text(v.status, `${path}.status`);
    if (status !== undefined) obs.status = status;
    if (isObject(v.dims)) {
      obs.dims = {};
      for (const [k, d] of Object.entries(v.dims)) obs.dims[k] = text(d, `${path}.dims.${k}`) ?? '';
    }
    if (v.subject !== undefined && v.subject !== null) {
      if (!isObject(v.subject)) fail(`${path}.subject`, 'expected { id, name }');
      const id = text(v.subject.id, `${path}.subject.id`);
      if (!id) fail(`${path}.subject.id`, 'required');
      const subjectName = localized(v.subject.name, `${path}.subject.name`);
      obs.subject = subjectName !== undefined ? { id, name: subjectName } : { id };
    }
    const rank = readRank(v.rank, `${path}.rank`);
    if (rank !== undefined) obs.rank = rank;
    const rankOf = readRank(v.rankOf, `${path}.rankOf`);
    if (rankOf !== undefined) {
      if (rank !== undefined && rank > rankOf) fail(`${path}.rank`, `rank ${rank} is more than rankOf ${rankOf}`);
      obs.rankOf = rankOf;
    }
    const qualifier = readQualifier(v.qualifier, `${path}.qualifier`);
    if (qualifier) obs.qualifier = qualifier;
    const source = readSource(v.source, `${path}.source`);
    if (source) obs.source = source;
    const note = localized(v.note, `${path}.note`);
    if (note !== undefined) obs.note = note;
    return obs;
  });

  const model: FeedModel = { format: 'chiso', indicators, observations, unmatched: [] };
  const source = readSource(root.source);
  if (source) model.source = source;
  return model;
}
