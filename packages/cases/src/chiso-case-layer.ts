import { html, nothing, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedError, formatDate, formatNumber, normalizeAreaCode, requestFeed, type FeedModel, type LoadedFeed } from '@chiso/core';
import { DataParser, FeedController, SizeController, dateField, dateFieldStyles, textMeasurer, tokens } from '@chiso/core/element';
import { ChisoLayerElement, addImageMaker, atlasLevelOf, carryOldUnits, dataTableStyles, mayNeedCrosswalk, type MapContext } from '@chiso/map';
import { loadCrosswalk, type CarryResult, type Crosswalk } from '@chiso/atlas';
import { classifyQuantile, classIndex } from '@chiso/map/classify';
import { areaOfEachPoint, type AreaShape } from './case-areas.js';
import type { GeoJSONSource, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import { chartLayout, type ChartLayout } from '@chiso/chart/geometry';
import {
  RISK_INDICATOR,
  areasOnDay, CASE_STATUSES, chartSeries, casesIn, countPoints, indexCounts, measureValue, measureWindow, mergeCounts, rangeScales,
  readCasePoints, readCountFeed, summarizeCases,
  type AreaDay, type CaseCounts, type CaseIndex, type CasePoint, type CaseStatus, type CaseSummary, type Measure,
} from './case-model.js';
import { caseMsg, type CaseMessage } from './cases-i18n.js';
import { caseLayerStyles } from './chiso-case-layer.styles.js';

let layerCount = 0;

/** `min-zoom-points`: a zoom (0–24); empty or not a number means never (points stay off unless clearly asked for). */
function zoomOrNever(value: string | null): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const zoom = Number(value);
  return Number.isFinite(zoom) ? Math.max(0, Math.min(24, zoom)) : undefined;
}

const collator = new Intl.Collator('vi');
const MEASURES: Measure[] = ['new', 'cumulative', 'avg7'];
const SPEEDS = [1, 2, 4, 8, 16];
/** Five classes from light to dark (ColorBrewer YlOrRd): the first is "1 to k − 1 cases". */
const RAMP = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
const NON_BREAKING = '\u00a0';

export type CaseMode = 'area' | 'bubbles' | 'cluster' | 'heat';
export type CaseValue = 'count' | 'rate' | 'risk';

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

type AreaFrame = AreaDay;

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
 *
 * @csspart time - The playback controls.
 * @csspart play - The play/pause button.
 * @csspart slider - The date slider.
 * @csspart chart - The time-series chart (click or drag to pick a day).
 * @csspart legend - The legend.
 * @csspart table-toggle - The button showing the data table.
 * @csspart table - The table of cases by area.
 * @csspart error - An error or warning message.
 *
 * @cssprop --chiso-cases-bubble - Colour of circles, clusters and points.
 * @cssprop --chiso-cases-series - Colour of the chart's line.
 * @cssprop --chiso-cases-risk-1 - Colour of risk level 1 (also `--chiso-cases-risk-2`, `-3`, `-4`).
 */
export class ChisoCaseLayer extends ChisoLayerElement {
  static override styles = [tokens, caseLayerStyles, dataTableStyles, dateFieldStyles];

  /** Case points feed URL: GeoJSON Points with `date`, `status` (`home`, `hospital`, `recovered`, `deceased`) and optional `area`. */
  @property() src?: string;

  /** Case points as a value (a GeoJSON FeatureCollection or a parsed feed), instead of `src`. */
  @property({ attribute: false }) data?: unknown;

  /** Counts by area and date: any feed chiso reads (chiso JSON, JSON-stat, CKAN, CSV such as a wide daily table). */
  @property() counts?: string;

  /** Counts as a value, instead of `counts`. */
  @property({ attribute: false }) countData?: unknown;

  /** Population by area (any feed); without it the boundaries' `population` property is used. */
  @property() population?: string;

  /** Population as a value, instead of `population`. */
  @property({ attribute: false }) populationData?: unknown;

  /** `area` (choropleth, default), `bubbles` (proportional circles), `cluster` (MapLibre clusters) or `heat`. */
  @property({ reflect: true }) mode: CaseMode = 'area';

  /** `new` (cases that day, default), `cumulative` (since the range's first day) or `avg7` (7-day average). */
  @property({ reflect: true }) measure: Measure = 'new';

  /** What colours the areas in `area` mode: `count` (default), `rate` (per 100,000 over 7 days) or `risk` (levels 1–4). */
  @property() value: CaseValue = 'count';

  /** The day shown (ISO `2021-08-03`); default the range's last day. Playback moves it. */
  @property() date?: string;

  /** First day of the range (ISO); default the first day with data. */
  @property() from?: string;

  /** Last day of the range (ISO); default the last day with data. */
  @property() to?: string;

  /** Counts from 1 to k − 1 read "< k". Values under 2 are taken as 2. */
  @property({ type: Number }) k = 5;

  /** Zoom from which individual case points are drawn. Unset (default): never; cases show by area only. */
  @property({ attribute: 'min-zoom-points', converter: { fromAttribute: zoomOrNever } }) minZoomPoints?: number;

  /** Properties of a case point a tooltip may show besides date and status (space-separated). */
  @property({ attribute: 'point-fields' }) pointFields = '';

  /** Playback speed, days per second. */
  @property({ type: Number }) speed = 4;

  /** Whether playback is running. */
  @property({ type: Boolean, reflect: true }) playing = false;

  /** Start again from the range's first day after the last. */
  @property({ type: Boolean }) loop = false;

  /** Seconds between refreshes of the feeds; 0: none. */
  @property({ type: Number }) refresh = 0;

  /** Milliseconds one request may take. */
  @property({ type: Number }) timeout = 15000;

  /** Whether the data table is shown. */
  @property({ type: Boolean, reflect: true, attribute: 'table-open' }) tableOpen = false;

  /** Totals over the selected range (exact): `{ total, byStatus, byArea, byDate }`. Undefined until read. */
  /**
   * Counts keyed by pre-2025 commune or province codes, drawn on the 2025 units: `auto` (default) adds them up
   * through the atlas's crosswalk (a new unit made of whole old ones gets their sum; one that took part of a
   * split old unit is not counted and is reported, never shared out by guess); `off` leaves the codes as they are.
   */
  @property() crosswalk: 'auto' | 'off' = 'auto';

  /** What the crosswalk carried (each new unit with the old ones it came from), what it could not and why; undefined when nothing was old. */
  get carried(): CarryResult | undefined {
    return this.carry;
  }

  private carry?: CarryResult;
  private crosswalkData?: Crosswalk;
  private crosswalkFailed = false;
  private crosswalkLoading = false;

  private loadCrosswalk(): void {
    if (this.crosswalkLoading) return;
    this.crosswalkLoading = true;
    const host = this.ctx?.host as unknown as { atlasBase?: string; constructor: { atlasBase?: string } } | undefined;
    loadCrosswalk(host?.atlasBase ?? host?.constructor.atlasBase).then(
      (c) => { this.crosswalkData = c; },
      (e: unknown) => {
        // Old codes are then left as they are (not on the map): said in the layer and with chiso-error.
        this.crosswalkFailed = true;
        this.emitError(new FeedError('load', { text: { vi: caseMsg('vi', 'crosswalkFailed'), en: caseMsg('en', 'crosswalkFailed') }, detail: e instanceof Error ? e.message : undefined }));
      },
    ).then(() => {
      this.crosswalkLoading = false;
      this.requestUpdate();
    });
  }

  /** Counts of old units carried onto the map's units (risk levels are categories: never added up). */
  private carryCounts(model: FeedModel, known: ReadonlyMap<string, unknown> | undefined): FeedModel {
    if (!known || this.crosswalk === 'off' || this.crosswalkFailed || !mayNeedCrosswalk(model, known)) return model;
    if (!this.crosswalkData) {
      this.loadCrosswalk();
      return model;
    }
    const risk = model.observations.filter((o) => RISK_INDICATOR.test(o.indicator));
    const counts = { ...model, observations: model.observations.filter((o) => !RISK_INDICATOR.test(o.indicator)) };
    const carried = carryOldUnits(counts, known, this.crosswalkData);
    if (!carried) return model;
    const r = carried.result;
    this.carry = this.carry
      ? { observations: [...this.carry.observations, ...r.observations], carried: [...this.carry.carried, ...r.carried], notCarried: [...this.carry.notCarried, ...r.notCarried], unmatched: [...new Set([...this.carry.unmatched, ...r.unmatched])].sort() }
      : r;
    return { ...carried.model, observations: [...carried.model.observations, ...risk] };
  }

  get summary(): CaseSummary | undefined {
    return this.currentSummary;
  }

  /** Every day of the data, first to last. */
  get dates(): string[] {
    return this.index ? [...this.index.dates] : [];
  }

  /** Starts playback (from the range's first day when at its end). */
  play(): void {
    if (!this.index) return;
    const [start, end] = this.rangeIdx();
    if (this.dayIdx() >= end) this.setDay(start);
    this.playing = true;
  }

  pause(): void {
    this.playing = false;
  }

  /** Moves the day shown by `days` (negative: back), within the range. */
  step(days = 1): void {
    if (!this.index) return;
    const [start, end] = this.rangeIdx();
    this.setDay(Math.max(start, Math.min(end, this.dayIdx() + days)));
  }

  // ---- inputs ----

  private feed(src: () => string | null | undefined, which: Input): FeedController<LoadedFeed> {
    return new FeedController<LoadedFeed>(this, {
      src,
      load: requestFeed,
      loading: () => {
        if (!this.index) this.setState('loading');
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

  private models: Partial<Record<Input, FeedModel>> = {};
  private errors: Partial<Record<Input, FeedError>> = {};
  private builtFrom: unknown[] = [];
  private index?: CaseIndex;
  private countsMap?: CaseCounts;
  private cases: CasePoint[] = [];
  private pointSource: Array<Record<string, unknown>> = [];
  private skipped = 0;
  private unlocated = 0;
  private riskLevels = new Map<string, Array<[string, number]>>();
  private populationOf = new Map<string, number>();
  private areaRow = new Map<string, number>();
  private currentSummary?: CaseSummary;
  private summaryKey?: string;
  private frame: AreaFrame[] = [];
  private ctx?: MapContext;
  private readonly layerId = `chiso-cases-${++layerCount}`;
  private drawnMode?: string;
  private drawnOnce = false;
  private off: Array<() => void> = [];
  private timer?: ReturnType<typeof setTimeout>;
  private breaks: number[] = [];
  private scaleMax = 1;
  private focusedRow: string | null = null;

  private failed(which: Input, error: FeedError): void {
    this.errors[which] = error;
    if (which !== 'population') this.dataLevelKnown(undefined);
    this.setState(this.index ? 'stale' : 'error');
    this.emitError(error);
    this.settleFirst();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.playing = false;
  }

  /** @internal Called by `<chiso-map>`. */
  mapAttached(ctx: MapContext): Promise<void> {
    this.ctx = ctx;
    this.drawnOnce = false;
    this.drawnMode = undefined;
    for (const id of this.overlayIds) ctx.host.overlayLayerIds.add(id);
    this.bindInteractions(ctx);
    this.requestUpdate();
    const first = this.firstDrawing();
    // Nothing will draw (no input, or it failed or was empty before the map came): the map must not wait.
    const loading = this.pointsFeed.loading || this.countsFeed.loading;
    if (!this.hasInput() || (!loading && (this.state === 'error' || this.state === 'empty'))) this.settleFirst();
    return first;
  }

  /** @internal Called by `<chiso-map>`. */
  mapDetached(): void {
    for (const off of this.off) off();
    this.off = [];
    if (this.ctx) for (const id of this.overlayIds) this.ctx.host.overlayLayerIds.delete(id);
    this.ctx = undefined;
    this.drawnMode = undefined;
    this.drawnOnce = false;
  }

  private hasInput(): boolean {
    return this.data != null || !!this.src || this.countData != null || !!this.counts;
  }

  private get ids() {
    const id = this.layerId;
    return { fill: `${id}-fill`, anchors: `${id}-anchors`, circles: `${id}-circles`, labels: `${id}-labels`, heat: `${id}-heat`, points: `${id}-points`, label: `${id}-t:` };
  }

  private get overlayIds(): string[] {
    const ids = this.ids;
    return [ids.circles, ids.labels, ids.heat, ids.points];
  }

  private get kValue(): number {
    return Math.max(2, Math.round(Number(this.k) || 5));
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
    const inputs = [this.input('points'), this.input('counts'), this.input('population'), this.ctx?.boundaries, this.pointFields, this.crosswalk, this.crosswalkData, this.crosswalkFailed];
    if (inputs.some((x, i) => x !== this.builtFrom[i])) {
      this.builtFrom = inputs;
      this.build();
    }
    if (this.index) {
      const key = JSON.stringify([this.rangeIdx(), this.index.dates.length, this.countsMap?.size]);
      if (key !== this.summaryKey || changed.has('measure')) {
        this.summaryKey = key;
        const [a, b] = this.rangeIdx();
        this.currentSummary = this.summarize([this.index.dates[a], this.index.dates[b]]);
        // After the first drawing, every new summary is a change (the first one goes with chiso-ready).
        if (this.drawnOnce) this.emit<CaseSummary>('change', this.currentSummary);
      }
    }
    if (this.index) {
      // Scales and the day's values before rendering: the legend and the table show them.
      const scaled = ['from', 'to', 'measure', 'value', 'k'].some((p) => changed.has(p as keyof ChisoCaseLayer)) || this.scaledIndex !== this.index;
      if (scaled) {
        this.computeScales();
        this.scaledIndex = this.index;
        this.scalesChanged = true;
      }
      this.frame = this.computeFrame(this.dayIdx());
    }
    if (changed.has('playing') || changed.has('speed')) this.schedulePlayback();
  }

  private scaledIndex?: CaseIndex;
  private scalesChanged = false;

  private readonly reportedParseErrors: Partial<Record<Input, FeedError>> = {};

  private input(which: Input): FeedModel | undefined {
    const value = which === 'points' ? this.data : which === 'counts' ? this.countData : this.populationData;
    return value != null ? this.parsers[which].model : this.models[which];
  }

  /** Reads the inputs into day-indexed counts (points placed in their areas), risk levels and population. */
  private build(): void {
    const points = this.input('points');
    const countsModel = this.input('counts');
    const boundaries = this.ctx?.boundaries;
    const fields = this.pointFields.split(/[\s,]+/).filter(Boolean);
    let cases: CasePoint[] = [];
    this.skipped = 0;
    this.unlocated = 0;
    this.pointSource = [];
    if (points?.points) {
      const read = readCasePoints(points.points);
      cases = read.cases;
      this.skipped = read.skipped;
      for (const c of cases) if (c.area) c.area = normalizeAreaCode(c.area);
      // Points without an area are placed by their coordinates, once the boundaries are known.
      const unplaced = cases.filter((c) => !c.area && c.lon !== undefined);
      if (unplaced.length && boundaries) {
        const areas = boundaries.collection.features.map((f) => ({ code: String(f.id), geometry: f.geometry }) as AreaShape);
        areaOfEachPoint(unplaced as Array<{ lon: number; lat: number }>, areas).forEach((code, i) => {
          if (code) unplaced[i].area = code;
        });
      }
      this.unlocated = cases.filter((c) => !c.area).length;
      // Only whitelisted properties are kept for tooltips: nothing else about a person leaves the feed.
      this.pointSource = cases.map((c) => {
        const props = points.points![c.ref!].properties;
        const kept: Record<string, unknown> = {};
        for (const f of fields) if (props[f] != null && typeof props[f] !== 'object') kept[f] = props[f];
        return kept;
      });
    }
    this.cases = cases;
    // Counts come from `counts`, and from `src` too when that feed holds counts by area and date, not points.
    this.carry = undefined;
    const countModels = [countsModel, points && !points.points?.length ? points : undefined].filter((m): m is FeedModel => !!m)
      .map((m) => this.carryCounts(m, boundaries?.areas));
    const read = countModels.map((m) => readCountFeed(m.observations));
    this.riskLevels = new Map(read.flatMap((r) => [...r.risk]));
    const fromFeed: CaseCounts = mergeCounts(...read.map((r) => r.counts));
    // Neither points nor daily counts: say what was expected, not that there are no cases.
    this.unreadable = (!!points || !!countsModel) && !cases.length && !this.skipped && read.every((r) => !r.dated);
    const counts = cases.length ? mergeCounts(countPoints(cases), fromFeed) : fromFeed;
    this.countsMap = counts;
    const hadIndex = !!this.index;
    this.index = counts.size ? indexCounts(counts) : undefined;
    this.areaRow = new Map(this.index?.areas.map((a, i) => [a, i]));
    this.summaryKey = undefined;
    // Population: the feed's latest figure per area, else the boundaries' own property.
    this.populationOf = new Map();
    if (boundaries) {
      for (const [code, a] of boundaries.areas) {
        const p = Number(a.properties.population);
        if (p > 0) this.populationOf.set(code, p);
      }
    }
    const pop = this.input('population');
    if (pop) {
      const latest = new Map<string, string>();
      for (const o of pop.observations) {
        if (o.value == null || !(o.value > 0)) continue;
        if ((latest.get(o.area) ?? '') > o.period) continue;
        latest.set(o.area, o.period);
        this.populationOf.set(o.area, o.value);
      }
    }
    // A map with no boundaries: counts by province draw the provinces; points and commune counts, communes.
    const known = [points?.points?.length ? 'commune' as const : undefined, ...countModels.map((m) => atlasLevelOf(m.observations))].filter(Boolean);
    if (points || countsModel) this.dataLevelKnown(known.includes('commune') ? 'commune' : known[0]);
    else if (!this.hasInput()) this.dataLevelKnown(undefined);
    if (points || countsModel) {
      const warnings: string[] = [];
      if (this.skipped) warnings.push(this.msg('skipped', { n: formatNumber(this.skipped, this.lang) }));
      if (warnings.length && (this.skipped !== this.reportedSkipped)) {
        this.reportedSkipped = this.skipped;
        this.emitError(new FeedError('schema', { text: { vi: caseMsg('vi', 'skipped', { n: formatNumber(this.skipped, 'vi') }), en: caseMsg('en', 'skipped', { n: formatNumber(this.skipped, 'en') }) } }));
      }
      if (!this.index) {
        this.setState(this.errors.points || this.errors.counts ? 'error' : 'empty');
        this.settleFirst(); // nothing to draw: the map must not wait for this layer
      }
      else if (!hadIndex && !this.ctx) this.setState('loading');
    }
  }

  private reportedSkipped = 0;
  /** The inputs hold neither case points nor counts by area and day. */
  private unreadable = false;

  private summarize(range: [string, string]): CaseSummary {
    const s = summarizeCases(this.countsMap!, range);
    delete s.byArea['']; // cases with no area count in the total, not as an area
    return s;
  }

  private rangeIdx(): [number, number] {
    const dates = this.index?.dates ?? [];
    const last = Math.max(0, dates.length - 1);
    const find = (d: string | undefined, fallback: number, upper: boolean) => {
      if (!d) return fallback;
      let lo = 0;
      while (lo < dates.length && dates[lo] < d) lo++;
      return upper ? (dates[lo] === d ? lo : Math.max(0, lo - 1)) : Math.min(lo, last);
    };
    let a = find(this.from, 0, false);
    let b = find(this.to, last, true);
    if (a > b) [a, b] = [b, a];
    return [a, b];
  }

  private dayIdx(): number {
    const [a, b] = this.rangeIdx();
    if (!this.date || !this.index) return b;
    const i = this.index.dates.indexOf(this.date);
    return i < 0 ? b : Math.max(a, Math.min(b, i));
  }

  private setDay(i: number): void {
    const date = this.index?.dates[i];
    if (!date || date === this.date) return;
    this.date = date;
  }

  // ---- playback ----

  private schedulePlayback(): void {
    clearTimeout(this.timer);
    if (!this.playing || !this.isConnected) return;
    const delay = 1000 / Math.max(0.25, Math.min(60, Number(this.speed) || 4));
    this.timer = setTimeout(() => {
      if (!this.playing || !this.index) return;
      const [start, end] = this.rangeIdx();
      const i = this.dayIdx();
      if (i >= end) {
        if (this.loop) this.setDay(start);
        else {
          this.playing = false;
          return;
        }
      } else this.setDay(i + 1);
      this.schedulePlayback();
    }, delay);
  }

  // ---- a day's values ----

  private computeFrame(i: number): AreaFrame[] {
    return areasOnDay(this.index!, i, { measure: this.measure, rangeStart: this.rangeIdx()[0], population: this.populationOf, riskLevels: this.riskLevels });
  }

  /** Class breaks and circle scale for the whole range, so colours and sizes compare from day to day. */
  private computeScales(): void {
    const { max, breaks } = rangeScales(this.index!, this.rangeIdx(), {
      measure: this.measure, rangeStart: this.rangeIdx()[0], population: this.populationOf, riskLevels: this.riskLevels,
      by: this.shownValue === 'rate' ? 'rate' : 'value', k: this.kValue, classes: 4, classify: classifyQuantile,
    });
    this.scaleMax = max;
    this.breaks = breaks;
  }

  /** What colours the areas: `rate` and `risk` fall back to `count` when they cannot be computed. */
  private get shownValue(): CaseValue {
    if (this.value === 'risk' && (this.populationOf.size || this.riskLevels.size)) return 'risk';
    if (this.value === 'rate' && this.populationOf.size) return 'rate';
    return 'count';
  }

  private colorOf(f: AreaFrame): string | null {
    if (this.shownValue === 'risk') return f.risk ? this.riskColor(f.risk) : null;
    if (f.cases <= 0) return null;
    if (f.cases < this.kValue) return RAMP[0];
    const v = this.shownValue === 'rate' ? f.rate : f.value;
    if (v === undefined) return null;
    return RAMP[Math.min(RAMP.length - 1, 1 + classIndex(v, this.breaks))];
  }

  private riskColor(level: 1 | 2 | 3 | 4): string {
    return getComputedStyle(this).getPropertyValue(`--_risk${level}`).trim() || ['#1a9641', '#ffd92f', '#f28e2b', '#d7191c'][level - 1];
  }

  // ---- drawing ----

  protected override updated(changed: PropertyValues): void {
    const ctx = this.ctx;
    if (!ctx || !this.index) return;
    const structural = ['mode', 'minZoomPoints', 'theme', 'k', 'measure', 'lang'].some((p) => changed.has(p)) || this.drawnMode === undefined;
    const dataChanged = this.drawnIndex !== this.index;
    try {
      if (structural) this.setUpLayers(ctx);
      else if (this.scalesChanged) this.applyScales(ctx);
      this.scalesChanged = false;
      // While playing, the count labels rest (they change faster than anyone reads them, and laying them
      // out is most of a day's drawing: see `npm run bench`); the circles carry the size. Back on pause.
      if (structural || changed.has('playing')) {
        if (ctx.map.getLayer(this.ids.labels)) ctx.map.setLayoutProperty(this.ids.labels, 'visibility', this.playing ? 'none' : 'visible');
      }
      if (dataChanged || structural) this.setPointData(ctx);
      this.drawnIndex = this.index;
      this.drawFrame(ctx);
    } catch (e) {
      this.emitError(new FeedError('unsupported', { detail: (e as Error).message }));
      this.settleFirst();
      return;
    }
    if (changed.has('date') && changed.get('date') !== undefined) {
      const total = this.frame.reduce((t, f) => t + f.value, 0);
      this.emit<CaseDateDetail>('date', { date: this.index.dates[this.dayIdx()], value: total });
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

  private drawnIndex?: CaseIndex;

  private removeLayers(map: MapContext['map']): void {
    const ids = this.ids;
    for (const id of [ids.points, ids.labels, ids.circles, ids.heat, ids.fill]) if (map.getLayer(id)) map.removeLayer(id);
    for (const id of [ids.points, ids.anchors]) if (map.getSource(id)) map.removeSource(id);
  }

  private setUpLayers(ctx: MapContext): void {
    const { map } = ctx;
    const ids = this.ids;
    const k = this.kValue;
    this.removeLayers(map);
    this.drawnMode = this.mode;
    const bubble = this.cssColor('--_bubble', '#c2185b');
    const empty = { type: 'FeatureCollection', features: [] } as GeoJSON.FeatureCollection;
    if (this.mode === 'area') {
      map.addLayer({
        id: ids.fill, type: 'fill', source: ctx.sourceId, ...(ctx.sourceLayer ? { 'source-layer': ctx.sourceLayer } : {}),
        paint: { 'fill-color': ['coalesce', ['feature-state', this.colorKey], 'rgba(0,0,0,0)'], 'fill-opacity': 0.85 },
      }, ctx.beforeId);
    } else {
      const cluster = this.mode === 'cluster';
      map.addSource(ids.anchors, {
        type: 'geojson', data: empty, buffer: 32,
        ...(cluster ? { cluster: true, clusterRadius: 48, clusterMaxZoom: 12, clusterProperties: { n: ['+', ['get', 'n']], c: ['+', ['get', 'c']] } } : {}),
      } as never);
      if (this.mode === 'heat') {
        map.addLayer({
          id: ids.heat, type: 'heatmap', source: ids.anchors,
          paint: {
            'heatmap-weight': this.heatWeight() as never,
            'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 4, 18, 8, 40, 12, 80],
            'heatmap-opacity': 0.8,
          },
        });
      } else {
        map.addLayer({
          id: ids.circles, type: 'circle', source: ids.anchors,
          paint: {
            'circle-radius': this.circleRadius() as never,
            'circle-color': bubble, 'circle-opacity': 0.7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5,
          },
        });
        // Counts as pictures drawn on demand (no glyph server: works offline); under k they read "< k".
        const decimals = this.measure === 'avg7' ? 1 : 0;
        map.addLayer({
          id: ids.labels, type: 'symbol', source: ids.anchors,
          layout: {
            'icon-image': ['concat', ids.label, ['case', ['<', ['get', 'c'], k], `< ${k}`,
              ['number-format', ['get', 'n'], { locale: this.lang.startsWith('en') ? 'en-GB' : 'vi-VN', 'max-fraction-digits': decimals }]]],
            'icon-allow-overlap': true, 'icon-ignore-placement': true,
          },
        });
      }
    }
    if (this.minZoomPoints != null && Number.isFinite(Number(this.minZoomPoints))) {
      map.addSource(ids.points, { type: 'geojson', data: empty, buffer: 16 });
      map.addLayer({
        id: ids.points, type: 'circle', source: ids.points, minzoom: Number(this.minZoomPoints),
        filter: ['==', ['get', 'd'], -1],
        paint: { 'circle-radius': 4, 'circle-color': bubble, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
      });
    }
  }

  private heatWeight(): unknown[] {
    return ['min', 1, ['/', ['get', 'n'], this.scaleMax]];
  }

  /** Circle area proportional to the measure, the range's largest value at 30 px (clusters start at 10 px). */
  private circleRadius(): unknown[] {
    const cluster = this.mode === 'cluster';
    return ['interpolate', ['linear'], ['sqrt', ['get', 'n']], 0, cluster ? 10 : 3, Math.sqrt(this.scaleMax * (cluster ? 4 : 1)), cluster ? 34 : 30];
  }

  /** A new range or measure changes the scales of layers already there. */
  private applyScales(ctx: MapContext): void {
    const ids = this.ids;
    if (ctx.map.getLayer(ids.circles)) ctx.map.setPaintProperty(ids.circles, 'circle-radius', this.circleRadius() as never);
    if (ctx.map.getLayer(ids.heat)) ctx.map.setPaintProperty(ids.heat, 'heatmap-weight', this.heatWeight() as never);
  }

  private get colorKey(): string {
    return `${this.layerId}-color`;
  }

  /** Individual points (opt-in): carry only their day and status index, never other properties. */
  private setPointData(ctx: MapContext): void {
    const source = ctx.map.getSource(this.ids.points) as GeoJSONSource | undefined;
    if (!source || !this.index) return;
    const dayOf = new Map(this.index.dates.map((d, i) => [d, i]));
    const features = this.cases.flatMap((c, i) => c.lon === undefined ? [] : [{
      type: 'Feature' as const, id: i,
      properties: { i, d: dayOf.get(c.date) ?? -1, s: CASE_STATUSES.indexOf(c.status) },
      geometry: { type: 'Point' as const, coordinates: [c.lon, c.lat!] },
    }]);
    source.setData({ type: 'FeatureCollection', features });
  }

  private drawFrame(ctx: MapContext): void {
    const { map } = ctx;
    const ids = this.ids;
    const i = this.dayIdx();
    if (this.mode === 'area') {
      const seen = new Set<string>();
      for (const f of this.frame) {
        seen.add(f.code);
        this.setAreaColor(ctx, f.code, this.colorOf(f));
      }
      // Areas coloured on an earlier day and absent now are cleared.
      for (const code of this.coloured) if (!seen.has(code)) this.setAreaColor(ctx, code, null);
      this.coloured = seen;
    } else {
      const features = [];
      for (const f of this.frame) {
        const anchor = ctx.boundaries?.areas.get(f.code)?.anchor;
        if (!anchor || f.cases <= 0) continue;
        features.push({ type: 'Feature' as const, properties: { a: f.code, n: f.value, c: f.cases }, geometry: { type: 'Point' as const, coordinates: anchor } });
      }
      (map.getSource(ids.anchors) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
    }
    if (map.getLayer(ids.points)) {
      const [from, to] = measureWindow(i, this.measure, this.rangeIdx()[0]);
      map.setFilter(ids.points, ['all', ['>=', ['get', 'd'], from], ['<=', ['get', 'd'], to]]);
    }
    ctx.host.setSummary(this, this.summaryText());
  }

  private coloured = new Set<string>();

  private setAreaColor(ctx: MapContext, code: string, color: string | null): void {
    const target = { source: ctx.sourceId, ...(ctx.sourceLayer ? { sourceLayer: ctx.sourceLayer } : {}), id: ctx.featureId(code) };
    ctx.map.setFeatureState(target, { [this.colorKey]: color });
  }

  private cssColor(name: string, fallback: string): string {
    return getComputedStyle(this).getPropertyValue(name).trim() || fallback;
  }

  /** A count label as a picture (no glyphs needed), drawn when MapLibre first asks for it. */
  private labelImage(text: string): ImageData {
    const ratio = 2;
    const canvas = document.createElement('canvas');
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    const font = `600 ${12 * ratio}px system-ui, 'Segoe UI', Roboto, Arial, sans-serif`;
    g.font = font;
    const w = Math.ceil(g.measureText(text).width + 8 * ratio);
    const h = 18 * ratio;
    canvas.width = w;
    canvas.height = h;
    g.font = font;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.lineJoin = 'round';
    g.lineWidth = 3 * ratio;
    g.strokeStyle = '#ffffff';
    g.fillStyle = '#1f2328';
    g.strokeText(text, w / 2, h / 2);
    g.fillText(text, w / 2, h / 2);
    return g.getImageData(0, 0, w, h);
  }

  // ---- text ----

  private msg(key: CaseMessage, params?: Record<string, string>): string {
    return caseMsg(this.lang, key, params);
  }

  private day(iso: string | undefined): string {
    return formatDate(iso, this.lang);
  }

  /** A count as users may see it: "< k" from 1 to k − 1. */
  private count(n: number): string {
    const k = this.kValue;
    return n > 0 && n < k ? `< ${k}` : formatNumber(n, this.lang, 0);
  }

  /** A figure derived from `cases` (average, rate): "< x" when so few cases are behind it. */
  private derived(cases: number, value: number, valueOfK: number, decimals = 1): string {
    const k = this.kValue;
    return cases > 0 && cases < k ? `< ${formatNumber(valueOfK, this.lang, decimals)}` : formatNumber(value, this.lang, decimals);
  }

  private valueText(f: { cases: number; value: number }, i: number): string {
    if (this.measure !== 'avg7') return this.count(f.cases);
    const win = measureWindow(i, 'avg7');
    return this.derived(f.cases, f.value, this.kValue / (win[1] - win[0] + 1));
  }

  private rateText(f: AreaFrame): string {
    const pop = this.populationOf.get(f.code);
    if (f.rate === undefined || !pop) return '—';
    const win = measureWindow(this.dayIdx(), 'avg7');
    const cases7 = casesIn(this.index!.prefix[this.areaRow.get(f.code)!] ?? new Float64Array(1), win);
    return this.derived(cases7, f.rate, (this.kValue * 100_000) / pop);
  }

  private nameOf(code: string): string {
    return this.ctx?.boundaries?.areas.get(code)?.name ?? code;
  }

  private summaryText(): string {
    const index = this.index;
    if (!index) return '';
    const i = this.dayIdx();
    const [a, b] = this.rangeIdx();
    const win = measureWindow(i, this.measure, a);
    const cases = casesIn(index.totalPrefix, win);
    return this.msg('summary', {
      measure: this.msg(this.measure),
      date: this.day(index.dates[i]),
      n: this.valueText({ cases, value: measureValue(cases, this.measure, win) }, i),
      from: this.day(index.dates[a]),
      to: this.day(index.dates[b]),
      total: this.count(casesIn(index.totalPrefix, [a, b])),
    });
  }

  private areaLines(code: string): string[] {
    const index = this.index!;
    const i = this.dayIdx();
    const f = this.frame.find((x) => x.code === code) ?? { code, cases: 0, value: 0 };
    const row = this.areaRow.get(code);
    const win = measureWindow(i, this.measure, this.rangeIdx()[0]);
    const lines = [this.nameOf(code), `${this.msg('date')}: ${this.day(index.dates[i])}`, `${this.msg(this.measure)}: ${this.valueText(f, i)}`];
    if (row !== undefined) {
      for (const status of [...CASE_STATUSES, 'all'] as Array<CaseStatus | 'all'>) {
        const p = index.statusPrefix[row][status];
        if (!p) continue;
        const n = casesIn(p, win);
        if (n > 0) lines.push(`${this.msg(status)}: ${this.count(n)}`);
      }
    }
    if ((f as AreaFrame).rate !== undefined) lines.push(`${this.msg('rate')}: ${this.rateText(f as AreaFrame)}`);
    const risk = (f as AreaFrame).risk;
    if (risk) lines.push(`${this.msg('risk')}: ${this.msg(`risk${risk}` as CaseMessage)}`);
    return lines;
  }

  // ---- interaction ----

  private bindInteractions(ctx: MapContext): void {
    const { map } = ctx;
    const ids = this.ids;
    const missing = (id: string) => {
      if (!id.startsWith(ids.label) || map.hasImage(id)) return;
      map.addImage(id, this.labelImage(id.slice(ids.label.length)), { pixelRatio: 2 });
    };
    const areaMove = (e: MapLayerMouseEvent) => {
      if (this.mode !== 'area') return;
      if (ctx.host.overlayLayerIds.size && map.queryRenderedFeatures([e.point.x, e.point.y], { layers: [...ctx.host.overlayLayerIds].filter((id) => map.getLayer(id)) }).length) return;
      const id = e.features?.[0]?.id;
      if (id == null) return;
      const code = String(id);
      ctx.host.setHover(code);
      ctx.host.showTooltip([e.lngLat.lng, e.lngLat.lat], this.areaLines(code));
    };
    const circleMove = (e: MapLayerMouseEvent) => {
      const p = e.features?.[0]?.properties;
      if (!p) return;
      map.getCanvas().style.cursor = 'pointer';
      const lngLat = (e.features![0].geometry as GeoJSON.Point).coordinates as [number, number];
      if (p.cluster) ctx.host.showTooltip(lngLat, [this.msg('cluster'), `${this.msg(this.measure)}: ${this.valueText({ cases: p.c, value: p.n }, this.dayIdx())}`]);
      else ctx.host.showTooltip(lngLat, this.areaLines(String(p.a)));
    };
    const pointMove = (e: MapLayerMouseEvent) => {
      const i = e.features?.[0]?.properties?.i;
      const c = typeof i === 'number' ? this.cases[i] : undefined;
      if (!c) return;
      const extra = Object.entries(this.pointSource[i] ?? {}).map(([key, v]) => `${key}: ${String(v)}`);
      ctx.host.showTooltip([c.lon!, c.lat!], [this.msg('point'), `${this.msg('date')}: ${this.day(c.date)}`, `${this.msg('status')}: ${this.msg(c.status)}`, ...extra]);
    };
    const leave = () => {
      map.getCanvas().style.cursor = '';
      ctx.host.setHover(null);
      ctx.host.hideTooltip();
    };
    const select = (code: string) => {
      const f = this.frame.find((x) => x.code === code);
      this.emit<CaseSelectDetail>('select', { code, name: this.nameOf(code), date: this.index?.dates[this.dayIdx()] ?? '', cases: f?.cases ?? 0 });
    };
    const areaClick = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.id;
      if (this.mode === 'area' && id != null) select(String(id));
    };
    const circleClick = async (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (!f) return;
      if (f.properties?.cluster) {
        const source = map.getSource(ids.anchors) as GeoJSONSource;
        const zoom = await source.getClusterExpansionZoom(f.properties.cluster_id as number);
        map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom });
      } else select(String(f.properties?.a));
    };
    const removeMaker = addImageMaker(map, missing);
    map.on('mousemove', ids.fill, areaMove);
    map.on('mouseleave', ids.fill, leave);
    map.on('click', ids.fill, areaClick);
    map.on('mousemove', ids.circles, circleMove);
    map.on('mouseleave', ids.circles, leave);
    map.on('click', ids.circles, circleClick);
    map.on('mousemove', ids.points, pointMove);
    map.on('mouseleave', ids.points, leave);
    this.off.push(
      removeMaker,
      () => map.off('mousemove', ids.fill, areaMove as (e: MapMouseEvent) => void),
      () => map.off('mouseleave', ids.fill, leave),
      () => map.off('click', ids.fill, areaClick as (e: MapMouseEvent) => void),
      () => map.off('mousemove', ids.circles, circleMove as (e: MapMouseEvent) => void),
      () => map.off('mouseleave', ids.circles, leave),
      () => map.off('click', ids.circles, circleClick as unknown as (e: MapMouseEvent) => void),
      () => map.off('mousemove', ids.points, pointMove as (e: MapMouseEvent) => void),
      () => map.off('mouseleave', ids.points, leave),
      () => {
        try {
          for (const code of this.coloured) this.setAreaColor(ctx, code, null);
          this.coloured.clear();
          this.removeLayers(map);
        } catch {
          /* map already removed */
        }
        ctx.host.setSummary(this, null);
      },
    );
  }

  private focusRow(code: string | null): void {
    const host = this.ctx?.host;
    if (!host) return;
    this.focusedRow = code;
    host.setHover(code);
    const anchor = code ? this.ctx?.boundaries?.areas.get(code)?.anchor : undefined;
    if (!code || !anchor) return void host.hideTooltip();
    host.showTooltip(anchor, this.areaLines(code));
  }

  private chartPointer(e: PointerEvent): void {
    if (e.type === 'pointermove' && !(e.buttons & 1)) return;
    const g = this.chart;
    if (!g) return;
    const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * g.width;
    this.playing = false;
    this.setDay(this.rangeIdx()[0] + Math.round(g.invertX(x)));
  }

  /** The chart as last laid out (pointer input reads it back). */
  private chart?: ChartLayout;
  /** The chart's width follows the layer's: its text stays at the layer's font size. */
  private readonly size = new SizeController(this);

  // ---- render ----

  override render() {
    const lang = this.lang;
    const errors = (['points', 'counts', 'population'] as Input[]).map((w) => this.errors[w]?.localizedMessage(lang)).filter(Boolean);
    const warnings: string[] = [];
    if (this.skipped) warnings.push(this.msg('skipped', { n: formatNumber(this.skipped, lang) }));
    if (this.unlocated) warnings.push(this.msg('unlocated', { n: this.count(this.unlocated) }));
    if (this.crosswalkFailed && this.crosswalk !== 'off') warnings.push(this.msg('crosswalkFailed'));
    if (this.carry) {
      const { carried, notCarried, unmatched } = this.carry;
      if (carried.length) warnings.push(this.msg('carried', { n: formatNumber(new Set(carried.map((c) => c.code)).size, lang) }));
      if (notCarried.length) warnings.push(this.msg('notCarried', { n: formatNumber(new Set(notCarried.map((c) => c.code)).size, lang) }));
      if (unmatched.length) warnings.push(this.msg('oldUnknown', { n: formatNumber(unmatched.length, lang), codes: unmatched.slice(0, 5).join(', ') }));
    }
    if (this.index && this.mode === 'area' && this.value !== this.shownValue) warnings.push(this.msg('noPopulation'));
    if (!this.index && (this.input('points') || this.input('counts')) && !errors.length) warnings.push(this.msg(this.unreadable ? 'noCaseData' : 'noCases'));
    return html`
      ${this.index ? this.renderTime() : nothing}
      <div class="controls">
        ${this.index ? this.renderLegend() : nothing}
        <button type="button" part="table-toggle" aria-expanded=${this.tableOpen ? 'true' : 'false'} aria-controls="tables"
          ?disabled=${!this.index} @click=${() => (this.tableOpen = !this.tableOpen)}>${this.msg(this.tableOpen ? 'hideTable' : 'showTable')}</button>
      </div>
      ${this.index ? html`<p class="note">${this.msg('privacy', { k: String(this.kValue) })}</p>` : nothing}
      ${this.state === 'loading' && !this.index ? html`<p part="status" role="status">${this.msg('loading')}</p>` : nothing}
      ${errors.map((m) => html`<p part="error" role="alert">${m}</p>`)}
      ${warnings.map((w) => html`<p part="error" role="alert">${w}</p>`)}
      ${this.tableOpen && this.index ? this.renderTable() : nothing}
    `;
  }

  private renderTime() {
    const index = this.index!;
    const [a, b] = this.rangeIdx();
    const i = this.dayIdx();
    const lang = this.lang;
    // The chart: the measure over the range, every area together, small counts drawn at k.
    const values = chartSeries(index, [a, b], this.measure, this.kValue);
    const fontPx = parseFloat(getComputedStyle(this).fontSize) || 16;
    const axisPx = Math.round(fontPx * 0.75);
    const decimals = this.measure === 'avg7' ? 1 : 0;
    const g = chartLayout({
      width: Math.max(160, this.size.widthOr(600)), height: Math.round(fontPx * 6), xs: Array.from(values, (_, d) => d), values,
      xDomain: [0, Math.max(1, b - a)], fontPx: axisPx, measure: textMeasurer(this, axisPx), formatTick: (v) => formatNumber(v, lang, decimals),
    });
    this.chart = g;
    const x = g.x(i - a);
    const chartLabel = this.msg('chartLabel', {
      measure: this.msg(this.measure), from: this.day(index.dates[a]), to: this.day(index.dates[b]),
      max: formatNumber(g.max, lang, this.measure === 'avg7' ? 1 : 0), peak: this.day(index.dates[a + g.peak]),
    });
    return html`<div part="time" class="time" role="group" aria-label=${this.msg('range')}>
        <button type="button" part="play" aria-pressed=${this.playing ? 'true' : 'false'}
          @click=${() => (this.playing ? this.pause() : this.play())}>${this.playing ? '⏸' : '▶'}<span class="visually-hidden">${this.msg(this.playing ? 'pause' : 'play')}</span></button>
        <button type="button" data-step="-1" aria-label=${this.msg('back')} @click=${() => { this.playing = false; this.step(-1); }}>◀</button>
        <button type="button" data-step="1" aria-label=${this.msg('forward')} @click=${() => { this.playing = false; this.step(1); }}>▶▶</button>
        <span class="current" aria-live=${this.playing ? 'off' : 'polite'}>${this.day(index.dates[i])}</span>
        <label class="slider"><span class="visually-hidden">${this.msg('dateSlider')}</span>
          <input part="slider" type="range" min=${a} max=${b} .value=${String(i)} aria-valuetext=${this.day(index.dates[i])}
            @input=${(e: Event) => { this.playing = false; this.setDay(Number((e.target as HTMLInputElement).value)); }}></label>
        <label>${this.msg('speed')}
          <select data-control="speed" @change=${(e: Event) => (this.speed = Number((e.target as HTMLSelectElement).value))}>
            ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === Number(this.speed)}>${this.msg('perSecond', { n: String(s) })}</option>`)}
          </select></label>
        <label>${this.msg('measure')}
          <select data-control="measure" @change=${(e: Event) => (this.measure = (e.target as HTMLSelectElement).value as Measure)}>
            ${MEASURES.map((m) => html`<option value=${m} ?selected=${m === this.measure}>${this.msg(m)}</option>`)}
          </select></label>
        ${dateField({ label: this.msg('from'), control: 'from', value: index.dates[a], min: index.dates[0], max: index.dates.at(-1)!, lang, onChange: (d) => (this.from = d) })}
        ${dateField({ label: this.msg('to'), control: 'to', value: index.dates[b], min: index.dates[0], max: index.dates.at(-1)!, lang, onChange: (d) => (this.to = d) })}
      </div>
      <svg part="chart" viewBox="0 0 ${g.width} ${g.height}" width=${g.width} height=${g.height} role="img" aria-label=${`${this.msg('chart')}: ${chartLabel}`}
        style="font-size:${axisPx}px" @pointerdown=${(e: PointerEvent) => this.chartPointer(e)} @pointermove=${(e: PointerEvent) => this.chartPointer(e)}>
        ${svg`${g.ticks.map((t) => svg`<line class="tick" x1=${g.plot.left} x2=${g.plot.right} y1=${t.y} y2=${t.y}></line>
          <text x=${g.plot.left - axisPx * 0.4} y=${t.y + axisPx * 0.35} text-anchor="end">${t.text}</text>`)}
          <path class="area" d=${g.area}></path><path class="line" d=${g.line}></path>
          <line class="now" x1=${x} x2=${x} y1=${g.plot.top} y2=${g.plot.bottom}></line>`}
      </svg>`;
  }

  private renderLegend() {
    const k = this.kValue;
    const lang = this.lang;
    if (this.mode !== 'area') {
      const key = this.mode === 'heat' ? 'heat' : this.mode === 'cluster' ? 'cluster' : 'bubble';
      return html`<ul part="legend" aria-label=${this.msg('layerName')}><li><span class="dot" aria-hidden="true"></span>${this.msg(key)}</li></ul>`;
    }
    if (this.shownValue === 'risk') {
      const levels = [1, 2, 3, 4] as const;
      return html`<ul part="legend" aria-label=${this.msg('risk')}>
        ${levels.map((l) => html`<li data-risk=${l}><span class="swatch" style="background:${this.riskColor(l)}" aria-hidden="true"></span>${this.msg(`risk${l}` as CaseMessage)}</li>`)}
        <li class="note">${this.msg(this.riskLevels.size ? 'riskFromFeed' : 'riskFromRule')}</li>
      </ul>`;
    }
    const unit = this.shownValue === 'rate' ? '' : `${NON_BREAKING}${this.msg('casesUnit')}`;
    const fmt = (v: number) => formatNumber(v, lang, v < 100 ? 1 : 0);
    const labels = [`< ${k} ${this.msg('casesUnit')}`];
    const bounds = this.breaks;
    for (let c = 0; c <= bounds.length; c++) {
      const lo = c === 0 ? undefined : bounds[c - 1];
      const hi = bounds[c];
      labels.push(lo === undefined ? `< ${fmt(hi ?? 0)}${unit}` : hi === undefined ? `≥ ${fmt(lo)}${unit}` : `${fmt(lo)} – < ${fmt(hi)}${unit}`);
    }
    if (!bounds.length) labels.splice(1, labels.length - 1, `≥ ${k}${unit}`);
    return html`<ul part="legend" aria-label=${this.shownValue === 'rate' ? this.msg('rate') : this.msg(this.measure)}>
      ${labels.map((text, c) => html`<li data-class=${c}><span class="swatch" style="background:${RAMP[Math.min(c, RAMP.length - 1)]}" aria-hidden="true"></span>${text}</li>`)}
    </ul>`;
  }

  private renderTable() {
    const index = this.index!;
    const [a, b] = this.rangeIdx();
    const i = this.dayIdx();
    const win = measureWindow(i, this.measure, a);
    const statuses = ([...CASE_STATUSES, 'all'] as Array<CaseStatus | 'all'>).filter((s) => index.statusPrefix.some((p) => p[s]));
    const showRate = this.populationOf.size > 0;
    const showRisk = this.frame.some((f) => f.risk);
    const rows = this.frame
      .map((f) => {
        const row = this.areaRow.get(f.code);
        const total = row === undefined ? 0 : casesIn(index.prefix[row], [a, b]);
        return { ...f, row, total, name: this.nameOf(f.code) };
      })
      .filter((r) => r.total > 0 || r.risk)
      .sort((x, y) => y.total - x.total || collator.compare(x.name, y.name));
    const caption = this.msg('tableCaption', { date: this.day(index.dates[i]), measure: this.msg(this.measure), from: this.day(index.dates[a]), to: this.day(index.dates[b]) });
    return html`<div id="tables" class="table-wrap">
      <table part="table">
        <caption>${caption}</caption>
        <thead><tr>
          <th scope="col">${this.msg('area')}</th>
          <th scope="col" class="num">${this.msg(this.measure)}</th>
          <th scope="col" class="num">${this.msg('inRange')}</th>
          ${statuses.map((s) => html`<th scope="col" class="num">${this.msg(s)}</th>`)}
          ${showRate ? html`<th scope="col" class="num">${this.msg('rate')}</th>` : nothing}
          ${showRisk ? html`<th scope="col">${this.msg('risk')}</th>` : nothing}
        </tr></thead>
        <tbody>
          ${rows.map((r) => html`<tr tabindex="0" data-code=${r.code} class=${this.focusedRow === r.code ? 'current' : ''}
            @focus=${() => this.focusRow(r.code)} @blur=${() => this.focusRow(null)}>
            <th scope="row">${r.name}</th>
            <td class="num">${this.valueText(r, i)}</td>
            <td class="num">${this.count(r.total)}</td>
            ${statuses.map((s) => {
              const p = r.row === undefined ? undefined : index.statusPrefix[r.row][s];
              return html`<td class="num">${this.count(p ? casesIn(p, [a, b]) : 0)}</td>`;
            })}
            ${showRate ? html`<td class="num">${this.rateText(r)}</td>` : nothing}
            ${showRisk ? html`<td data-risk=${r.risk ?? ''}>${r.risk ? this.msg(`risk${r.risk}` as CaseMessage) : this.msg('riskUnknown')}</td>` : nothing}
          </tr>`)}
        </tbody>
        <tfoot><tr>
          <th scope="row">${this.lang.startsWith('en') ? 'Total' : 'Tổng'}</th>
          <td class="num">${this.valueText({ cases: casesIn(index.totalPrefix, win), value: measureValue(casesIn(index.totalPrefix, win), this.measure, win) }, i)}</td>
          <td class="num">${this.count(casesIn(index.totalPrefix, [a, b]))}</td>
          ${statuses.map((s) => html`<td class="num">${this.count(this.currentSummary?.byStatus[s] ?? 0)}</td>`)}
          ${showRate ? html`<td></td>` : nothing}
          ${showRisk ? html`<td></td>` : nothing}
        </tr></tfoot>
      </table>
    </div>`;
  }
}

type Input = 'points' | 'counts' | 'population';
