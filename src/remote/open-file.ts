/**
 * One Parquet file by address (no manifest): its columns are shown with the roles an import
 * would give them (from the first rows, `inferRoles`), the user corrects them, and the dataset is
 * opened with that mapping, which is kept with the address. Listing its indicators and regions
 * reads those two columns of the whole file (dictionary-encoded, a small part of it); values are
 * read per view like any remote dataset's.
 */
import { parquetMetadataAsync, parquetRead } from 'hyparquet';
import { inferRoles } from '../ingest/infer-roles';
import { cellText, checkParquetMetadata, flatColumns, guardedCompressors } from '../ingest/read-parquet';
import type { Region } from '../domain/types';
import type { ColumnMap, ManifestDataset } from './manifest';
import { rangeBuffer } from './range-buffer';
import { ParquetFileError } from './remote-dataset';

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
  let rows: unknown[][] = [];
  await parquetRead({ file: buffer, metadata: meta, columns: listed, rowFormat: 'array', compressors: guardedCompressors, onComplete: (r) => (rows = r) });
  const indicators = new Set<string>();
  const regions = new Map<string, Region>();
  const at = (c: string | undefined): number => (c === undefined ? -1 : listed.indexOf(c));
  const [i, r, k] = [at(columns.indicator), at(columns.region), at(columns.regionCode)];
  for (const row of rows) {
    if (i >= 0) indicators.add(cellText(row[i]));
    const region = cellText(row[r]);
    if (!regions.has(region)) regions.set(region, k >= 0 && cellText(row[k]) !== '' ? { name: region, code: cellText(row[k]) } : { name: region });
  }
  const spec: ManifestDataset = { id: 'file', name, columns, files: [{ path, bytes: buffer.byteLength, rows: Number(meta.num_rows) }], indicators: i >= 0 ? [...indicators] : [indicatorName], regions: [...regions.values()] };
  if (i < 0) spec.indicator = indicatorName;
  return { base, spec };
}
