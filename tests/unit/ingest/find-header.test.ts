import { describe, expect, it } from 'vitest';
import { findHeader, flattenHeader, noteText } from '../../../src/ingest/find-header';

describe('findHeader', () => {
  it('skips a title row and a 单位 line, and reads the unit', () => {
    const rows = [
      ['哈尔滨市道里区主要指标（2021—2024年）', '', ''],
      ['单位：万亩', '', ''],
      ['地区', '2023年', '2024年'],
      ['道里区', '5.9', '6.04'],
    ];
    expect(findHeader(rows)).toEqual({
      headerRow: 2,
      headerRows: 1,
      title: ['哈尔滨市道里区主要指标（2021—2024年）'],
      titleRow: 1,
      unit: '万亩',
      notes: ['单位：万亩'],
    });
  });

  it('skips a merged title repeated across the row (as XLSX merges are filled)', () => {
    const rows = [['标题', '标题', '标题'], ['', '', ''], ['地区', '时间', '面积'], ['道里区', '2024', '6.04']];
    expect(findHeader(rows).headerRow).toBe(2);
  });

  it.each([
    ['two rows, CSV blanks', [['地区', '秸秆还田', '', '保护性耕作'], ['', '面积（万亩）', '量（吨）', '面积（万亩）'], ['道里区', '4.2', '67183.02', '6.04']], 2],
    ['two rows, XLSX filled merges', [['地区', '秸秆还田', '秸秆还田'], ['地区', '面积', '量'], ['道里区', '4.2', '67183.02']], 2],
    ['years in the second row', [['地区', '面积（万亩）', ''], ['', '2023年', '2024年'], ['道里区', '5.9', '6.04']], 2],
    ['three rows', [['地区', '黑土地', '', ''], ['', '秸秆还田', '', '保护性耕作'], ['', '面积', '量', '面积'], ['道里区', '1', '2', '3']], 3],
    ['a long table whose first row is all text is not a second header', [['地区', '指标', '年份', '数值'], ['道里区', '面积', '2024', '—']], 1],
    // Counts that look like years (issue 21): 道里区 under the merged 地区 starts the body.
    ['a body row of year-like counts is not a third header row', [['地区', '巡河情况', '', '年份'], ['', '巡河次数', '巡河人数（人）', ''], ['道里区', '1520', '', '2022'], ['南岗区', '1046', '1203', '2022']], 2],
    ['…nor in XLSX, where the merge repeats', [['地区', '巡河情况', '巡河情况', '年份'], ['地区', '巡河次数', '巡河人数（人）', '年份'], ['道里区', '1520', '', '2016'], ['南岗区', '1046', '1203', '2016']], 2],
    ['three rows with years at the bottom', [['地区', '秸秆还田', '', ''], ['', '面积（万亩）', '', ''], ['', '2022', '2023', '2024'], ['道里区', '1', '2', '3']], 3],
  ])('counts header rows: %s', (_name, rows, count) => {
    expect(findHeader(rows).headerRows).toBe(count);
  });

  it('finds a header merged across columns over two rows, below a labelled metadata row', () => {
    const rows = [
      ['填报单位：道里区', '', '', '', '填报日期：2024年9月', '', ''],
      ['地区', '2023年', '', '', '2024年', '', ''],
      ['', '面积', '产量', '单价', '面积', '产量', '单价'],
      ['道里区', '1', '2', '3', '4', '5', '6'],
    ];
    expect(findHeader(rows)).toEqual({ headerRow: 1, headerRows: 2, title: [], titleRow: 0, unit: undefined, notes: ['填报单位：道里区', '填报日期：2024年9月'] });
  });

  it('follows headerRow and headerRows when given', () => {
    const rows = [['x', 'y'], ['a', 'b'], ['1', '2']];
    expect(findHeader(rows, 2, 1)).toMatchObject({ headerRow: 1, headerRows: 1 });
  });

  it('input is not mutated', () => {
    const rows = [['标题', ''], ['地区', '2024年'], ['道里区', '6.04']];
    const copy = structuredClone(rows);
    findHeader(rows);
    flattenHeader(rows.slice(0, 2), 2);
    expect(rows).toEqual(copy);
  });
});

describe('flattenHeader', () => {
  it.each([
    ['merged across (CSV blanks)', [['地区', '秸秆还田', '', '保护性耕作'], ['', '面积（万亩）', '量（吨）', '面积（万亩）']], 4, ['地区', '秸秆还田/面积（万亩）', '秸秆还田/量（吨）', '保护性耕作/面积（万亩）']],
    ['merged down and across (XLSX)', [['地区', '秸秆还田', '秸秆还田'], ['地区', '面积', '量']], 3, ['地区', '秸秆还田/面积', '秸秆还田/量']],
    ['line breaks inside a header cell', [['地区', '保护性耕作\n面积（万亩）']], 2, ['地区', '保护性耕作面积（万亩）']],
    ['blank and repeated headers', [['地区', '', '值', '值']], 4, ['地区', '列2', '值', '值 (2)']],
  ])('%s', (_name, rows, width, expected) => {
    expect(flattenHeader(rows, width)).toEqual(expected);
  });
});

describe('noteText', () => {
  it.each([
    [['注：2024年为快报数', '', ''], '注：2024年为快报数'],
    [['数据来源：统计局'], '数据来源：统计局'],
    [['填表人：张三', '', '联系电话：123'], '填表人：张三 联系电话：123'],
    [['注1. 口径调整'], '注1. 口径调整'],
    [['道里区', '6.04'], undefined],
    [['注册企业数', '12', '13', '14'], undefined],
  ])('%j', (row, expected) => {
    expect(noteText(row)).toBe(expected);
  });
});
