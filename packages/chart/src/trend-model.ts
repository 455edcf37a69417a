/**
 * The series `<chiso-trend>` draws, picked from any feed: one per indicator and area asked for (total and online
 * dossiers; two provinces), each one value per period, oldest first, a part of a year marked as such. Pure: no DOM.
 */
import {
  comparePeriods, isPartYear, localize, normalizeAreaCode, resolveIndicator, sameTimeYearBefore,
  type FeedModel, type Indicator, type Observation,
} from '@chiso/core';

/** One point of a series. */
export interface TrendPoint {
  period: string;
  value: number;
  /** A part of a year (`2021-01/2021-05`) among whole periods: drawn apart, never joined to them or compared with them. */
  partial?: boolean;
}

/** One series: an indicator in an area. */
export interface TrendSeries {
  indicator: Indicator;
  area?: string;
  areaName?: string;
  /** What tells it from the other series: the indicator's name, the area's, or both. */
  label: string;
  points: TrendPoint[];
}

export interface TrendSelection {
  /** Indicator ids; the feed's first when empty. */
  indicators?: string[];
  /** Area codes; the first area of the feed when empty. */
  areas?: string[];
  level?: string;
  lang?: string;
}

/** A comma-separated attribute as a list (empty items dropped). */
export const listOf = (v: string | undefined): string[] => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** The series asked for, in the order asked; a series without a value is left out. */
export function pickSeries(model: FeedModel, s: TrendSelection): TrendSeries[] {
  const lang = s.lang ?? 'vi';
  const ids = s.indicators?.length ? s.indicators : [undefined];
  const indicators = ids.map((id) => resolveIndicator(model, id)).filter((i): i is Indicator => !!i);
  const out: TrendSeries[] = [];
  for (const indicator of indicators) {
    let rows = model.observations.filter((o) => o.indicator === indicator.id && o.value !== null && Number.isFinite(o.value));
    if (s.level) rows = rows.filter((o) => o.level === s.level);
    const areas = s.areas?.length ? s.areas : rows.length ? [rows[0].area] : [];
    for (const area of areas) {
      const mine = rows.filter((o) => o.area === area || normalizeAreaCode(o.area, o.level) === normalizeAreaCode(area, o.level));
      const byPeriod = new Map<string, Observation>();
      for (const o of mine) if (!byPeriod.has(o.period)) byPeriod.set(o.period, o);
      const points: TrendPoint[] = [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period))
        .map((o) => (isPartYear(o.period) ? { period: o.period, value: o.value!, partial: true } : { period: o.period, value: o.value! }));
      if (!points.length) continue;
      const areaName = mine[0]?.areaName;
      out.push({ indicator, area: mine[0]?.area ?? area, ...(areaName ? { areaName } : {}), label: '', points });
    }
  }
  const manyIndicators = new Set(out.map((x) => x.indicator.id)).size > 1;
  const manyAreas = new Set(out.map((x) => x.area)).size > 1;
  for (const x of out) {
    const name = localize(x.indicator.name, lang) || x.indicator.id;
    const where = x.areaName || x.area || '';
    x.label = manyIndicators && manyAreas ? `${name} — ${where}` : manyAreas ? where : name;
  }
  return out;
}

/**
 * The point the last one is compared with: for a part of a year, the same part of the year before (five months of
 * 2021 against five months of 2020) and nothing else; for a whole period, the whole period before it.
 */
export function comparedPoint(points: readonly TrendPoint[]): TrendPoint | undefined {
  const last = points.at(-1);
  if (!last) return undefined;
  if (last.partial) return points.find((p) => p.period === sameTimeYearBefore(last.period));
  return [...points].reverse().find((p) => p !== last && !p.partial);
}
