/**
 * The case layer on the map under the pointer: tooltips for areas, circles, clusters and points (an area's
 * gives way to a point layer's), and a click selects an area or zooms into a cluster. Everything is bound through
 * `MapBindings`, released with the map.
 */
import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import { pointLayerUnder, TapRule, type MapBindings, type MapContext } from '@chiso/map';
import type { CaseDrawing, CaseMode } from './case-drawing.js';

/** What the pointer asks the layer. */
export interface CasePointerHost {
  mode(): CaseMode;
  areaLines(code: string): string[];
  clusterLines(cases: number, value: number): string[];
  /** A case point's place and lines; undefined when there is no such case. */
  pointLines(i: number): { at: [number, number]; lines: string[] } | undefined;
  select(code: string): void;
}

export function bindCaseInteractions(ctx: MapContext, on: MapBindings, drawing: CaseDrawing, layer: CasePointerHost): void {
  const { map } = ctx;
  const ids = drawing.ids;
  const areaMove = (e: MapLayerMouseEvent) => {
    // An area's tooltip gives way to a point layer's (BTS sites, villages, circles) under the pointer.
    if (layer.mode() !== 'area' || pointLayerUnder(ctx, e.point)) return;
    const id = e.features?.[0]?.id;
    if (id == null) return;
    ctx.host.setHover(String(id));
    ctx.host.showTooltip([e.lngLat.lng, e.lngLat.lat], layer.areaLines(String(id)));
  };
  const circleMove = (e: MapLayerMouseEvent) => {
    const p = e.features?.[0]?.properties;
    if (!p) return;
    map.getCanvas().style.cursor = 'pointer';
    const lngLat = (e.features![0].geometry as GeoJSON.Point).coordinates as [number, number];
    ctx.host.showTooltip(lngLat, p.cluster ? layer.clusterLines(p.c, p.n) : layer.areaLines(String(p.a)));
  };
  const pointMove = (e: MapLayerMouseEvent) => {
    const i = e.features?.[0]?.properties?.i;
    const shown = typeof i === 'number' ? layer.pointLines(i) : undefined;
    if (shown) ctx.host.showTooltip(shown.at, shown.lines);
  };
  const leave = () => {
    map.getCanvas().style.cursor = '';
    ctx.host.setHover(null);
    ctx.host.hideTooltip();
  };
  const taps = new TapRule(); // a finger: the first tap shows the tooltip (as hovering does), the second selects
  const areaClick = (e: MapLayerMouseEvent) => {
    const id = e.features?.[0]?.id;
    // A click on a point layer's feature (a BTS site, a circle) is that feature's, not the area's under it.
    if (layer.mode() === 'area' && id != null && !pointLayerUnder(ctx, e.point) && !taps.firstTap(e, `a${id}`)) layer.select(String(id));
  };
  const circleClick = async (e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    if (!f) return;
    if (f.properties?.cluster) {
      const source = map.getSource(ids.anchors) as GeoJSONSource;
      const zoom = await source.getClusterExpansionZoom(f.properties.cluster_id as number);
      map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom });
    } else if (!taps.firstTap(e, `c${f.properties?.a}`)) layer.select(String(f.properties?.a));
  };
  on.on(map, 'mousemove', ids.fill, areaMove);
  on.on(map, 'mouseleave', ids.fill, leave);
  on.on(map, 'click', ids.fill, areaClick);
  on.on(map, 'mousemove', ids.circles, circleMove);
  on.on(map, 'mouseleave', ids.circles, leave);
  on.on(map, 'click', ids.circles, (e) => void circleClick(e));
  on.on(map, 'mousemove', ids.points, pointMove);
  on.on(map, 'mouseleave', ids.points, leave);
  on.add(() => drawing.clear(ctx));
}
