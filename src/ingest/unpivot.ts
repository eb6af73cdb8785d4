/**
 * Wide → long. Every column that holds values (a `value` column of a long table, a period column
 * `2024年`, an indicator column `面积（万亩）`, or a path of both `秸秆还田/2024年`) yields one
 * entry per row, with the region, indicator, period and unit known from the row, the column
 * header, the `单位：` line or the defaults, in that order.
 */
import { GENERIC_VALUE } from './infer-roles';
import { isPeriodPart, parsePeriod, withoutRemark } from './parse-period';
import { splitHeaderUnit, splitPath } from './header-unit';
import type { ColumnRole } from './types';
import type { Citation } from '../domain/types';

/** What a value column's header says about its values. @example { index: 2, role: 'period-column', header: '2024年', period: '2024年', unit: '' } */
export interface ValueColumn {
  index: number;
  role: ColumnRole;
  header: string;
  period?: string;
  indicator?: string;
  /** For a `region-column`: the region its header names. */
  region?: string;
  unit: string;
}

/** Roles that hold values. @example VALUE_ROLES.has('period-column') // true */
export const VALUE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['value', 'period-column', 'indicator-column', 'region-column']);

/**
 * Read period, indicator and unit from each value column's header.
 * @example valueColumns(['地区', '秸秆还田/2024年（吨）'], ['region', 'period-column'])[0] // { index: 1, role: 'period-column', header: '秸秆还田/2024年（吨）', period: '2024年', indicator: '秸秆还田', unit: '吨' }
 */
export function valueColumns(headers: string[], roles: ColumnRole[]): ValueColumn[] {
  const out: ValueColumn[] = [];
  roles.forEach((role, index) => {
    if (!VALUE_ROLES.has(role)) return;
    const header = headers[index];
    // Each part of a merged-header path may carry the unit: `保护性耕作面积（万亩）/2024年`.
    let unit = '';
    let period: string | undefined;
    const names: string[] = [];
    for (const part of splitPath(header)) {
      const split = splitHeaderUnit(part);
      if (split.unit !== '') unit = split.unit;
      const bare = withoutRemark(split.name);
      if (role !== 'value' && period === undefined && (parsePeriod(bare) !== null || isPeriodPart(bare))) period = bare;
      else if (split.name !== '') names.push(split.name);
    }
    const rest = names.join('/');
    const column: ValueColumn = { index, role, header, unit };
    if (period !== undefined) column.period = period;
    const generic = role === 'value' && GENERIC_VALUE.test(rest);
    if (role === 'region-column') column.region = rest;
    else if (rest !== '' && !generic) column.indicator = rest;
    out.push(column);
  });
  return out;
}

/** Text of the cells of one value in one row, before parsing. @example { row: 3, valueText: '6.04', regionText: '道里区', periodText: '2024年', … } */
export interface RawEntry {
  /** 1-based spreadsheet row. */
  row: number;
  column: ValueColumn;
  valueText: string;
  regionText: string;
  regionCodeText: string;
  indicatorText: string;
  periodText: string;
  /** Column of the period text, for issues. */
  periodColumn: string;
  unitText: string;
  targetText: string;
  /** Header of the target column, for issues. */
  targetColumn: string;
  kindText: string;
  sourceText: string;
  /** Every provenance cell that is not blank, when the file has several provenance columns. */
  citations?: Citation[] | undefined;
}

/** Which column holds each row-level field (-1: none). @example { region: 0, regionCode: -1, indicator: 1, period: 2, … } */
export interface RowColumns {
  region: number;
  regionCode: number;
  indicator: number;
  period: number;
  unit: number;
  target: number;
  kind: number;
  source: number;
  /** Every provenance column (报告, 来源文件, 原文…), in file order; `source` is the first. */
  sources: number[];
}

/**
 * Find the row-level columns among the roles (the first of each role wins).
 * @example rowColumns(['region', 'period-column']).region // 0
 */
export function rowColumns(roles: ColumnRole[]): RowColumns {
  const at = (r: ColumnRole): number => roles.indexOf(r);
  return {
    region: at('region'),
    regionCode: at('regionCode'),
    indicator: at('indicator'),
    period: at('period'),
    unit: at('unit'),
    target: at('target'),
    kind: at('kind'),
    source: at('source'),
    sources: roles.flatMap((r, i) => (r === 'source' ? [i] : [])),
  };
}

/**
 * Fills merged (blank) region, indicator and period cells from the row above, as a person reads a
 * table with vertically merged cells.
 * @example const fill = new ForwardFill(); fill.take('region', '') // the last non-blank region
 */
export class ForwardFill {
  // One property per field (a handful: region, code, indicator, period), set on every row of a
  // long table: cheaper to write than a map's entry.
  private readonly last: Partial<Record<string, string>> = { region: undefined, code: undefined, indicator: undefined, period: undefined };
  /**
   * Fields a blank cell was filled for before any row of this walk set them: a walk over the
   * second part of a file (ingest-stream.ts `readPart`) would have filled them from the part
   * before it.
   */
  readonly missed = new Set<string>();

  take(field: string, text: string): string {
    const t = text.trim();
    if (t !== '') {
      this.last[field] = t;
      return t;
    }
    const last = this.last[field];
    if (last !== undefined) return last;
    this.missed.add(field);
    return '';
  }

  /** Whether a row has set `field` (blank or not). */
  has(field: string): boolean {
    return this.last[field] !== undefined;
  }

  /** Remember `text` as written, blank or not. */
  put(field: string, text: string): string {
    this.last[field] = text;
    return text;
  }
}

/** A row's cell `c`, trimmed; '' for no column (-1) or a short row. */
function cellAt(row: string[], c: number): string {
  return c >= 0 ? (row[c] ?? '').trim() : '';
}

/**
 * One body row → one entry per value column whose cell is not blank. The entries are this
 * object's own and are rewritten by the next row: the walk reads each at once and keeps nothing
 * of it (a file of millions of values made three objects per value only to drop them).
 * @example const rows = new RowEntries(valueCols); rows.of(['道里区', '6.04'], 3, cols, fill, headers)
 */
export class RowEntries {
  private readonly scratch: RawEntry[];
  private readonly out: RawEntry[] = [];

  constructor(private readonly values: readonly ValueColumn[]) {
    this.scratch = values.map((column) => ({
      row: 0,
      column,
      valueText: '',
      regionText: '',
      regionCodeText: '',
      indicatorText: '',
      periodText: '',
      periodColumn: '',
      unitText: '',
      targetText: '',
      targetColumn: '',
      kindText: '',
      sourceText: '',
      citations: undefined,
    }));
  }

  of(row: string[], rowNumber: number, cols: RowColumns, fill: ForwardFill, headers: string[]): readonly RawEntry[] {
    const { values, scratch, out } = this;
    // Loops, not filter/map, and no closure or emptied list per row: this runs once per row of a
    // file of millions.
    let n = 0;
    for (let i = 0; i < values.length; i++) {
      const valueText = cellAt(row, values[i].index);
      if (valueText === '') continue;
      scratch[i].valueText = valueText;
      out[n++] = scratch[i];
    }
    if (out.length !== n) out.length = n;
    if (n === 0) return out;
    // Region name and code are filled together: a row with either has its own region.
    const regionCell = cellAt(row, cols.region);
    const codeCell = cellAt(row, cols.regionCode);
    const regionBlank = regionCell === '' && codeCell === '';
    const regionText = regionBlank ? fill.take('region', '') : fill.put('region', regionCell);
    const regionCodeText = regionBlank ? fill.take('code', '') : fill.put('code', codeCell);
    const indicatorText = fill.take('indicator', cellAt(row, cols.indicator));
    const periodText = fill.take('period', cellAt(row, cols.period));
    // All provenance cells are kept (a report's title, its file, the sentence); the first that is
    // not blank is the value's citation.
    // A file with no provenance column (most) makes no list per row.
    let sourceText = '';
    let citations: Citation[] | undefined;
    if (cols.sources.length > 0) {
      const cited = cols.sources.map((c) => ({ label: headers[c], text: cellAt(row, c) })).filter((c) => c.text !== '');
      if (cited.length > 0) sourceText = cited[0].text;
      if (cols.sources.length > 1 && cited.length > 0) citations = cited;
    }
    const unitText = cellAt(row, cols.unit);
    const targetText = cellAt(row, cols.target);
    const kindText = cellAt(row, cols.kind);
    for (const entry of out) {
      const column = entry.column;
      entry.row = rowNumber;
      entry.regionText = column.region ?? regionText;
      entry.regionCodeText = regionCodeText;
      entry.indicatorText = indicatorText;
      entry.periodText = periodText;
      entry.periodColumn = cols.period >= 0 ? headers[cols.period] : column.header;
      entry.unitText = unitText;
      entry.targetText = targetText;
      entry.targetColumn = cols.target >= 0 ? headers[cols.target] : '';
      entry.kindText = kindText;
      entry.sourceText = sourceText;
      entry.citations = citations;
    }
    return out;
  }
}
