// The snippet builder (builder.html): a webmaster gives a feed (an address or a file); it is read with the very
// reader the elements use (kiem-tra-doc.js: parseFeedAsync), what it holds is listed, the elements that fit are
// proposed, one is previewed live with the options chosen, and the tag to paste is given. Static: no server code,
// nothing sent anywhere. Feed text is only ever set as text, never as HTML.

/** Where chiso.js is for this builder; the snippet uses the address in the "chiso.js" field (the portal's copy). */
const CHISO = new URL('../packages/chiso/dist/chiso.js', import.meta.url).href;
const reader = () => import('../packages/chiso/dist/kiem-tra-doc.js');
const $ = (id) => document.getElementById(id);

const FORMATS = { chiso: 'chiso JSON', jsonstat2: 'JSON-stat 2.0', jsonstat1: 'JSON-stat 1.0 (PX-Web)', ckan: 'CKAN DataStore', geojson: 'GeoJSON', csv: 'CSV' };
const LEVELS = { country: 'toàn quốc', region: 'vùng', province: 'tỉnh', district: 'huyện', commune: 'xã', village: 'thôn' };
const ELEMENTS = {
  'chiso-gauge': 'Đồng hồ tỷ lệ (một địa bàn, một kỳ)',
  'chiso-stat': 'Thẻ số liệu (con số, thay đổi, hạng)',
  'chiso-trend': 'Biểu đồ theo thời gian',
  'chiso-ranking': 'Bảng xếp hạng các địa bàn',
  'chiso-choropleth': 'Bản đồ tô màu theo xã hoặc tỉnh',
  'chiso-gauge-group': 'Nhóm đồng hồ theo cấp',
  'chiso-progress': 'Tiến độ nhiệm vụ theo tình trạng',
};

/** What was read: the model, and where it came from (an address to put in `src`, or a file's name and text). */
let current = null;

const text = (t, lang = 'vi') => (t == null ? '' : typeof t === 'string' ? t : (lang === 'en' ? t.en ?? t.vi : t.vi ?? t.en) ?? '');
const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

function say(message, kind = 'info') {
  const box = $('status');
  box.replaceChildren(el('p', { className: kind, textContent: message }));
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

/** Which read is the latest: an earlier, slower one that ends later is dropped. */
let reading = 0;

/** Reads a feed's text, or says why not in Vietnamese (the reader's own words, with the JSON path). */
async function read(input, from, turn) {
  say('Đang đọc…');
  let model;
  try {
    model = await (await reader()).parseFeedAsync(input);
    if (turn !== reading) return;
  } catch (e) {
    if (turn !== reading) return;
    const message = typeof e?.localizedMessage === 'function' ? e.localizedMessage('vi') : String(e?.message ?? e);
    say(`Không đọc được nguồn dữ liệu: ${message}`, 'error');
    $('found').hidden = true;
    $('choose').hidden = true;
    return;
  }
  current = { model, ...from };
  say(`Đã đọc ${model.observations.length.toLocaleString('vi-VN')} số liệu (${FORMATS[model.format] ?? model.format}).`);
  showSummary(model);
  showChoices(model);
}

async function readUrl(address) {
  const turn = ++reading;
  let url;
  try {
    url = new URL(address, location.href);
  } catch {
    return say('Địa chỉ không hợp lệ.', 'error');
  }
  let body;
  try {
    const response = await fetch(url);
    if (turn !== reading) return;
    if (!response.ok) return say(`Máy chủ trả lời HTTP ${response.status} cho ${url.href}.`, 'error');
    body = await response.text();
  } catch (e) {
    if (turn !== reading) return;
    return say(`Không tải được ${url.href} (${e.message}). Nếu nguồn ở máy chủ khác, máy chủ đó cần cho phép CORS.`, 'error');
  }
  // In full: the snippet is pasted into another page (a CMS article), where a relative address means another file.
  await read(body, { src: url.href, url: url.href }, turn);
}

function showSummary(m) {
  const areas = new Map();
  for (const o of m.observations) if (!areas.has(o.area)) areas.set(o.area, o.areaName ?? '');
  // The tier of a figure (province, district, commune tiers of one province's service rates) before its area's level.
  const levels = [...new Set(m.observations.map((o) => o.tier ?? o.level).filter(Boolean))];
  const periods = [...new Set(m.observations.map((o) => o.period))].sort();
  const rows = [
    ['Định dạng', FORMATS[m.format] ?? m.format],
    ['Nguồn', text(m.source?.name) || '(không ghi)'],
    ['Chỉ số', m.indicators.map((i) => `${i.id}${text(i.name) ? ` — ${text(i.name)}` : ''}${i.unit ? ` (${i.unit})` : ''}`).join('; ') || '(không có)'],
    ['Địa bàn', `${areas.size}: ${[...areas].slice(0, 8).map(([c, n]) => (n ? `${n} (${c})` : c)).join(', ')}${areas.size > 8 ? ', …' : ''}`],
    ['Cấp', levels.map((l) => LEVELS[l] ?? l).join(', ') || '(không ghi)'],
    ['Kỳ', periods.length > 6 ? `${periods.length} kỳ, từ ${periods[0]} đến ${periods.at(-1)}` : periods.join(', ')],
  ];
  if (m.unmatched.length) {
    rows.push(['Không khớp mã địa bàn', `${m.unmatched.length}: ${m.unmatched.slice(0, 8).map((u) => `${u.label ?? u.key} (${u.count})`).join(', ')}${m.unmatched.length > 8 ? ', …' : ''} — không hiển thị được trên bản đồ`]);
  }
  if (m.mismatched?.length) rows.push(['Mã và tên không khớp', m.mismatched.slice(0, 5).map((x) => `${x.code} “${x.label}” (dùng mã: ${x.name})`).join('; ')]);
  $('summary').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', { textContent: k }), el('dd', { textContent: v })]));
  $('found').hidden = false;
}

/** The elements that fit the chosen indicator's data, best first. */
function propose(m, indicatorId) {
  const ind = m.indicators.find((i) => i.id === indicatorId);
  const obs = m.observations.filter((o) => o.indicator === indicatorId);
  const areas = new Set(obs.map((o) => o.area));
  const periods = new Set(obs.map((o) => o.period));
  const levels = new Set(obs.map((o) => o.level).filter(Boolean));
  const tiers = new Set(obs.map((o) => o.tier ?? o.level).filter(Boolean));
  const out = [];
  if (obs.some((o) => o.status)) out.push('chiso-progress');
  if (areas.size > 2 && [...levels].some((l) => l === 'commune' || l === 'province')) out.push('chiso-choropleth');
  if (ind?.unit === '%') out.push('chiso-gauge');
  if (tiers.size > 1) out.push('chiso-gauge-group');
  out.push('chiso-stat');
  if (periods.size > 1) out.push('chiso-trend');
  if (areas.size > 2) out.push('chiso-ranking');
  return [...new Set(out)];
}

function options(select, values, blank) {
  const keep = select.value;
  select.replaceChildren(...(blank ? [el('option', { value: '', textContent: blank })] : []), ...values.map(([v, t]) => el('option', { value: v, textContent: t })));
  if ([...select.options].some((o) => o.value === keep)) select.value = keep;
}

function showChoices(m) {
  options($('opt-indicator'), m.indicators.map((i) => [i.id, text(i.name) || i.id]));
  refreshChoices();
  $('choose').hidden = false;
}

function refreshChoices() {
  const m = current.model;
  const indicator = $('opt-indicator').value;
  const obs = m.observations.filter((o) => o.indicator === indicator);
  const areas = new Map();
  for (const o of obs) if (!areas.has(o.area)) areas.set(o.area, o.areaName ? `${o.areaName} (${o.area})` : o.area);
  options($('opt-area'), [...areas].sort((a, b) => a[1].localeCompare(b[1], 'vi')), '(mặc định của thẻ)');
  options($('opt-period'), [...new Set(obs.map((o) => o.period))].sort().reverse().map((p) => [p, p]), '(kỳ mới nhất)');
  const fits = propose(m, indicator);
  const chosen = document.querySelector('input[name="element"]:checked')?.value;
  $('elements').replaceChildren(...fits.map((tag, i) => {
    const input = el('input', { type: 'radio', name: 'element', value: tag, checked: chosen ? tag === chosen : i === 0 });
    return el('label', { className: 'choice' }, input, ` ${ELEMENTS[tag]} `, el('code', { textContent: `<${tag}>` }));
  }));
  if (!document.querySelector('input[name="element"]:checked')) document.querySelector('input[name="element"]').checked = true;
  render();
}

/** The attributes of the chosen tag, in the order a webmaster reads them. */
function attributes() {
  const tag = document.querySelector('input[name="element"]:checked').value;
  const attrs = [['src', current.src ?? current.fileName], ['indicator', $('opt-indicator').value]];
  const area = $('opt-area').value;
  if (area && tag !== 'chiso-choropleth' && tag !== 'chiso-ranking') attrs.push(['area', area]);
  if ($('opt-period').value) attrs.push(['period', $('opt-period').value]);
  if ($('opt-lang').value === 'en') attrs.push(['lang', 'en']);
  if ($('opt-theme').value) attrs.push(['theme', $('opt-theme').value]);
  return { tag, attrs };
}

const quote = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function render() {
  const { tag, attrs } = attributes();
  const preview = document.createElement(tag);
  for (const [k, v] of attrs) if (k !== 'src' || current.src) preview.setAttribute(k, v);
  if (!current.src) preview.data = current.text; // a file from the reader's machine: its text, as `data`
  if (tag === 'chiso-choropleth') preview.style.setProperty('--chiso-map-height', '22rem');
  $('preview').replaceChildren(preview);
  const script = $('opt-script').value.trim() || CHISO;
  $('snippet').textContent = `<script type="module" src="${quote(script)}"></script>\n<${tag} ${attrs.map(([k, v]) => `${k}="${quote(v)}"`).join(' ')}></${tag}>`;
  $('file-note').hidden = !!current.src;
  $('copied').textContent = '';
}

async function copy() {
  const code = $('snippet').textContent;
  try {
    await navigator.clipboard.writeText(code);
    $('copied').textContent = 'Đã sao chép mã.';
  } catch {
    // No clipboard for this page: the code is selected, for Ctrl+C.
    getSelection().selectAllChildren($('snippet'));
    $('copied').textContent = 'Mã đã được chọn: nhấn Ctrl+C (⌘+C) để sao chép.';
  }
}

async function readFile(file) {
  if (!file) return;
  const turn = ++reading;
  const body = await file.text();
  await read(body, { fileName: file.name, text: body }, turn);
}

$('feed-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void readUrl($('feed-url').value.trim());
});
for (const b of document.querySelectorAll('.sample')) {
  b.addEventListener('click', () => {
    $('feed-url').value = b.dataset.url;
    void readUrl(b.dataset.url);
  });
}
$('feed-file').addEventListener('change', async () => {
  await readFile($('feed-file').files[0]);
  $('feed-file').value = ''; // the same file, mended and chosen again, is read again
});
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  void readFile(e.dataTransfer?.files?.[0]);
});
$('opt-indicator').addEventListener('change', refreshChoices);
$('options').addEventListener('change', (e) => { if (e.target.id !== 'opt-indicator') render(); });
$('copy').addEventListener('click', () => void copy());
$('opt-script').value = CHISO;
$('opt-script').addEventListener('input', render);
