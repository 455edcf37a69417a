/**
 * A gauge's figures as CSV, and the gauge as a picture: loaded only when asked for (the download button, `toCSV()`,
 * `toImage()`), so a page of gauges does not carry them. The previous period's figure is a row of its own, as the
 * details table shows it.
 */
import { csvOf, csvSource, levelLabel, type CsvCell, type CsvColumn, type FeedSource } from '@chiso/core';
import type { GaugeView } from './gauge-model.js';

const COLUMNS: CsvColumn[] = ['area', 'name', 'level', 'indicatorName', 'period', 'value', 'unit', 'numerator', 'denominator', 'target', 'source', 'updated'];

/** A source as shown: the element's `source` attribute (`own`) names the publisher instead of the feed. */
const named = (s: FeedSource | undefined, own?: string): FeedSource | undefined => (own ? { ...s, name: own, url: undefined } : s);

export function gaugeCsv(views: readonly GaugeView[], lang: string, feedSource?: FeedSource, own?: string): string {
  const records = views.flatMap((v) => {
    const s = named(v.source ?? feedSource, own);
    const base: Partial<Record<CsvColumn, CsvCell>> = {
      area: v.area, name: v.areaName, level: v.level && levelLabel(v.level, lang), indicatorName: v.label, unit: v.unit, target: v.target,
      ...csvSource(s, lang),
    };
    return [
      ...(v.previous ? [{ ...base, period: v.previous.period, value: v.previous.value }] : []),
      { ...base, period: v.period, value: v.value, numerator: v.numerator, denominator: v.denominator },
    ];
  });
  return csvOf(COLUMNS, records, lang);
}

/** The gauge as drawn now, with the source of its figure under it (see `@chiso/core/picture`). */
export async function gaugePicture(el: HTMLElement & { source?: string }, v: GaugeView | undefined, feedSource: FeedSource | undefined, options?: { format?: 'png' | 'svg'; scale?: number }): Promise<Blob> {
  const { elementPicture, sourceNote } = await import('@chiso/core/picture');
  const lang = el.lang || 'vi';
  const { source, updated } = csvSource(named(v?.source ?? feedSource, el.source), lang);
  return elementPicture(el, options, sourceNote(source, updated, lang));
}
