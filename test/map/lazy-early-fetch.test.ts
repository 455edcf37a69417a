// chiso.js asks for each tag's data as soon as it finds the tag, while the tag's code downloads: the data of a
// gauge, the boundaries (a file, or the atlas beside chiso.js) and the layer feed of a map near the viewport.
// The element then takes that response instead of asking again; its errors are the same as for its own request.
// A map far down the page downloads nothing before it comes into view. Own page: the loader's first load is the
// subject, so no other test may have defined the tags.
import { expect, waitUntil } from '@open-wc/testing';

// The test page loads a few hundred modules of its own: room for every entry (the default keeps 250).
performance.setResourceTimingBufferSize(5000);
const entries = () => performance.getEntriesByType('resource') as PerformanceResourceTiming[];
const entry = (name: RegExp) => {
  const found = entries().filter((e) => name.test(e.name));
  expect(found.length, `${name} among\n${entries().map((e) => e.name).join('\n')}`).to.be.greaterThan(0);
  return found[0];
};
/** How many requests the test server saw for a key. */
const served = async (key: string) => ((await (await fetch(`/__feeds/count?of=${key}`)).json()) as { count: number }).count;
const key = (name: string) => `early-${name}-${Math.random().toString(36).slice(2, 8)}`;
const feed = { chiso: 1, indicators: [{ id: 'v', name: 'Giá trị (dữ liệu mẫu)', unit: '%' }], observations: [{ area: '25', level: 'province', period: '2025', value: 42.5 }] };

describe('chiso.js fetches a tag\'s data while the tag\'s code downloads', function () {
  this.timeout(40000);

  it('a gauge\'s feed, an in-view map\'s atlas file and layer feed are asked for before their code arrives, once each; a far map\'s are not', async () => {
    await import(/* @vite-ignore */ `${'/packages/chiso/dist/chiso.js'}`);
    const gaugeKey = key('gauge');
    const layerKey = key('layer');
    const farKey = key('far');
    const brokenKey = key('broken-geo');
    const body = encodeURIComponent(JSON.stringify(feed));
    // One batch, as a page's HTML is: a gauge, a map in view (the atlas's provinces), a map far below the fold.
    const box = document.createElement('div');
    box.innerHTML = `
      <chiso-gauge src="/__feeds/ok?key=${gaugeKey}&body=${body}"></chiso-gauge>
      <chiso-map boundaries="vn:provinces" style="display:block;width:400px;--chiso-map-height:300px" renderer="canvas">
        <chiso-choropleth-layer src="/__feeds/ok?key=${layerKey}&body=${body}"></chiso-choropleth-layer>
      </chiso-map>
      <chiso-map eager boundaries="/__feeds/status?code=404&key=${brokenKey}" style="display:block;width:300px;--chiso-map-height:200px" renderer="canvas"></chiso-map>
      <div style="height:4000px"></div>
      <chiso-map boundaries="/__feeds/ok?key=${farKey}-geo"><chiso-choropleth-layer src="/__feeds/ok?key=${farKey}"></chiso-choropleth-layer></chiso-map>`;
    const mapErrors: Array<{ code: string; status?: number; message: string }> = [];
    box.addEventListener('chiso-error', (e) => (e.target as Element).localName === 'chiso-map' && mapErrors.push((e as CustomEvent).detail));
    document.body.append(box);
    const gauge = box.querySelector('chiso-gauge') as HTMLElement & { state: string };
    const [near, broken, far] = [...box.querySelectorAll('chiso-map')] as Array<HTMLElement & { state: string; ready: Promise<unknown> }>;
    await customElements.whenDefined('chiso-map'); // `ready` exists once the tag is defined
    await near.ready;
    await waitUntil(() => gauge.state === 'ready', 'the gauge drawn');
    const arrived = (chunk: RegExp) => entry(chunk).responseEnd;
    expect(entry(new RegExp(`key=${gaugeKey}`)).startTime, 'the gauge\'s feed asked for before the gauge\'s code arrived').to.be.below(arrived(/\/chunks\/gauge-[\w-]{8}\.js$/));
    const mapArrived = arrived(/\/chunks\/map-[\w-]{8}\.js$/);
    expect(entry(/\/dist\/atlas\/provinces\.json$/).startTime, 'the atlas file asked for before the map\'s code arrived').to.be.below(mapArrived);
    expect(entry(new RegExp(`key=${layerKey}`)).startTime, 'the layer\'s feed asked for before the map\'s code arrived').to.be.below(mapArrived);
    // A package's own imports are asked for with it (scripts/rollup-preload.mjs), not once it has been read.
    expect(entry(/\/chunks\/gazetteer-[\w-]{8}\.js$/).startTime, 'a chunk the map imports asked for with the map').to.be.below(mapArrived);
    expect(entry(/\/chunks\/d3-array-[\w-]{8}\.js$/).startTime, 'a chunk the canvas runtime imports asked for with it')
      .to.be.below(arrived(/\/chunks\/canvas-runtime-[\w-]{8}\.js$/));
    // A map in view draws at once: what its package loads to draw (the canvas runtime, the choropleth's engine) is
    // asked for with the package too, not a round trip after it.
    for (const drawing of [/\/chunks\/canvas-runtime-[\w-]{8}\.js$/, /\/chunks\/choropleth-model-[\w-]{8}\.js$/]) {
      expect(entry(drawing).startTime, `${drawing} asked for with the map's package`).to.be.below(mapArrived);
    }
    // The element took the response: one request each, not two.
    expect(await served(gaugeKey)).to.equal(1);
    expect(await served(layerKey)).to.equal(1);
    expect(entries().filter((e) => /\/dist\/atlas\/provinces\.json$/.test(e.name)).length).to.equal(1);
    expect(gauge.shadowRoot!.textContent).to.contain('42,5');
    // Boundaries that fail early fail as the map's own request would: its localized message, role="alert", chiso-error.
    await waitUntil(() => broken.state === 'error', 'the map with missing boundaries says so', { timeout: 15000 });
    expect(mapErrors.find((e) => e.code === 'http')).to.include({ status: 404 });
    expect(broken.shadowRoot!.querySelector('[part="error"][role="alert"]')!.textContent).to.contain('Không tải được ranh giới hành chính (HTTP 404)');
    expect(await served(brokenKey)).to.equal(1);
    // The far map waits for the reader: its boundaries are not downloaded. (Its layer reads its feed as it connects,
    // as every layer does, early fetch or not: once.)
    await new Promise((r) => setTimeout(r, 300));
    expect(far.state).to.equal('idle');
    expect(await served(`${farKey}-geo`)).to.equal(0);
    expect(await served(farKey)).to.equal(1);
    box.remove();
  });

  it('a feed that fails early fails as the element\'s own would: the same localized error and chiso-error; a passing failure is retried', async () => {
    await import(/* @vite-ignore */ `${'/packages/chiso/dist/chiso.js'}`);
    const missing = key('missing');
    const flaky = key('flaky');
    const box = document.createElement('div');
    const errors: Array<{ code: string; status?: number }> = [];
    box.addEventListener('chiso-error', (e) => errors.push((e as CustomEvent).detail));
    // A tag not defined yet on this page (the first test defined the gauge): the loader finds it and fetches early.
    box.innerHTML = `<chiso-ranking src="/__feeds/status?code=404&key=${missing}"></chiso-ranking>
      <chiso-stat src="/__feeds/flaky?fail=1&key=${flaky}"></chiso-stat>`;
    document.body.append(box);
    const ranking = box.querySelector('chiso-ranking') as HTMLElement & { state: string };
    const stat = box.querySelector('chiso-stat') as HTMLElement & { state: string };
    await Promise.all([customElements.whenDefined('chiso-ranking'), customElements.whenDefined('chiso-stat')]);
    await waitUntil(() => ranking.state === 'error', 'the ranking says its feed failed', { timeout: 15000 });
    expect(errors.find((e) => e.code === 'http')).to.include({ status: 404 });
    expect(ranking.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
    expect(ranking.shadowRoot!.querySelector('[part="error"]')!.textContent).to.match(/\S/);
    expect(await served(missing)).to.equal(1);
    // 503 once (the early request), then the element's retry answers.
    await waitUntil(() => stat.state === 'ready', 'the stat drawn after a retry', { timeout: 15000 });
    expect(await served(flaky)).to.equal(2);
    box.remove();
  });
});
