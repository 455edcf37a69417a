import { css } from 'lit';

/** What the figure elements on one feed share (FeedFigureElement): states, rises and falls, the data table. */
export const feedFigureStyles = css`
  .up, .improves { color: var(--_good); }
  .down, .worsens { color: var(--_bad); }
  [part='details'] summary { cursor: pointer; font-size: 0.875em; }
  [part='download'] {
    justify-self: start; font: inherit; font-size: 0.875em; color: var(--_accent); background: none; cursor: pointer;
    border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.125rem 0.5rem; min-height: 1.75rem;
  }
  [part='download']:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
  @media print { [part='download'] { display: none; } }
  [part='details'] summary:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
  table { border-collapse: collapse; font-size: 0.875em; width: 100%; }
  th, td { text-align: start; padding: 0.125rem 0.25rem; border-bottom: 1px solid var(--_border); }
  td.num { text-align: end; font-variant-numeric: tabular-nums; }
  [part='skeleton'] { display: block; min-height: 4rem; border-radius: var(--_radius); background: var(--_skeleton); }
  [part='error'] { color: var(--_bad); margin: 0; }
  [part='empty'] { color: var(--_muted); margin: 0; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
