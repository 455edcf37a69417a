/**
 * Classing indicator values for a choropleth. Pure functions, no DOM: Node and workers can run them.
 *
 * Breaks follow `d3.scaleThreshold`: `breaks` are the lower bounds (inclusive) of every class but the first,
 * so `k` classes have `k - 1` breaks, a value `v` falls in class `bisectRight(breaks, v)`, and a value equal
 * to a break belongs to the class above it.
 */

import { rankValues } from '@chiso/core';

export type ClassMethod = 'quantile' | 'equal' | 'ckmeans' | 'manual' | 'thresholds';

export interface ClassSpec {
  method: ClassMethod;
  /** Number of classes asked for (manual: breaks + 1). */
  k: number;
  /** Manual breaks, ascending. */
  breaks?: number[];
}

/** Default when `classes` is unset and the indicator has no thresholds. */
export const DEFAULT_CLASSES: ClassSpec = { method: 'quantile', k: 5 };
/** The indicator's own thresholds as breaks (`classes="thresholds"`), coloured bad / fair / good. */
export const THRESHOLD_CLASSES: ClassSpec = { method: 'thresholds', k: 0 };
const MAX_CLASSES = 12;

/**
 * Reads `quantile:5`, `equal:4`, `ckmeans:5`, `manual:10 20 50` (spaces, commas or semicolons; a Vietnamese
 * decimal comma works when breaks are separated by spaces or semicolons: `manual:12,5 25`).
 * Returns undefined for anything else so the caller can report it.
 */
export function parseClasses(text: string | null | undefined): ClassSpec | undefined {
  if (text == null || !text.trim()) return DEFAULT_CLASSES;
  if (/^\s*thresholds\s*$/i.test(text)) return THRESHOLD_CLASSES;
  const m = /^\s*(quantile|equal|ckmeans|jenks|manual)\s*(?::\s*(.*))?$/i.exec(text);
  if (!m) return undefined;
  const method = (m[1].toLowerCase() === 'jenks' ? 'ckmeans' : m[1].toLowerCase()) as ClassMethod;
  const rest = (m[2] ?? '').trim();
  if (method === 'manual') {
    // With spaces or semicolons as separators a comma is a decimal comma; otherwise commas separate.
    const parts = /[\s;]/.test(rest) ? rest.split(/[\s;]+/).map((p) => p.replace(',', '.')) : rest.split(',');
    const breaks = parts.filter(Boolean).map(Number);
    if (!breaks.length || breaks.some((b) => !Number.isFinite(b)) || breaks.length >= MAX_CLASSES) return undefined;
    for (let i = 1; i < breaks.length; i++) if (!(breaks[i] > breaks[i - 1])) return undefined;
    return { method, k: breaks.length + 1, breaks };
  }
  const k = rest ? Number(rest) : 5;
  if (!Number.isInteger(k) || k < 2 || k > MAX_CLASSES) return undefined;
  return { method, k };
}

/** Index of the first element greater than `x` in ascending `sorted` (d3.bisectRight). */
export function bisectRight(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < sorted[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The class of `value` given `breaks` (scaleThreshold semantics). */
export function classIndex(value: number, breaks: readonly number[]): number {
  return bisectRight(breaks, value);
}

/** R-7 quantile of ascending values (as `d3.quantileSorted`). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (!n) return NaN;
  if (p <= 0 || n < 2) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const i = (n - 1) * p;
  const i0 = Math.floor(i);
  return sorted[i0] + (sorted[i0 + 1] - sorted[i0]) * (i - i0);
}

const ascending = (values: Iterable<number>): number[] =>
  Float64Array.from([...values].filter((v) => Number.isFinite(v))).sort() as unknown as number[];

/** Removes breaks that would leave a class empty of range (ties in the data): keeps them ascending and unique. */
function strictlyAscending(breaks: number[], min: number): number[] {
  const out: number[] = [];
  for (const b of breaks) if (b > (out.length ? out[out.length - 1] : min)) out.push(b);
  return out;
}

/** Quantile breaks: about the same number of areas in each class. Ties can give fewer classes. */
export function classifyQuantile(values: Iterable<number>, k: number): number[] {
  const s = Array.from(ascending(values));
  if (s.length < 2) return [];
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) breaks.push(quantileSorted(s, i / k));
  return strictlyAscending(breaks, s[0]);
}

/** Equal-interval breaks between the minimum and the maximum. */
export function classifyEqual(values: Iterable<number>, k: number): number[] {
  const s = ascending(values);
  if (s.length < 2) return [];
  const min = s[0];
  const max = s[s.length - 1];
  if (!(max > min)) return [];
  const step = (max - min) / k;
  return strictlyAscending(Array.from({ length: k - 1 }, (_, i) => min + step * (i + 1)), min);
}

/**
 * Ckmeans (Wang & Song 2011): optimal 1-D k-means, the "natural breaks" of Jenks done exactly.
 * Dynamic programming with the divide-and-conquer speed-up: O(k·n·log n), about 30 ms for 10,600 values.
 * Returns the clusters' lower bounds (every cluster but the first) as breaks.
 */
export function classifyCkmeans(values: Iterable<number>, k: number): number[] {
  const x = ascending(values);
  const n = x.length;
  if (n < 2) return [];
  const unique = new Set(x).size;
  const kk = Math.min(k, unique);
  if (kk < 2) return [];
  // Prefix sums of (x - shift) for a numerically stable within-cluster sum of squares.
  const shift = x[n >> 1];
  const sum = new Float64Array(n + 1);
  const sumSq = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const d = x[i] - shift;
    sum[i + 1] = sum[i] + d;
    sumSq[i + 1] = sumSq[i] + d * d;
  }
  /** Sum of squared deviations of x[j..i] (inclusive). */
  const ssq = (j: number, i: number): number => {
    const cnt = i - j + 1;
    const s = sum[i + 1] - sum[j];
    const v = sumSq[i + 1] - sumSq[j] - (s * s) / cnt;
    return v > 0 ? v : 0;
  };
  // cost[m][i]: best cost of x[0..i] in m+1 clusters; back[m][i]: start of the last cluster.
  const cost = Array.from({ length: kk }, () => new Float64Array(n));
  const back = Array.from({ length: kk }, () => new Int32Array(n));
  for (let i = 0; i < n; i++) cost[0][i] = ssq(0, i);
  for (let m = 1; m < kk; m++) {
    const prev = cost[m - 1];
    const cur = cost[m];
    const bk = back[m];
    // The optimal split j(i) is monotone in i: fill [lo, hi] knowing j lies in [jlo, jhi].
    const fill = (lo: number, hi: number, jlo: number, jhi: number): void => {
      if (lo > hi) return;
      const mid = (lo + hi) >> 1;
      let best = Infinity;
      let bestJ = Math.max(jlo, m);
      for (let j = Math.max(jlo, m); j <= Math.min(jhi, mid); j++) {
        const c = prev[j - 1] + ssq(j, mid);
        if (c < best) {
          best = c;
          bestJ = j;
        }
      }
      cur[mid] = best;
      bk[mid] = bestJ;
      fill(lo, mid - 1, jlo, bestJ);
      fill(mid + 1, hi, bestJ, jhi);
    };
    fill(m, n - 1, m, n - 1);
  }
  const starts: number[] = [];
  let end = n - 1;
  for (let m = kk - 1; m > 0; m--) {
    const j = back[m][end];
    starts.push(x[j]);
    end = j - 1;
  }
  return strictlyAscending(starts.reverse(), x[0]);
}

/** Breaks for `spec` from `values` (non-finite values are ignored). */
export function classBreaks(values: Iterable<number>, spec: ClassSpec): number[] {
  switch (spec.method) {
    case 'manual':
    case 'thresholds':
      return [...(spec.breaks ?? [])];
    case 'equal':
      return classifyEqual(values, spec.k);
    case 'ckmeans':
      return classifyCkmeans(values, spec.k);
    default:
      return classifyQuantile(values, spec.k);
  }
}

/** Highest, lowest, median and the count without data: the map's summary for screen readers. */
export interface ValueSummary<T> {
  count: number;
  noData: number;
  highest?: T;
  lowest?: T;
  median?: number;
}

export function summarize<T extends { value: number | null }>(rows: readonly T[]): ValueSummary<T> {
  const withData = rows.filter((r): r is T & { value: number } => r.value != null && Number.isFinite(r.value));
  const sorted = [...withData].sort((a, b) => a.value - b.value);
  return {
    count: rows.length,
    noData: rows.length - withData.length,
    lowest: sorted[0],
    highest: sorted[sorted.length - 1],
    median: sorted.length ? quantileSorted(sorted.map((r) => r.value), 0.5) : undefined,
  };
}

/** Rank of every value, 1 = highest (ties share the better rank), by key. For a direction, `rankValues` in `@chiso/core`. */
export function rankDescending(entries: ReadonlyArray<[string, number]>): Map<string, number> {
  return rankValues(entries, 'higher-is-better');
}
