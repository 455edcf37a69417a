/**
 * Old codes on the new map: figures keyed by pre-2025 communes (or provinces) carried onto the 2025 units through
 * the crosswalk, without inventing anything. A count is summed over the old units a new one was made of; a rate
 * is recomputed from its numerator and denominator (never averaged); a new unit is left without a value, with the
 * reason, when an old unit it took part of was split among several new ones, when one of its old units has no
 * figure, or when a rate comes without its base. Every carried figure lists the old units it came from. Pure.
 */
import type { Aggregation, Indicator, Observation } from '@chiso/core';

export interface CrosswalkRow {
  oldProvinceCode: string;
  oldDistrictCode: string;
  oldCode: string;
  oldName: string;
  newProvinceCode: string;
  newCode: string;
  /** The old commune was split among several new ones. */
  partial: boolean;
}

export interface Crosswalk {
  rows: CrosswalkRow[];
  byOld: Map<string, CrosswalkRow[]>;
  byNew: Map<string, CrosswalkRow[]>;
}

/** Reads `data/crosswalk.json` (`{ columns, rows }`). */
export function readCrosswalk(json: { columns: string[]; rows: unknown[][] }): Crosswalk {
  const at = (name: string) => json.columns.indexOf(name);
  const c = ['oldProvinceCode', 'oldDistrictCode', 'oldCode', 'oldName', 'newProvinceCode', 'newCode', 'partial'].map(at);
  const rows: CrosswalkRow[] = json.rows.map((r) => ({
    oldProvinceCode: String(r[c[0]]), oldDistrictCode: String(r[c[1]]), oldCode: String(r[c[2]]), oldName: String(r[c[3]]),
    newProvinceCode: String(r[c[4]]), newCode: String(r[c[5]]), partial: r[c[6]] === 1 || r[c[6]] === true,
  }));
  const byOld = new Map<string, CrosswalkRow[]>();
  const byNew = new Map<string, CrosswalkRow[]>();
  for (const row of rows) {
    byOld.set(row.oldCode, [...(byOld.get(row.oldCode) ?? []), row]);
    byNew.set(row.newCode, [...(byNew.get(row.newCode) ?? []), row]);
  }
  return { rows, byOld, byNew };
}

export type { Aggregation } from '@chiso/core';

/** `%` (and any unit "per" something) is a rate; a unit of things (hồ sơ, trạm, người) is a count. */
export function aggregationOf(indicator: Pick<Indicator, 'unit' | 'aggregation'> | undefined): Aggregation {
  if (indicator?.aggregation) return indicator.aggregation;
  const unit = indicator?.unit ?? '';
  return unit === '%' || /\/|‰|per\b|trên\b/i.test(unit) ? 'ratio' : 'sum';
}

export interface Carried {
  /** The new unit's code. */
  code: string;
  indicator: string;
  period: string;
  /** The old units it was made of, whose figures were combined. */
  from: string[];
  /** `same`: one old unit became this one whole; `sum` and `ratio` combine several. */
  how: 'same' | 'sum' | 'ratio';
}

export interface NotCarried {
  code: string;
  indicator: string;
  period: string;
  from: string[];
  /** `partial`: an old unit was split among several new ones; `missing`: an old unit has no figure; `no-base`: a rate without its numerator and denominator; `not-additive`: a figure that does not add up. */
  reason: 'partial' | 'missing' | 'no-base' | 'not-additive';
  /** The old units behind the reason. */
  detail: string[];
}

export interface CarryResult {
  /** Figures of the new units, each traceable through `carried`. */
  observations: Observation[];
  carried: Carried[];
  notCarried: NotCarried[];
  /** Old codes in the feed that the crosswalk does not know. */
  unmatched: string[];
}

/** The crosswalk between units, whichever level: an old unit's rows say which new units it went to. */
interface Links {
  /** New unit → the old units it was made of (`partial`: the old unit also went elsewhere). */
  parts(newCode: string): Array<{ old: string; partial: boolean }>;
  /** Old unit → the new units it went to. */
  targets(oldCode: string): string[] | undefined;
  level: string;
}

function carry(observations: readonly Observation[], links: Links, indicators: readonly Indicator[]): CarryResult {
  const result: CarryResult = { observations: [], carried: [], notCarried: [], unmatched: [] };
  const unmatched = new Set<string>();
  // indicator|period → old code → observation
  const groups = new Map<string, Map<string, Observation>>();
  for (const o of observations) {
    if (!links.targets(o.area)) {
      unmatched.add(o.area);
      continue;
    }
    // Figures told apart by a dimension (a case count's status, say) are carried apart.
    const key = `${o.indicator}\u0000${o.period}\u0000${o.dims ? JSON.stringify(Object.entries(o.dims).sort()) : ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Map()));
    g.set(o.area, o);
  }
  for (const [key, byOld] of groups) {
    const [indicator, period, dimsKey] = key.split('\u0000');
    const dims = dimsKey ? Object.fromEntries(JSON.parse(dimsKey) as Array<[string, string]>) : undefined;
    const how = aggregationOf(indicators.find((i) => i.id === indicator));
    const news = new Set<string>();
    for (const old of byOld.keys()) for (const n of links.targets(old)!) news.add(n);
    for (const code of [...news].sort()) {
      const parts = links.parts(code);
      const from = parts.map((p) => p.old);
      const no = (reason: NotCarried['reason'], detail: string[]) => result.notCarried.push({ code, indicator, period, from, reason, detail });
      const split = parts.filter((p) => p.partial).map((p) => p.old);
      if (split.length) { no('partial', split); continue; }
      const missing = from.filter((old) => byOld.get(old)?.value == null);
      if (missing.length) { no('missing', missing); continue; }
      const obs = from.map((old) => byOld.get(old)!);
      const name = obs.length === 1 ? obs[0].areaName : undefined;
      const out: Observation = { indicator, area: code, level: links.level, period, value: null, ...(dims ? { dims } : {}) };
      if (name) out.areaName = name;
      if (obs.length === 1) {
        // One old unit became this one whole: its figure is this one's, whatever it measures.
        const [o] = obs;
        Object.assign(out, { value: o.value }, o.numerator != null ? { numerator: o.numerator } : {}, o.denominator != null ? { denominator: o.denominator } : {});
        result.observations.push(out);
        result.carried.push({ code, indicator, period, from, how: 'same' });
        continue;
      }
      if (how === 'none') { no('not-additive', from); continue; }
      if (how === 'ratio') {
        const base = obs.filter((o) => o.numerator == null || o.denominator == null).map((o) => o.area);
        if (base.length) { no('no-base', base); continue; }
        const numerator = obs.reduce((t, o) => t + o.numerator!, 0);
        const denominator = obs.reduce((t, o) => t + o.denominator!, 0);
        if (!(denominator > 0)) { no('no-base', from); continue; }
        Object.assign(out, { value: (numerator / denominator) * 100, numerator, denominator });
      } else {
        out.value = obs.reduce((t, o) => t + (o.value as number), 0);
        const nums = obs.map((o) => o.numerator);
        if (nums.every((n) => n != null)) out.numerator = nums.reduce((t, n) => t! + n!, 0) as number;
      }
      result.observations.push(out);
      result.carried.push({ code, indicator, period, from, how: how === 'ratio' ? 'ratio' : 'sum' });
    }
  }
  result.unmatched = [...unmatched].sort();
  return result;
}

/** Carries figures keyed by pre-2025 commune codes onto the 2025 communes (see the module's notes). */
export function carryToNewCommunes(observations: readonly Observation[], crosswalk: Crosswalk, indicators: readonly Indicator[] = []): CarryResult {
  return carry(observations, {
    level: 'commune',
    targets: (old) => crosswalk.byOld.get(old)?.map((r) => r.newCode),
    parts: (code) => (crosswalk.byNew.get(code) ?? []).map((r) => ({ old: r.oldCode, partial: r.partial })),
  }, indicators);
}

/**
 * The 63 provinces before July 2025 onto the 34 after: a new province is the sum of the old provinces it took in
 * whole; one that took part of an old province (old An Giang, 89, went to An Giang and Đồng Tháp) is not carried.
 */
export function carryToNewProvinces(observations: readonly Observation[], crosswalk: Crosswalk, indicators: readonly Indicator[] = []): CarryResult {
  const targets = new Map<string, Set<string>>();
  for (const r of crosswalk.rows) {
    // Five island districts that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) are rows with a
    // district code and no old province: at province level they are part of their province, not a unit of their own.
    if (!r.oldProvinceCode) continue;
    let t = targets.get(r.oldProvinceCode);
    if (!t) targets.set(r.oldProvinceCode, (t = new Set()));
    t.add(r.newProvinceCode);
  }
  const parts = new Map<string, Array<{ old: string; partial: boolean }>>();
  for (const [old, news] of targets) for (const n of news) parts.set(n, [...(parts.get(n) ?? []), { old, partial: news.size > 1 }]);
  return carry(observations, {
    level: 'province',
    targets: (old) => (targets.has(old) ? [...targets.get(old)!] : undefined),
    parts: (code) => parts.get(code) ?? [],
  }, indicators);
}
