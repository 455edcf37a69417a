import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedError, levelLabel, msg, selectGroup, localize } from '@chiso/core';
import type { FeedModel, LoadedFeed, Selected } from '@chiso/core';
import { ChisoElement, DataParser, FeedController, tokens, type FeedHost } from '@chiso/core/element';

/**
 * One gauge per administrative level (or per area) from one feed: the province, district and commune
 * rates side by side. Feeds from after July 2025, which have no district level, simply give fewer gauges.
 *
 * @summary A row of gauges, one per level or area, from one feed.
 * @tag chiso-gauge-group
 *
 * @fires chiso-ready - When the gauges are drawn. Detail: `{ count, levels, areas }`.
 * @fires chiso-error - When the feed cannot be shown. Detail: `{ code, message, path?, status? }`.
 * @fires chiso-download - Before a file is saved from the download menu (cancelable: the page may keep it). Detail: `{ format: 'csv' | 'png', filename, text? (CSV), blob? (PNG) }`.
 *
 * @csspart base - The grid of gauges.
 * @csspart title - The group's heading.
 * @csspart gauge - Each `<chiso-gauge>` (style it further through its own parts with `::part`).
 * @csspart error - The error message.
 * @csspart empty - The no-data message.
 * @csspart download - The "Tải xuống" (download) button opening the download menu: the data as CSV, the picture as PNG, a link (hidden by `no-download`).
 * @csspart download-menu - The download menu.
 * @csspart source - The source line: who published the figures and when they were updated (hidden by `no-source`).
 * @csspart stale - "Dữ liệu cũ" (stale data) at the end of the source line, after a failed refresh.
 *
 * @cssprop --chiso-gauge-group-min - Smallest width of one gauge before the grid wraps (default 12rem).
 * @cssprop --chiso-gauge-group-gap - Gap between gauges (default 1rem).
 */
export class ChisoGaugeGroup extends ChisoElement implements FeedHost {
  static override styles = [
    tokens,
    css`
      :host { display: block; }
      [part='base'] {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--chiso-gauge-group-min, 12rem)), 1fr));
        gap: var(--chiso-gauge-group-gap, 1rem);
        list-style: none; margin: 0; padding: 0;
      }
      [part='title'] { font-size: 1.125rem; margin: 0 0 0.5rem; }
      [part='source'] { margin-top: 0.5rem; }
      [part='download'] {
        margin-top: 0.5rem; font: inherit; font-size: 0.875em; color: var(--_accent); background: none; cursor: pointer;
        border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.125rem 0.5rem; min-height: 1.75rem;
      }
      [part='download']:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
      @media print { [part='download'] { display: none; } }
      chiso-gauge { max-width: none; }
      [part='error'] { color: var(--_bad); }
      .skeleton { display: block; height: 10rem; border-radius: var(--_radius); background: var(--_skeleton); }
    `,
  ];

  /** URL of the feed. */
  @property() src?: string;
  /** Indicator id; the feed's first by default. */
  @property() indicator?: string;
  /** Area code or name: the one area whose levels are shown (`by="level"`). */
  @property() area?: string;
  /** Period; the latest with a value by default (per gauge). */
  @property() period?: string;
  /** `level` (default): one gauge per administrative level; `area`: one per area. */
  @property() by: 'level' | 'area' = 'level';
  /** Passed to every gauge: `arc`, `ring` or `bullet`. */
  @property({ reflect: true }) variant: 'arc' | 'ring' | 'bullet' = 'arc';
  /** Heading above the gauges; the indicator's name by default. `heading=""` hides it. */
  @property() heading?: string;
  /** Seconds between refreshes. */
  @property({ type: Number }) refresh = 0;
  /** Milliseconds a request may take. */
  @property({ type: Number }) timeout?: number;
  /** A feed given directly (object, text or parsed model) instead of `src`. */
  @property({ attribute: false }) data?: unknown;

  private readonly feed = new FeedController(this);
  private readonly parser = new DataParser(this);
  private feedError?: FeedError;
  private items: Selected[] = [];
  private error?: FeedError;
  private emitted?: FeedError;
  private readyKey = '';

  feedLoading(): void { this.requestUpdate(); }
  feedLoaded(_l: LoadedFeed): void { this.feedError = undefined; this.requestUpdate(); }
  feedFailed(e: FeedError): void { this.feedError = e; this.requestUpdate(); }

  /** The selections shown, one per gauge (read-only). */
  get selections(): readonly Selected[] { return this.items; }

  /** Every gauge's figures as one CSV (a row per level or area, and its previous period); empty before data. */
  async toCSV(): Promise<string> {
    const [{ gaugeCsv }, { resolveGauge }] = await Promise.all([import('./gauge-csv.js'), import('./gauge-model.js')]);
    const views = this.items.map((s) => resolveGauge(s, {}, this.lang)).flatMap((r) => (r.kind === 'view' ? [r.view] : []));
    return views.length ? gaugeCsv(views, this.lang, this.feedSource, this.source) : '';
  }

  /** The source of the feed read (`src` or `data`). */
  private get feedSource() {
    return (this.feed.loaded?.model ?? this.parser.model)?.source;
  }

  /** The group as the reader sees it (heading and gauges), as a PNG or an SVG whose words stay text, its source under it. */
  async toImage(options: { format?: 'png' | 'svg'; scale?: number } = {}): Promise<Blob> {
    return (await import('./gauge-csv.js')).gaugePicture(this, undefined, this.feedSource, options);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    let model: FeedModel | undefined;
    this.error = undefined;
    if (this.data != null) {
      this.parser.read(this.data);
      model = this.parser.model;
      this.error = this.parser.error;
    } else model = this.feed.loaded?.model;
    if (!this.error && this.data == null && this.feedError) this.error = this.feedError;
    if (model) {
      this.items = selectGroup(model, { indicator: this.indicator, area: this.area, period: this.period, by: this.by });
    } else if (!this.error) {
      this.items = [];
    }
    if (this.error) this.setState(this.items.length ? 'stale' : 'error');
    else if (!model) this.setState(this.src || this.parser.pending ? 'loading' : 'empty');
    else this.setState(this.items.length ? 'ready' : 'empty');
  }

  protected override updated(): void {
    if (this.error && this.error !== this.emitted) {
      this.emitted = this.error;
      this.emitError(this.error);
    }
    if (!this.error) this.emitted = undefined;
    if (this.state === 'ready') {
      const key = JSON.stringify(this.items.map((s) => [s.observation.area, s.observation.tier ?? s.observation.level, s.observation.period, s.observation.value]));
      if (key !== this.readyKey) {
        this.readyKey = key;
        this.emit('ready', {
          count: this.items.length,
          levels: this.items.map((s) => s.observation.tier ?? s.observation.level ?? ''),
          areas: this.items.map((s) => s.observation.area),
        });
      }
    }
  }

  protected override render(): TemplateResult {
    const lang = this.lang;
    const first = this.items[0];
    const heading = this.heading ?? (first ? localize(first.indicator.name, lang) || first.indicator.id : '');
    const headingId = 'chiso-group-title';
    if (this.state === 'loading') return html`<div part="base" aria-busy="true"><span class="skeleton" role="img" aria-label=${msg(lang, 'loading')}></span></div>`;
    return html`
      ${heading ? html`<h2 part="title" id=${headingId}>${heading}</h2>` : nothing}
      ${this.error ? html`<p part="error" role="alert">${this.error.localizedMessage(lang)}</p>` : nothing}
      ${!this.items.length && !this.error ? html`<p part="empty" role="status">${msg(lang, this.src || this.data ? 'empty' : 'emptyNoSource')}</p>` : nothing}
      <ul part="base" aria-labelledby=${heading ? headingId : nothing}>
        ${this.items.map((s) => html`<li><chiso-gauge exportparts="base,label,value,delta,ratio,meter" part="gauge"
          .data=${s} lang=${lang} variant=${this.variant} theme=${this.theme ?? nothing}
          label=${this.by === 'area' ? s.observation.areaName ?? s.observation.area : levelLabel(s.observation.tier ?? s.observation.level, lang) || (s.observation.areaName ?? s.observation.area)}
          no-download no-source></chiso-gauge></li>`)}
      </ul>
      ${this.citeLine(this.feedSource, this.state === 'stale' ? this.staleNote(this.feed.loaded?.fetchedAt) : undefined)}
      ${this.noDownload || !this.items.length ? nothing : html`<button type="button" part="download" aria-haspopup="menu"
        @click=${(e: Event) => {
          const button = e.currentTarget as HTMLElement;
          void import('@chiso/core/download').then((m) => m.openDownloadMenu(this, button, heading || 'chiso'));
        }}>${msg(lang, 'download')}</button>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chiso-gauge-group': ChisoGaugeGroup;
  }
}
