import { describe, expect, it } from 'vitest';
import { kpiSummaries, kpiSummary } from '../../../src/analysis/kpi';
import type { Indicator } from '../../../src/domain/types';
import { obs, snapshotOf } from './make-observation';

const pm10: Indicator = { name: 'PM10', baseUnit: '微克/立方米', polarity: 'lower', targets: [{ period: '2024', value: 60 }] };

describe('kpiSummary', () => {
  const data = [obs('全市', '2023', 70), obs('全市', '2024', 63), obs('全市', '2024-Q1', 90), obs('A', '2025', 1)];

  it('takes the latest period, the 同比 change and whether it is good', () => {
    const k = kpiSummary(data, pm10, '全市');
    expect(k?.period).toBe('2024');
    expect(k?.observation.value).toBe(63);
    expect(k?.yoy?.relative).toBeCloseTo(-10, 9);
    expect(k?.yoy?.direction).toBe('down');
    expect(k?.yoy?.good).toBe(true);
    expect(k?.target?.completion).toBeCloseTo(95.24, 2);
    // PM10 63 against a ceiling of 60 for 2024, read at 2024: the deadline has come, 3 over.
    expect(k?.target?.status).toBe('missed');
    expect(k?.target?.shortfall).toBe(3);
  });

  it('gives no 同比 for a change-kind value', () => {
    const k = kpiSummary([obs('全市', '2023', 5, { kind: 'change' }), obs('全市', '2024', -3, { kind: 'change' })], pm10, '全市');
    expect(k?.yoy).toBeUndefined();
  });

  it('is undefined for a region without data', () => {
    expect(kpiSummary(data, pm10, 'Z')).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const before = snapshotOf([data, pm10]);
    kpiSummary(data, pm10, '全市');
    expect([data, pm10]).toEqual(before);
  });
});

describe('kpiSummaries', () => {
  const data = [obs('全市', '2023', 70), obs('A', '2024', 5), obs('全市', '2024', 63), obs('__proto__', '2024', 1), obs('B', '2022', 2)];

  it.each([
    { regions: ['全市', 'A'], expected: ['全市', 'A'] },
    { regions: ['A', '全市'], expected: ['A', '全市'] }, // the order asked, not the data's
    { regions: ['Z', 'B'], expected: ['B'] }, // a region without data has no card
    { regions: ['__proto__'], expected: ['__proto__'] },
    { regions: [], expected: [] },
  ])('gives one summary per region with data: $regions', ({ regions, expected }) => {
    const got = kpiSummaries(data, pm10, regions);
    expect(got.map((s) => s.region)).toEqual(expected);
    // The same as one kpiSummary per region.
    expect(got).toEqual(regions.map((r) => kpiSummary(data, pm10, r)).filter((s) => s !== undefined));
  });
});

