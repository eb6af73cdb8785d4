import { describe, expect, it } from 'vitest';
import { kpiSummary } from '../../../src/analysis/kpi';
import { formatKpiCard } from '../../../src/charts/kpi-card';
import { light, withConvention } from '../../../src/charts/theme';
import type { Indicator, Observation } from '../../../src/domain/types';

const area: Indicator = { name: '保护性耕作面积', baseUnit: '亩', displayUnit: '万亩', polarity: 'higher', targets: [{ period: '2024', value: 80000 }] };
const pm10: Indicator = { name: 'PM10', baseUnit: '微克/立方米', polarity: 'lower', targets: [] };
const o = (indicator: string, period: string, value: number, unit: string): Observation => ({ region: '全市', indicator, period, value, unit });

describe('formatKpiCard', () => {
  const data = [o('保护性耕作面积', '2023', 50000, '亩'), o('保护性耕作面积', '2024', 60400, '亩')];
  const card = formatKpiCard(kpiSummary(data, area, '全市')!, area, 'zh', light);

  it('shows value in the display unit, 同比 with an arrow, and completion', () => {
    expect(card).toEqual({
      title: '保护性耕作面积',
      region: '全市',
      period: '2024年',
      value: '6.04万亩',
      yoy: { text: '同比 ▲20.8%', arrow: '▲', colour: light.good, good: true },
      // Due by the end of 2024 and read at 2024: missed, by 1.96万亩 (target 8万亩).
      target: { text: '完成目标 75.5%', status: 'missed', statusText: '未完成，差1.96万亩', word: '未完成 差1.96万亩', colour: light.bad },
    });
  });

  it.each([
    [light, 70, light.good],
    [light, 50, light.bad],
    [withConvention(light, 'rise-red'), 70, light.good],
    [withConvention(light, 'rise-red'), 50, light.bad],
  ])('PM10 going from 60 to %s colours by polarity or convention', (theme, now, colour) => {
    const s = kpiSummary([o('PM10', '2023', 60, '微克/立方米'), o('PM10', '2024', 120 - now, '微克/立方米')], pm10, '全市')!;
    expect(formatKpiCard(s, pm10, 'en', theme).yoy?.colour).toBe(colour);
  });

  it('says flat without an arrow', () => {
    const s = kpiSummary([o('PM10', '2023', 60, 'x'), o('PM10', '2024', 60, 'x')], pm10, '全市')!;
    expect(formatKpiCard(s, pm10, 'zh', light).yoy).toMatchObject({ text: '同比 持平', arrow: '' });
  });

  it('does not mutate its input', () => {
    const s = kpiSummary(data, area, '全市')!;
    const before = structuredClone(s);
    formatKpiCard(s, area, 'en', light);
    expect(s).toEqual(before);
  });
});
