/**
 * The 挂图作战 board from a ledger's assessed tasks: filters, the urgent lists (逾期, 临期), tasks
 * by status column or in a region × category matrix, with counts of each colour. Pure: the UI,
 * the slides and the exports all draw from these.
 */
import { daysBetween, isIsoDate } from './dates';
import type { Assessment, TaskStatus, Task } from './types';

/** A task the board can place: the contract's fields it reads, and its light. */
export type BoardTask = Pick<Task, 'title' | 'status' | 'deadline' | 'ongoing' | 'unit' | 'category' | 'region'> & {
  light?: Pick<Assessment, 'colour' | 'reason'>;
};

export type Colour = Assessment['colour'];

/** Colours, worst first: the order of every count and list. */
export const COLOURS: readonly Colour[] = ['red', 'yellow', 'green', 'grey'];

/** Status columns in the order work moves through them. */
export const STATUS_COLUMNS: readonly TaskStatus[] = ['not-started', 'in-progress', 'returned', 'done', 'closed', 'suspended'];

/** What the board is filtered by; an absent key does not filter. `month` is `YYYY-MM` of the deadline. */
export interface BoardFilter {
  unit?: string;
  category?: string;
  region?: string;
  month?: string;
}

/** Counts of each colour. */
export type ColourCounts = Record<Colour, number>;

/** `(none)` bucket for a task without a unit, category or region. */
export const NONE = '';

/**
 * The tasks the filter keeps, in their order.
 * @example filterTasks(tasks, { unit: '市水务局', month: '2024-06' })
 */
export function filterTasks<T extends BoardTask>(tasks: readonly T[], filter: BoardFilter): T[] {
  return tasks.filter(
    (t) =>
      (filter.unit === undefined || (t.unit ?? NONE) === filter.unit) &&
      (filter.category === undefined || (t.category ?? NONE) === filter.category) &&
      (filter.region === undefined || (t.region ?? NONE) === filter.region) &&
      (filter.month === undefined || (t.deadline ?? '').slice(0, 7) === filter.month),
  );
}

/** The values each filter can take, sorted (deadline months in time order). */
export interface FilterChoices {
  units: string[];
  categories: string[];
  regions: string[];
  months: string[];
}

/**
 * What the filters offer for these tasks. A blank is offered as `NONE` when some task has it.
 * @example filterChoices(tasks).months // ['2024-06', '2024-12']
 */
export function filterChoices(tasks: readonly BoardTask[]): FilterChoices {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'zh'));
  return {
    units: sorted(tasks.map((t) => t.unit ?? NONE)),
    categories: sorted(tasks.map((t) => t.category ?? NONE)),
    regions: sorted(tasks.map((t) => t.region ?? NONE)),
    months: [...new Set(tasks.flatMap((t) => (t.deadline ? [t.deadline.slice(0, 7)] : [])))].sort(),
  };
}

/**
 * Counts of each colour (a task not yet assessed counts nowhere).
 * @example countColours(tasks) // { red: 3, yellow: 1, green: 30, grey: 4 }
 */
export function countColours(tasks: readonly BoardTask[]): ColourCounts {
  const counts: ColourCounts = { red: 0, yellow: 0, green: 0, grey: 0 };
  for (const t of tasks) if (t.light) counts[t.light.colour]++;
  return counts;
}

const OPEN: ReadonlySet<TaskStatus> = new Set(['not-started', 'in-progress', 'returned']);

/**
 * Days past the deadline on `today` for a task that is still open (not done, closed or suspended,
 * not 长期坚持), else undefined.
 * @example overdueDays({ status: 'in-progress', deadline: '2024-06-30' }, '2024-07-12') // 12
 */
export function overdueDays(task: Pick<Task, 'status' | 'deadline' | 'ongoing'>, today: string): number | undefined {
  if (!OPEN.has(task.status) || task.ongoing || !task.deadline || !isIsoDate(task.deadline)) return undefined;
  const days = daysBetween(task.deadline, today);
  return days > 0 ? days : undefined;
}

/**
 * Days left to the deadline when it is 0 to `within` days away and the task is open, else undefined.
 * @example daysToDeadline({ status: 'in-progress', deadline: '2024-06-30' }, '2024-06-28', 7) // 2
 */
export function daysToDeadline(task: Pick<Task, 'status' | 'deadline' | 'ongoing'>, today: string, within: number): number | undefined {
  if (!OPEN.has(task.status) || task.ongoing || !task.deadline || !isIsoDate(task.deadline)) return undefined;
  const days = daysBetween(today, task.deadline);
  return days >= 0 && days <= within ? days : undefined;
}

/**
 * The urgent lists: 逾期 (most days overdue first) and 临期 (soonest first), each task in one.
 * @example urgentLists(tasks, '2024-07-12', 7).overdue[0].days // 12
 */
export function urgentLists<T extends BoardTask>(tasks: readonly T[], today: string, within: number): { overdue: { task: T; days: number }[]; dueSoon: { task: T; days: number }[] } {
  const overdue: { task: T; days: number }[] = [];
  const dueSoon: { task: T; days: number }[] = [];
  for (const task of tasks) {
    const late = overdueDays(task, today);
    if (late !== undefined) {
      overdue.push({ task, days: late });
      continue;
    }
    const left = daysToDeadline(task, today, within);
    if (left !== undefined) dueSoon.push({ task, days: left });
  }
  overdue.sort((a, b) => b.days - a.days);
  dueSoon.sort((a, b) => a.days - b.days);
  return { overdue, dueSoon };
}

/**
 * Tasks worst colour first (red, yellow, green, grey), keeping the ledger's order within a colour.
 * @example byUrgency(tasks)[0].light?.colour // 'red'
 */
export function byUrgency<T extends BoardTask>(tasks: readonly T[]): T[] {
  const rank = (t: BoardTask) => (t.light ? COLOURS.indexOf(t.light.colour) : COLOURS.length);
  return tasks
    .map((task, i) => ({ task, i }))
    .sort((a, b) => rank(a.task) - rank(b.task) || a.i - b.i)
    .map((x) => x.task);
}

/** One column of the board by status. */
export interface StatusColumn<T> {
  status: TaskStatus;
  tasks: T[];
  counts: ColourCounts;
}

/**
 * Tasks by status column, each column worst colour first; columns without tasks are left out.
 * @example byStatus(tasks).map((c) => c.status) // ['in-progress', 'done', 'closed']
 */
export function byStatus<T extends BoardTask>(tasks: readonly T[]): StatusColumn<T>[] {
  return STATUS_COLUMNS.map((status) => {
    const inColumn = byUrgency(tasks.filter((t) => t.status === status));
    return { status, tasks: inColumn, counts: countColours(inColumn) };
  }).filter((c) => c.tasks.length > 0);
}

/** The region × category matrix: row and column names, and each cell's tasks and counts. */
export interface Matrix<T> {
  regions: string[];
  categories: string[];
  /** `cells[r][c]`. */
  cells: { tasks: T[]; counts: ColourCounts }[][];
}

/**
 * Tasks in a region × category matrix (a blank region or category is its own row or column, `NONE`).
 * @example matrix(tasks).cells[0][0].counts.red
 */
export function matrix<T extends BoardTask>(tasks: readonly T[]): Matrix<T> {
  const { regions, categories } = filterChoices(tasks);
  const cells = regions.map((region) =>
    categories.map((category) => {
      const inCell = byUrgency(tasks.filter((t) => (t.region ?? NONE) === region && (t.category ?? NONE) === category));
      return { tasks: inCell, counts: countColours(inCell) };
    }),
  );
  return { regions, categories, cells };
}
