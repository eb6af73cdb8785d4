/**
 * JSON → grid: an array of objects, an object wrapping such an array (`{ data: [...] }`), or
 * `{ columns, rows }`. Keys from the file are only ever read, never used to build our objects.
 */
import { numberToText } from './text';
import type { Grid } from './types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isRecord(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function cellText(v: Json | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberToText(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function fromObjects(items: Json[]): Grid {
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (!isRecord(item)) continue;
    for (const k of Object.keys(item)) {
      if (seen.has(k)) continue;
      seen.add(k);
      headers.push(k);
    }
  }
  const rows = items.map((item) =>
    headers.map((h) => (isRecord(item) && Object.prototype.hasOwnProperty.call(item, h) ? cellText(item[h]) : '')),
  );
  return [headers, ...rows];
}

function fromColumnsRows(columns: Json[], rows: Json[]): Grid {
  const headers = columns.map((c) => (isRecord(c) ? cellText(c.name ?? c.title ?? c.id) : cellText(c)));
  const body = rows.map((r) =>
    Array.isArray(r) ? r.map(cellText) : isRecord(r) ? headers.map((h) => (Object.prototype.hasOwnProperty.call(r, h) ? cellText(r[h]) : '')) : [cellText(r)],
  );
  return [headers, ...body];
}

/**
 * Read JSON text into a grid whose first row is the header. Returns null when the shape is not
 * one we know.
 * @example readJson('[{"地区":"道里区","2024":6.04}]') // [['地区', '2024'], ['道里区', '6.04']]
 */
export function readJson(text: string): Grid | null {
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch {
    return null;
  }
  if (Array.isArray(parsed)) return parsed.length === 0 || isRecord(parsed[0]) ? fromObjects(parsed) : null;
  if (!isRecord(parsed)) return null;
  const columns = parsed.columns ?? parsed.fields ?? parsed.headers;
  const rows = parsed.rows ?? parsed.data ?? parsed.values;
  if (Array.isArray(columns) && Array.isArray(rows)) return fromColumnsRows(columns, rows);
  for (const k of Object.keys(parsed)) {
    const v = parsed[k];
    if (Array.isArray(v) && v.length > 0 && isRecord(v[0])) return fromObjects(v);
  }
  return null;
}
