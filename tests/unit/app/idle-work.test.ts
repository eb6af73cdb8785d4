import { describe, expect, it } from 'vitest';
import { oneStep, runWhenIdle } from '../../../src/app/dashboard/idle-work';

/** A schedule the test drives: each call queues a run; `tick(ms)` runs the next with that much idle time. */
function manual() {
  const queue: ((d: { timeRemaining(): number; didTimeout: boolean }) => void)[] = [];
  const schedule = (run: (typeof queue)[number]) => {
    queue.push(run);
    return () => queue.splice(queue.indexOf(run), 1);
  };
  const tick = (ms: number) => {
    let left = ms;
    // Each step "costs" 1 ms of the idle period.
    queue.shift()?.({ timeRemaining: () => (left -= 1), didTimeout: false });
  };
  return { schedule, tick, queued: () => queue.length };
}

function* counted(n: number, log: number[]): Generator<void, string, void> {
  for (let i = 0; i < n; i++) {
    log.push(i);
    yield;
  }
  return 'done';
}

describe('runWhenIdle', () => {
  it.each([
    ['an idle period with no room runs one step each', 0, [1, 2, 3, 4, 5]],
    ['an idle period with room runs several', 3, [2, 4, 5]],
  ])('%s', (_, room, stepsAfterEachTick) => {
    const { schedule, tick } = manual();
    const log: number[] = [];
    let result: string | undefined;
    runWhenIdle(counted(4, log), (r) => (result = r), schedule);
    const seen: number[] = [];
    while (result === undefined) {
      tick(room);
      seen.push(log.length + (result ? 1 : 0));
    }
    expect(seen).toEqual(stepsAfterEachTick);
    expect(result).toBe('done');
  });

  it('nothing runs before the page is idle', () => {
    const { schedule, queued } = manual();
    const log: number[] = [];
    runWhenIdle(counted(3, log), () => undefined, schedule);
    expect(log).toEqual([]);
    expect(queued()).toBe(1);
  });

  it('a cancel stops the steps and the answer never comes', () => {
    const { schedule, tick, queued } = manual();
    const log: number[] = [];
    let result: string | undefined;
    const cancel = runWhenIdle(counted(5, log), (r) => (result = r), schedule);
    tick(0);
    cancel();
    expect(queued()).toBe(0);
    tick(100);
    expect(log).toEqual([0]);
    expect(result).toBeUndefined();
  });

  it('oneStep runs its job on the second step, once', () => {
    let runs = 0;
    const steps = oneStep(() => ++runs);
    expect(steps.next()).toEqual({ done: false, value: undefined });
    expect(runs).toBe(0);
    expect(steps.next()).toEqual({ done: true, value: 1 });
    expect(runs).toBe(1);
  });
});
