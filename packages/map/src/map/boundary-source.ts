/**
 * The boundaries' file, fetched through core's loader like every feed (timeout, retries on a passing network
 * error, conditional requests, one request shared by every map of the page drawing the same file), with the
 * map's own message when it fails.
 */
import { FeedError, requestText, toFeedError } from '@chiso/core';
import { atlasFile, atlasUrl, isAtlasName, parseAtlasSpec, type AtlasSpec } from '@chiso/atlas';
import { mapMsg } from '../map-i18n.js';
import { chooseAtlas } from '../atlas-choice.js';
import { boundariesKind } from '../boundary-kind.js';
import type { Boundaries } from '../boundaries.js';
import type { ChisoMapLayer } from '../layer-api.js';

/** Boundaries of a whole country can take a while on a slow line: a longer wait than a feed's. */
const BOUNDARIES_TIMEOUT_MS = 60_000;

export async function fetchBoundaryText(url: string, signal: AbortSignal): Promise<string> {
  try {
    return (await requestText(new URL(url, document.baseURI).href, { signal, timeoutMs: BOUNDARIES_TIMEOUT_MS })).text;
  } catch (e) {
    if (signal.aborted || (e as Error)?.name === 'AbortError') throw e;
    const fe = toFeedError(e, 'network');
    // A web page where the boundaries should be (a portal's "not found" page, a login): not boundaries at all.
    if (fe.code === 'unsupported') throw new FeedError('schema', { text: { vi: mapMsg('vi', 'boundariesNotGeo'), en: mapMsg('en', 'boundariesNotGeo') }, cause: e });
    const status = fe.code === 'http' && fe.status ? ` (HTTP ${fe.status})` : '';
    throw new FeedError(fe.code, {
      status: fe.status,
      text: { vi: `${mapMsg('vi', 'boundariesFailed')}${status}`, en: `${mapMsg('en', 'boundariesFailed')}${status}` },
      cause: e,
    });
  }
}

/** What a map asks for (its attributes, and its layers for an atlas chosen by their data). */
export interface BoundaryRequest {
  boundaries?: string;
  boundariesData?: unknown;
  area?: string;
  layers: ChisoMapLayer[];
  atlasBase?: string;
  /** Told the atlas file drawn (undefined when not the atlas) as soon as it is known. */
  onAtlas(spec: AtlasSpec | undefined): void;
}

/**
 * The boundaries' input: the text of the file at `boundaries`, or of an atlas name's file (`vn:communes/25`), or
 * (none given) of the atlas level the layers' data asks for; `boundariesData` as given; undefined for a vector
 * source (MapLibre reads its tiles).
 */
export async function boundaryInput(r: BoundaryRequest, signal: AbortSignal): Promise<unknown> {
  if (r.boundaries && boundariesKind(r.boundaries) !== 'file') return undefined;
  r.onAtlas(undefined);
  if (r.boundaries && !isAtlasName(r.boundaries)) return fetchBoundaryText(r.boundaries, signal);
  if (!r.boundaries && r.boundariesData != null) return r.boundariesData;
  let spec: AtlasSpec | null;
  if (r.boundaries) {
    spec = parseAtlasSpec(r.boundaries);
    if (!spec) {
      const text = { vi: mapMsg('vi', 'atlasUnknown', { name: r.boundaries }), en: mapMsg('en', 'atlasUnknown', { name: r.boundaries }) };
      throw new FeedError('schema', { text });
    }
  } else {
    spec = await chooseAtlas(r.area, r.layers, r.atlasBase);
  }
  r.onAtlas(spec);
  return fetchBoundaryText(atlasUrl(atlasFile(spec), r.atlasBase).href, signal);
}

/** Reads an input into boundaries (undefined for none); a FeedError saying what is wrong when it is not usable. */
export function readBoundaryInput(
  read: (input: unknown, keys: { joinKey: string; nameKey: string }) => Boundaries,
  input: unknown,
  keys: { joinKey: string; nameKey: string },
): Boundaries | undefined {
  if (input == null) return undefined;
  try {
    return read(input, keys);
  } catch (e) {
    const key = (e as { reason?: string })?.reason === 'no-polygons' ? 'boundariesNotPolygons' : 'boundariesNotGeo';
    throw new FeedError('schema', { text: { vi: mapMsg('vi', key), en: mapMsg('en', key) }, cause: e });
  }
}
