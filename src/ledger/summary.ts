/**
 * A ledger in three numbers for a summary slide: done, in progress, overdue (each task in one),
 * and the overdue tasks, most days late first. Pure.
 */
import { overdueDays } from './board';
import type { Task } from './types';

type SummaryTask = Pick<Task, 'title' | 'status' | 'deadline' | 'ongoing' | 'unit'>;

export interface LedgerSummary<T> {
  total: number;
  /** 已完成 and 已销号. */
  done: number;
  /** Of which 已销号. */
  closed: number;
  /** Open and not past the deadline (未启动, 推进中, 退回). */
  inProgress: number;
  /** Open and past the deadline. */
  overdue: { task: T; days: number }[];
  /** 中止: in none of the three. */
  suspended: number;
}

/**
 * @example ledgerSummary(tasks, '2024-07-12') // { total: 38, done: 20, closed: 6, inProgress: 15, overdue: [...3], suspended: 0 }
 */
export function ledgerSummary<T extends SummaryTask>(tasks: readonly T[], today: string): LedgerSummary<T> {
  const out: LedgerSummary<T> = { total: tasks.length, done: 0, closed: 0, inProgress: 0, overdue: [], suspended: 0 };
  for (const task of tasks) {
    if (task.status === 'done' || task.status === 'closed') {
      out.done++;
      if (task.status === 'closed') out.closed++;
    } else if (task.status === 'suspended') out.suspended++;
    else {
      const days = overdueDays(task, today);
      if (days !== undefined) out.overdue.push({ task, days });
      else out.inProgress++;
    }
  }
  out.overdue.sort((a, b) => b.days - a.days);
  return out;
}
