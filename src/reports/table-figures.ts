/**
 * Figures in a report's tables (a .docx or web page table: one row a line, cells separated by
 * tabs). A cell's number takes its unit from the cell, else the column header (`面积（万亩）`),
 * else the row label, else a `单位：万亩` line above the table; its indicator is the row label,
 * or the column header when the label is a place; a column headed by a period (`2024年`) gives
 * the period, a row labelled by a place the region.
 */
import { parseQuantity } from '../ingest/parse-quantity';
import { parsePeriod } from '../ingest/parse-period';
import { splitHeaderUnit } from '../ingest/header-unit';
import { regionMentions } from './context';
import type { Figure, FigurePeriod, FigureRegion } from './types';

/** One cell of a row: its text (folded) and where it is in the text. */
export interface Cell {
  text: string;
  start: number;
  end: number;
}

/** Columns that number or name rows, or hold contacts: never figures. */
const NOT_FIGURES = /^(序号|编号|序|排名|名次|代码|区划代码|邮编|邮政编码|电话|联系电话|手机|日期|时间|年份|完成时限|时限|责任人|责任单位|牵头单位|备注)$/;
/** A cell that is a number and nothing else (qualifiers and a glued unit allowed). */
const NUMBER_CELL = /^[约近超过逾]*[+-]?\d[\d,]*(\.\d+)?(余|多)?[\p{Script=Han}%‰()（）/]{0,8}$/u;
/**
 * True for a cell that holds a number and nothing else (`6.04`, `500余份`): read by `rowFigures`
 * with its column; other cells are prose, read sentence by sentence.
 * @example isNumberCell('6.04') // true
 */
export function isNumberCell(text: string): boolean {
  return NUMBER_CELL.test(text);
}

/** Header words that name no indicator: the row label does. */
const GENERIC = /^(数量|数值|数据|完成情况|完成数|情况|指标值|值|合计|总计|小计|结果)$/;

/**
 * The cells of a tab-separated row, with offsets; empty cells kept, so columns line up.
 * @example cellsOf('地区\t面积', 0) // [{ text: '地区', start: 0, end: 2 }, { text: '面积', start: 3, end: 5 }]
 */
export function cellsOf(row: string, offset: number): Cell[] {
  const out: Cell[] = [];
  let at = 0;
  for (const part of row.split('\t')) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    out.push({ text, start: offset + at + lead, end: offset + at + lead + text.length });
    at += part.length + 1;
  }
  return out;
}

/** Context a table row's figures fall back on. */
export interface RowContext {
  header: Cell[];
  /** From a `单位：万亩` line before the table. */
  unit?: string;
  region?: FigureRegion;
  period?: FigurePeriod;
  paragraph: number;
}

/**
 * The figures of one data row of a table whose header row is `ctx.header`.
 * @example rowFigures(text, cellsOf('道里区\t6.04', 10), { header: cellsOf('地区\t面积（万亩）', 0), paragraph: 1 })[0].value // 60400
 */
export function rowFigures(text: string, cells: Cell[], ctx: RowContext): Figure[] {
  const out: Figure[] = [];
  if (cells.length < 2) return out;
  // The row's label: its first cell that is not a 序号 column.
  let labelAt = 0;
  while (labelAt < cells.length - 1 && NOT_FIGURES.test((ctx.header[labelAt]?.text ?? '').replace(/\s/g, ''))) labelAt++;
  const label = cells[labelAt].text;
  const labelUnit = splitHeaderUnit(label);
  const place = regionMentions(label).filter((m) => !m.organ)[0];
  const rowStart = cells[0].start;
  const rowEnd = cells[cells.length - 1].end;
  for (let i = labelAt + 1; i < cells.length; i++) {
    const cell = cells[i];
    const head = ctx.header[i]?.text ?? '';
    if (cell.text === '' || !NUMBER_CELL.test(cell.text) || NOT_FIGURES.test(head.replace(/\s/g, ''))) continue;
    const { name: headName, unit: headUnit } = splitHeaderUnit(head);
    const headPeriod = parsePeriod(headName);
    const q = parseQuantity(cell.text, headUnit || labelUnit.unit || ctx.unit || '');
    if (q.status !== 'ok') continue;
    let indicator: string;
    if (headPeriod || GENERIC.test(headName)) indicator = labelUnit.name;
    else if (place || label === '') indicator = headName;
    else indicator = `${labelUnit.name}${headName}`;
    const fig: Figure = {
      value: q.value,
      unit: q.unit,
      kind: q.kind,
      indicator,
      raw: text.slice(cell.start, cell.end),
      rawStart: cell.start,
      sentence: text.slice(rowStart, rowEnd),
      start: rowStart,
      paragraph: ctx.paragraph,
    };
    if (q.displayUnit !== q.unit) fig.displayUnit = q.displayUnit;
    if (q.changeType) fig.changeType = q.changeType;
    if (q.approximate) fig.approximate = true;
    if (q.warning) fig.warning = q.warning;
    const region: FigureRegion | undefined = place ? { name: place.name, code: place.code, from: 'sentence' } : ctx.region;
    if (region) fig.region = region.code ? { name: region.name, code: region.code, from: region.from } : { name: region.name, from: region.from };
    const period: FigurePeriod | undefined = headPeriod ? { key: headPeriod.key, grain: headPeriod.grain, label: headPeriod.label, from: 'heading' } : ctx.period;
    if (period) fig.period = period;
    out.push(fig);
  }
  return out;
}
