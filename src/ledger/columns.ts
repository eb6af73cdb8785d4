/**
 * Which field each ledger column holds, from its header: synonyms offices use, matched after NFKC
 * and with spaces, brackets, `%` and `*` taken out. A header merged over two rows
 * (`责任单位/配合单位`) is tried whole, then part by part from the bottom.
 */
import type { LedgerField } from './types';

/** Headers (normalised) per field. Exact matches; order inside a list does not matter. */
export const COLUMN_SYNONYMS: Readonly<Record<LedgerField, readonly string[]>> = {
  id: ['序号', '编号', '问题编号', '任务编号', '序列号', 'no', 'no.', 'id'],
  title: [
    '问题任务描述', '问题描述', '任务描述', '问题', '任务', '整改任务', '存在问题', '反馈问题', '问题清单', '任务名称', '问题名称',
    '具体问题', '主要问题', '巡视反馈问题', '巡察反馈问题', '督察反馈问题', '问题表现', '整改事项', '事项', '工作任务', '重点任务', '任务内容',
  ],
  category: ['类别', '类型', '来源', '问题来源', '问题类别', '问题类型', '任务来源', '任务类别', '分类'],
  measures: ['整改措施', '措施', '整改举措', '具体措施', '工作措施', '主要措施'],
  unit: ['责任单位', '牵头单位', '责任部门', '牵头部门', '主责单位', '责任主体', '牵头责任单位', '主要责任单位'],
  partner: ['配合单位', '配合部门', '协办单位', '协同单位', '参与单位'],
  person: ['责任人', '责任领导', '负责人', '联系人', '具体责任人', '分管领导', '包联领导'],
  assignedOn: ['交办日期', '交办时间', '交办', '下达日期', '反馈日期', '反馈时间', '发现日期'],
  deadline: ['整改时限', '完成时限', '整改期限', '时限', '完成时间', '整改时间', '截止日期', '截止时间', '期限', '计划完成时间', '完成期限', '办结时限'],
  planned: ['序时进度', '计划进度', '应完成进度', '时序进度', '序时进度要求'],
  actual: ['实际进度', '完成进度', '进度', '整改进度', '完成比例', '完成率', '实际完成进度', '当前进度'],
  status: ['状态', '整改状态', '进展情况', '完成情况', '整改进展', '整改情况', '进展', '任务状态', '整改完成情况', '整改进展情况', '目前进展'],
  closedOn: ['销号日期', '销号时间', '销号', '办结日期', '验收日期', '办结时间'],
  evidence: ['佐证材料', '佐证', '证明材料', '佐证资料', '附件', '支撑材料'],
  note: ['备注', '说明', '备注说明'],
  region: ['地区', '区域', '县区', '区县', '县市区', '县(市、区)', '县(市区)', '市县', '所属地区', '所在地区', '所属区县', '行政区划', '地市', '属地'],
  regionCode: ['区划代码', '行政区划代码', '地区代码', '代码', '区划编码'],
  indicator: ['指标', '指标名称', '关联指标', '考核指标'],
  target: ['目标值', '目标', '指标目标值', '任务目标值'],
  current: ['当前值', '完成值', '实际值', '现状值', '当前完成值', '实际完成值'],
  valueUnit: ['单位', '计量单位', '指标单位'],
};

// Headers that hold a field's word somewhere inside (`2024年实际进度`, `牵头责任单位（盖章）`).
// Order matters: the first pattern that matches wins.
const CONTAINS: readonly [RegExp, LedgerField][] = [
  [/销号.*(日期|时间)|(日期|时间).*销号/, 'closedOn'],
  [/序时|计划进度/, 'planned'],
  [/时限|期限|截止/, 'deadline'],
  [/进度|完成率|完成比例/, 'actual'],
  [/状态|进展|完成情况/, 'status'],
  [/措施|举措/, 'measures'],
  [/配合|协办|协同/, 'partner'],
  [/牵头|责任单位|责任部门|主责/, 'unit'],
  [/责任人|负责人|责任领导|联系人/, 'person'],
  [/佐证|证明材料|附件/, 'evidence'],
  [/备注/, 'note'],
  [/区划代码|区划编码|地区代码/, 'regionCode'],
  [/地区|区县|县区|县.?市.?区|区域/, 'region'],
  [/指标/, 'indicator'],
  [/交办/, 'assignedOn'],
  [/问题|任务|事项/, 'title'],
  [/序号|编号/, 'id'],
];

const EXACT = new Map<string, LedgerField>();
for (const field of Object.keys(COLUMN_SYNONYMS) as LedgerField[]) {
  for (const word of COLUMN_SYNONYMS[field]) EXACT.set(headerKey(word), field);
}

/**
 * A header as matching sees it: NFKC, no spaces, brackets, `%`, `*`, colons, lower case.
 * @example headerKey('问题（任务）描述') // '问题任务描述'
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000()[\]【】〔〕<>《》%*:：]+/g, '')
    .toLowerCase();
}

/**
 * The field a header names, or undefined.
 * @example fieldOf('责任单位/配合单位') // 'partner'
 */
export function fieldOf(header: string): LedgerField | undefined {
  const whole = headerKey(header);
  const parts = header.split('/').map(headerKey).filter((p) => p !== '').reverse();
  for (const k of [whole, ...parts]) {
    const exact = EXACT.get(k);
    if (exact) return exact;
  }
  for (const k of [...parts, whole]) {
    for (const [pattern, field] of CONTAINS) if (pattern.test(k)) return field;
  }
  return undefined;
}

/**
 * Assign a field to every header: the user's choice first, then the header's own; a field
 * already taken by an earlier column leaves the later one as `extra`.
 * @example assignColumns(['序号', '问题', '状态', '联系电话']) // ['id', 'title', 'status', 'extra']
 */
export function assignColumns(headers: readonly string[], overrides?: Record<string, LedgerField | 'extra'>): (LedgerField | 'extra')[] {
  const own = (h: string): LedgerField | 'extra' | undefined =>
    overrides && Object.prototype.hasOwnProperty.call(overrides, h) ? overrides[h] : undefined;
  const taken = new Set<LedgerField>();
  // The user's choices are reserved first, so an inferred column cannot take their field.
  for (const h of headers) {
    const chosen = own(h);
    if (chosen !== undefined && chosen !== 'extra') taken.add(chosen);
  }
  return headers.map((h) => {
    const chosen = own(h);
    if (chosen !== undefined) return chosen;
    const field = fieldOf(h);
    if (field === undefined || taken.has(field)) return 'extra';
    taken.add(field);
    return field;
  });
}
