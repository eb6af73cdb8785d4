// Writes data/sample-trends.csv: an ILLUSTRATIVE (示例数据, not real statistics) multi-year,
// multi-region dataset for trend charts and regional comparisons. It is anchored on the real
// figures of the seed reports (道里区 2024 保护性耕作面积 6.04万亩 and 秸秆还田率 65.73%, 黑龙江省
// 2022 河湖长 2.1万名 and 执法检查 1.5万次, 乌海市 2023 PM10 −30.1% and 优良天数 +59天); every other
// number is drawn from a seeded PRNG, so the output is the same on every run.
// Run: node data/make-sample.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toCsv } from './csv-writer.mjs';
import { HEADER } from './make-seed.mjs';

/** 来源文件 of every sample row: says plainly that these are not real statistics. */
export const SAMPLE_SOURCE = '示例数据（非真实统计）';

/** mulberry32: a tiny deterministic PRNG; Math.random would change the file on every run. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20241105);
const between = (lo, hi) => lo + (hi - lo) * random();
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const fixed = (x, digits) => x.toFixed(digits);

/** Splits an integer total over weights so that the parts are integers summing to it exactly. */
function allocate(total, weights) {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    parts[i] += 1;
  }
  return parts;
}

const rows = [];
/** Gaps left on purpose, so that charts and analysis show how they handle a missing year. */
const GAPS = new Set([
  '通河县|保护性耕作面积|2021',
  '大兴安岭地区|河湖执法检查次数|2020',
  '阿拉善盟|PM10平均浓度|2019',
]);
function emit(region, code, indicator, year, value, unit, target = '') {
  if (GAPS.has(`${region}|${indicator}|${year}`)) return;
  rows.push([region, code, indicator, String(year), value, unit, '水平', target, '', SAMPLE_SOURCE, '']);
}

// ── 哈尔滨市 districts and counties, 2019–2024 ──────────────────────────────────────────────
// [name, code, 2024 保护性耕作面积 in 万亩]: urban districts farm little, the counties a lot.
const harbin = [
  ['道里区', '230102', 6.04], ['南岗区', '230103', 0.82], ['道外区', '230104', 3.46],
  ['平房区', '230108', 1.18], ['松北区', '230109', 8.57], ['香坊区', '230110', 2.63],
  ['呼兰区', '230111', 61.8], ['阿城区', '230112', 44.9], ['双城区', '230113', 109.6],
  ['依兰县', '230123', 57.7], ['方正县', '230124', 30.2], ['宾县', '230125', 71.5],
  ['巴彦县', '230126', 94.8], ['木兰县', '230127', 39.6], ['通河县', '230128', 27.9],
  ['延寿县', '230129', 25.7], ['尚志市', '230183', 54.6], ['五常市', '230184', 88.3],
];
const harbinYears = range(2019, 2024);
const harbinSeries = harbin.map(([name, code, area2024]) => {
  // Area grows from about half of 2024's level with small wobbles; the 2024 anchor is exact.
  const start = between(0.42, 0.6);
  const area = harbinYears.map((_, i) =>
    i === harbinYears.length - 1 ? area2024 : area2024 * (start + ((1 - start) * i) / 5) * between(0.97, 1.03),
  );
  // 秸秆还田率 rises 2–5 points a year; 道里区 2024 is the report's 65.73%.
  const rate2024 = name === '道里区' ? 65.73 : between(52, 82);
  const yearlyRise = between(2, 5);
  const rate = harbinYears.map((_, i) => Math.min(98, rate2024 - yearlyRise * (5 - i) + (i < 5 ? between(-1.5, 1.5) : 0)));
  // 整改完成率: rectification closes out towards 2024, where the target is 100%.
  const done = harbinYears.map((_, i) => Math.min(100, between(55, 75) + i * between(4, 7.5)));
  // 违法占用耕地案件数 (lower is better) falls as the fields are patrolled; scales with farmland.
  const cases0 = Math.max(1, Math.round(area2024 * between(0.15, 0.3)));
  const cases = harbinYears.map((_, i) => Math.max(0, Math.round(cases0 * (1 - i * between(0.1, 0.16)))));
  return { name, code, area, rate, done, cases };
});
const addHarbin = (indicator, unit, pick, format, total, target = () => '') => {
  for (const s of harbinSeries) {
    harbinYears.forEach((y, i) => emit(s.name, s.code, indicator, y, format(pick(s)[i]), unit, target(y)));
  }
  harbinYears.forEach((y, i) => emit('合计', '', indicator, y, format(total(i)), unit, target(y)));
};
const sumAt = (pick) => (i) => harbinSeries.reduce((s, d) => s + Number(fixed(pick(d)[i], 2)), 0);
// Rates total as a mean weighted by that year's 保护性耕作面积, the nearest proxy for farmland.
const areaWeightedAt = (pick) => (i) =>
  harbinSeries.reduce((s, d) => s + Number(fixed(pick(d)[i], 2)) * d.area[i], 0) /
  harbinSeries.reduce((s, d) => s + d.area[i], 0);
addHarbin('保护性耕作面积', '万亩', (s) => s.area, (x) => fixed(x, 2), sumAt((s) => s.area));
addHarbin('秸秆还田率', '%', (s) => s.rate, (x) => fixed(x, 2), areaWeightedAt((s) => s.rate));
addHarbin('黑土地保护整改完成率', '%', (s) => s.done, (x) => fixed(x, 1), areaWeightedAt((s) => s.done), (y) =>
  y === 2024 ? '100' : '',
);
addHarbin('违法占用耕地案件数', '件', (s) => s.cases, (x) => fixed(x, 0), sumAt((s) => s.cases));

// ── 黑龙江省 cities, 2018–2024 ───────────────────────────────────────────────────────────────
// [name, code, relative weight]: weights loosely follow the number of rivers, lakes and counties.
const heilongjiang = [
  ['哈尔滨市', '230100', 18], ['齐齐哈尔市', '230200', 15], ['鸡西市', '230300', 6],
  ['鹤岗市', '230400', 4], ['双鸭山市', '230500', 5], ['大庆市', '230600', 8],
  ['伊春市', '230700', 6], ['佳木斯市', '230800', 9], ['七台河市', '230900', 2.5],
  ['牡丹江市', '231000', 9], ['黑河市', '231100', 7], ['绥化市', '231200', 12],
  ['大兴安岭地区', '232700', 3],
];
const hljYears = range(2018, 2024);
// 全省 totals by year. 2022 is the report's figure (2.1万名 河湖长, 1.5万次 执法检查).
const chiefTotals = [19200, 19800, 20300, 20700, 21000, 21150, 21230];
const checkTotals = [6200, 7900, 9800, 12400, 15000, 15800, 16500];
const addProvince = (indicator, unit, totals, jitter) => {
  const perYear = totals.map((t) => allocate(t, heilongjiang.map(([, , w]) => w * between(1 - jitter, 1 + jitter))));
  heilongjiang.forEach(([name, code], c) =>
    hljYears.forEach((y, i) => emit(name, code, indicator, y, String(perYear[i][c]), unit)),
  );
  hljYears.forEach((y, i) => emit('全省', '', indicator, y, String(totals[i]), unit));
};
addProvince('河湖长人数', '名', chiefTotals, 0.04);
addProvince('河湖执法检查次数', '次', checkTotals, 0.15);
// 河湖"四乱"问题数 (lower is better) falls year on year as the clean-up campaigns close cases.
const problemTotals = hljYears.map((_, i) => Math.round(5200 * 0.7 ** i * between(0.92, 1.08)));
addProvince('河湖"四乱"问题数', '个', problemTotals, 0.2);

// ── 乌海市 and neighbours, 2018–2023: air quality ─────────────────────────────────────────
// 乌海市 PM10 falls 113 → 79 in 2023 (−30.1%), and 优良天数 rises 229 → 288 (+59天), as reported.
const airYears = range(2018, 2023);
const wuhaiPm10 = [118, 108, 98, 106, 113, 79];
const wuhaiGoodDays = [258, 262, 271, 255, 229, 288];
const neighbours = [
  ['鄂尔多斯市', '150600', 72, 300], ['巴彦淖尔市', '150800', 84, 285], ['阿拉善盟', '152900', 95, 270],
];
airYears.forEach((y, i) => emit('乌海市', '150300', 'PM10平均浓度', y, String(wuhaiPm10[i]), '微克/立方米'));
for (const [name, code, pm0] of neighbours) {
  airYears.forEach((y, i) => emit(name, code, 'PM10平均浓度', y, fixed(pm0 * (1 - 0.03 * i) * between(0.92, 1.08), 0), '微克/立方米'));
}
airYears.forEach((y, i) => emit('乌海市', '150300', '优良天数', y, String(wuhaiGoodDays[i]), '天'));
for (const [name, code, , days0] of neighbours) {
  airYears.forEach((y, i) => emit(name, code, '优良天数', y, fixed(Math.min(350, days0 + 3 * i + between(-12, 12)), 0), '天'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL('./sample-trends.csv', import.meta.url);
  writeFileSync(out, toCsv([HEADER, ...rows]));
  console.log(`wrote ${rows.length} rows to ${fileURLToPath(out)}`);
}
