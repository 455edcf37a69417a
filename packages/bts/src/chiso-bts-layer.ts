import { html, nothing, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedError, formatNumber, requestJson, toFeedError, type LoadedJson } from '@chiso/core';
import { FeedController, tokens, loadFailure } from '@chiso/core/element';
import { ChisoLayerElement, addImageMaker, dataTableStyles, type MapContext } from '@chiso/map';
import type { GeoJSONSource, ImageSource, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import { btsMsg } from './bts-i18n.js';
import { btsLayerStyles } from './chiso-bts-layer.styles.js';
import {
  footprintRadius, normalizeOperator, parseRadii, readSites, readTechnologies, TECHNOLOGIES,
  type AreaCoverage, type CoverageOptions, type OperatorCoverage, type Environment, type Operator, type RejectedSite, type Site, type Technology,
} from './coverage.js';
import type { CoverageResult } from './coverage-client.js';
import { frameCorners } from './coverage-raster.js';
import { readPoints, readVillages, type Village } from './points.js';
import { drawSiteIcon, iconId, OPERATOR_COLORS, OPERATORS, operatorLabel, TECH_SHAPES } from './site-symbols.js';
import { CLUSTER_MAX_ZOOM, clusterCounts, clusterIconName, clusterSourceOptions, drawClusterBadge } from './site-clusters.js';

let layerCount = 0;
/** Layers on the page: the coverage worker ends when the last one goes. */
let liveLayers = 0;
const collator = new Intl.Collator('vi');

/** Coverage of one area, with its villages when a village feed is given. */
export interface BtsAreaStats extends AreaCoverage {
  villages?: { total: number; covered: number; uncovered: string[] };
}

/** The layer's `stats` and the detail of its `chiso-ready` and `chiso-change`. */
export interface BtsStats {
  /** Sites drawn and counted (after the `operator` and `tech` filters). */
  sites: number;
  coveredAreaKm2: number;
  /** Share of the land inside the map's boundaries that some footprint covers, 0–100. */
  coveragePct: number;
  areas: Record<string, BtsAreaStats>;
  villages?: { total: number; covered: number; uncovered: string[] };
  /** With `per-operator`: the coverage each operator gives alone. */
  byOperator?: Partial<Record<Operator, OperatorCoverage>>;
  /** Sites of the feed that were skipped, and why. */
  rejected: RejectedSite[];
}


/**
 * BTS base stations inside a `<chiso-map>`: sites as symbols (shape by technology, colour by operator),
 * their modelled coverage as one translucent fill (overlaps never darken), and the villages left without
 * signal ("vùng lõm sóng") marked and listed. Coverage per area is computed in a Web Worker by a strip sweep
 * that stays within 1 percentage point of an exact polygon union (see `@chiso/bts/coverage`).
 *
 * Default radii (metres): rural 2G 8,000, 3G 4,000, 4G 5,000, 5G 1,000; urban 2,000, 1,200, 1,000, 300.
 *
 * @summary BTS sites, modelled coverage and coverage gaps per commune.
 * @tag chiso-bts-layer
 *
 * @fires chiso-ready - When the sites, coverage and gaps are first drawn. Detail: the `stats`.
 * @fires chiso-change - When a filter, radius or feed change has been drawn. Detail: the `stats`.
 * @fires chiso-select - On a click on a site. Detail: `{ site }` with the site's id, operator, technologies and position.
 * @fires chiso-error - When a feed fails, or sites are skipped as invalid. Detail: `{ code, message }`.
 *
 * @csspart legend - The legend: coverage, gaps, operators and technologies.
 * @csspart table-toggle - The button showing the data tables.
 * @csspart table - The coverage-by-area table.
 * @csspart gaps - The table of villages without signal.
 * @csspart operators - With `per-operator`: the coverage of each operator alone.
 * @csspart error - An error or warning message.
 * @csspart status - The "computing" notice.
 *
 * @cssprop --chiso-bts-coverage - Colour of the coverage fill (drawn at `coverage-opacity`).
 * @cssprop --chiso-bts-gap - Colour of villages without signal.
 * @cssprop --chiso-bts-village - Colour of villages with signal.
 * @cssprop --chiso-bts-viettel - Colour of Viettel sites (also `--chiso-bts-vnpt`, `--chiso-bts-mobifone`, `--chiso-bts-vietnamobile`, `--chiso-bts-other`).
 */
export class ChisoBtsLayer extends ChisoLayerElement {
  static override styles = [tokens, btsLayerStyles, dataTableStyles];

  /** Sites feed URL: GeoJSON Points, or JSON records with `lon`/`lat`. */
  @property() src?: string;

  /** Sites as a value (GeoJSON FeatureCollection, an array of records, or `{ sites: [...] }`), instead of `src`. */
  @property({ attribute: false }) data?: unknown;

  /** Villages (thôn, bản) feed URL: GeoJSON Points or records with `lon`/`lat`, `id` and `name`. */
  @property() villages?: string;

  /** Villages as a value, instead of `villages`. */
  @property({ attribute: false }) villageData?: unknown;

  /** Only these operators (space- or comma-separated: `Viettel VNPT`); all when empty. */
  @property() operator?: string;

  /** Only these technologies (`4G`, `4G 5G`); all when empty. */
  @property() tech?: string;

  /** Radius per technology for this layer, metres: `4g:3000 5g:800`. A site's own `radius_m` wins. */
  @property() radius?: string;

  /** Default radii for `rural` (default) or `urban` areas. */
  @property() environment: Environment = 'rural';

  /** Opacity of the coverage fill, 0–1. */
  @property({ type: Number, attribute: 'coverage-opacity' }) coverageOpacity = 0.35;

  /** Also compute each operator's own coverage (`stats.byOperator`, a table row each); one more sweep per operator. */
  @property({ type: Boolean, attribute: 'per-operator' }) perOperator = false;

  /** Hide the coverage fill (the numbers are still computed). */
  @property({ type: Boolean, attribute: 'hide-coverage' }) hideCoverage = false;

  /** Hide the site symbols. */
  @property({ type: Boolean, attribute: 'hide-sites' }) hideSites = false;

  /**
   * `auto` (default): below zoom 11, sites that would touch on screen are drawn as one badge (a ring coloured by
   * operator around the number of sites; click it to zoom in), so a whole province's sites stay readable; each
   * site shows from zoom 11 on. `off`: every site is its own symbol at every zoom.
   */
  @property() cluster: 'auto' | 'off' = 'auto';

  /**
   * Longest side of the coverage picture, pixels: sharper when zoomed in, slower to draw and upload. Default
   * (0): 1.25 × the map's larger side in device pixels, between 512 and 2048 (`npm run bench` shows the cost).
   */
  @property({ type: Number, attribute: 'coverage-resolution' }) coverageResolution = 0;

  /** Seconds between refreshes of `src` and `villages`; 0: none. */
  @property({ type: Number }) refresh = 0;

  /** Milliseconds one request may take. */
  @property({ type: Number }) timeout = 15000;

  /** Whether the data tables are shown. */
  @property({ type: Boolean, reflect: true, attribute: 'table-open' }) tableOpen = false;

  /** Coverage of the sites shown: totals, per area, and villages. Undefined until first computed. */
  get stats(): BtsStats | undefined {
    return this.currentStats;
  }

  /** The sites read from the feed (valid ones only, before filters). */
  get sites(): Site[] {
    return [...this.allSites];
  }

  /**
   * Coverage per area as a chiso feed (indicator `bts-coverage`, %), for a `<chiso-choropleth-layer>`: its
   * `from` attribute does this. Undefined until the coverage is computed.
   */
  asFeed(): unknown {
    const s = this.currentStats;
    if (!s) return undefined;
    const name = { vi: btsMsg('vi', 'coverageIndicator'), en: btsMsg('en', 'coverageIndicator') };
    return {
      chiso: 1,
      indicators: [{ id: 'bts-coverage', name, unit: '%', decimals: 1 }],
      observations: Object.entries(s.areas).map(([area, a]) => ({ indicator: 'bts-coverage', area, name: this.nameOf(area), value: Math.round(a.coveragePct * 10) / 10 })),
    };
  }

  protected readonly sitesFeed = this.jsonSource(() => (this.data == null ? this.src : null), 'sites');
  protected readonly villagesFeed = this.jsonSource(() => (this.villageData == null ? this.villages : null), 'villages');

  /** A JSON source (sites or villages) kept loaded and refreshed like a feed. */
  private jsonSource(src: () => string | null | undefined, which: 'sites' | 'villages'): FeedController<LoadedJson> {
    return new FeedController<LoadedJson>(this, {
      src,
      load: requestJson,
      loading: () => this.noteLoading(),
      loaded: (r) => {
        if (which === 'sites') {
          this.sitesInput = r.json;
          this.sitesError = undefined;
        } else {
          this.villagesInput = r.json;
          this.villagesError = undefined;
        }
        this.requestUpdate();
      },
      failed: (e) => this.failed(which, e),
    });
  }

  private sitesInput?: unknown;
  private villagesInput?: unknown;
  private readSitesOf?: unknown;
  private readVillagesOf?: unknown;
  private allSites: Site[] = [];
  private rejected: RejectedSite[] = [];
  private villageList?: Village[];
  private villagesSkipped = 0;
  private sitesError?: FeedError;
  private villagesError?: FeedError;
  private warning?: { vi: string; en: string };
  private currentStats?: BtsStats;
  private result?: CoverageResult;
  private computing = false;
  private computeToken = 0;
  private computedKey?: string;
  private ctx?: MapContext;
  private readonly layerId = `chiso-bts-${++layerCount}`;
  private drawnOnce = false;
  private off: Array<() => void> = [];
  private focusedRow: string | null = null;

  private noteLoading(): void {
    if (!this.currentStats) this.setState('loading');
  }

  private failed(which: 'sites' | 'villages', error: FeedError): void {
    if (which === 'sites') this.sitesError = error;
    else this.villagesError = error;
    this.setState(this.currentStats ? 'stale' : 'error');
    this.emitError(error);
    this.settleFirst();
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Coverage is measured per commune: a map with no boundaries draws communes.
    this.dataLevelKnown('commune');
    liveLayers++;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (--liveLayers === 0) {
      // A layer moved within the page reconnects at once: wait a tick before ending the worker.
      setTimeout(() => {
        if (liveLayers === 0) void import('./coverage-client.js').then((m) => m.disposeCoverageWorker());
      }, 0);
    }
  }

  /** @internal Called by `<chiso-map>`. */
  mapAttached(ctx: MapContext): Promise<void> {
    this.ctx = ctx;
    this.drawnOnce = false;
    this.computedKey = undefined;
    for (const id of this.mapLayerIds) ctx.host.overlayLayerIds.add(id);
    this.bindInteractions(ctx);
    this.requestUpdate();
    const first = this.firstDrawing();
    if ((!this.src && this.data == null) || this.sitesError) this.settleFirst();
    return first;
  }

  /** @internal Called by `<chiso-map>`. */
  mapDetached(): void {
    for (const off of this.off) off();
    this.off = [];
    if (this.ctx) for (const id of this.mapLayerIds) this.ctx.host.overlayLayerIds.delete(id);
    this.ctx = undefined;
    this.computeToken++;
    this.computing = false;
    this.drawnOnce = false;
    this.result?.image?.close();
    this.result = undefined;
  }

  /** Bottom to top: coverage, villages with signal, sites, site clusters, villages without signal (always on top). */
  private get mapLayerIds(): string[] {
    return [`${this.layerId}-coverage`, `${this.layerId}-villages`, `${this.layerId}-sites`, `${this.layerId}-clusters`, `${this.layerId}-gaps`];
  }

  // ---- reading ----

  protected override willUpdate(changed: PropertyValues<this>): void {
    const sitesInput = this.data ?? this.sitesInput;
    if (sitesInput !== this.readSitesOf) {
      this.readSitesOf = sitesInput;
      if (sitesInput != null) this.readSiteInput(sitesInput);
    }
    const villagesInput = this.villageData ?? this.villagesInput;
    if (villagesInput !== this.readVillagesOf) {
      this.readVillagesOf = villagesInput;
      if (villagesInput == null) {
        this.villageList = undefined;
        this.villagesSkipped = 0;
      } else {
        try {
          const v = readVillages(villagesInput);
          this.villageList = v.villages;
          this.villagesSkipped = v.skipped;
        } catch (e) {
          // The last good villages stay counted and drawn.
          this.failed('villages', new FeedError('schema', { detail: (e as Error).message }));
        }
      }
    }
    if (changed.has('tech')) {
      const text = this.filterWarning();
      if (text) this.emitError(new FeedError('schema', { text }));
    }
  }

  private readSiteInput(input: unknown): void {
    let points;
    try {
      points = readPoints(input);
    } catch (e) {
      this.failed('sites', new FeedError('schema', { detail: (e as Error).message }));
      return;
    }
    const { sites, rejected } = readSites(points);
    this.sitesError = undefined;
    this.allSites = sites;
    this.rejected = rejected;
    this.warning = undefined;
    if (rejected.length) {
      const text = { vi: this.rejectedText('vi'), en: this.rejectedText('en') };
      this.warning = text;
      this.emitError(new FeedError('schema', { text }));
    }
  }

  private rejectedText(lang: string): string {
    const counts = new Map<string, number>();
    for (const r of this.rejected) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
    const reasons = [...counts].map(([reason, n]) => btsMsg(lang, reason as 'no-coordinates', { n: formatNumber(n, lang) })).join(', ');
    return btsMsg(lang, 'rejected', { n: formatNumber(this.rejected.length, lang), reasons });
  }

  private filterWarning(): { vi: string; en: string } | undefined {
    if (this.tech && !readTechnologies(this.tech)) {
      return { vi: `Công nghệ "${this.tech}" không rõ; hiển thị mọi công nghệ.`, en: `Unknown technology "${this.tech}"; showing every technology.` };
    }
    return undefined;
  }

  /** The coverage options the attributes describe. */
  get options(): CoverageOptions {
    const ops = (this.operator ?? '').split(/[\s,;]+/).filter((s) => s && !/^(all|tất cả)$/i.test(s)).map(normalizeOperator);
    const tech = this.tech ? readTechnologies(this.tech) : undefined;
    return {
      operators: ops.length ? [...new Set(ops)] : undefined,
      tech,
      environment: this.environment === 'urban' ? 'urban' : 'rural',
      radii: parseRadii(this.radius),
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.scheduleCompute();
    if (changed.has('coverageOpacity') || changed.has('hideCoverage') || changed.has('hideSites') || changed.has('theme')) this.applyPaint();
    if (changed.has('lang') && this.ctx && this.currentStats) this.ctx.host.setSummary(this, this.summaryText());
    if (changed.has('cluster') && changed.get('cluster') !== undefined && this.ctx && this.result) this.draw(this.ctx, this.options);
  }

  // ---- computing and drawing ----

  private scheduleCompute(): void {
    const ctx = this.ctx;
    const sitesReady = this.readSitesOf != null && !(this.sitesError && !this.allSites.length);
    const villagesWanted = this.villageData != null || !!this.villages;
    const villagesReady = !villagesWanted || this.villageList != null || !!this.villagesError;
    if (!ctx || !sitesReady || !villagesReady) return;
    const options = this.options;
    const key = JSON.stringify([options, this.coverageResolution, this.theme, this.perOperator]);
    const inputs = [this.allSites, this.villageList, ctx];
    if (key === this.computedKey && inputs.every((x, i) => x === this.computedInputs[i])) return;
    this.computedKey = key;
    this.computedInputs = inputs;
    void this.compute(ctx, options);
  }

  private computedInputs: unknown[] = [];

  private async compute(ctx: MapContext, options: CoverageOptions): Promise<void> {
    const token = ++this.computeToken;
    await null; // out of the update that asked for it: the state change below is a new update
    if (token !== this.computeToken) return;
    this.computing = true;
    if (!this.currentStats) this.setState('loading');
    this.requestUpdate();
    const areas = ctx.boundaries
      ? ctx.boundaries.collection.features.map((f) => ({ code: String(f.id), geometry: f.geometry }))
      : [];
    let result: CoverageResult;
    let client: typeof import('./coverage-client.js');
    try {
      client = await import('./coverage-client.js');
    } catch (e) {
      const error = await loadFailure(e);
      if (token !== this.computeToken) return;
      this.computing = false;
      this.failed('sites', error);
      return;
    }
    try {
      const { computeCoverage } = client;
      result = await computeCoverage({
        sites: this.allSites,
        villages: this.villageList,
        areas,
        options,
        raster: { maxPx: this.pictureSize(ctx), color: this.cssColor('--_coverage', '#7b3294') },
        perOperator: this.perOperator,
      });
    } catch (e) {
      if (token !== this.computeToken) return;
      this.computing = false;
      const error = new FeedError('unsupported', { text: { vi: btsMsg('vi', 'computeFailed'), en: btsMsg('en', 'computeFailed') }, cause: e });
      this.failed('sites', toFeedError(error));
      return;
    }
    if (token !== this.computeToken || this.ctx !== ctx) {
      result.image?.close();
      return;
    }
    this.result?.image?.close();
    this.result = result;
    this.computing = false;
    this.currentStats = this.statsOf(result);
    this.draw(ctx, options);
  }

  private pictureSize(ctx: MapContext): number {
    if (this.coverageResolution > 0) return Math.min(8192, Math.round(this.coverageResolution));
    const canvas = ctx.map.getCanvas();
    return Math.max(512, Math.min(2048, Math.round(1.25 * Math.max(canvas.width, canvas.height))));
  }

  private statsOf(result: CoverageResult): BtsStats {
    const { stats, villages } = result;
    const areas: Record<string, BtsAreaStats> = {};
    for (const [code, a] of Object.entries(stats.areas)) {
      const v = villages?.byArea?.[code];
      areas[code] = v ? { ...a, villages: v } : { ...a };
    }
    const out: BtsStats = { sites: stats.sites, coveredAreaKm2: stats.coveredAreaKm2, coveragePct: stats.coveragePct, areas, rejected: [...this.rejected] };
    if (villages) out.villages = { total: villages.total, covered: villages.covered, uncovered: [...villages.uncovered] };
    if (stats.byOperator) out.byOperator = stats.byOperator;
    return out;
  }

  private cssColor(name: string, fallback: string): string {
    return getComputedStyle(this).getPropertyValue(name).trim() || fallback;
  }

  private operatorColor(op: Operator): string {
    return this.cssColor(`--chiso-bts-${op.toLowerCase()}`, OPERATOR_COLORS[op]);
  }

  /** The highest technology of a site among those shown: it picks the symbol. */
  private symbolTech(site: Site, options: CoverageOptions): Technology {
    const techs = site.tech.filter((t) => !options.tech || options.tech.includes(t));
    return techs[techs.length - 1] ?? site.tech[site.tech.length - 1];
  }

  private shownSites: Array<{ site: Site; radius: number }> = [];

  private draw(ctx: MapContext, options: CoverageOptions): void {
    const { map } = ctx;
    const result = this.result!;
    const [coverageId, villagesId, sitesId, clustersId, gapsId] = this.mapLayerIds;
    this.shownSites = [];
    for (const site of this.allSites) {
      const radius = footprintRadius(site, options);
      if (radius > 0) this.shownSites.push({ site, radius });
    }
    try {
      // Icons: one per operator × technology, regenerated with the theme's colours.
      for (const op of OPERATORS) {
        const color = this.operatorColor(op);
        for (const t of TECHNOLOGIES) {
          const id = iconId(this.layerId, op, t);
          const image = drawSiteIcon(t, color);
          if (map.hasImage(id)) map.updateImage(id, image);
          else map.addImage(id, image, { pixelRatio: 2 });
        }
      }
      // Coverage: one picture from the worker, laid over the boundaries.
      if (result.image && result.frame) {
        const coordinates = frameCorners(result.frame);
        const source = map.getSource(coverageId) as ImageSource | undefined;
        if (source) source.updateImage({ image: result.image, coordinates });
        else {
          map.addSource(coverageId, { type: 'image', coordinates } as never);
          (map.getSource(coverageId) as ImageSource).updateImage({ image: result.image, coordinates });
        }
        if (!map.getLayer(coverageId)) {
          map.addLayer({
            id: coverageId, type: 'raster', source: coverageId,
            paint: { 'raster-opacity': this.coverageOpacity, 'raster-fade-duration': 0, 'raster-resampling': 'linear' },
          }, ctx.beforeId);
        }
      }
      const gaps = (this.gapSet = new Set(result.villages?.uncovered ?? []));
      const villageFeatures = (this.villageList ?? []).map((v, i) => ({
        type: 'Feature' as const, id: i,
        properties: { i, gap: gaps.has(v.id) },
        geometry: { type: 'Point' as const, coordinates: [v.lon, v.lat] },
      }));
      this.setGeoJson(villagesId, villageFeatures);
      if (!map.getLayer(villagesId)) {
        // Villages with signal under the sites; those without in a layer of their own above everything.
        map.addLayer({
          id: villagesId, type: 'circle', source: villagesId, filter: ['!', ['get', 'gap']],
          paint: { 'circle-radius': 2.5, 'circle-color': this.villageColor() as never, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.5 },
        });
        map.addLayer({
          id: gapsId, type: 'circle', source: villagesId, filter: ['get', 'gap'],
          paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 4, 11, 6], 'circle-color': this.villageColor() as never, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
        });
      }
      const siteFeatures = this.shownSites.map(({ site }, i) => ({
        type: 'Feature' as const, id: i,
        properties: { i, operator: site.operator, icon: iconId(this.layerId, site.operator, this.symbolTech(site, options)) },
        geometry: { type: 'Point' as const, coordinates: [site.lon, site.lat] },
      }));
      const clustered = this.cluster !== 'off';
      if (this.drawnClustered !== undefined && this.drawnClustered !== clustered) {
        // A source's clustering is fixed when it is made: a change makes it again.
        for (const id of [clustersId, sitesId]) if (map.getLayer(id)) map.removeLayer(id);
        if (map.getSource(sitesId)) map.removeSource(sitesId);
      }
      this.drawnClustered = clustered;
      this.setGeoJson(sitesId, siteFeatures, clustered ? clusterSourceOptions() : {});
      const below = map.getLayer(gapsId) ? gapsId : undefined;
      if (!map.getLayer(sitesId)) {
        map.addLayer({
          id: sitesId, type: 'symbol', source: sitesId, filter: ['!', ['has', 'point_count']],
          layout: { 'icon-image': ['get', 'icon'], 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-size': ['interpolate', ['linear'], ['zoom'], 7, 0.35, 9, 0.5, 11, 0.8, 13, 1] },
        }, below);
      }
      if (clustered && !map.getLayer(clustersId)) {
        // The badge is a picture named by its counts per operator, drawn when MapLibre first asks for it.
        map.addLayer({
          id: clustersId, type: 'symbol', source: sitesId, filter: ['has', 'point_count'],
          layout: { 'icon-image': clusterIconName(this.clusterPrefix) as never, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
        }, below);
      }
      // Badges drawn before a theme change take the new operator colours.
      for (const id of this.clusterImages) if (map.hasImage(id)) map.updateImage(id, this.clusterImage(id));
      this.applyPaint();
    } catch (e) {
      this.emitError(new FeedError('unsupported', { detail: (e as Error).message }));
      this.settleFirst();
      return;
    }
    ctx.host.setSummary(this, this.summaryText());
    this.requestUpdate();
    const stats = this.currentStats!;
    const token = this.computeToken;
    const settle = () => {
      if (token !== this.computeToken || this.ctx !== ctx) return;
      this.setState(this.sitesError || this.villagesError ? 'stale' : this.shownSites.length ? 'ready' : 'empty');
      if (!this.drawnOnce) {
        this.drawnOnce = true;
        this.settleFirst();
        this.emit<BtsStats>('ready', stats);
      } else this.emit<BtsStats>('change', stats);
    };
    // Reported once MapLibre has drawn the new sources (its `idle` follows the repaint asked for here).
    map.once('idle', settle);
    map.triggerRepaint();
  }

  private gapSet?: Set<string>;
  private drawnClustered?: boolean;
  private clusterImages = new Set<string>();

  private get clusterPrefix(): string {
    return `${this.layerId}-cluster-`;
  }

  /** A cluster's badge in the layer's current operator colours (see site-clusters.ts). */
  private clusterImage(id: string): ImageData {
    this.clusterImages.add(id);
    return drawClusterBadge(clusterCounts(id, this.clusterPrefix), (op) => this.operatorColor(op), this.lang);
  }

  private setGeoJson(id: string, features: unknown[], options: Record<string, unknown> = {}): void {
    const map = this.ctx!.map;
    const data = { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection;
    const source = map.getSource(id) as GeoJSONSource | undefined;
    if (source) source.setData(data);
    else map.addSource(id, { type: 'geojson', data, buffer: 16, ...options } as never);
  }

  /** Gap villages in `--chiso-bts-gap`, the others in `--chiso-bts-village` (read again on a theme change). */
  private villageColor(): unknown[] {
    return ['case', ['get', 'gap'], this.cssColor('--_gap', '#c51b7d'), this.cssColor('--_village', '#1a1a1a')];
  }

  private applyPaint(): void {
    const map = this.ctx?.map;
    if (!map) return;
    const [coverageId, villagesId, sitesId, clustersId, gapsId] = this.mapLayerIds;
    try {
      for (const id of [villagesId, gapsId]) if (map.getLayer(id)) map.setPaintProperty(id, 'circle-color', this.villageColor() as never);
      for (const id of this.clusterImages) if (map.hasImage(id)) map.updateImage(id, this.clusterImage(id));
      if (map.getLayer(clustersId)) map.setLayoutProperty(clustersId, 'visibility', this.hideSites ? 'none' : 'visible');
      if (map.getLayer(coverageId)) {
        map.setPaintProperty(coverageId, 'raster-opacity', Math.max(0, Math.min(1, Number(this.coverageOpacity) || 0)));
        map.setLayoutProperty(coverageId, 'visibility', this.hideCoverage ? 'none' : 'visible');
      }
      if (map.getLayer(sitesId)) map.setLayoutProperty(sitesId, 'visibility', this.hideSites ? 'none' : 'visible');
    } catch {
      /* map removed */
    }
    this.style.setProperty('--_coverage-opacity', String(this.coverageOpacity));
  }

  // ---- text ----

  private nameOf(code: string): string {
    return this.ctx?.boundaries?.areas.get(code)?.name ?? code;
  }

  private pct(value: number): string {
    return `${formatNumber(value, this.lang, 1)} %`;
  }

  private summaryText(): string {
    const s = this.currentStats;
    const lang = this.lang;
    if (!s) return '';
    const land = Object.values(s.areas).reduce((t, a) => t + a.areaKm2, 0);
    let text = btsMsg(lang, 'summary', {
      sites: formatNumber(s.sites, lang), pct: this.pct(s.coveragePct),
      covered: formatNumber(Math.round(s.coveredAreaKm2), lang), land: formatNumber(Math.round(land), lang),
    });
    if (s.villages) {
      text += btsMsg(lang, 'summaryVillages', {
        covered: formatNumber(s.villages.covered, lang), total: formatNumber(s.villages.total, lang), uncovered: formatNumber(s.villages.uncovered.length, lang),
      });
    }
    return text;
  }

  private siteLines(site: Site, radius: number): string[] {
    const lang = this.lang;
    const lines = [
      `${btsMsg(lang, 'site')} ${site.id}`,
      `${btsMsg(lang, 'operator')}: ${operatorLabel(site.operator, btsMsg(lang, 'other'))}`,
      `${btsMsg(lang, 'tech')}: ${site.tech.join(', ')}`,
      `${btsMsg(lang, 'radius')}: ${formatNumber(radius / 1000, lang, radius % 1000 ? 1 : 0)} km`,
    ];
    if (site.azimuth !== undefined && site.beamwidth !== undefined) lines.push(btsMsg(lang, 'sector', { azimuth: formatNumber(site.azimuth, lang), beamwidth: formatNumber(site.beamwidth, lang) }));
    if (site.since) lines.push(`${btsMsg(lang, 'since')}: ${site.since}`);
    return lines;
  }

  private villageLines(v: Village): string[] {
    const gap = this.gapSet?.has(v.id);
    const code = this.villageArea(v);
    return [v.name, ...(code ? [this.nameOf(code)] : []), btsMsg(this.lang, gap ? 'gapTooltip' : 'coveredTooltip')];
  }

  private villageArea(v: Village): string | undefined {
    const i = this.villageList?.indexOf(v) ?? -1;
    return (i >= 0 && this.result?.villages?.areaOf?.[i]) || undefined;
  }

  // ---- interaction ----

  private bindInteractions(ctx: MapContext): void {
    const { map } = ctx;
    const [, villagesId, sitesId, clustersId, gapsId] = this.mapLayerIds;
    const clusterMove = (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      const p = f?.properties;
      if (!p?.point_count) return;
      map.getCanvas().style.cursor = 'pointer';
      const lang = this.lang;
      const lines = [btsMsg(lang, 'clusterTitle', { n: formatNumber(Number(p.point_count), lang) })];
      OPERATORS.forEach((op, k) => {
        const n = Number(p[`o${k}`]);
        if (n) lines.push(`${operatorLabel(op, btsMsg(lang, 'other'))}: ${btsMsg(lang, 'sitesShown', { n: formatNumber(n, lang) })}`);
      });
      lines.push(btsMsg(lang, 'clusterHint'));
      ctx.host.showTooltip((f!.geometry as GeoJSON.Point).coordinates as [number, number], lines);
    };
    const clusterClick = async (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (!f?.properties?.cluster) return;
      const source = map.getSource(sitesId) as GeoJSONSource | undefined;
      const zoom = await source?.getClusterExpansionZoom(f.properties.cluster_id as number).catch(() => undefined);
      if (zoom != null) map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom: Math.min(zoom, CLUSTER_MAX_ZOOM + 1) });
    };
    const missing = (id: string) => {
      if (!id.startsWith(this.clusterPrefix) || map.hasImage(id)) return;
      map.addImage(id, this.clusterImage(id), { pixelRatio: 2 });
    };
    const siteMove = (e: MapLayerMouseEvent) => {
      const i = e.features?.[0]?.properties?.i;
      const shown = typeof i === 'number' ? this.shownSites[i] : undefined;
      if (!shown) return;
      map.getCanvas().style.cursor = 'pointer';
      ctx.host.showTooltip([shown.site.lon, shown.site.lat], this.siteLines(shown.site, shown.radius));
    };
    const villageMove = (e: MapLayerMouseEvent) => {
      const over = [sitesId, clustersId].filter((id) => map.getLayer(id));
      if (e.features?.[0]?.layer.id === villagesId && map.queryRenderedFeatures([e.point.x, e.point.y], { layers: over }).length) return; // the site's tooltip wins
      const i = e.features?.[0]?.properties?.i;
      const v = typeof i === 'number' ? this.villageList?.[i] : undefined;
      if (!v) return;
      ctx.host.showTooltip([v.lon, v.lat], this.villageLines(v));
    };
    const leave = () => {
      map.getCanvas().style.cursor = '';
      ctx.host.hideTooltip();
    };
    const click = (e: MapLayerMouseEvent) => {
      const i = e.features?.[0]?.properties?.i;
      const shown = typeof i === 'number' ? this.shownSites[i] : undefined;
      if (shown) this.emit('select', { site: { ...shown.site, radius_m: shown.radius } });
    };
    map.on('mousemove', sitesId, siteMove);
    map.on('mouseleave', sitesId, leave);
    map.on('click', sitesId, click);
    map.on('mousemove', villagesId, villageMove);
    map.on('mouseleave', villagesId, leave);
    map.on('mousemove', gapsId, villageMove);
    map.on('mouseleave', gapsId, leave);
    map.on('mousemove', clustersId, clusterMove);
    map.on('mouseleave', clustersId, leave);
    map.on('click', clustersId, clusterClick);
    const removeMaker = addImageMaker(map, missing);
    this.off.push(
      removeMaker,
      () => map.off('mousemove', gapsId, villageMove as (e: MapMouseEvent) => void),
      () => map.off('mouseleave', gapsId, leave),
      () => map.off('mousemove', clustersId, clusterMove as (e: MapMouseEvent) => void),
      () => map.off('mouseleave', clustersId, leave),
      () => map.off('click', clustersId, clusterClick as unknown as (e: MapMouseEvent) => void),
      () => map.off('mousemove', sitesId, siteMove as (e: MapMouseEvent) => void),
      () => map.off('mouseleave', sitesId, leave),
      () => map.off('click', sitesId, click as (e: MapMouseEvent) => void),
      () => map.off('mousemove', villagesId, villageMove as (e: MapMouseEvent) => void),
      () => map.off('mouseleave', villagesId, leave),
      () => {
        try {
          for (const id of [...this.mapLayerIds].reverse()) {
            if (map.getLayer(id)) map.removeLayer(id);
            if (map.getSource(id)) map.removeSource(id);
          }
          for (const op of OPERATORS) for (const t of TECHNOLOGIES) if (map.hasImage(iconId(this.layerId, op, t))) map.removeImage(iconId(this.layerId, op, t));
          for (const id of this.clusterImages) if (map.hasImage(id)) map.removeImage(id);
        } catch {
          /* map already removed */
        }
        this.clusterImages.clear();
        this.drawnClustered = undefined;
        ctx.host.setSummary(this, null);
      },
    );
  }

  private focusAreaRow(code: string | null): void {
    const host = this.ctx?.host;
    if (!host) return;
    this.focusedRow = code;
    host.setHover(code);
    const a = code ? this.currentStats?.areas[code] : undefined;
    const anchor = code ? this.ctx?.boundaries?.areas.get(code)?.anchor : undefined;
    if (!code || !a || !anchor) return void host.hideTooltip();
    const lang = this.lang;
    host.showTooltip(anchor, [
      this.nameOf(code),
      `${btsMsg(lang, 'coveragePct')}: ${this.pct(a.coveragePct)}`,
      `${btsMsg(lang, 'sites')}: ${formatNumber(a.sites, lang)}`,
      ...(a.villages ? [`${btsMsg(lang, 'uncoveredVillages')}: ${formatNumber(a.villages.uncovered.length, lang)} / ${formatNumber(a.villages.total, lang)}`] : []),
    ]);
  }

  private focusVillageRow(v: Village | null): void {
    const host = this.ctx?.host;
    if (!host) return;
    this.focusedRow = v ? `village:${v.id}` : null;
    if (!v) return void host.hideTooltip();
    host.showTooltip([v.lon, v.lat], this.villageLines(v));
  }

  // ---- render ----

  override render() {
    const lang = this.lang;
    const message = this.sitesError?.localizedMessage(lang) ?? this.villagesError?.localizedMessage(lang);
    const warnings = [this.warning, this.filterWarning()].filter(Boolean).map((w) => (lang.startsWith('en') ? w!.en : w!.vi));
    if (this.villagesSkipped) warnings.push(btsMsg(lang, 'villagesSkipped', { n: formatNumber(this.villagesSkipped, lang) }));
    if (this.currentStats && !this.shownSites.length) warnings.push(btsMsg(lang, 'noSites'));
    return html`
      <div class="controls">
        ${this.renderLegend()}
        <button type="button" part="table-toggle" aria-expanded=${this.tableOpen ? 'true' : 'false'} aria-controls="tables"
          @click=${() => (this.tableOpen = !this.tableOpen)}>${btsMsg(lang, this.tableOpen ? 'hideTable' : 'showTable')}</button>
      </div>
      ${this.computing ? html`<p part="status" role="status">${btsMsg(lang, 'computing')}</p>` : nothing}
      ${message ? html`<p part="error" role="alert">${message}</p>` : nothing}
      ${[...new Set(warnings)].map((w) => html`<p part="error" role="alert">${w}</p>`)}
      ${this.tableOpen ? this.renderTables() : nothing}
    `;
  }

  private renderLegend() {
    const lang = this.lang;
    const options = this.options;
    const counts = new Map<Operator, number>();
    const techs = new Set<Technology>();
    for (const { site } of this.shownSites) {
      counts.set(site.operator, (counts.get(site.operator) ?? 0) + 1);
      techs.add(this.symbolTech(site, options));
    }
    const shape = (t: Technology, color: string) =>
      html`<svg class="shape" viewBox="0 0 20 20" aria-hidden="true">${svg`<path d=${TECH_SHAPES[t]} fill=${color} stroke="#000" stroke-opacity="0.6" stroke-width="1.5"></path>`}</svg>`;
    const gaps = this.currentStats?.villages?.uncovered.length;
    return html`<ul part="legend" aria-label=${btsMsg(lang, 'layerName')}>
      <li><span class="fill" aria-hidden="true"></span>${btsMsg(lang, 'coverage')}</li>
      ${this.currentStats?.villages
        ? html`<li><span class="dot gap" aria-hidden="true"></span>${btsMsg(lang, 'gap')} (${formatNumber(gaps ?? 0, lang)})</li>
            <li><span class="dot covered" aria-hidden="true"></span>${btsMsg(lang, 'villageCovered')}</li>`
        : nothing}
      ${OPERATORS.filter((op) => counts.get(op)).map(
        (op) => html`<li data-operator=${op}>${shape('2G', this.operatorColor(op))}${operatorLabel(op, btsMsg(lang, 'other'))} (${btsMsg(lang, 'sitesShown', { n: formatNumber(counts.get(op)!, lang) })})</li>`,
      )}
      ${TECHNOLOGIES.filter((t) => techs.has(t)).map((t) => html`<li data-tech=${t}>${shape(t, 'transparent')}${t}</li>`)}
      ${this.cluster !== 'off' && this.shownSites.length > 1
        ? html`<li data-cluster><svg class="shape" viewBox="0 0 20 20" aria-hidden="true">${svg`<circle cx="10" cy="10" r="8" fill="none" stroke=${this.operatorColor('Viettel')} stroke-width="4"></circle><circle cx="10" cy="10" r="9.5" fill="none" stroke="#000" stroke-opacity="0.6" stroke-width="1"></circle>`}</svg>${btsMsg(lang, 'clusterLegend')}</li>`
        : nothing}
    </ul>`;
  }

  private renderTables() {
    const lang = this.lang;
    const s = this.currentStats;
    if (!s) return nothing;
    const rows = Object.entries(s.areas)
      .map(([code, a]) => ({ code, name: this.nameOf(code), ...a }))
      .sort((x, y) => x.coveragePct - y.coveragePct || collator.compare(x.name, y.name));
    const gapVillages = (this.villageList ?? []).filter((v) => this.gapSet?.has(v.id));
    return html`<div id="tables">
      <div class="table-wrap">
        <table part="table">
          <caption>${btsMsg(lang, 'tableCaption')}</caption>
          <thead><tr>
            <th scope="col">${btsMsg(lang, 'area')}</th>
            <th scope="col" class="num">${btsMsg(lang, 'sites')}</th>
            <th scope="col" class="num">${btsMsg(lang, 'areaKm2')}</th>
            <th scope="col" class="num">${btsMsg(lang, 'coveredKm2')}</th>
            <th scope="col" class="num">${btsMsg(lang, 'coveragePct')}</th>
            ${s.villages ? html`<th scope="col" class="num">${btsMsg(lang, 'uncoveredVillages')}</th>` : nothing}
          </tr></thead>
          <tbody>
            ${rows.map((r) => html`<tr tabindex="0" data-code=${r.code} class=${this.focusedRow === r.code ? 'current' : ''}
              @focus=${() => this.focusAreaRow(r.code)} @blur=${() => this.focusAreaRow(null)}>
              <th scope="row">${r.name}</th>
              <td class="num">${formatNumber(r.sites, lang)}</td>
              <td class="num">${formatNumber(r.areaKm2, lang, 1)}</td>
              <td class="num">${formatNumber(r.coveredKm2, lang, 1)}</td>
              <td class="num">${this.pct(r.coveragePct)}</td>
              ${s.villages ? html`<td class="num">${formatNumber(r.villages?.uncovered.length ?? 0, lang)} / ${formatNumber(r.villages?.total ?? 0, lang)}</td>` : nothing}
            </tr>`)}
          </tbody>
        </table>
      </div>
      ${s.byOperator
        ? html`<div class="table-wrap">
            <table part="operators">
              <caption>${btsMsg(lang, 'byOperatorCaption')}</caption>
              <thead><tr>
                <th scope="col">${btsMsg(lang, 'operator')}</th>
                <th scope="col" class="num">${btsMsg(lang, 'sites')}</th>
                <th scope="col" class="num">${btsMsg(lang, 'coveredKm2')}</th>
                <th scope="col" class="num">${btsMsg(lang, 'coveragePct')}</th>
              </tr></thead>
              <tbody>${OPERATORS.filter((op) => s.byOperator![op]).map((op) => {
                const o = s.byOperator![op]!;
                return html`<tr data-operator=${op}><th scope="row">${operatorLabel(op, btsMsg(lang, 'other'))}</th>
                  <td class="num">${formatNumber(o.sites, lang)}</td><td class="num">${formatNumber(o.coveredAreaKm2, lang, 1)}</td>
                  <td class="num">${this.pct(o.coveragePct)}</td></tr>`;
              })}</tbody>
            </table>
          </div>`
        : nothing}
      ${s.villages
        ? html`<div class="table-wrap">
            <table part="gaps">
              <caption>${btsMsg(lang, 'gapsCaption', { n: formatNumber(gapVillages.length, lang) })}</caption>
              ${gapVillages.length
                ? html`<thead><tr><th scope="col">${btsMsg(lang, 'village')}</th><th scope="col">${btsMsg(lang, 'area')}</th></tr></thead>
                    <tbody>${gapVillages.map((v) => {
                      const code = this.villageArea(v);
                      return html`<tr tabindex="0" data-village=${v.id} class=${this.focusedRow === `village:${v.id}` ? 'current' : ''}
                        @focus=${() => this.focusVillageRow(v)} @blur=${() => this.focusVillageRow(null)}>
                        <th scope="row">${v.name}</th><td>${code ? this.nameOf(code) : '—'}</td></tr>`;
                    })}</tbody>`
                : html`<tbody><tr><td>${btsMsg(lang, 'noGaps')}</td></tr></tbody>`}
            </table>
          </div>`
        : nothing}
    </div>`;
  }
}
