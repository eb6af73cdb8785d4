/**
 * The app's own files, fetched from where this page was loaded, to copy into a published folder:
 * index.html, what it names, and every file the scripts and styles name in turn (Vite names its
 * chunks `./name-hash.js`; workers, fonts and pictures the same way). Nothing is fetched from
 * anywhere else.
 */
import type { PublishedFile } from './partition';

/** File names a built script or style refers to: ./x-hash.js, assets/x.css, ./favicon.png. */
const REFERENCE = /(?:\.\/|assets\/)([A-Za-z0-9_.-]+\.(?:js|mjs|css|png|svg|woff2?|ttf|wasm|json))/g;
const TOP = /(?:src|href)="\.\/([A-Za-z0-9_./-]+)"/g;
/** At most this many files: a built app has about a hundred. */
const MAX_FILES = 2000;

/**
 * Fetch the app's files relative to `base` (the page's folder).
 * @example const files = await fetchAppFiles(new URL('./', location.href).href)
 */
export async function fetchAppFiles(base: string): Promise<PublishedFile[]> {
  const index = await get(base, 'index.html');
  const files = new Map<string, Uint8Array>([['index.html', index]]);
  const queue: string[] = [];
  const add = (path: string): void => {
    if (!files.has(path) && !queue.includes(path) && files.size + queue.length < MAX_FILES) queue.push(path);
  };
  for (const m of new TextDecoder().decode(index).matchAll(TOP)) add(m[1]);
  while (queue.length > 0) {
    const path = queue.shift() as string;
    const bytes = await get(base, path).catch(() => undefined);
    // A name in a script that is not a file of the build (a string that only looks like one).
    if (!bytes) continue;
    files.set(path, bytes);
    if (!/\.(js|mjs|css)$/.test(path)) continue;
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    for (const m of new TextDecoder().decode(bytes).matchAll(REFERENCE)) {
      // `./x.js` inside assets/ is assets/x.js; `assets/x.js` is from the top.
      add(m[0].startsWith('assets/') ? `assets/${m[1]}` : folder + m[1]);
    }
  }
  return [...files].map(([path, bytes]) => ({ path, bytes }));
}

async function get(base: string, path: string): Promise<Uint8Array> {
  const res = await fetch(new URL(path, base).href);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
