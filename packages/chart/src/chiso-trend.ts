import { css, html, nothing, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  comparePeriods, formatDelta, formatNumber, formatPeriod, formatPeriodShort, formatValue, isPartYear, localize, normalizeAreaCode,
  periodBounds, resolveIndicator, sameTimeYearBefore,
  type FeedError, type FeedModel, type Indicator, type LoadedFeed, type Observation,
} from '@chiso/core';
import { ChisoElement, DataParser, FeedController, SizeController, textMeasurer, tokens } from '@chiso/core/element';
import { chartLayout } from './chart-geometry.js';

const msg = {
  vi: { loading: 'Đang tải số liệu…', empty: 'Chưa có số liệu theo thời gian.', showTable: 'Xem bảng số liệu', hideTable: 'Ẩn bảng số liệu', period: 'Kỳ', value: 'Giá trị', since: 'so với kỳ trước', summary: '{label}: từ {first} ({firstValue}) đến {last} ({lastValue}); cao nhất {max} ({peak}).', stale: 'Đang hiển thị số liệu cũ.' },
  en: { loading: 'Loading data…', empty: 'No data over time yet.', showTable: 'Show data table', hideTable: 'Hide data table', period: 'Period', value: 'Value', since: 'since the previous period', summary: '{label}: from {first} ({firstValue}) to {last} ({lastValue}); highest {max} ({peak}).', stale: 'Showing earlier data.' },
};
type Key = keyof typeof msg.vi;
const t = (lang: string, key: Key, params: Record<string, string> = {}) =>
  (lang.startsWith('en') ? msg.en : msg.vi)[key].replace(/\{(\w+)\}/g, (_, p: string) => params[p] ?? '');

/** One point of the series. */
export interface TrendPoint {
  period: string;
  value: number;
  /** A part of a year (`2021-01/2021-05`) among whole periods: drawn apart, never joined to them or compared with them. */
  partial?: boolean;
}

/** Detail of `chiso-ready`: the series drawn. */
export interface TrendDetail {
  indicator: string;
  area?: string;
  points: TrendPoint[];
}

/**
 * An indicator over time as a small line chart: dossiers received per year, the online rate per quarter.
 * Reads any feed chiso reads; picks one indicator, area and level, orders the periods, and draws the line,
 * the last value and its change. The chart has a text alternative and a data table.
 *
 * @summary An indicator over time, as an accessible line chart.
 * @tag chiso-trend
 *
 * @fires chiso-ready - When a series is drawn. Detail: `{ indicator, area, points }`.
 * @fires chiso-error - When the feed cannot be read. Detail: `{ code, message }`.
 *
 * @csspart title - The label.
 * @csspart value - The last value and its change.
 * @csspart chart - The SVG chart.
 * @csspart table-toggle - The button showing the data table.
 * @csspart table - The data table.
 * @csspart error - An error message.
 *
 * @cssprop --chiso-trend-color - Colour of the line (default the accent colour).
 */
export class ChisoTrend extends ChisoElement {
  static override styles = [tokens, css`
    :host { display: block; container-type: inline-size; font-size: var(--chiso-font-size, 1rem); overflow-wrap: anywhere; --_line: var(--chiso-trend-color, var(--_accent)); }
    :host([theme='contrast']) { --_line: var(--chiso-trend-color, #ffff00); }
    [part='title'] { margin: 0; font-weight: 600; font-size: 1em; }
    [part='value'] { margin: 0.15rem 0 0; font-size: clamp(1em, 9cqi, 1.5em); font-weight: 700; font-variant-numeric: tabular-nums; }
    .table-wrap { overflow-x: auto; max-width: 100%; }
    .delta { font-size: 0.6em; font-weight: 400; color: var(--_muted); margin-inline-start: 0.5em; }
    svg { display: block; width: 100%; height: auto; }
    .span { stroke: var(--_line); stroke-width: 2; stroke-dasharray: 3 2; }
    .area { fill: var(--_line); fill-opacity: 0.15; }
    .line { fill: none; stroke: var(--_line); stroke-width: 2; }
    .dot { fill: var(--_bg); stroke: var(--_line); stroke-width: 2; }
    .dot.partial { stroke-dasharray: 2 2; fill: var(--_bg); }
    .period { font-size: 0.6em; font-weight: 400; color: var(--_muted); margin-inline-start: 0.5em; }
    .tick { stroke: var(--_border); }
    text { fill: var(--_muted); font-family: var(--_font); }
    button { font: inherit; font-size: 0.875em; color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.3rem 0.6rem; min-height: 2rem; cursor: pointer; }
    button:focus-visible { outline: 3px solid var(--_focus); outline-offset: 1px; }
    table { border-collapse: collapse; margin-top: 0.5rem; font-size: 0.875em; }
    th, td { padding: 0.2rem 0.6rem; border-top: 1px solid var(--_border); text-align: start; }
    td { text-align: end; font-variant-numeric: tabular-nums; }
    [part='error'], .note { margin: 0.4rem 0 0; font-size: 0.875em; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    [part='error'] { border-inline-start: 4px solid var(--_bad); padding-inline-start: 0.5rem; }
  `];

  /** Feed URL (any format chiso reads). */
  @property() src?: string;

  /** The feed as a value (object, JSON or CSV text, or a parsed model), instead of `src`. */
  @property({ attribute: false }) data?: unknown;

  /** Indicator id; the feed's first when empty. */
  @property() indicator?: string;

  /** Area code; the widest area of the feed when empty. */
  @property() area?: string;

  /** Level (`province`, `district`, `commune`); any when empty. */
  @property() level?: string;

  /** Title; the indicator's name when empty. */
  @property() label?: string;

  /** Unit, overriding the feed's. */
  @property() unit?: string;

  /** Decimals shown, overriding the feed's. */
  @property({ type: Number }) decimals?: number;

  /** Seconds between refreshes of `src`; 0: none. */
  @property({ type: Number }) refresh = 0;

  /** Milliseconds one request may take. */
  @property({ type: Number }) timeout?: number;

  /** Whether the data table is shown. */
  @property({ type: Boolean, reflect: true, attribute: 'table-open' }) tableOpen = false;

  /** The width the chart is drawn at: its text stays at the element's font size. */
  private readonly size = new SizeController(this);

  /** The series drawn (read-only). */
  get points(): TrendPoint[] {
    return [...(this.series?.points ?? [])];
  }

  protected readonly feed = new FeedController(this);
  private readonly parser = new DataParser(this);
  private model?: FeedModel;
  private feedError?: FeedError;
  private series?: { indicator: Indicator; area?: string; points: TrendPoint[] };
  private readyKey?: string;

  feedLoading(): void {
    if (!this.series) this.setState('loading');
  }

  feedLoaded(loaded: LoadedFeed): void {
    this.model = loaded.model;
    this.feedError = undefined;
    this.requestUpdate();
  }

  feedFailed(error: FeedError): void {
    this.feedError = error;
    this.emitError(error);
    this.requestUpdate();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.parser.read(this.data);
    const model = this.data != null ? this.parser.model : this.model;
    if (this.data != null && this.parser.error && this.parser.error !== this.reportedParseError) {
      this.reportedParseError = this.parser.error;
      this.emitError(this.parser.error);
    }
    const error = this.data != null ? this.parser.error : this.feedError;
    const series = model ? this.pick(model) : undefined;
    if (series?.points.length) this.series = series;
    else if (model && !error) this.series = undefined;
    if (error) this.setState(this.series ? 'stale' : 'error');
    else if (this.series) this.setState('ready');
    else if (model) this.setState('empty');
    else if (this.src || this.data != null) this.setState('loading');
  }

  private reportedParseError?: FeedError;

  protected override updated(): void {
    if (this.state !== 'ready' || !this.series) return;
    const key = JSON.stringify([this.series.indicator.id, this.series.area, this.series.points]);
    if (key === this.readyKey) return;
    this.readyKey = key;
    this.emit<TrendDetail>('ready', { indicator: this.series.indicator.id, area: this.series.area, points: this.points });
  }

  /** The observations of one indicator, area and level, one per period, oldest first. */
  private pick(model: FeedModel) {
    const indicator = resolveIndicator(model, this.indicator);
    if (!indicator) return undefined;
    let rows = model.observations.filter((o) => o.indicator === indicator.id && o.value !== null && Number.isFinite(o.value));
    if (this.level) rows = rows.filter((o) => o.level === this.level);
    let area = this.area;
    if (area) rows = rows.filter((o) => o.area === area || normalizeAreaCode(o.area, o.level) === normalizeAreaCode(area!, o.level));
    else if (rows.length) {
      area = rows[0].area;
      rows = rows.filter((o) => o.area === area);
    }
    const byPeriod = new Map<string, Observation>();
    for (const o of rows) if (!byPeriod.has(o.period)) byPeriod.set(o.period, o);
    const points: TrendPoint[] = [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period))
      .map((o) => (isPartYear(o.period) ? { period: o.period, value: o.value!, partial: true } : { period: o.period, value: o.value! }));
    return { indicator, area, points };
  }

  private fmt(v: number): string {
    const ind = this.series?.indicator;
    return formatValue(v, this.unit ?? ind?.unit, this.lang, this.decimals ?? ind?.decimals);
  }

  override render() {
    const lang = this.lang;
    const s = this.series;
    const error = (this.data != null ? this.parser.error : this.feedError)?.localizedMessage(lang);
    if (!s) {
      return html`${error ? html`<p part="error" role="alert">${error}</p>`
        : html`<p class="note" role="status">${t(lang, this.state === 'empty' ? 'empty' : 'loading')}</p>`}`;
    }
    const label = this.label || localize(s.indicator.name, lang) || s.indicator.id;
    const values = s.points.map((p) => p.value);
    // Laid out at the width it is drawn at, text at the element's own size: nothing shrinks with the chart.
    const style = getComputedStyle(this);
    const fontPx = parseFloat(style.fontSize) || 16;
    const axisPx = Math.round(fontPx * 0.8125);
    const width = Math.max(160, this.size.widthOr(600));
    const height = Math.round(fontPx * 10);
    // True time: a year sits at its middle, a part of a year across its own months.
    const bounds = s.points.map((p) => periodBounds(p.period));
    const timed = bounds.every(Boolean);
    const xs = s.points.map((_, i) => (timed ? (bounds[i]![0] + bounds[i]![1]) / 2 : i));
    const xDomain: [number, number] = timed ? [Math.min(...bounds.map((b) => b![0])), Math.max(...bounds.map((b) => b![1]))] : [-0.5, s.points.length - 0.5];
    const g = chartLayout({
      width, height, xs, values, xDomain, joined: (i) => !s.points[i].partial, fontPx: axisPx,
      measure: textMeasurer(this, axisPx), formatTick: (v) => formatNumber(v, lang, 0),
      labels: s.points.map((p, i) => ({ x: xs[i], text: formatPeriod(p.period, lang), short: formatPeriodShort(p.period, lang) })),
    });
    const last = s.points[s.points.length - 1];
    // The change is against the period before of the same kind: a part of a year only against the same part of the year before.
    const prev = last.partial ? s.points.find((p) => p.period === sameTimeYearBefore(last.period))
      : [...s.points].reverse().find((p) => p !== last && !p.partial);
    const summary = t(lang, 'summary', {
      label, first: formatPeriod(s.points[0].period, lang), firstValue: this.fmt(s.points[0].value),
      last: formatPeriod(last.period, lang), lastValue: this.fmt(last.value),
      max: this.fmt(g.max), peak: formatPeriod(s.points[g.peak].period, lang),
    });
    return html`
      <p part="title">${label}</p>
      <p part="value">${this.fmt(last.value)}<span class="period">${formatPeriod(last.period, lang)}</span>${prev ? html`<span class="delta">${formatDelta(last.value - prev.value, this.unit ?? s.indicator.unit, lang, this.decimals ?? s.indicator.decimals)} ${t(lang, 'since')}</span>` : nothing}</p>
      <svg part="chart" viewBox="0 0 ${width} ${height}" width=${width} height=${height} role="img" aria-label=${summary} style="font-size:${axisPx}px">
        ${svg`${g.ticks.map((tk) => svg`<line class="tick" x1=${g.plot.left} x2=${g.plot.right} y1=${tk.y} y2=${tk.y}></line>
          <text x=${g.plot.left - axisPx * 0.4} y=${tk.y + axisPx * 0.35} text-anchor="end">${tk.text}</text>`)}
          <path class="area" d=${g.area}></path><path class="line" d=${g.line}></path>
          ${s.points.map((p, i) => (p.partial && timed ? svg`<line class="span" x1=${g.x(bounds[i]![0])} x2=${g.x(bounds[i]![1])} y1=${g.y(p.value)} y2=${g.y(p.value)}></line>` : nothing))}
          ${s.points.map((p, i) => svg`<circle class=${p.partial ? 'dot partial' : 'dot'} cx=${g.x(xs[i])} cy=${g.y(p.value)} r=${Math.max(3, axisPx * 0.3)}><title>${formatPeriod(p.period, lang)}: ${this.fmt(p.value)}</title></circle>`)}
          ${g.xLabels.map((l) => svg`<text x=${l.x} y=${g.labelY} text-anchor=${l.anchor}>${l.text}</text>`)}`}
      </svg>
      ${error ? html`<p part="error" role="alert">${t(lang, 'stale')} ${error}</p>` : nothing}
      <button type="button" part="table-toggle" aria-expanded=${this.tableOpen ? 'true' : 'false'} @click=${() => (this.tableOpen = !this.tableOpen)}>
        ${t(lang, this.tableOpen ? 'hideTable' : 'showTable')}</button>
      ${this.tableOpen ? html`<div class="table-wrap"><table part="table"><caption class="visually-hidden">${label}</caption>
        <thead><tr><th scope="col">${t(lang, 'period')}</th><th scope="col">${t(lang, 'value')}</th></tr></thead>
        <tbody>${s.points.map((p) => html`<tr><th scope="row">${formatPeriod(p.period, lang)}</th><td>${this.fmt(p.value)}</td></tr>`)}</tbody></table></div>` : nothing}
    `;
  }
}
