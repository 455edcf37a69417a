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
  assert.deepEqual(g.events.map((e) => e.name).sort(), ['chiso-error', 'chiso-ready']);
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
