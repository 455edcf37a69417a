// Builds @chiso/atlas from ../shared/data/geo (the MIT-licensed 2025 boundaries and the old→new commune
// crosswalk; never the GPL pre-2025 layers): one quantized TopoJSON of communes per province, one of the 34
// provinces, a lighter national commune overview, the commune index and the crosswalk. The output is committed
// (packages/atlas/data), so clones, npm users and CI have it without ../shared. Run: node scripts/build-atlas.mjs
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import mapshaper from 'mapshaper';

const SRC = new URL('../../shared/data/geo/', import.meta.url);
const OUT = new URL('../packages/atlas/data/', import.meta.url);
const FIELDS = 'code,provinceCode,name,nameEn,type,areaKm2,population';
const COPY = 'provinceCode,name,nameEn,type,areaKm2,population';

/**
 * Simplification that keeps every island: each part is simplified on its own (explode), the largest ring of each
 * kept (keep-shapes), then the parts are put back together by code. Plain keep-shapes keeps only the largest
 * ring of a feature and would drop the Hoàng Sa and Trường Sa islands.
 */
async function topo(input, { filter, keep, quantization, fields = FIELDS, copy = COPY, object }) {
  const cmd = [
    '-i', 'in.geojson', ...(filter ? ['-filter', `'${filter}'`] : []), '-filter-fields', fields,
    '-explode', '-simplify', keep, 'weighted', 'keep-shapes', '-dissolve', 'code', `copy-fields=${copy}`,
    '-rename-layers', object, '-o', 'out.json', 'format=topojson', `quantization=${quantization}`, 'id-field=code',
  ].join(' ');
  const out = await mapshaper.applyCommands(cmd, { 'in.geojson': input });
  const json = JSON.parse(out['out.json']);
  // Codes stay strings with their zero padding ("01", "00004").
  for (const g of json.objects[object].geometries) {
    g.id = String(g.id);
    g.properties.code = g.id;
  }
  return JSON.stringify(json);
}

const communes = readFileSync(new URL('vn-communes-2025.geojson', SRC), 'utf8');
const provinces = readFileSync(new URL('vn-provinces-2025.geojson', SRC), 'utf8');
const all = JSON.parse(communes).features;
const codes = [...new Set(all.map((f) => f.properties.provinceCode))].sort();

rmSync(new URL('communes/', OUT), { recursive: true, force: true });
mkdirSync(new URL('communes/', OUT), { recursive: true });
const sizes = [];
for (const p of codes) {
  const text = await topo(communes, { filter: `provinceCode == "${p}"`, keep: '30%', quantization: 100000, object: 'communes' });
  writeFileSync(new URL(`communes/${p}.json`, OUT), text);
  sizes.push([p, text.length, gzipSync(text, { level: 9 }).length]);
}
const national = await topo(communes, { keep: '4%', quantization: 20000, object: 'communes' });
writeFileSync(new URL('communes.json', OUT), national);
const prov = await topo(provinces, { keep: '25%', quantization: 100000, fields: 'code,name,nameEn,areaKm2,population', copy: 'name,nameEn,areaKm2,population', object: 'provinces' });
writeFileSync(new URL('provinces.json', OUT), prov);

// The commune index: [code, provinceCode, name, type] for finding communes by name without their shapes.
const index = all.map((f) => [f.properties.code, f.properties.provinceCode, f.properties.name, f.properties.type]).sort((a, b) => a[0].localeCompare(b[0]));
writeFileSync(new URL('index.json', OUT), JSON.stringify({ columns: ['code', 'provinceCode', 'name', 'type'], rows: index }));

// The crosswalk: [oldProvince, oldDistrict, oldCode, oldName, newProvince, newCode, partial (1) or full (0)].
const lines = readFileSync(new URL('crosswalk-communes-pre2025-to-2025.csv', SRC), 'utf8').replace(/\r/g, '').trim().split('\n');
const header = lines.shift().split(',');
const col = (name) => header.indexOf(name);
const rows = lines.map((l) => l.split(',')).map((c) => [c[col('old_province_code')], c[col('old_district_code')], c[col('old_commune_code')], c[col('old_commune_name')],
  c[col('new_province_code')], c[col('new_commune_code')], c[col('merge_type')] === 'partial' ? 1 : 0]);
writeFileSync(new URL('crosswalk.json', OUT), JSON.stringify({
  columns: ['oldProvinceCode', 'oldDistrictCode', 'oldCode', 'oldName', 'newProvinceCode', 'newCode', 'partial'], rows,
}));

const gz = (t) => gzipSync(t, { level: 9 }).length;
const sorted = sizes.map((s) => s[2]).sort((a, b) => a - b);
console.log(`communes per province: ${codes.length} files, gzip min ${sorted[0]} B, median ${sorted[sorted.length >> 1]} B, max ${sorted.at(-1)} B (${sizes.find((s) => s[2] === sorted.at(-1))[0]})`);
console.log(`national communes: ${national.length} B, gzip ${gz(national)} B; provinces: ${prov.length} B, gzip ${gz(prov)} B`);
