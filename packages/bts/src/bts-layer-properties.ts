import { property } from 'lit/decorators.js';
import { ChisoLayerElement } from '@chiso/map';
import type { Environment } from './coverage.js';

/**
 * The attributes and properties of `<chiso-bts-layer>` (documented there), apart from its behaviour, so each
 * file stays readable: the way Material Web keeps an element's surface and its work in separate classes.
 */
export abstract class BtsLayerProperties extends ChisoLayerElement {
  /** Sites feed URL: GeoJSON Points, or JSON records with `lon`/`lat`. */
  @property() src?: string;

  /** Sites as a value (GeoJSON FeatureCollection, an array of records, or `{ sites: [...] }`), instead of `src`. */
  @property({ attribute: false }) data?: unknown;

  /** Villages (thôn, bản) feed URL: GeoJSON Points or records with `lon`/`lat`, `id` and `name`. */
  @property() villages?: string;

  /** Villages as a value, instead of `villages`. */
  @property({ attribute: false }) villageData?: unknown;

  /** Only these operators (space- or comma-separated: `Viettel VNPT`); all when empty. */
  @property() operator?: string;

  /** Only these technologies (`4G`, `4G 5G`); all when empty. */
  @property() tech?: string;

  /** Radius per technology for this layer, metres: `4g:3000 5g:800`. A site's own `radius_m` wins. */
  @property() radius?: string;

  /** Default radii for `rural` (default) or `urban` areas. */
  @property() environment: Environment = 'rural';

  /** Opacity of the coverage fill, 0–1. */
  @property({ type: Number, attribute: 'coverage-opacity' }) coverageOpacity = 0.35;

  /** Also compute each operator's own coverage (`stats.byOperator`, a table row each); one more sweep per operator. */
  @property({ type: Boolean, attribute: 'per-operator' }) perOperator = false;

  /** Hide the coverage fill (the numbers are still computed). */
  @property({ type: Boolean, attribute: 'hide-coverage' }) hideCoverage = false;

  /** Hide the site symbols. */
  @property({ type: Boolean, attribute: 'hide-sites' }) hideSites = false;

  /**
   * `auto` (default): below zoom 11, sites that would touch on screen are drawn as one badge (a ring coloured by
   * operator around the number of sites; click it to zoom in), so a whole province's sites stay readable; each
   * site shows from zoom 11 on. `off`: every site is its own symbol at every zoom.
   */
  @property() cluster: 'auto' | 'off' = 'auto';

  /**
   * Longest side of the coverage picture, pixels: sharper when zoomed in, slower to draw and upload. Default
   * (0): 1.25 × the map's larger side in device pixels, between 512 and 2048 (`npm run bench` shows the cost).
   */
  @property({ type: Number, attribute: 'coverage-resolution' }) coverageResolution = 0;

  /** Seconds between refreshes of `src` and `villages`; 0: none. */
  @property({ type: Number }) refresh = 0;

  /** Milliseconds one request may take. */
  @property({ type: Number }) timeout = 15000;

  /** Whether the data tables are shown. */
  @property({ type: Boolean, reflect: true, attribute: 'table-open' }) tableOpen = false;
}
