// The canvas renderer: maps drawn without WebGL (asked for, or WebGL missing), the first paint on canvas before
// MapLibre takes over at the same view, many maps on one page, and pictures of a map.
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import '@chiso/map';
import type { ChisoMap } from '@chiso/map';
import { readBoundaries } from '@chiso/map';
import { densityFeed, hexToRgb, PHU_THO_COMMUNES } from '../helpers/geo.js';
import { atlasFeatures, close, mountChoropleth, snapshot } from '../helpers/map-fixture.js';
import { nextEvent, text } from '../helpers/feeds.js';

/** Every commune's colour at its anchor against colorFor: the wrong ones, and how many were checked. */
function probeColours(el: ChisoMap, layer: { colorFor(code: string): string | undefined }, areas: Map<string, { anchor: [number, number]; name: string }>) {
  const pixel = snapshot(el);
  const wrong: string[] = [];
  let checked = 0;
  for (const [code, area] of areas) {
    const p = el.map!.project(area.anchor);
    const rgb = pixel(p.x, p.y);
    if (!rgb) continue;
    const want = layer.colorFor(code)!;
    if (!close(rgb, hexToRgb(want))) wrong.push(`${code} ${area.name}: drawn ${rgb}, colorFor ${want}`);
    checked++;
  }
  return { wrong, checked };
}

describe('<chiso-map renderer="canvas">', function () {
  this.timeout(60000);
  afterEach(() => resetMouse());

  it('draws every commune in the colour colorFor reports, with no WebGL; tooltip, select and table work', async function () {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const { el, layer } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features, { drop: 12 }), { renderer: 'canvas' });
    expect(el.activeRenderer).to.equal('canvas');
    expect(el.map!.getCanvas().getContext('2d'), 'a 2D canvas').to.not.equal(null);
    const areas = readBoundaries(await (await fetch(PHU_THO_COMMUNES)).text()).areas;
    const { wrong, checked } = probeColours(el, layer, areas);
    expect(wrong).to.deep.equal([]);
    expect(checked).to.be.greaterThan(100);
    const [code, area] = [...areas].sort((x, y) => Number(y[1].properties.areaKm2) - Number(x[1].properties.areaKm2))[0];
    const p = el.map!.project(area.anchor);
    const box = el.map!.getCanvas().getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + p.x), Math.round(box.top + p.y)] });
    await waitUntil(() => el.shadowRoot!.querySelector('.tooltip'), 'tooltip', { timeout: 5000 });
    expect(text(el.shadowRoot!.querySelector('.tooltip'))).to.contain(area.name);
    const select = nextEvent<{ area: string }>(el, 'chiso-select');
    await sendMouse({ type: 'click', position: [Math.round(box.left + p.x), Math.round(box.top + p.y)] });
    expect((await select).detail.area).to.equal(code);
  });
});
