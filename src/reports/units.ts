/**
 * The units a figure in running text may carry. A number counts as a figure only when a unit
 * follows it (or a multiplier, or %): this alone leaves out dates (12月, 5日), document and
 * house numbers (12号), phone numbers, postcodes and list numbering, none of which has one.
 */

/** Measure words of things counted (个, 项, 家…): the noun after them names what is counted. */
export const CLASSIFIERS: ReadonlySet<string> = new Set([
  '个', '项', '条', '家', '名', '座', '件', '起', '期', '份', '块', '处', '篇', '台', '套', '辆', '所',
  '批', '张', '面', '幅', '类', '大类', '户', '棵', '株', '只', '头', '部', '册', '本', '首', '种', '组',
  '支', '队', '间', '栋', '宗', '笔', '位', '例', '封', '艘', '架', '根', '盏', '段', '片', '口', '眼',
  '孔', '枚', '床', '村', '轮', '场', '台(套)', '条(个)', '方面', '人',
]);

/** Units that are not classifiers: measures, money, time, rates. */
const MEASURES = [
  '个百分点', '百分点', '%', '‰',
  '次', '人次', '户次', '天次', '人天', '场次', '批次', '班次', '车次', '架次', '航次', '台次', '辆次', '件次', '课时', '学时',
  '平方公里', '平方千米', '平方米', '立方米', '公里', '千米', '延米', '米', '公顷', '亩', '吨标准煤', '吨',
  '千克', '公斤', '克', '斤', '立方', '标箱', '千瓦时', '千瓦', '兆瓦时', '兆瓦', '千伏安', '度', '毫米', '厘米', '升', '毫升', '标准亩',
  '元', '美元', '欧元',
  '小时', '分钟', '个月', '天', '周', '年', '倍', '岁', '周岁', '家次', '条次', '亩次', '人日', '工日',
  '微克/立方米', '毫克/立方米', '毫克/升', '元/吨', '元/亩', '公斤/亩', '立方米/秒', '立方米/日', '吨/日', '吨/年', '元/人', '元/月', '元/平方米',
];

/** Multipliers that may stand between a number and its unit (`6.04万亩`), longest first. */
export const MULTIPLIER = /^(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万)/;

const ALL = [...new Set([...CLASSIFIERS, ...MEASURES])].sort((a, b) => b.length - a.length);

/**
 * The unit at the start of `s` (already folded to ASCII digits and signs), longest first: 人次
 * before 人, 个百分点 before 个, 台(套) before 台.
 * @example unitAt('人次开展巡查') // '人次'
 */
export function unitAt(s: string): string {
  for (const u of ALL) if (s.startsWith(u)) return u;
  return '';
}

/** A unit whose figure counts things (`12项`), so the words after it name the indicator. */
export function isClassifier(unit: string): boolean {
  return CLASSIFIERS.has(unit);
}
