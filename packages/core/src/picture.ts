/**
 * An element drawn in SVG (the trend chart) as a picture: its SVG with the styles it is drawn with written in,
 * under its title and over its source line; PNG, or SVG whose words stay text. Loaded only when a picture is asked
 * for, so no element pays for it up front.
 */
const STYLES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display'];

export interface SvgPictureOptions {
  format?: 'png' | 'svg';
  /** Device pixels per CSS pixel of the PNG (default 2). */
  scale?: number;
}

export interface SvgPictureParts {
  svg: SVGSVGElement;
  title: string;
  /** Lines under the picture: the data's source, credits. */
  notes: string[];
  /** The legend shown beside the SVG (HTML in the element): a swatch colour and its words each. */
  legend?: Array<{ color: string; text: string }>;
  colors: { fg: string; bg: string; muted: string };
  font: string;
  lang: string;
}

export { elementPicture, elementPictureText, sourceNote } from './element-picture.js';

/** Text for SVG: XML's five characters escaped, and the control characters XML forbids dropped (spreadsheet exports carry some). */
export const escapeXml = (s: string): string =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Lines of `text` at most `width` px wide in `font` (a CSS font shorthand). */
export function wrapText(text: string, font: string, width: number): string[] {
  const g = document.createElement('canvas').getContext('2d')!;
  g.font = font;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && g.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

/** `svg` as drawn (its computed styles written in), placed at (x, y) with the given size, as SVG text. */
export function svgWithStyles(svg: SVGSVGElement, x: number, y: number, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    to[i].setAttribute('style', STYLES.map((s) => `${s}:${cs.getPropertyValue(s)}`).join(';'));
  });
  clone.setAttribute('x', String(x));
  clone.setAttribute('y', String(y));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  return new XMLSerializer().serializeToString(clone);
}

/** The picture's SVG text. */
export function svgPictureText(p: SvgPictureParts): string {
  const { width, height } = p.svg.getBoundingClientRect();
  const pad = 12;
  const text: string[] = [];
  let y = pad;
  const line = (t: string, size: number, weight: number, color: string) => {
    for (const l of wrapText(t, `${weight} ${size}px ${p.font}`, width - 2 * pad)) {
      text.push(`<text x="${pad}" y="${y + size * 0.9}" font-size="${size}" font-weight="${weight}" fill="${escapeXml(color)}">${escapeXml(l)}</text>`);
      y += size * 1.35;
    }
  };
  line(p.title, 16, 700, p.colors.fg);
  const top = y + 4;
  y = top + height + 8;
  for (const e of p.legend ?? []) {
    text.push(`<rect x="${pad}" y="${y + 1}" width="12" height="12" fill="${escapeXml(e.color)}"/>`);
    const x = pad + 18;
    for (const l of wrapText(e.text, `400 12px ${p.font}`, width - x - pad)) {
      text.push(`<text x="${x}" y="${y + 11}" font-size="12" fill="${escapeXml(p.colors.fg)}">${escapeXml(l)}</text>`);
      y += 16;
    }
  }
  for (const n of p.notes) line(n, 11, 400, p.colors.muted);
  const total = Math.ceil(y + pad);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${escapeXml(p.font)}" lang="${escapeXml(p.lang)}">`
    + `<rect width="100%" height="100%" fill="${escapeXml(p.colors.bg)}"/>${text.join('')}${svgWithStyles(p.svg, 0, top, width, height)}</svg>`;
}

/** The picture as a PNG or SVG file. */
export function svgPicture(p: SvgPictureParts, o: SvgPictureOptions = {}): Promise<Blob> {
  return svgPictureBlob(svgPictureText(p), o);
}

/** SVG text as a file: itself, or drawn as a PNG at `scale` device pixels per CSS pixel. */
export async function svgPictureBlob(text: string, o: SvgPictureOptions = {}): Promise<Blob> {
  const svgBlob = new Blob([text], { type: 'image/svg+xml' });
  if (o.format === 'svg') return svgBlob;
  const scale = o.scale ?? 2;
  const url = URL.createObjectURL(svgBlob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.width * scale);
    canvas.height = Math.round(img.height * scale);
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
