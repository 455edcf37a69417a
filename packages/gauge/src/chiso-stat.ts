import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { formatDelta, formatNumber, formatPeriod, formatValue, localize, parsePeriod } from '@chiso/core';
import type { CsvColumn, Direction, FeedModel, Qualifier } from '@chiso/core';
import { tokens } from '@chiso/core/element';
import { FeedFigureElement } from './feed-figure-element.js';
import { feedFigureStyles } from './feed-figure.styles.js';
import { statStyles } from './chiso-stat.styles.js';
import { compactNumber, qualifierWord, rankChangeSpoken, rankChangeText, rankText, resolveStat, type StatView } from './stat-model.js';

const WORDS = {
  vi: { vs: 'so với', sameTime: 'so với cùng kỳ', ofTarget: 'đạt {pct} chỉ tiêu ({target})', table: 'Bảng số liệu', period: 'Kỳ', value: 'Giá trị',
    trend: 'Xu hướng {from}–{to}: thấp nhất {min}, cao nhất {max}', rankTrend: 'Thứ hạng {from}–{to}: cao nhất thứ {best}, thấp nhất thứ {worst}', rank: 'Xếp hạng', progress: 'Tiến độ so với chỉ tiêu' },
  en: { vs: 'vs', sameTime: 'vs the same period of', ofTarget: '{pct} of the target ({target})', table: 'Data table', period: 'Period', value: 'Value',
    trend: 'Trend {from}–{to}: lowest {min}, highest {max}', rankTrend: 'Rank {from}–{to}: best {best}, worst {worst}', rank: 'Rank', progress: 'Progress to the target' },
};
type Word = keyof typeof WORDS.vi;
const word = (lang: string, key: Word, p: Record<string, string> = {}) =>
  WORDS[lang.startsWith('en') ? 'en' : 'vi'][key].replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '');

/**
 * One figure, big and readable, as provincial reports give it: the value with its unit and the source's wording
 * ("gần 860.000 tài khoản"), a compact form on request ("860 nghìn"), the change against the previous period and
 * against the same period a year before, a published rank of N and how many places it moved ("thứ 16/63 toàn
 * quốc", "▲ 10 bậc"), progress to a target, a sparkline of the series, and the source and update time.
 *
 * @summary A stat card: a count, a rank or any single figure, with its change, rank and source.
 * @tag chiso-stat
 *
 * @fires chiso-ready - After the first render with new data. Detail: the `current` view.
 * @fires chiso-error - When the feed cannot be read. Detail: `{ code, message }`.
 * @fires chiso-download - Before a file is saved from the download menu (cancelable: the page may keep it). Detail: `{ format: 'csv' | 'png', filename, text? (CSV), blob? (PNG) }`.
 *
 * @csspart base - The figure around everything.
 * @csspart label - The indicator's name.
 * @csspart subtitle - Area (or subject) and period.
 * @csspart value - The figure, with its qualifier and unit.
 * @csspart rank - The published rank, and its change.
 * @csspart delta - The change against the previous period.
 * @csspart year-before - The change against the same period a year before.
 * @csspart progress - Progress to the target.
 * @csspart sparkline - The series as a small line.
 * @csspart download - The "Tải xuống" (download) button opening the download menu: the data as CSV, the picture as PNG, a link (hidden by `no-download`).
 * @csspart download-menu - The download menu.
 * @csspart source - The source line: who published the figures and when they were updated (hidden by `no-source`).
 * @csspart stale - "Dữ liệu cũ" (stale data) at the end of the source line, after a failed refresh.
 * @csspart details - The data table of the series.
 * @csspart error - The error message.
 * @csspart empty - The no-data message.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --chiso-stat-value-size - Font size of the figure (default 2rem).
 * @cssprop --chiso-stat-max-width - Largest width (default 22rem).
 * @cssprop --chiso-stat-padding - Inner padding.
 * @cssprop --chiso-stat-border-color - Border colour.
 * @cssprop --chiso-color-good - Colour of a rise in rank or a change for the better.
 * @cssprop --chiso-color-bad - Colour of a fall in rank or a change for the worse.
 * @cssprop --chiso-color-accent - Colour of the sparkline and the progress bar.
 */
export class ChisoStat extends FeedFigureElement<StatView> {
  static override styles = [tokens, feedFigureStyles, statStyles];

  /** Indicator id; the feed's first by default. */
  @property() indicator?: string;
  /** Area code (GSO); the feed's first area by default. */
  @property() area?: string;
  /** Administrative level, when the feed has several for one area. */
  @property() level?: string;
  /** A subject that is not an area (a department, a unit): its id in the feed. */
  @property() subject?: string;
  /** Period; the latest with a value or a rank by default. */
  @property() period?: string;
  /** Inline value, instead of (or over) the feed's. */
  @property() value?: string | number;
  /** Unit, e.g. `tài khoản`, `tỷ đồng`, `%`. */
  @property() unit?: string;
  /** How the source words the value (`nearly`, `over`, `about`, `under`); the feed's by default. */
  @property() qualifier?: Qualifier;
  /** Which way is better (`higher-is-better`, `lower-is-better`), over the indicator's: colours the change. */
  @property() direction?: Direction;
  /** A target: shows progress to it. */
  @property({ type: Number }) target?: number;
  /** Decimals shown; the indicator's by default. */
  @property({ type: Number }) decimals?: number;
  /** Large numbers in words: "860 nghìn", "1,2 triệu", "3 tỷ" (the exact figure stays in the table). */
  @property({ type: Boolean, reflect: true }) compact = false;
  /** No sparkline, even when the feed has a series. */
  @property({ type: Boolean, attribute: 'no-sparkline' }) noSparkline = false;

  /** The figure shown and everything around it (read-only): value, qualifier, rank, changes, series, source. */
  get current(): Readonly<StatView> | undefined {
    return this.shownView;
  }

  protected selection(): unknown[] {
    return [this.indicator, this.area, this.level, this.subject, this.period, this.direction];
  }

  protected viewOf(model: FeedModel | undefined): StatView | undefined {
    const r = resolveStat(model, { indicator: this.indicator, area: this.area, level: this.level, subject: this.subject, period: this.period }, {
      value: this.value, label: this.label, unit: this.unit, target: this.target, decimals: this.decimals, qualifier: this.qualifier, direction: this.direction,
    }, this.lang);
    return r.kind === 'view' ? r.view : undefined;
  }

  protected readyDetail(view: StatView): StatView {
    return view;
  }

  protected override hasInline(): boolean {
    return this.value != null && this.value !== '';
  }

  private figure(v: StatView, n: number, lang: string): string {
    return this.compact && Math.abs(n) >= 1000 && v.unit !== '%' ? compactNumber(n, lang) : formatNumber(n, lang, v.decimals);
  }

  protected renderView(v: StatView, lang: string): TemplateResult {
    const who = v.subject ? localize(v.subject.name, lang) || v.subject.id : v.areaName;
    const subtitle = [who, v.period ? formatPeriod(v.period, lang) : ''].filter(Boolean).join(' · ');
    const source = v.source ?? this.feedModel?.source;
    const rows = v.series.length ? v.series : v.period ? [{ period: v.period, value: v.value, rank: v.rank, rankOf: v.rankOf }] : [];
    return html`<figure part="base">
      <figcaption part="label">${v.label}</figcaption>
      ${subtitle ? html`<p part="subtitle">${subtitle}</p>` : nothing}
      ${v.value !== null ? html`<p part="value">${v.qualifier ? html`<span class="qualifier">${qualifierWord(v.qualifier, lang)} </span>` : nothing}${this.figure(v, v.value, lang)}${v.unit === '%'
        ? html`<span class="unit">${lang.startsWith('en') ? '%' : '\u00a0%'}</span>` : v.unit ? html` <span class="unit">${v.unit}</span>` : nothing}</p>` : nothing}
      ${v.rank !== undefined ? this.renderRank(v, lang) : nothing}
      ${v.delta !== undefined && v.previous ? html`<p part="delta" class=${v.deltaImproves === undefined ? '' : v.deltaImproves ? 'improves' : 'worsens'}>
        ${this.changeText(v.delta, v.deltaPct, v, lang)} ${word(lang, 'vs')} ${formatPeriod(v.previous.period, lang)}</p>` : nothing}
      ${v.yearBeforeDelta !== undefined && v.yearBefore ? html`<p part="year-before">
        ${this.changeText(v.yearBeforeDelta, v.yearBeforePct, v, lang)} ${word(lang, 'sameTime')} ${formatPeriod(v.yearBefore.period, lang)}</p>` : nothing}
      ${v.progress !== undefined && v.target !== undefined ? this.renderProgress(v, lang) : nothing}
      ${!this.noSparkline && rows.length >= 2 ? this.renderSparkline(v, lang) : nothing}
      ${this.cite(source)}
      ${this.staleError(lang)}
      ${this.downloadButton(lang, `${v.label} ${subtitle}`)}
      ${rows.length ? html`<details part="details"><summary>${word(lang, 'table')}</summary>
        <table><caption class="visually-hidden">${v.label}</caption>
          <thead><tr><th scope="col">${word(lang, 'period')}</th>${v.value !== null || rows.some((r) => r.value !== null) ? html`<th scope="col">${word(lang, 'value')}</th>` : nothing}${rows.some((r) => r.rank !== undefined) ? html`<th scope="col">${word(lang, 'rank')}</th>` : nothing}</tr></thead>
          <tbody>${rows.map((r) => html`<tr><th scope="row">${r.period ? formatPeriod(r.period, lang) : '—'}</th>${v.value !== null || rows.some((x) => x.value !== null)
            ? html`<td class="num">${r.value === null ? '—' : formatValue(r.value, v.unit, lang, v.decimals)}</td>` : nothing}${rows.some((x) => x.rank !== undefined)
            ? html`<td class="num">${r.rank !== undefined ? rankText(r.rank, r.rankOf, lang, v.level) : '—'}</td>` : nothing}</tr>`)}</tbody>
        </table></details>` : nothing}
    </figure>`;
  }

  protected csvTable(v: StatView, lang: string) {
    const who = v.subject ? localize(v.subject.name, lang) || v.subject.id : v.areaName;
    const rows = v.series.length ? v.series : [{ period: v.period ?? '', value: v.value, rank: v.rank, rankOf: v.rankOf }];
    const source = this.sourceCells(v.source ?? this.feedModel?.source, lang);
    return {
      columns: ['area', 'name', 'indicatorName', 'period', 'value', 'unit', 'qualifier', 'rank', 'rankOf', 'source', 'updated'] as CsvColumn[],
      records: rows.map((r) => ({
        area: v.subject?.id ?? v.area, name: who, indicatorName: v.label, period: r.period, value: r.value, unit: v.unit,
        // The source's wording is the current figure's; an earlier one has its own, or none.
        qualifier: r.period === v.period && v.qualifier ? qualifierWord(v.qualifier, lang) : undefined, rank: r.rank, rankOf: r.rankOf, ...source,
      })),
    };
  }

  /** "▲ 12,3 %" of a count (per cent of the figure before), "▲ 2,1 điểm %" of a rate. */
  private changeText(delta: number, pct: number | undefined, v: StatView, lang: string): string {
    if (v.unit === '%' || pct === undefined) return formatDelta(delta, v.unit, lang, v.decimals);
    return `${delta > 0 ? '▲' : delta < 0 ? '▼' : '■'} ${formatNumber(Math.abs(pct), lang, 1)}${lang.startsWith('en') ? '%' : '\u00a0%'}`;
  }

  private renderRank(v: StatView, lang: string) {
    const change = v.rankChange;
    return html`<p part="rank">${rankText(v.rank!, v.rankOf, lang, v.level)}${change !== undefined && v.previous ? html` <span class=${change > 0 ? 'up' : change < 0 ? 'down' : ''}
      aria-hidden="true">${rankChangeText(change, lang)}</span><span class="visually-hidden">, ${rankChangeSpoken(change, v.previous.period, lang)}</span>` : nothing}</p>`;
  }

  private renderProgress(v: StatView, lang: string) {
    const pct = Math.round(v.progress! * 1000) / 10;
    const text = word(lang, 'ofTarget', { pct: formatValue(pct, '%', lang, 1), target: formatValue(v.target!, v.unit, lang, v.decimals) });
    return html`<div part="progress" role="progressbar" aria-label=${`${v.label}: ${word(lang, 'progress').toLowerCase()}`} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.min(100, pct)} aria-valuetext=${text}>
      <div class="bar"><div class="fill" style=${`width:${Math.min(100, pct)}%`}></div></div><span>${text}</span></div>`;
  }

  /** The series as a line at true time spacing: values, or ranks upside down (rank 1 at the top) for a rank without values. */
  private renderSparkline(v: StatView, lang: string) {
    const byRank = v.value === null;
    const pts = v.series
      .map((p) => ({ period: p.period, t: parsePeriod(p.period)?.start, y: byRank ? p.rank : p.value }))
      .filter((p): p is { period: string; t: number; y: number } => typeof p.y === 'number' && typeof p.t === 'number');
    if (pts.length < 2) return nothing;
    const ys = pts.map((p) => p.y);
    const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
    const [t0, t1] = [pts[0].t, pts[pts.length - 1].t];
    const W = 100;
    const H = 30;
    const x = (t: number) => (t1 === t0 ? W / 2 : ((t - t0) / (t1 - t0)) * W);
    const y = (val: number) => (hi === lo ? H / 2 : byRank ? ((val - lo) / (hi - lo)) * H : H - ((val - lo) / (hi - lo)) * H);
    const d = pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)} ${y(p.y).toFixed(1)}`).join('');
    const last = pts[pts.length - 1];
    const from = formatPeriod(pts[0].period, lang);
    const to = formatPeriod(last.period, lang);
    const label = byRank
      ? word(lang, 'rankTrend', { from, to, best: String(lo), worst: String(hi) })
      : word(lang, 'trend', { from, to, min: formatValue(lo, v.unit, lang, v.decimals), max: formatValue(hi, v.unit, lang, v.decimals) });
    // The last point as a round cap of a zero-length stroke: round at any aspect ratio, where a circle would stretch.
    return html`<svg part="sparkline" viewBox="-3 -3 ${W + 6} ${H + 6}" preserveAspectRatio="none" role="img" aria-label=${label}>
      ${svg`<path d=${d}></path><path class="end" d=${`M${x(last.t).toFixed(1)} ${y(last.y).toFixed(1)}h0`}></path>`}</svg>`;
  }
}
