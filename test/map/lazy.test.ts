// The all-in-one bundle as a portal uses it: gauges alone download no MapLibre; a map downloads it (from
// vendor/ beside the bundle) only when it comes into view.
import { expect, waitUntil } from '@open-wc/testing';

const resources = () => performance.getEntriesByType('resource').map((e) => e.name);
const maplibreLoaded = () => resources().some((n) => /maplibre/i.test(n));

/** Two synthetic square communes, so the test needs no shared data. */
const squares = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: '90001', name: 'Xã Một' }, geometry: { type: 'Polygon', coordinates: [[[105, 21], [105.1, 21], [105.1, 21.1], [105, 21.1], [105, 21]]] } },
    { type: 'Feature', properties: { code: '90002', name: 'Xã Hai' }, geometry: { type: 'Polygon', coordinates: [[[105.1, 21], [105.2, 21], [105.2, 21.1], [105.1, 21.1], [105.1, 21]]] } },
  ],
};

describe('lazy loading with dist/chiso.js', function () {
  this.timeout(30000);

  it('a page with gauges only downloads no MapLibre; a map loads it when scrolled into view', async () => {
    await import(/* @vite-ignore */ `${'/packages/chiso/dist/chiso.js'}`);
    const gauge = document.createElement('chiso-gauge') as HTMLElement & { updateComplete: Promise<unknown>; state: string };
    gauge.setAttribute('value', '87.86');
    gauge.setAttribute('unit', '%');
    document.body.append(gauge);
    await gauge.updateComplete;
    expect(gauge.state).to.equal('ready');
    await new Promise((r) => setTimeout(r, 300));
    expect(maplibreLoaded(), resources().join('\n')).to.equal(false);

    // A map far below the fold: defined and connected, but MapLibre is still not fetched.
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    const map = document.createElement('chiso-map') as HTMLElement & { boundariesData: unknown; state: string; ready: Promise<unknown>; map?: unknown };
    map.style.cssText = 'display:block;width:400px;--chiso-map-height:300px';
    map.boundariesData = squares;
    document.body.append(spacer, map);
    await new Promise((r) => setTimeout(r, 500));
    expect(map.state).to.equal('idle');
    expect(map.map).to.equal(undefined);
    expect(maplibreLoaded()).to.equal(false);

    map.scrollIntoView();
    await map.ready;
    expect(map.state).to.equal('ready');
    const loaded = resources().filter((n) => /maplibre/i.test(n));
    expect(loaded.some((n) => /\/packages\/chiso\/dist\/vendor\/maplibre-gl\.js/.test(n)), loaded.join('\n')).to.equal(true);
    expect(loaded.some((n) => /\/packages\/chiso\/dist\/vendor\/maplibre-gl-worker\.js/.test(n)), loaded.join('\n')).to.equal(true);
    map.remove();
    spacer.remove();
    gauge.remove();
  });
});
