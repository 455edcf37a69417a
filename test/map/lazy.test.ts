// The all-in-one chiso.js as a portal uses it: a loader that defines each tag when it first appears, loading
// only that tag's package. Gauges alone download no map code and no MapLibre; a map downloads its package when
// the tag appears and MapLibre (from vendor/ beside the bundle) only when it comes into view.
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

  it('a page with gauges only downloads no map code; a map loads its package when it appears, MapLibre when scrolled into view', async () => {
    const loader = await import(/* @vite-ignore */ `${'/packages/chiso/dist/chiso.js'}`);
    expect(Object.keys(loader.TAGS)).to.include.members(['chiso-gauge', 'chiso-map', 'chiso-bts-layer', 'chiso-case-layer', 'chiso-trend', 'chiso-choropleth']);
    const chunks = () => resources().filter((n) => /\/packages\/chiso\/dist\/chunks\//.test(n)).map((n) => n.split('/').pop()!.replace(/-[\w-]{8}\.js$/, ''));
    expect(chunks(), 'nothing but the loader before a tag appears').to.deep.equal([]);
    // A tag attached after the page loaded (as a script or a framework does) is found and defined.
    const gauge = document.createElement('chiso-gauge') as HTMLElement & { updateComplete: Promise<unknown>; state: string };
    gauge.setAttribute('value', '87.86');
    gauge.setAttribute('unit', '%');
    document.body.append(gauge);
    expect(customElements.get('chiso-gauge'), 'not defined before its code loads').to.equal(undefined);
    await customElements.whenDefined('chiso-gauge');
    await gauge.updateComplete;
    expect(chunks()).to.include('gauge');
    expect(chunks().filter((c) => /^(map|bts|cases|chart|gauge-group|maplibre-runtime)$/.test(c)), 'no other tag\'s package').to.deep.equal([]);
    expect(customElements.get('chiso-map')).to.equal(undefined);
    expect(gauge.state).to.equal('ready');
    await new Promise((r) => setTimeout(r, 300));
    expect(maplibreLoaded(), resources().join('\n')).to.equal(false);

    // A map far below the fold: defined and connected, but MapLibre is still not fetched.
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    const map = document.createElement('chiso-map') as HTMLElement & { boundariesData: unknown; state: string; ready: Promise<unknown>; map?: unknown };
    map.style.cssText = 'display:block;width:400px;--chiso-map-height:300px';
    map.boundariesData = squares; // set before the tag is defined: kept, as Lit keeps such properties
    document.body.append(spacer, map);
    await customElements.whenDefined('chiso-map');
    expect(chunks()).to.include('map');
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
    // What a runtime imports is asked for with it, not once it has arrived: the stylesheet chunk, and MapLibre itself.
    const timing = (name: RegExp) => {
      const entry = performance.getEntriesByType('resource').find((e) => name.test(e.name)) as PerformanceResourceTiming | undefined;
      expect(entry, `${name} among\n${resources().join('\n')}`).to.exist;
      return entry!;
    };
    const askedWith = (dependency: RegExp, runtime: RegExp, what: string) =>
      expect(timing(dependency).startTime, what).to.be.at.most(timing(runtime).responseEnd);
    askedWith(/\/chunks\/maplibre-css-[\w-]{8}\.js$/, /\/chunks\/canvas-runtime-[\w-]{8}\.js$/, 'the stylesheet asked for before the canvas runtime arrived');
    askedWith(/\/vendor\/maplibre-gl\.js$/, /\/chunks\/maplibre-runtime-[\w-]{8}\.js$/, 'MapLibre asked for before its runtime arrived');
    // A choropleth layer loads its engine, and the palettes the engine imports with it.
    const layer = document.createElement('chiso-choropleth-layer') as HTMLElement & { data: unknown; state: string };
    layer.data = { chiso: 1, indicators: [{ id: 'v', name: 'Giá trị (dữ liệu mẫu)', unit: '%' }], observations: [
      { area: '90001', level: 'commune', period: '2025', value: 10 }, { area: '90002', level: 'commune', period: '2025', value: 20 }] };
    map.append(layer);
    await waitUntil(() => layer.state === 'ready', 'the layer drawn');
    askedWith(/\/chunks\/palette-[\w-]{8}\.js$/, /\/chunks\/choropleth-model-[\w-]{8}\.js$/, 'the palettes asked for before the engine arrived');
    map.remove();
    spacer.remove();
    gauge.remove();
  });
});
