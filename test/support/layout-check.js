// Layout checks run inside a page (injected by the story and demo tests): every chiso element's text stays
// inside the element's box, is not cut off, does not sit on another text, and never lies on a chart mark (the
// gauge's arc, track and target; a trend's line and points). Text is measured where it is drawn (Range client
// rects, through every shadow root); marks by hit-testing their fill and stroke in their own coordinates.
// Exposes window.chisoLayoutProblems(root) → string[].
(() => {
  const TOL = 1; // px of slack for subpixel rounding
  const area = (r) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
  const intersect = (a, b) => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
  const inside = (r, box) => r.left >= box.left - TOL && r.top >= box.top - TOL && r.right <= box.right + TOL && r.bottom <= box.bottom + TOL;
  const fmt = (r) => `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.right - r.left)}×${Math.round(r.bottom - r.top)}`;

  /** The element that contains a node, crossing shadow roots and slots upward (the composed parent). */
  const parentOf = (el) => el.assignedSlot ?? el.parentElement ?? (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);

  // Per check: what is known of each element (styles and boxes do not change while one check runs). A table
  // of a thousand cells would otherwise read the same ancestors' styles a thousand times.
  let hiddenMemo = new Map();
  let clipMemo = new Map();

  /** Whether `e` itself hides what it holds on purpose (display none, visibility hidden, zero opacity, visually-hidden). */
  function hidesOnPurpose(e) {
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return true;
    if (s.clip && s.clip !== 'auto') return true; // the visually-hidden pattern
    if (s.clipPath && /inset\(\s*(50|100)%/.test(s.clipPath)) return true;
    const r = e.getBoundingClientRect();
    return (s.overflow === 'hidden' || s.overflow === 'clip') && r.width <= 1 && r.height <= 1;
  }

  /** Whether text in `el` is hidden on purpose: by `el` or any composed ancestor up to `stopAt`. */
  function hiddenOnPurpose(el, stopAt) {
    // Not rendered at all: display none, visibility hidden, zero opacity, or a closed <details>' content.
    if (el.checkVisibility && !el.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true })) return true;
    const chain = [];
    let hidden = false;
    for (let e = el; e && e !== stopAt.parentElement; e = parentOf(e)) {
      const known = hiddenMemo.get(e);
      if (known !== undefined) { hidden = known; break; }
      chain.push(e);
      if (e === stopAt) break;
    }
    // From the top down: an element is hidden when it or anything above it (to stopAt) hides it.
    for (const e of chain.reverse()) {
      hidden = hidden || hidesOnPurpose(e);
      hiddenMemo.set(e, hidden);
    }
    return hidden;
  }

  /** Rects of the ancestors that clip (overflow not visible), from `el` up to the host. */
  function clippers(el, host) {
    const parent = parentOf(el);
    if (!parent) return [];
    const known = clipMemo.get(parent);
    if (known) return known;
    const s = getComputedStyle(parent);
    const own = s.overflowX !== 'visible' || s.overflowY !== 'visible'
      ? [{ rect: parent.getBoundingClientRect(), scrolls: /auto|scroll/.test(s.overflowX + s.overflowY), el: parent }] : [];
    const out = parent === host ? own : [...own, ...clippers(parent, host)];
    clipMemo.set(parent, out);
    return out;
  }

  /** Every text fragment drawn in a host's shadow tree (and light DOM slotted in), with its element. */
  function texts(host) {
    const out = [];
    const visit = (root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.currentNode; n; n = walker.nextNode()) {
        if (n.nodeType === Node.ELEMENT_NODE) {
          // Nested chiso elements are checked on their own, and count here too; canvases hold map labels (not text).
          if (n.shadowRoot) visit(n.shadowRoot);
          continue;
        }
        if (!n.textContent.trim()) continue;
        const el = n.parentElement;
        if (!el || el.closest('style, script, title, desc, option')) continue;
        if (el.closest('.maplibregl-canvas-container')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0.5 && r.height > 0.5) out.push({ el, rect: r, text: n.textContent.trim().slice(0, 40) });
      }
    };
    if (host.shadowRoot) visit(host.shadowRoot);
    return out;
  }

  /** SVG marks a text must not sit on. */
  function marks(host) {
    const out = [];
    const visit = (root) => {
      for (const svg of root.querySelectorAll('svg')) {
        for (const m of svg.querySelectorAll('path, circle, rect, line, polyline, polygon, ellipse')) {
          if (m.closest('defs, clipPath, mask, marker, pattern')) continue;
          if (m.classList.contains('tick')) continue; // gridlines run behind their labels by design
          const s = getComputedStyle(m);
          if (s.display === 'none' || s.visibility === 'hidden') continue;
          const filled = s.fill !== 'none' && Number(s.fillOpacity) > 0 && s.fill !== 'transparent';
          const stroked = s.stroke !== 'none' && Number(s.strokeOpacity) > 0 && parseFloat(s.strokeWidth) > 0;
          if (filled || stroked) out.push({ m, filled, stroked, rect: m.getBoundingClientRect() });
        }
      }
      for (const e of root.querySelectorAll('*')) if (e.shadowRoot) visit(e.shadowRoot);
    };
    if (host.shadowRoot) visit(host.shadowRoot);
    return out;
  }

  /** Whether any of a grid of points in `r` falls on the mark's fill or stroke. */
  function hits(mark, r) {
    const ctm = mark.m.getScreenCTM();
    if (!ctm) return false;
    const inv = ctm.inverse();
    const cols = 8;
    const rows = 4;
    for (let i = 0; i < cols; i++) {
      for (let j = 0; j < rows; j++) {
        const x = r.left + ((i + 0.5) / cols) * (r.right - r.left);
        const y = r.top + ((j + 0.5) / rows) * (r.bottom - r.top);
        const p = new DOMPoint(x, y).matrixTransform(inv);
        if ((mark.filled && mark.m.isPointInFill(p)) || (mark.stroked && mark.m.isPointInStroke(p))) return true;
      }
    }
    return false;
  }

  function checkHost(host, problems) {
    hiddenMemo = new Map();
    clipMemo = new Map();
    const box = host.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    const name = host.id ? `${host.localName}#${host.id}` : host.localName;
    const shown = [];
    for (const t of texts(host)) {
      if (hiddenOnPurpose(t.el, host)) continue;
      let visible = t.rect;
      let clipped = false;
      for (const c of clippers(t.el, host)) {
        const v = intersect(visible, c.rect);
        if (area(v) < area(visible) - 1 && !c.scrolls) clipped = true;
        visible = v;
      }
      if (area(visible) <= 1) continue; // scrolled away inside a scroll box: the reader scrolls to it
      if (clipped) problems.push(`${name}: text cut off: "${t.text}" (${fmt(t.rect)})`);
      if (!inside(visible, box)) problems.push(`${name}: text outside the element: "${t.text}" at ${fmt(visible)}, element ${fmt(box)}`);
      shown.push({ ...t, rect: visible });
    }
    // Text on text: two fragments of different elements overlapping (a sweep down the page: only fragments whose
    // tops lie within another's height can overlap it).
    shown.sort((a, b) => a.rect.top - b.rect.top);
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length && shown[j].rect.top < shown[i].rect.bottom - 2; j++) {
        const a = shown[i];
        const b = shown[j];
        if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const o = intersect(a.rect, b.rect);
        if (o.right - o.left > 2 && o.bottom - o.top > 2) problems.push(`${name}: text on text: "${a.text}" and "${b.text}"`);
      }
    }
    // Text on a chart mark.
    const ms = marks(host);
    for (const t of shown) {
      for (const mark of ms) {
        const o = intersect(t.rect, mark.rect);
        if (area(o) <= 1) continue;
        if (hits(mark, o)) {
          const what = mark.m.getAttribute('part') || mark.m.getAttribute('class') || mark.m.localName;
          problems.push(`${name}: text on a mark: "${t.text}" on ${what}`);
          break;
        }
      }
    }
  }

  window.chisoLayoutProblems = (root = document.body) => {
    const problems = [];
    const hosts = [];
    const visit = (r) => {
      for (const e of r.querySelectorAll('*')) {
        if (e.localName.startsWith('chiso-') && e.shadowRoot) hosts.push(e);
        if (e.shadowRoot) visit(e.shadowRoot);
      }
    };
    visit(root);
    for (const h of hosts) checkHost(h, problems);
    return [...new Set(problems)];
  };
})();
