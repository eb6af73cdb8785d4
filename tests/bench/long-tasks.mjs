/**
 * `node tests/bench/long-tasks.mjs --dir <bench dir> --port <port> [--only <case-id>] [--min-cpu <ms>] [--profile] [--phase chosen|confirm|show] [--throttle <rate>] [--save-trace <file>]`: what the
 * page's main thread does in its long tasks while a file is imported (file chosen → preview →
 * stored). Serves the build the benchmark left in `<dir>/dist` (run the benchmark once first),
 * imports one generated file through the wizard (then shows it) while Chromium records a trace,
 * and prints, per long task of the main thread, when it fell (chosen = until the preview,
 * confirm = storing, show = the 3 s after 显示) and the trace events inside it
 * that took the most time (nested events count in each of their parents).
 * `--throttle 4` slows the page's CPU as the benchmark's low-end case does (DevTools'
 * `Emulation.setCPUThrottlingRate`), from the file's choice to the end.
 * A tool to find what to fix; it measures nothing the benchmark reports.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from '@playwright/test';
import { ensureData } from './generate.mjs';
import { serve } from './serve.mjs';
import { INIT_SCRIPT } from './page-probes.mjs';
import { TASK_CATEGORIES, mainTasks } from './trace-tasks.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const work = resolve(option('--dir', join(tmpdir(), 'indicator-bench')));
const port = Number(option('--port', 4330));
const only = option('--only', 'csv-100k');
// Tasks that used at least this much CPU are listed too, however short their wall time.
const minCpu = Number(option('--min-cpu', 25));
// Sample the main thread with V8's profiler too, and print the functions each long task ran most.
const profile = args.includes('--profile');
// Only the tasks of one phase (chosen, confirm or show), to look at one step.
const phase = option('--phase', undefined);
const throttle = Number(option('--throttle', 1));
// The trace as recorded, for a closer look (chrome://tracing, or a script of one's own).
const saveTrace = option('--save-trace', undefined);
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
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const profiler = profile ? ['disabled-by-default-v8.cpu_profiler'] : [];
  await browser.startTracing(page, { categories: [...TASK_CATEGORIES, 'disabled-by-default-devtools.timeline', 'v8', ...profiler] });
  await page.evaluate(() => performance.mark('bench:chosen'));
  await page.getByTestId('file-input').setInputFiles(c.path);
  await page.waitForFunction(() => window.__bench.confirmSeen > 0, null, { timeout: LONG, polling: 50 });
  await page.evaluate(() => {
    performance.mark('bench:confirm');
    document.querySelector('[data-testid="import-confirm"]').click();
  });
  await page.waitForFunction(() => window.__bench.doneSeen > 0, null, { timeout: LONG, polling: 50 });
  // As the benchmark does: the mark and the click on 显示 in one task, which counts as storing.
  await page.evaluate(() => {
    performance.mark('bench:show');
    document.querySelector('[data-testid="import-show"]').click();
  });
  await page.waitForTimeout(3000);
  const recorded = await browser.stopTracing();
  if (saveTrace) writeFileSync(saveTrace, recorded);
  const trace = JSON.parse(recorded.toString('utf8'));
  report(trace.traceEvents);
  // The app's own phases (import:* measures) on the same clock, to tell which step a task fell in.
  const measures = await page.evaluate(() => {
    const chosen = performance.getEntriesByName('bench:chosen')[0]?.startTime ?? 0;
    return performance.getEntriesByType('measure').filter((m) => m.name.startsWith('import:')).map((m) => ({ name: m.name, from: m.startTime - chosen, to: m.startTime + m.duration - chosen }));
  });
  for (const m of measures) console.log(`  ${m.name.padEnd(18)} ${Math.round(m.from)}–${Math.round(m.to)} ms`);
} finally {
  await browser.close();
  server.close();
}

/**
 * Per long task of the page's main thread (a `RunTask` over 50 ms, or over `--min-cpu` ms of CPU),
 * longest CPU first: its length, its phase, and
 * the events inside it that took the most time, by name (a function call also by its script and
 * function; GC and structured-clone work have names of their own).
 */
function report(events) {
  const all = mainTasks(events, 'bench:chosen', ['bench:chosen', 'bench:confirm', 'bench:show']).filter((t) => (t.ms >= 50 || t.cpuMs >= minCpu) && (!phase || t.phase === `bench:${phase}`));
  console.log(`${c.id}: ${all.length} main-thread tasks over 50 ms or ${minCpu} ms of CPU; the longest:`);
  const onMain = events.filter((e) => e.ph === 'X' && all.length > 0 && e.pid === all[0].event.pid && e.tid === all[0].event.tid);
  const samples = profile && all.length > 0 ? cpuSamples(events, all[0].event.pid, all[0].event.tid) : [];
  for (const task of all.sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 12)) {
    const { ts, dur } = task.event;
    const inside = new Map();
    for (const e of onMain) {
      if (e.ts < ts || e.ts + e.dur > ts + dur || e === task.event || e.name === 'RunTask') continue;
      const f = e.args?.data;
      // A layout says how much of the page it walked: a dialog's change should not lay out the page behind it.
      const layout = e.name === 'Layout' ? ` (${e.args?.beginData?.dirtyObjects ?? '?'} of ${e.args?.beginData?.totalObjects ?? '?'} objects)` : '';
      const key = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${f?.functionName || ''} ${(f?.url ?? '').split('/').pop()}:${f?.lineNumber ?? ''}` : e.name + layout;
      inside.set(key, (inside.get(key) ?? 0) + e.dur / 1000);
    }
    const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 8);
    // Far less CPU than wall time: the task waited for a core (a loaded machine).
    console.log(`  ${Math.round(task.ms)} ms, ${Math.round(task.cpuMs)} ms on the CPU, at ${Math.round(task.atMs)} ms (${task.phase.slice('bench:'.length)})`);
    for (const [k, ms] of top) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${k}`);
    if (profile) for (const [k, ms] of hottest(samples, ts, ts + dur)) console.log(`    ${ms.toFixed(1).padStart(7)} ms  self: ${k}`);
  }
}

/**
 * The main thread's V8 CPU samples: `{ ts, name }` per sample, the function on top of the stack.
 * Samples come in `ProfileChunk` events after a `Profile` event with the thread's id and start time.
 */
function cpuSamples(events, pid, tid) {
  const starts = new Map();
  for (const e of events) if (e.name === 'Profile' && e.pid === pid && e.tid === tid) starts.set(e.id, e.args.data.startTime);
  const nodes = new Map();
  const out = [];
  const clock = new Map();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !starts.has(e.id)) continue;
    const data = e.args.data;
    for (const n of data.cpuProfile?.nodes ?? []) {
      const f = n.callFrame;
      nodes.set(`${e.id}:${n.id}`, `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop()}:${f.lineNumber ?? ''}:${f.columnNumber ?? ''}`);
    }
    let t = clock.get(e.id) ?? starts.get(e.id);
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      t += data.timeDeltas[i];
      out.push({ ts: t, name: nodes.get(`${e.id}:${id}`) ?? '?' });
    });
    clock.set(e.id, t);
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/** The functions that were on top of the stack most often between `from` and `to`, in ms. */
function hottest(samples, from, to) {
  const inside = samples.filter((x) => x.ts >= from && x.ts <= to);
  const ms = new Map();
  for (let i = 0; i < inside.length; i++) {
    const next = inside[i + 1]?.ts ?? to;
    ms.set(inside[i].name, (ms.get(inside[i].name) ?? 0) + (next - inside[i].ts) / 1000);
  }
  return [...ms].sort((a, b) => b[1] - a[1]).slice(0, 6);
}
