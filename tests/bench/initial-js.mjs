/**
 * The initial JS of a build: the scripts dist/index.html references or holds inline, their static imports, and the
 * chunks the entry loads at once to start the app (main.ts imports the App with `import()` right
 * away, so those chunks are initial too; lazy pages, the wizard and the Excel reader are not).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Relative module specifiers a built chunk imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(code) {
  const out = [];
  for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) out.push(m[1]);
  return out;
}

/**
 * Gzip sizes of the initial JS files of `dist`.
 * @example initialJs('/tmp/dist', gzipSync).kb // 290.4
 */
export function initialJs(dist, gzip) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file) || !existsSync(join(dist, file))) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const dir = posix.dirname(file);
    const next = staticImports(code).map((s) => posix.normalize(posix.join(dir, s)));
    // The entry starts the app with import('./ui/App.svelte'): that chunk is loaded at once.
    const app = entries.includes(file) ? appChunk(code, dir) : undefined;
    if (app) next.push(app);
    queue.push(...next);
  }
  const files = [...seen].map((file) => ({ file, kb: Math.round((gzip(readFileSync(join(dist, file))).length / 1024) * 10) / 10 }));
  // Scripts written into the page itself count too (none today).
  for (const [k, m] of [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].entries()) {
    files.push({ file: `index.html inline script ${k + 1}`, kb: Math.round((gzip(Buffer.from(m[1])).length / 1024) * 10) / 10 });
  }
  return { kb: Math.round(files.reduce((n, f) => n + f.kb, 0) * 10) / 10, files };
}

/** The App chunk's path, named `App-<hash>.js` by Vite after App.svelte. */
function appChunk(code, dir) {
  const m = /["'](\.\/App-[\w-]+\.js)["']/.exec(code);
  return m ? posix.normalize(posix.join(dir, m[1])) : undefined;
}
