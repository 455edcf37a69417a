// The custom-elements manifests shipped in the packages document the whole public surface.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../packages/chiso/custom-elements.json', import.meta.url), 'utf8'));
const decl = (tag) => manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);

test('chiso-gauge: attributes, properties, events, parts and CSS custom properties', () => {
  const g = decl('chiso-gauge');
  assert.ok(g, 'chiso-gauge is in the manifest');
  const attrs = g.attributes.map((a) => a.name);
  for (const a of ['src', 'indicator', 'area', 'level', 'period', 'refresh', 'timeout', 'value', 'min', 'max', 'unit', 'target', 'thresholds', 'label', 'direction', 'decimals', 'count-unit', 'variant', 'lang', 'theme']) {
    assert.ok(attrs.includes(a), `attribute ${a}`);
  }
  const members = g.members.map((m) => m.name);
  for (const m of ['data', 'state', 'current']) assert.ok(members.includes(m), `member ${m}`);
  assert.deepEqual(g.events.map((e) => e.name).sort(), ['chiso-download', 'chiso-error', 'chiso-ready']);
  assert.ok(members.includes('toCSV'), 'toCSV');
  for (const p of ['base', 'meter', 'indicator', 'target', 'value', 'delta', 'ratio', 'details', 'error', 'empty', 'skeleton', 'stale']) {
    assert.ok(g.cssParts.some((c) => c.name === p), `part ${p}`);
  }
  for (const c of ['--chiso-color-good', '--chiso-color-fair', '--chiso-color-bad', '--chiso-font-size']) {
    assert.ok(g.cssProperties.some((x) => x.name === c && x.description), `css property ${c}`);
  }
  assert.ok(g.attributes.every((a) => a.description || ['lang', 'theme'].includes(a.name)), 'every attribute is described');
});

test('chiso-gauge-group is documented too', () => {
  const g = decl('chiso-gauge-group');
  assert.ok(g);
  assert.ok(g.attributes.some((a) => a.name === 'by'));
  assert.ok(g.cssParts.some((p) => p.name === 'gauge'));
});

test('map elements: attributes, properties, events, parts and CSS custom properties', () => {
  const m = decl('chiso-map');
  assert.ok(m, 'chiso-map is in the manifest');
  const attrs = m.attributes.map((a) => a.name);
  for (const a of ['boundaries', 'join-key', 'name-key', 'source-layer', 'area', 'basemap', 'label', 'gestures', 'eager', 'lang', 'theme', 'search', 'sync-url', 'drill', 'renderer']) {
    assert.ok(attrs.includes(a), `chiso-map attribute ${a}`);
  }
  for (const p of ['map', 'ready', 'boundariesData', 'drilling', 'activeRenderer']) assert.ok(m.members.some((x) => x.name === p), `chiso-map member ${p}`);
  assert.deepEqual(m.events.map((e) => e.name).sort(), ['chiso-drill', 'chiso-error', 'chiso-paint', 'chiso-ready']);
  for (const part of ['search', 'search-input', 'search-list', 'drill-back']) assert.ok(m.cssParts.some((x) => x.name === part && x.description), `chiso-map part ${part}`);
  for (const c of ['--chiso-map-height', '--chiso-map-sea', '--chiso-map-land', '--chiso-map-outline']) {
    assert.ok(m.cssProperties.some((x) => x.name === c && x.description), `css property ${c}`);
  }
  const l = decl('chiso-choropleth-layer');
  assert.ok(l);
  for (const a of ['src', 'indicator', 'period', 'classes', 'palette', 'reverse', 'no-data-color', 'table-open']) {
    assert.ok(l.attributes.some((x) => x.name === a), `layer attribute ${a}`);
  }
  for (const p of ['legend', 'colorFor', 'classCounts', 'highlightClass', 'play', 'stop']) assert.ok(l.members.some((x) => x.name === p), `layer member ${p}`);
  assert.deepEqual(l.events.map((e) => e.name).sort(), ['chiso-change', 'chiso-download', 'chiso-error', 'chiso-ready', 'chiso-select']);
  assert.ok(decl('chiso-legend').attributes.some((a) => a.name === 'for'));
  assert.ok(decl('chiso-choropleth').attributes.some((a) => a.name === 'boundaries'));
  const own = JSON.parse(readFileSync(new URL('../../packages/map/custom-elements.json', import.meta.url), 'utf8'));
  assert.ok(own.modules.every((mod) => mod.path.startsWith('packages/map/')), 'the map package ships its own modules only');
});

test('the BTS layer documents its attributes, members, events, parts and CSS properties', () => {
  const b = decl('chiso-bts-layer');
  assert.ok(b, 'chiso-bts-layer in the manifest');
  for (const a of ['src', 'villages', 'operator', 'tech', 'radius', 'environment', 'coverage-opacity', 'hide-coverage', 'hide-sites', 'table-open', 'lang', 'theme']) {
    assert.ok(b.attributes.some((x) => x.name === a), `bts attribute ${a}`);
  }
  for (const p of ['stats', 'sites', 'asFeed', 'data', 'villageData']) assert.ok(b.members.some((x) => x.name === p), `bts member ${p}`);
  assert.deepEqual(b.events.map((e) => e.name).sort(), ['chiso-change', 'chiso-download', 'chiso-error', 'chiso-ready', 'chiso-select']);
  for (const part of ['legend', 'table', 'gaps', 'error']) assert.ok(b.cssParts.some((x) => x.name === part), `part ${part}`);
  for (const c of ['--chiso-bts-coverage', '--chiso-bts-gap', '--chiso-bts-viettel']) assert.ok(b.cssProperties.some((x) => x.name === c), `css property ${c}`);
  assert.ok(decl('chiso-choropleth-layer').attributes.some((a) => a.name === 'from'), 'choropleth from');
  const own = JSON.parse(readFileSync(new URL('../../packages/bts/custom-elements.json', import.meta.url), 'utf8'));
  assert.ok(own.modules.length && own.modules.every((mod) => mod.path.startsWith('packages/bts/')), 'the bts package ships its own modules only');
});

test('the case layer documents its attributes, members, events, parts and CSS properties', () => {
  const c = decl('chiso-case-layer');
  assert.ok(c, 'chiso-case-layer in the manifest');
  for (const a of ['src', 'counts', 'population', 'mode', 'measure', 'value', 'date', 'from', 'to', 'k', 'min-zoom-points', 'point-fields', 'speed', 'playing', 'loop', 'table-open', 'lang', 'theme']) {
    assert.ok(c.attributes.some((x) => x.name === a), `case attribute ${a}`);
  }
  for (const p of ['summary', 'dates', 'play', 'pause', 'step', 'data', 'countData', 'populationData']) assert.ok(c.members.some((x) => x.name === p), `case member ${p}`);
  assert.deepEqual(c.events.map((e) => e.name).sort(), ['chiso-change', 'chiso-date', 'chiso-download', 'chiso-error', 'chiso-ready', 'chiso-select']);
  for (const part of ['time', 'play', 'slider', 'chart', 'legend', 'table', 'error']) assert.ok(c.cssParts.some((x) => x.name === part), `part ${part}`);
  for (const v of ['--chiso-cases-bubble', '--chiso-cases-risk-1']) assert.ok(c.cssProperties.some((x) => x.name === v), `css property ${v}`);
  const own = JSON.parse(readFileSync(new URL('../../packages/cases/custom-elements.json', import.meta.url), 'utf8'));
  assert.ok(own.modules.length && own.modules.every((mod) => mod.path.startsWith('packages/cases/')), 'the cases package ships its own modules only');
});

test('the trend chart documents its attributes, events and parts', () => {
  const t = decl('chiso-trend');
  assert.ok(t, 'chiso-trend in the manifest');
  for (const a of ['src', 'indicator', 'area', 'level', 'label', 'unit', 'decimals', 'refresh', 'table-open', 'lang', 'theme']) assert.ok(t.attributes.some((x) => x.name === a), `trend attribute ${a}`);
  for (const p of ['data', 'points']) assert.ok(t.members.some((x) => x.name === p), `trend member ${p}`);
  assert.deepEqual(t.events.map((e) => e.name).sort(), ['chiso-download', 'chiso-error', 'chiso-ready']);
  for (const part of ['title', 'value', 'chart', 'table']) assert.ok(t.cssParts.some((x) => x.name === part), `part ${part}`);
});

test('the stat card and the ranking document their attributes, members, events, parts and CSS properties', () => {
  const s = decl('chiso-stat');
  assert.ok(s, 'chiso-stat in the manifest');
  for (const a of ['src', 'indicator', 'area', 'level', 'subject', 'period', 'value', 'unit', 'label', 'qualifier', 'direction', 'target', 'decimals', 'compact', 'no-sparkline', 'refresh', 'timeout', 'lang', 'theme']) {
    assert.ok(s.attributes.some((x) => x.name === a), `stat attribute ${a}`);
  }
  for (const m of ['data', 'current', 'state']) assert.ok(s.members.some((x) => x.name === m), `stat member ${m}`);
  assert.deepEqual(s.events.map((e) => e.name).sort(), ['chiso-download', 'chiso-error', 'chiso-ready']);
  for (const part of ['value', 'rank', 'delta', 'year-before', 'progress', 'sparkline', 'source', 'details']) assert.ok(s.cssParts.some((x) => x.name === part), `stat part ${part}`);
  assert.ok(s.cssProperties.some((x) => x.name === '--chiso-stat-value-size'));
  const r = decl('chiso-ranking');
  assert.ok(r, 'chiso-ranking in the manifest');
  for (const a of ['src', 'indicator', 'period', 'level', 'compare', 'direction', 'limit', 'highlight', 'label', 'refresh', 'timeout', 'lang', 'theme']) {
    assert.ok(r.attributes.some((x) => x.name === a), `ranking attribute ${a}`);
  }
  for (const m of ['data', 'rows', 'state']) assert.ok(r.members.some((x) => x.name === m), `ranking member ${m}`);
  assert.deepEqual(r.events.map((e) => e.name).sort(), ['chiso-download', 'chiso-error', 'chiso-ready', 'chiso-select']);
  for (const part of ['list', 'row', 'gap', 'details']) assert.ok(r.cssParts.some((x) => x.name === part), `ranking part ${part}`);
  const p = decl('chiso-progress');
  assert.ok(p, 'chiso-progress in the manifest');
  for (const a of ['src', 'indicator', 'area', 'period', 'status-dim', 'complete', 'planned', 'unit', 'by-unit', 'as-of', 'label', 'refresh', 'timeout', 'lang', 'theme']) {
    assert.ok(p.attributes.some((x) => x.name === a), `progress attribute ${a}`);
  }
  for (const m of ['data', 'summary', 'state']) assert.ok(p.members.some((x) => x.name === m), `progress member ${m}`);
  assert.deepEqual(p.events.map((e) => e.name).sort(), ['chiso-download', 'chiso-error', 'chiso-ready']);
  assert.ok(p.members.some((x) => x.name === 'toCSV'), 'progress toCSV');
  for (const part of ['summary', 'bar', 'legend', 'units', 'unit', 'deadline', 'note', 'details']) assert.ok(p.cssParts.some((x) => x.name === part), `progress part ${part}`);
  assert.ok(p.cssProperties.some((x) => x.name === '--chiso-progress-bar-height'));
});

test('every figure and layer documents its download menu and source line: no-download, source, no-source, toCSV, toImage where it draws itself', () => {
  for (const tag of ['chiso-gauge', 'chiso-gauge-group', 'chiso-stat', 'chiso-ranking', 'chiso-progress', 'chiso-trend', 'chiso-choropleth-layer', 'chiso-bts-layer', 'chiso-case-layer']) {
    const d = decl(tag);
    const attrs = d.attributes.map((a) => a.name);
    for (const a of ['no-download', 'source', 'no-source']) assert.ok(attrs.includes(a) && d.attributes.find((x) => x.name === a).description, `${tag}: attribute ${a}, described`);
    for (const p of ['download', 'download-menu', 'source', 'stale']) assert.ok(d.cssParts.some((c) => c.name === p && c.description), `${tag}: part ${p}`);
    const download = d.events.find((e) => e.name === 'chiso-download');
    assert.match(download?.description ?? '', /png/i, `${tag}: chiso-download says it carries pictures too`);
    const members = d.members.map((m) => m.name);
    assert.ok(members.includes('toCSV'), `${tag}: toCSV`);
    if (!tag.endsWith('-layer')) assert.ok(members.includes('toImage'), `${tag}: toImage`);
  }
});
