import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsxFast } from '../../../src/ingest/xlsx/read-xlsx-fast';
import { readWithSheetJS } from '../../../src/ingest/xlsx/read-xlsx';
import { zipParts } from '../../fixtures/zip-parts.mjs';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A one-sheet workbook as WPS writes it: docProps/custom.xml, and no sharedStrings.xml unless `strings`. */
function wpsWorkbook(sheetData: string, opts: { dimension?: string; strings?: readonly string[]; danglingStrings?: boolean } = {}): Uint8Array {
  const stringsRel = opts.strings || opts.danglingStrings ? `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '';
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${opts.strings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId3" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    'docProps/custom.xml': '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>',
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${stringsRel}</Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet ${NS}>${opts.dimension ? `<dimension ref="${opts.dimension}"/>` : ''}<sheetData>${sheetData}</sheetData></worksheet>`,
  };
  if (opts.strings) parts['xl/sharedStrings.xml'] = `<?xml version="1.0"?><sst ${NS}>${opts.strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
  return zipParts(parts);
}

const is = (text: string, ref = ''): string => `<c${ref ? ` r="${ref}"` : ''} t="inlineStr"><is><t>${text}</t></is></c>`;

describe('WPS quirks: our reader reads them as Excel does, and as SheetJS does', () => {
  it.each([
    ['no sharedStrings.xml: inline strings, plain, with xml:space and in rich runs',
      `<row r="1">${is('地区', 'A1')}<c r="B1" t="inlineStr"><is><t xml:space="preserve"> 面积 </t></is></c><c r="C1" t="inlineStr"><is><r><t>道里</t></r><r><rPr><b/></rPr><t>区</t></r></is></c></row>`,
      {}, [['地区', ' 面积 ', '道里区']]],
    ['shared formulas: the master and its children give their cached values',
      '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>4</v></c></row><row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c></row><row r="3"><c r="A3"><v>5</v></c><c r="B3"><f t="shared" si="0"></f><v>10</v></c></row>',
      {}, [['2', '4'], ['3', '6'], ['5', '10']]],
    ['cells typed str: formula strings, escaped',
      '<row r="1"><c r="A1" t="str"><f>"道里"&amp;"区"</f><v>道里区</v></c><c r="B1" t="str"><f>"a&amp;b"</f><v>a&amp;b&lt;1&gt;</v></c><c r="C1" t="str"><f>""</f><v></v></c></row>',
      {}, [['道里区', 'a&b<1>', '']]],
    ['a dimension that is too small (A1:B2 over four columns and three rows)',
      `<row r="1">${is('地区', 'A1')}${is('年份', 'B1')}${is('面积', 'C1')}${is('说明', 'D1')}</row><row r="2">${is('道里区', 'A2')}<c r="B2"><v>2024</v></c><c r="C2"><v>6.04</v></c>${is('快报', 'D2')}</row><row r="3">${is('南岗区', 'A3')}<c r="B3"><v>2024</v></c><c r="C3"><v>3.3</v></c></row>`,
      { dimension: 'A1:B2' }, [['地区', '年份', '面积', '说明'], ['道里区', '2024', '6.04', '快报'], ['南岗区', '2024', '3.3', '']]],
    ['a dimension that is too large',
      `<row r="1">${is('地区', 'A1')}${is('年份', 'B1')}</row>`,
      { dimension: 'A1:B2' }, [['地区', '年份']]],
    ['rows without r follow the previous row; cells without r the previous cell',
      `<row r="2">${is('地区')}${is('面积')}</row><row>${is('道里区')}<c><v>6.04</v></c></row><row><c r="B4"><v>3.3</v></c></row>`,
      {}, [['', ''], ['地区', '面积'], ['道里区', '6.04'], ['', '3.3']]],
    ['shared strings with WPS\'s part present as well', '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>', { strings: ['地区', '面积'] }, [['地区', '面积']]],
  ] as const)('%s', async (_name, data, opts, expected) => {
    const bytes = wpsWorkbook(data, opts);
    const ours = await readXlsxFast(bytes);
    // Ours reads it, never handing it to SheetJS.
    expect(ours?.rows).toEqual(expected);
    expect(ours?.rows).toEqual((await readWithSheetJS({ bytes })).rows);
  });

  it('a formula without a cached value holds nothing in both (neither reader computes formulas)', async () => {
    const bytes = wpsWorkbook('<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*2</f></c><c r="C1"><v>3</v></c></row>');
    expect((await readXlsxFast(bytes))?.rows).toEqual([['2', '', '3']]);
    expect((await readWithSheetJS({ bytes })).rows).toEqual([['2', '', '3']]);
  });

  it('a row without r is the row its first cell names (where SheetJS splits the row)', async () => {
    const bytes = wpsWorkbook('<row r="1"><c r="A1"><v>1</v></c></row><row><c r="A4"><v>4</v></c><c><v>5</v></c></row><row><c><v>6</v></c></row>');
    expect((await readXlsxFast(bytes))?.rows).toEqual([['1', ''], ['', ''], ['', ''], ['4', '5'], ['6', '']]);
  });

  it('a sharedStrings relationship to a part that is not there: the inline strings still read', async () => {
    const bytes = wpsWorkbook(`<row r="1">${is('地区', 'A1')}<c r="B1"><v>1</v></c></row>`, { danglingStrings: true });
    expect((await readXlsxFast(bytes))?.rows).toEqual([['地区', '1']]);
  });

  it('wps-quirks.xlsx: every quirk in one file, read by our reader as by SheetJS', async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/wps-quirks.xlsx')));
    const ours = await readXlsxFast(bytes);
    expect(ours?.rows).toEqual([
      ['地区', '年份', '压采量（亿立方米）', '用水总量（亿立方米）', '说明'],
      ['沧州市', '2021', '1.14', '14.16', '沧州市（快报）'],
      ['沧州市', '2022', '1.2', '14.9', '沧州市'],
      ['注：2022年为示例数据', '', '', '', ''],
    ]);
    expect(ours?.rows).toEqual((await readWithSheetJS({ bytes })).rows);
  });

  it('input is not mutated', async () => {
    const bytes = wpsWorkbook(`<row>${is('地区')}</row>`);
    const copy = bytes.slice();
    await readXlsxFast(bytes);
    await readWithSheetJS({ bytes });
    expect(bytes).toEqual(copy);
  });
});

describe('hidden sheets, as templates keep their drop-down lists', () => {
  it('both readers pass over a hidden code list for the visible data sheet', async () => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['区划代码', '名称'], ['230102', '道里区']]), '代码表');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['地区', '年份', '面积（万亩）'], ['道里区', 2024, 6.04]]), '数据');
    wb.Workbook = { Sheets: [{ name: '代码表', Hidden: 1 }, { name: '数据', Hidden: 0 }] };
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(await readXlsxFast(bytes)).toMatchObject({ sheet: '数据', choice: { reason: 'table', skipped: ['代码表'] } });
    expect(await readWithSheetJS({ bytes })).toMatchObject({ sheet: '数据', choice: { reason: 'table', skipped: ['代码表'] } });
  });
});
