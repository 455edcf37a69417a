/**
 * `<chiso-map sync-url>`: the view a reader has made (the map's centre and zoom, the area selected, the layers'
 * period, day and measure) kept in the page's address, so a copied link opens the same view, and Back and
 * Forward step through the areas chosen. Keys are namespaced by the map's id (or its `<chiso-choropleth>`'s):
 * `?ban-do-xa.view=105.21,21.32,10.5&ban-do-xa.area=04792&ban-do-xa.period=2024-Q3`, so several maps and the
 * portal's own parameters live side by side. A "copy link" button joins the map's controls.
 */
import type { ReactiveController } from 'lit';
import type { Map as MaplibreMap } from 'maplibre-gl';
// Imported with the map, not on the click: a browser lets a page write to the clipboard only right after the click.
import { copyText } from '@chiso/core/clipboard';
import { mapMsg } from '../map-i18n.js';
import { areaLabel, type SearchHost } from './search-box.js';

/** What the address needs of its `<chiso-map>`: what the search box needs, and `sync-url`. */
export interface UrlSyncHost extends SearchHost {
  syncUrl: boolean;
  drill: boolean;
  readonly drilling: { readonly province?: string; open(area: string, name?: string): void; back(): void };
}

/** What a layer may offer: its own tooltip and selection (the choropleth), a period, a day, a measure. */
type LayerLike = HTMLElement & { focusArea?(code: string | null): void; select?(code: string): void } & Record<string, unknown>;

/** The layer properties kept in the address, each taken from the first layer that has it. */
const LAYER_KEYS = ['period', 'date', 'measure'] as const;

/** The state of a map as its address says it. */
export interface UrlView {
  view?: { lng: number; lat: number; zoom: number };
  /** With `drill`: the province whose communes are shown. */
  drill?: string;
  area?: string;
  period?: string;
  date?: string;
  measure?: string;
}

/** Reads a map's keys from an address's parameters. Pure. */
export function readUrlView(params: URLSearchParams, ns: string): UrlView {
  const get = (k: string) => params.get(`${ns}.${k}`)?.trim() || undefined;
  const out: UrlView = {};
  const v = get('view')?.split(',').map(Number);
  if (v && v.length === 3 && v.every(Number.isFinite) && Math.abs(v[0]) <= 180 && Math.abs(v[1]) <= 85 && v[2] >= 0 && v[2] <= 22) {
    out.view = { lng: v[0], lat: v[1], zoom: v[2] };
  }
  for (const k of ['drill', 'area', ...LAYER_KEYS] as const) {
    const value = get(k);
    // Codes, periods and days are short words: anything else in the address is ignored, never applied.
    if (value && /^[\w.:/-]{1,40}$/.test(value)) out[k] = value;
  }
  return out;
}

/** Writes a map's keys into parameters (a key with no value is removed). Pure. */
export function writeUrlView(params: URLSearchParams, ns: string, state: UrlView): void {
  const put = (k: string, value: string | undefined) => (value ? params.set(`${ns}.${k}`, value) : params.delete(`${ns}.${k}`));
  put('view', state.view && `${state.view.lng.toFixed(4)},${state.view.lat.toFixed(4)},${state.view.zoom.toFixed(2)}`);
  for (const k of ['drill', 'area', ...LAYER_KEYS] as const) put(k, state[k]);
}

export class MapUrlSync implements ReactiveController {
  private selected?: string;
  private day?: string;
  private bound?: MaplibreMap;
  private restored = false;
  /** The address is being applied: the moves and choices it causes are not written back. */
  private applying = false;
  /** The view the address asked for, kept for the map drawn after it opened a province's communes. */
  private pending?: UrlView;
  private lastStep = 0;

  constructor(private readonly host: UrlSyncHost) {
    host.addController(this);
  }

  /** The map's namespace in the address: its id, or the id of the element whose shadow root holds it. */
  private get ns(): string {
    const root = this.host.getRootNode();
    const id = this.host.id || (root instanceof ShadowRoot ? root.host.id : '');
    if (!id && !this.warned) {
      this.warned = true;
      console.warn('chiso: <chiso-map sync-url> không có id: các bản đồ không có id dùng chung khóa "map." trên địa chỉ / a map with sync-url and no id shares the "map." keys');
    }
    return id || 'map';
  }

  private warned = false;

  hostConnected(): void {
    window.addEventListener('popstate', this.onPop);
    this.host.addEventListener('chiso-paint', this.onPaint);
    this.host.addEventListener('chiso-ready', this.onReady);
    this.host.addEventListener('chiso-select', this.onSelect);
    this.host.addEventListener('chiso-change', this.onChange);
    this.host.addEventListener('chiso-date', this.onDate);
    this.host.addEventListener('chiso-drill', this.onDrill);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPop);
    this.host.removeEventListener('chiso-paint', this.onPaint);
    this.host.removeEventListener('chiso-ready', this.onReady);
    this.host.removeEventListener('chiso-select', this.onSelect);
    this.host.removeEventListener('chiso-change', this.onChange);
    this.host.removeEventListener('chiso-date', this.onDate);
    this.host.removeEventListener('chiso-drill', this.onDrill);
    this.bound = undefined;
  }

  private get layers(): LayerLike[] {
    return this.host.layerElements as unknown as LayerLike[];
  }

  /** The view as it is now. */
  current(): UrlView {
    const map = this.host.map;
    const state: UrlView = { area: this.selected, date: this.day, drill: this.host.drilling.province };
    if (map) {
      const c = map.getCenter();
      state.view = { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
    }
    for (const k of ['period', 'measure'] as const) {
      const layer = this.layers.find((l) => typeof l[k] === 'string' && l[k]);
      if (layer) state[k] = layer[k] as string;
    }
    return state;
  }

  /**
   * Puts the view in the address: a new history entry for a choice (an area, a province opened), the same entry
   * for a move; a new period or day is a new entry unless it follows another within 1.5 s (playback, holding an
   * arrow key), which replaces it.
   */
  private write(kind: 'choice' | 'step' | 'move'): void {
    if (!this.host.syncUrl || !this.restored || this.applying) return;
    const url = new URL(location.href);
    writeUrlView(url.searchParams, this.ns, this.current());
    // Nothing new (the view the address gave, applied): not a step either.
    if (url.href === location.href) return;
    const now = Date.now();
    const push = kind === 'choice' || (kind === 'step' && now - this.lastStep > 1500);
    if (kind === 'step') this.lastStep = now;
    if (push) history.pushState(history.state, '', url.href);
    else history.replaceState(history.state, '', url.href);
  }

  /** The address of the view shown now (written first), with `sync-url`; undefined without it. */
  link(): string | undefined {
    if (!this.host.syncUrl) return undefined;
    this.write('move');
    return location.href;
  }

  /** Shows the view the address holds (opening or leaving a province first, with `drill`). */
  private apply(state: UrlView): void {
    const { map, boundaryAreas, drilling } = this.host;
    if (!map) return;
    if (this.host.drill && (state.drill ?? undefined) !== drilling.province) {
      // The map is made again for the other boundaries: the rest of the view waits for it.
      this.pending = state;
      if (state.drill) drilling.open(state.drill);
      else drilling.back();
      return;
    }
    this.applying = true;
    try {
      if (state.view) map.jumpTo({ center: [state.view.lng, state.view.lat], zoom: state.view.zoom });
      for (const k of LAYER_KEYS) {
        const layer = state[k] ? this.layers.find((l) => k in l) : undefined;
        if (layer && layer[k] !== state[k]) layer[k] = state[k];
      }
      const area = state.area && boundaryAreas?.areas.get(state.area);
      const layer = this.layers.find((l) => typeof l.focusArea === 'function');
      if (area) {
        this.selected = area.code;
        if (layer) {
          layer.focusArea!(area.code);
          // Selected as a click would (a panel beside follows), but a province of a drill map is not opened by it.
          if (!(this.host.drill && !drilling.province)) layer.select?.(area.code);
        } else {
          this.host.setHover(area.code);
          this.host.showTooltip(area.anchor, [areaLabel(area)]);
        }
      } else if (this.selected && !state.area) {
        this.selected = undefined;
        if (layer) layer.focusArea!(null);
        else this.host.setHover(null);
      }
    } finally {
      this.applying = false;
    }
  }

  /** The map's first picture: the view from the address (or kept for a map made again) is put on it at once. */
  private onPaint = (e: Event) => {
    if (e.target !== this.host || !this.host.syncUrl) return;
    const pending = this.pending ?? (this.restored ? undefined : readUrlView(new URL(location.href).searchParams, this.ns));
    this.pending = undefined;
    this.restored = true;
    this.appliedOnPaint = !!pending;
    if (pending) this.apply(pending);
  };

  private appliedOnPaint = false;

  /** The map drawn by the renderer that stays: follow its moves, give it the copy-link control. */
  private onReady = (e: Event) => {
    const map = this.host.map;
    if (e.target !== this.host || !this.host.syncUrl || !map || this.bound === map) return;
    this.bound = map;
    map.on('moveend', () => this.write('move'));
    map.addControl(new CopyLinkControl(this.host, () => this.write('move')), 'top-right');
    if (!this.appliedOnPaint) this.write('move'); // a map made again (a province opened, or left): its view in the address
    this.appliedOnPaint = false;
  };

  private onPop = () => {
    if (this.host.syncUrl && this.restored) this.apply(readUrlView(new URL(location.href).searchParams, this.ns));
  };

  private onSelect = (e: Event) => {
    const area = (e as CustomEvent<{ area?: string }>).detail?.area;
    if (area && area !== this.selected) {
      this.selected = area;
      this.write('choice');
    }
  };

  private onChange = () => this.write('step');

  private onDate = (e: Event) => {
    this.day = (e as CustomEvent<{ date?: string }>).detail?.date;
    this.write('step');
  };

  /** A province opened or left: its area is no longer the one selected. */
  private onDrill = () => {
    this.selected = undefined;
  };
}

/** A "copy link" button in MapLibre's control style; says "copied" where a screen reader hears it. */
class CopyLinkControl {
  private box?: HTMLDivElement;
  constructor(
    private readonly host: { lang: string },
    private readonly before: () => void,
  ) {}

  onAdd(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    const said = document.createElement('span');
    said.className = 'hint';
    said.setAttribute('role', 'status');
    const label = mapMsg(this.host.lang, 'copyLink');
    button.type = 'button';
    button.className = 'chiso-copy-link';
    button.title = label;
    button.setAttribute('aria-label', label);
    button.textContent = '🔗';
    button.addEventListener('click', async () => {
      this.before();
      said.textContent = '';
      const ok = await copyText(location.href);
      button.focus(); // the older copy command took it to a hidden field
      const message = mapMsg(this.host.lang, ok ? 'linkCopied' : 'linkNotCopied', { url: location.href });
      said.textContent = message;
      // Seen as well as heard: the button says it for a moment.
      button.textContent = ok ? '✓' : '!';
      button.title = message;
      setTimeout(() => {
        button.textContent = '🔗';
        button.title = label;
      }, 2500);
    });
    box.append(button, said);
    this.box = box;
    return box;
  }

  onRemove(): void {
    this.box?.remove();
  }
}
