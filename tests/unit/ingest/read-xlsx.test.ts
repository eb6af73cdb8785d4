import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { readWorkbook } from '../../../src/ingest/xlsx/read-xlsx';

function workbook(build: (ws: XLSX.WorkSheet) => void, aoa: unknown[][]): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  build(ws);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '表1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('readWorkbook', () => {
  it('reads formats: zero-padded codes, dates by their precision, percents, numeric years; fills merges', async () => {
    const bytes = workbook(
      (ws) => {
        ws.A2 = { t: 'n', v: 10101, z: '000000' };
        ws.C2 = { t: 'n', v: 45505, z: 'yyyy-mm-dd' };
        ws.D2 = { t: 'n', v: 45505, z: 'yyyy/m' };
        ws.E2 = { t: 'n', v: 1.1, z: '0%' };
        ws['!merges'] = [{ s: { r: 1, c: 1 }, e: { r: 2, c: 1 } }];
      },
      [
        ['代码', '地区', '日', '月', '完成率', 2024],
        [null, '道里区', null, null, null, 6.04],
        [null, null, null, null, null, 1234567.5],
      ],
    );
    const { rows, sheets, sheet } = await readWorkbook({ bytes });
    expect(sheets).toEqual(['表1']);
    expect(sheet).toBe('表1');
    expect(rows).toEqual([
      ['代码', '地区', '日', '月', '完成率', '2024'],
      ['010101', '道里区', '2024-08-01', '2024-08', '110%', '6.04'],
      ['', '道里区', '', '', '', '1234567.5'],
    ]);
  });

  it('dates do not shift with the time zone (TZ=Asia/Shanghai in the test run)', async () => {
    // 2024-01-01 00:00 as a serial: a local-time conversion east of UTC would still say 2024-01-01,
    // west of UTC 2023-12-31; the serial conversion never moves.
    const bytes = workbook((ws) => (ws.A1 = { t: 'n', v: 45292, z: 'yyyy"年"m"月"d"日"' }), [[null]]);
    expect((await readWorkbook({ bytes })).rows).toEqual([['2024年1月1日']]);
  });

  it('reads an HTML table as text, keeping codes', async () => {
    const { rows } = await readWorkbook({ html: '<table><tr><td>代码</td><td>值</td></tr><tr><td>010101</td><td>65.73%</td></tr></table>' });
    expect(rows).toEqual([['代码', '值'], ['010101', '65.73%']]);
  });

  it('input is not mutated', async () => {
    const bytes = workbook(() => undefined, [['地区'], ['道里区']]);
    const copy = bytes.slice();
    await readWorkbook({ bytes });
    expect(bytes).toEqual(copy);
  });
});
