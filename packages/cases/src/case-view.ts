/**
 * The case layer's own panel: playback controls and the time-series chart, the legend, and the data table.
 * Templates only: what they show comes from the element, through `CaseView`.
 */
import { html, nothing, svg } from 'lit';
import { csvText, formatNumber } from '@chiso/core';
import { dateField, textMeasurer } from '@chiso/core/element';
import { chartLayout } from '@chiso/chart/geometry';
import { CASE_STATUSES, casesIn, chartSeries, measureValue, measureWindow, type AreaDay, type CaseStatus, type CaseSummary, type Measure } from './case-model.js';
import type { CaseMessage } from './cases-i18n.js';
import { countCell, countText, dayText, derivedCell, legendLabels, msgOf, rateText, valueText, type CaseDay, type CaseWording } from './case-text.js';
import type { CaseMode } from './case-drawing.js';

export type CaseValue = 'count' | 'rate' | 'risk';

const MEASURES: Measure[] = ['new', 'cumulative', 'avg7'];
const SPEEDS = [1, 2, 4, 8, 16];
const collator = new Intl.Collator('vi');

/** What the element controls from its panel (its public surface, and the day shown). */
export interface CaseControls extends HTMLElement {
  tableOpen: boolean;
  noDownload: boolean;
  /** The source line (see ChisoLayerElement.citation). */
  citation(): unknown;
  /** Opens the download menu (CSV, picture, link) under `button`. */
  download(button: HTMLElement): void;
  playing: boolean;
  speed: number;
  measure: Measure;
  from?: string;
  to?: string;
  date?: string;
  play(): void;
  pause(): void;
  step(days?: number): void;
}

/** Everything the panel shows. */
export interface CaseView extends CaseDay {
  w: CaseWording;
  mode: CaseMode;
  /** What colours the areas, after fallbacks (rate and risk need a population or the feed's levels). */
  shown: CaseValue;
  breaks: readonly number[];
  /** Class colours: the "< k" class first, then one per class between `breaks`. */
  classColors: readonly string[];
  riskColor(level: 1 | 2 | 3 | 4): string;
  /** Whether risk levels come from the feed (else from the incidence rule). */
  riskFromFeed: boolean;
  frame: readonly AreaDay[];
  summary?: CaseSummary;
  focusedRow: string | null;
  focusRow(code: string | null): void;
}

/** Playback, day, speed, measure and range controls, and the chart of the measure over the range (click or drag to pick a day). */
export function timePanel(host: CaseControls, v: CaseView, width: number) {
  const { index, w } = v;
  const [a, b] = v.range;
  const i = v.day;
  const lang = w.lang;
  const msg = (key: CaseMessage, p?: Record<string, string>) => msgOf(w, key, p);
  const setDay = (d: number) => {
    const date = index.dates[d];
    if (date && date !== host.date) host.date = date;
  };
  // The chart: the measure over the range, every area together, small counts drawn at k.
  const values = chartSeries(index, [a, b], w.measure, w.k);
  const fontPx = parseFloat(getComputedStyle(host).fontSize) || 16;
  const axisPx = Math.round(fontPx * 0.75);
  const decimals = w.measure === 'avg7' ? 1 : 0;
  const g = chartLayout({
    width: Math.max(160, width), height: Math.round(fontPx * 6), xs: Array.from(values, (_, d) => d), values,
    xDomain: [0, Math.max(1, b - a)], fontPx: axisPx, measure: textMeasurer(host, axisPx), formatTick: (t) => formatNumber(t, lang, decimals),
  });
  const pick = (e: PointerEvent) => {
    if (e.type === 'pointermove' && !(e.buttons & 1)) return;
    const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
    host.playing = false;
    setDay(a + Math.round(g.invertX(((e.clientX - box.left) / box.width) * g.width)));
  };
  const x = g.x(i - a);
  const chartLabel = msg('chartLabel', {
    measure: msg(w.measure), from: dayText(w, index.dates[a]), to: dayText(w, index.dates[b]),
    max: formatNumber(g.max, lang, decimals), peak: dayText(w, index.dates[a + g.peak]),
  });
  return html`<div part="time" class="time" role="group" aria-label=${msg('range')}>
      <button type="button" part="play" aria-pressed=${host.playing ? 'true' : 'false'}
        @click=${() => (host.playing ? host.pause() : host.play())}>${host.playing ? '⏸' : '▶'}<span class="visually-hidden">${msg(host.playing ? 'pause' : 'play')}</span></button>
      <button type="button" data-step="-1" aria-label=${msg('back')} @click=${() => { host.playing = false; host.step(-1); }}>◀</button>
      <button type="button" data-step="1" aria-label=${msg('forward')} @click=${() => { host.playing = false; host.step(1); }}>▶▶</button>
      <span class="current" aria-live=${host.playing ? 'off' : 'polite'}>${dayText(w, index.dates[i])}</span>
      <label class="slider"><span class="visually-hidden">${msg('dateSlider')}</span>
        <input part="slider" type="range" min=${a} max=${b} .value=${String(i)} aria-valuetext=${dayText(w, index.dates[i])}
          @input=${(e: Event) => { host.playing = false; setDay(Number((e.target as HTMLInputElement).value)); }}></label>
      <label>${msg('speed')}
        <select data-control="speed" @change=${(e: Event) => (host.speed = Number((e.target as HTMLSelectElement).value))}>
          ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === Number(host.speed)}>${msg('perSecond', { n: String(s) })}</option>`)}
        </select></label>
      <label>${msg('measure')}
        <select data-control="measure" @change=${(e: Event) => (host.measure = (e.target as HTMLSelectElement).value as Measure)}>
          ${MEASURES.map((m) => html`<option value=${m} ?selected=${m === w.measure}>${msg(m)}</option>`)}
        </select></label>
      ${dateField({ label: msg('from'), control: 'from', value: index.dates[a], min: index.dates[0], max: index.dates.at(-1)!, lang, onChange: (d) => (host.from = d) })}
      ${dateField({ label: msg('to'), control: 'to', value: index.dates[b], min: index.dates[0], max: index.dates.at(-1)!, lang, onChange: (d) => (host.to = d) })}
    </div>
    <svg part="chart" viewBox="0 0 ${g.width} ${g.height}" width=${g.width} height=${g.height} role="img" aria-label=${`${msg('chart')}: ${chartLabel}`}
      style="font-size:${axisPx}px" @pointerdown=${pick} @pointermove=${pick}>
      ${svg`${g.ticks.map((t) => svg`<line class="tick" x1=${g.plot.left} x2=${g.plot.right} y1=${t.y} y2=${t.y}></line>
        <text x=${g.plot.left - axisPx * 0.4} y=${t.y + axisPx * 0.35} text-anchor="end">${t.text}</text>`)}
        <path class="area" d=${g.area}></path><path class="line" d=${g.line}></path>
        <line class="now" x1=${x} x2=${x} y1=${g.plot.top} y2=${g.plot.bottom}></line>`}
    </svg>`;
}

/** The legend: one entry for circles, clusters or heat; the four risk levels; or the classes of counts or rates. */
export function legend(v: CaseView) {
  const { w } = v;
  const msg = (key: CaseMessage) => msgOf(w, key);
  if (v.mode !== 'area') {
    const key = v.mode === 'heat' ? 'heat' : v.mode === 'cluster' ? 'cluster' : 'bubble';
    return html`<ul part="legend" aria-label=${msg('layerName')}><li><span class="dot" aria-hidden="true"></span>${msg(key)}</li></ul>`;
  }
  if (v.shown === 'risk') {
    const levels = [1, 2, 3, 4] as const;
    return html`<ul part="legend" aria-label=${msg('risk')}>
      ${levels.map((l) => html`<li data-risk=${l}><span class="swatch" style="background:${v.riskColor(l)}" aria-hidden="true"></span>${msg(`risk${l}` as CaseMessage)}</li>`)}
      <li class="note">${msg(v.riskFromFeed ? 'riskFromFeed' : 'riskFromRule')}</li>
    </ul>`;
  }
  const labels = legendLabels(w, v.breaks, v.shown === 'rate');
  const colors = v.classColors;
  return html`<ul part="legend" aria-label=${v.shown === 'rate' ? msg('rate') : msg(w.measure)}>
    ${labels.map((text, c) => html`<li data-class=${c}><span class="swatch" style="background:${colors[Math.min(c, colors.length - 1)]}" aria-hidden="true"></span>${text}</li>`)}
  </ul>`;
}

/** The areas with cases in the range (or a risk level), most cases first: the table's rows and the CSV's. */
function tableRows(v: CaseView) {
  const [a, b] = v.range;
  return v.frame
    .map((f) => {
      const row = v.areaRow.get(f.code);
      const total = row === undefined ? 0 : casesIn(v.index.prefix[row], [a, b]);
      return { ...f, row, total, name: v.nameOf(f.code) };
    })
    .filter((r) => r.total > 0 || r.risk)
    .sort((x, y) => y.total - x.total || collator.compare(x.name, y.name));
}

/**
 * The table as CSV, under the same privacy rule as the screen: a count under k is written "< k", an average or rate
 * from so few cases "< x", never the exact figure. One row per area in the table's order, the day and range on
 * every row, and the source when one is named (`source`).
 */
export function tableCsv(v: CaseView, source?: string): string {
  const { index, w, day: i } = v;
  const [a, b] = v.range;
  const msg = (key: CaseMessage) => msgOf(w, key);
  const statuses = ([...CASE_STATUSES, 'all'] as Array<CaseStatus | 'all'>).filter((s) => index.statusPrefix.some((p) => p[s]));
  const win = measureWindow(i, w.measure, a);
  const showRate = v.population.size > 0;
  const showRisk = v.frame.some((f) => f.risk);
  const header = [msg('area'), w.lang.startsWith('en') ? 'Area code' : 'Mã địa bàn', msg(w.measure), msg('inRange'), ...statuses.map((s) => msg(s)),
    ...(showRate ? [msg('rate')] : []), ...(showRisk ? [msg('risk')] : []), msg('date'), msg('from'), msg('to'), ...(source ? [w.lang.startsWith('en') ? 'Source' : 'Nguồn'] : [])];
  const rows = tableRows(v).map((r) => {
    const value = w.measure === 'avg7' ? derivedCell(w, r.cases, r.value, w.k / (win[1] - win[0] + 1)) : countCell(w, r.cases);
    const rate = () => {
      const pop = v.population.get(r.code);
      if (r.rate === undefined || !pop) return '';
      const cases7 = casesIn(index.prefix[v.areaRow.get(r.code)!] ?? new Float64Array(1), measureWindow(i, 'avg7'));
      return derivedCell(w, cases7, r.rate, (w.k * 100_000) / pop);
    };
    return [r.name, r.code, value, countCell(w, r.total),
      ...statuses.map((s) => countCell(w, r.row === undefined || !index.statusPrefix[r.row][s] ? 0 : casesIn(index.statusPrefix[r.row][s]!, [a, b]))),
      ...(showRate ? [rate()] : []), ...(showRisk ? [r.risk ? msg(`risk${r.risk}` as CaseMessage) : msg('riskUnknown')] : []),
      index.dates[i], index.dates[a], index.dates[b], ...(source ? [source] : [])];
  });
  return csvText({ columns: header, rows });
}

/** Cases by area over the range, with the day's measure, statuses, rate and risk; rows focus their area on the map. */
export function table(v: CaseView) {
  const { index, w, day: i } = v;
  const [a, b] = v.range;
  const msg = (key: CaseMessage, p?: Record<string, string>) => msgOf(w, key, p);
  const count = (n: number) => countText(w, n);
  const win = measureWindow(i, w.measure, a);
  const statuses = ([...CASE_STATUSES, 'all'] as Array<CaseStatus | 'all'>).filter((s) => index.statusPrefix.some((p) => p[s]));
  const showRate = v.population.size > 0;
  const showRisk = v.frame.some((f) => f.risk);
  const rows = tableRows(v);
  const caption = msg('tableCaption', { date: dayText(w, index.dates[i]), measure: msg(w.measure), from: dayText(w, index.dates[a]), to: dayText(w, index.dates[b]) });
  const totalCases = casesIn(index.totalPrefix, win);
  return html`<div id="tables" class="table-wrap">
    <table part="table">
      <caption>${caption}</caption>
      <thead><tr>
        <th scope="col">${msg('area')}</th>
        <th scope="col" class="num">${msg(w.measure)}</th>
        <th scope="col" class="num">${msg('inRange')}</th>
        ${statuses.map((s) => html`<th scope="col" class="num">${msg(s)}</th>`)}
        ${showRate ? html`<th scope="col" class="num">${msg('rate')}</th>` : nothing}
        ${showRisk ? html`<th scope="col">${msg('risk')}</th>` : nothing}
      </tr></thead>
      <tbody>
        ${rows.map((r) => html`<tr tabindex="0" data-code=${r.code} class=${v.focusedRow === r.code ? 'current' : ''}
          @focus=${() => v.focusRow(r.code)} @blur=${() => v.focusRow(null)}>
          <th scope="row">${r.name}</th>
          <td class="num">${valueText(w, r, i)}</td>
          <td class="num">${count(r.total)}</td>
          ${statuses.map((s) => {
            const p = r.row === undefined ? undefined : index.statusPrefix[r.row][s];
            return html`<td class="num">${count(p ? casesIn(p, [a, b]) : 0)}</td>`;
          })}
          ${showRate ? html`<td class="num">${rateText(w, v, r)}</td>` : nothing}
          ${showRisk ? html`<td data-risk=${r.risk ?? ''}>${r.risk ? msg(`risk${r.risk}` as CaseMessage) : msg('riskUnknown')}</td>` : nothing}
        </tr>`)}
      </tbody>
      <tfoot><tr>
        <th scope="row">${w.lang.startsWith('en') ? 'Total' : 'Tổng'}</th>
        <td class="num">${valueText(w, { cases: totalCases, value: measureValue(totalCases, w.measure, win) }, i)}</td>
        <td class="num">${count(casesIn(index.totalPrefix, [a, b]))}</td>
        ${statuses.map((s) => html`<td class="num">${count(v.summary?.byStatus[s] ?? 0)}</td>`)}
        ${showRate ? html`<td></td>` : nothing}
        ${showRisk ? html`<td></td>` : nothing}
      </tr></tfoot>
    </table>
  </div>`;
}

/**
 * The whole panel under the map: time controls and chart, legend, the table's button, the privacy note, the
 * loading status, alerts (errors and warnings, each read out), and the table when open. `v` is unset until
 * there is data.
 */
export function panel(host: CaseControls, v: CaseView | undefined, p: { width: number; legend: boolean; loading: boolean; alerts: string[] }) {
  const msg = (key: CaseMessage, params?: Record<string, string>) => msgOf({ lang: host.lang, k: v?.w.k ?? 5, measure: host.measure }, key, params);
  return html`
    ${v ? timePanel(host, v, p.width) : nothing}
    <div class="controls">
      ${v && p.legend ? legend(v) : nothing}
      <button type="button" part="table-toggle" aria-expanded=${host.tableOpen ? 'true' : 'false'} aria-controls="tables"
        ?disabled=${!v} @click=${() => (host.tableOpen = !host.tableOpen)}>${msg(host.tableOpen ? 'hideTable' : 'showTable')}</button>
      ${v && !host.noDownload ? html`<button type="button" part="download" aria-haspopup="menu" @click=${(e: Event) => host.download(e.currentTarget as HTMLElement)}>${host.lang.startsWith('en') ? 'Download' : 'Tải xuống'}</button>` : nothing}
    </div>
    ${v ? html`<p class="note">${msg('privacy', { k: String(v.w.k) })}</p>` : nothing}
    ${host.citation()}
    ${p.loading && !v ? html`<p part="status" role="status">${msg('loading')}</p>` : nothing}
    ${p.alerts.map((m) => html`<p part="error" role="alert">${m}</p>`)}
    ${host.tableOpen && v ? table(v) : nothing}
  `;
}
