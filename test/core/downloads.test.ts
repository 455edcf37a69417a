// The CSV of the figure elements in Chromium ("Tải xuống" → "Dữ liệu (CSV)"): the CSV each gives (the same rows as its table, the
// Vietnamese names intact, figures as plain numbers, the period and source on every row), the menu's item firing a
// cancelable chiso-download with the file, its name, and no-download hiding the button.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@chiso/gauge';
import '@chiso/chart';
import type { ChisoGauge, ChisoGaugeGroup, ChisoProgress, ChisoRanking, ChisoStat } from '@chiso/gauge';
import type { ChisoTrend } from '@chiso/chart';
import { nextEvent, phuThoFeed, publishedFeed } from '../helpers/feeds.js';
import { chooseFromMenu } from '../helpers/menu.js';

/** The CSV's rows as cells (no quoted commas in these fixtures), the byte-order mark checked and taken off. */
function rowsOf(csv: string): string[][] {
  expect(csv.charCodeAt(0), 'a byte-order mark for Excel').to.equal(0xfeff);
  return csv.slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
}

const PT_SOURCE = 'Tỉnh Phú Thọ';

describe('downloads (CSV)', () => {
  it('<chiso-gauge>: Phú Thọ\'s published 87,86 % as 87.86 with its 349.887 online dossiers, period and source; the button saves it', async () => {
    const el = await fixture<ChisoGauge>(html`<chiso-gauge .data=${phuThoFeed} level="province"></chiso-gauge>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    const rows = rowsOf(await el.toCSV());
    const head = rows[0];
    const row = Object.fromEntries(head.map((h, i) => [h, rows.at(-1)![i]]));
    expect(row['Mã địa bàn']).to.equal('25');
    expect(row['Tên']).to.equal('Phú Thọ');
    expect(row['Kỳ']).to.equal('2021');
    expect(row['Giá trị']).to.equal('87.86');
    expect(row['Tử số']).to.equal('349887');
    expect(row['Nguồn']).to.contain(PT_SOURCE);
    // The button is in the details, whose code loads when a reader first opens them.
    expect(el.shadowRoot!.querySelector('[part="download"]')).to.equal(null);
    el.shadowRoot!.querySelector<HTMLDetailsElement>('[part="details"]')!.open = true;
    await waitUntil(() => el.shadowRoot!.querySelector('[part="download"]'), 'the details drawn, with the button');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!;
    expect(button.textContent!.trim()).to.equal('Tải xuống');
    expect(getComputedStyle(button).cursor, 'the details\' styles adopted with their code').to.equal('pointer');
    const saved = nextEvent<{ format: string; filename: string; text: string }>(el, 'chiso-download');
    el.addEventListener('chiso-download', (e) => e.preventDefault(), { once: true });
    await chooseFromMenu(button, /CSV/);
    const detail = (await saved).detail;
    expect(detail.format).to.equal('csv');
    expect(detail.filename).to.match(/^[a-z0-9-]+\.csv$/);
    expect(detail.text).to.equal(await el.toCSV());
    el.noDownload = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="download"]')).to.equal(null);
  });

  it('<chiso-gauge-group>: one CSV of Phú Thọ\'s three published tiers (87.86, 34.1, 16.55) and one button, none on each gauge', async () => {
    const el = await fixture<ChisoGaugeGroup>(html`<chiso-gauge-group .data=${phuThoFeed}></chiso-gauge-group>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    const rows = rowsOf(await el.toCSV());
    const value = rows[0].indexOf('Giá trị');
    const level = rows[0].indexOf('Cấp');
    expect(rows.slice(1).map((r) => [r[level], r[value]])).to.deep.equal([['Cấp tỉnh', '87.86'], ['Cấp huyện', '34.1'], ['Cấp xã', '16.55']]);
    expect(el.shadowRoot!.querySelectorAll('[part="download"]')).to.have.length(1);
    const gauges = [...el.shadowRoot!.querySelectorAll('chiso-gauge')];
    // Each gauge's details opened and drawn (their table there), with no button of their own.
    for (const g of gauges) g.shadowRoot!.querySelector<HTMLDetailsElement>('[part="details"]')!.open = true;
    await waitUntil(() => gauges.every((g) => g.shadowRoot!.querySelector('[part="details"] table')), 'every gauge\'s details drawn');
    expect(gauges.every((g) => !g.shadowRoot!.querySelector('[part="download"]'))).to.equal(true);
  });

  it('<chiso-ranking>: every row in the table\'s order, ranks and keys as in rows; English headers in English', async () => {
    // SYNTHETIC rates of four made-up units.
    const feed = { chiso: 1, indicators: [{ id: 'r', name: 'Tỷ lệ (mẫu)', unit: '%' }], observations: [['a', 90], ['b', 70], ['c', 70], ['d', 40]]
      .map(([id, value]) => ({ area: '99', subject: { id, name: `Sở ${String(id).toUpperCase()}` }, period: '2025', value })), source: { name: 'Dữ liệu mẫu' } };
    const el = await fixture<ChisoRanking>(html`<chiso-ranking .data=${feed}></chiso-ranking>`);
    await waitUntil(() => el.state === 'ready', 'ready');
    const rows = rowsOf(await el.toCSV());
    expect(rows[0]).to.deep.equal(['Hạng', 'Mã địa bàn', 'Tên', 'Giá trị', 'Đơn vị', 'Kỳ', 'Nguồn']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).to.deep.equal(el.rows.map((r) => [String(r.rank), r.key, r.name, String(r.value)]));
    el.lang = 'en';
    await el.updateComplete;
    expect(rowsOf(await el.toCSV())[0][0]).to.equal('Rank');
  });

  it('<chiso-stat>, <chiso-progress>, <chiso-trend>: their series, statuses and points, with the published figures where they are real', async () => {
    const stat = await fixture<ChisoStat>(html`<chiso-stat .data=${publishedFeed('dvc.dossiers', '06')} period="2020"></chiso-stat>`);
    await waitUntil(() => stat.state === 'ready', 'stat ready');
    const s = rowsOf(await stat.toCSV());
    const value = s[0].indexOf('Giá trị');
    expect(s.slice(1).map((r) => r[value])).to.deep.equal(['73138', '133802', '166049']);
    const progress = await fixture<ChisoProgress>(html`<chiso-progress .data=${publishedFeed('dx.tasks_planned', '08')}></chiso-progress>`);
    await waitUntil(() => progress.state === 'ready', 'progress ready');
    const p = rowsOf(await progress.toCSV());
    expect(p[1].slice(0, 3)).to.deep.equal(['Tổng', 'chưa báo cáo tình trạng', '81']);
    const both = { ...publishedFeed('dvc.dossiers', '06'), indicators: [...publishedFeed('dvc.dossiers').indicators, ...publishedFeed('dvc.online_dossiers').indicators],
      observations: [...publishedFeed('dvc.dossiers', '06').observations, ...publishedFeed('dvc.online_dossiers', '06').observations] };
    const trend = await fixture<ChisoTrend>(html`<chiso-trend indicator="dvc.dossiers,dvc.online_dossiers" .data=${both}></chiso-trend>`);
    await waitUntil(() => trend.state === 'ready', 'trend ready');
    const t = rowsOf(await trend.toCSV());
    expect(t.length).to.equal(1 + 8);
    const period = t[0].indexOf('Kỳ');
    const v = t[0].indexOf('Giá trị');
    expect(t.slice(1).filter((r) => r[period] === '2021-01/2021-05').map((r) => r[v])).to.deep.equal(['59234', '9784']);
    expect(trend.shadowRoot!.querySelector('[part="download"]')).to.exist;
  });
});
