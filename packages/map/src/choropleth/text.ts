/**
 * What the choropleth says: values in the indicator's unit, class labels in the gauge's words, tooltips (with
 * where a carried figure comes from), the table's rows, the screen-reader summary and the warnings. Pure: no
 * DOM; everything the layer reads out or shows as text comes through here.
 */
import { formatNumber, formatPeriod, formatValue, localize, msg, type FeedModel } from '@chiso/core';
import type { CarriedFeed } from '../old-units.js';
import { summarize } from '../classify.js';
import type { ChoroplethView } from '../choropleth-model.js';
import { mapMsg } from '../map-i18n.js';

const collator = new Intl.Collator('vi');

/** What the words depend on. */
export interface ChoroplethWording {
  lang: string;
  view: ChoroplethView;
  /** An area's name (the boundaries', else the feed's, else its code). */
  nameOf(code: string): string;
  /** Old units carried onto the map, when the feed had any. */
  carry?: CarriedFeed;
}

/** A value in the indicator's unit and decimals; "no data" for null. */
export function valueText(w: ChoroplethWording, value: number | null): string {
  if (value == null) return mapMsg(w.lang, 'noData');
  const ind = w.view.indicator;
  return formatValue(value, ind?.unit, w.lang, ind?.decimals);
}

/** "Từ 10 đến dưới 20" for class `i`; a threshold class adds its band ("(tốt)"), as the gauge says it. */
export function classLabel(w: ChoroplethWording, i: number): string {
  const { breaks, bands } = w.view.legend;
  const f = (x: number) => valueText(w, x);
  if (!breaks.length) return '—';
  const range = i === 0 ? mapMsg(w.lang, 'below', { b: f(breaks[0]) })
    : i >= breaks.length ? mapMsg(w.lang, 'from', { a: f(breaks[breaks.length - 1]) })
      : mapMsg(w.lang, 'range', { a: f(breaks[i - 1]), b: f(breaks[i]) });
  const band = bands?.[i];
  return band && band !== 'none' ? `${range} (${msg(w.lang, `band_${band}`).toLowerCase()})` : range;
}

export interface TableRow {
  code: string;
  name: string;
  value: number | null;
  cls?: number;
  rank?: number;
}

/** One row per area in `codes`, best rank first, no data last (then by name, Vietnamese order). */
export function tableRows(w: ChoroplethWording, codes: Iterable<string>, classOf: (code: string) => number | undefined): TableRow[] {
  const rows = [...codes].map((code) => ({ code, name: w.nameOf(code), value: w.view.values.get(code)?.value ?? null, cls: classOf(code), rank: w.view.ranks.get(code) }));
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || collator.compare(a.name, b.name));
}

const indicatorName = (w: ChoroplethWording, fallback = '') => localize(w.view.indicator?.name, w.lang) || w.view.indicator?.id || fallback;

/** The screen-reader summary: highest, lowest and median areas of the period, and how many have no data. */
export function summaryText(w: ChoroplethWording, rows: readonly TableRow[]): string {
  const v = w.view;
  const name = indicatorName(w);
  if (!rows.some((r) => r.value != null)) return mapMsg(w.lang, 'summaryEmpty', { indicator: name });
  const s = summarize(rows);
  // A feed without periods (a snapshot, such as BTS coverage) says no period: drop the ", " before it.
  return mapMsg(w.lang, 'summary', {
    indicator: v.period ? name : `${name}\u0000`,
    period: v.period ? formatPeriod(v.period, w.lang) : '',
    highName: s.highest!.name,
    high: valueText(w, s.highest!.value),
    lowName: s.lowest!.name,
    low: valueText(w, s.lowest!.value),
    median: valueText(w, s.median!),
    noData: formatNumber(s.noData, w.lang),
    count: formatNumber(s.count, w.lang),
  }).replace(/\u0000, :/, ':');
}

/** An area's tooltip: name, value, rank of N, period, and where a carried figure comes from (or why there is none). */
export function tooltipLines(w: ChoroplethWording, code: string): string[] {
  const v = w.view;
  const lang = w.lang;
  const lines = [w.nameOf(code), `${indicatorName(w, mapMsg(lang, 'value'))}: ${valueText(w, v.values.get(code)?.value ?? null)}`];
  const rank = v.ranks.get(code);
  if (rank) lines.push(mapMsg(lang, 'rankOf', { rank: formatNumber(rank, lang), total: formatNumber(v.ranks.size, lang) }));
  if (v.period) lines.push(`${mapMsg(lang, 'period')}: ${formatPeriod(v.period, lang)}`);
  const result = w.carry?.result;
  const same = (c: { code: string; period: string; indicator: string }) => c.code === code && c.period === v.period && c.indicator === v.indicator?.id;
  const carried = result?.carried.find(same);
  const missed = result?.notCarried.find(same);
  if (carried && carried.from.length > 1) lines.push(mapMsg(lang, carried.how === 'ratio' ? 'fromOldRatio' : 'fromOldSum', { n: String(carried.from.length), codes: carried.from.join(', ') }));
  if (missed) lines.push(mapMsg(lang, `why_${missed.reason}`, { codes: missed.detail.slice(0, 4).join(', ') }));
  return lines;
}

/** What could not be shown as asked, or was adjusted, in a language. */
export interface ChoroplethTrouble {
  /** `classes` could not be read (its text). */
  badClasses?: string;
  /** Old codes needed the crosswalk, which could not be loaded. */
  crosswalkMissing: boolean;
  /** The boundaries are known (codes can be checked against them). */
  boundaries: boolean;
  model: FeedModel;
}

/** The warnings, joined; the second value says whether any is trouble (carrying old units alone is news, not an error). */
export function warningText(w: ChoroplethWording, t: ChoroplethTrouble): { text: string; trouble: boolean } {
  const { lang, view: v } = w;
  const out: string[] = [];
  let news = 0;
  if (t.badClasses !== undefined) out.push(mapMsg(lang, 'badClasses', { value: t.badClasses }));
  if (t.crosswalkMissing) out.push(mapMsg(lang, 'crosswalkFailed'));
  if (w.carry) {
    const { carried, notCarried, unmatched } = w.carry.result;
    out.push(mapMsg(lang, 'carried', { n: formatNumber(new Set(carried.map((c) => c.code)).size, lang) }));
    news = 1;
    if (notCarried.length) out.push(mapMsg(lang, 'notCarried', { n: formatNumber(new Set(notCarried.map((c) => c.code)).size, lang) }));
    if (unmatched.length) out.push(mapMsg(lang, 'oldUnknown', { n: formatNumber(unmatched.length, lang), codes: unmatched.slice(0, 5).join(', ') }));
  }
  if (t.boundaries) {
    if (v.otherLevels.length) out.push(mapMsg(lang, 'mixedLevels', { levels: [v.level, ...v.otherLevels].join(', '), level: v.level ?? '' }));
    if (v.unknownCodes.length) {
      out.push(mapMsg(lang, 'unknownCodes', { n: v.unknownCodes.length, codes: v.unknownCodes.slice(0, 5).join(', ') + (v.unknownCodes.length > 5 ? '…' : '') }));
    }
    if (!v.values.size && t.model.observations.length) out.push(mapMsg(lang, 'noMatch'));
  }
  return { text: out.join(' '), trouble: out.length > news };
}
