/**
 * What a value's provenance cell says: the report (by title) and the sentence to read, and on
 * hover everything the file gave (its title, file name, sentence) with the row. A column that
 * names a file (来源文件, 文件名) holds a name only the file system reads (`000_a9b7e2dc52ccbf64.txt`):
 * it is kept and shown on hover, not in the cell.
 */
import type { Citation, Observation } from '../domain/types';

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
