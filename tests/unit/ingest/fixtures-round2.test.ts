import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, ingestText } from '../../../src/ingest';
import { detectFormat } from '../../../src/ingest/detect-format';
import type { Observation } from '../../../src/domain/types';
import { zipParts } from '../../fixtures/zip-parts.mjs';

const dir = join(__dirname, '../../fixtures');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const load = (name: string, options = {}) => ingest({ name, bytes: bytesOf(name) }, options);
const brief = (rs: Observation[]) => rs.map((r) => [r.region, r.indicator, r.period, r.value, r.unit]);
const codes = (r: { issues: { code: string; severity: string }[] }) => r.issues.map((i) => [i.code, i.severity]);

describe('fixture corpus, second round (issue 21)', () => {
  it('cover-sheet-first.xlsx: 填报说明, 封面 and 目录 are passed over for the first sheet holding a table', async () => {
    const r = await load('cover-sheet-first.xlsx');
    expect(r).toMatchObject({ format: 'xlsx', sheet: '主要指标', sheets: ['填报说明', '封面', '目录', '主要指标'], sheetChoice: { reason: 'table', skipped: ['填报说明', '封面', '目录'] } });
    expect(brief(r.records)).toEqual([
      ['道里区', '保护性耕作面积', '2023', 59000, '亩'],
      ['道里区', '保护性耕作面积', '2024', 60400, '亩'],
    ]);
    expect(r.issues).toEqual([]);
    // The user can still pick the cover: it is read, and it is said to be asked for.
    const cover = await load('cover-sheet-first.xlsx', { sheet: '封面' });
    expect(cover).toMatchObject({ sheet: '封面', sheetChoice: { reason: 'asked', skipped: [] } });
    expect(cover.records).toEqual([]);
  });

  it('json-envelope-data-list.json: {code, msg, data: {total, list}}, codes as numbers and as text', async () => {
    const r = await load('json-envelope-data-list.json');
    expect(r.json).toEqual({ path: 'data.list', tables: [{ path: 'data.regions', rows: 1, kind: 'records' }, { path: 'data.list', rows: 3, kind: 'records' }] });
    expect(r.records.map((o) => o.regionCode)).toEqual(['130900', '130900', '130900']);
    expect(brief(r.records)).toEqual([
      ['沧州市', '压采量', '2021', 114000000, '立方米'],
      ['沧州市', '用水总量', '2021', 1416000000, '立方米'],
      ['沧州市', '盘活批而未供土地', '2021', 8201, '亩'],
    ]);
    expect(r.issues).toEqual([]);
    // Another path, when the user picks it.
    const other = await load('json-envelope-data-list.json', { jsonPath: 'data.regions' });
    expect(other.json?.path).toBe('data.regions');
    expect(other.columns.map((c) => c.header)).toEqual(['code', 'name']);
  });

  it('json-envelope-rows.json: {total, rows, code} with English keys', async () => {
    const r = await load('json-envelope-rows.json');
    expect(r.json?.path).toBe('rows');
    expect(brief(r.records)).toEqual([
      ['乌海市', '黄河干流岸线治理长度', '2023', 51.5, '公里'],
      ['乌海市', '沿黄巡查巡护和执法检查', '2023', 583, '人次'],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('json-result-records.json: {result: {records}}; a code that lost its leading zero is kept as written and said', async () => {
    const r = await load('json-result-records.json');
    expect(r.json?.path).toBe('result.records');
    expect(r.records.map((o) => [o.region, o.regionCode, o.indicator, o.period, o.value, o.unit])).toEqual([
      ['哈尔滨市道里区', '230102', '保护性耕作面积', '2024', 60400, '亩'],
      ['示例区', '10101', '测试指标', '2024', 1, '个'],
    ]);
    expect(codes(r)).toEqual([['json_number_code', 'warning']]);
    expect(r.issues[0].message).toContain('10101');
    expect(r.issues[0].message).toContain('区划代码');
  });

  it('a JSON object keyed by division code reads its keys as the region codes', async () => {
    const doc = { code: 200, data: { 230102: { 地区: '道里区', 年份: 2024, '保护性耕作面积（万亩）': 6.04 }, 230103: { 地区: '南岗区', 年份: 2024, '保护性耕作面积（万亩）': 3.3 } } };
    const r = await ingest({ name: 'keyed.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) });
    expect(r.json).toEqual({ path: 'data', tables: [{ path: 'data', rows: 2, kind: 'keyed' }] });
    expect(r.records.map((o) => [o.regionCode, o.region, o.indicator, o.period, o.value])).toEqual([
      ['230102', '道里区', '保护性耕作面积', '2024', 60400],
      ['230103', '南岗区', '保护性耕作面积', '2024', 33000],
    ]);
  });

  it('json-matrix.json: an array of arrays with a header row', async () => {
    const r = await load('json-matrix.json');
    expect(r.json?.path).toBe('');
    expect(brief(r.records)).toEqual([
      ['道里区', '保护性耕作面积', '2023', 59000, '亩'],
      ['道里区', '保护性耕作面积', '2024', 60400, '亩'],
    ]);
  });

  it('year-like-counts.csv: counts that look like years are values, because of their headers', async () => {
    const r = await load('year-like-counts.csv');
    expect(r.mapping).toEqual({ 地区: 'region', 年份: 'period', 巡河次数: 'indicator-column', '巡河人数（人）': 'indicator-column', '整治面积（亩）': 'indicator-column' });
    expect(r.columns.map((c) => c.note)).toEqual([undefined, undefined, 'year-like-values', 'year-like-values', 'year-like-values']);
    expect(brief(r.records).slice(0, 3)).toEqual([
      ['道里区', '巡河次数', '2022', 1520, ''],
      ['道里区', '巡河人数', '2022', 2016, '人'],
      ['道里区', '整治面积', '2022', 1998, '亩'],
    ]);
    expect(r.records).toHaveLength(9);
    expect(r.records.every((o) => o.period === '2022')).toBe(true);
    expect(r.issues).toEqual([]);
  });

  it('year-like counts under a two-row merged header: the first body row is no header row', () => {
    const r = ingestText('地区,巡河情况,,年份\n,巡河次数,巡河人数（人）,\n道里区,1520,,2022\n南岗区,1046,1203,2022');
    expect(r).toMatchObject({ headerRow: 1, headerRows: 2 });
    expect(brief(r.records)).toEqual([
      ['道里区', '巡河情况/巡河次数', '2022', 1520, ''],
      ['南岗区', '巡河情况/巡河次数', '2022', 1046, ''],
      ['南岗区', '巡河情况/巡河人数', '2022', 1203, '人'],
    ]);
  });

  it('year-like-wide.csv: year-like header cells stay periods, year-like values stay values', async () => {
    const r = await load('year-like-wide.csv');
    expect(r.layout).toBe('wide');
    expect(brief(r.records)).toEqual([
      ['道里区', '巡河次数', '2021', 1520, ''],
      ['道里区', '巡河次数', '2022', 1046, ''],
      ['道里区', '巡河次数', '2023', 2016, ''],
      ['南岗区', '巡河次数', '2021', 2019, ''],
      ['南岗区', '巡河次数', '2022', 2020, ''],
      ['南岗区', '巡河次数', '2023', 2021, ''],
    ]);
  });

  it.each(['ods-sheetjs.ods', 'ods-libreoffice-style.ods'])('%s: OpenDocument through SheetJS, instructions sheet passed over, percents', async (name) => {
    const r = await load(name);
    expect(r).toMatchObject({ format: 'ods', encoding: 'binary', sheet: '主要指标', sheetChoice: { reason: 'table' } });
    expect(brief(r.records)).toEqual([
      ['道里区', '保护性耕作面积', '2023', 59000, '亩'],
      ['道里区', '秸秆还田率', '2023', 61, '%'],
      ['道里区', '保护性耕作面积', name.includes('libre') ? '2024-08' : '2024', 60400, '亩'],
      ['道里区', '秸秆还田率', name.includes('libre') ? '2024-08' : '2024', 65.73, '%'],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('ods-libreoffice-style.ods: a merged title over the header, a date shown as 2024年8月', async () => {
    const r = await load('ods-libreoffice-style.ods');
    expect(r).toMatchObject({ headerRow: 2, title: '道里区黑土地保护利用情况' });
    expect(r.records[2]).toMatchObject({ period: '2024-08', periodLabel: '2024年8月', grain: 'month' });
  });

  it('wps-quirks.xlsx: inline strings, shared formulas, str cells, a wrong dimension, rows and cells without r', async () => {
    const r = await load('wps-quirks.xlsx');
    expect(r).toMatchObject({ format: 'xlsx', sheet: '压采', notes: ['注：2022年为示例数据'] });
    expect(brief(r.records)).toEqual([
      ['沧州市', '压采量', '2021', 114000000, '立方米'],
      ['沧州市', '用水总量', '2021', 1416000000, '立方米'],
      ['沧州市', '压采量', '2022', 120000000, '立方米'],
      ['沧州市', '用水总量', '2022', 1490000000, '立方米'],
    ]);
    expect(r.preview.rows[1][4]).toBe('沧州市（快报）');
    expect(r.issues).toEqual([]);
  });
});

describe('detectFormat: OpenDocument by its mimetype entry, not its name', () => {
  const ods = bytesOf('ods-sheetjs.ods');
  const xlsx = bytesOf('wps-quirks.xlsx');
  const mime = (type: string) => ({ mimetype: type, 'content.xml': '<office:document-content/>' });
  it.each([
    ['an .ods', '表.ods', ods, 'ods'],
    ['an .ods renamed .xlsx', '表.xlsx', ods, 'ods'],
    ['an .ods with no name', '下载', ods, 'ods'],
    ['LibreOffice-style: mimetype first and stored', '表.ods', bytesOf('ods-libreoffice-style.ods'), 'ods'],
    ['the mimetype entry not first, found in the directory', 'a.zip', zipParts({ 'content.xml': '<x/>', mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }, ['mimetype']), 'ods'],
    ['a template (.ots)', 'a.ots', zipParts(mime('application/vnd.oasis.opendocument.spreadsheet-template'), ['mimetype']), 'ods'],
    ['an OpenDocument text (.odt) is no spreadsheet', 'a.odt', zipParts(mime('application/vnd.oasis.opendocument.text'), ['mimetype']), 'xlsx'],
    ['an .xlsx named .ods', '表.ods', xlsx, 'xlsx'],
    ['an .xlsx', '表.xlsx', xlsx, 'xlsx'],
  ] as const)('%s', (_name, name, bytes, expected) => {
    expect(detectFormat(name, bytes)).toBe(expected);
  });

  it('input is not mutated', () => {
    const copy = ods.slice();
    detectFormat('a.ods', ods);
    expect(ods).toEqual(copy);
  });
});
