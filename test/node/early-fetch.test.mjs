// The loader's early requests (packages/chiso/src/early-fetch.ts) ask for what the element will: the same atlas
// file (@chiso/atlas `parseAtlasSpec` and `atlasFile`) for every `vn:` name, valid or not; no file for what MapLibre
// reads as vector tiles (`boundariesKind`); the same `Accept` header as core's loader. The loader cannot import
// those packages, so it keeps its own copies of these rules, checked here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ATLAS_PROVINCES, atlasFile, parseAtlasSpec } from '@chiso/atlas';
import { FEED_ACCEPT } from '../../packages/core/src/feed/load.ts';
import { boundariesKind } from '../../packages/map/src/boundary-kind.ts';
import { ACCEPT, atlasFileOf, isVectorSource } from '../../packages/chiso/src/early-fetch.ts';

test('every vn: name gives the file the map reads, or none where the map says the name is unknown', () => {
  const names = ['vn:communes', 'vn:provinces', ' VN:Communes ', 'vn:provinces/25', 'vn:xa', 'vn:', 'communes', 'vn:communes/', 'vn:communes/250'];
  for (let i = 0; i < 100; i++) names.push(`vn:communes/${i}`, `vn:communes/${String(i).padStart(2, '0')}`);
  for (const name of names) {
    const spec = parseAtlasSpec(name);
    assert.equal(atlasFileOf(name), spec ? atlasFile(spec) : undefined, name);
  }
  assert.equal(ATLAS_PROVINCES.filter((p) => atlasFileOf(`vn:communes/${p}`)).length, 34);
});

test('vector tiles are left to MapLibre as the map tells them; the Accept header is core\'s', () => {
  const urls = ['pmtiles://x/y.pmtiles', 'PMTILES://a', 'tiles/vn.pmtiles', 'tiles/vn.pmtiles?v=2', 'tiles/vn.pmtiles#z', 'vn.pmtiles.json',
    'https://t/{z}/{x}/{y}.pbf', 'https://t/{z}/{x}.pbf', 'https://t/{Z}/{X}/{Y}.pbf', 'xa.geojson', 'vn:communes', 'ranh-gioi.json?z={z}'];
  for (const url of urls) assert.equal(isVectorSource(url), boundariesKind(url) !== 'file', url);
  assert.equal(ACCEPT, FEED_ACCEPT);
});
