// toImage() of the figure elements (<chiso-gauge>, <chiso-gauge-group>, <chiso-stat>, <chiso-ranking>, <chiso-progress>): the picture is what the reader
// sees — every shown word as text in the SVG, in its colour, the bars as rectangles in their drawn colours, the
// source line under it, no button or screen-reader-only words — and its PNG has the element's size and pixels.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearFeedCache } from '@chiso/core';
import '@chiso/gauge';
import type { ChisoGauge, ChisoGaugeGroup, ChisoProgress, ChisoRanking, ChisoStat } from '@chiso/gauge';
import { phuThoFeed, publishedFeed, text } from '../helpers/feeds.js';

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');
type Figure = (ChisoGauge | ChisoGaugeGroup | ChisoStat | ChisoRanking | ChisoProgress) & { toImage(o?: { format?: 'png' | 'svg'; scale?: number }): Promise<Blob> };

async function pictureOf(el: Figure) {
  const svg = await (await el.toImage({ format: 'svg' })).text();
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror'), 'well-formed SVG').to.equal(null);
  const words = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
  // Words are placed where the browser laid them out; spaces between one text node and the next are positions,
  // not characters, so the words are compared without spaces.
  return { doc, words, all: squash(words.join('')) };
}

/** The colour at (x, y) CSS px of a PNG drawn at scale 1. */
async function pixel(png: Blob, x: number, y: number): Promise<string> {
  const bitmap = await createImageBitmap(png);
  const c = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
  c.drawImage(bitmap, 0, 0);
  const [r, g, b] = c.getImageData(Math.round(x), Math.round(y), 1, 1).data;
  return `rgb(${r}, ${g}, ${b})`;
}

describe('figure elements as pictures (toImage)', () => {
  beforeEach(() => clearFeedCache());

  it('<chiso-gauge>: the value over its arc, drawn in its band\'s colour, the label, the published source under it', async () => {
    // Phú Thọ 2021, province level: 87,86 % of dossiers online, the published figure with its source (no date given).
    const el = await fixture<Figure>(html`<chiso-gauge style="display:block;width:280px" level="province" thresholds="50 80" .data=${phuThoFeed}></chiso-gauge>`);
    await waitUntil(() => el.state === 'ready');
    const { doc, all, words } = await pictureOf(el);
    expect(all).to.contain('87,86%');
    expect(all).to.contain(squash(text(el.shadowRoot!.querySelector('[part~="label"]'))));
    expect(all, 'the source under it (the gauge shows it only in its details)').to.contain(squash('Nguồn: Tỉnh Phú Thọ, báo cáo công khai kết quả năm 2021'));
    const arc = el.shadowRoot!.querySelector<SVGElement>('[part~="indicator"]')!;
    const colour = getComputedStyle(arc).stroke;
    const drawn = [...doc.querySelectorAll('svg svg *')].find((n) => n.getAttribute('style')?.includes(`stroke:${colour}`));
    expect(drawn, `the arc in ${colour}`).to.exist;
    // In the PNG, the arc's pixels where it is drawn (a point on its path, at scale 1).
    const path = arc as unknown as SVGGeometryElement;
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM()!;
    const box = el.getBoundingClientRect();
    const png = await el.toImage({ scale: 1 });
    expect(await pixel(png, m.a * p.x + m.c * p.y + m.e - box.left, m.b * p.x + m.d * p.y + m.f - box.top)).to.equal(colour);
  });

  it('<chiso-gauge-group>: the heading and each gauge\'s value and level (Phú Thọ 2021), the source under them', async () => {
    const el = await fixture<Figure>(html`<chiso-gauge-group style="display:block;width:60rem" .data=${phuThoFeed}></chiso-gauge-group>`);
    await waitUntil(() => el.state === 'ready');
    const inner = [...el.shadowRoot!.querySelectorAll('chiso-gauge')] as ChisoGauge[];
    await Promise.all(inner.map((g) => g.updateComplete));
    const { all } = await pictureOf(el);
    expect(all).to.contain(squash('Tỷ lệ hồ sơ nộp trực tuyến'));
    for (const [level, value] of [['Cấp tỉnh', '87,86 %'], ['Cấp huyện', '34,1 %'], ['Cấp xã', '16,55 %']]) {
      expect(all).to.contain(squash(level));
      expect(all).to.contain(squash(value));
    }
    expect(all.match(/Nguồn:/g), 'one source line').to.have.length(1);
  });

  it('<chiso-stat>: the figure, its rank and label as text in their colours, the source under it, no button words', async () => {
    const el = await fixture<Figure>(html`<chiso-stat style="display:block;width:320px" .data=${publishedFeed('eid.accounts', '30')}></chiso-stat>`);
    await waitUntil(() => el.state === 'ready');
    const { doc, all } = await pictureOf(el);
    const shadow = el.shadowRoot!;
    for (const name of ['label', 'value', 'rank', 'source']) {
      const node = shadow.querySelector(`[part~="${name}"]`);
      expect(node, `the ${name} shown`).to.exist;
      const shown = text(node);
      expect(shown).to.not.equal('');
      expect(all, `the ${name} "${shown}"`).to.contain(squash(shown));
    }
    expect(all).to.not.contain(squash('Tải dữ liệu'));
    expect(all).to.not.contain(squash('Chi tiết'));
    const source = squash(text(shadow.querySelector('[part~="source"]')));
    expect(all.split(source).length - 1, 'its source once (the card shows it: no second line)').to.equal(1);
    // The value's text in the colour it is shown in.
    const valueEl = shadow.querySelector('[part~="value"]')!;
    const digits = [...doc.querySelectorAll('text')].find((t) => t.textContent!.includes('860.000'))!;
    expect(digits.getAttribute('fill')).to.equal(getComputedStyle(valueEl).color);
    // Where it is shown: its baseline inside the value's box (the picture has the element's coordinates).
    const vb = valueEl.getBoundingClientRect();
    const top = vb.top - el.getBoundingClientRect().top;
    expect(Number(digits.getAttribute('y'))).to.be.within(top, top + vb.height);
    const png = await el.toImage({ scale: 1 });
    expect(png.type).to.equal('image/png');
    const bitmap = await createImageBitmap(png);
    expect(bitmap.width).to.equal(Math.ceil(el.getBoundingClientRect().width));
    expect(bitmap.height, 'the card shows its source: no line added under it').to.equal(Math.ceil(el.getBoundingClientRect().height));
    // Not shown (no size): said plainly rather than an empty picture.
    el.style.display = 'none';
    let failure = '';
    await el.toImage().catch((e: Error) => (failure = e.message));
    expect(failure).to.contain('không hiển thị');
  });

  it('hostile feed text stays text in the picture: markup, quotes, ampersands and control characters', async () => {
    // SYNTHETIC figure with a hostile name and source.
    const name = '<img src=x onerror="alert(1)"> Sở & "Ngành" \u0007 <svg onload=alert(2)>';
    const feed = { chiso: 1, source: { name: 'Nguồn </text><script>alert(3)</script>' }, indicators: [{ id: 'x', name, unit: 'hồ sơ' }], observations: [{ area: '25', period: '2024', value: 1283 }] };
    const el = await fixture<Figure>(html`<chiso-stat style="display:block;width:320px" .data=${feed}></chiso-stat>`);
    await waitUntil(() => el.state === 'ready');
    const { doc, all } = await pictureOf(el);
    expect(doc.querySelector('img, script, foreignObject'), 'no element from the feed').to.equal(null);
    expect([...doc.querySelectorAll('svg')].every((n) => !n.hasAttribute('onload'))).to.equal(true);
    expect(all).to.contain(squash('<img src=x onerror="alert(1)"> Sở & "Ngành"'));
    expect(all).to.contain(squash('</text><script>alert(3)</script>'));
    expect(all).to.not.contain('\u0007');
    const png = await el.toImage({ scale: 1 });
    expect(png.type, 'the PNG is made from the same SVG').to.equal('image/png');
  });

  it('<chiso-ranking>: every row\'s name and figure, the bars as rectangles whose pixels are the bars\' colours', async () => {
    // SYNTHETIC figures for five provinces, with a source line.
    const feed = {
      chiso: 1, source: { name: 'Dữ liệu mẫu (tổng hợp)', updated: '2025-05-23' },
      indicators: [{ id: 'x', name: 'Chỉ số mẫu', unit: '%' }],
      observations: [['01', 91.2], ['79', 88.5], ['25', 87.86], ['31', 80.1], ['48', 76.4]].map(([area, value]) => ({ area, level: 'province', period: '2024', value })),
    };
    const el = await fixture<Figure>(html`<chiso-ranking style="display:block;width:480px" .data=${feed}></chiso-ranking>`);
    await waitUntil(() => el.state === 'ready');
    const { doc, all } = await pictureOf(el);
    const rows = [...el.shadowRoot!.querySelectorAll('li[part~="row"]')];
    expect(rows).to.have.length(5);
    for (const row of rows) for (const cell of row.querySelectorAll('.name, .value')) expect(all, 'a shown cell').to.contain(squash(text(cell)));
    expect(all.match(/Dữliệumẫu\(tổnghợp\)/g), 'the source, once').to.have.length(1);
    const bars = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.bar')];
    expect(bars).to.have.length(5);
    const box = el.getBoundingClientRect();
    const png = await el.toImage({ scale: 1 });
    for (const bar of bars) {
      const color = getComputedStyle(bar).backgroundColor;
      expect(doc.querySelector(`rect[fill="${color}"]`), `a bar in ${color}`).to.exist;
      const r = bar.getBoundingClientRect();
      expect(await pixel(png, r.left - box.left + r.width / 2, r.top - box.top + r.height / 2)).to.equal(color);
    }
  });

  it('<chiso-progress>: the stacked bar\'s parts in their colours and the counts as text, the source under it', async () => {
    // SYNTHETIC plan: 20 tasks of three departments in four statuses.
    const plan = {
      chiso: 1, indicators: [{ id: 'kh.nhiem_vu', name: 'Nhiệm vụ kế hoạch (dữ liệu mẫu)', unit: 'nhiệm vụ' }], source: { name: 'Dữ liệu mẫu (không phải số liệu thật)' },
      observations: ([['so-a', 'Sở A', 'hoàn thành', 4], ['so-a', 'Sở A', 'Chậm tiến độ', 2], ['so-b', 'Sở B', 'done', 5], ['so-b', 'Sở B', 'đúng tiến độ', 3], ['so-c', 'Sở C', 'chưa triển khai', 6]] as const)
        .map(([id, name, status, value]) => ({ area: '08', level: 'province', period: '2025', subject: { id, name }, value, dims: { status } })),
    };
    const el = await fixture<Figure>(html`<chiso-progress style="display:block;width:420px" .data=${plan}></chiso-progress>`);
    await waitUntil(() => el.state === 'ready');
    const { doc, all } = await pictureOf(el);
    const segments = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.bar > span')].filter((s) => s.getBoundingClientRect().width > 2);
    expect(segments).to.have.length(4);
    for (const s of segments) {
      const color = getComputedStyle(s).backgroundColor;
      expect(doc.querySelector(`rect[fill="${color}"]`), `a part in ${color}`).to.exist;
    }
    const label = text(el.shadowRoot!.querySelector('[part~="label"]'));
    expect(label).to.not.equal('');
    expect(all).to.contain(squash(label));
    expect(all).to.contain(squash('9/20 nhiệm vụ hoàn thành'));
    expect(all.match(/Dữliệumẫu\(khôngphảisốliệuthật\)/g), 'the source, once').to.have.length(1);
  });
});
