import { css, unsafeCSS } from 'lit';
import { CASE_COLORS, RISK_COLORS, themeDeclarations, type Theme } from '@chiso/core/colors';

const bubble = (theme: Theme) => unsafeCSS(themeDeclarations(CASE_COLORS, theme, { bubble: ['--_bubble', '--chiso-cases-bubble'] }));
const risk = unsafeCSS(([1, 2, 3, 4] as const).map((l) => `--_risk${l}: var(--chiso-cases-risk-${l}, ${RISK_COLORS[l]});`).join(' '));

export const caseLayerStyles = css`
  :host {
    display: block; font-size: var(--chiso-font-size, 1rem); line-height: 1.4; min-width: 0; overflow-wrap: anywhere;
    ${bubble('light')}
    ${risk}
    --_series: var(--chiso-cases-series, var(--_accent));
  }
  :host([theme='dark']) { ${bubble('dark')} }
  :host([theme='contrast']) { ${bubble('contrast')} --_series: var(--chiso-cases-series, #ffff00); }
  *, *::before, *::after { box-sizing: border-box; }
  .time { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.5rem; container-type: inline-size; }
  .time label { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0.35em; font-size: 0.875em; max-width: 100%; }
  select { max-width: 100%; }
  .slider { flex: 1 1 12rem; min-width: min(10rem, 100%); }
  .slider input { width: 100%; accent-color: var(--_accent); }
  /* The day shown: as wide as the row allows, never wider (a 320 px phone at 200 % text). */
  .current { font-weight: 600; font-variant-numeric: tabular-nums; min-width: min(6.5em, 100%); font-size: min(1em, 8.5cqi); }
  button, select {
    font: inherit; font-size: 0.875em; color: var(--_fg); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.3rem 0.6rem; min-height: 2rem; min-width: 2rem;
  }
  button { cursor: pointer; }
  button:focus-visible, select:focus-visible, input:focus-visible, tr:focus-visible, svg:focus-visible { outline: 3px solid var(--_focus); outline-offset: 1px; }
  [part='chart'] { display: block; width: 100%; height: auto; margin-top: 0.25rem; cursor: crosshair; color: var(--_fg); touch-action: pan-y; }
  [part='chart'] .area { fill: var(--_series); fill-opacity: 0.18; }
  [part='chart'] .line { fill: none; stroke: var(--_series); stroke-width: 1.5; }
  [part='chart'] .now { stroke: var(--_fg); stroke-width: 1.5; }
  [part='chart'] .tick { stroke: var(--_border); stroke-width: 1; }
  [part='chart'] text { fill: var(--_muted); font-family: var(--_font); }
  .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.5rem; }
  [part='legend'] {
    display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; margin: 0; padding: 0; list-style: none;
    font-size: 0.875em; color: var(--_fg);
  }
  [part='legend'] li { display: inline-flex; align-items: center; gap: 0.35em; }
  .swatch { display: inline-block; width: 1.1em; height: 0.9em; border: 1px solid rgba(0, 0, 0, 0.45); }
  .dot { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 50%; background: var(--_bubble); opacity: 0.75; }
  .note { margin: 0.25rem 0 0; font-size: 0.8125em; color: var(--_muted); }
  [part='error'], [part='status'] { margin: 0.5rem 0 0; padding: 0.4rem 0.6rem; background: var(--_bg); color: var(--_fg); font-size: 0.875em; }
  [part='error'] { border-inline-start: 4px solid var(--_bad); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
