/**
 * Reading backup files of every version this app has written. Each version has a reader that
 * checks the file's shape and brings it to the current version, so an old backup still restores.
 */
import { GRAINS, VALUE_KINDS, type Observation } from '../domain/types';
import { BACKUP_COLUMN_NAMES, toBackupColumns } from './backup-columns';
import { decodeCitations } from './columns';
import { StoreError } from './errors';
import { validTableRecord } from './backup-tables';
import type { BackupColumns, WorkspaceBackup } from './types';

/** The `format` field of every backup file. */
export const BACKUP_FORMAT = 'indicator-dashboard-backup';
/** The version `exportWorkspace` writes. */
export const BACKUP_VERSION = 3;

type Reader = (raw: Record<string, unknown>) => WorkspaceBackup;

const GRAIN_SET: ReadonlySet<unknown> = new Set(GRAINS);
const KIND_SET: ReadonlySet<unknown> = new Set(VALUE_KINDS);
const CHANGE_TYPES = new Set(['relative', 'absolute', 'points', 'multiple']);
const STATUSES = new Set(['complete', 'deleted', 'superseded']);

/**
 * Readers by file version.
 * - 1: observations as one object per value (`{ datasetId, rows: Observation[] }` per dataset).
 * - 2: observations as plain-array columns per dataset, about a third of the size.
 * - 3: version 2 plus `tables` (ledgers, region aliases, remote datasets: every other table).
 */
const READERS = new Map<number, Reader>([
  [1, readVersion1],
  [2, readVersion2],
  [3, readVersion3],
]);

/**
 * Check a parsed backup file and bring it to the current version. Throws
 * `StoreError('backup-format')` for something that is not a backup, `'backup-version'` for a
 * version this app cannot read.
 * @example const backup = readBackup(JSON.parse(text))
 */
export function readBackup(raw: unknown): WorkspaceBackup {
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) throw invalid('format');
  const reader = typeof raw.version === 'number' ? READERS.get(raw.version) : undefined;
  if (!reader) throw new StoreError('backup-version', { version: String(raw.version) });
  return reader(raw);
}

function readVersion1(raw: Record<string, unknown>): WorkspaceBackup {
  const observations = list(raw.observations, 'observations').map((entry) => {
    if (!isRecord(entry) || typeof entry.datasetId !== 'string') throw invalid('observations');
    return toBackupColumns(entry.datasetId, list(entry.rows, 'observations.rows').map(readObservationV1));
  });
  return readVersion2({ ...raw, version: 2, observations });
}

/** Shape only; the field checks run on the columns built from these rows, as for version 2. */
function readObservationV1(row: unknown): Observation {
  if (!isRecord(row)) throw invalid('observations.rows');
  const source = row.source;
  if (source !== undefined && !(isRecord(source) && typeof source.row === 'number')) throw invalid('observations.source');
  return row as unknown as Observation;
}

function readVersion3(raw: Record<string, unknown>): WorkspaceBackup {
  const tables = raw.tables;
  if (!isRecord(tables)) throw invalid('tables');
  // Keys are table names from the file: a null-prototype record keeps `__proto__` a plain name.
  const read = Object.create(null) as Record<string, unknown[]>;
  for (const name of Object.keys(tables)) {
    read[name] = list(tables[name], `tables.${name}`).map((r) => {
      if (!isRecord(r) || !validTableRecord(name, r)) throw invalid(`tables.${name}`);
      return r;
    });
  }
  return { ...readVersion2(raw), tables: read };
}

/** Version 2 has no `tables`: its workspace had none of those tables (they came with version 3). */
function readVersion2(raw: Record<string, unknown>): WorkspaceBackup {
  const datasets = list(raw.datasets, 'datasets').map((d) => {
    if (!isRecord(d) || typeof d.id !== 'string' || typeof d.name !== 'string' || !STATUSES.has(d.status as string)) {
      throw invalid('datasets');
    }
    return d as unknown as WorkspaceBackup['datasets'][number];
  });
  const datasetIds = new Set(datasets.map((d) => d.id));
  const observations = list(raw.observations, 'observations').map((c) => readColumns(c, datasetIds));
  return {
    format: BACKUP_FORMAT,
    version: 3,
    exportedAt: typeof raw.exportedAt === 'string' ? raw.exportedAt : '',
    datasets,
    observations,
    indicators: records(raw.indicators, 'indicators', (r) => typeof r.name === 'string' && Array.isArray(r.targets)),
    regions: records(raw.regions, 'regions', (r) => typeof r.name === 'string'),
    views: records(raw.views, 'views', (r) => typeof r.id === 'string' && typeof r.name === 'string' && isRecord(r.spec)),
    decks: records(raw.decks, 'decks', (r) => typeof r.id === 'string' && typeof r.name === 'string' && Array.isArray(r.slides)),
    settings: records(raw.settings, 'settings', (r) => typeof r.key === 'string'),
    maps: records(
      raw.maps,
      'maps',
      (r) => typeof r.id === 'string' && typeof r.name === 'string' && typeof r.caption === 'string' && typeof r.geojson === 'string',
    ),
    tables: Object.create(null) as Record<string, unknown[]>,
  };
}

function readColumns(raw: unknown, datasetIds: ReadonlySet<string>): BackupColumns {
  if (!isRecord(raw) || typeof raw.datasetId !== 'string' || !datasetIds.has(raw.datasetId)) throw invalid('observations');
  const n = Array.isArray(raw.value) ? raw.value.length : -1;
  for (const name of BACKUP_COLUMN_NAMES) {
    const column = raw[name];
    if (!Array.isArray(column) || column.length !== n) throw invalid(`observations.${name}`);
  }
  const c = raw as unknown as BackupColumns;
  const every = <T>(column: T[], ok: (v: T) => boolean, name: string) => {
    for (const v of column) if (!ok(v)) throw invalid(`observations.${name}`);
  };
  const text = (v: unknown) => typeof v === 'string';
  const optText = (v: unknown) => v === null || typeof v === 'string';
  const optBool = (v: unknown) => v === null || typeof v === 'boolean';
  const optNumber = (v: unknown) => v === null || typeof v === 'number';
  every(c.region, text, 'region');
  every(c.indicator, text, 'indicator');
  every(c.period, text, 'period');
  every(c.unit, text, 'unit');
  every(c.value, (v) => typeof v === 'number', 'value');
  every(c.regionCode, optText, 'regionCode');
  every(c.periodLabel, optText, 'periodLabel');
  every(c.displayUnit, optText, 'displayUnit');
  every(c.sourceColumn, optText, 'sourceColumn');
  every(c.sourceText, optText, 'sourceText');
  every(c.grain, (v) => v === null || GRAIN_SET.has(v), 'grain');
  every(c.kind, (v) => v === null || KIND_SET.has(v), 'kind');
  every(c.changeType, (v) => v === null || CHANGE_TYPES.has(v), 'changeType');
  every(c.approximate, optBool, 'approximate');
  every(c.isTotal, optBool, 'isTotal');
  every(c.target, optNumber, 'target');
  every(c.sourceRow, (v) => v === null || (Number.isInteger(v) && v >= 0 && v <= 0xffffffff), 'sourceRow');
  // Optional: backups written before values kept several provenance cells have no such column.
  if (c.citations !== undefined) {
    if (!Array.isArray(c.citations) || c.citations.length !== n) throw invalid('observations.citations');
    every(c.citations, (v) => v === null || (typeof v === 'string' && decodeCitations(v) !== undefined), 'citations');
  }
  return c;
}

function records<T>(raw: unknown, name: string, ok: (r: Record<string, unknown>) => boolean): T[] {
  return list(raw, name).map((r) => {
    if (!isRecord(r) || !ok(r)) throw invalid(name);
    return r as unknown as T;
  });
}

function list(raw: unknown, name: string): unknown[] {
  if (!Array.isArray(raw)) throw invalid(name);
  return raw;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function invalid(field: string): StoreError {
  return new StoreError('backup-format', { field });
}
