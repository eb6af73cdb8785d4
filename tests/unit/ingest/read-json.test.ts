import { describe, expect, it } from 'vitest';
import { readJson, readJsonTable } from '../../../src/ingest/read-json';

const rec = [{ 地区: '道里区', 年份: '2024', 数值: 6.04 }, { 地区: '南岗区', 年份: '2024', 数值: 3.3 }];
const grid = [['地区', '年份', '数值'], ['道里区', '2024', '6.04'], ['南岗区', '2024', '3.3']];

describe('readJsonTable: the records wherever the envelope puts them', () => {
  it.each([
    ['a bare array', rec, ''],
    ['{data: [...]}', { data: rec }, 'data'],
    ['{code, msg, data: {total, list}}', { code: 200, msg: 'success', data: { total: 2, pageNum: 1, list: rec } }, 'data.list'],
    ['{total, rows, code}', { total: 2, rows: rec, code: 200 }, 'rows'],
    ['{result: {records}}', { success: true, result: { records: rec } }, 'result.records'],
    ['three levels down', { code: 0, data: { page: { content: { items: rec } } } }, 'data.page.content.items'],
    ['inside an array of one envelope', { data: [{ name: '第一页', list: rec }, { name: '第二页', list: [] }] }, 'data[0].list'],
    ['an array of arrays with a header row', [['地区', '年份', '数值'], ['道里区', '2024', 6.04], ['南岗区', '2024', 3.3]], ''],
    ['{columns, rows} with column objects', { columns: [{ name: '地区' }, { title: '年份' }, { id: '数值' }], rows: [['道里区', '2024', 6.04], ['南岗区', '2024', 3.3]] }, ''],
    ['a payload encoded twice: data is a string of JSON', { code: 200, data: JSON.stringify({ total: 2, list: rec }) }, 'data.list'],
    ['{data: {fields, list}} as report systems write it', { data: { fields: ['地区', '年份', '数值'], list: [['道里区', '2024', 6.04], ['南岗区', '2024', 3.3]] } }, 'data'],
  ] as const)('%s', (_name, doc, path) => {
    const r = readJsonTable(JSON.stringify(doc));
    expect(r?.path).toBe(path);
    expect(r?.grid).toEqual(grid);
  });

  it('uses the largest table, lists every table found, and reads another when asked', () => {
    const doc = { data: { dict: [{ code: 'A', name: '甲' }], list: rec, columnsMeta: [] } };
    const r = readJsonTable(JSON.stringify(doc));
    expect(r?.path).toBe('data.list');
    expect(r?.tables).toEqual([
      { path: 'data.dict', rows: 1, kind: 'records' },
      { path: 'data.list', rows: 2, kind: 'records' },
      { path: 'data.columnsMeta', rows: 0, kind: 'records' },
    ]);
    expect(readJsonTable(JSON.stringify(doc), 'data.dict')?.grid).toEqual([['code', 'name'], ['A', '甲']]);
    expect(readJsonTable(JSON.stringify(doc), 'data.nothing')).toMatchObject({ path: 'data.list', missingPath: 'data.nothing' });
  });

  it('an object keyed by code: the keys become a first column with no header', () => {
    const doc = { code: 200, data: { 230102: { 地区: '道里区', 数值: 6.04 }, 230103: { 地区: '南岗区', 数值: 3.3 } } };
    const r = readJsonTable(JSON.stringify(doc));
    expect(r?.path).toBe('data');
    expect(r?.tables).toEqual([{ path: 'data', rows: 2, kind: 'keyed' }]);
    expect(r?.grid).toEqual([['', '地区', '数值'], ['230102', '道里区', '6.04'], ['230103', '南岗区', '3.3']]);
  });

  it('an envelope of mixed values or one object is no keyed table', () => {
    expect(readJsonTable(JSON.stringify({ code: 200, msg: 'ok', data: { x: 1 } }))).toBeNull();
    expect(readJsonTable(JSON.stringify({ data: { list: rec }, page: { size: 20, num: 1 } }))?.path).toBe('data.list');
  });

  it('of equal tables, the shallowest (breadth-first)', () => {
    expect(readJsonTable(JSON.stringify({ a: { b: rec }, c: rec }))?.path).toBe('c');
  });

  it('an empty list is read as an empty table, not as no JSON table', () => {
    expect(readJsonTable(JSON.stringify({ code: 200, data: { total: 0, list: [] } }))).toMatchObject({ path: 'data.list', grid: [[]] });
  });

  it.each([
    ['not JSON', '{"a":'],
    ['no array at all', '{"code":500,"msg":"无权限"}'],
    ['an array of numbers', '[1,2,3]'],
    ['objects sharing no key', '[{"a":1},{"b":2},{"c":3}]'],
  ])('%s → null', (_name, text) => {
    expect(readJsonTable(text)).toBeNull();
  });

  it('numbers as JSON wrote them; codes that may have lost a leading zero are reported, never padded', () => {
    const doc = { data: { list: [
      { 区划代码: 130900, 地区: '沧州市', 数值: 1.14, 年份: 2021, big: 230102001001 },
      { 区划代码: 10101, 地区: '示例区', 数值: 1e21, 年份: 2021, big: 1 },
      { 区划代码: '010101', 地区: '示例区', 数值: 0.1, 年份: 2021, big: 2 },
    ] } };
    const r = readJsonTable(JSON.stringify(doc));
    expect(r?.grid.slice(1).map((row) => row[0])).toEqual(['130900', '10101', '010101']);
    expect(r?.grid[1]).toEqual(['130900', '沧州市', '1.14', '2021', '230102001001']);
    expect(r?.numberCodes).toEqual([{ column: '区划代码', n: 1, example: '10101', row: 3 }]);
  });

  it.each([
    ['5 digits among 6-digit codes', [130900, 10101], [{ column: 'code', n: 1, example: '10101', row: 3 }]],
    ['every code 5 digits', [10101, 10102], [{ column: 'code', n: 2, example: '10101', row: 2 }]],
    ['11 digits (a 12-digit statistics code)', [23010200100], [{ column: 'code', n: 1, example: '23010200100', row: 2 }]],
    ['6-digit codes only', [130900, 230102], []],
    ['codes as strings only', ['010101'], []],
  ] as const)('code column: %s', (_name, codes, expected) => {
    const r = readJsonTable(JSON.stringify(codes.map((code) => ({ code, v: 1 }))));
    expect(r?.numberCodes).toEqual(expected);
  });

  it('a __proto__ key is read as a column, and pollutes nothing', () => {
    const r = readJsonTable('{"data":{"list":[{"地区":"道里区","__proto__":{"polluted":"yes"}}]}}');
    expect(r?.grid[0]).toEqual(['地区', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('readJson (the old entry point) answers the grid', () => {
    expect(readJson(JSON.stringify({ code: 200, data: { list: rec } }))).toEqual(grid);
    expect(readJson('{"x":1}')).toBeNull();
  });

  it('input is not mutated', () => {
    const text = JSON.stringify({ data: { list: rec } });
    const before = text.slice();
    readJsonTable(text, 'data.list');
    expect(text).toBe(before);
    expect(rec[0]).toEqual({ 地区: '道里区', 年份: '2024', 数值: 6.04 });
  });
});
