// Test-server routes under /__feeds/ that misbehave on purpose (500, hang, truncate, HTML, conditional
// requests), plus /__shared/ serving ../shared/data read-only when it is there.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const sharedDir = resolve(process.cwd(), '../shared/data');
const counters = new Map();

/** Koa middleware for the test runner's dev server. */
export function feedServer() {
  return async (ctx, next) => {
    const result = await route(ctx);
    if (!result) return next();
    ctx.status = result.status ?? 200;
    for (const [k, v] of Object.entries(result.headers ?? {})) ctx.set(k, v);
    if (result.type) ctx.type = result.type;
    ctx.body = result.body;
  };
}

async function route(context) {
      const url = new URL(context.request.url, 'http://localhost');
      if (url.pathname.startsWith('/__shared/')) {
        const file = resolve(sharedDir, decodeURIComponent(url.pathname.slice('/__shared/'.length)));
        if (!file.startsWith(sharedDir) || !existsSync(file)) return { body: 'not found', status: 404 };
        const type = file.endsWith('.csv') ? 'text/csv' : 'application/json';
        return { body: readFileSync(file), type };
      }
      if (!url.pathname.startsWith('/__feeds/')) return undefined;
      const kind = url.pathname.slice('/__feeds/'.length);
      const key = url.searchParams.get('key') ?? kind;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      const body = url.searchParams.get('body') ?? JSON.stringify({ chiso: 1, observations: [{ area: '25', period: '2021', value: 87.86 }] });
      const delay = (ms) => new Promise((r) => setTimeout(r, ms));
      switch (kind) {
        case 'count':
          return { body: JSON.stringify({ count: counters.get(url.searchParams.get('of')) ?? 0 }), type: 'application/json' };
        case 'ok':
          if (url.searchParams.get('delay')) await delay(Number(url.searchParams.get('delay')));
          return { body, type: 'application/json' };
        case 'status':
          return { body: 'server error', status: Number(url.searchParams.get('code') ?? 500), type: 'text/plain' };
        case 'hang':
          await delay(Number(url.searchParams.get('ms') ?? 30000));
          return { body, type: 'application/json' };
        case 'truncate':
          return { body: body.slice(0, Math.floor(body.length / 2)), type: 'application/json' };
        case 'html':
          return { body: '<!doctype html><html><body><h1>Bảo trì hệ thống</h1><script>window.__pwned = true</script></body></html>', type: 'text/html' };
        case 'flaky': {
          // Fails the first `fail` requests of a key, then answers.
          const fail = Number(url.searchParams.get('fail') ?? 1);
          return n <= fail ? { body: 'busy', status: 503, type: 'text/plain' } : { body, type: 'application/json' };
        }
        case 'sequence': {
          // Answers with body #n from a JSON array of bodies; `fail` marks the request numbers that get a 500.
          const bodies = JSON.parse(url.searchParams.get('bodies') ?? '[]');
          const failing = (url.searchParams.get('fail') ?? '').split(',').filter(Boolean).map(Number);
          if (failing.includes(n)) return { body: 'down', status: 500, type: 'text/plain' };
          return { body: bodies[Math.min(n, bodies.length) - 1] ?? body, type: 'application/json' };
        }
        case 'etag': {
          const tag = '"v1"';
          if (context.request.headers['if-none-match'] === tag) {
            counters.set(`${key}:304`, (counters.get(`${key}:304`) ?? 0) + 1);
            return { body: '', status: 304, headers: { etag: tag } };
          }
          return { body, type: 'application/json', headers: { etag: tag } };
        }
        default:
          return { body: 'unknown route', status: 404 };
      }
}
