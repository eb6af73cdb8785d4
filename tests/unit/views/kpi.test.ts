import { describe, expect, it } from 'vitest';
import { buildKpiCards, buildKpiSlide } from '../../../src/views/kpi';
import { shownRegions } from '../../../src/views/regions';
import { light, withConvention } from '../../../src/charts/theme';
import type { ViewSpec } from '../../../src/domain/types';
import { data, HOSTILE, rows } from '../standalone/fixtures';
import { textColour } from '../../../src/charts/text-colour';

/** A change is 15 px text: its colour is the chart colour moved to 4.5:1 on the background. */
const asText = (colour: string) => textColour(colour, light.background);

const spec: ViewSpec = { version: 1, kind: 'overview', indicator: '造林面积', regions: ['全市', '甲县', '乙县', HOSTILE, '无此地'] };

describe('shownRegions', () => {
  const cases: [string, ViewSpec, string[]][] = [
    ['the view’s regions that have data', spec, ['全市', '甲县', '乙县', HOSTILE]],
    ['the default few (totals first) when the view names none', { ...spec, regions: [] }, ['全市', '乙县', '甲县', HOSTILE, '__proto__']],
  ];
  it.each(cases)('%s', (_name, s, expected) => {
    expect(shownRegions(s.regions, data.observations)).toEqual(expected);
  });
});

describe('buildKpiCards', () => {
  const model = buildKpiCards(data, spec, light);
  const card = (region: string) => model.cards.find((c) => c.region === region)!;

  const cases: [string, string, string | undefined, string | undefined][] = [
    // region, value, 同比, completion
    ['全市', '10.0万亩', '同比 ▲11.1%', undefined],
    ['甲县', '3.6万亩', '同比 ▲20.0%', '完成目标 90%'],
    ['乙县', '3.6万亩', '同比 ▼10.0%', undefined],
    [HOSTILE, '2.8万亩', '同比 ▲40.0%', undefined],
  ];
  it.each(cases)('%s: %s, %s, %s', (region, value, yoy, target) => {
    expect(card(region).value).toBe(value);
    expect(card(region).yoy?.text).toBe(yoy);
    expect(card(region).target?.text).toBe(target);
  });

  it('carries the words said when a card has no 同比 or target', () => {
    expect(model.heading).toBe('造林面积：关键数字');
    expect([model.noYoy, model.noTarget]).toEqual(['无同比数据', '未设目标']);
  });

  it('colours 同比 by polarity by default and by direction under 涨红跌绿', () => {
    expect(card('甲县').yoy?.colour).toBe(asText(light.good));
    expect(card('乙县').yoy?.colour).toBe(asText(light.bad));
    const red = buildKpiCards({ ...data, indicator: { ...data.indicator, polarity: 'lower' } }, spec, withConvention(light, 'rise-red'));
    // Lower is better, so a rise is bad; under rise = red it is red all the same, and a fall green.
    expect(red.cards.find((c) => c.region === '甲县')!.yoy?.colour).toBe(asText(light.bad));
    expect(red.cards.find((c) => c.region === '乙县')!.yoy?.colour).toBe(asText(light.good));
    const good = buildKpiCards({ ...data, indicator: { ...data.indicator, polarity: 'lower' } }, spec, light);
    expect(good.cards.find((c) => c.region === '乙县')!.yoy?.colour).toBe(asText(light.good));
    expect(good.cards.find((c) => c.region === '甲县')!.yoy?.colour).toBe(asText(light.bad));
  });

  it('gives the same cards when other indicators’ values are in the list (more decimals among them)', () => {
    const other = data.observations.map((o) => ({ ...o, indicator: '另一指标', value: o.value + 0.12345 }));
    const mixed = buildKpiCards({ ...data, observations: [...other, ...data.observations] }, spec, light);
    expect(mixed.cards).toEqual(model.cards);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(rows);
    buildKpiCards(data, spec, light);
    buildKpiSlide({ name: '造林', spec }, data, light);
    expect(rows).toEqual(copy);
  });
});

describe('buildKpiSlide', () => {
  it('shows the view’s first region at its period as one number, with 同比 in words', () => {
    const slide = buildKpiSlide({ name: '造林成效', spec: { ...spec, regions: ['甲县'], period: '2024' } }, data, light);
    expect(slide.heading).toBe('造林成效');
    expect(slide.kpi?.value).toBe('3.6万亩');
    expect(slide.kpi?.region).toBe('甲县');
    expect(slide.kpi?.change?.text).toBe('同比上升20.0%');
    expect(slide.kpi?.change?.verdict).toBe('向好');
  });

  it('says there is nothing to show when the indicator has no values', () => {
    const slide = buildKpiSlide({ name: '空', spec }, { ...data, observations: [] }, light);
    expect(slide.kpi).toBeUndefined();
    expect(slide.none).toBe('没有可显示的数值。');
  });
});

describe('buildKpiSlide colours', () => {
  const cases: [string, 'good-green' | 'rise-red', string][] = [
    // 甲县 rose; higher is better.
    ['a good rise is green by default, even where a projector check would turn it to text colour', 'good-green', light.good],
    ['the same rise is red under 涨红跌绿', 'rise-red', light.bad],
  ];
  it.each(cases)('%s', (_name, convention, colour) => {
    const slide = buildKpiSlide({ name: '造林', spec: { ...spec, regions: ['甲县'], period: '2024' } }, data, withConvention(light, convention));
    expect(slide.kpi?.change?.colour).toBe(colour);
  });
});
