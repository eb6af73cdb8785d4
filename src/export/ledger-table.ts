/**
 * A ledger as a table for export (Excel, CSV, a saved page): the office's columns, the status as
 * written, and the light as a word with its reason (红灯 · 逾期 12 天), then every column the app
 * did not place, as the file had it. The colour of each row travels beside the rows, so the
 * Excel writer can fill the light's cells; the words are in the cells themselves.
 */
import '../domain/messages/ledger-part';
import { translate, type Locale } from '../domain/messages';
import type { Assessment, Task } from '../ledger';
import type { Cell } from './cell';

/** What the export reads of a stored task. */
export type ExportTask = Omit<Task, 'id'> & {
  number?: string;
  approver?: string;
  light?: Pick<Assessment, 'colour' | 'reason'>;
};

/** Rows (header first), the light's column index, and each data row's colour. */
export interface LedgerTable {
  rows: Cell[][];
  /** Columns of the light word and its reason: the cells the Excel export fills. */
  lightColumns: number[];
  /** Colour of each data row (rows[i + 1]). */
  colours: (Assessment['colour'] | undefined)[];
}

type Column = { key: string; cell: (t: ExportTask, say: Say) => Cell };
type Say = (key: string) => string;

const text = (v: string | undefined): Cell => (v === undefined || v === '' ? null : v);
const num = (v: number | undefined): Cell => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The columns in order: the ones offices write, the light after the status. */
const COLUMNS: readonly Column[] = [
  { key: 'ledger.col.number', cell: (t) => text(t.number) },
  { key: 'ledger.col.category', cell: (t) => text(t.category) },
  { key: 'ledger.col.title', cell: (t) => t.title },
  { key: 'ledger.col.measures', cell: (t) => text(t.measures) },
  { key: 'ledger.col.unit', cell: (t) => text(t.unit) },
  { key: 'ledger.col.partner', cell: (t) => text(t.partner) },
  { key: 'ledger.col.person', cell: (t) => text(t.person) },
  { key: 'ledger.col.assignedOn', cell: (t) => text(t.assignedOn ?? t.assignedLabel) },
  { key: 'ledger.col.deadline', cell: (t) => text(t.deadlineLabel || t.deadline) },
  { key: 'ledger.col.planned', cell: (t) => num(t.planned) },
  { key: 'ledger.col.actual', cell: (t) => num(t.actual) },
  { key: 'ledger.col.status', cell: (t, say) => t.statusLabel || say(`ledger.status.${t.status}`) },
  { key: 'ledger.col.light', cell: (t, say) => (t.light ? say(`ledger.colour.${t.light.colour}`) : null) },
  { key: 'ledger.col.reason', cell: (t) => text(t.light?.reason) },
  { key: 'ledger.col.closedOn', cell: (t) => text(t.closedOn ?? t.closedLabel) },
  { key: 'ledger.col.approver', cell: (t) => text(t.approver) },
  { key: 'ledger.col.region', cell: (t) => text(t.region) },
  { key: 'ledger.col.regionCode', cell: (t) => text(t.regionCode) },
  { key: 'ledger.col.indicator', cell: (t) => text(t.indicator) },
  { key: 'ledger.col.target', cell: (t) => text(t.targetLabel) },
  { key: 'ledger.col.current', cell: (t) => text(t.currentLabel) },
  { key: 'ledger.col.valueUnit', cell: (t) => text(t.valueUnit) },
  { key: 'ledger.col.evidence', cell: (t) => text(t.evidence) },
  { key: 'ledger.col.note', cell: (t) => text(t.note) },
];

/**
 * The export table of a ledger. `extraHeaders` are the file's unplaced columns, in file order;
 * each task's cell is read with `hasOwnProperty` (a header may be `__proto__`).
 * @example ledgerTable(tasks, 'zh', ['原文']).rows[0][12] // '灯色'
 */
export function ledgerTable(tasks: readonly ExportTask[], locale: Locale, extraHeaders: readonly string[] = []): LedgerTable {
  const say: Say = (key) => translate(locale, key);
  const header: Cell[] = [...COLUMNS.map((c) => say(c.key)), ...extraHeaders];
  const rows: Cell[][] = [header];
  for (const t of tasks) {
    const own = (h: string) => (Object.prototype.hasOwnProperty.call(t.extra, h) ? text(t.extra[h]) : null);
    rows.push([...COLUMNS.map((c) => c.cell(t, say)), ...extraHeaders.map(own)]);
  }
  const lightColumns = ['ledger.col.light', 'ledger.col.reason'].map((k) => COLUMNS.findIndex((c) => c.key === k));
  return { rows, lightColumns, colours: tasks.map((t) => t.light?.colour) };
}
