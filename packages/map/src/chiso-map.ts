import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ChisoElement, tokens, diagnoseModule, loadFailure, loadProblemText } from '@chiso/core/element';
import { FeedError } from '@chiso/core';
import type { Map as MaplibreMap, Marker, Popup, StyleSpecification } from 'maplibre-gl';
import { mapStyles } from './chiso-map.styles.js';
import type { Bbox, Boundaries } from './boundaries.js';
import { boundariesKind, CODE_PROP } from './boundary-kind.js';
import type { ChisoMapLayer, MapContext } from './layer-api.js';
import { mapMsg, maplibreLocale } from './map-i18n.js';
import { ARCHIPELAGOS, archipelagoPoints } from './sovereignty.js';
import { budget, releaseContext, requestContext } from './context-budget.js';
import { ATLAS_ATTRIBUTION, atlasFile, atlasUrl, isAtlasName, parseAtlasSpec, type AtlasSpec } from '@chiso/atlas';
import { chooseAtlas } from './atlas-choice.js';

type Runtime = typeof import('./maplibre-runtime.js');

const SOURCE_ID = 'chiso-boundaries';
const HOVER_SOURCE_ID = 'chiso-hover';
/** The whole of Vietnam with its archipelagos, the view when nothing narrower is known. */
const VIETNAM_BBOX: Bbox = [102.1, 6.8, 117.9, 23.4];
/** A view whose box reaches this far east includes the East Sea archipelagos. */
const CONTEXT_LOSS_GRACE_MS = 4000;

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
 *
 * @csspart base - Everything.
 * @csspart map - The MapLibre container (its canvas has the accessible name).
 * @csspart status - Loading and context-loss notices over the map.
 * @csspart error - A message about the boundaries.
 * @csspart summary - The text summary of the layers (highest, lowest, median, no data).
 *
 * @cssprop --chiso-map-height - Height of the map (default 28rem).
 * @cssprop --chiso-map-sea - Background (sea) colour.
 * @cssprop --chiso-map-land - Fill of areas no layer colours.
 * @cssprop --chiso-map-outline - Colour of area outlines.
 * @cssprop --chiso-map-hover - Outline of the hovered or focused area.
 */
export class ChisoMap extends ChisoElement {
  static override styles = [tokens, mapStyles];

  /**
   * The boundaries. `vn:communes/25` (the communes of province 25), `vn:communes` (all 3,321) or `vn:provinces`
   * (the 34) draw Vietnam's 2025 units shipped with chiso, no file needed; when `boundaries` is left out, the map
   * takes the atlas level its layers' data is at (the communes of `area`, or the provinces). Or a URL: GeoJSON,
   * TopoJSON, a PMTiles archive (`pmtiles://…` or `….pmtiles`) or an XYZ vector-tile template (`…/{z}/{x}/{y}.pbf`).
   */
  @property() boundaries?: string;

  /** Where the atlas files are (`…/atlas/`), for a portal that hosts them elsewhere; by default beside chiso.js. */
  @property({ attribute: 'atlas-base' }) atlasBase?: string;

  /** Where every map finds the atlas when its own `atlas-base` is unset (a page or a bundler sets it once). */
  static atlasBase?: string;

  /** Boundaries given directly (a GeoJSON or TopoJSON object); used when `boundaries` is unset. */
  @property({ attribute: false }) boundariesData?: unknown;

  /** Feature property holding the GSO code that feeds join on (default `code`; `id` uses the feature id). */
  @property({ attribute: 'join-key' }) joinKey = 'code';

  /** Feature property holding the area's name (default `name`). */
  @property({ attribute: 'name-key' }) nameKey = 'name';

  /** Layer name inside a vector source (PMTiles or XYZ). */
  @property({ attribute: 'source-layer' }) sourceLayer?: string;

  /** A GSO code to fit the view to: a commune, or every area whose `provinceCode` (or `districtCode`) it is. */
  @property({ reflect: true }) area?: string;

  /** The initial view as `west,south,east,north` (degrees); for vector sources, whose extent is not known up front. */
  @property({ converter: { fromAttribute: (v: string | null) => parseBbox(v) } }) bounds?: Bbox;

  /** Optional MapLibre style URL drawn under the data. None by default: no request leaves the page. */
  @property() basemap?: string;

  /** Credit shown in the attribution control (e.g. the boundaries' source). Plain text. */
  @property() attribution?: string;

  /** Accessible name of the map (default "Bản đồ" / "Map", or the first layer's indicator). */
  @property() label?: string;

  /** `cooperative` (default: the page scrolls, Ctrl/⌘ + scroll zooms) or `free`. */
  @property() gestures: 'cooperative' | 'free' = 'cooperative';

  /**
   * Fill the height the page gives the element (a dashboard panel stretched to its row): the map grows, its
   * controls and legends keep their own height; `--chiso-map-height` is then the least it takes.
   */
  @property({ type: Boolean, reflect: true }) fill = false;

  /** Create the map at once instead of when it is scrolled into view. */
  @property({ type: Boolean }) eager = false;

  /** Keep the drawing buffer so the canvas can be read back (screenshots, printing, tests); a little slower. */
  @property({ type: Boolean, attribute: 'preserve-drawing-buffer' }) preserveDrawingBuffer = false;

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
  private intersection?: IntersectionObserver;
  private resize?: ResizeObserver;
  private resizeFrame = 0;
  private markers: Marker[] = [];
  private popup?: Popup;
  private hoverCode: string | null = null;
  private status: string | null = null;
  private errorText: string | null = null;
  private lostTimer?: ReturnType<typeof setTimeout>;
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
    const rt = this.runtime;
    if (!rt || !this.map) return;
    const box = document.createElement('div');
    box.className = 'tooltip';
    box.setAttribute('role', 'status');
    lines.forEach((line, i) => {
      const el = document.createElement(i === 0 ? 'strong' : 'div');
      el.textContent = line; // feed text is never parsed as HTML
      box.append(el);
    });
    this.popup ??= new rt.maplibregl.Popup({ closeButton: false, closeOnClick: false, maxWidth: '18rem', offset: 8 });
    this.popup.setLngLat(lngLat).setDOMContent(box);
    if (!this.popup.isOpen()) this.popup.addTo(this.map);
  }

  hideTooltip(): void {
    this.popup?.remove();
  }

  /** Outlines one area as hovered or focused (null clears). Also sets the feature state `hover` for custom styles. */
  setHover(code: string | null): void {
    const map = this.map;
    if (!map || code === this.hoverCode) return;
    const target = (id: string) => ({ source: SOURCE_ID, id, ...(this.sourceLayer ? { sourceLayer: this.sourceLayer } : {}) });
    try {
      if (this.hoverCode) map.setFeatureState(target(this.hoverCode), { hover: false });
      if (code) map.setFeatureState(target(code), { hover: true });
      // File boundaries: the outline is drawn from a one-feature source, so the whole layer is not
      // re-tessellated for a hover line (a second line layer over every area would double that work).
      const hover = map.getSource(HOVER_SOURCE_ID) as { setData?: (d: unknown) => void } | undefined;
      if (hover?.setData && this.boundaryAreas) {
        const feature = code ? this.boundaryAreas.collection.features.find((f) => f.id === code) : undefined;
        hover.setData({ type: 'FeatureCollection', features: feature ? [feature] : [] });
      }
    } catch {
      /* the source is gone (map re-created) */
    }
    this.hoverCode = code;
  }

  /**
   * A layer element that fills every area (a choropleth) covers the plain land fill; hiding it then spares
   * MapLibre a second fill of every polygon. @internal
   */
  coverLand(owner: object, covered: boolean): void {
    if (covered) this.landCovers.add(owner);
    else this.landCovers.delete(owner);
    try {
      if (this.map?.getLayer('chiso-land')) this.map.setLayoutProperty('chiso-land', 'visibility', this.landCovers.size ? 'none' : 'visible');
    } catch {
      /* map removed */
    }
  }

  private readonly landCovers = new Set<object>();

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

  /** @internal In or near the viewport now (for the context budget). */
  inView = false;
  /** @internal When last in view. */
  lastSeen = 0;
  private waitingForContext = false;
  /** The camera kept when the map gave its context back, to come back to the same view. */
  private savedCamera?: { center: [number, number]; zoom: number };

  /** @internal The context budget asks this map to give its WebGL context back. */
  suspend(): void {
    if (!this.map) return;
    const c = this.map.getCenter();
    this.savedCamera = { center: [c.lng, c.lat], zoom: this.map.getZoom() };
    this.teardown(false);
    this.setState('idle');
    this.resetReady();
  }

  /** @internal A context is free for this map now. */
  granted(): void {
    this.waitingForContext = false;
    if (this.isConnected && !this.map) void this.init(true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof IntersectionObserver === 'undefined') {
      this.inView = true;
      queueMicrotask(() => this.isConnected && this.start());
      return;
    }
    // Watches visibility for the whole life of the element: the first view creates the map, and the context
    // budget prefers to take contexts from maps that are out of view.
    this.intersection = new IntersectionObserver(
      (entries) => {
        const e = entries[entries.length - 1];
        this.inView = e.isIntersecting;
        if (this.inView) {
          this.lastSeen = performance.now();
          if (!this.map) this.start();
        }
      },
      { rootMargin: '200px' },
    );
    this.intersection.observe(this);
    if (this.eager) queueMicrotask(() => this.isConnected && this.start());
  }

  /** Creates the map if the page's context budget allows, else waits for a context, saying so. */
  private start(): void {
    if (this.map || this.starting) return;
    if (this.eager) this.lastSeen = performance.now();
    if (requestContext(this)) {
      this.waitingForContext = false;
      void this.init(true);
    } else if (!this.waitingForContext) {
      this.waitingForContext = true;
      this.status = mapMsg(this.lang, 'mapWaiting');
      this.setState('loading');
      this.requestUpdate();
    }
  }

  private starting = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.intersection?.disconnect();
    this.intersection = undefined;
    this.waitingForContext = false;
    this.savedCamera = undefined;
    this.teardown();
    if (this.state !== 'idle') {
      this.setState('idle');
      this.resetReady();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('lang') || changed.has('theme')) this.passOnLanguageAndTheme();
    const rebuild = ['boundaries', 'boundariesData', 'joinKey', 'nameKey', 'sourceLayer', 'basemap'] as const;
    if (this.map && rebuild.some((k) => changed.has(k))) {
      const kind = this.boundaries ? boundariesKind(this.boundaries) : 'file';
      if (kind === 'file' && this.runtime) void this.replaceBoundaries(this.runtime);
      else this.rebuild();
    } else if (this.map && changed.has('area') && this.boundaryAreas) {
      this.initialBounds = (this.area && this.runtime?.bboxOfArea(this.boundaryAreas, this.area)) || this.boundaryAreas.bbox;
      this.resetView();
    } else if (this.map && changed.has('lang')) {
      this.map.getCanvas().setAttribute('aria-label', this.accessibleName());
      this.placeArchipelagoLabels();
    }
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
    const cs = getComputedStyle(this);
    const read = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
    return {
      sea: read('--_sea', '#dce9f2'),
      land: read('--_land', '#f4f1ea'),
      outline: read('--_outline', '#5b6470'),
      hover: read('--_hover', '#1f2328'),
    };
  }

  /** The atlas file drawn (`vn:communes/25`…), when the boundaries come from the atlas. */
  atlas?: AtlasSpec;

  /** The URL of the boundaries to fetch: the given one, an atlas name's file, or (none given) the atlas level the layers' data asks for. */
  private async boundariesUrl(): Promise<string | undefined> {
    this.atlas = undefined;
    if (this.boundaries && !isAtlasName(this.boundaries)) return this.boundaries;
    if (!this.boundaries && this.boundariesData != null) return undefined;
    let spec: AtlasSpec | null;
    if (this.boundaries) {
      spec = parseAtlasSpec(this.boundaries);
      if (!spec) {
        const text = { vi: mapMsg('vi', 'atlasUnknown', { name: this.boundaries }), en: mapMsg('en', 'atlasUnknown', { name: this.boundaries }) };
        throw new FeedError('schema', { text });
      }
    } else {
      spec = await chooseAtlas(this.area, this.layerElements, this.atlasBase ?? ChisoMap.atlasBase);
    }
    this.atlas = spec;
    return atlasUrl(atlasFile(spec), this.atlasBase ?? ChisoMap.atlasBase).href;
  }

  private async fetchBoundaries(signal: AbortSignal): Promise<unknown> {
    if (this.boundaries && boundariesKind(this.boundaries) !== 'file') return undefined;
    let input: unknown = this.boundariesData;
    const url = await this.boundariesUrl();
    if (url) {
      let response: Response;
      try {
        response = await fetch(new URL(url, document.baseURI), { signal });
      } catch (e) {
        if (signal.aborted) throw e;
        throw new FeedError('network', { text: { vi: mapMsg('vi', 'boundariesFailed'), en: mapMsg('en', 'boundariesFailed') }, cause: e });
      }
      if (!response.ok) {
        throw new FeedError('http', {
          status: response.status,
          text: { vi: `${mapMsg('vi', 'boundariesFailed')} (HTTP ${response.status})`, en: `${mapMsg('en', 'boundariesFailed')} (HTTP ${response.status})` },
        });
      }
      input = await response.text();
    }
    return input;
  }

  private readBoundaries(runtime: Runtime, input: unknown): Boundaries | undefined {
    if (input == null) return undefined;
    try {
      return runtime.readBoundaries(input, { joinKey: this.joinKey, nameKey: this.nameKey });
    } catch (e) {
      const key = (e as { reason?: string })?.reason === 'no-polygons' ? 'boundariesNotPolygons' : 'boundariesNotGeo';
      throw new FeedError('schema', { text: { vi: mapMsg('vi', key), en: mapMsg('en', key) }, cause: e });
    }
  }

  private async init(granted = false): Promise<void> {
    if (!this.isConnected || this.map || this.starting) return;
    if (!granted) {
      this.start();
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
    // MapLibre (and its worker) start while the boundaries download: the two overlap.
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    const input = prefetched !== undefined ? Promise.resolve(prefetched) : this.fetchBoundaries(abort.signal);
    input.catch(() => undefined); // handled below
    let runtime: Runtime;
    try {
      runtime = await import('./maplibre-runtime.js');
    } catch (e) {
      // Not the data's fault: the map's code (its chunk or MapLibre) did not load. Say which file and why.
      const error = await loadFailure(e);
      if (generation !== this.generation) return;
      this.fail(error);
      return;
    }
    if (generation !== this.generation || !this.isConnected) return;
    this.runtime = runtime;
    const { maplibregl, maplibreCss } = runtime;
    if (!this.styleTag && this.shadowRoot) {
      // MapLibre's stylesheet, adopted by this shadow root only: the page's styles are untouched.
      const sheet = maplibreCss.styleSheet;
      if (sheet) this.shadowRoot.adoptedStyleSheets = [sheet, ...this.shadowRoot.adoptedStyleSheets];
      this.styleTag = true;
    }
    const container = this.renderRoot.querySelector<HTMLElement>('[part="map"]')!;
    const colors = this.colors();
    const kind = this.boundaries ? boundariesKind(this.boundaries) : 'file';
    if (kind === 'pmtiles') await runtime.usePmtiles();
    if (generation !== this.generation) return;
    this.initialBounds = this.bounds ?? VIETNAM_BBOX;
    const style: StyleSpecification = {
      version: 8,
      sources: {},
      layers: [{ id: 'chiso-background', type: 'background', paint: { 'background-color': colors.sea } }],
    };
    let map: MaplibreMap;
    try {
      map = new maplibregl.Map({
        container,
        style: this.basemap || style,
        bounds: this.initialBounds as [number, number, number, number],
        fitBoundsOptions: { padding: 16 },
        attributionControl: false,
        cooperativeGestures: this.gestures !== 'free',
        locale: { ...maplibreLocale(this.lang), 'Map.Title': this.accessibleName() },
        canvasContextAttributes: { preserveDrawingBuffer: this.preserveDrawingBuffer, antialias: false },
        dragRotate: false,
        pitchWithRotate: false,
        maxPitch: 0,
        fadeDuration: 0,
      });
    } catch (e) {
      // No WebGL2 (old browser, or the page already holds as many contexts as the browser allows).
      this.fail(new FeedError('unsupported', { text: { vi: mapMsg('vi', 'mapNoWebgl'), en: mapMsg('en', 'mapNoWebgl') }, cause: e }));
      return;
    }
    this.map = map;
    this.watchWorker(generation, runtime);
    map.getCanvas().setAttribute('aria-describedby', 'summary hint');
    map.touchZoomRotate.disableRotation();
    this.addControls(map, maplibregl);
    map.on('webglcontextlost', () => this.contextLost());
    map.on('webglcontextrestored', () => this.contextRestored());
    this.resize = new ResizeObserver(() => {
      cancelAnimationFrame(this.resizeFrame);
      this.resizeFrame = requestAnimationFrame(() => this.map?.resize());
    });
    this.resize.observe(container);
    const loaded = map.loaded() ? Promise.resolve() : new Promise<void>((resolve) => map.once('load', () => resolve()));
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
    this.addAttribution(map, maplibregl);
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
    this.addBoundaryLayers(map, boundaries, colors, kind);
    this.addArchipelagos(map, colors);
    const ctx: MapContext = {
      host: this,
      map,
      maplibre: maplibregl,
      boundaries,
      sourceId: SOURCE_ID,
      sourceLayer: kind === 'file' ? undefined : this.sourceLayer,
      codeExpression: kind === 'file' ? ['get', CODE_PROP] : this.joinKey === 'id' ? ['to-string', ['id']] : ['to-string', ['get', this.joinKey]],
      beforeId: 'chiso-outline',
      featureId: (code) => code,
      colors,
    };
    this.ctx = ctx;
    const layers = this.layerElements;
    await Promise.allSettled(layers.map((layer) => layer.mapAttached(ctx)));
    if (generation !== this.generation) return;
    // Layers that drew waited for the map to be idle already; otherwise wait for the boundaries' first draw.
    if (!layers.length || !map.loaded()) await whenIdle(map, !map.loaded());
    if (generation !== this.generation) return;
    this.status = null;
    this.setState('ready');
    if (boundaries && (boundaries.skipped.notPolygon || boundaries.skipped.noCode)) {
      this.errorText = mapMsg(this.lang, 'boundariesSkipped', { n: boundaries.skipped.notPolygon + boundaries.skipped.noCode });
    }
    this.requestUpdate();
    this.resolveReady(map);
    this.emit<MapReadyDetail>('ready', { areas: boundaries?.areas.size ?? 0 });
  }

  private abortInit?: AbortController;
  private workerWatch?: ReturnType<typeof setTimeout>;

  /**
   * MapLibre draws nothing until its worker runs, and a worker that fails to load (missing, served with a type
   * that is not JavaScript, blocked by the page's policy) only logs to the console: the map would say "loading"
   * for ever. A map still loading after a few seconds checks the worker's file; when that is the cause, the map
   * gives its context back and says so. A slow network finds nothing wrong and the map goes on loading.
   */
  private watchWorker(generation: number, runtime: Runtime): void {
    clearTimeout(this.workerWatch);
    const url = runtime.workerUrl();
    if (!url || !/^https?:/.test(url)) return; // a blob: or data: worker (a bundler's) cannot be checked this way
    this.workerWatch = setTimeout(async () => {
      // Only while MapLibre has not loaded: a slow feed or boundaries download is not the worker's fault.
      if (generation !== this.generation || this.state !== 'loading' || this.map?.loaded()) return;
      const problem = await diagnoseModule(url).catch(() => null);
      // Only causes that cannot be a passing hiccup stop the map: a policy, a file not there, a wrong type.
      const certain = problem && (problem.kind === 'csp' || problem.kind === 'mime' || problem.kind === 'missing');
      if (!certain || generation !== this.generation || this.state !== 'loading') return;
      this.teardown();
      this.fail(new FeedError('load', { text: loadProblemText(problem) }));
    }, ChisoMap.workerWatchMs);
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

  private addControls(map: MaplibreMap, ml: Runtime['maplibregl']): void {
    map.addControl(new ml.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ml.FullscreenControl({ container: this.renderRoot.querySelector<HTMLElement>('.frame') ?? undefined }), 'top-right');
    map.addControl(new ResetViewControl(() => this.resetView(), mapMsg(this.lang, 'resetView')), 'top-right');
    // The scale at the top, clear of the credits along the bottom (the atlas's are long on a narrow map).
    map.addControl(new ml.ScaleControl({ unit: 'metric' }), 'top-left');

  }

  /** Credits, once the boundaries are known: the atlas's whenever its files are drawn (its MIT licences and the official map ask for it). */
  private addAttribution(map: MaplibreMap, ml: Runtime['maplibregl']): void {
    const atlasCredit = this.atlas ? [this.lang.startsWith('en') ? ATLAS_ATTRIBUTION.en : ATLAS_ATTRIBUTION.vi] : [];
    map.addControl(
      new ml.AttributionControl({ compact: true, customAttribution: ['MapLibre', ...atlasCredit, ...(this.attribution ? [this.attribution] : [])] }),
      'bottom-right',
    );
    // MapLibre opens the credits at first; on a map narrower than their one line they would cover the bottom of
    // the map until the first drag. Closed there: the ⓘ button opens them (they stay in the page for readers).
    const credits = this.renderRoot.querySelector('.maplibregl-ctrl-attrib');
    if (credits && map.getContainer().clientWidth < 760) credits.classList.remove('maplibregl-compact-show');
  }

  private addBoundaryLayers(map: MaplibreMap, boundaries: Boundaries | undefined, colors: MapContext['colors'], kind: string): void {
    const sourceLayer = kind === 'file' ? undefined : this.sourceLayer;
    if (kind === 'file') {
      if (!boundaries) return;
      // A small tile buffer and a half-pixel simplification: invisible at any zoom, and they cut MapLibre's
      // tiling work on a national layer by about a third (see bench/map.mjs).
      map.addSource(SOURCE_ID, { type: 'geojson', data: boundaries.collection, promoteId: CODE_PROP, buffer: 16, tolerance: 0.5 });
    } else {
      const url = this.boundaries!;
      map.addSource(
        SOURCE_ID,
        kind === 'pmtiles'
          ? { type: 'vector', url: url.startsWith('pmtiles://') ? url : `pmtiles://${new URL(url, document.baseURI).href}`, promoteId: this.joinKey }
          : { type: 'vector', tiles: [new URL(url, document.baseURI).href.replace(/%7B/g, '{').replace(/%7D/g, '}')], promoteId: this.joinKey },
      );
    }
    const common = { source: SOURCE_ID, ...(sourceLayer ? { 'source-layer': sourceLayer } : {}) };
    map.addLayer({ id: 'chiso-land', type: 'fill', ...common, paint: { 'fill-color': colors.land, 'fill-antialias': false } });
    map.addLayer({
      id: 'chiso-outline', type: 'line', ...common,
      // Outlines only once areas are big enough on screen to be told apart; below that they grey the map.
      minzoom: boundaries ? outlineMinZoom(boundaries) : 0,
      paint: { 'line-color': colors.outline, 'line-width': 0.6, 'line-opacity': 0.8 },
    });
    if (kind === 'file') {
      map.addSource(HOVER_SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: 'chiso-hover', type: 'line', source: HOVER_SOURCE_ID, paint: { 'line-color': colors.hover, 'line-width': 3 } });
    } else {
      map.addLayer({
        id: 'chiso-hover',
        type: 'line',
        ...common,
        paint: { 'line-color': colors.hover, 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 3, 0] },
      });
    }
  }

  /** Hoàng Sa and Trường Sa: island dots and HTML labels (no glyph server needed, so they work offline). */
  private addArchipelagos(map: MaplibreMap, colors: MapContext['colors']): void {
    map.addSource('chiso-archipelagos', { type: 'geojson', data: archipelagoPoints() });
    map.addLayer({
      id: 'chiso-archipelagos',
      type: 'circle',
      source: 'chiso-archipelagos',
      paint: { 'circle-radius': 2.5, 'circle-color': colors.outline, 'circle-stroke-color': colors.land, 'circle-stroke-width': 1 },
    });
    this.placeArchipelagoLabels();
  }

  private placeArchipelagoLabels(): void {
    const ml = this.runtime?.maplibregl;
    if (!ml || !this.map) return;
    for (const m of this.markers) m.remove();
    this.markers = ARCHIPELAGOS.map((a) => {
      const el = document.createElement('div');
      el.className = 'archipelago';
      el.dataset.archipelago = a.key;
      el.lang = this.lang.startsWith('en') ? 'en' : 'vi';
      el.textContent = mapMsg(this.lang, a.key);
      return new ml.Marker({ element: el, anchor: a.anchor, offset: a.anchor === 'right' ? [-6, 0] : [0, -4] }).setLngLat(a.label).addTo(this.map!);
    });
  }

  private contextLost(): void {
    this.status = mapMsg(this.lang, 'mapContextLost');
    this.setState('loading');
    this.requestUpdate();
    clearTimeout(this.lostTimer);
    // MapLibre restores the context itself when the browser gives it back; if it does not, start over.
    this.lostTimer = setTimeout(() => {
      if (!this.isConnected) return;
      this.teardown();
      this.resetReady();
      this.init();
    }, CONTEXT_LOSS_GRACE_MS);
  }

  private contextRestored(): void {
    clearTimeout(this.lostTimer);
    this.status = null;
    this.setState('ready');
    this.requestUpdate();
    this.map?.triggerRepaint();
  }

  private teardown(release = true): void {
    if (release) releaseContext(this);
    this.generation++;
    clearTimeout(this.workerWatch);
    this.abortInit?.abort();
    clearTimeout(this.lostTimer);
    cancelAnimationFrame(this.resizeFrame);
    this.resize?.disconnect();
    this.resize = undefined;
    if (this.ctx) for (const layer of this.layers) layer.mapDetached();
    this.ctx = undefined;
    this.landCovers.clear();
    for (const m of this.markers) m.remove();
    this.markers = [];
    this.popup?.remove();
    this.popup = undefined;
    this.hoverCode = null;
    // map.remove() also loses the WebGL context at once, so the browser's context budget is freed now.
    this.map?.remove();
    this.map = undefined;
  }

  override render() {
    const summary = [...this.summaries.values()].join(' ');
    return html`<div part="base">
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

/** The zoom from which the typical (median) area is at least 6 px wide on a 512 px tile pyramid. */
export function outlineMinZoom(boundaries: Boundaries): number {
  const widths = [...boundaries.areas.values()].map((a) => a.bbox[2] - a.bbox[0]).sort((x, y) => x - y);
  const median = widths[widths.length >> 1] || 1;
  return Math.max(0, Math.min(12, Math.log2((6 * 360) / (512 * median))));
}

function parseBbox(v: string | null): Bbox | undefined {
  const n = (v ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
  return n.length === 4 && n.every(Number.isFinite) && n[0] < n[2] && n[1] < n[3] ? (n as Bbox) : undefined;
}

/**
 * Waits for the map to finish drawing. `changed`: the caller has just changed the style or feature state,
 * so MapLibre has a frame scheduled and `idle` will follow it; otherwise a frame is asked for first (`idle`
 * does not fire again on its own). Not forcing extra frames matters with software WebGL, where each frame of
 * a national layer costs a tenth of a second or more.
 */
export function whenIdle(map: MaplibreMap, changed = false): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    if (!changed) map.triggerRepaint();
  });
}

/** A "reset view" button in MapLibre's control style. */
class ResetViewControl {
  private box?: HTMLDivElement;
  constructor(
    private readonly onReset: () => void,
    private readonly title: string,
  ) {}
  onAdd(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chiso-reset-view';
    button.title = this.title;
    button.setAttribute('aria-label', this.title);
    button.textContent = '⟲';
    button.addEventListener('click', () => this.onReset());
    box.append(button);
    this.box = box;
    return box;
  }
  onRemove(): void {
    this.box?.remove();
  }
}

/** A layer element joins the `<chiso-map>` around it (if any); returns that map. */
export function joinMap(layer: ChisoMapLayer & HTMLElement): ChisoMap | undefined {
  const map = layer.closest('chiso-map') as ChisoMap | null;
  if (!map || typeof map.registerLayer !== 'function') return undefined;
  map.registerLayer(layer);
  return map;
}
