/**
 * The page's main-thread tasks from a Chromium trace: each task (`ThreadControllerImpl::RunTask`) with its wall time (`dur`)
 * and the CPU time its thread actually got (`tdur`). On a loaded machine a task waits for a core
 * and its wall time grows; its CPU time does not — so CPU time says whether the page's own work
 * blocks the thread, and wall time (the Long Tasks API) what a user on this machine felt.
 */

/** One task of a thread's loop, as the `toplevel` category names it. */
const TASK = 'ThreadControllerImpl::RunTask';

/** Categories to record: tasks and the user-timing marks that split the import into phases. */
export const TASK_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing'];

/**
 * The main-thread tasks of the page that made the mark `from`, from that mark on, each with
 * its phase: the last of `marks` (names, in order) that came before it.
 * @example mainTasks(events, 'bench:chosen', ['bench:chosen', 'bench:confirm']) // [{ ms, cpuMs, atMs, phase, event }]
 */
export function mainTasks(events, from, marks) {
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const start = mark(from);
  if (!start) throw new Error(`trace: no mark ${from}`);
  const phases = marks.map((name) => ({ name, ts: mark(name)?.ts ?? Infinity }));
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === start.pid);
  const tid = main?.tid ?? start.tid;
  return events
    .filter((e) => e.name === TASK && e.ph === 'X' && e.pid === start.pid && e.tid === tid && e.ts >= start.ts)
    .map((e) => ({
      ms: e.dur / 1000,
      cpuMs: (e.tdur ?? e.dur) / 1000,
      atMs: (e.ts - start.ts) / 1000,
      phase: phases.filter((p) => p.ts <= e.ts).pop()?.name ?? from,
      event: e,
    }));
}

/**
 * The main thread's CPU time in a span of the page's own clock (`performance.now()` ms): each
 * task's CPU times the share of its wall time inside the span, in the document whose mark `mark`
 * was made at `markAt` on that clock (it ties the trace's clock to the page's). On a loaded
 * machine wall time measures the wait for a core as much as the page's work; this measures the
 * work. A task is not counted by where it starts: a switch's time is taken inside the click's own
 * task, which does most of the switch's work and starts a moment before.
 * @example pageCpuMs(events, 'app:start', 120.5, 0, 355) // 190.2
 */
export function pageCpuMs(events, mark, markAt, from, to) {
  const made = events.filter((e) => e.name === mark && e.cat.includes('blink.user_timing'));
  const last = made[made.length - 1];
  if (!last) return null;
  const origin = last.ts - markAt * 1000;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === last.pid);
  const tid = main?.tid ?? last.tid;
  let us = 0;
  for (const e of events) {
    if (e.name !== TASK || e.ph !== 'X' || e.pid !== last.pid || e.tid !== tid) continue;
    const at = (e.ts - origin) / 1000;
    const end = at + e.dur / 1000;
    const inside = Math.min(end, to) - Math.max(at, from);
    if (inside <= 0) continue;
    const cpu = e.tdur ?? e.dur;
    us += e.dur > 0 ? (cpu * inside * 1000) / e.dur : cpu;
  }
  return us / 1000;
}
