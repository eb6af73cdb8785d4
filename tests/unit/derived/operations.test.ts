import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/domain/types';
import { perCapita } from '../../../src/analysis/derived/per-capita';
import { share } from '../../../src/analysis/derived/share';
import { cumulativeFromMonthly, monthlyFromCumulative } from '../../../src/analysis/derived/monthly';
import { periodChange } from '../../../src/analysis/derived/change';
import { completion } from '../../../src/analysis/derived/completion';
import { ratioUnit } from '../../../src/analysis/derived/units';
import type { DerivedRow } from '../../../src/analysis/derived/types';
import { buildRegionIdentity } from '../../../src/analysis/region-identity';

const o = (region: string, indicator: string, period: string, value: number, unit: string, extra: Partial<Observation & { datasetId: string }> = {}): DerivedRow => ({
  region,
  indicator,
  period,
  value,
  unit,
  ...extra,
});
const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code).sort();
const values = (r: { observations: DerivedRow[] }) => r.observations.map((x) => [x.region, x.period, Number(x.value.toFixed(6))]);
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

describe('units of a ratio', () => {
  it.each([
    ['万元 ÷ 人', { unit: '元', displayUnit: '万元' }, { unit: '人' }, { unit: '元/人', displayUnit: '万元/人' }],
    ['元 ÷ 人 (no prefix)', { unit: '元' }, { unit: '人' }, { unit: '元/人' }],
    ['万亩 ÷ 人', { unit: '亩', displayUnit: '万亩' }, { unit: '人' }, { unit: '亩/人', displayUnit: '万亩/人' }],
    ['display unit of another base keeps the base', { unit: '元', displayUnit: '吨' }, { unit: '人' }, { unit: '元/人' }],
    ['a unitless denominator', { unit: '元', displayUnit: '亿元' }, { unit: '' }, { unit: '元', displayUnit: '亿元' }],
  ])('%s', (_name, num, den, expected) => {
    expect(ratioUnit(num, den)).toEqual(expected);
  });
});

describe('人均 (per capita)', () => {
  // Stored in base units: 2000万元 = 2e7 元, 100万人 = 1e6 人 → 20 元/人 = 0.002 万元/人.
  const gdp = [
    o('道里区', 'GDP', '2023', 2e7, '元', { displayUnit: '万元', datasetId: 'a' }),
    o('道里区', 'GDP', '2024', 3e7, '元', { displayUnit: '万元', datasetId: 'a' }),
    o('南岗区', 'GDP', '2024', 5e7, '元', { displayUnit: '万元', datasetId: 'a' }),
    o('香坊区', 'GDP', '2024', 1e7, '元', { displayUnit: '万元', datasetId: 'a' }),
  ];
  const pop = [
    o('道里区', '常住人口', '2023', 1e6, '人', { displayUnit: '万人', datasetId: 'b' }),
    o('道里区', '常住人口', '2024', 1.5e6, '人', { displayUnit: '万人', datasetId: 'b' }),
    o('南岗区', '常住人口', '2024', 0, '人', { datasetId: 'b' }),
  ];

  it('divides by the population of the same region and period, in 元/人 shown as 万元/人', () => {
    const r = perCapita('人均GDP', gdp, 'GDP', pop, '常住人口');
    expect(values(r)).toEqual([
      ['道里区', '2023', 20],
      ['道里区', '2024', 20],
    ]);
    expect(r.observations[0]).toMatchObject({ indicator: '人均GDP', unit: '元/人', displayUnit: '万元/人', datasetId: 'a', kind: 'level' });
    expect(r.observations[0]!.citations).toEqual([
      { label: 'GDP', text: '2023 20000000元' },
      { label: '常住人口', text: '2023 1000000人' },
    ]);
  });
  it('leaves a gap where the population is missing or zero, and says so', () => {
    const r = perCapita('人均GDP', gdp, 'GDP', pop, '常住人口');
    expect(codes(r)).toEqual(['missing_denominator', 'zero_denominator']);
    expect(r.issues.find((i) => i.code === 'zero_denominator')).toMatchObject({ count: 1, params: { region: '南岗区', period: '2024' } });
  });
  it('says when no period matches', () => {
    const r = perCapita('x', gdp, 'GDP', [o('道里区', '常住人口', '2020', 1, '人')], '常住人口');
    expect(r.observations).toEqual([]);
    expect(r.issues.find((i) => i.code === 'period_mismatch')?.params).toMatchObject({ periods: '2023—2024', other: '2020' });
  });
  it('says when the denominator is not people', () => {
    expect(codes(perCapita('x', gdp, 'GDP', [o('道里区', '户数', '2024', 10, '户')], '户数'))).toContain('not_persons');
  });
  it('uses one unit per input and says which values it left out', () => {
    const mixed = [...gdp, o('松北区', 'GDP', '2024', 7, '亩')];
    const r = perCapita('x', mixed, 'GDP', pop, '常住人口');
    expect(r.issues.find((i) => i.code === 'unit_clash')?.params).toMatchObject({ indicator: 'GDP', unit: '元', others: '亩' });
  });
  it('matches a region however each file wrote it (region identity)', () => {
    const identity = buildRegionIdentity([
      { name: '哈尔滨市', code: '230100' },
      { name: '道里区', code: '230102' },
      { name: '哈尔滨市道里区' },
    ]);
    const r = perCapita('x', [o('哈尔滨市道里区', 'GDP', '2024', 3e7, '元')], 'GDP', [o('道里区', '常住人口', '2024', 1.5e6, '人', { regionCode: '230102' })], '常住人口', {
      label: identity.label,
    });
    expect(values(r)).toEqual([['道里区', '2024', 20]]);
    expect(r.observations[0]!.regionAsWritten).toBe('哈尔滨市道里区');
  });
  it('never merges two regions on the name alone: 鼓楼区 of two cities stay apart', () => {
    const r = perCapita(
      'x',
      [o('鼓楼区', 'GDP', '2024', 10, '元', { regionCode: '320106' })],
      'GDP',
      [o('鼓楼区', '常住人口', '2024', 2, '人', { regionCode: '350102' })],
      '常住人口',
      { label: buildRegionIdentity([{ name: '鼓楼区', code: '320106' }]).label },
    );
    expect(r.observations).toEqual([]);
    expect(codes(r)).toEqual(['missing_denominator']);
  });
  it('keeps the first value of a region × period (the winning dataset comes first)', () => {
    const r = perCapita('x', [o('a', 'GDP', '2024', 10, '元', { datasetId: 'new' }), o('a', 'GDP', '2024', 99, '元', { datasetId: 'old' })], 'GDP', [o('a', 'P', '2024', 2, '人')], 'P');
    expect(values(r)).toEqual([['a', '2024', 5]]);
  });
  it('leaves changes (同比) out and says so', () => {
    const r = perCapita('x', [...gdp, o('道里区', 'GDP', '2024', -3, '%', { kind: 'change', changeType: 'relative' })], 'GDP', pop, '常住人口');
    expect(codes(r)).toContain('changes_skipped');
    expect(values(r)).toHaveLength(2);
  });
  it('treats hostile names as text', () => {
    const r = perCapita(HOSTILE, [o('__proto__', HOSTILE, '2024', 10, '元')], HOSTILE, [o('__proto__', 'constructor', '2024', 5, '人')], 'constructor');
    expect(values(r)).toEqual([['__proto__', '2024', 2]]);
    expect(r.observations[0]!.indicator).toBe(HOSTILE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('does not change its input', () => {
    const a = structuredClone(gdp);
    const b = structuredClone(pop);
    perCapita('x', a, 'GDP', b, '常住人口');
    expect(a).toEqual(gdp);
    expect(b).toEqual(pop);
  });
});

describe('占比 (share)', () => {
  const rows = [
    o('哈尔滨市', '面积', '2024', 100, '亩', { regionCode: '230100' }),
    o('道里区', '面积', '2024', 30, '亩', { regionCode: '230102' }),
    o('南岗区', '面积', '2024', 10, '亩', { regionCode: '230103' }),
    o('全市', '面积', '2024', 40, '亩', { isTotal: true }),
    o('道里区', '面积', '2023', 0, '亩', { regionCode: '230102' }),
  ];
  it('of every region that is not a total row, in %', () => {
    const r = share('占比', rows, '面积', 'set');
    expect(values(r)).toEqual([
      ['哈尔滨市', '2024', 71.428571],
      ['道里区', '2024', 21.428571],
      ['南岗区', '2024', 7.142857],
    ]);
    expect(r.observations[0]!.unit).toBe('%');
    expect(codes(r)).toEqual(['zero_denominator']);
  });
  it('of a chosen set of regions', () => {
    expect(values(share('占比', rows, '面积', 'set', ['道里区', '南岗区']))).toEqual([
      ['道里区', '2024', 75],
      ['南岗区', '2024', 25],
      // 2023: the set's total is 0 (道里区 only) → said, not divided.
    ]);
  });
  it('of the parent region, found by division code', () => {
    const r = share('占比', [...rows, o('某开发区', '面积', '2024', 5, '亩')], '面积', 'parent');
    expect(values(r)).toEqual([
      ['道里区', '2024', 30],
      ['南岗区', '2024', 10],
    ]);
    // 哈尔滨市's province and 道里区's 2023 parent are not in the data; 某开发区 has no code.
    expect(r.issues).toEqual([{ code: 'no_parent', count: 3, params: { region: '哈尔滨市', period: '2024' } }]);
  });
  it('does not change its input', () => {
    const copy = structuredClone(rows);
    share('x', copy, '面积', 'parent');
    share('x', copy, '面积', 'set');
    expect(copy).toEqual(rows);
  });
});

describe('累计 → 当月 and back', () => {
  const cum = [
    o('全市', '产值', '2024-01', 5, '元', { displayUnit: '万元' }),
    o('全市', '产值', '2024-02', 12, '元', { displayUnit: '万元' }),
    o('全市', '产值', '2024-03', 20, '元', { displayUnit: '万元' }),
    // 4月 is missing: 5月 cannot be told, never 30 − 20.
    o('全市', '产值', '2024-05', 30, '元', { displayUnit: '万元' }),
    o('全市', '产值', '2025-01', 4, '元', { displayUnit: '万元' }),
    o('全市', '产值', '2024', 40, '元'),
  ];
  it('month 1 is itself; each other month the difference with the month before', () => {
    const r = monthlyFromCumulative('当月', cum, '产值');
    expect(values(r)).toEqual([
      ['全市', '2024-01', 5],
      ['全市', '2024-02', 7],
      ['全市', '2024-03', 8],
      ['全市', '2025-01', 4],
    ]);
    expect(r.observations[0]).toMatchObject({ unit: '元', displayUnit: '万元' });
  });
  it('a missing month leaves a gap and is said; a year value is not monthly', () => {
    const r = monthlyFromCumulative('当月', cum, '产值');
    expect(codes(r)).toEqual(['missing_month', 'not_monthly']);
    expect(r.issues.find((i) => i.code === 'missing_month')?.params).toEqual({ region: '全市', period: '2024-04' });
  });
  it('back again: totals so far are sums from January, and stop at a gap', () => {
    const monthly = [
      o('全市', '当月', '2024-01', 5, '元'),
      o('全市', '当月', '2024-02', 7, '元'),
      o('全市', '当月', '2024-04', 1, '元'),
      o('全市', '当月', '2024-05', 1, '元'),
    ];
    const r = cumulativeFromMonthly('累计', monthly, '当月');
    expect(values(r)).toEqual([
      ['全市', '2024-01', 5],
      ['全市', '2024-02', 12],
    ]);
    expect(r.issues).toEqual([{ code: 'missing_month', count: 1, params: { region: '全市', period: '2024-03' } }]);
  });
  it('round trip: monthly from the totals, then totals again', () => {
    const clean = cum.slice(0, 3);
    const monthly = monthlyFromCumulative('当月', clean, '产值').observations;
    expect(values(cumulativeFromMonthly('累计', monthly, '当月'))).toEqual(values({ observations: clean }));
  });
  it('does not change its input', () => {
    const copy = structuredClone(cum);
    monthlyFromCumulative('x', copy, '产值');
    cumulativeFromMonthly('x', copy, '产值');
    expect(copy).toEqual(cum);
  });
});

describe('环比 (period on period)', () => {
  it('a level in percent of the period before; the first period has none; a gap is said', () => {
    const r = periodChange('环比', [o('a', 'x', '2024-01', 100, '元'), o('a', 'x', '2024-02', 110, '元'), o('a', 'x', '2024-04', 50, '元')], 'x');
    expect(values(r)).toEqual([['a', '2024-02', 10]]);
    expect(r.observations[0]).toMatchObject({ unit: '%', kind: 'change', changeType: 'relative' });
    expect(r.issues).toEqual([{ code: 'missing_previous', count: 1, params: { region: 'a', period: '2024-03' } }]);
  });
  it('a rate in 个百分点', () => {
    const r = periodChange('环比', [o('a', 'x', '2024-Q1', 62.4, '%'), o('a', 'x', '2024-Q2', 64, '%')], 'x');
    expect(values(r)).toEqual([['a', '2024-Q2', 1.6]]);
    expect(r.observations[0]).toMatchObject({ unit: '个百分点', changeType: 'points' });
  });
  it('a zero before is a gap, said; a negative before divides by its size', () => {
    const r = periodChange('环比', [o('a', 'x', '2023', 0, '元'), o('a', 'x', '2024', 5, '元'), o('b', 'x', '2023', -10, '元'), o('b', 'x', '2024', -5, '元')], 'x');
    expect(values(r)).toEqual([['b', '2024', 50]]);
    expect(codes(r)).toEqual(['zero_denominator']);
  });
  it('does not change its input', () => {
    const rows = [o('a', 'x', '2023', 1, '元'), o('a', 'x', '2024', 2, '元')];
    const copy = structuredClone(rows);
    periodChange('y', copy, 'x');
    expect(copy).toEqual(rows);
  });
});

describe('完成率 (completion)', () => {
  const indicator = { name: '压采量', baseUnit: '立方米', polarity: 'higher' as const, targets: [{ period: '2024', value: 0.92e8 }] };
  it('against the indicator’s own targets, over 100% allowed', () => {
    const r = completion('完成率', [o('全市', '压采量', '2024', 1.14e8, '立方米')], indicator);
    expect(values(r)).toEqual([['全市', '2024', 123.913043]]);
    expect(r.observations[0]!.unit).toBe('%');
  });
  it('against a target indicator of the same region × period; missing targets are said', () => {
    const r = completion(
      '完成率',
      [o('a', '压采量', '2024', 50, '立方米'), o('b', '压采量', '2024', 50, '立方米')],
      { ...indicator, targets: [] },
      [o('a', '目标', '2024', 200, '立方米')],
      '目标',
    );
    expect(values(r)).toEqual([['a', '2024', 25]]);
    expect(codes(r)).toEqual(['missing_target']);
  });
  it('lower is better (PM10): target ÷ value', () => {
    const r = completion('完成率', [o('a', 'PM10', '2024', 50, '微克/立方米', { target: 40 })], { name: 'PM10', baseUnit: '微克/立方米', polarity: 'lower', targets: [] });
    expect(values(r)).toEqual([['a', '2024', 80]]);
  });
  it('a target in another unit is a clash, said, and nothing is computed', () => {
    const r = completion('完成率', [o('a', '压采量', '2024', 50, '立方米')], indicator, [o('a', '目标', '2024', 2, '亩')], '目标');
    expect(r.observations).toEqual([]);
    expect(codes(r)).toEqual(['unit_clash']);
  });
  it('a zero target is a gap, said', () => {
    const r = completion('完成率', [o('a', '压采量', '2024', 5, '立方米', { target: 0 })], indicator);
    expect(codes(r)).toEqual(['zero_denominator']);
  });
  it('does not change its input', () => {
    const rows = [o('a', '压采量', '2024', 50, '立方米')];
    const copy = structuredClone(rows);
    const ind = structuredClone(indicator);
    completion('x', copy, ind);
    expect(copy).toEqual(rows);
    expect(ind).toEqual(indicator);
  });
});
