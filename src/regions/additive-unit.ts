/**
 * Which units add up across regions: the default of an indicator's aggregation. Apart from the
 * roll-up (and the division table it needs), so 指标设置 in the page's first script can say the
 * default without bringing the table along.
 */
import { splitUnit } from '../domain/units';

/** Units whose values add up across regions, by their base unit (万亩 → 亩). */
const ADDITIVE = new Set([
  '个', '项', '人', '名', '座', '件', '次', '人次', '户', '家', '辆', '台', '所', '张', '套', '处', '宗', '起',
  '头', '只', '株', '棵', '床', '亩', '公顷', '平方公里', '平方千米', '平方米', '元', '吨', '千克', '立方米',
  '千瓦时', '度', '千瓦', '公里', '千米',
]);

/** Units that are ratios, averages, rates or indexes, whatever they are written with. */
const NOT_ADDITIVE = /[%‰‱/每率均]|指数|百分点|平均|浓度|微克|[μµu]g|mg|倍/i;

/**
 * Whether values in a unit may be summed across regions: counts (个, 人次), areas (亩, 公顷),
 * amounts (元, 万元, 吨, 立方米). Not: %, ‰, 微克/立方米, mg/L, 元/人, 平均…, …率, 指数, and any
 * unit this list does not know (the indicator's setting can say otherwise).
 * @example isAdditiveUnit('万亩') // true
 * @example isAdditiveUnit('微克/立方米') // false
 */
export function isAdditiveUnit(unit: string | undefined): boolean {
  const u = (unit ?? '').normalize('NFKC').replace(/\s+/g, '');
  if (!u || NOT_ADDITIVE.test(u)) return false;
  return ADDITIVE.has(splitUnit(u).base);
}
