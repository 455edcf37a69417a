// <chiso-stat>'s model, from source: every published figure issue 15 names, read with its unit, qualifier, rank
// and change (a rise from 26/63 to 16/63 is a rise of 10 places), and the Vietnamese compact forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseFeed } from '@chiso/core';
import { compactNumber, qualifierWord, rankChangeSpoken, rankChangeText, rankText, resolveStat } from '../../packages/gauge/src/stat-model.ts';

const published = parseFeed(JSON.parse(readFileSync(new URL('../../examples/feeds/so-lieu-cong-bo.json', import.meta.url), 'utf8')));
const stat = (selector, o = {}, lang = 'vi') => {
  const r = resolveStat(published, selector, o, lang);
  assert.equal(r.kind, 'view', JSON.stringify(selector));
  return r.view;
};

test('Hải Dương: nearly 860,000 e-ID accounts, 10th of 63 nationally, with the report as source', () => {
  const v = stat({ indicator: 'eid.accounts', area: '30' });
  assert.equal(v.value, 860000);
  assert.equal(v.qualifier, 'nearly');
  assert.equal(v.unit, 'tài khoản');
  assert.equal(v.rank, 10);
  assert.equal(v.rankOf, 63);
  assert.match(JSON.stringify(v.source), /Hải Dương/);
  assert.equal(qualifierWord(v.qualifier), 'gần');
  assert.equal(qualifierWord('over', 'en'), 'over');
  assert.equal(v.level, 'province');
  assert.equal(rankText(v.rank, v.rankOf, 'vi', v.level), 'thứ 10/63 toàn quốc');
  assert.equal(rankText(v.rank, v.rankOf, 'en', v.level), '10th of 63 nationally');
  assert.equal(rankText(3, 34, 'vi', 'commune'), 'thứ 3/34', 'units of a province are not ranked nationally');
  assert.equal(stat({ indicator: 'eid.level1_activations', area: '30' }).qualifier, 'over');
});

test('Bắc Kạn ICT index: 57 (2016) → 26 (2018) → 16 (2019) of 63; the last move is a rise of 10 places', () => {
  const v = stat({ indicator: 'ict.rank', area: '06' });
  assert.equal(v.value, null, 'a published rank without a value');
  assert.equal(v.period, '2019');
  assert.equal(v.rank, 16);
  assert.equal(v.previous.period, '2018');
  assert.equal(v.previous.rank, 26);
  assert.equal(v.rankChange, 10);
  assert.equal(rankChangeText(v.rankChange), '▲ 10 bậc');
  assert.equal(rankChangeText(v.rankChange, 'en'), '▲ 10 places');
  assert.equal(rankChangeSpoken(v.rankChange, '2018'), 'tăng 10 bậc so với 2018');
  assert.equal(rankChangeSpoken(-3, '2018', 'en'), 'down 3 places from 2018');
  assert.deepEqual(v.series.map((p) => [p.period, p.rank]), [['2016', 57], ['2018', 26], ['2019', 16]]);
  const par = stat({ indicator: 'par.rank', area: '06' });
  assert.equal(rankText(par.rank, par.rankOf, 'vi', par.level), 'thứ 55/63 toàn quốc');
});

test('Bắc Kạn dossiers: the first five months of 2021 are compared with the same months of 2020 or nothing, never with a year', () => {
  const v = stat({ indicator: 'dvc.dossiers', area: '06' });
  assert.equal(v.period, '2021-01/2021-05');
  assert.equal(v.value, 59234);
  assert.equal(v.previous, undefined, 'the feed has no January–May 2020');
  assert.equal(v.delta, undefined);
  const y2020 = stat({ indicator: 'dvc.dossiers', area: '06', period: '2020' });
  assert.equal(y2020.value, 166049);
  assert.equal(y2020.previous.period, '2019');
  assert.equal(y2020.delta, 166049 - 133802);
  assert.ok(Math.abs(y2020.deltaPct - ((166049 - 133802) / 133802) * 100) < 1e-9);
  assert.equal(y2020.deltaImproves, true);
  // Read the other way (`direction="lower-is-better"`, e.g. dossiers still on paper): the same rise is for the worse.
  assert.equal(resolveStat(published, { indicator: 'dvc.dossiers', area: '06', period: '2020' }, { direction: 'lower-is-better' }).view.deltaImproves, false);
  assert.deepEqual(y2020.series.map((p) => p.period), ['2018', '2019', '2020'], 'the years, not the part-year');
});

test('Tuyên Quang: 1.283 BTS sites; a subject that is not an area is picked by its id', () => {
  const v = stat({ indicator: 'bts.sites', area: '08' });
  assert.equal(v.value, 1283);
  // SYNTHETIC: dossiers handled by two departments (subjects, not areas) of the made-up province 99.
  const byUnit = parseFeed({ chiso: 1, indicators: [{ id: 'hs', unit: 'hồ sơ' }], observations: [
    { indicator: 'hs', area: '99', subject: { id: 'so-tu-phap', name: 'Sở Tư pháp' }, period: '2024', value: 1200 },
    { indicator: 'hs', area: '99', subject: { id: 'so-xay-dung', name: 'Sở Xây dựng' }, period: '2024', value: 800 },
  ] });
  const unit = resolveStat(byUnit, { subject: 'so-xay-dung' }).view;
  assert.equal(unit.value, 800);
  assert.equal(unit.subject.name, 'Sở Xây dựng');
  assert.equal(resolveStat(byUnit, {}).view.subject.id, 'so-tu-phap', 'the first subject by default');
});

test('compact forms as reports write them, and progress to a target; nothing to show is empty, not zero', () => {
  assert.equal(compactNumber(860000), '860\u00a0nghìn');
  assert.equal(compactNumber(1234567), '1,2\u00a0triệu');
  assert.equal(compactNumber(3e9), '3\u00a0tỷ');
  assert.equal(compactNumber(1234567, 'en'), '1.2\u00a0million');
  assert.equal(compactNumber(999), '999');
  assert.equal(compactNumber(999999), '1\u00a0triệu', 'rounded before the scale is chosen');
  assert.equal(compactNumber(9960), '10\u00a0nghìn');
  assert.equal(compactNumber(999400), '999\u00a0nghìn');
  for (const [n, s] of [[1, '1st'], [2, '2nd'], [3, '3rd'], [11, '11th'], [12, '12th'], [13, '13th'], [21, '21st'], [22, '22nd'], [101, '101st']]) {
    assert.equal(rankText(n, undefined, 'en'), s);
  }
  // SYNTHETIC target: 73 tasks done of a plan of 81 is 90.1 %.
  const r = resolveStat(undefined, {}, { value: 73, target: 81, unit: 'nhiệm vụ' });
  assert.equal(r.kind, 'view');
  assert.ok(Math.abs(r.view.progress - 73 / 81) < 1e-12);
  // SYNTHETIC: overdue dossiers (lower is better) have no "progress to the target".
  const late = parseFeed({ chiso: 1, indicators: [{ id: 'late', direction: 'lower-is-better', target: 2 }], observations: [{ indicator: 'late', area: '99', period: '2025', value: 4 }] });
  assert.equal(resolveStat(late, {}).view.progress, undefined);
  assert.equal(resolveStat(undefined, {}).kind, 'empty');
  assert.throws(() => resolveStat(published, { indicator: 'bts.sites', area: '08' }, { value: 'abc' }), (e) => e.code === 'schema' && e.path === 'value', 'a value that is not a number is an error, not the feed\'s figure');
  assert.equal(resolveStat(published, { indicator: 'eid.accounts', area: '01' }).kind, 'empty', 'no figure for Hà Nội');
});
