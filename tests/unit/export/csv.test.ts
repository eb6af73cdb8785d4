import { describe, expect, it } from 'vitest';
import { toCsv, toCsvBytes } from '../../../src/export/csv';
import type { Cell } from '../../../src/export/cell';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('toCsv cells', () => {
  const cases: { name: string; cell: Cell; out: string }[] = [
    { name: 'HYPERLINK formula is neutralized and quoted', cell: '=HYPERLINK("http://x","y")', out: `"'=HYPERLINK(""http://x"",""y"")"` },
    { name: '@ formula is neutralized', cell: '@SUM(A1)', out: `'@SUM(A1)` },
    { name: 'negative number stays a number', cell: -3.5, out: '-3.5' },
    { name: 'negative number given as text is neutralized', cell: '-3.5', out: `'-3.5` },
    { name: 'phone number starting with + is neutralized', cell: '+86 10', out: `'+86 10` },
    { name: 'leading tab is neutralized', cell: '\tx', out: `'\tx` },
    { name: 'leading CR is neutralized and quoted', cell: '\rx', out: `"'\rx"` },
    { name: 'leading LF is neutralized and quoted', cell: '\nx', out: `"'\nx"` },
    { name: 'Chinese text as is', cell: '哈尔滨市道里区', out: '哈尔滨市道里区' },
    { name: 'quotes are doubled', cell: '他说"好"', out: '"他说""好"""' },
    { name: 'inner newline is quoted', cell: '第一行\n第二行', out: '"第一行\n第二行"' },
    { name: 'comma is quoted', cell: '67,183.02', out: '"67,183.02"' },
    { name: 'null is empty', cell: null, out: '' },
    { name: 'NaN is empty', cell: Number.NaN, out: '' },
    { name: 'zero', cell: 0, out: '0' },
    { name: 'code text keeps its leading zero', cell: '010101', out: '010101' },
    { name: 'equals sign inside text is left alone', cell: 'a=b', out: 'a=b' },
  ];
  it.each(cases)('$name', ({ cell, out }) => {
    expect(toCsv([[cell]])).toBe(`\uFEFF${out}\r\n`);
  });
});

describe('toCsv rows', () => {
  it('starts with the BOM, separates with commas and ends every row with CRLF', () => {
    expect(toCsv([['地区', '数值'], ['道里区', 6.04], []])).toBe('\uFEFF地区,数值\r\n道里区,6.04\r\n\r\n');
  });

  it('gives only the BOM for no rows', () => {
    expect(toCsv([])).toBe('\uFEFF');
  });

  it('does not mutate its input', () => {
    const rows: Cell[][] = [['=1', -3.5, null]];
    const copy = structuredClone(rows);
    toCsv(rows);
    expect(rows).toEqual(copy);
  });
});

describe('toCsvBytes', () => {
  it('writes the exact bytes for hostile and ordinary cells', () => {
    const bytes = toCsvBytes([['=HYPERLINK("http://x","y")', '@SUM(A1)', -3.5, '-3.5', '+86 10', '万亩']]);
    const expected = [
      0xef, 0xbb, 0xbf,
      ...utf8(`"'=HYPERLINK(""http://x"",""y"")",'@SUM(A1),-3.5,'-3.5,'+86 10,`),
      0xe4, 0xb8, 0x87, 0xe4, 0xba, 0xa9, // 万亩
      0x0d, 0x0a,
    ];
    expect(hex(bytes)).toBe(hex(new Uint8Array(expected)));
  });

  it('begins with EF BB BF even for no rows', () => {
    expect(hex(toCsvBytes([]))).toBe('ef bb bf');
  });
});
