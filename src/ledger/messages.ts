/**
 * The ledger's sentences, Chinese and English: reasons for a colour (逾期 12 天) and the issues
 * of reading a ledger. Kept beside the ledger (not in src/domain/messages) so that `assess` can
 * answer synchronously in either language inside the import worker; the keys are stable codes a
 * UI may also look up here.
 */

export type LedgerLocale = 'zh' | 'en';

const zh: Record<string, string> = {
  'reason.overdue': '逾期 {n} 天',
  'reason.behind': '滞后 {n} 个百分点',
  'reason.due': '距时限 {n} 天',
  'reason.dueToday': '距时限 0 天（今日到期）',
  'reason.dueThisMonth': '本月到期（{date}）',
  'reason.closed': '已销号',
  'reason.suspended': '已中止',
  'reason.done': '已完成',
  'reason.notStarted': '未启动',
  'reason.onTrack': '按期推进',
  'reason.ongoing': '长期坚持',
  'reason.join': '；',
  'issue.ledger_no_task_column': '找不到问题（任务）列或整改措施列：表头是 {headers}。请指定哪一列是问题或任务。',
  'issue.ledger_unknown_status': '第 {row} 行的状态“{raw}”不在状态表中，按“推进中”处理；可在状态表里加上这个词。',
  'issue.ledger_bad_deadline': '第 {row} 行的整改时限“{raw}”读不出日期，保留原文，不按时限着色。',
  'issue.ledger_bad_percent': '第 {row} 行“{column}”的“{raw}”不是百分数，已留空。',
  'issue.ledger_bad_date': '第 {row} 行“{column}”的“{raw}”不是具体到日的日期，保留原文。',
  'issue.ledger_bad_value': '第 {row} 行“{column}”的“{raw}”不是数值，保留原文。',
  'issue.ledger_bad_region_code': '第 {row} 行的区划代码“{raw}”不是 6 位或 12 位数字，保留原文。',
  'issue.ledger_row_without_task': '第 {row} 行既没有问题也没有整改措施，未读作任务：{raw}',
};

const en: Record<string, string> = {
  'reason.overdue': '{n} days overdue',
  'reason.behind': '{n} points behind',
  'reason.due': '{n} days to the deadline',
  'reason.dueToday': 'due today',
  'reason.dueThisMonth': 'due this month ({date})',
  'reason.closed': 'closed',
  'reason.suspended': 'suspended',
  'reason.done': 'done',
  'reason.notStarted': 'not started',
  'reason.onTrack': 'on track',
  'reason.ongoing': 'ongoing',
  'reason.join': '; ',
  'issue.ledger_no_task_column': 'No column of problems (tasks) or measures: the headers are {headers}. Say which column holds the problem or task.',
  'issue.ledger_unknown_status': 'Row {row}: the status “{raw}” is not in the status table and counts as in progress; add the word to the table.',
  'issue.ledger_bad_deadline': 'Row {row}: no date could be read from the deadline “{raw}”; the text is kept and the task is not coloured by a deadline.',
  'issue.ledger_bad_percent': 'Row {row}: “{raw}” in “{column}” is not a percentage and was left blank.',
  'issue.ledger_bad_date': 'Row {row}: “{raw}” in “{column}” is not a date to the day; the text is kept.',
  'issue.ledger_bad_value': 'Row {row}: “{raw}” in “{column}” is not a number; the text is kept.',
  'issue.ledger_bad_region_code': 'Row {row}: the division code “{raw}” is not 6 or 12 digits; the text is kept.',
  'issue.ledger_row_without_task': 'Row {row} has neither a problem nor a measure and was not read as a task: {raw}',
};

// English singulars, where the plural would read wrong.
const enOne: Record<string, string> = {
  'reason.overdue': '1 day overdue',
  'reason.behind': '1 point behind',
  'reason.due': '1 day to the deadline',
};

/**
 * A sentence in `locale`, `{name}` filled from `params`.
 * @example ledgerText('zh', 'reason.overdue', { n: 12 }) // '逾期 12 天'
 */
export function ledgerText(locale: LedgerLocale, key: string, params: Record<string, string | number> = {}): string {
  const template = (locale === 'en' && params.n === 1 ? enOne[key] : undefined) ?? (locale === 'en' ? en : zh)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Both catalogues, for a test that checks they hold the same keys. */
export const LEDGER_MESSAGES: Readonly<Record<LedgerLocale, Readonly<Record<string, string>>>> = { zh, en };
