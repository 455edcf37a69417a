/**
 * The BTS layer under the pointer: tooltips for sites, cluster badges and villages (a site's wins over a
 * village's beneath it), a click on a site selects it, a click on a badge zooms in, and badges are drawn when
 * MapLibre asks for them. Bound through `MapBindings`, released with the map.
 */
import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import { addImageMaker, TapRule, type MapBindings, type MapContext } from '@chiso/map';
import { CLUSTER_MAX_ZOOM } from './site-clusters.js';
import type { BtsDrawing } from './bts-drawing.js';

/** What the pointer asks the layer. */
export interface BtsPointerHost {
  /** A shown site's place and tooltip lines (by its index among the shown sites). */
  site(i: number): { at: [number, number]; lines: string[] } | undefined;
  village(i: number): { at: [number, number]; lines: string[] } | undefined;
  clusterLines(props: Record<string, unknown>): string[];
  badge(id: string): ImageData | undefined;
  select(i: number): void;
}

export function bindBtsInteractions(ctx: MapContext, on: MapBindings, drawing: BtsDrawing, layer: BtsPointerHost): void {
  const { map } = ctx;
  const [, villagesId, sitesId, clustersId, gapsId] = drawing.ids;
  const index = (e: MapLayerMouseEvent) => {
    const i = e.features?.[0]?.properties?.i;
    return typeof i === 'number' ? i : -1;
  };
  const show = (shown: { at: [number, number]; lines: string[] } | undefined, pointer: boolean) => {
    if (!shown) return;
    if (pointer) map.getCanvas().style.cursor = 'pointer';
    ctx.host.showTooltip(shown.at, shown.lines);
  };
  const leave = () => {
    map.getCanvas().style.cursor = '';
    ctx.host.hideTooltip();
  };
  const villageMove = (e: MapLayerMouseEvent) => {
    // A site or badge drawn over a village with signal wins the pointer.
    const over = [sitesId, clustersId].filter((id) => map.getLayer(id));
    if (e.features?.[0]?.layer.id === villagesId && map.queryRenderedFeatures([e.point.x, e.point.y], { layers: over }).length) return;
    show(layer.village(index(e)), false);
  };
  const clusterClick = async (e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    if (!f?.properties?.cluster) return;
    const source = map.getSource(sitesId) as GeoJSONSource | undefined;
    const zoom = await source?.getClusterExpansionZoom(f.properties.cluster_id as number).catch(() => undefined);
    if (zoom != null) map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom: Math.min(zoom, CLUSTER_MAX_ZOOM + 1) });
  };
  on.on(map, 'mousemove', sitesId, (e) => show(layer.site(index(e)), true));
  on.on(map, 'mouseleave', sitesId, leave);
  const taps = new TapRule(); // a finger: the first tap shows the site's tooltip, the second selects it
  on.on(map, 'click', sitesId, (e) => {
    if (!taps.firstTap(e, `s${index(e)}`)) layer.select(index(e));
  });
  on.on(map, 'mousemove', villagesId, villageMove);
  on.on(map, 'mouseleave', villagesId, leave);
  on.on(map, 'mousemove', gapsId, villageMove);
  on.on(map, 'mouseleave', gapsId, leave);
  on.on(map, 'mousemove', clustersId, (e) => {
    const f = e.features?.[0];
    if (!f?.properties?.point_count) return;
    show({ at: (f.geometry as GeoJSON.Point).coordinates as [number, number], lines: layer.clusterLines(f.properties) }, true);
  });
  on.on(map, 'mouseleave', clustersId, leave);
  on.on(map, 'click', clustersId, (e) => void clusterClick(e));
  on.add(addImageMaker(map, (id) => {
    const badge = map.hasImage(id) ? undefined : layer.badge(id);
    if (badge) map.addImage(id, badge, { pixelRatio: 2 });
  }));
  on.add(() => drawing.clear(ctx));
}
