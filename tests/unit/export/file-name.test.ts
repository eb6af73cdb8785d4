import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../src/export/file-name';

describe('safeFileName', () => {
  const cases: { name: string; title: string; ext: string; out: string }[] = [
    { name: 'keeps Chinese', title: '保护性耕作面积（万亩）', ext: 'png', out: '保护性耕作面积（万亩）.png' },
    { name: 'drops path and wildcard characters', title: 'a/b\\c:d*e?f"g<h>i|j', ext: 'csv', out: 'abcdefghij.csv' },
    { name: 'drops control characters', title: 'a\u0000b\u0007c\nd\te\u007f\u0085f', ext: 'csv', out: 'abcdef.csv' },
    { name: 'drops bidi overrides that disguise an extension', title: 'report\u202Efdp.exe', ext: 'png', out: 'reportfdp.exe.png' },
    { name: 'collapses spaces and trims dots and spaces', title: '  ..年度   报告.. ', ext: 'pdf', out: '年度 报告.pdf' },
    { name: 'uses the fallback for an empty title', title: '', ext: 'svg', out: '导出.svg' },
    { name: 'uses the fallback for a title of only unsafe characters', title: '///???', ext: 'svg', out: '导出.svg' },
    { name: 'prefixes Windows device names', title: 'CON', ext: 'csv', out: '_CON.csv' },
    { name: 'prefixes Windows device names with a dot', title: 'com1.tar', ext: 'csv', out: '_com1.tar.csv' },
    { name: 'normalizes the extension', title: 'x', ext: '.XLSX', out: 'x.xlsx' },
    { name: 'cleans a hostile extension', title: 'x', ext: 'html/../../a', out: 'x.htmla' },
    { name: 'keeps a title without extension when none is given', title: '标题', ext: '', out: '标题' },
    { name: 'keeps __proto__ as a name', title: '__proto__', ext: 'csv', out: '__proto__.csv' },
  ];
  it.each(cases)('$name', ({ title, ext, out }) => {
    expect(safeFileName(title, ext)).toBe(out);
  });

  it('uses the English fallback in English', () => {
    expect(safeFileName('', 'png', { locale: 'en' })).toBe('export.png');
  });

  it('limits the length in characters without splitting a surrogate pair', () => {
    const name = safeFileName('😀'.repeat(100), 'png');
    expect(Array.from(name.replace(/\.png$/, ''))).toHaveLength(80);
    expect(name.replace(/\.png$/, '')).toBe('😀'.repeat(80));
    expect(safeFileName('啊'.repeat(100), 'csv', { maxLength: 10 })).toBe('啊'.repeat(10) + '.csv');
  });

  it('stays within 255 UTF-8 bytes for the longest Chinese title', () => {
    expect(new TextEncoder().encode(safeFileName('国'.repeat(500), 'xlsx')).length).toBeLessThanOrEqual(255);
  });
});
