/**
 * Work nobody waits for (the notes under the charts), run in the page's idle time in small steps
 * and cancelled when what it is for changes. A note over every value of a county indicator
 * (200,100 values) took 0.4–0.8 s of CPU in one task right after each switch's charts, so a
 * second click waited for it; in steps, a click waits for one step at most.
 */

/** A step that runs past its idle period is let finish; the next waits for the next idle period. */
const TIMEOUT_MS = 2000;

type Idle = (run: (deadline: { timeRemaining(): number; didTimeout: boolean }) => void) => () => void;

/** `requestIdleCallback`, else a timer (a browser without it, a test's DOM). */
const idle: Idle =
  typeof requestIdleCallback === 'function'
    ? (run) => {
        const id = requestIdleCallback(run, { timeout: TIMEOUT_MS });
        return () => cancelIdleCallback(id);
      }
    : (run) => {
        const id = setTimeout(() => run({ timeRemaining: () => 0, didTimeout: true }), 0);
        return () => clearTimeout(id);
      };

/**
 * Run `steps` to its end in idle time (as many steps as each idle period has room for, at least
 * one), then hand its result to `done`. The answer cancels it: no further step runs and `done`
 * is not called.
 * @example const cancel = runWhenIdle(partsConflictsInSteps(indicator, rows, table), (found) => (parts = found))
 */
export function runWhenIdle<R>(steps: Iterator<unknown, R>, done: (result: R) => void, schedule: Idle = idle): () => void {
  let cancelled = false;
  let cancelNext = () => {};
  const run = (deadline: { timeRemaining(): number; didTimeout: boolean }) => {
    if (cancelled) return;
    do {
      const step = steps.next();
      if (step.done) return done(step.value);
    } while (deadline.timeRemaining() > 1);
    cancelNext = schedule(run);
  };
  cancelNext = schedule(run);
  return () => {
    cancelled = true;
    cancelNext();
  };
}

/**
 * A single job as a step, for `runWhenIdle`.
 * @example runWhenIdle(oneStep(() => findConflicts(rows)), (found) => (conflicts = found))
 */
export function* oneStep<R>(job: () => R): Generator<void, R, void> {
  yield;
  return job();
}
