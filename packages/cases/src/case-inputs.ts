/**
 * The case layer's inputs read into what it draws: case points placed in their areas (by their own `area`, or
 * by their coordinates in the boundaries), counts by area and day from every feed, risk levels, population,
 * and the atlas level the data is at. Pure: no DOM, no map.
 */
import { normalizeAreaCode, type FeedModel } from '@chiso/core';
import type { CarryResult } from '@chiso/atlas';
import { areaOfEachPoint, type AreaShape } from './case-areas.js';
import { countPoints, indexCounts, mergeCounts, readCasePoints, readCountFeed, type CaseCounts, type CaseIndex, type CasePoint } from './case-model.js';

/** The boundaries as far as the cases need them. */
export interface CaseAreas {
  areas: ReadonlyMap<string, { properties: Record<string, unknown> }>;
  collection: { features: Array<{ id?: string | number; geometry: unknown }> };
}

export interface CaseInputs {
  /** The points feed (GeoJSON Points), or a feed of counts given as `src`. */
  points?: FeedModel;
  /** The counts feeds, already carried onto the map's units. */
  countModels: FeedModel[];
  population?: FeedModel;
  boundaries?: CaseAreas;
  /** Point properties a tooltip may show (everything else about a person is dropped here). */
  pointFields: readonly string[];
}

export interface CaseData {
  cases: CasePoint[];
  /** Per case, only the whitelisted properties. */
  pointSource: Array<Record<string, unknown>>;
  /** Points that could not be read. */
  skipped: number;
  /** Points with no area and no place inside the boundaries. */
  unlocated: number;
  riskLevels: Map<string, Array<[string, number]>>;
  counts: CaseCounts;
  index?: CaseIndex;
  areaRow: Map<string, number>;
  population: Map<string, number>;
  /** Neither points nor daily counts: what was given is not case data. */
  unreadable: boolean;
}

export function readCaseInputs(input: CaseInputs): CaseData {
  const { points, countModels, boundaries } = input;
  let cases: CasePoint[] = [];
  let skipped = 0;
  let pointSource: Array<Record<string, unknown>> = [];
  if (points?.points) {
    const read = readCasePoints(points.points);
    cases = read.cases;
    skipped = read.skipped;
    for (const c of cases) if (c.area) c.area = normalizeAreaCode(c.area);
    // Points without an area are placed by their coordinates, once the boundaries are known.
    const unplaced = cases.filter((c) => !c.area && c.lon !== undefined);
    if (unplaced.length && boundaries) {
      const areas = boundaries.collection.features.map((f) => ({ code: String(f.id), geometry: f.geometry }) as AreaShape);
      areaOfEachPoint(unplaced as Array<{ lon: number; lat: number }>, areas).forEach((code, i) => {
        if (code) unplaced[i].area = code;
      });
    }
    pointSource = cases.map((c) => {
      const props = points.points![c.ref!].properties;
      const kept: Record<string, unknown> = {};
      for (const f of input.pointFields) if (props[f] != null && typeof props[f] !== 'object') kept[f] = props[f];
      return kept;
    });
  }
  const read = countModels.map((m) => readCountFeed(m.observations));
  const fromFeed: CaseCounts = mergeCounts(...read.map((r) => r.counts));
  const counts = cases.length ? mergeCounts(countPoints(cases), fromFeed) : fromFeed;
  const index = counts.size ? indexCounts(counts) : undefined;
  // Population: the feed's latest figure per area, else the boundaries' own property.
  const population = new Map<string, number>();
  if (boundaries) {
    for (const [code, a] of boundaries.areas) {
      const p = Number(a.properties.population);
      if (p > 0) population.set(code, p);
    }
  }
  if (input.population) {
    const latest = new Map<string, string>();
    for (const o of input.population.observations) {
      if (o.value == null || !(o.value > 0)) continue;
      if ((latest.get(o.area) ?? '') > o.period) continue;
      latest.set(o.area, o.period);
      population.set(o.area, o.value);
    }
  }
  return {
    cases, pointSource, skipped, unlocated: cases.filter((c) => !c.area).length,
    riskLevels: new Map(read.flatMap((r) => [...r.risk])),
    counts, index, areaRow: new Map(index?.areas.map((a, i) => [a, i])), population,
    unreadable: (!!points || countModels.length > 0) && !cases.length && !skipped && read.every((r) => !r.dated),
  };
}

/** Two carries of old units onto the map's (points and counts read apart) as one. */
export function mergeCarry(a: CarryResult | undefined, b: CarryResult): CarryResult {
  return a ? { observations: [...a.observations, ...b.observations], carried: [...a.carried, ...b.carried], notCarried: [...a.notCarried, ...b.notCarried], unmatched: [...new Set([...a.unmatched, ...b.unmatched])].sort() } : b;
}
