/**
 * The page's Content-Security-Policy violations, kept from the moment a chiso element connects, so that a
 * chunk or worker refused later can be blamed on the policy when it is (load-diagnosis.ts). Tiny on purpose:
 * every element imports it; the diagnosis itself loads only when something failed.
 */
const violations: Array<{ url: string; directive: string }> = [];
let watching = false;

/**
 * Starts keeping the page's Content-Security-Policy violations (the last 50), so a failed load can tell that
 * the policy blocked it. Called when an element that loads code lazily connects; cheap and idempotent.
 */
export function watchPolicyViolations(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  document.addEventListener('securitypolicyviolation', (e) => {
    violations.push({ url: e.blockedURI, directive: (e.effectiveDirective || e.violatedDirective || '').replace(/-(elem|attr)$/, '') });
    if (violations.length > 50) violations.shift();
  });
}

/** The latest violation that blocked `url` (or its origin), if any. */
export function violationFor(url: string): { url: string; directive: string } | undefined {
  const origin = (() => { try { return new URL(url).origin; } catch { return url; } })();
  // A policy report names a same-origin file in full, another origin by its origin only; only the directives
  // that govern scripts and workers can have stopped one.
  return [...violations].reverse().find((v) => /^(script-src|worker-src|child-src|default-src)$/.test(v.directive)
    && (v.url === url || v.url === origin || (!!v.url && url.startsWith(v.url))));
}

