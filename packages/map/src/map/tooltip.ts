/**
 * The map's one tooltip and one hovered area, shared by its layers: plain text lines in a MapLibre popup (the
 * first line bold; feed text is never parsed as HTML), and the hover outline.
 */
import type { Map as MaplibreMap, Popup } from 'maplibre-gl';
import type { Boundaries } from '../boundaries.js';
import { outlineHovered } from './boundary-layers.js';

export class MapTooltip {
  private popup?: Popup;
  /** The area outlined as hovered or focused. */
  hovered: string | null = null;
  /** The tooltip shown now, if any (to show it again on a renderer that takes over). */
  shown?: { lngLat: [number, number]; lines: string[] };

  show(map: MaplibreMap, ml: typeof import('maplibre-gl'), lngLat: [number, number], lines: string[]): void {
    this.shown = { lngLat, lines };
    const box = document.createElement('div');
    box.className = 'tooltip';
    box.setAttribute('role', 'status');
    lines.forEach((line, i) => {
      const el = document.createElement(i === 0 ? 'strong' : 'div');
      el.textContent = line;
      box.append(el);
    });
    this.popup ??= new ml.Popup({ closeButton: false, closeOnClick: false, maxWidth: '18rem', offset: 8 });
    this.popup.setLngLat(lngLat).setDOMContent(box);
    if (!this.popup.isOpen()) this.popup.addTo(map);
  }

  hide(): void {
    this.shown = undefined;
    this.popup?.remove();
  }

  /** Outlines `code` (null clears); a map re-created meanwhile is not an error. */
  hover(map: MaplibreMap, b: { boundaries?: Boundaries; sourceLayer?: string }, code: string | null): void {
    if (code === this.hovered) return;
    try {
      outlineHovered(map, b, this.hovered, code);
    } catch {
      /* the source is gone (map re-created) */
    }
    this.hovered = code;
  }

  /** Forgets the popup and the hovered area (the map goes). */
  reset(): void {
    this.shown = undefined;
    this.popup?.remove();
    this.popup = undefined;
    this.hovered = null;
  }
}
