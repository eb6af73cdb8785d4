import { describe, expect, it } from 'vitest';
import { observationsBehind, observationsForSnapshot, periodText, sourceText } from '../../../../src/ui/export/data-behind';
import type { Observation, ViewSpec } from '../../../../src/domain/types';

const row = (region: string, period: string, extra: Partial<Observation> = {}): Observation => ({
  region,
  indicator: '面积',
  period,
  value: 1,
  unit: '亩',
  ...extra,
});
const rows: Observation[] = [
  row('道里区', '2023'),
  row('道里区', '2024'),
  row('南岗区', '2024'),
  row('全市', '2024', { isTotal: true }),
  row('道里区', '2024', { indicator: '产量' }),
];
const spec = (s: Partial<ViewSpec>): ViewSpec => ({ version: 1, kind: 'trend', indicator: '面积', ...s });
const key = (o: Observation) => `${o.region}/${o.period}`;

describe('observationsBehind', () => {
  const cases: [string, ViewSpec, string[]][] = [
    ['trend, all regions', spec({}), ['道里区/2023', '道里区/2024', '南岗区/2024', '全市/2024']],
    ['trend, chosen regions', spec({ regions: ['道里区'] }), ['道里区/2023', '道里区/2024']],
    ['trend, span', spec({ periodFrom: '2024' }), ['道里区/2024', '南岗区/2024', '全市/2024']],
    ['comparison, one period', spec({ kind: 'comparison', period: '2023' }), ['道里区/2023']],
    ['comparison ignores the span', spec({ kind: 'comparison', period: '2024', periodTo: '2023' }), ['道里区/2024', '南岗区/2024', '全市/2024']],
  ];
  it.each(cases)('%s', (_name, s, expected) => {
    expect(observationsBehind(s, rows).map(key)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(rows);
    observationsBehind(spec({ regions: ['南岗区'] }), rows);
    observationsForSnapshot(spec({ regions: ['南岗区'] }), rows);
    expect(rows).toEqual(copy);
  });
});

describe('observationsForSnapshot', () => {
  it('keeps every period of the chosen regions, and totals, of the one indicator', () => {
    const s = spec({ kind: 'trend', regions: ['道里区'] });
    expect(observationsForSnapshot(s, rows).map(key)).toEqual(['道里区/2023', '道里区/2024', '全市/2024']);
  });

  it('keeps every region of a comparison, whose ranks count them all', () => {
    const s = spec({ kind: 'comparison', period: '2024', regions: ['道里区'] });
    expect(observationsForSnapshot(s, rows).map(key)).toEqual(['道里区/2023', '道里区/2024', '南岗区/2024', '全市/2024']);
  });
});

describe('periodText', () => {
  const cases: [string[], 'zh' | 'en', string][] = [
    [[], 'zh', ''],
    [['2024'], 'zh', '2024年'],
    [['2024', '2021', '2022'], 'zh', '2021年—2024年'],
    [['2024-Q1', '2023-Q4'], 'en', '2023 Q4—2024 Q1'],
  ];
  it.each(cases)('%j in %s → %s', (periods, locale, expected) => {
    expect(periodText(periods.map((period) => ({ period })), locale)).toBe(expected);
  });
});

describe('sourceText', () => {
  const datasets = new Map([
    ['a', '市统计局'],
    ['b', '市农业农村局'],
  ]);
  const cases: [string, string | undefined, { sourceText?: string; datasetId?: string }[], string][] = [
    ['the indicator source wins', ' 省统计年鉴 ', [{ sourceText: '别处' }], '省统计年鉴'],
    ['distinct row citations', undefined, [{ sourceText: '公报' }, { sourceText: '公报' }, { sourceText: '年鉴' }], '公报；年鉴'],
    ['dataset sources when rows cite nothing', undefined, [{ datasetId: 'a' }, { datasetId: 'b' }, { datasetId: 'a' }], '市统计局；市农业农村局'],
    ['at most three', undefined, ['1', '2', '3', '4'].map((s) => ({ sourceText: s })), '1；2；3…'],
    ['nothing known', undefined, [{ datasetId: 'x' }], ''],
  ];
  it.each(cases)('%s', (_name, indicatorSource, obs, expected) => {
    expect(sourceText(indicatorSource, obs, datasets)).toBe(expected);
  });
});
