/**
 * Reviewing a report's figures before they are stored: each figure becomes a row whose indicator,
 * region, period, unit and kind a person can correct, accept or drop; indicators written two ways
 * are merged on request; the accepted rows become observations whose provenance is the report,
 * the paragraph and the sentence. Pure: every function returns new rows and never changes its
 * input, so the page's state is a plain value and the tests need no browser.
 */
import type { ChangeType, Citation, Grain, ImportIssue, Observation, ValueKind } from '../domain/types';
import type { Locale } from '../domain/messages';
import { parsePeriod } from '../ingest/parse-period';
import { parseQuantity } from '../ingest/parse-quantity';
import { makeIssue } from '../ingest/issues';
import { DuplicateGuard } from '../ingest/normalize';
import { matchRegion } from '../regions';
import type { ExtractResult, Figure } from './types';

/** What a reviewer decided about a figure. */
export type RowStatus = 'pending' | 'accepted' | 'dropped';

/**
 * One figure under review: the figure as found (never changed) and the fields as they now stand.
 * @example { id: 0, indicator: '保护性耕作面积', region: '哈尔滨市道里区', period: '2024', value: 60400, unit: '亩', displayUnit: '万亩', status: 'pending', … }
 */
export interface ReviewRow {
  /** The figure's place in the extractor's list; stable through edits. */
  id: number;
  figure: Figure;
  indicator: string;
  region: string;
  regionCode?: string;
  /** Normalized key (`2024-06`); '' when the text typed is not a period. */
  period: string;
  /** The period as written or typed (`截至2024年6月底`). */
  periodLabel: string;
  grain?: Grain;
  value: number;
  unit: string;
  displayUnit?: string;
  kind: ValueKind;
  changeType?: ChangeType;
  approximate?: boolean;
  status: RowStatus;
}

/** The report being reviewed: where its rows come from and what their provenance says. */
export interface ReportSource {
  /** The report's title (its first line when that is a title), else the file's name without extension. */
  title: string;
  fileName: string;
}

/** A field a row lacks before it can be stored. */
export type RowProblem = 'indicator' | 'region' | 'period';

/** A title is a short first line that is not a sentence; longer lines are the report's text. */
const TITLE_MAX = 80;

/**
 * The report's title: its first line when that reads as a title (short, no full stop), else the
 * file's name without its extension.
 * @example reportTitle('关于整改情况的通报\n正文。', '通报.docx') // '关于整改情况的通报'
 */
export function reportTitle(text: string, fileName: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const [first = '', second = ''] = lines;
  if (first !== '' && first.length <= TITLE_MAX && !SENTENCE_END.test(first) && !first.includes('\t')) {
    // A title a PDF wrapped: its last few characters on a line of their own (…整改进展情况 / 的通报).
    const wrapped = second.length <= WRAPPED_MAX && !SENTENCE_END.test(second) && !NUMBERED.test(second) && !second.includes('\t');
    return wrapped && first.length + second.length <= TITLE_MAX ? first + second : first;
  }
  return fileName.replace(/\.[^.]+$/, '') || fileName;
}

const SENTENCE_END = /[。；;！？!?：:]$/;
/** Headings that open a report's body: 一、 （一） 1. 第一… */
const NUMBERED = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十\d]+)/;
/** The longest line read as the end of a wrapped title. */
const WRAPPED_MAX = 10;

/**
 * Rows for every figure, pending; a figure without its own region or period takes the report's.
 * @example reviewRows(await extractFigures({ name, bytes }))[0].status // 'pending'
 */
export function reviewRows(result: Pick<ExtractResult, 'figures' | 'documentRegion' | 'documentPeriod'>): ReviewRow[] {
  return result.figures.map((figure, id) => {
    const region = figure.region ?? result.documentRegion;
    const period = figure.period ?? result.documentPeriod;
    const row: ReviewRow = {
      id,
      figure,
      indicator: figure.indicator,
      region: region?.name ?? '',
      period: period?.key ?? '',
      periodLabel: period?.label ?? '',
      value: figure.value,
      unit: figure.unit,
      kind: figure.kind,
      status: 'pending',
    };
    if (region?.code) row.regionCode = region.code;
    if (period) row.grain = period.grain as Grain;
    if (figure.displayUnit) row.displayUnit = figure.displayUnit;
    if (figure.changeType) row.changeType = figure.changeType;
    if (figure.approximate) row.approximate = true;
    return row;
  });
}

/** What a reviewer may change in a row: text as typed, and the kind. */
export interface RowEdit {
  indicator?: string;
  region?: string;
  period?: string;
  /** The unit the figure's number is written in (`万亩`); the value is read again in it. */
  unit?: string;
  kind?: ValueKind;
}

/**
 * Apply a reviewer's edit to one row. A region is looked up in the division table for its code
 * (settled near `nearCode`, the report's region); a period is read as the import reads one ('' when
 * it is not a period); a new unit reads the number as written in that unit (6.04 万亩 → 6.04 亩 is
 * 6.04); a change of kind keeps the sign.
 * @example editRow(rows, 3, { indicator: '整改任务数' })
 */
export function editRow(rows: readonly ReviewRow[], id: number, edit: RowEdit, nearCode?: string): ReviewRow[] {
  return rows.map((row) => (row.id === id ? applyEdit(row, edit, nearCode) : row));
}

function applyEdit(row: ReviewRow, edit: RowEdit, nearCode: string | undefined): ReviewRow {
  const next: ReviewRow = { ...row };
  if (edit.indicator !== undefined) next.indicator = edit.indicator.trim();
  if (edit.region !== undefined) {
    next.region = edit.region.trim();
    delete next.regionCode;
    const match = next.region ? matchRegion(next.region, nearCode ? { near: [nearCode] } : undefined) : undefined;
    if (match?.status === 'matched') next.regionCode = match.division.code;
  }
  if (edit.period !== undefined) {
    const label = edit.period.trim();
    const parsed = label ? parsePeriod(label) : null;
    next.periodLabel = label;
    next.period = parsed?.key ?? '';
    if (parsed) next.grain = parsed.grain;
    else delete next.grain;
  }
  if (edit.unit !== undefined) setUnit(next, edit.unit.trim());
  if (edit.kind !== undefined && edit.kind !== next.kind) {
    next.kind = edit.kind;
    if (edit.kind === 'level') delete next.changeType;
    else next.changeType = changeTypeOf(next.unit);
  }
  return next;
}

/** How many base units one of the written unit is (万亩 → 10000), by the import's own reading. */
function scaleOf(unit: string): number {
  const one = parseQuantity(`1${unit}`);
  return one.status === 'ok' && one.value !== 0 ? one.value : 1;
}

/**
 * The row's number in the unit it is shown in (its written unit, else its base unit).
 * @example writtenValue({ value: 60400, unit: '亩', displayUnit: '万亩', … }) // { number: 6.04, unit: '万亩' }
 */
export function writtenValue(row: Pick<ReviewRow, 'value' | 'unit' | 'displayUnit'>): { number: number; unit: string } {
  const unit = row.displayUnit ?? row.unit;
  // Rounded to 12 significant digits: 60400 / 10000 is 6.04, not 6.039999….
  return { number: Number((row.value / scaleOf(unit)).toPrecision(12)), unit };
}

/** The number as the report wrote it, now in `unit`: value, base unit and written unit follow. */
function setUnit(row: ReviewRow, unit: string): void {
  const written = writtenValue(row).number;
  const read = parseQuantity(`1${unit}`);
  if (read.status !== 'ok') {
    row.unit = unit;
    delete row.displayUnit;
    row.value = written;
    return;
  }
  row.value = written * read.value;
  row.unit = read.unit;
  if (read.displayUnit && read.displayUnit !== read.unit) row.displayUnit = read.displayUnit;
  else delete row.displayUnit;
  if (row.kind === 'change') row.changeType = changeTypeOf(row.unit);
}

/** As the import types a change by its unit. */
function changeTypeOf(unit: string): ChangeType {
  if (unit === '%') return 'relative';
  if (/百分点$/.test(unit)) return 'points';
  if (unit === '倍') return 'multiple';
  return 'absolute';
}

/**
 * Set the status of the rows `ids` (accept one, drop one, take one back).
 * @example setStatus(rows, [4], 'dropped')
 */
export function setStatus(rows: readonly ReviewRow[], ids: readonly number[], status: RowStatus): ReviewRow[] {
  const chosen = new Set(ids);
  return rows.map((row) => (chosen.has(row.id) && row.status !== status ? { ...row, status } : row));
}

/**
 * Accept every pending row that can be stored; rows lacking a field, and dropped rows, stay as they are.
 * @example acceptAll(rows).filter((r) => r.status === 'accepted').length
 */
export function acceptAll(rows: readonly ReviewRow[]): ReviewRow[] {
  return rows.map((row) => (row.status === 'pending' && rowProblems(row).length === 0 ? { ...row, status: 'accepted' } : row));
}

/**
 * What a row lacks before it can be stored: an indicator, a region, a period the import can read.
 * @example rowProblems({ …row, region: '' }) // ['region']
 */
export function rowProblems(row: ReviewRow): RowProblem[] {
  const problems: RowProblem[] = [];
  if (row.indicator === '') problems.push('indicator');
  if (row.region === '') problems.push('region');
  if (row.period === '') problems.push('period');
  return problems;
}

/**
 * Rows that would store the same region × indicator × period × kind as an earlier row not
 * dropped: row id → the earlier row's id. The earlier one is kept, as the import keeps a file's first.
 * @example duplicateRows(rows).get(7) // 2
 */
export function duplicateRows(rows: readonly ReviewRow[]): Map<number, number> {
  const guard = new DuplicateGuard();
  const out = new Map<number, number>();
  for (const row of rows) {
    if (row.status === 'dropped' || rowProblems(row).length > 0) continue;
    // The guard remembers a "row" number per key: the review row's id + 1 (0 means none).
    const first = guard.firstRow({ ...keyOf(row), source: { row: row.id + 1 } });
    if (first !== undefined) out.set(row.id, first - 1);
  }
  return out;
}

function keyOf(row: ReviewRow): Observation {
  const o: Observation = { region: row.region, indicator: row.indicator, period: row.period, value: row.value, unit: row.unit, kind: row.kind };
  if (row.regionCode) o.regionCode = row.regionCode;
  if (row.changeType) o.changeType = row.changeType;
  return o;
}

/** An indicator under review: its name, its base unit and how many rows (not dropped) name it. */
export interface IndicatorName {
  name: string;
  unit: string;
  count: number;
}

/**
 * The indicators the rows not dropped name, with their units, most rows first.
 * @example indicatorNames(rows)[0] // { name: '整改任务', unit: '项', count: 2 }
 */
export function indicatorNames(rows: readonly ReviewRow[]): IndicatorName[] {
  const byName = new Map<string, IndicatorName>();
  for (const row of rows) {
    if (row.status === 'dropped' || row.indicator === '') continue;
    const key = `${row.indicator}\u0001${row.unit}`;
    const seen = byName.get(key);
    if (seen) seen.count++;
    else byName.set(key, { name: row.indicator, unit: row.unit, count: 1 });
  }
  return [...byName.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh'));
}

/** Words a person adds or leaves out without naming another thing: 整改任务 / 整改任务数. */
const FILLER = /(的|数|数量|总数|总量|个数|次数)$/;

function stem(name: string): string {
  return name.replace(/\s+/g, '').replace(FILLER, '').replace(/的/g, '');
}

/** Two names of one unit that are likely one indicator, and the name to keep (the one more rows use, else the longer). */
export interface MergeSuggestion {
  names: [string, string];
  unit: string;
  into: string;
}

/**
 * Pairs of indicator names, in the same unit, that are probably the same indicator written two
 * ways: equal once filler words are set aside (整改任务 / 整改任务数), or one containing the
 * other with at least four characters (PM10浓度 / PM10平均浓度 is not suggested: 平均 is a meaning).
 * A suggestion only: nothing is merged until the reviewer asks.
 * @example mergeSuggestions(rows) // [{ names: ['整改任务', '整改任务数'], unit: '项', into: '整改任务数' }]
 */
export function mergeSuggestions(rows: readonly ReviewRow[]): MergeSuggestion[] {
  const names = indicatorNames(rows);
  const out: MergeSuggestion[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i];
      const b = names[j];
      if (a.unit !== b.unit || !similar(a.name, b.name)) continue;
      const into = a.count !== b.count ? a.name : a.name.length >= b.name.length ? a.name : b.name;
      out.push({ names: [a.name, b.name], unit: a.unit, into });
    }
  }
  return out;
}

function similar(a: string, b: string): boolean {
  const sa = stem(a);
  const sb = stem(b);
  if (sa === sb) return sa !== '';
  const [short, long] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
  return short.length >= 4 && (long.startsWith(short) || long.endsWith(short));
}

/**
 * Name every row of `names` (in any unit) `into`: the same indicator written two ways becomes one.
 * @example mergeIndicators(rows, ['整改任务', '整改任务数'], '整改任务数')
 */
export function mergeIndicators(rows: readonly ReviewRow[], names: readonly string[], into: string): ReviewRow[] {
  const target = into.trim();
  if (target === '') return rows.slice();
  const merged = new Set(names);
  return rows.map((row) => (merged.has(row.indicator) && row.indicator !== target ? { ...row, indicator: target } : row));
}

/**
 * The accepted rows as observations, each citing the report (its title), the file and paragraph
 * (shown on hover) and the sentence, as a file's 报告/来源文件/原文 columns do. A row that repeats an
 * earlier one is left out with an issue, as the import leaves out a file's repeated rows.
 * @example reviewObservations(rows, { title: '整改通报', fileName: '通报.docx' }, 'zh').observations[0].citations
 */
export function reviewObservations(
  rows: readonly ReviewRow[],
  source: ReportSource,
  locale: Locale,
): { observations: Observation[]; issues: ImportIssue[] } {
  const observations: Observation[] = [];
  const issues: ImportIssue[] = [];
  const guard = new DuplicateGuard();
  for (const row of rows) {
    if (row.status !== 'accepted' || rowProblems(row).length > 0) continue;
    const o = observationOf(row, source);
    const first = guard.firstRow(o);
    if (first !== undefined) {
      issues.push(makeIssue(locale, 'duplicate', 'warning', { row: o.source!.row, raw: row.figure.raw }, { first }));
      continue;
    }
    observations.push(o);
  }
  return { observations, issues };
}

function observationOf(row: ReviewRow, source: ReportSource): Observation {
  const f = row.figure;
  const citations: Citation[] = [
    { label: '报告', text: source.title },
    { label: '来源文件', text: `${source.fileName} · 第${f.paragraph + 1}段` },
    { label: '原文', text: f.sentence },
  ];
  const o: Observation = {
    region: row.region,
    indicator: row.indicator,
    period: row.period,
    value: row.value,
    unit: row.unit,
    kind: row.kind,
    // The paragraph is the report's "row": the rows table's 行 column and the duplicate message say it.
    source: { row: f.paragraph + 1 },
    sourceText: source.title,
    citations,
  };
  if (row.regionCode) o.regionCode = row.regionCode;
  if (row.periodLabel) o.periodLabel = row.periodLabel;
  if (row.grain) o.grain = row.grain;
  if (row.displayUnit) o.displayUnit = row.displayUnit;
  if (row.changeType) o.changeType = row.changeType;
  if (row.approximate) o.approximate = true;
  if (f.target && f.target.unit === row.unit && row.kind === 'level') o.target = f.target.value;
  return o;
}

