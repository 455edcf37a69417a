/** What went wrong with a feed. Elements show a localized message for each. */
/** `load` is not the feed's fault: one of chiso's own files (a chunk, MapLibre, a worker) could not load. */
export type FeedErrorCode = 'network' | 'http' | 'timeout' | 'parse' | 'schema' | 'empty' | 'unsupported' | 'load';

const MESSAGES: Record<FeedErrorCode, { vi: string; en: string }> = {
  network: { vi: 'Không kết nối được tới nguồn dữ liệu', en: 'Could not reach the data source' },
  http: { vi: 'Nguồn dữ liệu trả về lỗi', en: 'The data source answered with an error' },
  timeout: { vi: 'Nguồn dữ liệu không phản hồi kịp', en: 'The data source took too long to answer' },
  parse: { vi: 'Dữ liệu không đọc được', en: 'The data could not be read' },
  schema: { vi: 'Dữ liệu không đúng định dạng', en: 'The data does not match the expected format' },
  empty: { vi: 'Không có dữ liệu', en: 'There is no data' },
  unsupported: { vi: 'Định dạng dữ liệu chưa được hỗ trợ', en: 'This data format is not supported' },
  load: { vi: 'Không tải được mã của chiso trên máy chủ này', en: "chiso's code could not be loaded from this server" },
};

export interface FeedErrorOptions {
  /** JSON path of the offending value, for schema errors (e.g. `observations[3].value`). */
  path?: string;
  /** HTTP status, for http errors. */
  status?: number;
  /** Extra detail in plain text (never HTML). */
  detail?: string;
  /** A message for people that replaces the code's generic one. */
  text?: { vi: string; en: string };
  cause?: unknown;
}

/**
 * The only error chiso's feed functions throw. `code` says what kind; `message` is English for logs;
 * `localizedMessage(lang)` is for people.
 */
export class FeedError extends Error {
  readonly code: FeedErrorCode;
  readonly path?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly text?: { vi: string; en: string };

  constructor(code: FeedErrorCode, options: FeedErrorOptions = {}) {
    super(FeedError.compose(code, 'en', options), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FeedError';
    this.code = code;
    this.path = options.path;
    this.status = options.status;
    this.detail = options.detail;
    this.text = options.text;
  }

  /** The message in Vietnamese (`vi`, default) or English (`en`). */
  localizedMessage(lang = 'vi'): string {
    return FeedError.compose(this.code, lang, this);
  }

  private static compose(code: FeedErrorCode, lang: string, o: FeedErrorOptions): string {
    const en = lang.startsWith('en');
    if (o.text) return en ? o.text.en : o.text.vi;
    const base = en ? MESSAGES[code].en : MESSAGES[code].vi;
    const parts = [base];
    if (o.status) parts.push(`HTTP ${o.status}`);
    if (o.path) parts.push(`${en ? 'at' : 'tại'} ${o.path}`);
    if (o.detail) parts.push(o.detail);
    return parts.length === 1 ? base : `${base} (${parts.slice(1).join('; ')})`;
  }
}

/** Wraps anything thrown into a FeedError, keeping FeedErrors as they are. */
export function toFeedError(error: unknown, fallback: FeedErrorCode = 'parse'): FeedError {
  if (error instanceof FeedError) return error;
  const detail = error instanceof Error ? error.message : undefined;
  return new FeedError(fallback, { detail: detail?.slice(0, 200), cause: error });
}
