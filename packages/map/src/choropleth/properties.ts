import { property } from 'lit/decorators.js';
import { ChisoLayerElement } from '../layer-element.js';

/**
 * The attributes and properties of `<chiso-choropleth-layer>` (documented there), apart from its behaviour, so
 * each file stays readable: the way Material Web keeps an element's surface and its work in separate classes.
 */
export abstract class ChoroplethLayerProperties extends ChisoLayerElement {
  /** Feed URL: any format `parseFeed` reads (chiso, JSON-stat, CKAN, CSV, GeoJSON). */
  @property() src?: string;

  /** A feed object or a parsed model, instead of `src`. */
  @property({ attribute: false }) data?: unknown;

  /**
   * Id of an element on the page whose numbers this layer colours: it offers them as a feed through
   * `asFeed()` and says when they change with `chiso-ready`/`chiso-change`. A `<chiso-bts-layer>` does:
   * `<chiso-choropleth-layer from="bts">` colours communes by their coverage.
   */
  @property() from?: string;

  /** Seconds between refreshes of `src`; 0: none. */
  @property({ type: Number }) refresh = 0;

  /** Milliseconds one request may take. */
  @property({ type: Number }) timeout = 15000;

  /** Indicator id (default: the feed's first). */
  @property() indicator?: string;

  /** Period shown (default: the latest with data). Reflects the time slider. */
  @property({ reflect: true }) period?: string;

  /**
   * `thresholds` (the indicator's own thresholds, coloured good / fair / bad as on its gauge: the default when
   * the indicator has thresholds or a target), `quantile:5` (the default otherwise), `equal:5`, `ckmeans:5`
   * (natural breaks) or `manual:10 20 50` (lower bounds, inclusive).
   */
  @property() classes?: string;

  /** A d3-scale-chromatic palette name: `YlGnBu` (default, colour-blind safe), `Viridis`, `Blues`, `OrRd`… */
  @property() palette?: string;

  /** Reverse the palette (dark for low values). */
  @property({ type: Boolean }) reverse = false;

  /** Fill of areas without data (default a neutral grey, explained in the legend). */
  @property({ attribute: 'no-data-color' }) noDataColor?: string;

  /** Class breaks from `all` periods (default: colours mean the same over time) or the shown `period`. */
  @property({ attribute: 'breaks-over' }) breaksOver: 'all' | 'period' = 'all';

  /** Opacity of the fill, 0–1. */
  @property({ type: Number }) opacity = 1;

  /** Whether the data table is shown. */
  @property({ type: Boolean, reflect: true, attribute: 'table-open' }) tableOpen = false;

  /** Milliseconds per period while playing. */
  @property({ type: Number, attribute: 'play-interval' }) playInterval = 1200;

  /**
   * Figures keyed by the pre-2025 communes (or provinces) are carried onto the 2025 units of the map through the
   * atlas's crosswalk (`auto`, the default): counts summed, rates recomputed from their numerator and denominator,
   * an area left without a value (and saying why) when an old unit was split or has no figure. `off`: old codes are
   * reported as not on the map.
   */
  @property() crosswalk: 'auto' | 'off' = 'auto';
}
