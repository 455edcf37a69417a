/**
 * The one rule from a value to its class colour, for every classed drawing (choropleth, case areas): the
 * class is the number of breaks at or below the value; no value (or not a number) is `noData`.
 */
export function colorOfValue(value: number | null | undefined, breaks: readonly number[], colors: readonly string[], noData: string): string {
  if (value == null || !Number.isFinite(value)) return noData;
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return colors[lo] ?? noData;
}
