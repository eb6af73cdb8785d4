import { describe, expect, it } from 'vitest';
import { defaultFocusRegion, groupRegionCards, regionCard } from '../../../src/views/region';
import type { Indicator, Observation, Region } from '../../../src/domain/types';

const indicator: Indicator = { name: '秸秆还田率', baseUnit: '%', polarity: 'higher', targets: [] };
const obs = (region: string, period: string, value: number, extra: Partial<Observation> & { datasetId?: string } = {}) => ({
  region,
  indicator: indicator.name,
  period,
  value,
  unit: '%',
  datasetId: 'ds1',
  ...extra,
});

describe('defaultFocusRegion', () => {
  it.each<[string, Region[], string | undefined]>([
    ['the first total', [{ name: '道里区' }, { name: '全市', isTotal: true }, { name: '合计', isTotal: true }], '全市'],
    ['else the first region', [{ name: '道里区' }, { name: '南岗区' }], '道里区'],
    ['none without regions', [], undefined],
  ])('%s', (_, regions, expected) => {
    expect(defaultFocusRegion(regions)).toBe(expected);
  });
});

describe('regionCard', () => {
  it.each([
    {
      name: 'latest level, sparkline oldest first, 同比 from last year',
      rows: [obs('道里区', '2024', 65.73), obs('道里区', '2022', 58), obs('道里区', '2023', 61.48), obs('南岗区', '2024', 99)],
      value: 65.73,
      values: [58, 61.48, 65.73],
      yoy: 'up',
    },
    {
      name: 'levels win over changes of the same indicator',
      rows: [obs('道里区', '2024', 3.2, { kind: 'change' }), obs('道里区', '2023', 50)],
      value: 50,
      values: [50],
      yoy: undefined,
    },
    {
      name: 'only changes: the changes are shown',
      rows: [obs('道里区', '2024', 3.2, { kind: 'change' }), obs('道里区', '2023', -1, { kind: 'change' })],
      value: 3.2,
      values: [-1, 3.2],
      yoy: undefined,
    },
    {
      name: 'the sparkline keeps to the latest value’s grain',
      rows: [obs('道里区', '2024', 10), obs('道里区', '2023', 8), obs('道里区', '2024-03', 2, { grain: 'month' })],
      value: 10,
      values: [8, 10],
      yoy: 'up',
    },
  ])('$name', ({ rows, value, values, yoy }) => {
    const card = regionCard(rows, indicator, '道里区');
    expect(card?.summary.observation.value).toBe(value);
    expect(card?.values).toEqual(values);
    expect(card?.summary.yoy?.direction).toBe(yoy);
    expect(card?.datasetId).toBe('ds1');
  });

  it('is undefined for a region without values', () => {
    expect(regionCard([obs('南岗区', '2024', 1)], indicator, '道里区')).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const rows = [obs('道里区', '2024', 2), obs('道里区', '2023', 1)];
    const copy = structuredClone(rows);
    regionCard(rows, indicator, '道里区');
    expect(rows).toEqual(copy);
  });
});

describe('groupRegionCards', () => {
  const card = (name: string, datasetId: string | undefined) => {
    const c = regionCard([obs('道里区', '2024', 1, { indicator: name })], { ...indicator, name }, '道里区')!;
    return { ...c, datasetId };
  };

  it('groups by dataset in the given order, keeping card order within a group', () => {
    const groups = groupRegionCards([card('a', 'ds2'), card('b', 'ds1'), card('c', 'ds2'), card('d', 'gone')], ['ds1', 'ds2']);
    expect(groups.map((g) => [g.datasetId, g.cards.map((c) => c.indicator.name)])).toEqual([
      ['ds1', ['b']],
      ['ds2', ['a', 'c']],
      ['gone', ['d']],
    ]);
  });

  it('does not mutate its input', () => {
    const cards = [card('a', 'ds2'), card('b', 'ds1')];
    const copy = structuredClone(cards);
    groupRegionCards(cards, ['ds1', 'ds2']);
    expect(cards).toEqual(copy);
  });
});
