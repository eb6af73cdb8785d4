/**
 * A remote, read-only dataset: Parquet files on a web server, read in place. Nothing is read when
 * it is opened but the manifest; a view's values are read when it asks for them: the files that
 * hold its indicator (from the manifest), in them only the row groups whose statistics can hold
 * it, and in those only the columns the observation needs, each by an HTTP range request. What
 * was read is kept (a few indicators); nothing goes into IndexedDB.
 */
import { parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { GRAINS, type Dataset, type Grain, type Indicator, type Region } from '../domain/types';
import type { StoredObservation } from '../store';
import { parsePeriod } from '../ingest/parse-period';
import { parseQuantity } from '../ingest/parse-quantity';
import { cellText, checkParquetMetadata, guardedCompressors, type ParquetProblem } from '../ingest/read-parquet';
import { NATIVE_COLUMNS, type ColumnMap, type ManifestDataset, type ManifestFile, type ParquetManifest } from './manifest';
import { rangeBuffer } from './range-buffer';

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
    const wanted = this.spec.files.filter((f) => !f.indicators || f.indicators.includes(indicator));
    const parts = await Promise.all(wanted.map((f) => this.readFile(f, indicator)));
    return parts.length === 1 ? parts[0] : ([] as StoredObservation[]).concat(...parts);
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

  private async readFile(file: ManifestFile, indicator: string): Promise<StoredObservation[]> {
    const { buffer, meta } = await this.open(file);
    const present = new Set(meta.schema.slice(1).map((e) => e.name));
    // A file of this indicator alone (the manifest says so) needs no indicator column read.
    const alone = file.indicators?.length === 1 && file.indicators[0] === indicator;
    const wanted = columnsOf(this.spec.columns).filter(([field, name]) => present.has(name) && !(alone && field === 'indicator'));
    const names = wanted.map(([, name]) => name);
    const at = new Map(wanted.map(([field], i) => [field, i]));
    const runs = rowRuns(meta, this.spec.columns.indicator, indicator);
    const out: StoredObservation[] = [];
    const convert = new RowConverter(this.id, this.spec.indicator ?? indicator, at, this.spec.columns.native === true);
    for (const [rowStart, rowEnd] of runs) {
      // Columns as hyparquet decodes them (one array per column chunk), not assembled into row
      // arrays: building 200,000 rows of six cells was most of a view's read.
      const columns = names.map(() => new Array<unknown>(rowEnd - rowStart));
      await parquetRead({
        file: buffer,
        metadata: meta,
        columns: names,
        rowStart,
        rowEnd,
        compressors: guardedCompressors,
        onChunk: (chunk) => {
          const target = columns[names.indexOf(chunk.columnName)];
          const data = chunk.columnData;
          // A chunk may hold rows outside the range asked for: only those inside are kept.
          const from = Math.max(rowStart, chunk.rowStart);
          const to = Math.min(rowEnd, chunk.rowEnd);
          for (let r = from; r < to; r++) target[r - rowStart] = data[r - chunk.rowStart];
        },
      });
      convert.appendColumns(out, columns, rowEnd - rowStart, indicator);
    }
    return out;
  }
}

type Field = keyof typeof NATIVE_COLUMNS;

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
 * The row ranges (start, end) of the row groups whose indicator statistics can hold `indicator`,
 * neighbours joined: all of them when the file has no indicator column or no statistics.
 * @example rowRuns(meta, '指标', '耕地面积') // [[0, 122880]]
 */
export function rowRuns(meta: FileMetaData, column: string | undefined, indicator: string): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  for (const group of meta.row_groups) {
    const rows = Number(group.num_rows);
    const chunk = column === undefined ? undefined : group.columns.find((ch) => ch.meta_data?.path_in_schema.join('.') === column);
    const stats = chunk?.meta_data?.statistics;
    const min = stats?.min_value ?? stats?.min;
    const max = stats?.max_value ?? stats?.max;
    const maybe = typeof min !== 'string' || typeof max !== 'string' || (utf8Compare(min, indicator) <= 0 && utf8Compare(indicator, max) <= 0);
    if (maybe && rows > 0) {
      const last = runs.length > 0 ? runs[runs.length - 1] : undefined;
      if (last && last[1] === start) last[1] = start + rows;
      else runs.push([start, start + rows]);
    }
    start += rows;
  }
  return runs;
}

/** Fields a published file carries beyond the ones every dataset has. */
const EXTRAS = ['periodLabel', 'grain', 'displayUnit', 'kind', 'changeType', 'approximate', 'isTotal', 'target', 'sourceText'] as const;

/** Set one of those fields from its cell, when the cell holds one of its values. */
function setExtra(o: StoredObservation, field: (typeof EXTRAS)[number], v: unknown): void {
  if (v === null || v === undefined || v === '') return;
  if (field === 'approximate' || field === 'isTotal') {
    if (v === true) o[field] = true;
  } else if (field === 'target') {
    if (typeof v === 'number' && Number.isFinite(v)) o.target = v;
  } else if (field === 'kind') {
    if (v === 'level' || v === 'change') o.kind = v;
  } else if (field === 'changeType') {
    if (v === 'relative' || v === 'absolute' || v === 'points' || v === 'multiple') o.changeType = v;
  } else if (field === 'grain') {
    if (typeof v === 'string' && (GRAINS as readonly string[]).includes(v)) o.grain = v as Grain;
  } else if (typeof v === 'string') o[field] = v;
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

/**
 * Rows of cells → observations. Periods and units are parsed once per distinct text (a 10M-row
 * dataset has a few hundred), never per value; a value column of text goes through the
 * importer's quantity parser.
 */
class RowConverter {
  private readonly periods = new Map<string, ReturnType<typeof parsePeriod>>();
  private readonly units = new Map<string, { factor: number; unit: string; display: string }>();

  constructor(
    private readonly datasetId: string,
    private readonly fixedIndicator: string,
    /** Field → its place in a row. */
    private readonly places: ReadonlyMap<Field, number>,
    /** Values already in base units, with the observation's own fields (a published file). */
    private readonly native: boolean,
  ) {}

  /** `append` over columns: row `k` is `columns[c][k]`. */
  appendColumns(out: StoredObservation[], columns: unknown[][], count: number, indicator: string): void {
    // In blocks of rows, so that `append` finds its columns once per block.
    for (let start = 0; start < count; start += 4096) {
      const end = Math.min(count, start + 4096);
      const rows = new Array<unknown[]>(end - start);
      for (let k = start; k < end; k++) rows[k - start] = columns.map((col) => col[k]);
      this.append(out, rows, indicator);
    }
  }

  append(out: StoredObservation[], rows: unknown[][], indicator: string): void {
    const col = (f: Field): number => this.places.get(f) ?? -1;
    const [iIndicator, iRegion, iPeriod, iValue, iUnit, iCode] = [col('indicator'), col('region'), col('period'), col('value'), col('unit'), col('regionCode')];
    const extras = this.native ? EXTRAS.map((f) => [f, col(f)] as const).filter(([, i]) => i >= 0) : [];
    for (const row of rows) {
      if (iIndicator >= 0 && row[iIndicator] !== indicator) continue;
      const period = this.period(cellText(row[iPeriod]));
      if (!period) continue;
      const unitText = iUnit >= 0 ? cellText(row[iUnit]) : '';
      const unit = this.native ? { factor: 1, unit: unitText, display: unitText } : this.unit(unitText);
      const raw = row[iValue];
      let value: number;
      if (typeof raw === 'number') value = raw * unit.factor;
      else if (typeof raw === 'bigint') value = Number(raw) * unit.factor;
      else {
        const q = parseQuantity(cellText(raw), unit.display);
        if (q.status !== 'ok') continue;
        value = q.value;
      }
      if (!Number.isFinite(value)) continue;
      const o = { region: cellText(row[iRegion]), indicator: this.fixedIndicator, period: period.key, value, unit: unit.unit, grain: period.grain, datasetId: this.datasetId } as StoredObservation;
      if (period.label !== period.key) o.periodLabel = period.label;
      if (unit.display !== unit.unit) o.displayUnit = unit.display;
      if (iCode >= 0) {
        const code = cellText(row[iCode]);
        if (code !== '') o.regionCode = code;
      }
      for (const [field, i] of extras) setExtra(o, field, row[i]);
      out.push(o);
    }
  }

  private period(text: string): ReturnType<typeof parsePeriod> {
    let p = this.periods.get(text);
    if (p === undefined) this.periods.set(text, (p = parsePeriod(text)));
    return p;
  }

  /** A unit as written (`万亩`) → its factor to the base unit (1e4), the base unit (亩) and itself. */
  private unit(text: string): { factor: number; unit: string; display: string } {
    let u = this.units.get(text);
    if (!u) {
      const q = text === '' ? undefined : parseQuantity(`1${text}`);
      u = q?.status === 'ok' ? { factor: q.value, unit: q.unit, display: q.displayUnit || text } : { factor: 1, unit: text, display: text };
      this.units.set(text, u);
    }
    return u;
  }
}
