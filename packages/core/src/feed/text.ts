/** Feed text → JSON value, tolerant of what real publishers send. Pure and small (loaded by every element). */
import { FeedError } from './errors.js';

/** Largest input parseFeed accepts, in characters: a bigger feed is a mistake or an attack. */
export const MAX_FEED_CHARS = 40_000_000;

/** Whether text looks like JSON (else it is read as CSV). */
export function looksLikeJson(text: string): boolean {
  return /^[\uFEFF\s]*[{[]/.test(text);
}

/**
 * Turns feed text into a JSON value. Tolerates a byte-order mark and stray bytes after the JSON (PX-Web
 * downloads end with a NUL).
 */
export function parseText(text: string): unknown {
  if (text.length > MAX_FEED_CHARS) {
    throw new FeedError('parse', { detail: `feed larger than ${MAX_FEED_CHARS} characters` });
  }
  const s = text.replace(/^\uFEFF/, '').trim();
  if (!s) throw new FeedError('empty');
  if (s[0] !== '{' && s[0] !== '[') throw new FeedError('unsupported', { detail: 'not JSON' });
  try {
    return JSON.parse(s);
  } catch (first) {
    const end = endOfJson(s);
    if (end > 0 && end < s.length) {
      try {
        return JSON.parse(s.slice(0, end));
      } catch {
        /* fall through to the first error */
      }
    }
    throw new FeedError('parse', { detail: (first as Error).message.slice(0, 160), cause: first });
  }
}

/** Index just past the first complete top-level JSON value, by bracket matching outside strings. */
function endOfJson(s: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return -1;
    }
  }
  return -1;
}
