/**
 * The footnote every exported image carries, so a chart pasted into a report still says what it
 * shows: title, indicator and unit, period, source and the export date.
 */
import { translate, type Locale } from '../domain/messages/index';
import { localDay } from '../domain/clock';

/** What the footnote says; empty or absent parts are left out. */
export interface FootnoteInput {
  title?: string;
  indicator?: string;
  unit?: string;
  period?: string;
  source?: string;
  /** Lines said after the rest, each as it is (e.g. that datasets disagree: `conflictLines`). */
  notes?: readonly string[];
  /** ISO 8601 instant of the export, e.g. `new Date().toISOString()`. */
  exportedAt: string;
  /** The zone the export date is given in; the user's own (the browser's) when absent (tests set it). */
  timeZone?: string;
  locale: Locale;
}

const SEPARATOR = ' · ';

/**
 * Footnote lines in plain text (never HTML): the title, then indicator · unit · period, then
 * source · export date (the user's calendar day, `src/domain/clock.ts`). Lines with nothing to
 * say are dropped. Throws on an unreadable `exportedAt`, which is a programming error, not user input.
 * @example buildFootnote({ indicator: '保护性耕作面积', unit: '万亩', period: '2024', source: '市农业农村局', exportedAt: '2026-11-24T02:00:00Z', locale: 'zh' })
 *   // ['指标：保护性耕作面积 · 单位：万亩 · 时期：2024', '来源：市农业农村局 · 导出于 2026-11-24']
 */
export function buildFootnote(input: FootnoteInput): string[] {
  const { locale } = input;
  const labelled = (key: string, value: string | undefined) =>
    value === undefined || value.trim() === '' ? [] : [translate(locale, key, { value })];
  const lines = [
    input.title?.trim() ? [input.title] : [],
    [
      ...labelled('export.footnote.indicator', input.indicator),
      ...labelled('export.footnote.unit', input.unit),
      ...labelled('export.footnote.period', input.period),
    ],
    [
      ...labelled('export.footnote.source', input.source),
      translate(locale, 'export.footnote.exported_at', { date: localDay(input.exportedAt, input.timeZone) }),
    ],
    ...(input.notes ?? []).map((note) => (note.trim() ? [note] : [])),
  ];
  return lines.filter((parts) => parts.length > 0).map((parts) => parts.join(SEPARATOR));
}
