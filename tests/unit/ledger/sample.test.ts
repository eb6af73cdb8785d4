import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, readLedger } from '../../../src/ledger';

const path = join(__dirname, '../../../data/sample-ledger.csv');
const bytes = new Uint8Array(readFileSync(path));
// Data rows: every line after the title and the header (the file ends with a line break).
const dataRows = new TextDecoder().decode(bytes).split('\r\n').filter((l) => l !== '').length - 2;

describe('data/sample-ledger.csv', () => {
  it('is UTF-8 with a BOM', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('reads cleanly: no issue at all, every row a task, rows counted from the title', async () => {
    const r = await readLedger({ name: 'sample-ledger.csv', bytes });
    expect(r.issues).toEqual([]);
    expect(dataRows).toBe(38);
    expect(r.tasks).toHaveLength(dataRows);
    expect(r.tasks.map((t) => t.source.row)).toEqual(Array.from({ length: dataRows }, (_, i) => i + 3));
    expect(Object.values(r.mapping).filter((f) => f === 'extra')).toHaveLength(3);
  });

  it('names the report and the sentence of every row, and marks what is invented', async () => {
    const { tasks } = await readLedger({ name: 'sample-ledger.csv', bytes });
    for (const t of tasks) {
      expect(t.extra['来源文件']).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
      expect(t.extra['原文'].length).toBeGreaterThan(5);
      expect(t.extra['示例字段']).toContain('责任人');
      expect(t.person).toMatch(/^示例：/);
    }
    expect(new Set(tasks.map((t) => t.extra['来源文件'])).size).toBe(5);
  });

  it('carries the reports’ figures: 压采 1.14 against 0.92 亿立方米, 8 of 11 projects', async () => {
    const { tasks } = await readLedger({ name: 'sample-ledger.csv', bytes });
    const byId = new Map(tasks.map((t) => [t.id, t]));
    expect(byId.get('CZ-06')).toMatchObject({ indicator: '地下水压采量', target: 92000000, current: 114000000, valueUnit: '亿立方米', status: 'done', deadline: '2021-12-31' });
    expect(byId.get('DL-06')).toMatchObject({ target: 11, current: 8, actual: 73 });
    expect(byId.get('WH-04')?.status).toBe('closed');
    expect(byId.get('CZ-02')).toMatchObject({ deadlineLabel: '立行立改', status: 'done' });
    expect(byId.get('DL-07')).toMatchObject({ ongoing: true, status: 'in-progress' });
  });

  it('gives every colour on the day the Wuhai deadline passed', async () => {
    const { tasks } = await readLedger({ name: 'sample-ledger.csv', bytes });
    const colours = new Map(tasks.map((t) => [t.id, assess(t, '2023-10-22')]));
    expect(colours.get('WH-01')).toEqual({ colour: 'red', reason: '逾期 1 天；滞后 15 个百分点' });
    expect(colours.get('WH-04')?.colour).toBe('grey');
    expect(colours.get('WH-03')?.colour).toBe('green');
    expect(assess(tasks.find((t) => t.id === 'DL-05')!, '2024-12-27')).toEqual({ colour: 'yellow', reason: '距时限 4 天；滞后 20 个百分点' });
  });
});
