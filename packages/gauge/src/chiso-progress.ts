import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { formatDate, formatNumber, formatPeriod, localize } from '@chiso/core';
import type { CsvColumn, FeedModel } from '@chiso/core';
import { tokens } from '@chiso/core/element';
import { FeedFigureElement } from './feed-figure-element.js';
import { feedFigureStyles } from './feed-figure.styles.js';
import { progressStyles } from './chiso-progress.styles.js';
import { buildProgress, statusLabel, type ProgressStatus, type ProgressView } from './progress-model.js';

const WORDS = {
  vi: { tasks: 'nhiệm vụ', of: '{complete} trên {total} {unit} {status}', statuses: 'Theo tình trạng', unit: 'Đơn vị', status: 'Tình trạng', count: 'Số {unit}',
    share: 'Tỷ lệ', total: 'Tổng', deadline: 'Hạn: {date}', overdue: 'đã quá hạn', table: 'Bảng số liệu',
    planBelow: 'Kế hoạch ghi {planned} {unit}, ít hơn số {unit} theo tình trạng ({counted}): số liệu nguồn không khớp, cả hai được giữ nguyên.',
    bar: '{label}: {parts}', and: ' hoặc ', planned: '{unit} trong kế hoạch', counted: '{unit}', noStatus: 'Chưa có số liệu theo tình trạng.' },
  en: { tasks: 'tasks', of: '{complete} of {total} {unit} {status}', statuses: 'By status', unit: 'Unit', status: 'Status', count: '{unit}',
    share: 'Share', total: 'Total', deadline: 'Deadline: {date}', overdue: 'overdue', table: 'Data table',
    planBelow: 'The plan lists {planned} {unit}, fewer than the {counted} counted by status: the source figures disagree and both are kept.',
    bar: '{label}: {parts}', and: ' or ', planned: '{unit} in the plan', counted: '{unit}', noStatus: 'No figures by status yet.' },
};
type Word = keyof typeof WORDS.vi;
const word = (lang: string, key: Word, p: Record<string, string> = {}) =>
  WORDS[lang.startsWith('en') ? 'en' : 'vi'][key].replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '');

/** Public summary of the plan: `{ total, byStatus }` (`byStatus.unreported`: tasks of the plan no status was given for). */
export interface ProgressSummary {
  total: number;
  complete: number;
  byStatus: Record<string, number>;
}

/**
 * Progress of a plan's tasks, as provincial reports give it: counts by status (hoàn thành, đúng tiến độ, chậm tiến
 * độ, chưa triển khai, or the feed's own words) as one stacked bar with a legend, and "73/81 nhiệm vụ hoàn thành";
 * optionally broken down by unit (the feed's `subject`: departments, communes) with their deadlines. The plan's
 * size comes from a row with status `total` or another indicator (`planned`); tasks of the plan without a status
 * are drawn as such, never spread over the others, and a plan smaller than its counts is said, not corrected.
 *
 * Feed form: one indicator, each observation a count with its status in `dims.status` (a CSV column or JSON-stat
 * dimension named `status`, `trạng thái`, `tình trạng` or `tiến độ` works too), optionally `subject` (the unit) and
 * `dims.deadline` (ISO date).
 *
 * @summary Progress of a plan's tasks by status, optionally by unit, with deadlines.
 * @tag chiso-progress
 *
 * @fires chiso-ready - After the first render with new data. Detail: `{ total, complete, byStatus, period }`.
 * @fires chiso-error - When the feed cannot be read. Detail: `{ code, message }`.
 * @fires chiso-download - Before a file is saved from the download menu (cancelable: the page may keep it). Detail: `{ format: 'csv' | 'png', filename, text? (CSV), blob? (PNG) }`.
 *
 * @csspart base - The figure around everything.
 * @csspart label - The indicator's name.
 * @csspart subtitle - The period.
 * @csspart summary - "73/81 nhiệm vụ hoàn thành".
 * @csspart bar - The stacked bar of the plan.
 * @csspart legend - Each status with its count and share.
 * @csspart deadline - The plan's deadline.
 * @csspart note - A remark on the figures (a plan smaller than its counts).
 * @csspart units - The breakdown by unit.
 * @csspart unit - One unit's row.
 * @csspart unit-bar - One unit's stacked bar.
 * @csspart download - The "Tải xuống" (download) button opening the download menu: the data as CSV, the picture as PNG, a link (hidden by `no-download`).
 * @csspart download-menu - The download menu.
 * @csspart source - The source line: who published the figures and when they were updated (hidden by `no-source`).
 * @csspart stale - "Dữ liệu cũ" (stale data) at the end of the source line, after a failed refresh.
 * @csspart details - The data table.
 * @csspart error - The error message.
 * @csspart empty - The no-data message.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --chiso-progress-padding - Inner padding.
 * @cssprop --chiso-progress-border-color - Border colour.
 * @cssprop --chiso-progress-value-size - Font size of the count done (default 1.75rem).
 * @cssprop --chiso-progress-bar-height - Height of the bar (default 1rem).
 * @cssprop --chiso-color-good - Tasks done.
 * @cssprop --chiso-color-accent - Tasks on schedule.
 * @cssprop --chiso-color-fair - Tasks in progress.
 * @cssprop --chiso-color-bad - Tasks behind schedule, and a deadline passed.
 * @cssprop --chiso-color-text-muted - Tasks not started, and (hatched) tasks without a status.
 * @cssprop --chiso-color-target - Statuses of the feed's own.
 */
export class ChisoProgress extends FeedFigureElement<ProgressView> {
  static override styles = [tokens, feedFigureStyles, progressStyles];

  /** Indicator id of the task counts; the feed's first by default. */
  @property() indicator?: string;
  /** Area code (GSO), when the feed has several areas' plans. */
  @property() area?: string;
  /** Period; the latest by default. */
  @property() period?: string;
  /** The dimension holding the status; `status`, `trạng thái`, `tình trạng` or `tiến độ` by default. */
  @property({ attribute: 'status-dim' }) statusDim?: string;
  /** Statuses counted in "73/81", comma separated (`done` by default; e.g. `done,on-schedule`). */
  @property() complete?: string;
  /** An indicator whose value is the plan's size (instead of a row with status `total`). */
  @property() planned?: string;
  /** Unit word, e.g. `nhiệm vụ`, `dự án`; the indicator's unit by default, else "nhiệm vụ". */
  @property() unit?: string;
  /** Shows the breakdown by unit (the feed's subjects, or its areas). */
  @property({ type: Boolean, reflect: true, attribute: 'by-unit' }) byUnit = false;
  /** The date deadlines are checked against (ISO); today by default. */
  @property({ attribute: 'as-of' }) asOf?: string;

  /** The plan's progress (read-only): `{ total, complete, byStatus }`; undefined before data. */
  get summary(): ProgressSummary | undefined {
    const v = this.shownView;
    return v ? { total: v.total, complete: v.complete, byStatus: { ...v.byStatus } } : undefined;
  }

  protected selection(): unknown[] {
    return [this.indicator, this.area, this.period, this.statusDim, this.complete, this.planned, this.asOf];
  }

  protected viewOf(model: FeedModel | undefined): ProgressView | undefined {
    return buildProgress(model, {
      indicator: this.indicator, area: this.area, period: this.period, statusDim: this.statusDim, planned: this.planned, asOf: this.asOf, lang: this.lang,
      complete: this.complete?.split(',').map((s) => s.trim()).filter(Boolean),
    });
  }

  protected readyDetail(v: ProgressView): unknown {
    return { total: v.total, complete: v.complete, byStatus: v.byStatus, ...(v.period ? { period: v.period } : {}) };
  }

  private unitWord(v: ProgressView, lang: string): string {
    return this.unit ?? (v.indicator.unit && v.indicator.unit !== '%' ? v.indicator.unit : word(lang, 'tasks'));
  }

  private pct(n: number, total: number, lang: string): string {
    return `${formatNumber(total ? (n / total) * 100 : 0, lang, 0)}${lang.startsWith('en') ? '%' : '\u00a0%'}`;
  }

  /** Segments of one bar, in status order; a status with no tasks draws nothing. */
  private bar(statuses: ProgressStatus[], byStatus: Record<string, number>, total: number, label: string, lang: string, part: string) {
    const parts = statuses.filter((s) => (byStatus[s.key] ?? 0) > 0);
    const spoken = word(lang, 'bar', { label, parts: parts.map((s) => `${s.label} ${formatNumber(byStatus[s.key], lang, 0)}`).join(', ') });
    return html`<div part=${part} class="bar" role="img" aria-label=${spoken}>${parts.map((s) => html`<span class=${`kind-${s.kind}`} data-status=${s.key}
      style=${`flex:${byStatus[s.key]} 1 0`} title=${`${s.label}: ${formatNumber(byStatus[s.key], lang, 0)}`}></span>`)}${total === 0 ? html`<span class="kind-unreported" style="flex:1 1 0"></span>` : nothing}</div>`;
  }

  protected csvTable(v: ProgressView, lang: string) {
    const source = this.sourceCells(v.source ?? this.feedModel?.source, lang);
    const rowsOf = (name: string, byStatus: Record<string, number>, deadline?: string) => v.statuses
      .filter((s) => byStatus[s.key] !== undefined).map((s) => ({ subject: name, status: s.label, count: byStatus[s.key], deadline, period: v.period, ...source }));
    return {
      columns: ['subject', 'status', 'count', 'deadline', 'period', 'source', 'updated'] as CsvColumn[],
      // Each unit's counts, then the whole plan's (the table's order).
      records: [...v.units.flatMap((u) => rowsOf(u.name, u.byStatus, u.deadline)), ...rowsOf(word(lang, 'total'), v.byStatus, v.deadline)],
    };
  }

  protected renderView(v: ProgressView, lang: string): TemplateResult {
    const label = this.label ?? (localize(v.indicator.name, lang) || v.indicator.id);
    const unit = this.unitWord(v, lang);
    const completeLabel = v.completeStatuses.map((s) => statusLabel(s, lang)).join(word(lang, 'and'));
    const source = v.source ?? this.feedModel?.source;
    const units = this.byUnit ? v.units : [];
    return html`<figure part="base">
      <figcaption part="label">${label}</figcaption>
      ${v.period ? html`<p part="subtitle">${formatPeriod(v.period, lang)}</p>` : nothing}
      ${v.completeKnown ? html`<p part="summary"><span aria-hidden="true"><strong>${formatNumber(v.complete, lang, 0)}</strong><span class="of">/${formatNumber(v.total, lang, 0)}</span> ${unit} ${completeLabel}</span><span class="visually-hidden">${word(lang, 'of', { complete: formatNumber(v.complete, lang, 0), total: formatNumber(v.total, lang, 0), unit, status: completeLabel })}</span></p>`
        : html`<p part="summary"><strong>${formatNumber(v.total, lang, 0)}</strong> ${word(lang, v.planned !== undefined ? 'planned' : 'counted', { unit })}</p>`}
      ${v.statuses.every((s) => s.kind === 'unreported') ? html`<p part="note">${word(lang, 'noStatus')}</p>` : nothing}
      ${this.bar(v.statuses, v.byStatus, v.total, label, lang, 'bar')}
      <ul part="legend" aria-label=${word(lang, 'statuses')}>${v.statuses.filter((s) => s.count > 0).map((s) => html`<li data-status=${s.key}><span class=${`swatch kind-${s.kind}`} aria-hidden="true"></span>${s.label}: ${formatNumber(s.count, lang, 0)} (${this.pct(s.count, v.total, lang)})</li>`)}</ul>
      ${v.planBelowCount ? html`<p part="note">${word(lang, 'planBelow', { planned: formatNumber(v.planned!, lang, 0), counted: formatNumber(Object.entries(v.byStatus).reduce((a, [k, n]) => a + (k === 'unreported' ? 0 : n), 0), lang, 0), unit })}</p>` : nothing}
      ${v.deadline ? html`<p part="deadline">${word(lang, 'deadline', { date: formatDate(v.deadline, lang) })}${v.overdue ? html` · <span class="overdue">${word(lang, 'overdue')}</span>` : nothing}</p>` : nothing}
      ${units.length ? html`<ul part="units">${units.map((u) => html`<li part="unit" data-key=${u.key}>
        <span class="name">${u.name}</span>${this.bar(v.statuses, u.byStatus, u.total, u.name, lang, 'unit-bar')}
        <span class="count">${formatNumber(u.complete, lang, 0)}/${formatNumber(u.total, lang, 0)}</span>
        ${u.deadline ? html`<span class="when">${word(lang, 'deadline', { date: formatDate(u.deadline, lang) })}${u.overdue ? html` · <span class="overdue">${word(lang, 'overdue')}</span>` : nothing}</span>` : nothing}
      </li>`)}</ul>` : nothing}
      ${this.cite(source)}
      ${this.staleError(lang)}
      ${this.downloadButton(lang, `${label} ${v.period ?? ''}`)}
      <details part="details"><summary>${word(lang, 'table')}</summary>
        <table><caption class="visually-hidden">${label}</caption>
          <thead><tr><th scope="col">${v.units.length ? word(lang, 'unit') : word(lang, 'status')}</th>${v.units.length
            ? v.statuses.map((s) => html`<th scope="col">${s.label}</th>`) : html`<th scope="col">${word(lang, 'count', { unit })}</th><th scope="col">${word(lang, 'share')}</th>`}${v.units.length ? html`<th scope="col">${word(lang, 'total')}</th>` : nothing}</tr></thead>
          <tbody>${v.units.length
            ? [...v.units.map((u) => html`<tr><th scope="row">${u.name}</th>${v.statuses.map((s) => html`<td class="num">${formatNumber(u.byStatus[s.key] ?? 0, lang, 0)}</td>`)}<td class="num">${formatNumber(u.total, lang, 0)}</td></tr>`),
              html`<tr><th scope="row">${word(lang, 'total')}</th>${v.statuses.map((s) => html`<td class="num">${formatNumber(s.count, lang, 0)}</td>`)}<td class="num">${formatNumber(v.total, lang, 0)}</td></tr>`]
            : [...v.statuses.map((s) => html`<tr><th scope="row">${s.label}</th><td class="num">${formatNumber(s.count, lang, 0)}</td><td class="num">${this.pct(s.count, v.total, lang)}</td></tr>`),
              html`<tr><th scope="row">${word(lang, 'total')}</th><td class="num">${formatNumber(v.total, lang, 0)}</td><td class="num">${this.pct(v.total, v.total, lang)}</td></tr>`]}</tbody>
        </table></details>
    </figure>`;
  }
}
