import { css, html, type TemplateResult } from 'lit';
import { formatDate } from './dates.js';
import { addDays, parseDate } from './date-input.js';

/** What {@link dateField} draws: a labelled day within `min`–`max`, reported as an ISO date. */
export interface DateFieldOptions {
  label: string;
  /** ISO date shown. */
  value: string;
  min: string;
  max: string;
  lang: string;
  /** `data-control` of the input (tests and styles find it by that). */
  control?: string;
  /** Called with a valid ISO date within min–max. */
  onChange(iso: string): void;
}

const WORDS = {
  vi: { hint: 'dd/mm/yyyy; phím ↑ ↓ đổi một ngày, PageUp PageDown một tháng', invalid: 'Ngày không hợp lệ, hãy nhập dạng dd/mm/yyyy', outside: 'Ngoài khoảng có dữ liệu: {min} – {max}' },
  en: { hint: 'e.g. 1 Jul 2021; ↑ ↓ change a day, PageUp PageDown a month', invalid: 'Not a valid date; type it as 1 Jul 2021 or 01/07/2021', outside: 'Outside the data: {min} – {max}' },
};

/**
 * A day typed as readers write it (`01/07/2021`, or `1 Jul 2021` in English), never the browser's native date
 * input, which follows the browser's locale instead of the page's (`07/01/2021` for 1 July in a US browser).
 * Arrow keys move a day, PageUp/PageDown a month, Home/End to the ends; what is not a day in range is refused
 * with a message, and the last good day is kept.
 */
export function dateField(o: DateFieldOptions): TemplateResult {
  const words = String(o.lang).toLowerCase().startsWith('en') ? WORDS.en : WORDS.vi;
  const say = (input: HTMLInputElement, message: string) => {
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
    const out = input.parentElement?.querySelector('.date-error');
    if (out) out.textContent = message;
  };
  const commit = (input: HTMLInputElement, iso: string | undefined) => {
    if (!iso) return say(input, words.invalid);
    if (iso < o.min || iso > o.max) {
      return say(input, words.outside.replace('{min}', formatDate(o.min, o.lang)).replace('{max}', formatDate(o.max, o.lang)));
    }
    say(input, '');
    input.value = formatDate(iso, o.lang);
    if (iso !== o.value) o.onChange(iso);
  };
  const key = (e: KeyboardEvent) => {
    const input = e.target as HTMLInputElement;
    const current = parseDate(input.value) ?? o.value;
    const step: Record<string, number> = { ArrowUp: 1, ArrowDown: -1, PageUp: 30, PageDown: -30 };
    let next: string | undefined;
    if (e.key in step) next = addDays(current, step[e.key]);
    else if (e.key === 'Home') next = o.min;
    else if (e.key === 'End') next = o.max;
    else if (e.key === 'Enter') return commit(input, parseDate(input.value));
    else return;
    e.preventDefault();
    commit(input, next < o.min ? o.min : next > o.max ? o.max : next);
  };
  const hintId = `date-hint-${o.control ?? 'day'}`;
  return html`<label class="date-field">${o.label}
    <input type="text" autocomplete="off" spellcheck="false" size="11" data-control=${o.control ?? ''}
      .value=${formatDate(o.value, o.lang)} aria-describedby=${hintId}
      @keydown=${key} @change=${(e: Event) => commit(e.target as HTMLInputElement, parseDate((e.target as HTMLInputElement).value))}>
    <span id=${hintId} hidden>${words.hint}</span><span class="date-error" role="alert"></span></label>`;
}

/** Styles of {@link dateField}, for the host element's `styles`. */
export const dateFieldStyles = css`
  .date-field { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0.35em; font-size: 0.875em; max-width: 100%; }
  .date-field input {
    font: inherit; color: var(--_fg); background: var(--_bg); font-variant-numeric: tabular-nums;
    border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.3rem 0.5rem; min-height: 2rem; width: min(8.5em, 100%);
  }
  .date-field input[aria-invalid='true'] { border-color: var(--_bad); border-width: 2px; }
  .date-field input:focus-visible { outline: 3px solid var(--_focus); outline-offset: 1px; }
  .date-error { flex-basis: 100%; color: var(--_bad); font-size: 0.875em; }
  .date-error:empty { display: none; }
`;
