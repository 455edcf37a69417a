/**
 * Case counts for outbreak maps: daily counts by area and status from case points or from count feeds,
 * the measures a map shows (new, cumulative, 7-day average), risk levels, and the privacy rules that keep any
 * person from being singled out. Pure (no DOM): runs in Node, in a worker or on the main thread.
 */

export type CaseStatus = 'home' | 'hospital' | 'recovered' | 'deceased';
export const CASE_STATUSES: CaseStatus[] = ['home', 'hospital', 'recovered', 'deceased'];
export type Measure = 'new' | 'cumulative' | 'avg7';

/** One case as a point feed gives it (coordinates stay here: they never reach a table or a tooltip). */
export interface CasePoint {
  date: string;
  status: CaseStatus;
  area?: string;
  lon?: number;
  lat?: number;
  /** Position of the point in the input it was read from. */
  ref?: number;
}

/** Counts: area → date → status → n (status `all` for counts that come without one). */
export type CaseCounts = Map<string, Map<string, Partial<Record<CaseStatus | 'all', number>>>>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const STATUS_NAMES: Record<string, CaseStatus> = {
  home: 'home', 'tai-nha': 'home', 'điều trị tại nhà': 'home', f0: 'home',
  hospital: 'hospital', 'benh-vien': 'hospital', 'bệnh viện': 'hospital',
  recovered: 'recovered', 'khoi-benh': 'recovered', 'khỏi bệnh': 'recovered',
  deceased: 'deceased', 'tu-vong': 'deceased', 'tử vong': 'deceased',
};

/** `"2021-08-03"` or `"2021-08-03T10:00:00+07:00"` → `"2021-08-03"`; undefined when not a real date. */
export function readDate(input: unknown): string | undefined {
  const text = String(input ?? '').trim().slice(0, 10);
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCDate() === +m[3] && d.getUTCMonth() === +m[2] - 1 ? text : undefined;
}

export function readStatus(input: unknown): CaseStatus | undefined {
  return STATUS_NAMES[String(input ?? '').trim().toLowerCase()];
}

/** Reads case points (GeoJSON-like `{ properties, lon, lat }`); the unreadable ones are counted, not kept. */
export function readCasePoints(points: Array<{ lon?: unknown; lat?: unknown; properties?: Record<string, unknown> }>): {
  cases: CasePoint[];
  skipped: number;
} {
  const cases: CasePoint[] = [];
  let skipped = 0;
  for (const [ref, p] of points.entries()) {
    const props = p.properties ?? {};
    const date = readDate(props.date);
    const status = readStatus(props.status);
    if (!date || !status) {
      skipped++;
      continue;
    }
    const c: CasePoint = { date, status, ref };
    if (props.area != null && props.area !== '') c.area = String(props.area);
    const lon = Number(p.lon);
    const lat = Number(p.lat);
    if (p.lon != null && p.lat != null && Number.isFinite(lon) && Number.isFinite(lat)) {
      c.lon = lon;
      c.lat = lat;
    }
    cases.push(c);
  }
  return { cases, skipped };
}

/** Counts by area, date and status from case points (cases without an area are counted under `''`). */
export function countPoints(cases: CasePoint[]): CaseCounts {
  const out: CaseCounts = new Map();
  for (const c of cases) add(out, c.area ?? '', c.date, c.status, 1);
  return out;
}

/** Counts from feed observations (`area`, `period` as a date, `value`, optional `status`); bad rows skipped. */
export function countObservations(rows: Array<{ area: string; period: string; value: number | null; status?: string }>): CaseCounts {
  const out: CaseCounts = new Map();
  for (const r of rows) {
    const date = readDate(r.period);
    if (!date || r.value == null || !Number.isFinite(r.value) || r.value < 0) continue;
    add(out, r.area, date, readStatus(r.status) ?? 'all', Math.round(r.value));
  }
  return out;
}

function add(counts: CaseCounts, area: string, date: string, status: CaseStatus | 'all', n: number): void {
  let byDate = counts.get(area);
  if (!byDate) counts.set(area, (byDate = new Map()));
  let cell = byDate.get(date);
  if (!cell) byDate.set(date, (cell = {}));
  cell[status] = (cell[status] ?? 0) + n;
}

/** An indicator that publishes risk levels (1–4) rather than cases. */
export const RISK_INDICATOR = /^(risk|risk[-_ ]?level|cap[-_ ]?do|cấp[-_ ]?độ)$/i;
const STATUS_DIMS = ['status', 'trang_thai', 'trạng thái', 'tinh_trang'];

/** What a count feed gives a case map: daily counts by area and status, and published risk levels. */
export interface CountFeed {
  counts: CaseCounts;
  /** Published risk levels by area: [date, level] in feed order. */
  risk: Map<string, Array<[string, number]>>;
  /** Observations read as daily counts (a feed of yearly figures has none). */
  dated: number;
}

/**
 * Reads observations (any feed `parseFeed` reads) as daily case counts: the status from a `status` dimension
 * or an indicator named like a status, risk levels from a `risk` indicator. The whole country, regions and
 * areas that matched nothing (`x:…`) are left out: they are not areas of the map, and adding them would count
 * cases twice.
 */
export function readCountFeed(observations: ReadonlyArray<{ indicator: string; area: string; level?: string; period: string; value: number | null; dims?: Record<string, string> }>): CountFeed {
  const risk = new Map<string, Array<[string, number]>>();
  const rows: Array<{ area: string; period: string; value: number | null; status?: string }> = [];
  let dated = 0;
  for (const o of observations) {
    if (o.level === 'country' || o.level === 'region' || o.area.startsWith('x:')) continue;
    if (!readDate(o.period)) continue;
    dated++;
    if (RISK_INDICATOR.test(o.indicator)) {
      if (o.value != null) {
        const list = risk.get(o.area) ?? [];
        list.push([o.period.slice(0, 10), o.value]);
        risk.set(o.area, list);
      }
      continue;
    }
    const dimStatus = STATUS_DIMS.map((d) => o.dims?.[d]).find((v) => v != null);
    rows.push({ area: o.area, period: o.period, value: o.value, status: dimStatus ?? (readStatus(o.indicator) ? o.indicator : undefined) });
  }
  return { counts: countObservations(rows), risk, dated };
}

/** Counts of several inputs added together (a copy; the inputs are not changed). */
export function mergeCounts(...all: CaseCounts[]): CaseCounts {
  const out: CaseCounts = new Map();
  for (const counts of all) for (const [area, byDate] of counts) for (const [date, cell] of byDate) {
    for (const [status, n] of Object.entries(cell)) if (n != null) add(out, area, date, status as CaseStatus, n); // a day of zeros still counts as a day
  }
  return out;
}

const cellTotal = (cell: Partial<Record<string, number>>) => Object.values(cell).reduce<number>((t, n) => t + (n ?? 0), 0);

/** Every date from the first to the last with a count, one per day (gaps in the feed become 0). */
export function dateRange(counts: CaseCounts): string[] {
  let first: string | undefined;
  let last: string | undefined;
  for (const byDate of counts.values()) for (const d of byDate.keys()) {
    if (!first || d < first) first = d;
    if (!last || d > last) last = d;
  }
  return first && last ? daysBetween(first, last) : [];
}

/** Inclusive list of ISO dates. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** New cases per day for the dates given (0 where none), for one area or all. */
export function dailySeries(counts: CaseCounts, dates: string[], area?: string): number[] {
  const areas = area !== undefined ? [counts.get(area)] : [...counts.values()];
  return dates.map((d) => areas.reduce((t, byDate) => t + (byDate?.get(d) ? cellTotal(byDate.get(d)!) : 0), 0));
}

/** A daily series as a measure: `new` as is, `cumulative` running total, `avg7` trailing 7-day mean. */
export function applyMeasure(series: number[], measure: Measure): number[] {
  if (measure === 'cumulative') {
    let t = 0;
    return series.map((n) => (t += n));
  }
  if (measure === 'avg7') {
    return series.map((_, i) => {
      const from = Math.max(0, i - 6);
      let t = 0;
      for (let k = from; k <= i; k++) t += series[k];
      return t / (i - from + 1);
    });
  }
  return [...series];
}

export interface CaseSummary {
  total: number;
  byStatus: Partial<Record<CaseStatus | 'all', number>>;
  byArea: Record<string, number>;
  byDate: Record<string, number>;
}

/** Totals over a date range (inclusive; default every date): the sum of the input, exactly. */
export function summarizeCases(counts: CaseCounts, range?: [string, string]): CaseSummary {
  const out: CaseSummary = { total: 0, byStatus: {}, byArea: {}, byDate: {} };
  for (const [area, byDate] of counts) {
    for (const [date, cell] of byDate) {
      if (range && (date < range[0] || date > range[1])) continue;
      for (const [status, n] of Object.entries(cell)) {
        if (!n) continue;
        out.total += n;
        out.byStatus[status as CaseStatus] = (out.byStatus[status as CaseStatus] ?? 0) + n;
        // Cases with no area count in the total and by day, never as an area of their own.
        if (area) out.byArea[area] = (out.byArea[area] ?? 0) + n;
        out.byDate[date] = (out.byDate[date] ?? 0) + n;
      }
    }
  }
  return out;
}

/**
 * Risk level 1–4 from new cases per 100,000 people over the last 7 days, after the Ministry of Health's
 * incidence criterion (Quyết định 4800/QĐ-BYT, 2021): < 20 → 1 (low, green), 20–< 50 → 2 (medium, yellow),
 * 50–< 150 → 3 (high, orange), ≥ 150 → 4 (very high, red). Only the incidence criterion is applied (the
 * vaccination and hospital-capacity criteria need data a case feed does not carry); a feed's own level wins.
 */
export function riskLevel(per100k7d: number): 1 | 2 | 3 | 4 {
  if (!(per100k7d >= 20)) return 1;
  if (per100k7d < 50) return 2;
  if (per100k7d < 150) return 3;
  return 4;
}

/** Rate per 100,000 over the 7 days ending `date` (inclusive), for an area with `population` people. */
export function rate7d(counts: CaseCounts, area: string, date: string, population: number): number {
  if (!(population > 0)) return NaN;
  const end = Date.parse(`${date}T00:00:00Z`);
  const days = daysBetween(new Date(end - 6 * 86_400_000).toISOString().slice(0, 10), date);
  const n = dailySeries(counts, days, area).reduce((a, b) => a + b, 0);
  return (n * 100_000) / population;
}

/**
 * Privacy: a count under `k` (default 5) is never shown as a number: it reads "< k". Zero stays zero (no
 * one to single out). Returns the count itself when it may be shown.
 */
export function shownCount(n: number, k = 5): number | `< ${number}` {
  return n > 0 && n < k ? `< ${k}` : n;
}

// ---- a day-indexed view, for drawing one date after another without re-reading the counts ----

/** Counts laid out by day for fast frames: per area, running totals over the days (all statuses, and each). */
export interface CaseIndex {
  /** Every day from the first to the last with a count. */
  dates: string[];
  /** Area codes, as in the counts (`''` holds cases with no area). */
  areas: string[];
  /** Per area (same order as `areas`): running totals, `prefix[a][i]` = cases before day `i`; length dates + 1. */
  prefix: Float64Array[];
  /** Per area and status: running totals as `prefix`. */
  statusPrefix: Array<Partial<Record<CaseStatus | 'all', Float64Array>>>;
  /** Every area together: running totals. */
  totalPrefix: Float64Array;
}

export function indexCounts(counts: CaseCounts, dates: string[] = dateRange(counts)): CaseIndex {
  const dayOf = new Map(dates.map((d, i) => [d, i]));
  const areas = [...counts.keys()];
  const n = dates.length;
  const totalDaily = new Float64Array(n);
  const prefix: Float64Array[] = [];
  const statusPrefix: CaseIndex['statusPrefix'] = [];
  for (const area of areas) {
    const daily = new Float64Array(n);
    const byStatus: Partial<Record<CaseStatus | 'all', Float64Array>> = {};
    for (const [date, cell] of counts.get(area)!) {
      const i = dayOf.get(date);
      if (i === undefined) continue;
      for (const [status, v] of Object.entries(cell)) {
        if (!v) continue;
        daily[i] += v;
        totalDaily[i] += v;
        (byStatus[status as CaseStatus] ??= new Float64Array(n))[i] += v;
      }
    }
    prefix.push(runningTotals(daily));
    const sp: Partial<Record<CaseStatus | 'all', Float64Array>> = {};
    for (const [status, d] of Object.entries(byStatus)) sp[status as CaseStatus] = runningTotals(d!);
    statusPrefix.push(sp);
  }
  return { dates, areas, prefix, statusPrefix, totalPrefix: runningTotals(totalDaily) };
}

function runningTotals(daily: Float64Array): Float64Array {
  const out = new Float64Array(daily.length + 1);
  for (let i = 0; i < daily.length; i++) out[i + 1] = out[i] + daily[i];
  return out;
}

/**
 * The days a measure counts on day `i`: `new` that day, `cumulative` from `start` (the range's first day),
 * `avg7` the 7 days ending `i` (fewer at the start of the series). Inclusive day indices.
 */
export function measureWindow(i: number, measure: Measure, start = 0): [number, number] {
  if (measure === 'cumulative') return [Math.min(start, i), i];
  if (measure === 'avg7') return [Math.max(0, i - 6), i];
  return [i, i];
}

/** Cases in an inclusive window of days, from running totals. */
export const casesIn = (prefix: Float64Array, [from, to]: [number, number]): number => prefix[to + 1] - prefix[from];

/** The measure's value from the cases of its window: the 7-day average divides by the window's days. */
export function measureValue(cases: number, measure: Measure, [from, to]: [number, number]): number {
  return measure === 'avg7' ? cases / (to - from + 1) : cases;
}

/**
 * Privacy for any figure derived from a count (an average, a rate): when the cases behind it number
 * from 1 to k − 1, the figure reads "< x", x being what k cases would give; else the figure itself.
 */
export function shownDerived(cases: number, value: number, valueOfK: number, k = 5): number | { below: number } {
  return cases > 0 && cases < k ? { below: valueOfK } : value;
}

/**
 * Risk level per day from a feed's own levels: the latest level given on or before each day (levels hold
 * until the next announcement); undefined before the first.
 */
export function riskOnDay(levels: Array<[string, number]>, date: string): 1 | 2 | 3 | 4 | undefined {
  let best: number | undefined;
  let bestDate = '';
  for (const [d, level] of levels) if (d <= date && d >= bestDate) {
    bestDate = d;
    best = level;
  }
  return best && best >= 1 && best <= 4 ? (Math.round(best) as 1 | 2 | 3 | 4) : undefined;
}

// ---- one day over every area, and scales over a range (what a map draws) ----

/** An area on one day: the cases the measure counts, its value, the 7-day rate and the risk level. */
export interface AreaDay {
  code: string;
  /** Cases in the measure's window (what the "< k" rule is applied to). */
  cases: number;
  value: number;
  /** New cases per 100,000 people over the 7 days ending the day, when the population is known. */
  rate?: number;
  risk?: 1 | 2 | 3 | 4;
}

export interface DayOptions {
  measure: Measure;
  /** First day (index) of the selected range: where `cumulative` starts. */
  rangeStart?: number;
  population?: Map<string, number>;
  /** Levels a feed published, by area: `[date, level]`; they win over the rule. */
  riskLevels?: Map<string, Array<[string, number]>>;
}

/** Every area on day `i` (areas with only a published level are included, with 0 cases). */
export function areasOnDay(index: CaseIndex, i: number, options: DayOptions): AreaDay[] {
  const { measure, rangeStart = 0, population, riskLevels } = options;
  const win = measureWindow(i, measure, rangeStart);
  const win7 = measureWindow(i, 'avg7');
  const date = index.dates[i];
  const out: AreaDay[] = [];
  index.areas.forEach((code, a) => {
    if (!code) return; // cases with no area count in totals, not as an area
    const cases = casesIn(index.prefix[a], win);
    const day: AreaDay = { code, cases, value: measureValue(cases, measure, win) };
    const pop = population?.get(code);
    if (pop) day.rate = (casesIn(index.prefix[a], win7) * 100_000) / pop;
    const levels = riskLevels?.get(code);
    day.risk = levels ? riskOnDay(levels, date) : day.rate !== undefined ? riskLevel(day.rate) : undefined;
    out.push(day);
  });
  if (riskLevels) {
    const known = new Set(index.areas);
    for (const [code, levels] of riskLevels) if (!known.has(code)) out.push({ code, cases: 0, value: 0, risk: riskOnDay(levels, date) });
  }
  return out;
}

/**
 * Scales fixed over a range, so colours and circle sizes compare from day to day: the largest value, and
 * class breaks (`classify`, e.g. quantiles, into `classes`) over the values of areas with at least `k` cases
 * (fewer are a class of their own, "< k"). Days are sampled, at most ~120 per area.
 */
export function rangeScales(
  index: CaseIndex,
  [from, to]: [number, number],
  options: DayOptions & { by: 'value' | 'rate'; k: number; classes: number; classify: (values: number[], classes: number) => number[] },
): { max: number; breaks: number[] } {
  const values: number[] = [];
  let max = 0;
  const step = Math.max(1, Math.floor((to - from + 1) / 120));
  for (let i = from; i <= to; i += step) {
    for (const day of areasOnDay(index, i, options)) {
      const v = options.by === 'rate' ? day.rate : day.value;
      if (v === undefined) continue;
      if (day.value > max) max = day.value;
      if (day.cases >= options.k && v > 0) values.push(v);
    }
  }
  const round = (x: number) => (x >= 100 ? Math.round(x) : Math.round(x * 10) / 10);
  const breaks = values.length ? [...new Set(options.classify(values, options.classes).map(round))].filter((x) => x > 0) : [];
  return { max: max || 1, breaks };
}

/**
 * The measure over a range for every area together, one value a day, for a chart. Counts of 1 to k − 1 are
 * drawn as k, so the chart's height tells no more than "< k".
 */
export function chartSeries(index: CaseIndex, [from, to]: [number, number], measure: Measure, k = 5): Float64Array {
  const values = new Float64Array(Math.max(0, to - from + 1));
  for (let d = from; d <= to; d++) {
    const win = measureWindow(d, measure, from);
    const cases = casesIn(index.totalPrefix, win);
    values[d - from] = measureValue(cases > 0 && cases < k ? k : cases, measure, win);
  }
  return values;
}
