import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { readSheet } from '../../../src/ingest/xlsx/read-sheet';
import { plainNumberAt, type Shared } from '../../../src/ingest/xlsx/sheet-cells';
import { readXlsxFast } from '../../../src/ingest/xlsx/read-xlsx-fast';
import { readWithSheetJS } from '../../../src/ingest/xlsx/read-xlsx';
import { listZipEntries } from '../../../src/ingest/zip-entries';
import { zipParts } from '../../fixtures/zip-parts.mjs';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const SHARED: Shared = { strings: ['地区', '道里区'], formats: ['', 'yyyy-mm-dd', '0.00%'], date1904: false };

/** The grid of one sheet part `xml`, zipped (deflated unless `stored`) and read as it inflates. */
async function gridOf(xml: string, stored = false, onProgress?: (done: number, total: number) => void): Promise<string[][] | undefined> {
  const bytes = zipParts({ 's.xml': xml }, stored ? ['s.xml'] : []);
  return readSheet(bytes, listZipEntries(bytes)!.get('s.xml')!, SHARED, 2 ** 29, onProgress);
}

/** A sheet of `n` rows, each of every cell shape the reader knows, long enough to be read in many pieces. */
function manyShapes(n: number): string {
  let rows = '';
  for (let r = 2; r <= n + 1; r++) {
    // Row 7 is left out (a gap); every 5th row carries no `r`, nor do its cells.
    if (r === 7) continue;
    const ref = r % 5 === 0 ? '' : ` r="${r}"`;
    const cell = (col: string): string => (r % 5 === 0 ? '' : ` r="${col}${r}"`);
    rows +=
      `<row${ref}><c${cell('A')} t="s"><v>1</v></c><c${cell('B')} t="inlineStr"><is><t>区&amp;${r}</t></is></c>` +
      `<c${cell('C')}><v>${r * 1.5}</v></c><c${cell('D')} s="2"><v>0.${r}</v></c><c${cell('E')} t="str"><f>HYPERLINK("http://x","链接")</f><v>链接${r}</v></c>` +
      `<c${cell('F')} t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c><c${cell('G')}><v>1E-3</v></c></row>`;
  }
  return `<?xml version="1.0"?><worksheet ${NS}><dimension ref="A1:G${n + 1}"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="H1"><v>8</v></c></row>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
}

describe('readSheet: a sheet read as it inflates', () => {
  it('reads a sheet of many pieces as the same sheet read whole (stored, not inflated)', async () => {
    const xml = manyShapes(6000); // ~2 MB of XML: about 8 pieces
    expect(xml.length).toBeGreaterThan(4 * 256 * 1024);
    const streamed = await gridOf(xml);
    expect(streamed).toEqual(await gridOf(xml, true));
    expect(streamed?.length).toBe(6001);
    expect(streamed?.[0]).toEqual(['地区', '地区', '', '', '', '', '', '8']);
    expect(streamed?.[5]).toEqual(['道里区', '区&6', '9', '60%', '链接6', '富文本', '0.001', '']);
    expect(streamed?.[6]).toEqual(['', '', '', '', '', '', '', '']);
    expect(streamed?.[4]).toEqual(['道里区', '区&5', '7.5', '50%', '链接5', '富文本', '0.001', '']);
    expect(streamed?.[6000]).toEqual(['道里区', '区&6001', '9001.5', '60.01%', '链接6001', '富文本', '0.001', '']);
  });

  it('reports progress in bytes inflated of the declared size, rising', async () => {
    const xml = manyShapes(20000);
    const seen: [number, number][] = [];
    await gridOf(xml, false, (done, total) => seen.push([done, total]));
    const size = new TextEncoder().encode(xml).length;
    expect(seen.length).toBeGreaterThanOrEqual(3);
    seen.forEach(([done, total], i) => {
      expect(total).toBe(size);
      expect(done).toBeLessThanOrEqual(size);
      if (i > 0) expect(done).toBeGreaterThan(seen[i - 1][0]);
    });
  });

  it.each([
    ['no sheetData at all', `<worksheet ${NS}><sheetViews/></worksheet>`, []],
    ['an empty sheetData', `<worksheet ${NS}><sheetData/></worksheet>`, []],
    ['sheetData without rows', `<worksheet ${NS}><sheetData></sheetData></worksheet>`, []],
    ['a sheetData never closed (a cut part): what is there', `<worksheet ${NS}><sheetData><row r="1"><c r="B1"><v>2</v></c></row>`, [['', '2']]],
    ['a tag named like sheetData is not it', `<worksheet ${NS}><sheetDataX/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`, [['1']]],
    ['merges after the cells, a self-closing row', `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row><row r="2"/></sheetData><mergeCells><mergeCell ref="A1:A2"/></mergeCells></worksheet>`, [['道里区'], ['道里区']]],
  ])('%s', async (_name, xml, rows) => {
    expect(await gridOf(xml)).toEqual(rows);
  });

  it('declines a sheet whose elements carry a namespace prefix', async () => {
    expect(await gridOf(`<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>`)).toBeUndefined();
    expect(await gridOf(`<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>`, true)).toBeUndefined();
  });

  it('input is not mutated', async () => {
    const bytes = zipParts({ 's.xml': manyShapes(50) });
    const copy = bytes.slice();
    const strings = SHARED.strings.slice();
    await readSheet(bytes, listZipEntries(bytes)!.get('s.xml')!, SHARED, 2 ** 29);
    expect(bytes).toEqual(copy);
    expect(SHARED.strings).toEqual(strings);
  });
});

describe('plainNumberAt: exactly the plain numbers the cell text keeps as written', () => {
  const PLAIN = /^-?[1-9]\d*(?:\.\d*[1-9])?$|^0(?:\.[1-9](?:\d*[1-9])?)?$/;
  it.each([
    '0', '1', '-1', '10', '8110.16', '8110.10', '0.5', '0.05', '0.50', '-0.5', '-0', '00', '01', '1.', '.5', '1.0', '1E3', '1e-3',
    '-', '', ' 1', '1 ', '+1', '123456789012345', '1234567890123456', '12345678901234.5', '1.23456789012345', '--1', '1-', '1.2.3', '0.', '0.0', '0.1',
  ])('%j', (text) => {
    const bytes = new TextEncoder().encode(`<v>${text}</v>`);
    expect(plainNumberAt(bytes, 3, 3 + text.length)).toBe(text.length <= 15 && PLAIN.test(text));
  });

  it('reads only its range of the bytes', () => {
    expect(plainNumberAt(new TextEncoder().encode('-12'), 0, 1)).toBe(false);
    expect(plainNumberAt(new TextEncoder().encode('120'), 0, 2)).toBe(true);
  });
});

describe('readXlsxFast on a large SheetJS-written workbook read in pieces', () => {
  it('reads as the SheetJS path does', async () => {
    const aoa: (string | number | null)[][] = [['表一 主要指标', null, null, null], ['地区', '指标', '2023年', '2024年']];
    for (let i = 0; i < 4000; i++) aoa.push([`区${i % 37}`, i % 3 ? '面积' : '产量', i * 0.25, i % 11 === 0 ? null : -i / 8]);
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 3 } }, { s: { r: 2, c: 0 }, e: { r: 5, c: 0 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '表1');
    for (const bookSST of [false, true]) {
      const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST }) as ArrayBuffer);
      const ours = await readXlsxFast(bytes);
      expect(ours?.rows.length).toBe(4002);
      expect(ours).toEqual(await readWithSheetJS({ bytes }));
    }
    // SheetJS's read of 4,000 rows takes seconds on a loaded machine.
  }, 60_000);
});
