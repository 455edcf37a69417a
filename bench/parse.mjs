// Parse + normalize time of chiso's parseFeed beside plain JSON.parse of the same bytes (the floor).
// Inputs are synthetic and seeded: a 10,600-observation native feed and a 70 × 14 × 3 JSON-stat 2.0.
import { parseFeed, provinces } from '@chiso/core';

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function syntheticFeeds() {
  const r = rng(20261123);
  const native = { chiso: 1, indicators: [{ id: 'dvc.online_rate', unit: '%', thresholds: [50, 80] }], observations: [] };
  for (let i = 0; i < 10600; i++) {
    native.observations.push({ area: String(10000 + i).padStart(5, '0'), level: 'commune', period: '2025', value: Math.round(r() * 10000) / 100 });
  }
  const areas = provinces('pre2025').slice(0, 63).map((p) => p.name);
  while (areas.length < 70) areas.push(`Vùng ${areas.length}`);
  const years = Array.from({ length: 14 }, (_, i) => String(2011 + i));
  const jsonstat = {
    version: '2.0', class: 'dataset', label: 'synthetic', id: ['area', 'year', 'metric'], size: [70, 14, 3],
    dimension: {
      area: { label: 'Tỉnh', category: { index: areas.map((_, i) => `a${i}`), label: Object.fromEntries(areas.map((n, i) => [`a${i}`, n])) } },
      year: { label: 'Năm', category: { index: years } },
      metric: { label: 'Chỉ tiêu', category: { index: ['m1', 'm2', 'm3'], label: { m1: 'Một', m2: 'Hai', m3: 'Ba' } } },
    },
    value: Array.from({ length: 70 * 14 * 3 }, () => Math.round(r() * 1000) / 10),
  };
  return { native: JSON.stringify(native), jsonstat: JSON.stringify(jsonstat) };
}

function median(fn, runs = 21) {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export function benchParse() {
  const { native, jsonstat } = syntheticFeeds();
  const rows = {};
  for (const [name, text] of [['native v1, 10,600 observations', native], ['JSON-stat 2.0, 70 × 14 × 3', jsonstat]]) {
    parseFeed(text); // warm up
    rows[name] = {
      'KB': +(text.length / 1024).toFixed(0),
      'JSON.parse ms': +median(() => JSON.parse(text)).toFixed(2),
      'parseFeed ms': +median(() => parseFeed(text)).toFixed(2),
      observations: parseFeed(text).observations.length,
    };
  }
  console.log('\nParse + normalize (Node, median of 21) beside JSON.parse of the same bytes\n');
  console.table(rows);
}
