/**
 * Loading the atlas's index and crosswalk (with `fetch`, in browsers, workers and Node 20), each once per base.
 */
import { atlasUrl } from './index.js';
import { readCrosswalk, type Crosswalk } from './crosswalk.js';
import { readCommuneIndex, type CommuneIndex } from './communes.js';

const cache = new Map<string, Promise<unknown>>();

async function json<T>(file: string, base: string | URL | undefined, read: (j: never) => T): Promise<T> {
  const url = atlasUrl(file, base).href;
  let p = cache.get(url) as Promise<T> | undefined;
  if (!p) {
    p = fetch(url).then(async (r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return read((await r.json()) as never);
    });
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

/** The pre-2025 → 2025 commune crosswalk (about 95 KB gzipped), loaded when a feed keyed by old codes needs it. */
export const loadCrosswalk = (base?: string | URL): Promise<Crosswalk> => json('crosswalk.json', base, readCrosswalk);

/** The 3,321 communes' codes, provinces, names and types (about 28 KB gzipped), for finding communes by name. */
export const loadCommuneIndex = (base?: string | URL): Promise<CommuneIndex> => json('index.json', base, readCommuneIndex);
