/**
 * The BTS layer's panel under the map: the legend (coverage, gaps, operators with their counts, technologies,
 * badges), the tables' button, notices and alerts, and the tables (coverage by area, by operator, villages
 * without signal; rows focus their place on the map).
 */
import { html, nothing, svg } from 'lit';
import { csvOf, formatNumber } from '@chiso/core';
import { btsMsg } from './bts-i18n.js';
import { TECHNOLOGIES, type Operator, type Site, type Technology } from './coverage.js';
import type { Village } from './points.js';
import { OPERATORS, operatorLabel, TECH_SHAPES } from './site-symbols.js';
import { pct, type BtsWording } from './bts-text.js';
import type { BtsStats } from './chiso-bts-layer.js';

const collator = new Intl.Collator('vi');

/** What the panel controls on the layer. */
export interface BtsControls extends HTMLElement {
  tableOpen: boolean;
  noDownload: boolean;
  /** The source line (see ChisoLayerElement.citation). */
  citation(): unknown;
  /** Opens the download menu (CSV, picture, link) under `button`. */
  download(button: HTMLElement): void;
}

export interface BtsPanel {
  w: BtsWording;
  stats?: BtsStats;
  sites: ReadonlyArray<{ site: Site; radius: number }>;
  symbolTech(site: Site): Technology;
  operatorColor(op: Operator): string;
  clustered: boolean;
  /** Villages without signal, each with its area. */
  gapVillages: Array<{ village: Village; area?: string }>;
  computing: boolean;
  alerts: string[];
  focusedRow: string | null;
  focusArea(code: string | null): void;
  focusVillage(v: Village | null): void;
}

/** One row per commune, least covered first (then by name): the table's order, and the CSV's. */
export function areaRows(w: BtsWording, s: BtsStats) {
  return Object.entries(s.areas)
    .map(([code, a]) => ({ code, name: w.nameOf(code), ...a }))
    .sort((x, y) => x.coveragePct - y.coveragePct || collator.compare(x.name, y.name));
}

/** The per-commune table as CSV, in its order: sites, area, area with signal and its share, villages without signal; the source when one is named (`source`). */
export function areaCsv(w: BtsWording, s: BtsStats, source?: string): string {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return csvOf(['area', 'name', 'sites', 'areaKm2', 'coveredKm2', 'coveragePct', 'villagesUncovered', 'villages', 'source'], areaRows(w, s).map((r) => ({
    area: r.code, name: r.name, sites: r.sites, areaKm2: r2(r.areaKm2), coveredKm2: r2(r.coveredKm2), coveragePct: r2(r.coveragePct),
    villagesUncovered: r.villages?.uncovered.length, villages: r.villages?.total, source,
  })), w.lang);
}

export function panel(host: BtsControls, p: BtsPanel) {
  const lang = p.w.lang;
  return html`
    <div class="controls">
      ${legend(p)}
      <button type="button" part="table-toggle" aria-expanded=${host.tableOpen ? 'true' : 'false'} aria-controls="tables"
        @click=${() => (host.tableOpen = !host.tableOpen)}>${btsMsg(lang, host.tableOpen ? 'hideTable' : 'showTable')}</button>
      ${host.noDownload || !p.stats ? nothing : html`<button type="button" part="download" aria-haspopup="menu" @click=${(e: Event) => host.download(e.currentTarget as HTMLElement)}>${lang.startsWith('en') ? 'Download' : 'Tải xuống'}</button>`}
    </div>
    ${host.citation()}
    ${p.computing ? html`<p part="status" role="status">${btsMsg(lang, 'computing')}</p>` : nothing}
    ${[...new Set(p.alerts)].map((w) => html`<p part="error" role="alert">${w}</p>`)}
    ${host.tableOpen ? tables(p) : nothing}
  `;
}

function legend(p: BtsPanel) {
  const lang = p.w.lang;
  const counts = new Map<Operator, number>();
  const techs = new Set<Technology>();
  for (const { site } of p.sites) {
    counts.set(site.operator, (counts.get(site.operator) ?? 0) + 1);
    techs.add(p.symbolTech(site));
  }
  const shape = (t: Technology, color: string) =>
    html`<svg class="shape" viewBox="0 0 20 20" aria-hidden="true">${svg`<path d=${TECH_SHAPES[t]} fill=${color} stroke="#000" stroke-opacity="0.6" stroke-width="1.5"></path>`}</svg>`;
  const gaps = p.stats?.villages?.uncovered.length;
  return html`<ul part="legend" aria-label=${btsMsg(lang, 'layerName')}>
    <li><span class="fill" aria-hidden="true"></span>${btsMsg(lang, 'coverage')}</li>
    ${p.stats?.villages
      ? html`<li><span class="dot gap" aria-hidden="true"></span>${btsMsg(lang, 'gap')} (${formatNumber(gaps ?? 0, lang)})</li>
          <li><span class="dot covered" aria-hidden="true"></span>${btsMsg(lang, 'villageCovered')}</li>`
      : nothing}
    ${OPERATORS.filter((op) => counts.get(op)).map(
      (op) => html`<li data-operator=${op}>${shape('2G', p.operatorColor(op))}${operatorLabel(op, btsMsg(lang, 'other'))} (${btsMsg(lang, 'sitesShown', { n: formatNumber(counts.get(op)!, lang) })})</li>`,
    )}
    ${TECHNOLOGIES.filter((t) => techs.has(t)).map((t) => html`<li data-tech=${t}>${shape(t, 'transparent')}${t}</li>`)}
    ${p.clustered && p.sites.length > 1
      ? html`<li data-cluster><svg class="shape" viewBox="0 0 20 20" aria-hidden="true">${svg`<circle cx="10" cy="10" r="8" fill="none" stroke=${p.operatorColor('Viettel')} stroke-width="4"></circle><circle cx="10" cy="10" r="9.5" fill="none" stroke="#000" stroke-opacity="0.6" stroke-width="1"></circle>`}</svg>${btsMsg(lang, 'clusterLegend')}</li>`
      : nothing}
  </ul>`;
}

function tables(p: BtsPanel) {
  const { w } = p;
  const lang = w.lang;
  const s = p.stats;
  if (!s) return nothing;
  const rows = areaRows(w, s);
  return html`<div id="tables">
    <div class="table-wrap">
      <table part="table">
        <caption>${btsMsg(lang, 'tableCaption')}</caption>
        <thead><tr>
          <th scope="col">${btsMsg(lang, 'area')}</th>
          <th scope="col" class="num">${btsMsg(lang, 'sites')}</th>
          <th scope="col" class="num">${btsMsg(lang, 'areaKm2')}</th>
          <th scope="col" class="num">${btsMsg(lang, 'coveredKm2')}</th>
          <th scope="col" class="num">${btsMsg(lang, 'coveragePct')}</th>
          ${s.villages ? html`<th scope="col" class="num">${btsMsg(lang, 'uncoveredVillages')}</th>` : nothing}
        </tr></thead>
        <tbody>
          ${rows.map((r) => html`<tr tabindex="0" data-code=${r.code} class=${p.focusedRow === r.code ? 'current' : ''}
            @focus=${() => p.focusArea(r.code)} @blur=${() => p.focusArea(null)}>
            <th scope="row">${r.name}</th>
            <td class="num">${formatNumber(r.sites, lang)}</td>
            <td class="num">${formatNumber(r.areaKm2, lang, 1)}</td>
            <td class="num">${formatNumber(r.coveredKm2, lang, 1)}</td>
            <td class="num">${pct(w, r.coveragePct)}</td>
            ${s.villages ? html`<td class="num">${formatNumber(r.villages?.uncovered.length ?? 0, lang)} / ${formatNumber(r.villages?.total ?? 0, lang)}</td>` : nothing}
          </tr>`)}
        </tbody>
      </table>
    </div>
    ${s.byOperator
      ? html`<div class="table-wrap">
          <table part="operators">
            <caption>${btsMsg(lang, 'byOperatorCaption')}</caption>
            <thead><tr>
              <th scope="col">${btsMsg(lang, 'operator')}</th>
              <th scope="col" class="num">${btsMsg(lang, 'sites')}</th>
              <th scope="col" class="num">${btsMsg(lang, 'coveredKm2')}</th>
              <th scope="col" class="num">${btsMsg(lang, 'coveragePct')}</th>
            </tr></thead>
            <tbody>${OPERATORS.filter((op) => s.byOperator![op]).map((op) => {
              const o = s.byOperator![op]!;
              return html`<tr data-operator=${op}><th scope="row">${operatorLabel(op, btsMsg(lang, 'other'))}</th>
                <td class="num">${formatNumber(o.sites, lang)}</td><td class="num">${formatNumber(o.coveredAreaKm2, lang, 1)}</td>
                <td class="num">${pct(w, o.coveragePct)}</td></tr>`;
            })}</tbody>
          </table>
        </div>`
      : nothing}
    ${s.villages
      ? html`<div class="table-wrap">
          <table part="gaps">
            <caption>${btsMsg(lang, 'gapsCaption', { n: formatNumber(p.gapVillages.length, lang) })}</caption>
            ${p.gapVillages.length
              ? html`<thead><tr><th scope="col">${btsMsg(lang, 'village')}</th><th scope="col">${btsMsg(lang, 'area')}</th></tr></thead>
                  <tbody>${p.gapVillages.map(({ village: v, area }) => html`<tr tabindex="0" data-village=${v.id} class=${p.focusedRow === `village:${v.id}` ? 'current' : ''}
                      @focus=${() => p.focusVillage(v)} @blur=${() => p.focusVillage(null)}>
                      <th scope="row">${v.name}</th><td>${area ? w.nameOf(area) : '—'}</td></tr>`)}</tbody>`
              : html`<tbody><tr><td>${btsMsg(lang, 'noGaps')}</td></tr></tbody>`}
          </table>
        </div>`
      : nothing}
  </div>`;
}
