/**
 * Vietnam's archipelagos in the East Sea (Biển Đông). Every chiso map that shows these waters labels Hoàng Sa
 * (a district-level unit of Đà Nẵng) and Trường Sa (of Khánh Hòa) as Vietnamese, and marks their main islands,
 * whether or not the boundaries given include them. Pure data.
 */

export interface Archipelago {
  key: 'hoangSa' | 'truongSa';
  /** GSO code of the province it belongs to. */
  province: string;
  /** Where the label is placed [lon, lat], and which side of the label touches that point. */
  label: [number, number];
  anchor: 'bottom' | 'right';
  /** Approximate positions of the main islands, for small markers [lon, lat, name]. */
  islands: Array<[number, number, string]>;
  /** The extent of the archipelago [west, south, east, north]. */
  bbox: [number, number, number, number];
}

export const ARCHIPELAGOS: Archipelago[] = [
  {
    key: 'hoangSa',
    province: '48',
    // Above the islands, clear of Hainan and of the Đà Nẵng coast.
    label: [112.0, 17.05],
    anchor: 'bottom',
    islands: [
      [112.335, 16.834, 'Phú Lâm'],
      [111.605, 16.532, 'Hoàng Sa'],
      [111.2, 15.785, 'Tri Tôn'],
      [111.745, 16.447, 'Quang Ảnh'],
      [112.73, 16.66, 'Linh Côn'],
    ],
    bbox: [111.0, 15.7, 112.9, 17.2],
  },
  {
    key: 'truongSa',
    province: '56',
    // West of the islands, over open sea, so the label stays inside a view fitted to Viet Nam.
    label: [111.55, 9.9],
    anchor: 'right',
    islands: [
      [111.92, 8.645, 'Trường Sa'],
      [114.333, 11.43, 'Song Tử Tây'],
      [114.329, 9.885, 'Sinh Tồn'],
      [114.365, 10.183, 'Nam Yết'],
      [112.916, 7.89, 'An Bang'],
      [114.286, 10.377, 'Sơn Ca'],
    ],
    bbox: [111.5, 6.8, 117.9, 11.6],
  },
];

/** The islands as a GeoJSON point collection (for a circle layer). */
export function archipelagoPoints(): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: ARCHIPELAGOS.flatMap((a) =>
      a.islands.map(([lon, lat, name]) => ({
        type: 'Feature' as const,
        properties: { name, archipelago: a.key },
        geometry: { type: 'Point' as const, coordinates: [lon, lat] },
      })),
    ),
  };
}
