import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/domain/types';
import { aggregationOf, rollUpOf } from '../../../src/regions/roll-up-of';

const obs = (regionCode: string | undefined, value: number, isTotal = false): Observation => ({
  region: regionCode ?? '全市',
  ...(regionCode ? { regionCode } : {}),
  indicator: '面积',
  period: '2024',
  value,
  unit: '亩',
  ...(isTotal ? { isTotal } : {}),
});

// 石嘴山市 640200: 大武口区 640202, 惠农区 640205, 平罗县 640221.
describe('rollUpOf', () => {
  it.each([
    ['sums the counties beside the reported city, and says they differ', [obs('640200', 50), obs('640202', 10), obs('640205', 20), obs('640221', 30)], 'sum', { reported: 50, sum: 60, complete: true, differs: true, missing: [] }],
    ['a missing county leaves the sum incomplete, not silently low', [obs('640202', 10), obs('640205', 20)], 'sum', { sum: 30, complete: false, missing: ['640221'] }],
    ['not additive: no sum, only the reported value', [obs('640200', 50), obs('640202', 10)], 'none', { reported: 50, complete: true }],
    ['totals and values without a code are left out', [obs(undefined, 999, true), obs('640202', 10), obs('640205', 20), obs('640221', 30)], 'sum', { sum: 60, complete: true }],
  ] as const)('%s', (_, rows, aggregation, expected) => {
    const row = rollUpOf('640200', rows, aggregation)!;
    expect(row).toMatchObject(expected);
    if (aggregation === 'none') expect(row.sum).toBeUndefined();
  });

  it('changes (同比) never add up: the counties\' rates make no sum for their city', () => {
    const changes = [obs('640202', 5), obs('640205', 3), obs('640221', 4)].map((o) => ({ ...o, kind: 'change' as const, changeType: 'relative' as const, unit: '%' }));
    expect(rollUpOf('640200', changes, 'sum')?.sum).toBeUndefined();
  });

  it('is undefined for a code not in the table', () => {
    expect(rollUpOf('999900', [obs('999901', 1)], 'sum')).toBeUndefined();
  });

  it('does not change its input', () => {
    const rows = [obs('640202', 10), obs('640205', 20)];
    const before = JSON.stringify(rows);
    rollUpOf('640200', rows, 'sum');
    expect(JSON.stringify(rows)).toBe(before);
  });
});

describe('aggregationOf', () => {
  it.each([
    [{ baseUnit: '亩', displayUnit: '万亩' }, 'sum'],
    [{ baseUnit: '%' }, 'none'],
    [{ baseUnit: '微克/立方米' }, 'none'],
    [{ baseUnit: '%', aggregation: 'sum' as const }, 'sum'],
    [{ baseUnit: '亩', aggregation: 'none' as const }, 'none'],
  ])('%j → %s', (indicator, expected) => {
    expect(aggregationOf(indicator)).toBe(expected);
  });
});
