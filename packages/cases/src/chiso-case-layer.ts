import type { PropertyValues } from 'lit';
import { FeedError, formatNumber, requestFeed, type FeedModel, type LoadedFeed } from '@chiso/core';
import { CASE_PALETTE, RISK_COLORS } from '@chiso/core/colors';
import { DataParser, FeedController, SizeController, dateFieldStyles, loadFailure, tokens } from '@chiso/core/element';
import {
  CrosswalkLoader, MapBindings, TimelineController, atlasLevelOf, carryOldUnits, dataTableStyles, themeColor, type MapContext,
} from '@chiso/map';
import type { CarryResult } from '@chiso/atlas';
import { classifyQuantile } from '@chiso/map/classify';
import { mergeCarry, readCaseInputs, type CaseData } from './case-inputs.js';
import {
  RISK_INDICATOR, areasOnDay, measureWindow, rangeScales, summarizeCases,
  type AreaDay, type CaseIndex, type CaseSummary,
} from './case-model.js';
import { caseMsg, type CaseMessage } from './cases-i18n.js';
import { caseLayerStyles } from './chiso-case-layer.styles.js';
import { CaseLayerProperties } from './case-layer-properties.js';
import { CaseDrawing, type CaseMode } from './case-drawing.js';
import { bindCaseInteractions } from './case-interaction.js';
import { areaLines, dayText, summaryText, warningLines, valueText, type CaseDay, type CaseWording } from './case-text.js';
import { panel, tableCsv, type CaseValue, type CaseView } from './case-view.js';
import { areaFill, shownCaseValue } from './case-colors.js';

export type { CaseMode, CaseValue };

let layerCount = 0;

/** Detail of `chiso-date`: the day shown. */
export interface CaseDateDetail {
  date: string;
  /** The measure's value over every area that day (exact; what users see follows the `k` rule). */
  value: number;
}

/** Detail of `chiso-select`: an area clicked on the map. */
export interface CaseSelectDetail {
  code: string;
  name: string;
  date: string;
  /** Cases the measure counts that day (exact). */
  cases: number;
}

type Input = 'points' | 'counts' | 'population';
/** Class colours by palette (the palettes are loaded with the map, not with the element). */
type Palettes = typeof import('@chiso/map/palette');

/**
 * COVID/F0-style case maps inside a `<chiso-map>`: cases by area over time as a choropleth (`area`),
 * proportional circles (`bubbles`), MapLibre clusters (`cluster`) or a heat map (`heat`), with daily
 * playback, a date range, a small time-series chart, and the four risk levels.
 *
 * **Privacy.** Cases are drawn per area (at a point inside each area), never where a person is: individual
 * points appear only when `min-zoom-points` is set, and then only from that zoom. Any count from 1 to k − 1
 * (`k`, default 5) reads "< k" on the map, in tooltips, the table and the summary line; averages and rates
 * of so few cases read "< x". Only the date, the status and the properties named in `point-fields` reach a
 * tooltip; the map's sources carry no other property; the table has no coordinates. The `summary` property
 * and the events are exact: they are for the page's code, which decides what to show.
 *
 * **Risk levels** come from the counts feed when it has a `risk` indicator (levels 1–4 by area and date;
 * a level holds until the next), else from new cases per 100,000 people over 7 days (under 20: 1; 20 to
 * under 50: 2; 50 to under 150: 3; 150 and more: 4), the incidence criterion of the Ministry of Health's
 * Decision 4800/QĐ-BYT (2021). Population comes from `population`, else from the boundaries' own
 * `population` property.
 *
 * @summary Case maps over time: areas, bubbles, clusters or heat; risk levels; privacy first.
 * @tag chiso-case-layer
 *
 * @fires chiso-ready - When the first day is drawn. Detail: the `summary`.
 * @fires chiso-change - When the range, the measure or the data change. Detail: the `summary`.
 * @fires chiso-date - When the day shown changes (playback, slider, chart, keys). Detail: `{ date, value }`.
 * @fires chiso-select - On a click on an area or its circle. Detail: `{ code, name, date, cases }`.
 * @fires chiso-error - When a feed fails or records are skipped. Detail: `{ code, message }`.
 * @fires chiso-download - Before a file is saved from the download menu (cancelable: the page may keep it). Detail: `{ format: 'csv' | 'png', filename, text? (CSV), blob? (PNG) }`.
 *
 * @csspart time - The playback controls.
 * @csspart play - The play/pause button.
 * @csspart slider - The date slider.
 * @csspart chart - The time-series chart (click or drag to pick a day).
 * @csspart legend - The legend.
 * @csspart table-toggle - The button showing the data table.
 * @csspart download - The "Tải xuống" (download) button opening the download menu: the data as CSV, the picture as PNG, a link (hidden by `no-download`).
 * @csspart download-menu - The download menu.
 * @csspart source - The source line: who published the figures and when they were updated (hidden by `no-source`).
 * @csspart stale - "Dữ liệu cũ" (stale data) at the end of the source line, after a failed refresh.
 * @csspart table - The table of cases by area.
 * @csspart error - An error or warning message.
 *
 * @cssprop --chiso-cases-bubble - Colour of circles, clusters and points.
 * @cssprop --chiso-cases-series - Colour of the chart's line.
 * @cssprop --chiso-cases-risk-1 - Colour of risk level 1 (also `--chiso-cases-risk-2`, `-3`, `-4`).
 */
export class ChisoCaseLayer extends CaseLayerProperties {
  static override styles = [tokens, caseLayerStyles, dataTableStyles, dateFieldStyles];

  /** What the crosswalk carried (each new unit with the old ones it came from), what it could not and why; undefined when nothing was old. */
  get carried(): CarryResult | undefined {
    return this.carry;
  }

  /** Totals over the selected range (exact): `{ total, byStatus, byArea, byDate }`. Undefined until read. */
  get summary(): CaseSummary | undefined {
    return this.currentSummary;
  }

  /** Every day of the data, first to last. */
  get dates(): string[] {
    return this.read.index ? [...this.read.index.dates] : [];
  }

  /** Starts playback (from the range's first day when at its end); asked before the data is read, it starts once it is. */
  play(): void {
    if (!this.read.index) this.playWhenRead = true;
    else if (this.timeline.atEnd()) this.timeline.showIndex(this.timeline.range()[0]);
    this.playing = true;
  }

  /** play() was asked before the data was read: the first days come from the range's start, not its end. */
  private playWhenRead = false;

  pause(): void {
    this.playWhenRead = false;
    this.playing = false;
  }

  /** Moves the day shown by `days` (negative: back), within the range. */
  step(days = 1): void {
    this.timeline.step(days);
  }

  // ---- inputs ----

  private feed(src: () => string | null | undefined, which: Input): FeedController<LoadedFeed> {
    return new FeedController<LoadedFeed>(this, {
      src,
      load: requestFeed,
      loading: () => {
        if (!this.read.index) this.setState('loading');
      },
      loaded: (r) => {
        this.models[which] = r.model;
        this.errors[which] = undefined;
        this.requestUpdate();
      },
      failed: (e) => this.failed(which, e),
    });
  }

  protected readonly pointsFeed = this.feed(() => (this.data == null ? this.src : null), 'points');
  protected readonly countsFeed = this.feed(() => (this.countData == null ? this.counts : null), 'counts');
  protected readonly populationFeed = this.feed(() => (this.populationData == null ? this.population : null), 'population');
  private readonly parsers: Record<Input, DataParser> = { points: new DataParser(this), counts: new DataParser(this), population: new DataParser(this) };
  private readonly reportedParseErrors: Partial<Record<Input, FeedError>> = {};
  /** The day shown within the range; one day per step while `playing`, at `speed` days a second. */
  private readonly timeline = new TimelineController(this, {
    dates: () => this.read.index?.dates ?? [], from: () => this.from, to: () => this.to, current: () => this.date, show: (d) => (this.date = d),
    interval: () => 1000 / Math.max(0.25, Math.min(60, Number(this.speed) || 4)), loop: () => this.loop,
    changed: (playing) => { if (!playing) this.playing = false; },
  });
  /** The chart's width follows the layer's: its text stays at the layer's font size. */
  private readonly size = new SizeController(this);
  private readonly drawing = new CaseDrawing(`chiso-cases-${++layerCount}`);
  private readonly bindings = new MapBindings();

  private models: Partial<Record<Input, FeedModel>> = {};
  private errors: Partial<Record<Input, FeedError>> = {};
  private builtFrom: unknown[] = [];
  private reportedSkipped = 0;
  /** What the inputs hold, as read (cases in their areas, counts by area and day, risk levels, population). */
  private read: CaseData = readCaseInputs({ countModels: [], pointFields: [] });
  private currentSummary?: CaseSummary;
  private summaryKey?: string;
  private frame: AreaDay[] = [];
  private ctx?: MapContext;
  private palettes?: Palettes;
  private drawnMode?: string;
  private drawnIndex?: CaseIndex;
  private drawnOnce = false;
  private scaledIndex?: CaseIndex;
  private scalesChanged = false;
  private breaks: number[] = [];
  private scaleMax = 1;
  private focusedRow: string | null = null;
  private carry?: CarryResult;
  /** Loaded the first time counts by old units need it; the inputs are read again when it comes or fails. */
  private readonly crosswalks = new CrosswalkLoader((e) => {
    // Old codes are then left as they are (not on the map): said in the layer and with chiso-error.
    if (e) this.emitError(new FeedError('load', { text: { vi: caseMsg('vi', 'crosswalkFailed'), en: caseMsg('en', 'crosswalkFailed') }, detail: e instanceof Error ? e.message : undefined }));
    this.requestUpdate();
  });

  private failed(which: Input, error: FeedError): void {
    this.errors[which] = error;
    if (which !== 'population') this.dataLevelKnown(undefined);
    this.setState(this.read.index ? 'stale' : 'error');
    this.emitError(error);
    this.settleFirst();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.playing = false;
  }

  /** @internal Called by `<chiso-map>`. */
  mapAttached(ctx: MapContext): Promise<void> {
    this.ctx = ctx;
    this.drawnOnce = false;
    this.drawnMode = undefined;
    for (const id of this.drawing.overlayIds) ctx.host.overlayLayerIds.add(id);
    this.bindInteractions(ctx);
    // Class colours come from the palettes, loaded with the map (the element alone does not need them).
    import('@chiso/map/palette').then((p) => {
      this.palettes = p;
      this.requestUpdate();
    }, async (e: unknown) => this.failed('counts', await loadFailure(e)));
    this.requestUpdate();
    const first = this.firstDrawing();
    // Nothing will draw (no input, or it failed or was empty before the map came): the map must not wait.
    const loading = this.pointsFeed.loading || this.countsFeed.loading;
    if (!this.hasInput() || (!loading && (this.state === 'error' || this.state === 'empty'))) this.settleFirst();
    return first;
  }

  /** @internal Called by `<chiso-map>`. */
  mapDetached(): void {
    this.bindings.release();
    if (this.ctx) for (const id of this.drawing.overlayIds) this.ctx.host.overlayLayerIds.delete(id);
    this.ctx = undefined;
    this.drawnMode = undefined;
    this.drawnOnce = false;
  }

  private hasInput(): boolean {
    return this.data != null || !!this.src || this.countData != null || !!this.counts;
  }

  private get kValue(): number {
    return Math.max(2, Math.round(Number(this.k) || 5));
  }

  /** What the words depend on. */
  private get wording(): CaseWording {
    return { lang: this.lang, k: this.kValue, measure: this.measure };
  }

  private msg(key: CaseMessage, params?: Record<string, string>): string {
    return caseMsg(this.lang, key, params);
  }

  private nameOf(code: string): string {
    return this.ctx?.boundaries?.areas.get(code)?.name ?? code;
  }

  /** The day shown, the range and the areas, for the text and the panel. */
  private get caseDay(): CaseDay {
    return { index: this.read.index!, day: this.dayIdx(), range: this.rangeIdx(), areaRow: this.read.areaRow, population: this.read.population, nameOf: (c) => this.nameOf(c) };
  }

  private frameOf(code: string): AreaDay {
    return this.frame.find((x) => x.code === code) ?? { code, cases: 0, value: 0 };
  }

  // ---- reading ----

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.parsers.points.read(this.data);
    this.parsers.counts.read(this.countData);
    this.parsers.population.read(this.populationData);
    for (const which of ['points', 'counts', 'population'] as Input[]) {
      const parser = this.parsers[which];
      if (parser.error && parser.error !== this.reportedParseErrors[which]) {
        this.reportedParseErrors[which] = parser.error;
        this.failed(which, parser.error);
      }
    }
    if (!this.hasInput()) this.dataLevelKnown(undefined); // nothing to wait for
    const inputs = [this.input('points'), this.input('counts'), this.input('population'), this.ctx?.boundaries, this.pointFields, this.crosswalk, this.crosswalks.data, this.crosswalks.failed];
    if (inputs.some((x, i) => x !== this.builtFrom[i])) {
      this.builtFrom = inputs;
      this.build();
    }
    if (this.read.index) {
      const key = JSON.stringify([this.rangeIdx(), this.read.index.dates.length, this.read.counts?.size]);
      if (key !== this.summaryKey || changed.has('measure')) {
        this.summaryKey = key;
        const [a, b] = this.rangeIdx();
        this.currentSummary = summarizeCases(this.read.counts!, [this.read.index.dates[a], this.read.index.dates[b]]);
        // After the first drawing, every new summary is a change (the first one goes with chiso-ready).
        if (this.drawnOnce) this.emit<CaseSummary>('change', this.currentSummary);
      }
      // Scales and the day's values before rendering: the legend and the table show them.
      const scaled = ['from', 'to', 'measure', 'value', 'k'].some((p) => changed.has(p as keyof ChisoCaseLayer)) || this.scaledIndex !== this.read.index;
      if (scaled) {
        this.computeScales();
        this.scaledIndex = this.read.index;
        this.scalesChanged = true;
      }
      this.frame = areasOnDay(this.read.index, this.dayIdx(), { measure: this.measure, rangeStart: this.rangeIdx()[0], population: this.read.population, riskLevels: this.read.riskLevels });
    }
    if (this.playWhenRead && this.read.index) {
      this.playWhenRead = false;
      if (this.timeline.atEnd()) this.timeline.showIndex(this.timeline.range()[0]);
    }
    if (changed.has('playing') || changed.has('speed')) {
      if (this.playing && this.isConnected) this.timeline.start();
      else this.timeline.stop();
    }
  }

  private input(which: Input): FeedModel | undefined {
    const value = which === 'points' ? this.data : which === 'counts' ? this.countData : this.populationData;
    return value != null ? this.parsers[which].model : this.models[which];
  }

  /** Reads the inputs into day-indexed counts (points placed in their areas), risk levels and population. */
  private build(): void {
    const points = this.input('points');
    const countsModel = this.input('counts');
    const boundaries = this.ctx?.boundaries;
    // Counts come from `counts`, and from `src` too when that feed holds counts by area and date, not points.
    this.carry = undefined;
    const countModels = [countsModel, points && !points.points?.length ? points : undefined].filter((m): m is FeedModel => !!m)
      .map((m) => this.carryCounts(m, boundaries?.areas));
    const hadIndex = !!this.read.index;
    const d = readCaseInputs({ points, countModels, population: this.input('population'), boundaries, pointFields: this.pointFields.split(/[\s,]+/).filter(Boolean) });
    this.read = d;
    this.summaryKey = undefined;
    // A map with no boundaries: counts by province draw the provinces; points and commune counts, communes.
    const known = [points?.points?.length ? 'commune' as const : undefined, ...countModels.map((m) => atlasLevelOf(m.observations))].filter(Boolean);
    if (!points && !countsModel) {
      if (!this.hasInput()) this.dataLevelKnown(undefined);
      return;
    }
    this.dataLevelKnown(known.includes('commune') ? 'commune' : known[0]);
    if (this.read.skipped && this.read.skipped !== this.reportedSkipped) {
      this.reportedSkipped = this.read.skipped;
      this.emitError(new FeedError('schema', { text: { vi: caseMsg('vi', 'skipped', { n: formatNumber(this.read.skipped, 'vi') }), en: caseMsg('en', 'skipped', { n: formatNumber(this.read.skipped, 'en') }) } }));
    }
    if (!this.read.index) {
      this.setState(this.errors.points || this.errors.counts ? 'error' : 'empty');
      this.settleFirst(); // nothing to draw: the map must not wait for this layer
    } else if (!hadIndex && !this.ctx) this.setState('loading');
  }

  /** Counts of old units carried onto the map's units (risk levels are categories: never added up). */
  private carryCounts(model: FeedModel, known: ReadonlyMap<string, unknown> | undefined): FeedModel {
    // Until the crosswalk has come (or when it cannot), old codes stay as they are: not on the map, and said.
    if (this.crosswalks.need(model, known, this.crosswalk, this.ctx?.host) !== 'carry') return model;
    const risk = model.observations.filter((o) => RISK_INDICATOR.test(o.indicator));
    const counts = { ...model, observations: model.observations.filter((o) => !RISK_INDICATOR.test(o.indicator)) };
    const carried = carryOldUnits(counts, known!, this.crosswalks.data!);
    if (!carried) return model;
    this.carry = mergeCarry(this.carry, carried.result);
    return { ...carried.model, observations: [...carried.model.observations, ...risk] };
  }

  /** The range's and the day's indexes into the dates. */
  private rangeIdx(): [number, number] { return this.timeline.range(); }
  private dayIdx(): number { return this.timeline.index(); }

  // ---- colours ----

  /** Class breaks and circle scale for the whole range, so colours and sizes compare from day to day. */
  private computeScales(): void {
    const { max, breaks } = rangeScales(this.read.index!, this.rangeIdx(), {
      measure: this.measure, rangeStart: this.rangeIdx()[0], population: this.read.population, riskLevels: this.read.riskLevels,
      by: this.shownValue === 'rate' ? 'rate' : 'value', k: this.kValue, classes: 4, classify: classifyQuantile,
    });
    this.scaleMax = max;
    this.breaks = breaks;
  }

  /** What colours the areas: `rate` and `risk` fall back to `count` when they cannot be computed. */
  private get shownValue(): CaseValue {
    return shownCaseValue(this.value, this.read);
  }

  /** The "< k" class, then one per class between the breaks: five from the palette, lightest first. */
  private get classColors(): string[] {
    return this.palettes?.paletteColors(this.palette || CASE_PALETTE, 5) ?? [];
  }

  private riskColor(level: 1 | 2 | 3 | 4): string {
    return themeColor(this, `--_risk${level}`, RISK_COLORS[level]);
  }

  // ---- drawing ----

  protected override updated(changed: PropertyValues): void {
    const ctx = this.ctx;
    // Areas are coloured from the palettes, loaded with the map: drawn once they are here.
    if (!ctx || !this.read.index || !this.palettes) return;
    const structural = ['mode', 'minZoomPoints', 'theme', 'k', 'measure', 'lang'].some((p) => changed.has(p)) || this.drawnMode === undefined;
    const dataChanged = this.drawnIndex !== this.read.index;
    try {
      this.drawing.draw(ctx, {
        setup: structural ? {
          mode: this.mode, k: this.kValue, lang: this.lang, decimals: this.measure === 'avg7' ? 1 : 0, minZoomPoints: this.minZoomPoints,
          bubble: themeColor(this, '--_bubble', '#c2185b'), scaleMax: this.scaleMax,
        } : undefined,
        rescale: this.scalesChanged ? this.scaleMax : undefined, labels: structural || changed.has('playing') ? !this.playing : undefined,
        points: dataChanged || structural ? { cases: this.read.cases, dates: this.read.index.dates } : undefined,
        areas: this.mode === 'area' ? this.frame.map((f) => [f.code, areaFill(f, { shown: this.shownValue, colors: this.classColors, k: this.kValue, breaks: this.breaks, risk: (l) => this.riskColor(l) })] as [string, string | null]) : undefined,
        frame: this.frame, window: measureWindow(this.dayIdx(), this.measure, this.rangeIdx()[0]),
      });
      if (structural) this.drawnMode = this.mode;
      this.scalesChanged = false;
      this.drawnIndex = this.read.index;
      ctx.host.setSummary(this, summaryText(this.wording, this.caseDay));
    } catch (e) {
      this.emitError(new FeedError('unsupported', { detail: (e as Error).message }));
      this.settleFirst();
      return;
    }
    // Every move after the first drawing is told, the first one from the default last day included.
    if (changed.has('date') && this.drawnOnce) {
      const total = this.frame.reduce((t, f) => t + f.value, 0);
      this.emit<CaseDateDetail>('date', { date: this.read.index.dates[this.dayIdx()], value: total });
    }
    if (!this.drawnOnce) {
      this.drawnOnce = true;
      const token = ctx;
      ctx.map.once('idle', () => {
        if (this.ctx !== token) return;
        this.setState(this.errors.points || this.errors.counts ? 'stale' : 'ready');
        this.settleFirst();
        this.emit<CaseSummary>('ready', this.currentSummary!);
      });
      ctx.map.triggerRepaint();
    } else if (this.state === 'loading' || this.state === 'error' || (this.state === 'stale' && !this.errors.points && !this.errors.counts)) {
      // Drawn again from data that loaded: no longer stale once the failed feed has answered.
      this.setState('ready');
    }
  }

  // ---- interaction ----

  private bindInteractions(ctx: MapContext): void {
    bindCaseInteractions(ctx, this.bindings, this.drawing, {
      mode: () => this.mode,
      areaLines: (code) => areaLines(this.wording, this.caseDay, this.frameOf(code)),
      clusterLines: (cases, value) => [this.msg('cluster'), `${this.msg(this.measure)}: ${valueText(this.wording, { cases, value }, this.dayIdx())}`],
      pointLines: (i) => {
        const c = this.read.cases[i];
        if (!c) return undefined;
        const extra = Object.entries(this.read.pointSource[i] ?? {}).map(([key, v]) => `${key}: ${String(v)}`);
        return { at: [c.lon!, c.lat!], lines: [this.msg('point'), `${this.msg('date')}: ${dayText(this.wording, c.date)}`, `${this.msg('status')}: ${this.msg(c.status)}`, ...extra] };
      },
      select: (code) => {
        const f = this.frame.find((x) => x.code === code);
        this.emit<CaseSelectDetail>('select', { code, name: this.nameOf(code), date: this.read.index?.dates[this.dayIdx()] ?? '', cases: f?.cases ?? 0 });
      },
    });
    this.bindings.add(() => ctx.host.setSummary(this, null));
  }

  private focusRow(code: string | null): void {
    const host = this.ctx?.host;
    if (!host) return;
    this.focusedRow = code;
    host.setHover(code);
    const anchor = code ? this.ctx?.boundaries?.areas.get(code)?.anchor : undefined;
    if (!code || !anchor) return void host.hideTooltip();
    host.showTooltip(anchor, areaLines(this.wording, this.caseDay, this.frameOf(code)));
  }

  // ---- render ----
  /** The table as CSV (UTF-8 BOM), its rows in order, under the screen's privacy rule ("< k"); empty before data. */
  async toCSV(): Promise<string> {
    return this.read.index ? tableCsv(this.view, this.source) : '';
  }

  /** @internal The download button: opens the download menu under `button` (its code loaded on the first click). */
  download(button: HTMLElement): void {
    void import('@chiso/core/download').then((m) => m.openDownloadMenu(this, button, `${this.lang.startsWith('en') ? 'cases' : 'ca benh'} ${this.read.index?.dates[this.dayIdx()] ?? ''}`));
  }

  private get view(): CaseView {
    return {
      ...this.caseDay, w: this.wording, mode: this.mode, shown: this.shownValue, breaks: this.breaks, classColors: this.classColors,
      riskColor: (l) => this.riskColor(l), riskFromFeed: this.read.riskLevels.size > 0, frame: this.frame, summary: this.currentSummary,
      focusedRow: this.focusedRow, focusRow: (c) => this.focusRow(c),
    };
  }

  override render() {
    const lang = this.lang;
    const errors = (['points', 'counts', 'population'] as Input[]).map((w) => this.errors[w]?.localizedMessage(lang)).filter((m): m is string => !!m);
    const warnings = warningLines(this.wording, {
      skipped: this.read.skipped, unlocated: this.read.unlocated, crosswalkMissing: this.crosswalks.failed && this.crosswalk !== 'off', carried: this.carry,
      noPopulation: !!this.read.index && this.mode === 'area' && this.value !== this.shownValue,
      nothing: !this.read.index && !!(this.input('points') || this.input('counts')) && !errors.length ? (this.read.unreadable ? 'noCaseData' : 'noCases') : undefined,
    });
    return panel(this, this.read.index ? this.view : undefined, {
      width: this.size.widthOr(600), legend: !!this.palettes || this.mode !== 'area', loading: this.state === 'loading', alerts: [...errors, ...warnings],
    });
  }
}
