/**
 * Old codes on the new map: which of a feed's figures are keyed by the pre-2025 units (by their period, or by
 * codes the 2025 boundaries lack but the crosswalk knows), and the feed with those carried onto the 2025 units
 * (`@chiso/atlas/crosswalk`: summed, or recomputed from their parts, never guessed). Pure.
 */
import { isAggregateLevel, knownEraOfPeriod, type FeedModel, type Observation } from '@chiso/core';
import { carryToNewCommunes, carryToNewProvinces, type CarryResult, type Crosswalk } from '@chiso/atlas/crosswalk';

const isCommune = (o: Observation) => o.level === 'commune' || (!o.level && /^\d{5}$/.test(o.area));
const isProvince = (o: Observation) => o.level === 'province' || (!o.level && /^\d{2}$/.test(o.area));

/**
 * Whether some figures may be keyed by old units, before the crosswalk is loaded: a period before July 2025, or
 * (no period) a commune or province code the boundaries do not have.
 */
export function mayNeedCrosswalk(model: FeedModel, known: ReadonlyMap<string, unknown> | ReadonlySet<string>): boolean {
  return model.observations.some((o) => {
    if (isAggregateLevel(o.level) || o.area.startsWith('x:') || o.tier) return false;
    if (!isCommune(o) && !isProvince(o)) return false;
    const era = knownEraOfPeriod(o.period);
    return era === 'pre2025' || (era === undefined && !known.has(o.area));
  });
}

export interface CarriedFeed {
  /** The feed with the old units' figures replaced by the new units' (figures already of new units are kept). */
  model: FeedModel;
  /** What was carried, what could not be and why, which old codes the crosswalk lacks. */
  result: CarryResult;
}

/** Carries the old units' figures of a feed onto the 2025 units; undefined when none are old. */
export function carryOldUnits(model: FeedModel, known: ReadonlyMap<string, unknown> | ReadonlySet<string>, crosswalk: Crosswalk): CarriedFeed | undefined {
  const oldProvinces = new Set(crosswalk.rows.map((r) => r.oldProvinceCode));
  const old: Observation[] = [];
  const kept: Observation[] = [];
  for (const o of model.observations) {
    const era = knownEraOfPeriod(o.period);
    const commune = isCommune(o);
    const province = isProvince(o);
    const oldCode = commune ? crosswalk.byOld.has(o.area) : province && oldProvinces.has(o.area);
    const isOld = !isAggregateLevel(o.level) && !o.tier && (commune || province)
      && (era === 'pre2025' || (era === undefined && !known.has(o.area) && oldCode));
    (isOld ? old : kept).push(o);
  }
  if (!old.length) return undefined;
  const communes = old.filter(isCommune);
  const provinces = old.filter((o) => !isCommune(o));
  const a = carryToNewCommunes(communes, crosswalk, model.indicators);
  const b = carryToNewProvinces(provinces, crosswalk, model.indicators);
  const result: CarryResult = {
    observations: [...a.observations, ...b.observations],
    carried: [...a.carried, ...b.carried],
    notCarried: [...a.notCarried, ...b.notCarried],
    unmatched: [...a.unmatched, ...b.unmatched],
  };
  return { model: { ...model, observations: [...kept, ...result.observations] }, result };
}
