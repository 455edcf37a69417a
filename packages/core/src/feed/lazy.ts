/**
 * Parsing for elements, kept small: chiso feeds (and models already parsed) are read here; every other
 * format loads the full reader (`parse.js`: JSON-stat, CKAN, GeoJSON, CSV, the gazetteer) on first use, as
 * its own chunk, so a gauge page on a chiso feed never downloads it.
 */
import { FeedError, toFeedError } from './errors.js';
import type { FeedModel } from './model.js';
import { parseNative } from './native.js';
import { looksLikeJson, parseText } from './text.js';
import type { ParseOptions } from './parse.js';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A model already parsed (by parseFeed or a developer) passes through. */
export function isFeedModel(v: unknown): v is FeedModel {
  return isObj(v) && Array.isArray(v.observations) && Array.isArray(v.unmatched) && Array.isArray(v.indicators);
}

/** Reads chiso feeds and models synchronously; undefined for any other format (use parseFeedAsync). Throws FeedError. */
export function parseFeedSync(input: unknown, options: ParseOptions = {}): FeedModel | undefined {
  if (isFeedModel(input)) return input;
  try {
    const value = typeof input === 'string' && looksLikeJson(input) ? parseText(input) : input;
    if (isObj(value) && 'chiso' in value) return parseNative(value, options);
    return undefined;
  } catch (error) {
    throw toFeedError(error, 'parse');
  }
}

/** Any format parseFeed reads, loading the full reader only when the feed is not a chiso feed. */
export async function parseFeedAsync(input: unknown, options: ParseOptions = {}): Promise<FeedModel> {
  const quick = parseFeedSync(input, options);
  if (quick) return quick;
  let reader: typeof import('./parse.js');
  try {
    reader = await import('./parse.js');
  } catch (e) {
    // The reader's chunk did not load: the portal's server, not the feed (it names the file and the fix). The
    // diagnosis is loaded only now (in chiso.js it is already there, with the map).
    const diagnosis = await import('../load-diagnosis.js').catch(() => null);
    throw diagnosis ? await diagnosis.loadFailure(e) : new FeedError('load', { detail: (e as Error)?.message, cause: e });
  }
  return reader.parseFeed(input, options);
}
