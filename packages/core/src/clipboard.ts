/**
 * `@chiso/core/clipboard`: copying a text, in a module of its own so a map's "copy link" button has it before the
 * click (a browser lets a page write to the clipboard only right after one) without carrying the download menu.
 */
/** The clipboard where the page may use it, else the older copy command. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.cssText = 'position:fixed;opacity:0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
