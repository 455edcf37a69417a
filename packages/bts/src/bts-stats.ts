/** The layer's public `stats` from a coverage result: communes with their villages, the skipped sites. Pure. */
import type { CoverageResult } from './coverage-client.js';
import type { RejectedSite } from './coverage.js';
import type { BtsAreaStats, BtsStats } from './chiso-bts-layer.js';

export function btsStatsOf(rejected: readonly RejectedSite[], result: CoverageResult): BtsStats {
  const { stats, villages } = result;
  const areas: Record<string, BtsAreaStats> = {};
  for (const [code, a] of Object.entries(stats.areas)) {
    const v = villages?.byArea?.[code];
    areas[code] = v ? { ...a, villages: v } : { ...a };
  }
  const out: BtsStats = { sites: stats.sites, coveredAreaKm2: stats.coveredAreaKm2, coveragePct: stats.coveragePct, areas, rejected: [...rejected] };
  if (villages) out.villages = { total: villages.total, covered: villages.covered, uncovered: [...villages.uncovered] };
  if (stats.byOperator) out.byOperator = stats.byOperator;
  return out;
}
