/**
 * `node tests/bench/long-tasks.mjs --dir <bench dir> --port <port> [--only <case-id>]`: what the
 * page's main thread does in its long tasks while a file is imported (file chosen → preview →
 * stored). Serves the build the benchmark left in `<dir>/dist` (run the benchmark once first),
 * imports one generated file through the wizard under the CPU profiler, and prints, per long task,
 * when it fell (preview / store) and the functions that took most of it (self time, by sample).
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
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.evaluate(() => window.__bench.reset());
  await cdp.send('Profiler.start');
  // performance.now() at the profile's start: its timestamps are µs on another clock.
  const t0 = await page.evaluate(() => performance.now());
  await page.getByTestId('file-input').setInputFiles(c.path);
  await page.waitForFunction(() => window.__bench.confirmSeen > 0, null, { timeout: LONG, polling: 50 });
  await page.evaluate(() => document.querySelector('[data-testid="import-confirm"]').click());
  await page.waitForFunction(() => window.__bench.doneSeen > 0, null, { timeout: LONG, polling: 50 });
  const { profile } = await cdp.send('Profiler.stop');
  const b = await page.evaluate(() => ({ longtasks: window.__bench.longtasks, confirmSeen: window.__bench.confirmSeen, fileChosen: window.__bench.fileChosen }));
  report(profile, b, t0);
} finally {
  await browser.close();
  server.close();
}

/** Per long task: its length, its phase, and the top functions by self time inside it. */
function report(profile, b, t0) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  // Sample times in ms relative to the profile's start, aligned to performance.now() by t0.
  const times = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const at = (us) => t0 + (us - profile.startTime) / 1000;
  const tasks = b.longtasks.filter((x) => x.start >= b.fileChosen).sort((x, y) => y.duration - x.duration).slice(0, 5);
  console.log(`${c.id}: ${b.longtasks.length} long tasks; the longest:`);
  for (const task of tasks) {
    const self = new Map();
    profile.samples.forEach((id, i) => {
      const when = at(times[i]);
      if (when < task.start || when > task.start + task.duration) return;
      const n = nodes.get(id);
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (i + 1 < times.length ? (times[i + 1] - times[i]) / 1000 : 0));
    });
    const top = [...self].sort((x, y) => y[1] - x[1]).slice(0, 8);
    console.log(`  ${Math.round(task.duration)} ms at ${Math.round(task.start - b.fileChosen)} ms (${task.start < b.confirmSeen ? 'preview' : 'store'})`);
    for (const [k, ms] of top) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${k}`);
  }
}
