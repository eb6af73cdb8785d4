import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { readLedger, type LedgerOptions } from '../../../src/ledger';

const fixture = (name: string): { name: string; bytes: Uint8Array } => ({ name, bytes: new Uint8Array(readFileSync(join(__dirname, '../../fixtures/ledger', name))) });
const csv = (text: string, name = '台账.csv'): { name: string; bytes: Uint8Array } => ({ name, bytes: new TextEncoder().encode(text) });
const read = (input: { name: string; bytes: Uint8Array }, options?: LedgerOptions) => readLedger(input, options);

describe('readLedger: a GBK CSV with a title row and merged-looking blanks', () => {
  it('reads the title, the header under it and every task with its spreadsheet row', async () => {
    const r = await read(fixture('gbk-title-merged.csv'));
    expect(r.encoding).toBe('gb18030');
    expect(r.title).toBe('道里区黑土地保护专项巡察反馈问题整改台账');
    expect(r.headerRow).toBe(3);
    expect(r.issues).toEqual([]);
    expect(r.tasks.map((t) => t.source.row)).toEqual([4, 5, 6, 7, 8]);
    expect(r.notes).toContain('注：本表据道里区巡察整改进展情况整理');
    expect(r.notes).toContain('填报单位：道里区巡察整改办');
    expect(r.tasks[0]).toMatchObject({ id: '1', title: '制定道里区专项规划', category: '巡察反馈', unit: '区农业农村局', deadline: '2024-12-31', deadlineLabel: '2024年底', planned: 80, actual: 60, status: 'in-progress', statusLabel: '推进中' });
    expect(r.tasks[1]).toMatchObject({ status: 'closed', closedOn: '2024-07-02', closedLabel: '2024年7月2日', deadline: '2024-06-30' });
  });

  it('takes a merged group (类别, 责任单位) from above, and says so', async () => {
    const { tasks } = await read(fixture('gbk-title-merged.csv'));
    expect(tasks[1]).toMatchObject({ category: '巡察反馈', unit: '区农业农村局', filled: ['category', 'unit'] });
    expect(tasks[2].filled).toEqual(['category']);
    expect(tasks[0].filled).toBeUndefined();
  });

  it('a row with a measure under a merged problem continues it, with its own progress and status', async () => {
    const { tasks } = await read(fixture('gbk-title-merged.csv'));
    expect(tasks[3]).toMatchObject({ id: '3', title: '加大黑土剥离利用力度', measures: '闭环跟踪问效，确保黑土资源不流失', deadline: '2024-06-30', actual: 50, statusLabel: '', status: 'in-progress' });
    expect(tasks[3].filled).toEqual(['category', 'unit', 'id', 'title', 'deadline']);
  });

  it('长期坚持 is ongoing with no date', async () => {
    const { tasks } = await read(fixture('gbk-title-merged.csv'));
    expect(tasks[4]).toMatchObject({ status: 'in-progress', ongoing: true, deadlineLabel: '长期坚持' });
    expect(tasks[4].deadline).toBeUndefined();
  });

  it('fillDown: false leaves the blanks blank', async () => {
    const { tasks } = await read(fixture('gbk-title-merged.csv'), { fillDown: false });
    expect(tasks[1].category).toBeUndefined();
    expect(tasks[3].title).toBe('闭环跟踪问效，确保黑土资源不流失');
  });
});

describe('readLedger: an XLSX with merged cells and a header over two rows', () => {
  it('flattens the header and maps 牵头/配合 and 序时/实际', async () => {
    const r = await read(fixture('merged-two-row-header.xlsx'));
    expect(r.format).toBe('xlsx');
    expect(r.title).toBe('乌海市巡视反馈问题整改台账');
    expect({ ...r.mapping }).toEqual({
      序号: 'id',
      存在问题: 'title',
      整改措施: 'measures',
      '责任单位/牵头单位': 'unit',
      '责任单位/配合单位': 'partner',
      完成时限: 'deadline',
      '进度/序时进度': 'planned',
      '进度/实际进度': 'actual',
      状态: 'status',
      联系电话: 'extra',
    });
    expect(r.issues).toEqual([]);
  });

  it('reads percent cells, date cells, serials, merged problems and an unknown column', async () => {
    const { tasks } = await read(fixture('merged-two-row-header.xlsx'));
    expect(tasks.map((t) => t.source.row)).toEqual([4, 5, 6, 7]);
    expect(tasks[0]).toMatchObject({ title: '矿区开采及运输道路扬尘污染整治', unit: '市生态环境局', partner: '市能源局', planned: 100, actual: 85, deadline: '2023-10-21' });
    // Merged down in the sheet: the importer fills it, as the user sees it.
    expect(tasks[1]).toMatchObject({ id: '1', title: '矿区开采及运输道路扬尘污染整治', unit: '市生态环境局', partner: '市交通运输局', actual: 60 });
    expect(tasks[2]).toMatchObject({ status: 'closed', deadline: '2023-10-31', deadlineLabel: '2023年10月' });
    expect(tasks[3]).toMatchObject({ status: 'in-progress', statusLabel: '基本完成', deadline: '2023-12-31', deadlineLabel: '45291', planned: 50, actual: 45 });
    expect(tasks[0].extra['联系电话']).toBe('0473-8991069');
    expect(Object.keys(tasks[3].extra)).toEqual(['联系电话']);
  });

  it('reads a column of plain fractions as percent, written here with SheetJS', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['问题', '序时进度', '实际进度'],
      ['甲', 0.8, 0.62],
      ['乙', 1, 0.07],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const { tasks } = await read({ name: '台账.xlsx', bytes });
    expect(tasks.map((t) => [t.planned, t.actual])).toEqual([[80, 62], [100, 7]]);
  });
});

describe('readLedger: other encodings and formats', () => {
  it('UTF-16 tab-separated with the columns in an unexpected order and an unknown one kept', async () => {
    const r = await read(fixture('utf16-reordered.txt'));
    expect(r.encoding).toBe('utf-16le');
    expect(r.mapping['整改任务']).toBe('title');
    expect(r.mapping['督办次数']).toBe('extra');
    expect(r.tasks[0]).toMatchObject({ id: 'CZ-05', title: '巡视移交问题线索处置进度缓慢', status: 'done', deadline: '2022-03-31', actual: 100, regionCode: '130900', unit: '市纪委监委' });
    expect(r.tasks.map((t) => t.extra['督办次数'])).toEqual(['3', '5']);
  });

  it('an .xls that is an HTML table', async () => {
    const r = await read(fixture('html-table.xls'));
    expect(r.format).toBe('html');
    expect(r.tasks.map((t) => [t.status, t.deadline])).toEqual([['closed', '2025-06-30'], ['done', '2025-06-30']]);
  });

  it('a CSV whose columns come in any order', async () => {
    const r = await read(csv('备注,整改时限,状态,整改任务,序号\n示例,2024年6月,已完成,完善制度,1\n'));
    expect(r.tasks[0]).toMatchObject({ id: '1', title: '完善制度', status: 'done', deadline: '2024-06-30', note: '示例' });
  });
});

describe('readLedger: hostile input', () => {
  it('keeps markup and formulas as text and pollutes nothing', async () => {
    const r = await read(fixture('hostile.csv'));
    expect(r.tasks.map((t) => t.title)).toEqual(['<img src=x onerror="window.__pwned=1">', '=HYPERLINK("http://evil.example","问题")', '<script>alert(1)</script>']);
    expect(r.tasks[0].unit).toBe('=HYPERLINK("http://evil.example","点我")');
    expect(r.tasks[1].unit).toBe('@SUM(A1)');
    expect(r.tasks[2].unit).toBe('-3.5');
    expect(Object.prototype.hasOwnProperty.call(r.tasks[0].extra, '__proto__')).toBe(true);
    expect(r.tasks[0].extra['__proto__']).toBe('polluted');
    expect(r.tasks[0].extra['constructor']).toBe('x');
    expect(Object.prototype.hasOwnProperty.call(r.mapping, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.tasks[0].extra)).toBeNull();
  });

  it('says which cells it could not read, by row', async () => {
    const r = await read(fixture('hostile.csv'));
    expect(r.issues.map((i) => [i.row, i.code, i.raw])).toEqual([
      [3, 'ledger_bad_deadline', '=1+1'],
      [4, 'ledger_bad_deadline', 'abc'],
      [4, 'ledger_unknown_status', '__proto__'],
    ]);
    expect(r.tasks[2].status).toBe('in-progress');
    expect(r.issues[2].message).toContain('__proto__');
  });

  it('a broken file gives an issue, not a throw', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const broken = await read({ name: '台账.xlsx', bytes: zip });
    expect(broken.tasks).toEqual([]);
    expect(broken.issues.some((i) => i.severity === 'error' && i.row === 0)).toBe(true);
    const empty = await read({ name: '台账.csv', bytes: new Uint8Array(0) });
    expect(empty.issues.map((i) => i.code)).toEqual(['empty_file']);
    const junk = await read({ name: '台账.csv', bytes: Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256) });
    expect(junk.tasks.length + junk.issues.length).toBeGreaterThan(0);
  });

  it('whatever goes wrong after reading is an issue, not a throw', async () => {
    const columns = Object.defineProperty({}, '问题', { enumerable: true, get: () => { throw new Error('boom'); } }) as LedgerOptions['columns'];
    const r = await read(csv('问题,状态\n甲,已完成\n'), { columns });
    expect(r.tasks).toEqual([]);
    expect(r.issues).toMatchObject([{ row: 0, code: 'unreadable_file', severity: 'error' }]);
  });

  it('does not change the bytes it was given', async () => {
    const input = fixture('gbk-title-merged.csv');
    const copy = input.bytes.slice();
    await read(input);
    expect(input.bytes).toEqual(copy);
  });
});

describe('readLedger: columns, statuses and cells', () => {
  it('no problem and no measure column: one error, naming the headers', async () => {
    const r = await read(csv('编号,状态,时限\n1,已完成,2024年底\n'));
    expect(r.tasks).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'ledger_no_task_column', severity: 'error', row: 1 });
    expect(r.issues[0].message).toContain('编号、状态、时限');
  });

  it('the user can say which column is which', async () => {
    const r = await read(csv('编号,事由,状态\n1,完善制度,已完成\n'), { columns: { 事由: 'title' } });
    expect(r.tasks[0]).toMatchObject({ title: '完善制度', status: 'done' });
    const moved = await read(csv('序号,问题,牵头处室\n1,完善制度,办公室\n'), { columns: { 牵头处室: 'unit' } });
    expect(moved.tasks[0].unit).toBe('办公室');
  });

  it('a blank status: 销号日期 → closed, 100% → done, progress → in progress, else not started', async () => {
    const r = await read(csv('问题,实际进度,状态,销号日期\n甲,,,2024-07-02\n乙,100%,,\n丙,30%,,\n丁,,,\n'));
    expect(r.tasks.map((t) => t.status)).toEqual(['closed', 'done', 'in-progress', 'not-started']);
    expect(r.issues).toEqual([]);
  });

  it('an unknown status word is a warning and counts as in progress', async () => {
    const r = await read(csv('问题,状态\n甲,研究中吧\n'));
    expect(r.tasks[0]).toMatchObject({ status: 'in-progress', statusLabel: '研究中吧' });
    expect(r.issues).toMatchObject([{ row: 2, code: 'ledger_unknown_status', severity: 'warning', column: '状态' }]);
  });

  it('a status table of the user’s own; the options are not mutated', async () => {
    const options: LedgerOptions = { statusWords: [{ word: '研究中', status: 'not-started' }], columns: { 事由: 'title' } };
    const before = JSON.stringify(options);
    const r = await read(csv('事由,状态\n甲,研究中\n'), options);
    expect(r.tasks[0]).toMatchObject({ title: '甲', status: 'not-started' });
    expect(r.issues).toEqual([]);
    expect(JSON.stringify(options)).toBe(before);
  });

  it('立行立改 keeps no date, or the 交办日期 when asked', async () => {
    const text = '问题,交办日期,整改时限\n发臭水体,2021-11-11,立行立改\n';
    const none = await read(csv(text));
    expect(none.tasks[0].deadline).toBeUndefined();
    expect(none.tasks[0].deadlineLabel).toBe('立行立改');
    expect(none.issues).toEqual([]);
    const assigned = await read(csv(text), { immediate: 'assigned' });
    expect(assigned.tasks[0]).toMatchObject({ deadline: '2021-11-11', assignedOn: '2021-11-11', deadlineLabel: '立行立改' });
  });

  it('progress columns: fractions when the whole column is, percent numbers otherwise', async () => {
    const fractions = await read(csv('问题,实际进度\n甲,0.8\n乙,1\n丙,0.07\n'));
    expect(fractions.tasks.map((t) => t.actual)).toEqual([80, 100, 7]);
    const numbers = await read(csv('问题,实际进度\n甲,80\n乙,1\n丙,八成\n'));
    expect(numbers.tasks.map((t) => t.actual)).toEqual([80, 1, 80]);
    const bad = await read(csv('问题,实际进度\n甲,很多\n'));
    expect(bad.tasks[0].actual).toBeUndefined();
    expect(bad.issues).toMatchObject([{ row: 2, code: 'ledger_bad_percent', column: '实际进度', raw: '很多' }]);
  });

  it('division codes stay text; a code that is not one is said', async () => {
    const r = await read(csv('问题,区划代码\n甲,010101\n乙,12345\n'));
    expect(r.tasks.map((t) => t.regionCode)).toEqual(['010101', '12345']);
    expect(r.issues).toMatchObject([{ row: 3, code: 'ledger_bad_region_code' }]);
  });

  it('indicator targets in base units, with the text kept', async () => {
    const r = await read(csv('问题,指标,目标值,当前值,单位\n地下水治理,地下水压采量,0.92,1.14,亿立方米\n甲,面积,6.04万亩,很多,\n'));
    expect(r.tasks[0]).toMatchObject({ indicator: '地下水压采量', target: 92000000, targetLabel: '0.92', current: 114000000, valueUnit: '亿立方米' });
    expect(r.tasks[1]).toMatchObject({ target: 60400, valueUnit: '万亩', currentLabel: '很多' });
    expect(r.issues).toMatchObject([{ row: 3, code: 'ledger_bad_value', column: '当前值' }]);
  });

  it('dates to the day for 交办 and 销号; anything else is kept and said', async () => {
    const r = await read(csv('问题,交办日期,销号日期\n甲,2024年3月6日,2024年3月\n'));
    expect(r.tasks[0]).toMatchObject({ assignedOn: '2024-03-06', closedLabel: '2024年3月', status: 'closed' });
    expect(r.tasks[0].closedOn).toBeUndefined();
    expect(r.issues).toMatchObject([{ row: 2, code: 'ledger_bad_date', column: '销号日期' }]);
  });

  it('heading rows group the tasks under them; a row with no task is said and left out', async () => {
    const r = await read(csv('序号,问题,整改措施,状态\n一、生态环境方面,,,\n1,扬尘污染整治,封闭硬化,推进中\n,,,已完成\n二、安全生产方面,,,\n2,安全生产监管,制发职责清单,已完成\n'));
    expect(r.tasks.map((t) => [t.title, t.section])).toEqual([['扬尘污染整治', '一、生态环境方面'], ['安全生产监管', '二、安全生产方面']]);
    expect(r.issues).toMatchObject([{ row: 4, code: 'ledger_row_without_task', raw: '已完成' }]);
  });

  it('a total line and a header repeated on a new page are not tasks', async () => {
    const r = await read(csv('序号,问题,状态\n1,完善制度,已完成\n序号,问题,状态\n2,加强监管,推进中\n合计,2项,\n'));
    expect(r.tasks.map((t) => t.title)).toEqual(['完善制度', '加强监管']);
    expect(r.notes).toEqual(['合计 2项']);
    expect(r.issues).toEqual([]);
  });

  it('issues in English when asked', async () => {
    const r = await read(csv('问题,状态\n甲,研究中吧\n'), { locale: 'en' });
    expect(r.issues[0].message).toContain('is not in the status table');
  });
});

describe('readLedger: heading rows merged in a workbook', () => {
  it('a heading merged across the row is a section, not a task', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['序号', '问题', '整改措施', '状态'],
      ['（一）聚焦责任落实', null, null, null],
      [1, '加强理论学习', '纳入中心组必学内容', '已完成'],
      [2, '同一文字', '同一文字', ''],
    ]);
    ws['!merges'] = [{ s: { r: 1, c: 0 }, e: { r: 1, c: 3 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = await readLedger({ name: '台账.xlsx', bytes });
    expect(r.tasks.map((t) => [t.title, t.section, t.status])).toEqual([
      ['加强理论学习', '（一）聚焦责任落实', 'done'],
      ['同一文字', '（一）聚焦责任落实', 'not-started'],
    ]);
  });
});

describe('readLedger: a header over two rows in a CSV (merged cells saved as blanks)', () => {
  it('flattens it and reads the rows under it', async () => {
    const r = await readLedger(csv([
      '沧州市巡视“回头看”反馈问题整改台账,,,,,,,,',
      '序号,问题,整改措施,责任单位,,整改时限,进度,,状态',
      ',,,牵头单位,配合单位,,序时进度,实际进度,',
      '1,问题整改不彻底,列出整改清单,市委整改办,市纪委监委,2022年6月底,100%,65%,正在推进',
      '2,粮食购销系统运行机制不畅,配齐配强工作力量,市发展和改革委员会,,2022年6月底,100%,100%,已完成',
    ].join('\r\n')));
    expect(r.headerRow).toBe(2);
    expect(r.headers).toEqual(['序号', '问题', '整改措施', '责任单位/牵头单位', '责任单位/配合单位', '整改时限', '进度/序时进度', '进度/实际进度', '状态']);
    expect(r.tasks.map((t) => [t.source.row, t.unit, t.partner, t.planned, t.actual, t.status])).toEqual([
      [4, '市委整改办', '市纪委监委', 100, 65, 'in-progress'],
      [5, '市发展和改革委员会', undefined, 100, 100, 'done'],
    ]);
  });
});
