import { describe, expect, it } from 'vitest';
import { afterFirstChart, firstChartsDrawn, whenFirstChartDrawn } from '../../../src/app/dashboard/after-first-chart.svelte';

describe('after the first charts', () => {
  it('holds jobs until the first charts have drawn, then runs later ones at once', () => {
    const ran: string[] = [];
    whenFirstChartDrawn(() => ran.push('menus'));
    whenFirstChartDrawn(() => ran.push('warm cache'));
    expect(afterFirstChart.ready).toBe(false);
    expect(ran).toEqual([]);

    firstChartsDrawn();
    expect(afterFirstChart.ready).toBe(true);
    expect(ran).toEqual(['menus', 'warm cache']);

    firstChartsDrawn();
    expect(ran).toEqual(['menus', 'warm cache']);
    whenFirstChartDrawn(() => ran.push('later'));
    expect(ran).toEqual(['menus', 'warm cache', 'later']);
  });
});
