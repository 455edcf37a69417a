/**
 * What the case layer says, in words and figures, under its privacy rule: any count from 1 to k − 1 reads
 * "< k", and a figure derived from so few cases (an average, a rate) reads "< x". Pure: no DOM; the element,
 * its tooltips, its table and its summary line all say things through here.
 */
import { formatDate, formatNumber } from '@chiso/core';
import type { CarryResult } from '@chiso/atlas';
import { CASE_STATUSES, casesIn, measureValue, measureWindow, type AreaDay, type CaseIndex, type CaseStatus, type Measure } from './case-model.js';
import { caseMsg, type CaseMessage } from './cases-i18n.js';

const NON_BREAKING = '\u00a0';

/** What the words depend on: the language, the privacy threshold and the measure shown. */
export interface CaseWording {
  lang: string;
  /** Counts from 1 to k − 1 read "< k" (k ≥ 2). */
  k: number;
  measure: Measure;
}

export const msgOf = (w: CaseWording, key: CaseMessage, params?: Record<string, string>): string => caseMsg(w.lang, key, params);

export const dayText = (w: CaseWording, iso: string | undefined): string => formatDate(iso, w.lang);

/** A count as readers may see it: "< k" from 1 to k − 1. */
export function countText(w: CaseWording, n: number): string {
  return n > 0 && n < w.k ? `< ${w.k}` : formatNumber(n, w.lang, 0);
}

/**
 * A circle's or cluster's label on the map: "< k" when fewer than k cases are behind it, else its value (a count,
 * or the sum of 7-day averages with `decimals` 1).
 */
export function anchorLabel(w: Pick<CaseWording, 'lang' | 'k'>, cases: number, value: number, decimals: number): string {
  return !(cases >= w.k) ? `< ${w.k}` : formatNumber(value, w.lang, decimals); // not a number of cases: hidden too
}

/** A count in a CSV: the number itself, or "< k" for so few cases, as on screen (never the exact small count). */
export function countCell(w: CaseWording, n: number): number | string {
  return n > 0 && n < w.k ? `< ${w.k}` : n;
}

/** A derived figure in a CSV (average, rate), rounded to `decimals`: "< x" under the same rule as on screen. */
export function derivedCell(w: CaseWording, cases: number, value: number, valueOfK: number, decimals = 1): number | string {
  const round = (x: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
  return cases > 0 && cases < w.k ? `< ${round(valueOfK)}` : round(value);
}

/** A figure derived from `cases` (average, rate): "< x" when so few cases are behind it, x being what k cases give. */
export function derivedText(w: CaseWording, cases: number, value: number, valueOfK: number, decimals = 1): string {
  return cases > 0 && cases < w.k ? `< ${formatNumber(valueOfK, w.lang, decimals)}` : formatNumber(value, w.lang, decimals);
}

/** The measure's value on day `i` as shown: a count, or a 7-day average under the "< x" rule. */
export function valueText(w: CaseWording, f: { cases: number; value: number }, i: number): string {
  if (w.measure !== 'avg7') return countText(w, f.cases);
  const win = measureWindow(i, 'avg7');
  return derivedText(w, f.cases, f.value, w.k / (win[1] - win[0] + 1));
}

/** What one day of the series holds, for the rate and the area lines. */
export interface CaseDay {
  index: CaseIndex;
  /** The day shown (index into `index.dates`). */
  day: number;
  /** The selected range (indexes). */
  range: [number, number];
  /** Row of each area in `index.prefix`. */
  areaRow: ReadonlyMap<string, number>;
  population: ReadonlyMap<string, number>;
  nameOf(code: string): string;
}

/** New cases per 100,000 over 7 days: "< x" when fewer than k cases are behind it; "—" without a population. */
export function rateText(w: CaseWording, d: CaseDay, f: AreaDay): string {
  const pop = d.population.get(f.code);
  if (f.rate === undefined || !pop) return '—';
  const win = measureWindow(d.day, 'avg7');
  const cases7 = casesIn(d.index.prefix[d.areaRow.get(f.code)!] ?? new Float64Array(1), win);
  return derivedText(w, cases7, f.rate, (w.k * 100_000) / pop);
}

/** The screen-reader summary of the day shown, the range and its total. */
export function summaryText(w: CaseWording, d: CaseDay): string {
  const { index, day: i, range: [a, b] } = d;
  const win = measureWindow(i, w.measure, a);
  const cases = casesIn(index.totalPrefix, win);
  return msgOf(w, 'summary', {
    measure: msgOf(w, w.measure),
    date: dayText(w, index.dates[i]),
    n: valueText(w, { cases, value: measureValue(cases, w.measure, win) }, i),
    from: dayText(w, index.dates[a]),
    to: dayText(w, index.dates[b]),
    total: countText(w, casesIn(index.totalPrefix, [a, b])),
  });
}

/** An area's tooltip: its name, the day, the measure, cases by status, rate and risk level. */
export function areaLines(w: CaseWording, d: CaseDay, f: AreaDay): string[] {
  const { index, day: i } = d;
  const row = d.areaRow.get(f.code);
  const win = measureWindow(i, w.measure, d.range[0]);
  const lines = [d.nameOf(f.code), `${msgOf(w, 'date')}: ${dayText(w, index.dates[i])}`, `${msgOf(w, w.measure)}: ${valueText(w, f, i)}`];
  if (row !== undefined) {
    for (const status of [...CASE_STATUSES, 'all'] as Array<CaseStatus | 'all'>) {
      const p = index.statusPrefix[row][status];
      if (!p) continue;
      const n = casesIn(p, win);
      if (n > 0) lines.push(`${msgOf(w, status)}: ${countText(w, n)}`);
    }
  }
  if (f.rate !== undefined) lines.push(`${msgOf(w, 'rate')}: ${rateText(w, d, f)}`);
  if (f.risk) lines.push(`${msgOf(w, 'risk')}: ${msgOf(w, `risk${f.risk}` as CaseMessage)}`);
  return lines;
}

/**
 * The legend's class labels for counts or rates: first "< k cases" (the privacy class), then one per class
 * between `breaks`; with no breaks (every value alike), one "≥ k" class.
 */
export function legendLabels(w: CaseWording, breaks: readonly number[], rate: boolean): string[] {
  const unit = rate ? '' : `${NON_BREAKING}${msgOf(w, 'casesUnit')}`;
  const fmt = (v: number) => formatNumber(v, w.lang, v < 100 ? 1 : 0);
  const labels = [`< ${w.k} ${msgOf(w, 'casesUnit')}`];
  for (let c = 0; c <= breaks.length; c++) {
    const lo = c === 0 ? undefined : breaks[c - 1];
    const hi = breaks[c];
    labels.push(lo === undefined ? `< ${fmt(hi ?? 0)}${unit}` : hi === undefined ? `≥ ${fmt(lo)}${unit}` : `${fmt(lo)} – < ${fmt(hi)}${unit}`);
  }
  if (!breaks.length) labels.splice(1, labels.length - 1, `≥ ${w.k}${unit}`);
  return labels;
}

/** What went wrong or was adjusted in reading the inputs, for the layer's warnings. */
export interface CaseTrouble {
  skipped: number;
  unlocated: number;
  /** Old codes needed the crosswalk, which could not be loaded. */
  crosswalkMissing: boolean;
  carried?: CarryResult;
  /** `rate` or `risk` was asked for without a population: counts are shown. */
  noPopulation: boolean;
  /** Inputs gave no case: `noCases` (none in them) or `noCaseData` (they are not case data). */
  nothing?: 'noCases' | 'noCaseData';
}

/** The layer's warnings, in its language (each is shown as an alert). */
export function warningLines(w: CaseWording, t: CaseTrouble): string[] {
  const n = (v: number) => formatNumber(v, w.lang);
  const out: string[] = [];
  if (t.skipped) out.push(msgOf(w, 'skipped', { n: n(t.skipped) }));
  if (t.unlocated) out.push(msgOf(w, 'unlocated', { n: countText(w, t.unlocated) }));
  if (t.crosswalkMissing) out.push(msgOf(w, 'crosswalkFailed'));
  if (t.carried) {
    const { carried, notCarried, unmatched } = t.carried;
    if (carried.length) out.push(msgOf(w, 'carried', { n: n(new Set(carried.map((c) => c.code)).size) }));
    if (notCarried.length) out.push(msgOf(w, 'notCarried', { n: n(new Set(notCarried.map((c) => c.code)).size) }));
    if (unmatched.length) out.push(msgOf(w, 'oldUnknown', { n: n(unmatched.length), codes: unmatched.slice(0, 5).join(', ') }));
  }
  if (t.noPopulation) out.push(msgOf(w, 'noPopulation'));
  if (t.nothing) out.push(msgOf(w, t.nothing));
  return out;
}
