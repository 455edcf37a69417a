/**
 * The canvas renderer's popup, marker and controls: the same markup and class names as MapLibre's, so MapLibre's
 * stylesheet, chiso's map styles and the tests read them alike whichever renderer draws. Text only (never HTML)
 * except the credits, which are the page author's and the atlas's own markup, as with MapLibre.
 */
import { metresPerPixel } from './camera.js';

/** What these pieces need of the canvas map. */
export interface DomHost {
  project(lngLat: [number, number]): { x: number; y: number };
  getCanvasContainer(): HTMLElement;
  getContainer(): HTMLElement;
  getCenter(): { lat: number };
  getZoom(): number;
  zoomBy(delta: number): void;
  locale(key: string, fallback: string): string;
  on(type: string, f: () => void): unknown;
  off(type: string, f: () => void): unknown;
}

const TRANSLATE: Record<string, string> = {
  center: 'translate(-50%,-50%)', top: 'translate(-50%,0)', bottom: 'translate(-50%,-100%)', left: 'translate(0,-50%)', right: 'translate(-100%,-50%)',
};

/** Something placed at a longitude and latitude, moved with the map. */
abstract class Placed {
  protected map?: DomHost;
  protected at: [number, number] = [0, 0];
  protected readonly place = () => this.position();

  setLngLat(at: [number, number] | { lng: number; lat: number }): this {
    this.at = Array.isArray(at) ? at : [at.lng, at.lat];
    this.position();
    return this;
  }

  getLngLat(): { lng: number; lat: number } {
    return { lng: this.at[0], lat: this.at[1] };
  }

  protected abstract element(): HTMLElement;
  protected abstract position(): void;

  addTo(map: DomHost): this {
    this.remove();
    this.map = map;
    map.getCanvasContainer().append(this.element());
    map.on('render', this.place);
    this.position();
    return this;
  }

  remove(): this {
    this.map?.off('render', this.place);
    this.element().remove();
    this.map = undefined;
    return this;
  }
}

export class Marker extends Placed {
  private readonly el: HTMLElement;
  private readonly anchor: string;
  private readonly offset: [number, number];

  constructor(o: { element?: HTMLElement; anchor?: string; offset?: [number, number] } = {}) {
    super();
    this.el = o.element ?? document.createElement('div');
    this.anchor = o.anchor ?? 'center';
    this.offset = o.offset ?? [0, 0];
    this.el.classList.add('maplibregl-marker', `maplibregl-marker-anchor-${this.anchor}`);
    Object.assign(this.el.style, { position: 'absolute', top: '0', left: '0' });
  }

  getElement(): HTMLElement {
    return this.el;
  }

  protected element(): HTMLElement {
    return this.el;
  }

  protected position(): void {
    if (!this.map) return;
    const p = this.map.project(this.at);
    this.el.style.transform = `translate(${Math.round(p.x + this.offset[0])}px,${Math.round(p.y + this.offset[1])}px) ${TRANSLATE[this.anchor] ?? ''}`;
  }
}

export class Popup extends Placed {
  private readonly box = document.createElement('div');
  private readonly content = document.createElement('div');
  private readonly offsetPx: number;

  constructor(o: { maxWidth?: string; offset?: number } = {}) {
    super();
    this.offsetPx = o.offset ?? 0;
    this.box.className = 'maplibregl-popup';
    this.box.style.maxWidth = o.maxWidth ?? '240px';
    const tip = document.createElement('div');
    tip.className = 'maplibregl-popup-tip';
    this.content.className = 'maplibregl-popup-content';
    this.box.append(tip, this.content);
  }

  setDOMContent(node: Node): this {
    this.content.replaceChildren(node);
    this.position();
    return this;
  }

  setText(text: string): this {
    return this.setDOMContent(document.createTextNode(text));
  }

  isOpen(): boolean {
    return !!this.map;
  }

  getElement(): HTMLElement {
    return this.box;
  }

  protected element(): HTMLElement {
    return this.box;
  }

  protected position(): void {
    if (!this.map) return;
    const p = this.map.project(this.at);
    // Above the point, or below it when too near the top to fit (MapLibre's automatic anchor, vertically).
    const anchor = p.y < this.box.offsetHeight + this.offsetPx ? 'top' : 'bottom';
    this.box.classList.toggle('maplibregl-popup-anchor-top', anchor === 'top');
    this.box.classList.toggle('maplibregl-popup-anchor-bottom', anchor === 'bottom');
    const y = anchor === 'top' ? p.y + this.offsetPx : p.y - this.offsetPx;
    this.box.style.transform = `${TRANSLATE[anchor]} translate(${Math.round(p.x)}px,${Math.round(y)}px)`;
  }
}

/** A MapLibre-style control: an element added to a corner of the map. */
export interface Control {
  onAdd(map: DomHost): HTMLElement;
  onRemove(map?: DomHost): void;
}

function group(): HTMLDivElement {
  const box = document.createElement('div');
  box.className = 'maplibregl-ctrl maplibregl-ctrl-group';
  return box;
}

function button(className: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.title = label;
  b.setAttribute('aria-label', label);
  const icon = document.createElement('span');
  icon.className = 'maplibregl-ctrl-icon';
  icon.setAttribute('aria-hidden', 'true');
  b.append(icon);
  b.addEventListener('click', onClick);
  return b;
}

export class NavigationControl implements Control {
  private box?: HTMLElement;
  constructor(_o?: unknown) {}
  onAdd(map: DomHost): HTMLElement {
    this.box = group();
    this.box.append(
      button('maplibregl-ctrl-zoom-in', map.locale('NavigationControl.ZoomIn', 'Zoom in'), () => map.zoomBy(1)),
      button('maplibregl-ctrl-zoom-out', map.locale('NavigationControl.ZoomOut', 'Zoom out'), () => map.zoomBy(-1)),
    );
    return this.box;
  }
  onRemove(): void {
    this.box?.remove();
  }
}

export class FullscreenControl implements Control {
  private box?: HTMLElement;
  private readonly target?: HTMLElement;
  private readonly sync = () => this.label();
  private map?: DomHost;
  private b?: HTMLButtonElement;
  constructor(o: { container?: HTMLElement } = {}) {
    this.target = o.container;
  }
  onAdd(map: DomHost): HTMLElement {
    this.map = map;
    this.box = group();
    const target = this.target ?? map.getContainer();
    this.b = button('maplibregl-ctrl-fullscreen', '', () => {
      if (document.fullscreenElement) void document.exitFullscreen();
      else void target.requestFullscreen?.();
    });
    this.box.append(this.b);
    this.label();
    document.addEventListener('fullscreenchange', this.sync);
    return this.box;
  }
  private label(): void {
    const on = !!document.fullscreenElement;
    const text = this.map!.locale(on ? 'FullscreenControl.Exit' : 'FullscreenControl.Enter', on ? 'Exit fullscreen' : 'Enter fullscreen');
    this.b!.className = on ? 'maplibregl-ctrl-shrink' : 'maplibregl-ctrl-fullscreen';
    this.b!.title = text;
    this.b!.setAttribute('aria-label', text);
  }
  onRemove(): void {
    document.removeEventListener('fullscreenchange', this.sync);
    this.box?.remove();
  }
}

export class ScaleControl implements Control {
  private box?: HTMLElement;
  private map?: DomHost;
  private readonly update = () => {
    if (!this.map || !this.box) return;
    const metres = 100 * metresPerPixel(this.map.getCenter().lat, this.map.getZoom());
    const nice = 10 ** Math.floor(Math.log10(metres));
    const round = [5, 3, 2, 1].map((d) => d * nice).find((d) => d <= metres) ?? nice;
    this.box.style.width = `${Math.round((100 * round) / metres)}px`;
    this.box.textContent = round >= 1000 ? `${round / 1000} km` : `${round} m`;
  };
  constructor(_o?: unknown) {}
  onAdd(map: DomHost): HTMLElement {
    this.map = map;
    this.box = document.createElement('div');
    this.box.className = 'maplibregl-ctrl maplibregl-ctrl-scale';
    map.on('move', this.update);
    this.update();
    return this.box;
  }
  onRemove(): void {
    this.map?.off('move', this.update);
    this.box?.remove();
  }
}

export class AttributionControl implements Control {
  private box?: HTMLElement;
  constructor(private readonly o: { compact?: boolean; customAttribution?: string | string[] } = {}) {}
  onAdd(map: DomHost): HTMLElement {
    const box = document.createElement('details');
    box.className = 'maplibregl-ctrl maplibregl-ctrl-attrib maplibregl-compact maplibregl-compact-show';
    box.open = true;
    const toggle = document.createElement('summary');
    toggle.className = 'maplibregl-ctrl-attrib-button';
    toggle.title = toggle.ariaLabel = map.locale('AttributionControl.ToggleAttribution', 'Toggle attribution');
    const inner = document.createElement('div');
    inner.className = 'maplibregl-ctrl-attrib-inner';
    const credits = [this.o.customAttribution ?? []].flat().filter((c) => c !== 'MapLibre');
    // The page author's and the atlas's credits are markup (links), as MapLibre shows them.
    inner.innerHTML = credits.join(' | ');
    box.append(toggle, inner);
    toggle.addEventListener('click', (e) => {
      e.preventDefault();
      box.open = box.classList.toggle('maplibregl-compact-show');
    });
    this.box = box;
    return box;
  }
  onRemove(): void {
    this.box?.remove();
  }
}
