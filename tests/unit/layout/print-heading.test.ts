import { describe, expect, it } from 'vitest';
import { printHeading, type PrintHeadingParts } from '../../../src/app/dashboard/print-heading';

const date = new Date(2026, 11, 7, 9, 30);
const base: PrintHeadingParts = { indicator: '秸秆还田率', unit: '%', periods: ['2019', '2020', '2024'], datasets: ['示例数据'], date };

describe('printHeading', () => {
  const cases: [string, Partial<PrintHeadingParts>, 'zh' | 'en', string][] = [
    ['the usual line', {}, 'zh', '秸秆还田率（单位：%）　时期：2019年—2024年　数据集：示例数据　打印日期：2026-12-07'],
    ['one period', { periods: ['2024'] }, 'zh', '时期：2024年　'],
    ['no unit', { unit: '' }, 'zh', '（单位：无）'],
    ['more than three datasets', { datasets: ['甲', '乙', '丙', '丁'] }, 'zh', '数据集：甲、乙、丙…'],
    ['a long name is cut', { indicator: 'N'.repeat(1000) }, 'zh', `${'N'.repeat(200)}…（单位`],
    ['English', {}, 'en', 'Periods: 2019—2024'],
  ];
  it.each(cases)('%s', (_name, parts, locale, expected) => {
    expect(printHeading({ ...base, ...parts }, locale)).toContain(expected);
  });

  it('does not mutate its input', () => {
    const parts = { ...base, periods: [...base.periods], datasets: [...base.datasets] };
    const copy = JSON.parse(JSON.stringify(parts));
    printHeading(parts, 'zh');
    expect(JSON.parse(JSON.stringify(parts))).toEqual(copy);
  });
});
