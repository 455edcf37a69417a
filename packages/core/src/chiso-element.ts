import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { FeedError } from './feed/errors.js';
import { localize, type FeedSource } from './feed/model.js';
import { formatDate, vietnamTime } from './dates.js';
import { msg } from './i18n.js';
import { watchPolicyViolations } from './policy-violations.js';

/** Lifecycle state of a chiso element. */
export type ChisoState = 'idle' | 'loading' | 'ready' | 'empty' | 'error' | 'stale';

/** Detail of the `chiso-error` event. */
export interface ChisoErrorDetail {
  /** One of FeedError's codes: `network`, `http`, `timeout`, `parse`, `schema`, `empty`, `unsupported`, or `load` (one of chiso's own files could not load: the message names it and the fix). */
  code: string;
  /** The message in the element's language. */
  message: string;
  /** JSON path of a schema error. */
  path?: string;
  /** HTTP status of an http error. */
  status?: number;
}

/**
 * Base of every chiso element: language, theme, a read-only `state`, and the `chiso-*` events.
 * Events bubble and are composed, so a page can listen on `document`.
 */
export class ChisoElement extends LitElement {
  /** Language of everything the element shows: `vi` (default) or `en`. */
  @property({ reflect: true }) override lang = 'vi';

  /** Hides the "Tải xuống" (download) menu: the data stays available to scripts through `toCSV()`. */
  @property({ type: Boolean, attribute: 'no-download' }) noDownload = false;

  /**
   * Who published the figures, shown in the source line, the CSV and pictures instead of the feed's `source.name`.
   * On an element that shows figures (a `<chiso-map>` has none of its own: set it on its layers).
   */
  @property() source?: string;

  /** Hides the source line ("Nguồn: … · cập nhật …"); a stale mark still shows. */
  @property({ type: Boolean, attribute: 'no-source' }) noSource = false;

  /** `dark` or `contrast` (high contrast); light when unset. */
  @property({ reflect: true }) theme?: 'dark' | 'contrast' | string;

  private _state: ChisoState = 'idle';
  private _internals?: ElementInternals;
  /** Whether the page gave this element its own theme or language (then a container's never replaces them). */
  private ownTheme?: boolean;
  private ownLang?: boolean;

  constructor() {
    super();
    try {
      this._internals = this.attachInternals();
    } catch {
      /* attachInternals is unavailable (old browser or polyfilled element): CSS states only are lost */
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // So that a chunk or worker refused later can be blamed on the page's Content-Security-Policy when it is.
    watchPolicyViolations();
    if (this.ownTheme === undefined) {
      this.ownTheme = this.hasAttribute('theme');
      this.ownLang = this.hasAttribute('lang');
    }
  }

  /**
   * @internal A container (a map and the layers and legend inside it) passes on its language and theme to an
   * element that has none of its own, so `<chiso-map theme="contrast">` is high contrast all through.
   */
  follow(container: { lang: string; theme?: string }): void {
    if (!this.ownTheme && this.theme !== container.theme) this.theme = container.theme;
    if (!this.ownLang && this.lang !== container.lang) this.lang = container.lang;
  }

  /** Where the element is: `idle`, `loading`, `ready`, `empty`, `error` or `stale` (last good data shown after a failed refresh). Read-only. */
  get state(): ChisoState {
    return this._state;
  }

  protected setState(next: ChisoState): void {
    if (next === this._state) return;
    const states = this._internals?.states;
    if (states) {
      try {
        states.delete(this._state);
        states.add(next);
      } catch {
        /* older CustomStateSet syntax; the property still reports the state */
      }
    }
    this._state = next;
    if (next === 'loading') this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
    this.requestUpdate();
  }

  /** The feed's source as the element shows it: `source` given, it names the publisher (the feed's link dropped). */
  protected sourceOf(feed: FeedSource | undefined): FeedSource | undefined {
    return this.source ? { ...feed, name: this.source, url: undefined } : feed;
  }

  /**
   * The one quiet line saying where the figures come from and when they were updated ("Nguồn: Sở TT&TT Phú Thọ ·
   * cập nhật 23/05/2024"), the publisher linked when the feed gives a web address (in the same tab: no window opens
   * unannounced); `stale` (what to say of data kept after a failed refresh) ends it, even with `no-source`.
   */
  protected citeLine(feed: FeedSource | undefined, stale?: string): TemplateResult | typeof nothing {
    const lang = this.lang;
    const s = this.noSource ? undefined : this.sourceOf(feed);
    const name = localize(s?.name, lang);
    // Vietnam's day, as the details and pictures say it (an update at 20:00 UTC is the next morning there).
    const day = formatDate(s?.updated && vietnamTime(s.updated), lang);
    const url = /^https?:\/\//i.test(s?.url ?? '') && s!.url;
    const said = name || day;
    return said || stale ? html`<p part="source">${said ? `${msg(lang, 'source')}: ` : ''}${url ? html`<a href=${url}>${name || url}</a>` : name}${
      day ? `${name ? ' · ' : ''}${msg(lang, 'updated')} ${day}` : ''}${stale ? html`${said ? ' · ' : ''}<span part="stale">${stale}</span>` : ''}</p>` : nothing;
  }

  /** "Dữ liệu cũ, từ 08:00": what the source line says of data kept after a refresh failed (`at`: when it was fetched). */
  protected staleNote(at?: number | string): string {
    const note = msg(this.lang, 'stale', { time: at ? vietnamTime(at).slice(11, 16) : '' });
    // Without a time, the words before it ("Dữ liệu cũ" / "Stale data"): both languages put the time after a comma.
    return at ? note : note.split(',')[0];
  }

  /** Dispatches `chiso-error` with `{ code, message, path?, status? }`. */
  protected emitError(error: FeedError): void {
    const detail: ChisoErrorDetail = { code: error.code, message: error.localizedMessage(this.lang) };
    if (error.path) detail.path = error.path;
    if (error.status) detail.status = error.status;
    this.dispatchEvent(new CustomEvent<ChisoErrorDetail>('chiso-error', { detail, bubbles: true, composed: true }));
  }

  /** Dispatches a bubbling, composed `chiso-<name>` event. */
  protected emit<T>(name: string, detail: T): boolean {
    return this.dispatchEvent(new CustomEvent<T>(`chiso-${name}`, { detail, bubbles: true, composed: true, cancelable: false }));
  }
}

/**
 * Registers a custom element unless the name is taken already, so two chiso bundles on one page (a CMS
 * plugin and a theme, say) do not throw.
 */
export function defineElement(name: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  try {
    customElements.define(name, ctor);
  } catch {
    /* defined concurrently by another bundle, or the constructor is registered under another name */
  }
}
