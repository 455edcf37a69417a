// Classing from the built @chiso/map/classify in plain Node (no DOM), against brute force and d3's rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  parseClasses, classIndex, classifyQuantile, classifyEqual, classifyCkmeans, classBreaks, quantileSorted, summarize, rankDescending,
} from '@chiso/map/classify';

test('parseClasses reads every documented form and refuses the rest', () => {
  assert.deepEqual(parseClasses('quantile:5'), { method: 'quantile', k: 5 });
  assert.deepEqual(parseClasses('equal:4'), { method: 'equal', k: 4 });
  assert.deepEqual(parseClasses('ckmeans:3'), { method: 'ckmeans', k: 3 });
  assert.deepEqual(parseClasses('jenks:3'), { method: 'ckmeans', k: 3 });
  assert.deepEqual(parseClasses('manual:10 20 50'), { method: 'manual', k: 4, breaks: [10, 20, 50] });
  assert.deepEqual(parseClasses('manual:10,20,50'), { method: 'manual', k: 4, breaks: [10, 20, 50] });
  assert.deepEqual(parseClasses('manual:12,5 25'), { method: 'manual', k: 3, breaks: [12.5, 25] }, 'Vietnamese decimal comma');
  assert.deepEqual(parseClasses(''), { method: 'quantile', k: 5 });
  for (const bad of ['manual:20 10', 'manual:', 'quantile:1', 'quantile:x', 'natural', 'equal:99', 'manual:1 1']) {
    assert.equal(parseClasses(bad), undefined, bad);
  }
});

test('breaks are inclusive lower bounds, as d3.scaleThreshold', () => {
  const breaks = [10, 20, 50];
  assert.equal(classIndex(9.99, breaks), 0);
  assert.equal(classIndex(10, breaks), 1);
  assert.equal(classIndex(19.99, breaks), 1);
  assert.equal(classIndex(20, breaks), 2);
  assert.equal(classIndex(50, breaks), 3);
  assert.equal(classIndex(1e9, breaks), 3);
  assert.equal(classIndex(-1e9, breaks), 0);
});

test('quantile breaks match the R-7 quantiles (d3.quantile) and split evenly', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.deepEqual(classifyQuantile(values, 4), [25.75, 50.5, 75.25]);
  const counts = [0, 0, 0, 0];
  for (const v of values) counts[classIndex(v, classifyQuantile(values, 4))]++;
  assert.deepEqual(counts, [25, 25, 25, 25]);
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);

  const tied = classifyQuantile([5, 5, 5, 5, 5, 5, 9, 9], 4);
  assert.ok(tied.every((b, i) => i === 0 || b > tied[i - 1]), 'ties never give equal breaks');
});

test('equal-interval breaks', () => {
  assert.deepEqual(classifyEqual([0, 100, 30], 4), [25, 50, 75]);
  assert.deepEqual(classifyEqual([7, 7, 7], 4), [], 'no range, one class');
});

/** Exhaustive optimal 1-D k-means for small inputs: every way to cut the sorted list. */
function bruteCkmeans(values, k) {
  const x = [...values].sort((a, b) => a - b);
  const ssq = (a) => { const m = a.reduce((s, v) => s + v, 0) / a.length; return a.reduce((s, v) => s + (v - m) ** 2, 0); };
  let best = Infinity;
  let bestCuts = [];
  const rec = (start, left, cuts) => {
    if (left === 1) {
      const groups = [...cuts, x.length].map((end, i, arr) => x.slice(i === 0 ? 0 : arr[i - 1], end));
      const cost = groups.reduce((s, g) => s + ssq(g), 0);
      if (cost < best - 1e-9) { best = cost; bestCuts = cuts; }
      return;
    }
    for (let c = start + 1; c <= x.length - left + 1; c++) rec(c, left - 1, [...cuts, c]);
  };
  rec(0, k, []);
  return { cost: best, breaks: bestCuts.map((c) => x[c]) };
}

const withinCost = (values, breaks) => {
  const groups = new Map();
  for (const v of values) { const c = classIndex(v, breaks); groups.set(c, [...(groups.get(c) ?? []), v]); }
  let total = 0;
  for (const g of groups.values()) { const m = g.reduce((s, v) => s + v, 0) / g.length; total += g.reduce((s, v) => s + (v - m) ** 2, 0); }
  return total;
};

test('ckmeans is optimal: its within-class sum of squares equals brute force (fast-check, fixed seed)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 11 }), fc.integer({ min: 2, max: 4 }), (values, k) => {
      if (new Set(values).size < k) return true;
      const ours = classifyCkmeans(values, k);
      const brute = bruteCkmeans(values, k);
      assert.ok(Math.abs(withinCost(values, ours) - brute.cost) < 1e-6, `${values} k=${k}: ${ours} vs ${brute.breaks}`);
      return true;
    }),
    { seed: 20251123, numRuns: 300 },
  );
  assert.deepEqual(classifyCkmeans([1, 2, 3, 10, 11, 12, 50, 51, 52], 3), [10, 50], 'the obvious clusters');
});

test('ckmeans on 10,600 values finishes quickly enough for a national layer', () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const values = Array.from({ length: 10600 }, () => Math.exp(rnd() * 8));
  const t = performance.now();
  const breaks = classifyCkmeans(values, 5);
  const ms = performance.now() - t;
  assert.equal(breaks.length, 4);
  assert.ok(ms < 2000, `took ${ms} ms`); // a guard against a quadratic regression, not a benchmark (see npm run bench)
});

test('classBreaks dispatches; summarize and ranks', () => {
  assert.deepEqual(classBreaks([1, 2, 3], { method: 'manual', k: 3, breaks: [2, 3] }), [2, 3]);
  const s = summarize([{ value: 3 }, { value: null }, { value: 1 }, { value: 2 }]);
  assert.equal(s.count, 4);
  assert.equal(s.noData, 1);
  assert.equal(s.highest.value, 3);
  assert.equal(s.lowest.value, 1);
  assert.equal(s.median, 2);
  assert.deepEqual([...rankDescending([['a', 5], ['b', 9], ['c', 5]])], [['b', 1], ['a', 2], ['c', 2]]);
});
