/**
 * `@chiso/core/download`, loaded the first time a reader asks for a file (a page that never downloads never
 * fetches it): the element's `toCSV()` saved as a file named after what it shows. A `chiso-download` event
 * (cancelable, bubbling, composed) goes first with `{ format, filename, text }`: a page may keep the file
 * itself (preventDefault) and, for instance, send it elsewhere.
 */
import { fileNameOf } from './csv.js';

export interface DownloadDetail {
  format: 'csv';
  filename: string;
  text: string;
}

/** Saves `host.toCSV()` as `<title>.csv`; resolves with the detail, or undefined when the page kept the file. */
export async function downloadCsv(host: HTMLElement & { toCSV(): Promise<string> }, title: string): Promise<DownloadDetail | undefined> {
  const text = await host.toCSV();
  const detail: DownloadDetail = { format: 'csv', filename: fileNameOf(title, 'csv'), text };
  const go = host.dispatchEvent(new CustomEvent('chiso-download', { detail, bubbles: true, composed: true, cancelable: true }));
  if (!go) return undefined;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
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
