import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { localize } from '@chiso/core';
import { ChisoElement, tokens } from '@chiso/core/element';
import type { ChisoChoroplethLayer } from './chiso-choropleth-layer.js';
import { mapMsg } from './map-i18n.js';

/**
 * The legend of a choropleth: one entry per class with its colour, range and number of areas, plus the
 * no-data entry. Pressing an entry highlights that class's areas on the map (press again to clear).
 *
 * Placed inside a `<chiso-map>` it reads the map's first choropleth layer; elsewhere, `for` names the id of a
 * `<chiso-map>` or of a `<chiso-choropleth-layer>`.
 *
 * @summary Classes, colours and counts of a choropleth layer; click to highlight.
 * @tag chiso-legend
 *
 * @fires chiso-highlight - When a class is highlighted or cleared. Detail: `{ index }` (null when cleared).
 *
 * @csspart base - The legend.
 * @csspart title - The indicator name and period.
 * @csspart item - Each class entry (a toggle button).
 * @csspart swatch - The colour of an entry.
 * @csspart count - The number of areas in an entry.
 */
export class ChisoLegend extends ChisoElement {
  static override styles = [
    tokens,
    css`
      :host { display: block; font-size: var(--chiso-font-size, 1rem); line-height: 1.35; }
      [part='base'] { border: 0; margin: 0; padding: 0; min-width: 0; }
      [part='title'] { font-weight: 600; font-size: 0.875em; padding: 0; margin-bottom: 0.25rem; }
      ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; }
      :host([orientation='vertical']) ul { flex-direction: column; }
      button {
        font: inherit; font-size: 0.8125em; display: inline-flex; align-items: center; gap: 0.4em; cursor: pointer;
        color: var(--_fg); background: var(--_bg); border: 1px solid transparent; border-radius: var(--_radius);
        padding: 0.2rem 0.4rem; min-height: 1.75rem;
      }
      .static { font-size: 0.8125em; display: inline-flex; align-items: center; gap: 0.4em; padding: 0.2rem 0.4rem; }
      button[aria-pressed='true'] { border-color: var(--_fg); font-weight: 600; }
      button:focus-visible { outline: 3px solid var(--_focus); }
      button:disabled { cursor: default; }
      [part='swatch'] { width: 1.1em; height: 1.1em; border: 1px solid var(--_border); border-radius: 2px; flex: none; }
      [part='count'] { color: var(--_muted); }
      @media (forced-colors: active) { [part='swatch'] { forced-color-adjust: none; } }
    `,
  ];

  /** Id of the `<chiso-map>` or `<chiso-choropleth-layer>` to describe (default: the enclosing map). */
  @property() for?: string;

  /** `horizontal` (default) or `vertical`. */
  @property({ reflect: true }) orientation: 'horizontal' | 'vertical' = 'horizontal';

  private described?: Element;
  private readonly onChange = () => this.requestUpdate();

  /** The layer the legend describes, once found. */
  get layer(): ChisoChoroplethLayer | undefined {
    const s = this.findSource();
    if (!s) return undefined;
    if (s.localName === 'chiso-choropleth-layer') return s as ChisoChoroplethLayer;
    return (s.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer | null) ?? undefined;
  }

  private findSource(): Element | undefined {
    if (this.for) {
      const root = this.getRootNode() as Document | ShadowRoot;
      return (root.getElementById?.(this.for) ?? document.getElementById(this.for)) || undefined;
    }
    return this.closest('chiso-map') ?? undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const map = this.closest('chiso-map') as ChisoElement | null;
    if (map) this.follow(map);
    queueMicrotask(() => this.listen());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten();
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('for')) this.listen();
  }

  private listen(): void {
    this.unlisten();
    const s = this.findSource();
    if (!s || !this.isConnected) return;
    this.described = s;
    for (const name of ['chiso-ready', 'chiso-change', 'chiso-error']) s.addEventListener(name, this.onChange);
    this.requestUpdate();
  }

  private unlisten(): void {
    for (const name of ['chiso-ready', 'chiso-change', 'chiso-error']) this.described?.removeEventListener(name, this.onChange);
    this.described = undefined;
  }

  private toggle(i: number | null): void {
    const layer = this.layer;
    if (!layer) return;
    const next = layer.highlightedClass === i ? null : i;
    layer.highlightClass(next);
    this.emit('highlight', { index: next });
    this.requestUpdate();
  }

  override render() {
    const layer = this.layer;
    const lang = this.lang;
    const legend = layer?.legend;
    if (!layer || !legend || !legend.colors.length) {
      // Follows its layer: nothing to show while it loads, none when it has nothing (or failed).
      const from = layer?.state;
      this.setState(!layer ? 'empty' : from === 'error' ? 'error' : from === 'loading' || from === 'idle' || !from ? 'loading' : 'empty');
      return nothing;
    }
    this.setState(layer.state === 'stale' ? 'stale' : 'ready');
    const { counts, noData } = layer.classCounts;
    const ind = layer.indicatorInfo;
    const title = (ind && (localize(ind.name, lang) || ind.id)) || mapMsg(lang, 'legend');
    const unit = ind?.unit && ind.unit !== '%' ? ` (${ind.unit})` : '';
    const pressed = layer.highlightedClass;
    const body = (color: string, label: string, n: number) => html`<span part="swatch" style="background:${color}"></span>
      <span>${label}</span>
      <span part="count">(${n.toLocaleString(lang.startsWith('en') ? 'en-US' : 'vi-VN')} ${mapMsg(lang, 'areasUnit')})</span>`;
    const item = (i: number | null, color: string, label: string, n: number) =>
      i === null
        ? html`<li><span part="item" class="static">${body(color, label, n)}</span></li>`
        : html`<li>
            <button type="button" part="item" aria-pressed=${pressed === i ? 'true' : 'false'} title=${mapMsg(lang, 'highlightHint')}
              @click=${() => this.toggle(i)}>${body(color, label, n)}</button>
          </li>`;
    return html`<div part="base" role="group" aria-label="${mapMsg(lang, 'legend')}: ${title}">
      <div part="title">${title}${unit}</div>
      <ul>
        ${legend.colors.map((c, i) => item(i, c, layer.classLabel(i), counts[i] ?? 0))}
        ${item(null, legend.noData, mapMsg(lang, 'noData'), noData)}
      </ul>
    </div>`;
  }
}
