/**
 * Sites close together at a province's zoom, drawn as one badge: the clustered source's options, the name of a
 * badge's picture (its counts per operator) and the picture itself, a ring cut in the operators' colours around
 * the number of sites. Badges are pictures because the map has no glyph server (it works offline).
 */
import { formatNumber } from '@chiso/core';
import type { Operator } from './coverage.js';
import { OPERATORS } from './site-symbols.js';

/** Up to this zoom sites may be drawn as clusters; from the next zoom on, each site alone. */
export const CLUSTER_MAX_ZOOM = 10;
/** Sites closer than this on screen (px) form one cluster: more than two badge radii, so badges stay apart. */
export const CLUSTER_RADIUS = 44;

/** A badge's radius in CSS px: 10 for two sites, growing slowly to 20. */
export const clusterBadgeRadius = (n: number): number => Math.min(20, 10 + 2.2 * Math.log2(Math.max(1, n / 2) + 1));

/** Options of a GeoJSON source of sites (features with an `operator`) that clusters them and counts each operator (`o0`…). */
export const clusterSourceOptions = () => ({
  cluster: true, clusterRadius: CLUSTER_RADIUS, clusterMaxZoom: CLUSTER_MAX_ZOOM,
  clusterProperties: Object.fromEntries(OPERATORS.map((op, k) => [`o${k}`, ['+', ['case', ['==', ['get', 'operator'], op], 1, 0]]])),
});

/** The expression naming a cluster's badge: `prefix` then its counts per operator, in OPERATORS order. */
export function clusterIconName(prefix: string): unknown[] {
  const name: unknown[] = ['concat', prefix];
  OPERATORS.forEach((_, k) => name.push(...(k ? [','] : []), ['to-string', ['get', `o${k}`]]));
  return name;
}

/** A cluster's counts per operator (OPERATORS order), read back from its badge's name. */
export const clusterCounts = (id: string, prefix: string): number[] => id.slice(prefix.length).split(',').map(Number);

/**
 * The badge for these counts: a ring cut in the operators' colours, as long as their shares, around the number of
 * sites, at `ratio` pixels per CSS px.
 */
export function drawClusterBadge(counts: number[], colorOf: (op: Operator) => string, lang: string, ratio = 2): ImageData {
  const n = counts.reduce((a, b) => a + b, 0);
  const r = clusterBadgeRadius(n);
  const size = Math.ceil(2 * r * ratio);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  g.scale(ratio, ratio);
  g.fillStyle = 'rgba(0,0,0,0.7)';
  g.beginPath();
  g.arc(r, r, r, 0, 2 * Math.PI);
  g.fill();
  let start = -Math.PI / 2;
  OPERATORS.forEach((op, k) => {
    if (!counts[k]) return;
    const end = start + (2 * Math.PI * counts[k]) / n;
    g.fillStyle = colorOf(op);
    g.beginPath();
    g.moveTo(r, r);
    g.arc(r, r, r - 1, start, end);
    g.closePath();
    g.fill();
    start = end;
  });
  g.fillStyle = '#ffffff';
  g.beginPath();
  g.arc(r, r, r * 0.62, 0, 2 * Math.PI);
  g.fill();
  g.font = `700 ${Math.max(9, Math.min(13, r * 0.62))}px system-ui, 'Segoe UI', Roboto, Arial, sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillStyle = '#1f2328';
  g.fillText(formatNumber(n, lang), r, r + 0.5, r * 1.15);
  return g.getImageData(0, 0, size, size);
}
