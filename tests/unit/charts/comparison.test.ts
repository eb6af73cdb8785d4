import { describe, expect, it } from 'vitest';
import { comparisonOption as buildComparisonOption, comparisonReasons as checkComparison } from './draw';
import { light, withConvention } from '../../../src/charts/theme';
import type { Indicator, Observation } from '../../../src/domain/types';
import { chartData, gw, HOSTILE, levels, pm10 } from './sample-data';
import { roundNumbers } from './round-numbers';
import { expectSafe, tooltipText } from './expect-safe';

type Bar = { type: string; name: string; data: unknown[]; barGap?: string; markLine?: { data: { xAxis: number; name: string }[] } };
const seriesOf = (o: unknown) => (o as { series: Bar[] }).series;
const categoriesOf = (o: unknown) => (o as { yAxis: { data: string[] } }).yAxis.data;
const item = (d: unknown) => d as { value: number; itemStyle?: { color: string }; label: { formatter: string } };

const noTargets: Indicator = { name: '压采量', baseUnit: '立方米', displayUnit: '亿立方米', polarity: 'higher', targets: [] };
const withOwnTargets: Observation[] = levels.map((o) =>
  o.period !== '2024' || o.isTotal
    ? o
    : { ...o, target: o.region === '道里区' ? 1.0e8 : o.region === '南岗区' ? 1.2e8 : 2.0e8 },
);

describe('buildComparisonOption', () => {
  const option = buildComparisonOption(chartData(withOwnTargets, noTargets), { period: '2024' }, light);

  it('matches its snapshot', () => {
    expect(roundNumbers(option)).toMatchSnapshot();
  });

  it('sorts best first, ranks ties equal (并列) and leaves the total out of the bars', () => {
    expect(categoriesOf(option)).toEqual(['1. 道里区', `2.（并列）${HOSTILE}`, '2.（并列）南岗区']);
    expect(seriesOf(option)[0].data.map((d) => Number(item(d).value.toFixed(4)))).toEqual([1.14, 0.9, 0.9]);
  });

  it('sorts lower-is-better ascending', () => {
    const obs = [gw('A', '2024', 80), gw('B', '2024', 40), gw('C', '2024', 60)].map((o) => ({ ...o, indicator: 'PM10', unit: '微克/立方米', displayUnit: undefined }));
    const o = buildComparisonOption(chartData(obs, pm10), {}, light);
    expect(categoriesOf(o)).toEqual(['1. B', '2. C', '3. A']);
    expect(roundNumbers(o)).toMatchSnapshot();
  });

  it('colours bars by target status and also marks it in the label', () => {
    const data = seriesOf(option)[0].data.map(item);
    // Targets due by the end of 2024, read at 2024: the two not reached are missed (✗, red).
    expect(data.map((d) => d.itemStyle?.color)).toEqual([light.good, light.bad, light.bad]);
    expect(data.map((d) => d.label.formatter)).toEqual(['1.14亿立方米 ✓', '0.90亿立方米 ✗', '0.90亿立方米 ✗']);
  });

  it('shows a total that is a sum as the regional mean, naming the total', () => {
    const line = seriesOf(option)[0].markLine!.data[0];
    expect(line.xAxis).toBeCloseTo(0.98, 9);
    expect(line.name).toBe('地区平均 0.98亿立方米（全市 3亿立方米）');
  });

  it('shows a total comparable to its regions at its own value', () => {
    const rates = [gw('全省', '2024', 60, { isTotal: true }), gw('A', '2024', 70), gw('B', '2024', 50)].map((o) => ({ ...o, unit: '%', displayUnit: undefined }));
    const o = buildComparisonOption(chartData(rates, { ...noTargets, baseUnit: '%', displayUnit: undefined }), {}, light);
    expect(seriesOf(o)[0].markLine!.data[0]).toMatchObject({ xAxis: 60, name: '全省 60%' });
  });

  it('quotes the source a value carries in its tooltip', () => {
    const obs = levels.map((o) => (o.region === '道里区' && o.period === '2024' ? { ...o, sourceText: '市水务局《地下水压采情况》' } : o));
    const built = buildComparisonOption(chartData(obs), {}, light);
    const texts = [0, 1, 2].map((dataIndex) => tooltipText(built, [{ seriesIndex: 0, dataIndex }]));
    expect(texts.find((t) => t.startsWith('道里区'))).toContain('出处：市水务局《地下水压采情况》');
    expect(texts.filter((t) => t.includes('出处'))).toHaveLength(1);
  });

  it('marks the previous period for each region that had one', () => {
    const ghost = seriesOf(option)[1];
    expect(ghost.type).toBe('bar');
    expect(ghost.barGap).toBe('-100%');
    expect(ghost.name).toBe('上期（2023年）');
    // One entry per ranked region, in the ranked order; null where there is no previous value.
    expect((ghost.data as (number | null)[]).map((x) => (x === null ? null : Number(x.toFixed(4))))).toEqual([0.8, 0.5, 0.9]);
  });

  it('has no 上期 series when no bar drawn had a previous value (only the total, a reference line, did)', () => {
    const totalOnly = levels.filter((o) => o.period === '2024' || (o.period === '2023' && o.isTotal));
    const series = seriesOf(buildComparisonOption(chartData(totalOnly, noTargets), { period: '2024' }, light));
    expect(series.map((x) => x.name)).not.toContain('上期（2023年）');
  });

  it('explains rank, previous period, completion and status in the tooltip, as plain text', () => {
    expect(tooltipText(option, [{ seriesIndex: 0, dataIndex: 1 }])).toBe(
      [`${HOSTILE}  第 2 名（并列）`, '2024年：0.90亿立方米', '上期 0.50亿立方米，▲80.0%', '完成目标 45%', '未完成，差1.1亿立方米'].join('\n'),
    );
    expect(tooltipText(option, [{ seriesIndex: 1, dataIndex: 0 }])).toBe('');
    expectSafe(option);
  });

  it('speaks English', () => {
    const en = buildComparisonOption({ ...chartData(withOwnTargets, noTargets), locale: 'en' }, { period: '2024' }, light);
    expect(categoriesOf(en)).toEqual(['1. 道里区', `=2. ${HOSTILE}`, '=2. 南岗区']);
    expect(tooltipText(en, [{ seriesIndex: 0, dataIndex: 0 }])).toContain('114% of target');
  });

  it('does not mutate its input', () => {
    const data = chartData(withOwnTargets, noTargets);
    const before = structuredClone(data);
    buildComparisonOption(data, { period: '2024', grouped: true }, withConvention(light, 'rise-red'));
    expect(data).toEqual(before);
  });
});

describe('grouped comparison', () => {
  const option = buildComparisonOption(chartData(levels), { period: '2024', grouped: true }, light);

  it('puts several periods side by side, newest first, in the chosen period’s order', () => {
    expect(seriesOf(option).map((s) => s.name)).toEqual(['2024年', '2023年', '2022年']);
    expect(categoriesOf(option)).toEqual(['1. 道里区', `2.（并列）${HOSTILE}`, '2.（并列）南岗区']);
    expect(seriesOf(option)[2].data.map((v) => (v === null ? null : Number((v as number).toFixed(4))))).toEqual([null, 0.4, 0.7]);
  });

  it('keeps the status mark in the label while colours mean periods', () => {
    const first = item(seriesOf(option)[0].data[0]);
    expect(first.itemStyle).toBeUndefined();
    expect(first.label.formatter).toBe('1.14亿立方米 ✓');
    expect(roundNumbers(option)).toMatchSnapshot();
  });

  it('honours groupCount', () => {
    const two = buildComparisonOption(chartData(levels), { period: '2024', grouped: true, groupCount: 2 }, light);
    expect(seriesOf(two).map((s) => s.name)).toEqual(['2024年', '2023年']);
  });
});

describe('checkComparison', () => {
  it.each([
    [[], {}, [{ key: 'chart.no_observations' }]],
    [levels, { period: '2030' }, [{ key: 'chart.no_observations_for_period', params: { period: '2030年' } }]],
    [levels.filter((o) => o.isTotal), {}, [{ key: 'chart.no_ranked_regions' }]],
    [levels, {}, []],
  ])('%#', (obs, spec, reasons) => {
    expect(checkComparison(chartData(obs), spec)).toEqual(reasons);
  });
});

describe('comparison of many regions', () => {
  // 45 regions, values 1…45 (and 0…44 the year before): too many to label in a dashboard chart.
  const many = Array.from({ length: 45 }, (_, i) => [gw(`区${i + 1}`, '2024', i + 1), gw(`区${i + 1}`, '2023', i)]).flat();
  const subtitleOf = (o: unknown) => (o as { title: { subtext: string } }).title.subtext;

  it.each([
    { maxBars: undefined, best: ['1. 区45', '10. 区36'], worst: ['36. 区10', '45. 区1'], note: '共 45 个地区，显示前 10 名和后 10 名，全部见“排名”' },
    { maxBars: 7, best: ['1. 区45', '3. 区43'], worst: ['42. 区4', '45. 区1'], note: '共 45 个地区，显示前 3 名和后 4 名，全部见“排名”' },
    { maxBars: 50, best: ['1. 区45', '45. 区1'], worst: [], note: '' },
  ])('shows the best and the worst with a gap when over maxBars=$maxBars', ({ maxBars, best, worst, note }) => {
    const o = buildComparisonOption(chartData(many), { period: '2024', maxBars }, light);
    const cats = categoriesOf(o);
    const gap = cats.indexOf('⋯');
    expect(cats.length).toBe(Math.min(45, (maxBars ?? 20) + (gap >= 0 ? 1 : 0)));
    if (worst.length) {
      expect([cats[0], cats[gap - 1]]).toEqual(best);
      expect([cats[gap + 1], cats[cats.length - 1]]).toEqual(worst);
      // Every series has a hole at the gap, so nothing is drawn there and tooltips stay aligned.
      for (const s of seriesOf(o)) expect(s.data[gap]).toBeNull();
    } else {
      expect(gap).toBe(-1);
      expect([cats[0], cats[cats.length - 1]]).toEqual(best);
    }
    expect(subtitleOf(o).includes('显示前')).toBe(note !== '');
    if (note) expect(subtitleOf(o)).toContain(note);
  });

  it('keeps the previous period aligned with the regions drawn', () => {
    const o = buildComparisonOption(chartData(many), { period: '2024' }, light);
    const ghost = seriesOf(o)[1].data.map((d) => (d === null ? null : Number(d)));
    const bars = seriesOf(o)[0].data.map((d) => (d === null ? null : item(d).value));
    // Region 45 had 44 the year before; region 1 had 0.
    expect(ghost[0]! / bars[0]!).toBeCloseTo(44 / 45, 9);
    expect(ghost[ghost.length - 1]).toBe(0);
  });

  it('cuts the grouped variant the same way', () => {
    const o = buildComparisonOption(chartData(many), { period: '2024', grouped: true, groupCount: 2 }, light);
    expect(categoriesOf(o).length).toBe(21);
    expect(seriesOf(o).every((s) => s.data.length === 21 && s.data[10] === null)).toBe(true);
  });

  it('says so in English too', () => {
    const o = buildComparisonOption(chartData(many, undefined, 'en'), { period: '2024' }, light);
    expect(subtitleOf(o)).toContain('45 regions: the top 10 and the bottom 10 shown');
  });
});
