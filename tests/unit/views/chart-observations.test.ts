import { describe, expect, it } from 'vitest';
import { observationsOf } from '../../../src/charts/common';
import type { Observation } from '../../../src/domain/types';
import type { ChartData } from '../../../src/charts/types';

const row = (indicator: string, region: string, value: number): Observation => ({ region, indicator, period: '2024-01', value, unit: '亩' });
const indicator = { name: '耕地面积', baseUnit: '亩', polarity: 'higher' as const, targets: [] };

describe('observationsOf: the chart’s indicator’s values, the list itself when it holds no other', () => {
  const cases: [string, Observation[], string[], boolean][] = [
    ['one indicator: the same list (its index is shared with the views)', [row('耕地面积', '甲', 1), row('耕地面积', '乙', 2)], ['甲', '乙'], true],
    ['another indicator mixed in: only the chart’s', [row('耕地面积', '甲', 1), row('产量', '乙', 2), row('耕地面积', '丙', 3)], ['甲', '丙'], false],
    ['only another indicator: none', [row('产量', '乙', 2)], [], false],
    ['no values', [], [], false],
  ];
  it.each(cases)('%s', (_name, observations, regions, same) => {
    const data: ChartData = { indicator, observations, locale: 'zh' };
    const before = JSON.stringify(observations);
    const got = observationsOf(data);
    expect(got.map((o) => o.region)).toEqual(regions);
    expect(got === observations).toBe(same);
    expect(JSON.stringify(observations)).toBe(before);
  });
});
