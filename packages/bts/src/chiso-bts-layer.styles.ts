import { css, unsafeCSS } from 'lit';
import { BTS_COLORS, themeDeclarations, type Theme } from '@chiso/core/colors';

const own = (theme: Theme) => unsafeCSS(themeDeclarations(BTS_COLORS, theme, {
  coverage: ['--_coverage', '--chiso-bts-coverage'], gap: ['--_gap', '--chiso-bts-gap'], village: ['--_village', '--chiso-bts-village'],
}));

export const btsLayerStyles = css`
  :host {
    display: block; font-size: var(--chiso-font-size, 1rem); line-height: 1.4;
    ${own('light')}
  }
  :host([theme='dark']) { ${own('dark')} }
  :host([theme='contrast']) { ${own('contrast')} }
  *, *::before, *::after { box-sizing: border-box; }
  .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.5rem; }
  [part='legend'] {
    display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; margin: 0; padding: 0; list-style: none;
    font-size: 0.875em; color: var(--_fg);
  }
  [part='legend'] li { display: inline-flex; align-items: center; gap: 0.35em; }
  [part='legend'] .group { font-weight: 600; }
  .fill { display: inline-block; width: 1.1em; height: 0.9em; background: var(--_coverage); opacity: var(--_coverage-opacity, 0.35); border: 1px solid var(--_coverage); }
  .dot { display: inline-block; border-radius: 50%; }
  .dot.gap { width: 0.85em; height: 0.85em; background: var(--_gap); box-shadow: 0 0 0 2px #fff, 0 0 0 3px rgba(0, 0, 0, 0.6); }
  .dot.covered { width: 0.45em; height: 0.45em; background: var(--_village); }
  svg.shape { width: 1.1em; height: 1.1em; vertical-align: middle; }
  button {
    font: inherit; font-size: 0.875em; color: var(--_fg); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.3rem 0.6rem; cursor: pointer;
    min-height: 2rem; min-width: 2rem;
  }
  button:focus-visible, tr:focus-visible { outline: 3px solid var(--_focus); outline-offset: 1px; }
  [part='error'], [part='status'] {
    margin: 0.5rem 0 0; padding: 0.4rem 0.6rem; background: var(--_bg); color: var(--_fg); font-size: 0.875em;
  }
  [part='error'] { border-inline-start: 4px solid var(--_bad); }
`;
