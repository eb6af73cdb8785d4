/** What the calculations take and give. */
import type { Observation } from '../../domain/types';

/** An input value: an observation, with the dataset it came from when read from the store. */
export type DerivedRow = Observation & { datasetId?: string };

/** Every issue a calculation can report; each is the message `derived.issue.<code>`. */
export type DerivedIssueCode =
  | 'missing_denominator'
  | 'zero_denominator'
  | 'period_mismatch'
  | 'unit_clash'
  | 'not_persons'
  | 'missing_month'
  | 'not_monthly'
  | 'missing_previous'
  | 'missing_target'
  | 'no_parent'
  | 'changes_skipped';

/**
 * Something a calculation could not do, counted: one issue per kind, with its first case in
 * `params` (region, period, units…), so a thousand gaps are one sentence, not a thousand.
 * @example { code: 'zero_denominator', count: 2, params: { region: '道里区', period: '2024' } }
 */
export interface DerivedIssue {
  code: DerivedIssueCode;
  count: number;
  params: Record<string, string | number>;
}

/** Values calculated, and what could not be. Never thrown. */
export interface DerivedResult<T extends Observation = DerivedRow> {
  observations: T[];
  issues: DerivedIssue[];
}

/**
 * How regions are matched: the label a region shows under (analysis/region-identity's
 * `RegionIdentity.label`), so 哈尔滨市道里区 in one dataset meets 道里区 in another.
 * Without it a region is its name as written.
 */
export interface DerivedContext {
  label?: (name: string, code: string | undefined) => string;
}
