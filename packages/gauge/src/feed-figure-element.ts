import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { csvOf, csvSource, FeedError, msg, type CsvCell, type CsvColumn, type FeedModel, type FeedSource, type LoadedFeed } from '@chiso/core';
import { ChisoElement, DataParser, FeedController, type FeedHost } from '@chiso/core/element';

/** Opens the download menu of `host` under the button clicked; the menu's code loads on the first click. */
export function menu(host: HTMLElement & { toCSV(): Promise<string> }, e: Event, title: string): void {
  const button = e.currentTarget as HTMLElement;
  void import('@chiso/core/download').then((m) => m.openDownloadMenu(host, button, title));
}

/**
 * What the figure elements that read one feed share (`<chiso-stat>`, `<chiso-ranking>`): `src` or `data`, the
 * feed's loading, refresh and errors, the states (`loading` with a placeholder, `error` and `empty` with their
 * message, `stale` keeping the last good view after a failed refresh), `chiso-error` once per error, and
 * `chiso-ready` when the view shown changes. A subclass says how a model becomes its view and how to draw it.
 */
export abstract class FeedFigureElement<View> extends ChisoElement implements FeedHost {
  /** URL of an indicator feed (chiso v1, JSON-stat, CKAN, GeoJSON or CSV). */
  @property() src?: string;
  /** A feed given directly (an object, text or a parsed model), instead of `src`. */
  @property({ attribute: false }) data?: unknown;
  /** Seconds between refreshes; 0 (default) never refreshes. */
  @property({ type: Number }) refresh = 0;
  /** Milliseconds a request may take. */
  @property({ type: Number }) timeout?: number;
  /** Label; the indicator's name by default. */
  @property() label?: string;

  protected readonly feed = new FeedController(this);
  private readonly parser = new DataParser(this);
  private feedError?: FeedError;
  /** The view shown now; the last good one while stale. */
  protected view?: View;
  protected lastGood?: View;
  protected error?: FeedError;
  private emittedError?: FeedError;
  private readyKey?: string;
  private pendingReady = false;
  private selectionKey?: string;

  /** What the figure is of (indicator, area, period…): when it changes, the last good view is another figure's. */
  protected abstract selection(): unknown[];
  /** The view of `model` (undefined without a feed: inline settings only), or undefined when it has nothing to show; throws a FeedError for settings that cannot be shown. */
  protected abstract viewOf(model: FeedModel | undefined): View | undefined;
  /** The detail of `chiso-ready`. */
  protected abstract readyDetail(view: View): unknown;
  protected abstract renderView(view: View, lang: string): TemplateResult;
  /** The rows of the CSV of `view`: its columns (those no row fills are left out) and one record per row. */
  protected abstract csvTable(view: View, lang: string): { columns: CsvColumn[]; records: Array<Partial<Record<CsvColumn, CsvCell>>> };

  /**
   * The data shown, as CSV text a spreadsheet opens with its Vietnamese intact (UTF-8 with BOM), figures as plain
   * numbers, the period and source on every row; the same rows as the data table. Empty before there is data.
   */
  async toCSV(): Promise<string> {
    const view = this.shownView;
    if (view === undefined) return '';
    const { columns, records } = this.csvTable(view, this.lang);
    return csvOf(columns, records, this.lang);
  }

  /**
   * The element as the reader sees it, as a picture: PNG (`scale` device pixels per CSS pixel, default 2) or SVG
   * whose words stay text, with the data's source and update date under it. Its code loads on the first call.
   */
  async toImage(options: { format?: 'png' | 'svg'; scale?: number } = {}): Promise<Blob> {
    const view = this.shownView;
    const first = view === undefined ? undefined : this.csvTable(view, this.lang).records[0];
    const { elementPicture, sourceNote } = await import('@chiso/core/picture');
    return elementPicture(this, options, sourceNote(first?.source, first?.updated, this.lang));
  }

  /** The "Tải xuống" button (none with `no-download`) opening the download menu, whose code loads on the first click. */
  protected downloadButton(lang: string, title: string): TemplateResult | typeof nothing {
    return this.noDownload ? nothing : html`<button type="button" part="download" aria-haspopup="menu"
      @click=${(e: Event) => menu(this, e, title)}>${msg(lang, 'download')}</button>`;
  }

  /** The source line under the figure, saying so when the data shown is stale. */
  protected cite(source: FeedSource | undefined): TemplateResult | typeof nothing {
    return this.citeLine(source, this.state === 'stale' ? this.staleNote(this.feed.loaded?.fetchedAt) : undefined);
  }

  /** A source as two CSV cells (see `csvSource`), the element's `source` before the feed's. */
  protected sourceCells(source: FeedSource | undefined, lang: string): { source?: string; updated?: string } {
    return csvSource(this.sourceOf(source), lang);
  }
  /** Whether anything is asked for besides a feed (an inline value): without a feed, the figure is not `empty` for lack of one. */
  protected hasInline(): boolean {
    return false;
  }

  feedLoading(): void {
    this.requestUpdate();
  }

  feedLoaded(_loaded: LoadedFeed): void {
    this.feedError = undefined;
    this.requestUpdate();
  }

  feedFailed(error: FeedError): void {
    this.feedError = error;
    this.requestUpdate();
  }

  /** The feed's own source (not a `data` value's: that one is in the view when the figures carry it). */
  protected get feedModel(): FeedModel | undefined {
    return this.data == null ? this.feed.loaded?.model : undefined;
  }

  protected override willUpdate(): void {
    const selection = JSON.stringify([this.src, ...this.selection()]);
    if (selection !== this.selectionKey) {
      // Another figure: nothing of the last one stays on screen as "stale", and its error is not this one's.
      if (this.selectionKey !== undefined && JSON.parse(this.selectionKey)[0] !== this.src) this.feedError = undefined;
      this.selectionKey = selection;
      this.lastGood = undefined;
      this.readyKey = undefined;
    }
    let model: FeedModel | undefined;
    let error: FeedError | undefined;
    if (this.data != null) {
      this.parser.read(this.data);
      error = this.parser.error;
      model = this.parser.model;
      if (this.parser.pending) return this.setState(this.lastGood ? 'stale' : 'loading');
    } else if (this.src) {
      // Lit asks the feed controller for a new `src` only after this: until it has, what it holds is the old feed's.
      const current = this.feed.url === this.src;
      model = current ? this.feed.loaded?.model : undefined;
      error = current ? this.feedError : undefined;
      if (!model && !error) return this.setState(this.lastGood ? 'stale' : 'loading');
    }
    this.error = error;
    this.view = undefined;
    if (error && !model) return this.settle(this.lastGood ? 'stale' : 'error');
    let view: View | undefined;
    try {
      view = this.viewOf(model);
    } catch (e) {
      if (!(e instanceof FeedError)) throw e;
      this.error = e;
      return this.settle(this.lastGood ? 'stale' : 'error');
    }
    if (view === undefined) return this.settle(error && this.lastGood ? 'stale' : 'empty');
    this.view = view;
    this.lastGood = view;
    this.setState(error ? 'stale' : 'ready');
    const key = JSON.stringify([view, this.lang]);
    if (key !== this.readyKey) {
      this.readyKey = key;
      this.pendingReady = true;
    }
  }

  /** Settles without a new view: once a view is shown again, chiso-ready fires again. */
  private settle(state: 'stale' | 'error' | 'empty'): void {
    if (state !== 'stale') this.readyKey = undefined;
    this.setState(state);
  }

  /** The view shown: the current one, or the last good one while stale; undefined in the loading, error and empty states. */
  protected get shownView(): View | undefined {
    return this.view ?? (this.state === 'stale' ? this.lastGood : undefined);
  }

  protected override updated(): void {
    if (this.error && this.error !== this.emittedError) {
      this.emittedError = this.error;
      this.emitError(this.error);
    }
    if (!this.error) this.emittedError = undefined;
    if (this.pendingReady && this.view !== undefined) {
      this.pendingReady = false;
      this.emit('ready', structuredClone(this.readyDetail(this.view)));
    }
  }

  protected override render(): TemplateResult {
    const lang = this.lang;
    const view = this.shownView;
    const caption = this.label ? html`<figcaption part="label">${this.label}</figcaption>` : nothing;
    if (this.state === 'loading') {
      return html`<figure part="base" aria-busy="true">${caption}<span part="skeleton" role="img" aria-label=${msg(lang, 'loading')}></span></figure>`;
    }
    if (view === undefined) {
      return html`<figure part="base">${caption}${this.error
        ? html`<p part="error" role="alert"><strong>${msg(lang, 'errorTitle')}</strong><br />${this.error.localizedMessage(lang)}</p>`
        : html`<p part="empty" role="status">${msg(lang, this.src || this.data != null || this.hasInline() ? 'empty' : 'emptyNoSource')}</p>`}</figure>`;
    }
    return this.renderView(view, lang);
  }

  /** The message of a refresh that failed while the last good view stays on screen. */
  protected staleError(lang: string): TemplateResult | typeof nothing {
    return this.state === 'stale' && this.error ? html`<p part="error" role="alert">${this.error.localizedMessage(lang)}</p>` : nothing;
  }
}
