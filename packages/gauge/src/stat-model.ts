/**
 * What a stat card shows: one figure with its unit and the source's wording ("gần 860.000 tài khoản"), its change
 * against the previous period and against the same period a year before, its published rank of N and how many
 * places it moved, its progress to a target, the series behind it, and where it was published. Pure: no DOM.
 */
import {
  FeedError, comparePeriods, formatNumber, msg, normalizeAreaCode, formatPeriod, localize, parsePeriod, readNumber, resolveIndicator, sameTimeYearBefore, tierOf,
  type Direction, type FeedModel, type FeedSource, type Indicator, type LocalizedText, type Observation, type Qualifier,
} from '@chiso/core';

export interface StatSelector {
  indicator?: string;
  area?: string;
  level?: string;
  /** A subject that is not an area (a department): its id. */
  subject?: string;
  /** A period; the latest with a value or a rank when left out. */
  period?: string;
}

export interface StatPoint {
  period: string;
  value: number | null;
  rank?: number;
  rankOf?: number;
}

export interface StatView {
  label: string;
  /** The figure; null for a published rank without a value ("thứ 16/63"). */
  value: number | null;
  unit?: string;
  decimals?: number;
  qualifier?: Qualifier;
  direction: Direction;
  period?: string;
  area?: string;
  areaName?: string;
  /** The level of the area (a province's rank of 63 is a national one). */
  level?: string;
  subject?: { id: string; name?: LocalizedText };
  /** The period before (same granularity; a part of a year is compared with the same part of the year before only). */
  previous?: StatPoint;
  /** Value change against `previous`, and in per cent of it (undefined when it was 0). */
  delta?: number;
  deltaPct?: number;
  /** Whether the change is for the better, by `direction` (undefined without a change). */
  deltaImproves?: boolean;
  /** The same part of the year before, when the period is shorter than a year and the feed has it. */
  yearBefore?: StatPoint;
  yearBeforeDelta?: number;
  yearBeforePct?: number;
  rank?: number;
  rankOf?: number;
  /** Places moved since `previous`: positive is a rise (26 → 16 is +10), whatever the value's direction. */
  rankChange?: number;
  target?: number;
  /** Share of the target reached, 0–∞ (1 is reached). */
  progress?: number;
  /** Every period of the same granularity for this area (or subject), oldest first: the sparkline and the table. */
  series: StatPoint[];
  source?: FeedSource;
  note?: LocalizedText;
}

export type StatResolution = { kind: 'view'; view: StatView } | { kind: 'empty' };

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const shown = (o: Observation) => o.value !== null || finite(o.rank);

/** The observations a card is about: one indicator, one area (or subject) at one level, every period. */
function poolOf(model: FeedModel, indicator: Indicator, s: StatSelector): Observation[] {
  let pool = model.observations.filter((o) => o.indicator === indicator.id);
  if (s.subject) pool = pool.filter((o) => o.subject?.id === s.subject);
  if (s.level) pool = pool.filter((o) => tierOf(o) === s.level);
  if (s.area) pool = pool.filter((o) => o.area === s.area || normalizeAreaCode(o.area, o.level) === normalizeAreaCode(s.area!, o.level));
  if (!pool.length) return pool;
  // Default: the first area (or subject) the feed lists, at its level.
  const first = pool[0];
  return pool.filter((o) => o.area === first.area && tierOf(o) === tierOf(first) && o.subject?.id === first.subject?.id);
}

const point = (o: Observation): StatPoint => ({
  period: o.period, value: o.value, ...(finite(o.rank) ? { rank: o.rank } : {}), ...(finite(o.rankOf) ? { rankOf: o.rankOf } : {}),
});

/** One figure from a feed (or none: `empty`), with everything around it the feed gives. Throws a FeedError for an inline value that is not a number. */
export function resolveStat(model: FeedModel | undefined, s: StatSelector, o: { value?: unknown; label?: string; unit?: string; target?: number; decimals?: number; qualifier?: Qualifier; direction?: Direction } = {}, lang = 'vi'): StatResolution {
  const indicator = model ? resolveIndicator(model, s.indicator) : undefined;
  const pool = model && indicator ? poolOf(model, indicator, s) : [];
  const candidates = pool.filter(shown).sort((a, b) => comparePeriods(a.period, b.period));
  const inline = o.value !== undefined && o.value !== null && o.value !== '' ? readNumber(o.value) : undefined;
  // An inline value that is not a number is an error to show, never a silent fall-back to the feed's figure.
  if (inline && !inline.ok) {
    const shownText = String(o.value).slice(0, 40);
    throw new FeedError('schema', { path: 'value', detail: shownText, text: { vi: msg('vi', 'invalidValue', { value: shownText }), en: msg('en', 'invalidValue', { value: shownText }) } });
  }
  const obs = s.period ? candidates.find((c) => c.period === s.period) : candidates.at(-1);
  const value = inline?.ok ? inline.value : obs?.value ?? null;
  if (!obs && (inline === undefined || !inline.ok || inline.value === null)) return { kind: 'empty' };
  const ind: Indicator = indicator ?? { id: '' };
  const direction: Direction = o.direction ?? ind.direction ?? 'higher-is-better';
  const view: StatView = {
    label: o.label ?? (localize(ind.name, lang) || ind.id),
    value,
    unit: o.unit ?? ind.unit,
    decimals: finite(o.decimals) ? o.decimals : ind.decimals,
    direction,
    series: [],
  };
  const qualifier = o.qualifier ?? obs?.qualifier;
  if (qualifier) view.qualifier = qualifier;
  const target = finite(o.target) ? o.target : ind.target;
  if (finite(target)) view.target = target;
  // Progress towards a target is for figures that grow towards it; a lower-is-better figure has none.
  if (finite(target) && target > 0 && value !== null && direction === 'higher-is-better') view.progress = value / target;
  if (!obs) return { kind: 'view', view };
  Object.assign(view, {
    period: obs.period || undefined, area: obs.area, ...(obs.level ? { level: obs.level } : {}), ...(obs.areaName ? { areaName: obs.areaName } : {}), ...(obs.subject ? { subject: obs.subject } : {}),
    ...(finite(obs.rank) ? { rank: obs.rank } : {}), ...(finite(obs.rankOf) ? { rankOf: obs.rankOf } : {}),
    ...(obs.source ? { source: obs.source } : model?.source ? { source: model.source } : {}), ...(obs.note ? { note: obs.note } : {}),
  });
  const g = parsePeriod(obs.period)?.granularity;
  view.series = candidates.filter((c) => parsePeriod(c.period)?.granularity === g).map(point);
  // The period before: for a part of a year, the same part of the year before, never a whole year.
  const before = g === 'span' ? candidates.find((c) => c.period === sameTimeYearBefore(obs.period))
    : [...candidates].reverse().find((c) => comparePeriods(c.period, obs.period) < 0 && parsePeriod(c.period)?.granularity === g);
  if (before) {
    view.previous = point(before);
    if (value !== null && before.value !== null && inline === undefined) {
      view.delta = value - before.value;
      if (before.value !== 0) view.deltaPct = (view.delta / Math.abs(before.value)) * 100;
      if (view.delta !== 0) view.deltaImproves = direction === 'lower-is-better' ? view.delta < 0 : view.delta > 0;
    }
    if (finite(obs.rank) && finite(before.rank)) view.rankChange = before.rank - obs.rank;
  }
  // A month, quarter or half also compares with the same one a year before (a year's previous period already is).
  if (g && g !== 'year' && g !== 'span') {
    const yb = candidates.find((c) => c.period === sameTimeYearBefore(obs.period));
    if (yb) {
      view.yearBefore = point(yb);
      if (value !== null && yb.value !== null && inline === undefined) {
        view.yearBeforeDelta = value - yb.value;
        if (yb.value !== 0) view.yearBeforePct = (view.yearBeforeDelta / Math.abs(yb.value)) * 100;
      }
    }
  }
  return { kind: 'view', view };
}

const QUALIFIERS: Record<Qualifier, { vi: string; en: string }> = {
  nearly: { vi: 'gần', en: 'nearly' },
  over: { vi: 'hơn', en: 'over' },
  about: { vi: 'khoảng', en: 'about' },
  under: { vi: 'dưới', en: 'under' },
};

/** How the source words the value: "gần", "hơn", "khoảng", "dưới" (or in English). */
export const qualifierWord = (q: Qualifier, lang = 'vi'): string => QUALIFIERS[q]?.[lang.startsWith('en') ? 'en' : 'vi'] ?? '';

const SCALES: Array<[number, string, string]> = [[1e9, 'tỷ', 'billion'], [1e6, 'triệu', 'million'], [1e3, 'nghìn', 'thousand']];

/**
 * A large number the way Vietnamese reports write it: `860000` → "860 nghìn", `1234567` → "1,2 triệu",
 * `3e9` → "3 tỷ" (English: "860 thousand", "1.2 million", "3 billion"). Under a thousand, the number itself.
 */
export function compactNumber(value: number, lang = 'vi'): string {
  const en = lang.startsWith('en');
  // Rounded first, so 999.999 reads "1 triệu", not "1.000 nghìn", and 9.960 "10 nghìn", not "10,0 nghìn".
  const rounded = (n: number) => (Math.abs(n) < 9.95 ? Math.round(n * 10) / 10 : Math.round(n));
  for (const [scale, vi, enWord] of SCALES) {
    if (Math.abs(value) < scale * 0.9995) continue;
    return `${formatNumber(rounded(value / scale), lang, 1)}\u00a0${en ? enWord : vi}`;
  }
  return formatNumber(value, lang);
}

/** "thứ 16/63" or "16th of 63"; "toàn quốc"/"nationally" when provinces are ranked (`level` province) and 63 or 34 of them. */
export function rankText(rank: number, rankOf: number | undefined, lang = 'vi', level?: string): string {
  const en = lang.startsWith('en');
  const national = level === 'province' && (rankOf === 63 || rankOf === 34);
  if (en) {
    const suffix = rank % 100 >= 11 && rank % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th');
    return `${rank}${suffix}${rankOf ? ` of ${rankOf}` : ''}${national ? ' nationally' : ''}`;
  }
  return `thứ ${rank}${rankOf ? `/${rankOf}` : ''}${national ? ' toàn quốc' : ''}`;
}

/** "▲ 10 bậc" (a rise: the rank number fell), "▼ 3 bậc", "= giữ hạng"; English "▲ 10 places". */
export function rankChangeText(change: number, lang = 'vi'): string {
  const en = lang.startsWith('en');
  if (change === 0) return en ? '= same rank' : '= giữ hạng';
  const n = Math.abs(change);
  return `${change > 0 ? '▲' : '▼'} ${n} ${en ? (n === 1 ? 'place' : 'places') : 'bậc'}`;
}

/** What a screen reader says of a rank change: "tăng 10 bậc so với 2018" / "up 10 places from 2018". */
export function rankChangeSpoken(change: number, since: string, lang = 'vi'): string {
  const en = lang.startsWith('en');
  const n = Math.abs(change);
  const when = formatPeriod(since, lang);
  if (change === 0) return en ? `same rank as in ${when}` : `giữ hạng so với ${when}`;
  if (en) return `${change > 0 ? 'up' : 'down'} ${n} ${n === 1 ? 'place' : 'places'} from ${when}`;
  return `${change > 0 ? 'tăng' : 'giảm'} ${n} bậc so với ${when}`;
}
