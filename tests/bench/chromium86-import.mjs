/**
 * The 100k-row CSV imported in a real Chromium 86 (the kernel of 360安全浏览器 13; issue 20's
 * government-browser case): file chosen → preview → stored → 显示 → trend drawn, through the
 * wizard as a user does it, with the main thread's longest task (Long Tasks API, wall) and the
 * task that used the most CPU per phase (trace). `npm run bench` runs it as the case
 * `csv-100k-chromium86` (not with `--quick`); alone:
 * `node tests/bench/chromium86-import.mjs --dir <bench dir> --port <port>` (serves `<dir>/dist`,
 * which the benchmark builds). The browser is the one the old-browser suite unpacks
 * (tests/legacy/chromium86.ts, from chrome-aws-lambda's npm tarball); puppeteer-core 5.3.1 drives
 * it, as Playwright needs a far newer Chromium. No timing is asserted.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { INIT_SCRIPT } from './page-probes.mjs';
import { TASK_CATEGORIES, mainTasks } from './trace-tasks.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const CACHE = join(root, 'node_modules', '.cache', 'chromium-86');
const LONG = 900_000;

/**
 * Import `file` (a case of generate.mjs) in Chromium 86 from the app served at `base`. Throws,
 * saying so, when the browser was never unpacked.
 * @example await importInChromium86({ base: 'http://127.0.0.1:4212', file: c }) // { case: 'csv-100k-chromium86', import_ms: …, longest_task_ms: … }
 */
export async function importInChromium86({ base, file }) {
  const executablePath = join(CACHE, 'chromium');
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium 86 is not unpacked at ${executablePath}: run \`npm run test:legacy:run\` once (tests/legacy/chromium86.ts unpacks it from chrome-aws-lambda)`);
  }
  const puppeteer = createRequire(import.meta.url)('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--no-zygote', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN'],
    env: { ...process.env, TZ: 'Asia/Shanghai', LD_LIBRARY_PATH: [join(CACHE, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
    defaultViewport: { width: 1920, height: 1080 },
  });
  try {
    const version = await browser.version();
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(INIT_SCRIPT);
    await page.goto(base);
    await page.waitForFunction(() => window.__bench.draws.length > 0, { timeout: 120_000, polling: 100 });
    await page.evaluate(() => window.__bench.reset());
    await page.tracing.start({ categories: TASK_CATEGORIES });
    await page.evaluate(() => performance.mark('bench:chosen'));
    const input = await page.$('[data-testid="file-input"]');
    await input.uploadFile(file.path);
    await page.waitForFunction(() => window.__bench.confirmSeen > 0, { timeout: LONG, polling: 50 });
    await page.evaluate(() => {
      performance.mark('bench:confirm');
      window.__bench.tConfirm = performance.now();
      document.querySelector('[data-testid="import-confirm"]').click();
    });
    await page.waitForFunction(() => window.__bench.doneSeen > 0, { timeout: LONG, polling: 50 });
    const tShow = await page.evaluate(() => {
      performance.mark('bench:show');
      const t = performance.now();
      document.querySelector('[data-testid="import-show"]').click();
      return t;
    });
    // The trend's last draw after 显示, once no other came for 400 ms (as the benchmark's settledDraw).
    const drawn = await (
      await page.waitForFunction(
        (after) => {
          const draws = window.__bench.draws.filter((d) => d.id === 'trend-chart' && d.t > after);
          if (draws.length === 0) return false;
          const last = draws[draws.length - 1].t;
          return performance.now() - last > 400 ? last : false;
        },
        { timeout: LONG, polling: 50 },
        tShow,
      )
    ).jsonValue();
    const traced = mainTasks(JSON.parse((await page.tracing.stop()).toString('utf8')).traceEvents, 'bench:chosen', ['bench:chosen', 'bench:confirm', 'bench:show']);
    const b = await page.evaluate(() => ({ ...window.__bench, measures: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('import:')).map((m) => ({ name: m.name, ms: m.duration })) }));
    const round = (x) => Math.round(x);
    const phases = Object.create(null);
    for (const m of b.measures) phases[m.name.slice('import:'.length)] = round((phases[m.name.slice('import:'.length)] ?? 0) + m.ms);
    const during = b.longtasks.filter((t) => t.start >= b.fileChosen && t.start <= drawn);
    const phaseOf = { 'bench:chosen': 'preview', 'bench:confirm': 'store', 'bench:show': 'show' };
    const cpuLongest = Object.create(null);
    for (const t of traced) {
      const phase = phaseOf[t.phase];
      if (!cpuLongest[phase] || t.cpuMs > cpuLongest[phase].cpu_ms) cpuLongest[phase] = { cpu_ms: round(t.cpuMs), wall_ms: round(t.ms) };
    }
    return {
      case: 'csv-100k-chromium86',
      file: file.file,
      rows: file.rows,
      browser: version,
      import_ms: round(drawn - b.fileChosen),
      phases: { until_preview: round(b.confirmSeen - b.fileChosen), store: round(b.doneSeen - b.tConfirm), first_chart: round(drawn - tShow), ...phases },
      first_progress_ms: b.firstProgress ? round(b.firstProgress - b.fileChosen) : null,
      longest_task_ms: round(Math.max(0, ...during.map((t) => t.duration))),
      long_tasks: during.length,
      // Where the longest tasks fell: before the preview, while storing, or drawing after "show".
      longest_tasks: during
        .sort((x, y) => y.duration - x.duration)
        .slice(0, 3)
        .map((t) => ({ ms: round(t.duration), during: t.start < b.confirmSeen ? 'preview' : t.start < b.doneSeen ? 'store' : 'show' })),
      longest_task_cpu_ms: round(Math.max(0, ...traced.map((t) => t.cpuMs))),
      longest_cpu_tasks: cpuLongest,
    };
  } finally {
    await browser.close();
  }
}

// Run alone: the 100k CSV against the build in `--dir`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { ensureData } = await import('./generate.mjs');
  const { serve } = await import('./serve.mjs');
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const work = resolve(option('--dir', join(tmpdir(), 'indicator-bench')));
  const port = Number(option('--port', 4331));
  const [file] = await ensureData(join(work, 'data'), { quick: false, only: 'csv-100k' });
  const server = await serve({ dist: join(work, 'dist'), port, extra: new Map() });
  try {
    const before = loadavg()[0];
    const result = await importInChromium86({ base: `http://127.0.0.1:${port}`, file });
    console.log(JSON.stringify({ ...result, load_average: [Math.round(before * 10) / 10, Math.round(loadavg()[0] * 10) / 10] }, null, 2));
  } finally {
    server.close();
  }
}
