import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_WORDS, readLedger, type Task } from '../../../src/ledger';
import {
  closeStore,
  deleteLedger,
  editTask,
  getLedger,
  getLedgerEvents,
  getLedgerTasks,
  getLedgers,
  getTaskEvents,
  onWrite,
  openStore,
  putLedger,
  recolourLedger,
  setLedgerRules,
  setStatusWords,
  undoLastEdit,
  type LedgerTaskRecord,
  type TaskEdit,
} from '../../../src/store';
import { freshName } from './fixtures';

afterEach(() => closeStore());
beforeEach(async () => {
  await openStore({ name: freshName() });
});

const task = (over: Partial<Task> = {}): Task => ({
  title: '制定专项规划',
  status: 'in-progress',
  statusLabel: '推进中',
  deadline: '2024-06-30',
  deadlineLabel: '2024年6月底',
  source: { row: 3 },
  extra: { 联系电话: '123' },
  ...over,
});

async function oneTask(over: Partial<Task> = {}, today = '2024-06-01'): Promise<{ ledgerId: string; t: LedgerTaskRecord }> {
  const ledgerId = await putLedger({ name: '台账.csv', tasks: [task(over)] }, { today });
  const [t] = await getLedgerTasks(ledgerId);
  return { ledgerId, t };
}

describe('putLedger', () => {
  it('stores every task of the sample with a stable id, its 序号 and first colour, and an import event each', async () => {
    const bytes = new Uint8Array(readFileSync('data/sample-ledger.csv'));
    const read = await readLedger({ name: 'sample-ledger.csv', bytes });
    const id = await putLedger({ name: '示例台账', ...read, sample: true }, { today: '2025-01-15' });
    const tasks = await getLedgerTasks(id);
    expect(tasks).toHaveLength(38);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(38);
    expect(tasks[0]).toMatchObject({ number: 'DL-01', order: 0, ledgerId: id, title: '制定道里区专项规划' });
    expect(tasks.every((t) => t.light && t.light.day === '2025-01-15' && t.light.reason !== '')).toBe(true);
    const events = await getLedgerEvents(id);
    expect(events.filter((e) => e.kind === 'import')).toHaveLength(38);
    expect(events.filter((e) => e.kind === 'colour')).toHaveLength(38);
    const ledger = await getLedger(id);
    expect(ledger).toMatchObject({ name: '示例台账', sample: true });
    // Unplaced columns are kept: 来源文件 and 原文 are not fields.
    expect(ledger?.mapping?.['原文']).toBe('extra');
    expect(tasks[0].extra['原文']).toContain('征求意见稿');
  });

  it('keeps a column named __proto__ as an ordinary column, in the task and the mapping', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/ledger/hostile.csv'));
    const read = await readLedger({ name: 'hostile.csv', bytes });
    const id = await putLedger({ name: 'h', ...read }, { today: '2024-07-12' });
    const [first] = await getLedgerTasks(id);
    expect(Object.keys(first.extra)).toEqual(['__proto__', 'constructor']);
    expect(Object.prototype.hasOwnProperty.call(first.extra, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(first.extra, '__proto__')?.value).toBe('polluted');
    expect(Object.keys((await getLedger(id))?.mapping ?? {})).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not mutate the tasks it is given', async () => {
    const input = [task()];
    const copy = JSON.parse(JSON.stringify(input));
    await putLedger({ name: 'x', tasks: input }, { today: '2024-06-01' });
    expect(input).toStrictEqual(copy);
  });

  it('lists ledgers newest first and deletes one with its tasks and trail', async () => {
    const a = await putLedger({ name: 'A', tasks: [task()] }, { today: '2024-06-01' });
    await new Promise((r) => setTimeout(r, 2));
    const b = await putLedger({ name: 'B', tasks: [task()] }, { today: '2024-06-01' });
    expect((await getLedgers()).map((l) => l.id)).toEqual([b, a]);
    await deleteLedger(b);
    expect((await getLedgers()).map((l) => l.id)).toEqual([a]);
    expect(await getLedgerTasks(b)).toEqual([]);
    expect(await getLedgerEvents(b)).toEqual([]);
  });
});

describe('editTask', () => {
  const cases: { name: string; edit: TaskEdit; expected: Partial<LedgerTaskRecord>; colour: string }[] = [
    { name: 'status to done', edit: { status: 'done', statusLabel: '已完成' }, expected: { status: 'done', statusLabel: '已完成', statusEdited: true }, colour: 'green' },
    {
      name: '销号 with date and approver',
      edit: { status: 'closed', statusLabel: '已销号', closedOn: '2024-06-20', approver: '李某' },
      expected: { status: 'closed', closedOn: '2024-06-20', approver: '李某' },
      colour: 'grey',
    },
    { name: '已销号 without a date is dated today', edit: { status: 'closed', statusLabel: '已销号' }, expected: { closedOn: '2024-06-01' }, colour: 'grey' },
    { name: 'progress far behind', edit: { planned: 80, actual: 40 }, expected: { planned: 80, actual: 40 }, colour: 'red' },
    { name: 'a typed deadline is parsed', edit: { deadlineLabel: '2024年5月底' }, expected: { deadline: '2024-05-31', deadlineLabel: '2024年5月底' }, colour: 'red' },
    { name: 'a typed deadline of no end', edit: { deadlineLabel: '长期坚持' }, expected: { ongoing: true, deadlineLabel: '长期坚持' }, colour: 'green' },
  ];
  it.each(cases)('$name', async ({ edit, expected, colour }) => {
    const { t } = await oneTask();
    const stored = await editTask(t.id, edit, { today: '2024-06-01' });
    expect(stored).toMatchObject(expected);
    expect(stored?.light?.colour).toBe(colour);
    const events = await getTaskEvents(t.id);
    const last = events.filter((e) => e.kind === 'edit').pop();
    expect(last?.after).toMatchObject(Object.fromEntries(Object.entries(edit)));
    expect(typeof last?.when).toBe('string');
  });

  it('keeps every colour change as history, so turning yellow again shows', async () => {
    const { ledgerId, t } = await oneTask({ planned: 50, actual: 50 });
    await editTask(t.id, { actual: 35 }, { today: '2024-06-01' }); // 15 behind: yellow
    await editTask(t.id, { actual: 50 }, { today: '2024-06-01' }); // green
    await editTask(t.id, { actual: 30 }, { today: '2024-06-01' }); // 20 behind: yellow again
    const colours = (await getTaskEvents(t.id)).filter((e) => e.kind === 'colour').map((e) => (e.after as { colour: string }).colour);
    expect(colours).toEqual(['green', 'yellow', 'green', 'yellow']);
    expect((await getLedgerTasks(ledgerId))[0].light).toMatchObject({ colour: 'yellow', reason: '滞后 20 个百分点' });
  });

  it('writes no event for an edit that changes nothing', async () => {
    const { t } = await oneTask();
    expect(await editTask(t.id, { status: 'in-progress' }, { today: '2024-06-01' })).toBeUndefined();
    expect((await getTaskEvents(t.id)).filter((e) => e.kind === 'edit')).toEqual([]);
  });

  it('does not mutate the edit it is given', async () => {
    const { t } = await oneTask();
    const edit: TaskEdit = { deadlineLabel: '2024年底' };
    await editTask(t.id, edit, { today: '2024-06-01' });
    expect(edit).toStrictEqual({ deadlineLabel: '2024年底' });
  });

  it('announces the write', async () => {
    const { t } = await oneTask();
    let writes = 0;
    const stop = onWrite(() => writes++);
    await editTask(t.id, { actual: 10 }, { today: '2024-06-01' });
    stop();
    expect(writes).toBe(1);
  });
});

describe('undoLastEdit', () => {
  it('reverts the latest edit, keeps it in the trail marked, and colours again', async () => {
    const { ledgerId, t } = await oneTask();
    await editTask(t.id, { actual: 20 }, { today: '2024-06-01' });
    await editTask(t.id, { status: 'closed', statusLabel: '已销号', closedOn: '2024-06-01', approver: '李某' }, { today: '2024-06-01' });
    const undo = await undoLastEdit(ledgerId, { today: '2024-06-01' });
    expect(undo?.kind).toBe('undo');
    const [back] = await getLedgerTasks(ledgerId);
    expect(back).toMatchObject({ status: 'in-progress', statusLabel: '推进中', actual: 20 });
    expect(back.closedOn).toBeUndefined();
    expect(back.approver).toBeUndefined();
    expect(back.light?.colour).toBe('green');
    const events = await getTaskEvents(t.id);
    const edits = events.filter((e) => e.kind === 'edit');
    expect(edits[1].undoneBy).toBe(undo?.seq);
    expect(edits[0].undoneBy).toBeUndefined();
    // Undo again: the first edit.
    await undoLastEdit(ledgerId, { today: '2024-06-01' });
    expect((await getLedgerTasks(ledgerId))[0].actual).toBeUndefined();
    expect(await undoLastEdit(ledgerId, { today: '2024-06-01' })).toBeUndefined();
  });
});

describe('recolour, rules and status words', () => {
  it('colours a ledger on a later day and records only changes', async () => {
    const { ledgerId, t } = await oneTask({}, '2024-06-01');
    expect(await recolourLedger(ledgerId, '2024-06-28')).toBe(1); // yellow: 2 days left
    expect(await recolourLedger(ledgerId, '2024-06-29')).toBe(0);
    expect(await recolourLedger(ledgerId, '2024-07-12')).toBe(1);
    const [now] = await getLedgerTasks(ledgerId);
    expect(now.light).toEqual({ colour: 'red', reason: '逾期 12 天', day: '2024-07-12' });
    const colours = (await getTaskEvents(t.id)).filter((e) => e.kind === 'colour').map((e) => [e.day, (e.after as { colour: string }).colour]);
    expect(colours).toEqual([
      ['2024-06-01', 'green'],
      ['2024-06-28', 'yellow'],
      ['2024-07-12', 'red'],
    ]);
  });

  it('changed rules colour the ledger again', async () => {
    const { ledgerId } = await oneTask({ planned: 60, actual: 45 });
    expect((await getLedgerTasks(ledgerId))[0].light?.colour).toBe('yellow');
    await setLedgerRules(ledgerId, { yellowBehind: 20 }, '2024-06-01');
    expect((await getLedger(ledgerId))?.rules).toEqual({ yellowBehind: 20 });
    expect((await getLedgerTasks(ledgerId))[0].light?.colour).toBe('green');
  });

  it('a changed status table maps words again, but not a status set by hand', async () => {
    const ledgerId = await putLedger(
      { name: 'x', tasks: [task({ statusLabel: '基本完成' }), task({ statusLabel: '基本完成', title: '二' })] },
      { today: '2024-07-12' },
    );
    const [a, b] = await getLedgerTasks(ledgerId);
    await editTask(b.id, { status: 'returned', statusLabel: '退回' }, { today: '2024-07-12' });
    const words = [{ word: '基本完成', status: 'done' as const }, ...DEFAULT_STATUS_WORDS];
    await setStatusWords(ledgerId, words, '2024-07-12');
    const [a2, b2] = await getLedgerTasks(ledgerId);
    expect(a2.status).toBe('done');
    expect(a2.light?.colour).toBe('green');
    expect(b2.status).toBe('returned');
    expect((await getTaskEvents(a.id)).some((e) => e.kind === 'mapping')).toBe(true);
  });
});
