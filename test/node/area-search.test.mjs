// Finding a commune by name as people type it (packages/map/src/area-search.ts), on the atlas's real 2025 names:
// no diacritics, with or without "Xã"/"Phường", old or new tone placement, a GSO code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { foldName, searchAreas, searchIndex, withoutKind } from '../../packages/map/src/area-search.ts';

test('names fold to plain lower-case letters: diacritics, đ, tone placement and punctuation', () => {
  assert.equal(foldName('Xã Tân Hòa'), 'xa tan hoa');
  assert.equal(foldName('Xã Tân Hoà'), 'xa tan hoa', 'the old tone placement folds the same');
  assert.equal(foldName('Phường Đồng Xuân'), 'phuong dong xuan');
  assert.equal(foldName('  TP. Việt Trì '), 'tp viet tri');
  assert.equal(withoutKind('thanh pho viet tri'), 'viet tri');
  assert.equal(withoutKind('thi tran hung son'), 'hung son');
  assert.equal(withoutKind('xa'), 'xa', 'a name that is only a kind keeps it');
});

test('search: the whole name first, then names starting with it, then a word starting with it; a code finds its area', () => {
  const index = searchIndex([
    { code: '1', name: 'Xã Tân Hòa' }, { code: '2', name: 'Xã Tân Hòa Đông' }, { code: '3', name: 'Phường Hòa Bình' },
    { code: '4', name: 'Xã Đông Hòa' }, { code: '5', name: 'Phường Âu Cơ' }, { code: '6', name: 'Xã Xuân Hòa' },
  ]);
  const codes = (q, limit) => searchAreas(index, q, limit).map((e) => e.code);
  assert.deepEqual(codes('tan hoa'), ['1', '2']);
  assert.deepEqual(codes('Xã Tân Hoà'), ['1', '2'], 'with its kind and the old tone mark');
  assert.deepEqual(codes('hoa'), ['3', '4', '1', '2', '6'], 'a name starting with it, then a word starting with it (alphabetical: Đ before T)');
  assert.deepEqual(codes('p. au co'), ['5']);
  assert.deepEqual(codes('dong'), ['4', '2']);
  assert.deepEqual(codes('5'), ['5'], 'a GSO code');
  assert.deepEqual(codes('   '), []);
  assert.deepEqual(codes('hoa', 2), ['3', '4'], 'at most limit');
  // A name that starts like a kind: "xa luong" is Xã Xá Lượng first, though "Lượng" alone would match others.
  const more = searchIndex([{ code: '7', name: 'Xã Xá Lượng' }, ...['An', 'Bắc', 'Cao', 'Đông', 'Hạ', 'Nam', 'Tây', 'Thượng', 'Trung'].map((w, i) => ({ code: `l${i}`, name: `Xã Lượng ${w}` }))]);
  assert.equal(searchAreas(more, 'xa luong')[0].code, '7');
});

test('every commune of Phú Thọ (atlas, 2025) is found first by its name typed plainly, and by its kind and name', () => {
  const topo = JSON.parse(readFileSync('packages/atlas/data/communes/25.json', 'utf8'));
  const areas = Object.values(topo.objects)[0].geometries.map((g) => ({ code: g.properties.code, name: `${g.properties.type} ${g.properties.name}` }));
  assert.equal(areas.length, 148);
  const index = searchIndex(areas);
  const names = new Map();
  for (const a of areas) names.set(foldName(a.name), (names.get(foldName(a.name)) ?? 0) + 1);
  let found = 0;
  for (const a of areas) {
    const plain = withoutKind(foldName(a.name)); // "tan hoa"
    const first = searchAreas(index, plain)[0];
    // Two units may share a name (a xã and a phường): then either comes first, and both are in the list.
    assert.ok(searchAreas(index, plain).some((e) => e.code === a.code), `${a.name} found by "${plain}"`);
    if (first.code === a.code) found++;
    assert.equal(searchAreas(index, a.name)[0].full, foldName(a.name), `${a.name} typed in full comes first`);
  }
  assert.ok(found >= areas.length - 4, `${found} of ${areas.length} first by their plain name`);
});
