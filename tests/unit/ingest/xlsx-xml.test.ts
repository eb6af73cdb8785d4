import { describe, expect, it } from 'vitest';
import { attribute, richText, startTags, unescapeXml } from '../../../src/ingest/xlsx/xml';

describe('unescapeXml', () => {
  const cases: [string, string][] = [
    ['道里区', '道里区'],
    ['A&amp;B', 'A&B'],
    ['&lt;t&gt; &quot;x&quot; &apos;y&apos;', '<t> "x" \'y\''],
    ['&#x4E2D;&#22269;', '中国'],
    ['行1_x000D__x000A_行2', '行1\r\n行2'],
    ['&unknown; _x12_', '&unknown; _x12_'],
    ['&#x110000;', ''],
  ];
  it.each(cases)('%s → %s', (raw, text) => expect(unescapeXml(raw)).toBe(text));
});

describe('attribute', () => {
  const cases: [string, string, string | undefined][] = [
    ['<c r="B2" t="s">', 'r', 'B2'],
    ['<c xr="X" r="B2">', 'r', 'B2'],
    ['<c xr="X">', 'r', undefined],
    ["<c r='C3'>", 'r', 'C3'],
    ['<c r = "D4">', 'r', 'D4'],
    ['<sheet name="表1" r:id="rId3"/>', 'id', 'rId3'],
    ['<sheet name="表1" sheetId="1"/>', 'id', undefined],
    ['<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;"/>', 'formatCode', 'yyyy&quot;年&quot;'],
  ];
  it.each(cases)('%s, %s → %s', (tag, name, value) => expect(attribute(tag, name)).toBe(value));
});

describe('startTags', () => {
  it('finds whole tag names only, within the range, and says which are empty', () => {
    const xml = '<sheets><sheet name="a"/><sheetx name="b"/><sheet name="c"></sheet></sheets>';
    const tags = [...startTags(xml, 'sheet', 0, xml.length)];
    expect(tags.map((t) => [attribute(t.tag, 'name'), t.empty])).toEqual([['a', true], ['c', false]]);
    expect([...startTags(xml, 'sheet', 0, 20)].length).toBe(1);
  });
});

describe('richText', () => {
  const cases: [string, string][] = [
    ['<t>地区</t>', '地区'],
    ['<r><rPr><b/><sz val="11"/></rPr><t>面积</t></r><r><t xml:space="preserve">（万亩） </t></r>', '面积（万亩） '],
    ['<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>', '東京'],
    ['<t/>', ''],
    ['<t>a&amp;b</t>', 'a&b'],
  ];
  it.each(cases)('%s → %s', (xml, text) => expect(richText(xml)).toBe(text));
  it('input is not mutated', () => {
    const xml = '<t>地区</t>';
    richText(xml);
    expect(xml).toBe('<t>地区</t>');
  });
});
