/**
 * Which area each located case falls in, for cases given with coordinates and no area code. Pure (no DOM):
 * `@turf/bbox` for a quick box test, `@turf/boolean-point-in-polygon` for the exact one (holes and
 * multipolygons included). A point on no area gets ''.
 */
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';

export interface AreaShape {
  code: string;
  geometry: Polygon | MultiPolygon;
}

/** The code of the first area containing each point ('' when none does), in the points' order. */
export function areaOfEachPoint(points: ReadonlyArray<{ lon: number; lat: number }>, areas: readonly AreaShape[]): string[] {
  const boxes = areas.map((a) => bbox(a.geometry));
  return points.map(({ lon, lat }) => {
    for (let i = 0; i < areas.length; i++) {
      const [w, s, e, n] = boxes[i];
      if (lon < w || lon > e || lat < s || lat > n) continue;
      if (booleanPointInPolygon([lon, lat], areas[i].geometry)) return areas[i].code;
    }
    return '';
  });
}
