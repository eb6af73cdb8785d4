/**
 * A ledger file (整改台账) → tasks, issues by row, and which field each column was read into.
 * The cells come through the importer (grid.ts); the header is found as the importer finds it
 * (title rows, 填报单位 lines, headers over two rows); the rest is the ledger's own: columns by
 * synonyms, statuses by the status table, deadlines by parseDeadline. Never throws.
 */
import type { ImportIssue } from '../domain/types';
import type { Locale } from '../domain/messages';
import { distinctCells, findHeader, flattenHeader, noteText } from '../ingest/find-header';
import { makeIssue } from '../ingest/issues';
import { parseQuantity } from '../ingest/parse-quantity';
import type { IngestFormat } from '../ingest/types';
import { assignColumns } from './columns';
import { exactDate, isImmediate, parseDeadline } from './deadline';
import { readGrid, type LedgerGrid } from './grid';
import { ledgerText } from './messages';
import { fractionToPercent, readPercent } from './percent';
import { DEFAULT_STATUS_WORDS, mapStatus } from './status';
import type { LedgerField, StatusWord, Task, TaskStatus } from './types';

/**
 * What a caller may set. Every field is optional.
 * @example readLedger(file, { headerRow: 3, columns: { 牵头处室: 'unit' }, immediate: 'assigned' })
 */
export interface LedgerOptions {
  /** Language of issue sentences; default `zh`. */
  locale?: Locale;
  /** A WHATWG encoding label, to override the guess (`gb18030`, `utf-8`, `utf-16le`). */
  encoding?: string;
  /** Sheet name, for workbooks. */
  sheet?: string;
  /** 1-based row of the (first) header row, and how many rows it spans (1–3). */
  headerRow?: number;
  headerRows?: number;
  /** Header → field (or `extra`), over what the headers say. */
  columns?: Record<string, LedgerField | 'extra'>;
  /** The status table; default DEFAULT_STATUS_WORDS. */
  statusWords?: readonly StatusWord[];
  /** 立行立改: no date (`none`, default) or the 交办日期 as the deadline (`assigned`). */
  immediate?: 'none' | 'assigned';
  /** Take blank problem/unit/category cells from the row above, as merged cells saved to CSV leave them; default true. */
  fillDown?: boolean;
}

/** Everything a reading produced. @example const { tasks, issues, mapping } = await readLedger(file); */
export interface LedgerResult {
  tasks: Task[];
  issues: ImportIssue[];
  /** Header → the field it was read into, or `extra`. */
  mapping: Record<string, string>;
  /** The headers in file order, as flattened (`责任单位/配合单位`). */
  headers: string[];
  /** 1-based row of the first header row (0 when the file had no cells). */
  headerRow: number;
  /** The title row(s) above the header. */
  title?: string;
  /** 注：/填报单位：/填表人 rows, as written. */
  notes: string[];
  encoding: string;
  format: IngestFormat;
  sheets: string[];
  sheet?: string;
}

// Blank cells in these describe a group of rows (merged down in the file): always taken from above.
const GROUP_FIELDS: readonly LedgerField[] = ['category', 'unit', 'region', 'regionCode'];
// Taken from above only on a row that continues the problem above it (问题 blank, a measure given).
const PROBLEM_FIELDS: readonly LedgerField[] = ['id', 'title', 'partner', 'person', 'assignedOn', 'deadline', 'indicator', 'target', 'valueUnit'];

/**
 * Read a ledger.
 * @example const { tasks } = await readLedger({ name: '整改台账.xlsx', bytes }); tasks[0].status // 'in-progress'
 */
export async function readLedger(input: { name: string; bytes: Uint8Array }, options: LedgerOptions = {}): Promise<LedgerResult> {
  const locale: Locale = options.locale === 'en' ? 'en' : 'zh';
  const grid = await readGrid(input, { locale, encoding: options.encoding, sheet: options.sheet });
  try {
    return fromGrid(input, options, locale, grid);
  } catch {
    // The contract is issues, never a throw: a grid no rule foresaw is reported as unreadable.
    const issue = makeIssue(locale, 'unreadable_file', 'error', { row: 0 }, { name: String(input.name ?? '') });
    return { tasks: [], issues: [issue], mapping: Object.create(null) as Record<string, string>, headers: [], headerRow: 0, notes: [], encoding: grid.encoding, format: grid.format, sheets: grid.sheets };
  }
}

function fromGrid(input: { name: string }, options: LedgerOptions, locale: Locale, grid: LedgerGrid): LedgerResult {
  const issues = grid.issues.slice();
  const result: LedgerResult = {
    tasks: [],
    issues,
    mapping: Object.create(null) as Record<string, string>,
    headers: [],
    headerRow: 0,
    notes: [],
    encoding: grid.encoding,
    format: grid.format,
    sheets: grid.sheets,
  };
  if (grid.sheet !== undefined) result.sheet = grid.sheet;
  const rows = grid.rows;
  if (rows.every((r) => distinctCells(r).length === 0)) {
    if (!issues.some((i) => i.severity === 'error')) issues.push(makeIssue(locale, 'empty_file', 'error', { row: 0 }, { name: String(input.name ?? '') }));
    return result;
  }

  const found = findHeader(rows, options.headerRow, options.headerRows);
  const bodyStart = found.headerRow + found.headerRows;
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const headers = flattenHeader(rows.slice(found.headerRow, bodyStart), width);
  const fields = assignColumns(headers, options.columns);
  headers.forEach((h, i) => (result.mapping[h] = fields[i]));
  result.headers = headers;
  result.headerRow = found.headerRow + 1;
  result.notes = found.notes.slice();
  if (found.title.length > 0) result.title = found.title.join(' ');

  // The first column of each field reads it; any other column with the same field is kept as extra.
  const column = new Map<LedgerField, number>();
  fields.forEach((f, i) => {
    if (f !== 'extra' && !column.has(f)) column.set(f, i);
  });
  if (!column.has('title') && !column.has('measures')) {
    issues.push(ledgerIssue(locale, 'ledger_no_task_column', 'error', found.headerRow + 1, { headers: headers.join('、') }));
    return result;
  }

  const fractions = {
    planned: isFractionColumn(rows, bodyStart, column.get('planned')),
    actual: isFractionColumn(rows, bodyStart, column.get('actual')),
  };
  const words = options.statusWords ?? DEFAULT_STATUS_WORDS;
  const fillDown = options.fillDown !== false;
  let above: Map<LedgerField, string> | undefined;
  let section: string | undefined;
  const memo = memoizer();

  for (let r = bodyStart; r < rows.length; r++) {
    const row = rows[r];
    const cells = distinctCells(row);
    if (cells.length === 0) continue;
    const note = noteText(row);
    if (note !== undefined) {
      result.notes.push(note);
      continue;
    }
    // A total line (合计：38项) or the header repeated on a new printed page is not a task.
    if (TOTAL.test(cells[0]) || isHeaderAgain(row, rows, found.headerRow, found.headerRows)) {
      if (TOTAL.test(cells[0])) result.notes.push(cells.join(' '));
      continue;
    }
    if (isSection(row, cells, column)) {
      section = cells[0];
      above = undefined;
      continue;
    }
    const text = new Map<LedgerField, string>();
    for (const [field, c] of column) text.set(field, (row[c] ?? '').trim());
    const get = (f: LedgerField): string => text.get(f) ?? '';
    const filled: LedgerField[] = [];
    if (fillDown && above) {
      const continues = get('title') === '' && get('measures') !== '';
      for (const f of continues ? [...GROUP_FIELDS, ...PROBLEM_FIELDS] : GROUP_FIELDS) {
        const prev = above.get(f) ?? '';
        if (column.has(f) && get(f) === '' && prev !== '') {
          text.set(f, prev);
          filled.push(f);
        }
      }
    }
    const rowNumber = r + 1;
    if (get('title') === '' && get('measures') === '') {
      const raw = row.map((c) => c.trim()).filter((c) => c !== '').join(' | ');
      issues.push(ledgerIssue(locale, 'ledger_row_without_task', 'warning', rowNumber, { raw: raw.length > 120 ? `${raw.slice(0, 119)}…` : raw }));
      continue;
    }
    above = text;
    const task = buildTask({ get, headers, column, fields, row, rowNumber, words, fractions, locale, issues, immediate: options.immediate === 'assigned', memo });
    if (section !== undefined) task.section = section;
    if (filled.length > 0) task.filled = filled;
    result.tasks.push(inOrder(task));
  }
  issues.sort((a, b) => a.row - b.row);
  return result;
}

/** Results by kind and cell text: a ledger writes the same few deadlines and status words on every row. */
type Memo = <T>(kind: string, text: string, compute: () => T) => T;

function memoizer(): Memo {
  const cache = new Map<string, unknown>();
  return <T>(kind: string, text: string, compute: () => T): T => {
    const k = `${kind}\u0000${text}`;
    if (cache.has(k)) return cache.get(k) as T;
    const v = compute();
    cache.set(k, v);
    return v;
  };
}

interface RowContext {
  get: (f: LedgerField) => string;
  headers: string[];
  column: Map<LedgerField, number>;
  fields: (LedgerField | 'extra')[];
  row: string[];
  rowNumber: number;
  words: readonly StatusWord[];
  fractions: { planned: boolean; actual: boolean };
  locale: Locale;
  issues: ImportIssue[];
  immediate: boolean;
  memo: Memo;
}

function buildTask(ctx: RowContext): Task {
  const { get, rowNumber, locale, issues } = ctx;
  const warn = (code: string, field: LedgerField, raw: string): void => {
    const col = ctx.column.get(field);
    issues.push(ledgerIssue(locale, code, 'warning', rowNumber, { raw, column: col !== undefined ? ctx.headers[col] : '' }));
  };
  const extra = Object.create(null) as Record<string, string>;
  ctx.fields.forEach((f, i) => {
    if (f === 'extra' || ctx.column.get(f) !== i) extra[ctx.headers[i]] = (ctx.row[i] ?? '').trim();
  });

  const deadlineLabel = get('deadline');
  const deadline = ctx.memo('deadline', deadlineLabel, () => parseDeadline(deadlineLabel));
  const immediate = deadlineLabel !== '' && ctx.memo('immediate', deadlineLabel, () => isImmediate(deadlineLabel));
  if (deadlineLabel !== '' && deadline.date === undefined && !deadline.ongoing && !immediate) warn('ledger_bad_deadline', 'deadline', deadlineLabel);

  const task: Task = {
    title: get('title') || get('measures'),
    status: 'not-started',
    statusLabel: get('status'),
    deadlineLabel,
    extra,
    source: { row: rowNumber },
  };
  for (const f of ['id', 'category', 'measures', 'unit', 'partner', 'person', 'evidence', 'note', 'region', 'indicator', 'valueUnit'] as const) {
    const v = get(f);
    if (v !== '') task[f] = v;
  }
  if (deadline.date !== undefined) task.deadline = deadline.date;
  if (deadline.ongoing) task.ongoing = true;

  for (const f of ['planned', 'actual'] as const) {
    const raw = get(f);
    const read = readPercent(raw);
    if (read.status === 'ok') task[f] = read.plain && ctx.fractions[f] ? fractionToPercent(read.text) : read.value;
    else if (read.status === 'error') warn('ledger_bad_percent', f, raw);
  }
  for (const [f, label] of [['assignedOn', 'assignedLabel'], ['closedOn', 'closedLabel']] as const) {
    const raw = get(f);
    if (raw === '') continue;
    task[label] = raw;
    const day = ctx.memo('day', raw, () => exactDate(raw));
    if (day !== undefined) task[f] = day;
    else warn('ledger_bad_date', f, raw);
  }
  if (immediate && ctx.immediate && task.assignedOn !== undefined) task.deadline = task.assignedOn;

  const code = get('regionCode');
  if (code !== '') {
    task.regionCode = code;
    if (!/^\d{6}(\d{6})?$/.test(code.normalize('NFKC'))) warn('ledger_bad_region_code', 'regionCode', code);
  }
  for (const [f, label] of [['target', 'targetLabel'], ['current', 'currentLabel']] as const) {
    const raw = get(f);
    if (raw === '') continue;
    task[label] = raw;
    const q = parseQuantity(raw, task.valueUnit ?? '');
    if (q.status === 'ok') {
      task[f] = q.value;
      if (task.valueUnit === undefined && q.displayUnit !== '') task.valueUnit = q.displayUnit;
    } else if (q.status === 'error') warn('ledger_bad_value', f, raw);
  }

  const match = ctx.memo('status', task.statusLabel, () => mapStatus(task.statusLabel, ctx.words));
  if (match.ongoing) task.ongoing = true;
  if (match.status !== undefined) task.status = match.status;
  else if (task.statusLabel !== '') {
    // Unknown words count as in progress: still warned by the deadline, never counted as done.
    task.status = 'in-progress';
    warn('ledger_unknown_status', 'status', task.statusLabel);
  } else task.status = blankStatus(task);
  return task;
}

// The order a person reads a task in: what, where it stands, when, who; then the rest. A record
// over every key of Task, so that a field added to Task without a place here fails to compile.
const KEY_PLACES: Record<keyof Task, true> = {
  id: true, title: true, status: true, statusLabel: true, deadline: true, deadlineLabel: true, ongoing: true, planned: true, actual: true,
  unit: true, partner: true, person: true, category: true, measures: true, assignedOn: true, assignedLabel: true, closedOn: true,
  closedLabel: true, evidence: true, note: true, region: true, regionCode: true, indicator: true, target: true, targetLabel: true,
  current: true, currentLabel: true, valueUnit: true, section: true, filled: true, extra: true, source: true,
};
const KEY_ORDER = Object.keys(KEY_PLACES) as (keyof Task)[];

/** The same task with its keys in KEY_ORDER, so that a task printed or saved reads top-down. */
function inOrder(task: Task): Task {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (task[k] !== undefined) out[k] = task[k];
  return out as unknown as Task;
}

/** A blank 状态 cell: 销号日期 → closed; 100% → done; some progress or no end → in progress; else not started. */
function blankStatus(task: Task): TaskStatus {
  if (task.closedLabel !== undefined) return 'closed';
  if (task.actual !== undefined && task.actual >= 100) return 'done';
  if ((task.actual !== undefined && task.actual > 0) || task.ongoing) return 'in-progress';
  return 'not-started';
}

const TOTAL = /^(合计|总计|小计|共计)\s*[:：]?/;

/** The last header row again, cell for cell (exports repeat it on each printed page). */
function isHeaderAgain(row: string[], rows: string[][], headerRow: number, headerRows: number): boolean {
  const header = rows[headerRow + headerRows - 1] ?? [];
  const width = Math.max(row.length, header.length);
  for (let c = 0; c < width; c++) if ((row[c] ?? '').trim() !== (header[c] ?? '').trim()) return false;
  return true;
}

/**
 * A heading row inside the body (一、生态环境方面): one text from the first (or 序号) column,
 * merged across the row, or alone there when that column is not the problem or measure column.
 */
function isSection(row: string[], cells: string[], column: Map<LedgerField, number>): boolean {
  if (cells.length !== 1 || /^[\d.]+$/.test(cells[0])) return false;
  const at = row.map((c, i) => (c.trim() !== '' ? i : -1)).filter((i) => i >= 0);
  const lead = at[0] === 0 || at[0] === column.get('id');
  return lead && (at.length >= 2 || (at[0] !== column.get('title') && at[0] !== column.get('measures')));
}

/** True when every plain number in a progress column lies in 0–1 and one is a proper fraction: 0.8 means 80%. */
function isFractionColumn(rows: string[][], start: number, c: number | undefined): boolean {
  if (c === undefined) return false;
  let proper = false;
  for (let r = start; r < rows.length; r++) {
    const read = readPercent(rows[r][c] ?? '');
    if (read.status !== 'ok' || !read.plain) continue;
    if (read.value < 0 || read.value > 1) return false;
    if (read.value > 0 && read.value < 1) proper = true;
  }
  return proper;
}

function ledgerIssue(locale: Locale, code: string, severity: ImportIssue['severity'], row: number, params: Record<string, string | number>): ImportIssue {
  const all: Record<string, string | number> = { row, column: '', raw: '', ...params };
  const issue: ImportIssue = { row, severity, code, message: ledgerText(locale, `issue.${code}`, all), raw: String(all.raw), params: all };
  if (typeof params.column === 'string' && params.column !== '') issue.column = params.column;
  return issue;
}
