import type { PropertyValues } from 'lit';
import { FeedError, formatNumber, requestJson, toFeedError, type LoadedJson } from '@chiso/core';
import { BTS_COLORS } from '@chiso/core/colors';
import { FeedController, tokens, loadFailure } from '@chiso/core/element';
import { MapBindings, dataTableStyles, themeColor, type MapContext } from '@chiso/map';
import { btsMsg } from './bts-i18n.js';
import { btsLayerStyles } from './chiso-bts-layer.styles.js';
import {
  footprintRadius, normalizeOperator, parseRadii, readSites, readTechnologies,
  type AreaCoverage, type CoverageOptions, type OperatorCoverage, type Operator, type RejectedSite, type Site, type Technology,
} from './coverage.js';
import type { CoverageResult } from './coverage-client.js';
import { readPoints, readVillages, type Village } from './points.js';
import { OPERATOR_COLORS } from './site-symbols.js';
import { BtsLayerProperties } from './bts-layer-properties.js';
import { BtsDrawing, type BtsPaint } from './bts-drawing.js';
import { bindBtsInteractions } from './bts-interaction.js';
import { areaLines, clusterLines, rejectedText, siteLines, summaryText, unknownTechText, villageLines, type BtsWording } from './bts-text.js';
import { areaCsv, panel } from './bts-view.js';
import { btsStatsOf } from './bts-stats.js';
import { CoverageCarry } from './kept-coverage.js';

let layerCount = 0;
/** Layers on the page: the coverage worker ends when the last one goes. */
let liveLayers = 0;

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
 * @fires chiso-download - Before a file is saved from the download menu (cancelable: the page may keep it). Detail: `{ format: 'csv' | 'png', filename, text? (CSV), blob? (PNG) }`.
 *
 * @csspart legend - The legend: coverage, gaps, operators and technologies.
 * @csspart table-toggle - The button showing the data tables.
 * @csspart download - The "Tải xuống" (download) button opening the download menu: the data as CSV, the picture as PNG, a link (hidden by `no-download`).
 * @csspart download-menu - The download menu.
 * @csspart source - The source line: who published the figures and when they were updated (hidden by `no-source`).
 * @csspart stale - "Dữ liệu cũ" (stale data) at the end of the source line, after a failed refresh.
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
export class ChisoBtsLayer extends BtsLayerProperties {
  static override styles = [tokens, btsLayerStyles, dataTableStyles];

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

  protected readonly sitesFeed = this.jsonSource(() => (this.data == null ? this.src : null), 'sites');
  protected readonly villagesFeed = this.jsonSource(() => (this.villageData == null ? this.villages : null), 'villages');

  /** A JSON source (sites or villages) kept loaded and refreshed like a feed. */
  private jsonSource(src: () => string | null | undefined, which: 'sites' | 'villages'): FeedController<LoadedJson> {
    return new FeedController<LoadedJson>(this, {
      src,
      load: requestJson,
      loading: () => {
        if (!this.currentStats) this.setState('loading');
      },
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

  private readonly drawing = new BtsDrawing(`chiso-bts-${++layerCount}`);
  private readonly bindings = new MapBindings();
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
  /** Coverage kept from the map this layer left, or still being computed for it (see kept-coverage.ts). */
  private readonly carry = new CoverageCarry();
  private resultInputs: unknown[] = [];
  private gapSet?: Set<string>;
  private shownSites: Array<{ site: Site; radius: number }> = [];
  private computing = false;
  private computeToken = 0;
  private computedKey?: string;
  private computedInputs: unknown[] = [];
  private ctx?: MapContext;
  private drawnOnce = false;
  private focusedRow: string | null = null;

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
    // The coverage kept for a next map is freed once the layer is gone for good (a move within the page reattaches it).
    setTimeout(() => { if (!this.isConnected) this.carry.drop(); }, 0);
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
    for (const id of this.drawing.ids) ctx.host.overlayLayerIds.add(id);
    this.bindInteractions(ctx);
    this.requestUpdate();
    const first = this.firstDrawing();
    if ((!this.src && this.data == null) || this.sitesError) this.settleFirst();
    return first;
  }

  /** @internal Called by `<chiso-map>`. */
  mapDetached(): void {
    this.bindings.release();
    if (this.ctx) for (const id of this.drawing.ids) this.ctx.host.overlayLayerIds.delete(id);
    this.ctx = undefined;
    this.computeToken++;
    this.computing = false;
    this.drawnOnce = false;
    this.carry.leave(this.result && { result: Promise.resolve(this.result), inputs: this.resultInputs });
    this.result = undefined;
  }

  private nameOf(code: string): string {
    return this.ctx?.boundaries?.areas.get(code)?.name ?? code;
  }

  /** The per-commune table as CSV (UTF-8 BOM, plain numbers), in its order; empty before coverage is computed. */
  async toCSV(): Promise<string> {
    return this.currentStats ? areaCsv(this.wording, this.currentStats, this.source) : '';
  }

  /** @internal The download button: opens the download menu under `button` (its code loaded on the first click). */
  download(button: HTMLElement): void {
    void import('@chiso/core/download').then((m) => m.openDownloadMenu(this, button, btsMsg(this.lang, 'tableCaption')));
  }

  private get wording(): BtsWording {
    return { lang: this.lang, nameOf: (c) => this.nameOf(c) };
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
    if (changed.has('tech') && this.tech && !readTechnologies(this.tech)) this.emitError(new FeedError('schema', { text: unknownTechText(this.tech) }));
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
      const text = { vi: rejectedText('vi', rejected), en: rejectedText('en', rejected) };
      this.warning = text;
      this.emitError(new FeedError('schema', { text }));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.scheduleCompute();
    if (changed.has('coverageOpacity') || changed.has('hideCoverage') || changed.has('hideSites') || changed.has('theme')) this.applyPaint();
    if (changed.has('lang') && this.ctx && this.currentStats) this.ctx.host.setSummary(this, summaryText(this.wording, this.currentStats));
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

  private async compute(ctx: MapContext, options: CoverageOptions): Promise<void> {
    const token = ++this.computeToken;
    await null; // out of the update that asked for it: the state change below is a new update
    if (token !== this.computeToken) return;
    this.computing = true;
    if (!this.currentStats) this.setState('loading');
    this.requestUpdate();
    const inputs = [this.computedKey, this.allSites, this.villageList, ctx.boundaries, this.pictureSize(ctx)];
    const result = await this.carry.run(inputs, () => this.runWorker(ctx, options, token));
    if (!result) return;
    if (token !== this.computeToken || this.ctx !== ctx) {
      result.image?.close();
      return;
    }
    this.result?.image?.close();
    this.result = result;
    this.resultInputs = inputs;
    this.computing = false;
    this.currentStats = btsStatsOf(this.rejected, result);
    this.draw(ctx, options);
  }

  /** Coverage from the worker; undefined when it failed (said) or a newer computing began. */
  private async runWorker(ctx: MapContext, options: CoverageOptions, token: number): Promise<CoverageResult | undefined> {
    const areas = ctx.boundaries ? ctx.boundaries.collection.features.map((f) => ({ code: String(f.id), geometry: f.geometry })) : [];
    try {
      const client = await import('./coverage-client.js').catch(async (e) => Promise.reject(await loadFailure(e)));
      return await client.computeCoverage({
        sites: this.allSites, villages: this.villageList, areas, options, perOperator: this.perOperator,
        raster: { maxPx: this.pictureSize(ctx), color: themeColor(this, '--_coverage', BTS_COLORS.light.coverage) },
      });
    } catch (e) {
      if (token !== this.computeToken) return undefined;
      this.computing = false;
      // The module's own failure (a file not served) is said as such; a failure of the maths as "could not compute".
      const computeFailed = new FeedError('unsupported', { text: { vi: btsMsg('vi', 'computeFailed'), en: btsMsg('en', 'computeFailed') }, cause: e });
      this.failed('sites', e instanceof FeedError ? e : toFeedError(computeFailed));
      return undefined;
    }
  }

  private pictureSize(ctx: MapContext): number {
    if (this.coverageResolution > 0) return Math.min(8192, Math.round(this.coverageResolution));
    const canvas = ctx.map.getCanvas();
    return Math.max(512, Math.min(2048, Math.round(1.25 * Math.max(canvas.width, canvas.height))));
  }

  private operatorColor(op: Operator): string {
    return themeColor(this, `--chiso-bts-${op.toLowerCase()}`, OPERATOR_COLORS[op]);
  }

  /** The highest technology of a site among those shown: it picks the symbol. */
  private symbolTech(site: Site, options = this.options): Technology {
    const techs = site.tech.filter((t) => !options.tech || options.tech.includes(t));
    return techs[techs.length - 1] ?? site.tech[site.tech.length - 1];
  }

  /** Colours (the theme's, read now), opacity and visibility. */
  private get paint(): BtsPaint {
    return {
      coverageOpacity: this.coverageOpacity, hideCoverage: this.hideCoverage, hideSites: this.hideSites, lang: this.lang,
      gap: themeColor(this, '--_gap', BTS_COLORS.light.gap), village: themeColor(this, '--_village', BTS_COLORS.light.village),
      operatorColor: (op) => this.operatorColor(op),
    };
  }

  private draw(ctx: MapContext, options: CoverageOptions): void {
    const result = this.result!;
    this.shownSites = [];
    for (const site of this.allSites) {
      const radius = footprintRadius(site, options);
      if (radius > 0) this.shownSites.push({ site, radius });
    }
    this.gapSet = new Set(result.villages?.uncovered ?? []);
    try {
      this.drawing.draw(ctx, {
        result, villages: this.villageList ?? [], gaps: this.gapSet, sites: this.shownSites, symbolTech: (s) => this.symbolTech(s, options),
        clustered: this.cluster !== 'off',
      }, this.paint);
      this.style.setProperty('--_coverage-opacity', String(this.coverageOpacity));
    } catch (e) {
      this.emitError(new FeedError('unsupported', { detail: (e as Error).message }));
      this.settleFirst();
      return;
    }
    ctx.host.setSummary(this, summaryText(this.wording, this.currentStats!));
    this.requestUpdate();
    const stats = this.currentStats!;
    const token = this.computeToken;
    // Reported once MapLibre has drawn the new sources (its `idle` follows the repaint asked for here).
    ctx.map.once('idle', () => {
      if (token !== this.computeToken || this.ctx !== ctx) return;
      this.setState(this.sitesError || this.villagesError ? 'stale' : this.shownSites.length ? 'ready' : 'empty');
      if (!this.drawnOnce) {
        this.drawnOnce = true;
        this.settleFirst();
        this.emit<BtsStats>('ready', stats);
      } else this.emit<BtsStats>('change', stats);
    });
    ctx.map.triggerRepaint();
  }

  private applyPaint(): void {
    if (this.ctx) {
      try {
        this.drawing.applyPaint(this.ctx, this.paint);
      } catch {
        /* map removed */
      }
    }
    this.style.setProperty('--_coverage-opacity', String(this.coverageOpacity));
  }

  // ---- interaction ----

  private villageArea(v: Village): string | undefined {
    const i = this.villageList?.indexOf(v) ?? -1;
    return (i >= 0 && this.result?.villages?.areaOf?.[i]) || undefined;
  }

  private villageTooltip(v: Village): string[] {
    return villageLines(this.wording, v, !!this.gapSet?.has(v.id), this.villageArea(v));
  }

  private bindInteractions(ctx: MapContext): void {
    bindBtsInteractions(ctx, this.bindings, this.drawing, {
      site: (i) => {
        const shown = this.shownSites[i];
        return shown && { at: [shown.site.lon, shown.site.lat], lines: siteLines(this.wording, shown.site, shown.radius) };
      },
      village: (i) => {
        const v = this.villageList?.[i];
        return v && { at: [v.lon, v.lat], lines: this.villageTooltip(v) };
      },
      clusterLines: (props) => clusterLines(this.wording, props),
      badge: (id) => this.drawing.badgeFor(id, this.paint),
      select: (i) => {
        const shown = this.shownSites[i];
        if (shown) this.emit('select', { site: { ...shown.site, radius_m: shown.radius } });
      },
    });
    this.bindings.add(() => ctx.host.setSummary(this, null));
  }

  private focusAreaRow(code: string | null): void {
    const host = this.ctx?.host;
    if (!host) return;
    this.focusedRow = code;
    host.setHover(code);
    const a = code ? this.currentStats?.areas[code] : undefined;
    const anchor = code ? this.ctx?.boundaries?.areas.get(code)?.anchor : undefined;
    if (!code || !a || !anchor) return void host.hideTooltip();
    host.showTooltip(anchor, areaLines(this.wording, code, a));
  }

  private focusVillageRow(v: Village | null): void {
    const host = this.ctx?.host;
    if (!host) return;
    this.focusedRow = v ? `village:${v.id}` : null;
    if (!v) return void host.hideTooltip();
    host.showTooltip([v.lon, v.lat], this.villageTooltip(v));
  }

  // ---- render ----

  override render() {
    const lang = this.lang;
    const error = this.sitesError?.localizedMessage(lang) ?? this.villagesError?.localizedMessage(lang);
    const techWarning = this.tech && !readTechnologies(this.tech) ? unknownTechText(this.tech) : undefined;
    const alerts = [this.warning, techWarning].filter((w): w is { vi: string; en: string } => !!w).map((w) => (lang.startsWith('en') ? w.en : w.vi));
    if (this.villagesSkipped) alerts.push(btsMsg(lang, 'villagesSkipped', { n: formatNumber(this.villagesSkipped, lang) }));
    if (this.currentStats && !this.shownSites.length) alerts.push(btsMsg(lang, 'noSites'));
    return panel(this, {
      w: this.wording, stats: this.currentStats, sites: this.shownSites, symbolTech: (s) => this.symbolTech(s), operatorColor: (op) => this.operatorColor(op),
      clustered: this.cluster !== 'off', computing: this.computing, alerts: error ? [error, ...alerts] : alerts, focusedRow: this.focusedRow,
      gapVillages: (this.villageList ?? []).filter((v) => this.gapSet?.has(v.id)).map((village) => ({ village, area: this.villageArea(village) })),
      focusArea: (c) => this.focusAreaRow(c), focusVillage: (v) => this.focusVillageRow(v),
    });
  }
}
