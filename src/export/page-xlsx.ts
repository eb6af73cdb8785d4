/**
 * One Excel for the whole page: a sheet per panel of the dashboard, each opening with what a
 * reader of the bare file needs (the panel's title, unit, period, source and the export day),
 * then a blank row and the panel's data table as the single-chart export writes it (typed
 * cells: numbers stay numbers, text is never a formula; `toXlsx`). Pure.
 */
import { translate, type Locale } from '../domain/messages/index';
import { localDay } from '../domain/clock';
import type { Cell } from './cell';
import type { SheetData } from './xlsx';

/** One panel as the page shows it. */
export interface PagePanel {
  /** The panel's heading, e.g. 保护性耕作面积 趋势; also the sheet's name (made valid on write). */
  heading: string;
  unit: string;
  /** As a reader writes it: 2024年, or 2020年—2024年. */
  period: string;
  source: string;
  /** The data table, header row first (`buildTableRows`, notes below it). */
  rows: readonly (readonly Cell[])[];
}

/**
 * The panels as sheets, in page order. Lines with nothing to say (no source) are left out; a
 * panel without data says so under its title rather than being dropped, so the sheets still
 * match the page. The input is not changed.
 * @example pageSheets([{ heading: '面积 趋势', unit: '万亩', period: '2024年', source: '', rows: [['地区', '数值'], ['道里区', 6.04]] }], 'zh', '2026-12-07T02:00:00Z', 'Asia/Shanghai')[0].rows
 *   // [['面积 趋势'], ['单位', '万亩'], ['时期', '2024年'], ['导出日期', '2026-12-07'], [], ['地区', '数值'], ['道里区', 6.04]]
 */
export function pageSheets(panels: readonly PagePanel[], locale: Locale, exportedAt: string, timeZone?: string): SheetData[] {
  const day = localDay(exportedAt, timeZone);
  return panels.map((panel) => {
    const facts: Cell[][] = [
      ['access.sheet.unit', panel.unit],
      ['access.sheet.period', panel.period],
      ['access.sheet.source', panel.source],
      ['access.sheet.exportedAt', day],
    ]
      .filter(([, value]) => value.trim() !== '')
      .map(([key, value]) => [translate(locale, key), value]);
    const hasData = panel.rows.length > 1;
    const table: Cell[][] = hasData ? panel.rows.map((r) => [...r]) : [[translate(locale, 'access.sheet.empty')]];
    return { name: panel.heading, rows: [[panel.heading], ...facts, [], ...table] };
  });
}
