// A map with a BTS layer, for the BTS tests (test/bts/).
import { html } from '@open-wc/testing';
import type { BtsStats, ChisoBtsLayer } from '@chiso/bts';
import type { ChisoMap } from '@chiso/map';
import { THAI_NGUYEN_COMMUNES } from './geo.js';
import { nextEvent } from './feeds.js';
import { mountMap } from './map-fixture.js';

export const SIZE = 'display:block;width:640px;--chiso-map-height:480px';

/**
 * Mounts a map with a BTS layer; resolves with the layer's chiso-ready stats. Sites are drawn one by one
 * (`cluster="off"`) unless asked, so these tests can find every site's symbol; clusters have tests of their own.
 */
export async function mountBts(sites: unknown, villages?: unknown, attrs: { operator?: string; tech?: string; radius?: string; cluster?: string; renderer?: string } = {}) {
  const { el, map } = await mountMap(THAI_NGUYEN_COMMUNES, html`<chiso-bts-layer .data=${sites} .villageData=${villages} operator=${attrs.operator ?? ''}
    tech=${attrs.tech ?? ''} radius=${attrs.radius ?? ''} cluster=${attrs.cluster ?? 'off'}></chiso-bts-layer>`, { label: 'Phủ sóng di động', style: SIZE, renderer: attrs.renderer });
  const layer = el.querySelector('chiso-bts-layer') as ChisoBtsLayer;
  // The map is ready once its layers' first drawing is done: the stats are there (or the layer failed).
  const stats = layer.stats ?? (await nextEvent<BtsStats>(layer, 'chiso-ready', 60000)).detail;
  await layer.updateComplete;
  return { el, layer, stats, map };
}

export const layerIds = (el: ChisoMap) => el.map!.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('chiso-bts-'));
export const idOf = (el: ChisoMap, suffix: string) => layerIds(el).find((id) => id.endsWith(suffix))!;

