import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chartsDrawn, heldOr, holdUntilChartsDrawn, switchHold } from '../../../src/app/dashboard/switch-hold.svelte';
import { drawNextAtOnce, mayDrawAtOnce } from '../../../src/app/dashboard/draw-at-once';

describe('the other panels wait for a switch’s trend', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    chartsDrawn();
    vi.useRealTimers();
  });

  it('holds from the switch’s values until the charts’ queue runs empty', () => {
    expect(switchHold.holding).toBe(false);
    drawNextAtOnce();
    expect(switchHold.holding).toBe(true);
    // The trend's draw at once does not release it; the turn after it does.
    expect(mayDrawAtOnce()).toBe(true);
    expect(switchHold.holding).toBe(true);
    chartsDrawn();
    expect(switchHold.holding).toBe(false);
  });

  it('never holds longer than a second (a trend that never draws)', () => {
    holdUntilChartsDrawn();
    vi.advanceTimersByTime(999);
    expect(switchHold.holding).toBe(true);
    vi.advanceTimersByTime(1);
    expect(switchHold.holding).toBe(false);
  });

  it('a second switch in the hold counts its second again', () => {
    holdUntilChartsDrawn();
    vi.advanceTimersByTime(900);
    holdUntilChartsDrawn();
    vi.advanceTimersByTime(900);
    expect(switchHold.holding).toBe(true);
    vi.advanceTimersByTime(100);
    expect(switchHold.holding).toBe(false);
  });
});

describe('heldOr', () => {
  it('asks while not held, gives the last answer while held without asking, and asks again after', () => {
    let held = false;
    let input = 1;
    const next = vi.fn(() => input * 10);
    const value = heldOr(next, () => held);
    expect(value()).toBe(10);
    held = true;
    input = 2;
    expect(value()).toBe(10);
    expect(value()).toBe(10);
    expect(next).toHaveBeenCalledTimes(1);
    held = false;
    expect(value()).toBe(20);
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('asks on its first call even when held (nothing shown yet)', () => {
    const value = heldOr(
      () => 'first',
      () => true,
    );
    expect(value()).toBe('first');
  });

  it('keeps an undefined answer as an answer', () => {
    let held = false;
    const source: { answer?: string } = {};
    const next = vi.fn(() => source.answer);
    const value = heldOr(next, () => held);
    expect(value()).toBeUndefined();
    held = true;
    source.answer = 'new';
    expect(value()).toBeUndefined();
    expect(next).toHaveBeenCalledTimes(1);
  });
});
