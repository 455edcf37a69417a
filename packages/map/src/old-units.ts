/**
 * Old codes on the new map: which of a feed's figures are keyed by the pre-2025 units (by their period, or by
 * codes the 2025 boundaries lack but the crosswalk knows), and the feed with those carried onto the 2025 units
 * (`@chiso/atlas/crosswalk`: summed, or recomputed from their parts, never guessed). Pure.
 */
import { isAggregateLevel, knownEraOfPeriod, type FeedModel, type Observation } from '@chiso/core';
import { carryToNewCommunes, carryToNewProvinces, type CarryResult, type Crosswalk } from '@chiso/atlas/crosswalk';

const isCommune = (o: Observation) => o.level === 'commune' || (!o.level && /^\d{5}$/.test(o.area));
const isProvince = (o: Observation) => o.level === 'province' || (!o.level && /^\d{2}$/.test(o.area));

/** Figures that could be of old units: commune or province codes, not aggregates or tiers, and no period after the reform. */
const candidate = (o: Observation) => !isAggregateLevel(o.level) && !o.area.startsWith('x:') && !o.tier && (isCommune(o) || isProvince(o))
  && knownEraOfPeriod(o.period) !== '2025';

type Known = ReadonlyMap<string, unknown> | ReadonlySet<string>;

/**
 * Only figures of the map's own level can be of its old units: on a map of the provinces, a feed's commune
 * figures are another level (a map with \`drill\` opens them), not old provinces.
 */
const ofMapLevel = (known: Known) => {
  const first = known.keys().next().value as string | undefined;
  return first?.length === 2 ? isProvince : first?.length === 5 ? isCommune : () => true;
};

/** Whether some figures may be keyed by old units, before the crosswalk is loaded: codes the boundaries do not have. */
export function mayNeedCrosswalk(model: FeedModel, known: Known): boolean {
  const level = ofMapLevel(known);
  return model.observations.some((o) => candidate(o) && level(o) && !known.has(o.area));
}

export interface CarriedFeed {
  /** The feed with the old units' figures replaced by the new units' (figures already of new units are kept). */
  model: FeedModel;
  /** What was carried, what could not be and why, which old codes the crosswalk lacks. */
  result: CarryResult;
}

/**
 * Carries the old units' figures of a feed onto the 2025 units; undefined when the feed is not keyed by old units.
 * A feed is, when more than a tenth of its codes are not on the map but are old codes the crosswalk knows (new
 * communes took the code of one of the old ones, so codes alone cannot tell for each figure): then every figure
 * with no period after the reform is carried, those whose codes happen to be 2025 codes too.
 */
export function carryOldUnits(model: FeedModel, known: Known, crosswalk: Crosswalk): CarriedFeed | undefined {
  const oldProvinces = new Set(crosswalk.rows.map((r) => r.oldProvinceCode));
  const isOldCode = (o: Observation) => (isCommune(o) ? crosswalk.byOld.has(o.area) : oldProvinces.has(o.area));
  const level = ofMapLevel(known);
  const carriable = (o: Observation) => candidate(o) && level(o);
  const candidates = model.observations.filter(carriable);
  const codes = new Set(candidates.map((o) => o.area));
  const oldOnly = new Set(candidates.filter((o) => !known.has(o.area) && isOldCode(o)).map((o) => o.area));
  if (!codes.size || oldOnly.size <= codes.size * 0.1) return undefined;
  const old: Observation[] = [];
  const kept: Observation[] = [];
  for (const o of model.observations) (carriable(o) ? old : kept).push(o);
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
