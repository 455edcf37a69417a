/** The good, fair and bad bands: a gauge's arc, and a map classed by the same thresholds. */
import type { ByTheme } from './theme.js';

/** The good, fair and bad bands of a gauge, and of a map classed by the same thresholds. */
export interface BandColors {
  good: string;
  fair: string;
  bad: string;
}

export const BAND_COLORS: ByTheme<BandColors> = {
  light: { good: '#1a7f37', fair: '#9a6700', bad: '#cf222e' },
  dark: { good: '#3fb950', fair: '#d29922', bad: '#f85149' },
  contrast: { good: '#00ff66', fair: '#ffd400', bad: '#ff6b6b' },
};

/** The light theme's bands: what a map uses unless the element reads its own. */
export const DEFAULT_BAND_COLORS: BandColors = BAND_COLORS.light;
