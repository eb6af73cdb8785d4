import { describe, expect, it } from 'vitest';
import { rememberLast } from '../../../src/charts/common';
import { buildTrendOption, checkTrend } from '../../../src/charts/trend';
import { light } from '../../../src/charts/theme';
import { chartData, levels } from './sample-data';

describe('rememberLast', () => {
  it('computes once for the same data and spec objects, again for others', () => {
    let calls = 0;
    const f = rememberLast((data: { n: number }, spec: { k: number }) => (calls++, data.n * spec.k));
    const data = { n: 2 };
    const spec = { k: 3 };
    expect([f(data, spec), f(data, spec)]).toEqual([6, 6]);
    expect(calls).toBe(1);
    expect(f(data, { k: 3 })).toBe(6);
    expect(calls).toBe(2);
    expect(f({ n: 5 }, spec)).toBe(15);
    expect(calls).toBe(3);
  });

  it('leaves a chart the same whether or not it was checked first', () => {
    const data = chartData(levels);
    const spec = { regions: ['道里区', '南岗区'] };
    const fresh = JSON.stringify(buildTrendOption(chartData(levels), { ...spec }, light));
    expect(checkTrend(data, spec)).toEqual([]);
    expect(JSON.stringify(buildTrendOption(data, spec, light))).toBe(fresh);
    // Built twice from the same model: the model was not changed by the first build.
    expect(JSON.stringify(buildTrendOption(data, spec, light))).toBe(fresh);
  });
});
