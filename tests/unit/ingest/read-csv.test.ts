import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/ingest/read-csv';

describe('readCsv', () => {
  it('keeps codes and numbers as text (no dynamic typing)', () => {
    expect(readCsv('代码,值\n010101,6.040\n', ',').rows).toEqual([['代码', '值'], ['010101', '6.040']]);
  });

  it('reads ="010101" as the text it protects, and leaves real formulas alone', () => {
    expect(readCsv('代码,值\n"=""010101""","=SUM(A1)"', ',').rows[1]).toEqual(['010101', '=SUM(A1)']);
  });

  it('keeps blank lines so row numbers match the spreadsheet', () => {
    expect(readCsv('a,b\n\n1,2', ',').rows).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('reads quoted fields with delimiters and doubled quotes', () => {
    expect(readCsv('a,b\n"x,y","say ""hi"""', ',').rows[1]).toEqual(['x,y', 'say "hi"']);
  });

  it('reports an unbalanced quote with its row and still reads the rows after it', () => {
    const { rows, problems } = readCsv('地区,值\n道里区,1\n"乌海市,2\n沧州市,3\n', ',');
    expect(problems).toEqual([{ code: 'unbalanced_quote', row: 3, raw: '"乌海市,2' }]);
    expect(rows).toEqual([['地区', '值'], ['道里区', '1'], ['乌海市', '2'], ['沧州市', '3']]);
  });

  it('recovers from two unbalanced quotes', () => {
    const { rows, problems } = readCsv('a,b\n"x,1\ny,2\n"z,3\nw,4', ',');
    expect(problems.map((p) => p.row)).toEqual([2, 4]);
    expect(rows.map((r) => r[0])).toEqual(['a', 'x', 'y', 'z', 'w']);
  });

  it('input is not mutated', () => {
    const text = 'a,b\n1,2';
    readCsv(text, ',');
    expect(text).toBe('a,b\n1,2');
  });
});
