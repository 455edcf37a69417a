/**
 * Small time-series charts (`<chiso-trend>`, the chart under the case map): paths from d3-shape, round axis values from d3-array
 * (those two modules only: d3-scale would bring time and number formatting the chart has no use for, and
 * about 25 KB to every page). Pure: strings and numbers, no DOM.
 */
import { nice, ticks } from 'd3-array';
import { area as d3area, line as d3line } from 'd3-shape';

/** A linear map from a domain onto a range, with its inverse. */
function linear([d0, d1]: [number, number], [r0, r1]: [number, number]) {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = (v: number) => r0 + (v - d0) * k;
  f.invert = (r: number) => (k ? d0 + (r - r0) / k : d0);
  return f;
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** The series as a line and as the area under it (SVG path data). */
  line: string;
  area: string;
  /** x of day `i` (0 = first day of the series drawn). */
  x(i: number): number;
  /** y of a value. */
  y(value: number): number;
  /** Day index at an x (clamped), for pointer input on the chart. */
  dayAt(x: number): number;
  /** Highest value, and its day index. */
  max: number;
  peak: number;
  /** Two or three round values for the y axis. */
  ticks: Array<{ value: number; y: number }>;
}

export const CHART_MARGIN = { top: 8, right: 8, bottom: 4, left: 40 };

/**
 * `joined(i)` says which points the line and area go through (default all): a part of a year stands apart
 * from the whole years around it.
 */
export function chartGeometry(values: ArrayLike<number>, width = 600, height = 110, joined: (i: number) => boolean = () => true): ChartGeometry {
  const n = values.length;
  let max = 0;
  let peak = 0;
  for (let i = 0; i < n; i++) if (values[i] > max) {
    max = values[i];
    peak = i;
  }
  const x = linear([0, Math.max(1, n - 1)], [CHART_MARGIN.left, width - CHART_MARGIN.right]);
  const [, top] = nice(0, max || 1, 3);
  const y = linear([0, top], [height - CHART_MARGIN.bottom, CHART_MARGIN.top]);
  const points = Array.from({ length: n }, (_, i) => i).filter(joined);
  const line = d3line<number>().x((i) => x(i)).y((i) => y(values[i]))(points) ?? '';
  const area = d3area<number>().x((i) => x(i)).y0(y(0)).y1((i) => y(values[i]))(points) ?? '';
  return {
    width,
    height,
    line,
    area,
    x: (i) => x(i),
    y: (v) => y(v),
    dayAt: (px) => Math.max(0, Math.min(n - 1, Math.round(x.invert(px)))),
    max,
    peak,
    ticks: ticks(0, top, 3).map((value) => ({ value, y: y(value) })),
  };
}
