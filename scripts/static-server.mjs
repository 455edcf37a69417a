// A tiny static file server (plain Node, no dependencies), shared by `npm start`, the bench and the tests. It
// answers byte ranges (PMTiles) as any static server does. The tests also make it misbehave the way portal
// servers do (`misbehave`): a type a server does not know for an extension, a file missing, a policy header,
// no byte ranges.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.geojson': 'application/geo+json; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json',
  '.pmtiles': 'application/octet-stream', '.md': 'text/markdown; charset=utf-8', '.woff2': 'font/woff2',
};

/**
 * @typedef {object} Misbehaviour How a test server departs from a good one (every field optional).
 * @property {(path: string) => string | null | undefined} [type] The Content-Type for a URL path (null: none at
 *   all; undefined: the usual one).
 * @property {(path: string) => number | undefined} [status] An error status for a URL path (404 for a file not copied).
 * @property {Record<string, string>} [headers] Sent with every answer (a Content-Security-Policy, say).
 * @property {boolean} [noRanges] Ignore Range headers (answer 200 with the whole file).
 */

/**
 * Serves `rootDir`; `/` redirects to `home`. Resolves with the listening server.
 * @param {{ rootDir?: string, port?: number, home?: string, misbehave?: Misbehaviour }} [options]
 */
export function startStaticServer({ rootDir = process.cwd(), port = 0, home = '/examples/', misbehave = {} } = {}) {
  const root = resolve(rootDir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    const extra = misbehave.headers ?? {};
    if (!path.startsWith(root)) return void res.writeHead(403, extra).end('forbidden');
    if (url.pathname === '/') return void res.writeHead(302, { location: home, ...extra }).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    const status = misbehave.status?.(url.pathname);
    if (status || !existsSync(path)) {
      return void res.writeHead(status ?? 404, { 'content-type': 'text/plain; charset=utf-8', ...extra }).end('Không tìm thấy / Not found');
    }
    const wanted = misbehave.type?.(url.pathname);
    const type = wanted === undefined ? types[extname(path)] ?? 'application/octet-stream' : wanted;
    const size = statSync(path).size;
    const head = { 'cache-control': 'no-cache', 'accept-ranges': misbehave.noRanges ? 'none' : 'bytes', ...(type ? { 'content-type': type } : {}), ...extra };
    const range = !misbehave.noRanges && /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) return void res.writeHead(416, { 'content-range': `bytes */${size}`, ...extra }).end();
      res.writeHead(206, { ...head, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
      if (req.method === 'HEAD') return void res.end();
      return void createReadStream(path, { start, end }).pipe(res);
    }
    res.writeHead(200, { ...head, 'content-length': size });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(path).pipe(res);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}
