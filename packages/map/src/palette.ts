/**
 * Class colours from d3-scale-chromatic, as `#rrggbb`. Pure (no DOM).
 *
 * The default, `YlGnBu`, is a ColorBrewer sequential scheme rated safe for colour-blind readers, as are every
 * other sequential ColorBrewer scheme and viridis/cividis. Named schemes give the ColorBrewer colours for
 * 3–9 classes; beyond that, and for interpolator-only palettes (Viridis, Cividis, Turbo…), colours are
 * sampled evenly.
 *
 * Any d3-scale-chromatic scheme is a palette by its name, so adding one is a change to this file only. Theme
 * colours (bands, map, BTS, cases, risk levels) are in `@chiso/core/colors`.
 */
import * as chromatic from 'd3-scale-chromatic';
import { toHex } from '@chiso/core/colors';

export const DEFAULT_PALETTE = 'YlGnBu';

/** The no-data fill: a neutral grey outside every sequential scheme (a pink for `Greys`). */
export function noDataColor(palette = DEFAULT_PALETTE): string {
  return /^greys$/i.test(palette) ? '#f4c7d4' : '#c8c8c8';
}

type Scheme = ReadonlyArray<ReadonlyArray<string> | undefined>;
type Interpolator = (t: number) => string;

const lookup = (name: string): { scheme?: Scheme; interpolate?: Interpolator } | undefined => {
  const all = chromatic as unknown as Record<string, unknown>;
  const key = Object.keys(all).find((k) => k.toLowerCase() === `interpolate${name}`.toLowerCase());
  const schemeKey = Object.keys(all).find((k) => k.toLowerCase() === `scheme${name}`.toLowerCase());
  if (!key && !schemeKey) return undefined;
  return { interpolate: key ? (all[key] as Interpolator) : undefined, scheme: schemeKey ? (all[schemeKey] as Scheme) : undefined };
};

/** Whether d3-scale-chromatic knows `name` (case-insensitive, without `scheme`/`interpolate`). */
export function isPalette(name: string): boolean {
  return !!lookup(name)?.interpolate;
}

/**
 * `k` colours of palette `name`, lightest (lowest) first; `reverse` flips them. Unknown names fall back to the
 * default palette.
 */
export function paletteColors(name: string | undefined, k: number, reverse = false): string[] {
  const found = (name && isPalette(name) ? lookup(name) : undefined) ?? lookup(DEFAULT_PALETTE)!;
  let colors: string[];
  // Categorical schemes are flat lists and are not offered (isPalette needs an interpolator).
  const fixed = Array.isArray(found.scheme?.[3]) ? found.scheme?.[Math.max(3, k)] : undefined;
  if (fixed && k >= 1) {
    // ColorBrewer's k-class scheme; for 1–2 classes, the ends of the 3-class one.
    colors = k >= 3 ? [...fixed] : k === 2 ? [fixed[0], fixed[2]] : [fixed[1]];
  } else if (found.interpolate) {
    const f = found.interpolate;
    colors = k === 1 ? [f(0.5)] : Array.from({ length: k }, (_, i) => f(0.08 + (0.84 * i) / (k - 1)));
  } else colors = [];
  colors = colors.map(toHex);
  return reverse ? colors.reverse() : colors;
}
