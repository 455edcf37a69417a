/**
 * Why one of chiso's own files (a lazily loaded chunk, MapLibre, a worker) did not load, found out after the
 * fact and said in words a webmaster can act on. Browsers only say "Failed to fetch dynamically imported
 * module" whatever the cause; the cause is almost always the portal's server or its Content-Security-Policy:
 * a file served with a type that is not JavaScript (a server that does not know the extension), a file not
 * copied (404), or a policy that blocks scripts or workers. Nothing here runs unless a load already failed.
 */
import { FeedError } from './feed/errors.js';
import { violations } from './policy-violations.js';

export { watchPolicyViolations } from './policy-violations.js';

/** The latest violation that blocked `url` (or its origin), if any. */
function violationFor(url: string): { url: string; directive: string } | undefined {
  const origin = (() => { try { return new URL(url).origin; } catch { return url; } })();
  // A policy report names a same-origin file in full, another origin by its origin only; only the directives
  // that govern scripts and workers can have stopped one.
  return [...violations].reverse().find((v) => /^(script-src|worker-src|child-src|default-src)$/.test(v.directive)
    && (v.url === url || v.url === origin || (!!v.url && url.startsWith(v.url))));
}

/** What stopped a file from loading. */
export type LoadProblem =
  | { kind: 'mime'; url: string; type: string }
  | { kind: 'missing'; url: string; status: number }
  | { kind: 'http'; url: string; status: number }
  | { kind: 'csp'; url: string; directive: string }
  | { kind: 'unreachable'; url: string };

/** The MIME types a browser accepts for a module script or a module worker (the HTML standard's list). */
export const isJavaScriptMime = (type: string | null | undefined): boolean =>
  /^\s*((application|text)\/(x-)?(java|ecma)script|text\/(javascript1\.[0-5]|jscript|livescript))\s*(;|$)/i.test(type ?? '');

// Static imports in a built (possibly minified) module: `import"./a.js"`, `import{x}from"../b.js"`, `export*from"./c.js"`.
// A comment may come right before (`/*! licence */import…`); template literals never name a module.
const STATIC_IMPORT = /(?:^|[;\s}/])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+)["']/g;

/**
 * Checks a module (or a module worker) and, recursively, the files it imports statically: the first file that
 * a policy blocked, that is missing, or that is served with a type other than JavaScript. Null when every file
 * looks right (the failure was something else, such as the network).
 */
export async function diagnoseModule(url: string, depth = 3, seen = new Set<string>()): Promise<LoadProblem | null> {
  if (seen.has(url) || seen.size > 40) return null;
  seen.add(url);
  // A policy's report arrives as an event after the failed load: give it a moment.
  await new Promise((r) => setTimeout(r, 30));
  const blocked = violationFor(url);
  if (blocked) return { kind: 'csp', url, directive: blocked.directive || 'script-src' };
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    return { kind: 'unreachable', url };
  }
  if (!response.ok) return { kind: response.status === 404 || response.status === 410 ? 'missing' : 'http', url, status: response.status };
  const type = response.headers.get('content-type') ?? '';
  if (!isJavaScriptMime(type)) {
    void response.body?.cancel();
    return { kind: 'mime', url, type };
  }
  if (depth <= 0) return null;
  const text = await response.text();
  for (const m of text.matchAll(STATIC_IMPORT)) {
    const spec = m[1];
    if (!/^(\.{1,2}\/|\/|https?:)/.test(spec)) continue;
    const problem = await diagnoseModule(new URL(spec, url).href, depth - 1, seen);
    if (problem) return problem;
  }
  return null;
}

/** The file as a webmaster finds it on the server: its path (and host when it is another origin). */
function fileName(url: string): string {
  try {
    const u = new URL(url);
    const here = typeof location !== 'undefined' ? location.origin : '';
    return u.origin === here ? u.pathname : `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/** The message for a problem, Vietnamese and English, naming the file and the fix. */
export function loadProblemText(p: LoadProblem): { vi: string; en: string } {
  const file = fileName(p.url);
  switch (p.kind) {
    case 'mime': {
      const type = p.type || 'không có Content-Type';
      return {
        vi: `Máy chủ trả về ${file} với kiểu "${type}", trình duyệt không chạy được: cấu hình kiểu MIME "text/javascript" cho tệp .js`,
        en: `The server sends ${file} as "${p.type || 'no Content-Type'}", which browsers refuse to run: serve .js files as "text/javascript"`,
      };
    }
    case 'missing':
      return {
        vi: `Không có ${file} trên máy chủ (HTTP ${p.status}): sao chép cả thư mục của chiso.js (chunks/, vendor/, atlas/), không chỉ chiso.js`,
        en: `${file} is not on the server (HTTP ${p.status}): copy the whole folder of chiso.js (chunks/, vendor/, atlas/), not chiso.js alone`,
      };
    case 'csp': {
      const sameOrigin = typeof location !== 'undefined' && (() => { try { return new URL(p.url).origin === location.origin; } catch { return false; } })();
      const source = sameOrigin ? `'self'` : (() => { try { return new URL(p.url).origin; } catch { return p.url; } })();
      return {
        vi: `Chính sách bảo mật nội dung (Content-Security-Policy) của trang chặn ${file}: thêm ${source} vào ${p.directive}`,
        en: `The page's Content-Security-Policy blocks ${file}: add ${source} to ${p.directive}`,
      };
    }
    case 'http':
      return {
        vi: `Máy chủ trả lỗi HTTP ${p.status} cho ${file}: thử lại sau, hoặc xem nhật ký của máy chủ`,
        en: `The server answered HTTP ${p.status} for ${file}: try again later, or see the server's log`,
      };
    default:
      return {
        vi: `Không tải được ${file} (mất kết nối, hoặc bị tường lửa chặn)`,
        en: `Could not download ${file} (offline, or blocked by a firewall)`,
      };
  }
}

/** The URL a browser's "failed to fetch dynamically imported module: …" message names, if any. */
export function urlInLoadError(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error ?? '');
  return /\b(https?:\/\/[^\s'"]+)/.exec(message)?.[1];
}

/**
 * A FeedError (code `load`) for a lazily loaded module that failed: the cause found by diagnoseModule, or the
 * browser's own words when every file looks right.
 */
export async function loadFailure(error: unknown, url = urlInLoadError(error)): Promise<FeedError> {
  const problem = url ? await diagnoseModule(url).catch(() => null) : null;
  const detail = error instanceof Error ? error.message.slice(0, 200) : undefined;
  return problem
    ? new FeedError('load', { text: loadProblemText(problem), detail, cause: error })
    : new FeedError('load', { detail, cause: error });
}
