import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawNextAtOnce, mayDrawAtOnce } from '../../../src/app/dashboard/draw-at-once';

afterEach(() => vi.restoreAllMocks());

describe('draw at once', () => {
  it('is not granted unless asked for', () => {
    expect(mayDrawAtOnce()).toBe(false);
  });

  it('is granted once per asking', () => {
    drawNextAtOnce();
    expect(mayDrawAtOnce()).toBe(true);
    expect(mayDrawAtOnce()).toBe(false);
  });

  it.each([
    { after: 0, granted: true },
    { after: 60, granted: true },
    { after: 61, granted: false }, // the task has run too long: the chart takes a turn of its own
    { after: 500, granted: false },
  ])('after $after ms of the task: $granted', ({ after, granted }) => {
    const now = vi.spyOn(performance, 'now').mockReturnValue(1000);
    drawNextAtOnce();
    now.mockReturnValue(1000 + after);
    expect(mayDrawAtOnce()).toBe(granted);
  });

  it('is granted within the window asked for (the page’s first values)', () => {
    const now = vi.spyOn(performance, 'now').mockReturnValue(1000);
    drawNextAtOnce(150);
    now.mockReturnValue(1150);
    expect(mayDrawAtOnce()).toBe(true);
    drawNextAtOnce(150);
    now.mockReturnValue(1301);
    expect(mayDrawAtOnce()).toBe(false);
  });
});
