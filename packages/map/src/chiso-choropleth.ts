import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { ChisoElement, tokens } from '@chiso/core/element';
import type { ChisoMap } from './chiso-map.js';
import type { ChisoChoroplethLayer } from './chiso-choropleth-layer.js';

/**
 * The webmaster's shorthand: a `<chiso-map>` with one `<chiso-choropleth-layer>` and a `<chiso-legend>`,
 * from attributes alone.
 *
 * ```html
 * <chiso-choropleth boundaries="xa.geojson" src="ty-le-dvc.json" classes="quantile:5"></chiso-choropleth>
 * ```
 *
 * Events of the inner elements (`chiso-ready`, `chiso-select`, `chiso-error`…) bubble out of it.
 *
 * @summary A commune map with one indicator and its legend, from two attributes.
 * @tag chiso-choropleth
 *
 * @fires chiso-ready - From the map (detail `{ areas }`) and from the layer (detail `{ breaks, colors, … }`).
 * @fires chiso-select - When an area is clicked or picked by keyboard. Detail: `{ area, name, value }`.
 * @fires chiso-error - When the boundaries or the feed cannot be shown.
 * @fires chiso-download - From the layer's download menu, before a file is saved (cancelable). Detail: `{ format, filename, text? , blob? }`.
 *
 * @csspart map - The inner `<chiso-map>`.
 * @csspart layer - The inner `<chiso-choropleth-layer>`.
 * @csspart legend - The inner `<chiso-legend>`.
 * @csspart download - The layer's "Tải xuống" (download) button (hidden by `no-download`).
 * @csspart download-menu - The layer's download menu: CSV, PNG, a link.
 * @csspart source - The layer's source line (hidden by `no-source`).
 * @csspart stale - "Dữ liệu cũ" at the end of the source line, after a failed refresh.
 */
export class ChisoChoropleth extends ChisoElement {
  static override styles = [tokens, css`:host { display: block; } chiso-legend { margin-top: 0.25rem; }
    :host([fill]) { display: flex; flex-direction: column; } :host([fill]) chiso-map { flex: 1 1 auto; }`];

  /** Fill the height the page gives the element: the map grows (see `<chiso-map fill>`). */
  @property({ type: Boolean, reflect: true }) fill = false;

  /**
   * Boundaries: left out, the map draws Vietnam's 2025 units shipped with chiso at the level of the feed (the
   * communes of `area`, or the 34 provinces); `vn:communes/25`, `vn:communes`, `vn:provinces`; or a URL (GeoJSON,
   * TopoJSON, PMTiles, XYZ).
   */
  @property() boundaries?: string;
  /** Where the atlas files are, when they are not beside chiso.js. */
  @property({ attribute: 'atlas-base' }) atlasBase?: string;
  /** `auto` (default): figures keyed by pre-2025 units are carried onto the 2025 map; `off`. */
  @property() crosswalk: 'auto' | 'off' = 'auto';
  /** Feed URL. */
  @property() src?: string;
  /** Feed object, instead of `src`. */
  @property({ attribute: false }) data?: unknown;
  @property() indicator?: string;
  @property({ reflect: true }) period?: string;
  @property() classes?: string;
  @property() palette?: string;
  @property({ type: Boolean }) reverse = false;
  @property({ attribute: 'join-key' }) joinKey = 'code';
  @property({ attribute: 'name-key' }) nameKey = 'name';
  @property({ attribute: 'source-layer' }) sourceLayer?: string;
  @property() area?: string;
  @property() basemap?: string;
  @property() label?: string;
  @property() attribution?: string;
  @property({ type: Number }) refresh = 0;
  @property({ type: Boolean }) eager = false;
  @property({ type: Boolean, attribute: 'preserve-drawing-buffer' }) preserveDrawingBuffer = false;
  @property({ type: Boolean, attribute: 'table-open' }) tableOpen = false;
  /** What draws the map: `auto`, `canvas` or `maplibre` (see `<chiso-map renderer>`). */
  @property() renderer: 'auto' | 'canvas' | 'maplibre' = 'auto';
  /** A search box over the communes' names (see `<chiso-map search>`). */
  @property({ type: Boolean }) search = false;
  /** On the provinces, a province chosen opens its communes (see `<chiso-map drill>`). */
  @property({ type: Boolean }) drill = false;
  /** Keep the view in the page's address, under this element's id (see `<chiso-map sync-url>`). */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  @property() gestures: 'cooperative' | 'free' = 'cooperative';
  /** The first view as `west,south,east,north`. */
  @property() bounds?: string;
  @property({ attribute: 'no-data-color' }) noDataColor?: string;
  @property({ attribute: 'breaks-over' }) breaksOver: 'all' | 'period' = 'all';
  @property({ type: Number }) timeout = 15000;

  /** The inner `<chiso-map>`. */
  get mapElement(): ChisoMap | null {
    return this.renderRoot?.querySelector('chiso-map') ?? null;
  }

  /** The inner `<chiso-choropleth-layer>`. */
  get layer(): ChisoChoroplethLayer | null {
    return this.renderRoot?.querySelector('chiso-choropleth-layer') ?? null;
  }

  /** The MapLibre map, once created. */
  get map() {
    return this.mapElement?.map;
  }

  /** Resolves with the MapLibre map once the map and the layer's data are drawn. */
  get ready() {
    return this.updateComplete.then(() => this.mapElement!.ready);
  }

  /** The layer's `{ breaks, colors, noData }`. */
  get legend() {
    return this.layer?.legend;
  }

  /** The fill colour of an area. */
  colorFor(area: string): string | undefined {
    return this.layer?.colorFor(area);
  }

  /** The layer's table as CSV (see `<chiso-choropleth-layer>`'s `toCSV()`); empty before there is data. */
  toCSV(): Promise<string> {
    return this.layer?.toCSV() ?? Promise.resolve('');
  }

  /** The map as a picture, with its title, legend, source and credits (see `<chiso-map>`'s `toImage()`). */
  toImage(options?: Parameters<ChisoMap['toImage']>[0]): Promise<Blob> {
    return this.updateComplete.then(() => this.mapElement!.toImage(options));
  }

  override render() {
    return html`<chiso-map part="map" exportparts="base: map-base, map: map-canvas, summary, error: map-error, search, search-input, search-list, drill-back"
        .boundaries=${this.boundaries} .atlasBase=${this.atlasBase} .joinKey=${this.joinKey} .nameKey=${this.nameKey} .sourceLayer=${this.sourceLayer}
        .area=${this.area} .basemap=${this.basemap} .label=${this.label} .attribution=${this.attribution} .lang=${this.lang}
        .theme=${this.theme} ?fill=${this.fill} ?search=${this.search} ?drill=${this.drill} ?sync-url=${this.syncUrl} ?eager=${this.eager} ?preserve-drawing-buffer=${this.preserveDrawingBuffer}
        .gestures=${this.gestures} .renderer=${this.renderer} bounds=${this.bounds ?? nothing}
        @chiso-ready=${this.onInnerReady} @chiso-error=${this.onInnerError}>
        <chiso-choropleth-layer part="layer" exportparts="download, download-menu, source, stale" .src=${this.src} .data=${this.data} .indicator=${this.indicator}
          .period=${this.period} .classes=${this.classes} .palette=${this.palette} .reverse=${this.reverse}
          .refresh=${this.refresh} .lang=${this.lang} .theme=${this.theme} .tableOpen=${this.tableOpen}
          .noDataColor=${this.noDataColor} .breaksOver=${this.breaksOver} .timeout=${this.timeout} .crosswalk=${this.crosswalk}
          .noDownload=${this.noDownload} .source=${this.source} .noSource=${this.noSource}
          @chiso-change=${this.syncPeriod} @chiso-ready=${this.syncPeriod}></chiso-choropleth-layer>
        <chiso-legend part="legend" .lang=${this.lang} .theme=${this.theme}></chiso-legend>
      </chiso-map>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.state === 'idle') this.setState('loading');
  }

  /** The shorthand's state follows its map: ready once drawn, error when the boundaries fail. */
  private onInnerReady = (e: Event) => {
    if ((e.target as Element).localName === 'chiso-map') this.setState('ready');
  };

  private onInnerError = (e: Event) => {
    if ((e.target as Element).localName === 'chiso-map') this.setState('error');
  };

  private syncPeriod = (e: Event) => {
    const layer = e.target as ChisoChoroplethLayer;
    if (layer.period !== this.period) this.period = layer.period;
  };
}
