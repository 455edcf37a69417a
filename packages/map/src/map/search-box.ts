/**
 * The map's search box (`<chiso-map search>`): a combobox over the boundaries' names, keyboard first (type,
 * ↓/↑, Enter, Esc), each result count and choice announced. Choosing an area flies to it, outlines it and opens
 * its tooltip (the first layer's, with its figure, or the name alone) and selects it as a click would. Matching is area-search.ts.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Boundaries } from '../boundaries.js';
import type { ChisoMapLayer } from '../layer-api.js';
import { searchAreas, searchIndex, type SearchEntry } from '../area-search.js';
import { mapMsg } from '../map-i18n.js';

/** What the box needs of its `<chiso-map>`. */
export interface SearchHost extends ReactiveControllerHost, HTMLElement {
  lang: string;
  map?: MaplibreMap;
  boundaryAreas?: Boundaries;
  readonly layerElements: Array<ChisoMapLayer & HTMLElement>;
  setHover(code: string | null): void;
  showTooltip(lngLat: [number, number], lines: string[]): void;
}

/** A layer that can show an area's own tooltip (the choropleth: its figure). */
type Focusable = { focusArea(code: string | null, at?: [number, number]): void; select?(code: string): void };

/** The name a reader knows an area by: its kind and name ("Phường Tân Hoà") when the boundaries give the kind. */
export function areaLabel(area: { name: string; properties?: Record<string, unknown> }): string {
  const kind = area.properties?.type;
  return typeof kind === 'string' && kind && !area.name.startsWith(kind) ? `${kind} ${area.name}` : area.name;
}

export class AreaSearchBox implements ReactiveController {
  private query = '';
  private results: SearchEntry[] = [];
  private active = -1;
  private open = false;
  private announced = '';
  private index?: SearchEntry[];
  private indexed?: Boundaries;

  constructor(private readonly host: SearchHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.open = false;
  }

  /** The entries of the boundaries drawn now (built again when the map has new boundaries). */
  private entries(): SearchEntry[] {
    const b = this.host.boundaryAreas;
    if (b !== this.indexed) {
      this.indexed = b;
      this.index = b ? searchIndex([...b.areas.values()].map((a) => ({ code: a.code, name: areaLabel(a) }))) : undefined;
    }
    return this.index ?? [];
  }

  private update(query: string): void {
    this.query = query;
    this.results = searchAreas(this.entries(), query);
    this.active = -1;
    this.open = !!query.trim();
    const lang = this.host.lang;
    this.announced = !this.open ? '' : this.results.length ? mapMsg(lang, 'searchResults', { n: String(this.results.length) }) : mapMsg(lang, 'searchNone');
    this.host.requestUpdate();
  }

  /** Flies to the area, outlines it, opens its tooltip, and says so. */
  choose(code: string): void {
    const host = this.host;
    const area = host.boundaryAreas?.areas.get(code);
    if (!area || !host.map) return;
    const label = areaLabel(area);
    const still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    host.map.fitBounds(area.bbox, { padding: 48, maxZoom: 13, duration: still ? 0 : 700 });
    const layer = host.layerElements.find((l) => typeof (l as unknown as Partial<Focusable>).focusArea === 'function') as Focusable | undefined;
    if (layer) {
      layer.focusArea(code);
      layer.select?.(code); // as a click would: a panel beside the map follows
    } else {
      host.setHover(code);
      host.showTooltip(area.anchor, [label]);
    }
    this.query = label;
    this.results = [];
    this.open = false;
    this.active = -1;
    this.announced = mapMsg(host.lang, 'searchChosen', { name: label });
    host.requestUpdate();
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.results.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!n) return;
      this.open = true;
      this.active = e.key === 'ArrowDown' ? (this.active + 1) % n : (this.active - 1 + n) % n;
      this.host.requestUpdate();
    } else if (e.key === 'Enter') {
      if (e.isComposing || e.keyCode === 229) return; // Enter that ends a word of a Vietnamese input method
      e.preventDefault();
      const pick = this.results[Math.max(0, this.active)];
      if (pick) this.choose(pick.code);
    } else if (e.key === 'Escape') {
      // The first Esc closes the list, the second clears the box (the combobox pattern of ARIA).
      if (this.open) {
        e.preventDefault(); // a search field would clear itself
        this.open = false;
        this.host.requestUpdate();
      } else this.update('');
    }
  }

  render(): TemplateResult | typeof nothing {
    if (!this.host.boundaryAreas) return nothing; // a vector source: its names are not all known up front
    const lang = this.host.lang;
    const id = (i: number) => `search-option-${i}`;
    return html`<div part="search" class="search">
      <input id="search" part="search-input" type="search" role="combobox" autocomplete="off" spellcheck="false"
        aria-label=${mapMsg(lang, 'searchLabel')} placeholder=${mapMsg(lang, 'searchPlaceholder')}
        aria-autocomplete="list" aria-controls="search-list" aria-expanded=${this.open && this.results.length ? 'true' : 'false'}
        aria-activedescendant=${this.open && this.active >= 0 ? id(this.active) : nothing}
        .value=${this.query} @input=${(e: Event) => this.update((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => this.onKey(e)} @blur=${() => { this.open = false; this.host.requestUpdate(); }}>
      <ul id="search-list" part="search-list" role="listbox" aria-label=${mapMsg(lang, 'searchLabel')} ?hidden=${!this.open || !this.results.length}>
        ${this.results.map((r, i) => html`<li id=${id(i)} role="option" aria-selected=${i === this.active ? 'true' : 'false'}
          @pointerdown=${(e: Event) => e.preventDefault()} @click=${() => this.choose(r.code)}>${r.name}</li>`)}
      </ul>
      <span class="hint" role="status">${this.announced}</span>
    </div>`;
  }
}
