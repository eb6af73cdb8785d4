import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readLedger, type Task } from '../../../src/ledger';
import { ledgerTable, type ExportTask } from '../../../src/export/ledger-table';
import { columnName, ledgerXlsx } from '../../../src/export/ledger-xlsx';
import { crc32 } from '../../../src/export/ledger-zip';
import { ledgerBoardSvg } from '../../../src/export/ledger-svg';
import { ledgerPageHtml } from '../../../src/export/ledger-html';
import { checkXml } from '../../../src/export/svg-check';
import { toCsv } from '../../../src/export/csv';

/** The entries of a ZIP, by reading its central directory (stored or deflated). */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    const data = bytes.subarray(start, start + size);
    out.set(name, new TextDecoder().decode(method === 8 ? inflateRawSync(data) : data));
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

const base = (over: Partial<ExportTask>): ExportTask => ({ title: '任务', status: 'in-progress', statusLabel: '推进中', deadlineLabel: '', source: { row: 2 }, extra: {}, ...over });

const tasks: ExportTask[] = [
  base({ number: '1', title: '<script>alert(1)</script>', deadline: '2024-06-30', deadlineLabel: '2024年6月底', light: { colour: 'red', reason: '逾期 12 天' }, extra: { 原文: '=HYPERLINK("http://x")' } }),
  base({ number: '2', title: '@SUM(A1)', planned: 80, actual: 60, light: { colour: 'yellow', reason: '滞后 20 个百分点' } }),
  base({ number: '3', title: '已办结', status: 'closed', statusLabel: '已销号', closedOn: '2024-05-01', approver: '李某', light: { colour: 'grey', reason: '已销号' } }),
  base({ number: '4', title: '推进', light: { colour: 'green', reason: '按期推进' }, extra: JSON.parse('{"__proto__":"x"}') as Record<string, string> }),
];

describe('ledger table', () => {
  it('writes the light in words next to the status, and the unplaced columns after', () => {
    const t = ledgerTable(tasks, 'zh', ['原文', '__proto__']);
    const header = t.rows[0];
    const light = t.lightColumns[0];
    expect(header[light]).toBe('灯色');
    expect(header[light + 1]).toBe('灯色说明');
    expect(t.rows.map((r) => r[light])).toEqual(['灯色', '红灯', '黄灯', '灰灯', '绿灯']);
    expect(t.rows[1][header.indexOf('原文')]).toBe('=HYPERLINK("http://x")');
    expect(t.rows[4][header.indexOf('__proto__')]).toBe('x');
    expect(t.rows[2][header.indexOf('实际进度（%）')]).toBe(60);
    expect(t.colours).toEqual(['red', 'yellow', 'grey', 'green']);
  });

  it('does not mutate the tasks', () => {
    const copy = JSON.parse(JSON.stringify(tasks));
    ledgerTable(tasks, 'en', ['原文']);
    expect(JSON.parse(JSON.stringify(tasks))).toEqual(copy);
  });

  it('neutralizes formula-looking text in CSV', () => {
    const csv = toCsv(ledgerTable(tasks, 'zh', ['原文']).rows);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("'@SUM(A1)");
  });
});

describe('ledger xlsx', () => {
  const table = ledgerTable(tasks, 'zh', ['原文']);
  const files = unzip(ledgerXlsx(table, '整改台账'));
  const sheet = files.get('xl/worksheets/sheet1.xml')!;
  const styles = files.get('xl/styles.xml')!;

  it('is well-formed XML throughout', () => {
    for (const [name, xml] of files) expect(checkXml(xml), name).toMatchObject({ ok: true });
  });

  it('fills each light cell with its colour and writes the word in it', () => {
    const col = columnName(table.lightColumns[0]);
    const fills = [...styles.matchAll(/<fgColor rgb="(\w+)"/g)].map((m) => m[1]);
    const xfFill = [...styles.matchAll(/<xf [^>]*fillId="(\d+)"/g)].map((m) => Number(m[1]));
    // cellXfs come after the one cellStyleXf.
    const fillOfStyle = (s: number) => fills[xfFill[1 + s] - 2];
    const cellOf = (row: number) => new RegExp(`<c r="${col}${row}" s="(\\d+)" t="inlineStr"><is><t xml:space="preserve">([^<]*)</t>`).exec(sheet)!;
    const seen = [2, 3, 4, 5].map((r) => [cellOf(r)[2], fillOfStyle(Number(cellOf(r)[1]))]);
    expect(seen).toEqual([
      ['红灯', 'FFFF7875'],
      ['黄灯', 'FFFFE58F'],
      ['灰灯', 'FFD9D9D9'],
      ['绿灯', 'FF95DE64'],
    ]);
  });

  it('writes text as text, never a formula, escaped', () => {
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(sheet).toContain('=HYPERLINK(&quot;http://x&quot;)');
  });

  it('reads back as a ledger with the same tasks and statuses', async () => {
    const back = await readLedger({ name: 'x.xlsx', bytes: ledgerXlsx(table, '整改台账') });
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(back.tasks.map((t: Task) => [t.title, t.status])).toEqual([
      ['<script>alert(1)</script>', 'in-progress'],
      ['@SUM(A1)', 'in-progress'],
      ['已办结', 'closed'],
      ['推进', 'in-progress'],
    ]);
    expect(back.tasks[0].extra['原文']).toBe('=HYPERLINK("http://x")');
  });

  it('has CRCs a ZIP reader accepts', () => {
    expect(crc32(new TextEncoder().encode('abc'))).toBe(0x352441c2);
    expect(columnName(0) + columnName(25) + columnName(26) + columnName(701)).toBe('AZAAZZ');
  });
});

describe('board picture and saved page', () => {
  it('draws the board as well-formed SVG with the lights in words and texts escaped', () => {
    const svg = ledgerBoardSvg(tasks, { title: '台账<b>', today: '2024-07-12', locale: 'zh' });
    expect(checkXml(svg)).toMatchObject({ ok: true, root: 'svg' });
    expect(svg).toContain('红灯 · 逾期 12 天');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('<script>');
  });

  it('saves a page with no script, its lights filled and written, user text escaped', () => {
    const table = ledgerTable(tasks, 'zh', ['原文']);
    const html = ledgerPageHtml({
      title: '<img src=x onerror=alert(1)>',
      today: '2024-07-12',
      locale: 'zh',
      table,
      summary: { total: 4, done: 1, closed: 1, inProgress: 2, overdue: [{ title: '<script>x</script>', days: 12 }] },
      boardSvg: ledgerBoardSvg(tasks, { title: 't', today: '2024-07-12', locale: 'zh' }),
    });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<td style="background:#FF7875">红灯</td>');
    expect(html).toContain('逾期 12 天');
  });
});
