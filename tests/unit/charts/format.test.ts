import { describe, expect, it } from 'vitest';
import {
  arrowOf,
  displayUnitOf,
  formatChangeMagnitude,
  formatCompact,
  formatNumber,
  formatObservationValue,
  formatQuantity,
  formatShortfall,
  formatSigned,
  formatTargetStatus,
  lightWord,
  toDisplay,
  valueDecimals,
} from '../../../src/charts/format';
import type { Indicator, Observation } from '../../../src/domain/types';
import { computeChange, type Change } from '../../../src/analysis/change';
import type { TargetAssessment } from '../../../src/analysis/completion';
import { sameUnit } from '../../../src/domain/units';

describe('formatQuantity', () => {
  it.each([
    [114_000_000, '立方米', 'zh', '亿立方米', '1.14亿立方米'],
    [67183.02, '吨', 'zh', undefined, '67,183.02吨'],
    [60400, '亩', 'zh', '万亩', '6.04万亩'],
    [65.73, '%', 'zh', undefined, '65.73%'],
    [110, '%', 'zh', undefined, '110%'],
    [123_456_789, '元', 'zh', undefined, '1.23亿元'],
    [250_000, '吨', 'zh', undefined, '25万吨'],
    [21_000, '名', 'zh', '万名', '2.1万名'],
    [60_000, '亩', 'zh', '万亩', '6万亩'],
    [0.01234, '吨', 'zh', undefined, '0.0123吨'],
    [-2_500_000, '元', 'zh', undefined, '-250万元'],
    [1500, '千克', 'zh', '千克', '1,500千克'],
    [60400, '亩', 'zh', '万吨', '60,400亩'],
    [60400, '亩', 'en', '万亩', '60.4K 亩'],
    [114_000_000, '立方米', 'en', '亿立方米', '114M 立方米'],
    [2.5e9, '元', 'en', undefined, '2.5B 元'],
    [6718.3, 't', 'en', undefined, '6,718.3 t'],
    [65.73, '%', 'en', undefined, '65.73%'],
    [12, '', 'en', undefined, '12'],
  ] as const)('%d %s (%s, %s) → %s', (value, unit, locale, du, expected) => {
    expect(formatQuantity(value, unit, locale, du)).toBe(expected);
  });
});

describe('formatNumber, formatSigned, formatCompact', () => {
  it.each([
    [67183.024, '67,183.02'],
    [6, '6'],
    [0.5, '0.5'],
    [-0.001, '-0.001'],
    [0, '0'],
    [Infinity, 'Infinity'],
  ])('formatNumber(%d) → %s', (v, s) => expect(formatNumber(v)).toBe(s));

  it.each([
    [3.21, '+3.21'],
    [-1.5, '-1.5'],
    [0, '0'],
  ])('formatSigned(%d) → %s', (v, s) => expect(formatSigned(v)).toBe(s));

  it.each([
    [123456, 'zh', '12.35万'],
    [3e8, 'zh', '3亿'],
    [950, 'zh', '950'],
    [123456, 'en', '123.46K'],
    [4.2e6, 'en', '4.2M'],
    [7e9, 'en', '7B'],
  ] as const)('formatCompact(%d, %s) → %s', (v, locale, s) => expect(formatCompact(v, locale)).toBe(s));
});

describe('formatObservationValue', () => {
  const base: Observation = { region: 'A', indicator: 'x', period: '2024', value: 0, unit: '%' };
  it.each([
    [{ value: -30.1, kind: 'change', changeType: 'relative' }, '-30.1%'],
    [{ value: 59, unit: '天', kind: 'change', changeType: 'absolute' }, '+59天'],
    [{ value: -2.3, unit: '个百分点', kind: 'change', changeType: 'points' }, '-2.3个百分点'],
    [{ value: 2.5, unit: '倍', kind: 'change', changeType: 'multiple' }, '×2.5'],
    [{ value: 60400, unit: '亩', displayUnit: '万亩' }, '6.04万亩'],
  ] as const)('%j → %s', (extra, expected) => {
    expect(formatObservationValue({ ...base, ...extra }, 'zh')).toBe(expected);
  });

  it('does not mutate its input', () => {
    const o = { ...base, value: 5 };
    formatObservationValue(o, 'en');
    expect(o).toEqual({ ...base, value: 5 });
  });
});

describe('display units', () => {
  it.each([
    [{ baseUnit: '亩', displayUnit: '万亩' }, [], '万亩'],
    [{ baseUnit: '亩' }, [{ displayUnit: '万亩' }], '万亩'],
    [{ baseUnit: '亩', displayUnit: '万吨' }, [], '亩'],
    [{ baseUnit: '%' }, [], '%'],
  ])('%j → %s', (ind, obs, expected) => {
    expect(displayUnitOf({ name: 'x', polarity: 'higher', targets: [], ...ind }, obs as Observation[])).toBe(expected);
  });

  it.each([
    [60400, '亩', '万亩', 6.04],
    [60400, '亩', '亩', 60400],
    [60400, '亩', '万吨', 60400],
  ])('toDisplay(%d, %s, %s) → %d', (v, base, du, expected) => {
    expect(toDisplay(v, base, du)).toBeCloseTo(expected, 9);
  });

  it('arrows carry direction without colour', () => {
    expect([arrowOf('up'), arrowOf('down'), arrowOf('flat')]).toEqual(['▲', '▼', '■']);
  });
});

describe('formatChangeMagnitude: one rule for every change', () => {
  const rate = { baseUnit: '%' } as const;
  const cases: [string, Change, Pick<Indicator, 'baseUnit' | 'rateChange'>, 'zh' | 'en', string][] = [
    ['a rate rises by points, not percent (62.4% → 64.0%)', computeChange(64, 62.4), rate, 'zh', '1.6个百分点'],
    ['a rate falls by points (1.2% → -0.1%), not ▼108.33%', computeChange(-0.1, 1.2), rate, 'zh', '1.3个百分点'],
    ['a full-width percent sign is a rate too', computeChange(64, 62.4), { baseUnit: '％' }, 'zh', '1.6个百分点'],
    ['a per-mille rate changes by per-mille points', computeChange(5.5, 5), { baseUnit: '‰' }, 'zh', '0.5个千分点'],
    ['points in English', computeChange(64, 62.4), rate, 'en', '1.6 percentage points'],
    ['a rate in percent when the indicator asks', computeChange(64, 62.4), { baseUnit: '%', rateChange: 'relative' }, 'zh', '2.6%'],
    ['other units in percent, one decimal', computeChange(110, 100), { baseUnit: '亩' }, 'zh', '10.0%'],
    ['one decimal beside one decimal (0.662 → 0.7)', computeChange(100.662, 100), { baseUnit: '亩' }, 'zh', '0.7%'],
    ['a change too small for one decimal is <0.1', computeChange(100.01, 100), { baseUnit: '亩' }, 'zh', '<0.1%'],
    ['from zero: the difference in the unit', computeChange(60400, 0), { baseUnit: '亩' }, 'zh', '60,400亩'],
  ];
  it.each(cases)('%s', (_name, change, indicator, locale, expected) => {
    expect(formatChangeMagnitude(change, indicator, locale)).toBe(expected);
  });

  it('does not mutate its input', () => {
    const change = computeChange(64, 62.4);
    const copy = structuredClone(change);
    formatChangeMagnitude(change, rate, 'zh');
    expect(change).toEqual(copy);
  });
});

describe('a missed target says by how much', () => {
  const missed = (shortfall: number): TargetAssessment => ({
    target: { period: '2024', value: 70 },
    completion: 90,
    expected: 100,
    behind: 10,
    status: 'missed',
    met: false,
    shortfall,
  });
  it.each([
    ['a rate in points', 6.8, { baseUnit: '%' }, 'zh', undefined, '未完成 差6.8个百分点', '未完成，差6.8个百分点'],
    ['a quantity in its unit', 0.1, { baseUnit: '吨' }, 'zh', undefined, '未完成 差0.1吨', '未完成，差0.1吨'],
    ['in the display unit', 19600, { baseUnit: '亩' }, 'zh', '万亩', '未完成 差1.96万亩', '未完成，差1.96万亩'],
    ['in English', 6.8, { baseUnit: '%' }, 'en', undefined, 'Missed by 6.8 percentage points', 'target missed by 6.8 percentage points'],
  ] as const)('%s', (_name, shortfall, indicator, locale, du, word, sentence) => {
    expect(lightWord(missed(shortfall), indicator, locale, du)).toBe(word);
    expect(formatTargetStatus(missed(shortfall), indicator, locale, du)).toBe(sentence);
  });

  it('other lights keep their word', () => {
    const onPace: TargetAssessment = { ...missed(0), status: 'green', shortfall: undefined };
    expect(lightWord(onPace, { baseUnit: '%' }, 'zh')).toBe('正常');
    expect(formatShortfall(6.8, { baseUnit: '‰' }, 'zh')).toBe('6.8个千分点');
  });

  it('does not mutate its input', () => {
    const a = missed(6.8);
    const copy = structuredClone(a);
    lightWord(a, { baseUnit: '%' }, 'zh');
    formatTargetStatus(a, { baseUnit: '%' }, 'zh');
    expect(a).toEqual(copy);
  });
});

describe('one number format per indicator', () => {
  const ton = { name: '化肥施用量', baseUnit: '吨', polarity: 'lower', targets: [] } as Indicator;
  const obs = (value: number, extra: Partial<Observation> = {}): Observation => ({ region: 'A', indicator: '化肥施用量', period: '2024', value, unit: '吨', ...extra });

  it.each([
    ['the most decimals written (5.1 beside 4.95: two)', [obs(5.1), obs(4.95)], '吨', 2],
    ['whole numbers: none', [obs(986000), obs(12)], '吨', 0],
    ['in the display unit (60400亩 is 6.04万亩)', [{ ...obs(60400), unit: '亩', indicator: '面积' }], '万亩', 2],
    ['float noise is not a decimal', [obs(0.1 + 0.2)], '吨', 1],
    ['at most four', [obs(1.234567)], '吨', 4],
    ['in 万吨 (12345吨 is 1.2345万吨)', [obs(12345)], '万吨', 4],
    ['a display unit of another base is not applied (亩 values shown as 吨)', [{ ...obs(60400.5), unit: '亩', indicator: '面积' }], '吨', 1],
    ['changes and other indicators do not count', [obs(5.1), obs(1.2345, { kind: 'change' }), obs(9.87654, { indicator: '别的' })], '吨', 1],
  ] as const)('%s', (_name, values, du, expected) => {
    const indicator = du === '万亩' || values[0].unit === '亩' ? { ...ton, name: '面积', baseUnit: '亩' } : ton;
    expect(valueDecimals(indicator, values, du)).toBe(expected);
  });

  it('decimals as written, for values of one to five decimals and a few units in the last place off them', () => {
    const reference = (v: number) => {
      const text = String(Number(v.toPrecision(12)));
      return Math.min(text.includes('e') || !text.includes('.') ? 0 : text.length - text.indexOf('.') - 1, 4);
    };
    let seed = 5;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const nudge = (v: number, ulps: number) => {
      const f = new Float64Array([v]);
      const i = new BigInt64Array(f.buffer);
      i[0] += BigInt(ulps);
      return f[0];
    };
    for (let k = 0; k < 40000; k++) {
      const n = Math.round((next() - 0.3) * 10 ** (1 + Math.floor(next() * 12)));
      const v = nudge(n / 10 ** (1 + Math.floor(next() * 5)), Math.floor(next() * 9) - 4);
      expect(valueDecimals(ton, [obs(v)], '吨'), String(v)).toBe(reference(v));
    }
  });

  it('in a display unit: the most decimals of each value as toDisplay gives it', () => {
    const area = { ...ton, name: '面积', baseUnit: '亩' };
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const values = Array.from({ length: 2000 }, () => ({ ...obs(Math.round(next() * 1e7) / 100), unit: '亩', indicator: '面积' }));
    for (let i = 0; i < 2000; i += 200) {
      const some = values.slice(i, i + 3);
      // Each value in 万亩 (toDisplay, per value), its decimals as in its base unit.
      const reference = Math.max(...some.map((o) => valueDecimals(area, [{ ...o, value: toDisplay(o.value, '亩', '万亩') }], '亩')));
      expect(valueDecimals(area, some, '万亩')).toBe(reference);
    }
  });

  it('the indicator’s own setting wins', () => {
    expect(valueDecimals({ ...ton, decimals: 0 }, [obs(5.1), obs(4.95)], '吨')).toBe(0);
  });

  it.each([
    ['tiny values written with an exponent: none', 1.5e-7, 0],
    ['twelve digits just off two decimals: as written, at most four', 0.0700000000001, 4],
    ['two decimals with float noise (0.07 × 3): two', 0.07 * 3, 2],
    ['one decimal with float noise (0.1 × 3): one', 0.1 * 3, 1],
    ['near a whole number by float noise: none', 0.1 * 3 * 10, 0],
    ['one millionth: six, at most four', 0.000001, 4],
    ['past twelve digits: none', 1234567890123.4, 0],
    ['rounding up to a whole number', 2.9999999999999, 0],
    ['negative', -12.5, 1],
    ['zero', 0, 0],
    ['trailing zeros of the digits are not decimals', 40.1, 1],
  ] as const)('decimals as written: %s', (_name, value, expected) => {
    expect(valueDecimals(ton, [obs(value)], '吨')).toBe(expected);
    // The same as the number written back from twelve digits, capped at four.
    const text = String(Number(value.toPrecision(12)));
    const written = text.includes('e') || !text.includes('.') ? 0 : text.length - text.indexOf('.') - 1;
    expect(Math.min(written, 4)).toBe(expected);
  });

  it('decimals as written, over values of every size', () => {
    const reference = (v: number) => {
      const text = String(Number(v.toPrecision(12)));
      return Math.min(text.includes('e') || !text.includes('.') ? 0 : text.length - text.indexOf('.') - 1, 4);
    };
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 5000; i++) {
      const v = Math.round(next() * 1e6) / 10 ** Math.floor(next() * 9) * 10 ** Math.floor(next() * 8 - 4);
      expect(valueDecimals(ton, [obs(v)], '吨')).toBe(reference(v));
    }
  });

  it.each([
    [5.1, 2, '5.10'],
    [986000, 0, '986,000'],
    [12345.678, 1, '12,345.7'],
    [-0.001, 2, '0.00'],
    [-3.456, 1, '-3.5'],
  ])('formatNumber(%d, %d) is %s', (v, d, expected) => {
    expect(formatNumber(v, d)).toBe(expected);
  });

  it('values are written with the indicator’s decimals in its display unit; scaled to 万 they keep two at most', () => {
    expect(formatQuantity(5.1, '吨', 'zh', '吨', 2)).toBe('5.10吨');
    expect(formatQuantity(64, '%', 'zh', '%', 1)).toBe('64.0%');
    expect(formatQuantity(986000, '吨', 'zh', '吨', 0)).toBe('98.6万吨');
  });

  it('does not mutate its input', () => {
    const values = [obs(5.1), obs(4.95)];
    const copy = structuredClone(values);
    valueDecimals(ton, values, '吨');
    expect(values).toEqual(copy);
  });
});

describe('units: compared after normalizing, shown in one spelling', () => {
  const pm = { name: 'PM10', baseUnit: 'μg/m3', displayUnit: 'μg/m³', polarity: 'lower', targets: [] } as Indicator;
  const o: Observation = { region: 'A', indicator: 'PM10', period: '2024', value: 35, unit: 'μg/m3', displayUnit: 'μg/m3' };

  it.each([
    ['μg/m³', 'μg/m3', true],
    ['µg/m3', 'μg/m3', true],
    ['％', '%', true],
    ['万 亩', '万亩', true],
    ['吨', '万吨', false],
  ])('sameUnit(%j, %j) is %s', (a, b, expected) => {
    expect(sameUnit(a, b)).toBe(expected);
  });

  it('the indicator’s spelling labels every value, in both languages', () => {
    expect(displayUnitOf(pm, [o])).toBe('μg/m³');
    expect(formatObservationValue(o, 'zh', displayUnitOf(pm, [o]))).toBe('35μg/m³');
    expect(formatObservationValue(o, 'en', displayUnitOf(pm, [o]))).toBe('35 μg/m³');
    expect(toDisplay(35, 'μg/m3', 'μg/m³')).toBe(35);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(o);
    formatObservationValue(o, 'zh', 'μg/m³');
    expect(o).toEqual(copy);
  });
});
