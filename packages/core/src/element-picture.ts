/**
 * Any element as a picture of what the reader sees: its shadow DOM written out as SVG shapes and words (boxes with a
 * background or a border as rectangles, inline SVG with its drawn styles, every line of text at its place, in its
 * font and colour), the data's source line under it. Buttons, closed disclosures and visually hidden text (screen
 * readers' words) are left out. The figures' own words stay text in an SVG; a PNG is that SVG drawn at `scale`.
 * Loaded with `./picture.ts`, only when a picture is asked for.
 */
import { formatDate, vietnamTime } from './dates.js';
import { escapeXml, svgPictureBlob, svgWithStyles, wrapText, type SvgPictureOptions } from './picture.js';

const esc = (s: string): string => escapeXml(s); // read at call time: picture.ts and this module import each other
const visible = (color: string) => !!color && color !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(color);

/** "Nguồn: …, cập nhật 23/05/2024" (or in English), from a source name and an ISO date; none without a source. */
export function sourceNote(source: unknown, updated: unknown, lang = 'vi'): string[] {
  if (typeof source !== 'string' || !source) return [];
  const en = lang.toLowerCase().startsWith('en');
  const when = typeof updated === 'string' && updated ? `${en ? ', updated ' : ', cập nhật '}${formatDate(vietnamTime(updated), lang)}` : '';
  return [`${en ? 'Source' : 'Nguồn'}: ${source}${when}`];
}

/** The SVG text of `host` as drawn now, with `notes` under it. */
export function elementPictureText(host: HTMLElement, notes: string[] = []): string {
  // An element that shows its source already (a `source` part) gets no second source line.
  // With no-source the line shown holds at most the stale mark: the picture still names the publisher.
  const shown = host.shadowRoot?.querySelector('[part~="source"]');
  if (shown && shown.getClientRects().length && !(host as { noSource?: boolean }).noSource) notes = [];
  const box = host.getBoundingClientRect();
  const width = Math.ceil(box.width);
  if (!width || !box.height) throw new Error('chiso: phần tử không hiển thị (kích thước 0), không có hình để lấy / the element is not shown (no size): nothing to picture');
  const out: string[] = [];
  const hostStyle = getComputedStyle(host);
  const font = hostStyle.fontFamily || 'system-ui, sans-serif';
  const measure = document.createElement('canvas').getContext('2d')!;
  const x = (r: DOMRect) => +(r.left - box.left).toFixed(1);
  const y = (r: DOMRect) => +(r.top - box.top).toFixed(1);

  const text = (node: Text, cs: CSSStyleDeclaration) => {
    if (!node.data.trim()) return;
    const weight = cs.fontWeight;
    const size = parseFloat(cs.fontSize);
    measure.font = `${cs.fontStyle} ${weight} ${cs.fontSize} ${cs.fontFamily}`;
    const ascent = measure.measureText(node.data.trim()).fontBoundingBoxAscent || size * 0.9;
    // One <text> per line the browser laid out: the words of each line found by their boxes.
    const range = document.createRange();
    const lines: Array<{ rect: DOMRect; text: string }> = [];
    const re = /\S+/g;
    const add = (start: number, end: number, glue: string) => {
      range.setStart(node, start);
      range.setEnd(node, end);
      const rect = range.getBoundingClientRect();
      if (!rect.width) return;
      const last = lines[lines.length - 1];
      if (last && Math.abs(last.rect.top - rect.top) < size / 2) last.text += glue + node.data.slice(start, end);
      else lines.push({ rect, text: node.data.slice(start, end) });
    };
    for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      // A word broken over two lines (overflow-wrap: anywhere) goes character by character to the line each is on.
      if (range.getClientRects().length > 1) for (let i = 0; i < m[0].length; i++) add(m.index + i, m.index + i + 1, i ? '' : ' ');
      else add(m.index, m.index + m[0].length, ' ');
    }
    for (const l of lines) {
      const t = cs.textTransform === 'uppercase' ? l.text.toUpperCase() : l.text;
      out.push(`<text x="${x(l.rect)}" y="${+(y(l.rect) + ascent).toFixed(1)}" font-size="${size}" font-weight="${esc(weight)}" font-style="${esc(cs.fontStyle)}"`
        + ` font-family="${esc(cs.fontFamily)}" fill="${esc(cs.color)}" xml:space="preserve">${esc(t)}</text>`);
    }
  };

  const visit = (el: Element) => {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || el.matches('button, summary, details:not([open]), input, select, [hidden]')) return;
    const r = el.getBoundingClientRect();
    // Visually hidden (words for screen readers only): a 1 px clipped box.
    if (r.width <= 1 && r.height <= 1 && cs.overflow !== 'visible') return;
    if (el instanceof SVGSVGElement) {
      out.push(svgWithStyles(el, x(r), y(r), r.width, r.height));
      return;
    }
    if (visible(cs.backgroundColor) && r.width && r.height) {
      out.push(`<rect x="${x(r)}" y="${y(r)}" width="${+r.width.toFixed(1)}" height="${+r.height.toFixed(1)}" rx="${parseFloat(cs.borderTopLeftRadius) || 0}" fill="${esc(cs.backgroundColor)}"/>`);
    }
    for (const [side, w, c] of [['top', cs.borderTopWidth, cs.borderTopColor], ['right', cs.borderRightWidth, cs.borderRightColor],
      ['bottom', cs.borderBottomWidth, cs.borderBottomColor], ['left', cs.borderLeftWidth, cs.borderLeftColor]] as const) {
      const b = parseFloat(w);
      if (!b || !visible(c)) continue;
      const [bx, by, bw, bh] = side === 'top' ? [0, 0, r.width, b] : side === 'bottom' ? [0, r.height - b, r.width, b] : side === 'left' ? [0, 0, b, r.height] : [r.width - b, 0, b, r.height];
      out.push(`<rect x="${+(x(r) + bx).toFixed(1)}" y="${+(y(r) + by).toFixed(1)}" width="${+bw.toFixed(1)}" height="${+bh.toFixed(1)}" fill="${esc(c)}"/>`);
    }
    const children = el.shadowRoot ? [...el.shadowRoot.childNodes] : [...el.childNodes];
    for (const child of children) {
      if (child.nodeType === Node.TEXT_NODE) text(child as Text, cs);
      else if (child instanceof HTMLSlotElement) for (const n of child.assignedNodes({ flatten: true })) n instanceof Element ? visit(n) : n.nodeType === Node.TEXT_NODE && text(n as Text, cs);
      else if (child instanceof Element && child.localName !== 'style') visit(child);
    }
  };
  visit(host);

  // The source line under the element, in its muted colour.
  const pad = 12;
  let bottom = Math.ceil(box.height) + (notes.length ? 6 : 0);
  const muted = hostStyle.getPropertyValue('--_muted').trim() || '#57606a';
  for (const note of notes) {
    for (const line of wrapText(note, `400 11px ${font}`, width - 2 * pad)) {
      out.push(`<text x="${pad}" y="${bottom + 11}" font-size="11" fill="${esc(muted)}">${esc(line)}</text>`);
      bottom += 15;
    }
  }
  const height = Math.ceil(bottom + (notes.length ? pad - 6 : 0));
  const bg = visible(hostStyle.backgroundColor) ? hostStyle.backgroundColor : hostStyle.getPropertyValue('--_bg').trim() || '#ffffff';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(font)}" lang="${esc(host.lang || document.documentElement.lang || 'vi')}">`
    + `<rect width="100%" height="100%" fill="${esc(bg)}"/>${out.join('')}</svg>`;
}

/** `host` as the reader sees it, as a PNG or SVG file, with `notes` (the data's source) under it. */
export function elementPicture(host: HTMLElement, o: SvgPictureOptions = {}, notes: string[] = []): Promise<Blob> {
  return svgPictureBlob(elementPictureText(host, notes), o);
}
