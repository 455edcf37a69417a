/**
 * chiso.js: the one file a portal pastes. It is a small loader: each chiso tag is defined when it first
 * appears on the page, by loading only its own package (the way Shoelace's autoloader works). A page with
 * one gauge downloads the gauge's code; a page with no chiso tag downloads nothing more. Copy the whole
 * `dist/` folder to any static host: it holds the chunks, `vendor/maplibre-gl.js` and its worker, and `atlas/`.
 *
 *   <script type="module" src="https://…/chiso.js"></script>
 *   <chiso-gauge src="feed.json"></chiso-gauge>
 *   <chiso-choropleth area="25" src="feed.json"></chiso-choropleth>
 *   <chiso-map boundaries="vn:communes/25"><chiso-bts-layer src="tram.geojson"></chiso-bts-layer></chiso-map>
 *
 * Tags added later (by a script, React, Vue, Angular) are found as they are attached to the document. Tags
 * inside a shadow root of your own are not visible from the document: call `discover(shadowRoot)`. Waiting
 * for a tag: `await customElements.whenDefined('chiso-gauge')`, or `await load('chiso-gauge')`.
 *
 * The per-package imports (`import '@chiso/gauge'`) register their tags at once and work side by side with
 * this loader: a tag already defined is never loaded again.
 *
 * The data of each tag found is asked for at once, while its code downloads (early-fetch.ts).
 *
 * This file imports no other package statically, on purpose: if the server cannot deliver the chunks, the loader
 * still runs and puts a message beside each tag that could not be defined, with a `chiso-error` event.
 */

import { fetchEarlyFor } from './early-fetch.js';

type Loader = () => Promise<unknown>;

const gauge: Loader = () => import('@chiso/gauge/chiso-gauge');
const gaugeGroup: Loader = () => import('@chiso/gauge/chiso-gauge-group');
const stat: Loader = () => import('@chiso/gauge/chiso-stat');
const ranking: Loader = () => import('@chiso/gauge/chiso-ranking');
const progress: Loader = () => import('@chiso/gauge/chiso-progress');
const map: Loader = () => import('@chiso/map');
const bts: Loader = () => import('@chiso/bts');
const cases: Loader = () => import('@chiso/cases');
const chart: Loader = () => import('@chiso/chart');

/** Every tag chiso.js defines, with the package that defines it. */
export const TAGS: Readonly<Record<string, Loader>> = Object.freeze({
  'chiso-gauge': gauge,
  'chiso-gauge-group': gaugeGroup,
  'chiso-stat': stat,
  'chiso-ranking': ranking,
  'chiso-progress': progress,
  'chiso-map': map,
  'chiso-choropleth-layer': map,
  'chiso-legend': map,
  'chiso-choropleth': map,
  'chiso-bts-layer': bts,
  'chiso-case-layer': cases,
  'chiso-trend': chart,
});

const loading = new Map<string, Promise<CustomElementConstructor | undefined>>();
/** Tags whose code could not be loaded, with the reason (shown on elements of that tag found later too). */
const failed = new Map<string, { vi: string; en: string }>();
/** Shadow roots given to `discover`, where failure messages must reach as well as the document. */
const roots = new Set<ShadowRoot>();
const warned = new Set<string>();

/**
 * Defines `tag` by loading its package, and resolves with its class (at once when it is already defined).
 * Resolves undefined for a tag that is not chiso's, or when its code could not be loaded: then every such
 * element on the page (and any added later) shows why, beside itself, and fires `chiso-error` (code `load`).
 * Browsers remember a module that failed to load until the page reloads, so a reload is what tries again.
 */
export function load(tag: string): Promise<CustomElementConstructor | undefined> {
  const name = tag.toLowerCase();
  const defined = customElements.get(name);
  if (defined) return Promise.resolve(defined);
  const loader = TAGS[name];
  if (!loader) return Promise.resolve(undefined);
  let pending = loading.get(name);
  if (!pending) {
    pending = loader().then(
      () => {
        failed.delete(name);
        return customElements.whenDefined(name);
      },
      async (error: unknown) => {
        // Defined meanwhile by another copy (a per-package import): nothing failed for the reader.
        const meanwhile = customElements.get(name);
        if (meanwhile) {
          loading.delete(name);
          return meanwhile;
        }
        failed.set(name, await reasonFor(name, error));
        loading.delete(name);
        for (const el of elementsOf(name)) showFailure(el, name);
        return undefined;
      },
    );
    loading.set(name, pending);
  }
  return pending;
}

/**
 * Loads every chiso tag used under `root` that is not defined yet. The document is watched on its own; call
 * this for a shadow root of yours that holds chiso tags. Resolves when they are defined (or failed).
 */
export async function discover(root: Document | ShadowRoot | Element = document): Promise<void> {
  if (root instanceof ShadowRoot) roots.add(root);
  const tags = new Set<string>();
  const consider = (el: Element) => {
    const name = el.localName;
    if (!name.startsWith('chiso-') || customElements.get(name)) return;
    if (failed.has(name)) showFailure(el, name); // found after its code failed: told the same, not retried
    else if (name in TAGS) {
      tags.add(name);
      fetchEarlyFor(el); // its data downloads while its code does
    }
    else if (!warned.has(name)) {
      // A typo would otherwise leave an empty box and no clue.
      warned.add(name);
      console.warn(`chiso: <${name}> không phải thẻ của chiso / is not a chiso tag (${Object.keys(TAGS).join(', ')})`);
    }
  };
  if (root instanceof Element) consider(root);
  for (const el of root.querySelectorAll(':not(:defined)')) consider(el);
  await Promise.all([...tags].map(load));
}

/** Every element of `tag` in the document and in the shadow roots given to `discover`. */
const elementsOf = (tag: string): Element[] => [document, ...roots].flatMap((r) => [...r.querySelectorAll(tag)]);

/** The element's language: its own `lang`, else the page's; Vietnamese unless English is asked for. */
const english = (el: Element) => /^en\b/i.test((el.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang) || 'vi');

/**
 * Why a tag's code did not load. The cause is found by the same diagnosis the elements use (a type that is not
 * JavaScript, a file not copied, a policy); when even that cannot load (the same server is at fault), the
 * browser's words and the address of the self-check page beside chiso.js.
 */
async function reasonFor(tag: string, error: unknown): Promise<{ vi: string; en: string }> {
  try {
    const { diagnoseModule, loadProblemText, urlInLoadError } = await import('@chiso/core/load-diagnosis');
    const url = urlInLoadError(error);
    const problem = url ? await diagnoseModule(url) : null;
    if (problem) return loadProblemText(problem);
  } catch {
    // The diagnosis is a chunk too: when the server cannot deliver chunks, the words below stay.
  }
  const browserSays = error instanceof Error ? error.message : String(error);
  const check = new URL('kiem-tra.html', import.meta.url).href;
  return {
    vi: `Không tải được mã của thẻ <${tag}> (${browserSays}). Mở ${check} để kiểm tra máy chủ.`,
    en: `Could not load the code of <${tag}> (${browserSays}). Open ${check} to check the server.`,
  };
}

const shown = new WeakSet<Element>();

/**
 * Puts the reason just before the element (never inside it: its children and a later definition stay
 * untouched) and fires `chiso-error` on it, once per element. The message goes when the tag is defined.
 */
function showFailure(el: Element, tag: string): void {
  const text = failed.get(tag);
  if (!text || shown.has(el) || !el.parentNode) return;
  shown.add(el);
  const message = english(el) ? text.en : text.vi;
  const p = document.createElement('p');
  p.className = 'chiso-load-error';
  p.dataset.tag = tag;
  p.setAttribute('role', 'alert');
  p.style.cssText = 'margin:0 0 .5em;padding:.75em;border:1px solid #b3261e;color:#8c1d18;background:#fff';
  p.textContent = message; // never HTML
  el.before(p);
  void customElements.whenDefined(tag).then(() => {
    p.remove();
    shown.delete(el);
  });
  el.dispatchEvent(new CustomEvent('chiso-error', { bubbles: true, composed: true, detail: { code: 'load', tag, message, text } }));
}

/** Watches the document for chiso tags attached later; stops once every tag is defined. */
function watch(): void {
  void discover(document);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) if (node instanceof Element) void discover(node);
    }
    if (Object.keys(TAGS).every((t) => customElements.get(t))) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

// Module scripts run once the page is parsed; a loader bundled into a script that runs earlier still finds the
// tags parsed later, as they are attached.
if (typeof document !== 'undefined' && typeof customElements !== 'undefined') watch();
