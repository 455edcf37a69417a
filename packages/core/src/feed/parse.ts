/**
 * `parseFeed`: reads an indicator feed in any format chiso knows into one {@link FeedModel}: chiso feed v1,
 * JSON-stat 2.0 and 1.0 (bundles, PX-Web's `{"dataset": …}`), CKAN DataStore responses, GeoJSON and CSV.
 * Pure (no DOM, no browser globals); throws nothing but {@link FeedError}.
 */
import { FeedError, toFeedError } from './errors.js';
import type { FeedModel } from './model.js';
import { parseNative } from './native.js';
import { isJsonStat, parseJsonStat } from './jsonstat.js';
import { isCkan, parseCkan, parseCsv, rowsToModel } from './tabular.js';
import { isGeoJson, parseGeoJson } from './geojson.js';
import { looksLikeJson, MAX_FEED_CHARS, parseText } from './text.js';

export { MAX_FEED_CHARS, parseText } from './text.js';

export interface ParseOptions {
  /** Indicator id for formats that carry none (CSV, GeoJSON, CKAN). */
  indicator?: string;
  /** Read `87,86` as 87.86 (vi-VN). Detected from the data when left out. */
  decimalComma?: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Parses a feed given as text (JSON or CSV) or as an already parsed JSON value. */
export function parseFeed(input: unknown, options: ParseOptions = {}): FeedModel {
  try {
    if (typeof input === 'string') {
      if (input.length > MAX_FEED_CHARS) throw new FeedError('parse', { detail: 'feed too large' });
      if (!looksLikeJson(input)) {
        if (!input.trim()) throw new FeedError('empty');
        return rowsToModel(parseCsv(input), { format: 'csv', ...options });
      }
      return parseValue(parseText(input), options);
    }
    return parseValue(input, options);
  } catch (error) {
    throw toFeedError(error, 'parse');
  }
}

function parseValue(value: unknown, options: ParseOptions): FeedModel {
  if (Array.isArray(value)) {
    // A bare array of records, as many APIs answer.
    if (value.length && value.every(isObj)) return rowsToModel(value, { format: 'csv', ...options });
    throw new FeedError('unsupported', { detail: 'an array that is not a list of records' });
  }
  if (!isObj(value)) throw new FeedError('unsupported', { detail: `top level is ${value === null ? 'null' : typeof value}` });
  if ('chiso' in value) return parseNative(value, options);
  if (isCkan(value) || (value.success === false && 'error' in value)) return parseCkan(value, options);
  if (isGeoJson(value)) return parseGeoJson(value, options);
  if (isJsonStat(value)) return parseJsonStat(value);
  throw new FeedError('unsupported', { detail: 'not chiso, JSON-stat, CKAN, GeoJSON or CSV' });
}
