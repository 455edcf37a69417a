// <chiso-progress>'s model, from source: counts by status in Vietnamese or English words, the plan's size (a
// status-less row, a `total` row or another indicator) with the tasks of no status kept apart, a plan smaller than
// its counts said and not corrected, units and deadlines, and the same plan read from CSV and JSON-stat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseFeed } from '@chiso/core';
import { buildProgress, normalizeTaskStatus } from '../../packages/gauge/src/progress-model.ts';

const published = parseFeed(readFileSync(new URL('../../examples/feeds/so-lieu-cong-bo.json', import.meta.url), 'utf8'));

// SYNTHETIC: a plan of 20 tasks of three made-up departments.
const plan = {
  chiso: 1, indicators: [{ id: 'kh.nhiem_vu', name: 'Nhiệm vụ kế hoạch (dữ liệu mẫu)', unit: 'nhiệm vụ' }],
  observations: [
    ['so-a', 'Sở A', 'hoàn thành', 4, '2025-06-30'], ['so-a', 'Sở A', 'Chậm tiến độ', 2, '2025-06-30'],
    ['so-b', 'Sở B', 'done', 5, '2025-12-31'], ['so-b', 'Sở B', 'đúng tiến độ', 3, '2025-12-31'],
    ['so-c', 'Sở C', 'chua trien khai', 4, '2026-03-31'], ['so-c', 'Sở C', 'Thí điểm', 2, '2026-03-31'],
  ].map(([id, name, status, value, deadline]) => ({ area: '08', level: 'province', period: '2025', subject: { id, name }, value, dims: { status, deadline } })),
};

test('status words in Vietnamese and English, with or without diacritics, fold to one key; the feed\'s own words stay', () => {
  assert.equal(normalizeTaskStatus('Hoàn thành'), 'done');
  assert.equal(normalizeTaskStatus('hoan thanh'), 'done');
  assert.equal(normalizeTaskStatus('ĐÚNG TIẾN ĐỘ'), 'on-schedule');
  assert.equal(normalizeTaskStatus('behind schedule'), 'late');
  assert.equal(normalizeTaskStatus('Chưa triển khai'), 'not-started');
  assert.equal(normalizeTaskStatus('kế hoạch'), 'total');
  assert.equal(normalizeTaskStatus(' Thí điểm '), 'Thí điểm');
});

test('counts by status summed over units, in drawing order; "9/20 hoàn thành"; units with their deadlines, overdue only when not complete', () => {
  const v = buildProgress(parseFeed(plan), { asOf: '2025-09-01' });
  assert.equal(v.total, 20);
  assert.equal(v.complete, 9);
  assert.equal(v.completeKnown, true);
  assert.deepEqual(v.byStatus, { done: 9, late: 2, 'on-schedule': 3, 'not-started': 4, 'Thí điểm': 2 });
  assert.deepEqual(v.statuses.map((s) => s.key), ['done', 'on-schedule', 'late', 'not-started', 'Thí điểm']);
  assert.deepEqual(v.statuses.map((s) => s.kind), ['done', 'on-schedule', 'late', 'not-started', 'other']);
  assert.deepEqual(v.units.map((u) => [u.key, u.complete, u.total, u.deadline, !!u.overdue]), [
    ['so-a', 4, 6, '2025-06-30', true], ['so-b', 5, 8, '2025-12-31', false], ['so-c', 0, 6, '2026-03-31', false]]);
  assert.equal(v.deadline, '2026-03-31');
  assert.equal(v.overdue, undefined);
  // Counted as complete: done and on schedule.
  assert.equal(buildProgress(parseFeed(plan), { complete: ['done', 'đúng tiến độ'] }).complete, 12);
  // English labels.
  assert.equal(buildProgress(parseFeed(plan), { lang: 'en' }).statuses[1].label, 'on schedule');
});

test('the plan\'s size: a status-less row is the plan, its tasks without a status are kept apart; a plan smaller than its counts is flagged, not changed', () => {
  const withPlan = structuredClone(plan);
  withPlan.observations.push({ area: '08', level: 'province', period: '2025', value: 25 });
  const v = buildProgress(parseFeed(withPlan));
  // The plan row (no subject) is the publisher's total; the units' rows are its breakdown, summed under it.
  assert.equal(v.planned, 25);
  assert.equal(v.total, 25);
  assert.equal(v.byStatus.unreported, 5, 'the 20 counted by unit, and 5 of the plan with no status');
  assert.equal(v.complete, 9);
  assert.equal(v.completeKnown, true);
  // A plan of 15 with 20 counted by status: total is the 20 counted, the mismatch is flagged.
  const small = structuredClone(plan);
  small.observations = small.observations.map(({ subject, ...o }) => ({ ...o, dims: { status: o.dims.status } }));
  small.observations.push({ area: '08', period: '2025', value: 15, dims: { status: 'Tổng số' } });
  const s = buildProgress(parseFeed(small));
  assert.equal(s.total, 20);
  assert.equal(s.planned, 15);
  assert.equal(s.planBelowCount, true);
  assert.equal(s.byStatus.unreported, undefined);
  // A plan given as another indicator.
  const other = structuredClone(small);
  other.observations.pop();
  other.indicators.push({ id: 'kh.tong' });
  other.observations.forEach((o) => (o.indicator = 'kh.nhiem_vu'));
  other.observations.push({ indicator: 'kh.tong', area: '08', period: '2025', value: 30 });
  const o = buildProgress(parseFeed(other), { indicator: 'kh.nhiem_vu', planned: 'kh.tong' });
  assert.deepEqual([o.total, o.byStatus.unreported, o.complete], [30, 10, 9]);
});

test('published: Tuyên Quang\'s plan of 81 digital-transformation tasks (2024) is 81 in the plan, none by status: no "0/81 done" is made up', () => {
  const v = buildProgress(published, { indicator: 'dx.tasks_planned', area: '08' });
  assert.equal(v.total, 81);
  assert.equal(v.planned, 81);
  assert.equal(v.period, '2024');
  assert.deepEqual(v.byStatus, { unreported: 81 });
  assert.equal(v.completeKnown, false);
  assert.match(v.source.name.vi, /Tuyên Quang/);
});

test('the same plan from CSV (trạng thái, cơ quan, hạn as dd/mm/yyyy columns) and from JSON-stat (a status dimension)', () => {
  const csv = 'ma_tinh,nam,co_quan,trang_thai,han,gia_tri\n08,2025,Sở A,Hoàn thành,30/6/2025,4\n08,2025,Sở A,Chậm tiến độ,30/6/2025,2\n08,2025,Sở B,Đúng tiến độ,31/12/2025,3\n';
  const v = buildProgress(parseFeed(csv), { asOf: '2025-09-01' });
  assert.deepEqual(v.byStatus, { done: 4, late: 2, 'on-schedule': 3 });
  assert.deepEqual(v.units.map((u) => [u.name, u.deadline, !!u.overdue]), [['Sở A', '2025-06-30', true], ['Sở B', '2025-12-31', false]]);
  const jsonstat = {
    version: '2.0', class: 'dataset', label: 'Nhiệm vụ (dữ liệu mẫu)', id: ['tinh', 'nam', 'trang_thai'], size: [1, 1, 3],
    dimension: {
      tinh: { label: 'Tỉnh', category: { index: ['08'], label: { '08': 'Tuyên Quang' } } },
      nam: { label: 'Năm', category: { index: ['2025'] } },
      trang_thai: { label: 'Trạng thái', category: { index: ['ht', 'dtd', 'ctk'], label: { ht: 'Hoàn thành', dtd: 'Đúng tiến độ', ctk: 'Chưa triển khai' } } },
    },
    value: [10, 6, 4],
  };
  const j = buildProgress(parseFeed(jsonstat));
  assert.deepEqual(j.byStatus, { done: 10, 'on-schedule': 6, 'not-started': 4 });
  assert.equal(j.total, 20);
});

test('nothing to show: no feed, no indicator, no counts', () => {
  assert.equal(buildProgress(undefined), undefined);
  assert.equal(buildProgress(parseFeed({ chiso: 1, observations: [{ area: '08', value: null }] })), undefined);
});

test('a plan feed with statuses and deadlines is valid chiso feed v1 (JSON Schema); a deadline that is not a date is not', () => {
  const schema = JSON.parse(readFileSync(new URL('../../packages/core/schema/feed-v1.schema.json', import.meta.url), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  assert.ok(validate(plan), JSON.stringify(validate.errors?.slice(0, 3)));
  const bad = structuredClone(plan);
  bad.observations[0].dims.deadline = 'next spring';
  assert.equal(validate(bad), false);
});
