/**
 * What a value's provenance cell says: the report (by title) and the sentence to read, and on
 * hover everything the file gave (its title, file name, sentence) with the row. A column that
 * names a file (来源文件, 文件名) holds a name only the file system reads (`000_a9b7e2dc52ccbf64.txt`):
 * it is kept and shown on hover, not in the cell.
 */
import type { Citation, Observation } from './types';

const FILE_COLUMN = /文件|^file/i;

/**
 * The cell's lines, and the full text for its tooltip.
 * @example citationLines({ sourceText: '市统计局' }) // { shown: ['市统计局'], all: ['市统计局'] }
 */
export function citationLines(o: Pick<Observation, 'sourceText' | 'citations'>): { shown: string[]; all: string[] } {
  const cited: readonly Citation[] = o.citations ?? [];
  if (cited.length === 0) return o.sourceText ? { shown: [o.sourceText], all: [o.sourceText] } : { shown: [], all: [] };
  const read = cited.filter((c) => !FILE_COLUMN.test(c.label.trim())).map((c) => c.text);
  return { shown: read.length > 0 ? read : cited.map((c) => c.text), all: cited.map((c) => `${c.label}：${c.text}`) };
}

/** Longest citation a chart's tooltip quotes; the rows table has the whole text. */
const TOOLTIP_MAX = 60;

/**
 * The citation a chart's tooltip quotes for a value: the report and sentence, on one line, cut
 * to a tooltip's width; '' when the file gave none.
 * @example tooltipCitation({ sourceText: '市统计局' }) // '市统计局'
 */
export function tooltipCitation(o: Pick<Observation, 'sourceText' | 'citations'>): string {
  const text = citationLines(o).shown.join(' · ').replace(/\s+/g, ' ').trim();
  return text.length > TOOLTIP_MAX ? `${text.slice(0, TOOLTIP_MAX - 1)}…` : text;
}
