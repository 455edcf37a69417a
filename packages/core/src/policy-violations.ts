/**
 * The page's Content-Security-Policy violations, kept from the moment a chiso element connects, so that a
 * chunk or worker refused later can be blamed on the policy when it is (load-diagnosis.ts). Tiny on purpose:
 * every element imports it; the diagnosis itself loads only when something failed.
 */
/** The page's latest violations, newest last (read by load-diagnosis.ts, which loads only when something failed). */
export const violations: Array<{ url: string; directive: string }> = [];
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
