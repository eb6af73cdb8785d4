/**
 * Before walking the rows: can this table make records at all? Fills what the title can tell
 * (its one year, its indicator name) and says, in a sentence, what the user must set otherwise.
 */
import type { ImportIssue } from '../domain/types';
import type { Locale } from '../domain/messages';
import { indicatorFromTitle, splitHeaderUnit } from './header-unit';
import { makeIssue } from './issues';
import { isPeriodPart, titleYear } from './parse-period';
import type { RowColumns, ValueColumn } from './unpivot';
import type { IngestOptions } from './types';

/** What the check decided. @example { blocked: false, defaults: { period: '2024' }, year: '2024', issues: [] } */
export interface TableCheck {
  /** True when no record can be made; the issues say what to set. */
  blocked: boolean;
  defaults: NonNullable<IngestOptions['defaults']>;
  /** The one year the title names, for columns headed `3月`. */
  year?: string;
  fallbackIndicator?: string;
  unit?: string;
  issues: ImportIssue[];
}

/**
 * Check the table's columns against what a record needs: a value, a period, an indicator, a region.
 * @example checkTable({ locale: 'zh', values, cols, title: ['道里区2024年主要指标'], titleRow: 1, defaults: {} }).defaults.period // '2024'
 */
export function checkTable(t: {
  locale: Locale;
  values: ValueColumn[];
  cols: RowColumns;
  title: string[];
  /** 1-based row of the title, for the issues that use it. */
  titleRow: number;
  unit?: string;
  defaults: NonNullable<IngestOptions['defaults']>;
}): TableCheck {
  const out: TableCheck = { blocked: false, defaults: t.defaults, unit: t.unit, issues: [] };
  const issue = (code: string, severity: 'error' | 'warning', row: number, params?: Record<string, string | number>): void => {
    out.issues.push(makeIssue(t.locale, code, severity, { row }, params));
  };
  if (t.values.length === 0) {
    issue('no_value_columns', 'error', 0);
    out.blocked = true;
  }

  const year = titleYear(t.title.join(' '));
  if (year !== undefined) out.year = year;
  const lacksPeriod = t.values.filter((v) => v.period === undefined || isPeriodPart(v.period));
  if (t.cols.period < 0 && !t.defaults.period && lacksPeriod.length > 0) {
    if (year !== undefined) {
      // 道里区2024年主要指标: the title's one year is the period of every value.
      out.defaults = { ...out.defaults, period: year };
      issue('period_from_title', 'warning', t.titleRow, { period: year });
    } else if (lacksPeriod.length === t.values.length) {
      issue('no_period', 'error', 0);
      out.blocked = true;
    }
  }

  if (t.cols.indicator < 0 && !t.defaults.indicator && t.values.some((v) => v.indicator === undefined)) {
    if (t.title.length > 0) {
      const fromTitle = splitHeaderUnit(indicatorFromTitle(t.title[0]));
      out.fallbackIndicator = fromTitle.name;
      out.unit = out.unit ?? (fromTitle.unit || undefined);
      issue('indicator_from_title', 'warning', t.titleRow, { indicator: fromTitle.name });
    } else {
      issue('no_indicator', 'error', 0);
      out.blocked = true;
    }
  }

  const regionless = t.values.some((v) => v.region === undefined);
  if (t.cols.region < 0 && t.cols.regionCode < 0 && !t.defaults.region && !out.blocked && regionless) issue('no_region', 'warning', 0);
  return out;
}
