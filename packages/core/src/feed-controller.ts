import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError, toFeedError } from './feed/errors.js';
import { requestFeed, type LoadedFeed, type LoadOptions } from './feed/load.js';
import { parseFeedAsync, parseFeedSync } from './feed/lazy.js';
import type { FeedModel } from './feed/model.js';

/** What an element gives a {@link FeedController}. */
export interface FeedHost extends ReactiveControllerHost {
  /** Feed URL; nothing is loaded while it is empty. */
  src?: string | null;
  /** Seconds between refreshes; 0 or less: no refresh. */
  refresh?: number;
  /** Milliseconds one request may take. */
  timeout?: number;
  /** Called with each new (or re-confirmed) result. */
  feedLoaded(loaded: LoadedFeed): void;
  /** Called when a load or a refresh fails (after the retries). */
  feedFailed(error: FeedError): void;
  /** Called when a load starts. */
  feedLoading?(): void;
}

/**
 * Where a {@link FeedController} takes its URL from and gives its results to, when that is not the host's
 * `src` and `feed*` methods (an element with a second source, or one that reads JSON that is not a feed).
 */
export interface FeedBinding<T> {
  src(): string | null | undefined;
  loaded(result: T): void;
  failed(error: FeedError): void;
  loading?(): void;
  /** Default `requestFeed`; `requestJson` for a JSON document as sent. */
  load(url: string, options: LoadOptions): Promise<T>;
}

/**
 * Keeps an element's feed loaded: loads when `src` changes, refreshes every `refresh` seconds, aborts on
 * disconnect. Requests for one URL are shared across the page (see `requestFeed`).
 */
export class FeedController<T = LoadedFeed> implements ReactiveController {
  /** The URL of the current or last load. */
  url: string | null = null;
  loaded?: T;
  loading = false;
  private abort?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private connected = false;
  private refreshOf = 0;

  private readonly binding: FeedBinding<T>;

  constructor(
    private readonly host: ReactiveControllerHost & { refresh?: number; timeout?: number },
    binding?: FeedBinding<T>,
  ) {
    const feedHost = host as FeedHost;
    this.binding = binding ?? ({
      src: () => feedHost.src,
      loaded: (r: LoadedFeed) => feedHost.feedLoaded(r),
      failed: (e: FeedError) => feedHost.feedFailed(e),
      loading: () => feedHost.feedLoading?.(),
      load: requestFeed,
    } as unknown as FeedBinding<T>);
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    const src = this.binding.src();
    if (src) this.load(src);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.abort?.abort();
    this.abort = undefined;
    clearTimeout(this.timer);
    this.url = null; // reconnecting loads again
  }

  hostUpdate(): void {
    if (!this.connected) return;
    const src = this.binding.src() || null;
    if (src !== this.url) {
      if (src) this.load(src);
      else {
        this.abort?.abort();
        clearTimeout(this.timer);
        this.url = null;
        this.loaded = undefined;
      }
    } else if ((this.host.refresh ?? 0) !== this.refreshOf) {
      this.schedule();
    }
  }

  /** Loads now; `force` asks the server even when a fresh shared result exists (a refresh). */
  async load(url: string, force = false): Promise<void> {
    this.abort?.abort();
    clearTimeout(this.timer);
    const controller = new AbortController();
    this.abort = controller;
    if (url !== this.url) this.loaded = undefined;
    this.url = url;
    this.loading = true;
    this.binding.loading?.();
    try {
      const loaded = await this.binding.load(url, {
        signal: controller.signal,
        force,
        ...(this.host.timeout ? { timeoutMs: this.host.timeout } : {}),
      });
      if (controller.signal.aborted) return;
      this.loaded = loaded;
      this.loading = false;
      this.binding.loaded(loaded);
    } catch (error) {
      if (controller.signal.aborted || (error as Error)?.name === 'AbortError') return;
      this.loading = false;
      this.binding.failed(toFeedError(error, 'network'));
    } finally {
      if (this.abort === controller) this.schedule();
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const seconds = Number(this.host.refresh) || 0;
    this.refreshOf = seconds;
    if (seconds > 0 && this.connected && this.url) {
      const url = this.url;
      this.timer = setTimeout(() => this.load(url, true), Math.max(1, seconds) * 1000);
    }
  }
}

/**
 * Parses an element's `data` property: chiso feeds and parsed models at once, other formats after their
 * reader has loaded (then the host updates). Keeps the last input so an unchanged `data` is not re-read.
 */
export class DataParser {
  private input: unknown = undefined;
  model?: FeedModel;
  error?: FeedError;
  /** An asynchronous parse is under way. */
  pending = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  read(data: unknown): void {
    if (data === this.input) return;
    this.input = data;
    this.model = undefined;
    this.error = undefined;
    this.pending = false;
    if (data == null) return;
    try {
      this.model = parseFeedSync(data);
    } catch (e) {
      this.error = toFeedError(e, 'parse');
      return;
    }
    if (this.model) return;
    this.pending = true;
    parseFeedAsync(data).then(
      (model) => this.settle(data, model, undefined),
      (e) => this.settle(data, undefined, toFeedError(e, 'parse')),
    );
  }

  private settle(data: unknown, model: FeedModel | undefined, error: FeedError | undefined): void {
    if (data !== this.input) return;
    this.model = model;
    this.error = error;
    this.pending = false;
    this.host.requestUpdate();
  }
}
