/**
 * A delimited file of any size, read in pieces: bytes → text (one streaming decoder) → rows (cut
 * at row boundaries the CSV parser itself finds) → records, handed on piece by piece. Nothing
 * holds the whole file, its text or its rows: the memory needed is one piece and the records not
 * yet handed on, so a 450 MB file imports like a 5 MB one. The result is the one `ingest` gives
 * for the same bytes (tests/unit/ingest/ingest-stream.test.ts compares them), but for two things
 * a whole-file read decides from all of the text: the line ending rows are split at, and the
 * first 64 KB's choice of delimiter, are taken from the file's first piece.
 */
import Papa from 'papaparse';
import type { ImportIssue, Observation } from '../domain/types';
import { loadLocale, type Locale } from '../domain/messages';
import { binaryKind } from './binary-check';
import { TableWalker } from './build-table';
import { chosenEncoding, stripBom } from './decode';
import { detectDelimiter } from './detect-delimiter';
import { detectFormat } from './detect-format';
import { distinctCells } from './find-header';
import { emptyResult, planTable, sourceIssues, summarize, type TablePlan } from './index';
import { makeIssue } from './issues';
import { toObservation, type ObservationFields } from './normalize';
import { lineEndingOf, readCsv, splitPlain, type LineEnding, type ReadProblem } from './read-csv';
import type { SourceRead } from './read-source';
import type { Grid, IngestFormat, IngestOptions, IngestResult } from './types';

/** A file to read in pieces: a Blob in the browser, bytes in tests. */
export interface ByteSource {
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** Where the records go, as they are made: as objects (`records`) or as the walk's fields (`fields`). */
export interface RecordSink {
  /** Records of the rows read so far that were not handed on yet, in file order. */
  records?(records: Observation[]): void;
  /**
   * Each record in file order, as the walk's own fields, rewritten for the next one (instead of
   * `records`): a sink that codes them at once makes no object per value.
   */
  fields?(f: Readonly<ObservationFields>): void;
  /** The text was not UTF-8 after all: reading starts again as GB18030; drop what came. */
  restart(): void;
}

/** What a streamed import gives: the wizard's result (its `records` the first ones only) and how many there were. */
export interface StreamedIngest {
  result: IngestResult;
  count: number;
}

/** Bytes per read: the progress bar moves every ~15,000 rows of a typical file. */
const READ_BYTES = 1 << 20;
/**
 * Records handed on at once: few enough that they are encoded while they are still in the garbage
 * collector's young generation (holding 50,000 moved them to the old one: collecting them was the
 * walk's largest cost). The sink fills its column blocks across hand-ons, so the blocks do not get
 * smaller with the batch (app/import/stream-import-blocks.ts).
 */
const HAND_ON = 4096;
/** Pieces asked for ahead of the one being worked on. */
const READS_AHEAD = 4;
/** The table's plan needs its header (within the first 60 rows) and 300 body rows after it. */
const PLAN_ROWS = 1000;
/** The delimiter is chosen from the first 64 KB of text, as a whole-file read chooses it. */
const PLAN_CHARS = 64 * 1024;
const PREVIEW_RECORDS = 200;
const STREAMED: ReadonlySet<IngestFormat> = new Set<IngestFormat>(['csv', 'tsv', 'txt']);

/**
 * The format of a file whose first bytes are `head`, when it is delimited text that can be read
 * in pieces; undefined for a workbook, HTML, JSON, Parquet or binary (read whole by `ingest`).
 * @example streamedFormat('a.csv', head) // 'csv'
 */
export function streamedFormat(name: string, head: Uint8Array): IngestFormat | undefined {
  const format = detectFormat(name, head);
  return STREAMED.has(format) && binaryKind(head, format) === undefined ? format : undefined;
}

/** Thrown inside a read that must start again as GB18030. */
class NotUtf8 extends Error {}

/**
 * Import a delimited file piece by piece (see `streamedFormat`). `options.onProgress` gets bytes
 * read of bytes in all.
 * @example const { result, count } = await ingestStream('a.csv', 'csv', blobSource(file), {}, { records: (rs) => encode(rs), restart: () => reset() });
 */
export async function ingestStream(
  name: string,
  format: IngestFormat,
  source: ByteSource,
  options: IngestOptions,
  sink: RecordSink,
  readBytes = READ_BYTES,
): Promise<StreamedIngest> {
  const locale: Locale = options.locale ?? 'zh';
  await loadLocale(locale);
  const head = await source.read(0, Math.min(source.size, 4096));
  const chosen = chosenEncoding(head, options.encoding);
  if (chosen) return readAll(name, format, source, options, sink, chosen, false, readBytes);
  try {
    return await readAll(name, format, source, options, sink, 'utf-8', true, readBytes);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    sink.restart();
    return readAll(name, format, source, options, sink, 'gb18030', false, readBytes);
  }
}

/** Time spent per phase, summed over the pieces, measured once at the end for the benchmark. */
class PhaseClock {
  private readonly spent = new Map<string, { start: number; ms: number }>();

  time<T>(name: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.add(name, start);
    }
  }

  /** Time since `start` spent on `name` (a wait, which `time` cannot wrap). */
  add(name: string, start: number): void {
    const s = this.spent.get(name);
    if (s) s.ms += performance.now() - start;
    else this.spent.set(name, { start, ms: performance.now() - start });
  }

  measure(): void {
    for (const [name, s] of this.spent) performance.measure(name, { start: s.start, duration: s.ms });
  }
}

async function readAll(
  name: string,
  format: IngestFormat,
  source: ByteSource,
  options: IngestOptions,
  sink: RecordSink,
  encoding: string,
  fatal: boolean,
  readBytes: number,
): Promise<StreamedIngest> {
  const locale: Locale = options.locale ?? 'zh';
  const clock = new PhaseClock();
  const decoder = new TextDecoder(encoding, { fatal, ignoreBOM: false });
  const problems: ReadProblem[] = [];
  const fileProblems: SourceRead['fileProblems'] = [];
  const preferTab = format === 'tsv' || format === 'txt';

  let pending = '';
  let first = true;
  let split: { delimiter: string; newline: LineEnding } | undefined;
  // Rows before the plan is made (the file's first rows), then only the plan and the walk.
  const early: Grid = [];
  let plan: TablePlan | undefined;
  let walker: TableWalker | undefined;
  let totalRows = 0;
  let count = 0;
  const preview: Observation[] = [];
  let batch: Observation[] = [];

  const handOn = (force: boolean): void => {
    if (batch.length === 0 || (!force && batch.length < HAND_ON)) return;
    for (let i = 0; i < batch.length && preview.length < PREVIEW_RECORDS; i++) preview.push(batch[i]);
    count += batch.length;
    sink.records?.(batch);
    batch = [];
  };
  const onFields = sink.fields;
  const takeRecord = onFields
    ? (f: Readonly<ObservationFields>): void => {
        if (preview.length < PREVIEW_RECORDS) preview.push(toObservation(f));
        count++;
        onFields(f);
      }
    : (f: Readonly<ObservationFields>): void => {
        batch.push(toObservation(f));
      };

  /** Rows of one piece of text (`quoted`: it may hold a quote), numbered after the rows read before it. */
  const rowsOf = (text: string, quoted: boolean): Grid => {
    // Text without quotes has no broken quote to report and no `="…"` to unwrap: split it.
    const read = clock.time('import:parse', () =>
      !quoted || text.indexOf('"') < 0 ? { rows: splitPlain(text, split!.delimiter, split!.newline), problems: [] } : readCsv(text, split!.delimiter, split!.newline),
    );
    for (const p of read.problems) problems.push({ ...p, row: p.row + totalRows });
    return read.rows;
  };

  /** Walk rows from the plan's body on, or keep them until there are enough to plan. */
  const take = (rows: Grid, atEnd: boolean): void => {
    if (!plan) {
      for (const row of rows) early.push(row);
      totalRows += rows.length;
      const blank = early.every((r) => distinctCells(r).length === 0);
      if (!atEnd && (early.length < PLAN_ROWS + (options.headerRow ?? 0) || blank)) return;
      if (blank) return;
      plan = planTable(early, true, options);
      if (plan.check.blocked) return;
      walker = new TableWalker(plan.table);
      clock.time('import:normalize', () => walker!.walkFields(early, plan!.bodyStart, 0, takeRecord));
      handOn(false);
      return;
    }
    const offset = totalRows;
    totalRows += rows.length;
    if (!walker) return;
    clock.time('import:normalize', () => walker!.walkFields(rows, 0, offset, takeRecord));
    handOn(false);
  };

  /** Cut complete rows off `pending`; at the end, all of it. */
  const cut = (atEnd: boolean): void => {
    if (!split) {
      if (!atEnd && pending.length < PLAN_CHARS) return;
      // Excel's `sep=;` first line names the delimiter and is not shown as a row.
      const sep = /^sep=(.)\r?\n/.exec(pending);
      if (sep) pending = pending.slice(sep[0].length);
      split = { delimiter: sep ? sep[1] : detectDelimiter(pending, preferTab), newline: lineEndingOf(pending) };
    }
    // One look for a quote in all the text held: a piece of it has none if it has none.
    const quoted = pending.indexOf('"') >= 0;
    const end = atEnd ? pending.length : rowsEnd(pending, quoted, split.delimiter, split.newline);
    // At the end the rows kept for the plan are planned, even when no text is left.
    if (end === 0 && !atEnd) return;
    const piece = end === pending.length ? pending : pending.slice(0, end);
    pending = end === pending.length ? '' : pending.slice(end);
    take(rowsOf(piece, quoted), atEnd);
  };

  const decode = (bytes: Uint8Array | undefined): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch (e) {
      if (fatal && e instanceof TypeError) throw new NotUtf8();
      throw e;
    }
  };

  // The next pieces are asked for before this one is worked on: a Blob's bytes come from another
  // thread, and waiting for each read in turn left the walk idle between pieces (on a busy
  // machine ~2 s of a million-row import's worker time was in no phase at all; one piece ahead
  // still waited 3.2–3.9 s at load 15–25). A few pieces ahead hold a few MB, never the file.
  const readAt = (at: number): Promise<Uint8Array> | undefined => {
    if (at >= source.size) return undefined;
    const read = source.read(at, Math.min(source.size, at + readBytes));
    // A read left behind by a restart as GB18030 must not fail unheard; awaited, it still throws.
    read.catch(() => undefined);
    return read;
  };
  const ahead: Promise<Uint8Array>[] = [];
  let asked = 0;
  const askAhead = (): void => {
    while (ahead.length < READS_AHEAD) {
      const read = readAt(asked);
      if (read === undefined) return;
      ahead.push(read);
      asked += readBytes;
    }
  };
  askAhead();
  for (let at = 0; ahead.length > 0; at += readBytes) {
    const waitStart = performance.now();
    const bytes = await ahead.shift()!;
    clock.add('import:read', waitStart);
    askAhead();
    let text = clock.time('import:decode', () => decode(bytes));
    if (first && text !== '') {
      if (!fatal) text = stripBom(text);
      first = false;
    }
    noteReplacement(text, fileProblems, encoding);
    pending += text;
    cut(false);
    options.onProgress?.(Math.min(source.size, at + readBytes), source.size);
  }
  const tail = decode(undefined);
  noteReplacement(tail, fileProblems, encoding);
  pending += first && !fatal ? stripBom(tail) : tail;
  cut(true);
  handOn(true);
  clock.measure();

  const read: Pick<SourceRead, 'encoding' | 'sheets' | 'fileProblems' | 'problems'> = { encoding, sheets: [], fileProblems, problems };
  const issues: ImportIssue[] = sourceIssues(locale, read);
  if (!plan) {
    issues.push(makeIssue(locale, 'empty_file', 'error', { row: 0 }, { name }));
    return { result: { ...emptyResult(format, read), issues }, count: 0 };
  }
  for (const issue of plan.check.issues) issues.push(issue);
  for (const issue of walker?.issues ?? []) issues.push(issue);
  const result = summarize(format, read, plan, { rows: early, totalRows, records: preview, notes: walker?.notes ?? [], issues });
  return { result, count };
}

/** A decoder's replacement character says bytes were not of the encoding: once per file. */
function noteReplacement(text: string, fileProblems: SourceRead['fileProblems'], encoding: string): void {
  if (fileProblems.length === 0 && text.includes('\uFFFD')) fileProblems.push({ code: 'replacement_chars', severity: 'warning', params: { encoding } });
}

/**
 * Where the complete rows of `text` end (0: none yet). Without quotes every line ending ends a
 * row; with them, the parser decides, leaving out the last row, which may go on in the next piece.
 */
function rowsEnd(text: string, quoted: boolean, delimiter: string, newline: LineEnding): number {
  if (!quoted) {
    const at = text.lastIndexOf(newline);
    return at < 0 ? 0 : at + newline.length;
  }
  const parsed = new Papa.Parser({ delimiter, newline }).parse(text, 0, true) as { meta: { cursor: number } };
  return parsed.meta.cursor;
}
