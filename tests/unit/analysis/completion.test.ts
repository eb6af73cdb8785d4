import { describe, expect, it } from 'vitest';
import {
  assessTarget,
  expectedProgress,
  findTarget,
  targetCompletion,
  trafficLight,
} from '../../../src/analysis/completion';
import type { Indicator } from '../../../src/domain/types';
import { obs, snapshotOf } from './make-observation';

const indicator = (targets: Indicator['targets'], polarity: Indicator['polarity'] = 'higher'): Indicator => ({
  name: '压采量',
  baseUnit: '立方米',
  displayUnit: '亿立方米',
  polarity,
  targets,
});

describe('targetCompletion', () => {
  it.each([
    [1.14e8, 0.92e8, 'higher', 123.913],
    [50, 100, 'higher', 50],
    [80, 60, 'lower', 75],
    [60, 80, 'lower', 133.333],
    [5, 0, 'higher', undefined],
    [0, 10, 'lower', undefined],
  ] as const)('%d of %d (%s) → %s', (value, target, polarity, expected) => {
    const c = targetCompletion(value, target, polarity);
    if (expected === undefined) expect(c).toBeUndefined();
    else expect(c).toBeCloseTo(expected, 2);
  });
});

describe('expectedProgress', () => {
  it.each([
    ['2024', { period: '2024', value: 1 }, 100],
    ['2025', { period: '2024', value: 1 }, 100],
    ['2024-06', { period: '2024', value: 1 }, 50],
    ['2024-Q1', { period: '2024', value: 1 }, 25],
    ['2023', { period: '2021/2025', value: 1 }, 60],
    ['2024-H1', { period: '2024', deadline: '2025', value: 1 }, 25],
    ['2024-06', { period: '2024', deadline: '2024-06-30', value: 1 }, 100],
    ['2023', { period: '2024', value: 1 }, undefined],
  ])('%s against %j → %s', (period, target, expected) => {
    expect(expectedProgress(period, target)).toBe(expected);
  });
});

describe('trafficLight', () => {
  it.each([
    [95, 100, 'green'],
    [90.5, 100, 'green'],
    [90, 100, 'yellow'],
    [70, 100, 'yellow'],
    [69.9, 100, 'red'],
    [40, 50, 'yellow'],
    [45, 50, 'green'],
    [130, 100, 'green'],
  ] as const)('%d%% done, %d%% expected → %s', (done, expected, light) => {
    expect(trafficLight(done, expected)).toBe(light);
  });
});

describe('findTarget', () => {
  const ind = indicator([
    { period: '2023', value: 1 },
    { period: '2025', value: 3 },
    { period: '2024', value: 2 },
    { region: '道里区', period: '2024', value: 9 },
  ]);
  it.each([
    ['南岗区', '2024', 2],
    ['南岗区', '2024-06', 2],
    ['南岗区', '2022', 1],
    ['南岗区', '2026', 3],
    ['道里区', '2024', 9],
    ['道里区', '2023', 9],
  ])('%s in %s → %d', (region, period, value) => {
    expect(findTarget(ind, region, period)?.value).toBe(value);
  });

  it('does not mutate its input', () => {
    const before = snapshotOf(ind);
    findTarget(ind, '南岗区', '2024');
    expect(ind).toEqual(before);
  });
});

describe('assessTarget', () => {
  it('prefers the observation’s own 目标值 and allows more than 100 %', () => {
    const a = assessTarget(obs('全市', '2024', 1.14e8, { target: 0.92e8 }), indicator([{ period: '2024', value: 5e8 }]));
    expect(a?.completion).toBeCloseTo(123.91, 2);
    expect(a?.status).toBe('green');
    expect(a?.met).toBe(true);
  });

  it.each([
    // At the deadline (the end of 2024) a target not reached is missed, however close.
    [obs('A', '2024', 99), 'missed'],
    [obs('A', '2024', 75), 'missed'],
    [obs('A', '2024', 100), 'green'],
    [obs('A', '2024-06', 45), 'green'],
    [obs('A', '2024-06', 35), 'yellow'],
    [obs('A', '2024-06', 15), 'red'],
    [obs('A', '2023', 10), undefined],
  ])('%j → %s', (o, light) => {
    expect(assessTarget(o, indicator([{ period: '2024', value: 100 }]))?.status).toBe(light);
  });

  it.each([
    ['a rate 63.2% against 70% at the deadline: 6.8 points short', obs('A', '2024', 63.2), [{ period: '2024', value: 70 }], 'higher', 'missed', 6.8],
    ['past the deadline too', obs('A', '2025', 63.2), [{ period: '2024', value: 70 }], 'higher', 'missed', 6.8],
    ['before the deadline: behind, not missed', obs('A', '2024', 63.2), [{ period: '2024', value: 70, deadline: '2025' }], 'higher', 'green', undefined],
    ['lower is better: above the ceiling is missing it', obs('A', '2024', 5.1), [{ period: '2024', value: 5 }], 'lower', 'missed', 0.1],
    ['lower is better: under the ceiling is met', obs('A', '2024', 4.95), [{ period: '2024', value: 5 }], 'lower', 'green', undefined],
  ] as const)('%s', (_name, o, targets, polarity, status, shortfall) => {
    const a = assessTarget(o, indicator(targets.map((t) => ({ ...t })), polarity));
    expect(a?.status).toBe(status);
    expect(a?.shortfall).toBe(shortfall);
  });

  it('lower is better: at zero violations the target is met', () => {
    const a = assessTarget(obs('A', '2024', 0), indicator([{ period: '2024', value: 10 }], 'lower'));
    expect(a?.completion).toBeUndefined();
    expect(a?.met).toBe(true);
    expect(a?.status).toBe('green');
  });

  it('lower is better: over the ceiling at the deadline is missed', () => {
    const a = assessTarget(obs('A', '2024', 200), indicator([{ period: '2024', value: 100 }], 'lower'));
    expect(a?.completion).toBe(50);
    expect(a?.status).toBe('missed');
    expect(a?.shortfall).toBe(100);
  });

  it('returns undefined without a target', () => {
    expect(assessTarget(obs('A', '2024', 1), indicator([]))).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const o = obs('A', '2024', 75);
    const ind = indicator([{ period: '2024', value: 100 }]);
    const before = snapshotOf([o, ind]);
    assessTarget(o, ind);
    expect([o, ind]).toEqual(before);
  });
});
