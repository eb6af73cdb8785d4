/**
 * The importer's own vocabulary: what a caller may override, and what comes back. Everything here
 * is plain data so that a result survives `postMessage` from the worker.
 */
import type { ImportIssue, Observation } from '../domain/types';
import type { Locale } from '../domain/messages';
import type { SheetChoice } from './holds-table';
import type { JsonTable } from './read-json';

export type { SheetChoice } from './holds-table';
export type { JsonTable } from './read-json';

/**
 * What a column holds. `period-column`: a wide column whose header is a period (`2024年`);
 * `indicator-column`: a wide column whose header is an indicator (`面积（万亩）`);
 * `region-column`: a wide column whose header is a region (`道里区`), for tables with indicators
 * as rows and regions as columns.
 * @example const role: ColumnRole = 'region';
 */
export type ColumnRole =
  | 'region'
  | 'regionCode'
  | 'indicator'
  | 'period'
  | 'value'
  | 'unit'
  | 'target'
  | 'kind'
  | 'source'
  | 'ignore'
  | 'period-column'
  | 'indicator-column'
  | 'region-column';

/** The file formats the importer reads. @example const f: IngestFormat = 'csv'; */
export type IngestFormat = 'csv' | 'tsv' | 'txt' | 'xlsx' | 'xls' | 'ods' | 'html' | 'json' | 'text' | 'parquet';

/**
 * Overrides for what the importer would otherwise infer.
 * @example ingest(file, { encoding: 'gb18030', headerRow: 2, columns: { 地区: 'region' } })
 */
export interface IngestOptions {
  /** A WHATWG encoding label: `utf-8`, `gb18030`, `utf-16le`, … */
  encoding?: string;
  /** Sheet name, for workbooks. */
  sheet?: string;
  /** Where the records are in a JSON file, as reported in `IngestResult.json.tables` (`data.list`). */
  jsonPath?: string;
  /** 1-based row of the (first) header row. */
  headerRow?: number;
  /** How many rows the header spans (1–3). */
  headerRows?: number;
  /**
   * Reported back as the layout. Column roles decide the unpivot: to read a table the other way,
   * change the roles (`period-column`, `indicator-column`, `region-column`, `value`).
   */
  layout?: 'long' | 'wide';
  /** Header (as reported in `IngestResult.columns`) → role. Unlisted columns keep their inferred role. */
  columns?: Record<string, ColumnRole>;
  /** Values the file does not hold. */
  defaults?: { region?: string; indicator?: string; period?: string; unit?: string };
  /** Language of issue messages; default `zh`. */
  locale?: Locale;
  /** Called every few thousand rows. Not cloneable: the worker wrapper passes it locally. */
  onProgress?: (done: number, total: number) => void;
}

/** One column as the wizard shows it. @example { header: '地区', role: 'region', sample: ['道里区'] } */
export interface ColumnInfo {
  header: string;
  role: ColumnRole;
  sample: string[];
  /**
   * Why the role, where the values alone would have said otherwise: `year-like-values` for a
   * value column whose numbers look like years (巡河次数 1520, 2016), read as values because of
   * its header.
   */
  note?: 'year-like-values';
}

/**
 * Everything an import produced: the records, the issues, and what was inferred, so a wizard can
 * show it and let the user correct it.
 * @example const { records, issues } = await ingest({ name: 'a.csv', bytes });
 */
export interface IngestResult {
  encoding: string;
  format: IngestFormat;
  /** Sheet names, for workbooks; empty otherwise. */
  sheets: string[];
  sheet?: string;
  /** Why `sheet` was read: asked for, or the first holding a table (with the sheets passed over). */
  sheetChoice?: SheetChoice;
  /** For JSON: the path the records were read from (`data.list`, `''` for the document) and every table found. */
  json?: { path: string; tables: JsonTable[] };
  layout: 'long' | 'wide';
  /** Header → role actually used. */
  mapping: Record<string, ColumnRole>;
  /** 1-based row of the first header row (0 when none was found). */
  headerRow: number;
  headerRows: number;
  /** The title row(s) above the header, when there were any. */
  title?: string;
  /** 注：/数据来源：/填表人 rows and the 单位： line, as written. */
  notes: string[];
  records: Observation[];
  issues: ImportIssue[];
  preview: { rows: string[][]; totalRows: number };
  columns: ColumnInfo[];
}

/** A decoded table: rows of cell text, row 0 is spreadsheet row 1. @example [['地区', '2024年']] */
export type Grid = string[][];
