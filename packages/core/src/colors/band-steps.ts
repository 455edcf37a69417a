/** A colour per threshold class for a map (any number of classes), from the three band colours. */
import { DEFAULT_BAND_COLORS, type BandColors } from './bands.js';
import { toHex } from './hex.js';

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
  // A theme may give any CSS colour (a name, hsl(), a system colour in forced-colors mode): only #rrggbb can be mixed.
  const usable = Object.entries(given).map(([k, v]) => [k, v ? toHex(v) : v] as const).filter(([, v]) => v && /^#[0-9a-f]{6}$/.test(v));
  const c = { ...DEFAULT_BAND_COLORS, ...Object.fromEntries(usable) } as BandColors;
  const n = bands.length;
  if (n <= 1) return [toHex(c.fair)];
  if (n === 2) return direction === 'lower-is-better' ? [toHex(c.good), toHex(c.bad)] : [toHex(c.bad), toHex(c.good)];
  const steps = Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1); // 0: the bad end, 1: the good end
    return t <= 0.5 ? mix(c.bad, c.fair, t * 2) : mix(c.fair, c.good, (t - 0.5) * 2);
  });
  // Classes in the middle are fair on a gauge; an odd count puts the fair colour itself in the middle.
  return direction === 'lower-is-better' ? steps.reverse() : steps;
}

