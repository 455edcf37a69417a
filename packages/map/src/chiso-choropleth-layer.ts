import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedError, formatNumber, formatPeriod, formatValue, localize, msg, type FeedModel, type Indicator, type LoadedFeed } from '@chiso/core';
import { DataParser, FeedController, tokens, type FeedHost } from '@chiso/core/element';
import type { MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import { layerStyles } from './chiso-choropleth-layer.styles.js';
import { dataTableStyles } from './data-table.styles.js';
import { classIndex, parseClasses, summarize } from './classify.js';
import type { ChoroplethView, Legend } from './choropleth-model.js';
import type { MapContext } from './layer-api.js';
import { mapMsg } from './map-i18n.js';
import { whenIdle, type ChisoMap } from './chiso-map.js';
import { ChisoLayerElement } from './layer-element.js';
import { atlasLevelOf } from './atlas-choice.js';
import { carryOldUnits, mayNeedCrosswalk, type CarriedFeed } from './old-units.js';
import { loadCrosswalk, type CarryResult, type Crosswalk } from '@chiso/atlas';

let layerCount = 0;
const collator = new Intl.Collator('vi');

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
 *
 * @csspart controls - The bar with the time slider and the table toggle.
 * @csspart timeline - The time slider group.
 * @csspart play - The play/pause button.
 * @csspart table-toggle - The button showing the data table.
 * @csspart table - The data table.
 * @csspart error - An error or warning message.
 */
export class ChisoChoroplethLayer extends ChisoLayerElement implements FeedHost {
  static override styles = [tokens, layerStyles, dataTableStyles];

  /** Feed URL: any format `parseFeed` reads (chiso, JSON-stat, CKAN, CSV, GeoJSON). */
  @property() src?: string;

  /** A feed object or a parsed model, instead of `src`. */
  @property({ attribute: false }) data?: unknown;

  /**
   * Id of an element on the page whose numbers this layer colours: it offers them as a feed through
   * `asFeed()` and says when they change with `chiso-ready`/`chiso-change`. A `<chiso-bts-layer>` does:
   * `<chiso-choropleth-layer from="bts">` colours communes by their coverage.
   */
  @property() from?: string;

  /** Seconds between refreshes of `src`; 0: none. */
  @property({ type: Number }) refresh = 0;

  /** Milliseconds one request may take. */
  @property({ type: Number }) timeout = 15000;

  /** Indicator id (default: the feed's first). */
  @property() indicator?: string;

  /** Period shown (default: the latest with data). Reflects the time slider. */
  @property({ reflect: true }) period?: string;

  /**
   * `thresholds` (the indicator's own thresholds, coloured good / fair / bad as on its gauge: the default when
   * the indicator has thresholds or a target), `quantile:5` (the default otherwise), `equal:5`, `ckmeans:5`
   * (natural breaks) or `manual:10 20 50` (lower bounds, inclusive).
   */
  @property() classes?: string;

  /** A d3-scale-chromatic palette name: `YlGnBu` (default, colour-blind safe), `Viridis`, `Blues`, `OrRd`… */
  @property() palette?: string;

  /** Reverse the palette (dark for low values). */
  @property({ type: Boolean }) reverse = false;

  /** Fill of areas without data (default a neutral grey, explained in the legend). */
  @property({ attribute: 'no-data-color' }) noDataColor?: string;

  /** Class breaks from `all` periods (default: colours mean the same over time) or the shown `period`. */
  @property({ attribute: 'breaks-over' }) breaksOver: 'all' | 'period' = 'all';

  /** Opacity of the fill, 0–1. */
  @property({ type: Number }) opacity = 1;

  /** Whether the data table is shown. */
  @property({ type: Boolean, reflect: true, attribute: 'table-open' }) tableOpen = false;

  /** Milliseconds per period while playing. */
  @property({ type: Number, attribute: 'play-interval' }) playInterval = 1200;

  /**
   * Figures keyed by the pre-2025 communes (or provinces) are carried onto the 2025 units of the map through the
   * atlas's crosswalk (`auto`, the default): counts summed, rates recomputed from their numerator and denominator,
   * an area left without a value (and saying why) when an old unit was split or has no figure. `off`: old codes are
   * reported as not on the map.
   */
  @property() crosswalk: 'auto' | 'off' = 'auto';

  /** What the crosswalk carried (each new area with the old ones it came from), what it could not and why; undefined when nothing was old. */
  get carried(): CarryResult | undefined {
    return this.carry?.result;
  }

  private carry?: CarriedFeed;
  private crosswalkData?: Crosswalk;
  private crosswalkFailed = false;
  private crosswalkMissing = false;
  private crosswalkLoading?: Promise<void>;

  /** The classing and colours drawn: `{ breaks, colors, noData }` (breaks as `d3.scaleThreshold`'s domain). */
  get legend(): Legend {
    const l = this.view.legend;
    return { breaks: [...l.breaks], colors: [...l.colors], noData: l.noData };
  }

  /** Areas per class in the shown period (over the map's areas), and how many have no data. */
  get classCounts(): { counts: number[]; noData: number } {
    if (!this.ctx) return { counts: [], noData: 0 };
    return this.ctx.engine.classCounts(this.view, this.ctx.boundaries ? this.ctx.boundaries.areas.keys() : undefined);
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
    return this.ctx ? this.ctx.engine.colorOf(this.view, area) : this.view.legend.noData;
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
    return this.ctx?.engine.classOf(this.view, area);
  }

  /** Dims every area outside class `index` (null: none highlighted). Used by `<chiso-legend>`. */
  highlightClass(index: number | null): void {
    this.highlighted = index;
    this.applyOpacity();
    this.requestUpdate();
  }

  /** The highlighted class, or null. */
  get highlightedClass(): number | null {
    return this.highlighted;
  }

  protected readonly feed = new FeedController(this);
  private readonly parser = new DataParser(this);
  private model?: FeedModel;
  private lastGoodModel?: FeedModel;
  private error?: FeedError;
  private warning?: string;
  private view: ChoroplethView = EMPTY_VIEW;
  private ctx?: MapContext;
  private layerId = `chiso-choropleth-${++layerCount}`;
  private drawnOnce = false;
  private highlighted: number | null = null;
  private playing?: ReturnType<typeof setInterval>;
  private off: Array<() => void> = [];
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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unbindFrom();
    this.stop();
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
    this.requestUpdate();
    return this.whenFirstDrawn();
  }

  /** @internal Called by `<chiso-map>`. */
  mapDetached(): void {
    for (const off of this.off) off();
    this.off = [];
    this.ctx = undefined;
    this.drawnOnce = false;
  }

  private whenFirstDrawn(): Promise<void> {
    const first = this.firstDrawing();
    // Nothing to wait for: no feed at all, or it has failed already (the map must still become ready).
    // A layer fed `from` another element draws when that one is ready, and does not hold the map back.
    if ((!this.src && this.data == null) || this.error) this.settleFirst();
    return first;
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
    if (model !== this.viewModel || relevant.some((k) => changed.has(k)) || this.viewCtx !== this.ctx) {
      this.rebuild(this.lastGoodModel);
    }
  }

  private viewModel?: FeedModel;
  private viewCtx?: MapContext;

  private rebuild(model: FeedModel | undefined): void {
    this.viewModel = model;
    this.viewCtx = this.ctx;
    const spec = parseClasses(this.classes);
    const warnings: string[] = [];
    if (!spec) warnings.push(mapMsg(this.lang, 'badClasses', { value: this.classes ?? '' }));
    const before = this.view;
    if (!this.ctx) {
      this.view = EMPTY_VIEW;
      return;
    }
    // Old units on the new map: carried through the crosswalk (loaded the first time a feed needs it).
    const known = this.ctx.boundaries?.areas;
    this.carry = undefined;
    if (model && known && this.crosswalk !== 'off' && !this.crosswalkFailed && mayNeedCrosswalk(model, known)) {
      if (!this.crosswalkData) {
        this.loadCrosswalk();
        return;
      }
      this.carry = carryOldUnits(model, known, this.crosswalkData);
    }
    const shown = this.carry?.model ?? model;
    // The crosswalk was needed and could not be loaded: the old codes are off the map, and the reason is said.
    this.crosswalkMissing = !!(model && known && this.crosswalk !== 'off' && this.crosswalkFailed && mayNeedCrosswalk(model, known));
    if (this.crosswalkMissing) warnings.push(mapMsg(this.lang, 'crosswalkFailed'));
    if (this.carry) {
      const { carried, notCarried, unmatched } = this.carry.result;
      warnings.push(mapMsg(this.lang, 'carried', { n: formatNumber(new Set(carried.map((c) => c.code)).size, this.lang) }));
      if (notCarried.length) warnings.push(mapMsg(this.lang, 'notCarried', { n: formatNumber(new Set(notCarried.map((c) => c.code)).size, this.lang) }));
      if (unmatched.length) warnings.push(mapMsg(this.lang, 'oldUnknown', { n: formatNumber(unmatched.length, this.lang), codes: unmatched.slice(0, 5).join(', ') }));
    }
    this.view = this.ctx.engine.buildChoropleth(shown, {
      indicator: this.indicator,
      period: this.period,
      // Unset: the indicator's thresholds when it has them (as its gauge), else quantiles.
      classes: this.classes?.trim() ? spec : undefined,
      bands: { good: this.cssToken('--_good'), fair: this.cssToken('--_fair'), bad: this.cssToken('--_bad') },
      palette: this.palette,
      reverse: this.reverse,
      noData: this.noDataColor,
      known: this.ctx?.boundaries?.areas,
      breaksOver: this.breaksOver,
    });
    if (!model) return;
    const v = this.view;
    if (v.period !== this.period) this.period = v.period; // reflects the period shown
    if (this.ctx?.boundaries) {
      if (v.otherLevels.length) {
        warnings.push(mapMsg(this.lang, 'mixedLevels', { levels: [v.level, ...v.otherLevels].join(', '), level: v.level ?? '' }));
      }
      if (v.unknownCodes.length) {
        const shown = v.unknownCodes.slice(0, 5).join(', ') + (v.unknownCodes.length > 5 ? '…' : '');
        warnings.push(mapMsg(this.lang, 'unknownCodes', { n: v.unknownCodes.length, codes: shown }));
      }
      if (!v.values.size && model.observations.length) warnings.push(mapMsg(this.lang, 'noMatch'));
    }
    const warning = warnings.join(' ') || undefined;
    // Carrying old units is news, not an error: a chiso-error only when something could not be shown.
    const trouble = warnings.length - (this.carry ? 1 : 0) > 0;
    if (warning && warning !== this.warning && this.ctx && trouble) {
      this.emitError(new FeedError('schema', { text: { vi: this.warningFor('vi', spec, v, model), en: this.warningFor('en', spec, v, model) } }));
    }
    this.warning = warning;
    if (before.period !== v.period || before.legend !== v.legend) this.scheduleDraw();
  }

  private loadCrosswalk(): void {
    const host = this.mapElement as (ChisoMap & { atlasBase?: string }) | undefined;
    const base = host?.atlasBase ?? (host?.constructor as { atlasBase?: string } | undefined)?.atlasBase;
    this.crosswalkLoading ??= loadCrosswalk(base).then(
      (c) => { this.crosswalkData = c; },
      () => { this.crosswalkFailed = true; }, // old codes are then reported as not on the map
    ).then(() => {
      this.crosswalkLoading = undefined;
      this.rebuild(this.lastGoodModel);
      this.requestUpdate();
    });
  }

  private warningFor(lang: string, spec: unknown, v: ChoroplethView, model: FeedModel): string {
    const out: string[] = [];
    if (!spec) out.push(mapMsg(lang, 'badClasses', { value: this.classes ?? '' }));
    if (this.crosswalkMissing) out.push(mapMsg(lang, 'crosswalkFailed'));
    if (this.carry) {
      const { carried, notCarried, unmatched } = this.carry.result;
      out.push(mapMsg(lang, 'carried', { n: formatNumber(new Set(carried.map((c) => c.code)).size, lang) }));
      if (notCarried.length) out.push(mapMsg(lang, 'notCarried', { n: formatNumber(new Set(notCarried.map((c) => c.code)).size, lang) }));
      if (unmatched.length) out.push(mapMsg(lang, 'oldUnknown', { n: formatNumber(unmatched.length, lang), codes: unmatched.slice(0, 5).join(', ') }));
    }
    if (v.otherLevels.length) out.push(mapMsg(lang, 'mixedLevels', { levels: [v.level, ...v.otherLevels].join(', '), level: v.level ?? '' }));
    if (v.unknownCodes.length) {
      out.push(mapMsg(lang, 'unknownCodes', { n: v.unknownCodes.length, codes: v.unknownCodes.slice(0, 5).join(', ') + (v.unknownCodes.length > 5 ? '…' : '') }));
    }
    if (!v.values.size && model.observations.length) out.push(mapMsg(lang, 'noMatch'));
    return out.join(' ');
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

  private drawnView?: ChoroplethView;

  /** Puts the current view on the map (once per view), then reports. */
  private scheduleDraw(): void {
    const ctx = this.ctx;
    if (!ctx || !this.viewModel || this.drawnView === this.view) return;
    const view = this.view;
    this.drawnView = view;
    const { map } = ctx;
    // Colours are feature states, not a `match` expression over every code: MapLibre then needs no
    // re-tiling or expression parsing when the period changes, and the first draw is about a second faster
    // on a national layer (bench/map.mjs).
    const fill = ['coalesce', ['feature-state', this.colorKey], view.legend.noData];
    const opacity = ['case', ['boolean', ['feature-state', this.dimKey], false], 0.15 * this.opacity, this.opacity];
    try {
      if (!map.getLayer(this.layerId)) {
        map.addLayer(
          {
            id: this.layerId,
            type: 'fill',
            source: ctx.sourceId,
            ...(ctx.sourceLayer ? { 'source-layer': ctx.sourceLayer } : {}),
            paint: { 'fill-color': fill as never, 'fill-opacity': opacity as never, 'fill-antialias': false },
          },
          this.fillBeforeId(ctx),
        );
        ctx.host.coverLand(this, true);
        this.drawnPaint = JSON.stringify([fill, opacity]);
      } else if (JSON.stringify([fill, opacity]) !== this.drawnPaint) {
        map.setPaintProperty(this.layerId, 'fill-color', fill as never);
        map.setPaintProperty(this.layerId, 'fill-opacity', opacity as never);
        this.drawnPaint = JSON.stringify([fill, opacity]);
      }
      this.applyStates(ctx, view);
    } catch (e) {
      this.emitError(new FeedError('unsupported', { detail: (e as Error).message }));
      this.settleFirst();
      return;
    }
    this.mapElement?.setSummary(this, this.summaryText());
    const token = ++this.drawToken;
    void whenIdle(map, this.statesChanged).then(() => {
      if (token !== this.drawToken || this.ctx !== ctx) return;
      this.setState(this.error ? 'stale' : view.values.size || !this.viewModel?.observations.length ? 'ready' : 'empty');
      const detail = this.detail();
      if (!this.drawnOnce) {
        this.drawnOnce = true;
        this.settleFirst();
        this.emit<ChoroplethDetail>('ready', detail);
      } else this.emit<ChoroplethDetail>('change', detail);
    });
  }

  /** Below the point layers' overlays (coverage, sites) when they are drawn already, else below the outlines. */
  private fillBeforeId(ctx: MapContext): string {
    const styleLayers = ctx.map.getStyle().layers ?? [];
    const overlay = styleLayers.find((l) => ctx.host.overlayLayerIds.has(l.id));
    return overlay?.id ?? ctx.beforeId;
  }

  /** Whether a point layer's feature (a BTS site, a case) is under the pointer: its tooltip wins. */
  private overlayAt(ctx: MapContext, point: { x: number; y: number }): boolean {
    const ids = [...ctx.host.overlayLayerIds].filter((id) => ctx.map.getLayer(id) && ctx.map.getLayer(id)!.type !== 'raster');
    return ids.length > 0 && ctx.map.queryRenderedFeatures([point.x, point.y], { layers: ids }).length > 0;
  }

  private get colorKey(): string {
    return `${this.layerId}-color`;
  }

  private get dimKey(): string {
    return `${this.layerId}-dim`;
  }

  private drawnPaint?: string;
  /** The last applyStates changed something (MapLibre has a frame scheduled). */
  private statesChanged = false;
  /** The colour and dimming last given to each feature, so only changes reach MapLibre. */
  private readonly drawnStates = new Map<string, { color?: string; dim?: boolean }>();

  /** Every area's colour (and dimming, when the legend highlights a class) as feature state. */
  private applyStates(ctx: MapContext, view: ChoroplethView): void {
    const codes = ctx.boundaries ? ctx.boundaries.areas.keys() : new Set([...view.values.keys(), ...this.drawnStates.keys()]);
    const highlighted = this.highlighted;
    this.statesChanged = false;
    for (const code of codes) {
      const v = view.values.get(code)?.value;
      const hasValue = v != null && Number.isFinite(v);
      const color = hasValue ? view.legend.colors[classIndex(v, view.legend.breaks)] : undefined;
      const dim = highlighted != null && (!hasValue || classIndex(v, view.legend.breaks) !== highlighted);
      const before = this.drawnStates.get(code);
      if (before && before.color === color && before.dim === dim) continue;
      this.drawnStates.set(code, { color, dim });
      this.statesChanged = true;
      ctx.map.setFeatureState(
        { source: ctx.sourceId, id: ctx.featureId(code), ...(ctx.sourceLayer ? { sourceLayer: ctx.sourceLayer } : {}) },
        { [this.colorKey]: color ?? null, [this.dimKey]: dim },
      );
    }
  }

  private get mapElement(): ChisoMap | undefined {
    return this.ctx?.host as ChisoMap | undefined;
  }

  private detail(): ChoroplethDetail {
    const v = this.view;
    return {
      ...this.legend,
      period: v.period,
      indicator: v.indicator?.id,
      matched: [...v.values.values()].filter((x) => x.value != null).length,
      unknownCodes: [...v.unknownCodes],
    };
  }

  private applyOpacity(): void {
    const ctx = this.ctx;
    if (!ctx || !ctx.map.getLayer(this.layerId)) return;
    try {
      this.applyStates(ctx, this.view);
      ctx.map.triggerRepaint();
    } catch {
      /* map removed */
    }
  }

  private summaryText(): string {
    const v = this.view;
    const lang = this.lang;
    const indicatorName = localize(v.indicator?.name, lang) || v.indicator?.id || '';
    const rows = this.tableRows();
    if (!rows.some((r) => r.value != null)) return mapMsg(lang, 'summaryEmpty', { indicator: indicatorName });
    const s = summarize(rows);
    // A feed without periods (a snapshot, such as BTS coverage) says no period: drop the ", " before it.
    return mapMsg(lang, 'summary', {
      indicator: v.period ? indicatorName : `${indicatorName}\u0000`,
      period: v.period ? formatPeriod(v.period, lang) : '',
      highName: s.highest!.name,
      high: this.format(s.highest!.value),
      lowName: s.lowest!.name,
      low: this.format(s.lowest!.value),
      median: this.format(s.median!),
      noData: formatNumber(s.noData, lang),
      count: formatNumber(s.count, lang),
    }).replace(/\u0000, :/, ':');
  }

  private format(value: number | null): string {
    if (value == null) return mapMsg(this.lang, 'noData');
    const ind = this.view.indicator;
    return formatValue(value, ind?.unit, this.lang, ind?.decimals);
  }

  private nameOf(code: string): string {
    return this.ctx?.boundaries?.areas.get(code)?.name ?? this.view.values.get(code)?.name ?? code;
  }

  /** A colour token as this element resolves it (the theme and the page's `--chiso-color-*`), or undefined. */
  private cssToken(name: string): string | undefined {
    return getComputedStyle(this).getPropertyValue(name).trim() || undefined;
  }

  /** One row per map area (or per feed area on a vector source), best rank first, no data last. */
  private tableRows(): Array<{ code: string; name: string; value: number | null; cls?: number; rank?: number }> {
    const codes = this.ctx?.boundaries ? [...this.ctx.boundaries.areas.keys()] : [...this.view.values.keys()];
    const rows = codes.map((code) => {
      const value = this.view.values.get(code)?.value ?? null;
      return { code, name: this.nameOf(code), value, cls: this.classFor(code), rank: this.view.ranks.get(code) };
    });
    return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || collator.compare(a.name, b.name));
  }

  /** "Từ 10 đến dưới 20" for class `i`. */
  classLabel(i: number): string {
    const { breaks, bands } = this.view.legend;
    const f = (x: number) => this.format(x);
    if (!breaks.length) return '—';
    const range = i === 0 ? mapMsg(this.lang, 'below', { b: f(breaks[0]) })
      : i >= breaks.length ? mapMsg(this.lang, 'from', { a: f(breaks[breaks.length - 1]) })
        : mapMsg(this.lang, 'range', { a: f(breaks[i - 1]), b: f(breaks[i]) });
    // Threshold classes say what they mean, in the gauge's words.
    const band = bands?.[i];
    return band && band !== 'none' ? `${range} (${msg(this.lang, `band_${band}`).toLowerCase()})` : range;
  }

  private tooltipLines(code: string): string[] {
    const v = this.view;
    const value = v.values.get(code)?.value ?? null;
    const name = localize(v.indicator?.name, this.lang) || v.indicator?.id || mapMsg(this.lang, 'value');
    const lines = [this.nameOf(code), `${name}: ${this.format(value)}`];
    const rank = v.ranks.get(code);
    if (rank) lines.push(mapMsg(this.lang, 'rankOf', { rank: formatNumber(rank, this.lang), total: formatNumber(v.ranks.size, this.lang) }));
    if (v.period) lines.push(`${mapMsg(this.lang, 'period')}: ${formatPeriod(v.period, this.lang)}`);
    // Where a carried figure comes from, or why there is none.
    const result = this.carry?.result;
    const carried = result?.carried.find((c) => c.code === code && c.period === v.period && c.indicator === v.indicator?.id);
    const missed = result?.notCarried.find((c) => c.code === code && c.period === v.period && c.indicator === v.indicator?.id);
    if (carried && carried.from.length > 1) lines.push(mapMsg(this.lang, carried.how === 'ratio' ? 'fromOldRatio' : 'fromOldSum', { n: String(carried.from.length), codes: carried.from.join(', ') }));
    if (missed) lines.push(mapMsg(this.lang, `why_${missed.reason}`, { codes: missed.detail.slice(0, 4).join(', ') }));
    return lines;
  }

  /** Shows the tooltip and outline of an area (hover, focus or Enter). */
  focusArea(code: string | null, at?: [number, number]): void {
    const host = this.mapElement;
    if (!host) return;
    this.focusedCode = code;
    host.setHover(code);
    if (!code) {
      host.hideTooltip();
      return;
    }
    const anchor = at ?? this.ctx?.boundaries?.areas.get(code)?.anchor;
    if (anchor) host.showTooltip(anchor, this.tooltipLines(code));
  }

  private select(code: string): void {
    this.emit<SelectDetail>('select', { area: code, name: this.nameOf(code), value: this.valueFor(code) });
  }

  private bindInteractions(ctx: MapContext): void {
    const { map } = ctx;
    const codeOf = (e: MapLayerMouseEvent): string | undefined => {
      const f = e.features?.[0];
      if (!f) return undefined;
      const p = f.properties ?? {};
      return String(ctx.sourceLayer ? (p[this.mapHost?.joinKey ?? 'code'] ?? f.id) : (p.chiso_code ?? f.id));
    };
    const move = (e: MapLayerMouseEvent) => {
      if (this.overlayAt(ctx, e.point)) return;
      const code = codeOf(e);
      map.getCanvas().style.cursor = code ? 'pointer' : '';
      if (code) this.focusArea(code, [e.lngLat.lng, e.lngLat.lat]);
    };
    const leave = () => {
      map.getCanvas().style.cursor = '';
      this.focusArea(null);
    };
    const click = (e: MapLayerMouseEvent) => {
      if (this.overlayAt(ctx, e.point)) return;
      const code = codeOf(e);
      if (code) this.select(code);
    };
    map.on('mousemove', this.layerId, move);
    map.on('mouseleave', this.layerId, leave);
    map.on('click', this.layerId, click);
    // Keyboard: arrows pan (MapLibre), Enter picks the area at the centre of the view.
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !map.getLayer(this.layerId)) return;
      const c = map.getCanvas();
      const point: [number, number] = [c.clientWidth / 2, c.clientHeight / 2];
      const f = map.queryRenderedFeatures(point, { layers: [this.layerId] })[0];
      if (!f) return;
      const p = f.properties ?? {};
      const code = String(ctx.sourceLayer ? (p[this.mapHost?.joinKey ?? 'code'] ?? f.id) : (p.chiso_code ?? f.id));
      const centre = map.getCenter();
      this.focusArea(code, [centre.lng, centre.lat]);
      this.select(code);
    };
    const canvas = map.getCanvas();
    canvas.addEventListener('keydown', key);
    this.off.push(
      () => map.off('mousemove', this.layerId, move as (e: MapMouseEvent) => void),
      () => map.off('mouseleave', this.layerId, leave),
      () => map.off('click', this.layerId, click as (e: MapMouseEvent) => void),
      () => canvas.removeEventListener('keydown', key),
      () => {
        try {
          if (map.getLayer(this.layerId)) map.removeLayer(this.layerId);
          ctx.host.coverLand(this, false);
        } catch {
          /* map already removed */
        }
        this.drawnView = undefined;
        this.drawnPaint = undefined;
        this.drawnStates.clear();
      },
    );
  }

  // ---- time ----

  private step(delta: number): void {
    const periods = this.view.periods;
    if (!periods.length) return;
    const i = Math.max(0, periods.indexOf(this.view.period ?? ''));
    const next = Math.min(periods.length - 1, Math.max(0, i + delta));
    this.period = periods[next];
  }

  /** Starts playing the periods from the shown one (wraps to the first at the end). */
  play(): void {
    if (this.playing || this.view.periods.length < 2) return;
    const periods = this.view.periods;
    if (this.view.period === periods[periods.length - 1]) this.period = periods[0];
    this.playing = setInterval(() => {
      const ps = this.view.periods;
      const i = ps.indexOf(this.view.period ?? '');
      if (i >= ps.length - 1) this.stop();
      else this.period = ps[i + 1];
    }, Math.max(200, this.playInterval));
    this.requestUpdate();
  }

  /** Stops playing. */
  stop(): void {
    clearInterval(this.playing);
    this.playing = undefined;
    this.requestUpdate();
  }

  /** Whether the periods are playing. */
  get isPlaying(): boolean {
    return !!this.playing;
  }

  // ---- render ----

  override render() {
    const lang = this.lang;
    const v = this.view;
    const periods = v.periods;
    const index = Math.max(0, periods.indexOf(v.period ?? ''));
    const message = this.error ? this.error.localizedMessage(lang) : this.warning;
    return html`
      <div part="controls" class="controls">
        ${periods.length > 1
          ? html`<div part="timeline" class="timeline" role="group" aria-label=${mapMsg(lang, 'timeline')}>
              <button type="button" class="step" @click=${() => this.step(-1)} ?disabled=${index === 0}
                aria-label=${mapMsg(lang, 'previous')} title=${mapMsg(lang, 'previous')}>◀</button>
              <button type="button" part="play" class="play" @click=${() => (this.playing ? this.stop() : this.play())}
                aria-pressed=${this.playing ? 'true' : 'false'} aria-label=${mapMsg(lang, this.playing ? 'pause' : 'play')}
                title=${mapMsg(lang, this.playing ? 'pause' : 'play')}>${this.playing ? '❚❚' : '▶'}</button>
              <button type="button" class="step" @click=${() => this.step(1)} ?disabled=${index === periods.length - 1}
                aria-label=${mapMsg(lang, 'next')} title=${mapMsg(lang, 'next')}>▶▶</button>
              <input type="range" min="0" max=${periods.length - 1} step="1" .value=${String(index)}
                aria-label=${mapMsg(lang, 'timeline')} aria-valuetext=${v.period ? formatPeriod(v.period, lang) : ''}
                @input=${(e: Event) => {
                  this.stop();
                  this.period = periods[Number((e.target as HTMLInputElement).value)];
                }} />
              <output class="period">${v.period ? formatPeriod(v.period, lang) : ''}</output>
            </div>`
          : nothing}
        <button type="button" part="table-toggle" class="table-toggle" aria-expanded=${this.tableOpen ? 'true' : 'false'}
          aria-controls="table" @click=${() => (this.tableOpen = !this.tableOpen)}>
          ${mapMsg(lang, this.tableOpen ? 'hideTable' : 'showTable')}
        </button>
      </div>
      ${message ? html`<p part="error" role="alert">${message}</p>` : nothing}
      ${this.tableOpen ? this.renderTable() : nothing}
    `;
  }

  private renderTable() {
    const lang = this.lang;
    const v = this.view;
    const name = localize(v.indicator?.name, lang) || v.indicator?.id || '';
    const rows = this.tableRows();
    return html`<div class="table-wrap" id="table">
      <table part="table">
        <caption>${name}${v.period ? html`, ${formatPeriod(v.period, lang)}` : nothing}</caption>
        <thead>
          <tr>
            <th scope="col">${mapMsg(lang, 'rank')}</th>
            <th scope="col">${mapMsg(lang, 'area')}</th>
            <th scope="col">${mapMsg(lang, 'value')}</th>
            <th scope="col">${mapMsg(lang, 'class')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr tabindex="0" data-code=${r.code} class=${this.focusedCode === r.code ? 'current' : ''}
              @focus=${() => this.focusArea(r.code)} @blur=${() => this.focusArea(null)} @click=${() => this.select(r.code)}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  this.select(r.code);
                }
              }}>
              <td>${r.rank ?? '—'}</td>
              <th scope="row">${r.name}</th>
              <td class="num">${this.format(r.value)}</td>
              <td><span class="swatch" style="background:${this.colorFor(r.code)}"></span>${r.cls === undefined ? mapMsg(lang, 'noData') : this.classLabel(r.cls)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
