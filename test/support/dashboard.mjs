// The demo dashboard in a page: brought fully on screen (every map starts when scrolled into view) and measured
// for holes. Shared by the example tests and `npm run screenshots`.

/** The widths the dashboard is laid out and checked at: a phone, a tablet, a laptop, a wide screen. */
export const DASHBOARD_WIDTHS = [360, 768, 1280, 1920];

/** Scrolls through so every map starts, then waits for every chiso element to settle; back at the top. */
export async function settleDashboard(page, timeout = 120000) {
  const deadline = Date.now() + timeout;
  const settled = () => [...document.querySelectorAll('*')]
    .filter((e) => e.localName.startsWith('chiso-'))
    // Defined first: chiso.js defines each tag when its code has loaded.
    .every((e) => customElements.get(e.localName) && e.state !== 'idle' && e.state !== 'loading');
  let done = false;
  while (!done && Date.now() < deadline) {
    // Through the whole page, measured as it goes (it grows as the elements draw): each map sees the viewport and
    // starts. Again while something has not started (a map passed before its code had loaded stays idle until seen).
    for (let y = 0; y < await page.evaluate(() => document.body.scrollHeight); y += 700) {
      await page.evaluate((to) => window.scrollTo(0, to), y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const wait = Math.max(1000, Math.min(20000, deadline - Date.now()));
    done = await page.waitForFunction(settled, { timeout: wait, polling: 250 }).then(() => true, () => false);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return done;
}

/**
 * Panels that leave a hole: more than 6rem (or a fifth of the panel) empty under their content, or a row whose
 * panels do not span the dashboard's width.
 */
export function panelHoles(page) {
  return page.evaluate(() => {
    const out = [];
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const main = document.querySelector('.dashboard').getBoundingClientRect();
    const panels = [...document.querySelectorAll('.dashboard > .panel')];
    const rows = new Map();
    for (const p of panels) {
      const r = p.getBoundingClientRect();
      const shown = [...p.children].filter((c) => getComputedStyle(c).display !== 'none');
      const bottom = Math.max(...shown.map((c) => c.getBoundingClientRect().bottom));
      const empty = r.bottom - bottom - parseFloat(getComputedStyle(p).paddingBottom);
      const name = p.querySelector('h2')?.textContent?.trim().slice(0, 40) ?? p.localName;
      if (empty > Math.max(6 * rem, r.height / 5)) out.push(`a hole of ${Math.round(empty)} px under the content of "${name}"`);
      const key = Math.round(r.top);
      rows.set(key, [...(rows.get(key) ?? []), r]);
    }
    for (const [top, rs] of rows) {
      const left = Math.min(...rs.map((r) => r.left));
      const right = Math.max(...rs.map((r) => r.right));
      const gap = parseFloat(getComputedStyle(document.querySelector('.dashboard')).paddingLeft);
      if (left - main.left > gap + 2 || main.right - right > gap + 2) out.push(`the row at ${top} px does not span the dashboard (${Math.round(left)}–${Math.round(right)} of ${Math.round(main.left)}–${Math.round(main.right)})`);
    }
    return out;
  });
}
