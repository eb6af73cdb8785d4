import type { Indicator, Observation } from '../../../src/domain/types';
import type { ChartData } from '../../../src/charts/types';

/** The hostile region name of safety.md: it must only ever appear as plain text. */
export const HOSTILE = '<img src=x onerror="window.__pwned=1">';

export const groundwater: Indicator = {
  name: '压采量',
  baseUnit: '立方米',
  displayUnit: '亿立方米',
  polarity: 'higher',
  targets: [{ period: '2024', value: 0.92e8 }],
};

export const pm10: Indicator = { name: 'PM10', baseUnit: '微克/立方米', polarity: 'lower', targets: [] };

/** Observation of 压采量 in 立方米. */
export function gw(region: string, period: string, value: number, extra: Partial<Observation> = {}): Observation {
  return { region, indicator: '压采量', period, value, unit: '立方米', displayUnit: '亿立方米', ...extra };
}

/** A small province: a total, three regions (one hostile), a gap in 2022 for 道里区, and a tie. */
export const levels: Observation[] = [
  gw('全市', '2021', 2.0e8, { isTotal: true }),
  gw('全市', '2022', 2.4e8, { isTotal: true }),
  gw('全市', '2023', 2.6e8, { isTotal: true }),
  gw('全市', '2024', 3.0e8, { isTotal: true }),
  gw('道里区', '2021', 0.5e8),
  gw('道里区', '2023', 0.8e8),
  gw('道里区', '2024', 1.14e8),
  gw('南岗区', '2021', 0.6e8),
  gw('南岗区', '2022', 0.7e8),
  gw('南岗区', '2023', 0.9e8),
  gw('南岗区', '2024', 0.9e8),
  gw(HOSTILE, '2022', 0.4e8),
  gw(HOSTILE, '2023', 0.5e8),
  gw(HOSTILE, '2024', 0.9e8),
  gw('南岗区', '2024-Q1', 0.2e8),
];

export function chartData(observations: Observation[], indicator: Indicator = groundwater, locale: 'zh' | 'en' = 'zh'): ChartData {
  return { indicator, observations, locale };
}
