// /__csp/<path> serves <path> (the demo portal, say) under the strict Content-Security-Policy the README
// documents, with violations reported to /__csp-report (GET lists them, DELETE clears them).

/**
 * The policy a portal can send with chiso: no inline or eval'd script anywhere. Styles may be inline: MapLibre
 * and the elements set element styles, which `style-src 'self'` alone would block in style attributes.
 * MapLibre needs `worker-src 'self'` for its worker, `img-src data: blob:` for its images; the BTS coverage
 * worker is a module file from 'self'.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

const reports = [];

export function cspServer() {
  return async (ctx, next) => {
    const url = new URL(ctx.request.url, 'http://localhost');
    if (url.pathname === '/__csp-report') {
      if (ctx.method === 'POST') {
        const chunks = [];
        for await (const c of ctx.req) chunks.push(c);
        try {
          reports.push(JSON.parse(Buffer.concat(chunks).toString('utf8'))['csp-report'] ?? {});
        } catch {
          reports.push({ unreadable: true });
        }
        ctx.status = 204;
        return;
      }
      if (ctx.method === 'DELETE') reports.length = 0;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(reports);
      return;
    }
    if (!url.pathname.startsWith('/__csp/')) return next();
    ctx.url = url.pathname.slice('/__csp'.length) + url.search;
    await next();
    ctx.set('Content-Security-Policy', `${STRICT_CSP}; report-uri /__csp-report`);
  };
}
