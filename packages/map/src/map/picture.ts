/**
 * A map as a picture (`toImage`): the title, the map as the reader sees it (with its layers' overlays, such as count
 * labels, and the Hoàng Sa and Trường Sa labels, which are HTML over the map, drawn in), each legend shown in the map's layers, the data's sources and the credits.
 * PNG, or SVG whose words stay text (the map itself is a picture inside it). Also the printed map: a WebGL canvas
 * prints blank, so the map is copied to a 2D canvas for printing.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { ARCHIPELAGOS } from '../sovereignty.js';
import { mapMsg } from '../map-i18n.js';
import { isCanvasMap } from './renderer-plan.js';
import { drawMapOverlays } from '../kit/map-overlay.js';
import { escapeXml, wrapText } from '@chiso/core/picture';

export interface PictureOptions {
  format?: 'png' | 'svg';
  /** Device pixels per CSS pixel (default 2). */
  scale?: number;
}

export interface PictureParts {
  map: MaplibreMap;
  title: string;
  lang: string;
  /** Elements inside the map (layers, legends): their shown legends are drawn. */
  children: Element[];
  /** Sources of the data and credits of the boundaries, one line each. */
  notes: string[];
  colors: { fg: string; bg: string; muted: string; font: string };
}

interface LegendEntry {
  color: string;
  text: string;
}

/** The legends shown by the map's layers and legend elements: a title and its entries each. */
function legends(children: Element[]): Array<{ title: string; entries: LegendEntry[] }> {
  const out: Array<{ title: string; entries: LegendEntry[] }> = [];
  const clean = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
  for (const el of children) {
    const root = el.shadowRoot;
    if (!root) continue;
    const items = [...root.querySelectorAll('[part="item"], [part="legend"] li')];
    const entries = items.flatMap((item) => {
      const swatch = item.querySelector('[part="swatch"], .swatch, .fill, .dot, span[aria-hidden="true"]');
      const color = swatch ? getComputedStyle(swatch).backgroundColor : '';
      const text = clean(item.textContent);
      return text ? [{ color, text }] : [];
    });
    if (entries.length) out.push({ title: clean(root.querySelector('[part="title"]')?.textContent), entries });
  }
  return out;
}

/** The map's own pixels at `scale`, with its overlays and the archipelago labels drawn where the page shows them. */
export async function mapPixels(map: MaplibreMap, lang: string, scale: number, font: string): Promise<HTMLCanvasElement> {
  const source = map.getCanvas();
  const w = source.clientWidth;
  const h = source.clientHeight;
  const out = document.createElement('canvas');
  out.width = Math.round(w * scale);
  out.height = Math.round(h * scale);
  const g = out.getContext('2d')!;
  if (isCanvasMap(map)) (map as unknown as { paintInto(g: CanvasRenderingContext2D, ratio: number): void }).paintInto(g, scale);
  else {
    // WebGL keeps no drawing after a frame unless asked to: copy it while the frame is drawn.
    await new Promise<void>((resolve) => {
      map.once('render', () => {
        g.drawImage(source, 0, 0, out.width, out.height);
        resolve();
      });
      map.triggerRepaint();
    });
  }
  drawMapOverlays(map, g, scale);
  g.setTransform(scale, 0, 0, scale, 0, 0);
  g.font = `600 12px ${font}`;
  for (const a of ARCHIPELAGOS) {
    const p = map.project(a.label);
    if (p.x < 0 || p.y < 0 || p.x > w || p.y > h) continue;
    const text = mapMsg(lang, a.key);
    const tw = g.measureText(text).width;
    const x = a.anchor === 'right' ? p.x - 6 - tw : p.x - tw / 2;
    const y = a.anchor === 'right' ? p.y : p.y - 4 - 8;
    g.fillStyle = 'rgba(255,255,255,0.8)';
    g.fillRect(x - 4, y - 9, tw + 8, 18);
    g.fillStyle = '#1f2328';
    g.textBaseline = 'middle';
    g.fillText(text, x, y);
  }
  return out;
}

interface Layout {
  width: number;
  height: number;
  items: Array<{ kind: 'text'; x: number; y: number; text: string; size: number; weight: number; color: string } | { kind: 'swatch'; x: number; y: number; color: string } | { kind: 'map'; y: number; h: number }>;
}

/** Where everything goes, in CSS px: title, map, legends, notes. */
function layout(p: PictureParts, mapW: number, mapH: number): Layout {
  const items: Layout['items'] = [];
  const pad = 12;
  let y = pad;
  const text = (t: string, size: number, weight: number, color: string, x = pad) => {
    for (const line of wrapText(t, `${weight} ${size}px ${p.colors.font}`, mapW - 2 * pad - (x - pad))) {
      items.push({ kind: 'text', x, y: y + size * 0.9, text: line, size, weight, color });
      y += size * 1.35;
    }
  };
  text(p.title, 16, 700, p.colors.fg);
  y += 4;
  items.push({ kind: 'map', y, h: mapH });
  y += mapH + 8;
  for (const legend of legends(p.children)) {
    if (legend.title) text(legend.title, 13, 600, p.colors.fg);
    for (const e of legend.entries) {
      if (e.color && e.color !== 'rgba(0, 0, 0, 0)') items.push({ kind: 'swatch', x: pad, y: y + 2, color: e.color });
      text(e.text, 12, 400, p.colors.fg, pad + 18);
    }
    y += 4;
  }
  for (const note of p.notes) text(note, 11, 400, p.colors.muted);
  return { width: mapW, height: Math.ceil(y + pad), items };
}

/** The picture of the map element (see the module's comment). */
export async function mapPicture(p: PictureParts, o: PictureOptions = {}): Promise<Blob> {
  const scale = o.scale ?? 2;
  const pixels = await mapPixels(p.map, p.lang, scale, p.colors.font);
  const mapW = pixels.width / scale;
  const mapH = pixels.height / scale;
  const l = layout(p, mapW, mapH);
  if (o.format === 'svg') return new Blob([svgOf(l, pixels, p)], { type: 'image/svg+xml' });
  const out = document.createElement('canvas');
  out.width = Math.round(l.width * scale);
  out.height = Math.round(l.height * scale);
  const g = out.getContext('2d')!;
  g.scale(scale, scale);
  g.fillStyle = p.colors.bg;
  g.fillRect(0, 0, l.width, l.height);
  for (const item of l.items) {
    if (item.kind === 'map') g.drawImage(pixels, 0, item.y, mapW, item.h);
    else if (item.kind === 'swatch') {
      g.fillStyle = item.color;
      g.fillRect(item.x, item.y, 12, 12);
    } else {
      g.font = `${item.weight} ${item.size}px ${p.colors.font}`;
      g.fillStyle = item.color;
      g.fillText(item.text, item.x, item.y);
    }
  }
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
}


function svgOf(l: Layout, pixels: HTMLCanvasElement, p: PictureParts): string {
  const body = l.items.map((item) => {
    if (item.kind === 'map') return `<image x="0" y="${item.y}" width="${l.width}" height="${item.h}" href="${pixels.toDataURL('image/png')}"><title>${escapeXml(p.title)}</title></image>`;
    if (item.kind === 'swatch') return `<rect x="${item.x}" y="${item.y}" width="12" height="12" fill="${escapeXml(item.color)}"/>`;
    return `<text x="${item.x}" y="${item.y}" font-size="${item.size}" font-weight="${item.weight}" fill="${escapeXml(item.color)}">${escapeXml(item.text)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}" font-family="${escapeXml(p.colors.font)}" lang="${escapeXml(p.lang)}">`
    + `<rect width="100%" height="100%" fill="${escapeXml(p.colors.bg)}"/>${body.join('')}</svg>`;
}

/**
 * Printing: a WebGL canvas prints blank, so before printing the map is copied (synchronously, as printing needs)
 * into a 2D canvas shown only in print; it goes after. The canvas renderer prints as it is.
 */
export function printCopy(map: MaplibreMap | undefined, frame: Element | null): () => void {
  if (!map || !frame || isCanvasMap(map)) return () => undefined;
  const source = map.getCanvas();
  const copy = document.createElement('canvas');
  copy.className = 'print-copy';
  copy.width = source.width;
  copy.height = source.height;
  (map as unknown as { redraw(): void }).redraw(); // draws now, so the buffer holds this frame
  const g = copy.getContext('2d')!;
  g.drawImage(source, 0, 0);
  drawMapOverlays(map, g, copy.width / (source.clientWidth || copy.width));
  frame.append(copy);
  return () => copy.remove();
}
