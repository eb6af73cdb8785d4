/**
 * What a rank is counted among, in words, for every view that ranks some regions of a larger
 * pool (the comparison's note, the ranking table of a region's children): a drill's counties are
 * ranked among their city's counties, and the note names the city.
 */
import { translate, type Locale } from '../domain/messages/index';
import type { RankPool } from '../analysis/region-levels';

const LEVELS = ['province', 'prefecture', 'county'] as const;

/**
 * 名次为哈尔滨市所辖 18 个区县中的名次 (the division named as the data names it, else without its
 * name: 名次为同一上级所辖 18 个区县中的名次), or 名次为全部 N 个地区中的名次 when the regions lie in no
 * one division, or the pool is every coded region of the data. `n` is how many regions the ranks count.
 * @example rankAmong({ names, level: 2, within: '230100' }, 18, regions, 'zh') // '名次为哈尔滨市所辖 18 个区县中的名次'
 */
export function rankAmong(
  pool: Pick<RankPool, 'within'> & { level?: RankPool['level']; names?: RankPool['names'] } | undefined,
  n: number,
  regions: readonly { name: string; code?: string }[],
  locale: Locale,
): string {
  if (!pool?.within) return translate(locale, 'chart.rank_among', { n });
  // Regions of several levels (a province's cities and its direct counties: 仙桃市) are 地区.
  const level = translate(locale, `regions.rank.level.${pool.level === undefined ? 'any' : LEVELS[pool.level]}`);
  const parent = regions.find((r) => r.code === pool.within)?.name;
  if (parent) return translate(locale, 'regions.rank.among', { parent, n, level });
  // A division the data does not name, whose regions are every coded region of the data (a file of
  // 哈尔滨's 18 counties): "all 18" says it plainly; "under the same parent" only when others exist.
  const { names } = pool;
  if (names && regions.every((r) => !r.code || names.has(r.name))) return translate(locale, 'chart.rank_among', { n });
  return translate(locale, 'regions.rank.amongUnnamed', { n, level });
}
