/**
 * What `<chiso-map>` shows and offers its layers, apart from how its map is made (`../chiso-map.ts`): the ready
 * promise, the layers it holds, their summaries, the shared tooltip and hovered area, the land cover, the view,
 * the search box, shared links, drill-down and the markup. The element and its making stay readable apart, the way
 * Material Web keeps an element's surface and its work in separate classes.
 */
import { html, nothing } from 'lit';
import type { ChisoElement } from '@chiso/core/element';
import { MAP_COLORS } from '@chiso/core/colors';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Bbox, Boundaries } from '../boundaries.js';
import { MapProperties } from './properties.js';
import { LandCover } from './boundary-layers.js';
import { MapTooltip } from './tooltip.js';
import { AreaSearchBox } from './search-box.js';
import { MapUrlSync } from './url-sync.js';
import { MapDrill } from './drill.js';
import { ArchipelagoLabels } from './archipelagos.js';
import { themeColor } from '../kit/theme-color.js';
import type { ChisoMapLayer, MapContext } from '../layer-api.js';
import { mapMsg } from '../map-i18n.js';
import { budget } from '../context-budget.js';
import { isCanvasMap } from './renderer-plan.js';
import { boundaryInput, readBoundaryInput } from './boundary-source.js';
import type { ChisoMap } from '../chiso-map.js';
import { ATLAS_ATTRIBUTION, type AtlasSpec } from '@chiso/atlas';
import { mapPicture, printCopy, type PictureOptions } from './picture.js';

type Runtime = typeof import('../maplibre-runtime.js');

export abstract class MapBase extends MapProperties {
  /** The MapLibre map once created (undefined before and after). The developers' escape hatch. */
  map?: MaplibreMap;

  /** Boundaries read from a file, once loaded. */
  boundaryAreas?: Boundaries;

  protected _ready!: Promise<MaplibreMap>;
  protected resolveReady!: (m: MaplibreMap) => void;
  protected rejectReady!: (e: unknown) => void;
  protected readonly layers = new Set<ChisoMapLayer & HTMLElement>();
  protected readonly summaries = new Map<object, string>();
  protected ctx?: MapContext;
  protected runtime?: Runtime;
  protected generation = 0;
  protected resize?: ResizeObserver;
  protected resizeFrame = 0;
  protected readonly labels = new ArchipelagoLabels();
  protected status: string | null = null;
  protected errorText: string | null = null;
  protected initialBounds?: Bbox;
  protected styleTag?: boolean;

  constructor() {
    super();
    this.resetReady();
  }

  /** Resolves with the MapLibre map once `chiso-ready` has fired. */
  get ready(): Promise<MaplibreMap> {
    return this._ready;
  }

  protected resetReady(): void {
    this._ready = new Promise<MaplibreMap>((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this._ready.catch(() => undefined); // reported through chiso-error; no unhandled rejection
  }

  /** A layer element joins (it calls this when it connects inside the map). */
  registerLayer(layer: ChisoMapLayer & HTMLElement): void {
    this.layers.add(layer);
    if (typeof (layer as unknown as ChisoElement).follow === 'function') (layer as unknown as ChisoElement).follow(this);
    if (this.ctx) void layer.mapAttached(this.ctx);
  }

  /** A layer element leaves. */
  unregisterLayer(layer: ChisoMapLayer & HTMLElement): void {
    if (this.layers.delete(layer) && this.ctx) layer.mapDetached();
    this.summaries.delete(layer);
    this.requestUpdate();
  }

  /** Layers and legends inside the map that set no language or theme of their own take the map's. */
  protected passOnLanguageAndTheme(): void {
    for (const child of this.querySelectorAll('*')) {
      if (child.localName.startsWith('chiso-') && typeof (child as ChisoElement).follow === 'function') (child as ChisoElement).follow(this);
    }
  }

  /** Layer elements of this map, in document order. */
  get layerElements(): Array<ChisoMapLayer & HTMLElement> {
    return [...this.layers].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** Sets the summary text a layer gives for screen readers (null removes it). */
  setSummary(owner: object, text: string | null): void {
    if (text) this.summaries.set(owner, text);
    else this.summaries.delete(owner);
    this.requestUpdate();
  }

  /** Shows a tooltip (plain text lines; the first is bold) at a position. */
  showTooltip(lngLat: [number, number], lines: string[]): void {
    if (this.runtime && this.map) this.tooltip.show(this.map, this.runtime.maplibregl, lngLat, lines);
  }

  hideTooltip(): void {
    this.tooltip.hide();
  }

  /** Outlines one area as hovered or focused (null clears). Also sets the feature state `hover` for custom styles. */
  setHover(code: string | null): void {
    if (this.map) this.tooltip.hover(this.map, { boundaries: this.boundaryAreas, sourceLayer: this.sourceLayer }, code);
  }

  protected readonly tooltip = new MapTooltip();
  protected readonly searchBox = new AreaSearchBox(this as unknown as ChisoMap);
  protected readonly urlSync = new MapUrlSync(this as unknown as ChisoMap);
  readonly drilling = new MapDrill(this as unknown as ChisoMap); // `drill`: a province to its communes; `drilling.back()` returns

  /**
   * A layer element that fills every area (a choropleth) covers the plain land fill; hiding it then spares
   * MapLibre a second fill of every polygon. @internal
   */
  coverLand(owner: object, covered: boolean): void {
    this.land.cover(this.map, owner, covered);
  }

  protected readonly land = new LandCover();

  /** @internal Map layers drawn by point layers over the areas (see `MapContext.host.overlayLayerIds`). */
  readonly overlayLayerIds = new Set<string>();

  /** Fits the view to the boundaries (or `area`) again. */
  resetView(): void {
    if (this.map && this.initialBounds) this.map.fitBounds(this.initialBounds as [number, number, number, number], { padding: 16, animate: false });
  }

  /** How many maps may hold a WebGL context at once on the page (default 12; browsers allow about 16). */
  static get maxContexts(): number {
    return budget.max;
  }
  static set maxContexts(n: number) {
    budget.max = Math.max(1, Math.floor(n));
  }

  protected accessibleName(): string {
    return this.label || mapMsg(this.lang, 'mapTitle');
  }

  protected colors(): MapContext['colors'] & { sea: string } {
    const fallback = MAP_COLORS.light;
    const read = (name: 'sea' | 'land' | 'outline' | 'hover') => themeColor(this, `--_${name}`, fallback[name]);
    return { sea: read('sea'), land: read('land'), outline: read('outline'), hover: read('hover') };
  }

  /** @internal Which making of the map this is (a new one for new boundaries or after a teardown; not for a renderer's takeover). */
  get making(): number {
    return this.generation;
  }

  /** The renderer drawing the map now: `canvas` or `maplibre` (undefined before the map is made). */
  get activeRenderer(): 'canvas' | 'maplibre' | undefined {
    return this.map ? (isCanvasMap(this.map) ? 'canvas' : 'maplibre') : undefined;
  }

  protected placeArchipelagoLabels(): void {
    if (this.runtime && this.map) this.labels.place(this.map, this.runtime.maplibregl, this.lang);
  }

  override render() {
    const summary = [...this.summaries.values()].join(' ');
    return html`<div part="base">
      ${this.search ? this.searchBox.render() : nothing}${this.drilling.render()}
      <div class="frame">
        <div part="map"></div>
        <p part="status" role="status" ?hidden=${!this.status}>${this.status ?? ''}</p>
        <span class="hint" id="hint">${mapMsg(this.lang, 'keyboardHint')}</span>
      </div>
      ${this.errorText ? html`<p part="error" role="alert">${this.errorText}</p>` : nothing}
      <p part="summary" id="summary" aria-live="polite">${summary}</p>
      <slot></slot>
    </div>`;
  }

  /** The boundaries' input: fetched (a URL or an atlas file, chosen by the layers' data when none is given) or given. */
  protected fetchBoundaries(signal: AbortSignal): Promise<unknown> {
    return boundaryInput({
      boundaries: this.boundaries, boundariesData: this.boundariesData, area: this.area, layers: this.layerElements,
      atlasBase: this.atlasBase ?? (this.constructor as typeof MapProperties).atlasBase, onAtlas: (spec) => (this.atlas = spec),
    }, signal);
  }

  protected readBoundaries(runtime: Runtime, input: unknown): Boundaries | undefined {
    return readBoundaryInput(runtime.readBoundaries, input, { joinKey: this.joinKey, nameKey: this.nameKey });
  }

  /** With `sync-url`, the address of the view shown now (what the download menu's "copy link" copies). */
  shareLink(): string | undefined {
    return this.urlSync.link();
  }

  /** The atlas file drawn (`vn:communes/25`…), when the boundaries come from the atlas. */
  atlas?: AtlasSpec;

  /**
   * The map as a picture, as the reader sees it: title, map (with the archipelagos' labels), the legends shown,
   * the data's sources and the credits. `format`: `png` (default) or `svg` (its words stay text); `scale`: device
   * pixels per CSS pixel (default 2). Resolves once the map is drawn (a map is made when first in view).
   */
  async toImage(options: PictureOptions = {}): Promise<Blob> {
    await this.ready;
    const read = (name: string, fallback: string) => themeColor(this, name, fallback);
    const sources = this.layerElements.map((l) => (l as { sourceLine?(): string | undefined }).sourceLine?.()).filter((s): s is string => !!s);
    const credits = [this.atlas ? ATLAS_ATTRIBUTION[this.lang.startsWith('en') ? 'en' : 'vi'] : '', new DOMParser().parseFromString(this.attribution ?? '', 'text/html').body.textContent ?? ''].filter(Boolean);
    return mapPicture({
      map: this.map!, title: this.accessibleName(), lang: this.lang, children: [...this.querySelectorAll('*')], notes: [...new Set(sources), ...credits],
      colors: { fg: read('--_fg', '#1f2328'), bg: read('--_bg', '#ffffff'), muted: read('--_muted', '#57606a'), font: getComputedStyle(this).fontFamily || 'system-ui, sans-serif' },
    }, options);
  }

  private unprint?: () => void;
  private readonly beforePrint = () => (this.unprint = printCopy(this.map, this.renderRoot.querySelector('.frame')));
  private readonly afterPrint = () => this.unprint?.();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.afterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
  }
}
