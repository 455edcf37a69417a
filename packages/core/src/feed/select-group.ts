/** One observation per level or area, for a gauge group. Apart from select.ts so a page of single gauges does not download it. Pure. */
import type { FeedModel, Observation } from './model.js';
import { levelRank, pickPeriod, previousObservation, resolveIndicator, sameArea, tierOf, type Selected, type Selector } from './select.js';

/**
 * One observation per level (or per area) for a group of charts, widest level first. Levels the feed lacks
 * (no `district` after July 2025) are simply absent.
 */
export function selectGroup(model: FeedModel, selector: Selector & { by?: 'level' | 'area' } = {}): Selected[] {
  const indicator = resolveIndicator(model, selector.indicator);
  if (!indicator) return [];
  let pool = model.observations.filter((o) => o.indicator === indicator.id);
  if (selector.area) pool = pool.filter((o) => sameArea(o.area, selector.area!, o.level));
  if (selector.level) pool = pool.filter((o) => tierOf(o) === selector.level);
  const groups = new Map<string, Observation[]>();
  for (const o of pool) {
    const key = selector.by === 'area' ? `${tierOf(o) ?? ''}|${o.area}` : tierOf(o) ?? '';
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  const result: Selected[] = [];
  for (const list of groups.values()) {
    // Within one level, the first area listed (the province itself in a province's feed).
    const area = list[0].area;
    const same = selector.by === 'area' ? list : list.filter((o) => o.area === area);
    const period = selector.period ?? pickPeriod(same);
    const observation = same.find((o) => o.period === period);
    if (!observation) continue;
    const previous = previousObservation(same, observation);
    result.push(previous ? { indicator, observation, previous } : { indicator, observation });
  }
  if (selector.by !== 'area') result.sort((a, b) => levelRank(tierOf(a.observation)) - levelRank(tierOf(b.observation)));
  return result;
}
