// The demo portal's sample data, generated (never copied): a synthetic province "Tỉnh Mẫu" (code 99, no
// such GSO province) with its communes, and indicator feeds over them. Seeded: the same files every run.
// Run by the build; writes examples/data/ (ignored by git).
import { mkdirSync, writeFileSync } from 'node:fs';
import { blob, communes, seeded } from './synthetic-geo.mjs';
import { syntheticSites, syntheticVillages } from './synthetic-bts.mjs';
import { syntheticCases } from './synthetic-cases.mjs';

const out = 'examples/data';
mkdirSync(out, { recursive: true });

const outline = blob([105.25, 21.55], 0.42, 99);
const province = communes({ outline, count: 126, seed: 99, codePrefix: '9', provinceCode: '99', name: 'Xã Mẫu' });
writeFileSync(`${out}/tinh-mau-xa.geojson`, JSON.stringify(province));

// Online-dossier rate by commune, eight quarters: each commune climbs from its own start, with noise.
const rnd = seeded(2025);
const quarters = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const observations = [];
for (const f of province.features) {
  let rate = 8 + 40 * rnd() ** 1.5;
  const pace = 2 + 7 * rnd();
  const silent = rnd() < 0.04; // a few communes never report: no-data areas on the map
  for (const q of quarters) {
    rate = Math.min(99.5, rate + pace * (0.4 + rnd()));
    const denominator = Math.round(150 + 2500 * rnd());
    const numerator = Math.round((denominator * rate) / 100);
    observations.push({
      indicator: 'dvc.online_rate', area: f.properties.code, level: 'commune', name: f.properties.name, period: q,
      value: silent ? null : Math.round((numerator / denominator) * 10000) / 100, numerator, denominator,
    });
  }
}
writeFileSync(`${out}/tinh-mau-dvc-xa.json`, JSON.stringify({
  chiso: 1,
  indicators: [{
    id: 'dvc.online_rate', name: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online dossier rate' }, unit: '%', decimals: 1,
    direction: 'higher-is-better', target: 80, thresholds: [50, 80], countUnit: { vi: 'hồ sơ', en: 'dossiers' },
  }],
  observations,
  source: { name: { vi: 'Dữ liệu mẫu sinh tự động (không phải số liệu thật)', en: 'Generated sample data (not real figures)' }, updated: '2026-01-05T08:00:00+07:00' },
}));
// The province's service indicators by quarter, in the spirit of the 766 index (Quyết định 766/QĐ-TTg):
// dossiers filed online, paid online, processed on time, results digitised; and dossiers received.
const rnd766 = seeded(766);
const series = (start, end) => quarters.map((_, i) => Math.round((start + ((end - start) * i) / (quarters.length - 1) + (rnd766() - 0.5) * 3) * 100) / 100);
const indicators766 = [
  { id: 'dvc.online_rate', name: { vi: 'Hồ sơ nộp trực tuyến', en: 'Dossiers filed online' }, unit: '%', decimals: 1, target: 80, thresholds: [50, 80], values: series(46, 86) },
  { id: 'dvc.online_payment_rate', name: { vi: 'Thanh toán trực tuyến', en: 'Paid online' }, unit: '%', decimals: 1, target: 50, thresholds: [30, 50], values: series(18, 61) },
  { id: 'dvc.on_time_rate', name: { vi: 'Giải quyết đúng hạn', en: 'Processed on time' }, unit: '%', decimals: 1, target: 98, thresholds: [90, 98], values: series(91.5, 98.6) },
  { id: 'dvc.digitised_rate', name: { vi: 'Số hóa kết quả', en: 'Results digitised' }, unit: '%', decimals: 1, target: 70, thresholds: [40, 70], values: series(27, 74) },
];
const dossiers = quarters.map((_, i) => Math.round(31000 + i * 2900 + rnd766() * 2500));
writeFileSync(`${out}/tinh-mau-766.json`, JSON.stringify({
  chiso: 1,
  indicators: [
    ...indicators766.map(({ values, ...ind }) => ({ ...ind, direction: 'higher-is-better' })),
    { id: 'dvc.dossiers', name: { vi: 'Hồ sơ tiếp nhận theo quý', en: 'Dossiers received per quarter' }, unit: 'hồ sơ', decimals: 0 },
  ],
  observations: [
    ...indicators766.flatMap(({ id, values }) => quarters.map((period, i) => ({ indicator: id, area: '99', level: 'province', name: 'Tỉnh Mẫu', period, value: values[i] }))),
    ...quarters.map((period, i) => ({ indicator: 'dvc.dossiers', area: '99', level: 'province', name: 'Tỉnh Mẫu', period, value: dossiers[i] })),
  ],
  source: { name: { vi: 'Dữ liệu mẫu sinh tự động (không phải số liệu thật)', en: 'Generated sample data (not real figures)' }, updated: '2026-01-05T08:00:00+07:00' },
}));

// BTS sites (as many as Tuyên Quang reports, 1,283) and villages, all synthetic, over the same communes.
const sites = syntheticSites(province.features, { n: 1283, seed: 1283, emptyShare: 0.1 });
writeFileSync(`${out}/tinh-mau-bts.geojson`, JSON.stringify(sites));
const villages = syntheticVillages(province.features, { perCommune: 6, seed: 99 });
writeFileSync(`${out}/tinh-mau-thon.geojson`, JSON.stringify(villages));
// Cases (COVID/F0 style), synthetic: an outbreak over 90 days in a few communes, a thin scatter elsewhere.
// Each carries made-up name, age and phone so the demo shows that none of it reaches the screen.
const cases = syntheticCases(province.features, { n: 4000, days: 90, seed: 2021, start: '2021-07-01', withArea: 0.6, hotspots: 5 });
writeFileSync(`${out}/tinh-mau-ca-benh.geojson`, JSON.stringify(cases));
console.log(`demo data: ${province.features.length} communes of the synthetic Tỉnh Mẫu, ${observations.length} observations, ${sites.features.length} BTS sites, ${villages.features.length} villages, ${cases.features.length} cases → ${out}/`);
