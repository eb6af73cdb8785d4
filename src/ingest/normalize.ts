/**
 * One raw entry → one observation, or an issue saying why not. Units come from the cell, the unit
 * column, the column header, the indicator name, the `单位：` line or the default, in that order.
 */
import type { ChangeType, Citation, Grain, ImportIssue, Observation, ValueKind } from '../domain/types';
import type { Locale } from '../domain/messages';
import { splitHeaderUnit, type HeaderUnit } from './header-unit';
import { makeIssue } from './issues';
import { isPeriodPart, parsePeriod, withYear } from './parse-period';
import { parseQuantity, readPlain } from './parse-quantity';
import { parseRegion, type ParsedRegion } from './parse-region';
import { numberToText } from './text';
import type { RawEntry } from './unpivot';

/** What holds for the whole file when normalizing entries. @example { locale: 'zh', unit: '万元', defaults: {} } */
export interface NormalizeContext {
  locale: Locale;
  /** Unit from a `单位：` line. */
  unit?: string;
  /** The one year the title names, for columns headed `3月` or `一季度`. */
  year?: string;
  defaults: { region?: string; indicator?: string; period?: string; unit?: string };
  /** Periods repeat on every row of a long table: parse each text once per import. */
  periodCache?: Map<string, ReturnType<typeof parsePeriod>>;
  /** Region and indicator cells repeat too (a million rows, a few hundred names): read each once. */
  regionCache?: Map<string, ParsedRegion>;
  indicatorCache?: Map<string, HeaderUnit>;
  /** The last of each read (runs of one region or indicator skip the caches' lookups). */
  lastReads?: LastReads;
}

const CACHE_LIMIT = 100_000;

/** `parse(text)` through `cache`; the results are never mutated, so one object serves every row. */
function cached<T>(cache: Map<string, T>, text: string, parse: (text: string) => T): T {
  let v = cache.get(text);
  if (v === undefined) {
    v = parse(text);
    if (cache.size < CACHE_LIMIT) cache.set(text, v);
  }
  return v;
}

/**
 * The last text of one field and what it was read as. A long table repeats a region and an
 * indicator for run after run of rows: comparing a cell with the last one is cheaper than hashing
 * it (each cell is a new string, whose hash is computed on its first lookup) for the cache.
 */
interface LastRead<T> {
  text: string | undefined;
  value: T;
}

/** `cached`, with the field's last text and value tried first. */
function cachedRun<T>(last: LastRead<T>, cache: Map<string, T>, text: string, parse: (text: string) => T): T {
  if (text === last.text) return last.value;
  const v = cached(cache, text, parse);
  last.text = text;
  last.value = v;
  return v;
}

/** The last region, indicator and period text read, and what each was read as (`cachedRun`). */
export interface LastReads {
  indicator: LastRead<HeaderUnit>;
  region: LastRead<ParsedRegion>;
  period: LastRead<ReturnType<typeof parsePeriod>>;
}

function noLastReads(): LastReads {
  return {
    indicator: { text: undefined, value: { name: '', unit: '' } },
    region: { text: undefined, value: { name: '', isTotal: false } },
    period: { text: undefined, value: null },
  };
}

const CHANGE_WORDS = /change|变化|增速|增幅|增长率|增减|同比|环比|比上年|较上年/i;

/**
 * Normalize one entry. Returns the observation (or undefined) and any issues about it.
 * @example normalizeEntry(entry, { locale: 'zh', defaults: {} }).observation?.value // 60400
 */
export function normalizeEntry(e: RawEntry, ctx: NormalizeContext): { observation?: Observation; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const f = emptyFields();
  return normalizeFields(e, ctx, issues, f) ? { observation: toObservation(f), issues } : { issues };
}

/**
 * An observation as the walk makes it: one object per walk, rewritten for every value, so that a
 * file of millions of values makes no object per value unless one is asked for (`toObservation`).
 * Optional fields are undefined when the observation has none; `row` and `column` are its source.
 */
export interface ObservationFields {
  region: string;
  indicator: string;
  period: string;
  value: number;
  unit: string;
  periodLabel: string;
  grain: Grain;
  displayUnit: string;
  kind: ValueKind;
  approximate: boolean;
  isTotal: boolean;
  row: number;
  column: string;
  regionCode: string | undefined;
  changeType: ChangeType | undefined;
  sourceText: string | undefined;
  /** The entry's own cells: `toObservation` copies them. */
  citations: readonly Citation[] | undefined;
  target: number | undefined;
}

/** A fields object for `normalizeFields` to fill. */
export function emptyFields(): ObservationFields {
  return { region: '', indicator: '', period: '', value: 0, unit: '', periodLabel: '', grain: 'year', displayUnit: '', kind: 'level', approximate: false, isTotal: false, row: 0, column: '', regionCode: undefined, changeType: undefined, sourceText: undefined, citations: undefined, target: undefined };
}

/**
 * Normalize one entry into `f` (every field rewritten); false when it gives no observation. Its
 * issues are pushed onto `issues`. Nothing is allocated for a plain value.
 * @example if (normalizeFields(entry, ctx, issues, f)) blocks.add(f)
 */
export function normalizeFields(e: RawEntry, ctx: NormalizeContext, issues: ImportIssue[], f: ObservationFields): boolean {
  const last = (ctx.lastReads ??= noLastReads());
  const indicatorCell = cachedRun(last.indicator, (ctx.indicatorCache ??= new Map()), e.indicatorText, splitHeaderUnit);
  // A long table's value header (`完成数`) names an indicator only when nothing better does; a
  // wide table's column header (`面积（万亩）`) is the indicator.
  const fromColumn = e.column.role === 'value' ? ctx.defaults.indicator || e.column.indicator : e.column.indicator || ctx.defaults.indicator;
  const indicator = indicatorCell.name || fromColumn || '';
  const unitContext = e.unitText || e.column.unit || indicatorCell.unit || ctx.unit || ctx.defaults.unit || '';

  // A plain decimal is read without an object of its own; anything else by the general parser.
  const q = readPlain(e.valueText, unitContext) ?? parseQuantity(e.valueText, unitContext);
  if (q.status === 'empty') return false;
  if (q.status === 'error') {
    issues.push(makeIssue(ctx.locale, 'not_a_number', 'error', placeOf(e)));
    return false;
  }

  const periodText = periodOf(e, ctx);
  if (periodText === '') {
    issues.push(makeIssue(ctx.locale, 'missing_period', 'error', { row: e.row, column: e.periodColumn, raw: '' }));
    return false;
  }
  const period = cachedRun(last.period, (ctx.periodCache ??= new Map()), periodText, parsePeriod);
  if (!period) {
    issues.push(makeIssue(ctx.locale, 'bad_period', 'error', { row: e.row, column: e.periodColumn, raw: periodText }));
    return false;
  }

  const region = cachedRun(last.region, (ctx.regionCache ??= new Map()), e.regionText || ctx.defaults.region || '', parseRegion);
  const code = e.regionCodeText || region.code;
  // A row with only a division code is still a region: the code names it.
  f.region = region.name || code || '';
  f.indicator = indicator;
  f.period = period.key;
  f.value = q.value;
  f.unit = q.unit;
  f.periodLabel = period.label;
  f.grain = period.grain;
  f.displayUnit = q.displayUnit;
  f.kind = q.kind;
  f.approximate = q.approximate;
  f.isTotal = region.isTotal;
  f.row = e.row;
  f.column = e.column.header;
  f.regionCode = code ? code : undefined;
  f.changeType = q.changeType ? q.changeType : undefined;
  applyKindColumn(f, e.kindText);
  f.sourceText = e.sourceText !== '' ? e.sourceText : undefined;
  f.citations = e.citations;
  if (q.warning === 'double_multiplier') {
    issues.push(makeIssue(ctx.locale, 'double_multiplier', 'warning', placeOf(e), { value: numberToText(q.value), unit: q.unit }));
  }
  f.target = undefined;
  if (e.targetText !== '') {
    const t = parseQuantity(e.targetText, unitContext);
    if (t.status === 'ok') f.target = t.value;
    else if (t.status === 'error') issues.push(makeIssue(ctx.locale, 'bad_target', 'warning', { row: e.row, column: e.targetColumn, raw: e.targetText }));
  }
  return true;
}

/**
 * The observation `f` describes, as an object of its own (optional fields only where present).
 * @example const o = toObservation(f)
 */
export function toObservation(f: Readonly<ObservationFields>): Observation {
  const source = { row: f.row, column: f.column };
  // The code is in the literal, not added after: a property added to a made object costs a
  // second allocation (its property store).
  const o: Observation =
    f.regionCode !== undefined
      ? { region: f.region, indicator: f.indicator, period: f.period, value: f.value, unit: f.unit, periodLabel: f.periodLabel, grain: f.grain, displayUnit: f.displayUnit, kind: f.kind, approximate: f.approximate, isTotal: f.isTotal, source, regionCode: f.regionCode }
      : { region: f.region, indicator: f.indicator, period: f.period, value: f.value, unit: f.unit, periodLabel: f.periodLabel, grain: f.grain, displayUnit: f.displayUnit, kind: f.kind, approximate: f.approximate, isTotal: f.isTotal, source };
  if (f.changeType !== undefined) o.changeType = f.changeType;
  if (f.sourceText !== undefined) o.sourceText = f.sourceText;
  if (f.citations) o.citations = f.citations.map((c) => ({ ...c }));
  if (f.target !== undefined) o.target = f.target;
  return o;
}

/** Where an issue about an entry's value points: made only for an entry that has one. */
function placeOf(e: RawEntry): { row: number; column: string; raw: string } {
  return { row: e.row, column: e.column.header, raw: e.valueText };
}

/** The period text of an entry: a column header period wins over the row's, a part (`3月`) takes its year from the row, the title or the default. */
function periodOf(e: RawEntry, ctx: NormalizeContext): string {
  const rowText = e.periodText || ctx.defaults.period || '';
  const col = e.column.period;
  if (col === undefined) return rowText;
  if (!isPeriodPart(col)) return col;
  const rowPeriod = rowText === '' ? null : cached((ctx.periodCache ??= new Map()), rowText, parsePeriod);
  const year = rowPeriod?.key.slice(0, 4) ?? ctx.year;
  return year === undefined ? '' : withYear(year, col);
}

/** A 类型 column saying `同比`/`change` marks a bare number as a change. */
function applyKindColumn(f: ObservationFields, kindText: string): void {
  if (kindText === '') return;
  if (CHANGE_WORDS.test(kindText) && f.kind === 'level') {
    f.kind = 'change';
    f.changeType = f.unit === '%' ? 'relative' : /百分点$/.test(f.unit) ? 'points' : 'absolute';
  }
}

/**
 * Remembers region × indicator × period (× kind) keys to report duplicates; the first is kept.
 * @example const seen = new DuplicateGuard(); seen.firstRow(o) // undefined the first time
 */
export class DuplicateGuard {
  // Nested maps keyed by the observation's own strings (shared by every row through the import's
  // caches, their hashes computed once): a joined key was a new string per value to build and
  // hash, the walk's largest single cost at ten million values.
  private readonly rows = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  // A long table repeats indicator, code and region for run after run of periods: the last
  // run's map of keys is kept, so most values look up one map, not three.
  private last: { indicator: string; code: string; region: string; keys: Map<string, number> } | undefined;

  /** The row of an earlier record with the same key, or undefined (and remember this one). */
  firstRow(o: Observation): number | undefined {
    return this.firstOf(o.indicator, o.regionCode ?? '', o.region, o.period, o.kind, o.changeType, o.source?.row ?? 0);
  }

  /** `firstRow` of the walk's fields. */
  firstRowOf(f: Readonly<ObservationFields>): number | undefined {
    return this.firstOf(f.indicator, f.regionCode ?? '', f.region, f.period, f.kind, f.changeType, f.row);
  }

  /** Whether a record with this key was seen (nothing is remembered). */
  has(
    indicator: string,
    code: string,
    region: string,
    period: string,
    kind: ValueKind | undefined,
    changeType: ChangeType | undefined,
  ): boolean {
    const last = this.last;
    let keys: Map<string, number> | undefined;
    if (last !== undefined && last.indicator === indicator && last.code === code && last.region === region) keys = last.keys;
    else {
      keys = this.rows.get(indicator)?.get(code)?.get(region);
      if (keys !== undefined) this.last = { indicator, code, region, keys };
    }
    return keys !== undefined && keys.has(keyOf(period, kind, changeType));
  }

  private firstOf(indicator: string, code: string, region: string, period: string, kind: ValueKind | undefined, changeType: ChangeType | undefined, row: number): number | undefined {
    const keys = this.keysOf(indicator, code, region);
    const key = keyOf(period, kind, changeType);
    const first = keys.get(key);
    if (first === undefined) keys.set(key, row);
    return first;
  }

  private keysOf(indicator: string, code: string, region: string): Map<string, number> {
    const last = this.last;
    if (last !== undefined && last.indicator === indicator && last.code === code && last.region === region) return last.keys;
    const keys = childOf(childOf(childOf(this.rows, indicator), code), region);
    this.last = { indicator, code, region, keys };
    return keys;
  }
}

/** A record's key among those of one indicator, code and region. */
function keyOf(period: string, kind: ValueKind | undefined, changeType: ChangeType | undefined): string {
  // Periods never hold \u0001, so a level's bare period cannot meet another kind's key.
  return kind === 'level' && changeType === undefined ? period : `${period}\u0001${kind ?? ''}\u0001${changeType ?? ''}`;
}

function childOf<V>(parent: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let child = parent.get(key);
  if (child === undefined) parent.set(key, (child = new Map()));
  return child;
}
