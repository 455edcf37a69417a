/**
 * A ranked list of areas or units from any feed: ranked here by value (rank 1 the best by the indicator's
 * `direction`, ties sharing a rank), or as the publisher ranked them; the change in places against an earlier
 * period; the band of each value by the indicator's thresholds (as its gauge and map colour it); the whole country
 * and regions left out. Pure: no DOM.
 */
import {
  bandIndexOf, bandOf, comparePeriods, isAggregateLevel, localize, parsePeriod, rankValues, resolveIndicator, sameTimeYearBefore, tierOf,
  type Band, type Direction, type FeedModel, type FeedSource, type Indicator, type Observation,
} from '@chiso/core';

export interface RankingRow {
  /** The area's GSO code, or the subject's id. */
  key: string;
  name: string;
  value: number | null;
  /** 1 is the best. Rows that share a value share a rank. */
  rank: number;
  /** How many were ranked (the publisher's `rankOf`, or the rows ranked here). */
  rankOf: number;
  /** Places moved since `previousPeriod`: positive is a rise. */
  change?: number;
  /** The value's band by the indicator's thresholds (`none` without thresholds). */
  band: Band;
}

export interface RankingOptions {
  indicator?: string;
  /** The period ranked; the latest with values (or ranks) by default. */
  period?: string;
  /** Only this level (`province`, `commune`); by default the level most rows are at. */
  level?: string;
  /** Overrides the indicator's direction. */
  direction?: Direction;
  /** The period to count places from; by default the one before (the same months of the year before for a part of a year). */
  compare?: string;
  lang?: string;
}

export interface Ranking {
  indicator?: Indicator;
  period?: string;
  previousPeriod?: string;
  direction: Direction;
  /**
   * Ranked by value here, or as published; `listed`: the publisher named the units with neither values nor ranks
   * (Tuyên Quang's three leading units of 2023), kept in the feed's order, `rank` being only their place in the list.
   */
  by: 'value' | 'published' | 'listed';
  /** The level ranked (`province`: a rank of 63 or 34 is a national one). */
  level?: string;
  rows: RankingRow[];
  /** Keys left out as aggregates (the whole country, regions) or unmatched labels. */
  excluded: string[];
  /** Where the figures were published: the rows' own source, else the feed's. */
  source?: FeedSource;
}

const keyOf = (o: Observation) => o.subject?.id ?? o.area;
const nameOf = (o: Observation, lang: string) => (o.subject ? localize(o.subject.name, lang) || o.subject.id : o.areaName || o.area);
const rankable = (o: Observation) => !isAggregateLevel(o.level) && !o.area.startsWith('x:');

/**
 * Ranks of one period: as published (`rank`) when every row with a value has one (a PAR score and its published
 * rank: the publisher's rank stands), else by value, else as published.
 */
function ranksOf(pool: Observation[], direction: Direction): { ranks: Map<string, number>; of: number; by: 'value' | 'published' } {
  const valued = pool.filter((o) => o.value !== null);
  if (valued.length && !valued.every((o) => typeof o.rank === 'number')) {
    const ranks = rankValues(valued.map((o) => [keyOf(o), o.value] as const), direction);
    return { ranks, of: ranks.size, by: 'value' };
  }
  const ranks = new Map(pool.filter((o) => typeof o.rank === 'number').map((o) => [keyOf(o), o.rank!] as const));
  const of = Math.max(0, ...pool.map((o) => o.rankOf ?? 0)) || ranks.size;
  return { ranks, of, by: 'published' };
}

export function buildRanking(model: FeedModel | undefined, o: RankingOptions = {}): Ranking {
  const lang = o.lang ?? 'vi';
  const indicator = model ? resolveIndicator(model, o.indicator) : undefined;
  const direction: Direction = o.direction ?? indicator?.direction ?? 'higher-is-better';
  const empty: Ranking = { indicator, direction, by: 'value', rows: [], excluded: [] };
  if (!model || !indicator) return empty;
  const all = model.observations.filter((x) => x.indicator === indicator.id);
  const excluded = [...new Set(all.filter((x) => !rankable(x)).map((x) => x.area))];
  let pool = all.filter(rankable);
  // Further dimensions (sex, residence): one combination, the first the feed gives, so each area is ranked once.
  const dims = JSON.stringify(pool[0]?.dims ?? null);
  pool = pool.filter((x) => JSON.stringify(x.dims ?? null) === dims);
  // One level: the one asked for, else the one most rows are at (a feed of provinces and their communes ranks provinces).
  const level = o.level ?? [...pool.reduce((m, x) => m.set(tierOf(x) ?? '', (m.get(tierOf(x) ?? '') ?? 0) + 1), new Map<string, number>())]
    .sort((a, b) => b[1] - a[1])[0]?.[0];
  if (level !== undefined) pool = pool.filter((x) => (tierOf(x) ?? '') === level);
  const shown = (x: Observation) => x.value !== null || typeof x.rank === 'number';
  const periods = [...new Set(pool.filter(shown).map((x) => x.period))].sort(comparePeriods);
  if (!periods.length) return withSource(listed(pool, o.period, indicator, direction, excluded, level, lang), pool, model);
  const period = o.period ?? periods.at(-1);
  if (period === undefined) return { ...empty, excluded };
  // One row per area or unit: a key given twice in a period keeps its first row.
  const seen = new Set<string>();
  const current = pool.filter((x) => x.period === period && shown(x) && !seen.has(keyOf(x)) && !!seen.add(keyOf(x)));
  const { ranks, of, by } = ranksOf(current, direction);
  // The period to count places from.
  const g = parsePeriod(period)?.granularity;
  const previousPeriod = o.compare ?? (g === 'span' ? sameTimeYearBefore(period) : periods.filter((p) => comparePeriods(p, period) < 0 && parsePeriod(p)?.granularity === g).at(-1));
  const before = previousPeriod ? ranksOf(pool.filter((x) => x.period === previousPeriod && shown(x)), direction).ranks : new Map<string, number>();
  const thresholds = (indicator.thresholds ?? []).slice().sort((a, b) => a - b);
  const rows: RankingRow[] = current.filter((x) => ranks.has(keyOf(x))).map((x) => {
    const key = keyOf(x);
    const rank = ranks.get(key)!;
    const row: RankingRow = {
      key, name: nameOf(x, lang), value: x.value, rank, rankOf: x.rankOf ?? of,
      band: x.value === null || !thresholds.length ? 'none' : bandOf(bandIndexOf(x.value, thresholds), thresholds.length, direction),
    };
    const was = before.get(key);
    if (was !== undefined) row.change = was - rank;
    return row;
  });
  const collator = new Intl.Collator('vi');
  rows.sort((a, b) => a.rank - b.rank || collator.compare(a.name, b.name));
  return withSource({ indicator, period, ...(previousPeriod && before.size ? { previousPeriod } : {}), direction, by, rows, excluded, ...(level ? { level } : {}) }, current, model);
}

/** The source of the rows shown (a feed gathering several reports gives each figure its own), else the feed's. */
function withSource(r: Ranking, rows: Observation[], model: FeedModel): Ranking {
  const keys = new Set(r.rows.map((x) => x.key));
  const source = rows.find((x) => keys.has(keyOf(x)) && x.period === r.period && x.source)?.source ?? model.source;
  return source ? { ...r, source } : r;
}

/** Units named with neither values nor ranks: a list in the feed's order, never ranked here. */
function listed(pool: Observation[], asked: string | undefined, indicator: Indicator, direction: Direction, excluded: string[], level: string | undefined, lang: string): Ranking {
  const period = asked ?? [...new Set(pool.map((x) => x.period))].sort(comparePeriods).at(-1);
  const seen = new Set<string>();
  const rows = pool.filter((x) => x.period === period && !seen.has(keyOf(x)) && !!seen.add(keyOf(x)));
  return {
    indicator, ...(period !== undefined ? { period } : {}), direction, by: 'listed', excluded, ...(level ? { level } : {}),
    rows: rows.map((x, i) => ({ key: keyOf(x), name: nameOf(x, lang), value: null, rank: i + 1, rankOf: rows.length, band: 'none' as Band })),
  };
}

/**
 * The rows to show when only the top `limit` are: those, and the highlighted row after a gap when it is further
 * down ("… 55. Bắc Kạn"). `gap` says where the gap goes (the index of the row after it).
 */
export function visibleRows(rows: readonly RankingRow[], limit: number | undefined, highlight?: string): { rows: RankingRow[]; gap?: number } {
  if (!(limit !== undefined && limit > 0) || limit >= rows.length) return { rows: [...rows] };
  const top = rows.slice(0, limit);
  const own = highlight ? rows.find((r) => r.key === highlight) : undefined;
  if (!own || top.includes(own)) return { rows: top };
  return { rows: [...top, own], gap: top.length };
}
