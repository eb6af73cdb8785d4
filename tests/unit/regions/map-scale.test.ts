import { describe, expect, it } from 'vitest';
import { drawChart } from '../../../src/views/chart-kinds';
import { light } from '../../../src/charts/theme';
import type { Indicator, Observation } from '../../../src/domain/types';
import type { MapSpec } from '../../../src/charts/types';

const area: Indicator = { name: '造林面积', baseUnit: '亩', polarity: 'higher', targets: [] };
const o = (region: string, regionCode: string, value: number): Observation => ({ region, regionCode, indicator: area.name, period: '2024', value, unit: '亩' });
// The city reports its total beside its counties: ten times any county.
const rows = [o('哈尔滨市', '230100', 1000), o('道里区', '230102', 50), o('南岗区', '230103', 40), o('香坊区', '230110', 10)];

function scale(spec: Partial<MapSpec>): [number, number] {
  const outcome = drawChart('map', { indicator: area, observations: rows, locale: 'zh' }, { mapName: 'm', joinOn: 'code', ...spec }, light);
  if (!outcome.ok) throw new Error('not drawn');
  const vm = outcome.option.visualMap as { min: number; max: number };
  return [vm.min, vm.max];
}

describe('a map\'s colour scale spans the level it draws', () => {
  it.each<[string, Partial<MapSpec>, [number, number]]>([
    ['a county map: the counties\' values only', { features: ['230102', '230103', '230110', '230104'] }, [10, 50]],
    ['a city map: the city alone', { features: ['230100'] }, [1000, 1001]],
    ['no features said: every value, as before', {}, [10, 1000]],
  ])('%s', (_, spec, expected) => {
    expect(scale(spec)).toEqual(expected);
  });

  it('does not change its input', () => {
    const features = ['230102', '230103'];
    const before = JSON.stringify([rows, features]);
    scale({ features });
    expect(JSON.stringify([rows, features])).toBe(before);
  });
});
