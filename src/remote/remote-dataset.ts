/**
 * A remote, read-only dataset: Parquet files on a web server, read in place. Nothing is read when
 * it is opened but the manifest; a view's values are read when it asks for them: the files that
 * hold its indicator (from the manifest), in them only the row groups whose statistics can hold
 * it, and in those only the columns the observation needs, fetched together by HTTP range
 * requests and decoded as dictionaries and indices (read-columns.ts, convert-columns.ts). What
 * was read is kept (a few indicators); nothing goes into IndexedDB.
 */
import { parquetMetadataAsync, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import type { Dataset, Indicator, Region } from '../domain/types';
import type { StoredObservation } from '../store';
import { checkParquetMetadata, guardedCompressors, type ParquetProblem } from '../ingest/read-parquet';
import { ColumnConverter, type Field } from './convert-columns';
import { NATIVE_COLUMNS, type ColumnMap, type ManifestDataset, type ManifestFile, type ParquetManifest } from './manifest';
import { rangeBuffer, RemoteError } from './range-buffer';
import { readGroups, type GroupColumns } from './read-columns';
import { loadPolyfills } from '../polyfills';
import { seedIndex } from '../analysis/value-index';

/** Rows one remote file may declare (a file, not a dataset: a view reads a few row groups). */
const MAX_FILE_ROWS = 200_000_000;
/** Indicators whose values are kept per dataset. */
const KEEP = 6;

/** A file's metadata did not pass the checks: the problem, for a sentence. */
export class ParquetFileError extends Error {
  constructor(
    readonly problem: ParquetProblem,
    readonly path: string,
  ) {
    super(problem.code);
  }
}

interface OpenFile {
  buffer: AsyncBuffer;
  meta: FileMetaData;
}

/** One dataset of a manifest, with its folder's address. */
export class RemoteDataset {
  private readonly files = new Map<string, Promise<OpenFile>>();
  private readonly kept = new Map<string, Promise<StoredObservation[]>>();

  constructor(
    readonly id: string,
    /** The folder's address, ending in `/`, that the manifest's paths are relative to. */
    private readonly base: string,
    readonly spec: ManifestDataset,
    private readonly manifest: Pick<ParquetManifest, 'publishedAt' | 'indicators'>,
  ) {}

  /** The dataset as the views list it. */
  dataset(): Dataset {
    const rows = this.spec.files.reduce((n, f) => n + (f.rows ?? 0), 0);
    const ds: Dataset = {
      id: this.id,
      name: this.spec.name,
      fileName: this.base,
      format: 'parquet',
      encoding: '',
      importedAt: this.manifest.publishedAt ?? '1970-01-01T00:00:00.000Z',
      rowCount: rows,
      issueCount: 0,
      notes: [],
      status: 'complete',
      version: 1,
    };
    if (this.spec.source !== undefined) ds.source = this.spec.source;
    return ds;
  }

  /** The indicator names the manifest lists (or the one indicator of the dataset). */
  indicatorNames(): string[] {
    if (this.spec.indicators) return this.spec.indicators;
    const named = new Set<string>();
    for (const f of this.spec.files) for (const i of f.indicators ?? []) named.add(i);
    if (this.spec.indicator !== undefined) named.add(this.spec.indicator);
    return [...named];
  }

  /** Indicators with the settings the manifest carries, else plain ones. */
  indicators(): Indicator[] {
    const settings = new Map((this.manifest.indicators ?? []).map((i) => [i.name, i]));
    return this.indicatorNames().map((name) => settings.get(name) ?? { name, baseUnit: '', polarity: 'higher', targets: [] });
  }

  regions(): Region[] {
    return this.spec.regions ?? [];
  }

  /**
   * Every value of one indicator, read on demand and kept.
   * @example const rows = await ds.series('耕地面积')
   */
  series(indicator: string): Promise<StoredObservation[]> {
    const hit = this.kept.get(indicator);
    if (hit) {
      // Most recently used last, so the oldest goes first.
      this.kept.delete(indicator);
      this.kept.set(indicator, hit);
      return hit;
    }
    const answer = this.read(indicator);
    this.kept.set(indicator, answer);
    answer.catch(() => this.kept.delete(indicator));
    while (this.kept.size > KEEP) this.kept.delete(this.kept.keys().next().value as string);
    return answer;
  }

  private async read(indicator: string): Promise<StoredObservation[]> {
    // hyparquet calls Array.prototype.at (Chromium 92); the page loads it where missing, and this
    // makes sure of it wherever the reader runs (a no-op where the built-ins exist).
    await loadPolyfills();
    const wanted = this.spec.files.filter((f) => !f.indicators || f.indicators.includes(indicator));
    const parts = await Promise.all(wanted.map((f) => this.readFile(f, indicator)));
    if (parts.length !== 1) return ([] as StoredObservation[]).concat(...parts.map((p) => p.rows));
    // One file (a partition per indicator, the usual layout): the list is the file's rows, and the
    // facts every view asks of it are the ones found from its columns.
    const [{ rows, facts }] = parts;
    if (facts && facts.length === rows.length) seedIndex(rows, facts);
    return rows;
  }

  private open(file: ManifestFile): Promise<OpenFile> {
    let opened = this.files.get(file.path);
    if (!opened) {
      opened = (async () => {
        const buffer = await rangeBuffer(this.base + file.path, file.bytes);
        // The footer is fetched by its own range: the last 16 KB, more only when the metadata is longer.
        const meta = await parquetMetadataAsync(buffer, { initialFetchSize: 16 * 1024 });
        const problem = checkParquetMetadata(meta, buffer.byteLength, MAX_FILE_ROWS);
        if (problem) throw new ParquetFileError(problem, file.path);
        return { buffer, meta };
      })();
      this.files.set(file.path, opened);
      opened.catch(() => this.files.delete(file.path));
    }
    return opened;
  }

  private async readFile(file: ManifestFile, indicator: string): Promise<{ rows: StoredObservation[]; facts: ReturnType<ColumnConverter['facts']> }> {
    const { buffer, meta } = await this.open(file);
    const present = new Set(meta.schema.slice(1).map((e) => e.name));
    // A file of this indicator alone (the manifest says so) needs no indicator column read.
    const alone = file.indicators?.length === 1 && file.indicators[0] === indicator;
    const wanted = columnsOf(this.spec.columns).filter(([field, name]) => present.has(name) && !(alone && field === 'indicator'));
    const groups = rowGroupsFor(meta, this.spec.columns.indicator, indicator);
    let read: GroupColumns[];
    try {
      read = await readGroups(buffer, meta, groups, wanted.map(([, name]) => name), guardedCompressors);
    } catch (e) {
      if (e instanceof RemoteError) throw e;
      throw new ParquetFileError({ code: 'parquet_bad_data', params: { detail: e instanceof Error ? e.message.slice(0, 120) : String(e) } }, file.path);
    }
    const out: StoredObservation[] = [];
    const convert = new ColumnConverter(this.id, this.spec.indicator ?? indicator, new Map(wanted), this.spec.columns.native === true);
    for (const group of read) convert.append(out, group, indicator);
    return { rows: out, facts: convert.facts() };
  }
}

/** The (field, column name) pairs a dataset's files are read for. */
function columnsOf(c: ColumnMap): [Field, string][] {
  if (c.native) return (Object.keys(NATIVE_COLUMNS) as Field[]).map((f) => [f, NATIVE_COLUMNS[f]]);
  const out: [Field, string][] = [
    ['region', c.region],
    ['period', c.period],
    ['value', c.value],
  ];
  if (c.indicator !== undefined) out.push(['indicator', c.indicator]);
  if (c.unit !== undefined) out.push(['unit', c.unit]);
  if (c.regionCode !== undefined) out.push(['regionCode', c.regionCode]);
  return out;
}

/**
 * The row groups (indices) whose indicator statistics can hold `indicator`: all of them when the
 * file has no indicator column or no statistics.
 * @example rowGroupsFor(meta, '指标', '耕地面积') // [0, 1]
 */
export function rowGroupsFor(meta: FileMetaData, column: string | undefined, indicator: string): number[] {
  const out: number[] = [];
  meta.row_groups.forEach((group, index) => {
    const chunk = column === undefined ? undefined : group.columns.find((ch) => ch.meta_data?.path_in_schema.join('.') === column);
    const stats = chunk?.meta_data?.statistics;
    const min = stats?.min_value ?? stats?.min;
    const max = stats?.max_value ?? stats?.max;
    const maybe = typeof min !== 'string' || typeof max !== 'string' || (utf8Compare(min, indicator) <= 0 && utf8Compare(indicator, max) <= 0);
    if (maybe && Number(group.num_rows) > 0) out.push(index);
  });
  return out;
}

/** Compare as Parquet orders strings (UTF-8 bytes, i.e. code points), not as UTF-16 units. */
function utf8Compare(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
