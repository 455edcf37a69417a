/**
 * Where a colour is chosen: every colour a chiso element draws with, by theme, in one place. Each element's
 * CSS custom properties (`--chiso-color-good`, `--chiso-map-sea`, `--chiso-bts-coverage`, `--chiso-cases-risk-1`…)
 * default to these, and what is drawn outside CSS (MapLibre paint, pictures) falls back to the same values.
 * Pure: no DOM. Class palettes (YlGnBu, YlOrRd…) come from d3-scale-chromatic in `@chiso/map`'s palette module.
 *
 * Contrast: text colours meet WCAG AA 4.5:1 and marks 3:1 against their theme's background; the high-contrast
 * theme is for readers who need more.
 */
export type Theme = 'light' | 'dark' | 'contrast';
type ByTheme<T> = Record<Theme, T>;

/** The good, fair and bad bands of a gauge, and of a map classed by the same thresholds. */
export interface BandColors {
  good: string;
  fair: string;
  bad: string;
}

export const BAND_COLORS: ByTheme<BandColors> = {
  light: { good: '#1a7f37', fair: '#9a6700', bad: '#cf222e' },
  dark: { good: '#3fb950', fair: '#d29922', bad: '#f85149' },
  contrast: { good: '#00ff66', fair: '#ffd400', bad: '#ff6b6b' },
};

/** The light theme's bands: what a map uses unless the element reads its own. */
export const DEFAULT_BAND_COLORS: BandColors = BAND_COLORS.light;

/** A map's own colours: sea, land (areas without a layer's colour), outlines and the hovered area's outline. */
export const MAP_COLORS: ByTheme<{ sea: string; land: string; outline: string; hover: string }> = {
  light: { sea: '#dce9f2', land: '#f4f1ea', outline: '#5b6470', hover: '#1f2328' },
  dark: { sea: '#0b1a26', land: '#2a2f36', outline: '#9198a1', hover: '#ffffff' },
  contrast: { sea: '#000000', land: '#1a1a1a', outline: '#ffffff', hover: '#ffd400' },
};

/** The BTS layer: modelled coverage, villages, and villages in a coverage gap ("vùng lõm sóng"). */
export const BTS_COLORS: ByTheme<{ coverage: string; gap: string; village: string }> = {
  light: { coverage: '#7b3294', gap: '#c51b7d', village: '#1a1a1a' },
  dark: { coverage: '#c2a5cf', gap: '#f768a1', village: '#f0f0f0' },
  contrast: { coverage: '#ffff00', gap: '#ff00ff', village: '#ffffff' },
};

/** The case layer's circles, clusters and points. */
export const CASE_COLORS: ByTheme<{ bubble: string }> = {
  light: { bubble: '#c2185b' },
  dark: { bubble: '#f06292' },
  contrast: { bubble: '#ff00ff' },
};

/** The case layer's class palette by default: ColorBrewer YlOrRd (light yellow to dark red), as case maps are read. */
export const CASE_PALETTE = 'YlOrRd';

/**
 * The four epidemic risk levels (Decision 4800/QĐ-BYT: 1 new normal, 2 low, 3 high, 4 very high), in the colours
 * the Ministry of Health's maps use (green, yellow, orange, red); the same in every theme, as readers know them.
 */
export const RISK_COLORS: Readonly<Record<1 | 2 | 3 | 4, string>> = { 1: '#1a9641', 2: '#ffd92f', 3: '#f28e2b', 4: '#d7191c' };

/**
 * CSS declarations giving private properties their theme's default under a public one:
 * `themeDeclarations(BTS_COLORS, 'light', { coverage: ['--_coverage', '--chiso-bts-coverage'] })` →
 * `--_coverage: var(--chiso-bts-coverage, #7b3294);`.
 */
export function themeDeclarations<T extends object>(table: ByTheme<T>, theme: Theme, names: { [K in keyof T]?: readonly [string, string] }): string {
  const colors = table[theme] as Record<string, string>;
  return Object.entries(names)
    .map(([key, pair]) => `${(pair as [string, string])[0]}: var(${(pair as [string, string])[1]}, ${colors[key]});`)
    .join(' ');
}

/** `rgb(1, 2, 3)` or `#abc` or `#aabbcc` → `#aabbcc`. */
export function toHex(color: string): string {
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(c);
  if (rgb) {
    return `#${[rgb[1], rgb[2], rgb[3]].map((v) => Math.max(0, Math.min(255, Math.round(Number(v)))).toString(16).padStart(2, '0')).join('')}`;
  }
  return c;
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
