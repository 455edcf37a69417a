/**
 * Good, fair and bad: what an indicator's thresholds mean, the same on a gauge, a map, a ranking. Pure.
 * Thresholds are inclusive lower bounds (as `d3.scaleThreshold`): `[50, 80]` gives three bands, below 50,
 * 50 to under 80, 80 and above; `direction` says which end is good.
 */
import type { Direction, Indicator } from './feed/model.js';

/** `bad`, `fair` or `good` by the thresholds and direction; `none` when there are no thresholds. */
export type Band = 'bad' | 'fair' | 'good' | 'none';

/** Index of the band `value` falls in: the number of thresholds at or below it. */
export function bandIndexOf(value: number, thresholds: readonly number[]): number {
  let i = 0;
  while (i < thresholds.length && value >= thresholds[i]) i++;
  return i;
}

/** The band of band index `index` among `thresholdCount + 1` bands: the good end is good, the other bad, between fair. */
export function bandOf(index: number, thresholdCount: number, direction: Direction = 'higher-is-better'): Band {
  if (thresholdCount === 0) return 'none';
  const worst = direction === 'lower-is-better' ? thresholdCount : 0;
  const best = direction === 'lower-is-better' ? 0 : thresholdCount;
  return index === best ? 'good' : index === worst ? 'bad' : 'fair';
}

/** The band of every one of the `thresholds.length + 1` bands, lowest values first. */
export function bandsOf(thresholds: readonly number[], direction: Direction = 'higher-is-better'): Band[] {
  return Array.from({ length: thresholds.length + 1 }, (_, i) => bandOf(i, thresholds.length, direction));
}

/** An indicator's thresholds, ascending; its target alone when it has none (as a gauge draws it). */
export function thresholdsOf(indicator: Pick<Indicator, 'thresholds' | 'target'> | undefined): number[] {
  const t = (indicator?.thresholds ?? []).filter((x) => Number.isFinite(x));
  if (t.length) return [...new Set(t)].sort((a, b) => a - b);
  return indicator?.target !== undefined && Number.isFinite(indicator.target) ? [indicator.target] : [];
}

