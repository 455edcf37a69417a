// Vector tiles for the browser tests, made on the fly from the real boundaries in ../shared/data: an XYZ
// endpoint (geojson-vt + vt-pbf) and a PMTiles v3 archive written here (uncompressed directories and tiles),
// served with HTTP Range requests as a static host would.
import { readFileSync } from 'node:fs';
import { feature as topoFeature } from 'topojson-client';
import geojsonvt from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { zxyToTileId } from 'pmtiles';

const MAX_ZOOM = 10;
const indexes = new Map();

function tileIndex(file) {
  if (!indexes.has(file)) {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    // The atlas's TopoJSON is read as GeoJSON; every object's features together.
    const geojson = doc.type === 'Topology'
      ? { type: 'FeatureCollection', features: Object.values(doc.objects).flatMap((o) => topoFeature(doc, o).features ?? []) }
      : doc;
    indexes.set(file, { geojson, index: geojsonvt(geojson, { maxZoom: MAX_ZOOM, indexMaxZoom: 6, tolerance: 3, extent: 4096, buffer: 64 }) });
  }
  return indexes.get(file);
}

/** One MVT tile (layer `communes`), or null when empty. */
export function xyzTile(file, z, x, y) {
  const tile = tileIndex(file).index.getTile(z, x, y);
  if (!tile || !tile.features.length) return null;
  return Buffer.from(vtpbf.fromGeojsonVt({ communes: tile }, { version: 2 }));
}

const lon2x = (lon, z) => Math.floor(((lon + 180) / 360) * 2 ** z);
const lat2y = (lat, z) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

function varints(values) {
  const out = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return Buffer.from(out);
}

const archives = new Map();

/** A PMTiles v3 archive of the file's polygons, zoom 0–MAX_ZOOM, MVT layer `communes`. */
export function pmtilesArchive(file) {
  if (archives.has(file)) return archives.get(file);
  const { geojson } = tileIndex(file);
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const f of geojson.features) {
    const walk = (c) => (typeof c[0] === 'number' ? ((w = Math.min(w, c[0])), (e = Math.max(e, c[0])), (s = Math.min(s, c[1])), (n = Math.max(n, c[1]))) : c.forEach(walk));
    walk(f.geometry.coordinates);
  }
  const tiles = [];
  for (let z = 0; z <= MAX_ZOOM; z++) {
    for (let x = lon2x(w, z); x <= lon2x(e, z); x++) {
      for (let y = lat2y(n, z); y <= lat2y(s, z); y++) {
        const data = xyzTile(file, z, x, y);
        if (data) tiles.push({ id: zxyToTileId(z, x, y), data });
      }
    }
  }
  tiles.sort((a, b) => a.id - b.id);
  let offset = 0;
  const entries = tiles.map((t) => {
    const entry = { id: t.id, offset, length: t.data.length };
    offset += t.data.length;
    return entry;
  });
  // Directory: count, tile-id deltas, run lengths, lengths, offsets (0 = right after the previous tile).
  const dir = Buffer.concat([
    varints([entries.length]),
    varints(entries.map((en, i) => en.id - (i ? entries[i - 1].id : 0))),
    varints(entries.map(() => 1)),
    varints(entries.map((en) => en.length)),
    varints(entries.map((en, i) => (i && en.offset === entries[i - 1].offset + entries[i - 1].length ? 0 : en.offset + 1))),
  ]);
  const metadata = Buffer.from(JSON.stringify({ name: 'communes', vector_layers: [{ id: 'communes', fields: { code: 'String', name: 'String' } }] }));
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metaOffset = rootOffset + dir.length;
  const dataOffset = metaOffset + metadata.length;
  const u64 = (v, at) => header.writeBigUInt64LE(BigInt(v), at);
  u64(rootOffset, 8);
  u64(dir.length, 16);
  u64(metaOffset, 24);
  u64(metadata.length, 32);
  u64(dataOffset, 40); // no leaf directories
  u64(0, 48);
  u64(dataOffset, 56);
  u64(offset, 64);
  u64(entries.length, 72);
  u64(entries.length, 80);
  u64(entries.length, 88);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(1, 99); // MVT
  header.writeUInt8(0, 100);
  header.writeUInt8(MAX_ZOOM, 101);
  header.writeInt32LE(Math.round(w * 1e7), 102);
  header.writeInt32LE(Math.round(s * 1e7), 106);
  header.writeInt32LE(Math.round(e * 1e7), 110);
  header.writeInt32LE(Math.round(n * 1e7), 114);
  header.writeUInt8(8, 118);
  header.writeInt32LE(Math.round(((w + e) / 2) * 1e7), 119);
  header.writeInt32LE(Math.round(((s + n) / 2) * 1e7), 123);
  const archive = Buffer.concat([header, dir, metadata, ...tiles.map((t) => t.data)]);
  archives.set(file, archive);
  return archive;
}
