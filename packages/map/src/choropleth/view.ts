/**
 * The choropleth's panel under the map: the time slider with play and steps, the table's button, the message,
 * and the data table (rows focus their area on the map; Enter or a click selects it).
 */
import { html, nothing } from 'lit';
import { formatPeriod, localize } from '@chiso/core';
import { mapMsg } from '../map-i18n.js';
import type { ChoroplethView } from '../choropleth-model.js';
import { classLabel, valueText, type ChoroplethWording, type TableRow } from './text.js';

/** What the panel controls on the layer. */
export interface ChoroplethControls extends HTMLElement {
  period?: string;
  tableOpen: boolean;
  readonly isPlaying: boolean;
  play(): void;
  stop(): void;
  colorFor(area: string): string;
  noDownload: boolean;
  /** The source line (see ChisoLayerElement.citation). */
  citation(): unknown;
  /** Opens the download menu (CSV, picture, link) under `button`. */
  download(button: HTMLElement): void;
}

export interface ChoroplethPanel {
  w: ChoroplethWording;
  view: ChoroplethView;
  message?: string;
  rows: () => TableRow[];
  focusedCode: string | null;
  step(delta: number): void;
  focusArea(code: string | null): void;
  select(code: string): void;
}

export function panel(host: ChoroplethControls, p: ChoroplethPanel) {
  const lang = p.w.lang;
  const v = p.view;
  const periods = v.periods;
  const index = Math.max(0, periods.indexOf(v.period ?? ''));
  const playing = host.isPlaying;
  return html`
    <div part="controls" class="controls">
      ${periods.length > 1
        ? html`<div part="timeline" class="timeline" role="group" aria-label=${mapMsg(lang, 'timeline')}>
            <button type="button" class="step" @click=${() => p.step(-1)} ?disabled=${index === 0}
              aria-label=${mapMsg(lang, 'previous')} title=${mapMsg(lang, 'previous')}>◀</button>
            <button type="button" part="play" class="play" @click=${() => (playing ? host.stop() : host.play())}
              aria-pressed=${playing ? 'true' : 'false'} aria-label=${mapMsg(lang, playing ? 'pause' : 'play')}
              title=${mapMsg(lang, playing ? 'pause' : 'play')}>${playing ? '❚❚' : '▶'}</button>
            <button type="button" class="step" @click=${() => p.step(1)} ?disabled=${index === periods.length - 1}
              aria-label=${mapMsg(lang, 'next')} title=${mapMsg(lang, 'next')}>▶▶</button>
            <input type="range" min="0" max=${periods.length - 1} step="1" .value=${String(index)}
              aria-label=${mapMsg(lang, 'timeline')} aria-valuetext=${v.period ? formatPeriod(v.period, lang) : ''}
              @input=${(e: Event) => {
                host.stop();
                host.period = periods[Number((e.target as HTMLInputElement).value)];
              }} />
            <output class="period">${v.period ? formatPeriod(v.period, lang) : ''}</output>
          </div>`
        : nothing}
      ${host.noDownload || !v.indicator ? nothing : html`<button type="button" part="download" aria-haspopup="menu" class="table-toggle" @click=${(e: Event) => host.download(e.currentTarget as HTMLElement)}>${mapMsg(lang, 'download')}</button>`}
      <button type="button" part="table-toggle" class="table-toggle" aria-expanded=${host.tableOpen ? 'true' : 'false'}
        aria-controls="table" @click=${() => (host.tableOpen = !host.tableOpen)}>
        ${mapMsg(lang, host.tableOpen ? 'hideTable' : 'showTable')}
      </button>
    </div>
    ${host.citation()}
    ${p.message ? html`<p part="error" role="alert">${p.message}</p>` : nothing}
    ${host.tableOpen ? table(host, p) : nothing}
  `;
}

function table(host: ChoroplethControls, p: ChoroplethPanel) {
  const { w, view: v } = p;
  const lang = w.lang;
  const name = localize(v.indicator?.name, lang) || v.indicator?.id || '';
  return html`<div class="table-wrap" id="table">
    <table part="table">
      <caption>${name}${v.period ? html`, ${formatPeriod(v.period, lang)}` : nothing}</caption>
      <thead>
        <tr>
          <th scope="col">${mapMsg(lang, 'rank')}</th>
          <th scope="col">${mapMsg(lang, 'area')}</th>
          <th scope="col">${mapMsg(lang, 'value')}</th>
          <th scope="col">${mapMsg(lang, 'class')}</th>
        </tr>
      </thead>
      <tbody>
        ${p.rows().map(
          (r) => html`<tr tabindex="0" data-code=${r.code} class=${p.focusedCode === r.code ? 'current' : ''}
            @focus=${() => p.focusArea(r.code)} @blur=${() => p.focusArea(null)} @click=${() => p.select(r.code)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                p.select(r.code);
              }
            }}>
            <td>${r.rank ?? '—'}</td>
            <th scope="row">${r.name}</th>
            <td class="num">${valueText(w, r.value)}</td>
            <td><span class="swatch" style="background:${host.colorFor(r.code)}"></span>${r.cls === undefined ? mapMsg(lang, 'noData') : classLabel(w, r.cls)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
