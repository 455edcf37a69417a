// Test-server routes under /__feeds/ that misbehave on purpose (500, hang, truncate, HTML, conditional
// requests), plus /__shared/ serving ../shared/data read-only when it is there.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { topology } from 'topojson-server';
import { pmtilesArchive, xyzTile } from './vector-tiles.mjs';

const sharedDir = resolve(process.cwd(), '../shared/data');
const atlasDir = resolve(process.cwd(), 'packages/atlas/data');
/** A boundaries file the tile routes read: `atlas/communes/19.json` (shipped, TopoJSON) or a file of ../shared/data/geo. */
const geoFile = (name) => {
  const atlas = /^atlas\/(.+)$/.exec(name);
  const file = atlas ? resolve(atlasDir, atlas[1]) : resolve(sharedDir, 'geo', name);
  return file.startsWith(atlas ? atlasDir : sharedDir) && existsSync(file) ? file : null;
};
const counters = new Map();
/** Keys of /__feeds/hang requests whose client went away before the answer (an aborted fetch). */
const abandoned = new Set();
const hugeBodies = new Map();

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
      // /__tiles/<shared geo file>/{z}/{x}/{y}.pbf: XYZ vector tiles; /__pmtiles/<shared geo file>.pmtiles: an archive.
      const xyz = /^\/__tiles\/(.+\.(?:geo)?json)\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(url.pathname);
      if (xyz) {
        const file = geoFile(decodeURIComponent(xyz[1]));
        if (!file) return { body: 'not found', status: 404 };
        const tile = xyzTile(file, Number(xyz[2]), Number(xyz[3]), Number(xyz[4]));
        return tile ? { body: tile, type: 'application/x-protobuf' } : { body: '', status: 204 };
      }
      // /__topo/<shared geo file>: the same boundaries as TopoJSON (object `communes`).
      const topo = /^\/__topo\/(.+\.geojson)$/.exec(url.pathname);
      if (topo) {
        const file = resolve(sharedDir, 'geo', decodeURIComponent(topo[1]));
        if (!file.startsWith(sharedDir) || !existsSync(file)) return { body: 'not found', status: 404 };
        return { body: JSON.stringify(topology({ communes: JSON.parse(readFileSync(file, 'utf8')) }, 1e6)), type: 'application/json' };
      }
      const pm = /^\/__pmtiles\/(.+\.(?:geo)?json)\.pmtiles$/.exec(url.pathname);
      if (pm) {
        const file = geoFile(decodeURIComponent(pm[1]));
        if (!file) return { body: 'not found', status: 404 };
        const archive = pmtilesArchive(file);
        const range = /bytes=(\d+)-(\d*)/.exec(context.request.headers.range ?? '');
        if (!range) return { body: archive, type: 'application/octet-stream', headers: { 'accept-ranges': 'bytes' } };
        const start = Number(range[1]);
        const end = Math.min(range[2] ? Number(range[2]) : archive.length - 1, archive.length - 1);
        return {
          body: archive.subarray(start, end + 1), status: 206, type: 'application/octet-stream',
          headers: { 'content-range': `bytes ${start}-${end}/${archive.length}`, 'accept-ranges': 'bytes' },
        };
      }
      // /__atlas-no-crosswalk/<file>: the shipped atlas, but its crosswalk.json missing (a portal that did not copy it).
      const partial = /^\/__atlas-no-crosswalk\/(.+)$/.exec(url.pathname);
      if (partial) {
        const file = resolve(atlasDir, decodeURIComponent(partial[1]));
        if (!file.startsWith(atlasDir) || !existsSync(file) || /crosswalk/.test(file)) return { body: 'not found', status: 404 };
        return { body: readFileSync(file), type: 'application/json' };
      }
      if (!url.pathname.startsWith('/__feeds/')) return undefined;
      const kind = url.pathname.slice('/__feeds/'.length);
      const key = url.searchParams.get('key') ?? kind;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      const body = url.searchParams.get('body') ?? JSON.stringify({ chiso: 1, observations: [{ area: '25', period: '2021', value: 87.86 }] });
      const delay = (ms) => new Promise((r) => setTimeout(r, ms));
      switch (kind) {
        case 'abandoned':
          return { body: JSON.stringify({ abandoned: abandoned.has(url.searchParams.get('of')) }), type: 'application/json' };
        case 'count':
          return { body: JSON.stringify({ count: counters.get(url.searchParams.get('of')) ?? 0 }), type: 'application/json' };
        case 'ok':
          if (url.searchParams.get('delay')) await delay(Number(url.searchParams.get('delay')));
          return { body, type: 'application/json' };
        case 'status':
          return { body: 'server error', status: Number(url.searchParams.get('code') ?? 500), type: 'text/plain' };
        case 'hang': {
          // The response closing before it was written: the client went away (an aborted fetch).
          const gone = () => { if (!context.res.writableFinished) abandoned.add(key); };
          context.res.once('close', gone);
          await delay(Number(url.searchParams.get('ms') ?? 30000));
          context.res.off('close', gone);
          return { body, type: 'application/json' };
        }
        case 'stall': {
          // The headers and the start of the body, then nothing for `ms` (default 30 s): a server stuck mid-answer.
          const gone = () => { if (!context.res.writableFinished) abandoned.add(key); };
          context.res.once('close', gone);
          const stream = new PassThrough();
          stream.write('{"chiso":1,"observations":[');
          setTimeout(() => stream.end(']}'), Number(url.searchParams.get('ms') ?? 30000));
          return { body: stream, type: 'application/json' };
        }
        case 'huge': {
          // A valid feed of about `mb` megabytes (default 50), built once.
          const mb = Number(url.searchParams.get('mb') ?? 50);
          if (!hugeBodies.has(mb)) {
            const row = JSON.stringify({ indicator: 'x', area: '25', period: '2021', value: 50, note: 'x'.repeat(200) });
            const rows = Math.ceil((mb * 1024 * 1024) / (row.length + 1));
            hugeBodies.set(mb, `{"chiso":1,"observations":[${Array(rows).fill(row).join(',')}]}`);
          }
          return { body: hugeBodies.get(mb), type: 'application/json' };
        }
        case 'deep': {
          // JSON nested `depth` arrays deep (default 200,000): JSON.parse itself overflows the stack on it.
          const depth = Number(url.searchParams.get('depth') ?? 200000);
          return { body: `{"chiso":1,"observations":${'['.repeat(depth)}${']'.repeat(depth)}}`, type: 'application/json' };
        }
        case 'wrongtype':
          // A good feed sent as text/html (servers do this): read by its content.
          return { body, type: 'text/html' };
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
