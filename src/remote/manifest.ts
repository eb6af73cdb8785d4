/**
 * The manifest of a folder of Parquet partitions: which files hold which dataset and indicators,
 * and which column holds what. Written by 发布到内网 and by anyone who exports a dataset (a DuckDB
 * script, see docs/publish.md); read here, validated, never trusted: paths stay inside the
 * folder, sizes are bounded, unknown fields are dropped.
 */
import type { Indicator, Region } from '../domain/types';

/** Which Parquet column holds each part of an observation. */
export interface ColumnMap {
  region: string;
  period: string;
  value: string;
  /** Absent when the dataset is of one indicator (`indicator` of the dataset names it). */
  indicator?: string;
  unit?: string;
  regionCode?: string;
  /**
   * Written by 发布到内网: the files hold observations as the store keeps them (values in base
   * units, `unit` the base unit) in columns named as `NATIVE_COLUMNS`; no unit is parsed.
   */
  native?: boolean;
}

/** Observation fields a published file may carry, by column name. */
export const NATIVE_COLUMNS = {
  region: 'region',
  regionCode: 'region_code',
  indicator: 'indicator',
  period: 'period',
  periodLabel: 'period_label',
  grain: 'grain',
  value: 'value',
  unit: 'unit',
  displayUnit: 'display_unit',
  kind: 'kind',
  changeType: 'change_type',
  approximate: 'approximate',
  isTotal: 'is_total',
  target: 'target',
  sourceText: 'source_text',
} as const;

/** One Parquet file of a dataset; `indicators` lets a view skip the files it does not need. */
export interface ManifestFile {
  path: string;
  bytes?: number;
  rows?: number;
  indicators?: string[];
}

/** A dataset in the folder. */
export interface ManifestDataset {
  id: string;
  name: string;
  source?: string;
  /** The one indicator, when the files have no indicator column. */
  indicator?: string;
  columns: ColumnMap;
  files: ManifestFile[];
  /** Every indicator and region, so the lists show before any value is read. */
  indicators?: string[];
  regions?: Region[];
}

/** A manifest, version 1. */
export interface ParquetManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  title?: string;
  /** ISO instant of publishing, and who published (shown as 数据截至 … · 发布人 …). */
  publishedAt?: string;
  publisher?: string;
  /** The last period of the data, as the publisher states it. */
  dataAsOf?: string;
  datasets: ManifestDataset[];
  /** Indicator settings (units, polarity, targets) the views use. */
  indicators?: Indicator[];
  /** Saved views and decks of a published folder, as the store keeps them. */
  views?: unknown[];
  decks?: unknown[];
  /** The boundary files the published map views are drawn on, as the store keeps them. */
  maps?: unknown[];
}

export const MANIFEST_FORMAT = 'indicator-dashboard/parquet';
const MAX_FILES = 20_000;
const MAX_NAMES = 200_000;

/** Why a manifest was refused, as an issue code. */
export type ManifestProblem = 'manifest_not_json' | 'manifest_format' | 'manifest_bad';

/**
 * Read a manifest's text: the manifest, or why not.
 * @example parseManifest(text) // { manifest } or { problem: 'manifest_format' }
 */
export function parseManifest(text: string): { manifest: ParquetManifest } | { problem: ManifestProblem; detail?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: 'manifest_not_json' };
  }
  if (!isObject(raw) || raw.format !== MANIFEST_FORMAT || raw.version !== 1) return { problem: 'manifest_format' };
  if (!Array.isArray(raw.datasets)) return { problem: 'manifest_bad', detail: 'datasets' };
  const datasets: ManifestDataset[] = [];
  for (const d of raw.datasets) {
    const ds = readDataset(d);
    if (typeof ds === 'string') return { problem: 'manifest_bad', detail: ds };
    datasets.push(ds);
  }
  const manifest: ParquetManifest = { format: MANIFEST_FORMAT, version: 1, datasets };
  for (const key of ['title', 'publishedAt', 'publisher', 'dataAsOf'] as const) if (typeof raw[key] === 'string') manifest[key] = raw[key];
  if (Array.isArray(raw.indicators)) manifest.indicators = raw.indicators.filter((i): i is Indicator => isObject(i) && typeof i.name === 'string' && Array.isArray(i.targets));
  if (Array.isArray(raw.views)) manifest.views = raw.views.filter(isObject);
  if (Array.isArray(raw.decks)) manifest.decks = raw.decks.filter(isObject);
  if (Array.isArray(raw.maps)) manifest.maps = raw.maps.filter(isObject);
  return { manifest };
}

/**
 * Whether a path from a manifest stays inside its folder: relative, no `..`, no scheme, no
 * backslashes. A manifest must not send the viewer's browser to another address.
 * @example safePath('data/v1/ind-01.parquet') // true; safePath('../x') // false
 */
export function safePath(path: string): boolean {
  return /^[A-Za-z0-9_\-./\u4e00-\u9fff]+$/.test(path) && !path.startsWith('/') && !path.split('/').some((p) => p === '..' || p === '' || p === '.') && !/^[a-z]+:/i.test(path);
}

function readDataset(d: unknown): ManifestDataset | string {
  if (!isObject(d) || typeof d.id !== 'string' || typeof d.name !== 'string') return 'dataset id/name';
  const c = d.columns;
  if (!isObject(c) || typeof c.region !== 'string' || typeof c.period !== 'string' || typeof c.value !== 'string') return `columns of ${d.id}`;
  const columns: ColumnMap = { region: c.region, period: c.period, value: c.value };
  for (const key of ['indicator', 'unit', 'regionCode'] as const) if (typeof c[key] === 'string') columns[key] = c[key];
  if (c.native === true) columns.native = true;
  if (!Array.isArray(d.files) || d.files.length === 0 || d.files.length > MAX_FILES) return `files of ${d.id}`;
  const files: ManifestFile[] = [];
  for (const f of d.files) {
    if (!isObject(f) || typeof f.path !== 'string' || !safePath(f.path)) return `a file path of ${d.id}`;
    const file: ManifestFile = { path: f.path };
    if (typeof f.bytes === 'number' && Number.isSafeInteger(f.bytes) && f.bytes > 0) file.bytes = f.bytes;
    if (typeof f.rows === 'number' && Number.isSafeInteger(f.rows) && f.rows >= 0) file.rows = f.rows;
    if (Array.isArray(f.indicators)) file.indicators = strings(f.indicators);
    files.push(file);
  }
  if (columns.indicator === undefined && typeof d.indicator !== 'string') return `indicator of ${d.id}`;
  const ds: ManifestDataset = { id: d.id, name: d.name, columns, files };
  if (typeof d.indicator === 'string') ds.indicator = d.indicator;
  if (typeof d.source === 'string') ds.source = d.source;
  if (Array.isArray(d.indicators)) ds.indicators = strings(d.indicators);
  if (Array.isArray(d.regions)) {
    ds.regions = d.regions
      .slice(0, MAX_NAMES)
      .filter((r): r is Region => isObject(r) && typeof r.name === 'string')
      .map((r) => (typeof r.code === 'string' ? { name: r.name, code: r.code } : { name: r.name }));
  }
  return ds;
}

function strings(list: unknown[]): string[] {
  return list.slice(0, MAX_NAMES).filter((s): s is string => typeof s === 'string');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
