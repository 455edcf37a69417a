import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { formatPeriod, formatValue, localize, normalizeAreaCode } from '@chiso/core';
import type { CsvColumn, Direction, FeedModel } from '@chiso/core';
import { tokens } from '@chiso/core/element';
import { FeedFigureElement } from './feed-figure-element.js';
import { feedFigureStyles } from './feed-figure.styles.js';
import { rankingStyles } from './chiso-ranking.styles.js';
import { buildRanking, visibleRows, type Ranking, type RankingRow } from './ranking-model.js';
import { rankChangeSpoken, rankChangeText, rankText } from './stat-model.js';

const WORDS = {
  vi: { rank: 'Hạng', name: 'Tên', value: 'Giá trị', change: 'Thay đổi', table: 'Bảng số liệu', ranked: 'Xếp hạng {n} {what}', listed: 'Danh sách {n}, không xếp hạng', gap: 'Các hạng khác không hiển thị' },
  en: { rank: 'Rank', name: 'Name', value: 'Value', change: 'Change', table: 'Data table', ranked: 'Ranking of {n} {what}', listed: 'A list of {n}, not ranked', gap: 'Other ranks not shown' },
};
type Word = keyof typeof WORDS.vi;
const word = (lang: string, key: Word, p: Record<string, string> = {}) =>
  WORDS[lang.startsWith('en') ? 'en' : 'vi'][key].replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '');

/**
 * A ranked bar list of areas or units from any feed: ranked by value (rank 1 the best by `direction`, ties
 * sharing a rank) or as the publisher ranked them, with the change in places since an earlier period, bars coloured
 * by the indicator's thresholds as its gauge and map colour them, and the page's own area kept in view
 * (`highlight`) when only the top rows are shown ("… 55. Bắc Kạn"). The whole country and regions are never ranked.
 * Arrow keys move through the rows; every row reads out its rank, name, value and change; the table view lists
 * every row.
 *
 * @summary A ranking of provinces, communes or units, with rank changes and the page's own area highlighted.
 * @tag chiso-ranking
 *
 * @fires chiso-ready - After the first render with new data. Detail: `{ rows, period }`.
 * @fires chiso-select - On Enter or a click on a row. Detail: the row (`{ key, name, value, rank, change? }`).
 * @fires chiso-error - When the feed cannot be read. Detail: `{ code, message }`.
 * @fires chiso-download - Before a file is saved from the download menu (cancelable: the page may keep it). Detail: `{ format: 'csv' | 'png', filename, text? (CSV), blob? (PNG) }`.
 *
 * @csspart base - The figure around everything.
 * @csspart label - The indicator's name.
 * @csspart subtitle - The period and what is ranked.
 * @csspart list - The ranked list.
 * @csspart row - One row (also `highlight` on the page's own area).
 * @csspart gap - The "…" between the top rows and the highlighted one.
 * @csspart download - The "Tải xuống" (download) button opening the download menu: the data as CSV, the picture as PNG, a link (hidden by `no-download`).
 * @csspart download-menu - The download menu.
 * @csspart source - The source line: who published the figures and when they were updated (hidden by `no-source`).
 * @csspart stale - "Dữ liệu cũ" (stale data) at the end of the source line, after a failed refresh.
 * @csspart details - The data table of every row.
 * @csspart error - The error message.
 * @csspart empty - The no-data message.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --chiso-ranking-padding - Inner padding.
 * @cssprop --chiso-ranking-border-color - Border colour.
 * @cssprop --chiso-color-accent - Bars of an indicator without thresholds, and the highlight.
 * @cssprop --chiso-color-good - Bars in the good band, and rises.
 * @cssprop --chiso-color-bad - Bars in the bad band, and falls.
 */
export class ChisoRanking extends FeedFigureElement<Ranking> {
  static override styles = [tokens, feedFigureStyles, rankingStyles];

  /** Indicator id; the feed's first by default. */
  @property() indicator?: string;
  /** Period ranked; the latest with values or ranks by default. */
  @property() period?: string;
  /** Level ranked (`province`, `commune`); the one most rows are at by default. */
  @property() level?: string;
  /** The period to count places from; the one before by default. */
  @property() compare?: string;
  /** Overrides the indicator's direction (which end is rank 1). */
  @property() direction?: Direction;
  /** Rows shown: the top `limit` (and the highlighted one); every row by default. */
  @property({ type: Number }) limit?: number;
  /** The key (GSO code or subject id) of the page's own area or unit: marked, and kept in view. */
  @property() highlight?: string;

  private focusKey?: string;

  /** The ranked rows (every row, not only those shown): `[{ key, name, value, rank, rankOf, change?, band }]`. */
  get rows(): RankingRow[] {
    return [...this.shownView?.rows ?? []];
  }

  protected selection(): unknown[] {
    return [this.indicator, this.period, this.level, this.compare, this.direction];
  }

  protected viewOf(model: FeedModel | undefined): Ranking | undefined {
    const r = buildRanking(model, { indicator: this.indicator, period: this.period, level: this.level, compare: this.compare, direction: this.direction, lang: this.lang });
    return r.rows.length ? r : undefined;
  }

  protected readyDetail(r: Ranking): unknown {
    return { rows: [...r.rows], period: r.period };
  }

  private valueText(r: Ranking, v: number | null, lang: string): string {
    return v === null ? '—' : formatValue(v, r.indicator?.unit, lang, r.indicator?.decimals);
  }

  private spoken(r: Ranking, row: RankingRow, lang: string): string {
    if (r.by === 'listed') return row.name;
    const parts = [`${word(lang, 'rank')} ${row.rank}: ${row.name}`];
    if (row.value !== null) parts.push(this.valueText(r, row.value, lang));
    if (row.change !== undefined && r.previousPeriod) parts.push(rankChangeSpoken(row.change, r.previousPeriod, lang));
    return parts.join(', ');
  }

  protected renderView(r: Ranking, lang: string): TemplateResult {
    const label = this.label ?? (localize(r.indicator?.name, lang) || r.indicator?.id || '');
    // The page's own area as the feed keys it: `highlight="6"` is Bắc Kạn's `06`.
    const own = this.highlight ? r.rows.find((x) => x.key === this.highlight || x.key === normalizeAreaCode(this.highlight!, r.level))?.key : undefined;
    const { rows, gap } = visibleRows(r.rows, this.limit, own);
    const max = Math.max(0, ...r.rows.map((x) => Math.abs(x.value ?? 0)));
    const n = r.rows.length;
    const listed = r.by === 'listed';
    const subtitle = [r.period ? formatPeriod(r.period, lang) : '', word(lang, listed ? 'listed' : 'ranked', { n: String(n), what: '' }).trim()].filter(Boolean).join(' · ');
    const focusKey = rows.some((x) => x.key === this.focusKey) ? this.focusKey : rows[0]?.key;
    const source = r.source ?? this.feedModel?.source;
    const row = (x: RankingRow) => html`<li part=${x.key === own ? 'row highlight' : 'row'} data-key=${x.key} tabindex=${x.key === focusKey ? 0 : -1}
        aria-current=${x.key === own ? 'true' : nothing} aria-label=${this.spoken(r, x, lang)}
        @keydown=${(e: KeyboardEvent) => this.key(e, rows, x)} @click=${() => this.select(x)} @focus=${() => (this.focusKey = x.key)}>
      <span class="rank" aria-hidden="true">${listed ? '•' : x.rank}</span>
      <span class="name" aria-hidden="true">${x.name}</span>
      <span class="bar-cell" aria-hidden="true">${x.value !== null && max > 0 ? html`<div class="bar band-${x.band}" style=${`width:${(Math.abs(x.value) / max) * 100}%`}></div>` : nothing}</span>
      <span class="value" aria-hidden="true">${x.value !== null ? this.valueText(r, x.value, lang) : listed ? '' : rankText(x.rank, x.rankOf, lang, r.level)}${x.change !== undefined && x.change !== 0
        ? html`<span class="change ${x.change > 0 ? 'up' : 'down'}">${rankChangeText(x.change, lang).replace(/ (bậc|places?)$/, '')}</span>` : nothing}</span>
    </li>`;
    return html`<figure part="base">
      <figcaption part="label">${label}</figcaption>
      ${subtitle ? html`<p part="subtitle">${subtitle}</p>` : nothing}
      <ol part="list" aria-label=${label}>
        ${rows.map((x, i) => html`${gap === i ? html`<li part="gap" aria-label=${word(lang, 'gap')}>…</li>` : nothing}${row(x)}`)}
      </ol>
      ${this.cite(source)}
      ${this.staleError(lang)}
      ${this.downloadButton(lang, `${label} ${r.period ?? ''}`)}
      <details part="details"><summary>${word(lang, 'table')}</summary>
        <table><caption class="visually-hidden">${label}</caption>
          <thead><tr>${listed ? nothing : html`<th scope="col">${word(lang, 'rank')}</th>`}<th scope="col">${word(lang, 'name')}</th>${listed ? nothing : html`<th scope="col">${word(lang, 'value')}</th>`}${r.previousPeriod ? html`<th scope="col">${word(lang, 'change')}</th>` : nothing}</tr></thead>
          <tbody>${r.rows.map((x) => html`<tr class=${x.key === own ? 'highlight' : ''}>${listed ? nothing : html`<td class="num">${x.rank}</td>`}<th scope="row">${x.name}</th>
            ${listed ? nothing : html`<td class="num">${x.value !== null ? this.valueText(r, x.value, lang) : rankText(x.rank, x.rankOf, lang, r.level)}</td>`}${r.previousPeriod
              ? html`<td>${x.change !== undefined ? rankChangeText(x.change, lang) : '—'}</td>` : nothing}</tr>`)}</tbody>
        </table></details>
    </figure>`;
  }

  protected csvTable(r: Ranking, lang: string) {
    const listed = r.by === 'listed';
    const source = this.sourceCells(r.source ?? this.feedModel?.source, lang);
    return {
      columns: ['rank', 'area', 'name', 'value', 'unit', 'rankOf', 'change', 'period', 'source', 'updated'] as CsvColumn[],
      // Every row, in the table's order; a list that is not a ranking has no rank.
      records: r.rows.map((x) => ({
        rank: listed ? undefined : x.rank, area: x.key, name: x.name, value: x.value, unit: x.value !== null ? r.indicator?.unit : undefined,
        rankOf: listed || x.value !== null ? undefined : x.rankOf, change: x.change, period: r.period, ...source,
      })),
    };
  }

  /** Arrow keys, Home and End move through the rows shown; Enter or Space selects one. */
  private key(e: KeyboardEvent, rows: RankingRow[], x: RankingRow): void {
    const i = rows.indexOf(x);
    const to = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : undefined;
    if (to !== undefined) {
      e.preventDefault();
      const next = rows[Math.max(0, Math.min(rows.length - 1, to))];
      this.focusKey = next.key;
      this.requestUpdate();
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-key="${CSS.escape(next.key)}"]`)?.focus());
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.select(x);
    }
  }

  private select(x: RankingRow): void {
    this.emit('select', { ...x });
  }
}
