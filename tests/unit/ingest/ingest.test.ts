import { describe, expect, it } from 'vitest';
import { ingest, ingestText } from '../../../src/ingest';
import { messages } from '../../../src/domain/messages';
import { ingest as ingestMessagesZh } from '../../../src/domain/messages/ingest';
import { ingest as ingestMessagesEn } from '../../../src/domain/messages/en/ingest';

/** The part in both locales, as the catalogue pairs them. */
const ingestMessages = { zh: ingestMessagesZh, en: ingestMessagesEn };
import { gbkBytes } from './gbk';

/** 200 000 rows over 3000 regions: 67 distinct months, each region once per month. */
const month = (n: number): string => `${2000 + Math.floor(n / 12)}年${(n % 12) + 1}月`;
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const codes = (r: { issues: { row: number; code: string }[] }) => r.issues.map((i) => [i.row, i.code]);

describe('ingest: whole files', () => {
  it('a wholly unreadable file gives no records and one file-level issue saying what to do', async () => {
    const r = await ingest({ name: '坏.xlsx', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    expect(r.records).toEqual([]);
    expect(codes(r)).toEqual([[0, 'unreadable_file']]);
    expect(r.issues[0].message).toContain('另存为 .xlsx');
  });

  it('an empty file is an issue, not an exception', async () => {
    const r = await ingest(file('空.csv', '\n\n'));
    expect(codes(r)).toEqual([[0, 'empty_file']]);
  });

  it('malformed JSON is a file-level issue', async () => {
    const r = await ingest(file('a.json', '{"x": 1}'));
    expect(r.records).toEqual([]);
    expect(r.issues.map((i) => i.code)).toContain('bad_json');
  });

  it('JSON {columns, rows}', async () => {
    const r = await ingest(file('a.json', JSON.stringify({ columns: ['地区', '指标', '2024年'], rows: [['道里区', '面积（万亩）', 6.04]] })));
    expect(r.records.map((o) => [o.region, o.indicator, o.period, o.value, o.unit])).toEqual([['道里区', '面积', '2024', 60400, '亩']]);
  });

  it('tab-separated text named .xls is read as text, keeping codes', async () => {
    const r = await ingest(file('导出.xls', '区划代码\t指标\t2024年\n010101\t面积\t1\n'));
    expect(r.format).toBe('tsv');
    expect(r.records.map((o) => [o.region, o.regionCode])).toEqual([['010101', '010101']]);
  });

  it('messages follow the locale', async () => {
    const r = await ingest(file('a.csv', '地区,指标,2024年\n道里区,面积,abc\n'), { locale: 'en' });
    expect(r.issues[0].message).toBe('Row 2, column "2024年": "abc" is not a number; the value was not imported.');
  });

  it('a wrong forced encoding is reported, and the right one reads cleanly', async () => {
    const bytes = gbkBytes('地区,指标,2024年\n道里区,面积,6.04\n');
    const wrong = await ingest({ name: 'a.csv', bytes }, { encoding: 'utf-8' });
    expect(wrong.issues.map((i) => i.code)).toContain('replacement_chars');
    const right = await ingest({ name: 'a.csv', bytes }, { encoding: 'gbk' });
    expect(right.records[0].region).toBe('道里区');
  });

  it('a missing sheet falls back to the first and says so', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/xlsx-merged-title.xlsx', import.meta.url)));
    const r = await ingest({ name: 'x.xlsx', bytes }, { sheet: '不存在' });
    expect(r.sheet).toBe('主要指标');
    expect(codes(r)).toContainEqual([0, 'sheet_not_found']);
  });

  it('reports progress up to the total', async () => {
    const lines = ['地区,指标,年份,数值'];
    for (let i = 0; i < 12000; i++) lines.push(`区${i},面积,2024,${i}`);
    const calls: [number, number][] = [];
    await ingest(file('a.csv', lines.join('\n')), { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([[5000, 12000], [10000, 12000], [12000, 12000]]);
  });

  it('imports 200k rows of Chinese names with correct distinct counts', async () => {
    const lines = ['地区,指标,年份,数值'];
    for (let i = 0; i < 200_000; i++) lines.push(`测试区${i % 3000}镇,保护性耕作面积,${month(Math.floor(i / 3000))},${i % 97}.5万亩`);
    const r = await ingest({ name: 'big.csv', bytes: gbkBytes(lines.join('\r\n')) });
    expect(r.encoding).toBe('gb18030');
    expect(r.records.length).toBe(200_000);
    expect(r.issues).toEqual([]);
    expect(r.records.some((o) => o.region.includes('\uFFFD'))).toBe(false);
    expect(new Set(r.records.map((o) => o.region)).size).toBe(3000);
    expect(new Set(r.records.map((o) => o.period)).size).toBe(67);
  }, 120_000);
});

describe('ingest: layouts and overrides', () => {
  it('years in the second header row under a merged indicator', () => {
    const r = ingestText('地区\t保护性耕作面积（万亩）\t\n\t2023年\t2024年\n道里区\t5.9\t6.04');
    expect(r.headerRows).toBe(2);
    expect(r.records.map((o) => [o.indicator, o.period, o.value, o.unit])).toEqual([
      ['保护性耕作面积', '2023', 59000, '亩'],
      ['保护性耕作面积', '2024', 60400, '亩'],
    ]);
  });

  it('months as columns take their year from the title', () => {
    const r = ingestText('道里区2024年1—3月主要指标\t\t\t\n指标\t1月\t2月\t3月\n用电量（万千瓦时）\t1.2\t1.3\t1.4', { defaults: { region: '道里区' } });
    expect(r.records.map((o) => [o.period, o.periodLabel, o.grain, o.value, o.unit])).toEqual([
      ['2024-01', '2024年1月', 'month', 12000, '千瓦时'],
      ['2024-02', '2024年2月', 'month', 13000, '千瓦时'],
      ['2024-03', '2024年3月', 'month', 14000, '千瓦时'],
    ]);
  });

  it('quarters as columns take their year from a year column', () => {
    const r = ingestText('地区\t年份\t一季度\t二季度\n道里区\t2024\t5\t6', { defaults: { indicator: '项目数' } });
    expect(r.records.map((o) => o.period)).toEqual(['2024-Q1', '2024-Q2']);
  });

  it('a year header with a remark is still a period column', () => {
    const r = ingestText('地区\t2023年\t2024年（预计）\n道里区\t1\t2', { defaults: { indicator: 'x' } });
    expect(r.records.map((o) => [o.period, o.source?.column])).toEqual([['2023', '2023年'], ['2024', '2024年（预计）']]);
  });

  it('with no period column, the title\'s one year is the period, with a warning', () => {
    const r = ingestText('沧州市2021年主要指标\t\t\n指标\t数值\t单位\n压采量\t1.14\t亿立方米', { defaults: { region: '沧州市' } });
    expect(codes(r)).toEqual([[1, 'period_from_title']]);
    expect(r.records.map((o) => [o.indicator, o.period, o.value])).toEqual([['压采量', '2021', 114000000]]);
  });

  it('Excel\'s sep= line names the delimiter; a unit in the title applies; 其中 and U+2212 are read', () => {
    const r = ingestText('sep=;\n主要指标（单位：万元）;\n地区;2024年\n全市;10\n其中：道里区;\u22123', { defaults: { indicator: '投资' } });
    expect(r.records.map((o) => [o.region, o.isTotal, o.value, o.unit, o.displayUnit])).toEqual([
      ['全市', true, 100000, '元', '万元'],
      ['道里区', false, -30000, '元', '万元'],
    ]);
  });

  it('years merged over indicators in a two-row header unpivot to both', () => {
    const r = ingestText('地区,2023年,,2024年,\n,面积（万亩）,产量（吨）,面积（万亩）,产量（吨）\n道里区,5.9,100,6.04,120');
    expect(r.layout).toBe('wide');
    expect(r.records.map((o) => [o.indicator, o.period, o.value, o.unit])).toEqual([
      ['面积', '2023', 59000, '亩'],
      ['产量', '2023', 100, '吨'],
      ['面积', '2024', 60400, '亩'],
      ['产量', '2024', 120, '吨'],
    ]);
  });

  it('indicators as rows and regions as columns', () => {
    const r = ingestText('指标\t道里区\t南岗区\t全市\n保护性耕作面积（万亩）\t6.04\t3.2\t9.24', { defaults: { period: '2024' } });
    expect(r.mapping['道里区']).toBe('region-column');
    expect(r.records.map((o) => [o.region, o.indicator, o.value, o.isTotal])).toEqual([
      ['道里区', '保护性耕作面积', 60400, false],
      ['南岗区', '保护性耕作面积', 32000, false],
      ['全市', '保护性耕作面积', 92400, true],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('a title names the indicator without its years and 各区县', () => {
    const r = ingestText('2021—2024年各区县地区生产总值\t\t\t单位：亿元\n地区\t2023年\t2024年\t\n道里区\t12\t13\t');
    expect(r.records.map((o) => [o.indicator, o.period, o.value, o.unit])).toEqual([
      ['地区生产总值', '2023', 1.2e9, '元'],
      ['地区生产总值', '2024', 1.3e9, '元'],
    ]);
    expect(r.notes).toEqual(['单位：亿元']);
  });

  it('rows may leave out blank columns after the last named header', () => {
    const r = ingestText('地区,2024年,,\n道里区,6.04\n南岗区,3.3', { defaults: { indicator: '面积' } });
    expect(r.issues).toEqual([]);
    expect(r.records).toHaveLength(2);
  });

  it('a slash inside a header unit is not a header path', () => {
    const r = ingestText('地区\t年份\tPM10平均浓度（μg/m3）\n乌海市\t2023\t75');
    expect(r.records.map((o) => [o.indicator, o.value, o.unit])).toEqual([['PM10平均浓度', 75, 'μg/m3']]);
  });

  it('a region merged down is filled; a new region resets the code', () => {
    const r = ingestText('区划代码\t地区\t指标\t2024年\n230102\t道里区\t面积\t1\n\t\t产量\t2\n230103\t南岗区\t面积\t3');
    expect(r.records.map((o) => [o.regionCode, o.region, o.indicator])).toEqual([
      ['230102', '道里区', '面积'],
      ['230102', '道里区', '产量'],
      ['230103', '南岗区', '面积'],
    ]);
  });

  it('a 合计 column beside period columns is not read as a value', () => {
    const r = ingestText('地区,2023年,2024年,合计\n道里区,1,2,3', { defaults: { indicator: '面积' } });
    expect(r.mapping['合计']).toBe('ignore');
    expect(r.records.map((o) => o.period)).toEqual(['2023', '2024']);
  });

  it('column roles and defaults from the user win', () => {
    const r = ingestText('名称\t数\n道里区\t6.04', { columns: { 名称: 'region', 数: 'value' }, defaults: { indicator: '面积', period: '2024', unit: '万亩' } });
    expect(r.mapping).toEqual(Object.assign(Object.create(null), { 名称: 'region', 数: 'value' }));
    expect(r.records).toEqual([
      expect.objectContaining({ region: '道里区', indicator: '面积', period: '2024', value: 60400, unit: '亩', displayUnit: '万亩' }),
    ]);
  });

  it('headerRow from the user wins', () => {
    const r = ingestText('说明文字\t\n地区\t2024年\n道里区\t1', { headerRow: 2, defaults: { indicator: 'x' } });
    expect(r.headerRow).toBe(2);
    expect(r.records.map((o) => o.region)).toEqual(['道里区']);
  });

  it('no period anywhere: one file-level error saying what to set, no records', () => {
    const r = ingestText('地区\t面积（万亩）\n道里区\t6.04');
    expect(codes(r)).toEqual([[0, 'no_period']]);
    expect(r.records).toEqual([]);
  });

  it('no indicator column: the title names the indicator, with a warning', () => {
    const r = ingestText('道里区保护性耕作面积（万亩）\t\n地区\t2024年\n道里区\t6.04');
    expect(codes(r)).toEqual([[1, 'indicator_from_title']]);
    expect(r.records.map((o) => [o.indicator, o.value, o.unit])).toEqual([['道里区保护性耕作面积', 60400, '亩']]);
  });

  it('a 类型 column marks bare numbers as changes', () => {
    const r = ingestText('地区\t指标\t年份\t类型\t数值\t单位\n乌海市\tPM10\t2023\t同比\t-30.1\t%');
    expect(r.records[0]).toMatchObject({ kind: 'change', changeType: 'relative', value: -30.1 });
  });

  it('flags two multipliers, a bad period and a missing period, each with its row', () => {
    const r = ingestText('地区\t指标\t年份\t数值\n沧州市\t用水\t\t2\n沧州市\t投资\t2021\t1.1亿万元\n沧州市\t投资\t某年\t1');
    expect(codes(r)).toEqual([[2, 'missing_period'], [3, 'double_multiplier'], [4, 'bad_period']]);
    expect(r.records.map((o) => o.value)).toEqual([1.1e12]);
  });

  it('ragged rows are reported with their row numbers', () => {
    const r = ingestText('地区,指标,2024年\n道里区,面积\n南岗区,面积,3,多余');
    expect(codes(r)).toEqual([[2, 'ragged_row'], [3, 'ragged_row']]);
  });

  it('preview and columns show the decoded table', () => {
    const r = ingestText('地区\t2024年\n道里区\t6.04', { defaults: { indicator: '面积' } });
    expect(r.preview).toEqual({ rows: [['地区', '2024年'], ['道里区', '6.04']], totalRows: 2 });
    expect(r.columns).toEqual([
      { header: '地区', role: 'region', sample: ['道里区'] },
      { header: '2024年', role: 'period-column', sample: ['6.04'] },
    ]);
  });
});

describe('ingest messages', () => {
  it('every issue code the importer can raise has a sentence in zh and en', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../../src/ingest/', import.meta.url);
    const used = new Set<string>();
    for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.ts')) continue;
      const src = readFileSync(new URL(f, dir), 'utf8');
      for (const m of src.matchAll(/(?:makeIssue\([^,]+,\s*|issue\(|code: )'([a-z_]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(15);
    for (const code of used) {
      expect(ingestMessages.zh[`issue.${code}`], code).toBeDefined();
      expect(ingestMessages.en[`issue.${code}`], code).toBeDefined();
    }
  });

  it('a bad target names its column', () => {
    const r = ingestText('地区\t指标\t年份\t数值\t目标值\n沧州市\t压采量\t2021\t1.14\t待定');
    expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([[2, 'bad_target', '目标值']]);
    expect(r.records[0].target).toBeUndefined();
  });

  it('every key exists in both zh and en, and every issue code has a message', async () => {
    expect(Object.keys(ingestMessages.zh).sort()).toEqual(Object.keys(ingestMessages.en).sort());
    const r = ingestText('地区\t指标\t年份\t数值\n沧州市\t投资\t2021\tabc');
    for (const i of r.issues) expect(messages.zh[`issue.${i.code}`]).toBeDefined();
  });
});
