// The boundaries' own TopoJSON decoder (packages/map/src/topology-features.ts) gives the same features as
// topojson-client's `feature`, point for point, on every file of the atlas and on hand-made topologies (reversed
// arcs, no transform, short rings, points and lines, nested collections, hostile members).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { feature } from 'topojson-client';
import { topologyFeatures } from '../../packages/map/src/topology-features.ts';
import { readBoundaries } from '../../packages/map/src/boundaries.ts';

const data = new URL('../../packages/atlas/data/', import.meta.url);
const files = ['communes.json', 'provinces.json', ...readdirSync(new URL('communes/', data)).map((f) => `communes/${f}`)];

/** topojson-client's answer as a list of features. */
const reference = (topo, object) => {
  const fc = feature(topo, object);
  return 'features' in fc ? fc.features : [fc];
};
/** Features with polygons' coordinates only (other geometries keep their type: the reader skips them). */
const comparable = (features) => features.map((f) => ({
  ...f,
  geometry: f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') ? f.geometry : f.geometry && { type: f.geometry.type },
}));

test('every atlas file: the same features as topojson-client, coordinates exactly', () => {
  for (const file of files) {
    const topo = JSON.parse(readFileSync(new URL(file, data), 'utf8'));
    for (const name of Object.keys(topo.objects)) {
      assert.deepEqual(comparable(topologyFeatures(topo, topo.objects[name])), comparable(reference(topo, topo.objects[name])), `${file} ${name}`);
    }
  }
});

test('hand-made topologies: reversed arcs, no transform, a short ring, a point and a line, a nested collection', () => {
  const arcs = [[[0, 0], [10, 0], [0, 10]], [[0, 10], [-10, 0], [0, -10]], [[5, 5], [1, 1]]];
  const quantized = {
    type: 'Topology', transform: { scale: [0.5, 0.25], translate: [100, 20] }, arcs,
    objects: {
      areas: { type: 'GeometryCollection', geometries: [
        { type: 'Polygon', id: 'a', properties: { code: '1' }, arcs: [[0, 1]] },
        { type: 'MultiPolygon', properties: { code: '2' }, arcs: [[[~1, ~0]], [[2]]] },
        { type: 'Point', coordinates: [3, 4], properties: { code: '3' } },
        { type: 'LineString', arcs: [0] },
        { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0, 1]] }] },
        { type: null, properties: { code: '4' } },
      ] },
      one: { type: 'Polygon', arcs: [[0, 1]], properties: { code: '5' } },
    },
  };
  for (const topo of [quantized, { ...quantized, transform: undefined }]) {
    for (const name of Object.keys(topo.objects)) {
      assert.deepEqual(comparable(topologyFeatures(topo, topo.objects[name])), comparable(reference(topo, topo.objects[name])), name);
    }
  }
  // Read as boundaries: the two areas, the rest skipped as not polygons.
  const read = readBoundaries(quantized, { object: 'areas' });
  assert.deepEqual([...read.areas.keys()], ['01', '02']);
  assert.equal(read.skipped.notPolygon, 4);
});

test('hostile topologies: missing arcs and members give fewer areas, not an exception', () => {
  const topo = { type: 'Topology', arcs: [[[0, 0], [1, 0], [0, 1]]], objects: { x: { type: 'GeometryCollection', geometries: [
    { type: 'Polygon', arcs: [[7]], properties: { code: '1' } },
    { type: 'Polygon', arcs: [[0]], properties: { code: '2' } },
    null,
  ] } } };
  const read = readBoundaries(topo);
  assert.deepEqual([...read.areas.keys()], ['02']);
});

test('an area read from TopoJSON keeps its coordinates unmade through reading and drawing on the canvas; made, they are the same', async () => {
  const { CanvasGeoJsonSource } = await import('../../packages/map/src/canvas/sources.ts');
  const topo = JSON.parse(readFileSync(new URL('communes/25.json', data), 'utf8'));
  const object = topo.objects[Object.keys(topo.objects)[0]];
  let made = 0;
  const features = topologyFeatures(topo, object).map((f) => {
    const read = Object.getOwnPropertyDescriptor(f, 'geometry').get;
    Object.defineProperty(f, 'geometry', { enumerable: true, configurable: true, get: () => (made++, read()) });
    return f;
  });
  const boundaries = readBoundaries({ type: 'FeatureCollection', features });
  const source = new CanvasGeoJsonSource({ type: 'geojson', data: boundaries.collection, promoteId: 'chiso_code' }, () => undefined);
  assert.equal(made, 0, 'no coordinates made to read the areas, their boxes and their outlines');
  assert.equal(source.features.length, boundaries.areas.size);
  assert.ok(source.features.every((f) => f.d.startsWith('M') && f.box.every(Number.isFinite)));
  // Read when asked for (a tooltip's anchor, MapLibre taking over): topojson-client's coordinates.
  assert.deepEqual(boundaries.collection.features.map((f) => f.geometry), comparable(reference(topo, object)).map((f) => f.geometry));
  assert.ok(made > 0);
  // A page may set a feature's geometry: it is then a plain property.
  const f = boundaries.collection.features[0];
  f.geometry = { type: 'Point', coordinates: [105, 21] };
  assert.deepEqual(f.geometry, { type: 'Point', coordinates: [105, 21] });
});
