/** Guessing whether more of an indicator is good or bad, from its name. */
import type { Polarity } from '../domain/types';

/** Words that mark an indicator where less is better: violations, cases, concentrations, accidents… */
const LOWER_IS_BETTER: readonly string[] = ['违法', '案件', '问题', '浓度', 'PM', '超标', '事故', '投诉', '问责'];

/**
 * Infer an indicator's polarity from its name; the user can correct it.
 * @example inferPolarity('PM10平均浓度') // 'lower'
 */
export function inferPolarity(name: string): Polarity {
  const upper = name.normalize('NFKC').toUpperCase();
  return LOWER_IS_BETTER.some((word) => upper.includes(word)) ? 'lower' : 'higher';
}
