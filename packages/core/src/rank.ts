/** Ranks of values (the ranking, the map's table). Apart from bands.ts so a page of gauges does not download it. Pure. */
import type { Direction } from './feed/model.js';

/**
 * Ranks of values, 1 = the best by `direction` (the highest when higher is better, the lowest when lower is
 * better); equal values share the better rank (1, 2, 2, 4). Keys with no finite value get no rank.
 */
export function rankValues(entries: Iterable<readonly [string, number | null | undefined]>, direction: Direction = 'higher-is-better'): Map<string, number> {
  const sign = direction === 'lower-is-better' ? 1 : -1;
  const sorted = [...entries].filter((e): e is readonly [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
    .sort((a, b) => sign * (a[1] - b[1]));
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach(([key, v], i) => {
    if (i === 0 || v !== sorted[i - 1][1]) rank = i + 1;
    ranks.set(key, rank);
  });
  return ranks;
}
