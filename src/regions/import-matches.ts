/**
 * The regions of one import matched to the table: one row per distinct region as written (name
 * and the code the file gave it, if any), for the import preview to show and the user to correct,
 * and the code each record gets. Records keep their names as written; a matched record gains
 * the division's 6-digit code, so the views join `道里区` and `哈尔滨市道里区` and a map joins
 * a file of county names by code. Totals (合计, 全省) are not matched: they are not divisions.
 */
import type { Observation } from '../domain/types';
import { matchFileRegions } from './match-file';
import type { Match } from './match';
import { ancestorsOf, division } from './table';

/**
 * Whether the user chose, in an earlier preview, to keep `name` as written: its alias has no code.
 * @example keptAsWritten({ 开发区管委会: '' }, '开发区管委会') // true
 */
export function keptAsWritten(aliases: Readonly<Record<string, string>> | ReadonlyMap<string, string> | undefined, name: string): boolean {
  if (!aliases) return false;
  if (aliases instanceof Map) return aliases.get(name) === '';
  return Object.prototype.hasOwnProperty.call(aliases, name) && (aliases as Readonly<Record<string, string>>)[name] === '';
}

/** What the user decided for a name in the preview: a division's code, or `''` to keep it as written. */
export type RegionChoices = Readonly<Record<string, string>>;

/**
 * The context of an import's matching: the province (or city) the user chose, the stored
 * aliases, and the choices made in this preview (by name as written; they win over all else).
 * @example { within: '230000', aliases: { 阿城市: '230112' }, choices: { 鼓楼区: '350102' } }
 */
export interface RegionImportContext {
  within?: string;
  aliases?: Readonly<Record<string, string>>;
  choices?: RegionChoices;
}

/** A candidate division with its parents' names, so two 鼓楼区 can be told apart in a list. */
export interface RegionCandidate {
  code: string;
  name: string;
  /** Parents' names, top first: `福建省 福州市`. */
  path: string;
}

/**
 * One distinct region of the import and what it was matched to.
 * @example { name: '道里区', status: 'matched', division: { code: '230102', name: '道里区', path: '黑龙江省 哈尔滨市' }, via: 'name', values: 12 }
 */
export interface RegionMatchRow {
  /** The name as written. */
  name: string;
  /** The code the file gave it (a code column or a code in the cell). */
  fileCode?: string;
  status: 'matched' | 'ambiguous' | 'unmatched';
  /** For `matched`: the division each record of this name gets the code of. */
  division?: RegionCandidate;
  /** How: the table's rules (`name`, `code`, …), a stored alias, or the user's choice here. */
  via?: 'name' | 'code' | 'code-and-name' | 'alias' | 'choice';
  /** Taken by a default preference (吉林 → 吉林省), or the file's code was not in the table: worth a look. */
  check?: 'assumed' | 'unknown-code' | 'code-only';
  /** For `ambiguous`. */
  candidates?: RegionCandidate[];
  /** Why not matched or why ambiguous (the `Match` reason), or `kept` when the user chose so. */
  reason?: string;
  /** How many records carry this region. */
  values: number;
}

/** The import's matching: a row per region, and the code to give each (name, file code). */
export interface ImportRegionMatches {
  rows: RegionMatchRow[];
  /** Name as written → the file's code (`''` for none) → the code the records get. */
  codes: RegionCodes;
}

/**
 * Name as written → the file's code (`''` for none) → a value. Two levels of `Map` rather than
 * one keyed by a joined string: joining strings for each of a million records took ~0.5 s.
 */
export type RegionCodes = Map<string, Map<string, string>>;

/**
 * The code `codes` gives a region as written with the file's code.
 * @example codeFor(matches.codes, '道里区', undefined) // '230102'
 */
export function codeFor(codes: RegionCodes, name: string, fileCode: string | undefined): string | undefined {
  return codes.get(name)?.get(fileCode ?? '');
}

/**
 * A division as a candidate: code, name, and the names of its parents.
 * @example candidateOf('350102') // { code: '350102', name: '鼓楼区', path: '福建省 福州市' }
 */
export function candidateOf(code: string): RegionCandidate | undefined {
  const d = division(code);
  if (!d) return undefined;
  const path = ancestorsOf(code)
    .map((a) => a.name)
    .reverse()
    .join(' ');
  return { code: d.code, name: d.name, path };
}

/** The cell as `matchRegion` reads it: the name with the file's code in brackets after it. */
function cellText(name: string, fileCode: string | undefined): string {
  if (!fileCode) return name;
  return name ? `${name}(${fileCode})` : fileCode;
}

/**
 * Match every distinct region of `records` (totals left out), with the file's other regions as
 * context, the user's province, aliases and choices. The records are not changed: the caller
 * gives each its code (`assignRegionCodes`).
 * @example matchImportRegions(records, { within: '350000' }).rows[0].status // 'matched'
 */
export function matchImportRegions(records: readonly Observation[], context: RegionImportContext = {}): ImportRegionMatches {
  return matchWrittenRegions(countRegions(records), context);
}

/** A distinct region of an import as written, with how many values it has. */
export interface WrittenRegion {
  name: string;
  fileCode?: string;
  values: number;
}

/**
 * `matchImportRegions` for regions already counted: a caller that never holds the records as
 * objects (it could count them in encoded blocks) matches the same way.
 * @example matchWrittenRegions([{ name: '道里区', values: 3 }]).rows[0].division.code // '230102'
 */
export function matchWrittenRegions(written: readonly WrittenRegion[], context: RegionImportContext = {}): ImportRegionMatches {
  const matches = matchFileRegions(
    written.map((w) => cellText(w.name, w.fileCode)),
    { within: context.within, aliases: context.aliases },
  );
  const rows: RegionMatchRow[] = [];
  const codes: RegionCodes = new Map();
  const choices = context.choices ?? {};
  const aliases = context.aliases ?? {};
  written.forEach((w, i) => {
    const base = { name: w.name, ...(w.fileCode ? { fileCode: w.fileCode } : {}), values: w.values };
    // A name the user kept as written in an earlier preview is stored as an alias with no code.
    const chosen = Object.prototype.hasOwnProperty.call(choices, w.name)
      ? choices[w.name]
      : keptAsWritten(aliases, w.name)
        ? ''
        : undefined;
    const row = chosen !== undefined ? chosenRow(base, chosen) : rowOf(base, matches[i]!);
    rows.push(row);
    if (row.status !== 'matched' || !row.division) return;
    let byCode = codes.get(w.name);
    if (!byCode) codes.set(w.name, (byCode = new Map()));
    byCode.set(w.fileCode ?? '', row.division.code);
  });
  return { rows, codes };
}

/** Distinct regions as written, with how many records each has, in first-seen order. */
function countRegions(records: readonly Observation[]): WrittenRegion[] {
  const seen: Map<string, Map<string, WrittenRegion>> = new Map();
  const out: WrittenRegion[] = [];
  for (let i = 0; i < records.length; i++) {
    const o = records[i]!;
    if (o.isTotal) continue;
    let byCode = seen.get(o.region);
    if (!byCode) seen.set(o.region, (byCode = new Map()));
    const region = byCode.get(o.regionCode ?? '');
    if (region) region.values++;
    else {
      const entry = { name: o.region, ...(o.regionCode ? { fileCode: o.regionCode } : {}), values: 1 };
      byCode.set(o.regionCode ?? '', entry);
      out.push(entry);
    }
  }
  return out;
}

type RowBase = Pick<RegionMatchRow, 'name' | 'fileCode' | 'values'>;

function chosenRow(base: RowBase, code: string): RegionMatchRow {
  const candidate = code ? candidateOf(code) : undefined;
  if (!candidate) return { ...base, status: 'unmatched', reason: 'kept' };
  return { ...base, status: 'matched', division: candidate, via: 'choice' };
}

function rowOf(base: RowBase, m: Match): RegionMatchRow {
  if (m.status === 'unmatched') return { ...base, status: 'unmatched', reason: m.reason };
  if (m.status === 'ambiguous') {
    const candidates = m.candidates.map((d) => candidateOf(d.code)!);
    return { ...base, status: 'ambiguous', candidates, reason: m.reason };
  }
  const check = m.assumed ? 'assumed' : m.unknownCode ? 'unknown-code' : m.via === 'code' ? 'code-only' : undefined;
  return { ...base, status: 'matched', division: candidateOf(m.division.code)!, via: m.via, ...(check ? { check } : {}) };
}

/**
 * Give each record the code its region was matched to. In place: the import worker's own fresh
 * records, where a copy of a million objects would cost more than the import's normalize step.
 * The loop has a function of its own (see `periodsByGrain` in analysis/series.ts for why).
 * @example assignRegionCodes(records, matches.codes) // records[0].regionCode === '230102'
 */
export function assignRegionCodes(records: Observation[], codes: RegionCodes): number {
  let changed = 0;
  if (codes.size === 0) return 0;
  for (let i = 0; i < records.length; i++) {
    const o = records[i]!;
    if (o.isTotal) continue;
    const code = codes.get(o.region)?.get(o.regionCode ?? '');
    if (code !== undefined && code !== o.regionCode) {
      o.regionCode = code;
      changed++;
    }
  }
  return changed;
}
