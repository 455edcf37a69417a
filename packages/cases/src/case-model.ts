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
  for (const p of points) {
    const props = p.properties ?? {};
    const date = readDate(props.date);
    const status = readStatus(props.status);
    if (!date || !status) {
      skipped++;
      continue;
    }
    const c: CasePoint = { date, status };
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
        out.byArea[area] = (out.byArea[area] ?? 0) + n;
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
