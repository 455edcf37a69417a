// A dashboard page with more maps than the browser has WebGL contexts: chiso stays under its budget, no
// map has its context taken away, maps out of view give theirs back and come back at the same view.
import { expect, waitUntil } from '@open-wc/testing';
import '@chiso/map';
import { ChisoMap } from '@chiso/map';

const square = (i: number) => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { code: String(90001 + i), name: `Xã ${i}` }, geometry: { type: 'Polygon', coordinates: [[[105, 21], [105.1, 21], [105.1, 21.1], [105, 21.1], [105, 21]]] } }],
});

describe('many maps on one page', function () {
  this.timeout(120000);
  const lost: number[] = [];
  const maps: ChisoMap[] = [];
  after(() => {
    for (const m of maps) m.remove();
    ChisoMap.maxContexts = 12;
  });

  it('12 maps, scrolled through: at most the budget of contexts, none lost, each drawn when in view', async () => {
    ChisoMap.maxContexts = 4; // a small budget, so the test needs no more than 12 maps to pass it three times over
    const column = document.createElement('div');
    document.body.append(column);
    for (let i = 0; i < 12; i++) {
      const m = document.createElement('chiso-map') as ChisoMap;
      m.style.cssText = 'display:block;width:300px;--chiso-map-height:200px;margin-bottom:400px';
      m.renderer = 'maplibre'; // the budget as MapLibre maps meet it (auto maps draw on the canvas instead: chiso-map-canvas.test.ts)
      m.boundariesData = square(i);
      m.addEventListener('chiso-ready', () => {
        const canvas = m.map!.getCanvas();
        canvas.addEventListener('webglcontextlost', () => lost.push(i), { once: true });
      });
      column.append(m);
      maps.push(m);
    }
    let peak = 0;
    for (let i = 0; i < 12; i++) {
      maps[i].scrollIntoView({ block: 'center' });
      await waitUntil(() => maps[i].state === 'ready', `map ${i} drawn when in view`, { timeout: 15000 });
      const held = maps.filter((m) => m.map).length;
      peak = Math.max(peak, held);
      expect(held, `maps holding a context after ${i}`).to.be.at.most(4);
    }
    expect(peak).to.equal(4);
    // Contexts given back by the budget are released on purpose; none was taken by the browser.
    expect(lost.length, 'contexts lost').to.equal(maps.filter((m) => !m.map).length);
    // The first map comes back at the view it had.
    maps[0].scrollIntoView({ block: 'center' });
    await waitUntil(() => maps[0].state === 'ready', 'map 0 back', { timeout: 15000 });
    expect(maps[0].map!.getZoom()).to.be.greaterThan(5);
    expect(maps.filter((m) => m.map).length).to.be.at.most(4);
  });

  it('more maps in view than the budget: the extra ones wait and say so, then draw when one leaves', async () => {
    for (const m of maps.splice(0)) m.remove();
    ChisoMap.maxContexts = 3;
    const grid = document.createElement('div');
    grid.style.cssText = 'display:grid;grid-template-columns:repeat(5,150px);gap:4px';
    document.body.prepend(grid);
    for (let i = 0; i < 5; i++) {
      const m = document.createElement('chiso-map') as ChisoMap;
      m.style.cssText = 'display:block;--chiso-map-height:120px';
      m.renderer = 'maplibre';
      m.boundariesData = square(i);
      grid.append(m);
      maps.push(m);
    }
    await waitUntil(() => maps.filter((m) => m.state === 'ready').length === 3, 'three drawn', { timeout: 15000 });
    const waitingMaps = maps.filter((m) => m.state !== 'ready');
    expect(waitingMaps).to.have.length(2);
    const status = waitingMaps[0].shadowRoot!.querySelector('[part="status"]')!;
    expect(status.hasAttribute('hidden')).to.equal(false);
    expect(status.textContent).to.contain('nhiều bản đồ');
    maps.find((m) => m.state === 'ready')!.remove();
    await waitUntil(() => waitingMaps.some((m) => m.state === 'ready'), 'a waiting map drew', { timeout: 15000 });
  });
});
