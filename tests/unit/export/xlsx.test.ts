import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { toXlsx } from '../../../src/export/xlsx';
import type { Cell } from '../../../src/export/cell';

async function readBack(bytes: Uint8Array) {
  return XLSX.read(bytes, { type: 'array', cellFormula: true });
}

describe('toXlsx', () => {
  it('writes typed cells, never formulas, and keeps formula-looking text as written', async () => {
    const rows: Cell[][] = [
      ['地区', '数值', '备注'],
      ['道里区', -3.5, '=HYPERLINK("http://x","y")'],
      ['南岗区', 6.04, '@SUM(A1)'],
      ['-3.5', null, '+86 10'],
    ];
    const book = await readBack(await toXlsx([{ name: '面积', rows }]));
    expect(book.SheetNames).toEqual(['面积']);
    const ws = book.Sheets['面积'];
    expect(ws['B2']).toMatchObject({ t: 'n', v: -3.5 });
    expect(ws['B3']).toMatchObject({ t: 'n', v: 6.04 });
        // A string cell cannot run as a formula: no `'` is added to the text (CSV adds one).
    expect(ws['A4']).toMatchObject({ t: 's', v: '-3.5' });
    expect(ws['C2']).toMatchObject({ t: 's', v: '=HYPERLINK("http://x","y")' });
    expect(ws['C3']).toMatchObject({ t: 's', v: '@SUM(A1)' });
    expect(ws['C4']).toMatchObject({ t: 's', v: '+86 10' });
    expect(ws['A1']).toMatchObject({ t: 's', v: '地区' });
    expect(ws['B4']).toBeUndefined();
    expect(ws['!ref']).toBe('A1:C4');
    const cells = Object.keys(ws).filter((k) => !k.startsWith('!'));
    expect(cells).toHaveLength(11);
    for (const key of cells) expect(ws[key]).not.toHaveProperty('f');
  });

  it('has no formula element anywhere in the sheet XML', async () => {
    const bytes = await toXlsx([{ name: 's', rows: [['=1+1', 2]] }]);
    const zip = XLSX.CFB.read(bytes, { type: 'array' });
    const sheet = XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml');
    expect(sheet).toBeTruthy();
    const xml = new TextDecoder().decode(sheet!.content as Uint8Array);
    expect(xml).toContain('<v>2</v>');
    expect(xml).not.toMatch(/<f[\s>]/);
  });

  it('sanitizes and de-duplicates sheet names', async () => {
    const book = await readBack(
      await toXlsx([
        { name: '2024/2025:面积[万亩]*?\\', rows: [[1]] },
        { name: 'a'.repeat(40), rows: [[1]] },
        { name: 'A'.repeat(40), rows: [[1]] },
        { name: '', rows: [[1]] },
        { name: "'引号'", rows: [[1]] },
        { name: '控制\u0001字符\n', rows: [[1]] },
      ]),
    );
    expect(book.SheetNames).toEqual(['20242025面积万亩', 'a'.repeat(31), 'A'.repeat(27) + ' (2)', 'Sheet', '引号', '控制字符']);
  });

  it('keeps a sheet named __proto__ an ordinary sheet', async () => {
    const bytes = await toXlsx([{ name: '__proto__', rows: [['x']] }]);
    const book = await readBack(bytes);
    expect(book.SheetNames).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('skips non-finite numbers and cuts text at Excel’s limit', async () => {
    const book = await readBack(await toXlsx([{ name: 's', rows: [[Number.NaN, Infinity, 'x'.repeat(40000)]] }]));
    const ws = book.Sheets['s'];
    expect(ws['A1']).toBeUndefined();
    expect(ws['B1']).toBeUndefined();
    expect((ws['C1'].v as string).length).toBe(32767);
  });

  it('writes one empty sheet for no sheets', async () => {
    const book = await readBack(await toXlsx([]));
    expect(book.SheetNames).toEqual(['Sheet1']);
  });

  it('does not mutate its input', async () => {
    const sheets = [{ name: 'a/b', rows: [['=1', -3.5, null]] as Cell[][] }];
    const copy = structuredClone(sheets);
    await toXlsx(sheets);
    expect(sheets).toEqual(copy);
  });
});
