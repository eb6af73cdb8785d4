import { describe, expect, it } from 'vitest';
import { holdsTable, pickSheet } from '../../../src/ingest/holds-table';
import type { Grid } from '../../../src/ingest/types';

describe('holdsTable', () => {
  it.each([
    ['an instructions sheet: numbered lines in one column', [['填报说明'], ['1、本表由各区县填报。'], ['2、面积单位为万亩。']], false],
    ['a cover: a merged title, labelled cells', [['统计报表', '统计报表', '统计报表'], ['', '', ''], ['填报单位：道里区', '', '填报日期：2024年9月']], false],
    ['a contents sheet: its 页码 and 序号 columns are no values', [['目录', '', ''], ['序号', '表名', '页码'], ['1', '主要指标', '4'], ['2', '分区县', '5']], false],
    ['numbered lines over two columns (no header of labels)', [['1', '本表由各区县填报'], ['2', '数据截至8月']], false],
    ['a glossary: text only', [['指标名称', '计量单位', '解释'], ['保护性耕作面积', '万亩', '免耕播种面积']], false],
    ['notes only', [['注：示例', ''], ['数据来源：统计局', '']], false],
    ['a long table', [['地区', '年份', '数值'], ['道里区', '2024', '6.04']], true],
    ['a wide table with years as bare numbers in the header', [['地区', '2023', '2024'], ['道里区', '5.9', '6.04']], true],
    ['a table under a title and a 单位 line', [['主要指标', '主要指标'], ['单位：万亩', ''], ['地区', '面积'], ['道里区', '6.04']], true],
    ['a table whose body holds periods only', [['地区', '时间'], ['道里区', '2024年3月']], true],
    ['a header with no body', [['地区', '面积（万亩）']], false],
    ['empty', [], false],
  ] as [string, Grid, boolean][])('%s', (_name, rows, expected) => {
    expect(holdsTable(rows)).toBe(expected);
  });

  it('input is not mutated', () => {
    const rows = [['地区', '面积'], [' 道里区 ', '6.04']];
    holdsTable(rows);
    expect(rows).toEqual([['地区', '面积'], [' 道里区 ', '6.04']]);
  });
});

describe('pickSheet', () => {
  const cover: Grid = [['填报说明'], ['1、本表由各区县填报。']];
  const table: Grid = [['地区', '面积'], ['道里区', '6.04']];
  const headerOnly: Grid = [['地区', '面积']];
  const read = (grids: Grid[]) => {
    const asked: number[] = [];
    return { asked, gridOf: (i: number) => (asked.push(i), Promise.resolve(grids[i])) };
  };

  it.each([
    ['the first sheet holding a table, with those passed over', ['填报说明', '封面', '数据'], undefined, [cover, cover, table], { index: 2, choice: { reason: 'table', skipped: ['填报说明', '封面'] } }],
    ['the sheet asked for, even without a table', ['封面', '数据'], '封面', [cover, table], { index: 0, choice: { reason: 'asked', skipped: [] } }],
    ['a sheet asked for that does not exist: the default, said', ['封面', '数据'], '表9', [cover, table], { index: 1, missingSheet: '表9', choice: { reason: 'table', skipped: ['封面'] } }],
    ['no sheet holds a table: the first with cells', ['空', '表头', '说明'], undefined, [[], headerOnly, cover], { index: 1, choice: { reason: 'first', skipped: [] } }],
    ['no sheet has cells: the first', ['甲', '乙'], undefined, [[], []], { index: 0, choice: { reason: 'first', skipped: [] } }],
  ] as const)('%s', async (_name, names, asked, grids, expected) => {
    const r = await pickSheet(names, asked, read(grids as unknown as Grid[]).gridOf);
    expect(r).toMatchObject(expected);
  });

  it('reads sheets only as far as the first table', async () => {
    const { asked, gridOf } = read([cover, table, table]);
    await pickSheet(['a', 'b', 'c'], undefined, gridOf);
    expect(asked).toEqual([0, 1]);
  });

  it('abandons the pick when a sheet cannot be read', async () => {
    expect(await pickSheet(['a', 'b'], undefined, (i) => Promise.resolve(i === 0 ? cover : undefined))).toBeUndefined();
  });

  it('input is not mutated', async () => {
    const names = ['封面', '数据'];
    const grids = [cover.map((r) => [...r]), table.map((r) => [...r])];
    await pickSheet(names, undefined, (i) => Promise.resolve(grids[i]));
    expect(names).toEqual(['封面', '数据']);
    expect(grids).toEqual([cover, table]);
  });
});

describe('pickSheet: covers by name and by content', () => {
  const contents: Grid = [['序号', '表名', '报送时间'], ['1', '主要指标', '2024年9月']];
  const table: Grid = [['地区', '面积'], ['道里区', '6.04']];
  const contact: Grid = [['联系人', '联系电话'], ['张三', '13800000000'], ['李四', '0451-86661234']];
  it.each([
    ['a contents sheet with dates gives way to a later table', ['目录', '数据'], [contents, table], { index: 1, choice: { reason: 'table', skipped: ['目录'] } }],
    ['…and is read when no other sheet holds one', ['目录', '空'], [contents, []], { index: 0, choice: { reason: 'table', skipped: [] } }],
    ['a sheet of contacts (phone numbers) holds no table', ['联系方式', '数据'], [contact, table], { index: 1, choice: { reason: 'table', skipped: ['联系方式'] } }],
    ['a data sheet named like a cover is still read first when it is the only table', ['说明', '封面'], [table, []], { index: 0 }],
  ] as const)('%s', async (_name, names, grids, expected) => {
    expect(await pickSheet(names, undefined, (i) => Promise.resolve((grids as unknown as Grid[])[i]))).toMatchObject(expected);
  });
});

describe('pickSheet: hidden sheets', () => {
  const codes: Grid = [['区划代码', '名称'], ['230102', '道里区']];
  const table: Grid = [['地区', '面积'], ['道里区', '6.04']];
  it.each([
    ['a hidden code list gives way to the visible data sheet', [true, false], [codes, table], { index: 1, choice: { reason: 'table', skipped: ['代码表'] } }],
    ['a hidden sheet is read when no visible sheet holds a table', [true, false], [codes, []], { index: 0, choice: { reason: 'table' } }],
    ['visible sheets in order', [false, false], [codes, table], { index: 0 }],
  ] as const)('%s', async (_name, hidden, grids, expected) => {
    const read = (i: number) => Promise.resolve((grids as unknown as Grid[])[i]);
    expect(await pickSheet(['代码表', '数据'], undefined, read, hidden)).toMatchObject(expected);
  });
});
