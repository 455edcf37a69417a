import { css } from 'lit';

export const gaugeStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    max-width: var(--chiso-gauge-max-width, 22rem);
    font-size: var(--chiso-font-size, 1rem);
    line-height: 1.4;
  }
  *, *::before, *::after { box-sizing: inherit; }
  [part='base'] {
    margin: 0;
    padding: var(--chiso-gauge-padding, 0.75rem);
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--chiso-gauge-border-color, var(--_border));
    border-radius: var(--_radius);
    display: grid;
    gap: 0.25rem;
    text-align: center;
    /* A word wider than a narrow gauge at a large text size breaks (hyphenated where the language allows) rather than spill out. */
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  [part='label'] { font-weight: 600; font-size: 1em; }
  [part='subtitle'] { color: var(--_muted); font-size: 0.875em; }
  [part='meter'] { position: relative; border-radius: var(--_radius); outline: none; }
  [part='meter']:focus-visible { box-shadow: 0 0 0 3px var(--_focus); }
  svg { display: block; width: 100%; height: auto; overflow: visible; }
  .track { stroke: var(--_track); fill: none; }
  .bands path, .bands rect { fill: none; }
  .band-bad { stroke: var(--_bad); fill: var(--_bad); }
  .band-fair { stroke: var(--_fair); fill: var(--_fair); }
  .band-good { stroke: var(--_good); fill: var(--_good); }
  .band-none { stroke: var(--_accent); fill: var(--_accent); }
  path.band-bad, path.band-fair, path.band-good, path.band-none { fill: none; }
  path[part='indicator'] { fill: none; stroke-linecap: round; }
  [part='target'] { stroke: var(--_target); stroke-width: 3; stroke-linecap: round; }
  /*
   * The value is as large as asked (--chiso-gauge-value-size, 2rem) but never wider than the room it has: inside
   * the arc's ends (about 0.55 of the meter), the ring's hole (0.6), the bullet's row. --_chars is the value's
   * length in characters (set by the element); a bold digit is about 0.58 em wide. 100cqi is the gauge's width.
   */
  [part='value'] {
    --_room: 0.55;
    font-size: min(var(--chiso-gauge-value-size, 2rem), calc((100cqi - 1.75rem) * var(--_room) / (var(--_chars, 7) * 0.58)));
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
    white-space: nowrap;
  }
  .variant-arc [part='value'], .variant-ring [part='value'] {
    position: absolute; left: 0; right: 0; text-align: center;
  }
  .variant-arc [part='value'] { bottom: 12%; }
  .variant-ring [part='value'] { --_room: 0.6; top: 50%; transform: translateY(-50%); }
  .variant-bullet [part='value'] { --_room: 0.9; }
  .variant-bullet [part='meter'] { display: grid; grid-template-columns: auto 1fr; align-items: center; gap: 0.75rem; text-align: start; }
  [part='delta'] { font-weight: 600; font-size: 0.9375em; }
  [part='delta'].improves { color: var(--_good); }
  [part='delta'].worsens { color: var(--_bad); }
  [part='ratio'] { color: var(--_muted); font-size: 0.875em; }
  [part='error'], [part='empty'] { margin: 0; font-size: 0.9375em; }
  [part='error'] { color: var(--_bad); }
  [part='details'] { text-align: start; font-size: 0.875em; }
  [part='details'] summary { cursor: pointer; color: var(--_accent); border-radius: 0.25rem; width: max-content; }
  [part='details'] summary:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
  [part='skeleton'] {
    display: block; aspect-ratio: 4 / 3; border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_skeleton) 25%, var(--_bg) 50%, var(--_skeleton) 75%);
    background-size: 200% 100%;
    animation: chiso-shimmer 1.4s ease-in-out infinite;
  }
  @keyframes chiso-shimmer { from { background-position: 200% 0; } to { background-position: -200% 0; } }
  @media (prefers-reduced-motion: reduce) { [part='skeleton'] { animation: none; } }
  @container (max-width: 14rem) {
    [part='base'] { padding: 0.5rem; }
    .variant-bullet [part='meter'] { grid-template-columns: 1fr; }
  }
  @container (min-width: 22rem) {
    .variant-bullet [part='value'] { --_room: 0.4; }
  }
  @media print {
    :host { break-inside: avoid; }
    [part='base'] { border-color: #000; background: #fff; color: #000; }
    [part='details'], [part='skeleton'] { display: none; }
    * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  }
`;

