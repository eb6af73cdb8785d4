import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../src/reports';
import { findFigures } from '../../../src/reports/find-figures';
import { cellsOf } from '../../../src/reports/table-figures';

const rowsOf = (text: string) => findFigures(text).figures.map((f) => [f.indicator, f.value, f.unit, f.region?.name, f.period?.key]);

describe('figures in tables (one row a line, tab-separated cells)', () => {
  it('regions as rows, the unit in the header', () => {
    const text = '表1 秸秆还田情况\n地区\t保护性耕作面积（万亩）\t秸秆还田率（%）\n道里区\t6.04\t65.73\n松北区\t5.2\t—\n2024年11月5日';
    expect(rowsOf(text)).toEqual([
      ['保护性耕作面积', 60400, '亩', '道里区', '2024'],
      ['秸秆还田率', 65.73, '%', '道里区', '2024'],
      ['保护性耕作面积', 52000, '亩', '松北区', '2024'],
    ]);
  });

  it('years as columns, indicators as rows with their units', () => {
    const text = '指标\t2023年\t2024年\n保护性耕作面积（万亩）\t5.8\t6.04\n整改任务（项）\t10\t12';
    expect(rowsOf(text)).toEqual([
      ['保护性耕作面积', 58000, '亩', undefined, '2023'],
      ['保护性耕作面积', 60400, '亩', undefined, '2024'],
      ['整改任务', 10, '项', undefined, '2023'],
      ['整改任务', 12, '项', undefined, '2024'],
    ]);
  });

  it('a unit line above the table, units glued in the cells, 序号 and dates left out', () => {
    const text = '单位：万亩\n序号\t项目\t数量\t完成时限\n1\t季节性休耕\t30\t2021年12月\n2\t发放宣传资料\t500余份\t2024年6月';
    expect(rowsOf(text)).toEqual([
      ['季节性休耕', 300000, '亩', undefined, '2024'],
      ['发放宣传资料', 500, '份', undefined, '2024'],
    ]);
  });

  it('prose in a cell is read sentence by sentence (a 台账)', () => {
    const text = '序号\t问题\t整改进展\n1\t宣传不到位\t发放宣传资料500余份，悬挂条幅50余个。';
    const figures = findFigures(text).figures;
    expect(figures.map((f) => [f.indicator, f.value, f.unit, f.sentence])).toEqual([
      ['发放宣传资料', 500, '份', '发放宣传资料500余份，悬挂条幅50余个。'],
      ['悬挂条幅', 50, '个', '发放宣传资料500余份，悬挂条幅50余个。'],
    ]);
  });

  it('a first row that is data, not a header, still gives its figures', () => {
    const text = '发放宣传资料\t500余份\n悬挂条幅\t50余个';
    expect(findFigures(text).figures.map((f) => [f.value, f.unit])).toEqual([
      [500, '份'],
      [50, '个'],
    ]);
  });

  it('each figure points at its row and its cell', () => {
    const text = '地区\t面积（万亩）\n道里区\t6.04';
    const [f] = findFigures(text).figures;
    expect(text.slice(f.start, f.start + f.sentence.length)).toBe('道里区\t6.04');
    expect(text.slice(f.rawStart, f.rawStart + f.raw.length)).toBe('6.04');
  });

  it('cellsOf keeps empty cells so that columns line up', () => {
    expect(cellsOf('a\t\t c', 10)).toEqual([
      { text: 'a', start: 10, end: 11 },
      { text: '', start: 12, end: 12 },
      { text: 'c', start: 14, end: 15 },
    ]);
  });
});

describe('a Word report with a table', () => {
  it('reads the table as rows and its figures with the header’s unit', async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '道里区黑土地保护整改进展', alignment: AlignmentType.CENTER }),
            new Paragraph('2024年全区保护性耕作面积6.04万亩。'),
            new Table({
              rows: [
                new TableRow({ children: [cell('地区'), cell('秸秆还田量（吨）'), cell('还田率（%）')] }),
                new TableRow({ children: [cell('道里区'), cell('67183.02'), cell('65.73')] }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const r = await extractFigures({ name: '表格.docx', bytes });
    expect(r.text).toBe('道里区黑土地保护整改进展\n2024年全区保护性耕作面积6.04万亩。\n地区\t秸秆还田量（吨）\t还田率（%）\n道里区\t67183.02\t65.73');
    expect(r.figures.map((f) => [f.indicator, f.value, f.unit])).toEqual([
      ['保护性耕作面积', 60400, '亩'],
      ['秸秆还田量', 67183.02, '吨'],
      ['还田率', 65.73, '%'],
    ]);
  });
});
