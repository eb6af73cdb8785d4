/**
 * Headers often carry the unit: `面积（万亩）`, `秸秆还田量(吨)`, `用水总量（单位：亿立方米）`.
 */
import { normalizeCell, unitAsWritten } from './text';

/** A header split into its name and unit. @example { name: '面积', unit: '万亩' } */
export interface HeaderUnit {
  name: string;
  unit: string;
}

const TRAILING_UNIT = /^(.*?)[（(](?:计量)?(?:单位[:：])?([^（）()]{1,12})[）)]$/;
const UNIT_LIKE = /^(?:[\p{Script=Han}]{1,6}|[A-Za-zμµ/·²³0-9.]{1,10}|%|‰|[\p{Script=Han}]{1,4}\/[\p{Script=Han}A-Za-z]{1,4}|[A-Za-z]{1,4}\/[A-Za-z0-9³²]{1,4})$/u;
const NOT_UNIT = /含|不含|其中|注|预计|全年|累计|目标|任务|同比|年|季|月|省|市|区|县|镇/;

/**
 * A unit written after a slash (`粮食产量/万吨`) or alone as the last level of a merged header
 * (`粮食产量` over `万吨`). Only common units, with or without a multiplier, count: `秸秆还田/面积`
 * is a path, and `面积` is no unit.
 */
const SLASH_UNIT = /^(.*?)\s*[/／]\s*((?:万亿|亿|千万|百万|十万|万|千)?(?:元|吨|亩|公顷|人|人次|户|个|件|次|台|辆|座|所|家|项|套|头|只|株|天|千瓦时|千瓦|千克|公斤|立方米|平方米|平方公里|公里|千米|米)|%|‰)$/;

/**
 * Split a trailing parenthesised unit (or a `/万吨` unit) off a header. Returns unit '' when there is none.
 * @example splitHeaderUnit('秸秆还田/面积（万亩）') // { name: '秸秆还田/面积', unit: '万亩' }
 * @example splitHeaderUnit('粮食产量/万吨') // { name: '粮食产量', unit: '万吨' }
 */
export function splitHeaderUnit(header: string): HeaderUnit {
  const text = header.trim();
  const m = TRAILING_UNIT.exec(text);
  if (!m) {
    // A part with no slash is tried as a unit alone: the last level of a merged header.
    const slash = SLASH_UNIT.exec(/[/／]/.test(text) ? text : `/${text}`);
    return slash ? { name: slash[1].trim(), unit: slash[2] } : { name: text, unit: '' };
  }
  const unit = normalizeCell(m[2]);
  const explicit = /单位[:：]/.test(text);
  if (!explicit && (!UNIT_LIKE.test(unit) || NOT_UNIT.test(unit))) return { name: text, unit: '' };
  return { name: m[1].trim(), unit: unitAsWritten(m[2]) };
}

/**
 * The unit named by a `单位：万元` line, if `text` is one.
 * @example unitLine('单位：万元') // '万元'
 */
export function unitLine(text: string): string | undefined {
  const m = /^[（(]?(?:计量)?单位[:：]\s*([^\s，,;；）)]{1,12})[）)]?\s*$/.exec(text.trim());
  return m ? unitAsWritten(m[1]) : undefined;
}

const TITLE_PERIOD = /[（(]?\s*(?:\d{4}\s*[—–\-~～至到]\s*\d{2,4}|\d{4}年?\s*[—–\-~～至到]\s*\d{2,4})年度?\s*[)）]?|[（(]?\d{4}年(?:\d{1,2}(?:[—–\-~～至]\d{1,2})?月(?:份)?|[一二三四]季度|第[一二三四]季度|[上下]半年)?(?:度)?[)）]?/g;
const TITLE_WORDS = /^各(?:区县|县区|县市区|市县|地市|乡镇|街道|地区|省|市|县|区|旗|盟|州)|(?:情况|统计|一览|汇总|明细)?表$|情况$/g;

/**
 * An indicator name from a table title: periods (`2021—2024年`, `（2024年）`) and words like
 * `各区县`, `统计表` removed.
 * @example indicatorFromTitle('2021—2024年各区县地区生产总值（亿元）') // '地区生产总值（亿元）'
 */
export function indicatorFromTitle(title: string): string {
  const cleaned = title.replace(TITLE_PERIOD, '').trim().replace(TITLE_WORDS, '').trim();
  return cleaned === '' ? title.trim() : cleaned;
}

/**
 * Split a flattened header path on `/`, but not inside brackets, where `/` belongs to a unit
 * (`PM10浓度（μg/m3）`).
 * @example splitPath('秸秆还田/面积（吨/亩）') // ['秸秆还田', '面积（吨/亩）']
 */
export function splitPath(header: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of header) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (ch === '/' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}
