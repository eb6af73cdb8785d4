/**
 * Does a sheet hold a table? Workbooks from offices often open with a cover (封面), instructions
 * (填报说明) or contents (目录) sheet: text in one column, no table. The importer's default sheet
 * is the first that holds a table (domain.md), and this is the test.
 *
 * A sheet holds a table when, within its first 60 rows:
 * - a header row has at least two distinct non-empty cells that are labels (not plain numbers:
 *   `地区 | 2024年` and `地区 | 2024` are headers, `1 | 本表由各区县填报` is not), and is neither a
 *   note (注：…) nor a row of labelled cells (填报单位：… 填报日期：…);
 * - and a later row has at least two non-empty cells, one of which reads as a number or a period,
 *   in a column not headed as a sequence or page number (序号, 编号, 页码); a phone number is no value.
 * A sheet named as a cover (封面, 目录, 填报说明…, `COVER_NAME`), or hidden, is read only when no
 * other sheet holds a table: a contents sheet may list dates, and a hidden sheet holds a template's
 * drop-down lists (区划代码 | 名称), not its data.
 * A cover's merged title is one distinct cell; an instructions sheet's numbered lines have one
 * label each; a contents sheet lists names (its 页码 column does not count).
 */
import { isMetadata, noteText } from './find-header';
import { parsePeriod } from './parse-period';
import { parseQuantity } from './parse-quantity';
import type { Grid } from './types';

const LOOK_ROWS = 60;
const SEQUENCE = /^(序号|序|编号|行号|页码|页次|页号|no\.?|#)$/i;

/** Phone numbers (a cover's 联系电话) read as numbers but are no values. */
const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

function isValue(cell: string): boolean {
  return parsePeriod(cell) !== null || (parseQuantity(cell).status === 'ok' && !PHONE.test(cell));
}

/**
 * Sheet names that say a sheet is no data (封面, 目录, 填报说明, 指标解释…). Such a sheet gives way to
 * a later sheet holding a table even when it holds one itself (a contents sheet with dates).
 * @example COVER_NAME.test('填报说明') // true
 */
export const COVER_NAME = /^(?:封面|封皮|目录|说明|填报说明|填表说明|编制说明|使用说明|指标解释|指标说明|名词解释|备注|附注|注释|readme|cover|contents|instructions?|notes?)$/i;

/** A header cell is a label: text or a period, not a plain number. */
function isLabel(cell: string): boolean {
  return parsePeriod(cell) !== null || parseQuantity(cell).status !== 'ok';
}

function filled(row: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of row) {
    const t = c.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

/**
 * True when the grid holds a table as defined above.
 * @example holdsTable([['填报说明'], ['1、本表由各区县填报']]) // false
 * @example holdsTable([['地区', '2024年'], ['道里区', '6.04']]) // true
 */
export function holdsTable(rows: Grid): boolean {
  const end = Math.min(rows.length, LOOK_ROWS);
  let header = -1;
  for (let r = 0; r < end && header < 0; r++) {
    const row = rows[r];
    const labels = new Set(filled(row).filter(isLabel));
    if (labels.size >= 2 && noteText(row) === undefined && !isMetadata(row)) header = r;
  }
  if (header < 0) return false;
  const heads = rows[header];
  for (let r = header + 1; r < end; r++) {
    const row = rows[r];
    if (filled(row).length < 2 || noteText(row) !== undefined) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c].trim();
      if (cell !== '' && !SEQUENCE.test((heads[c] ?? '').trim()) && isValue(cell)) return true;
    }
  }
  return false;
}

/** Why a workbook's sheet was chosen. @example { reason: 'table', skipped: ['填报说明'] } */
export interface SheetChoice {
  /** `asked`: the user's choice; `table`: the first sheet holding a table; `first`: no sheet holds one, the first with cells. */
  reason: 'asked' | 'table' | 'first';
  /** Sheets before the chosen one, passed over because they hold no table. */
  skipped: string[];
}

/**
 * Pick a workbook's sheet: the one asked for, else the first holding a table (a sheet named as a
 * cover, 封面/目录/说明…, or `hidden` — templates keep the lists behind their drop-downs, such as a
 * code table, in hidden sheets — only when no other sheet holds one), else the first with cells. `gridOf` reads a sheet (by index) and may answer `undefined` to abandon the pick (a reader
 * that cannot read that sheet); sheets are read in order and only as far as needed.
 * @example await pickSheet(['封面', '数据'], undefined, async (i) => grids[i]) // { index: 1, rows, choice: { reason: 'table', skipped: ['封面'] } }
 */
export async function pickSheet(
  names: readonly string[],
  asked: string | undefined,
  gridOf: (index: number) => Promise<Grid | undefined>,
  hidden: readonly boolean[] = [],
): Promise<{ index: number; rows: Grid; missingSheet?: string; choice: SheetChoice } | undefined> {
  const missingSheet = asked !== undefined && !names.includes(asked) ? asked : undefined;
  if (asked !== undefined && missingSheet === undefined) {
    const index = names.indexOf(asked);
    const rows = await gridOf(index);
    return rows && { index, rows, choice: { reason: 'asked', skipped: [] } };
  }
  let first: { index: number; rows: Grid } | undefined;
  let coverWithTable: number | undefined;
  for (let index = 0; index < names.length; index++) {
    const rows = await gridOf(index);
    if (rows === undefined) return undefined;
    if (holdsTable(rows)) {
      if (!COVER_NAME.test(names[index].trim()) && hidden[index] !== true) return { index, rows, missingSheet, choice: { reason: 'table', skipped: names.slice(0, index) } };
      coverWithTable ??= index;
    }
    if (first === undefined && (rows[0]?.length ?? 0) > 0) first = { index, rows };
  }
  // Only covers by name or hidden sheets hold tables: the first of them, read again (grids are not kept).
  if (coverWithTable !== undefined) {
    const rows = await gridOf(coverWithTable);
    if (rows === undefined) return undefined;
    return { index: coverWithTable, rows, missingSheet, choice: { reason: 'table', skipped: names.slice(0, coverWithTable) } };
  }
  const chosen = first ?? { index: 0, rows: [] };
  return { ...chosen, missingSheet, choice: { reason: 'first', skipped: [] } };
}
