import { describe, expect, it } from 'vitest';
import {
  changeStyleOf,
  changeValue,
  formatChangeText,
  formatDigits,
  formatLevel,
  isPlainFormat,
  scalingFor,
  type NumberFormat,
} from '../../../src/charts/number-format';
import { computeChange } from '../../../src/analysis/change';

describe('formatDigits', () => {
  const cases: [string, number, NumberFormat, number | undefined, string][] = [
    ['zero', 0, {}, undefined, '0'],
    ['zero with decimals', 0, { decimals: 2 }, undefined, '0.00'],
    ['negative', -1234.567, {}, undefined, '-1,234.57'],
    ['negative rounding to zero has no sign', -0.004, { decimals: 2 }, undefined, '0.00'],
    ['NaN', Number.NaN, {}, undefined, '—'],
    ['infinity', Number.POSITIVE_INFINITY, { decimals: 1 }, undefined, '—'],
    ['huge', 1.234e15, {}, undefined, '1,234,000,000,000,000'],
    ['huge without separators', 1.234e15, { thousands: false }, undefined, '1234000000000000'],
    ['tiny: three significant digits', 0.000123456, {}, undefined, '0.000123'],
    ['tiny with fixed decimals', 0.000123456, { decimals: 4 }, undefined, '0.0001'],
    ['one decimal', 67183.024, { decimals: 1 }, undefined, '67,183.0'],
    ['no separators', 67183.024, { thousands: false }, undefined, '67183.02'],
    ['caller decimals when the format has none', 5.1, {}, 2, '5.10'],
    ['format decimals over the caller', 5.1, { decimals: 0 }, 2, '5'],
    ['decimals out of range read as absent', 5.123, { decimals: 9 }, undefined, '5.12'],
    ['decimals not whole read as absent', 5.123, { decimals: 1.5 }, undefined, '5.12'],
  ];
  it.each(cases)('%s', (_, v, format, fallback, expected) => {
    expect(formatDigits(v, format, fallback)).toBe(expected);
  });
});

describe('scalingFor and formatLevel (万/亿)', () => {
  const cases: [string, number, string, string, NumberFormat, 'zh' | 'en', string][] = [
    ['auto below 10万 stays whole', 99_999, '吨', '吨', {}, 'zh', '99,999吨'],
    ['auto at 10万 is 万', 100_000, '吨', '吨', {}, 'zh', '10万吨'],
    ['auto just below 1亿 is 万', 99_999_999, '吨', '吨', {}, 'zh', '10,000万吨'],
    ['auto at 1亿 is 亿', 100_000_000, '吨', '吨', {}, 'zh', '1亿吨'],
    ['auto keeps a display unit with a multiplier', 60_400, '亩', '万亩', {}, 'zh', '6.04万亩'],
    ['none writes the whole number in the base unit', 60_400, '亩', '万亩', { scale: 'none' }, 'zh', '60,400亩'],
    ['万 always', 60_400, '亩', '亩', { scale: '万', decimals: 1 }, 'zh', '6.0万亩'],
    ['亿 always', 114_000_000, '立方米', '立方米', { scale: '亿', decimals: 2 }, 'zh', '1.14亿立方米'],
    ['万 on a count without unit', 123_456, '', '', { scale: '万' }, 'zh', '12.35万'],
    ['a rate is never scaled', 123_456, '%', '%', { scale: '万' }, 'zh', '123,456%'],
    ['negative values scale by their size', -250_000, '元', '元', {}, 'zh', '-25万元'],
    ['English auto uses M', 2_500_000, 'tons', 'tons', {}, 'en', '2.5M tons'],
    ['English 万 chosen is 万', 60_400, 'mu', 'mu', { scale: '万' }, 'en', '6.04 万mu'],
    ['zero', 0, '吨', '吨', { scale: '万' }, 'zh', '0万吨'],
    ['NaN', Number.NaN, '吨', '吨', {}, 'zh', '—'],
  ];
  it.each(cases)('%s', (_, v, base, display, format, locale, expected) => {
    expect(formatLevel(v, base, locale, format, display)).toBe(expected);
  });

  it('chooses one scaling for a whole chart from its largest value', () => {
    expect(scalingFor(1.2e9, '立方米', '立方米', {}, 'zh')).toEqual({ divisor: 1e8, suffix: '', unit: '亿立方米' });
    expect(scalingFor(Number.NaN, '吨', '吨', {}, 'zh')).toEqual({ divisor: 1, suffix: '', unit: '吨' });
  });

  it('does not change the format it is given', () => {
    const format: NumberFormat = { decimals: 1, scale: '万', thousands: false, change: 'points' };
    const copy = JSON.parse(JSON.stringify(format));
    formatLevel(123456, '吨', 'zh', format);
    formatChangeText(1.5, 'points', '%', 'zh', format);
    expect(format).toEqual(copy);
  });
});

describe('changes: percent or 百分点', () => {
  const rate = { baseUnit: '%' };
  const cases: [string, { baseUnit: string; rateChange?: 'points' | 'relative' }, NumberFormat, 'percent' | 'points'][] = [
    ['a rate in points by default', rate, {}, 'points'],
    ['a rate in percent when the indicator says so', { baseUnit: '%', rateChange: 'relative' }, {}, 'percent'],
    ['the chart over the indicator', { baseUnit: '%', rateChange: 'relative' }, { change: 'points' }, 'points'],
    ['the chart asks for percent', rate, { change: 'percent' }, 'percent'],
    ['a permille rate', { baseUnit: '‰' }, {}, 'points'],
    ['anything else in percent, whatever the chart says', { baseUnit: '吨' }, { change: 'points' }, 'percent'],
  ];
  it.each(cases)('%s', (_, indicator, format, expected) => {
    expect(changeStyleOf(indicator, format)).toBe(expected);
  });

  const texts: [string, number | undefined, 'percent' | 'points', string, 'zh' | 'en', string][] = [
    ['percent rise', 12.46, 'percent', '吨', 'zh', '+12.5%'],
    ['percent fall', -30.1, 'percent', '吨', 'zh', '-30.1%'],
    ['points', 1.6, 'points', '%', 'zh', '+1.6个百分点'],
    ['permille points', -0.4, 'points', '‰', 'zh', '-0.4个千分点'],
    ['English points', 1.6, 'points', '%', 'en', '+1.6 pp'],
    ['zero has no sign', 0, 'percent', '吨', 'zh', '0.0%'],
    ['a rise that rounds to zero has no sign', 0.01, 'percent', '吨', 'zh', '0.0%'],
    ['a percent of zero cannot be told', undefined, 'percent', '吨', 'zh', '—'],
    ['NaN', Number.NaN, 'points', '%', 'zh', '—'],
    ['huge', 123456.7, 'percent', '吨', 'zh', '+123,456.7%'],
  ];
  it.each(texts)('%s', (_, v, style, unit, locale, expected) => {
    expect(formatChangeText(v, style, unit, locale)).toBe(expected);
  });

  it('draws a rate change as points or percent', () => {
    const c = computeChange(64, 62.4);
    expect(changeValue(c, 'points')).toBeCloseTo(1.6);
    expect(changeValue(c, 'percent')).toBeCloseTo(2.564, 3);
    expect(changeValue(computeChange(5, 0), 'percent')).toBeUndefined();
  });
});

describe('isPlainFormat', () => {
  const cases: [string, NumberFormat | undefined, boolean][] = [
    ['absent', undefined, true],
    ['empty', {}, true],
    ['auto and separators are the defaults', { scale: 'auto', thousands: true }, true],
    ['decimals chosen', { decimals: 0 }, false],
    ['万 chosen', { scale: '万' }, false],
    ['no separators', { thousands: false }, false],
    ['points chosen', { change: 'points' }, false],
  ];
  it.each(cases)('%s', (_, format, expected) => {
    expect(isPlainFormat(format)).toBe(expected);
  });
});
