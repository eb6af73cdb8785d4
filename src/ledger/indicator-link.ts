/**
 * A task tied to an indicator (地下水压采量, 目标 0.92亿立方米): its current value read from stored
 * observations, and completion against the target (1.14 / 0.92 = 124%). Pure: the caller reads
 * the observations (the store's `getSeries`) and passes them in.
 */
import { comparePeriods } from '../domain/period';
import type { Observation } from '../domain/types';
import type { Task } from './types';

type LinkedTask = Pick<Task, 'indicator' | 'target' | 'current' | 'region' | 'regionCode'>;

/** The value a task is measured by, where it came from, and completion against its target. */
export interface TaskCompletion {
  /** Base units, like stored values. */
  current: number;
  target: number;
  /** current / target, percent, one decimal. */
  percent: number;
  /** Reached: at or above the target, or at or below it for an indicator where lower is better. */
  met: boolean;
  /** `dataset`: the latest stored value of the task's region; `ledger`: the ledger's 当前值. */
  from: 'dataset' | 'ledger';
  period?: string;
  region?: string;
}

/**
 * The observation that measures the task: the task's region (by division code, else by name; a
 * task without a region takes a total row) at its latest period.
 * @example latestFor({ indicator: '地下水压采量', region: '沧州市' }, observations)?.value // 114000000
 */
export function latestFor<T extends Observation>(task: LinkedTask, observations: readonly T[]): T | undefined {
  const mine = observations.filter((o) => {
    if (o.indicator !== task.indicator || !Number.isFinite(o.value) || (o.kind !== undefined && o.kind !== 'level')) return false;
    if (task.regionCode && o.regionCode) return o.regionCode === task.regionCode;
    // By name only when the names are the same: 鼓楼区 is four places (see README, Decisions).
    if (task.region) return o.region === task.region;
    return o.isTotal === true;
  });
  let best: T | undefined;
  for (const o of mine) if (!best || comparePeriods(o.period, best.period) > 0) best = o;
  return best;
}

/**
 * Completion of a task against its target: the stored datasets' latest value when there is one,
 * else the ledger's own 当前值. Undefined without a target or any value.
 * @example taskCompletion({ indicator: '地下水压采量', target: 0.92e8, region: '沧州市' }, observations) // { current: 1.14e8, percent: 123.9, met: true, from: 'dataset', … }
 */
export function taskCompletion(task: LinkedTask, observations: readonly Observation[], lowerIsBetter = false): TaskCompletion | undefined {
  if (typeof task.target !== 'number' || !Number.isFinite(task.target) || task.target === 0) return undefined;
  const stored = task.indicator ? latestFor(task, observations) : undefined;
  const current = stored ? stored.value : task.current;
  if (typeof current !== 'number' || !Number.isFinite(current)) return undefined;
  const out: TaskCompletion = {
    current,
    target: task.target,
    percent: Math.round((current / task.target) * 1000) / 10,
    met: lowerIsBetter ? current <= task.target : current >= task.target,
    from: stored ? 'dataset' : 'ledger',
  };
  if (stored) {
    out.period = stored.period;
    out.region = stored.region;
  }
  return out;
}
