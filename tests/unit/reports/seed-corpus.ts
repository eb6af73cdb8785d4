/**
 * The five seed reports and the figures `data/seed-indicators.csv` copied from them by hand: the
 * yardstick of the extractor. A row matches a figure with the same value in the base unit, the
 * same base unit and the same kind; a figure from the row's own sentence is preferred.
 */
import { readFileSync } from 'node:fs';
import { parseQuantity } from '../../../src/ingest/parse-quantity';
import type { Figure } from '../../../src/reports/types';

export const SEEDS_DIR = new URL('../../../../shared/seeds/', import.meta.url);
export const SEED_FILES = ['000_a9b7e2dc52ccbf64.txt', '001_2321fa2537799393.txt', '002_78a1f664cd3ca32e.txt', '003_858e54f338d6e44c.txt', '004_7d51a802b67c11eb.txt'];

/** One hand-copied row, its value in the base unit. */
export interface SeedRow {
  file: string;
  region: string;
  indicator: string;
  period: string;
  value: number;
  unit: string;
  kind: 'level' | 'change';
  sentence: string;
}

function csvLines(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The CSV's rows, values converted to the base unit by the import's own parser. */
export function seedRows(): SeedRow[] {
  const text = readFileSync(new URL('../../../data/seed-indicators.csv', import.meta.url), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = csvLines(text);
  const col = (name: string): number => header.indexOf(name);
  return rows
    .filter((r) => r.length >= header.length)
    .map((r) => {
      const q = parseQuantity(r[col('数值')] + r[col('单位')]);
      if (q.status !== 'ok') throw new Error(`seed row unreadable: ${r.join(',')}`);
      return {
        file: r[col('来源文件')],
        region: r[col('地区')],
        indicator: r[col('指标')],
        period: r[col('时期')],
        value: q.value,
        unit: q.unit,
        kind: r[col('类型')] === '变化' ? 'change' : 'level',
        sentence: r[col('原文')],
      };
    });
}

export function seedText(file: string): string {
  return readFileSync(new URL(file, SEEDS_DIR), 'utf8');
}

const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const squash = (s: string): string => s.replace(/[\s,，]/g, '');

/** Rows matched to figures, one figure per row at most. */
export interface Matching {
  rows: SeedRow[];
  matched: { row: SeedRow; figure: Figure }[];
  missed: SeedRow[];
  /** Figures no row matched. */
  extra: Figure[];
  recall: number;
  precision: number;
}

/** Match a report's rows to its figures: first within the row's sentence, then anywhere. */
export function matchRows(rows: SeedRow[], figures: Figure[]): Matching {
  const used = new Set<number>();
  const matched: Matching['matched'] = [];
  const missed: SeedRow[] = [];
  const fits = (row: SeedRow, f: Figure): boolean => same(row.value, f.value) && row.unit === f.unit && row.kind === f.kind;
  for (const row of rows) {
    const original = squash(row.sentence);
    let at = figures.findIndex((f, i) => !used.has(i) && fits(row, f) && squash(f.sentence).includes(original.slice(0, 12)));
    if (at < 0) at = figures.findIndex((f, i) => !used.has(i) && fits(row, f));
    if (at < 0) missed.push(row);
    else {
      used.add(at);
      matched.push({ row, figure: figures[at] });
    }
  }
  const extra = figures.filter((_, i) => !used.has(i));
  return {
    rows,
    matched,
    missed,
    extra,
    recall: rows.length === 0 ? 1 : matched.length / rows.length,
    precision: figures.length === 0 ? 1 : matched.length / figures.length,
  };
}
