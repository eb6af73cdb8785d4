/**
 * The indicator settings form as plain data, and its conversion back to an `Indicator`: target
 * values are typed in the display unit (万亩) and stored in the base unit (亩).
 */
import type { Indicator, Polarity } from '../../domain/types';
import { sameUnit, splitUnit } from '../../domain/units';

/** One target row as typed: all text. */
export interface TargetDraft {
  region: string;
  period: string;
  value: string;
  deadline: string;
}

/**
 * The form's fields.
 * @example draftOf(indicator).displayUnit // '万亩'
 */
export interface IndicatorDraft {
  displayName: string;
  displayUnit: string;
  polarity: Polarity;
  description: string;
  source: string;
  targets: TargetDraft[];
  /** How a rate's change is told (only offered for rates): 个百分点 or percent of the earlier rate. */
  rateChange: 'points' | 'relative';
  /** Decimals of every value, as typed; empty: inferred from the values. */
  decimals: string;
  /** Whether parts add up to the whole (counties to their city); empty: by the unit. */
  aggregation: '' | 'sum' | 'none';
}

/** Why a draft cannot be saved: a message key of `views.ts` and its parameters. */
export interface DraftProblem {
  key: string;
  params?: Record<string, string | number>;
}

/** The factor from the display unit to the base unit, or undefined when they do not share a base. */
function factorOf(baseUnit: string, displayUnit: string): number | undefined {
  if (!displayUnit || sameUnit(displayUnit, baseUnit)) return 1;
  const d = splitUnit(displayUnit);
  return sameUnit(d.base, baseUnit) ? d.factor : undefined;
}

/** Round away float noise from unit conversion (0.92 × 1e8 = 92000000.00000001). */
function tidy(v: number): number {
  return Number(v.toPrecision(12));
}

/**
 * The form filled from an indicator, target values in its display unit.
 * @example draftOf({ name: '面积', baseUnit: '亩', displayUnit: '万亩', polarity: 'higher', targets: [{ period: '2025', value: 60400 }] }).targets[0].value // '6.04'
 */
export function draftOf(indicator: Indicator): IndicatorDraft {
  const displayUnit = indicator.displayUnit ?? indicator.baseUnit;
  const factor = factorOf(indicator.baseUnit, displayUnit) ?? 1;
  return {
    displayName: indicator.displayName ?? '',
    displayUnit,
    polarity: indicator.polarity,
    description: indicator.description ?? '',
    source: indicator.source ?? '',
    rateChange: indicator.rateChange ?? 'points',
    decimals: indicator.decimals === undefined ? '' : String(indicator.decimals),
    aggregation: indicator.aggregation ?? '',
    targets: indicator.targets.map((t) => ({
      region: t.region ?? '',
      period: t.period,
      value: String(tidy(t.value / factor)),
      deadline: t.deadline ?? '',
    })),
  };
}

/**
 * The indicator a draft describes, or the problems that stop it being saved. Empty text fields
 * are left out rather than stored as empty strings.
 * @example applyDraft(indicator, { ...draftOf(indicator), polarity: 'lower' }).indicator?.polarity // 'lower'
 */
export function applyDraft(indicator: Indicator, draft: IndicatorDraft): { indicator?: Indicator; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const displayUnit = draft.displayUnit.trim();
  const factor = factorOf(indicator.baseUnit, displayUnit);
  if (factor === undefined) problems.push({ key: 'views.settings.badUnit', params: { unit: displayUnit, base: indicator.baseUnit } });
  const targets: Indicator['targets'] = [];
  draft.targets.forEach((t, i) => {
    const value = Number(t.value.trim().replace(/,/g, ''));
    if (!t.period.trim() || !t.value.trim() || !Number.isFinite(value)) {
      problems.push({ key: 'views.settings.badTarget', params: { n: i + 1 } });
      return;
    }
    targets.push({
      ...(t.region.trim() ? { region: t.region.trim() } : {}),
      period: t.period.trim(),
      value: tidy(value * (factor ?? 1)),
      ...(t.deadline.trim() ? { deadline: t.deadline.trim() } : {}),
    });
  });
  const decimals = draft.decimals.trim();
  if (decimals !== '' && !/^[0-4]$/.test(decimals)) problems.push({ key: 'views.settings.badDecimals', params: { value: decimals } });
  if (problems.length) return { problems };
  const next: Indicator = { name: indicator.name, baseUnit: indicator.baseUnit, polarity: draft.polarity, targets };
  if (draft.displayName.trim()) next.displayName = draft.displayName.trim();
  // Kept even when it is the base unit: that is a choice too, overriding the unit the file was written in.
  if (displayUnit) next.displayUnit = displayUnit;
  if (draft.description.trim()) next.description = draft.description.trim();
  if (draft.source.trim()) next.source = draft.source.trim();
  // Points are the default and are not stored: only the choice to differ is.
  if (draft.rateChange === 'relative') next.rateChange = 'relative';
  if (decimals !== '') next.decimals = Number(decimals);
  // The unit's default is not stored: only a choice is.
  if (draft.aggregation) next.aggregation = draft.aggregation;
  return { indicator: next, problems };
}
