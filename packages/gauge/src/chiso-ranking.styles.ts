import { css } from 'lit';

export const rankingStyles = css`
  :host { display: block; box-sizing: border-box; font-size: var(--chiso-font-size, 1rem); line-height: 1.4; container-type: inline-size; }
  *, *::before, *::after { box-sizing: inherit; }
  [part='base'] {
    margin: 0; padding: var(--chiso-ranking-padding, 0.75rem); background: var(--_bg); color: var(--_fg);
    border: 1px solid var(--chiso-ranking-border-color, var(--_border)); border-radius: var(--_radius);
    display: grid; gap: 0.5rem; overflow-wrap: anywhere;
  }
  [part='label'] { font-weight: 600; }
  [part='subtitle'] { color: var(--_muted); font-size: 0.875em; margin: 0; }
  [part='list'] { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; }
  [part~='row'] {
    display: grid; grid-template-columns: 2.5em minmax(0, 1fr) minmax(0, 2fr) auto; grid-template-areas: 'rank name bar value';
    gap: 0 0.5rem; align-items: center; padding: 0.125rem 0.25rem; border-radius: 0.25rem; outline: none; min-width: 0;
  }
  .rank { grid-area: rank; } .name { grid-area: name; min-width: 0; } .bar-cell { grid-area: bar; min-width: 0; } .value { grid-area: value; }
  [part~='row']:focus-visible { box-shadow: 0 0 0 3px var(--_focus); }
  /* Marked by a rule and weight, not a tint: the rise and fall colours keep their contrast on the plain background. */
  [part~='highlight'] { box-shadow: inset 4px 0 0 var(--_accent); font-weight: 700; }
  .rank { text-align: end; font-variant-numeric: tabular-nums; color: var(--_muted); }
  .bar { height: 0.75rem; border-radius: 0.125rem; background: var(--_accent); min-width: 1px; }
  .bar.band-good { background: var(--_good); }
  .bar.band-fair { background: var(--_fair); }
  .bar.band-bad { background: var(--_bad); }
  .value { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .change { font-size: 0.8125em; margin-inline-start: 0.25em; }
  [part='gap'] { color: var(--_muted); padding-inline-start: 0.5rem; }
  [part='skeleton'] { display: block; height: 6rem; border-radius: var(--_radius); background: var(--_skeleton); }
  /* Narrow (a phone, or large text): the value goes under the name, the bar (a repeat of the value) is left out. */
  @container (max-width: 26em) {
    [part~='row'] { grid-template-columns: 2em minmax(0, 1fr); grid-template-areas: 'rank name' '. value'; }
    .bar-cell { display: none; }
    .value { text-align: start; white-space: normal; }
  }
`;
