// The loader's early requests (packages/chiso/src/early-fetch.ts) name the same atlas file as the map will read
// (@chiso/atlas `parseAtlasSpec` and `atlasFile`), for every `vn:` name, valid or not: the loader cannot import
// the atlas package, so it keeps its own copy of the rule and of the 34 provinces, checked here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ATLAS_PROVINCES, atlasFile, parseAtlasSpec } from '@chiso/atlas';
import { atlasFileOf } from '../../packages/chiso/src/early-fetch.ts';

test('every vn: name gives the file the map reads, or none where the map says the name is unknown', () => {
  const names = ['vn:communes', 'vn:provinces', ' VN:Communes ', 'vn:provinces/25', 'vn:xa', 'vn:', 'communes', 'vn:communes/', 'vn:communes/250'];
  for (let i = 0; i < 100; i++) names.push(`vn:communes/${i}`, `vn:communes/${String(i).padStart(2, '0')}`);
  for (const name of names) {
    const spec = parseAtlasSpec(name);
    assert.equal(atlasFileOf(name), spec ? atlasFile(spec) : undefined, name);
  }
  assert.equal(ATLAS_PROVINCES.filter((p) => atlasFileOf(`vn:communes/${p}`)).length, 34);
});
