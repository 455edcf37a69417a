import { html, nothing, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  comparePeriods, csvOf, csvSource, FeedError, formatDelta, formatNumber, formatPeriod, formatPeriodShort, formatValue, localize, periodBounds,
  type FeedModel, type LoadedFeed,
} from '@chiso/core';
import { ChisoElement, DataParser, FeedController, SizeController, textMeasurer } from '@chiso/core/element';
import { line as d3line } from 'd3-shape';
import { chartLayout } from './chart-geometry.js';
import { trendStyles } from './chiso-trend.styles.js';
import { comparedPoint, listOf, pickSeries, type TrendPoint, type TrendSeries } from './trend-model.js';

export type { TrendPoint, TrendSeries } from './trend-model.js';

const msg = {
  vi: { loading: 'Đang tải số liệu…', empty: 'Chưa có số liệu theo thời gian.', showTable: 'Xem bảng số liệu', hideTable: 'Ẩn bảng số liệu', period: 'Kỳ', value: 'Giá trị', since: 'so với kỳ trước', sameTime: 'so với cùng kỳ {period}', summary: '{label}: từ {first} ({firstValue}) đến {last} ({lastValue}); cao nhất {max} ({peak}).', target: 'Chỉ tiêu', targetSummary: 'Chỉ tiêu {value}.', series: 'Các chuỗi số liệu', units: 'các chuỗi có đơn vị khác nhau ({units}); một biểu đồ chỉ vẽ các chuỗi cùng đơn vị' },
  en: { loading: 'Loading data…', empty: 'No data over time yet.', showTable: 'Show data table', hideTable: 'Hide data table', period: 'Period', value: 'Value', since: 'since the previous period', sameTime: 'vs the same period of {period}', summary: '{label}: from {first} ({firstValue}) to {last} ({lastValue}); highest {max} ({peak}).', target: 'Target', targetSummary: 'Target {value}.', series: 'Series', units: 'the series have different units ({units}); one chart draws series of one unit only' },
};
type Key = keyof typeof msg.vi;
const t = (lang: string, key: Key, params: Record<string, string> = {}) =>
  (lang.startsWith('en') ? msg.en : msg.vi)[key].replace(/\{(\w+)\}/g, (_, p: string) => params[p] ?? '');

/** Detail of `chiso-ready`: the series drawn (the first one's `indicator`, `area` and `points` at the top, as before). */
export interface TrendDetail {
  indicator: string;
  area?: string;
  points: TrendPoint[];
  series: Array<{ indicator: string; area?: string; label: string; points: TrendPoint[] }>;
}

/** Series drawn at most: more lines than this on one small chart cannot be told apart. */
const MAX_SERIES = 4;

/**
 * An indicator over time, or a few that compare: dossiers received against those filed online, a rate against its
 * target, two provinces side by side. Lines or bars at true time spacing (2016, 2018, 2019, 2020 are not evenly
 * spaced), a part of a year (`2021-01/2021-05`) drawn as such and compared only with the same months of the year
 * before, never with a whole year. The chart has a text alternative, a legend and a data table.
 *
 * @summary Indicators over time, as an accessible line or bar chart that compares.
 * @tag chiso-trend
 *
 * @fires chiso-ready - When the series are drawn. Detail: `{ indicator, area, points, series }`.
 * @fires chiso-error - When the feed cannot be read. Detail: `{ code, message }`.
 * @fires chiso-download - Before a file is saved from the download menu (cancelable: the page may keep it). Detail: `{ format: 'csv' | 'png', filename, text? (CSV), blob? (PNG) }`.
 *
 * @csspart title - The label.
 * @csspart value - The last value and its change.
 * @csspart legend - The series and the target line, when there are several.
 * @csspart chart - The SVG chart.
 * @csspart table-toggle - The button showing the data table.
 * @csspart download - The "Tải xuống" (download) button opening the download menu: the data as CSV, the picture as PNG, a link (hidden by `no-download`).
 * @csspart download-menu - The download menu.
 * @csspart source - The source line: who published the figures and when they were updated (hidden by `no-source`).
 * @csspart stale - "Dữ liệu cũ" (stale data) at the end of the source line, after a failed refresh.
 * @csspart table - The data table.
 * @csspart error - An error message.
 *
 * @cssprop --chiso-trend-color - Colour of the first series (default the accent colour).
 * @cssprop --chiso-trend-color-2 - Colour of the second series.
 * @cssprop --chiso-trend-color-3 - Colour of the third series.
 * @cssprop --chiso-trend-color-4 - Colour of the fourth series.
 * @cssprop --chiso-color-target - Colour of the target line.
 */
export class ChisoTrend extends ChisoElement {
  static override styles = trendStyles;

  /** Feed URL (any format chiso reads). */
  @property() src?: string;

  /** The feed as a value (object, JSON or CSV text, or a parsed model), instead of `src`. */
  @property({ attribute: false }) data?: unknown;

  /** Indicator id, or several separated by commas (one series each, of one unit); the feed's first when empty. */
  @property() indicator?: string;

  /** Area code, or several separated by commas (one series each); the first area of the feed when empty. */
  @property() area?: string;

  /** Level (`province`, `district`, `commune`); any when empty. */
  @property() level?: string;

  /** Title; the first indicator's name when empty. */
  @property() label?: string;

  /** Unit, overriding the feed's. */
  @property() unit?: string;

  /** Decimals shown, overriding the feed's. */
  @property({ type: Number }) decimals?: number;

  /** `line` (default) or `bar` (bars side by side per period). */
  @property() chart: 'line' | 'bar' = 'line';

  /** A target drawn as a line across the chart; the first indicator's `target` by default. */
  @property({ type: Number }) target?: number;

  /** Seconds between refreshes of `src`; 0: none. */
  @property({ type: Number }) refresh = 0;

  /** Milliseconds one request may take. */
  @property({ type: Number }) timeout?: number;

  /** Whether the data table is shown. */
  @property({ type: Boolean, reflect: true, attribute: 'table-open' }) tableOpen = false;

  /** The width the chart is drawn at: its text stays at the element's font size. */
  private readonly size = new SizeController(this);

  /** The first series drawn (read-only). */
  get points(): TrendPoint[] {
    return [...(this.drawn?.[0]?.points ?? [])];
  }

  /** Every series drawn (read-only): `[{ indicator, area, label, points }]`. */
  get series(): Array<{ indicator: string; area?: string; label: string; points: TrendPoint[] }> {
    return (this.drawn ?? []).map((s) => ({ indicator: s.indicator.id, ...(s.area ? { area: s.area } : {}), label: s.label, points: [...s.points] }));
  }

  protected readonly feed = new FeedController(this);
  private readonly parser = new DataParser(this);
  private model?: FeedModel;
  private feedError?: FeedError;
  private pickError?: FeedError;
  private drawn?: TrendSeries[];
  private readyKey?: string;
  private reportedError?: FeedError;

  feedLoading(): void {
    if (!this.drawn) this.setState('loading');
  }

  feedLoaded(loaded: LoadedFeed): void {
    this.model = loaded.model;
    this.feedError = undefined;
    this.requestUpdate();
  }

  feedFailed(error: FeedError): void {
    this.feedError = error;
    this.requestUpdate();
  }

  private get error(): FeedError | undefined {
    return (this.data != null ? this.parser.error : this.feedError) ?? this.pickError;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.parser.read(this.data);
    const model = this.data != null ? this.parser.model : this.model;
    const pickError = this.pickError;
    this.pickError = undefined;
    let series: TrendSeries[] | undefined;
    if (model) {
      series = pickSeries(model, { indicators: listOf(this.indicator), areas: listOf(this.area), level: this.level, lang: this.lang }).slice(0, MAX_SERIES);
      // One axis: series of different units (a count and a rate) would be read against the wrong scale.
      const units = [...new Set(series.map((s) => s.indicator.unit ?? ''))];
      if (!this.unit && units.length > 1) {
        const detail = t(this.lang, 'units', { units: units.map((u) => u || '—').join(', ') });
        // The same error as the last update's stays the same object: chiso-error fires once for it.
        this.pickError = pickError?.detail === detail ? pickError : new FeedError('schema', { path: 'indicator', detail });
        series = undefined;
      }
    }
    const error = this.error;
    if (series?.length) this.drawn = series;
    else if (model && !error) this.drawn = undefined;
    if (error) this.setState(this.drawn ? 'stale' : 'error');
    else if (this.drawn) this.setState('ready');
    else if (model) this.setState('empty');
    else if (this.src || this.data != null) this.setState('loading');
  }

  protected override updated(): void {
    const error = this.error;
    if (error && error !== this.reportedError) {
      this.reportedError = error;
      this.emitError(error);
    }
    if (!error) this.reportedError = undefined;
    if (this.state !== 'ready' || !this.drawn) return;
    const series = this.series;
    const key = JSON.stringify(series);
    if (key === this.readyKey) return;
    this.readyKey = key;
    this.emit<TrendDetail>('ready', { indicator: series[0].indicator, area: series[0].area, points: series[0].points, series });
  }

  /**
   * The chart as a picture, as the reader sees it: its title, the chart, and the data's source. `format`: `png`
   * (default) or `svg` (its words stay text); `scale`: device pixels per CSS pixel (default 2). Rejects before data.
   */
  async toImage(options: { format?: 'png' | 'svg'; scale?: number } = {}): Promise<Blob> {
    const chart = this.renderRoot.querySelector<SVGSVGElement>('svg[part="chart"]');
    if (!chart) throw new Error('chiso-trend: nothing drawn yet');
    const { svgPicture, sourceNote } = await import('@chiso/core/picture');
    const lang = this.lang;
    const model = this.data != null ? this.parser.model : this.model;
    const { source, updated } = csvSource(this.sourceOf(model?.source), lang);
    const style = getComputedStyle(this);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    return svgPicture({
      svg: chart, title: this.renderRoot.querySelector('[part="title"]')?.textContent?.trim() ?? '', lang, font: style.fontFamily || 'system-ui, sans-serif',
      notes: sourceNote(source, updated, lang),
      colors: { fg: read('--_fg', '#1f2328'), bg: read('--_bg', '#ffffff'), muted: read('--_muted', '#57606a') },
      legend: [...this.renderRoot.querySelectorAll('[part="legend"] li')].map((li) => {
        const mark = getComputedStyle(li.querySelector('line, rect')!);
        return { color: li.querySelector('rect') ? mark.fill : mark.stroke, text: li.textContent!.replace(/\s+/g, ' ').trim() };
      }),
    }, options);
  }

  /**
   * The series shown as CSV (UTF-8 with BOM, figures as plain numbers, the period and source on every row), one
   * row per series and period, the table's periods in its order. Empty before there is data.
   */
  async toCSV(): Promise<string> {
    const all = this.drawn ?? [];
    const lang = this.lang;
    const model = this.data != null ? this.parser.model : this.model;
    const source = csvSource(this.sourceOf(model?.source), lang);
    return all.length ? csvOf(['series', 'indicator', 'area', 'name', 'period', 'value', 'unit', 'source', 'updated'], all.flatMap((x) => x.points.map((p) => ({
      series: all.length > 1 ? x.label : undefined, indicator: x.indicator.id, area: x.area, name: x.areaName, period: p.period, value: p.value,
      unit: this.unit ?? x.indicator.unit, ...source,
    }))), lang) : '';
  }

  private fmt(v: number): string {
    const ind = this.drawn?.[0]?.indicator;
    return formatValue(v, this.unit ?? ind?.unit, this.lang, this.decimals ?? ind?.decimals);
  }

  private summaryOf(s: TrendSeries, lang: string): string {
    const last = s.points[s.points.length - 1];
    let peak = s.points[0];
    for (const p of s.points) if (p.value > peak.value) peak = p;
    return t(lang, 'summary', {
      label: s.label, first: formatPeriod(s.points[0].period, lang), firstValue: this.fmt(s.points[0].value),
      last: formatPeriod(last.period, lang), lastValue: this.fmt(last.value), max: this.fmt(peak.value), peak: formatPeriod(peak.period, lang),
    });
  }

  override render() {
    const lang = this.lang;
    const all = this.drawn;
    const error = this.error?.localizedMessage(lang);
    if (!all) {
      return html`${error ? html`<p part="error" role="alert">${error}</p>`
        : html`<p class="note" role="status">${t(lang, this.state === 'empty' ? 'empty' : 'loading')}</p>`}`;
    }
    const first = all[0];
    const label = this.label || localize(first.indicator.name, lang) || first.indicator.id;
    const target = this.target ?? first.indicator.target;
    const bars = this.chart === 'bar';
    // Laid out at the width it is drawn at, text at the element's own size: nothing shrinks with the chart.
    const fontPx = parseFloat(getComputedStyle(this).fontSize) || 16;
    const axisPx = Math.round(fontPx * 0.8125);
    const width = Math.max(160, this.size.widthOr(600));
    const height = Math.round(fontPx * 10);
    // Every period of every series, in order: the x axis and the table.
    const periods = [...new Set(all.flatMap((s) => s.points.map((p) => p.period)))].sort(comparePeriods);
    // True time: a year sits at its middle, a part of a year across its own months; without dates, evenly.
    const bounds = new Map(periods.map((p) => [p, periodBounds(p)] as const));
    const timed = [...bounds.values()].every(Boolean);
    const xOf = (p: string) => (timed ? (bounds.get(p)![0] + bounds.get(p)![1]) / 2 : periods.indexOf(p));
    const centres = periods.map(xOf);
    let xDomain: [number, number] = timed ? [Math.min(...[...bounds.values()].map((b) => b![0])), Math.max(...[...bounds.values()].map((b) => b![1]))] : [-0.5, periods.length - 0.5];
    // Bars need half a slot of room at each end.
    const gaps = centres.slice(1).map((c, i) => c - centres[i]).filter((g) => g > 0);
    const slot = gaps.length ? Math.min(...gaps) : (xDomain[1] - xDomain[0]) || 1;
    if (bars) xDomain = [Math.min(xDomain[0], centres[0] - slot / 2), Math.max(xDomain[1], centres[centres.length - 1] + slot / 2)];
    const g = chartLayout({
      width, height, xs: first.points.map((p) => xOf(p.period)), values: first.points.map((p) => p.value), xDomain,
      joined: (i) => !first.points[i].partial, fontPx: axisPx, measure: textMeasurer(this, axisPx), formatTick: (v) => formatNumber(v, lang, 0),
      labels: periods.map((p) => ({ x: xOf(p), text: formatPeriod(p, lang), short: formatPeriodShort(p, lang) })),
      extra: [...all.slice(1).flatMap((s) => s.points.map((p) => p.value)), ...(target !== undefined ? [target] : [])],
    });
    const last = first.points[first.points.length - 1];
    const prev = comparedPoint(first.points);
    const summary = [...all.map((s) => this.summaryOf(s, lang)), target !== undefined ? t(lang, 'targetSummary', { value: this.fmt(target) }) : ''].filter(Boolean).join(' ');
    const dotR = Math.max(3, axisPx * 0.3);
    const barGroup = Math.max(4, (g.x(centres[0] + slot) - g.x(centres[0])) * 0.8);
    const barW = barGroup / all.length;
    // The target line is named in the legend, not on the plot, where its words would sit on the data.
    const legend = all.length > 1 || target !== undefined;
    const cls = (i: number) => `s${i + 1}`;
    const drawSeries = (s: TrendSeries, i: number) => {
      const title = (p: TrendPoint) => svg`<title>${all.length > 1 ? `${s.label}, ` : ''}${formatPeriod(p.period, lang)}: ${this.fmt(p.value)}</title>`;
      if (bars) {
        return svg`<g class=${cls(i)}>${s.points.map((p) => {
          const x0 = g.x(xOf(p.period)) - barGroup / 2 + i * barW;
          const y = g.y(p.value);
          return svg`<rect class=${p.partial ? 'bar partial' : 'bar'} x=${x0 + 0.5} width=${Math.max(1, barW - 1)} y=${Math.min(y, g.y(0))} height=${Math.abs(g.y(0) - y)}>${title(p)}</rect>`;
        })}</g>`;
      }
      const joined = s.points.filter((p) => !p.partial);
      const path = d3line<TrendPoint>().x((p) => g.x(xOf(p.period))).y((p) => g.y(p.value))(joined) ?? '';
      return svg`<g class=${cls(i)}>
        ${i === 0 && all.length === 1 ? svg`<path class="area" d=${g.area}></path>` : nothing}<path class="line" d=${path}></path>
        ${s.points.map((p) => (p.partial && timed ? svg`<line class="span" x1=${g.x(bounds.get(p.period)![0])} x2=${g.x(bounds.get(p.period)![1])} y1=${g.y(p.value)} y2=${g.y(p.value)}></line>` : nothing))}
        ${s.points.map((p) => svg`<circle class=${p.partial ? 'dot partial' : 'dot'} cx=${g.x(xOf(p.period))} cy=${g.y(p.value)} r=${dotR}>${title(p)}</circle>`)}</g>`;
    };
    const valueOf = (s: TrendSeries, period: string) => s.points.find((p) => p.period === period);
    return html`
      <p part="title">${label}</p>
      <p part="value">${this.fmt(last.value)}<span class="period">${formatPeriod(last.period, lang)}</span>${prev ? html`<span class="delta">${formatDelta(last.value - prev.value, this.unit ?? first.indicator.unit, lang, this.decimals ?? first.indicator.decimals)} ${last.partial ? t(lang, 'sameTime', { period: formatPeriod(prev.period, lang) }) : t(lang, 'since')}</span>` : nothing}</p>
      ${legend ? html`<ul part="legend" aria-label=${t(lang, 'series')}>${all.map((s, i) => html`<li class=${cls(i)}><svg viewBox="0 0 28 12" aria-hidden="true">${bars
        ? svg`<rect class="bar" x="6" y="1" width="16" height="10"></rect>` : svg`<line class="line" x1="1" x2="27" y1="6" y2="6"></line>`}</svg>${s.label}</li>`)}${target !== undefined
        ? html`<li><svg viewBox="0 0 28 12" aria-hidden="true"><line class="target" x1="1" x2="27" y1="6" y2="6"></line></svg>${t(lang, 'target')} ${this.fmt(target)}</li>` : nothing}</ul>` : nothing}
      <svg part="chart" viewBox="0 0 ${width} ${height}" width=${width} height=${height} role="img" aria-label=${summary} style="font-size:${axisPx}px">
        ${svg`${g.ticks.map((tk) => svg`<line class="tick" x1=${g.plot.left} x2=${g.plot.right} y1=${tk.y} y2=${tk.y}></line>
          <text x=${g.plot.left - axisPx * 0.4} y=${tk.y + axisPx * 0.35} text-anchor="end">${tk.text}</text>`)}
          ${all.map(drawSeries)}
          ${target !== undefined ? svg`<line class="target" x1=${g.plot.left} x2=${g.plot.right} y1=${g.y(target)} y2=${g.y(target)}></line>` : nothing}
          ${g.xLabels.map((l) => svg`<text x=${l.x} y=${g.labelY} text-anchor=${l.anchor}>${l.text}</text>`)}`}
      </svg>
      ${this.citeLine((this.data != null ? this.parser.model : this.model)?.source, error ? this.staleNote(this.feed.loaded?.fetchedAt) : undefined)}
      ${error ? html`<p part="error" role="alert">${error}</p>` : nothing}
      ${this.noDownload ? nothing : html`<button type="button" part="download" aria-haspopup="menu" @click=${(e: Event) => {
        const button = e.currentTarget as HTMLElement;
        void import('@chiso/core/download').then((m) => m.openDownloadMenu(this, button, label));
      }}>${this.lang.startsWith('en') ? 'Download' : 'Tải xuống'}</button>`}
      <button type="button" part="table-toggle" aria-expanded=${this.tableOpen ? 'true' : 'false'} @click=${() => (this.tableOpen = !this.tableOpen)}>
        ${t(lang, this.tableOpen ? 'hideTable' : 'showTable')}</button>
      ${this.tableOpen ? html`<div class="table-wrap"><table part="table"><caption class="visually-hidden">${label}</caption>
        <thead><tr><th scope="col">${t(lang, 'period')}</th>${all.length > 1 ? all.map((s) => html`<th scope="col">${s.label}</th>`) : html`<th scope="col">${t(lang, 'value')}</th>`}</tr></thead>
        <tbody>${periods.map((p) => html`<tr><th scope="row">${formatPeriod(p, lang)}</th>${all.map((s) => {
          const v = valueOf(s, p);
          return html`<td>${v ? this.fmt(v.value) : '—'}</td>`;
        })}</tr>`)}</tbody></table></div>` : nothing}
    `;
  }
}
