/** SVG path maths for the gauge shapes. Angles in degrees, 0 at the top, clockwise. Pure. */

const rad = (deg: number) => ((deg - 90) * Math.PI) / 180;
const round = (n: number) => Math.round(n * 100) / 100;

export function polar(cx: number, cy: number, r: number, deg: number): [number, number] {
  return [round(cx + r * Math.cos(rad(deg))), round(cy + r * Math.sin(rad(deg)))];
}

/** An open arc from `from` to `to` degrees (to > from), split in two when it sweeps half a turn or more. */
export function arcPath(cx: number, cy: number, r: number, from: number, to: number): string {
  const sweep = Math.max(0, Math.min(360, to - from));
  if (sweep === 0) return '';
  if (sweep >= 359.99) {
    const [x0, y0] = polar(cx, cy, r, from);
    const [x1, y1] = polar(cx, cy, r, from + 180);
    return `M${x0} ${y0}A${r} ${r} 0 1 1 ${x1} ${y1}A${r} ${r} 0 1 1 ${x0} ${y0}`;
  }
  const [x0, y0] = polar(cx, cy, r, from);
  const [x1, y1] = polar(cx, cy, r, from + sweep);
  return `M${x0} ${y0}A${r} ${r} 0 ${sweep > 180 ? 1 : 0} 1 ${x1} ${y1}`;
}

/** A radial tick from radius r0 to r1 at an angle (the target marker). */
export function tickPath(cx: number, cy: number, r0: number, r1: number, deg: number): string {
  const [x0, y0] = polar(cx, cy, r0, deg);
  const [x1, y1] = polar(cx, cy, r1, deg);
  return `M${x0} ${y0}L${x1} ${y1}`;
}
