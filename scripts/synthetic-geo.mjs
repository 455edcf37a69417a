// Seeded synthetic administrative geography: commune polygons that tile a region without gaps or overlaps,
// for the demo portal and the benchmarks. Nothing here is real: codes start with 9 (no such GSO province)
// and every name says "mẫu" (sample). Plain Node, no dependencies.

/** Park–Miller minimal standard generator: the same seed gives the same geography on every machine. */
export function seeded(seed) {
  let s = seed % 2147483647;
  if (s <= 0) s += 2147483646;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** A deterministic number in [0, 1) from integers (so a shared edge jitters the same way from both sides). */
function hash(...ints) {
  let h = 2166136261;
  for (const i of ints) {
    h ^= i + 0x9e3779b9;
    h = Math.imul(h, 16777619);
    h ^= h >>> 13;
  }
  return ((h >>> 0) % 1000003) / 1000003;
}

function inRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A rough outline of mainland Viet Nam (about 30 points), enough to give a national layer its shape. */
export const VIETNAM_OUTLINE = [
  [102.15, 22.4], [103.0, 22.75], [104.0, 22.85], [105.3, 23.3], [106.7, 22.85], [107.4, 21.7], [108.0, 21.5],
  [106.8, 20.7], [106.0, 19.9], [105.7, 19.0], [106.4, 18.1], [107.2, 16.9], [108.2, 16.1], [108.8, 15.3],
  [109.2, 13.8], [109.45, 12.7], [109.2, 11.6], [108.7, 11.1], [107.7, 10.4], [106.8, 10.3], [106.5, 9.6],
  [105.3, 8.6], [104.8, 8.6], [104.75, 9.6], [104.6, 10.4], [105.1, 10.9], [106.2, 11.3], [106.9, 12.3],
  [107.5, 13.0], [107.6, 14.2], [107.5, 15.3], [106.6, 16.3], [106.0, 17.4], [105.1, 18.6], [104.1, 19.3],
  [104.2, 20.2], [103.2, 20.8], [102.2, 21.6],
];

/** An irregular blob around a centre: the outline of a synthetic province. */
export function blob(centre, radius, seed, points = 28) {
  const rnd = seeded(seed);
  const ring = [];
  for (let i = 0; i < points; i++) {
    const a = (2 * Math.PI * i) / points;
    const r = radius * (0.7 + 0.5 * rnd());
    ring.push([centre[0] + r * Math.cos(a) * 1.1, centre[1] + r * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return ring;
}

/**
 * Communes tiling `outline`: a jittered grid whose cells keep shared, wiggly edges (`edgePoints` extra
 * vertices per edge), kept where the cell's centre lies inside the outline. `count` is met exactly by
 * refining the grid, then dropping cells from the end.
 */
export function communes({ outline, count, seed = 1, edgePoints = 4, codePrefix = '9', provinceCode = '99', name = 'Xã mẫu' }) {
  const xs = outline.map((p) => p[0]);
  const ys = outline.map((p) => p[1]);
  const [w, s, e, n] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  const cellsFor = (d) => {
    const cols = Math.ceil((e - w) / d);
    const rows = Math.ceil((n - s) / d);
    const keep = [];
    for (let i = 0; i < cols; i++) for (let j = 0; j < rows; j++) if (inRing([w + (i + 0.5) * d, s + (j + 0.5) * d], outline)) keep.push([i, j]);
    return keep;
  };
  // Cell size by bisection so that at least `count` cells fall inside.
  let lo = 1e-4;
  let hi = Math.max(e - w, n - s);
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (cellsFor(mid).length >= count) lo = mid;
    else hi = mid;
  }
  const d = lo;
  const cells = cellsFor(d).slice(0, count);
  const jitter = 0.28 * d;
  const vertex = (i, j) => [w + i * d + (hash(seed, i, j, 1) - 0.5) * jitter, s + j * d + (hash(seed, i, j, 2) - 0.5) * jitter];
  /** The points strictly between two grid vertices, the same whichever side asks. */
  const edge = (a, b) => {
    const [p, q] = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? [a, b] : [b, a];
    const P = vertex(...p);
    const Q = vertex(...q);
    const pts = [];
    for (let k = 1; k <= edgePoints; k++) {
      const t = k / (edgePoints + 1);
      const wob = (hash(seed, p[0], p[1], q[0], q[1], k) - 0.5) * 0.18 * d;
      const nx = -(Q[1] - P[1]);
      const ny = Q[0] - P[0];
      const len = Math.hypot(nx, ny) || 1;
      pts.push([P[0] + (Q[0] - P[0]) * t + (nx / len) * wob, P[1] + (Q[1] - P[1]) * t + (ny / len) * wob]);
    }
    return a === p ? pts : pts.reverse();
  };
  const round = (p) => [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];
  const rnd = seeded(seed + 7);
  const features = cells.map(([i, j], k) => {
    const corners = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]]; // counter-clockwise in lon/lat
    const ring = [];
    for (let c = 0; c < 4; c++) {
      const a = corners[c];
      const b = corners[(c + 1) % 4];
      ring.push(vertex(...a), ...edge(a, b));
    }
    ring.push(ring[0]);
    const code = `${codePrefix}${String(k + 1).padStart(4, '0')}`.slice(-5).padStart(5, '0');
    const areaKm2 = Math.round(d * d * 111 * 111 * Math.cos(((s + (j + 0.5) * d) * Math.PI) / 180) * 100) / 100;
    return {
      type: 'Feature',
      id: code,
      properties: {
        code, provinceCode, name: `${name} ${k + 1}`, fullName: `${name} ${k + 1} (dữ liệu mẫu)`,
        areaKm2, population: Math.round(areaKm2 * (60 + 900 * rnd() ** 3)), synthetic: true,
      },
      geometry: { type: 'Polygon', coordinates: [ring.map(round)] },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** The national benchmark layer: 10,600 communes over Viet Nam's outline (codes 00001–10600). */
export function syntheticCountry({ count = 10600, seed = 20251123 } = {}) {
  const fc = communes({ outline: VIETNAM_OUTLINE, count, seed, codePrefix: '', provinceCode: '00', name: 'Xã mẫu' });
  for (const [k, f] of fc.features.entries()) {
    const code = String(k + 1).padStart(5, '0');
    f.id = code;
    f.properties.code = code;
  }
  return fc;
}
