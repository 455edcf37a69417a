// <chiso-legend>: highlighting a class by click or keyboard dims the others on the canvas, and clears again.
import { expect } from '@open-wc/testing';
import { sendKeys, resetMouse } from '@web/test-runner-commands';
import '@chiso/map';
import { readBoundaries } from '@chiso/map';
import { densityFeed, hexToRgb, PHU_THO_COMMUNES } from '../helpers/geo.js';
import { atlasFeatures, close, mountChoropleth, snapshot } from '../helpers/map-fixture.js';
import { nextEvent, text } from '../helpers/feeds.js';

describe('<chiso-legend> in a map', function () {
  this.timeout(60000);
  afterEach(() => resetMouse());

  it('legend: click or keyboard highlights a class (others dimmed on the canvas) and clears again', async function () {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const { el, layer, legend } = await mountChoropleth(PHU_THO_COMMUNES, densityFeed(features));
    const areas = readBoundaries(await (await fetch(PHU_THO_COMMUNES)).text()).areas;
    const buttons = [...legend.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part="item"]')];
    expect(buttons).to.have.length(5);
    expect(legend.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).to.contain('Chú giải');
    buttons[4].focus();
    const highlight = nextEvent<{ index: number | null }>(legend, 'chiso-highlight');
    await sendKeys({ press: 'Enter' });
    expect((await highlight).detail.index).to.equal(4);
    await legend.updateComplete;
    expect(buttons[4].getAttribute('aria-pressed')).to.equal('true');
    expect(layer.highlightedClass).to.equal(4);
    await new Promise<void>((r) => { el.map!.once('idle', () => r()); el.map!.triggerRepaint(); });
    const pixel = snapshot(el);
    let inClass = 0;
    let dimmed = 0;
    for (const [code, area] of areas) {
      const p = el.map!.project(area.anchor);
      const rgb = pixel(p.x, p.y);
      if (!rgb) continue;
      const full = hexToRgb(layer.colorFor(code));
      if (layer.classFor(code) === 4) {
        expect(close(rgb, full), `${code} keeps its colour`).to.equal(true);
        inClass++;
      } else {
        expect(close(rgb, full), `${code} is dimmed`).to.equal(false);
        dimmed++;
      }
    }
    expect(inClass).to.be.greaterThan(5);
    expect(dimmed).to.be.greaterThan(50);
    buttons[4].click();
    await legend.updateComplete;
    expect(layer.highlightedClass).to.equal(null);
    expect(buttons[4].getAttribute('aria-pressed')).to.equal('false');
  });
});
