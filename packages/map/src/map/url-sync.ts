/**
 * `<chiso-map sync-url>`: the view a reader has made (the map's centre and zoom, the area selected, the layers'
 * period, day and measure) kept in the page's address, so a copied link opens the same view, and Back and
 * Forward step through the areas chosen. Keys are namespaced by the map's id (or its `<chiso-choropleth>`'s):
 * `?ban-do-xa.view=105.21,21.32,10.5&ban-do-xa.area=04792&ban-do-xa.period=2024-Q3`, so several maps and the
 * portal's own parameters live side by side. A "copy link" button joins the map's controls.
 */
import type { ReactiveController } from 'lit';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { mapMsg } from '../map-i18n.js';
import { areaLabel, type SearchHost } from './search-box.js';

/** What the address needs of its `<chiso-map>`: what the search box needs, and `sync-url`. */
export interface UrlSyncHost extends SearchHost {
  syncUrl: boolean;
}

/** What a layer may offer: its own tooltip and selection (the choropleth), a period, a day, a measure. */
type LayerLike = HTMLElement & { focusArea?(code: string | null): void; select?(code: string): void } & Record<string, unknown>;

/** The layer properties kept in the address, each taken from the first layer that has it. */
const LAYER_KEYS = ['period', 'date', 'measure'] as const;

/** The state of a map as its address says it. */
export interface UrlView {
  view?: { lng: number; lat: number; zoom: number };
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
  for (const k of ['area', ...LAYER_KEYS] as const) {
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
  for (const k of ['area', ...LAYER_KEYS] as const) put(k, state[k]);
}

export class MapUrlSync implements ReactiveController {
  private selected?: string;
  private day?: string;
  private bound?: MaplibreMap;
  private restored = false;
  private lastPush = 0;

  constructor(private readonly host: UrlSyncHost) {
    host.addController(this);
  }

  /** The map's namespace in the address: its id, or the id of the element whose shadow root holds it. */
  private get ns(): string {
    const root = this.host.getRootNode();
    return this.host.id || (root instanceof ShadowRoot ? root.host.id : '') || 'map';
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPop);
    this.host.addEventListener('chiso-ready', this.onReady);
    this.host.addEventListener('chiso-select', this.onSelect);
    this.host.addEventListener('chiso-change', this.onChange);
    this.host.addEventListener('chiso-date', this.onDate);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPop);
    this.host.removeEventListener('chiso-ready', this.onReady);
    this.host.removeEventListener('chiso-select', this.onSelect);
    this.host.removeEventListener('chiso-change', this.onChange);
    this.host.removeEventListener('chiso-date', this.onDate);
    this.bound = undefined;
  }

  private get layers(): LayerLike[] {
    return this.host.layerElements as unknown as LayerLike[];
  }

  /** The view as it is now. */
  current(): UrlView {
    const map = this.host.map;
    const state: UrlView = { area: this.selected, date: this.day };
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

  /** Puts the view in the address: a new history entry for a new choice, the same entry for a move. */
  private write(push: boolean): void {
    if (!this.host.syncUrl || !this.restored) return;
    const url = new URL(location.href);
    writeUrlView(url.searchParams, this.ns, this.current());
    if (url.href === location.href) return;
    // Playback changes the period several times a second: those replace the entry the first change made.
    const now = Date.now();
    if (push && now - this.lastPush > 1500) {
      this.lastPush = now;
      history.pushState(history.state, '', url.href);
    } else history.replaceState(history.state, '', url.href);
  }

  /** Shows the view the address holds. */
  private apply(state: UrlView): void {
    const { map, boundaryAreas } = this.host;
    if (!map) return;
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
        layer.select?.(area.code);
      } else {
        this.host.setHover(area.code);
        this.host.showTooltip(area.anchor, [areaLabel(area)]);
      }
    } else if (this.selected && !state.area) {
      this.selected = undefined;
      if (layer) layer.focusArea!(null);
      else this.host.setHover(null);
    }
  }

  private onReady = (e: Event) => {
    const map = this.host.map;
    if (e.target !== this.host || !this.host.syncUrl || !map || this.bound === map) return;
    this.bound = map;
    map.on('moveend', () => this.write(false));
    map.addControl(new CopyLinkControl(this.host, () => this.write(false)), 'top-right');
    if (!this.restored) {
      this.apply(readUrlView(new URL(location.href).searchParams, this.ns));
      this.restored = true;
    }
  };

  private onPop = () => {
    if (this.host.syncUrl && this.restored) this.apply(readUrlView(new URL(location.href).searchParams, this.ns));
  };

  private onSelect = (e: Event) => {
    const area = (e as CustomEvent<{ area?: string }>).detail?.area;
    if (area && area !== this.selected) {
      this.selected = area;
      this.write(true);
    }
  };

  private onChange = () => this.write(true);

  private onDate = (e: Event) => {
    this.day = (e as CustomEvent<{ date?: string }>).detail?.date;
    this.write(true);
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
      said.textContent = mapMsg(this.host.lang, ok ? 'linkCopied' : 'linkNotCopied', { url: location.href });
    });
    box.append(button, said);
    this.box = box;
    return box;
  }

  onRemove(): void {
    this.box?.remove();
  }
}

/** The clipboard where the page may use it, else the older copy command. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.cssText = 'position:fixed;opacity:0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
