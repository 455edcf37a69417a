/**
 * The BTS layer's MapLibre drawing, bottom to top: the coverage picture (one image from the worker), villages
 * with signal, site symbols (shape by technology, colour by operator), cluster badges, and villages without
 * signal above everything. Icons and badges are redrawn in the theme's operator colours.
 */
import type { GeoJSONSource, ImageSource } from 'maplibre-gl';
import type { MapContext } from '@chiso/map';
import { TECHNOLOGIES, type Operator, type Site, type Technology } from './coverage.js';
import type { CoverageResult } from './coverage-client.js';
import { frameCorners } from './coverage-raster.js';
import type { Village } from './points.js';
import { drawSiteIcon, iconId, OPERATORS } from './site-symbols.js';
import { clusterCounts, clusterIconName, clusterSourceOptions, drawClusterBadge } from './site-clusters.js';

/** Colours and visibility the element's attributes and theme set. */
export interface BtsPaint {
  coverageOpacity: number;
  hideCoverage: boolean;
  hideSites: boolean;
  /** Gap villages, and villages with signal. */
  gap: string;
  village: string;
  operatorColor(op: Operator): string;
  lang: string;
}

/** What one drawing puts on the map. */
export interface BtsScene {
  result: CoverageResult;
  villages: readonly Village[];
  gaps: ReadonlySet<string>;
  sites: ReadonlyArray<{ site: Site; radius: number }>;
  /** The technology whose symbol each site shows. */
  symbolTech(site: Site): Technology;
  clustered: boolean;
}

export class BtsDrawing {
  private drawnClustered?: boolean;
  private readonly clusterImages = new Set<string>();

  constructor(readonly layerId: string) {}

  /** Bottom to top: coverage, villages with signal, sites, site clusters, villages without signal (always on top). */
  get ids(): [coverage: string, villages: string, sites: string, clusters: string, gaps: string] {
    const id = this.layerId;
    return [`${id}-coverage`, `${id}-villages`, `${id}-sites`, `${id}-clusters`, `${id}-gaps`];
  }

  get clusterPrefix(): string {
    return `${this.layerId}-cluster-`;
  }

  draw(ctx: MapContext, scene: BtsScene, paint: BtsPaint): void {
    const { map } = ctx;
    const { result } = scene;
    const [coverageId, villagesId, sitesId, clustersId, gapsId] = this.ids;
    // Icons: one per operator × technology, regenerated with the theme's colours.
    for (const op of OPERATORS) {
      const color = paint.operatorColor(op);
      for (const t of TECHNOLOGIES) {
        const id = iconId(this.layerId, op, t);
        const image = drawSiteIcon(t, color);
        if (map.hasImage(id)) map.updateImage(id, image);
        else map.addImage(id, image, { pixelRatio: 2 });
      }
    }
    // Coverage: one picture from the worker, laid over the boundaries.
    if (result.image && result.frame) {
      const coordinates = frameCorners(result.frame);
      const source = map.getSource(coverageId) as ImageSource | undefined;
      if (source) source.updateImage({ image: result.image, coordinates });
      else {
        map.addSource(coverageId, { type: 'image', coordinates } as never);
        (map.getSource(coverageId) as ImageSource).updateImage({ image: result.image, coordinates });
      }
      if (!map.getLayer(coverageId)) {
        map.addLayer({
          id: coverageId, type: 'raster', source: coverageId,
          paint: { 'raster-opacity': paint.coverageOpacity, 'raster-fade-duration': 0, 'raster-resampling': 'linear' },
        }, ctx.beforeId);
      }
    }
    this.setGeoJson(ctx, villagesId, scene.villages.map((v, i) => ({
      type: 'Feature' as const, id: i, properties: { i, gap: scene.gaps.has(v.id) }, geometry: { type: 'Point' as const, coordinates: [v.lon, v.lat] },
    })));
    if (!map.getLayer(villagesId)) {
      // Villages with signal under the sites; those without in a layer of their own above everything.
      map.addLayer({
        id: villagesId, type: 'circle', source: villagesId, filter: ['!', ['get', 'gap']],
        paint: { 'circle-radius': 2.5, 'circle-color': villageColor(paint) as never, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.5 },
      });
      map.addLayer({
        id: gapsId, type: 'circle', source: villagesId, filter: ['get', 'gap'],
        paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 4, 11, 6], 'circle-color': villageColor(paint) as never, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
      });
    }
    const siteFeatures = scene.sites.map(({ site }, i) => ({
      type: 'Feature' as const, id: i,
      properties: { i, operator: site.operator, icon: iconId(this.layerId, site.operator, scene.symbolTech(site)) },
      geometry: { type: 'Point' as const, coordinates: [site.lon, site.lat] },
    }));
    if (this.drawnClustered !== undefined && this.drawnClustered !== scene.clustered) {
      // A source's clustering is fixed when it is made: a change makes it again.
      for (const id of [clustersId, sitesId]) if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(sitesId)) map.removeSource(sitesId);
    }
    this.drawnClustered = scene.clustered;
    this.setGeoJson(ctx, sitesId, siteFeatures, scene.clustered ? clusterSourceOptions() : {});
    const below = map.getLayer(gapsId) ? gapsId : undefined;
    if (!map.getLayer(sitesId)) {
      map.addLayer({
        id: sitesId, type: 'symbol', source: sitesId, filter: ['!', ['has', 'point_count']],
        layout: { 'icon-image': ['get', 'icon'], 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-size': ['interpolate', ['linear'], ['zoom'], 7, 0.35, 9, 0.5, 11, 0.8, 13, 1] },
      }, below);
    }
    if (scene.clustered && !map.getLayer(clustersId)) {
      // The badge is a picture named by its counts per operator, drawn when MapLibre first asks for it.
      map.addLayer({
        id: clustersId, type: 'symbol', source: sitesId, filter: ['has', 'point_count'],
        layout: { 'icon-image': clusterIconName(this.clusterPrefix) as never, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
      }, below);
    }
    this.applyPaint(ctx, paint);
  }

  /** Colours, opacity and visibility (a theme or attribute change); badges drawn before take the new operator colours. */
  applyPaint(ctx: MapContext, paint: BtsPaint): void {
    const { map } = ctx;
    const [coverageId, villagesId, sitesId, clustersId, gapsId] = this.ids;
    for (const id of [villagesId, gapsId]) if (map.getLayer(id)) map.setPaintProperty(id, 'circle-color', villageColor(paint) as never);
    for (const id of this.clusterImages) if (map.hasImage(id)) map.updateImage(id, this.clusterImage(id, paint));
    if (map.getLayer(clustersId)) map.setLayoutProperty(clustersId, 'visibility', paint.hideSites ? 'none' : 'visible');
    if (map.getLayer(coverageId)) {
      map.setPaintProperty(coverageId, 'raster-opacity', Math.max(0, Math.min(1, Number(paint.coverageOpacity) || 0)));
      map.setLayoutProperty(coverageId, 'visibility', paint.hideCoverage ? 'none' : 'visible');
    }
    if (map.getLayer(sitesId)) map.setLayoutProperty(sitesId, 'visibility', paint.hideSites ? 'none' : 'visible');
  }

  /** A cluster's badge (ring by operator around the count), or undefined when `id` is not this layer's. */
  badgeFor(id: string, paint: BtsPaint): ImageData | undefined {
    return id.startsWith(this.clusterPrefix) ? this.clusterImage(id, paint) : undefined;
  }

  /** Removes every layer, source and picture of this layer (the map may be gone already). */
  clear(ctx: MapContext): void {
    const { map } = ctx;
    try {
      for (const id of [...this.ids].reverse()) {
        if (map.getLayer(id)) map.removeLayer(id);
        if (map.getSource(id)) map.removeSource(id);
      }
      for (const op of OPERATORS) for (const t of TECHNOLOGIES) if (map.hasImage(iconId(this.layerId, op, t))) map.removeImage(iconId(this.layerId, op, t));
      for (const id of this.clusterImages) if (map.hasImage(id)) map.removeImage(id);
    } finally {
      this.clusterImages.clear();
      this.drawnClustered = undefined;
    }
  }

  /** Badges drawn, by name, words and colours: MapLibre taking over from the canvas asks for every one again. */
  private readonly badges = new Map<string, ImageData>();

  private clusterImage(id: string, paint: BtsPaint): ImageData {
    this.clusterImages.add(id);
    const key = `${id}|${paint.lang}|${OPERATORS.map((op) => paint.operatorColor(op)).join()}`;
    let badge = this.badges.get(key);
    if (!badge) {
      if (this.badges.size > 500) this.badges.clear(); // a long session of zooming: start again rather than grow
      badge = drawClusterBadge(clusterCounts(id, this.clusterPrefix), (op) => paint.operatorColor(op), paint.lang);
      this.badges.set(key, badge);
    }
    return badge;
  }

  private setGeoJson(ctx: MapContext, id: string, features: unknown[], options: Record<string, unknown> = {}): void {
    const data = { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection;
    const source = ctx.map.getSource(id) as GeoJSONSource | undefined;
    if (source) source.setData(data);
    else ctx.map.addSource(id, { type: 'geojson', data, buffer: 16, ...options } as never);
  }
}

/** Gap villages in the gap colour, the others in the village colour. */
const villageColor = (paint: BtsPaint): unknown[] => ['case', ['get', 'gap'], paint.gap, paint.village];
