/**
 * A ledger file → a grid of cell text, through the importer's own reading (encodings, CSV/TSV,
 * XLSX/XLS/HTML-as-XLS/ODS/JSON, merged cells filled) and its file-level issues. A thin wrapper:
 * ingest exports `ingest()`, which goes on to read indicator values; a ledger needs the cells.
 */
import type { ImportIssue } from '../domain/types';
import { loadLocale, type Locale } from '../domain/messages';
import { MAX_BYTES } from '../ingest/index';
import { detectFormat } from '../ingest/detect-format';
import { makeIssue } from '../ingest/issues';
import { readSource } from '../ingest/read-source';
import type { Grid, IngestFormat } from '../ingest/types';

/** The cells of a file and what reading them found. @example { rows: [['序号', '问题']], issues: [], encoding: 'utf-8', format: 'csv', sheets: [] } */
export interface LedgerGrid {
  rows: Grid;
  issues: ImportIssue[];
  encoding: string;
  format: IngestFormat;
  sheets: string[];
  sheet?: string;
}

/**
 * Read the cells. Never throws: a file that cannot be read gives no rows and one issue (row 0).
 * @example const { rows, issues } = await readGrid({ name: '台账.csv', bytes }, { locale: 'zh' });
 */
export async function readGrid(
  input: { name: string; bytes: Uint8Array },
  options: { locale: Locale; encoding?: string; sheet?: string },
): Promise<LedgerGrid> {
  const { locale } = options;
  // Issue sentences come from the shared catalogue; English is loaded on demand.
  await loadLocale(locale);
  const failed = (format: IngestFormat, code: string, params: Record<string, string | number>): LedgerGrid => ({
    rows: [],
    issues: [makeIssue(locale, code, 'error', { row: 0 }, params)],
    encoding: '',
    format,
    sheets: [],
  });
  const bytes = input.bytes instanceof Uint8Array ? input.bytes : new Uint8Array(0);
  if (bytes.length > MAX_BYTES) return failed('csv', 'too_large', { size: Math.ceil(bytes.length / 1048576), max: MAX_BYTES / 1048576 });
  let format: IngestFormat = 'csv';
  try {
    format = detectFormat(String(input.name ?? ''), bytes);
    const source = await readSource({ name: String(input.name ?? ''), bytes }, format, { encoding: options.encoding, sheet: options.sheet });
    const issues = source.fileProblems.map((p) => makeIssue(locale, p.code, p.severity, { row: 0 }, p.params));
    for (const p of source.problems) issues.push(makeIssue(locale, p.code, 'error', { row: p.row, raw: p.raw }));
    const out: LedgerGrid = { rows: source.grid, issues, encoding: source.encoding, format, sheets: source.sheets };
    if (source.sheet !== undefined) out.sheet = source.sheet;
    return out;
  } catch {
    return failed(format, 'unreadable_file', { name: String(input.name ?? '') });
  }
}
