/**
 * A task's light: red, yellow, green or grey, always with the words that say why. Days are
 * calendar days between `YYYY-MM-DD` strings (UTC day numbers), never local time.
 *
 * Precedence: closed (and suspended) first, so a closed task is grey even when its deadline has
 * passed or its progress column was never updated; then red, then yellow, then green.
 */
import { daysBetween, isIsoDate } from './dates';
import { exactDate } from './deadline';
import { ledgerText, type LedgerLocale } from './messages';
import type { Assessment, LightRules, Task } from './types';

/** The default thresholds, as issue 23 sets them. @example DEFAULT_RULES.redBehind // 30 */
export const DEFAULT_RULES: Readonly<LightRules> = { redBehind: 30, yellowBehind: 10, yellowDays: 7, yellowSameMonth: false };

type Assessable = Pick<Task, 'status' | 'deadline' | 'ongoing' | 'planned' | 'actual'>;

/**
 * Colour a task on `today` (`YYYY-MM-DD`, the user's calendar day).
 * @example assess({ ...task, status: 'in-progress', deadline: '2024-06-30' }, '2024-07-12') // { colour: 'red', reason: '逾期 12 天' }
 */
export function assess(task: Assessable, today: string, rules: Partial<LightRules> = {}, options: { locale?: LedgerLocale } = {}): Assessment {
  // `2024/7/12` and `2024年7月12日` are days too; an instant (`…T00:00Z`) is not: which day it is depends on where.
  const day = isIsoDate(today) ? today : typeof today === 'string' && !today.includes(':') ? exactDate(today) : undefined;
  if (day === undefined) throw new RangeError(`assess: today must be a calendar day (YYYY-MM-DD), not ${JSON.stringify(today)}`);
  today = day;
  const r = withDefaults(rules);
  const say = (key: string, params?: Record<string, string | number>): string => ledgerText(options.locale ?? 'zh', key, params);
  if (task.status === 'closed') return { colour: 'grey', reason: say('reason.closed') };
  // Stopped work has no pace to keep: its deadline and progress no longer bind (see docs/ledger.md).
  if (task.status === 'suspended') return { colour: 'grey', reason: say('reason.suspended') };

  const finished = task.status === 'done';
  const behind = pointsBehind(task);
  const deadline = !task.ongoing && typeof task.deadline === 'string' && isIsoDate(task.deadline) ? task.deadline : undefined;
  const daysLeft = deadline !== undefined ? daysBetween(today, deadline) : undefined;
  const shown = (n: number): string => showPoints(n, r);

  const red: string[] = [];
  const yellow: string[] = [];
  // The deadline day itself is still on time: overdue starts the day after.
  if (daysLeft !== undefined && daysLeft < 0 && !finished) red.push(say('reason.overdue', { n: -daysLeft }));
  if (behind !== undefined && behind > r.redBehind) red.push(say('reason.behind', { n: shown(behind) }));
  if (daysLeft !== undefined && daysLeft >= 0 && !finished) {
    if (daysLeft <= r.yellowDays) yellow.push(daysLeft === 0 ? say('reason.dueToday') : say('reason.due', { n: daysLeft }));
    else if (r.yellowSameMonth && deadline !== undefined && deadline.slice(0, 7) === today.slice(0, 7)) yellow.push(say('reason.dueThisMonth', { date: deadline }));
  }
  if (behind !== undefined && behind >= r.yellowBehind && behind <= r.redBehind) yellow.push(say('reason.behind', { n: shown(behind) }));

  const join = say('reason.join');
  if (red.length > 0) return { colour: 'red', reason: [...red, ...yellow].join(join) };
  if (yellow.length > 0) return { colour: 'yellow', reason: yellow.join(join) };
  if (finished) return { colour: 'green', reason: say('reason.done') };
  if (task.status === 'not-started') return { colour: 'green', reason: say('reason.notStarted') };
  return { colour: 'green', reason: say(task.ongoing ? 'reason.ongoing' : 'reason.onTrack') };
}

/**
 * Points by which actual trails planned, without binary noise (70.1 − 40.1 is 30, not
 * 30.000000000000004, which would turn a yellow task red); undefined without both numbers.
 * @example pointsBehind({ planned: 80, actual: 62 }) // 18
 */
export function pointsBehind(task: Pick<Task, 'planned' | 'actual'>): number | undefined {
  const { planned, actual } = task;
  if (typeof planned !== 'number' || typeof actual !== 'number' || !Number.isFinite(planned) || !Number.isFinite(actual)) return undefined;
  return Math.round((planned - actual) * 1e9) / 1e9;
}

/** The user's thresholds over the defaults; a missing or non-numeric one keeps its default. */
function withDefaults(rules: Partial<LightRules>): LightRules {
  const num = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  return {
    redBehind: num(rules.redBehind, DEFAULT_RULES.redBehind),
    yellowBehind: num(rules.yellowBehind, DEFAULT_RULES.yellowBehind),
    yellowDays: num(rules.yellowDays, DEFAULT_RULES.yellowDays),
    yellowSameMonth: rules.yellowSameMonth === true,
  };
}

/**
 * Points as few decimals as still tell the thresholds apart: 18, 12.5, and 30.0001 (not "30",
 * which would read as yellow beside a red light).
 */
function showPoints(n: number, r: LightRules): string {
  for (let d = 0; d <= 6; d++) {
    const v = Number(n.toFixed(d));
    if (v > r.redBehind === n > r.redBehind && v >= r.yellowBehind === n >= r.yellowBehind && (d >= 1 || v === Math.round(n * 10) / 10)) return String(v);
  }
  return String(n);
}
