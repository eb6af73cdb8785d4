/**
 * `node tests/bench/long-tasks.mjs --dir <bench dir> --port <port> [--only <case-id>]`: what the
 * page's main thread does in its long tasks while a file is imported (file chosen → preview →
 * stored). Serves the build the benchmark left in `<dir>/dist` (run the benchmark once first),
 * imports one generated file through the wizard while Chromium records a trace, and prints, per
 * long task of the main thread, when it fell (preview / store) and the trace events inside it
 * that took the most time (nested events count in each of their parents).
 * A tool to find what to fix; it measures nothing the benchmark reports.
 */
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from '@playwright/test';
import { ensureData } from './generate.mjs';
import { serve } from './serve.mjs';
import { INIT_SCRIPT } from './page-probes.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const work = resolve(option('--dir', join(tmpdir(), 'indicator-bench')));
const port = Number(option('--port', 4330));
const only = option('--only', 'csv-100k');
const LONG = 900_000;

const cases = await ensureData(join(work, 'data'), { quick: false, only });
if (cases.length === 0) throw new Error(`no case named ${only}`);
const c = cases[0];
const server = await serve({ dist: join(work, 'dist'), port, extra: new Map([[c.file, c.path]]) });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  await page.goto(`http://127.0.0.1:${port}`);
  await page.waitForFunction(() => window.__bench.draws.length > 0, null, { timeout: 60_000 });
  await page.evaluate(() => window.__bench.reset());
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
  await page.evaluate(() => performance.mark('bench:chosen'));
  await page.getByTestId('file-input').setInputFiles(c.path);
  await page.waitForFunction(() => window.__bench.confirmSeen > 0, null, { timeout: LONG, polling: 50 });
  await page.evaluate(() => {
    performance.mark('bench:confirm');
    document.querySelector('[data-testid="import-confirm"]').click();
  });
  await page.waitForFunction(() => window.__bench.doneSeen > 0, null, { timeout: LONG, polling: 50 });
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  report(trace.traceEvents);
} finally {
  await browser.close();
  server.close();
}

/**
 * Per long task of the page's main thread (a `RunTask` over 50 ms): its length, its phase, and
 * the events inside it that took the most time, by name (a function call also by its script and
 * function; GC and structured-clone work have names of their own).
 */
function report(events) {
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const chosen = mark('bench:chosen');
  const confirm = mark('bench:confirm');
  if (!chosen || !confirm) throw new Error('trace: the bench marks are missing');
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === chosen.pid);
  const onMain = events.filter((e) => e.pid === chosen.pid && e.tid === (main?.tid ?? chosen.tid) && e.ph === 'X' && e.ts >= chosen.ts);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur >= 50_000).sort((a, b) => b.dur - a.dur).slice(0, 6);
  console.log(`${c.id}: ${onMain.filter((e) => e.name === 'RunTask' && e.dur >= 50_000).length} main-thread tasks over 50 ms; the longest:`);
  for (const task of tasks) {
    const inside = new Map();
    for (const e of onMain) {
      if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur || e.name === 'RunTask') continue;
      const f = e.args?.data;
      const key = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${f?.functionName || ''} ${(f?.url ?? '').split('/').pop()}:${f?.lineNumber ?? ''}` : e.name;
      inside.set(key, (inside.get(key) ?? 0) + e.dur / 1000);
    }
    const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`  ${Math.round(task.dur / 1000)} ms at ${Math.round((task.ts - chosen.ts) / 1000)} ms (${task.ts < confirm.ts ? 'preview' : 'store'})`);
    for (const [k, ms] of top) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${k}`);
  }
}
