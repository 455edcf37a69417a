import type { PropertyValues } from 'lit';
import { csvOf, csvSource, FeedError, localize, type FeedModel, type Indicator, type LoadedFeed } from '@chiso/core';
import { DataParser, FeedController, loadFailure, tokens, type FeedHost } from '@chiso/core/element';
import type { MapLayerMouseEvent } from 'maplibre-gl';
import type { CarryResult } from '@chiso/atlas';
import { layerStyles } from './chiso-choropleth-layer.styles.js';
import { dataTableStyles } from './data-table.styles.js';
import { parseClasses } from './classify.js';
import type { ChoroplethView, Legend } from './choropleth-model.js';
import type { MapContext } from './layer-api.js';
import type { ChisoMap } from './chiso-map.js';
import { whenDrawn } from './kit/when-idle.js';
import { atlasLevelOf } from './atlas-choice.js';
import { carryOldUnits, type CarriedFeed } from './old-units.js';
import { MapBindings } from './kit/map-bindings.js';
import { TimelineController } from './kit/timeline.js';
import { pointLayerUnder, TapRule } from './kit/pointer-rule.js';
import { themeColor } from './kit/theme-color.js';
import { CrosswalkLoader } from './kit/crosswalk-loader.js';
import { ChoroplethLayerProperties } from './choropleth/properties.js';
import { ChoroplethDrawing } from './choropleth/drawing.js';
import { classLabel, summaryText, tableRows, tooltipLines, warningText, type ChoroplethWording, type TableRow } from './choropleth/text.js';
import { panel } from './choropleth/view.js';
import { loadEngine, type Engine } from './choropleth/engine.js';

let layerCount = 0;

/** What the layer holds before its map (and with it the classing engine) is ready. */
const EMPTY_VIEW: ChoroplethView = {
  periods: [], values: new Map(), legend: { breaks: [], colors: [], noData: '#c8c8c8' }, ranks: new Map(), unknownCodes: [], otherLevels: [],
};

/** Detail of `chiso-select`. */
export interface SelectDetail {
  area: string;
  name: string;
  value: number | null;
}

/** Detail of the layer's `chiso-ready` and `chiso-change`. */
export interface ChoroplethDetail extends Legend {
  period?: string;
  indicator?: string;
  /** Areas drawn with a value. */
  matched: number;
  /** Feed codes that are not on the map. */
  unknownCodes: string[];
}

/**
 * Indicator values by area, classed and coloured, inside a `<chiso-map>`. Joins the feed's area codes to
 * the map's boundaries (by GSO code), draws every matched area in its class colour and the rest in a no-data
 * colour, and offers a tooltip, a time slider, a summary and a data table.
 *
 * @summary A choropleth of an indicator by commune, district or province.
 * @tag chiso-choropleth-layer
 *
 * @fires chiso-ready - When the first data is drawn. Detail: `{ breaks, colors, noData, period, indicator, matched, unknownCodes }`.
 * @fires chiso-change - When another period or classing is drawn. Same detail.
 * @fires chiso-select - On click, or Enter on a focused area. Detail: `{ area, name, value }`.
 * @fires chiso-error - When the feed fails, or names codes the map does not have. Detail: `{ code, message }`.
 * @fires chiso-download - Before a file is saved from the download menu (cancelable: the page may keep it). Detail: `{ format: 'csv' | 'png', filename, text? (CSV), blob? (PNG) }`.
 *
 * @csspart controls - The bar with the time slider and the table toggle.
 * @csspart timeline - The time slider group.
 * @csspart play - The play/pause button.
 * @csspart table-toggle - The button showing the data table.
 * @csspart download - The "Tải xuống" (download) button opening the download menu: the data as CSV, the picture as PNG, a link (hidden by `no-download`).
 * @csspart download-menu - The download menu.
 * @csspart source - The source line: who published the figures and when they were updated (hidden by `no-source`).
 * @csspart stale - "Dữ liệu cũ" (stale data) at the end of the source line, after a failed refresh.
 * @csspart table - The data table.
 * @csspart error - An error or warning message.
 */
export class ChisoChoroplethLayer extends ChoroplethLayerProperties implements FeedHost {
  static override styles = [tokens, layerStyles, dataTableStyles];

  /** What the crosswalk carried (each new area with the old ones it came from), what it could not and why; undefined when nothing was old. */
  get carried(): CarryResult | undefined {
    return this.carry?.result;
  }

  /** The classing and colours drawn: `{ breaks, colors, noData }` (breaks as `d3.scaleThreshold`'s domain). */
  get legend(): Legend {
    const l = this.view.legend;
    return { breaks: [...l.breaks], colors: [...l.colors], noData: l.noData };
  }

  /** Areas per class in the shown period (over the map's areas), and how many have no data. */
  get classCounts(): { counts: number[]; noData: number } {
    if (!this.ctx || !this.engine) return { counts: [], noData: 0 };
    return this.engine.classCounts(this.view, this.ctx.boundaries ? this.ctx.boundaries.areas.keys() : undefined);
  }

  /** The indicator drawn (id, name, unit…). */
  get indicatorInfo(): Indicator | undefined {
    return this.view.indicator;
  }

  /** Every period in the feed, oldest first. */
  get periods(): string[] {
    return [...this.view.periods];
  }

  /** The fill colour of an area (`#rrggbb`), or the no-data colour. */
  colorFor(area: string): string {
    return this.engine ? this.engine.colorOf(this.view, area) : this.view.legend.noData;
  }

  /** The value of an area in the shown period, or null. */
  valueFor(area: string): number | null {
    return this.view.values.get(area)?.value ?? null;
  }

  /** Rank of an area in the shown period: 1 is the best by the indicator's `direction` (the lowest value when lower is better); undefined without data. */
  rankFor(area: string): number | undefined {
    return this.view.ranks.get(area);
  }

  /** Class index of an area (undefined without data). */
  classFor(area: string): number | undefined {
    return this.engine?.classOf(this.view, area);
  }

  /** "Từ 10 đến dưới 20" for class `i` (a threshold class adds its band, as the gauge says it). */
  classLabel(i: number): string {
    return classLabel(this.wording, i);
  }

  /** Dims every area outside class `index` (null: none highlighted). Used by `<chiso-legend>`. */
  highlightClass(index: number | null): void {
    this.highlighted = index;
    const ctx = this.ctx;
    if (ctx?.map.getLayer(this.drawing.layerId)) {
      try {
        this.drawing.applyStates(ctx, this.view, index);
        ctx.map.triggerRepaint();
      } catch {
        /* map removed */
      }
    }
    this.requestUpdate();
  }

  /** The highlighted class, or null. */
  get highlightedClass(): number | null {
    return this.highlighted;
  }

  /** Starts playing the periods from the shown one (from the first when the last is shown); stops at the last. */
  play(): void {
    if (this.timeline.playing || this.view.periods.length < 2) return;
    if (this.timeline.atEnd()) this.timeline.showIndex(0);
    this.timeline.start();
  }

  /** Stops playing. */
  stop(): void {
    this.timeline.stop();
  }

  /** Whether the periods are playing. */
  get isPlaying(): boolean {
    return this.timeline.playing;
  }

  protected readonly feed = new FeedController(this);
  private readonly parser = new DataParser(this);
  private readonly drawing = new ChoroplethDrawing(`chiso-choropleth-${++layerCount}`);
  private readonly bindings = new MapBindings();
  /** The periods; one per `play-interval` while playing. */
  private readonly timeline = new TimelineController(this, {
    dates: () => this.view.periods, current: () => this.view.period, show: (p) => (this.period = p),
    interval: () => Math.max(200, this.playInterval), changed: () => this.requestUpdate(),
  });
  /** Loaded the first time a feed by old units needs it; the view is built again when it comes or fails. */
  private readonly crosswalks = new CrosswalkLoader(() => void (this.rebuild(this.lastGoodModel), this.requestUpdate()));
  protected override feedSource() {
    return this.lastGoodModel?.source;
  }
  private engine?: Engine;
  private model?: FeedModel;
  private lastGoodModel?: FeedModel;
  private error?: FeedError;
  private warning?: string;
  private carry?: CarriedFeed;
  private view: ChoroplethView = EMPTY_VIEW;
  private viewModel?: FeedModel;
  private viewCtx?: MapContext;
  private viewEngine?: Engine;
  private drawnView?: ChoroplethView;
  private ctx?: MapContext;
  private drawnOnce = false;
  private highlighted: number | null = null;
  private focusedCode: string | null = null;
  private drawToken = 0;

  feedLoading(): void {
    if (!this.lastGoodModel) this.setState('loading');
  }

  feedLoaded(loaded: LoadedFeed): void {
    this.error = undefined;
    this.model = loaded.model;
    this.requestUpdate();
  }

  feedFailed(error: FeedError): void {
    this.error = error;
    this.setState(this.lastGoodModel ? 'stale' : 'error');
    this.emitError(error);
    this.settleFirst();
    this.dataLevelKnown(undefined);
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadEngine().catch(() => undefined); // fetched alongside the boundaries (a failure is said once the map is there)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unbindFrom();
  }

  private fromSource?: Element;
  private readonly pullFrom = (): void => {
    const feed = (this.fromSource as { asFeed?: () => unknown } | undefined)?.asFeed?.();
    if (feed != null) this.data = feed;
  };

  private bindFrom(): void {
    const root = this.getRootNode() as Document | ShadowRoot;
    const source = this.from ? (root.getElementById?.(this.from) ?? document.getElementById(this.from)) : null;
    if (source === (this.fromSource ?? null)) return;
    this.unbindFrom();
    if (!source) return;
    this.fromSource = source;
    source.addEventListener('chiso-ready', this.pullFrom);
    source.addEventListener('chiso-change', this.pullFrom);
    this.pullFrom();
  }

  private unbindFrom(): void {
    this.fromSource?.removeEventListener('chiso-ready', this.pullFrom);
    this.fromSource?.removeEventListener('chiso-change', this.pullFrom);
    this.fromSource = undefined;
  }

  /** @internal Called by `<chiso-map>`. */
  mapAttached(ctx: MapContext): Promise<void> {
    this.bindFrom();
    this.ctx = ctx;
    this.drawnOnce = false;
    this.bindInteractions(ctx);
    loadEngine().then((engine) => {
      this.engine = engine;
      this.requestUpdate();
    }, async (e: unknown) => {
      // The engine's chunk did not load (a server that does not serve it): said, and the map does not wait.
      this.feedFailed(await loadFailure(e));
    });
    this.requestUpdate();
    const first = this.firstDrawing();
    // Nothing to wait for: no feed at all, or it has failed already (the map must still become ready).
    // A layer fed `from` another element draws when that one is ready, and does not hold the map back.
    if ((!this.src && this.data == null) || this.error) this.settleFirst();
    return first;
  }

  /** @internal Called by `<chiso-map>`. */
  mapDetached(): void {
    this.bindings.release();
    this.ctx = undefined;
    this.drawnOnce = false;
  }

  private get mapElement(): ChisoMap | undefined {
    return this.ctx?.host as ChisoMap | undefined;
  }

  private nameOf(code: string): string {
    return this.ctx?.boundaries?.areas.get(code)?.name ?? this.view.values.get(code)?.name ?? code;
  }

  private get wording(): ChoroplethWording {
    return { lang: this.lang, view: this.view, nameOf: (c) => this.nameOf(c), carry: this.carry };
  }

  /**
   * The table as CSV: one row per area, in the table's order, with the same values (UTF-8 with BOM, figures as
   * plain numbers, the period and source on every row). Empty before there is data.
   */
  async toCSV(): Promise<string> {
    const v = this.view;
    if (!this.viewModel || !v.indicator) return '';
    const w = this.wording;
    const source = csvSource(this.sourceOf(this.lastGoodModel?.source), this.lang);
    return csvOf(['rank', 'area', 'name', 'value', 'unit', 'class', 'period', 'source', 'updated'], this.rows().map((r) => ({
      rank: r.rank, area: r.code, name: r.name, value: r.value, unit: r.value !== null ? v.indicator?.unit : undefined,
      class: r.cls !== undefined ? classLabel(w, r.cls) : undefined, period: v.period, ...source,
    })), this.lang);
  }

  /** @internal The download button: opens the download menu under `button` (its code loaded on the first click). */
  download(button: HTMLElement): void {
    const v = this.view;
    const title = [localize(v.indicator?.name, this.lang) || v.indicator?.id || 'chiso', v.period].filter(Boolean).join(' ');
    void import('@chiso/core/download').then((m) => m.openDownloadMenu(this, button, title));
  }

  /** One row per map area (or per feed area on a vector source), best rank first. */
  private rows(): TableRow[] {
    const codes = this.ctx?.boundaries ? this.ctx.boundaries.areas.keys() : this.view.values.keys();
    return tableRows(this.wording, codes, (c) => this.classFor(c));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data')) this.parser.read(this.data);
    const model = this.data != null ? this.parser.model : this.model;
    const dataError = this.data != null ? this.parser.error : undefined;
    if (dataError && dataError !== this.error) {
      this.error = dataError;
      this.setState(this.lastGoodModel ? 'stale' : 'error');
      this.emitError(dataError);
      this.settleFirst();
    }
    if (model) this.lastGoodModel = model;
    // A map with no boundaries draws the atlas level this data is at.
    if (model) this.dataLevelKnown(atlasLevelOf(model.observations.filter((o) => !this.indicator || o.indicator === this.indicator)));
    // No data of its own to wait for (a layer fed `from` another element draws after that one: it must not hold the map).
    else if (dataError || this.from || (!this.src && this.data == null)) this.dataLevelKnown(undefined);
    const relevant = ['data', 'indicator', 'period', 'classes', 'palette', 'reverse', 'noDataColor', 'breaksOver', 'opacity', 'crosswalk'] as const;
    if (model !== this.viewModel || relevant.some((k) => changed.has(k)) || this.viewCtx !== this.ctx || this.viewEngine !== this.engine) {
      this.rebuild(this.lastGoodModel);
    }
  }

  /** The period last shown because it was the latest, not because it was asked for. */
  private autoPeriod?: string;

  private rebuild(model: FeedModel | undefined): void {
    this.viewModel = model;
    this.viewCtx = this.ctx;
    this.viewEngine = this.engine;
    const spec = parseClasses(this.classes);
    const before = this.view;
    if (!this.ctx || !this.engine) {
      this.view = EMPTY_VIEW;
      return;
    }
    // Old units on the new map: carried through the crosswalk (loaded the first time a feed needs it).
    const known = this.ctx.boundaries?.areas;
    const need = model ? this.crosswalks.need(model, known, this.crosswalk, this.ctx.host) : 'as-is';
    if (need === 'wait') return;
    this.carry = need === 'carry' ? carryOldUnits(model!, known!, this.crosswalks.data!) : undefined;
    const color = (name: string) => themeColor(this, name);
    // A period the layer chose itself (the latest) follows the data: a refresh with a newer period shows that one.
    // A period the page or the reader chose stays.
    const latest = this.period === undefined || this.period === this.autoPeriod;
    this.view = this.engine.buildChoropleth(this.carry?.model ?? model, {
      indicator: this.indicator,
      period: latest ? undefined : this.period,
      // Unset: the indicator's thresholds when it has them (as its gauge), else quantiles.
      classes: this.classes?.trim() ? spec : undefined,
      bands: { good: color('--_good'), fair: color('--_fair'), bad: color('--_bad') },
      palette: this.palette,
      reverse: this.reverse,
      noData: this.noDataColor,
      known,
      breaksOver: this.breaksOver,
    });
    if (!model) return;
    const v = this.view;
    if (latest) this.autoPeriod = v.period;
    if (v.period !== this.period) this.period = v.period; // reflects the period shown
    // The crosswalk was needed and could not be loaded: the old codes are off the map, and the reason is said.
    const trouble = { badClasses: spec ? undefined : this.classes ?? '', crosswalkMissing: need === 'missing', boundaries: !!known && !this.mapElement?.drill, model };
    const { text, trouble: any } = warningText(this.wording, trouble);
    const warning = text || undefined;
    if (warning && warning !== this.warning && any) {
      const inLang = (lang: string) => warningText({ ...this.wording, lang }, trouble).text;
      this.emitError(new FeedError('schema', { text: { vi: inLang('vi'), en: inLang('en') } }));
    }
    this.warning = warning;
    if (before.period !== v.period || before.legend !== v.legend) this.scheduleDraw();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('from')) this.bindFrom();
    // Band colours come from the theme's tokens, readable only once the theme attribute is on the element.
    if (changed.has('theme')) {
      this.rebuild(this.lastGoodModel);
      this.requestUpdate();
    }
    this.scheduleDraw();
  }

  /** Puts the current view on the map (once per view), then reports. */
  private scheduleDraw(): void {
    const ctx = this.ctx;
    if (!ctx || !this.viewModel || this.drawnView === this.view) return;
    // A view built before this map and its classing engine were there is the empty placeholder: drawing it would
    // report the layer ready (and empty) before its data is on the map. The engine's arrival builds the real one.
    if (!this.engine || this.viewCtx !== ctx || this.viewEngine !== this.engine) return;
    const view = this.view;
    this.drawnView = view;
    try {
      if (this.drawing.draw(ctx, view, this.opacity, this.highlighted)) ctx.host.coverLand(this, true);
    } catch (e) {
      this.emitError(new FeedError('unsupported', { detail: (e as Error).message }));
      this.settleFirst();
      return;
    }
    this.mapElement?.setSummary(this, summaryText(this.wording, this.rows()));
    const token = ++this.drawToken;
    void whenDrawn(ctx.map, this.drawing.layerId, this.drawing.statesChanged).then(() => {
      if (token !== this.drawToken || this.ctx !== ctx) return;
      this.setState(this.error ? 'stale' : view.values.size || !this.viewModel?.observations.length ? 'ready' : 'empty');
      const detail: ChoroplethDetail = {
        ...this.legend, period: view.period, indicator: view.indicator?.id,
        matched: [...view.values.values()].filter((x) => x.value != null).length, unknownCodes: [...view.unknownCodes],
      };
      if (!this.drawnOnce) {
        this.drawnOnce = true;
        this.settleFirst();
        this.emit<ChoroplethDetail>('ready', detail);
      } else this.emit<ChoroplethDetail>('change', detail);
    });
  }

  /** Shows the tooltip and outline of an area (hover, focus or Enter). */
  focusArea(code: string | null, at?: [number, number]): void {
    const host = this.mapElement;
    if (!host) return;
    this.focusedCode = code;
    host.setHover(code);
    if (!code) return void host.hideTooltip();
    const anchor = at ?? this.ctx?.boundaries?.areas.get(code)?.anchor;
    if (anchor) host.showTooltip(anchor, tooltipLines(this.wording, code));
  }

  /** Selects an area as a click does: fires `chiso-select` (the map's search and shared links use it). */
  select(code: string): void {
    this.emit<SelectDetail>('select', { area: code, name: this.nameOf(code), value: this.valueFor(code) });
  }

  private bindInteractions(ctx: MapContext): void {
    const { map } = ctx;
    const layerId = this.drawing.layerId;
    const codeOfFeature = (f: { id?: string | number; properties?: Record<string, unknown> | null }) => {
      const p = f.properties ?? {};
      return String(ctx.sourceLayer ? (p[this.mapHost?.joinKey ?? 'code'] ?? f.id) : (p.chiso_code ?? f.id));
    };
    const codeOf = (e: MapLayerMouseEvent) => (e.features?.[0] ? codeOfFeature(e.features[0]) : undefined);
    this.bindings.on(map, 'mousemove', layerId, (e) => {
      // A point layer's feature (a BTS site, a case) under the pointer wins: its tooltip shows.
      if (pointLayerUnder(ctx, e.point)) return;
      const code = codeOf(e);
      map.getCanvas().style.cursor = code ? 'pointer' : '';
      if (code) this.focusArea(code, [e.lngLat.lng, e.lngLat.lat]);
    });
    this.bindings.on(map, 'mouseleave', layerId, () => {
      map.getCanvas().style.cursor = '';
      this.focusArea(null);
    });
    const taps = new TapRule(); // a finger: the first tap shows the tooltip, the second selects
    this.bindings.on(map, 'click', layerId, (e) => {
      const code = pointLayerUnder(ctx, e.point) ? undefined : codeOf(e);
      if (code) (taps.firstTap(e, code) ? this.focusArea(code, [e.lngLat.lng, e.lngLat.lat]) : this.select(code));
    });
    // Keyboard: arrows pan (MapLibre), Enter picks the area at the centre of the view.
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !map.getLayer(layerId)) return;
      const c = map.getCanvas();
      const f = map.queryRenderedFeatures([c.clientWidth / 2, c.clientHeight / 2], { layers: [layerId] })[0];
      if (!f) return;
      const code = codeOfFeature(f);
      const centre = map.getCenter();
      this.focusArea(code, [centre.lng, centre.lat]);
      this.select(code);
    };
    const canvas = map.getCanvas();
    canvas.addEventListener('keydown', key);
    this.bindings.add(() => canvas.removeEventListener('keydown', key));
    this.bindings.add(() => {
      this.drawnView = undefined;
      this.drawing.clear(ctx);
      ctx.host.coverLand(this, false);
    });
  }

  override render() {
    return panel(this, {
      w: this.wording, view: this.view, message: this.error ? this.error.localizedMessage(this.lang) : this.warning, rows: () => this.rows(),
      focusedCode: this.focusedCode, step: (d) => this.timeline.step(d), focusArea: (c) => this.focusArea(c), select: (c) => this.select(c),
    });
  }
}
