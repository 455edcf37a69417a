// 100 mount/unmount cycles of a map with a BTS layer and a case layer, as a single-page portal does when
// the user moves between views: some cycles run to the end (drawn), most are cut at a random moment of
// loading. A drawn map gives its WebGL context back the moment it is removed; a long-lived map on the same page
// keeps its own throughout (the browser never evicts it) and still draws. Afterwards no WebGL context is alive
// but the long-lived map's, no chiso worker runs, and window and document hold no more listeners than before.
import { expect, waitUntil } from '@open-wc/testing';
import '@chiso/bts';
import '@chiso/cases';
import '@chiso/map';
import type { ChisoMap, ChisoChoroplethLayer } from '@chiso/map';
import { contextsHeld } from '../../packages/map/src/context-budget.js';
import { syntheticSites } from '../../scripts/synthetic-bts.mjs';
import { syntheticCases } from '../../scripts/synthetic-cases.mjs';
import { seeded } from '../../scripts/synthetic-geo.mjs';
import { densityFeed, loadAtlas, PHU_THO_COMMUNES, THAI_NGUYEN_COMMUNES } from '../helpers/geo.js';

// ---- counting what pages leak ----
const glContexts: WebGLRenderingContext[] = [];
const originalGetContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
  const ctx = (originalGetContext as (...a: unknown[]) => unknown).call(this, type, ...rest);
  if (ctx && /webgl/.test(type) && !glContexts.includes(ctx as WebGLRenderingContext)) glContexts.push(ctx as WebGLRenderingContext);
  return ctx;
} as typeof HTMLCanvasElement.prototype.getContext;

const chisoWorkers = new Set<Worker>();
const OriginalWorker = window.Worker;
window.Worker = class extends OriginalWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    // MapLibre keeps one shared pool for the page (by design); chiso's own workers must end.
    if (/coverage/.test(String(url))) chisoWorkers.add(this);
  }
  override terminate(): void {
    chisoWorkers.delete(this);
    super.terminate();
  }
} as typeof Worker;

/** Listeners now on window and document (added and not removed), by target, type, capture and function. */
const listeners = new Set<string>();
const fnIds = new WeakMap<object, number>();
let nextFnId = 0;
const fnId = (fn: object) => fnIds.get(fn) ?? (fnIds.set(fn, ++nextFnId), nextFnId);
for (const [name, target] of [['window', window], ['document', document]] as Array<[string, EventTarget]>) {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  const keyOf = (type: string, fn: object, options?: boolean | EventListenerOptions) =>
    `${name}:${type}:${typeof options === 'object' ? !!options.capture : !!options}:${fnId(fn)}`;
  target.addEventListener = (type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
    // `once` listeners remove themselves; counted would be noise.
    if (fn && !(typeof options === 'object' && options.once)) listeners.add(keyOf(type, fn, options));
    add(type, fn, options);
  };
  target.removeEventListener = (type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
    if (fn) listeners.delete(keyOf(type, fn, options));
    remove(type, fn, options);
  };
}

describe('100 mount/unmount cycles', function () {
  this.timeout(600000);

  it('leave no WebGL context, no chiso worker and no window or document listener behind; a long-lived map keeps its own', async () => {
    const geo = { type: 'FeatureCollection', features: (await loadAtlas(PHU_THO_COMMUNES)).features };
    const sites = syntheticSites(geo.features, { n: 60, seed: 12 });
    const cases = syntheticCases(geo.features, { n: 400, days: 20, seed: 12 });
    const rnd = seeded(200);
    const CYCLES = 100;
    const DRAWN_EVERY = 10;

    // The long-lived map: a choropleth of Thái Nguyên that stays on the page through every cycle.
    const keeper = document.createElement('chiso-map') as ChisoMap;
    keeper.style.cssText = 'display:block;width:480px;--chiso-map-height:320px';
    keeper.setAttribute('eager', '');
    keeper.boundaries = THAI_NGUYEN_COMMUNES;
    const keeperLayer = document.createElement('chiso-choropleth-layer') as ChisoChoroplethLayer;
    keeperLayer.data = densityFeed((await loadAtlas(THAI_NGUYEN_COMMUNES)).features);
    keeper.append(keeperLayer);
    document.body.append(keeper);
    const keeperMap = await keeper.ready;
    const keeperGl = keeperMap.getCanvas().getContext('webgl2')!;
    let keeperLost = false;
    keeperMap.getCanvas().addEventListener('webglcontextlost', () => (keeperLost = true));

    const host = document.createElement('div');
    document.body.append(host);
    let baseline = -1;
    const releasedAtOnce: boolean[] = [];
    for (let i = 0; i < CYCLES; i++) {
      const map = document.createElement('chiso-map') as ChisoMap;
      map.style.cssText = 'display:block;width:360px;--chiso-map-height:240px';
      map.setAttribute('eager', '');
      // Every other map on MapLibre alone; the others `auto` (canvas first, often removed before MapLibre takes over).
      if (i % 2 === 0) map.renderer = 'maplibre';
      map.boundariesData = geo;
      const bts = document.createElement('chiso-bts-layer') as HTMLElement & { data: unknown };
      bts.data = sites;
      const layer = document.createElement('chiso-case-layer') as HTMLElement & { data: unknown; state: string };
      layer.data = cases;
      layer.setAttribute('mode', i % 2 ? 'cluster' : 'area');
      map.append(bts, layer);
      host.append(map);
      if (i % DRAWN_EVERY === 0) {
        const drawn = await map.ready;
        await waitUntil(() => layer.state === 'ready', `cycle ${i} drawn`, { timeout: 30000 });
        const gl = drawn.getCanvas().getContext('webgl2')!;
        map.remove();
        expect(map.map, 'no MapLibre map kept').to.equal(undefined);
        releasedAtOnce.push(gl.isContextLost());
      } else {
        await new Promise((r) => setTimeout(r, Math.floor(rnd() * 80)));
        map.remove();
      }
      if (i === 0) {
        await new Promise((r) => setTimeout(r, 100));
        baseline = listeners.size; // after the first cycle: modules loaded once may keep one page-wide listener
      }
    }
    host.remove();
    await new Promise((r) => setTimeout(r, 500));
    expect(releasedAtOnce).to.have.length(CYCLES / DRAWN_EVERY);
    expect(releasedAtOnce.every(Boolean), 'each drawn map released its context the moment it was removed').to.equal(true);
    expect(contextsHeld(), 'contexts held by chiso: the long-lived map\'s').to.equal(1);
    expect(keeperLost, 'the browser never had to evict the long-lived map\'s context').to.equal(false);
    const alive = glContexts.filter((c) => !c.isContextLost());
    expect(glContexts.length, 'maps were created').to.be.greaterThan(20);
    expect(alive, 'WebGL contexts still alive: the long-lived map\'s only').to.deep.equal([keeperGl]);
    // The long-lived map still draws every commune of Thái Nguyên.
    await new Promise<void>((r) => { keeperMap.once('idle', () => r()); keeperMap.triggerRepaint(); });
    const drawnCodes = new Set(keeperMap.queryRenderedFeatures().map((f) => String(f.properties.chiso_code)).filter((c) => c !== 'undefined'));
    expect(drawnCodes.size).to.equal(92);
    keeper.remove();
    expect(keeperGl.isContextLost(), 'and gives it back when removed').to.equal(true);
    expect(contextsHeld()).to.equal(0);
    expect(chisoWorkers.size, 'chiso workers still running').to.equal(0);
    expect(listeners.size, `listeners: ${[...listeners.keys()].slice(0, 12).join(', ')}`).to.be.at.most(baseline);
  });
});
