import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/ingest';
import type { Observation } from '../../../src/domain/types';

const dir = join(__dirname, '../../fixtures');
const load = (name: string) => ingest({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
/** region, indicator, period, value, unit: enough to tell every record apart. */
const brief = (rs: Observation[]) => rs.map((r) => [r.region, r.indicator, r.period, r.value, r.unit]);
const codes = (r: { issues: { row: number; code: string; severity: string }[] }) => r.issues.map((i) => [i.row, i.code, i.severity]);

describe('fixture corpus', () => {
  it('gbk-wide-title-notes.csv: GBK, title, 单位 line, 序号, merged region, total row, notes', async () => {
    const r = await load('gbk-wide-title-notes.csv');
    expect(r).toMatchObject({ encoding: 'gb18030', format: 'csv', layout: 'wide', headerRow: 3, headerRows: 1 });
    expect(r.title).toBe('哈尔滨市道里区黑土地保护主要指标（2021—2024年）');
    expect(r.notes).toEqual([
      '单位：万亩',
      '注：2024年保护性耕作面积超出市下达任务。',
      '数据来源：哈尔滨市道里区黑土地保护巡视整改进展情况',
      '填表人：区农业农村局',
    ]);
    expect(r.mapping['序号']).toBe('ignore');
    expect(brief(r.records)).toEqual([
      ['道里区', '保护性耕作面积', '2021', 48000, '亩'],
      ['道里区', '保护性耕作面积', '2022', 53000, '亩'],
      ['道里区', '保护性耕作面积', '2023', 59000, '亩'],
      ['道里区', '保护性耕作面积', '2024', 60400, '亩'],
      ['道里区', '秸秆还田面积', '2022', 31000, '亩'],
      ['道里区', '秸秆还田面积', '2023', 36000, '亩'],
      ['道里区', '秸秆还田面积', '2024', 42000, '亩'],
      ['全区合计', '保护性耕作面积', '2021', 48000, '亩'],
      ['全区合计', '保护性耕作面积', '2022', 53000, '亩'],
      ['全区合计', '保护性耕作面积', '2023', 59000, '亩'],
      ['全区合计', '保护性耕作面积', '2024', 60400, '亩'],
    ]);
    expect(r.records[3]).toEqual({
      region: '道里区', indicator: '保护性耕作面积', period: '2024', value: 60400, unit: '亩', periodLabel: '2024年',
      grain: 'year', displayUnit: '万亩', kind: 'level', approximate: false, isTotal: false, source: { row: 4, column: '2024年' },
    });
    expect(r.records.filter((o) => o.isTotal).map((o) => o.region)).toEqual(['全区合计', '全区合计', '全区合计', '全区合计']);
    // The — in 2021 is no data: no record and no issue.
    expect(r.issues).toEqual([]);
  });

  it('utf8-bom-long-codes.csv: codes stay text, unit column, target, changes, source text', async () => {
    const r = await load('utf8-bom-long-codes.csv');
    expect(r).toMatchObject({ encoding: 'utf-8', layout: 'long' });
    expect(r.records.map((o) => o.regionCode)).toEqual(['130900', '130900', '130900', '150300', '150300', '230102', '150571', '010101']);
    expect(brief(r.records)).toEqual([
      ['沧州市', '压采量', '2021', 114000000, '立方米'],
      ['沧州市', '用水总量', '2021', 1416000000, '立方米'],
      ['沧州市', '盘活批而未供土地', '2021', 8201, '亩'],
      ['乌海市', '优良天数', '2023', 59, '天'],
      ['乌海市', 'PM10平均浓度', '2023', -30.1, '%'],
      ['哈尔滨市道里区', '秸秆还田率', '2023/2024', 65.73, '%'],
      ['通辽经济技术开发区', '巡林次数', '2025', 150, '次'],
      ['示例区', '测试指标', '2024', 1, '个'],
    ]);
    expect(r.records[0]).toMatchObject({ target: 92000000, displayUnit: '亿立方米', sourceText: '2021年全市完成压采量1.14亿立方米' });
    expect(r.records[3]).toMatchObject({ kind: 'change', changeType: 'absolute' });
    expect(r.records[4]).toMatchObject({ kind: 'change', changeType: 'relative' });
    expect(r.records[5]).toMatchObject({ grain: 'season', periodLabel: '2023—2024年度' });
    expect(r.records[6].approximate).toBe(true);
    expect(r.issues).toEqual([]);
  });

  it('utf16le-tab.txt: UTF-16LE, tabs, indicators as columns, 2.1万 with the header unit 名', async () => {
    const r = await load('utf16le-tab.txt');
    expect(r).toMatchObject({ encoding: 'utf-16le', layout: 'wide' });
    expect(brief(r.records)).toEqual([
      ['黑龙江省', '河湖长', '2022', 21000, '名'],
      ['黑龙江省', '水库', '2022', 825, '座'],
      ['黑龙江省', '小微水体', '2022', 43000, '个'],
      ['黑龙江省', '执法检查', '2022', 15000, '次'],
      ['黑龙江省', '立案查处案件', '2022', 363, '件'],
    ]);
    expect(r.records[0].displayUnit).toBe('万名');
    expect(r.issues).toEqual([]);
  });

  it('xlsx-merged-title.xlsx: merged title, header on row 3, numeric/text years, date and percent cells, two sheets', async () => {
    const r = await load('xlsx-merged-title.xlsx');
    expect(r).toMatchObject({ format: 'xlsx', sheets: ['主要指标', '说明'], sheet: '主要指标', headerRow: 3, title: '道里区黑土地保护利用情况' });
    expect(r.records.map((o) => [o.indicator, o.period, o.periodLabel, o.grain, o.value, o.unit])).toEqual([
      ['保护性耕作面积', '2022', '2022', 'year', 53000, '亩'],
      ['秸秆还田率', '2022', '2022', 'year', 61, '%'],
      ['保护性耕作面积', '2023', '2023年', 'year', 59000, '亩'],
      ['秸秆还田率', '2023', '2023年', 'year', 65.73, '%'],
      ['保护性耕作面积', '2024-08', '2024年8月', 'month', 60400, '亩'],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('xlsx-merged-title.xlsx: the second sheet can be chosen', async () => {
    const r = await ingest({ name: 'x.xlsx', bytes: new Uint8Array(readFileSync(join(dir, 'xlsx-merged-title.xlsx'))) }, { sheet: '说明' });
    expect(r.sheet).toBe('说明');
    expect(r.preview.rows[0]).toEqual(['说明']);
  });

  it('xlsx-excel-shared-strings.xlsx: Excel-style shared strings, rich text, zh-CN month format, styled blanks, merged title', async () => {
    const r = await load('xlsx-excel-shared-strings.xlsx');
    expect(r).toMatchObject({ format: 'xlsx', sheets: ['压采'], sheet: '压采', headerRow: 3, title: '沧州市地下水压采情况' });
    // The styled blanks in column E hold nothing: the sheet is four columns wide.
    expect(r.preview.rows[2]).toEqual(['地区', '月份', '压采量（亿立方米）', '完成率']);
    expect(r.records.map((o) => [o.region, o.indicator, o.period, o.periodLabel, o.value, o.unit])).toEqual([
      ['沧州市', '压采量', '2023-12', '2023年12月', 102000000, '立方米'],
      ['沧州市', '完成率', '2023-12', '2023年12月', 90, '%'],
      ['沧州市', '压采量', '2024-01', '2024年1月', 114000000, '立方米'],
      ['沧州市', '完成率', '2024-01', '2024年1月', 123.91, '%'],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('html-table.xls: an HTML table saved as .xls, codes stay text', async () => {
    const r = await load('html-table.xls');
    expect(r.format).toBe('html');
    expect(r.records.map((o) => [o.regionCode, o.indicator, o.period, o.value, o.unit])).toEqual([
      ['130900', '新增高新技术企业', '2021', 214, '家'],
      ['130900', '新增科技型中小企业', '2021', 862, '家'],
      ['130900', '引水量', '2021', 863000000, '立方米'],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('json-wrapper.json: an object wrapping an array of objects', async () => {
    const r = await load('json-wrapper.json');
    expect(r).toMatchObject({ format: 'json', layout: 'long' });
    expect(brief(r.records)).toEqual([
      ['乌海市', '黄河干流岸线治理长度', '2023', 51.5, '公里'],
      ['乌海市', '沿黄巡查巡护和执法检查', '2023', 583, '人次'],
      ['乌海市', '优良天数', '2023', 59, '天'],
    ]);
    expect(r.records[2].kind).toBe('change');
    expect(r.issues).toEqual([]);
  });

  it.each(['hostile-proto.csv', 'hostile-proto.json'])('%s: a __proto__ key pollutes nothing', async (name) => {
    const r = await load(name);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(r.mapping['__proto__']).toBe('ignore');
    expect(brief(r.records)).toEqual([['道里区', '保护性耕作面积', '2024', 60400, '亩']]);
  });

  it('hostile-script-formula.csv: a script in a name stays literal text; a formula is not a number', async () => {
    const r = await load('hostile-script-formula.csv');
    expect(r.records.map((o) => o.region)).toEqual(['<img src=x onerror="window.__pwned=1">']);
    expect(codes(r)).toEqual([[3, 'not_a_number', 'error']]);
    expect(r.issues[0]).toMatchObject({ column: '2024年', raw: '=HYPERLINK("http://x","y")' });
  });

  it('hostile-unbalanced-quote.csv: reported with its row, the rest still read', async () => {
    const r = await load('hostile-unbalanced-quote.csv');
    expect(codes(r)).toEqual([[3, 'unbalanced_quote', 'error']]);
    expect(r.issues[0].message).toContain('第 3 行');
    expect(brief(r.records)).toEqual([
      ['道里区', '保护性耕作面积', '2024', 60400, '亩'],
      ['乌海市', '黄河干流岸线治理长度', '2024', 51.5, '公里'],
      ['沧州市', '压采量', '2024', 114000000, '立方米'],
    ]);
    expect(r.records[1].source).toEqual({ row: 3, column: '2024年' });
  });

  it('bad-value.csv: "abc" on row 5 is an error, never 0; the duplicate on row 6 is reported', async () => {
    const r = await load('bad-value.csv');
    expect(codes(r)).toEqual([[5, 'not_a_number', 'error'], [6, 'duplicate', 'warning']]);
    expect(r.issues[0]).toMatchObject({ row: 5, column: '数值', raw: 'abc', message: '第 5 行“数值”列的“abc”不是数字，未导入该值。' });
    expect(brief(r.records)).toEqual([
      ['黑龙江省', '河湖长', '2022', 21000, '名'],
      ['黑龙江省', '水库', '2022', 825, '座'],
      ['黑龙江省', '立案查处案件', '2022', 363, '件'],
    ]);
  });

  it('multi-header.csv: two merged header rows flattened to a path', async () => {
    const r = await load('multi-header.csv');
    expect(r.headerRows).toBe(2);
    expect(r.columns.map((c) => c.header)).toEqual(['地区', '年份', '秸秆还田/面积（万亩）', '秸秆还田/量（吨）', '保护性耕作/面积（万亩）']);
    expect(brief(r.records)).toEqual([
      ['道里区', '秸秆还田/面积', '2024', 42000, '亩'],
      ['道里区', '秸秆还田/量', '2024', 67183.02, '吨'],
      ['道里区', '保护性耕作/面积', '2024', 60400, '亩'],
    ]);
  });
});
