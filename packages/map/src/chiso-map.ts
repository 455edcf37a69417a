import type { PropertyValues } from 'lit';
import { tokens, loadFailure } from '@chiso/core/element';
import { FeedError } from '@chiso/core';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { mapStyles } from './chiso-map.styles.js';
import type { Boundaries } from './boundaries.js';
import { boundariesKind, CODE_PROP } from './boundary-kind.js';
import { MapBase } from './map/map-base.js';
import { addBoundaryLayers, SOURCE_ID } from './map/boundary-layers.js';
import { createMap, VIETNAM_BBOX } from './map/create-map.js';
import { addAttribution, addControls } from './map/controls.js';
import { addArchipelagoDots } from './map/archipelagos.js';
import { watchWorker } from './map/worker-watch.js';
import { whenIdle, whenSourceLoaded } from './kit/when-idle.js';
import { drawMapOverlays } from './kit/map-overlay.js';
import type { MapContext } from './layer-api.js';
import { mapMsg } from './map-i18n.js';
import { ContextHolder } from './map/context-holder.js';
import { isCanvasMap, loadRuntime, mapLoaded, newSurface, rendererPlan } from './map/renderer-plan.js';

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
 * A map of Vietnamese administrative areas, in its own shadow root, for layers such as
 * `<chiso-choropleth-layer>`. It paints at once on a 2D canvas, then MapLibre (WebGL, imported the first time a
 * map comes into view, never before) takes over at the same view; without WebGL the canvas stays (`renderer`).
 *
 * Works offline: no tiles are fetched unless `basemap` names a MapLibre style. Whenever the view includes the
 * East Sea (Biển Đông), the Hoàng Sa and Trường Sa archipelagos are marked and labelled as Vietnamese (of
 * Đà Nẵng and Khánh Hòa), even when the boundaries given lack them; `sovereignty="off"` is not offered for
 * views of those waters.
 *
 * @summary A map of communes or provinces: canvas at once, MapLibre when loaded, canvas alone without WebGL.
 * @tag chiso-map
 *
 * @slot - Layer elements (`<chiso-choropleth-layer>`) and a `<chiso-legend>`.
 *
 * @fires chiso-paint - The first picture of the map is on screen (with `renderer="auto"`, the canvas's, before MapLibre
 *   takes over). Detail: `{ renderer }`.
 * @fires chiso-ready - Once the boundaries and the layers' first data are drawn (the map is idle; with `auto`, by the
 *   renderer that stays). Detail: `{ areas }`.
 * @fires chiso-error - When the boundaries cannot be read, or (with `auto`, the map staying on the canvas) when
 *   MapLibre's files are not served right: the message names the file and the fix. Detail: `{ code, message }`.
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
export class ChisoMap extends MapBase {
  static override styles = [tokens, mapStyles];

  /** The camera kept when the map gave its context back, to come back to the same view. */
  private savedCamera?: { center: [number, number]; zoom: number };

  /** When the map is created: in view, within the page's budget of WebGL contexts. */
  private readonly context = new ContextHolder(this, {
    exists: () => !!this.map || this.starting,
    create: () => void this.init(true),
    contextFree: () => (this.renderer === 'canvas' || this.webglFailed) && this.canvasCan(),
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
    // The renderer's code loads while the boundaries download (MapLibre's, with auto, once the canvas has painted).
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    const input = prefetched !== undefined ? Promise.resolve(prefetched) : this.fetchBoundaries(abort.signal);
    input.catch(() => undefined); // handled below
    const kind = this.boundaries ? boundariesKind(this.boundaries) : 'file';
    const plan = rendererPlan(this.renderer, kind, this.basemap, this.webglFailed);
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
    // MapLibre's code is read only now: compiling it on this thread alongside the canvas's work would delay the
    // first picture, and MapLibre is no sooner ready for it (the bench measured both orders).
    if (plan === 'canvas-then-maplibre') await this.takeOver(generation, this.prepareMapLibre(generation, loadRuntime('maplibre'), kind), kind);
    if (generation !== this.generation) return;
    this.runtime!.keepWorkers(); // drawn: MapLibre's worker has answered (a no-op on the canvas)
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
  private async drawLayers(map: MaplibreMap, kind: string, generation: number, dressed = false): Promise<boolean> {
    const colors = this.colors();
    const boundaries = this.boundaryAreas;
    if (!dressed) {
      this.dress(map, kind, this.runtime!);
      this.placeArchipelagoLabels();
    }
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

  /** The map's own layers: credits, boundaries (land, outlines, hover) and the archipelagos' islands. */
  private dress(map: MaplibreMap, kind: string, runtime: Runtime): void {
    const colors = this.colors();
    addAttribution(map, runtime.maplibregl, { atlas: !!this.atlas, lang: this.lang, attribution: this.attribution, root: map.getContainer() });
    addBoundaryLayers(map, { kind, boundaries: this.boundaryAreas, url: this.boundaries, sourceLayer: this.sourceLayer, joinKey: this.joinKey }, colors);
    addArchipelagoDots(map, colors);
  }

  /** MapLibre being made ready behind the canvas (removed with the map if the element goes first). */
  private incoming?: MaplibreMap;

  /**
   * `auto`: MapLibre made ready behind the canvas once it has painted: the map at the canvas's view, its own layers
   * added and the boundary tiles read (drawn once the layers have moved over, in takeOver); undefined where it
   * cannot start (its code or worker not served right: the page is told, by chiso-error; no WebGL: the canvas stays).
   */
  private async prepareMapLibre(generation: number, later: Promise<Runtime>, kind: string): Promise<{ map: MaplibreMap; runtime: Runtime } | undefined> {
    let runtime: Runtime;
    try {
      runtime = await later;
    } catch (e) {
      if (generation === this.generation) this.emitError(await loadFailure(e));
      return undefined;
    }
    if (generation !== this.generation || !this.map) return undefined;
    const map = this.newMap(runtime, true);
    if (!map) {
      this.webglFailed = true;
      this.context.release(); // the canvas needs no WebGL context: another map may have it
      return undefined;
    }
    this.incoming = map;
    const c = this.map.getCenter();
    map.jumpTo({ center: [c.lng, c.lat], zoom: this.map.getZoom() });
    // A worker that cannot start (MapLibre then draws nothing) is found out here, as for a MapLibre-only map,
    // while the layers are still on the canvas.
    const workerFailed = new Promise<{ vi: string; en: string }>((resolve) => {
      this.workerWatch = watchWorker(runtime.workerUrl(), ChisoMap.workerWatchMs, () => generation === this.generation && this.incoming === map && !map.loaded(), resolve);
    });
    const drawn = (async () => {
      await mapLoaded(map);
      if (generation !== this.generation) return;
      this.dress(map, kind, runtime);
      // The boundary tiles read (the worker has answered): the layers move over now rather than after a frame of
      // the boundaries alone, one frame fewer before ready.
      await whenSourceLoaded(map, SOURCE_ID);
    })();
    // However MapLibre fails to read its tiles (a worker that cannot be checked), the map does not wait for it for
    // ever: the canvas stays. (A context lost later, while the layers draw, is the context holder's to restore.)
    const tooLong = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ChisoMap.takeoverTimeoutMs));
    const failed = await Promise.race([drawn.then(() => undefined), workerFailed, tooLong]);
    if (generation !== this.generation) return undefined;
    if (failed) {
      this.incoming = undefined;
      map.remove();
      map.getContainer().remove();
      this.context.release();
      if (failed !== 'timeout') this.emitError(new FeedError('load', { text: failed }));
      return undefined;
    }
    return { map, runtime };
  }

  /**
   * `auto`: MapLibre, once ready, takes over from the canvas at the view the reader has now, its layers drawn behind
   * the canvas and shown only then (no jump, no flash). Where it could not start, the canvas stays.
   */
  private async takeOver(generation: number, prepared: Promise<{ map: MaplibreMap; runtime: Runtime } | undefined>, kind: string): Promise<void> {
    const next = await prepared;
    const canvas = this.map;
    if (!next || generation !== this.generation || !canvas) return;
    const { map, runtime } = next;
    // The canvas keeps its last frame, its labels and tooltip while the layers move over (and goes with the map
    // if the element goes meanwhile).
    (canvas as unknown as { freeze(): void }).freeze();
    const frame = canvas.getCanvas(); // its layers' overlays (count labels) go with them: kept in the last frame
    drawMapOverlays(canvas, frame.getContext('2d')!, frame.width / (frame.clientWidth || frame.width));
    this.outgoing = canvas;
    for (const layer of this.layers) layer.mapDetached();
    const { hovered, shown } = this.tooltip; // the reader's outlined area and tooltip stay through the change
    const sameView = () => {
      const c = canvas.getCenter();
      map.jumpTo({ center: [c.lng, c.lat], zoom: canvas.getZoom() });
    };
    sameView();
    this.map = map;
    this.runtime = runtime;
    this.incoming = undefined;
    if (!(await this.drawLayers(map, kind, generation, true))) return;
    sameView(); // a move made on the canvas meanwhile
    this.tooltip.reset();
    this.setHover(hovered);
    if (shown) this.showTooltip(shown.lngLat, shown.lines);
    this.placeArchipelagoLabels();
    map.getCanvas().setAttribute('aria-label', this.accessibleName());
    const focused = canvas.getContainer().contains((this.renderRoot as ShadowRoot).activeElement);
    map.getContainer().style.visibility = '';
    this.outgoing = undefined;
    canvas.remove();
    canvas.getContainer().remove();
    if (focused) map.getCanvas().focus(); // the reader's keyboard stays on the map
  }

  /** The canvas MapLibre is taking over from, until it is removed. */
  private outgoing?: MaplibreMap;

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

  /** @internal How long `auto` waits for MapLibre to draw behind the canvas before it keeps the canvas (ms). */
  static takeoverTimeoutMs = 20000;

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
    for (const map of [this.map, this.incoming, this.outgoing]) {
      map?.remove();
      map?.getContainer().remove();
    }
    this.map = this.incoming = this.outgoing = undefined;
  }

}
