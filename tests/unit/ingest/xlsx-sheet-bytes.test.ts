import { describe, expect, it } from 'vitest';
import { SheetBytes } from '../../../src/ingest/xlsx/read-sheet';
import { SheetCells, type Shared } from '../../../src/ingest/xlsx/sheet-cells';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const SHARED: Shared = { strings: ['地区', '道里区', 'A&B'], formats: ['', 'yyyy-mm-dd', '0.00%', 'yyyy"年"m"月"', '000000'], date1904: false };

/** A sheet part around `rows` (the content of `<sheetData>`), with `after` following it. */
const sheet = (rows: string, after = ''): string => `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${NS}><dimension ref="A1"/><sheetData>${rows}</sheetData>${after}</worksheet>`;

/** The grid of `xml` read from its UTF-8 bytes cut into chunks of `size` bytes (whole when 0). */
function gridOf(xml: string, size: number, shared: Shared = SHARED): string[][] | undefined {
  const bytes = new TextEncoder().encode(xml);
  const reader = new SheetBytes(new SheetCells(shared));
  if (size === 0) reader.add(bytes);
  else for (let at = 0; at < bytes.length; at += size) reader.add(bytes.slice(at, at + size));
  return reader.finish();
}

/** Chunk sizes that cut tags, attributes, entities and multi-byte characters everywhere. */
const SIZES = [0, 1, 2, 3, 5, 7, 13, 64];

describe('SheetBytes: cells read from the bytes, cut anywhere', () => {
  it.each<[string, string, string[][], Shared?]>([
    ['a plain number, an integer, a negative', sheet('<row r="1"><c r="A1"><v>8110.16</v></c><c r="B1"><v>2024</v></c><c r="C1" t="n"><v>-0.5</v></c></row>'), [['8110.16', '2024', '-0.5']]],
    ['numbers not written plainly read as numbers', sheet('<row r="1"><c r="A1"><v>1E3</v></c><c r="B1"><v>8110.10</v></c><c r="C1"><v>0.1000000000000000055</v></c><c r="D1"><v>-0</v></c></row>'), [['1000', '8110.1', '0.1', '0']]],
    ['shared strings, one out of range, one empty', sheet('<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="s"><v>9</v></c><c r="D1" t="s"><v></v></c><c r="E1"><v>1</v></c></row>'), [['道里区', 'A&B', '', '', '1']]],
    ['inline and str texts with entities and escapes', sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>A&amp;B &lt;1&gt;</t></is></c><c r="B1" t="str"><v>&#x4E2D;&#22269;_x000D_</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> 空格 </t></is></c></row>'), [['A&B <1>', '中国\r', ' 空格 ']]],
    ['rich text runs and phonetic guides', sheet('<row r="1"><c r="A1" t="inlineStr"><is><r><t>道里</t></r><r><rPr><b/><color rgb="FF0000"/></rPr><t>区</t></r><rPh sb="0" eb="1"><t>ダオ</t></rPh></is></c></row>'), [['道里区']]],
    ['formulas with cached values (none: no cell); HYPERLINK shows its text, never a link', sheet('<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v>3</v></c><c r="B1" t="str"><f>HYPERLINK("http://x","链接")</f><v>链接</v></c><c r="C1" t="inlineStr"><is><t>=HYPERLINK("http://x","y")</t></is></c><c r="D1"><f>1/0</f></c></row>'), [['3', '链接', '=HYPERLINK("http://x","y")']]],
    ['numbers stored as text keep their zeros; a code format pads', sheet('<row r="1"><c r="A1" t="str"><v>010101</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" s="4"><v>10101</v></c><c r="D1" t="inlineStr"><is><t>6.04万亩</t></is></c></row>'), [['010101', '地区', '010101', '6.04万亩']]],
    ['dates and percents by style', sheet('<row r="1"><c r="A1" s="1"><v>45505</v></c><c r="B1" s="3"><v>45505.5</v></c><c r="C1" s="2"><v>0.6573</v></c><c r="D1" s="1"><v>60</v></c></row>'), [['2024-08-01', '2024年8月', '65.73%', '1900-02-29']]],
    ['dates in the 1904 system', sheet('<row r="1"><c r="A1" s="1"><v>44043</v></c></row>'), [['2024-08-01']], { ...SHARED, date1904: true }],
    ['booleans, errors, ISO dates', sheet('<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="d"><v>2024-03-01T00:00:00</v></c></row>'), [['TRUE', 'FALSE', '#N/A', '2024-03-01']]],
    ['gaps: a missing row, missing cells, rows and cells without r', sheet('<row r="1"><c r="B1"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c><c r="D3"><v>3</v></c></row><row><c><v>4</v></c><c><v>5</v></c></row><row><c r="C6"><v>6</v></c></row>'), [['', '1', '', ''], ['', '', '', ''], ['2', '', '', '3'], ['4', '5', '', ''], ['', '', '', ''], ['', '', '6', '']]],
    ['an empty typed cell widens the grid, an empty untyped one does not', sheet('<row r="1"><c r="A1"><v>1</v></c><c r="C1" t="s"/><c r="E1" s="2"/></row>'), [['1', '', '']]],
    ['merged title rows and merged regions filled', sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>表一 主要指标</t></is></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>1</v></c></row><row r="3"><c r="B3"><v>2</v></c></row>', '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A2:A3"/></mergeCells>'), [['表一 主要指标', '表一 主要指标'], ['道里区', '1'], ['道里区', '2']]],
    ['names outside the BMP and GB-only characters (4-byte UTF-8)', sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>𠀾𡈽村</t></is></c><c r="B1" t="str"><v>㙟镇</v></c><c r="C1" t="str"><v>㙟镇</v></c></row>'), [['𠀾𡈽村', '㙟镇', '㙟镇']]],
    ['attributes quoted with apostrophes, spaced, in any order', sheet(`<row r='1' spans='1:2'><c s = '2' t='n' r='A1'><v>0.5</v></c><c t="s"  r="B1" ><v>1</v></c></row>`), [['50%', '道里区']]],
    ['texts whose bytes hash alike stay apart', sheet('<row r="1"><c r="A1" t="str"><v>区skg</v></c><c r="B1" t="str"><v>区1f80</v></c><c r="C1" t="str"><v>区skg</v></c><c r="D1" t="str"><v>区1f80</v></c></row>'), [['区skg', '区1f80', '区skg', '区1f80']]],
    ['a text longer than those kept once', sheet(`<row r="1"><c r="A1" t="str"><v>${'长'.repeat(100)}</v></c><c r="B1" t="str"><v>${'长'.repeat(100)}</v></c></row>`), [['长'.repeat(100), '长'.repeat(100)]]],
    ['an element named like a cell or row is not one', sheet('<row r="1"><c r="A1" t="inlineStr"><is><r><t>x</t></r></is></c><col/><rowBreaks/></row>'), [['x']]],
  ])('%s', (_name, xml, rows, shared) => {
    for (const size of SIZES) expect([size, gridOf(xml, size, shared)]).toEqual([size, rows]);
  });

  it.each([
    ['no sheetData', `<worksheet ${NS}><sheetViews/></worksheet>`, []],
    ['an empty sheetData', `<worksheet ${NS}><sheetData/><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`, []],
    ['a sheetData never closed: what is there', `<worksheet ${NS}><sheetData><row r="1"><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v>`, [['', '2'], ['3', '']]],
  ])('%s', (_name, xml, rows) => {
    for (const size of SIZES) expect([size, gridOf(xml, size)]).toEqual([size, rows]);
  });

  it('declines a namespace-prefixed sheet, whatever the chunks', () => {
    for (const size of SIZES) expect(gridOf(`<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>`, size)).toBeUndefined();
  });

  it('input is not mutated', () => {
    const bytes = new TextEncoder().encode(sheet('<row r="1"><c r="A1" t="str"><v>A&amp;B</v></c><c r="B1" s="2"><v>0.5</v></c></row>'));
    const copy = bytes.slice();
    const shared: Shared = { strings: ['x'], formats: ['', '', '0%'], date1904: false };
    const sharedCopy = structuredClone(shared);
    const reader = new SheetBytes(new SheetCells(shared));
    reader.add(bytes.subarray(0, 40));
    reader.add(bytes.subarray(40));
    expect(reader.finish()).toEqual([['A&B', '50%']]);
    expect(bytes).toEqual(copy);
    expect(shared).toEqual(sharedCopy);
  });
});
