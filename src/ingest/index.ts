/**
 * The importer: bytes of a CSV/TSV/XLSX/XLS/HTML/JSON file (or pasted text) → observations in
 * base units, plus issues with row numbers and sentences. Pure TypeScript: runs unchanged in Node
 * and in a Web Worker. It never throws on a bad row; a wholly unreadable file gives zero records
 * and one file-level issue (row 0).
 */
import type { ImportIssue, Observation } from '../domain/types';
import { loadLocale, type Locale } from '../domain/messages';
import { applyLayout } from './apply-layout';
import { buildRecords, type TableInput } from './build-table';
import { detectFormat } from './detect-format';
import { binaryKind } from './binary-check';
import { distinctCells, findHeader, flattenHeader } from './find-header';
import { inferRoles, yearLikeValues } from './infer-roles';
import { makeIssue } from './issues';
import { readDelimited, readSource, type SourceRead } from './read-source';
import { rowColumns, valueColumns, VALUE_ROLES } from './unpivot';
import { checkTable } from './check-table';
import type { ColumnInfo, ColumnRole, Grid, IngestFormat, IngestOptions, IngestResult } from './types';

export type { ColumnInfo, ColumnRole, IngestFormat, IngestOptions, IngestResult, JsonTable, SheetChoice } from './types';
export { parseQuantity } from './parse-quantity';
export { parsePeriod } from './parse-period';

/** Larger files are refused with a sentence that says the limit. @example bytes.length > MAX_BYTES // → issue too_large */
export const MAX_BYTES = 256 * 1024 * 1024;
const PREVIEW_ROWS = 30;
const SAMPLE_CELLS = 5;

/**
 * Import one file.
 * @example const { records, issues } = await ingest({ name: '指标.csv', bytes: new Uint8Array(buf) });
 */
export async function ingest(input: { name: string; bytes: Uint8Array }, options: IngestOptions = {}): Promise<IngestResult> {
  const locale = options.locale ?? 'zh';
  // Issues are written in the user's language; in the import worker English is not loaded yet.
  await loadLocale(locale);
  // 1. Refuse what is too large to hold, saying the limit.
  if (input.bytes.length > MAX_BYTES) {
    const size = Math.ceil(input.bytes.length / 1048576);
    return fileFailure('csv', '', makeIssue(locale, 'too_large', 'error', { row: 0 }, { size, max: MAX_BYTES / 1048576 }));
  }
  // 2. Detect the format from the first bytes and the name.
  const format = detectFormat(input.name, input.bytes);
  const binary = binaryKind(input.bytes, format);
  if (binary) return fileFailure(format, '', makeIssue(locale, binary === 'binary' ? 'not_text_binary' : 'not_text', 'error', { row: 0 }, { name: input.name, kind: binary }));
  // 3. Read the cells: decode text ourselves, or open the workbook (or the Parquet file).
  let source: SourceRead;
  // A workbook's cells are read before its rows are walked, each a long step at a million rows:
  // the bar shows the reading as its first half and the walk as its second.
  const halves = format === 'xlsx' || format === 'xls' || format === 'ods' ? options.onProgress : undefined;
  try {
    if (format === 'parquet') {
      // Loaded on demand: the Parquet reader is not part of the first page's JS.
      const read = await (await import('./read-parquet')).readParquet(input.bytes);
      if ('problem' in read) return fileFailure(format, '', makeIssue(locale, read.problem.code, 'error', { row: 0 }, { name: input.name, ...read.problem.params }));
      const fileProblems: SourceRead['fileProblems'] = read.skipped.length ? [{ code: 'parquet_nested_columns', severity: 'warning', params: { columns: read.skipped.join('、') } }] : [];
      source = { grid: read.grid, encoding: '', sheets: [], problems: [], fileProblems, delimited: false };
    } else source = await readSource(input, format, halves ? { ...options, onProgress: (d, t) => halves(d, 2 * t) } : options);
  } catch {
    return fileFailure(format, options.encoding ?? '', makeIssue(locale, 'unreadable_file', 'error', { row: 0 }, { name: input.name }));
  }
  return fromGrid(input.name, format, source, halves ? { ...options, onProgress: (d, t) => halves(t + d, 2 * t) } : options);
}

/**
 * Import text pasted from a spreadsheet (tab-separated) or typed as CSV.
 * @example const { records } = ingestText('地区\t2024年\n道里区\t6.04万亩');
 */
export function ingestText(text: string, options: IngestOptions = {}): IngestResult {
  const { grid, problems } = readDelimited(text.replace(/^\uFEFF/, ''), true);
  const source: SourceRead = { grid, problems, encoding: 'utf-8', sheets: [], fileProblems: [], delimited: true };
  return fromGrid('', 'text', source, options);
}

/** The part of the pipeline after the cells are known; shared by files and pasted text. */
function fromGrid(name: string, format: IngestFormat, source: SourceRead, options: IngestOptions): IngestResult {
  const locale: Locale = options.locale ?? 'zh';
  const rows = source.grid;
  const issues = sourceIssues(locale, source);

  // 4. Find the header and what sits above it (title, 单位： line).
  if (rows.every((r) => distinctCells(r).length === 0)) {
    issues.push(makeIssue(locale, 'empty_file', 'error', { row: 0 }, { name }));
    return { ...emptyResult(format, source), issues };
  }
  const plan = planTable(rows, source.delimited, options);
  for (const issue of plan.check.issues) issues.push(issue);

  // 7. Walk the body: notes, unpivot, normalize, drop duplicates.
  const normalizeStart = performance.now();
  const built = plan.check.blocked
    ? { records: [], issues: [], notes: [] }
    : buildRecords({ ...plan.table, rows, bodyStart: plan.bodyStart, onProgress: options.onProgress });
  performance.measure('import:normalize', { start: normalizeStart });
  for (const issue of built.issues) issues.push(issue);
  return summarize(format, source, plan, { rows, totalRows: rows.length, records: built.records, notes: built.notes, issues });
}

/**
 * The issues a read brings before any row is walked: file-level ones, then the reader's.
 * @example sourceIssues('zh', source) // [{ row: 0, code: 'replacement_chars', … }]
 */
export function sourceIssues(locale: Locale, source: Pick<SourceRead, 'fileProblems' | 'problems'>): ImportIssue[] {
  const issues: ImportIssue[] = source.fileProblems.map((p) => makeIssue(locale, p.code, p.severity, { row: 0 }, p.params));
  for (const p of source.problems) issues.push(makeIssue(locale, p.code, 'error', { row: p.row, raw: p.raw }));
  return issues;
}

/** What the first rows of a table say about all of it: header, roles, layout, the walk's inputs. */
export interface TablePlan {
  found: ReturnType<typeof findHeader>;
  bodyStart: number;
  headers: string[];
  roles: ColumnRole[];
  layout: IngestResult['layout'];
  /** The first body rows, from which roles were inferred and samples are shown. */
  body: string[][];
  check: ReturnType<typeof checkTable>;
  /** The walk's inputs but the rows (see `TableWalker`). */
  table: Omit<TableInput, 'rows' | 'bodyStart' | 'onProgress'>;
}

/**
 * Steps 4–6 of an import, from the first rows of a table (the header lies within its first 60
 * rows, roles are inferred from 300 body rows): which row heads it, each column's role, whether
 * it can make records at all.
 * @example const plan = planTable(rows, true, {}); plan.headers // ['地区', '2024年']
 */
export function planTable(rows: Grid, delimited: boolean, options: IngestOptions): TablePlan {
  const locale: Locale = options.locale ?? 'zh';
  const found = findHeader(rows, options.headerRow, options.headerRows);
  const bodyStart = found.headerRow + found.headerRows;
  const headerRowsCells = rows.slice(found.headerRow, bodyStart);
  const width = Math.max(...rows.slice(found.headerRow, found.headerRow + 200).map((r) => r.length));

  // 5. Flatten the header, infer each column's role, apply the user's corrections.
  const headers = flattenHeader(headerRowsCells, width);
  // Roles are inferred from the first rows; the walk in step 7 reads them all.
  const body = rows.slice(bodyStart, bodyStart + 300);
  const chosen = new Set(Object.keys(options.columns ?? {}).filter((h) => headers.includes(h)));
  const roles = applyLayout(headers, applyOverrides(headers, inferRoles(headers, body), options.columns), options.layout, chosen);
  const layout = options.layout ?? (roles.some((r) => r === 'period-column' || r === 'indicator-column' || r === 'region-column') ? 'wide' : 'long');

  // 6. Check that the table can make records at all, saying what to set when it cannot.
  const values = valueColumns(headers, roles);
  const check = checkTable({ locale, values, cols: rowColumns(roles), title: found.title, titleRow: found.titleRow, unit: found.unit, defaults: options.defaults ?? {} });
  const table = {
    headers,
    roles,
    raggedWidth: delimited ? headerWidth(rows.slice(found.headerRow, bodyStart)) : 0,
    context: { locale, unit: check.unit, defaults: check.defaults, year: check.year },
    fallbackIndicator: check.fallbackIndicator,
  };
  return { found, bodyStart, headers, roles, layout, body, check, table };
}

/**
 * Step 8: what was inferred and read, for the wizard to show and correct. `rows` needs only the
 * file's first rows (the preview); `issues` are sorted here.
 */
export function summarize(
  format: IngestFormat,
  source: Pick<SourceRead, 'encoding' | 'sheets' | 'sheet' | 'sheetChoice' | 'json'>,
  plan: TablePlan,
  read: { rows: Grid; totalRows: number; records: Observation[]; notes: string[]; issues: ImportIssue[] },
): IngestResult {
  const { found, headers, roles, body } = plan;
  const mapping = Object.create(null) as Record<string, ColumnRole>;
  headers.forEach((h, i) => (mapping[h] = roles[i]));
  const result: IngestResult = {
    encoding: source.encoding,
    format,
    sheets: source.sheets,
    layout: plan.layout,
    mapping,
    headerRow: found.headerRow + 1,
    headerRows: found.headerRows,
    notes: [...found.notes, ...read.notes],
    records: read.records,
    issues: read.issues.sort((a, b) => a.row - b.row),
    preview: preview(read.rows, read.totalRows),
    columns: headers.map((header, i): ColumnInfo => columnInfo(header, roles[i], body, i)),
  };
  if (source.sheet !== undefined) result.sheet = source.sheet;
  if (source.sheetChoice !== undefined) result.sheetChoice = source.sheetChoice;
  if (source.json !== undefined) result.json = source.json;
  if (found.title.length > 0) result.title = found.title.join(' ');
  return result;
}

/** The user's roles win over inferred ones; with period columns, leftover number columns are sums. */
function applyOverrides(headers: string[], inferred: ColumnRole[], overrides?: Record<string, ColumnRole>): ColumnRole[] {
  const own = (h: string): ColumnRole | undefined =>
    overrides && Object.prototype.hasOwnProperty.call(overrides, h) ? overrides[h] : undefined;
  const hasPeriodColumns = inferred.includes('period-column') && !inferred.includes('period');
  return headers.map((h, i) => {
    const chosen = own(h);
    if (chosen !== undefined) return chosen;
    // `地区 | 2023年 | 2024年 | 合计`: the last column spans periods, it is not a value of one.
    return hasPeriodColumns && inferred[i] === 'indicator-column' ? 'ignore' : inferred[i];
  });
}

/** Cells up to the last named header column: rows may leave out the blank columns after it. */
function headerWidth(headerRows: string[][]): number {
  let width = 0;
  for (const row of headerRows) row.forEach((c, i) => (width = c.trim() !== '' ? Math.max(width, i + 1) : width));
  return width;
}

function preview(rows: string[][], totalRows: number): IngestResult['preview'] {
  return { rows: rows.slice(0, PREVIEW_ROWS).map((r) => r.slice()), totalRows };
}

/** A column as the wizard shows it; a value column of year-like numbers says why it holds values. */
function columnInfo(header: string, role: ColumnRole, body: string[][], c: number): ColumnInfo {
  const info: ColumnInfo = { header, role, sample: sample(body, c) };
  if (VALUE_ROLES.has(role) && role !== 'period-column' && yearLikeValues(body, c)) info.note = 'year-like-values';
  return info;
}

function sample(body: string[][], c: number): string[] {
  const out: string[] = [];
  for (const row of body) {
    const v = (row[c] ?? '').trim();
    if (v !== '') out.push(v);
    if (out.length >= SAMPLE_CELLS) break;
  }
  return out;
}

/**
 * A result with no table in it (an empty or unreadable file).
 * @example emptyResult('csv', { encoding: 'utf-8', sheets: [] }).records // []
 */
export function emptyResult(format: IngestFormat, source: Pick<SourceRead, 'encoding' | 'sheets' | 'sheet' | 'sheetChoice' | 'json'>): IngestResult {
  const r: IngestResult = {
    encoding: source.encoding,
    format,
    sheets: source.sheets,
    layout: 'long',
    mapping: Object.create(null) as Record<string, ColumnRole>,
    headerRow: 0,
    headerRows: 0,
    notes: [],
    records: [],
    issues: [],
    preview: { rows: [], totalRows: 0 },
    columns: [],
  };
  if (source.sheet !== undefined) r.sheet = source.sheet;
  if (source.sheetChoice !== undefined) r.sheetChoice = source.sheetChoice;
  if (source.json !== undefined) r.json = source.json;
  return r;
}

function fileFailure(format: IngestFormat, encoding: string, issue: ImportIssue): IngestResult {
  return { ...emptyResult(format, { encoding, sheets: [] }), issues: [issue] };
}
