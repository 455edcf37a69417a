/** The download menu as a reader uses it: the "Tải xuống" button opens it, an item is chosen by its words. */
import { waitUntil } from '@open-wc/testing';

/** Opens the menu of `button` (its code loads on the first click) and resolves with the menu. */
export async function openMenu(button: HTMLElement): Promise<HTMLElement> {
  button.click();
  const root = button.getRootNode() as ShadowRoot;
  // Its code may still be loading, and a page drawing maps on a busy machine answers late.
  await waitUntil(() => root.querySelector('[role="menu"]:popover-open'), 'the download menu opened', { timeout: 5000 });
  return root.querySelector<HTMLElement>('[role="menu"]:popover-open')!;
}

/** Opens the menu of `button` and chooses the item whose words match `name`. */
export async function chooseFromMenu(button: HTMLElement, name: RegExp): Promise<void> {
  const menu = await openMenu(button);
  const item = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((i) => name.test(i.textContent ?? ''));
  if (!item) throw new Error(`no menu item ${name}: ${menu.textContent}`);
  item.click();
}
