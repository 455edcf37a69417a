/**
 * The normalized indicator model every chiso element reads, whatever the feed format.
 * Pure types: no DOM, usable from Node and workers.
 */

/** Text in Vietnamese and English; a plain string is taken as the same text in both. */
export type LocalizedText = string | { vi?: string; en?: string };

/** Whether a higher value is the better one (online rates) or the worse one (overdue dossiers). */
export type Direction = 'higher-is-better' | 'lower-is-better';

/** Administrative level of an area. `district` does not exist after the July 2025 reform. */
export type AreaLevel = 'country' | 'region' | 'province' | 'district' | 'commune' | 'village' | string;

export interface Indicator {
  id: string;
  name?: LocalizedText;
  description?: LocalizedText;
  /** `%` for rates, otherwise a unit such as `hồ sơ` or `trạm`. */
  unit?: string;
  /** Unit of numerator and denominator, e.g. `{ vi: 'hồ sơ', en: 'dossiers' }`. */
  countUnit?: LocalizedText;
  decimals?: number;
  direction?: Direction;
  target?: number;
  /** Band boundaries, ascending. `[50, 80]` gives three bands: below 50, 50–80, 80 and above. */
  thresholds?: number[];
  min?: number;
  max?: number;
  /**
   * How figures of several areas combine into one (old communes into a new one): `sum` (counts), `ratio` (rates,
   * recomputed from numerator and denominator), `none`. Default: `ratio` for `%` and units "per" something, else `sum`.
   */
  aggregation?: Aggregation;
}

export type Aggregation = 'sum' | 'ratio' | 'none';

export interface Observation {
  indicator: string;
  /** Area code: a GSO code when the area was matched (`"25"`, `"227"`, `"08116"`), else the publisher's key. */
  area: string;
  areaName?: string;
  level?: AreaLevel;
  /**
   * The tier of government a figure is about, for one area: Phú Thọ's dossiers handled at district level are
   * `{ area: '25', level: 'province', tier: 'district' }`, never a district of their own.
   */
  tier?: AreaLevel;
  /** ISO-style period: `2021`, `2021-Q1`, `2021-05`, `2021-05-23`. Empty when the feed has no time. */
  period: string;
  /** The value; `null` where the publisher marked it missing (`..`, `:`, `-`, empty). */
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** Publisher's status flag for the cell (JSON-stat status, e.g. `p` provisional). */
  status?: string;
  /** Further dimensions (e.g. `{ sex: 'Female' }`). */
  dims?: Record<string, string>;
  /** What the figure is about when that is not an area: a department, a unit (`{ id: 'so-tu-phap', name: 'Sở Tư pháp' }`). */
  subject?: { id: string; name?: LocalizedText };
  /** A rank the publisher gives (`16` of `rankOf` 63), 1 being the best. */
  rank?: number;
  /** How many were ranked. */
  rankOf?: number;
  /** How the source words the value: `nearly` (gần), `over` (hơn, trên), `about` (khoảng), `under` (dưới). */
  qualifier?: Qualifier;
  /** Where this figure was published, when it differs from the feed's `source`. */
  source?: FeedSource;
  /** A remark that travels with the figure. */
  note?: LocalizedText;
}

/** How a source words a value: "gần 860.000" is `nearly`, "hơn 50.560" and "trên 400" are `over`. */
export type Qualifier = 'nearly' | 'over' | 'about' | 'under';

export interface FeedSource {
  /** Who published it, or the publication's title. */
  name?: LocalizedText;
  url?: string;
  /** When the data was last updated (ISO 8601). */
  updated?: string;
  /** When the article or report was published (ISO 8601 date), when known. */
  published?: string;
  license?: string;
}

/** An area the feed names that could not be matched to a known code, kept so nothing is silently lost. */
export interface UnmatchedArea {
  /** The key or label as the publisher wrote it. */
  key: string;
  label?: string;
  /** How many observations carry it. */
  count: number;
}

/** A row whose code and name say different areas: the code was used, the name is reported. */
export interface AreaMismatch {
  /** The code used (a GSO code, or an aggregate's key when the name named the whole country or a region). */
  code: string;
  /** What that code (or name) is. */
  name: string;
  /** The name or code the row also gave, which disagrees. */
  label: string;
  count: number;
}

export type FeedFormat = 'chiso' | 'jsonstat2' | 'jsonstat1' | 'ckan' | 'geojson' | 'csv';

/** A point of a GeoJSON feed (a BTS site, a village, a case), with its properties as published. */
export interface FeedPoint {
  id: string;
  lon: number;
  lat: number;
  properties: Record<string, unknown>;
}

export interface FeedModel {
  format: FeedFormat;
  indicators: Indicator[];
  observations: Observation[];
  /** Point features of a GeoJSON feed. */
  points?: FeedPoint[];
  source?: FeedSource;
  unmatched: UnmatchedArea[];
  /** Rows whose code and name disagree (CSV, CKAN, GeoJSON): which was used and what the other said. */
  mismatched?: AreaMismatch[];
}

/** Picks the text of a {@link LocalizedText} for a language, falling back to the other one. */
export function localize(text: LocalizedText | undefined, lang: string): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  const primary = lang.startsWith('en') ? text.en : text.vi;
  return primary ?? text.vi ?? text.en ?? '';
}
