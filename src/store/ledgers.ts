/**
 * Rectification ledgers in the store: a ledger's tasks, edits in place with an audit trail, undo,
 * and the history of every task's colour. Each write is one transaction over the three ledger
 * tables, so an edit, its event and the colour it causes are stored together or not at all.
 */
import type { ImportIssue } from '../domain/types';
// From the modules, not the ledger's index: the store is in the page's first script, and the
// index brings the ledger reader and with it the file readers (~20 KB gzip) that only an import needs.
import { assess } from '../ledger/assess';
import { exactDate, parseDeadline } from '../ledger/deadline';
import { mapStatus } from '../ledger/status';
import type { Assessment, LightRules, StatusWord, Task } from '../ledger/types';
import type { LedgerEventRecord, LedgerRecord, LedgerTaskRecord, TaskEditField } from './ledger-records';
import { newId } from './ids';
import { announce, getDb } from './open';

/** What `putLedger` stores: a read ledger (`readLedger`'s result) and its name. */
export interface LedgerInput {
  name: string;
  tasks: readonly Task[];
  title?: string;
  headers?: readonly string[];
  mapping?: Record<string, string>;
  notes?: readonly string[];
  format?: string;
  encoding?: string;
  issues?: readonly ImportIssue[];
  sample?: boolean;
}

/** A change made in place. `deadlineLabel` alone is parsed (`2024年底`); `closedLabel` alone read as a day. */
export type TaskEdit = Partial<Pick<LedgerTaskRecord, TaskEditField>>;

/** Every field an edit may touch, in the order an event lists them. */
const EDIT_FIELDS: readonly TaskEditField[] = ['status', 'statusLabel', 'actual', 'planned', 'deadline', 'deadlineLabel', 'ongoing', 'closedOn', 'closedLabel', 'approver'];

/** `when` of events: an instant, so a trail orders edits made the same day. */
const now = (): string => new Date().toISOString();

/**
 * Store a read ledger: a stable id per task, an `import` event each, and each task's first colour
 * on `today` (the user's calendar day). Returns the ledger's id.
 * @example const id = await putLedger({ name: '整改台账.xlsx', ...(await readLedger(file)) }, { today: '2024-07-12' })
 */
export async function putLedger(input: LedgerInput, options: { today: string }): Promise<string> {
  const db = getDb();
  const ledger: LedgerRecord = { id: newId('lg'), name: input.name, importedAt: now() };
  if (input.title) ledger.title = input.title;
  if (input.headers) ledger.headers = input.headers.slice();
  if (input.mapping) ledger.mapping = ownCopy(input.mapping);
  if (input.notes) ledger.notes = input.notes.slice();
  if (input.format) ledger.format = input.format;
  if (input.encoding) ledger.encoding = input.encoding;
  if (input.issues) ledger.issues = input.issues.map((i) => ({ ...i }));
  if (input.sample) ledger.sample = true;
  const at = now();
  const tasks: LedgerTaskRecord[] = input.tasks.map((task, order) => {
    const { id: number, ...rest } = task;
    const record: LedgerTaskRecord = { ...rest, extra: ownCopy(task.extra), id: newId('lt'), ledgerId: ledger.id, order };
    if (number !== undefined) record.number = number;
    record.light = { ...assess(record, options.today), day: options.today };
    return record;
  });
  const events: LedgerEventRecord[] = [];
  for (const t of tasks) {
    events.push({ ledgerId: ledger.id, taskId: t.id, when: at, kind: 'import' });
    events.push(colourEvent(t, undefined, at, options.today));
  }
  await db.transaction('rw', [db.ledgers, db.ledgerTasks, db.ledgerEvents], async () => {
    await db.ledgers.add(ledger);
    await db.ledgerTasks.bulkAdd(tasks);
    await db.ledgerEvents.bulkAdd(events);
  });
  announce({ scope: 'ledgers', id: ledger.id });
  return ledger.id;
}

/**
 * Every ledger, newest import first.
 * @example const [latest] = await getLedgers()
 */
export async function getLedgers(): Promise<LedgerRecord[]> {
  const all = await getDb().ledgers.toArray();
  return all.sort((a, b) => b.importedAt.localeCompare(a.importedAt) || a.id.localeCompare(b.id));
}

/** One ledger, or undefined. @example await getLedger(id) */
export async function getLedger(id: string): Promise<LedgerRecord | undefined> {
  return getDb().ledgers.get(id);
}

/** A ledger's tasks in the file's order. @example const tasks = await getLedgerTasks(id) */
export async function getLedgerTasks(ledgerId: string): Promise<LedgerTaskRecord[]> {
  const tasks = await getDb().ledgerTasks.where('ledgerId').equals(ledgerId).toArray();
  return tasks.sort((a, b) => a.order - b.order);
}

/** A ledger's events (audit trail and colour history), oldest first. @example await getLedgerEvents(id) */
export async function getLedgerEvents(ledgerId: string): Promise<LedgerEventRecord[]> {
  const events = await getDb().ledgerEvents.where('ledgerId').equals(ledgerId).toArray();
  return events.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/** One task's events, oldest first. @example await getTaskEvents(taskId) */
export async function getTaskEvents(taskId: string): Promise<LedgerEventRecord[]> {
  const events = await getDb().ledgerEvents.where('taskId').equals(taskId).toArray();
  return events.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/**
 * Change a task in place: an `edit` event with the fields before and after, then its colour on
 * `today` (a `colour` event when it changed). Setting 已销号 without a 销号 date dates it today.
 * Returns the task as stored, or undefined when there is no such task or nothing changed.
 * @example await editTask(id, { status: 'closed', statusLabel: '已销号', closedOn: '2024-07-12', approver: '李某' }, { today: '2024-07-12' })
 */
export async function editTask(taskId: string, edit: TaskEdit, options: { today: string }): Promise<LedgerTaskRecord | undefined> {
  const db = getDb();
  const result = await db.transaction('rw', [db.ledgers, db.ledgerTasks, db.ledgerEvents], async () => {
    const task = await db.ledgerTasks.get(taskId);
    if (!task) return undefined;
    const patch = completeEdit(task, edit, options.today);
    const before: Partial<Record<TaskEditField, unknown>> = {};
    const after: Partial<Record<TaskEditField, unknown>> = {};
    for (const field of EDIT_FIELDS) {
      if (!(field in patch) || same(task[field], patch[field])) continue;
      // null stands for "absent", so the trail survives JSON (a backup) unchanged.
      before[field] = task[field] ?? null;
      after[field] = patch[field] ?? null;
    }
    if (Object.keys(after).length === 0) return undefined;
    const at = now();
    const changed = apply(task, after);
    if ('status' in after) changed.statusEdited = true;
    await db.ledgerEvents.add({ ledgerId: task.ledgerId, taskId, when: at, kind: 'edit', before, after });
    return recolourOne(changed, await rulesOf(task.ledgerId), options.today, at);
  });
  if (result) announce({ scope: 'ledgers', id: result.ledgerId });
  return result;
}

/**
 * Revert the latest edit of a ledger not yet reverted: the task gets its fields back, an `undo`
 * event says so (the edit stays in the trail, marked), and the colour is assessed again.
 * Returns the undo event, or undefined when there is nothing to undo.
 * @example await undoLastEdit(ledgerId, { today: '2024-07-12' })
 */
export async function undoLastEdit(ledgerId: string, options: { today: string }): Promise<LedgerEventRecord | undefined> {
  const db = getDb();
  const result = await db.transaction('rw', [db.ledgers, db.ledgerTasks, db.ledgerEvents], async () => {
    const events = await getLedgerEvents(ledgerId);
    let last: LedgerEventRecord | undefined;
    for (const e of events) if (e.kind === 'edit' && e.undoneBy === undefined) last = e;
    if (!last || last.seq === undefined) return undefined;
    const task = await db.ledgerTasks.get(last.taskId);
    if (!task) return undefined;
    const at = now();
    const restore = (last.before ?? {}) as Partial<Record<TaskEditField, unknown>>;
    const undo: LedgerEventRecord = { ledgerId, taskId: task.id, when: at, kind: 'undo', undoes: last.seq, before: pick(task, Object.keys(restore)), after: restore };
    const seq = await db.ledgerEvents.add(undo);
    await db.ledgerEvents.update(last.seq, { undoneBy: seq });
    await recolourOne(apply(task, restore), await rulesOf(ledgerId), options.today, at);
    return { ...undo, seq };
  });
  if (result) announce({ scope: 'ledgers', id: ledgerId });
  return result;
}

/**
 * Assess every task of a ledger on `today` (a new day, changed rules) and keep each colour
 * change as a `colour` event. Returns how many tasks changed colour.
 * @example await recolourLedger(id, '2024-07-12')
 */
export async function recolourLedger(ledgerId: string, today: string): Promise<number> {
  const db = getDb();
  const changed = await db.transaction('rw', [db.ledgers, db.ledgerTasks, db.ledgerEvents], async () => {
    const rules = await rulesOf(ledgerId);
    const at = now();
    let n = 0;
    for (const task of await getLedgerTasks(ledgerId)) {
      const was = task.light?.colour;
      const stored = await recolourOne(task, rules, today, at);
      if (stored.light?.colour !== was) n++;
    }
    return n;
  });
  if (changed > 0) announce({ scope: 'ledgers', id: ledgerId });
  return changed;
}

/**
 * Change a ledger's light rules (a missing threshold keeps its default) and colour it again.
 * @example await setLedgerRules(id, { redBehind: 20 }, '2024-07-12')
 */
export async function setLedgerRules(ledgerId: string, rules: Partial<LightRules>, today: string): Promise<void> {
  await getDb().ledgers.update(ledgerId, { rules: { ...rules } });
  await recolourLedger(ledgerId, today);
  announce({ scope: 'ledgers', id: ledgerId });
}

/**
 * Change a ledger's status table: every task whose status came from its word (not set by hand)
 * is mapped again (a `mapping` event when its status changes), then coloured again. A word the
 * table lacks is in progress, as on import.
 * @example await setStatusWords(id, [...DEFAULT_STATUS_WORDS, { word: '基本完成', status: 'done' }], '2024-07-12')
 */
export async function setStatusWords(ledgerId: string, words: readonly StatusWord[], today: string): Promise<void> {
  const db = getDb();
  const table = words.map((w) => ({ ...w }));
  await db.transaction('rw', [db.ledgers, db.ledgerTasks, db.ledgerEvents], async () => {
    await db.ledgers.update(ledgerId, { statusWords: table });
    const at = now();
    for (const task of await getLedgerTasks(ledgerId)) {
      if (task.statusEdited || task.statusLabel.trim() === '') continue;
      const status = mapStatus(task.statusLabel, table).status ?? 'in-progress';
      if (status === task.status) continue;
      await db.ledgerEvents.add({ ledgerId, taskId: task.id, when: at, kind: 'mapping', before: { status: task.status }, after: { status } });
      await db.ledgerTasks.update(task.id, { status });
    }
  });
  await recolourLedger(ledgerId, today);
  announce({ scope: 'ledgers', id: ledgerId });
}

/**
 * Delete a ledger with its tasks and trail.
 * @example await deleteLedger(id)
 */
export async function deleteLedger(ledgerId: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.ledgers, db.ledgerTasks, db.ledgerEvents], async () => {
    await db.ledgerEvents.where('ledgerId').equals(ledgerId).delete();
    await db.ledgerTasks.where('ledgerId').equals(ledgerId).delete();
    await db.ledgers.delete(ledgerId);
  });
  announce({ scope: 'ledgers', id: ledgerId });
}

/**
 * A plain copy of a record keyed by the file's headers. Every key stays an own property, `__proto__`
 * included (a column may be named so): `Object.assign` or a spread would set the prototype instead
 * and drop the column. Structured clone keeps such a property as it is.
 */
function ownCopy(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record)) Object.defineProperty(out, key, { value: record[key], enumerable: true, writable: true, configurable: true });
  return out;
}

/** The edit with what follows from it: a typed 时限 parsed, a typed 销号 date read, 已销号 dated. */
function completeEdit(task: LedgerTaskRecord, edit: TaskEdit, today: string): TaskEdit {
  const patch: TaskEdit = { ...edit };
  if (patch.deadlineLabel !== undefined && !('deadline' in edit)) {
    const parsed = parseDeadline(patch.deadlineLabel);
    patch.deadline = parsed.date;
    patch.ongoing = parsed.ongoing;
  }
  if (patch.closedLabel !== undefined && !('closedOn' in edit)) patch.closedOn = exactDate(patch.closedLabel);
  if (patch.status === 'closed' && !patch.closedOn && !task.closedOn) {
    patch.closedOn = today;
    patch.closedLabel = today;
  }
  return patch;
}

/** A copy of the task with the fields set (null or undefined: the field removed). */
function apply(task: LedgerTaskRecord, fields: Partial<Record<TaskEditField, unknown>>): LedgerTaskRecord {
  const out = { ...task } as Record<string, unknown>;
  for (const [field, value] of Object.entries(fields)) {
    if (value === null || value === undefined) delete out[field];
    else out[field] = value;
  }
  return out as unknown as LedgerTaskRecord;
}

function pick(task: LedgerTaskRecord, fields: readonly string[]): Partial<Record<TaskEditField, unknown>> {
  const out: Partial<Record<TaskEditField, unknown>> = {};
  for (const f of fields) out[f as TaskEditField] = (task as unknown as Record<string, unknown>)[f] ?? null;
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

async function rulesOf(ledgerId: string): Promise<Partial<LightRules>> {
  return (await getDb().ledgers.get(ledgerId))?.rules ?? {};
}

/** Assess, store the task with its light, and add a `colour` event when the colour changed. */
async function recolourOne(task: LedgerTaskRecord, rules: Partial<LightRules>, today: string, at: string): Promise<LedgerTaskRecord> {
  const db = getDb();
  const previous = task.light;
  const light: Assessment = assess(task, today, rules);
  const stored: LedgerTaskRecord = { ...task, light: { ...light, day: today } };
  await db.ledgerTasks.put(stored);
  if (previous?.colour !== light.colour) await db.ledgerEvents.add(colourEvent(stored, previous, at, today));
  return stored;
}

function colourEvent(task: LedgerTaskRecord, previous: Assessment | undefined, at: string, today: string): LedgerEventRecord {
  const light = task.light as Assessment;
  const event: LedgerEventRecord = { ledgerId: task.ledgerId, taskId: task.id, when: at, kind: 'colour', day: today, after: { colour: light.colour, reason: light.reason } };
  if (previous) event.before = { colour: previous.colour, reason: previous.reason };
  return event;
}
