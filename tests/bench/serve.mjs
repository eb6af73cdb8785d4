/**
 * A small static server for the built app, plus `/__bench/` routes for the floor measurement
 * (PapaParse and Dexie straight from node_modules, and the generated data files).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** Resolve `rel` inside `root`, refusing paths that climb out of it. */
function inside(root, rel) {
  const full = resolve(root, normalize(rel).replace(/^([/\\])+/, ''));
  return full.startsWith(resolve(root)) ? full : undefined;
}

/**
 * Serve `dist` on 127.0.0.1:`port`; `extra` maps `/__bench/<name>` to files. Caching as a static
 * host serves a Vite build: the page is revalidated, the content-hashed `/assets/` are kept, so a
 * reload reads them from the HTTP cache (and Chromium can keep compiled code for them).
 * @example const server = await serve({ dist: '/tmp/dist', port: 4310, extra: new Map([['papaparse.js', path]]) })
 */
export function serve({ dist, port, extra }) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let file;
    if (url.pathname.startsWith('/__bench/')) file = extra.get(decodeURIComponent(url.pathname.slice('/__bench/'.length)));
    else file = inside(dist, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size, 'cache-control': url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

