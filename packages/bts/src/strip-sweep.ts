/**
 * The strip sweep's inner parts, in an area's local km: the area's inside intervals on each strip (EdgeSweep),
 * each footprint's part of a strip, and the covered length of a strip. Plain loops over reused arrays: the coverage
 * worker runs them cold, once per strip. `coverageByCommune` in coverage.ts drives them.
 */
const RAD = Math.PI / 180;

/**
 * The rings' inside intervals (even-odd over every ring) on lines of increasing y, looking only at the edges
 * that cross each line (a scanline's active edge list): an area's strips cost its crossings, not its vertices.
 */
export class EdgeSweep {
  private readonly ylo: Float64Array;
  private readonly yhi: Float64Array;
  private readonly x0: Float64Array;
  private readonly slope: Float64Array;
  private next = 0;
  private active: number[] = [];
  /** The crossings of the last line asked for, sorted: the first `at()` of them (reused, no allocation per line). */
  xs = new Float64Array(16);
  constructor(rings: Float64Array[]) {
    const list: number[][] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
        const xi = ring[i], yi = ring[i + 1], xj = ring[j], yj = ring[j + 1];
        if (yi === yj) continue; // a horizontal edge crosses no line 
        list.push(yi < yj ? [yi, yj, xi, (xj - xi) / (yj - yi)] : [yj, yi, xj, (xi - xj) / (yi - yj)]);
      }
    }
    list.sort((a, b) => a[0] - b[0]);
    this.ylo = Float64Array.from(list, (e) => e[0]);
    this.yhi = Float64Array.from(list, (e) => e[1]);
    this.x0 = Float64Array.from(list, (e) => e[2]);
    this.slope = Float64Array.from(list, (e) => e[3]);
  }
  /**
   * Inside intervals on y = y0: their count of ends, which are the first ones of `xs` (pairs, sorted). y0 must not
   * decrease from one call to the next. Plain loops, no allocation: the worker runs this cold, once per strip.
   */
  at(y0: number): number {
    const { active, ylo, yhi, x0, slope } = this;
    while (this.next < ylo.length && ylo[this.next] <= y0) active.push(this.next++);
    // An edge crosses y0 when ylo ≤ y0 < yhi: one end above the line, the other on or below it.
    let n = 0;
    for (let i = 0; i < active.length; i++) if (yhi[active[i]] > y0) active[n++] = active[i];
    active.length = n;
    if (n > this.xs.length) this.xs = new Float64Array(2 * n);
    const xs = this.xs;
    for (let i = 0; i < n; i++) {
      const e = active[i];
      const x = x0[e] + (y0 - ylo[e]) * slope[e];
      let j = i - 1;
      while (j >= 0 && xs[j] > x) {
        xs[j + 1] = xs[j];
        j--;
      }
      xs[j + 1] = x;
    }
    return n;
  }
}

/**
 * A footprint in an area's local km: centre, radius and, for a sector, its convex wedges, each as two half-planes
 * `a·(x − cx) + k·dy ≥ 0` (dy = the strip's y − cy), worked out once per area rather than once per strip.
 */
export interface LocalFootprint {
  x: number;
  y: number;
  r: number;
  wedges?: number[];
}

export function localFootprint(x: number, y: number, r: number, azimuth?: number, beamwidth?: number): LocalFootprint {
  if (azimuth === undefined || beamwidth === undefined || beamwidth >= 360) return { x, y, r };
  // Wider-than-180° beams are two convex wedges. Directions (x east, y north): bearing θ → (sin θ, cos θ). Inside
  // a wedge clockwise from d0 to d1: cross(d0, p) ≤ 0 and cross(d1, p) ≥ 0, p = (x − cx, dy), cross(d, p) = d.x·dy − d.y·(x − cx).
  const spans: Array<[number, number]> = beamwidth > 180
    ? [[azimuth - beamwidth / 2, azimuth], [azimuth, azimuth + beamwidth / 2]]
    : [[azimuth - beamwidth / 2, azimuth + beamwidth / 2]];
  const wedges: number[] = [];
  for (const [a0, a1] of spans) {
    wedges.push(Math.cos(a0 * RAD), -Math.sin(a0 * RAD), -Math.cos(a1 * RAD), Math.sin(a1 * RAD));
  }
  return { x, y, r, wedges };
}

/** Growable scratch lists of the covered intervals on one strip (no allocation per strip). */
let coverLo = new Float64Array(256);
let coverHi = new Float64Array(256);

/**
 * Adds the part of y = y0 a footprint covers, cut to [min, max], to the scratch lists from `n`; returns the new count.
 */
export function addFootprintIntervals(f: LocalFootprint, y0: number, min: number, max: number, n: number): number {
  const dy = y0 - f.y;
  if (Math.abs(dy) >= f.r) return n;
  const half = Math.sqrt(f.r * f.r - dy * dy);
  const lo = Math.max(min, f.x - half);
  const hi = Math.min(max, f.x + half);
  if (!(hi > lo)) return n;
  const w = f.wedges;
  if (!w) return pushInterval(lo, hi, n);
  for (let i = 0; i < w.length; i += 4) {
    let l = lo;
    let h = hi;
    for (let j = i; j < i + 4; j += 2) {
      const a = w[j];
      const b = w[j + 1] * dy;
      if (Math.abs(a) < 1e-12) {
        if (b < 0) l = h; // the whole line is outside
      } else if (a > 0) l = Math.max(l, f.x - b / a);
      else h = Math.min(h, f.x - b / a);
    }
    if (h > l) n = pushInterval(l, h, n);
  }
  return n;
}

function pushInterval(lo: number, hi: number, n: number): number {
  if (n === coverLo.length) {
    const grow = (a: Float64Array) => { const b = new Float64Array(a.length * 2); b.set(a); return b; };
    coverLo = grow(coverLo);
    coverHi = grow(coverHi);
  }
  coverLo[n] = lo;
  coverHi[n] = hi;
  return n + 1;
}

/** Length of (union of the first `n` scratch intervals) ∩ (union of the first `ends` of `inside`, in pairs). */
export function coveredLength(inside: Float64Array, ends: number, n: number): number {
  if (!ends || !n) return 0;
  // By start: insertion sort for the tens of footprints a strip usually crosses (no allocation, no comparator
  // calls); a comparator sort of the order beyond that (dense cities), where insertion sort's n² would show.
  if (n > 48) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => coverLo[a] - coverLo[b]);
    const lo = order.map((i) => coverLo[i]);
    const hi = order.map((i) => coverHi[i]);
    coverLo.set(lo);
    coverHi.set(hi);
  } else for (let i = 1; i < n; i++) {
    const lo = coverLo[i];
    const hi = coverHi[i];
    let j = i - 1;
    while (j >= 0 && coverLo[j] > lo) {
      coverLo[j + 1] = coverLo[j];
      coverHi[j + 1] = coverHi[j];
      j--;
    }
    coverLo[j + 1] = lo;
    coverHi[j + 1] = hi;
  }
  // Merged in place: the union's pairs are the first `m`.
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (m && coverLo[i] <= coverHi[m - 1]) {
      if (coverHi[i] > coverHi[m - 1]) coverHi[m - 1] = coverHi[i];
    } else {
      coverLo[m] = coverLo[i];
      coverHi[m] = coverHi[i];
      m++;
    }
  }
  let total = 0;
  let j = 0;
  for (let i = 0; i + 1 < ends; i += 2) {
    const a = inside[i];
    const b = inside[i + 1];
    while (j < m && coverHi[j] <= a) j++;
    for (let k = j; k < m && coverLo[k] < b; k++) total += Math.max(0, Math.min(b, coverHi[k]) - Math.max(a, coverLo[k]));
  }
  return total;
}
