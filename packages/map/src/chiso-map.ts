import { html, nothing, type PropertyValues } from 'lit';
import { tokens, loadFailure, type ChisoElement } from '@chiso/core/element';
import { MAP_COLORS } from '@chiso/core/colors';
import { FeedError } from '@chiso/core';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { mapStyles } from './chiso-map.styles.js';
import type { Bbox, Boundaries } from './boundaries.js';
import { boundariesKind, CODE_PROP } from './boundary-kind.js';
import { MapProperties } from './map/properties.js';
import { addBoundaryLayers, LandCover, SOURCE_ID } from './map/boundary-layers.js';
import { MapTooltip } from './map/tooltip.js';
import { AreaSearchBox } from './map/search-box.js';
import { MapUrlSync } from './map/url-sync.js';
import { MapDrill } from './map/drill.js';
import { createMap, VIETNAM_BBOX } from './map/create-map.js';
import { addAttribution, addControls } from './map/controls.js';
import { addArchipelagoDots, ArchipelagoLabels } from './map/archipelagos.js';
import { boundaryInput, readBoundaryInput } from './map/boundary-source.js';
import { watchWorker } from './map/worker-watch.js';
import { themeColor } from './kit/theme-color.js';
import { whenIdle } from './kit/when-idle.js';
import type { ChisoMapLayer, MapContext } from './layer-api.js';
import { mapMsg } from './map-i18n.js';
import { budget } from './context-budget.js';
import { ContextHolder } from './map/context-holder.js';
import { isCanvasMap, loadRuntime, mapLoaded, newSurface, rendererPlan } from './map/renderer-plan.js';
import type { AtlasSpec } from '@chiso/atlas';

type Runtime = typeof import('./maplibre-runtime.js');

/** The detail of `chiso-paint` on `<chiso-map>`: which renderer drew the first picture. */
export interface MapPaintDetail {
  renderer: 'canvas' | 'maplibre';
}

/** The detail of `chiso-ready` on `<chiso-map>`. */
export interface MapReadyDetail {
  /** Number of boundary areas drawn (0 for a vector source). */
  areas: number;
}

/**
 * A MapLibre map of Vietnamese administrative areas, in its own shadow root, for layers such as
 * `<chiso-choropleth-layer>`. MapLibre is imported the first time a map comes into view, never before.
 *
 * Works offline: no tiles are fetched unless `basemap` names a MapLibre style. Whenever the view includes the
 * East Sea (Biển Đông), the Hoàng Sa and Trường Sa archipelagos are marked and labelled as Vietnamese (of
 * Đà Nẵng and Khánh Hòa), even when the boundaries given lack them; `sovereignty="off"` is not offered for
 * views of those waters.
 *
 * @summary A lazily loaded MapLibre map of communes, districts or provinces.
 * @tag chiso-map
 *
 * @slot - Layer elements (`<chiso-choropleth-layer>`) and a `<chiso-legend>`.
 *
 * @fires chiso-ready - Once the boundaries and the layers' first data are drawn (the map is idle). Detail: `{ areas }`.
 * @fires chiso-error - When the boundaries cannot be read. Detail: `{ code, message }`.
 * @fires chiso-drill - With `drill`: a province opened (`{ area, name }`), or back to the provinces (`{}`).
 *
 * @csspart base - Everything.
 * @csspart map - The MapLibre container (its canvas has the accessible name).
 * @csspart status - Loading and context-loss notices over the map.
 * @csspart error - A message about the boundaries.
 * @csspart summary - The text summary of the layers (highest, lowest, median, no data).
 * @csspart search - The search box (with \`search\`).
 * @csspart search-input - Its text field (a combobox).
 * @csspart search-list - Its list of matching areas.
 * @csspart drill-back - With `drill`: the button back to the provinces.
 *
 * @cssprop --chiso-map-height - Height of the map (default 28rem).
 * @cssprop --chiso-map-sea - Background (sea) colour.
 * @cssprop --chiso-map-land - Fill of areas no layer colours.
 * @cssprop --chiso-map-outline - Colour of area outlines.
 * @cssprop --chiso-map-hover - Outline of the hovered or focused area.
 */
export class ChisoMap extends MapProperties {
  static override styles = [tokens, mapStyles];

  /** The MapLibre map once created (undefined before and after). The developers' escape hatch. */
  map?: MaplibreMap;

  /** Boundaries read from a file, once loaded. */
  boundaryAreas?: Boundaries;

  private _ready!: Promise<MaplibreMap>;
  private resolveReady!: (m: MaplibreMap) => void;
  private rejectReady!: (e: unknown) => void;
  private readonly layers = new Set<ChisoMapLayer & HTMLElement>();
  private readonly summaries = new Map<object, string>();
  private ctx?: MapContext;
  private runtime?: Runtime;
  private generation = 0;
  private resize?: ResizeObserver;
  private resizeFrame = 0;
  private readonly labels = new ArchipelagoLabels();
  private status: string | null = null;
  private errorText: string | null = null;
  private initialBounds?: Bbox;
  private styleTag?: boolean;

  constructor() {
    super();
    this.resetReady();
  }

  /** Resolves with the MapLibre map once `chiso-ready` has fired. */
  get ready(): Promise<MaplibreMap> {
    return this._ready;
  }

  private resetReady(): void {
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
  private passOnLanguageAndTheme(): void {
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

  private readonly tooltip = new MapTooltip();
  private readonly searchBox = new AreaSearchBox(this);
  protected readonly urlSync = new MapUrlSync(this);
  readonly drilling = new MapDrill(this); // `drill`: a province to its communes; `drilling.back()` returns

  /**
   * A layer element that fills every area (a choropleth) covers the plain land fill; hiding it then spares
   * MapLibre a second fill of every polygon. @internal
   */
  coverLand(owner: object, covered: boolean): void {
    this.land.cover(this.map, owner, covered);
  }

  private readonly land = new LandCover();

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

  /** The camera kept when the map gave its context back, to come back to the same view. */
  private savedCamera?: { center: [number, number]; zoom: number };

  /** When the map is created: in view, within the page's budget of WebGL contexts. */
  private readonly context = new ContextHolder(this, {
    exists: () => !!this.map || this.starting,
    create: () => void this.init(true),
    contextFree: () => this.renderer === 'canvas' || this.webglFailed,
    waiting: () => {
      if (this.canvasCan()) {
        // Every WebGL context is taken by maps in view: this one draws on the canvas instead of waiting.
        this.webglFailed = true;
        this.context.release();
        return void this.init(true);
      }
      this.status = mapMsg(this.lang, 'mapWaiting');
      this.setState('loading');
      this.requestUpdate();
    },
    lost: () => {
      this.status = mapMsg(this.lang, 'mapContextLost');
      this.setState('loading');
      this.requestUpdate();
    },
    restored: () => {
      this.status = null;
      this.setState('ready');
      this.requestUpdate();
      this.map?.triggerRepaint();
    },
    restart: () => {
      this.webglFailed = this.canvasCan(); // the context did not come back: the canvas takes over
      this.teardown();
      this.resetReady();
      void this.init();
    },
    suspend: () => {
      if (!this.map) return;
      const c = this.map.getCenter();
      this.savedCamera = { center: [c.lng, c.lat], zoom: this.map.getZoom() };
      this.teardown(false);
      this.setState('idle');
      this.resetReady();
    },
  });

  private starting = false;

  /** Whether the canvas can draw this map (boundaries from a file; not `renderer="maplibre"`). */
  private canvasCan(): boolean {
    return (this.boundaries ? boundariesKind(this.boundaries) : 'file') === 'file' && this.renderer !== 'maplibre';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.savedCamera = undefined;
    this.teardown();
    if (this.state !== 'idle') {
      this.setState('idle');
      this.resetReady();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('lang') || changed.has('theme')) this.passOnLanguageAndTheme();
    const rebuild = ['boundaries', 'boundariesData', 'joinKey', 'nameKey', 'sourceLayer', 'basemap', 'renderer'] as const;
    if (this.map && rebuild.some((k) => changed.has(k))) {
      const kind = this.boundaries ? boundariesKind(this.boundaries) : 'file';
      if (kind === 'file' && this.runtime) void this.replaceBoundaries(this.runtime);
      else this.rebuild();
    } else if (this.map && changed.has('area') && this.boundaryAreas) {
      this.initialBounds = (this.area && this.runtime?.bboxOfArea(this.boundaryAreas, this.area)) || this.boundaryAreas.bbox;
      this.resetView();
    }
    // The canvas's name follows the label and the language, whatever else changed with them.
    if (this.map && (changed.has('lang') || changed.has('label'))) this.map.getCanvas().setAttribute('aria-label', this.accessibleName());
    if (this.map && changed.has('lang')) this.placeArchipelagoLabels();
  }

  private rebuild(): void {
    this.teardown();
    this.resetReady();
    this.init();
  }

  /**
   * New boundaries for a live map: read them first, and only then re-create the map. If they fail, the
   * current map stays on screen (state `stale`) with the message and `chiso-error`.
   */
  private async replaceBoundaries(runtime: Runtime): Promise<void> {
    const generation = this.generation;
    const abort = new AbortController();
    this.abortInit?.abort();
    this.abortInit = abort;
    try {
      const input = await this.fetchBoundaries(abort.signal);
      this.readBoundaries(runtime, input); // throws a FeedError when they are not usable
      if (generation !== this.generation || !this.isConnected) return;
      this.prefetched = input;
      this.rebuild();
    } catch (e) {
      if (generation !== this.generation || abort.signal.aborted) return;
      const error = e instanceof FeedError ? e : new FeedError('network', { detail: (e as Error)?.message, cause: e });
      this.errorText = error.localizedMessage(this.lang);
      this.setState('stale');
      this.emitError(error);
      this.requestUpdate();
    }
  }

  /** Boundaries already fetched and checked by replaceBoundaries, used once by the next create(). */
  private prefetched?: unknown;

  private accessibleName(): string {
    return this.label || mapMsg(this.lang, 'mapTitle');
  }

  private colors(): MapContext['colors'] & { sea: string } {
    const fallback = MAP_COLORS.light;
    const read = (name: 'sea' | 'land' | 'outline' | 'hover') => themeColor(this, `--_${name}`, fallback[name]);
    return { sea: read('sea'), land: read('land'), outline: read('outline'), hover: read('hover') };
  }

  /** The atlas file drawn (`vn:communes/25`…), when the boundaries come from the atlas. */
  atlas?: AtlasSpec;

  /** The boundaries' input: fetched (a URL or an atlas file, chosen by the layers' data when none is given) or given. */
  private fetchBoundaries(signal: AbortSignal): Promise<unknown> {
    return boundaryInput({
      boundaries: this.boundaries, boundariesData: this.boundariesData, area: this.area, layers: this.layerElements,
      atlasBase: this.atlasBase ?? ChisoMap.atlasBase, onAtlas: (spec) => (this.atlas = spec),
    }, signal);
  }

  private readBoundaries(runtime: Runtime, input: unknown): Boundaries | undefined {
    return readBoundaryInput(runtime.readBoundaries, input, { joinKey: this.joinKey, nameKey: this.nameKey });
  }

  private async init(granted = false): Promise<void> {
    if (!this.isConnected || this.map || this.starting) return;
    if (!granted) {
      this.context.start();
      return;
    }
    this.starting = true;
    try {
      await this.create();
    } finally {
      this.starting = false;
    }
  }

  private async create(): Promise<void> {
    const generation = ++this.generation;
    const abort = new AbortController();
    this.abortInit = abort;
    this.setState('loading');
    this.status = mapMsg(this.lang, 'mapLoading');
    this.errorText = null;
    this.requestUpdate();
    await this.updateComplete;
    // The renderer's code loads while the boundaries download (and MapLibre's while the canvas paints).
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    const input = prefetched !== undefined ? Promise.resolve(prefetched) : this.fetchBoundaries(abort.signal);
    input.catch(() => undefined); // handled below
    const kind = this.boundaries ? boundariesKind(this.boundaries) : 'file';
    const plan = rendererPlan(this.renderer, kind, this.basemap, this.webglFailed);
    const later = plan === 'canvas-then-maplibre' ? loadRuntime('maplibre') : undefined;
    later?.catch(() => undefined); // the canvas stays
    let runtime: Runtime;
    let map: MaplibreMap | undefined;
    try {
      runtime = await loadRuntime(plan === 'maplibre' ? 'maplibre' : 'canvas');
      if (generation !== this.generation || !this.isConnected) return;
      if (kind === 'pmtiles') await runtime.usePmtiles();
      if (generation !== this.generation) return;
      this.initialBounds = this.bounds ?? VIETNAM_BBOX;
      map = this.newMap(runtime, false);
      if (!map && kind === 'file' && this.renderer !== 'maplibre') {
        // No WebGL here: the canvas draws the map instead, and says nothing alarming.
        this.webglFailed = true;
        runtime = await loadRuntime('canvas');
        if (generation !== this.generation) return;
        map = this.newMap(runtime, false);
      }
    } catch (e) {
      // Not the data's fault: the map's code (its chunk or MapLibre) did not load. Say which file and why.
      const error = await loadFailure(e);
      if (generation === this.generation) this.fail(error);
      return;
    }
    if (!map) {
      this.fail(new FeedError('unsupported', { text: { vi: mapMsg('vi', 'mapNoWebgl'), en: mapMsg('en', 'mapNoWebgl') } }));
      return;
    }
    this.map = map;
    this.runtime = runtime;
    this.watchWorker(generation, runtime);
    this.resize = new ResizeObserver(() => {
      cancelAnimationFrame(this.resizeFrame);
      this.resizeFrame = requestAnimationFrame(() => this.map?.resize());
    });
    this.resize.observe(this.renderRoot.querySelector<HTMLElement>('[part="map"]')!);
    const loaded = mapLoaded(map);
    let boundaries: Boundaries | undefined;
    try {
      boundaries = this.readBoundaries(runtime, await input);
    } catch (e) {
      if (generation !== this.generation || abort.signal.aborted) return;
      this.fail(e instanceof FeedError ? e : new FeedError('network', { detail: (e as Error)?.message, cause: e }));
      return;
    }
    if (generation !== this.generation) return;
    this.boundaryAreas = boundaries;
    if (boundaries && !this.bounds) {
      this.initialBounds = (this.area && runtime.bboxOfArea(boundaries, this.area)) || boundaries.bbox || VIETNAM_BBOX;
      this.resetView();
    }
    if (this.savedCamera) {
      // Back after giving the context away: the same view as before.
      map.jumpTo({ center: this.savedCamera.center, zoom: this.savedCamera.zoom });
      this.savedCamera = undefined;
    }
    await loaded;
    if (generation !== this.generation) return;
    if (!(await this.drawLayers(map, kind, generation))) return;
    this.status = null;
    this.requestUpdate();
    this.emit<MapPaintDetail>('paint', { renderer: this.activeRenderer! });
    if (later) await this.takeOver(generation, later, kind);
    if (generation !== this.generation) return;
    this.setState('ready');
    if (boundaries && (boundaries.skipped.notPolygon || boundaries.skipped.noCode)) {
      this.errorText = mapMsg(this.lang, 'boundariesSkipped', { n: boundaries.skipped.notPolygon + boundaries.skipped.noCode });
    }
    this.requestUpdate();
    this.resolveReady(this.map!);
    this.emit<MapReadyDetail>('ready', { areas: boundaries?.areas.size ?? 0 });
  }

  /** A map in a new box of the map part, with its controls; undefined when the renderer cannot start (no WebGL). */
  private newMap(runtime: Runtime, hidden: boolean): MaplibreMap | undefined {
    if (!this.styleTag && this.shadowRoot) {
      // MapLibre's stylesheet (the canvas renderer uses its class names), adopted by this shadow root only.
      const sheet = runtime.maplibreCss.styleSheet;
      if (sheet) this.shadowRoot.adoptedStyleSheets = [sheet, ...this.shadowRoot.adoptedStyleSheets];
      this.styleTag = true;
    }
    const container = newSurface(this.renderRoot.querySelector<HTMLElement>('[part="map"]')!, hidden);
    const { maplibregl } = runtime;
    let map: MaplibreMap;
    try {
      map = createMap(maplibregl, {
        container, sea: this.colors().sea, basemap: this.basemap, bounds: this.initialBounds ?? VIETNAM_BBOX, gestures: this.gestures, lang: this.lang,
        title: this.accessibleName(), preserveDrawingBuffer: this.preserveDrawingBuffer,
      });
    } catch {
      container.remove();
      return undefined;
    }
    addControls(map, maplibregl, { fullscreen: this.renderRoot.querySelector<HTMLElement>('.frame') ?? undefined, onReset: () => this.resetView(), resetTitle: mapMsg(this.lang, 'resetView') });
    if (!isCanvasMap(map)) this.context.watchLoss(map);
    return map;
  }

  /** The boundaries, the archipelagos and every layer on `map` (the current map); false when the map went meanwhile. */
  private async drawLayers(map: MaplibreMap, kind: string, generation: number): Promise<boolean> {
    const colors = this.colors();
    const boundaries = this.boundaryAreas;
    addAttribution(map, this.runtime!.maplibregl, { atlas: !!this.atlas, lang: this.lang, attribution: this.attribution, root: map.getContainer() });
    addBoundaryLayers(map, { kind, boundaries, url: this.boundaries, sourceLayer: this.sourceLayer, joinKey: this.joinKey }, colors);
    addArchipelagoDots(map, colors);
    this.placeArchipelagoLabels();
    const ctx: MapContext = {
      host: this, map, maplibre: this.runtime!.maplibregl, boundaries, sourceId: SOURCE_ID, sourceLayer: kind === 'file' ? undefined : this.sourceLayer,
      codeExpression: kind === 'file' ? ['get', CODE_PROP] : this.joinKey === 'id' ? ['to-string', ['id']] : ['to-string', ['get', this.joinKey]],
      beforeId: 'chiso-outline', featureId: (code) => code, colors,
    };
    this.ctx = ctx;
    const layers = this.layerElements;
    await Promise.allSettled(layers.map((layer) => layer.mapAttached(ctx)));
    if (generation !== this.generation) return false;
    // Layers that drew waited for the map to be idle already; otherwise wait for the boundaries' first draw.
    if (!layers.length || !map.loaded()) await whenIdle(map, !map.loaded());
    return generation === this.generation;
  }

  /** MapLibre being made ready behind the canvas (removed with the map if the element goes first). */
  private incoming?: MaplibreMap;

  /**
   * `auto`: once MapLibre is loaded, it takes over from the canvas at the view the reader has now, drawn behind
   * it and shown only when its layers are drawn (no jump, no flash). Where it cannot start, the canvas stays.
   */
  private async takeOver(generation: number, later: Promise<Runtime>, kind: string): Promise<void> {
    let runtime: Runtime;
    try {
      runtime = await later;
    } catch {
      return;
    }
    const canvas = this.map;
    if (generation !== this.generation || !canvas) return;
    const map = this.newMap(runtime, true);
    if (!map) return void (this.webglFailed = true);
    this.incoming = map;
    const sameView = () => {
      const c = this.map!.getCenter();
      map.jumpTo({ center: [c.lng, c.lat], zoom: this.map!.getZoom() });
    };
    sameView();
    await mapLoaded(map);
    if (generation !== this.generation) return;
    // The canvas keeps its last frame while the layers move over.
    (canvas as unknown as { freeze(): void }).freeze();
    for (const layer of this.layers) layer.mapDetached();
    this.tooltip.reset();
    this.labels.remove();
    sameView();
    this.map = map;
    this.runtime = runtime;
    this.incoming = undefined;
    if (!(await this.drawLayers(map, kind, generation))) return;
    map.getContainer().style.visibility = '';
    canvas.remove();
    canvas.getContainer().remove();
  }

  /** @internal Which making of the map this is (a new one for new boundaries or after a teardown; not for a renderer's takeover). */
  get making(): number {
    return this.generation;
  }

  /** The renderer drawing the map now: `canvas` or `maplibre` (undefined before the map is made). */
  get activeRenderer(): 'canvas' | 'maplibre' | undefined {
    return this.map ? (isCanvasMap(this.map) ? 'canvas' : 'maplibre') : undefined;
  }

  /** WebGL failed this map (missing, lost for good, or every context taken): it stays on the canvas. */
  private webglFailed = false;

  private abortInit?: AbortController;
  private workerWatch?: ReturnType<typeof setTimeout>;

  /** A map still loading after `workerWatchMs` checks MapLibre's worker file: a worker that cannot load is said (see worker-watch.ts). */
  private watchWorker(generation: number, runtime: Runtime): void {
    clearTimeout(this.workerWatch);
    this.workerWatch = watchWorker(runtime.workerUrl(), ChisoMap.workerWatchMs, () => generation === this.generation && this.state === 'loading' && !this.map?.loaded(), (text) => {
      this.teardown();
      this.fail(new FeedError('load', { text }));
    });
  }

  /** @internal How long a map waits for its first drawing before it checks MapLibre's worker (ms). */
  static workerWatchMs = 4000;

  private fail(error: FeedError): void {
    this.status = null;
    this.errorText = error.localizedMessage(this.lang);
    this.setState('error');
    this.emitError(error);
    this.rejectReady(error);
    for (const layer of this.layers) layer.mapFailed?.();
  }

  private placeArchipelagoLabels(): void {
    if (this.runtime && this.map) this.labels.place(this.map, this.runtime.maplibregl, this.lang);
  }

  private teardown(release = true): void {
    this.starting = false; // a creation in flight ends at its next generation check; a new one may start
    if (release) this.context.release();
    this.generation++;
    clearTimeout(this.workerWatch);
    this.abortInit?.abort();
    cancelAnimationFrame(this.resizeFrame);
    this.resize?.disconnect();
    this.resize = undefined;
    if (this.ctx) for (const layer of this.layers) layer.mapDetached();
    this.ctx = undefined;
    this.land.clear();
    this.labels.remove();
    this.tooltip.reset();
    // map.remove() also loses the WebGL context at once, so the browser's context budget is freed now.
    for (const map of [this.map, this.incoming]) {
      map?.remove();
      map?.getContainer().remove();
    }
    this.map = this.incoming = undefined;
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
}
