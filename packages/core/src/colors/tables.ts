/** The map elements' own colours by theme (the map, BTS, cases) and the risk levels. */
import type { ByTheme } from './theme.js';

/** A map's own colours: sea, land (areas without a layer's colour), outlines and the hovered area's outline. */
export const MAP_COLORS: ByTheme<{ sea: string; land: string; outline: string; hover: string }> = {
  light: { sea: '#dce9f2', land: '#f4f1ea', outline: '#5b6470', hover: '#1f2328' },
  dark: { sea: '#0b1a26', land: '#2a2f36', outline: '#9198a1', hover: '#ffffff' },
  contrast: { sea: '#000000', land: '#1a1a1a', outline: '#ffffff', hover: '#ffd400' },
};

/** The BTS layer: modelled coverage, villages, and villages in a coverage gap ("vùng lõm sóng"). */
export const BTS_COLORS: ByTheme<{ coverage: string; gap: string; village: string }> = {
  light: { coverage: '#7b3294', gap: '#c51b7d', village: '#1a1a1a' },
  dark: { coverage: '#c2a5cf', gap: '#f768a1', village: '#f0f0f0' },
  contrast: { coverage: '#ffff00', gap: '#ff00ff', village: '#ffffff' },
};

/** The case layer's circles, clusters and points. */
export const CASE_COLORS: ByTheme<{ bubble: string }> = {
  light: { bubble: '#c2185b' },
  dark: { bubble: '#f06292' },
  contrast: { bubble: '#ff00ff' },
};

/** The case layer's class palette by default: ColorBrewer YlOrRd (light yellow to dark red), as case maps are read. */
export const CASE_PALETTE = 'YlOrRd';

/**
 * The four epidemic risk levels (Decision 4800/QĐ-BYT: 1 new normal, 2 low, 3 high, 4 very high), in the colours
 * the Ministry of Health's maps use (green, yellow, orange, red); the same in every theme, as readers know them.
 */
export const RISK_COLORS: Readonly<Record<1 | 2 | 3 | 4, string>> = { 1: '#1a9641', 2: '#ffd92f', 3: '#f28e2b', 4: '#d7191c' };

