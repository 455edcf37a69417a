import { css } from 'lit';

export const layerStyles = css`
  :host { display: block; font-size: var(--chiso-font-size, 1rem); line-height: 1.4; }
  *, *::before, *::after { box-sizing: border-box; }
  .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .timeline { display: flex; flex-wrap: wrap; gap: 0.25rem; align-items: center; flex: 1 1 16rem; }
  .timeline input[type='range'] { flex: 1 1 8rem; min-width: 6rem; accent-color: var(--_accent); }
  .period { font-weight: 600; min-width: 5em; }
  button {
    font: inherit; font-size: 0.875em; color: var(--_fg); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.3rem 0.6rem; cursor: pointer;
    min-height: 2rem; min-width: 2rem;
  }
  button:disabled { opacity: 0.55; cursor: default; }
  button:focus-visible, input:focus-visible, tr:focus-visible { outline: 3px solid var(--_focus); outline-offset: 1px; }
  [part='error'] {
    margin: 0.5rem 0 0; padding: 0.4rem 0.6rem; border-inline-start: 4px solid var(--_bad);
    background: var(--_bg); color: var(--_fg); font-size: 0.875em;
  }
  .swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-inline-end: 0.4em; vertical-align: -0.1em; border: 1px solid var(--_border); }
`;
