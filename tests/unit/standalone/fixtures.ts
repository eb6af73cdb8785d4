/** Shared rows for the standalone tests: two years of three regions, a total, one hostile name. */
import type { Indicator, Observation } from '../../../src/domain/types';

export const HOSTILE = '<img src=x onerror=alert(1)>';

export const indicator: Indicator = {
  name: '造林面积',
  baseUnit: '亩',
  displayUnit: '万亩',
  polarity: 'higher',
  targets: [{ period: '2024', value: 40000, region: '甲县', deadline: '2024' }],
};

const row = (region: string, period: string, value: number, extra: Partial<Observation> = {}): Observation => ({
  region,
  indicator: '造林面积',
  period,
  value,
  unit: '亩',
  ...extra,
});

export const rows: Observation[] = [
  row('全市', '2023', 90000, { isTotal: true }),
  row('全市', '2024', 100000, { isTotal: true }),
  row('甲县', '2023', 30000, { regionCode: '230102' }),
  row('甲县', '2024', 36000, { regionCode: '230102' }),
  row('乙县', '2023', 40000, { regionCode: '230103' }),
  row('乙县', '2024', 36000, { regionCode: '230103' }),
  row(HOSTILE, '2023', 20000),
  row(HOSTILE, '2024', 28000),
  row('__proto__', '2024', 1000),
];

export const data = { indicator, observations: rows, locale: 'zh' as const };
