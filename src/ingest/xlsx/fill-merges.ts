/**
 * Merged cells filled with their top-left value, so that merged headers and region cells read like
 * what the user sees. Shared by both workbook readers.
 */
import type { Grid } from '../types';

/** A merged range, 0-based and inclusive (SheetJS's shape). @example { s: { r: 0, c: 0 }, e: { r: 0, c: 3 } } */
export interface MergeRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/**
 * Fill each merge in `rows` (in place: the grid is the reader's own) within the grid's size.
 * @example fillMerges(rows, [{ s: { r: 0, c: 0 }, e: { r: 0, c: 3 } }])
 */
export function fillMerges(rows: Grid, merges: readonly MergeRange[]): void {
  for (const m of merges) {
    const top = rows[m.s.r]?.[m.s.c] ?? '';
    for (let r = m.s.r; r <= m.e.r && r < rows.length; r++) {
      for (let c = m.s.c; c <= m.e.c && c < rows[r].length; c++) rows[r][c] = top;
    }
  }
}
