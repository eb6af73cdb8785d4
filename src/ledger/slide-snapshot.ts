/**
 * What a ledger slide is made of, and the copy of it a saved page carries: the ledger's name, the
 * day it was taken, its rules and, of each task, only what the slides read (title, status,
 * deadline, 长期坚持, 责任单位, 序时/实际进度). People, measures, evidence and the office's other
 * columns stay home. A saved page is outside input when it is opened again, so
 * `readLedgerSnapshot` checks every field and keeps only known keys. Pure.
 */
import { isIsoDate } from './dates';
import { fieldsOf, isFiniteNumber, isRecord, isText, optionalText, own } from '../domain/checked-fields';
import type { LightRules, Task, TaskStatus } from './types';

/** The slides a deck can show of a ledger: the summary (three numbers, the overdue list) or the board. */
export type LedgerSlideShow = 'summary' | 'board';
export const LEDGER_SLIDE_SHOWS: readonly LedgerSlideShow[] = ['summary', 'board'];

/** A task as a ledger slide reads it. */
export type LedgerSlideTask = Pick<Task, 'title' | 'status' | 'deadline' | 'ongoing' | 'unit' | 'planned' | 'actual'>;

/** A ledger as its slides are built from it, live from the store or from a saved page. */
export interface LedgerSlideSource {
  name: string;
  /** The calendar day the lights and days overdue are for (`YYYY-MM-DD`). */
  today: string;
  tasks: readonly LedgerSlideTask[];
  rules?: Partial<LightRules>;
  /** Built from the bundled sample (示例数据). */
  sample?: true;
}

/** A ledger slide in a saved page: which slide, and the ledger as it was that day. */
export interface LedgerSnapshot extends LedgerSlideSource {
  show: LedgerSlideShow;
  tasks: LedgerSlideTask[];
}

/** Bounds on what a saved page may carry (a ledger is tens to hundreds of tasks). */
export const SNAPSHOT_LIMITS = { tasks: 5000, title: 2000, name: 200, unit: 200 } as const;

const STATUSES: ReadonlySet<string> = new Set<TaskStatus>(['not-started', 'in-progress', 'done', 'closed', 'returned', 'suspended']);
const RULE_KEYS = ['redBehind', 'yellowBehind', 'yellowDays'] as const;

function slideTask(task: LedgerSlideTask): LedgerSlideTask {
  const out: LedgerSlideTask = { title: task.title.slice(0, SNAPSHOT_LIMITS.title), status: task.status };
  if (task.deadline !== undefined) out.deadline = task.deadline;
  if (task.ongoing) out.ongoing = true;
  if (task.unit !== undefined) out.unit = task.unit.slice(0, SNAPSHOT_LIMITS.unit);
  if (task.planned !== undefined) out.planned = task.planned;
  if (task.actual !== undefined) out.actual = task.actual;
  return out;
}

function slideRules(rules: Partial<LightRules>): Partial<LightRules> | undefined {
  const out: Partial<LightRules> = {};
  for (const key of RULE_KEYS) if (typeof rules[key] === 'number' && Number.isFinite(rules[key])) out[key] = rules[key];
  if (typeof rules.yellowSameMonth === 'boolean') out.yellowSameMonth = rules.yellowSameMonth;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The copy of a ledger a saved page carries for one slide; a new object, the source untouched.
 * @example ledgerSnapshot('summary', { name: '台账', today: '2024-07-12', tasks }).tasks[0] // { title, status, … }
 */
export function ledgerSnapshot(show: LedgerSlideShow, source: LedgerSlideSource): LedgerSnapshot {
  const out: LedgerSnapshot = {
    show,
    name: source.name.slice(0, SNAPSHOT_LIMITS.name),
    today: source.today,
    tasks: source.tasks.slice(0, SNAPSHOT_LIMITS.tasks).map(slideTask),
  };
  const rules = source.rules ? slideRules(source.rules) : undefined;
  if (rules) out.rules = rules;
  if (source.sample) out.sample = true;
  return out;
}

function readTask(raw: unknown): LedgerSlideTask | undefined {
  const f = fieldsOf(raw, ['title', 'status', 'deadline', 'ongoing', 'unit', 'planned', 'actual'] as const);
  if (!f) return undefined;
  const { title, status, deadline, ongoing, unit, planned, actual } = f;
  if (!isText(title, SNAPSHOT_LIMITS.title) || typeof status !== 'string' || !STATUSES.has(status)) return undefined;
  if (deadline !== undefined && !(typeof deadline === 'string' && isIsoDate(deadline))) return undefined;
  if ((ongoing !== undefined && ongoing !== true) || !optionalText(unit, SNAPSHOT_LIMITS.unit)) return undefined;
  if ((planned !== undefined && !isFiniteNumber(planned)) || (actual !== undefined && !isFiniteNumber(actual))) return undefined;
  return slideTask({ title, status: status as TaskStatus, deadline, ongoing, unit, planned, actual } as LedgerSlideTask);
}

function readRules(raw: unknown): Partial<LightRules> | undefined | false {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) return false;
  const out: Partial<LightRules> = {};
  for (const key of RULE_KEYS) {
    const v = own(raw, key);
    if (v === undefined) continue;
    if (!isFiniteNumber(v)) return false;
    out[key] = v;
  }
  const sameMonth = own(raw, 'yellowSameMonth');
  if (sameMonth !== undefined && typeof sameMonth !== 'boolean') return false;
  if (sameMonth !== undefined) out.yellowSameMonth = sameMonth;
  return out;
}

/**
 * Check a ledger slide read from a saved page; undefined when anything is not as written by
 * `ledgerSnapshot` (a field of the wrong type, an unknown status, too many tasks).
 * @example readLedgerSnapshot(JSON.parse(text))?.tasks.length
 */
export function readLedgerSnapshot(raw: unknown): LedgerSnapshot | undefined {
  const f = fieldsOf(raw, ['show', 'name', 'today', 'tasks', 'sample', 'rules'] as const);
  if (!f) return undefined;
  const { show, name, today, tasks, sample } = f;
  const rules = readRules(f.rules);
  if (show !== 'summary' && show !== 'board') return undefined;
  if (!isText(name, SNAPSHOT_LIMITS.name) || typeof today !== 'string' || !isIsoDate(today)) return undefined;
  if (!Array.isArray(tasks) || tasks.length > SNAPSHOT_LIMITS.tasks || rules === false) return undefined;
  if (sample !== undefined && sample !== true) return undefined;
  const read = tasks.map(readTask);
  if (read.some((t) => t === undefined)) return undefined;
  const out: LedgerSnapshot = { show, name, today, tasks: read as LedgerSlideTask[] };
  if (rules && Object.keys(rules).length > 0) out.rules = rules;
  if (sample) out.sample = true;
  return out;
}
