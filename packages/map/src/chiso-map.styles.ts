import { css, unsafeCSS } from 'lit';
import { MAP_COLORS, themeDeclarations, type Theme } from '@chiso/core/colors';

const own = (theme: Theme) => unsafeCSS(themeDeclarations(MAP_COLORS, theme, {
  sea: ['--_sea', '--chiso-map-sea'], land: ['--_land', '--chiso-map-land'], outline: ['--_outline', '--chiso-map-outline'], hover: ['--_hover', '--chiso-map-hover'],
}));

export const mapStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-size: var(--chiso-font-size, 1rem);
    line-height: 1.4;
    ${own('light')}
  }
  :host([theme='dark']) { ${own('dark')} }
  :host([theme='contrast']) { ${own('contrast')} }
  *, *::before, *::after { box-sizing: border-box; }
  [part='base'] {
    display: grid;
    /* One column no wider than the element: a layer's controls wrap instead of widening the map. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5rem;
    color: var(--_fg);
    overflow-wrap: anywhere;
  }
  .frame {
    position: relative;
    height: var(--chiso-map-height, 28rem);
    min-height: 12rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_sea);
  }
  :host(:fullscreen) .frame, .frame:fullscreen { height: 100%; border-radius: 0; }
  /* fill: the map takes the height left by its controls, at least --chiso-map-height. */
  :host([fill]) { display: flex; flex-direction: column; }
  :host([fill]) [part='base'] { flex: 1 1 auto; grid-template-rows: minmax(var(--chiso-map-height, 28rem), 1fr); }
  :host([fill]) .frame { height: auto; min-height: var(--chiso-map-height, 28rem); }
  [part='map'], [part='map'] > .surface { position: absolute; inset: 0; }
  [part='map'] canvas:focus-visible { outline: 3px solid var(--_focus); outline-offset: -3px; }
  /* In the middle of the map: clear of the controls in its corners. */
  [part='status'] {
    position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%); margin: 0; z-index: 3;
    padding: 0.4rem 0.6rem; border-radius: var(--_radius);
    background: var(--_bg); color: var(--_fg); border: 1px solid var(--_border);
    font-size: 0.875em; width: fit-content; max-width: calc(100% - 1rem);
  }
  [part='status'][hidden] { display: none; }
  [part='error'] {
    margin: 0; padding: 0.4rem 0.6rem; border-inline-start: 4px solid var(--_bad);
    background: var(--_bg); color: var(--_fg); font-size: 0.875em;
  }
  [part='summary'] { margin: 0; color: var(--_muted); font-size: 0.875em; }
  .search { position: relative; }
  .drill { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: center; font-size: 0.875em; }
  [part='drill-back'] {
    font: inherit; min-height: 2.25rem; padding: 0.25rem 0.75rem; cursor: pointer; color: var(--_accent);
    background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius);
  }
  [part='drill-back']:focus-visible { outline: 3px solid var(--_focus); outline-offset: 1px; }
  [part='search-input'] {
    width: 100%; font: inherit; padding: 0.4rem 0.6rem; color: var(--_fg); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: var(--_radius);
  }
  [part='search-input']:focus-visible { outline: 3px solid var(--_focus); outline-offset: 1px; }
  [part='search-list'] {
    position: absolute; z-index: 4; left: 0; right: 0; top: 100%; margin: 0.25rem 0 0; padding: 0.25rem 0; list-style: none;
    background: var(--_bg); color: var(--_fg); border: 1px solid var(--_border); border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15); max-height: 16rem; overflow-y: auto;
  }
  [part='search-list'][hidden] { display: none; }
  [part='search-list'] li { padding: 0.35rem 0.6rem; cursor: pointer; }
  [part='search-list'] li[aria-selected='true'], [part='search-list'] li:hover { background: var(--_accent); color: var(--_bg); }
  .hint { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .archipelago {
    font: 600 0.75rem/1.2 var(--_font); color: var(--_fg); text-align: center;
    background: color-mix(in srgb, var(--_bg) 80%, transparent); padding: 0.1rem 0.3rem; border-radius: 0.25rem;
    max-width: 10rem; pointer-events: none; white-space: normal;
  }
  .tooltip { font: 0.875rem/1.35 var(--_font); color: #1f2328; }
  .tooltip strong { display: block; font-size: 1em; }
  .maplibregl-popup-content { padding: 0.4rem 0.6rem; }
  /* A hover tooltip must not catch the pointer: moving onto it would leave the map and hide it. */
  .maplibregl-popup, .maplibregl-popup-content { pointer-events: none; }
  .chiso-reset-view { font-size: 1.1rem; line-height: 1; }
  .maplibregl-ctrl button:focus-visible { outline: 3px solid var(--_focus); }
  .print-copy { display: none; }
  @media print {
    .maplibregl-ctrl { display: none; }
    /* A WebGL canvas prints blank: its copy on a 2D canvas is printed instead (see map/picture.ts). */
    .print-copy { display: block; position: absolute; inset: 0; width: 100%; height: 100%; }
    .frame:has(> .print-copy) [part='map'] { visibility: hidden; }
  }
`;
