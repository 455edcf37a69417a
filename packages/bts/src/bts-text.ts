/**
 * What the BTS layer says: the summary read out with the map, tooltips of sites, clusters, villages and areas,
 * and the warnings about skipped sites and unknown filters. Pure: no DOM.
 */
import { formatNumber } from '@chiso/core';
import { btsMsg } from './bts-i18n.js';
import type { RejectedSite, Site } from './coverage.js';
import type { Village } from './points.js';
import { OPERATORS, operatorLabel } from './site-symbols.js';
import type { BtsAreaStats, BtsStats } from './chiso-bts-layer.js';

/** What the words depend on. */
export interface BtsWording {
  lang: string;
  /** An area's name (the boundaries'), else its code. */
  nameOf(code: string): string;
}

export const pct = (w: BtsWording, value: number): string => `${formatNumber(value, w.lang, 1)} %`;

/** "12 sites skipped: 3 without coordinates, …" in `lang`. */
export function rejectedText(lang: string, rejected: readonly RejectedSite[]): string {
  const counts = new Map<string, number>();
  for (const r of rejected) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  const reasons = [...counts].map(([reason, n]) => btsMsg(lang, reason as 'no-coordinates', { n: formatNumber(n, lang) })).join(', ');
  return btsMsg(lang, 'rejected', { n: formatNumber(rejected.length, lang), reasons });
}

/** The warning for a `tech` filter that names no known technology (every technology is then shown). */
export function unknownTechText(tech: string): { vi: string; en: string } {
  return { vi: `Công nghệ "${tech}" không rõ; hiển thị mọi công nghệ.`, en: `Unknown technology "${tech}"; showing every technology.` };
}

/** The screen-reader summary: sites, share of land covered, and villages with and without signal. */
export function summaryText(w: BtsWording, s: BtsStats): string {
  const lang = w.lang;
  const land = Object.values(s.areas).reduce((t, a) => t + a.areaKm2, 0);
  let text = btsMsg(lang, 'summary', {
    sites: formatNumber(s.sites, lang), pct: pct(w, s.coveragePct),
    covered: formatNumber(Math.round(s.coveredAreaKm2), lang), land: formatNumber(Math.round(land), lang),
  });
  if (s.villages) {
    text += btsMsg(lang, 'summaryVillages', {
      covered: formatNumber(s.villages.covered, lang), total: formatNumber(s.villages.total, lang), uncovered: formatNumber(s.villages.uncovered.length, lang),
    });
  }
  return text;
}

/** A site's tooltip: id, operator, technologies, radius, sector and date in service. */
export function siteLines(w: BtsWording, site: Site, radius: number): string[] {
  const lang = w.lang;
  const lines = [
    `${btsMsg(lang, 'site')} ${site.id}`,
    `${btsMsg(lang, 'operator')}: ${operatorLabel(site.operator, btsMsg(lang, 'other'))}`,
    `${btsMsg(lang, 'tech')}: ${site.tech.join(', ')}`,
    `${btsMsg(lang, 'radius')}: ${formatNumber(radius / 1000, lang, radius % 1000 ? 1 : 0)} km`,
  ];
  if (site.azimuth !== undefined && site.beamwidth !== undefined) lines.push(btsMsg(lang, 'sector', { azimuth: formatNumber(site.azimuth, lang), beamwidth: formatNumber(site.beamwidth, lang) }));
  if (site.since) lines.push(`${btsMsg(lang, 'since')}: ${site.since}`);
  return lines;
}

/** A cluster badge's tooltip: sites in it by operator (`o0`, `o1`… counts, in OPERATORS order), and how to open it. */
export function clusterLines(w: BtsWording, props: Record<string, unknown>): string[] {
  const lang = w.lang;
  const lines = [btsMsg(lang, 'clusterTitle', { n: formatNumber(Number(props.point_count), lang) })];
  OPERATORS.forEach((op, k) => {
    const n = Number(props[`o${k}`]);
    if (n) lines.push(`${operatorLabel(op, btsMsg(lang, 'other'))}: ${btsMsg(lang, 'sitesShown', { n: formatNumber(n, lang) })}`);
  });
  lines.push(btsMsg(lang, 'clusterHint'));
  return lines;
}

/** A village's tooltip: its name, its area, and whether it has signal. */
export function villageLines(w: BtsWording, v: Village, gap: boolean, area: string | undefined): string[] {
  return [v.name, ...(area ? [w.nameOf(area)] : []), btsMsg(w.lang, gap ? 'gapTooltip' : 'coveredTooltip')];
}

/** An area's tooltip from the table: coverage, sites, villages without signal. */
export function areaLines(w: BtsWording, code: string, a: BtsAreaStats): string[] {
  const lang = w.lang;
  return [
    w.nameOf(code),
    `${btsMsg(lang, 'coveragePct')}: ${pct(w, a.coveragePct)}`,
    `${btsMsg(lang, 'sites')}: ${formatNumber(a.sites, lang)}`,
    ...(a.villages ? [`${btsMsg(lang, 'uncoveredVillages')}: ${formatNumber(a.villages.uncovered.length, lang)} / ${formatNumber(a.villages.total, lang)}`] : []),
  ];
}
