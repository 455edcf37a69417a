/**
 * Small charts laid out at the size they are drawn (`<chiso-trend>`, the chart under the case map): the plot
 * in real pixels, axis text at the element's own font size (never scaled down with the chart), as many value
 * ticks as the height holds, and period labels that never collide (full, then short, then fewer). Paths from
 * d3-shape, round values from d3-array: those two modules only (d3-scale would bring time and number
 * formatting the charts have no use for, and about 25 KB). Pure: strings and numbers, no DOM; text widths
 * come from the caller's `measure`.
 */
import { nice, ticks as d3ticks } from 'd3-array';
import { area as d3area, line as d3line } from 'd3-shape';

/** A linear map from a domain onto a range, with its inverse. */
function linear([d0, d1]: [number, number], [r0, r1]: [number, number]) {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = (v: number) => r0 + (v - d0) * k;
  f.invert = (r: number) => (k ? d0 + (r - r0) / k : d0);
  return f;
}

/** A label the x axis may show at data position `x`; `short` is used when the full ones do not fit. */
export interface AxisLabel {
  x: number;
  text: string;
  short?: string;
}

export interface ChartLayoutInput {
  /** Drawn size in CSS pixels. */
  width: number;
  height: number;
  /** Each point's position in data units (a time in ms, or an index) and its value. */
  xs: ArrayLike<number>;
  values: ArrayLike<number>;
  /** The x domain; default the points' extent. */
  xDomain?: [number, number];
  /** Which points the line and area go through (a part of a year stands apart from the whole years). */
  joined?: (i: number) => boolean;
  /** Size of axis text, px, and its width. */
  fontPx: number;
  measure: (text: string) => number;
  formatTick: (value: number) => string;
  /** Candidate labels under the plot; none: no x axis text. */
  labels?: AxisLabel[];
  /** Lowest value the y axis must show (default 0: counts and rates start at zero). */
  yMin?: number;
  /** Values the y axis must reach besides the data (a target line). */
  extra?: number[];
}

export interface PlacedLabel {
  x: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The plot area inside the axes. */
  plot: { left: number; right: number; top: number; bottom: number };
  x(v: number): number;
  y(v: number): number;
  /** Data x at a pixel x (clamped to the domain), for pointer input. */
  invertX(px: number): number;
  line: string;
  area: string;
  max: number;
  /** Index of the highest value. */
  peak: number;
  ticks: Array<{ value: number; y: number; text: string }>;
  xLabels: PlacedLabel[];
  /** Baseline of the x labels. */
  labelY: number;
}

/** The x labels that fit: every full one, else every short one, else fewer (the first and last kept first). */
export function placeLabels(labels: AxisLabel[], x: (v: number) => number, measure: (t: string) => number, left: number, right: number, gap: number): PlacedLabel[] {
  const attempt = (texts: string[], keep: (i: number) => boolean): PlacedLabel[] | null => {
    const out: PlacedLabel[] = [];
    let end = -Infinity;
    for (let i = 0; i < labels.length; i++) {
      if (!keep(i)) continue;
      const w = measure(texts[i]);
      const cx = x(labels[i].x);
      let from = cx - w / 2;
      let anchor: PlacedLabel['anchor'] = 'middle';
      let at = cx;
      if (from < left) { from = left; anchor = 'start'; at = left; }
      if (from + w > right) { from = right - w; anchor = 'end'; at = right; }
      if (from < left - 0.5 || from < end + gap) return null;
      end = from + w;
      out.push({ x: at, text: texts[i], anchor });
    }
    return out;
  };
  if (!labels.length) return [];
  const full = labels.map((l) => l.text);
  const short = labels.map((l) => l.short ?? l.text);
  for (const texts of [full, short]) {
    const all = attempt(texts, () => true);
    if (all) return all;
  }
  // Fewer: every k-th, always the last (the latest period is the one people look for).
  const n = labels.length;
  for (let k = 2; k <= n; k++) {
    for (const texts of [full, short]) {
      const some = attempt(texts, (i) => i === n - 1 || ((n - 1 - i) % k === 0 && n - 1 - i >= k));
      if (some) return some;
    }
  }
  const last = attempt(short, (i) => i === n - 1);
  return last ?? [];
}

export function chartLayout(input: ChartLayoutInput): ChartLayout {
  const { width, height, xs, values, fontPx, measure } = input;
  const n = values.length;
  let max = 0;
  let peak = 0;
  for (let i = 0; i < n; i++) if (values[i] > max) {
    max = values[i];
    peak = i;
  }
  const top = Math.max(max, ...(input.extra ?? []), 0) || 1;
  const yMin = input.yMin ?? 0;
  const hasLabels = !!input.labels?.length;
  const labelBand = hasLabels ? Math.ceil(fontPx * 1.9) : 0;
  const plotTop = Math.ceil(fontPx * 0.6);
  // Room under the plot for the lowest value's label (and the period labels when there are some).
  const plotBottom = height - (hasLabels ? labelBand : Math.ceil(fontPx * 0.6)) - 2;
  // As many value ticks as the height holds with room between their labels.
  const tickCount = Math.max(2, Math.min(5, Math.floor((plotBottom - plotTop) / (fontPx * 2.2))));
  const [, niceTop] = nice(yMin, top, tickCount);
  const tickValues = d3ticks(yMin, niceTop, tickCount);
  const tickTexts = tickValues.map(input.formatTick);
  const left = Math.ceil(Math.max(0, ...tickTexts.map(measure)) + fontPx * 0.5);
  const right = width - Math.ceil(fontPx * 0.5);
  const y = linear([yMin, niceTop], [plotBottom, plotTop]);
  let [d0, d1] = input.xDomain ?? [Math.min(...Array.from(xs)), Math.max(...Array.from(xs))];
  if (!Number.isFinite(d0) || !Number.isFinite(d1)) [d0, d1] = [0, 1];
  if (d0 === d1) [d0, d1] = [d0 - 1, d1 + 1];
  const x = linear([d0, d1], [left + fontPx * 0.5, right - fontPx * 0.5]);
  const joined = input.joined ?? (() => true);
  const idx = Array.from({ length: n }, (_, i) => i).filter(joined);
  const line = d3line<number>().x((i) => x(xs[i])).y((i) => y(values[i]))(idx) ?? '';
  const area = d3area<number>().x((i) => x(xs[i])).y0(y(yMin)).y1((i) => y(values[i]))(idx) ?? '';
  // Period labels stay right of the value labels, inside the chart.
  const xLabels = hasLabels ? placeLabels(input.labels!, x, measure, left, width, fontPx * 0.75) : [];
  return {
    width,
    height,
    plot: { left, right, top: plotTop, bottom: plotBottom },
    x: (v) => x(v),
    y: (v) => y(v),
    invertX: (px) => Math.max(d0, Math.min(d1, x.invert(px))),
    line,
    area,
    max,
    peak,
    ticks: tickValues.map((value, i) => ({ value, y: y(value), text: tickTexts[i] })),
    xLabels,
    labelY: height - Math.ceil(fontPx * 0.45),
  };
}
