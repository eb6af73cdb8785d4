import { describe, expect, it } from 'vitest';
import { endLabelled } from '../../../src/charts/trend';
import { trendOption as buildTrendOption, trendReasons as checkTrend } from './draw';
import { dark, light, projector } from '../../../src/charts/theme';
import type { Observation } from '../../../src/domain/types';
import { chartData, groundwater, gw, HOSTILE, levels } from './sample-data';
import { roundNumbers } from './round-numbers';
import { expectSafe, tooltipText } from './expect-safe';
import { shownRegions } from '../../../src/views/regions';

type Series = { type: string; name: string; data: unknown[]; connectNulls?: boolean; markLine?: { data: { yAxis: number }[] } };
const seriesOf = (o: unknown) => (o as { series: Series[] }).series;
const valuesOf = (s: Series) => s.data.map((d) => (d && typeof d === 'object' ? (d as { value: number }).value : d));

describe('buildTrendOption', () => {
  // The regions come from the view model, as every destination's do: the trend itself chooses none.
  const shown = { regions: shownRegions(undefined, levels) };
  const option = buildTrendOption(chartData(levels), shown, light);

  it('matches its snapshot', () => {
    expect(roundNumbers(option)).toMatchSnapshot();
  });

  it('leaves gaps as gaps (null, not joined, not zero)', () => {
    const s = seriesOf(option).find((x) => x.name === '道里区')!;
    expect(valuesOf(s).map((v) => (typeof v === 'number' ? Number(v.toFixed(4)) : v))).toEqual([0.5, null, 0.8, 1.14]);
    expect(s.connectNulls).toBe(false);
  });

  it('never mixes grains: the quarter is left out and said so', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['2021年', '2022年', '2023年', '2024年']);
    expect((option.title as { subtext: string }).subtext).toContain('1 条季度数据未显示');
  });

  it('labels the axis and the last value in the display unit', () => {
    expect((option.yAxis as { name: string }).name).toBe('亿立方米');
    const series = seriesOf(option).find((x) => x.name === '道里区') as unknown as { endLabel: { show: boolean; formatter: () => string } };
    expect(series.endLabel.show).toBe(true);
    expect(series.endLabel.formatter()).toBe('1.14亿立方米');
  });

  it('draws the target as a dashed line in the display unit', () => {
    const withTarget = seriesOf(option).filter((s) => s.markLine);
    expect(withTarget).toHaveLength(1);
    expect(withTarget[0].markLine!.data[0].yAxis).toBeCloseTo(0.92, 9);
    expect(JSON.stringify(withTarget[0].markLine)).toContain('"type":"dashed"');
    expect(JSON.stringify(withTarget[0].markLine)).toContain('2024年目标 0.92亿立方米');
  });

  it('shows 同比 in the tooltip, as plain text', () => {
    const i = seriesOf(option).findIndex((x) => x.name === '道里区');
    const text = tooltipText(option, [{ seriesIndex: i, dataIndex: 3 }, { seriesIndex: 99, dataIndex: 3 }]);
    expect(text.split('\n')[0]).toBe('2024年');
    expect(text).toContain('道里区：1.14亿立方米  同比 ▲42.5%');
    expect(tooltipText(option, [{ seriesIndex: i, dataIndex: 1 }])).toContain('道里区：无数据');
    expect(tooltipText(option, [])).toBe('');
  });

  it('quotes where a value came from (report and sentence) while the tooltip names few values', () => {
    const sentence = '全区压采地下水1.14亿立方米，超出市下达任务0.92亿立方米。'.repeat(3);
    const cited = levels.map((o) =>
      o.region === '道里区' && o.period === '2024' ? { ...o, citations: [{ label: '报告', text: '沧州市整改进展' }, { label: '来源文件', text: '004.txt' }, { label: '原文', text: sentence }] } : o,
    );
    const built = buildTrendOption(chartData(cited), {}, light);
    const i = seriesOf(built).findIndex((x) => x.name === '道里区');
    const text = tooltipText(built, [{ seriesIndex: i, dataIndex: 3 }]);
    expect(text).toContain('道里区：1.14亿立方米');
    // The report's title and the start of the sentence, not the file's name; cut with an ellipsis.
    expect(text).toMatch(/出处：沧州市整改进展 · 全区压采地下水1\.14亿立方米.*…$/m);
    expect(text).not.toContain('004.txt');
    const many = [0, 1, 2, 3].map((seriesIndex) => ({ seriesIndex, dataIndex: 3 }));
    expect(tooltipText(built, many)).not.toContain('出处');
    expect(cited).not.toBe(levels);
  });

  it('keeps a hostile region name as plain text only', () => {
    expectSafe(option);
    const i = seriesOf(option).findIndex((x) => x.name === HOSTILE);
    expect(i).toBeGreaterThan(-1);
    expect(tooltipText(option, [{ seriesIndex: i, dataIndex: 3 }])).toContain(`${HOSTILE}：0.90亿立方米`);
  });

  it.each([
    [shown.regions, ['全市', '道里区', HOSTILE, '南岗区']],
    [['南岗区'], ['南岗区']],
    // No regions given: every region, in order of first appearance (no default of its own).
    [undefined, ['全市', '道里区', '南岗区', HOSTILE]],
  ])('draws the regions it is given, in their order (%j)', (regions, expected) => {
    const chosen = buildTrendOption(chartData(levels), { regions }, light);
    expect(seriesOf(chosen).map((s) => s.name)).toEqual(expected);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildTrendOption(chartData(levels), shown, light))).toBe(JSON.stringify(option));
  });

  it('does not mutate its input', () => {
    const data = chartData(levels);
    const before = structuredClone(data);
    buildTrendOption(data, { indexBase: '2021' }, dark);
    expect(data).toEqual(before);
  });

  it('speaks English', () => {
    const en = buildTrendOption(chartData(levels, groundwater, 'en'), shown, light);
    expect((en.xAxis as { data: string[] }).data[0]).toBe('2021');
    const endLabels = (en.series as { endLabel?: { formatter: () => string } }[]).map((x) => x.endLabel?.formatter());
    expect(endLabels).toContain('114M 立方米');
    expect(roundNumbers(en)).toMatchSnapshot();
  });

  it.each([light, projector])('draws without animation, so a redraw is instant and a screenshot exact', (theme) => {
    expect(buildTrendOption(chartData(levels), {}, theme).animation).toBe(false);
  });

  it('scales for the projector', () => {
    const p = buildTrendOption(chartData(levels), {}, projector);
    expect((p.title as { textStyle: { fontSize: number } }).textStyle.fontSize).toBe(48);
    expect((p.textStyle as { fontSize: number }).fontSize).toBe(24);
  });
});

describe('targets carried by observations (目标值 column)', () => {
  it('draws the latest one for a region without an indicator target', () => {
    const obs = [gw('道里区', '2023', 0.8e8, { target: 0.7e8 }), gw('道里区', '2024', 1.14e8, { target: 1.2e8 })];
    const option = buildTrendOption(chartData(obs, { ...groundwater, targets: [] }), {}, light);
    const line = seriesOf(option)[0].markLine!.data;
    expect(line).toHaveLength(1);
    expect(line[0].yAxis).toBeCloseTo(1.2, 9);
    expect(JSON.stringify(line)).toContain('道里区 2024年目标 1.2亿立方米');
    expect((option.yAxis as { max: number }).max).toBeGreaterThanOrEqual(1.2);
  });
});

describe('index to base', () => {
  const option = buildTrendOption(chartData(levels), { indexBase: '2021' }, light);

  it('puts every series at 100 in the base period and drops the target line', () => {
    for (const s of seriesOf(option)) expect(valuesOf(s)[0]).toBe(100);
    expect(valuesOf(seriesOf(option).find((s) => s.name === '道里区')!)[3]).toBeCloseTo(228, 9);
    expect(seriesOf(option).some((s) => s.markLine)).toBe(false);
    expect((option.yAxis as { name: string }).name).toBe('指数（2021年=100）');
  });

  it('leaves out regions without a base value, and says so', () => {
    expect(seriesOf(option).map((s) => s.name)).not.toContain(HOSTILE);
    expect((option.title as { subtext: string }).subtext).toContain('1 个地区在基期没有数据');
    expect(roundNumbers(option)).toMatchSnapshot();
  });

  it('shows the index and the value in the tooltip', () => {
    const i = seriesOf(option).findIndex((s) => s.name === '道里区');
    expect(tooltipText(option, [{ seriesIndex: i, dataIndex: 3 }])).toContain('道里区：228（1.14亿立方米）');
  });
});

describe('change-kind series', () => {
  const changes: Observation[] = [
    gw('全市', '2022', 12.5, { kind: 'change', changeType: 'relative', unit: '%', displayUnit: undefined }),
    gw('全市', '2023', -30.1, { kind: 'change', changeType: 'relative', unit: '%', displayUnit: undefined }),
    gw('全市', '2024', 5, { kind: 'change', changeType: 'relative', unit: '%', displayUnit: undefined }),
  ];
  const option = buildTrendOption(chartData(changes), {}, light);

  it('is drawn as signed bars from zero, never as a level line', () => {
    const [s] = seriesOf(option);
    expect(s.type).toBe('bar');
    expect(valuesOf(s)).toEqual([12.5, -30.1, 5]);
    expect(s.data.map((d) => (d as { label: { formatter: string } }).label.formatter)).toEqual(['+12.5%', '-30.1%', '+5%']);
    expect(s.markLine!.data).toEqual([{ yAxis: 0 }]);
    expect((option.yAxis as { name: string }).name).toBe('变化（%）');
  });

  it('colours a single region’s bars by good/bad and has no target line', () => {
    const colours = seriesOf(option)[0].data.map((d) => (d as { itemStyle: { color: string } }).itemStyle.color);
    expect(colours).toEqual([light.good, light.bad, light.good]);
    expect(roundNumbers(option)).toMatchSnapshot();
  });

  it('cannot be indexed', () => {
    expect(checkTrend(chartData(changes), { indexBase: '2022' })).toEqual([{ key: 'chart.index_base_change' }]);
  });
});

describe('checkTrend', () => {
  it.each([
    [[], {}, [{ key: 'chart.no_observations' }]],
    [levels, {}, []],
    [levels, { indexBase: '2010' }, [{ key: 'chart.index_base_missing', params: { period: '2010年' } }]],
    [levels, { regions: ['无此区'] }, [{ key: 'chart.no_observations' }]],
    [levels.map((o) => ({ ...o, indicator: '别的指标' })), {}, [{ key: 'chart.no_observations' }]],
  ])('%#', (obs, spec, reasons) => {
    expect(checkTrend(chartData(obs), spec)).toEqual(reasons);
  });
});

describe('long series', () => {
  it('samples with LTTB, hides symbols and offers zoom', () => {
    const obs = Array.from({ length: 120 }, (_, i) => gw('A', `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, i * 1e6));
    const option = buildTrendOption(chartData(obs), {}, light);
    const s = seriesOf(option)[0] as Series & { sampling: string; showSymbol: boolean };
    expect(s.sampling).toBe('lttb');
    expect(s.showSymbol).toBe(false);
    expect(option.dataZoom).toHaveLength(2);
  });

  it.each([
    { periods: 30, symbols: true, zoom: false },
    { periods: 31, symbols: false, zoom: false },
    { periods: 60, symbols: false, zoom: false },
    { periods: 61, symbols: false, zoom: true },
  ])('draws symbols up to 30 periods and a zoom bar beyond 60 ($periods periods)', ({ periods, symbols, zoom }) => {
    const obs = Array.from({ length: periods }, (_, i) => gw('A', String(1950 + i), i + 1));
    const option = buildTrendOption(chartData(obs), {}, light);
    expect((seriesOf(option)[0] as Series & { showSymbol: boolean }).showSymbol).toBe(symbols);
    expect(option.dataZoom !== undefined).toBe(zoom);
  });

  it.each([
    { regions: ['A'], legend: false, bottom: 8 },
    { regions: ['A', 'B'], legend: true, bottom: 40 },
  ])('puts the zoom slider above the legend (legend shown: $legend)', ({ regions, legend, bottom }) => {
    const obs = regions.flatMap((r) => Array.from({ length: 72 }, (_, i) => gw(r, `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, i)));
    const option = buildTrendOption(chartData(obs), { regions }, light);
    expect((option.legend as { show: boolean }).show).toBe(legend);
    expect((option.dataZoom as { bottom?: number }[])[1].bottom).toBe(bottom);
  });
});

describe('endLabelled', () => {
  it.each([
    ['one series', [{ value: 5 }], [0]],
    ['six ending close together near zero under a large total', [{ value: 729.3, isTotal: true }, { value: 109.6 }, { value: 94.8 }, { value: 88.3 }, { value: 71.5 }, { value: 61.8 }, { value: 57.7 }], [0, 1, 4]],
    ['well apart', [{ value: 10 }, { value: 50 }, { value: 90 }], [0, 1, 2]],
    ['four a few units apart on a range of 84 (PM10)', [{ value: 84 }, { value: 79 }, { value: 68 }, { value: 58 }], [0, 1, 2, 3]],
    ['a total wins over a region ending at the same value', [{ value: 100 }, { value: 100, isTotal: true }], [1]],
    ['no last value, and all equal to zero', [{ value: null }, { value: 0 }, { value: 0 }], [1, 2]],
    ['negative values count in the range', [{ value: -100 }, { value: -98 }, { value: 100 }], [1, 2]],
  ] as const)('%s', (_, lasts, expected) => {
    expect([...endLabelled(lasts)].sort((a, b) => a - b)).toEqual(expected);
  });

  it('does not change its input', () => {
    const lasts = [{ value: 3 }, { value: 1, isTotal: true }];
    const before = structuredClone(lasts);
    endLabelled(lasts);
    expect(lasts).toEqual(before);
  });
});
