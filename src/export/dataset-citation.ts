/**
 * What an export says about the file its values came from. A file states its source on a line of
 * its own (`数据来源：…`, kept as a dataset note) and its caveats on others (`注：2024年截至8月`);
 * the footnote of an exported chart carries both. Before, it gave the table's title (stored as the
 * dataset's `source`) as 来源 and dropped the caveats.
 */
import type { Dataset, Observation } from '../domain/types';

/** A note that states the source: 数据来源：, 资料来源：, 来源：, 出处： (full- or half-width colon). */
const SOURCE_LINE = /^\s*(?:数据来源|资料来源|信息来源|来源|出处)\s*[：:]\s*(.+)$/;
/** A note that qualifies the numbers: 注：, 注1：, 备注：, 说明：. */
const CAVEAT_LINE = /^\s*(?:注\s*\d*|备注|说明)\s*[：:]\s*\S/;

/**
 * The source a dataset states: the text of its first 数据来源 note, else its name (never its title,
 * which says what the table shows, not where it came from).
 * @example sourceLineOf({ name: '黑土地', notes: ['数据来源：区农业农村局'] }) // '区农业农村局'
 */
export function sourceLineOf(dataset: Pick<Dataset, 'name' | 'notes'>): string {
  for (const note of dataset.notes ?? []) {
    const m = SOURCE_LINE.exec(note);
    if (m && m[1].trim()) return m[1].trim();
  }
  return dataset.name;
}

/**
 * The caveats a dataset states (its 注：/备注：/说明： notes), as written.
 * @example caveatsOf({ notes: ['注：2024年截至8月', '填表人：张三'] }) // ['注：2024年截至8月']
 */
export function caveatsOf(dataset: Pick<Dataset, 'notes'>): string[] {
  return (dataset.notes ?? []).filter((n) => CAVEAT_LINE.test(n)).map((n) => n.trim());
}

/**
 * Dataset id → the source line, for every export's footnote.
 * @example datasetSourcesOf(datasets).get('d1') // '区农业农村局'
 */
export function datasetSourcesOf(datasets: readonly Pick<Dataset, 'id' | 'name' | 'notes'>[]): Map<string, string> {
  return new Map(datasets.map((d) => [d.id, sourceLineOf(d)]));
}

/**
 * Dataset id → its caveats (datasets without any left out).
 * @example datasetCaveatsOf(datasets).get('d1') // ['注：2024年截至8月']
 */
export function datasetCaveatsOf(datasets: readonly Pick<Dataset, 'id' | 'notes'>[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of datasets) {
    const c = caveatsOf(d);
    if (c.length > 0) out.set(d.id, c);
  }
  return out;
}

/**
 * The caveats of the datasets some values came from, each once, in the datasets' order of first use.
 * @example caveatsBehind([{ datasetId: 'd1' }], caveats) // ['注：2024年截至8月']
 */
export function caveatsBehind<T extends Partial<Observation> & { datasetId?: string }>(
  observations: readonly T[],
  caveats: ReadonlyMap<string, readonly string[]> | undefined,
): string[] {
  if (!caveats || caveats.size === 0) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const o of observations) {
    if (o.datasetId === undefined || seen.has(o.datasetId)) continue;
    seen.add(o.datasetId);
    for (const c of caveats.get(o.datasetId) ?? []) if (!out.includes(c)) out.push(c);
  }
  return out;
}
