import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { pageSheets, type PagePanel } from '../../../src/export/page-xlsx';
import { toXlsx } from '../../../src/export/xlsx';

const AT = '2026-12-06T20:00:00Z';
const trend: PagePanel = {
  heading: '保护性耕作面积 趋势',
  unit: '万亩',
  period: '2022年—2024年',
  source: '市农业农村局',
  rows: [
    ['地区', '时期', '数值'],
    ['道里区', '2024', 6.04],
    ['南岗区', '2024', -3.5],
  ],
};
const comparison: PagePanel = { heading: '保护性耕作面积 2024年 各地区', unit: '万亩', period: '2024年', source: '', rows: [['地区', '数值']] };

describe('pageSheets', () => {
  it('heads each sheet with title, unit, period, source and day, then the table', () => {
    const [sheet] = pageSheets([trend], 'zh', AT, 'Asia/Shanghai');
    expect(sheet.name).toBe('保护性耕作面积 趋势');
    expect(sheet.rows).toEqual([
      ['保护性耕作面积 趋势'],
      ['单位', '万亩'],
      ['时期', '2022年—2024年'],
      ['来源', '市农业农村局'],
      ['导出日期', '2026-12-07'],
      [],
      ['地区', '时期', '数值'],
      ['道里区', '2024', 6.04],
      ['南岗区', '2024', -3.5],
    ]);
  });

  it('leaves out an empty source and says when a panel has no data', () => {
    const [, sheet] = pageSheets([trend, comparison], 'zh', AT, 'Asia/Shanghai');
    expect(sheet.rows.map((r) => r[0])).not.toContain('来源');
    expect(sheet.rows[sheet.rows.length - 1]).toEqual(['（本面板没有数据）']);
  });

  it('writes labels in English', () => {
    const [sheet] = pageSheets([trend], 'en', AT, 'Asia/Shanghai');
    expect(sheet.rows.slice(1, 5).map((r) => r[0])).toEqual(['Unit', 'Period', 'Source', 'Exported on']);
  });

  it('does not change its input', () => {
    const copy = JSON.parse(JSON.stringify(trend)) as PagePanel;
    const [sheet] = pageSheets([trend], 'zh', AT, 'Asia/Shanghai');
    (sheet.rows[6] as unknown[]).push('x');
    expect(trend).toEqual(copy);
  });

  it('becomes one workbook, a sheet per panel, numbers typed as numbers', async () => {
    const bytes = await toXlsx(pageSheets([trend, comparison], 'zh', AT, 'Asia/Shanghai'));
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['保护性耕作面积 趋势', '保护性耕作面积 2024年 各地区']);
    const ws = book.Sheets['保护性耕作面积 趋势'];
    expect(ws['A1']).toMatchObject({ t: 's', v: '保护性耕作面积 趋势' });
    expect(ws['C8']).toMatchObject({ t: 'n', v: 6.04 });
    expect(ws['C9']).toMatchObject({ t: 'n', v: -3.5 });
  });
});
