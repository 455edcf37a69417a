/**
 * What colours an area of the case layer on a day: the measure shown (`rate` and `risk` fall back to `count` when
 * they cannot be computed) and the one colour rule (a count under k has the lightest class, never its own).
 * Pure: the palettes and risk colours come from the element.
 */
import { colorOfValue } from '@chiso/core/colors';
import type { AreaDay } from './case-model.js';
import type { CaseValue } from './case-view.js';

/** The value asked for, or `count` when the data cannot give it (no population for a rate, no levels for risk). */
export function shownCaseValue(value: CaseValue, read: { population: ReadonlyMap<string, number>; riskLevels: ReadonlyMap<string, unknown> }): CaseValue {
  if (value === 'risk' && (read.population.size || read.riskLevels.size)) return 'risk';
  if (value === 'rate' && read.population.size) return 'rate';
  return 'count';
}

/** An area's fill: its risk level's colour, or its class's (`colors[0]` the "< k" class); null for no cases. */
export function areaFill(f: AreaDay, o: { shown: CaseValue; colors: readonly string[]; k: number; breaks: readonly number[]; risk(level: 1 | 2 | 3 | 4): string }): string | null {
  if (o.shown === 'risk') return f.risk ? o.risk(f.risk) : null;
  if (f.cases <= 0) return null;
  if (f.cases < o.k) return o.colors[0] ?? null;
  return colorOfValue(o.shown === 'rate' ? f.rate : f.value, o.breaks, o.colors.slice(1), '') || null;
}
