import { css } from 'lit';

/** The data-table view every map layer offers (choropleth, BTS…): scrolling box, sticky head, focusable rows. */
export const dataTableStyles = css`
  .table-wrap { max-height: var(--chiso-table-max-height, 24rem); overflow: auto; margin-top: 0.5rem; border: 1px solid var(--_border); border-radius: var(--_radius); }
  table { border-collapse: collapse; width: 100%; font-size: 0.875em; background: var(--_bg); color: var(--_fg); }
  caption { text-align: start; font-weight: 600; padding: 0.4rem 0.6rem; }
  th, td { padding: 0.3rem 0.6rem; border-top: 1px solid var(--_border); text-align: start; }
  thead th { position: sticky; top: 0; background: var(--_bg); }
  tbody th { font-weight: 400; }
  .num { text-align: end; font-variant-numeric: tabular-nums; }
  tr.current, tbody tr:hover { background: color-mix(in srgb, var(--_accent) 12%, var(--_bg)); }
  tr:focus-visible { outline: 3px solid var(--_focus); outline-offset: 1px; }
`;
