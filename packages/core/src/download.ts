/**
 * `@chiso/core/download`, loaded the first time a reader opens an element's "Tải xuống" (download) menu (a page
 * that never downloads never fetches it). The menu offers:
 * - the data as CSV (`toCSV()`), saved as a file named after what it shows;
 * - the picture as PNG (`toImage()`, the element's own, or the map's around a map layer);
 * - a link to the view (the map's address with `sync-url`, else the page's address to the element's id).
 *
 * A `chiso-download` event (cancelable, bubbling, composed) goes before a file is saved, with `{ format,
 * filename, text }` for CSV and `{ format, filename, blob }` for PNG: a page may keep the file itself
 * (preventDefault) and, for instance, send it elsewhere.
 */
import { fileNameOf } from './csv.js';
import { copyText } from './clipboard.js';

export { copyText };

export interface DownloadDetail {
  format: 'csv' | 'png';
  filename: string;
  /** The CSV's text. */
  text?: string;
  /** The PNG picture. */
  blob?: Blob;
}

/** What an element offers its menu: its data always, a picture and a link when it (or its map) has them. */
type Host = HTMLElement & { toCSV(): Promise<string>; lang?: string };
type Pictured = HTMLElement & { toImage(options?: { format?: 'png' | 'svg' }): Promise<Blob> };
type Linked = HTMLElement & { shareLink(): string | undefined };

const WORDS = {
  vi: { menu: 'Tải xuống', csv: 'Dữ liệu (CSV)', png: 'Hình ảnh (PNG)', link: 'Sao chép liên kết', copied: 'Đã sao chép liên kết',
    notCopied: 'Không sao chép được; liên kết là {url}', failed: 'Không tạo được tệp', saved: 'Đã tải xuống {file}' },
  en: { menu: 'Download', csv: 'Data (CSV)', png: 'Picture (PNG)', link: 'Copy link', copied: 'Link copied',
    notCopied: 'Could not copy; the link is {url}', failed: 'The file could not be made', saved: 'Downloaded {file}' },
};

/** Saves `host.toCSV()` as `<title>.csv`; resolves with the detail, or undefined when the page kept the file. */
export async function downloadCsv(host: Host, title: string): Promise<DownloadDetail | undefined> {
  const text = await host.toCSV();
  return save(host, { format: 'csv', filename: fileNameOf(title, 'csv'), text }, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}

/** Saves the picture of `host` (or of the map it is drawn on) as `<title>.png`; undefined when the page kept it. */
export async function downloadPicture(host: Host, title: string): Promise<DownloadDetail | undefined> {
  const pictured = closestWith<Pictured>(host, 'toImage');
  if (!pictured) return undefined;
  const blob = await pictured.toImage({ format: 'png' });
  return save(host, { format: 'png', filename: fileNameOf(title, 'png'), blob }, blob);
}

/** The address of the view: the map's own with `sync-url` (written out first), else the page's to the element. */
export function linkOf(host: HTMLElement): string {
  const shared = closestWith<Linked>(host, 'shareLink')?.shareLink();
  if (shared) return shared;
  const page = location.href.split('#')[0];
  // Only an id in the page itself is a place a link can go (one inside another element's shadow root is not).
  const id = closestWith<HTMLElement>(host, 'id', (n) => !!n.id && n.getRootNode() === document)?.id;
  return id ? `${page}#${encodeURIComponent(id)}` : page;
}


/**
 * Opens the download menu of `host` under `button` (or closes it when it is open): a `role="menu"` list of
 * `menuitem` buttons, ↓/↑/Home/End to move, Esc or a click elsewhere to close (focus back on the button),
 * what was done said beside the button (seen, and heard by screen readers). Its part is `download-menu`.
 */
export function openDownloadMenu(host: Host, button: HTMLElement, title: string): void {
  // The button redrawn while this code loaded (a map's panel after its renderer changed): its successor is clicked next.
  if (!button.isConnected) return;
  const root = button.getRootNode() as ShadowRoot | Document;
  const open = menus.get(button);
  // A press on the button of an open menu closed it already (the popover's light dismiss): its click does not
  // open it again.
  if (pressedOpen.delete(button)) return void (open && close(open, true));
  // A menu shown is closed by its button; one left from before the element was taken off the page (a popover
  // removed closes without a toggle event) is cleared first.
  if (open && (!open.popover || open.matches(':popover-open'))) return void close(open, true);
  if (open) close(open, false);
  const w = WORDS[(host.lang ?? 'vi').toLowerCase().startsWith('en') ? 'en' : 'vi'];
  adoptStyles(root);
  const status = statusOf(button);
  const list = document.createElement('div');
  list.setAttribute('role', 'menu');
  list.setAttribute('part', 'download-menu');
  list.setAttribute('aria-label', w.menu);
  list.className = 'chiso-download-menu';
  const popover = typeof list.showPopover === 'function';
  if (popover) list.popover = 'auto';
  const item = (label: string, act: () => Promise<unknown>) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'menuitem');
    b.tabIndex = -1;
    b.textContent = label;
    b.addEventListener('click', () => {
      close(list, true);
      say(status, '');
      act().then((done) => typeof done === 'string' && say(status, done, done !== w.copied && !done.startsWith(w.saved.split('{')[0])),
        () => say(status, w.failed, true));
    });
    list.append(b);
  };
  const saved = (d?: DownloadDetail) => d && w.saved.replace('{file}', d.filename);
  item(w.csv, () => downloadCsv(host, title).then(saved));
  if (closestWith(host, 'toImage')) item(w.png, () => downloadPicture(host, title).then(saved));
  item(w.link, async () => {
    const url = linkOf(host);
    const ok = await copyText(url);
    button.focus(); // the older copy command took it to a hidden field
    return ok ? w.copied : w.notCopied.replace('{url}', url);
  });
  list.addEventListener('keydown', (e) => {
    const items = [...list.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = items.indexOf((root as ShadowRoot).activeElement as HTMLElement);
    const to = { ArrowDown: at + 1, ArrowUp: (at < 0 ? items.length : at) - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      items[(to + items.length) % items.length].focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close(list, true);
    } else if (e.key === 'Tab') close(list, true); // and Tab goes on from the button
  });
  // A popover closes itself on a click elsewhere or Esc: the button says so, and focus comes back to it unless the
  // reader has put it somewhere else (a field of the page clicked).
  list.addEventListener('toggle', (e) => {
    if ((e as ToggleEvent).newState !== 'closed' || menus.get(button) !== list) return;
    const now = deepActive();
    close(list, !now || now === document.body || list.contains(now));
  });
  button.addEventListener('pointerdown', () => menus.get(button) === list && pressedOpen.add(button), { once: true });
  button.after(list);
  menus.set(button, list);
  owners.set(list, button);
  button.setAttribute('aria-expanded', 'true');
  if (popover) {
    list.showPopover();
    place(list, button);
    // The top layer does not scroll with the page: the menu is moved with its button while it is open. (A scroll
    // inside another element's shadow root does not reach the window. A menu whose element left the page closed
    // without a word: its listeners go at the next scroll.)
    const follow = (): void => (menus.get(button) === list && list.matches(':popover-open') ? place(list, button) : unfollow(follow));
    addEventListener('scroll', follow, { capture: true, passive: true });
    addEventListener('resize', follow, { passive: true });
    followers.set(list, follow);
  } else {
    // No popover (an old browser): the list opens in the flow, closed by a click outside.
    setTimeout(() => document.addEventListener('click', function away(e) {
      if (!e.composedPath().includes(list)) close(list, false);
      if (!list.isConnected) document.removeEventListener('click', away);
    }));
  }
  list.querySelector<HTMLElement>('[role="menuitem"]')!.focus();
}

/** The element that has focus, looked for inside shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Says `text` in the status beside the button (seen and heard); a success fades after a while, a problem (`lasting`: the link to copy by hand) stays. */
function say(status: HTMLElement, text: string, lasting = false): void {
  status.textContent = text;
  clearTimeout(fades.get(status));
  if (text && !lasting) fades.set(status, setTimeout(() => status.textContent === text && (status.textContent = ''), 8000));
}
const fades = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

const menus = new WeakMap<HTMLElement, HTMLElement>();
const followers = new WeakMap<HTMLElement, () => void>();
const unfollow = (follow: () => void): void => {
  removeEventListener('scroll', follow, { capture: true });
  removeEventListener('resize', follow);
};
const owners = new WeakMap<HTMLElement, HTMLElement>();
const pressedOpen = new WeakSet<HTMLElement>();

function close(list: HTMLElement, refocus: boolean): void {
  const button = owners.get(list);
  if (!button || menus.get(button) !== list) return;
  menus.delete(button);
  const follow = followers.get(list);
  if (follow) unfollow(follow);
  button.setAttribute('aria-expanded', 'false');
  if (list.popover && list.matches(':popover-open')) list.hidePopover();
  list.remove();
  if (refocus) button.focus();
}

/** Under the button, kept inside the window (a popover sits in the top layer, where no card clips it). */
function place(list: HTMLElement, button: HTMLElement): void {
  const b = button.getBoundingClientRect();
  const m = list.getBoundingClientRect();
  const left = Math.max(4, Math.min(b.left, innerWidth - m.width - 4));
  const below = b.bottom + 4 + m.height <= innerHeight || b.top < m.height + 8;
  list.style.left = `${left}px`;
  list.style.top = `${below ? b.bottom + 4 : b.top - m.height - 4}px`;
}

/** The polite live region beside the button that tells what was done, seen and heard (made once per button). */
function statusOf(button: HTMLElement): HTMLElement {
  const parent = button.parentNode as ParentNode;
  const next = [...parent.children].find((n) => n.classList.contains('chiso-download-status'));
  if (next) return next as HTMLElement;
  const status = document.createElement('span');
  status.className = 'chiso-download-status';
  status.setAttribute('role', 'status');
  parent.append(status);
  return status;
}

/** `el`, or the nearest element around it (across shadow roots) that has `key`. */
function closestWith<T extends HTMLElement>(el: HTMLElement, key: string, has = (n: HTMLElement) => typeof (n as unknown as Record<string, unknown>)[key] === 'function'): T | undefined {
  for (let n: Node | null = el; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n instanceof HTMLElement && has(n)) return n as T;
  }
  return undefined;
}

async function save(host: HTMLElement, detail: DownloadDetail, blob: Blob): Promise<DownloadDetail | undefined> {
  if (!host.dispatchEvent(new CustomEvent('chiso-download', { detail, bubbles: true, composed: true, cancelable: true }))) return undefined;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = detail.filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return detail;
}

const CSS = `
.chiso-download-menu { position: fixed; inset: auto; margin: 0; flex-direction: column; min-width: 10rem; padding: 0.25rem;
  background: var(--_bg, Canvas); color: var(--_fg, CanvasText); border: 1px solid var(--_border, GrayText); border-radius: 0.375rem;
  box-shadow: 0 4px 12px rgb(0 0 0 / 0.18); font: inherit; font-size: var(--chiso-font-size, 1rem); z-index: 10; }
.chiso-download-menu:not([popover]) { display: flex; }
.chiso-download-menu:popover-open { display: flex; }
.chiso-download-menu:not([popover]) { position: absolute; }
.chiso-download-menu [role='menuitem'] { font: inherit; color: inherit; background: none; border: 0; border-radius: 0.25rem; padding: 0.5rem 0.75rem;
  min-height: 2.75rem; text-align: start; cursor: pointer; white-space: nowrap; }
.chiso-download-menu [role='menuitem']:hover { background: var(--_skeleton, Highlight); }
.chiso-download-menu [role='menuitem']:focus-visible { outline: 3px solid var(--_focus, Highlight); outline-offset: -3px; }
.chiso-download-status { color: var(--_muted, GrayText); font-size: 0.875em; margin-inline: 0.5rem; overflow-wrap: anywhere; user-select: text; }
.chiso-download-status:empty { display: none; }
`;
const adopted = new WeakSet<Node>();

/** The menu's styles in the element's shadow root: a constructed sheet (CSP-safe), a <style> where none can be adopted. */
function adoptStyles(root: ShadowRoot | Document): void {
  if (adopted.has(root)) return;
  adopted.add(root);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    (root instanceof Document ? root.head : root).append(Object.assign(document.createElement('style'), { textContent: CSS }));
  }
}
