/**
 * Which atlas file a map with no `boundaries` draws: what its layers' data is about (provinces, or communes) and
 * where (`area`). Pure but for loading the commune index when `area` is a commune.
 */
import { loadCommuneIndex, type AtlasSpec, ATLAS_PROVINCES } from '@chiso/atlas';
import type { ChisoMapLayer } from './layer-api.js';

/** The atlas level a feed's areas are at: its commune codes (5 digits) or its province codes (2 digits), by majority. */
export function atlasLevelOf(observations: ReadonlyArray<{ area: string; level?: string }>): 'province' | 'commune' | undefined {
  let provinces = 0;
  let communes = 0;
  for (const o of observations) {
    if (o.level === 'country' || o.level === 'region' || o.area.startsWith('x:')) continue;
    if (o.level === 'commune' || /^\d{5}$/.test(o.area)) communes++;
    else if (o.level === 'province' || /^\d{2}$/.test(o.area)) provinces++;
  }
  if (!provinces && !communes) return undefined;
  return communes >= provinces ? 'commune' : 'province';
}

/**
 * The layers say what their data is at (waiting for it); provinces when all that know say provinces, else
 * communes: of `area`'s province when `area` is given, else the whole country.
 */
export async function chooseAtlas(area: string | undefined, layers: readonly ChisoMapLayer[], base?: string): Promise<AtlasSpec> {
  const levels = (await Promise.all(layers.map((l) => l.atlasLevel?.().catch(() => undefined)))).filter(Boolean);
  if (levels.length && levels.every((l) => l === 'province')) return { kind: 'provinces' };
  const code = String(area ?? '').trim();
  if (/^\d{1,2}$/.test(code) && ATLAS_PROVINCES.includes(code.padStart(2, '0'))) return { kind: 'communes', province: code.padStart(2, '0') };
  if (/^\d{4,5}$/.test(code)) {
    const index = await loadCommuneIndex(base).catch(() => undefined);
    const province = index?.byCode.get(code.padStart(5, '0'))?.provinceCode;
    if (province) return { kind: 'communes', province };
  }
  return { kind: 'communes' };
}
