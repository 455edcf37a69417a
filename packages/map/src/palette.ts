/**
 * Class colours from d3-scale-chromatic, as `#rrggbb`. Pure (no DOM).
 *
 * The default, `YlGnBu`, is a ColorBrewer sequential scheme rated safe for colour-blind readers, as are every
 * other sequential ColorBrewer scheme and viridis/cividis. Named schemes give the ColorBrewer colours for
 * 3–9 classes; beyond that, and for interpolator-only palettes (Viridis, Cividis, Turbo…), colours are
 * sampled evenly.
 */
import * as chromatic from 'd3-scale-chromatic';

export const DEFAULT_PALETTE = 'YlGnBu';

/** The no-data fill: a neutral grey outside every sequential scheme (a pink for `Greys`). */
export function noDataColor(palette = DEFAULT_PALETTE): string {
  return /^greys$/i.test(palette) ? '#f4c7d4' : '#c8c8c8';
}

/** `rgb(1, 2, 3)` or `#abc` or `#aabbcc` → `#aabbcc`. */
export function toHex(color: string): string {
  const c = color.trim().toLowerCase();
  let m = /^#([0-9a-f]{6})$/.exec(c);
  if (m) return c;
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`;
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(c);
  if (rgb) {
    return `#${[rgb[1], rgb[2], rgb[3]].map((v) => Math.max(0, Math.min(255, Math.round(Number(v)))).toString(16).padStart(2, '0')).join('')}`;
  }
  return c;
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

/** Relative luminance (WCAG) of `#rrggbb`. */
export function luminance(hex: string): number {
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Fills of the good, fair and bad bands: the gauge's colours (light theme) unless the element reads its own. */
export interface BandColors {
  good: string;
  fair: string;
  bad: string;
}

export const DEFAULT_BAND_COLORS: BandColors = { good: '#1a7f37', fair: '#9a6700', bad: '#cf222e' };

const mix = (a: string, b: string, t: number) => {
  const [x, y] = [toHex(a), toHex(b)];
  return `#${[1, 3, 5].map((i) => Math.round(parseInt(x.slice(i, i + 2), 16) * (1 - t) + parseInt(y.slice(i, i + 2), 16) * t)
    .toString(16).padStart(2, '0')).join('')}`;
};

/**
 * One colour per threshold class, lowest values first: the bad end in the bad colour, the good end in the
 * good colour, the fair colour between (with 4 or more classes, steps between them, so no two classes look
 * alike), turned by `direction`.
 */
export function bandColors(bands: readonly string[], direction: 'higher-is-better' | 'lower-is-better', given: Partial<BandColors> = {}): string[] {
  const c = { ...DEFAULT_BAND_COLORS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v)) } as BandColors;
  const n = bands.length;
  if (n <= 1) return [c.fair];
  if (n === 2) return direction === 'lower-is-better' ? [toHex(c.good), toHex(c.bad)] : [toHex(c.bad), toHex(c.good)];
  const steps = Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1); // 0: the bad end, 1: the good end
    return t <= 0.5 ? mix(c.bad, c.fair, t * 2) : mix(c.fair, c.good, (t - 0.5) * 2);
  });
  // Classes in the middle are fair on a gauge; an odd count puts the fair colour itself in the middle.
  return direction === 'lower-is-better' ? steps.reverse() : steps;
}
