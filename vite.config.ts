import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build, normalizePath, type Plugin } from 'vite';
import browserslist from 'browserslist';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The supported floor, written once as package.json's browserslist (Chromium 86: 360安全浏览器 13),
 * as the build's targets (`['chrome86']`): the oldest version of each browser it names. The app,
 * its workers, the saved-page script and the inline script all ship no syntax above it.
 */
// Tests run in China's zone, never UTC, so a period computed through local time shows up. Set here
// rather than by a `TZ=` prefix in package.json, which Windows shells do not understand.
process.env.TZ ??= 'Asia/Shanghai';

const FLOOR = Object.entries(
  browserslist().reduce<Record<string, number>>((oldest, entry) => {
    const [name, version] = entry.split(' ');
    oldest[name] = Math.min(oldest[name] ?? Infinity, Number.parseFloat(version));
    return oldest;
  }, {}),
).map(([name, version]) => `${name}${version}`);

/**
 * zrender (under ECharts 6.1) caches text widths in an LRU whose map is a plain `{}` keyed by the
 * label's text, so a region named `__proto__` writes into the map's prototype and later charts
 * crash. Until zrender fixes it, its map gets no prototype; applied to the app, the standalone
 * script and the unit tests alike. Fails the build if the code it patches changes.
 */
function nullPrototypeLru(): Plugin {
  return {
    name: 'null-prototype-lru',
    transform(code, id) {
      if (!/zrender[\\/]lib[\\/]core[\\/]LRU\.js$/.test(id)) return undefined;
      const patched = code.replaceAll('this._map = {};', 'this._map = Object.create(null);');
      if (patched === code) throw new Error('zrender LRU changed: check whether it still needs null-prototype-lru');
      return { code: patched, map: null };
    },
  };
}

/**
 * Svelte 5 scopes the second and later parts of a selector with `:where(.svelte-xyz)`, which
 * Chromium 86 does not know (88): it drops the whole rule, and the dashboard lost its tabs,
 * lists and form widths there. Written as a plain class, as Svelte 4 did; the specificity of
 * such selectors rises by one class, the same in every browser. The bundle is checked for any
 * selector newer than the floor that remains.
 */
function floorSelectors(): Plugin {
  const newer = /:(where|is|has)\(/;
  return {
    name: 'floor-selectors',
    transform(code, id) {
      if (!/\.svelte\?.*type=style/.test(id)) return undefined;
      return { code: code.replace(/:where\((\.svelte-[\w-]+)\)/g, '$1'), map: null };
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
        const found = newer.exec(String(file.source));
        if (found) throw new Error(`${file.fileName}: selector ${found[0]}) is newer than the supported floor (Chromium 86)`);
      }
    },
  };
}

/**
 * `entry` (relative to this file) bundled by a nested build into one minified script with no
 * imports: an IIFE, since Vite leaves ES library output unminified.
 */
async function iifeOf(entry: string, name: string, options: { plugins?: Plugin[]; define: Record<string, string> }): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    plugins: options.plugins ?? [],
    define: options.define,
    build: {
      write: false,
      target: FLOOR,
      minify: true,
      lib: { entry: new URL(entry, import.meta.url).pathname, formats: ['iife'], name, fileName: name },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`${entry}: the nested build produced no script`);
  return chunk.code;
}

/**
 * `virtual:standalone-script`: the chart code of a self-contained .html file (src/standalone),
 * bundled into one script with no imports (`iifeOf`) and exported as a string, so the
 * app can inline it. The app loads it lazily, only when a user saves such a file.
 */
function standaloneScript(): Plugin {
  const id = 'virtual:standalone-script';
  return {
    name: 'standalone-script',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const code = await iifeOf('./src/standalone/standalone-main.ts', 'standalone', {
        plugins: [nullPrototypeLru()],
        // ECharts checks process.env.NODE_ENV, which does not exist in a page of its own.
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      });
      return `export default ${JSON.stringify(code)};`;
    },
  };
}

/**
 * The page's classic scripts (public/browser-check.js, public/early-open.js) served as
 * content-hashed assets, like the module scripts: a host keeps `assets/` cached for good and
 * revalidates the rest on every load, and browser-check.js, which blocks the parser, held the
 * app's start back by that round trip (the module script runs only once the HTML is parsed).
 * The files in public/ stay the source (and are still copied as they are).
 */
function hashedClassicScripts(names: string[]): Plugin {
  const hashed = names.map((name) => {
    const source = readFileSync(new URL(`./public/${name}`, import.meta.url), 'utf8');
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);
    return { tag: `src="./${name}"`, fileName: `assets/${name.replace(/\.js$/, '')}-${hash}.js`, source };
  });
  return {
    name: 'hashed-classic-scripts',
    apply: 'build',
    generateBundle() {
      for (const { fileName, source } of hashed) this.emitFile({ type: 'asset', fileName, source });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        for (const { tag, fileName } of hashed) {
          if (!html.includes(tag)) throw new Error(`index.html no longer names ${tag}: check hashed-classic-scripts`);
          html = html.replace(tag, `src="./${fileName}"`);
        }
        return html;
      },
    },
  };
}

/** Our modules (none of node_modules) that `from` reaches through static imports, itself included. */
function ownStaticImports(from: string, info: (id: string) => { importedIds: readonly string[] } | null): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id) || /node_modules|^\0/.test(id)) continue;
    seen.add(id);
    queue.push(...(info(id)?.importedIds ?? []));
  }
  return seen;
}

const fromHere = (path: string) => normalizePath(fileURLToPath(new URL(path, import.meta.url)));

/**
 * The dashboard's first page in one chunk, `App`: our modules that App.svelte imports statically
 * and that neither the entry nor the other two starts (the embed page, a published folder's page)
 * import. Split by default, they were ~20 chunks of a few hundred bytes each (shared by App and
 * lazy pages), which the page asked for, six at a time over HTTP/1.1, with a preload link each,
 * ahead of a remote dataset's footer. The lazy pages that share them import them from `App`, which
 * is loaded before any of them; the entry, the embed page and the published page load no more than
 * before. Libraries (Svelte, ECharts) stay in the chunks they were in, shared with the embed page.
 */
function firstPageChunk(): (id: string, ctx: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }) => string | null {
  let app: Set<string> | undefined;
  return (id, ctx) => {
    if (!app) {
      const info = (m: string) => ctx.getModuleInfo(m);
      const elsewhere = new Set(
        ['./src/main.ts', './src/standalone/embed-page.ts', './src/ui/publish/start-published.ts'].flatMap((m) => [
          ...ownStaticImports(fromHere(m), info),
        ]),
      );
      app = new Set([...ownStaticImports(fromHere('./src/ui/App.svelte'), info)].filter((m) => !elsewhere.has(m)));
    }
    return app.has(id) ? 'App' : null;
  };
}

export default defineConfig({
  plugins: [
    svelte(),
    floorSelectors(),
    standaloneScript(),
    nullPrototypeLru(),
    hashedClassicScripts(['browser-check.js', 'early-open.js', 'early-remote.js']),
  ],
  // Relative base so the built app also works from a sub-folder of an intranet server.
  base: './',
  worker: { format: 'es' },
  build: {
    target: FLOOR,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The group holds exactly the modules named (its own dependencies are in it or loaded before
      // it), so it draws in no library code a later page would need.
      output: { codeSplitting: { groups: [{ name: firstPageChunk(), includeDependenciesRecursively: false }] } },
      // PaPaParse is CommonJS, so the bundler keeps it wherever its module is reached, even with
      // nothing of it used: the page reaches read-csv.ts through src/ingest/index.ts for one
      // constant (MAX_BYTES) and carried the whole parser (~8 KB gzip) into its initial JS. Its
      // module only defines Papa (its worker mode is never used here), so dropping it when unused
      // is safe; the import worker, which does parse, keeps it.
      // The store's and the ledger's modules run nothing when loaded either. Said so, the bundler
      // leaves what only a later page uses (backups, ledgers, and through them the file readers)
      // in that page's chunk, instead of in the first script that reaches them through the
      // store's index (~8 KB gzip of initial JS). The warming worker's entry is its own bundle.
      treeshake: {
        moduleSideEffects: (id: string) =>
          !/node_modules[\\/]papaparse[\\/]/.test(id) && !/src[\\/](store|ledger)[\\/](?!warm-worker)/.test(id),
      },
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // Through Vite like the app, so the tests draw with the patched zrender (nullPrototypeLru).
    server: { deps: { inline: [/[\\/]node_modules[\\/](echarts|zrender)[\\/]/] } },
  },
});
