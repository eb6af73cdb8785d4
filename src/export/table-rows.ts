/**
 * "The data behind the chart": one indicator's observations as a table with a header row in the
 * reader's language, values in the unit the chart is labelled in. Feeds `toCsv` and `toXlsx`.
 */
import type { Observation } from '../domain/types';
import { sameUnit, splitUnit, toDisplayUnit } from '../domain/units';
import { translate, type Locale } from '../domain/messages/index';
import type { Cell } from './cell';

/** What the table needs; `displayUnit` overrides each observation's own display unit. */
export interface TableRowsOptions {
  locale: Locale;
  displayUnit?: string;
}

/** Header keys, in column order. */
const COLUMNS = ['region', 'region_code', 'indicator', 'period', 'value', 'unit', 'note', 'source'] as const;

/**
 * Dividing by 1e4 leaves binary noise (6.040000000000001); 12 significant digits is more than any
 * statistical table carries and removes it.
 */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** The unit to show: the display unit when it scales the same base unit, else the base unit. */
function valueIn(observation: Observation, displayUnit: string | undefined): { value: number; unit: string } {
  if (displayUnit !== undefined && displayUnit !== observation.unit && sameUnit(splitUnit(displayUnit).base, observation.unit)) {
    return { value: clean(toDisplayUnit(observation.value, displayUnit)), unit: displayUnit };
  }
  return { value: observation.value, unit: observation.unit };
}

function note(observation: Observation, locale: Locale): string {
  const parts: string[] = [];
  if (observation.approximate) parts.push(translate(locale, 'export.table.approximate'));
  if (observation.isTotal) parts.push(translate(locale, 'export.table.total'));
  return parts.join(locale === 'zh' ? '；' : '; ');
}

/**
 * Observations → header row plus one row per observation, in the given order: region, division
 * code, indicator, period (as the user wrote it), value in the display unit, unit, note (约数/合计), source.
 * @example buildTableRows([{ region: '道里区', indicator: '面积', period: '2024', value: 60400, unit: '亩', displayUnit: '万亩' }], { locale: 'zh' })
 *   // [['地区', '区划代码', '指标', '时期', '数值', '单位', '说明', '来源'], ['道里区', null, '面积', '2024', 6.04, '万亩', null, null]]
 */
/**
 * The provenance a row carries: every cell its file gave (report, file, sentence) when there were
 * several, else its one citation; a value in a spreadsheet still leads to its sentence.
 */
function sourceOf(observation: Observation, locale: Locale): string | null {
  if (!observation.citations?.length) return observation.sourceText ?? null;
  return observation.citations
    .map((c) => translate(locale, 'export.table.citation', { label: c.label, text: c.text }))
    .join(locale === 'zh' ? '；' : '; ');
}

export function buildTableRows(observations: readonly Observation[], options: TableRowsOptions): Cell[][] {
  const header: Cell[] = COLUMNS.map((c) => translate(options.locale, `export.table.${c}`));
  const rows = observations.map((o): Cell[] => {
    const { value, unit } = valueIn(o, options.displayUnit ?? o.displayUnit);
    return [
      o.region,
      o.regionCode ?? null,
      o.indicator,
      o.periodLabel ?? o.period,
      value,
      unit === '' ? null : unit,
      note(o, options.locale) || null,
      sourceOf(o, options.locale),
    ];
  });
  return [header, ...rows];
}
