import { describe, expect, it } from 'vitest';
import { buildChartOption, buildDocumentCharts } from '../../../src/standalone/build-charts';
import { buildChartDocument } from '../../../src/standalone/document';
import { light } from '../../../src/charts/theme';
import type { Indicator, Observation, ViewSpec } from '../../../src/domain/types';

const indicator: Indicator = { name: '压采量', baseUnit: '立方米', polarity: 'higher', targets: [] };
const rows: Observation[] = ['2022', '2023', '2024'].flatMap((period, i) => [
  { region: '沧州市', indicator: '压采量', period, value: 1e8 + i * 1e7, unit: '立方米' },
  { region: '衡水市', indicator: '压采量', period, value: 9e7 - i * 1e6, unit: '立方米' },
]);
const data = { indicator, observations: rows, locale: 'zh' as const };

describe('buildChartOption', () => {
  const cases: [ViewSpec['kind'], boolean][] = [
    ['trend', true],
    ['comparison', true],
    ['multiples', true],
    ['kpi', false],
    ['map', false],
  ];
  it.each(cases)('%s drawable from data alone: %s', (kind, ok) => {
    const built = buildChartOption({ version: 1, kind, indicator: '压采量', period: '2024' }, data, light);
    expect(built.ok).toBe(ok);
    if (!built.ok) expect(built.reasons.join(' ')).toContain(kind);
  });

  it('uses the spec title as the chart title', () => {
    const built = buildChartOption({ version: 1, kind: 'trend', indicator: '压采量', title: '压采量：趋势' }, data, light);
    expect(built.ok && (built.option.title as { text: string }).text).toBe('压采量：趋势');
  });

  it('gives the builder reasons when the data cannot be drawn', () => {
    const built = buildChartOption({ version: 1, kind: 'comparison', indicator: '压采量', period: '2019' }, data, light);
    expect(built.ok).toBe(false);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(rows);
    buildChartOption({ version: 1, kind: 'trend', indicator: '压采量' }, data, light);
    expect(rows).toEqual(copy);
  });
});

describe('buildDocumentCharts', () => {
  it('draws each chart of a document in the document theme and language', () => {
    const doc = buildChartDocument({
      title: '看板',
      locale: 'en',
      theme: 'dark',
      charts: [
        { spec: { version: 1, kind: 'trend', indicator: '压采量' }, observations: rows, indicator },
        { spec: { version: 1, kind: 'comparison', indicator: '压采量', period: '2024' }, observations: rows, indicator },
      ],
    });
    const built = buildDocumentCharts(doc);
    expect(built.map((b) => b.ok)).toEqual([true, true]);
    expect(built[0].ok && built[0].option.backgroundColor).not.toBe(light.background);
  });
});
