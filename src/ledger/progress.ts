/**
 * Progress of a ledger: 销号 over time as a burn-up against the total, the 序时 line (how many
 * tasks were due by each month), and units or regions ranked by who is behind. Pure.
 */
import { daysBetween, isIsoDate, monthEnd } from './dates';
import type { Task } from './types';

type ProgressTask = Pick<Task, 'status' | 'deadline' | 'ongoing' | 'closedOn' | 'assignedOn' | 'planned' | 'actual' | 'unit' | 'region'>;

/** The burn-up, month by month (`YYYY-MM`). */
export interface BurnUp {
  months: string[];
  total: number;
  /** 已销号 tasks closed by the end of each month (cumulative); months after today are null. */
  closed: (number | null)[];
  /** The same as a share of the total, percent. */
  rate: (number | null)[];
  /** 序时: tasks whose deadline falls by the end of each month (cumulative). */
  due: number[];
  /** Closed tasks without a 销号 date: counted from the first month, and said. */
  undated: number;
}

/** At most this many months are drawn: a ledger spans a few years. */
const MAX_MONTHS = 120;

const month = (day: string): string => day.slice(0, 7);

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/**
 * The burn-up from the first month any date names (交办, 销号, 时限) to the later of today's month
 * and the last deadline.
 * @example burnUp(tasks, '2024-07-12').closed // [0, 0, 2, 5, …]
 */
export function burnUp(tasks: readonly ProgressTask[], today: string): BurnUp {
  const days: string[] = [];
  for (const t of tasks) for (const d of [t.assignedOn, t.closedOn, t.deadline]) if (d && isIsoDate(d)) days.push(d);
  const total = tasks.length;
  const closedTasks = tasks.filter((t) => t.status === 'closed');
  const undated = closedTasks.filter((t) => !t.closedOn || !isIsoDate(t.closedOn)).length;
  // From today's month at the latest, so a ledger whose dates all lie ahead still shows today.
  const first = month(days.reduce((a, b) => (a < b ? a : b), today));
  const lastDeadline = tasks.reduce((a, t) => (t.deadline && isIsoDate(t.deadline) && t.deadline > a ? t.deadline : a), today);
  const last = month(lastDeadline > today ? lastDeadline : today);
  const months: string[] = [];
  for (let m = first; m <= last && months.length < MAX_MONTHS; m = nextMonth(m)) months.push(m);
  const todayMonth = month(today);
  const endOf = (m: string) => monthEnd(Number(m.slice(0, 4)), Number(m.slice(5, 7))) as string;
  const closed = months.map((m) => {
    if (m > todayMonth) return null;
    const end = endOf(m);
    return undated + closedTasks.filter((t) => t.closedOn && isIsoDate(t.closedOn) && t.closedOn <= end).length;
  });
  const rate = closed.map((n) => (n === null || total === 0 ? null : Math.round((n / total) * 1000) / 10));
  const due = months.map((m) => {
    const end = endOf(m);
    return tasks.filter((t) => !t.ongoing && t.deadline && isIsoDate(t.deadline) && t.deadline <= end).length;
  });
  return { months, total, closed, rate, due, undated };
}

/** One unit's or region's standing. */
export interface GroupProgress {
  name: string;
  total: number;
  /** 已销号. */
  closed: number;
  /** 已完成 (not yet 销号). */
  done: number;
  /** Open and past the deadline. */
  overdue: number;
  /** 销号率, percent. */
  rate: number;
  /** Mean 序时进度 and 实际进度 of the tasks that state both, percent (undefined: none do). */
  planned?: number;
  actual?: number;
}

const OPEN = new Set(['not-started', 'in-progress', 'returned']);

/**
 * Units (or regions) ranked with who is behind first: most overdue tasks, then the lowest 销号率,
 * then the furthest behind 序时进度. A task without a unit is in the group `''`.
 * @example rankGroups(tasks, 'unit', '2024-07-12')[0].name // '市水务局'
 */
export function rankGroups(tasks: readonly ProgressTask[], by: 'unit' | 'region', today: string): GroupProgress[] {
  const groups = new Map<string, ProgressTask[]>();
  for (const t of tasks) {
    const key = t[by] ?? '';
    const list = groups.get(key);
    if (list) list.push(t);
    else groups.set(key, [t]);
  }
  const rows: GroupProgress[] = [...groups].map(([name, list]) => {
    const closed = list.filter((t) => t.status === 'closed').length;
    const paced = list.filter((t) => typeof t.planned === 'number' && typeof t.actual === 'number');
    const row: GroupProgress = {
      name,
      total: list.length,
      closed,
      done: list.filter((t) => t.status === 'done').length,
      overdue: list.filter((t) => OPEN.has(t.status) && !t.ongoing && t.deadline && isIsoDate(t.deadline) && daysBetween(t.deadline, today) > 0).length,
      rate: Math.round((closed / list.length) * 1000) / 10,
    };
    if (paced.length) {
      row.planned = mean(paced.map((t) => t.planned as number));
      row.actual = mean(paced.map((t) => t.actual as number));
    }
    return row;
  });
  const lag = (r: GroupProgress) => (r.planned !== undefined && r.actual !== undefined ? r.planned - r.actual : 0);
  return rows.sort((a, b) => b.overdue - a.overdue || a.rate - b.rate || lag(b) - lag(a) || a.name.localeCompare(b.name, 'zh'));
}

function mean(values: number[]): number {
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}
