/**
 * Documents loaded as sent (not read as feeds): JSON and text, with the loader's timeout, retries, conditional
 * requests and sharing. A module of its own so the gauge's pages do not carry what only the maps use.
 */
import { parseText } from './text.js';
import { shared, type LoadOptions } from './load.js';

/** The result of {@link requestJson}: a JSON value as sent (not read as a feed). */
export interface LoadedJson {
  url: string;
  json: unknown;
  fetchedAt: number;
  notModified: boolean;
}

/**
 * Loads a JSON document as sent (points of BTS sites or villages, say), with the same timeout, retries,
 * conditional requests and sharing as {@link requestFeed}. Rejects with a {@link FeedError}.
 */
export function requestJson(url: string, options: Omit<LoadOptions, 'parse'> = {}): Promise<LoadedJson> {
  return shared<LoadedJson>(`json ${url}`, url, options, async (body, meta) => ({ url, json: parseText(body), ...meta }));
}

/** The result of {@link requestText}: a document as sent. */
export interface LoadedText {
  url: string;
  text: string;
  fetchedAt: number;
  notModified: boolean;
}

/**
 * Loads a text document (map boundaries: GeoJSON or TopoJSON of several megabytes), with the same timeout,
 * retries, conditional requests and sharing as {@link requestFeed}: every map of a page drawing the same atlas
 * file waits for one request. Rejects with a {@link FeedError}.
 */
export function requestText(url: string, options: Omit<LoadOptions, 'parse'> = {}): Promise<LoadedText> {
  return shared<LoadedText>(`text ${url}`, url, options, async (body, meta) => ({ url, text: body, ...meta }));
}

