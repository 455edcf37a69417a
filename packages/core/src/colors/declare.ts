import type { ByTheme, Theme } from './theme.js';

/**
 * CSS declarations giving private properties their theme's default under a public one:
 * `themeDeclarations(BTS_COLORS, 'light', { coverage: ['--_coverage', '--chiso-bts-coverage'] })` →
 * `--_coverage: var(--chiso-bts-coverage, #7b3294);`.
 */
export function themeDeclarations<T extends object>(table: ByTheme<T>, theme: Theme, names: { [K in keyof T]?: readonly [string, string] }): string {
  const colors = table[theme] as Record<string, string>;
  return Object.entries(names)
    .map(([key, pair]) => `${(pair as [string, string])[0]}: var(${(pair as [string, string])[1]}, ${colors[key]});`)
    .join(' ');
}

