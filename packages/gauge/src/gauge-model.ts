/**
 * What a gauge shows, worked out from feed data and inline attributes, with every check a page needs so
 * that no `NaN`, no out-of-range rate and no exception reaches the screen. Pure: no DOM.
 */
import { FeedError, msg, readNumber, localize, formatValue, bandIndexOf, bandOf, type Band } from '@chiso/core';
import type { Direction, FeedSource, Indicator, LocalizedText, Observation, Selected } from '@chiso/core';

export { bandIndexOf, bandOf, bandsOf, type Band } from '@chiso/core';

/** Inline settings; each one that is set overrides the feed's metadata. */
export interface GaugeOverrides {
  value?: unknown;
  min?: number;
  max?: number;
  unit?: string;
  target?: number;
  thresholds?: number[];
  label?: string;
  direction?: Direction;
  decimals?: number;
  countUnit?: LocalizedText;
}

export interface GaugeView {
  value: number;
  min: number;
  max: number;
  /** Where the value sits between min and max, clamped to 0–1 for drawing. */
  fraction: number;
  unit?: string;
  decimals?: number;
  label: string;
  direction: Direction;
  target?: number;
  thresholds: number[];
  band: Band;
  /** Index of the band the value falls in: the number of thresholds at or below it. */
  bandIndex: number;
  areaName?: string;
  area?: string;
  level?: string;
  period?: string;
  previous?: { value: number; period: string };
  delta?: number;
  /** Whether the change is an improvement given the direction (undefined when there is no change). */
  deltaImproves?: boolean;
  numerator?: number;
  denominator?: number;
  countUnit?: LocalizedText;
  status?: string;
  /** Where this figure was published, when the observation names its own source. */
  source?: FeedSource;
  note?: LocalizedText;
}

export type GaugeResolution = { kind: 'view'; view: GaugeView } | { kind: 'empty' } | { kind: 'error'; error: FeedError };

const finite = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** A value that cannot be drawn: the schema error saying why, in both languages. */
const invalid = (key: 'invalidValue' | 'outOfRange', detail: string, vi: string, en: string): GaugeResolution => ({
  kind: 'error',
  error: new FeedError('schema', { path: 'value', detail, text: { vi: msg('vi', key, { value: vi }), en: msg('en', key, { value: en }) } }),
});

/**
 * Merges a feed selection and inline overrides into one view. `selected` is null when a feed was read and
 * nothing matched; undefined when there is no feed.
 */
export function resolveGauge(selected: Selected | null | undefined, o: GaugeOverrides, lang = 'vi'): GaugeResolution {
  const ind: Indicator = selected?.indicator ?? { id: '' };
  const obs: Observation | undefined = selected?.observation;
  const inline = o.value != null && o.value !== '';
  const raw: unknown = inline ? o.value : obs?.value ?? null;
  if (selected === null && !inline) return { kind: 'empty' };
  const reading = readNumber(raw);
  if (!reading.ok) {
    const shown = String(raw).slice(0, 40);
    return invalid('invalidValue', shown, shown, shown);
  }
  if (reading.value === null) return { kind: 'empty' };
  const value = reading.value;
  const unit = o.unit ?? ind.unit;
  const isRate = unit === '%';
  if (isRate && (value < 0 || value > 100)) return invalid('outOfRange', String(value), formatValue(value, unit, 'vi'), formatValue(value, unit, 'en'));
  let min = finite(o.min) ? o.min : finite(ind.min) ? ind.min : 0;
  let max = finite(o.max) ? o.max : finite(ind.max) ? ind.max : 100;
  if (!(max > min)) {
    // A misconfigured range still draws: widen it around the value rather than dividing by zero.
    min = Math.min(min, value, 0);
    max = Math.max(min + 1, value, max);
  }
  const direction: Direction = o.direction ?? ind.direction ?? 'higher-is-better';
  const target = finite(o.target) ? o.target : finite(ind.target) ? ind.target : undefined;
  let thresholds = (o.thresholds ?? ind.thresholds ?? []).filter(finite).slice().sort((a, b) => a - b);
  if (!thresholds.length && target !== undefined) thresholds = [target];
  const bandIndex = bandIndexOf(value, thresholds);
  const decimals = finite(o.decimals) ? o.decimals : ind.decimals;
  const view: GaugeView = {
    value,
    min,
    max,
    fraction: Math.min(1, Math.max(0, (value - min) / (max - min))),
    unit,
    decimals,
    label: o.label ?? (localize(ind.name, lang) || ind.id),
    direction,
    target,
    thresholds,
    band: bandOf(bandIndex, thresholds.length, direction),
    bandIndex,
  };
  if (obs) {
    if (obs.areaName) view.areaName = obs.areaName;
    view.area = obs.area;
    if (obs.tier ?? obs.level) view.level = obs.tier ?? obs.level;
    if (obs.period) view.period = obs.period;
    if (finite(obs.numerator)) view.numerator = obs.numerator;
    if (finite(obs.denominator)) view.denominator = obs.denominator;
    if (obs.status) view.status = obs.status;
    if (obs.source) view.source = obs.source;
    if (obs.note) view.note = obs.note;
  }
  const prev = selected?.previous;
  if (prev && finite(prev.value ?? undefined) && !inline) {
    view.previous = { value: prev.value as number, period: prev.period };
    view.delta = value - (prev.value as number);
    if (view.delta !== 0) view.deltaImproves = direction === 'lower-is-better' ? view.delta < 0 : view.delta > 0;
  }
  const countUnit = o.countUnit ?? ind.countUnit;
  if (countUnit) view.countUnit = countUnit;
  return { kind: 'view', view };
}

/** `bad`/`fair`/`good` as the words people read. */
export function bandLabel(band: Band, lang = 'vi'): string {
  return band === 'none' ? '' : msg(lang, `band_${band}`);
}
