// The published figures: one file (examples/feeds/so-lieu-cong-bo.json), each figure with its source, equal to the
// figures as the provinces published them (typed again here from the reports, independently of the file); every
// sample feed that shows a figure as real agrees with it; every feed validates against the JSON Schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseFeed, isPartYear } from '@chiso/core';

const read = (p) => JSON.parse(readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8'));
const published = read('examples/feeds/so-lieu-cong-bo.json');

/** [indicator, area, level, period, value, extra] as the reports give them. */
const REPORTED = [
  ['dvc.online_rate', '25', 'province', '2021', 87.86, { numerator: 349887 }],
  ['dvc.online_rate', '25', 'province', '2021', 34.1, { tier: 'district', numerator: 56732 }],
  ['dvc.online_rate', '25', 'province', '2021', 16.55, { tier: 'commune', numerator: 48069 }],
  ['dvc.online_dossiers', '25', 'province', '2021', 349887],
  ['dvc.online_dossiers', '25', 'province', '2021', 56732, { tier: 'district' }],
  ['dvc.online_dossiers', '25', 'province', '2021', 48069, { tier: 'commune' }],
  ['dvc.dossiers', '06', 'province', '2018', 73138],
  ['dvc.dossiers', '06', 'province', '2019', 133802],
  ['dvc.dossiers', '06', 'province', '2020', 166049],
  ['dvc.dossiers', '06', 'province', '2021-01/2021-05', 59234],
  ['dvc.online_dossiers', '06', 'province', '2018', 7654],
  ['dvc.online_dossiers', '06', 'province', '2019', 21957],
  ['dvc.online_dossiers', '06', 'province', '2020', 32483],
  ['dvc.online_dossiers', '06', 'province', '2021-01/2021-05', 9784],
  ['dvc.online_rate', '06', 'province', '2021-01/2021-05', 16.6],
  ['dvc.level34_services_rate', '06', 'province', '2021', 71.78],
  ['dvc.level4_services_rate', '06', 'province', '2021', 71.01],
  ['par.rank', '06', 'province', '2019', null, { rank: 55, rankOf: 63 }],
  ['ict.rank', '06', 'province', '2019', null, { rank: 16, rankOf: 63 }],
  ['ict.rank', '06', 'province', '2018', null, { rank: 26, rankOf: 63 }],
  ['ict.rank', '06', 'province', '2016', null, { rank: 57, rankOf: 63 }],
  ['eid.accounts', '30', 'province', '', 860000, { qualifier: 'nearly', rank: 10 }],
  ['eid.level1_activations', '30', 'province', '', 50560, { qualifier: 'over' }],
  ['eid.level2_activations', '30', 'province', '', 412310, { qualifier: 'over' }],
  ['da06.essential_services_online70', '30', 'province', '2023-01-01/2023-04-20', 23, { denominator: 25 }],
  ['bts.sites', '08', 'province', '2024', 1283],
  ['bts.villages_covered_rate', '08', 'province', '2024', 100],
  ['da06.tasks_on_schedule', '08', 'province', '2024', 73],
  ['dx.tasks_planned', '08', 'province', '2024', 81],
  ['da06.tasks_planned', '08', 'province', '2024', 71],
];

test('every reported figure is in the file, exactly, with its source; nothing else is', () => {
  const model = parseFeed(published);
  const figures = model.observations.filter((o) => o.indicator !== 'dx.top_units');
  assert.equal(figures.length, REPORTED.length, 'one entry per reported figure');
  for (const [indicator, area, level, period, value, extra = {}] of REPORTED) {
    const o = figures.find((x) => x.indicator === indicator && x.area === area && x.level === level && x.period === period && x.tier === extra.tier);
    assert.ok(o, `${indicator} ${area} ${level} ${period}`);
    assert.equal(o.value, value, `${indicator} ${area} ${period}`);
    for (const [k, v] of Object.entries(extra)) assert.equal(o[k], v, `${indicator} ${area} ${period}: ${k}`);
    assert.ok(o.source?.name?.vi && o.source?.name?.en, `${indicator} ${area} ${period}: a source in both languages`);
  }
  // Tuyên Quang's three leading units of 2023, by name.
  const units = model.observations.filter((o) => o.indicator === 'dx.top_units').map((o) => o.subject.name);
  assert.deepEqual(units, ['Sở Tư pháp', 'Thành phố Tuyên Quang', 'Xã Tràng Đà']);
  // The first five months of 2021 are a part of a year, never the year.
  assert.ok(model.observations.filter((o) => o.period.startsWith('2021-01/')).every((o) => isPartYear(o.period)));
  assert.ok(!model.observations.some((o) => o.area === '06' && o.period === '2021' && o.indicator === 'dvc.dossiers'));
});

test('sample feeds that show real figures agree with the published file; the others say they are synthetic', () => {
  const key = (o) => [o.indicator, o.area, o.level ?? '', o.tier ?? '', o.period].join('|');
  const truth = new Map(parseFeed(published).observations.map((o) => [key(o), o]));
  for (const file of readdirSync(new URL('../../examples/feeds/', import.meta.url)).filter((f) => f.endsWith('.json'))) {
    const feed = read(`examples/feeds/${file}`);
    for (const o of parseFeed(feed).observations) {
      const t = truth.get(key(o));
      assert.ok(t, `${file}: ${key(o)} is not a published figure`);
      for (const k of ['value', 'numerator', 'denominator', 'rank', 'rankOf', 'qualifier']) assert.equal(o[k], t[k], `${file}: ${key(o)} ${k}`);
    }
  }
});

test('every example feed validates against the JSON Schema (ajv, draft 2020-12)', () => {
  const schema = read('packages/core/schema/feed-v1.schema.json');
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  for (const file of readdirSync(new URL('../../examples/feeds/', import.meta.url)).filter((f) => f.endsWith('.json'))) {
    assert.ok(validate(read(`examples/feeds/${file}`)), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
  for (const example of schema.examples) assert.ok(validate(example), JSON.stringify(validate.errors));
  // The schema refuses what the reader refuses: a rank of 0, an unknown qualifier.
  assert.equal(validate({ chiso: 1, observations: [{ area: '06', value: null, rank: 0 }] }), false);
  assert.equal(validate({ chiso: 1, observations: [{ area: '06', value: 1, qualifier: 'lots' }] }), false);
  assert.throws(() => parseFeed({ chiso: 1, observations: [{ area: '06', value: null, rank: 0 }] }));
  assert.throws(() => parseFeed({ chiso: 1, observations: [{ area: '06', value: 1, qualifier: 'lots' }] }));
});
