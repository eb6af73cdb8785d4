import { describe, expect, it } from 'vitest';
import { mapJoin } from '../../../src/charts/map';
import { mapOption as buildMapOption, mapReasons as checkMap } from './draw';
import { light } from '../../../src/charts/theme';
import { chartData, groundwater, HOSTILE, levels, pm10 } from './sample-data';
import { roundNumbers } from './round-numbers';
import { expectSafe, tooltipText } from './expect-safe';

type VisualMap = { text: string[]; inRange: { color: string[] }; min: number; max: number };

describe('buildMapOption', () => {
  const spec = { mapName: 'user-boundaries', period: '2024', caption: '审图号：GS(2024)1234号' };
  const option = buildMapOption(chartData(levels), spec, light);

  it('matches its snapshot', () => {
    expect(roundNumbers(option)).toMatchSnapshot();
  });

  it('puts one period’s regions (no totals) on the registered map', () => {
    const [s] = option.series as { type: string; map: string; data: { name: string; value: number }[] }[];
    expect(s.type).toBe('map');
    expect(s.map).toBe('user-boundaries');
    expect(s.data.map((d) => d.name)).toEqual(['道里区', '南岗区', HOSTILE]);
  });

  it('runs the colour scale from bad to good by polarity, with words at its ends', () => {
    const vm = option.visualMap as VisualMap;
    expect(vm.inRange.color).toEqual([light.bad, light.warn, light.good]);
    expect(vm.text).toEqual(['较好', '较差']);
    const lower = buildMapOption(
      chartData(levels.map((o) => ({ ...o, indicator: 'PM10' })), pm10),
      { mapName: 'm', period: '2024' },
      light,
    ).visualMap as VisualMap;
    expect(lower.inRange.color).toEqual([light.good, light.warn, light.bad]);
    expect(lower.text).toEqual(['较差', '较好']);
  });

  it('prints the user’s caption as plain text', () => {
    const [g] = option.graphic as { type: string; style: { text: string } }[];
    expect(g).toMatchObject({ type: 'text', style: { text: '审图号：GS(2024)1234号' } });
  });

  it('joins on division code when asked', () => {
    const coded = levels.map((o) => ({ ...o, regionCode: o.region === '道里区' ? '230102' : undefined }));
    const o = buildMapOption(chartData(coded), { mapName: 'm', period: '2024', joinOn: 'code', nameProperty: 'adcode' }, light);
    const [s] = o.series as { nameProperty: string; data: { name: string }[] }[];
    expect(s.nameProperty).toBe('adcode');
    expect(s.data.map((d) => d.name)).toEqual(['230102']);
  });

  it('joins a 12-digit statistical code by its 6-digit code', () => {
    const coded = levels.map((o) => ({ ...o, regionCode: o.region === '道里区' ? '230102000000' : undefined }));
    const o = buildMapOption(chartData(coded), { mapName: 'm', period: '2024', joinOn: 'code', nameProperty: 'adcode' }, light);
    const [s] = o.series as { data: { name: string }[] }[];
    expect(s.data.map((d) => d.name)).toEqual(['230102']);
  });

  it('gives plain-text tooltips, also for features without data', () => {
    expect(tooltipText(option, { seriesIndex: 0, dataIndex: 2, name: HOSTILE })).toBe(`${HOSTILE}\n2024年：0.90亿立方米`);
    expect(tooltipText(option, { seriesIndex: 0, dataIndex: 7, name: '<b>x</b>' })).toBe('<b>x</b>\n无数据');
    expectSafe(option);
  });

  it('does not mutate its input', () => {
    const data = chartData(levels);
    const before = structuredClone(data);
    buildMapOption(data, spec, light);
    expect(data).toEqual(before);
  });
});

describe('checkMap', () => {
  it.each([
    [{ mapName: '' }, [{ key: 'chart.no_map' }]],
    [{ mapName: 'm', period: '2030' }, [{ key: 'chart.no_observations_for_period', params: { period: '2030年' } }]],
    [{ mapName: 'm' }, []],
  ])('%j', (spec, reasons) => {
    expect(checkMap(chartData(levels, groundwater), spec)).toEqual(reasons);
  });

  it('needs observations', () => {
    expect(checkMap(chartData([]), { mapName: 'm' })).toEqual([{ key: 'chart.no_observations' }]);
  });
});

describe('mapJoin', () => {
  it('lists what matched and what did not, on either side', () => {
    expect(mapJoin(chartData(levels), { mapName: 'm', period: '2024' }, ['道里区', '香坊区', '__proto__'])).toEqual({
      matched: ['道里区'],
      unmatchedRegions: ['南岗区', HOSTILE],
      unmatchedFeatures: ['香坊区', '__proto__'],
    });
  });

  it('does not mutate its input', () => {
    const names = ['道里区'];
    const data = chartData(levels);
    const before = structuredClone(data);
    mapJoin(data, { mapName: 'm' }, names);
    expect(names).toEqual(['道里区']);
    expect(data).toEqual(before);
  });
});
