/**
 * Target completion and the progress traffic light.
 *
 * The rule (domain.md leaves the details open):
 * - completion = value / target × 100 for higher-is-better indicators, target / value × 100 for
 *   lower-is-better ones; above 100 % is allowed. It is undefined when the divisor is zero or
 *   negative (a lower-is-better value of 0 has still met its target: `met` says so).
 * - A target covers a window: from the start of its period to the end of its deadline (a period
 *   key or a `YYYY-MM-DD` date), or to the end of its period when there is no deadline.
 * - expected progress = the share of that window that has passed by the end of the observation's
 *   period (时间过半、任务过半): 100 % at or past the end, pro rata inside the window. An
 *   observation from before the window gets no traffic light.
 * - behind = expected − completion, in percentage points. Green below 10, yellow 10 to 30,
 *   red above 30. A met target is green whatever the window.
 * - At or after the deadline (expected progress 100 %) a target not reached is `missed` (未完成,
 *   red), whatever the completion: 63.2% of a 70% target is not "on pace" once the time is up.
 *   `shortfall` says by how much, in the indicator's base unit (6.8 for a rate: 差6.8个百分点),
 *   respecting polarity: for lower-is-better indicators, above the target is missing it.
 */
import type { Indicator, Observation, Polarity, Target } from '../domain/types';
import { periodSpan } from '../domain/period';

/** Green on pace, yellow 10–30 points behind, red more than 30 behind; missed: the deadline came first. */
export type TrafficLight = 'green' | 'yellow' | 'red' | 'missed';

/** How an observation stands against its target. */
export interface TargetAssessment {
  target: Target;
  /** Percent; may exceed 100. */
  completion: number | undefined;
  /** Percent of the target window passed by the end of the observation's period. */
  expected: number | undefined;
  /** Percentage points behind the expected progress (negative: ahead). */
  behind: number | undefined;
  status: TrafficLight | undefined;
  /** The value has reached the target (≥ for higher-is-better, ≤ for lower-is-better). */
  met: boolean;
  /** How far the value is from the target, in the base unit (positive), when the target is missed at its deadline. */
  shortfall: number | undefined;
}

/** The months a target covers, from the start of its period to the end of its deadline. */
function targetWindow(t: Target): { start: number; end: number } | undefined {
  const p = periodSpan(t.period);
  if (!p) return undefined;
  const d = t.deadline ? periodSpan(t.deadline) : undefined;
  return { start: p.start, end: d && d.end > p.start ? d.end : p.end };
}

/**
 * The target that applies to a region in a period: a region's own targets before targets with no
 * region; among them the one whose window ends soonest at or after the period, else the one that
 * ended last.
 * @example findTarget(indicator, '道里区', '2024')?.value // 920000
 */
export function findTarget(indicator: Indicator, region: string, period: string): Target | undefined {
  const span = periodSpan(period);
  if (!span) return undefined;
  const own = indicator.targets.filter((t) => t.region === region);
  const candidates = own.length ? own : indicator.targets.filter((t) => t.region === undefined || t.region === '');
  let best: { t: Target; end: number } | undefined;
  for (const t of candidates) {
    const w = targetWindow(t);
    if (!w) continue;
    if (!best) {
      best = { t, end: w.end };
      continue;
    }
    const upcoming = w.end >= span.end;
    const bestUpcoming = best.end >= span.end;
    if (upcoming && (!bestUpcoming || w.end < best.end)) best = { t, end: w.end };
    else if (!upcoming && !bestUpcoming && w.end > best.end) best = { t, end: w.end };
  }
  return best?.t;
}

/**
 * Completion in percent.
 * @example targetCompletion(1.14e8, 0.92e8, 'higher') // 123.9…
 */
export function targetCompletion(value: number, target: number, polarity: Polarity): number | undefined {
  const [num, den] = polarity === 'higher' ? [value, target] : [target, value];
  return den > 0 ? (num / den) * 100 : undefined;
}

/**
 * Expected progress in percent at the end of `period` (see the rule at the top of this file).
 * @example expectedProgress('2024-06', { period: '2024', value: 1 }) // 50
 */
export function expectedProgress(period: string, target: Target): number | undefined {
  const span = periodSpan(period);
  const w = targetWindow(target);
  if (!span || !w) return undefined;
  if (span.end >= w.end) return 100;
  if (span.end <= w.start) return undefined;
  return ((span.end - w.start) / (w.end - w.start)) * 100;
}

/**
 * The traffic light for a completion against the expected progress.
 * @example trafficLight(75, 100) // 'yellow'
 */
export function trafficLight(completion: number, expected: number): TrafficLight {
  const behind = expected - completion;
  if (behind < 10) return 'green';
  return behind <= 30 ? 'yellow' : 'red';
}

/**
 * Assess an observation against its own `target` (a 目标值 column) or the indicator's target.
 * @example assessTarget({ region: '全市', period: '2024', value: 1.14e8, … }, indicator)?.status // 'green'
 */
export function assessTarget(o: Observation, indicator: Indicator): TargetAssessment | undefined {
  const target: Target | undefined =
    o.target !== undefined ? { region: o.region, period: o.period, value: o.target } : findTarget(indicator, o.region, o.period);
  if (!target) return undefined;
  const met = indicator.polarity === 'higher' ? o.value >= target.value : o.value <= target.value;
  const completion = targetCompletion(o.value, target.value, indicator.polarity);
  const expected = expectedProgress(o.period, target);
  const behind = completion !== undefined && expected !== undefined ? expected - completion : undefined;
  let status: TrafficLight | undefined;
  let shortfall: number | undefined;
  if (met && expected !== undefined) status = 'green';
  else if (expected !== undefined && expected >= 100) {
    status = 'missed';
    // Rounded like a stored value: 70 − 63.2 is 6.799999999999997 in binary.
    shortfall = Number(Math.abs(target.value - o.value).toPrecision(12));
  } else if (completion !== undefined && expected !== undefined) status = trafficLight(completion, expected);
  return { target, completion, expected, behind, status, met, shortfall };
}
