/**
 * The gauge's details table and its "Tải xuống" (download menu) button: loaded the first time a reader opens "Chi tiết", so a page
 * of gauges does not carry what most readers never open (the gauge's budget is 20 KB with core and lit).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatPeriod, formatValue, levelLabel, localize, msg, vietnamTime, type FeedSource } from '@chiso/core';
import { bandLabel, type GaugeView } from './gauge-model.js';

/** What the gauge has already worded for its face, reused in the table. */
export interface GaugeFaceText {
  value: string;
  delta: string;
  ratio: string;
  /** The observation's own source, else the feed's. */
  source?: FeedSource;
}

/** The table's row names: here, not in core's dictionary, so a page whose details stay closed never carries them. */
const ROW_NAMES = {
  vi: { value: 'Giá trị', target: 'Mục tiêu', thresholds: 'Ngưỡng', status: 'Mức', area: 'Địa bàn', level: 'Cấp', period: 'Kỳ',
    previous: 'Kỳ trước', change: 'Thay đổi', ratio: 'Tử số / mẫu số', count: 'Số lượng', source: 'Nguồn', published: 'Ngày công bố',
    updated: 'Cập nhật', note: 'Ghi chú' },
  en: { value: 'Value', target: 'Target', thresholds: 'Thresholds', status: 'Status', area: 'Area', level: 'Level', period: 'Period',
    previous: 'Previous period', change: 'Change', ratio: 'Numerator / denominator', count: 'Count', source: 'Source', published: 'Published',
    updated: 'Updated', note: 'Note' },
};
type RowName = keyof typeof ROW_NAMES.vi;

/** "08:00 23/05/2024": the time, then the day. */
const updatedText = (iso: string, lang: string) => (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(iso) ? `${iso.slice(11, 16)} ${formatDate(iso, lang)}` : iso);

/** Every figure there is, a row each only when it has something to say. */
export function detailRows(v: GaugeView, face: GaugeFaceText, lang: string): Array<[RowName, string]> {
  const s = face.source;
  return ([
    ['value', face.value],
    ['target', v.target !== undefined && formatValue(v.target, v.unit, lang, v.decimals)],
    ['thresholds', v.thresholds.map((t) => formatValue(t, v.unit, lang)).join(' · ')],
    ['status', v.band !== 'none' && bandLabel(v.band, lang)],
    ['area', [v.areaName, v.area && v.area !== v.areaName ? `(${v.area})` : ''].filter(Boolean).join(' ')],
    ['level', v.level && levelLabel(v.level, lang)],
    ['period', v.period && formatPeriod(v.period, lang)],
    ['previous', v.previous && `${formatPeriod(v.previous.period, lang)}: ${formatValue(v.previous.value, v.unit, lang, v.decimals)}`],
    ['change', face.delta],
    [v.denominator !== undefined ? 'ratio' : 'count', face.ratio],
    ['source', localize(s?.name, lang)],
    ['published', s?.published && formatPeriod(s.published.slice(0, 10), lang)],
    ['updated', s?.updated && updatedText(vietnamTime(s.updated), lang)],
    ['note', localize(v.note, lang)],
  ] as Array<[RowName, string | false | undefined]>).filter((r): r is [RowName, string] => !!r[1]);
}

/** The details' table, and the button opening `host`'s download menu (none with `no-download`). */
export function detailsContent(v: GaugeView, face: GaugeFaceText, lang: string, host: HTMLElement & { toCSV(): Promise<string>; noDownload: boolean }): TemplateResult {
  // The saving code is here, not in the gauge: a page of gauges whose details stay closed never carries it.
  const download = !host.noDownload && ((e: Event) => {
    const button = e.currentTarget as HTMLElement;
    void import('@chiso/core/download').then((m) => m.openDownloadMenu(host, button, v.label));
  });
  return html`<table>
      <caption class="visually-hidden">${v.label}</caption>
      <tbody>${detailRows(v, face, lang).map(([k, val]) => html`<tr><th scope="row">${ROW_NAMES[lang.startsWith('en') ? 'en' : 'vi'][k]}</th><td>${val}</td></tr>`)}</tbody>
    </table>
    ${download ? html`<button type="button" part="download" aria-haspopup="menu" @click=${download}>${msg(lang, 'download')}</button>` : nothing}`;
}

/** The table's and the button's styles, adopted by the gauge's shadow root when this module loads. */
export const detailsStyles = css`
  /* A link-like button under the table: the gauge's words, not a second frame. */
  [part='download'] { font: inherit; background: none; border: 0; padding: 0; cursor: pointer; color: var(--_accent); border-radius: 0.25rem; width: max-content; }
  [part='download']:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
  table { border-collapse: collapse; width: 100%; margin-top: 0.25rem; }
  th, td { text-align: start; padding: 0.125rem 0.25rem; border-bottom: 1px solid var(--_border); vertical-align: top; }
  th { font-weight: 600; color: var(--_muted); }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
  }
`;

/** Adds the table's styles to a gauge's shadow root (a constructed sheet; a <style> where sheets cannot be adopted). */
export function adoptDetailsStyles(root: ShadowRoot): void {
  const sheet = detailsStyles.styleSheet;
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else root.append(Object.assign(document.createElement('style'), { textContent: detailsStyles.cssText }));
}
