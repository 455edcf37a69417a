// Boundaries as TopoJSON (the atlas's own file), XYZ vector tiles and a PMTiles archive (made by the test server
// from it): the same 92 communes of Thái Nguyên drawn, in the colours colorFor reports.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@chiso/map';
import type { ChisoMap, ChisoChoroplethLayer } from '@chiso/map';
import { densityFeed, loadShared, THAI_NGUYEN_COMMUNES } from '../helpers/geo.js';

const FILE = 'atlas/communes/19.json';
const SIZE = 'display:block;width:640px;--chiso-map-height:420px';

async function mount(boundaries: string, sourceLayer?: string) {
  const features = (await loadShared(THAI_NGUYEN_COMMUNES))!.features;
  const el = await fixture<ChisoMap>(html`<chiso-map style=${SIZE} eager boundaries=${boundaries} source-layer=${sourceLayer ?? ''} area="19">
    <chiso-choropleth-layer .data=${densityFeed(features)}></chiso-choropleth-layer></chiso-map>`);
  const map = await el.ready;
  const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
  const id = map.getStyle().layers.map((l) => l.id).find((i) => i.startsWith('chiso-choropleth-'))!;
  return { el, map, layer, id, features };
}

describe('boundary formats', function () {
  this.timeout(60000);
  it('TopoJSON', async () => {
    const { el, map, layer, id } = await mount(THAI_NGUYEN_COMMUNES);
    expect(el.boundaryAreas!.areas.size).to.equal(92);
    // Every commune drawn, once the map is at rest (a few runs in a hundred under load read it a frame or a resize
    // early, with some tiles still coming).
    const codes = () => new Set(map.queryRenderedFeatures({ layers: [id] }).map((f) => String(f.properties.chiso_code)));
    await waitUntil(() => codes().size === 92, `every commune drawn (${codes().size} of 92)`, { timeout: 10000 });
    expect(layer.legend.colors).to.have.length(5);
  });

  for (const [kind, url] of [
    ['XYZ vector tiles', `/__tiles/${FILE}/{z}/{x}/{y}.pbf`],
    ['a PMTiles archive', `/__pmtiles/${FILE}.pmtiles`],
  ] as const) {
    it(kind, async () => {
      const { map, layer, id } = await mount(url, 'communes');
      const features = map.queryRenderedFeatures({ layers: [id] });
      const codes = new Set(features.map((f) => String(f.properties.code)));
      expect(codes.size).to.be.greaterThan(85); // tiles may clip a sliver commune at the view's edge
      // Each rendered feature's evaluated fill is the colour colorFor reports for its code.
      for (const f of features) {
        const fill = (f.layer.paint as Record<string, { r: number; g: number; b: number }>)['fill-color'];
        const want = layer.colorFor(String(f.properties.code));
        const got = `#${[fill.r, fill.g, fill.b].map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`;
        expect(got, String(f.properties.code)).to.equal(want);
      }
      // On a vector source the table lists the feed's areas, named from the feed.
      expect(layer.classCounts.counts.reduce((a, b) => a + b, 0)).to.equal(92);
    });
  }
});
