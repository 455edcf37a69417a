import { property } from 'lit/decorators.js';
import { CASE_PALETTE } from '@chiso/core/colors';
import { ChisoLayerElement } from '@chiso/map';
import type { Measure } from './case-model.js';
import type { CaseMode } from './case-drawing.js';
import type { CaseValue } from './case-view.js';

/** `min-zoom-points`: a zoom (0–24); empty or not a number means never (points stay off unless clearly asked for). */
function zoomOrNever(value: string | null): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const zoom = Number(value);
  return Number.isFinite(zoom) ? Math.max(0, Math.min(24, zoom)) : undefined;
}

/**
 * The attributes and properties of `<chiso-case-layer>` (documented there), apart from its behaviour, so each
 * file stays readable: the way Material Web keeps an element's surface and its work in separate classes.
 */
export abstract class CaseLayerProperties extends ChisoLayerElement {
  /** Case points feed URL: GeoJSON Points with `date`, `status` (`home`, `hospital`, `recovered`, `deceased`) and optional `area`. */
  @property() src?: string;

  /** Case points as a value (a GeoJSON FeatureCollection or a parsed feed), instead of `src`. */
  @property({ attribute: false }) data?: unknown;

  /** Counts by area and date: any feed chiso reads (chiso JSON, JSON-stat, CKAN, CSV such as a wide daily table). */
  @property() counts?: string;

  /** Counts as a value, instead of `counts`. */
  @property({ attribute: false }) countData?: unknown;

  /** Population by area (any feed); without it the boundaries' `population` property is used. */
  @property() population?: string;

  /** Population as a value, instead of `population`. */
  @property({ attribute: false }) populationData?: unknown;

  /** `area` (choropleth, default), `bubbles` (proportional circles), `cluster` (MapLibre clusters) or `heat`. */
  @property({ reflect: true }) mode: CaseMode = 'area';

  /** `new` (cases that day, default), `cumulative` (since the range's first day) or `avg7` (7-day average). */
  @property({ reflect: true }) measure: Measure = 'new';

  /** What colours the areas in `area` mode: `count` (default), `rate` (per 100,000 over 7 days) or `risk` (levels 1–4). */
  @property() value: CaseValue = 'count';

  /** Class colours of counts and rates in `area` mode: a d3-scale-chromatic palette (default `YlOrRd`); the "< k" class takes its lightest. */
  @property() palette = CASE_PALETTE;

  /** The day shown (ISO `2021-08-03`); default the range's last day. Playback moves it. */
  @property() date?: string;

  /** First day of the range (ISO); default the first day with data. */
  @property() from?: string;

  /** Last day of the range (ISO); default the last day with data. */
  @property() to?: string;

  /** Counts from 1 to k − 1 read "< k". Values under 2 are taken as 2. */
  @property({ type: Number }) k = 5;

  /** Zoom from which individual case points are drawn. Unset (default): never; cases show by area only. */
  @property({ attribute: 'min-zoom-points', converter: { fromAttribute: zoomOrNever } }) minZoomPoints?: number;

  /** Properties of a case point a tooltip may show besides date and status (space-separated). */
  @property({ attribute: 'point-fields' }) pointFields = '';

  /** Playback speed, days per second. */
  @property({ type: Number }) speed = 4;

  /** Whether playback is running. */
  @property({ type: Boolean, reflect: true }) playing = false;

  /** Start again from the range's first day after the last. */
  @property({ type: Boolean }) loop = false;

  /** Seconds between refreshes of the feeds; 0: none. */
  @property({ type: Number }) refresh = 0;

  /** Milliseconds one request may take. */
  @property({ type: Number }) timeout = 15000;

  /** Whether the data table is shown. */
  @property({ type: Boolean, reflect: true, attribute: 'table-open' }) tableOpen = false;

  /**
   * Counts keyed by pre-2025 commune or province codes, drawn on the 2025 units: `auto` (default) adds them up
   * through the atlas's crosswalk (a new unit made of whole old ones gets their sum; one that took part of a
   * split old unit is not counted and is reported, never shared out by guess); `off` leaves the codes as they are.
   */
  @property() crosswalk: 'auto' | 'off' = 'auto';
}
