import { css } from 'lit';

export const statStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    max-width: var(--chiso-stat-max-width, 22rem);
    font-size: var(--chiso-font-size, 1rem);
    line-height: 1.4;
  }
  *, *::before, *::after { box-sizing: inherit; }
  [part='base'] {
    margin: 0;
    padding: var(--chiso-stat-padding, 0.75rem);
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--chiso-stat-border-color, var(--_border));
    border-radius: var(--_radius);
    display: grid;
    gap: 0.25rem;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  [part='label'] { font-weight: 600; }
  [part='subtitle'], [part='year-before'] { color: var(--_muted); font-size: 0.875em; margin: 0; }
  [part='value'] { margin: 0; font-size: var(--chiso-stat-value-size, 2rem); font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
  [part='value'] .qualifier, [part='value'] .unit { font-size: 0.5em; font-weight: 600; color: var(--_muted); }
  /* A unit of several words moves under the number as a whole, and wraps inside only when wider than the card. */
  [part='value'] .unit { display: inline-block; }
  [part='rank'], [part='delta'] { margin: 0; font-weight: 600; }
  [part='progress'] { display: grid; gap: 0.125rem; font-size: 0.875em; }
  [part='progress'] .bar { height: 0.5rem; border-radius: 0.25rem; background: var(--_track); overflow: hidden; }
  [part='progress'] .fill { height: 100%; background: var(--_accent); }
  [part='sparkline'] { display: block; width: 100%; height: 2.5rem; overflow: visible; }
  [part='sparkline'] path { fill: none; stroke: var(--_accent); stroke-width: 2; vector-effect: non-scaling-stroke; }
  [part='sparkline'] path.end { stroke-width: 6; stroke-linecap: round; }
  [part='skeleton'] { display: block; height: 4rem; border-radius: var(--_radius); background: var(--_skeleton); }
  @media (prefers-reduced-motion: no-preference) { [part='progress'] .fill { transition: width 0.3s; } }
`;
