/** Which indicators each dataset holds, from the dictionaries' per-indicator period lists. */
import { getDb } from './open';

/**
 * Dataset id → the names of the indicators it holds (every dataset with values, whatever its
 * status). One small record per dataset is read, not its blocks.
 * @example (await getDatasetIndicators()).get('ds-1') // ['保护性耕作面积', '秸秆还田率']
 */
export async function getDatasetIndicators(): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  await getDb().dictionaries.each((dict) => {
    out.set(
      dict.datasetId,
      dict.indicatorPeriods.map(([name]) => name),
    );
  });
  return out;
}
