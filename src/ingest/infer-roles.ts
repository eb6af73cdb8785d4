/**
 * Guess each column's role from its header and, where the header says nothing, from its cells.
 * The guess is only a starting point: the wizard shows it and the user can change any role.
 */
import { splitHeaderUnit, splitPath } from './header-unit';
import { isPeriodPart, parsePeriod, withoutRemark } from './parse-period';
import { parseQuantity } from './parse-quantity';
import { isTotalName } from './parse-region';
import { isNoData } from './text';
import type { ColumnRole, Grid } from './types';

const IGNORE = /^(序号|序|编号|行号|no\.?|#|备注|说明)$/i;
const CODE = /代码|编码|区划码|^code$|^adcode$/i;
const UNIT = /^(计量单位|单位|unit|units)$/i;
const TARGET = /目标|任务值|计划值|预期值|^target/i;
// A report's title or file name beside a figure is its provenance too (not 报告期, a period).
const SOURCE = /来源|出处|原文|依据|^(报告|报告名称|报告标题|文件|文件名|文件名称)$|^source$|citation/i;
const KIND = /^(类型|数据类型|口径|值类型|kind)$/i;
const REGION = /^(地区|区域|地域|行政区|行政区划|行政区域|地方|区县|县区|县市区|市县|市州|地市|城市|省份|省市|省区|省|市|县|区|旗县|乡镇|街道|单位名称|填报单位|region|area|city|province|district|county)(名称|名)?$/i;
const INDICATOR = /指标|项目|^名称$|类别|^内容$|^indicator|^item|^metric/i;
const PERIOD = /^(年份|年度|年|时间|期间|时期|日期|月份|季度|统计期|统计期间|报告期|统计时间|统计年度|period|year|date|time|month|quarter)$/i;
const VALUE = /^(数值|值|数据|数量|指标值|实际值|完成值|完成数|实际完成|本期|本期值|本年|value|amount|val)($|[（(])/i;

/**
 * A header naming a code column (区划代码, 编码, code, adcode), by its last part without a unit.
 * @example isCodeHeader('区划代码') // true
 */
export function isCodeHeader(header: string): boolean {
  const name = lastPart(header);
  return CODE.test(name) && !/指标/.test(name);
}

/** Header words that name no indicator: a `数值（万亩）` column gets its indicator elsewhere. @example GENERIC_VALUE.test('数值（万亩）') // true */
export const GENERIC_VALUE = VALUE;

/** Shares of a column's non-empty cells that read as numbers, periods and division codes. */
interface Profile {
  filled: number;
  /** Numbers that are not periods. */
  numeric: number;
  period: number;
  /** Periods that are also plain numbers (`2016`, `1520`, `2016.5`): years or counts, as the header says. */
  yearLike: number;
  code: number;
}

function profile(body: Grid, c: number): Profile {
  const p: Profile = { filled: 0, numeric: 0, period: 0, yearLike: 0, code: 0 };
  for (const row of body) {
    const v = (row[c] ?? '').trim();
    if (v === '' || isNoData(v)) continue;
    p.filled++;
    if (/^\d{6}(\d{3}|\d{6})?$/.test(v)) p.code++;
    if (parsePeriod(v)) {
      p.period++;
      if (/^\d{4}(\.\d+)?$/.test(v)) p.yearLike++;
    } else if (parseQuantity(v).status === 'ok') p.numeric++;
  }
  return p;
}

/**
 * Headers under which bare numbers are periods: the name ends in a period word (年份, 统计年度,
 * 填报时间, 所属期间) and carries no unit. Any other header names what is counted or measured
 * (巡河次数, 人数, 面积（亩）): its numbers are values even when they look like years.
 */
const PERIOD_WORD = /(年份|年度|年月|时间|时期|期间|日期|月份|季度|统计期|报告期|所属期|(?:统计|报告|所属|数据)[年月季]|^年|^月|^季|year|period|date|time|month|quarter)$/i;
/** The header of a column that had none (`列3`). */
const PLACEHOLDER = /^列\d+$/;

/** May this column's year-like numbers be periods? Only under a period word or no header at all. */
function periodsByValues(header: string, name: string): boolean {
  if (name === '' || PLACEHOLDER.test(name)) return true;
  return PERIOD_WORD.test(name) && splitHeaderUnit(header).unit === '';
}

/**
 * Do most of column `c`'s cells look like years (`2016`, `1520`)? The wizard says so beside a value
 * column read as values because of its header.
 * @example yearLikeValues([['1520'], ['2016']], 0) // true
 */
export function yearLikeValues(body: Grid, c: number): boolean {
  const p = profile(body.slice(0, 300), c);
  return p.filled > 0 && p.yearLike >= p.filled * 0.6;
}

function lastPart(header: string): string {
  const parts = splitPath(header);
  return parts[parts.length - 1].replace(/[（(][^（）()]*[）)]$/, '').trim();
}

/** The part of a header path that is a period, remark stripped. @example headerPeriod('2024年（预计）/面积') // '2024年' */
export function headerPeriod(header: string): string | undefined {
  for (const part of splitPath(header)) {
    const bare = withoutRemark(part);
    if (parsePeriod(bare) !== null || isPeriodPart(bare)) return bare;
  }
  return undefined;
}

/**
 * Infer a role for each column from headers and body cells.
 * @example inferRoles(['地区', '2023年', '2024年'], [['道里区', '5.1', '6.04']]) // ['region', 'period-column', 'period-column']
 */
export function inferRoles(headers: string[], body: Grid): ColumnRole[] {
  const sample = body.slice(0, 300);
  const roles: ColumnRole[] = headers.map((header, c) => {
    const name = lastPart(header);
    const p = profile(sample, c);
    const mostly = (n: number): boolean => p.filled > 0 && n >= p.filled * 0.6;
    if (IGNORE.test(name)) return 'ignore';
    if (headerPeriod(header) !== undefined && !/[地区域]|指标|名称/.test(name)) return 'period-column';
    if (CODE.test(name) && !/指标/.test(name)) return 'regionCode';
    if (UNIT.test(name)) return 'unit';
    if (TARGET.test(name)) return 'target';
    if (SOURCE.test(name)) return 'source';
    if (KIND.test(name)) return 'kind';
    if (REGION.test(name)) return 'region';
    if (PERIOD.test(name)) return 'period';
    if (INDICATOR.test(name)) return 'indicator';
    if (VALUE.test(name)) return 'value';
    if (mostly(p.code) && p.code === p.filled) return 'regionCode';
    // Year detection weighs the header: values alone never make a 巡河次数 column of 1520, 2016 a
    // period. Periods written as periods (2024年3月, 2024Q1) are periods under any header.
    const periods = periodsByValues(header, name);
    if (mostly(periods ? p.period : p.period - p.yearLike)) return 'period';
    if (mostly(periods ? p.numeric : p.numeric + p.yearLike)) return REGION_NAME.test(name) || isTotalName(name) ? 'region-column' : 'indicator-column';
    return 'ignore';
  });
  // `代码 | 名称 | 2024年`: beside a division code, a bare 名称 names the region, not an indicator.
  if (roles.includes('regionCode') && !roles.includes('region')) {
    const named = headers.findIndex((h, i) => roles[i] === 'indicator' && /^(名称|单位名称)$/.test(lastPart(h)));
    if (named >= 0 && roles.filter((r) => r === 'indicator').length === 1 && looksLikeRegions(sample, named)) roles[named] = 'region';
  }
  // Unnamed text columns left of the first value column become the region and the indicator
  // when the headers named neither. Text columns further right are usually remarks.
  const firstValue = roles.findIndex((r) => r === 'value' || r === 'period-column' || r === 'indicator-column' || r === 'region-column');
  for (let i = 0; i < roles.length && (firstValue < 0 || i < firstValue); i++) {
    if (roles[i] !== 'ignore' || IGNORE.test(lastPart(headers[i])) || !textColumn(sample, i)) continue;
    const hasRegion = roles.includes('region') || roles.includes('region-column');
    const hasIndicator = roles.includes('indicator');
    if (hasRegion && hasIndicator) break;
    const regionLike = looksLikeRegions(sample, i);
    if (!hasRegion && (regionLike || hasIndicator)) roles[i] = 'region';
    else if (!hasIndicator) roles[i] = 'indicator';
  }
  // Region names as number-column headers only mean regions-as-columns when no column holds
  // regions; otherwise `建成区` is an indicator that happens to end in 区.
  if (roles.includes('region')) return roles.map((r) => (r === 'region-column' ? 'indicator-column' : r));
  return roles;
}

function textColumn(body: Grid, c: number): boolean {
  const p = profile(body, c);
  return p.filled > 0 && p.numeric + p.period < p.filled * 0.5;
}

const REGION_NAME = /([省市区县旗镇乡盟州村]|开发区|新区|园区|合计|总计)$/;


/** Do most cells of column `c` read like region names (…省, …市, …区, 开发区, 合计)? */
function looksLikeRegions(body: Grid, c: number): boolean {
  let filled = 0;
  let hits = 0;
  for (const row of body) {
    const v = (row[c] ?? '').trim();
    if (v === '') continue;
    filled++;
    if (REGION_NAME.test(v)) hits++;
  }
  return filled > 0 && hits >= filled * 0.5;
}
