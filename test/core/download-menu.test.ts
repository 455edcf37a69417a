// The "Tải xuống" menu in Chromium, as a reader uses it: the button opens a menu of the data (CSV), the picture
// (PNG) and a link; arrow keys, Home/End and Esc; each choice fires what it says (a cancelable chiso-download with
// the file, a link copied and announced); on a map layer the picture is the map's and the link the map's address.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '@chiso/gauge';
import '@chiso/chart';
import '@chiso/map';
import type { ChisoGauge, ChisoStat } from '@chiso/gauge';
import type { ChisoTrend } from '@chiso/chart';
import type { ChisoMap, ChisoChoroplethLayer } from '@chiso/map';
import { linkOf } from '@chiso/core/download';
import { nextEvent, phuThoFeed, publishedFeed, text } from '../helpers/feeds.js';
import { openMenu } from '../helpers/menu.js';
import { densityFeed, PHU_THO_COMMUNES } from '../helpers/geo.js';
import { MAP_SIZE, atlasFeatures, contrast } from '../helpers/map-fixture.js';

type Saved = { format: string; filename: string; text?: string; blob?: Blob };
const items = (menu: HTMLElement) => [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
const focused = (el: Element) => (el.shadowRoot!.activeElement as HTMLElement | null);

/** Keeps the next file the element would save, and returns it. */
function keepNext(el: Element) {
  const saved = nextEvent<Saved>(el, 'chiso-download', 15000);
  el.addEventListener('chiso-download', (e) => e.preventDefault(), { once: true });
  return saved.then((e) => e.detail);
}

/** The centre of an element, in the page's pixels, for a real pointer. */
const centre = (el: Element): [number, number] => {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
};

describe('the download menu', function () {
  this.timeout(60000);
  afterEach(() => resetMouse());
  // No file is really saved by these tests (a download would take the test page away): the page keeps each one.
  const keep = (e: Event) => e.preventDefault();
  before(() => document.addEventListener('chiso-download', keep));
  after(() => document.removeEventListener('chiso-download', keep));

  it('on a gauge: a menu of CSV, PNG and a link, moved through with the keyboard, closed by Esc with focus back; each item does what it says', async () => {
    const el = await fixture<ChisoGauge>(html`<chiso-gauge .data=${phuThoFeed} level="province"></chiso-gauge>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    el.shadowRoot!.querySelector<HTMLDetailsElement>('[part="details"]')!.open = true;
    await waitUntil(() => el.shadowRoot!.querySelector('[part="download"]'), 'the details drawn');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!;
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('[role="menu"]'), 'the menu opened by Enter');
    const menu = el.shadowRoot!.querySelector<HTMLElement>('[role="menu"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.getAttribute('aria-label')).to.equal('Tải xuống');
    expect(items(menu).map((i) => text(i))).to.deep.equal(['Dữ liệu (CSV)', 'Hình ảnh (PNG)', 'Sao chép liên kết']);
    expect(focused(el), 'focus on the first item').to.equal(items(menu)[0]);
    // Shown above the page (a popover in the top layer), below the button or above it where the window ends there,
    // never over it; inside the window; readable.
    expect(menu.matches(':popover-open')).to.equal(true);
    const m = menu.getBoundingClientRect();
    const b = button.getBoundingClientRect();
    expect(m.height).to.be.greaterThan(0);
    expect(m.top >= b.bottom - 1 || m.bottom <= b.top + 1, `menu ${m.top}–${m.bottom}, button ${b.top}–${b.bottom}`).to.equal(true);
    expect(m.left).to.be.at.least(0);
    expect(m.right).to.be.at.most(innerWidth);
    const style = getComputedStyle(items(menu)[0]);
    expect(contrast(style.color, getComputedStyle(menu).backgroundColor)).to.be.at.least(4.5);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(items(menu)[1]);
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(items(menu)[2]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el), 'round to the first').to.equal(items(menu)[0]);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el), 'round to the last').to.equal(items(menu)[2]);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.shadowRoot!.querySelector('[role="menu"]'), 'closed by Esc');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(el), 'focus back on the button').to.equal(button);

    // CSV: the same text as toCSV().
    let file = keepNext(el);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('[role="menu"]'), 'opened again');
    await sendKeys({ press: 'Enter' });
    const csv = await file;
    expect(csv.format).to.equal('csv');
    expect(csv.filename).to.match(/\.csv$/);
    expect(csv.text).to.equal(await el.toCSV());
    expect(el.shadowRoot!.querySelector('[role="menu"]'), 'a choice closes the menu').to.equal(null);

    // PNG: the gauge's picture, a real PNG.
    file = keepNext(el);
    items(await openMenu(button))[1].click();
    const png = await file;
    expect(png.format).to.equal('png');
    expect(png.filename).to.match(/\.png$/);
    expect(png.blob!.type).to.equal('image/png');
    const signature = new Uint8Array(await png.blob!.slice(0, 8).arrayBuffer());
    expect([...signature]).to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10]);

    // A click on the button of an open menu closes it.
    await openMenu(button);
    button.click();
    await waitUntil(() => !el.shadowRoot!.querySelector('[role="menu"]'), 'closed by its button');
  });

  it('the link: the page\'s address to the element\'s id, copied and announced; no-download leaves no button', async () => {
    const el = await fixture<ChisoStat>(html`<chiso-stat id="so-ho-so" .data=${publishedFeed('dvc.dossiers', '06')} period="2020"></chiso-stat>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    expect(linkOf(el)).to.equal(`${location.href.split('#')[0]}#so-ho-so`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!;
    expect(text(button)).to.equal('Tải xuống');
    items(await openMenu(button))[2].click();
    const status = () => text(el.shadowRoot!.querySelector('[role="status"].chiso-download-status'));
    await waitUntil(() => status(), 'the copy announced');
    // Copied where the page may use the clipboard; else the link itself is said, so the reader can copy it.
    expect(status()).to.be.oneOf(['Đã sao chép liên kết', `Không sao chép được; liên kết là ${linkOf(el)}`]);
    expect(focused(el)).to.equal(button);
    // Both ways, with the clipboard answering as told: copied (the link itself written), or refused, when the link
    // is shown to copy by hand.
    const clipboard = navigator.clipboard;
    const written: string[] = [];
    const execCommand = document.execCommand;
    try {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
      items(await openMenu(button))[2].click();
      await waitUntil(() => status() === 'Đã sao chép liên kết', 'copied, and said so');
      expect(written).to.deep.equal([linkOf(el)]);
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => { throw new Error('refused'); } } });
      document.execCommand = () => false;
      items(await openMenu(button))[2].click();
      await waitUntil(() => status().startsWith('Không sao chép được'), 'not copied, and said so');
      expect(status()).to.equal(`Không sao chép được; liên kết là ${location.href.split('#')[0]}#so-ho-so`);
      const shown = el.shadowRoot!.querySelector('.chiso-download-status')!;
      expect(shown.getClientRects().length, 'seen, not only heard').to.be.greaterThan(0);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
      document.execCommand = execCommand;
    }
    el.lang = 'en';
    await el.updateComplete;
    expect(text(button)).to.equal('Download');
    expect(items(await openMenu(button)).map((i) => text(i))).to.deep.equal(['Data (CSV)', 'Picture (PNG)', 'Copy link']);
    await sendKeys({ press: 'Escape' });
    el.noDownload = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="download"]')).to.equal(null);
  });

  it('with a real pointer: a click elsewhere closes it and leaves focus where the reader put it; its button closes it; Tab leaves it', async () => {
    // The portal's field above the card, clear of the menu that opens under the card's button.
    const wrap = await fixture<HTMLDivElement>(html`<div><input aria-label="Ô tìm kiếm của cổng" />
      <chiso-stat .data=${publishedFeed('dvc.dossiers', '06')} period="2020"></chiso-stat></div>`);
    const el = wrap.querySelector('chiso-stat') as ChisoStat;
    const field = wrap.querySelector('input')!;
    await waitUntil(() => el.state === 'ready', 'ready');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!;
    await sendMouse({ type: 'click', position: centre(button) });
    await waitUntil(() => el.shadowRoot!.querySelector('[role="menu"]'), 'opened by a click');
    const menu = el.shadowRoot!.querySelector('[role="menu"]')!;
    const [fx, fy] = centre(field);
    expect(document.elementFromPoint(fx, fy), 'the field is not under the menu').to.equal(field);
    expect(menu.getBoundingClientRect().top).to.be.greaterThan(field.getBoundingClientRect().bottom);
    await sendMouse({ type: 'click', position: [fx, fy] });
    await waitUntil(() => !el.shadowRoot!.querySelector('[role="menu"]'), 'closed by a click elsewhere');
    expect(document.activeElement, 'focus stays in the field clicked').to.equal(field);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    // The button of an open menu closes it (and it does not open again on the same click).
    await sendMouse({ type: 'click', position: centre(button) });
    await waitUntil(() => el.shadowRoot!.querySelector('[role="menu"]'), 'opened again');
    await sendMouse({ type: 'click', position: centre(button) });
    await new Promise((r) => setTimeout(r, 100));
    expect(el.shadowRoot!.querySelector('[role="menu"]'), 'closed by its button').to.equal(null);
    // Tab leaves the menu, closed, for what follows the button.
    await sendMouse({ type: 'click', position: centre(button) });
    await waitUntil(() => el.shadowRoot!.querySelector('[role="menu"]'), 'opened a third time');
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => !el.shadowRoot!.querySelector('[role="menu"]'), 'closed by Tab');
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('an element taken off the page with its menu open leaves nothing shown; back on the page, its button opens one menu', async () => {
    const el = await fixture<ChisoStat>(html`<chiso-stat .data=${publishedFeed('dvc.dossiers', '06')} period="2020"></chiso-stat>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!;
    await openMenu(button);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    const left = el.shadowRoot!.querySelector<HTMLElement>('[role="menu"]');
    expect(!left || left.getClientRects().length === 0, 'no menu box left on the page').to.equal(true);
    const menu = await openMenu(button);
    expect(menu.matches(':popover-open')).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[role="menu"]')).to.have.length(1);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
  });

  it('an open menu moves with its button when the page scrolls', async () => {
    const page = await fixture<HTMLElement>(html`<div style="padding-top:300px;height:3000px">
      <chiso-stat .data=${publishedFeed('dvc.dossiers', '06')} period="2020"></chiso-stat></div>`);
    const el = page.querySelector('chiso-stat') as ChisoStat;
    await waitUntil(() => el.state === 'ready', 'ready');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!;
    button.scrollIntoView({ block: 'center' });
    const menu = await openMenu(button);
    const gap = () => menu.getBoundingClientRect().top - button.getBoundingClientRect().bottom;
    const before = gap();
    try {
      const scrolled = nextEvent(window, 'scroll', 2000);
      window.scrollBy(0, 120);
      await scrolled;
      await new Promise((r) => requestAnimationFrame(r));
      expect(Math.abs(gap() - before), `menu ${menu.getBoundingClientRect().top}, button ${button.getBoundingClientRect().bottom}`).to.be.below(1);
      await sendKeys({ press: 'Escape' });
      expect(menu.isConnected).to.equal(false);
    } finally {
      window.scrollTo(0, 0); // the next tests' pointer clicks assume an unscrolled page
    }
  });

  it('on a trend: its chart\'s picture', async () => {
    const el = await fixture<ChisoTrend>(html`<chiso-trend .data=${publishedFeed('dvc.dossiers', '06')}></chiso-trend>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    const file = keepNext(el);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!;
    items(await openMenu(button)).find((i) => /PNG/.test(text(i)))!.click();
    const png = await file;
    expect(png.blob!.type).to.equal('image/png');
    expect(png.blob!.size).to.be.greaterThan(1000);
  });

  it('on a map layer: the map\'s picture, and with sync-url the map\'s address as the link', async () => {
    const features = await atlasFeatures(PHU_THO_COMMUNES);
    const el = await fixture<ChisoMap>(html`<chiso-map id="ban-do-tai" sync-url style=${MAP_SIZE} boundaries=${PHU_THO_COMMUNES} eager label="Bản đồ mật độ">
      <chiso-choropleth-layer .data=${densityFeed(features)} classes="quantile:5"></chiso-choropleth-layer>
    </chiso-map>`);
    await el.ready;
    // The panel is drawn again when MapLibre takes over from the canvas: its button is taken after that.
    await waitUntil(() => el.activeRenderer === 'maplibre', 'MapLibre drawing', { timeout: 20000 });
    const layer = el.querySelector('chiso-choropleth-layer') as ChisoChoroplethLayer;
    await layer.updateComplete;
    await waitUntil(() => layer.shadowRoot!.querySelector('[part="download"]'), 'the layer\'s button');
    const link = new URL(linkOf(layer));
    expect(link.searchParams.get('ban-do-tai.view'), 'the view in the link').to.match(/^[\d.]+,[\d.]+,[\d.]+$/);
    const file = keepNext(layer);
    const button = layer.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!;
    const menu = await openMenu(button);
    expect(items(menu).map((i) => text(i))).to.deep.equal(['Dữ liệu (CSV)', 'Hình ảnh (PNG)', 'Sao chép liên kết']);
    items(menu)[1].click();
    const png = await file;
    expect(png.format).to.equal('png');
    const bitmap = await createImageBitmap(png.blob!);
    expect(bitmap.width, 'the map at twice its size').to.be.at.least(Math.floor(el.map!.getCanvas().getBoundingClientRect().width * 2));
    expect(bitmap.height, 'with its title and notes').to.be.greaterThan(el.map!.getCanvas().getBoundingClientRect().height * 2);
    history.replaceState(null, '', location.pathname);
  });
});
