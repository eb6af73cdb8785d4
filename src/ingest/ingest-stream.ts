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
import type { ChangeType, ImportIssue, Observation, ValueKind } from '../domain/types';
import { loadLocale, type Locale } from '../domain/messages';
import { binaryKind } from './binary-check';
import { TableWalker } from './build-table';
import { chosenEncoding, stripBom } from './decode';
import { detectDelimiter } from './detect-delimiter';
import { detectFormat } from './detect-format';
import { distinctCells } from './find-header';
import { emptyResult, planTable, sourceIssues, summarize, type TablePlan } from './index';
import type { TableInput } from './build-table';
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

/**
 * A file's pieces of `readBytes` from `start`, up to READS_AHEAD asked before they are worked on.
 * `end()` is asked at each read: the first part's end is set once the second part is placed.
 */
class ReadsAhead {
  private readonly ahead: Promise<Uint8Array>[] = [];
  private asked: number;

  constructor(
    private readonly source: ByteSource,
    start: number,
    private readonly end: () => number,
    private readonly readBytes: number,
  ) {
    this.asked = start;
    this.fill();
  }

  /** Whether a piece has been asked for and not taken. */
  get waiting(): boolean {
    return this.ahead.length > 0;
  }

  /** The next piece asked for (while `waiting`). */
  next(): Promise<Uint8Array> {
    return this.ahead.shift()!;
  }

  /** Ask for pieces up to READS_AHEAD waiting, none past `end()`. */
  fill(): void {
    while (this.ahead.length < READS_AHEAD && this.asked < this.end()) {
      const read = this.source.read(this.asked, Math.min(this.end(), this.asked + this.readBytes));
      // A read left behind (by a restart as GB18030, a part dropped) must not fail unheard; awaited, it still throws.
      read.catch(() => undefined);
      this.ahead.push(read);
      this.asked += this.readBytes;
    }
  }
}
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

/** Thrown inside a read in two parts whose second part could not be read as one read would: read again in one. */
class SplitFailed extends Error {}

/**
 * Encodings in which a line-ending byte (0x0A) is always a character of its own: never part of a
 * UTF-8 or GB18030 multi-byte character (their trail bytes are 0x30–0x39, 0x40–0xFE, 0x80–0xBF).
 * A UTF-16 file's bytes are not cut.
 */
const SPLITTABLE: ReadonlySet<string> = new Set(['utf-8', 'utf8', 'gb18030']);
/** Bytes searched for a line ending from the point a second part may start. */
const SEEK_BYTES = 64 * 1024;

/**
 * What a second reader needs to walk the rest of a file as the first reader would: the bytes
 * from `start` on, decoded and split as the first part was, walked with the same plan.
 */
export interface PartJob {
  start: number;
  end: number;
  encoding: string;
  fatal: boolean;
  delimiter: string;
  newline: LineEnding;
  /** The walk's inputs (`TablePlan.table`), with a context of its own (no caches). */
  table: Omit<TableInput, 'rows' | 'bodyStart' | 'onProgress'>;
}

/**
 * A second part's walk. Its rows are numbered from the part's start (issues and `take`'s fields
 * alike); the first part's rows are added when the two are joined.
 */
export interface PartOutcome {
  /** Why the part cannot be joined to the first (the file is then read again in one part). */
  failed?: 'quote' | 'encoding' | 'duplicate' | 'error' | 'stopped';
  rows: number;
  count: number;
  issues: ImportIssue[];
  notes: string[];
  /** Its text held a decoder's replacement character. */
  replacement: boolean;
  /** Fields the forward fill filled with nothing: from the first part they might have had text. */
  missedFill: string[];
}

/** The first part as the second is joined to it. */
export interface FirstPart {
  rows: number;
  count: number;
  /** Whether the first part kept a record with this key (a record of the second with it is a duplicate). */
  hasKey(
    indicator: string,
    code: string,
    region: string,
    period: string,
    kind: ValueKind | undefined,
    changeType: ChangeType | undefined,
  ): boolean;
}

/**
 * A second reader of the same file (the import worker's second worker): `ingestStream` starts it
 * once the table is planned, on the bytes after the first line ending past the file's middle (or
 * `from`), and reads the rest itself; `finish` gives the second part's outcome, its records
 * handed on to the second reader's own sink.
 */
/**
 * Bytes the second part starts past the middle: its worker is started once the plan is made and
 * begins ~0.15 s after the first part's read (its code loaded and compiled then), i.e. about 2 MB
 * of reading at ~25 KB/ms per worker behind; at the middle the first part waited 158–182 ms for
 * it (the quiet bench, 1M and 10M rows).
 */
const SECOND_PART_LAG = 2 << 20;

/** Where the second part may start in a file of `size` bytes: past the middle by the second worker's lag. */
function secondPartFrom(size: number): number {
  return Math.min(size, Math.floor(size / 2) + SECOND_PART_LAG);
}

export interface PartReader {
  /** Where to look for the second part's start; past the middle when undefined (`secondPartFrom`; tests set it). */
  from?: number;
  start(job: PartJob): void;
  finish(first: FirstPart): Promise<PartOutcome>;
  /** The read failed or was redone: drop the part. */
  cancel(): void;
}

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
  part?: PartReader,
): Promise<StreamedIngest> {
  const locale: Locale = options.locale ?? 'zh';
  await loadLocale(locale);
  const head = await source.read(0, Math.min(source.size, 4096));
  const chosen = chosenEncoding(head, options.encoding);
  // In two parts where the encoding allows it; a second part that cannot be read as one read
  // would read it (a quote, a fill from the first part, a duplicate of it) makes it one read.
  const read = async (encoding: string, fatal: boolean): Promise<StreamedIngest> => {
    if (part && SPLITTABLE.has(encoding)) {
      try {
        return await readAll(name, format, source, options, sink, encoding, fatal, readBytes, part);
      } catch (e) {
        if (!(e instanceof SplitFailed)) throw e;
        sink.restart();
      }
    }
    return readAll(name, format, source, options, sink, encoding, fatal, readBytes);
  };
  if (chosen) return read(chosen, false);
  try {
    return await read('utf-8', true);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    sink.restart();
    return read('gb18030', false);
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
  part?: PartReader,
): Promise<StreamedIngest> {
  try {
    return await readParts(name, format, source, options, sink, encoding, fatal, readBytes, part);
  } catch (e) {
    part?.cancel();
    throw e;
  }
}

async function readParts(
  name: string,
  format: IngestFormat,
  source: ByteSource,
  options: IngestOptions,
  sink: RecordSink,
  encoding: string,
  fatal: boolean,
  readBytes: number,
  part: PartReader | undefined,
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
  // The second part: where it may start (`from`), the search for its start, and where this read stops.
  const from = part ? (part.from ?? secondPartFrom(source.size)) : source.size;
  let splitting: Promise<void> | undefined;
  let started = false;
  let quoteSeen = false;
  let limit = source.size;
  let consumed = 0;

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
      if (part && !atEnd && !quoteSeen && split!.newline !== '\r') splitting = startPart(part, plan.table, split!);
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
    // A quote may hold a line ending: where the second part starts may be inside a cell.
    if (quoted) quoteSeen = true;
    if (quoted && started) throw new SplitFailed();
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
  /** Find where the second part starts (the first line ending past `from`), and start it there. */
  const startPart = async (reader: PartReader, table: TablePlan['table'], s: NonNullable<typeof split>): Promise<void> => {
    const seek = Math.max(1, from, consumed) - 1;
    const bytes = await source.read(seek, Math.min(source.size, seek + SEEK_BYTES));
    const at = lineStart(bytes, s.newline);
    if (at < 0 || seek + at >= source.size || quoteSeen) return;
    limit = seek + at;
    started = true;
    const { locale: l, unit, year, defaults } = table.context;
    const context = { locale: l, unit, year, defaults };
    reader.start({
      start: limit,
      end: source.size,
      encoding,
      fatal,
      delimiter: s.delimiter,
      newline: s.newline,
      table: { ...table, context },
    });
  };

  const reads = new ReadsAhead(source, 0, () => limit, readBytes);
  for (let at = 0; reads.waiting && at < limit; at += readBytes) {
    const waitStart = performance.now();
    let bytes = await reads.next();
    clock.add('import:read', waitStart);
    // Nothing past where the second part may start is read before it is known where it starts.
    if (splitting && at + bytes.length > Math.max(from, consumed)) {
      await splitting;
      splitting = undefined;
      if (at >= limit) break;
    }
    if (at + bytes.length > limit) bytes = bytes.subarray(0, limit - at);
    consumed = at + bytes.length;
    reads.fill();
    let text = clock.time('import:decode', () => decode(bytes));
    if (first && text !== '') {
      if (!fatal) text = stripBom(text);
      first = false;
    }
    noteReplacement(text, fileProblems, encoding);
    pending += text;
    cut(false);
    options.onProgress?.(Math.min(limit, at + readBytes), source.size);
  }
  if (splitting) await splitting;
  const tail = decode(undefined);
  noteReplacement(tail, fileProblems, encoding);
  pending += first && !fatal ? stripBom(tail) : tail;
  cut(true);
  handOn(true);
  let second: PartOutcome | undefined;
  if (started && part) {
    const w = walker!;
    const joinStart = performance.now();
    second = await part.finish({ rows: totalRows, count, hasKey: (...key) => w.hasKey(...key) });
    clock.add('import:part-wait', joinStart);
    if (second.failed === 'encoding' && fatal) throw new NotUtf8();
    // The first part's preview must hold as many records as one read's would.
    const short = preview.length < PREVIEW_RECORDS && second.count > 0;
    if (second.failed !== undefined || short || second.missedFill.some((f) => w.filled(f))) throw new SplitFailed();
    if (second.replacement && fileProblems.length === 0)
      fileProblems.push({ code: 'replacement_chars', severity: 'warning', params: { encoding } });
  }
  clock.measure();

  const read: Pick<SourceRead, 'encoding' | 'sheets' | 'fileProblems' | 'problems'> = { encoding, sheets: [], fileProblems, problems };
  const issues: ImportIssue[] = sourceIssues(locale, read);
  if (!plan) {
    issues.push(makeIssue(locale, 'empty_file', 'error', { row: 0 }, { name }));
    return { result: { ...emptyResult(format, read), issues }, count: 0 };
  }
  for (const issue of plan.check.issues) issues.push(issue);
  for (const issue of walker?.issues ?? []) issues.push(issue);
  if (second) {
    for (const issue of second.issues) issues.push(shifted(locale, issue, totalRows));
    for (const note of second.notes) walker!.notes.push(note);
    totalRows += second.rows;
    count += second.count;
  }
  const result = summarize(format, read, plan, { rows: early, totalRows, records: preview, notes: walker?.notes ?? [], issues });
  return { result, count };
}

/**
 * Read bytes `job.start`–`job.end` of a file as `ingestStream` reads its first part, walking them
 * with its plan: each record goes to `take`, numbered from the part's first row. Gives up (with
 * `failed`) at a quote, text not of the encoding, or once `stopped()`.
 * @example const outcome = await readPart(job, source, (f) => blocks.add(f))
 */
export async function readPart(
  job: PartJob,
  source: ByteSource,
  take: (f: Readonly<ObservationFields>) => void,
  onProgress?: (done: number) => void,
  stopped: () => boolean = () => false,
  readBytes = READ_BYTES,
): Promise<PartOutcome> {
  const locale = job.table.context.locale;
  await loadLocale(locale);
  const clock = new PhaseClock();
  const outcome: PartOutcome = { rows: 0, count: 0, issues: [], notes: [], replacement: false, missedFill: [] };
  const failed = (why: NonNullable<PartOutcome['failed']>): PartOutcome => ({ ...outcome, failed: why });
  // The part's first byte follows a line ending: a BOM there would be a character of the text.
  const decoder = new TextDecoder(job.encoding, { fatal: job.fatal, ignoreBOM: true });
  const walker = new TableWalker(job.table);
  const taken = (f: Readonly<ObservationFields>): void => {
    outcome.count++;
    take(f);
  };
  let pending = '';
  const walkText = (text: string): void => {
    const rows = clock.time('import:part-parse', () => splitPlain(text, job.delimiter, job.newline));
    clock.time('import:part-normalize', () => walker.walkFields(rows, 0, outcome.rows, taken));
    outcome.rows += rows.length;
  };
  const decode = (bytes: Uint8Array | undefined): string | undefined => {
    try {
      return clock.time('import:part-decode', () => (bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode()));
    } catch (e) {
      if (job.fatal && e instanceof TypeError) return undefined;
      throw e;
    }
  };
  const reads = new ReadsAhead(source, job.start, () => job.end, readBytes);
  for (let at = job.start; reads.waiting; at += readBytes) {
    const waitStart = performance.now();
    const bytes = await reads.next();
    clock.add('import:part-read', waitStart);
    if (stopped()) return failed('stopped');
    reads.fill();
    const text = decode(bytes);
    if (text === undefined) return failed('encoding');
    if (text.indexOf('"') >= 0) return failed('quote');
    if (text.includes('\uFFFD')) outcome.replacement = true;
    pending += text;
    const end = pending.lastIndexOf(job.newline);
    if (end >= 0) {
      const cut = end + job.newline.length;
      const piece = cut === pending.length ? pending : pending.slice(0, cut);
      pending = cut === pending.length ? '' : pending.slice(cut);
      walkText(piece);
    }
    onProgress?.(Math.min(job.end, at + readBytes) - job.start);
  }
  const tail = decode(undefined);
  if (tail === undefined) return failed('encoding');
  if (tail.indexOf('"') >= 0) return failed('quote');
  if (tail.includes('\uFFFD')) outcome.replacement = true;
  pending += tail;
  if (pending !== '') walkText(pending);
  clock.measure();
  outcome.issues = walker.issues;
  outcome.notes = walker.notes;
  outcome.missedFill = [...walker.missedFill()];
  return outcome;
}

/**
 * Where a part may start in `bytes` (bytes[0] is the byte before the point searched from): after
 * the first line ending, never at 0. -1 when there is none.
 */
function lineStart(bytes: Uint8Array, newline: LineEnding): number {
  for (let i = 1; i < bytes.length; i++) {
    if (bytes[i] === 0x0a && (newline === '\n' || bytes[i - 1] === 0x0d)) return i + 1;
  }
  return -1;
}

/** An issue of a second part, its rows (and a duplicate's first row) moved past the first part's `rows`. */
function shifted(locale: Locale, issue: ImportIssue, rows: number): ImportIssue {
  const params: Record<string, string | number> = { ...issue.params };
  delete params.row;
  delete params.column;
  delete params.raw;
  if (issue.code === 'duplicate' && typeof params.first === 'number') params.first += rows;
  return makeIssue(locale, issue.code, issue.severity, { row: issue.row + rows, column: issue.column, raw: issue.raw }, params);
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
