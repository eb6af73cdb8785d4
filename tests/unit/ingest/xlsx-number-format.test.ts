import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { isDateFormat, numberCellText, serialToDate } from '../../../src/ingest/xlsx/number-format';

describe('isDateFormat', () => {
  const cases: [string, boolean][] = [
    ['General', false],
    ['0.00', false],
    ['#,##0.00', false],
    ['0.00%', false],
    ['0.00E+00', false],
    ['000000', false],
    ['@', false],
    ['"年"0', false],
    ['[Red]0.00', false],
    ['_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)', false],
    ['m/d/yy', true],
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"', true],
    ['yyyy/m', true],
    ['h:mm AM/PM', true],
    ['[h]:mm:ss', true],
    ['上午/下午h"时"mm"分"', true],
    ['[$-804]yyyy"年"m"月"d"日"', true],
  ];
  it.each(cases)('%s → %s, as SheetJS says', (fmt, date) => {
    expect(isDateFormat(fmt)).toBe(date);
    expect(XLSX.SSF.is_date(fmt)).toBe(date);
  });
});

describe('serialToDate', () => {
  const cases: [number, boolean, { y: number; m: number; d: number }][] = [
    [1, false, { y: 1900, m: 1, d: 1 }],
    [59, false, { y: 1900, m: 2, d: 28 }],
    [60, false, { y: 1900, m: 2, d: 29 }],
    [61, false, { y: 1900, m: 3, d: 1 }],
    [45292, false, { y: 2024, m: 1, d: 1 }],
    [45505, false, { y: 2024, m: 8, d: 1 }],
    [45505.75, false, { y: 2024, m: 8, d: 1 }],
    [45505.999999999, false, { y: 2024, m: 8, d: 2 }],
    [0, true, { y: 1904, m: 1, d: 1 }],
    [43963, true, { y: 2024, m: 5, d: 13 }],
  ];
  it.each(cases)('%s (1904: %s) → %o', (serial, date1904, expected) => {
    expect(serialToDate(serial, date1904)).toEqual(expected);
  });
  it('agrees with SheetJS over three centuries (TZ=Asia/Shanghai)', () => {
    for (let serial = 1; serial < 80000; serial += 97) {
      const d = XLSX.SSF.parse_date_code(serial);
      expect(serialToDate(serial, false)).toEqual({ y: d.y, m: d.m, d: d.d });
    }
  });
});

describe('numberCellText', () => {
  const cases: [number, string, string][] = [
    [6.04, '', '6.04'],
    [6.04, 'General', '6.04'],
    [0.6573, '0.00%', '65.73%'],
    [1.1, '0%', '110%'],
    [10101, '000000', '010101'],
    [10101.5, '000000', '10101.5'],
    [45505, 'yyyy-mm-dd', '2024-08-01'],
    [45505, 'yyyy/m', '2024-08'],
    [45505, 'yyyy', '2024'],
    [45505, 'yyyy"年"m"月"', '2024年8月'],
    [45505, 'yyyy"年"m"月"d"日"', '2024年8月1日'],
    // Not a date serial: shown as the number.
    [-3, 'yyyy-mm-dd', '-3'],
    [1234567.5, '#,##0.0', '1234567.5'],
  ];
  it.each(cases)('%s with %s → %s', (v, z, text) => {
    expect(numberCellText(v, z, false)).toBe(text);
  });
});
