/**
 * A gauge's figures as CSV: loaded only when asked for (the download button, `toCSV()`), so a page of gauges does
 * not carry it. The previous period's figure is a row of its own, as the details table shows it. Pure.
 */
import { csvOf, csvSource, levelLabel, type CsvCell, type CsvColumn, type FeedSource } from '@chiso/core';
import type { GaugeView } from './gauge-model.js';

const COLUMNS: CsvColumn[] = ['area', 'name', 'level', 'indicatorName', 'period', 'value', 'unit', 'numerator', 'denominator', 'target', 'source', 'updated'];

export function gaugeCsv(views: readonly GaugeView[], lang: string, feedSource?: FeedSource): string {
  const records = views.flatMap((v) => {
    const s = v.source ?? feedSource;
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
