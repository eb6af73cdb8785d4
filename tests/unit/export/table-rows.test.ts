import { describe, expect, it } from 'vitest';
import { buildTableRows } from '../../../src/export/table-rows';
import type { Observation } from '../../../src/domain/types';

const base: Observation = { region: '哈尔滨市道里区', indicator: '保护性耕作面积', period: '2024', value: 60400, unit: '亩', displayUnit: '万亩' };

describe('buildTableRows', () => {
  it('writes the header in Chinese', () => {
    expect(buildTableRows([], { locale: 'zh' })).toEqual([['地区', '区划代码', '指标', '时期', '数值', '单位', '说明', '来源']]);
  });

  it('writes the header in English', () => {
    expect(buildTableRows([], { locale: 'en' })[0]).toEqual(['Region', 'Division code', 'Indicator', 'Period', 'Value', 'Unit', 'Note', 'Source']);
  });

  const cases: { name: string; o: Observation; displayUnit?: string; row: unknown[] }[] = [
    { name: 'converts to the observation’s display unit without binary noise', o: base, row: ['哈尔滨市道里区', null, '保护性耕作面积', '2024', 6.04, '万亩', null, null] },
    { name: 'converts to an overriding display unit', o: { ...base, value: 114_000_000, unit: '立方米', displayUnit: undefined }, displayUnit: '亿立方米', row: ['哈尔滨市道里区', null, '保护性耕作面积', '2024', 1.14, '亿立方米', null, null] },
    { name: 'keeps the base unit when the display unit has another base', o: { ...base, displayUnit: '万公顷' }, row: ['哈尔滨市道里区', null, '保护性耕作面积', '2024', 60400, '亩', null, null] },
    { name: 'keeps whole units such as 千克', o: { ...base, value: 5, unit: '千克', displayUnit: '千克' }, row: ['哈尔滨市道里区', null, '保护性耕作面积', '2024', 5, '千克', null, null] },
    { name: 'keeps negative values as numbers', o: { ...base, value: -30.1, unit: '%', displayUnit: '%', kind: 'change' }, row: ['哈尔滨市道里区', null, '保护性耕作面积', '2024', -30.1, '%', null, null] },
    { name: 'writes an empty unit as an empty cell', o: { ...base, value: 3, unit: '', displayUnit: undefined }, row: ['哈尔滨市道里区', null, '保护性耕作面积', '2024', 3, null, null, null] },
    {
      name: 'writes code as text, the period as written, notes and source',
      o: { ...base, regionCode: '010101', periodLabel: '2023—2024年度', period: '2023/2024', approximate: true, isTotal: true, sourceText: '《公报》第3段' },
      row: ['哈尔滨市道里区', '010101', '保护性耕作面积', '2023—2024年度', 6.04, '万亩', '约数；合计', '《公报》第3段'],
    },
  ];
  it.each(cases)('$name', ({ o, displayUnit, row }) => {
    expect(buildTableRows([o], { locale: 'zh', displayUnit })[1]).toEqual(row);
  });

  it('writes notes in English', () => {
    expect(buildTableRows([{ ...base, approximate: true, isTotal: true }], { locale: 'en' })[1][6]).toBe('approximate; total');
  });

  it('keeps the order of the observations', () => {
    const rows = buildTableRows([{ ...base, region: 'b' }, { ...base, region: 'a' }], { locale: 'zh' });
    expect(rows.slice(1).map((r) => r[0])).toEqual(['b', 'a']);
  });

  it('does not mutate its input', () => {
    const input = [{ ...base }, { ...base, region: '南岗区', value: 1 }];
    const copy = structuredClone(input);
    buildTableRows(input, { locale: 'zh', displayUnit: '万亩' });
    expect(input).toEqual(copy);
  });
});
