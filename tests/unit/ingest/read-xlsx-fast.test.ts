import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { readXlsxFast } from '../../../src/ingest/xlsx/read-xlsx-fast';
import { readWithSheetJS, readWorkbook } from '../../../src/ingest/xlsx/read-xlsx';
import { ingest } from '../../../src/ingest';
import { zipParts } from '../../fixtures/zip-parts.mjs';
import { ZipEntryTooLarge } from '../../../src/ingest/zip-entries';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An .xlsx as Excel writes it: shared strings, a styles part, sheets by relationship id. */
function excelWorkbook(sheets: { name: string; data: string; after?: string }[], opts: { strings?: string[]; date1904?: boolean; prefix?: boolean } = {}): Uint8Array {
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS}><workbookPr${opts.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 10}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_s, i) => `<Relationship Id="rId${i + 10}" Type="${REL}/worksheet" Target="/xl/worksheets/s${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    // Style 0 General, 1 builtin date (14), 2 builtin percent (10), 3 custom 年月, 4 custom code 000000, 5 zh-CN builtin 57 (年月).
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="177" formatCode="000000"/></numFmts><cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="10"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="57"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst ${NS} count="9">${(opts.strings ?? []).map((s) => `<si>${s}</si>`).join('')}</sst>`,
  };
  sheets.forEach((s, i) => {
    const body = `<sheetData>${s.data}</sheetData>${s.after ?? ''}`;
    parts[`xl/worksheets/s${i + 1}.xml`] = opts.prefix
      ? `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body.replace(/<(\/?)/g, '<$1x:')}</x:worksheet>`
      : `<?xml version="1.0"?><worksheet ${NS}>${body}</worksheet>`;
  });
  return zipParts(parts, ['xl/workbook.xml']);
}

const STRINGS = [
  '<t>道里区黑土地保护利用情况</t>',
  '<t>地区</t>',
  // Rich text runs, and a phonetic guide that is not part of the text.
  '<r><rPr><b/></rPr><t>面积</t></r><r><t xml:space="preserve">（万亩）</t></r><rPh sb="0" eb="2"><t>ミンセキ</t></rPh>',
  '<t>A&amp;B &lt;1&gt; &#x4E2D;&#22269;_x000D_</t>',
  '<t/>',
];

describe('readXlsxFast', () => {
  it('reads an Excel-style workbook: shared and inline strings, formats, blanks, rows and cells without r, merges', async () => {
    const data = [
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="0"/></row>',
      // Row 2 left out; row 3 has no r (it follows row 1 → no: it carries r="3").
      '<row r="3" spans="1:5"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="inlineStr"><is><r><t>日</t></r><r><t>期</t></r></is></c><c r="D3" t="s"><v>3</v></c><c r="E3" t="s"><v>4</v></c></row>',
      // Cells without r follow the previous cell; a styled blank (s="2", no value) is empty.
      '<row r="4"><c r="A4" s="4"><v>10101</v></c><c><v>6.04</v></c><c s="1"><v>45505</v></c><c s="2"/><c s="2"><v>0.6573</v></c></row>',
      '<row><c r="A5" s="3"><v>45505</v></c><c r="B5" t="str"><f>A1&amp;"x"</f><v>公式&amp;结果</v></c><c r="C5" t="b"><v>1</v></c><c r="D5" t="e"><v>#DIV/0!</v></c><c r="E5" s="5"><v>45352</v></c></row>',
      '<row r="6"><c r="A6" t="inlineStr"><is><t xml:space="preserve"> 南岗区 </t></is></c><c r="B6"><v>1.5E-3</v></c><c r="C6"><v>-0.5</v></c><c r="D6"><v>1234567890123456789</v></c><c r="E6"><v>0.1</v></c></row>',
    ].join('');
    const bytes = excelWorkbook([{ name: '主要指标', data, after: '<mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells>' }, { name: '说明', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>注：示例</t></is></c></row>' }], { strings: STRINGS });
    const wb = await readXlsxFast(bytes);
    expect(wb).toEqual({
      sheets: ['主要指标', '说明'],
      sheet: '主要指标',
      missingSheet: undefined,
      choice: { reason: 'table', skipped: [] },
      rows: [
        ['道里区黑土地保护利用情况', '道里区黑土地保护利用情况', '道里区黑土地保护利用情况', '道里区黑土地保护利用情况', '道里区黑土地保护利用情况'],
        ['', '', '', '', ''],
        ['地区', '面积（万亩）', '日期', 'A&B <1> 中国\r', ''],
        ['010101', '6.04', '2024-08-01', '', '65.73%'],
        ['2024年8月', '公式&结果', 'TRUE', '#DIV/0!', '2024年3月'],
        [' 南岗区 ', '0.0015', '-0.5', '1234567890123460000', '0.1'],
      ],
    });
  });

  it('reads the sheet asked for, and says when it does not exist', async () => {
    const bytes = excelWorkbook([
      { name: '甲', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c></row>' },
      { name: '乙&amp;丙', data: '<row r="2"><c r="B2" t="inlineStr"><is><t>乙</t></is></c></row>' },
    ]);
    expect(await readXlsxFast(bytes, '乙&丙')).toEqual({ sheets: ['甲', '乙&丙'], sheet: '乙&丙', rows: [['', ''], ['', '乙']], missingSheet: undefined, choice: { reason: 'asked', skipped: [] } });
    expect(await readXlsxFast(bytes, '丁')).toMatchObject({ sheet: '甲', rows: [['甲']], missingSheet: '丁' });
  });

  it('without a choice, skips empty sheets to the first with cells', async () => {
    const bytes = excelWorkbook([
      { name: '封面', data: '' },
      { name: '数据', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>地区</t></is></c></row>' },
    ]);
    expect(await readXlsxFast(bytes)).toMatchObject({ sheet: '数据', rows: [['地区']] });
  });

  it('dates in a 1904 workbook count from 1904-01-01', async () => {
    const bytes = excelWorkbook([{ name: '表1', data: '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="3"><v>43963</v></c></row>' }], { date1904: true });
    expect((await readXlsxFast(bytes))?.rows).toEqual([['1904-01-01', '2024年5月']]);
  });

  it('declines what it does not read (namespace-prefixed sheets, no workbook part, not a zip); readWorkbook then uses SheetJS', async () => {
    const prefixed = excelWorkbook([{ name: '表1', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>地区</t></is></c></row>' }], { prefix: true });
    expect(await readXlsxFast(prefixed)).toBeUndefined();
    expect(await readXlsxFast(zipParts({ 'content.xml': '<office:document-content/>' }))).toBeUndefined();
    expect(await readXlsxFast(new TextEncoder().encode('地区,2024\n'))).toBeUndefined();
    expect((await readWorkbook({ bytes: prefixed })).rows).toEqual((await readWithSheetJS({ bytes: prefixed })).rows);
  });

  it('reads SheetJS-written workbooks (inline and shared strings) exactly as the SheetJS path does', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['地区', '指标', '2023年', '2024年', '日期', '完成率', '代码'],
      ['道里区', '面积', 6.04, 1234567.5, null, null, null],
      [null, null, -0.000001, 1e21, null, null, null],
      ['__proto__', '=HYPERLINK("x")', true, 'a&b<c>', null, null, null],
    ]);
    ws.E2 = { t: 'n', v: 45505, z: 'yyyy-mm-dd' };
    ws.F2 = { t: 'n', v: 0.6573, z: '0.00%' };
    ws.G2 = { t: 'n', v: 10101, z: '000000' };
    ws.E3 = { t: 'n', v: 45292, z: 'yyyy"年"m"月"d"日"' };
    ws.F3 = { t: 'e', v: 7 };
    ws['!merges'] = [{ s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '表1');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['说明']]), '说明');
    for (const bookSST of [false, true]) {
      const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST }) as ArrayBuffer);
      for (const sheet of [undefined, '表1', '说明']) {
        const ours = await readXlsxFast(bytes, sheet);
        expect(ours).toBeDefined();
        expect(ours).toEqual(await readWithSheetJS({ bytes }, sheet));
      }
    }
  });

  // Without a `<dimension>` (ours never reads it: the cells say how large the sheet is).
  it('a sheet row of 2 cells and one of 5 come out equally wide, as in the SheetJS path', async () => {
    const bytes = excelWorkbook([{ name: '表1', data: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="E2"><v>5</v></c></row>' }]);
    const ours = await readXlsxFast(bytes);
    expect(ours?.rows).toEqual([['1', '2', '', '', ''], ['', '', '', '', '5']]);
    expect(ours?.rows).toEqual((await readWithSheetJS({ bytes })).rows);
  });

  it('input is not mutated', async () => {
    const bytes = excelWorkbook([{ name: '表1', data: '<row r="1"><c r="A1" t="s"><v>1</v></c></row>' }], { strings: STRINGS });
    const copy = bytes.slice();
    expect((await readXlsxFast(bytes))?.rows).toEqual([['地区']]);
    expect(bytes).toEqual(copy);
  });

  it('through ingest(): an Excel-style table with a merged title, shared strings, month dates (zh-CN builtin format) and percents', async () => {
    const strings = ['<t>道里区主要指标</t>', '<t>地区</t>', '<t>月份</t>', '<t>保护性耕作面积（亩）</t>', '<t>秸秆还田率</t>', '<t>道里区</t>'];
    const row = (r: number, month: number, area: number, rate: number): string =>
      `<row r="${r}"><c r="A${r}" t="s"><v>5</v></c><c r="B${r}" s="5"><v>${month}</v></c><c r="C${r}"><v>${area}</v></c><c r="D${r}" s="2"><v>${rate}</v></c></row>`;
    const data = '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c><c r="D3" t="s"><v>4</v></c></row>' + row(4, 45292, 53000, 0.61) + row(5, 45323, 59000, 0.6573);
    const bytes = excelWorkbook([{ name: '表1', data, after: '<mergeCells><mergeCell ref="A1:D1"/></mergeCells>' }], { strings });
    const r = await ingest({ name: '指标.xlsx', bytes });
    expect(r).toMatchObject({ format: 'xlsx', sheet: '表1', headerRow: 3, title: '道里区主要指标' });
    expect(r.records.map((o) => [o.region, o.indicator, o.period, o.value, o.unit])).toEqual([
      ['道里区', '保护性耕作面积', '2024-01', 53000, '亩'],
      ['道里区', '秸秆还田率', '2024-01', 61, '%'],
      ['道里区', '保护性耕作面积', '2024-02', 59000, '亩'],
      ['道里区', '秸秆还田率', '2024-02', 65.73, '%'],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('refuses a workbook whose part inflates past the limit instead of reading it', async () => {
    const data = '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(2000);
    const bytes = excelWorkbook([{ name: '表1', data }]);
    await expect(readXlsxFast(bytes, undefined, 10_000)).rejects.toBeInstanceOf(ZipEntryTooLarge);
    expect((await readXlsxFast(bytes, undefined, 1_000_000))?.rows.length).toBe(1);
  });
});
