/**
 * Grid → records: walks the body rows once, keeping note rows as notes, unpivoting value columns,
 * normalizing each value and reporting duplicates, ragged rows and unreadable cells.
 */
import type { ChangeType, ImportIssue, Observation, ValueKind } from '../domain/types';
import type { Locale } from '../domain/messages';
import { noteText } from './find-header';
import { makeIssue } from './issues';
import { DuplicateGuard, emptyFields, normalizeFields, toObservation, type NormalizeContext, type ObservationFields } from './normalize';
import { ForwardFill, RowEntries, rowColumns, valueColumns, type RowColumns } from './unpivot';
import type { ColumnRole, Grid } from './types';

/** What the walk over the body needs. @example { rows, bodyStart: 3, headers, roles, width: 5, … } */
export interface TableInput {
  rows: Grid;
  /** 0-based index of the first body row. */
  bodyStart: number;
  headers: string[];
  roles: ColumnRole[];
  /** Expected cells per row, for the ragged-row check; 0 to skip it. */
  raggedWidth: number;
  context: NormalizeContext;
  /** Indicator to use when neither a column nor a header names one. */
  fallbackIndicator?: string;
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 5000;

/**
 * Build the records of a table.
 * @example buildRecords({ rows, bodyStart: 1, headers: ['地区', '2024年'], roles: ['region', 'period-column'], raggedWidth: 2, context: { locale: 'zh', defaults: {} } })
 */
export function buildRecords(t: TableInput): { records: Observation[]; issues: ImportIssue[]; notes: string[] } {
  const walker = new TableWalker(t);
  const records: Observation[] = [];
  const total = t.rows.length - t.bodyStart;
  walker.walk(t.rows, t.bodyStart, 0, records, (done) => t.onProgress?.(done - t.bodyStart, total));
  t.onProgress?.(total, total);
  return { records, issues: walker.issues, notes: walker.notes };
}

/**
 * The walk over a table's body, resumable: a file read in pieces hands each piece's rows to
 * `walk` in turn, and the forward fill, duplicate keys and caches carry over from piece to piece.
 * @example const w = new TableWalker(t); w.walk(rows, bodyStart, 0, out); w.walk(nextRows, 0, rows.length, out)
 */
export class TableWalker {
  readonly issues: ImportIssue[] = [];
  readonly notes: string[] = [];
  private readonly cols: RowColumns;
  private readonly entries: RowEntries;
  private readonly fill = new ForwardFill();
  private readonly seen = new DuplicateGuard();
  private readonly fields = emptyFields();

  constructor(private readonly t: Omit<TableInput, 'rows' | 'bodyStart' | 'onProgress'>) {
    this.cols = rowColumns(t.roles);
    this.entries = new RowEntries(
      valueColumns(t.headers, t.roles).map((v) =>
        v.indicator === undefined && t.fallbackIndicator !== undefined ? { ...v, indicator: t.fallbackIndicator } : v,
      ),
    );
  }

  /** Fields the forward fill filled with nothing, no row of this walk having set them yet. */
  missedFill(): readonly string[] {
    return [...this.fill.missed];
  }

  /** Whether a row of this walk set the forward fill's `field`. */
  filled(field: string): boolean {
    return this.fill.has(field);
  }

  /** Whether this walk kept a record with this key (`DuplicateGuard.has`). */
  hasKey(
    indicator: string,
    code: string,
    region: string,
    period: string,
    kind: ValueKind | undefined,
    changeType: ChangeType | undefined,
  ): boolean {
    return this.seen.has(indicator, code, region, period, kind, changeType);
  }

  /**
   * Walk `rows` from index `from`; `offset` is how many rows of the file came before `rows[0]`.
   * Records go into `into`; `onRows(r)` every few thousand rows, with `r` the index reached.
   */
  walk(rows: Grid, from: number, offset: number, into: Observation[], onRows?: (r: number) => void): void {
    this.walkFields(rows, from, offset, (f) => into.push(toObservation(f)), onRows);
  }

  /**
   * `walk`, each record given to `take` as the walk's own fields, rewritten for the next one: a
   * caller that codes them at once (the import worker's column blocks) makes no object per value.
   */
  walkFields(rows: Grid, from: number, offset: number, take: (f: Readonly<ObservationFields>) => void, onRows?: (r: number) => void): void {
    const { t, issues, notes, cols, entries, fill, seen, fields } = this;
    const locale: Locale = t.context.locale;
    for (let r = from; r < rows.length; r++) {
      if (onRows && r > from && (r - from) % PROGRESS_EVERY === 0) onRows(r);
      const row = rows[r];
      if (isBlankRow(row)) continue;
      const note = noteText(row);
      if (note !== undefined) {
        notes.push(note);
        continue;
      }
      const rowNumber = offset + r + 1;
      if (t.raggedWidth > 0 && isRagged(row, t.raggedWidth)) {
        issues.push(makeIssue(locale, 'ragged_row', 'warning', { row: rowNumber, raw: row.join(' | ').slice(0, 120) }, { n: row.length, expected: t.raggedWidth }));
      }
      for (const entry of entries.of(row, rowNumber, cols, fill, t.headers)) {
        if (!normalizeFields(entry, t.context, issues, fields)) continue;
        const first = seen.firstRowOf(fields);
        if (first !== undefined) {
          issues.push(makeIssue(locale, 'duplicate', 'warning', { row: rowNumber, column: entry.column.header, raw: entry.valueText }, { first }));
          continue;
        }
        take(fields);
      }
    }
  }
}

/** Same as `distinctCells(row).length === 0`, without building a set for every row. */
function isBlankRow(row: string[]): boolean {
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

/** Fewer cells than the header names, or text beyond the header's last column. */
function isRagged(row: string[], width: number): boolean {
  if (row.length < width) return true;
  for (let c = width; c < row.length; c++) if (row[c].trim() !== '') return true;
  return false;
}
