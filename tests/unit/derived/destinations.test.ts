import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import type { Indicator, Observation } from '../../../src/domain/types';
import { drawChart } from '../../../src/views/chart-kinds';
import { light } from '../../../src/charts/theme';
import { buildChartDocument, readChartDocument } from '../../../src/standalone/document';
import { derivedIndicator } from '../../../src/analysis/derived';
import { closeStore, getIndicators, openStore, putDerivedDefinition, putIndicator, setDerivedEngine } from '../../../src/store';
import { putDataset } from '../../../src/store/dataset-write';
import { derivedEngine } from '../../../src/app/derived/engine';
import { freshName, meta } from '../store/fixtures';

const stored: Indicator[] = [
  { name: '地区生产总值', baseUnit: '元', displayUnit: '万元', polarity: 'higher', targets: [] },
  { name: '常住人口', baseUnit: '人', displayUnit: '万人', polarity: 'higher', targets: [] },
];
const def = { name: '人均GDP', operation: 'per-capita' as const, input: '地区生产总值', other: '常住人口' };
const DEFINITION = '计算指标：地区生产总值 ÷ 常住人口（万元/人）';
const rows: Observation[] = [
  { region: '道里区', indicator: '人均GDP', period: '2023', value: 20000, unit: '元/人', displayUnit: '万元/人' },
  { region: '道里区', indicator: '人均GDP', period: '2024', value: 21000, unit: '元/人', displayUnit: '万元/人' },
];
/** The chart's subtitle (small multiples have a title per panel after the chart's own). */
const subtext = (option: EChartsOption) => ((Array.isArray(option.title) ? option.title[0] : option.title) as { subtext?: string }).subtext;

afterEach(() => {
  setDerivedEngine(undefined);
  closeStore();
});

describe('a calculated indicator’s definition wherever it is drawn', () => {
  const indicator = derivedIndicator(def, stored, 'zh');

  it('is its unit and definition in the indicator list, its inputs its source', () => {
    expect(indicator).toMatchObject({ baseUnit: '元/人', displayUnit: '万元/人', definition: DEFINITION, source: DEFINITION });
  });

  it.each(['trend', 'comparison', 'multiples'] as const)('is under the %s chart’s subtitle, after the view’s own', (kind) => {
    const outcome = drawChart(kind, { indicator, observations: rows, locale: 'zh' }, { subtitle: '本视图' } as never, light);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(subtext(outcome.option)).toMatch(new RegExp(`^本视图  ${DEFINITION.replace(/[()（）÷]/g, '.')}`));
  });

  it('is not added for an indicator that is not calculated', () => {
    const plain = { ...stored[0]!, name: '人均GDP' };
    const outcome = drawChart('trend', { indicator: plain, observations: rows, locale: 'zh' }, {}, light);
    expect(outcome.ok && subtext(outcome.option)).toBe('');
  });

  it('travels with a saved page or an embed, checked on the way in', () => {
    const doc = buildChartDocument({ title: 't', locale: 'zh', theme: 'light', charts: [{ spec: { version: 1, kind: 'trend', indicator: '人均GDP' }, observations: rows, indicator }] });
    const read = readChartDocument(JSON.parse(JSON.stringify(doc)));
    expect(read.ok && read.document.charts[0] && 'indicator' in read.document.charts[0] ? read.document.charts[0].indicator.definition : undefined).toBe(DEFINITION);
    const bad = JSON.parse(JSON.stringify(doc));
    bad.charts[0].indicator.definition = 'x'.repeat(5000);
    expect(readChartDocument(bad).ok).toBe(false);
  });
});

describe('指标设置 of a calculated indicator', () => {
  it('keeps the name shown, polarity and decimals set, over the calculation’s unit and definition', async () => {
    await openStore({ name: freshName() });
    setDerivedEngine(() => Promise.resolve(derivedEngine));
    await putDataset(meta('经济'), [{ region: '道里区', indicator: '地区生产总值', period: '2024', value: 3e7, unit: '元', displayUnit: '万元' }]);
    await putDataset(meta('人口'), [{ region: '道里区', indicator: '常住人口', period: '2024', value: 1.5e6, unit: '人' }]);
    expect(await putDerivedDefinition(def)).toEqual({ ok: true });
    const listed = (await getIndicators()).find((i) => i.name === def.name)!;
    // What the settings dialog saves: the listed indicator, edited.
    await putIndicator({ ...listed, displayName: '人均产值', polarity: 'lower', decimals: 2, baseUnit: '错' });
    const after = (await getIndicators()).filter((i) => i.name === def.name);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ displayName: '人均产值', polarity: 'lower', decimals: 2, baseUnit: '元/人', definition: '计算指标：地区生产总值 ÷ 常住人口（万元/人）' });
    // Its name is still its own: only a name some dataset holds is taken.
    expect(await putDerivedDefinition({ ...def, operation: 'change' })).toEqual({ ok: true });
  });
});
