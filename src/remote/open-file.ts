/**
 * One Parquet file by address (no manifest): its columns are shown with the roles an import
 * would give them (from the first rows, `inferRoles`), the user corrects them, and the dataset is
 * opened with that mapping, which is kept with the address. Listing its indicators and regions
 * reads those columns of the whole file (dictionary-encoded, a small part of it) as dictionaries
 * and indices, a name once per row group; values are read per view like any remote dataset's.
 */
import { parquetMetadataAsync, parquetRead } from 'hyparquet';
import { inferRoles } from '../ingest/infer-roles';
import { cellText, checkParquetMetadata, flatColumns, guardedCompressors } from '../ingest/read-parquet';
import type { Region } from '../domain/types';
import type { ColumnMap, ManifestDataset } from './manifest';
import { ParquetFileError } from './remote-dataset';
import { rangeBuffer, RemoteError } from './range-buffer';
import { readGroups, type GroupColumns } from './read-columns';
import { asDictionary } from './column-chunk';

/** Rows a file opened by address may have (values are read per indicator). */
const MAX_ROWS = 200_000_000;
const SAMPLE_ROWS = 300;

/** The parts of an observation a column can be. */
export type RemoteRole = keyof Pick<ColumnMap, 'region' | 'indicator' | 'period' | 'value' | 'unit' | 'regionCode'> | 'ignore';

/** A file's columns, a few of its rows, and the roles guessed for them. */
export interface FilePreview {
  url: string;
  bytes: number;
  rows: number;
  columns: string[];
  sample: string[][];
  roles: RemoteRole[];
}

/**
 * Read a file's footer and first rows; guess each column's role.
 * @example const preview = await previewParquetAddress('http://intranet/data/county.parquet')
 */
export async function previewParquetAddress(url: string): Promise<FilePreview> {
  const buffer = await rangeBuffer(url);
  const meta = await parquetMetadataAsync(buffer, { initialFetchSize: 16 * 1024 });
  const problem = checkParquetMetadata(meta, buffer.byteLength, MAX_ROWS);
  if (problem) throw new ParquetFileError(problem, url);
  const { flat } = flatColumns(meta);
  let rows: unknown[][] = [];
  await parquetRead({ file: buffer, metadata: meta, columns: flat, rowStart: 0, rowEnd: Math.min(SAMPLE_ROWS, Number(meta.num_rows)), rowFormat: 'array', compressors: guardedCompressors, onComplete: (r) => (rows = r) });
  const sample = rows.map((r) => r.map(cellText));
  return { url, bytes: buffer.byteLength, rows: Number(meta.num_rows), columns: flat, sample, roles: inferRoles(flat, sample).map(toRemoteRole) };
}

/** An import role as the part of an observation a remote column can be. */
function toRemoteRole(role: string): RemoteRole {
  return role === 'region' || role === 'indicator' || role === 'period' || role === 'value' || role === 'unit' || role === 'regionCode' ? role : 'ignore';
}

/**
 * The column map the roles make, or the role that is missing (region, period and value are
 * needed; an indicator column or a name for the one indicator).
 * @example columnMap(['地区', '时期', '数值'], ['region', 'period', 'value'], '耕地面积')
 */
export function columnMap(columns: readonly string[], roles: readonly RemoteRole[], indicatorName: string): ColumnMap | { missing: RemoteRole } {
  const of = (role: RemoteRole): string | undefined => columns[roles.indexOf(role)];
  const region = of('region');
  const period = of('period');
  const value = of('value');
  if (region === undefined) return { missing: 'region' };
  if (period === undefined) return { missing: 'period' };
  if (value === undefined) return { missing: 'value' };
  if (of('indicator') === undefined && indicatorName.trim() === '') return { missing: 'indicator' };
  const map: ColumnMap = { region, period, value };
  for (const role of ['indicator', 'unit', 'regionCode'] as const) {
    const column = of(role);
    if (column !== undefined) map[role] = column;
  }
  return map;
}

/**
 * The dataset of one file with the user's mapping: its indicators and regions read from their
 * columns, so the lists show them.
 * @example const spec = await fileDataset(url, bytes, map, '县级数据')
 */
export async function fileDataset(url: string, columns: ColumnMap, name: string, indicatorName = ''): Promise<{ base: string; spec: ManifestDataset }> {
  const base = url.slice(0, url.lastIndexOf('/') + 1);
  const path = url.slice(base.length);
  const buffer = await rangeBuffer(url);
  const meta = await parquetMetadataAsync(buffer, { initialFetchSize: 16 * 1024 });
  const problem = checkParquetMetadata(meta, buffer.byteLength, MAX_ROWS);
  if (problem) throw new ParquetFileError(problem, url);
  const listed = [columns.indicator, columns.region, columns.regionCode].filter((c): c is string => c !== undefined);
  let groups: GroupColumns[];
  try {
    // As dictionaries and indices: the lists need each distinct name once, not a string per row.
    groups = await readGroups(buffer, meta, meta.row_groups.map((_, g) => g), listed, guardedCompressors);
  } catch (e) {
    if (e instanceof RemoteError) throw e;
    throw new ParquetFileError({ code: 'parquet_bad_data', params: { detail: e instanceof Error ? e.message.slice(0, 120) : String(e) } }, url);
  }
  const indicators = new Set<string>();
  const regions = new Map<string, Region>();
  const of = (g: GroupColumns, c: string | undefined) => {
    const column = c === undefined ? undefined : g.columns.get(c);
    return column ? asDictionary(column) : undefined;
  };
  for (const g of groups) {
    const [i, r, k] = [of(g, columns.indicator), of(g, columns.region), of(g, columns.regionCode)];
    if (i) for (let row = 0; row < g.rows; row++) if (i.codes[row] >= 0) indicators.add(cellText(i.dict[i.codes[row]]));
    if (!r) continue;
    const names = r.dict.map(cellText);
    const codes = k ? k.dict.map(cellText) : [];
    for (let row = 0; row < g.rows; row++) {
      const region = r.codes[row] >= 0 ? names[r.codes[row]] : '';
      if (regions.has(region)) continue;
      const code = k && k.codes[row] >= 0 ? codes[k.codes[row]] : '';
      regions.set(region, code !== '' ? { name: region, code } : { name: region });
    }
  }
  const hasIndicator = columns.indicator !== undefined;
  const spec: ManifestDataset = { id: 'file', name, columns, files: [{ path, bytes: buffer.byteLength, rows: Number(meta.num_rows) }], indicators: hasIndicator ? [...indicators] : [indicatorName], regions: [...regions.values()] };
  if (!hasIndicator) spec.indicator = indicatorName;
  return { base, spec };
}
