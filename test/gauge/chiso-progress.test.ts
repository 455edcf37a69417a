// <chiso-progress> in Chromium: the stacked bar drawn in proportion and in the status colours, "9/20 nhiệm vụ hoàn
// thành" shown and read out, the legend and table, units with deadlines, a published plan with no status counts
// (nothing made up), English, the high-contrast theme, a refresh that fails (last good kept), and hostile text.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearFeedCache } from '@chiso/core';
import '@chiso/gauge';
import type { ChisoProgress } from '@chiso/gauge';
import { nextEvent, publishedFeed, text } from '../helpers/feeds.js';

const GOOD = 'rgb(26, 127, 55)';
const BAD = 'rgb(207, 34, 46)';
const ACCENT = 'rgb(9, 105, 218)';

// SYNTHETIC: a plan of 20 tasks of three made-up departments.
const plan = () => ({
  chiso: 1, indicators: [{ id: 'kh.nhiem_vu', name: { vi: 'Nhiệm vụ kế hoạch (dữ liệu mẫu)', en: 'Plan tasks (sample data)' }, unit: 'nhiệm vụ' }],
  observations: ([
    ['so-a', 'Sở A', 'hoàn thành', 4, '2025-06-30'], ['so-a', 'Sở A', 'Chậm tiến độ', 2, '2025-06-30'],
    ['so-b', 'Sở B', 'done', 5, '2025-12-31'], ['so-b', 'Sở B', 'đúng tiến độ', 3, '2025-12-31'],
    ['so-c', 'Sở C', 'chưa triển khai', 6, '2026-03-31'],
  ] as const).map(([id, name, status, value, deadline]) => ({ area: '08', level: 'province', period: '2025', subject: { id, name }, value, dims: { status, deadline } })),
  source: { name: 'Dữ liệu mẫu (không phải số liệu thật)' },
});
const segments = (el: ChisoProgress) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="bar"] > span')];

describe('<chiso-progress>', () => {
  beforeEach(() => clearFeedCache());

  it('one stacked bar in proportion and in the status colours; "9/20 nhiệm vụ hoàn thành" shown and read out; legend, summary, chiso-ready', async () => {
    const el = document.createElement('chiso-progress') as ChisoProgress;
    el.asOf = '2025-09-01';
    const ready = nextEvent<{ total: number; complete: number; byStatus: Record<string, number> }>(el, 'chiso-ready');
    el.data = plan();
    document.body.append(el);
    try {
      expect((await ready).detail).to.deep.include({ total: 20, complete: 9 });
      expect(el.summary).to.deep.equal({ total: 20, complete: 9, byStatus: { done: 9, late: 2, 'on-schedule': 3, 'not-started': 6 } });
      const root = el.shadowRoot!;
      expect(text(root.querySelector('[part="summary"] [aria-hidden]'))).to.equal('9/20 nhiệm vụ hoàn thành');
      expect(text(root.querySelector('[part="summary"] .visually-hidden'))).to.equal('9 trên 20 nhiệm vụ hoàn thành');
      const segs = segments(el);
      expect(segs.map((s) => s.dataset.status)).to.deep.equal(['done', 'on-schedule', 'late', 'not-started']);
      expect(getComputedStyle(segs[0]).backgroundColor).to.equal(GOOD);
      expect(getComputedStyle(segs[1]).backgroundColor).to.equal(ACCENT);
      expect(getComputedStyle(segs[2]).backgroundColor).to.equal(BAD);
      // Widths in proportion to the counts (9 : 3 : 2 : 6), within a pixel of the 2 px gaps.
      const w = segs.map((s) => s.getBoundingClientRect().width);
      const inner = w.reduce((a, b) => a + b, 0);
      [9, 3, 2, 6].forEach((n, i) => expect(Math.abs(w[i] - (inner * n) / 20)).to.be.below(1.5, `segment ${i}`));
      expect(root.querySelector('[part="bar"]')!.getAttribute('role')).to.equal('img');
      expect(root.querySelector('[part="bar"]')!.getAttribute('aria-label')).to.equal('Nhiệm vụ kế hoạch (dữ liệu mẫu): hoàn thành 9, đúng tiến độ 3, chậm tiến độ 2, chưa triển khai 6');
      expect([...root.querySelectorAll('[part="legend"] li')].map(text)).to.deep.equal([
        'hoàn thành: 9 (45 %)', 'đúng tiến độ: 3 (15 %)', 'chậm tiến độ: 2 (10 %)', 'chưa triển khai: 6 (30 %)']);
      expect(root.querySelector('[part="units"]')).to.equal(null, 'units only with by-unit');
      // The table lists every unit and status, with the totals.
      const rows = [...root.querySelectorAll('[part="details"] tbody tr')].map((r) => [...r.children].map(text));
      expect(rows.at(-1)).to.deep.equal(['Tổng', '9', '3', '2', '6', '20']);
      expect(rows[0]).to.deep.equal(['Sở A', '4', '0', '2', '0', '6']);
    } finally {
      el.remove();
    }
  });

  it('by-unit: one bar per unit with its count and deadline; a passed deadline with tasks not done is marked', async () => {
    const el = await fixture<ChisoProgress>(html`<chiso-progress by-unit as-of="2025-09-01" .data=${plan()}></chiso-progress>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    const units = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="unit"]')];
    expect(units.map((u) => u.dataset.key)).to.deep.equal(['so-a', 'so-b', 'so-c']);
    expect(text(units[0].querySelector('.count'))).to.equal('4/6');
    expect(text(units[0].querySelector('.when'))).to.equal('Hạn: 30/06/2025 · đã quá hạn');
    expect(getComputedStyle(units[0].querySelector('.overdue')!).color).to.equal(BAD);
    expect(text(units[1].querySelector('.when'))).to.equal('Hạn: 31/12/2025');
    expect(units[2].querySelectorAll('.bar > span')).to.have.length(1);
    expect(text(el.shadowRoot!.querySelector('[part="deadline"]'))).to.equal('Hạn: 31/03/2026');
  });

  it('published: Tuyên Quang\'s 81 tasks of 2024 read "81 nhiệm vụ trong kế hoạch", hatched, with no status made up; its source shown', async () => {
    const el = await fixture<ChisoProgress>(html`<chiso-progress .data=${publishedFeed('dx.tasks_planned', '08')}></chiso-progress>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[part="summary"]'))).to.equal('81 nhiệm vụ trong kế hoạch');
    expect(text(root.querySelector('[part="note"]'))).to.equal('Chưa có số liệu theo tình trạng.');
    expect(segments(el).map((s) => s.className)).to.deep.equal(['kind-unreported']);
    expect(text(root.querySelector('[part="subtitle"]'))).to.equal('2024');
    expect(text(root.querySelector('[part="source"]'))).to.match(/^Nguồn: Tỉnh Tuyên Quang, báo cáo công khai năm 2024/);
    expect(el.summary).to.deep.equal({ total: 81, complete: 0, byStatus: { unreported: 81 } });
  });

  it('English; the high-contrast theme\'s colours', async () => {
    const el = await fixture<ChisoProgress>(html`<chiso-progress lang="en" theme="contrast" complete="done,on-schedule" .data=${plan()}></chiso-progress>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[part="summary"] [aria-hidden]'))).to.equal('12/20 nhiệm vụ done or on schedule');
    expect(text(root.querySelector('[part="label"]'))).to.equal('Plan tasks (sample data)');
    expect(getComputedStyle(segments(el)[0]).backgroundColor).to.equal('rgb(0, 255, 102)');
    expect(getComputedStyle(root.querySelector('[part="base"]')!).backgroundColor).to.equal('rgb(0, 0, 0)');
  });

  it('bad input: a feed that fails after a good one keeps the last good bar, says why and fires chiso-error; feed text is never HTML', async () => {
    const el = await fixture<ChisoProgress>(html`<chiso-progress .data=${plan()}></chiso-progress>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    const error = nextEvent<{ code: string }>(el, 'chiso-error');
    el.data = '{"chiso": 1, "observations": [';
    expect((await error).detail.code).to.equal('parse');
    await waitUntil(() => el.state === 'stale', 'stale');
    expect(segments(el)).to.have.length(4);
    expect(el.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
    const hostile = plan();
    hostile.observations[0].subject.name = '<img src=x onerror=alert(1)>' as never;
    hostile.observations[0].dims.status = '<b>xấu</b>' as never;
    const h = await fixture<ChisoProgress>(html`<chiso-progress by-unit .data=${hostile}></chiso-progress>`);
    await waitUntil(() => h.state === 'ready', 'ready');
    expect(h.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(text(h.shadowRoot!.querySelector('[part="unit"] .name'))).to.equal('<img src=x onerror=alert(1)>');
    expect([...h.shadowRoot!.querySelectorAll('[part="legend"] li')].map(text)).to.include('<b>xấu</b>: 4 (20 %)');
  });
});
