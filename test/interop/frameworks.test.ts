// The elements inside React 19, Vue 3 and Angular (JIT, zoneless): rich data passed as properties (not
// attributes), chiso-* events received by the framework's own event binding, updates from framework state,
// and a clean unmount. The frameworks are bundled as ES modules by scripts/vendor-frameworks.mjs (npm test
// runs it); without them these tests skip with a message.
import { expect, waitUntil } from '@open-wc/testing';
import '@chiso/gauge';
import '@chiso/cases';
import type { ChisoGauge } from '@chiso/gauge';
import type { ChisoMap } from '@chiso/map';
import type { ChisoCaseLayer, CaseSummary } from '@chiso/cases';
import { syntheticCases } from '../../scripts/synthetic-cases.mjs';
import { phuThoFeed, text } from '../helpers/feeds.js';
import { skipBecause } from '../helpers/skip.js';
import { loadAtlas, PHU_THO_COMMUNES } from '../helpers/geo.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
async function vendor(ctx: Mocha.Context, name: 'react' | 'vue' | 'angular'): Promise<any> {
  try {
    return await import(/* @vite-ignore */ `/test/.out/vendor/${name}.js`);
  } catch {
    skipBecause(ctx, `${name} is not vendored (run node scripts/vendor-frameworks.mjs)`);
  }
}

/** Two feeds that draw differently: Phú Thọ's province rate, then a feed of the commune rate only. */
const feedA = phuThoFeed;
const feedB = { chiso: 1, indicators: phuThoFeed.indicators, observations: [{ indicator: 'dvc.online_rate', area: '25', level: 'province', tier: 'commune', period: '2021', value: 16.55 }] };

const gaugeText = (g: Element | null) => text((g as ChisoGauge).shadowRoot!.querySelector('[part="value"]'));

function mountPoint(): HTMLElement {
  const box = document.createElement('div');
  document.body.append(box);
  return box;
}

describe('framework interop', function () {
  this.timeout(60000);

  it('React 19: data as a property, lang as an attribute, onchiso-ready as a listener, re-render, unmount', async function () {
    const R = await vendor(this, 'react');
    const box = mountPoint();
    const events: Array<{ value: number }> = [];
    const App = ({ feed, lang }: { feed: unknown; lang: string }) =>
      R.createElement('chiso-gauge', { data: feed, lang, label: 'Tỷ lệ hồ sơ trực tuyến', 'onchiso-ready': (e: CustomEvent) => events.push(e.detail) });
    const root = R.createRoot(box);
    R.flushSync(() => root.render(R.createElement(App, { feed: feedA, lang: 'vi' })));
    const gauge = box.querySelector('chiso-gauge') as ChisoGauge;
    expect(gauge.data, 'the object itself, as a property').to.equal(feedA);
    expect(gauge.hasAttribute('data')).to.equal(false);
    await waitUntil(() => events.length === 1, 'chiso-ready reached React');
    expect(events[0].value).to.equal(87.86);
    expect(gaugeText(gauge)).to.contain('87,86');
    // New state: new data and language.
    R.flushSync(() => root.render(R.createElement(App, { feed: feedB, lang: 'en' })));
    expect(box.querySelector('chiso-gauge'), 'the same element, updated').to.equal(gauge);
    await waitUntil(() => events.length === 2, 'a second chiso-ready');
    expect(events[1].value).to.equal(16.55);
    expect(gauge.getAttribute('lang')).to.equal('en');
    await gauge.updateComplete;
    expect(gaugeText(gauge)).to.contain('16.55');
    root.unmount();
    expect(box.childElementCount).to.equal(0);
    expect(gauge.isConnected).to.equal(false);
    box.remove();
  });

  it('React 19: a map with a case layer fed a FeatureCollection and the boundaries as objects', async function () {
    const R = await vendor(this, 'react');
    const geo = { type: 'FeatureCollection', features: (await loadAtlas(PHU_THO_COMMUNES)).features };
    const cases = syntheticCases(geo.features, { n: 300, days: 20, seed: 4 });
    const box = mountPoint();
    let summary: CaseSummary | undefined;
    const root = R.createRoot(box);
    R.flushSync(() => root.render(
      R.createElement('chiso-map', { boundariesData: geo, eager: true, style: { display: 'block', width: '480px', '--chiso-map-height': '320px' } },
        R.createElement('chiso-case-layer', { data: cases, mode: 'bubbles', 'onchiso-ready': (e: CustomEvent<CaseSummary>) => (summary = e.detail) })),
    ));
    const map = box.querySelector('chiso-map') as ChisoMap;
    const layer = box.querySelector('chiso-case-layer') as ChisoCaseLayer;
    expect(map.boundariesData).to.equal(geo);
    expect(layer.data).to.equal(cases);
    await waitUntil(() => summary, 'the case layer is drawn', { timeout: 40000 });
    expect(summary!.total).to.equal(300);
    expect(layer.getAttribute('mode')).to.equal('bubbles');
    root.unmount();
    await new Promise((r) => setTimeout(r, 50));
    expect(map.map, 'the WebGL map is released on unmount').to.equal(undefined);
    box.remove();
  });

  it('Vue 3: :data binds the property, @chiso-ready the event, reactive updates reach the element', async function () {
    const V = await vendor(this, 'vue');
    const box = mountPoint();
    const events: Array<{ value: number }> = [];
    const app = V.createApp({
      template: '<chiso-gauge :data="feed" :lang="lang" label="Tỷ lệ hồ sơ trực tuyến" @chiso-ready="onReady"></chiso-gauge>',
      data: () => ({ feed: feedA, lang: 'vi' }),
      methods: { onReady(e: CustomEvent) { events.push(e.detail); } },
    });
    app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('chiso-');
    const vm = app.mount(box);
    const gauge = box.querySelector('chiso-gauge') as ChisoGauge;
    await waitUntil(() => events.length === 1, 'chiso-ready reached Vue');
    expect(events[0].value).to.equal(87.86);
    expect(gauge.hasAttribute('data')).to.equal(false);
    // Vue wraps state in a proxy: the element gets an object with the same content.
    expect(JSON.stringify(gauge.data)).to.equal(JSON.stringify(feedA));
    vm.feed = feedB;
    vm.lang = 'en';
    await V.nextTick();
    await waitUntil(() => events.length === 2, 'a second chiso-ready');
    expect(events[1].value).to.equal(16.55);
    await gauge.updateComplete;
    expect(gaugeText(gauge)).to.contain('16.55');
    app.unmount();
    expect(gauge.isConnected).to.equal(false);
    box.remove();
  });

  it('Angular (JIT, zoneless): [data] property binding, (chiso-ready) event binding, signals update it', async function () {
    const A = await vendor(this, 'angular');
    const box = mountPoint();
    box.append(document.createElement('chiso-interop-app'));
    const events: Array<{ value: number }> = [];
    class InteropApp {
      feed = A.signal(feedA);
      lang = A.signal('vi');
      onReady(e: CustomEvent) {
        events.push(e.detail);
      }
    }
    A.Component({
      selector: 'chiso-interop-app',
      standalone: true,
      schemas: [A.CUSTOM_ELEMENTS_SCHEMA],
      template: '<chiso-gauge [data]="feed()" [lang]="lang()" label="Tỷ lệ hồ sơ trực tuyến" (chiso-ready)="onReady($event)"></chiso-gauge>',
    })(InteropApp);
    const appRef = await A.bootstrapApplication(InteropApp, { providers: [A.provideZonelessChangeDetection()] });
    const gauge = box.querySelector('chiso-gauge') as ChisoGauge;
    expect(gauge).to.exist;
    await waitUntil(() => events.length === 1, 'chiso-ready reached Angular');
    expect(gauge.data).to.equal(feedA);
    expect(gauge.hasAttribute('data')).to.equal(false);
    const cmp = appRef.components[0].instance as InteropApp;
    cmp.feed.set(feedB);
    cmp.lang.set('en');
    appRef.tick();
    await waitUntil(() => events.length === 2, 'a second chiso-ready');
    expect(events[1].value).to.equal(16.55);
    expect(gauge.lang).to.equal('en');
    appRef.destroy();
    expect(gauge.isConnected).to.equal(false);
    box.remove();
  });
});
