/**
 * Site symbols: the shape says the technology (2G circle, 3G square, 4G triangle, 5G diamond), the colour
 * says the operator. The same SVG paths draw the map icons (through Path2D) and the legend, so the two
 * always agree. Operator colours are Okabe–Ito hues, told apart with colour-blindness too.
 */
import type { Operator, Technology } from './coverage.js';

/** Paths in a 20 × 20 box. */
export const TECH_SHAPES: Record<Technology, string> = {
  '2G': 'M10 2a8 8 0 1 0 0.001 0z',
  '3G': 'M3 3h14v14H3z',
  '4G': 'M10 1.5l8.5 16h-17z',
  '5G': 'M10 1l9 9-9 9-9-9z',
};

export const OPERATORS: Operator[] = ['Viettel', 'VNPT', 'MobiFone', 'Vietnamobile', 'other'];

/** Default colours; each is a CSS custom property `--chiso-bts-<operator>` on the layer. */
export const OPERATOR_COLORS: Record<Operator, string> = {
  Viettel: '#d55e00',
  VNPT: '#0072b2',
  MobiFone: '#009e73',
  Vietnamobile: '#e69f00',
  other: '#6e6e6e',
};

export const operatorLabel = (op: Operator, other: string): string => (op === 'VNPT' ? 'VNPT (VinaPhone)' : op === 'other' ? other : op);

/** The icon id MapLibre knows a symbol by. */
export const iconId = (prefix: string, op: Operator, tech: Technology): string => `${prefix}-${op}-${tech}`;

/** One icon as pixels (20 CSS px at `ratio`): a dark rim, a white ring, the operator colour inside. */
export function drawSiteIcon(tech: Technology, color: string, ratio = 2): ImageData {
  const size = 20 * ratio;
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(size, size) : Object.assign(document.createElement('canvas'), { width: size, height: size });
  // Read back at once: a CPU canvas (a GPU one would flush the GPU for each of the 20 icons).
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
  ctx.scale(ratio * 0.8, ratio * 0.8);
  ctx.translate(2.5, 2.5);
  const path = new Path2D(TECH_SHAPES[tech]);
  ctx.lineJoin = 'round';
  ctx.strokeStyle = 'rgba(0,0,0,0.75)';
  ctx.lineWidth = 4;
  ctx.stroke(path);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2.2;
  ctx.stroke(path);
  ctx.fillStyle = color;
  ctx.fill(path);
  return ctx.getImageData(0, 0, size, size);
}
