// <chiso-bts-layer> when MapLibre takes over from the canvas (renderer="auto"): the coverage computed for the canvas,
// or still being computed, is drawn by MapLibre without asking the worker again.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@chiso/bts';
import type { BtsStats, ChisoBtsLayer } from '@chiso/bts';
import type { ChisoMap } from '@chiso/map';
import { syntheticSites } from '../../scripts/synthetic-bts.mjs';
import { THAI_NGUYEN_COMMUNES } from '../helpers/geo.js';
import { nextEvent } from '../helpers/feeds.js';
import { atlasFeatures } from '../helpers/map-fixture.js';
import { idOf, mountBts, SIZE } from '../helpers/bts-fixture.js';

describe('<chiso-bts-layer> as MapLibre takes over from the canvas', function () {
  this.timeout(120000);

  it('auto: MapLibre takes over with the coverage computed for the canvas (the worker asked once; same stats)', async function () {
    const communes = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const sitesFc = syntheticSites(communes, { n: 200, seed: 7 });
    // Coverage jobs are the messages carrying packed sites (MapLibre's own worker gets others).
    const jobs: unknown[] = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: { sites?: { numbers?: unknown } }, ...rest: unknown[]) {
      if (message?.sites?.numbers) jobs.push(message);
      return (post as (...a: unknown[]) => void).call(this, message, ...rest);
    } as typeof post;
    try {
      const { el, layer, stats } = await mountBts(sitesFc);
      await el.ready;
      const idle = new Promise((r) => el.map!.once('idle', r));
      el.map!.triggerRepaint();
      await idle;
      expect(el.activeRenderer).to.equal('maplibre');
      expect(layer.stats).to.deep.equal(stats);
      expect(layer.state).to.equal('ready');
      expect(jobs.length, 'coverage computed once, for the canvas, and kept for MapLibre').to.equal(1);
      expect(el.map!.getSource(idOf(el, '-coverage')), 'the kept picture is on MapLibre').to.not.equal(undefined);
    } finally {
      Worker.prototype.postMessage = post;
    }
  });

  it('auto: a layer whose code came after the canvas painted, still computing when MapLibre takes over: the worker is asked once, MapLibre draws that result', async function () {
    const communes = await atlasFeatures(THAI_NGUYEN_COMMUNES);
    const sitesFc = syntheticSites(communes, { n: 200, seed: 8 });
    const el = document.createElement('chiso-map') as ChisoMap;
    for (const [k, v] of Object.entries({ style: SIZE, boundaries: THAI_NGUYEN_COMMUNES, eager: '', label: 'Phủ sóng di động' })) el.setAttribute(k, v);
    // The coverage job is held until MapLibre has taken over: the computing is under way across the change.
    const jobs: unknown[] = [];
    let waiting: Promise<void> | undefined;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: { sites?: { numbers?: unknown } }, ...rest: unknown[]) {
      const send = () => (post as (...a: unknown[]) => void).call(this, message, ...rest);
      if (!message?.sites?.numbers) return send();
      jobs.push(el.activeRenderer); // the renderer the job was asked for
      waiting = waitUntil(() => el.activeRenderer === 'maplibre', 'MapLibre took over', { timeout: 60000 }).then(send);
    } as typeof post;
    try {
      const painted = nextEvent(el, 'chiso-paint', 60000);
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await painted;
      expect(el.activeRenderer, 'the canvas has painted; MapLibre is not there yet').to.equal('canvas');
      const layer = document.createElement('chiso-bts-layer') as ChisoBtsLayer;
      layer.data = sitesFc;
      const ready = nextEvent<BtsStats>(layer, 'chiso-ready', 60000);
      el.append(layer);
      const stats = (await ready).detail;
      expect(el.activeRenderer).to.equal('maplibre');
      expect(jobs, 'coverage asked once, for the canvas, and its result drawn by MapLibre').to.deep.equal(['canvas']);
      await waiting;
      expect(stats.sites).to.equal(200);
      expect(layer.state).to.equal('ready');
      const picture = (el.map!.getSource(idOf(el, '-coverage')) as unknown as { image?: ImageBitmap } | undefined)?.image;
      expect(picture?.width, 'the picture is on MapLibre, not freed').to.be.greaterThan(0);
    } finally {
      Worker.prototype.postMessage = post;
    }
  });
});
