import { css } from 'lit';

export const progressStyles = css`
  :host { display: block; box-sizing: border-box; font-size: var(--chiso-font-size, 1rem); line-height: 1.4; container-type: inline-size; }
  *, *::before, *::after { box-sizing: inherit; }
  [part='base'] {
    margin: 0; padding: var(--chiso-progress-padding, 0.75rem); background: var(--_bg); color: var(--_fg);
    border: 1px solid var(--chiso-progress-border-color, var(--_border)); border-radius: var(--_radius);
    display: grid; gap: 0.5rem; overflow-wrap: anywhere;
  }
  [part='label'] { font-weight: 600; }
  [part='subtitle'], [part='deadline'], [part='note'] { color: var(--_muted); font-size: 0.875em; margin: 0; }
  [part='summary'] { margin: 0; font-variant-numeric: tabular-nums; }
  [part='summary'] strong { font-size: var(--chiso-progress-value-size, 1.75rem); line-height: 1.15; }
  [part='summary'] .of { font-size: 1.25em; font-weight: 600; }
  /* One stacked bar; segments are parted by the background so two of one colour never merge. */
  .bar { display: flex; height: var(--chiso-progress-bar-height, 1rem); border-radius: 0.25rem; overflow: hidden; background: var(--_bg); gap: 2px; }
  .bar > span { display: block; min-width: 2px; }
  .kind-done { background: var(--_good); }
  .kind-on-schedule { background: var(--_accent); }
  .kind-in-progress { background: var(--_fair); }
  .kind-late { background: var(--_bad); }
  .kind-not-started { background: var(--_muted); }
  .kind-other { background: var(--_target); }
  .kind-unreported { background: repeating-linear-gradient(135deg, var(--_muted) 0 2px, var(--_bg) 2px 6px); box-shadow: inset 0 0 0 1px var(--_muted); }
  [part='legend'] { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.875em; }
  [part='legend'] li { display: inline-flex; align-items: center; gap: 0.35em; font-variant-numeric: tabular-nums; }
  .swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 0.15em; flex: none; }
  .overdue { color: var(--_bad); font-weight: 600; }
  [part='units'] { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35rem; }
  [part='unit'] { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 2fr) auto; gap: 0 0.5rem; align-items: center; font-size: 0.875em; }
  [part='unit'] .bar { height: 0.6rem; }
  [part='unit'] .count { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
  [part='unit'] .when { grid-column: 1 / -1; color: var(--_muted); }
  [part='skeleton'] { display: block; height: 5rem; border-radius: var(--_radius); background: var(--_skeleton); }
  @container (max-width: 22em) {
    [part='unit'] { grid-template-columns: minmax(0, 1fr) auto; }
    [part='unit'] .bar { grid-column: 1 / -1; grid-row: 2; }
  }
`;
