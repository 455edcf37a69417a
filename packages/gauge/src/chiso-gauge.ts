import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import {
  FeedError, formatDelta, formatNumber, formatPeriod, formatValue, levelLabel, localize, msg,
  selectObservation,
} from '@chiso/core';
import type { Direction, LoadedFeed, Selected } from '@chiso/core';
import { ChisoElement, DataParser, FeedController, tokens, type FeedHost } from '@chiso/core/element';
import { gaugeStyles } from './chiso-gauge.styles.js';
import { arcPath, tickPath } from './geometry.js';
import { bandIndexOf, bandLabel, bandsOf, resolveGauge, type GaugeOverrides, type GaugeView } from './gauge-model.js';

/** Reads `thresholds="50 80"` (spaces or commas) into numbers. */
export const thresholdsConverter = {
  fromAttribute(value: string | null): number[] | undefined {
    if (value == null || !value.trim()) return undefined;
    return value.split(/[\s;]+|,(?=\s)/).map((t) => Number(t.replace(',', '.'))).filter(Number.isFinite);
  },
};

/** What the `data` property takes: a feed (any format `parseFeed` reads), a parsed model, a selection, or `{ value, … }`. */
export type GaugeData = unknown;

const ARC_FROM = -120;
const ARC_TO = 120;

/** The settings an attribute (or a `{ value, … }` data object) may give over the feed's. */
const OVERRIDE_KEYS = ['value', 'min', 'max', 'unit', 'target', 'thresholds', 'label', 'direction', 'decimals', 'countUnit'] as const;

/**
 * A service-rate gauge: one indicator value against its range, thresholds and target, with the change
 * since the previous period and the numerator/denominator behind a rate. Vietnamese first.
 *
 * @summary One indicator value as an arc, ring or bullet gauge.
 * @tag chiso-gauge
 *
 * @fires chiso-ready - After the first render with new data. Detail: `{ value, label, area, period, band }`.
 * @fires chiso-error - When the feed or the value cannot be shown. Detail: `{ code, message, path?, status? }`.
 * @fires chiso-download - Before a file is saved from the download menu (cancelable: the page may keep it). Detail: `{ format: 'csv' | 'png', filename, text? (CSV), blob? (PNG) }`.
 *
 * @csspart base - The figure around everything.
 * @csspart label - The indicator's name.
 * @csspart subtitle - Area and period.
 * @csspart meter - The element with `role="meter"` (focusable).
 * @csspart chart - The SVG drawing.
 * @csspart track - The empty track.
 * @csspart bands - The threshold bands.
 * @csspart indicator - The value arc or bar, coloured by its band.
 * @csspart target - The target marker.
 * @csspart value - The formatted value.
 * @csspart delta - The change since the previous period.
 * @csspart ratio - Numerator / denominator.
 * @csspart details - The details disclosure with a data table.
 * @csspart download - The "Tải xuống" button in the details, opening the download menu (hidden by `no-download`).
 * @csspart download-menu - The download menu: the data as CSV, the picture as PNG, a link.
 * @csspart source - The source line: who published the figures and when they were updated (hidden by `no-source`).
 * @csspart stale - "Dữ liệu cũ" (stale data) at the end of the source line, after a failed refresh.
 * @csspart error - The error message.
 * @csspart empty - The no-data message.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --chiso-color-good - Colour of the good band (default #1a7f37).
 * @cssprop --chiso-color-fair - Colour of the middle band (default #9a6700).
 * @cssprop --chiso-color-bad - Colour of the bad band (default #cf222e).
 * @cssprop --chiso-color-accent - Colour of a value with no thresholds, and of links.
 * @cssprop --chiso-color-track - Colour of the empty track.
 * @cssprop --chiso-color-target - Colour of the target marker.
 * @cssprop --chiso-color-text - Text colour.
 * @cssprop --chiso-color-text-muted - Secondary text colour.
 * @cssprop --chiso-color-background - Background.
 * @cssprop --chiso-color-border - Border colour.
 * @cssprop --chiso-color-focus - Focus ring colour.
 * @cssprop --chiso-color-skeleton - Loading placeholder colour.
 * @cssprop --chiso-font-family - Font family.
 * @cssprop --chiso-font-size - Base font size (default 1rem, so it follows the portal's A-/A+).
 * @cssprop --chiso-radius - Corner radius.
 * @cssprop --chiso-gauge-value-size - Font size of the value (default 2rem).
 * @cssprop --chiso-gauge-max-width - Largest width (default 22rem).
 * @cssprop --chiso-gauge-padding - Inner padding.
 * @cssprop --chiso-gauge-border-color - Border colour of the gauge.
 */
export class ChisoGauge extends ChisoElement implements FeedHost {
  static override styles = [tokens, gaugeStyles];
  /** @internal What lit reads the attributes into: written out once, not a decorator per property (bytes every gauge page pays). */
  static override properties = {
    src: {}, indicator: {}, area: {}, level: {}, period: {}, refresh: { type: Number }, timeout: { type: Number },
    value: {}, min: { type: Number }, max: { type: Number }, unit: {}, target: { type: Number },
    thresholds: { converter: thresholdsConverter }, label: {}, direction: {}, decimals: { type: Number },
    countUnit: { attribute: 'count-unit' }, variant: { reflect: true }, data: { attribute: false },
  };

  /** URL of an indicator feed (chiso v1, JSON-stat, CKAN, GeoJSON or CSV). */
  src?: string;
  /** Indicator id to show; the feed's first by default. */
  indicator?: string;
  /** Area code (GSO) or name to show; the widest level's first area by default. */
  area?: string;
  /** Administrative level (`province`, `district`, `commune`) when the feed has several for one area. */
  level?: string;
  /** Period (`2021`, `2021-Q1`, `2021-05`); the latest with a value by default. */
  period?: string;
  /** Seconds between feed refreshes (dashboards); 0 (default) never refreshes. */
  refresh = 0;
  /** Milliseconds a feed request may take before it fails with `timeout`. Default 15 000. */
  timeout?: number;

  /** Inline value; overrides the feed's. Text that is not a number gives the error state. */
  value?: string | number;
  /** Lowest value of the scale (default 0). */
  min?: number;
  /** Highest value of the scale (default 100). */
  max?: number;
  /** Unit: `%` for rates (values outside 0–100 are an error), else e.g. `hồ sơ`. */
  unit?: string;
  /** Target value, drawn as a marker. */
  target?: number;
  /** Band boundaries, e.g. `thresholds="50 80"`. */
  thresholds?: number[];
  /** Label; the indicator's name by default. */
  label?: string;
  /** `higher-is-better` (default) or `lower-is-better`: which end of the bands is good. */
  direction?: Direction;
  /** Decimals shown; the indicator's by default, else up to 2. */
  decimals?: number;
  /** Unit of numerator and denominator, e.g. `hồ sơ`. */
  countUnit?: string;
  /** Shape: `arc` (default), `ring` or `bullet`. */
  variant: 'arc' | 'ring' | 'bullet' = 'arc';
  /** Data given directly: a feed object or text, a parsed model, a `{ indicator, observation, previous }` selection, or `{ value, … }`. */
  data?: GaugeData;

  private readonly feed = new FeedController(this);
  private readonly parser = new DataParser(this);
  private feedError?: FeedError;
  private view?: GaugeView;
  private lastGood?: GaugeView;
  private error?: FeedError;
  private emittedError?: FeedError;
  private readyKey?: string;
  private pendingReady = false;
  private selectionKey = '';

  /** The figures shown as CSV (UTF-8 with BOM, plain numbers, period and source on each row); empty before data. */
  async toCSV(): Promise<string> {
    const v = this.current;
    return v ? (await import('./gauge-csv.js')).gaugeCsv([v], this.lang, this.model?.source, this.source) : '';
  }

  /** The gauge as the reader sees it: a PNG (`scale`, default 2) or an SVG whose words stay text, its source under it. */
  async toImage(options?: { format?: 'png' | 'svg'; scale?: number }): Promise<Blob> {
    return (await import('./gauge-csv.js')).gaugePicture(this, this.current, this.model?.source, options);
  }

  /** The feed read: the `data` given, else the one fetched from `src`. */
  private get model() {
    return (this.data != null ? this.parser : this.feed.loaded)?.model;
  }

  /** The view being shown, for tests and developers: value, band, delta… (read-only). */
  get current(): Readonly<GaugeView> | undefined {
    return this.view ?? this.lastGood;
  }

  feedLoading(): void {
    this.requestUpdate();
  }

  feedLoaded(_loaded: LoadedFeed): void {
    this.feedError = undefined;
    this.requestUpdate();
  }

  feedFailed(error: FeedError): void {
    this.feedError = error;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = [this.src, this.indicator, this.area, this.level, this.period].join('|');
    if (key !== this.selectionKey) {
      this.selectionKey = key;
      this.lastGood = undefined;
    }
    if (changed.has('src') && !this.src) this.feedError = undefined;
    this.resolve();
  }

  private overrides(extra: Record<string, unknown> = {}): GaugeOverrides {
    const o: Record<string, unknown> = {};
    // The data's own settings, then the inline attributes, which win; unset, empty and NaN ones count for nothing.
    for (const from of [extra, this as unknown as Record<string, unknown>]) {
      for (const k of OVERRIDE_KEYS) {
        const v = from[k];
        if (v !== undefined && v !== null && v !== '' && !(typeof v === 'number' && Number.isNaN(v))) o[k] = v;
      }
    }
    return o as GaugeOverrides;
  }

  /** Works out view, error and state from data, feed and attributes. */
  private resolve(): void {
    const selector = { indicator: this.indicator, area: this.area, level: this.level, period: this.period };
    let selected: Selected | null | undefined;
    let extra: Record<string, unknown> = {};
    let error: FeedError | undefined;
    let parsing = false;
    const data = this.data as Record<string, unknown> | string | undefined | null;
    if (data != null && typeof data === 'object' && 'observation' in data) {
      selected = data as unknown as Selected;
    } else if (data != null && typeof data === 'object' && !('chiso' in data) && !('observations' in data) && !('type' in data) && !('dimension' in data) && 'value' in data) {
      extra = data;
    } else if (data != null) {
      this.parser.read(data);
      error = this.parser.error;
      parsing = this.parser.pending;
      if (this.parser.model) selected = selectObservation(this.parser.model, selector);
    } else if (this.feed.loaded) {
      selected = selectObservation(this.feed.loaded.model, selector);
    }

    const hasInlineValue = this.value !== undefined && this.value !== null && this.value !== '';
    const waitingForFeed = (parsing || (!!this.src && data == null && !this.feed.loaded && !this.feedError)) && !hasInlineValue;
    this.view = undefined;
    if (!error && data == null && this.src && this.feedError && !hasInlineValue) error = this.feedError;
    if (waitingForFeed) {
      this.error = undefined;
      this.setState(this.lastGood ? 'stale' : 'loading');
      return;
    }
    if (!error) {
      const noSource = data == null && !this.src && !hasInlineValue;
      if (noSource) {
        this.error = undefined;
        this.setState('empty');
        return;
      }
      const r = resolveGauge(selected, this.overrides(extra), this.lang);
      if (r.kind === 'error') error = r.error;
      else if (r.kind === 'empty') {
        this.error = undefined;
        this.setState('empty');
        return;
      } else {
        this.view = r.view;
      }
    }
    if (error) {
      this.error = error;
      this.setState(this.lastGood ? 'stale' : 'error');
      return;
    }
    // A feed that failed its refresh but still has data: show it, marked stale.
    this.error = data == null && this.feedError && this.feed.loaded ? this.feedError : undefined;
    this.lastGood = this.view;
    this.setState(this.error ? 'stale' : 'ready');
    const readyKey = JSON.stringify([this.view, this.lang]);
    if (readyKey !== this.readyKey) {
      this.readyKey = readyKey;
      this.pendingReady = true;
    }
  }

  protected override updated(): void {
    if (this.error && this.error !== this.emittedError) {
      this.emittedError = this.error;
      this.emitError(this.error);
    }
    if (!this.error) this.emittedError = undefined;
    if (this.pendingReady && this.view) {
      this.pendingReady = false;
      const v = this.view;
      this.emit('ready', { value: v.value, label: v.label, area: v.area, period: v.period, band: v.band });
    }
  }

  protected override render(): TemplateResult {
    const state = this.state;
    const view = this.view ?? (state === 'stale' ? this.lastGood : undefined);
    const lang = this.lang;
    if (!view) {
      const message = state === 'loading' ? html`<span part="skeleton" role="img" aria-label=${msg(lang, 'loading')}></span>` : this.error
        ? html`<p part="error" role="alert"><strong>${msg(lang, 'errorTitle')}</strong><br />${this.error.localizedMessage(lang)}</p>`
        : html`<p part="empty" role="status">${msg(lang, this.src || this.data != null || this.value != null ? 'empty' : 'emptyNoSource')}</p>`;
      // The host says aria-busy while loading (see ChisoElement's states).
      return html`<figure part="base" class="variant-${this.variant}">
        ${this.label ? html`<figcaption part="label">${this.label}</figcaption>` : nothing}${message}
      </figure>`;
    }
    return this.renderView(view, lang);
  }

  private valueText(v: GaugeView, lang: string): string {
    return formatValue(v.value, v.unit, lang, v.decimals);
  }

  private ariaText(v: GaugeView, lang: string): string {
    const parts = [this.valueText(v, lang)];
    if (v.band !== 'none') parts.push(`${msg(lang, 'status').toLowerCase()}: ${bandLabel(v.band, lang).toLowerCase()}`);
    if (v.target !== undefined) {
      const met = v.direction === 'lower-is-better' ? v.value <= v.target : v.value >= v.target;
      parts.push(`${msg(lang, met ? 'targetMet' : 'targetMissed')} ${formatValue(v.target, v.unit, lang, v.decimals)}`);
    }
    if (v.delta !== undefined) {
      const word = msg(lang, v.delta > 0 ? 'up' : v.delta < 0 ? 'down' : 'unchanged');
      const amount = formatDelta(v.delta, v.unit, lang, v.decimals).replace(/^[▲▼■]\s*/, '');
      parts.push(v.delta === 0 ? `${word} ${msg(lang, 'comparedToPrevious')}` : `${word} ${amount} ${msg(lang, 'comparedToPrevious')}`);
    }
    return parts.join('; ');
  }

  private renderChart(v: GaugeView): TemplateResult {
    const bands = bandsOf(v.thresholds, v.direction);
    const edges = [v.min, ...v.thresholds.filter((t) => t > v.min && t < v.max), v.max];
    const frac = (x: number) => Math.min(1, Math.max(0, (x - v.min) / (v.max - v.min)));
    const bandClass = (i: number) => `band-${bands[bandIndexOf(edges[i], v.thresholds)]}`;
    if (this.variant === 'bullet') {
      const W = 300;
      const x = (f: number) => Math.round(f * W * 100) / 100;
      return html`<svg part="chart" viewBox="0 -4 ${W} 40" aria-hidden="true" focusable="false">
        ${svg`<rect part="track" class="track" x="0" y="8" width=${W} height="16" rx="3" fill="var(--_track)"></rect>
        <g part="bands" class="bands">${edges.slice(0, -1).map((e, i) => svg`<rect class=${bandClass(i)} x=${x(frac(e))} y="28" width=${Math.max(0, x(frac(edges[i + 1])) - x(frac(e)))} height="4"></rect>`)}</g>
        <rect part="indicator" class="band-${v.band}" x="0" y="8" width=${x(v.fraction)} height="16" rx="3" style="stroke:none"></rect>
        ${v.target !== undefined ? svg`<path part="target" d=${`M${x(frac(v.target))} 2L${x(frac(v.target))} 30`}></path>` : nothing}`}
      </svg>`;
    }
    const ring = this.variant === 'ring';
    const from = ring ? 0 : ARC_FROM;
    const to = ring ? 360 : ARC_TO;
    const angle = (f: number) => from + (to - from) * f;
    const cx = 100, cy = 100, r = 78;
    const height = ring ? 200 : 150;
    return html`<svg part="chart" viewBox="0 0 200 ${height}" aria-hidden="true" focusable="false">
      ${svg`<path part="track" class="track" d=${arcPath(cx, cy, r, from, to)} stroke-width="16"></path>
      <g part="bands" class="bands">${edges.slice(0, -1).map((e, i) => svg`<path class=${bandClass(i)} d=${arcPath(cx, cy, r + 14, angle(frac(e)), angle(frac(edges[i + 1])))} stroke-width="4"></path>`)}</g>
      ${v.fraction > 0 ? svg`<path part="indicator" class="band-${v.band}" d=${arcPath(cx, cy, r, from, angle(v.fraction))} stroke-width="16"></path>` : nothing}
      ${v.target !== undefined ? svg`<path part="target" d=${tickPath(cx, cy, r - 12, r + 18, angle(frac(v.target)))}></path>` : nothing}`}
    </svg>`;
  }

  private renderView(v: GaugeView, lang: string): TemplateResult {
    const subtitle = [v.areaName, v.level && !v.areaName ? levelLabel(v.level, lang) : '', v.period ? formatPeriod(v.period, lang) : '']
      .filter(Boolean).join(' · ');
    const count = (n: number) => formatNumber(n, lang, 0);
    const countUnit = v.countUnit ? localize(v.countUnit, lang) : '';
    // Both: "12.345 / 14.604 hồ sơ"; the numerator alone (a source that gives the count, not the base): "349.887 hồ sơ trực tuyến".
    // A one-word unit stays with its number; a longer one may wrap on a narrow gauge.
    const unitText = countUnit ? `${/\s/.test(countUnit) ? ' ' : '\u00a0'}${countUnit}` : '';
    const ratio = v.numerator !== undefined && v.denominator !== undefined ? `${count(v.numerator)} / ${count(v.denominator)}${unitText}`
      : v.numerator !== undefined ? `${count(v.numerator)}${unitText}` : '';
    const delta = v.delta !== undefined ? formatDelta(v.delta, v.unit, lang, v.decimals) : '';
    const source = this.model?.source;
    const fetchedAt = this.feed.loaded?.fetchedAt;
    const stale = this.state === 'stale';
    const valueText = this.valueText(v, lang);
    // Its length sizes the value to the room it has (see the styles).
    const valueEl = html`<div part="value" aria-hidden="true" style=${`--_chars:${Math.max(4, valueText.length)}`}>${valueText}</div>`;
    // The observation's own source (a file of figures from several reports) before the feed's.
    const shownSource = v.source ?? source;
    return html`<figure part="base" class="variant-${this.variant} band-${v.band}">
      <figcaption part="label">${v.label}</figcaption>
      ${subtitle ? html`<div part="subtitle">${subtitle}</div>` : nothing}
      <div part="meter" role="meter" tabindex="0"
        aria-label=${[v.label, subtitle].filter(Boolean).join(', ')}
        aria-valuemin=${v.min} aria-valuemax=${v.max}
        aria-valuenow=${Math.min(v.max, Math.max(v.min, v.value))}
        aria-valuetext=${this.ariaText(v, lang)}>
        ${this.variant === 'bullet' ? html`${valueEl}${this.renderChart(v)}` : html`${this.renderChart(v)}${valueEl}`}
      </div>
      ${delta ? html`<div part="delta" class=${v.deltaImproves === undefined ? '' : v.deltaImproves ? 'improves' : 'worsens'}
        title=${`${msg(lang, 'comparedToPrevious')}${v.previous ? ` (${formatPeriod(v.previous.period, lang)})` : ''}`}>${delta}</div>` : nothing}
      ${ratio ? html`<div part="ratio">${ratio}</div>` : nothing}
      ${this.citeLine(shownSource, stale ? this.staleNote(fetchedAt) : undefined)}
      ${stale && this.error ? html`<p part="error" role="alert">${this.error.localizedMessage(lang)}</p>` : nothing}
      <details part="details" @toggle=${this.openDetails}>
        <summary>${msg(lang, 'details')}</summary>
        ${this.details?.detailsContent(v, { value: valueText, delta, ratio, source: this.sourceOf(shownSource) }, lang, this)}
      </details>
    </figure>`;
  }

  /** The details' code, once a reader has opened them. */
  private details?: typeof import('./gauge-details.js');
  private detailsLoad?: Promise<void>;

  private openDetails(e: Event): void {
    // Once, however often the details are toggled while it loads; again on the next opening if it failed.
    if ((e.target as HTMLDetailsElement).open) {
      this.detailsLoad ??= import('./gauge-details.js').then((m) => {
        m.adoptDetailsStyles(this.shadowRoot!);
        this.details = m;
        this.requestUpdate();
      }, () => { this.detailsLoad = undefined; });
    }
  }


}

declare global {
  interface HTMLElementTagNameMap {
    'chiso-gauge': ChisoGauge;
  }
}
