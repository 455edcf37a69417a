// Demo page controls: font size (the portal's A−/A+), language and theme for every chiso element, and the
// commune panel that follows the map (pick a commune on the map or in the list).
const elements = () => document.querySelectorAll('.chiso');
let fontStep = 0;
for (const b of document.querySelectorAll('[data-font]')) {
  b.addEventListener('click', () => {
    fontStep = Math.max(-2, Math.min(4, fontStep + Number(b.dataset.font)));
    document.documentElement.style.fontSize = `${100 + fontStep * 12.5}%`;
  });
}
const toggle = (selector, apply) => {
  const b = document.querySelector(selector);
  b.addEventListener('click', () => {
    const on = b.getAttribute('aria-pressed') !== 'true';
    b.setAttribute('aria-pressed', String(on));
    apply(on);
  });
};
toggle('[data-lang]', (on) => {
  document.documentElement.lang = on ? 'en' : 'vi';
  for (const el of elements()) el.lang = on ? 'en' : 'vi';
});
const setTheme = (theme) => {
  document.body.className = theme ?? '';
  for (const el of elements()) theme ? el.setAttribute('theme', theme) : el.removeAttribute('theme');
  for (const b of document.querySelectorAll('[data-theme],[data-contrast]')) {
    b.setAttribute('aria-pressed', String((b.hasAttribute('data-theme') && theme === 'dark') || (b.hasAttribute('data-contrast') && theme === 'contrast')));
  }
};
document.querySelector('[data-theme]').addEventListener('click', (e) => setTheme(e.currentTarget.getAttribute('aria-pressed') === 'true' ? null : 'dark'));
document.querySelector('[data-contrast]').addEventListener('click', (e) => setTheme(e.currentTarget.getAttribute('aria-pressed') === 'true' ? null : 'contrast'));

// The commune panel: every commune of the feed in the list; a click (or Enter) on the map picks one too.
const pick = document.getElementById('chon-xa');
const showCommune = (code) => {
  for (const el of document.querySelectorAll('#gauges-xa chiso-gauge, #trend-xa')) el.area = code;
  document.getElementById('xep-hang-xa').highlight = code; // the commune stays in view after the top five
  pick.value = code;
};
pick.addEventListener('change', () => showCommune(pick.value));
document.getElementById('ban-do-xa').addEventListener('chiso-select', (e) => showCommune(e.detail.area));
document.getElementById('xep-hang-xa').addEventListener('chiso-select', (e) => showCommune(e.detail.key));
fetch('data/phu-tho-xa-dvc.json').then((r) => r.json()).then((feed) => {
  const names = new Map(feed.observations.map((o) => [o.area, o.name]));
  const collator = new Intl.Collator('vi');
  const current = pick.value;
  pick.replaceChildren(...[...names].sort((a, b) => collator.compare(a[1], b[1])).map(([code, name]) => new Option(name, code, false, code === current)));
});

// A page can listen for every element's errors in one place.
document.addEventListener('chiso-error', (e) => console.info('chiso-error', e.target.localName, e.detail.code, e.detail.message));
