import { css } from 'lit';
import { tokens } from '@chiso/core/element';

export const trendStyles = [tokens, css`
  :host {
    display: block; container-type: inline-size; font-size: var(--chiso-font-size, 1rem); overflow-wrap: anywhere;
    --_s1: var(--chiso-trend-color, var(--_accent)); --_s2: var(--chiso-trend-color-2, #bc4c00);
    --_s3: var(--chiso-trend-color-3, #8250df); --_s4: var(--chiso-trend-color-4, #1a7f37);
  }
  :host([theme='dark']) { --_s2: var(--chiso-trend-color-2, #f0883e); --_s3: var(--chiso-trend-color-3, #a371f7); --_s4: var(--chiso-trend-color-4, #3fb950); }
  :host([theme='contrast']) { --_s1: var(--chiso-trend-color, #ffff00); --_s2: var(--chiso-trend-color-2, #00e5ff); --_s3: var(--chiso-trend-color-3, #ff66ff); --_s4: var(--chiso-trend-color-4, #00ff66); }
  [part='title'] { margin: 0; font-weight: 600; font-size: 1em; }
  [part='value'] { margin: 0.15rem 0 0; font-size: clamp(1em, 9cqi, 1.5em); font-weight: 700; font-variant-numeric: tabular-nums; }
  .table-wrap { overflow-x: auto; max-width: 100%; }
  .delta { font-size: 0.6em; font-weight: 400; color: var(--_muted); margin-inline-start: 0.5em; }
  svg { display: block; width: 100%; height: auto; }
  .s1 { --_c: var(--_s1); } .s2 { --_c: var(--_s2); } .s3 { --_c: var(--_s3); } .s4 { --_c: var(--_s4); }
  /* Beyond colour: each series has its own dash, so print, grey scale and colour blindness still tell them apart. */
  .s2 { --_dash: 7 3; } .s3 { --_dash: 2 3; } .s4 { --_dash: 9 3 2 3; }
  .span { stroke: var(--_c); stroke-width: 2; stroke-dasharray: 3 2; }
  .area { fill: var(--_c); fill-opacity: 0.15; }
  .line { fill: none; stroke: var(--_c); stroke-width: 2; stroke-dasharray: var(--_dash, none); }
  .dot { fill: var(--_bg); stroke: var(--_c); stroke-width: 2; }
  .dot.partial { stroke-dasharray: 2 2; fill: var(--_bg); }
  .bar { fill: var(--_c); }
  /* A part of a year is drawn as such: an outlined, hatched bar, never one like the whole years'. */
  .bar.partial { fill: var(--_bg); stroke: var(--_c); stroke-width: 2; stroke-dasharray: 4 2; }
  .target { stroke: var(--_target); stroke-width: 1.5; stroke-dasharray: 6 4; }
  .period { font-size: 0.6em; font-weight: 400; color: var(--_muted); margin-inline-start: 0.5em; }
  .tick { stroke: var(--_border); }
  text { fill: var(--_muted); font-family: var(--_font); }
  [part='legend'] { list-style: none; margin: 0.25rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.875em; }
  [part='legend'] li { display: inline-flex; align-items: center; gap: 0.35em; }
  [part='legend'] svg { width: 1.75em; height: 0.75em; flex: none; }
  [part='legend'] .line { stroke-width: 3; }
  button { font: inherit; font-size: 0.875em; color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.3rem 0.6rem; min-height: 2rem; cursor: pointer; }
  [part='download'] { margin-inline-end: 0.5rem; }
  button:focus-visible { outline: 3px solid var(--_focus); outline-offset: 1px; }
  table { border-collapse: collapse; margin-top: 0.5rem; font-size: 0.875em; }
  th, td { padding: 0.2rem 0.6rem; border-top: 1px solid var(--_border); text-align: start; }
  td { text-align: end; font-variant-numeric: tabular-nums; }
  [part='error'], .note { margin: 0.4rem 0 0; font-size: 0.875em; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  [part='error'] { border-inline-start: 4px solid var(--_bad); padding-inline-start: 0.5rem; }
`];
