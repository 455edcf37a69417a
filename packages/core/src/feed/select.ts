/** Picking observations out of a model for a chart: by indicator, area, level and period. Pure. */
import type { FeedModel, Indicator, Observation } from './model.js';
import { comparePeriods, parsePeriod, sameTimeYearBefore } from './period.js';
import { normalizeAreaCode } from './values.js';

export interface Selector {
  indicator?: string;
  area?: string;
  level?: string;
  /** A period; the latest one with a value when left out. */
  period?: string;
}

export interface Selected {
  indicator: Indicator;
  observation: Observation;
  /** The same indicator, area and level one period earlier (same granularity), when the feed has it. */
  previous?: Observation;
}

/** Levels from the widest to the narrowest, for ordering and for picking a default. */
export const LEVEL_ORDER = ['country', 'region', 'province', 'district', 'commune', 'village'];

/** What a gauge group lays out and a `level` selector picks: the tier of government when the feed gives one, else the area's level. */
export const tierOf = (o: Observation): string | undefined => o.tier ?? o.level;

export const levelRank = (level: string | undefined) => {
  const i = LEVEL_ORDER.indexOf(level ?? '');
  return i < 0 ? LEVEL_ORDER.length : i;
};

/** The indicator a selector means: the named one, else the feed's first, else one made up from the data. */
export function resolveIndicator(model: FeedModel, id?: string): Indicator | undefined {
  if (id) return model.indicators.find((i) => i.id === id) ?? (model.observations.some((o) => o.indicator === id) ? { id } : undefined);
  if (model.indicators.length) return model.indicators[0];
  const first = model.observations[0]?.indicator;
  return first ? { id: first } : undefined;
}

export function sameArea(a: string, b: string, level?: string) {
  return a === b || normalizeAreaCode(a, level) === normalizeAreaCode(b, level) || a.toLowerCase() === b.toLowerCase();
}

/** The latest period among observations, preferring those with a value. */
export function pickPeriod(candidates: Observation[]): string | undefined {
  const withValue = candidates.filter((o) => o.value !== null);
  const pool = withValue.length ? withValue : candidates;
  let best: string | undefined;
  for (const o of pool) if (best === undefined || comparePeriods(o.period, best) > 0) best = o.period;
  return best;
}

/**
 * The observation one period before `obs`: same indicator, area and level, same period granularity. A part
 * of a year (`2021-01/2021-05`) is compared with the same part of the year before, or with nothing.
 */
export function previousObservation(candidates: Observation[], obs: Observation): Observation | undefined {
  const g = parsePeriod(obs.period)?.granularity;
  if (g === 'span') {
    const before = sameTimeYearBefore(obs.period);
    return candidates.find((o) => o !== obs && o.value !== null && o.area === obs.area && o.level === obs.level && o.tier === obs.tier && o.period === before);
  }
  let best: Observation | undefined;
  for (const o of candidates) {
    if (o === obs || o.value === null || o.area !== obs.area || o.level !== obs.level || o.tier !== obs.tier) continue;
    if (parsePeriod(o.period)?.granularity !== g || comparePeriods(o.period, obs.period) >= 0) continue;
    if (!best || comparePeriods(o.period, best.period) > 0) best = o;
  }
  return best;
}

/** One observation for a single-value chart (a gauge), or null when nothing matches the selector. */
export function selectObservation(model: FeedModel, selector: Selector = {}): Selected | null {
  const indicator = resolveIndicator(model, selector.indicator);
  if (!indicator) return null;
  let pool = model.observations.filter((o) => o.indicator === indicator.id);
  if (selector.level) pool = pool.filter((o) => tierOf(o) === selector.level);
  if (selector.area) pool = pool.filter((o) => sameArea(o.area, selector.area!, o.level));
  if (!pool.length) return null;
  if (!selector.area || !selector.level) {
    // Default to the widest level, then the first area the feed lists at that level.
    const rank = Math.min(...pool.map((o) => levelRank(tierOf(o))));
    pool = pool.filter((o) => levelRank(tierOf(o)) === rank);
    const area = pool[0].area;
    pool = pool.filter((o) => o.area === area);
  }
  const period = selector.period ?? pickPeriod(pool);
  const observation = pool.find((o) => o.period === period);
  if (!observation) return null;
  const previous = previousObservation(pool, observation);
  return previous ? { indicator, observation, previous } : { indicator, observation };
}

