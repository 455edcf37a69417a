import { property } from 'lit/decorators.js';
import { ChisoElement } from '@chiso/core/element';
import type { Bbox } from '../boundaries.js';

/** `west,south,east,north` in degrees, or undefined. */
function parseBbox(v: string | null): Bbox | undefined {
  const n = (v ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
  return n.length === 4 && n.every(Number.isFinite) && n[0] < n[2] && n[1] < n[3] ? (n as Bbox) : undefined;
}

/**
 * The attributes and properties of `<chiso-map>` (documented there), apart from its behaviour, so each file
 * stays readable: the way Material Web keeps an element's surface and its work in separate classes.
 */
export abstract class MapProperties extends ChisoElement {
  /**
   * The boundaries. `vn:communes/25` (the communes of province 25), `vn:communes` (all 3,321) or `vn:provinces`
   * (the 34) draw Vietnam's 2025 units shipped with chiso, no file needed; when `boundaries` is left out, the map
   * takes the atlas level its layers' data is at (the communes of `area`, or the provinces). Or a URL: GeoJSON,
   * TopoJSON, a PMTiles archive (`pmtiles://…` or `….pmtiles`) or an XYZ vector-tile template (`…/{z}/{x}/{y}.pbf`).
   */
  @property() boundaries?: string;

  /** Where the atlas files are (`…/atlas/`), for a portal that hosts them elsewhere; by default beside chiso.js. */
  @property({ attribute: 'atlas-base' }) atlasBase?: string;

  /** Where every map finds the atlas when its own `atlas-base` is unset (a page or a bundler sets it once). */
  static atlasBase?: string;

  /** Boundaries given directly (a GeoJSON or TopoJSON object); used when `boundaries` is unset. */
  @property({ attribute: false }) boundariesData?: unknown;

  /** Feature property holding the GSO code that feeds join on (default `code`; `id` uses the feature id). */
  @property({ attribute: 'join-key' }) joinKey = 'code';

  /** Feature property holding the area's name (default `name`). */
  @property({ attribute: 'name-key' }) nameKey = 'name';

  /** Layer name inside a vector source (PMTiles or XYZ). */
  @property({ attribute: 'source-layer' }) sourceLayer?: string;

  /** A GSO code to fit the view to: a commune, or every area whose `provinceCode` (or `districtCode`) it is. */
  @property({ reflect: true }) area?: string;

  /** The initial view as `west,south,east,north` (degrees); for vector sources, whose extent is not known up front. */
  @property({ converter: { fromAttribute: (v: string | null) => parseBbox(v) } }) bounds?: Bbox;

  /** Optional MapLibre style URL drawn under the data. None by default: no request leaves the page. */
  @property() basemap?: string;

  /** Credit shown in the attribution control (e.g. the boundaries' source). Plain text. */
  @property() attribution?: string;

  /** Accessible name of the map (default "Bản đồ" / "Map", or the first layer's indicator). */
  @property() label?: string;

  /** `cooperative` (default: the page scrolls, Ctrl/⌘ + scroll zooms) or `free`. */
  @property() gestures: 'cooperative' | 'free' = 'cooperative';

  /**
   * Fill the height the page gives the element (a dashboard panel stretched to its row): the map grows, its
   * controls and legends keep their own height; `--chiso-map-height` is then the least it takes.
   */
  @property({ type: Boolean, reflect: true }) fill = false;

  /**
   * A search box over the boundaries' names: typed without diacritics, with or without "Xã"/"Phường"; choosing
   * an area flies to it, outlines it and opens its tooltip. (Not for vector sources, whose names are not known
   * up front.)
   */
  @property({ type: Boolean }) search = false;

  /**
   * Keep the view in the page's address (centre and zoom, the selected area, the layers' period, day and
   * measure), under keys named by the map's id (or its \`<chiso-choropleth>\`'s): a copied link opens the same
   * view, Back and Forward follow the areas chosen, and a "copy link" button joins the controls.
   */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /**
   * On a map of the provinces, choosing one (click, Enter, search) opens its communes from the atlas with the same
   * layers, and a button goes back (\`chiso-drill\` each way). The layers do not warn about the feed's other level.
   */
  @property({ type: Boolean }) drill = false;

  /** Create the map at once instead of when it is scrolled into view. */
  @property({ type: Boolean }) eager = false;

  /**
   * What draws the map. `auto` (default): a 2D canvas at once, as soon as the boundaries and data are read, then
   * MapLibre (WebGL) takes over at the same view; where WebGL is missing, lost for good or all taken by other maps,
   * the canvas stays and the map stays usable. `canvas`: the canvas only (no WebGL context: many maps on a page,
   * printing, pictures). `maplibre`: MapLibre only (vector tiles and a basemap need it). `activeRenderer` says
   * which is drawing.
   */
  @property() renderer: 'auto' | 'canvas' | 'maplibre' = 'auto';

  /** Keep the drawing buffer so the canvas can be read back (screenshots, printing, tests); a little slower. */
  @property({ type: Boolean, attribute: 'preserve-drawing-buffer' }) preserveDrawingBuffer = false;
}
