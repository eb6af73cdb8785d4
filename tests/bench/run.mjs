/**
 * `npm run bench [-- --quick] [-- --only <case-id>] [-- --out file.json] [-- --no-build] [-- --import-only]`: builds the app, serves it on
 * 127.0.0.1 (its own port), imports generated files through the real UI in headless Chromium and
 * measures the import (split into its phases), the views after a reload (medians of several
 * reloads), the main thread's longest task, the peak heap and the initial JS; and, in the same
 * run, the floor (decode + uDSV + column blocks written with Dexie, no other work; PapaParse and d3-dsv timed
 * beside it). Full runs
 * (not `--quick`) also import the 100k CSV in Chromium 86 (`csv-100k-chromium86`,
 * chromium86-import.mjs). Writes JSON and prints a table. No timing is ever asserted: machines are noisy.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { ensureData } from './generate.mjs';
import { serve } from './serve.mjs';
import { INIT_SCRIPT, floorInPage } from './page-probes.mjs';
import { initialJs } from './initial-js.mjs';
import { importInChromium86 } from './chromium86-import.mjs';
import { TASK_CATEGORIES, mainTasks, pageCpuMs } from './trace-tasks.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const quick = flag('--quick');
// The import only, no reload rounds: for measuring a change to the import on a busy machine.
const importOnly = flag('--import-only');
// One case by id (csv-100k, xlsx-100k, gbk-wide-100k, csv-1m), to measure one thing repeatedly.
const only = option('--only', undefined);
const out = resolve(root, option('--out', 'bench-results.json'));
const port = Number(option('--port', process.env.BENCH_PORT ?? 4310));
const work = option('--dir', join(tmpdir(), 'indicator-bench'));
const dist = join(work, 'dist');
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const LONG = 900_000;
/** Reload rounds per case (see afterReload); fewer in the quick run CI makes. */
const ROUNDS = quick ? 3 : 5;
/**
 * How long the mouse button is held in a timed click: a person's click holds it about 100 ms
 * (mousedown to mouseup); a brisk one is taken.
 */
const PRESS_MS = 80;

// 1. Build the app into a folder of our own, so a parallel browser-test run keeps its dist.
if (!flag('--no-build')) {
  const built = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// 2. Generate the data (kept between runs), serve the app and the floor's libraries.
// The Chromium 86 case (chromium86-import.mjs) imports the 100k CSV; `--only` it runs that alone.
const LEGACY_CASE = 'csv-100k-chromium86';
const legacyOnly = only === LEGACY_CASE;
const cases = await ensureData(join(work, 'data'), { quick, only: legacyOnly ? 'csv-100k' : only });
const legacyFile = quick || (only && !legacyOnly) ? undefined : (await ensureData(join(work, 'data'), { quick: false, only: 'csv-100k' }))[0];
if (cases.length === 0) {
  console.error(`bench: no case named ${only}`);
  process.exit(2);
}
const blank = join(work, 'blank.html');
writeFileSync(blank, '<!doctype html><meta charset="utf-8"><title>floor</title>');
const extra = new Map([
  ['blank.html', blank],
  ['papaparse.min.js', join(root, 'node_modules/papaparse/papaparse.min.js')],
  ['udsv.js', join(root, 'node_modules/udsv/dist/uDSV.iife.min.js')],
  ['d3-dsv.js', join(root, 'node_modules/d3-dsv/dist/d3-dsv.min.js')],
  ['dexie.mjs', join(root, 'node_modules/dexie/dist/dexie.mjs')],
  ...cases.map((c) => [c.file, c.path]),
]);
const server = await serve({ dist, port, extra });
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// 3. Initial JS from the build: the entry's static imports and the app chunk it loads at once.
const js = initialJs(dist, gzipSync);
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? '',
  memory_gb: Math.round(totalmem() / 2 ** 30),
  chromium: browser.version(),
  node: process.version,
  date: new Date().toISOString(),
};

// Each case's load average (1 min, `uptime`) before and after it, beside its figures: on a
// shared machine they say how far the wall times stand from a quiet one. A case that fails is
// reported as such and the rest still run; the JSON is written after every case, so a run cut
// short keeps what it measured.
const results = [];
try {
  for (const c of legacyOnly ? [] : cases) {
    process.stdout.write(`bench: ${c.id} (${(c.bytes / 1048576).toFixed(1)} MB)… `);
    const before = loadavg()[0];
    try {
      results.push({ ...(await runCase(c)), load_average: [round(before, 1), round(loadavg()[0], 1)] });
      process.stdout.write('done\n');
    } catch (e) {
      results.push({ case: c.id, rows: c.rows, error: String(e instanceof Error ? e.message : e).slice(0, 500), load_average: [round(before, 1), round(loadavg()[0], 1)] });
      process.stdout.write(`failed: ${results[results.length - 1].error}\n`);
    }
    writeReport();
  }
  // Chromium 86 (360安全浏览器 13's kernel), full runs only: its own browser, the same server.
  if (legacyFile) {
    process.stdout.write(`bench: ${LEGACY_CASE}… `);
    const before = loadavg()[0];
    try {
      results.push({ ...(await importInChromium86({ base, file: legacyFile })), load_average: [round(before, 1), round(loadavg()[0], 1)] });
      process.stdout.write('done\n');
    } catch (e) {
      results.push({ case: LEGACY_CASE, rows: legacyFile.rows, error: String(e instanceof Error ? e.message : e).slice(0, 500), load_average: [round(before, 1), round(loadavg()[0], 1)] });
      process.stdout.write(`failed: ${results[results.length - 1].error}\n`);
    }
    writeReport();
  }
} finally {
  await browser.close();
  server.close();
}
printTable(results.filter((r) => !r.error), js.kb, machine);
console.log(`bench: wrote ${out}`);

function writeReport() {
  const head = results.find((r) => r.case === 'csv-1m' && !r.error) ?? results.find((r) => !r.error) ?? {};
  const report = { ...pick(head), initial_js_gzip_kb: js.kb, initial_js_files: js.files, machine, cases: results };
  mkdirSync(resolve(out, '..'), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
}

/** The headline fields, from one case. */
function pick(r) {
  const { rows, import_ms, floor_ms, ratio, first_chart_ms, first_live_chart_ms, switch_ms, switch_bare_ms, comparison_ms, longest_task_ms, heap_mb } = r;
  return { rows, import_ms, floor_ms, ratio, first_chart_ms, first_live_chart_ms, switch_ms, switch_bare_ms, comparison_ms, longest_task_ms, heap_mb };
}

/** One file: import through the wizard, reload, switch, compare, then the floor. */
async function runCase(c) {
  // A context of its own (in memory, like a private window): see the README on a profile on disk.
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // A loaded machine: one CPU-bound process beside the browser for the whole case.
  const load = c.loaded ? spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }) : undefined;
  try {
    // The floor first, in a page of its own: the same bytes decoded, parsed by uDSV, written as blocks.
    const floor = c.kind === 'xlsx' ? null : await floorFor(context, c);
    if (c.throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: c.throttle });

    await page.goto(base);
    await settledDraw(page, 'trend-chart', 0, 60_000);
    // A first visit's sample-data banner goes, as a user's does once read (it is not there after a
    // reload, and the page under it sits lower).
    await page.getByTestId('dismiss-notice').click();

    // The import: file chosen → wizard preview → confirm → stored → show → chart drawn.
    const sampler = startSampling(page, cdp);
    await page.evaluate(() => window.__bench.reset());
    // A light trace (tasks and marks only) for each task's CPU time beside its wall time.
    await browser.startTracing(page, { categories: TASK_CATEGORIES });
    await page.evaluate(() => performance.mark('bench:chosen'));
    await page.getByTestId('file-input').setInputFiles(c.path);
    await page.waitForFunction(() => window.__bench.confirmSeen > 0, null, { timeout: LONG, polling: 50 });
    await page.evaluate(() => {
      performance.mark('bench:confirm');
      window.__bench.tConfirm = performance.now();
      document.querySelector('[data-testid="import-confirm"]').click();
    });
    await page.waitForFunction(() => window.__bench.doneSeen > 0, null, { timeout: LONG, polling: 50 });
    const { tShow, stored } = await page.evaluate(() => {
      const status = document.querySelector('[data-testid="import-done"] [role="status"]')?.textContent ?? '';
      performance.mark('bench:show');
      const t = performance.now();
      document.querySelector('[data-testid="import-show"]').click();
      return { tShow: t, stored: Number((/\d[\d,]*/.exec(status)?.[0] ?? '0').replace(/,/g, '')) };
    });
    const drawn = await settledDraw(page, 'trend-chart', tShow, LONG);
    if (c.throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const sampled = await sampler.stop();
    const traced = mainTasks(JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents, 'bench:chosen', ['bench:chosen', 'bench:confirm', 'bench:show']);
    const phaseOf = { 'bench:chosen': 'preview', 'bench:confirm': 'store', 'bench:show': 'show' };
    const cpuLongest = Object.create(null);
    for (const t of traced) {
      const phase = phaseOf[t.phase];
      if (!cpuLongest[phase] || t.cpuMs > cpuLongest[phase].cpu_ms) cpuLongest[phase] = { cpu_ms: round(t.cpuMs), wall_ms: round(t.ms) };
    }
    const b = await page.evaluate(() => ({ ...window.__bench, measures: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('import:')).map((m) => ({ name: m.name, start: m.startTime, ms: m.duration })) }));
    const parseSeg = b.confirmSeen - b.fileChosen;
    const storeSeg = b.doneSeen - b.tConfirm;
    const showSeg = drawn - tShow;
    const during = b.longtasks.filter((t) => t.start >= b.fileChosen && t.start <= drawn);
    const phases = Object.create(null);
    for (const m of b.measures) phases[m.name.slice('import:'.length)] = round(m.ms);

    // The views after a reload, with everything stored: `ROUNDS` rounds of reload → first chart
    // → switch indicator → change period, reported as medians with every sample beside them. One
    // sample of a ~100 ms interaction varies by ±40% on this machine from run to run.
    // The full run also times ROUNDS switches by a bare click, interleaved with the pressed ones.
    const rounds = [];
    const roundCount = c.views === false || importOnly ? 0 : quick ? ROUNDS : 2 * ROUNDS;
    for (let i = 0; i < roundCount; i++) rounds.push(await afterReload(page, quick || i % 2 === 0 ? 'press' : 'bare'));
    const median = (key) => {
      const xs = rounds.map((r) => r[key]).filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
      return xs.length === 0 ? null : xs[Math.floor((xs.length - 1) / 2)];
    };
    // A round has the switch of its kind only (switchPress or switchBare).
    const samples = (key) => rounds.filter((r) => r[key] !== undefined).map((r) => (r[key] === null ? null : round(r[key])));
    const liveChart = median('liveChart');
    const fromApp = median('fromApp');
    const liveChartCpu = median('liveChartCpu');
    const switchCpu = median('switchCpu');
    const switchMs = median('switchPress');
    const switchRound = rounds.find((r) => r.switchPress === switchMs);
    const switchBare = median('switchBare');
    const comparisonMs = median('comparisonMs');

    const importMs = parseSeg + storeSeg + showSeg;
    return {
      case: c.id,
      file: c.file,
      mb: round(c.bytes / 1048576, 1),
      rows: c.rows,
      stored_rows: stored,
      import_ms: round(importMs),
      phases: { until_preview: round(parseSeg), store: round(storeSeg), first_chart: round(showSeg), ...phases },
      floor_ms: floor ? round(floor.total) : null,
      floor: floor
        ? {
            decode: round(floor.decode),
            parse: round(floor.parse),
            build: round(floor.build),
            write: round(floor.write),
            values: floor.values,
            parser: floor.parser,
            // Every parser's time on the same pieces (null: not run, or not installed).
            parsers: Object.fromEntries(Object.entries(floor.parsers).map(([k, v]) => [k, v === null ? null : round(v)])),
          }
        : null,
      cpu_throttle: c.throttle ?? 1,
      machine_loaded: Boolean(c.loaded),
      ratio: floor ? round(importMs / floor.total, 2) : null,
      // The live (interactive) chart drawn after a reload, from navigation and from the app's
      // entry script. first_chart_ms is the same figure (kept pictures are gone: nothing is shown before it).
      first_chart_ms: round(liveChart),
      first_live_chart_ms: round(liveChart),
      first_live_chart_from_app_ms: fromApp === null ? null : round(fromApp),
      // The main thread's CPU time in the same spans (light trace): what the page did, without
      // the wait for a core that a shared machine adds to the wall times above.
      first_live_chart_cpu_ms: liveChartCpu === null ? null : round(liveChartCpu),
      switch_cpu_ms: switchCpu === null ? null : round(switchCpu),
      // From the click to the trend redrawn, the click made as a person makes it (see PRESS_MS).
      switch_ms: switchMs === null ? null : round(switchMs),
      press_ms: PRESS_MS,
      // The same from a bare click event, nothing started before it (full runs only).
      switch_bare_ms: switchBare === null ? null : round(switchBare),
      // The phases of the median switch.
      switch_phases: switchRound?.switchPhases ?? null,
      comparison_ms: comparisonMs === null ? null : round(comparisonMs),
      // Every round's figures, of which the fields above are the medians.
      rounds: {
        first_live_chart_ms: samples('liveChart'),
        first_live_chart_cpu_ms: samples('liveChartCpu'),
        switch_ms: samples('switchPress'),
        switch_bare_ms: samples('switchBare'),
        switch_cpu_ms: samples('switchCpu'),
        comparison_ms: samples('comparisonMs'),
        first_chart_breakdown: rounds.map((r) => r.breakdown ?? null),
      },
      longest_task_ms: round(Math.max(0, ...during.map((t) => t.duration))),
      long_tasks: during.length,
      // The main thread's own work: the task that used the most CPU in each phase (wall time beside it).
      longest_task_cpu_ms: round(Math.max(0, ...traced.map((t) => t.cpuMs))),
      longest_cpu_tasks: cpuLongest,
      // Where the longest tasks fell: before the preview, while storing, or drawing after "show".
      longest_tasks: during
        .sort((x, y) => y.duration - x.duration)
        .slice(0, 3)
        .map((t) => ({ ms: round(t.duration), during: t.start < b.confirmSeen ? 'preview' : t.start < b.doneSeen ? 'store' : 'show' })),
      heap_mb: round(sampled.heapMax / 1048576),
      progress_values: sampled.progress.size,
      // File chosen → the bar first above 0.
      first_progress_ms: b.firstProgress ? round(b.firstProgress - b.fileChosen) : null,
      // What the database holds per value after the import (navigator.storage.estimate, whole origin).
      storage_bytes_per_value: stored > 0 ? round((await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0)) / stored, 1) : null,
    };
  } finally {
    load?.kill();
    await context.close();
  }
}

/**
 * One round after a reload: reload, and time the first live chart, a switch of indicator
 * (clicked `how`: see switchIndicator) and a change of period.
 */
async function afterReload(page, how) {
  // Wait until the page has read the stored values into memory (observations.ts, warmBlockCache): a
  // reload in the middle of that left the database finishing the read, and the next page's
  // reads waited behind it.
  await page.waitForFunction(() => performance.getEntriesByName('store:warm').length > 0, null, { timeout: 20_000, polling: 100 }).catch(() => undefined);
  // A light trace of the reload and the switch, for the main thread's CPU time in each (on a
  // machine shared with other work, wall time is mostly the wait for a core).
  await browser.startTracing(page, { categories: TASK_CATEGORIES });
  await page.reload();
  const liveChart = await settledDraw(page, 'trend-chart', 0, 120_000);
  const appStart = await page.evaluate(() => performance.getEntriesByName('app:start')[0]?.startTime ?? null);
  // Where the first chart's time went, from the page's own marks (ms from navigation start).
  const breakdown = await page.evaluate(firstChartBreakdown);
  await settledDraw(page, 'comparison-chart', 0, 60_000).catch(() => undefined);
  const switched = await switchIndicator(page, how);
  const comparisonMs = await changePeriod(page);
  const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const cpu = (from, to) => (appStart === null ? null : pageCpuMs(events, 'app:start', appStart, from, to));
  return {
    liveChart,
    liveChartCpu: cpu(0, liveChart),
    switchCpu: switched ? cpu(switched.at, switched.at + switched.ms) : null,
    fromApp: appStart === null ? null : liveChart - appStart,
    [how === 'press' ? 'switchPress' : 'switchBare']: switched?.ms ?? null,
    switchPhases: switched?.phases ?? null,
    comparisonMs,
    breakdown,
  };
}

/**
 * In the page: the first live trend's way from navigation start, by the app's marks (main.ts,
 * the store, the explorer, EChart): HTML and scripts arrived, app code started, store open,
 * values read, App chunk evaluated and mounted, the view's values in hand, ECharts init and
 * setOption. Each field is [start, end] in ms, or null when the page did not mark it.
 */
function firstChartBreakdown() {
  const first = (name) => performance.getEntriesByName(name)[0];
  const span = (e) => (e ? [Math.round(e.startTime), Math.round(e.startTime + e.duration)] : null);
  const draw = first('chart:draw:trend-chart');
  const nav = performance.getEntriesByType('navigation')[0];
  const before = (r) => !draw || r.responseEnd <= draw.startTime;
  const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js') && before(r));
  return {
    html: nav ? [0, Math.round(nav.responseEnd)] : null,
    scripts: scripts.length ? [Math.round(Math.min(...scripts.map((r) => r.startTime))), Math.round(Math.max(...scripts.map((r) => r.responseEnd)))] : null,
    app_start: span(first('app:start')),
    store_open: span(first('store:open')),
    store_read: span(first('store:read')),
    app_code: span(first('app:code')),
    app_mounted: span(first('app:mounted')),
    view_load: span(first('view:load')),
    echarts_init: span(first('chart:init:trend-chart')),
    echarts_draw: span(draw),
  };
}

/** Wait until `testid` has drawn after `since` and then stayed still for 400 ms; the last draw's time. */
async function settledDraw(page, testid, since, timeout) {
  const handle = await page.waitForFunction(
    ([id, after]) => {
      const draws = window.__bench.draws.filter((d) => d.id === id && d.t > after);
      if (draws.length === 0) return false;
      const last = draws[draws.length - 1].t;
      return performance.now() - last > 400 ? last : false;
    },
    [testid, since],
    { timeout, polling: 50 },
  );
  return handle.jsonValue();
}

/**
 * Choose the second of our indicators in the picker; time from the click to the trend redrawn.
 * `press`: as a person clicks, the pointer on the option and the button held `PRESS_MS` before
 * it is let go (the click event); the app may start reading at the press (explorer.prefetch).
 * `bare`: a click event alone, with no pointer before it: the work after a click, all of it.
 */
async function switchIndicator(page, how) {
  const current = await page.evaluate(() => new URL(location.href).searchParams.get('ind') ?? document.querySelector('[data-testid="indicator-list"] [aria-selected="true"]')?.textContent ?? '');
  const next = current.endsWith('甲') ? current.replace(/甲$/, '乙') : current.replace(/.$/, '甲');
  await page.getByTestId('indicator-search').fill(next);
  const option = page.getByTestId('indicator-list').getByRole('option', { name: next, exact: true });
  if ((await option.count()) === 0) {
    // The filtered list draws a moment after typing; wait for it before giving up.
    await option.waitFor({ timeout: 10_000 }).catch(() => undefined);
    if ((await option.count()) === 0) return null;
  }
  let t0;
  if (how === 'press') {
    await option.hover();
    // Capturing on the document, so the time is taken before the app's own click handler runs.
    await page.evaluate(() => document.addEventListener('click', () => (window.__bench.clickAt = performance.now()), { capture: true, once: true }));
    await page.mouse.down();
    await page.waitForTimeout(PRESS_MS);
    await page.mouse.up();
    t0 = await page.evaluate(() => window.__bench.clickAt);
  } else {
    t0 = await option.evaluate((button) => {
      const t = performance.now();
      button.click();
      return t;
    });
  }
  const ms = (await settledDraw(page, 'trend-chart', t0, 60_000)) - t0;
  // Where the time went: the values' read and the trend's setOption, from the app's measures.
  const phases = await page.evaluate((since) => {
    const of = (name) => performance.getEntriesByName(name).find((m) => m.startTime >= since);
    const span = (m) => (m ? { at: Math.round(m.startTime - since), ms: Math.round(m.duration) } : null);
    return { load: span(of('view:load')), draw: span(of('chart:draw:trend-chart')) };
  }, t0);
  return { ms, phases, at: t0 };
}

/** Pick another period for the regional comparison; time from the change to the bars redrawn. */
async function changePeriod(page) {
  const t0 = await page.evaluate(() => {
    const select = document.querySelector('[data-testid="period-select"]');
    if (!select || select.options.length < 2) return null;
    const other = [...select.options].find((o) => o.value !== select.value && o.value !== '');
    const t = performance.now();
    select.value = other.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return t;
  });
  if (t0 === null) return null;
  return (await settledDraw(page, 'comparison-chart', t0, 60_000)) - t0;
}

async function floorFor(context, c) {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/__bench/blank.html`);
    await page.addScriptTag({ url: `${base}/__bench/papaparse.min.js` });
    await page.addScriptTag({ url: `${base}/__bench/udsv.js` });
    await page.addScriptTag({ url: `${base}/__bench/d3-dsv.js` });
    const layouts = { wide: { region: 0, indicator: 1, period: -1, values: 3 }, national: { region: 0, indicator: 1, period: 2, values: 3 }, long: { region: 1, indicator: 2, period: 3, values: 4 } };
    const layout = layouts[c.kind] ?? layouts.long;
    // PapaParse and d3-dsv beside uDSV up to a million rows (at ten million it would add a minute).
    const compare = c.rows <= 1_000_000;
    return await page.evaluate(floorInPage, { url: `${base}/__bench/${encodeURIComponent(c.file)}`, encoding: c.encoding, layout, dexie: `${base}/__bench/dexie.mjs`, compare });
  } finally {
    await page.close();
  }
}

/** Sample the page's JS heap (CDP) and the progress bar's value while the import runs. */
function startSampling(page, cdp) {
  let heapMax = 0;
  const progress = new Set();
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        heapMax = Math.max(heapMax, heap);
        const value = await page.evaluate(() => document.querySelector('[data-testid="import-progress"] progress')?.value ?? null);
        if (value !== null) progress.add(value);
      } catch {
        // The page may be between documents; the next sample will do.
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { heapMax, progress };
    },
  };
}

function round(x, digits = 0) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function printTable(rows, jsKb, machine) {
  const cols = ['case', 'rows', 'import_ms', 'floor_ms', 'ratio', 'first_progress_ms', 'first_chart_ms', 'first_live_chart_ms', 'first_live_chart_from_app_ms', 'first_live_chart_cpu_ms', 'switch_ms', 'switch_bare_ms', 'switch_cpu_ms', 'comparison_ms', 'longest_task_ms', 'longest_task_cpu_ms', 'heap_mb'];
  const cell = (v) => (v === null || v === undefined ? '–' : String(v));
  const widths = cols.map((k) => Math.max(k.length, ...rows.map((r) => cell(r[k]).length)));
  const line = (vals) => vals.map((v, i) => v.padStart(widths[i])).join('  ');
  console.log('\n' + line(cols));
  for (const r of rows) console.log(line(cols.map((k) => cell(r[k]))));
  for (const r of rows) console.log(`  ${r.case} phases: ${JSON.stringify(r.phases)}${r.floor ? ` floor: ${JSON.stringify(r.floor)}` : ''}`);
  for (const r of rows) if (r.rounds) console.log(`  ${r.case} rounds after a reload: ${JSON.stringify(r.rounds)} · median switch's phases: ${JSON.stringify(r.switch_phases)}`);
  for (const r of rows) console.log(`  ${r.case} longest tasks (wall): ${JSON.stringify(r.longest_tasks)} · by CPU per phase: ${JSON.stringify(r.longest_cpu_tasks)}`);
  console.log(`initial JS: ${jsKb} KB gzip · ${machine.cpus} cores · Chromium ${machine.chromium} · Node ${machine.node}\n`);
}

