import { describe, expect, it } from 'vitest';
import { assess, DEFAULT_RULES, ledgerText, pointsBehind, type Task } from '../../../src/ledger';
import { LEDGER_MESSAGES } from '../../../src/ledger/messages';

const base: Task = { title: '制定道里区专项规划', status: 'in-progress', statusLabel: '推进中', deadlineLabel: '', extra: {}, source: { row: 3 } };
const task = (over: Partial<Task>): Task => ({ ...base, ...over });

describe('assess: the deadline', () => {
  const due = '2024-06-30';
  const cases: [string, Task['status'], string, string][] = [
    // [today, status, colour, reason]
    ['2024-06-01', 'in-progress', 'green', '按期推进'],
    ['2024-06-22', 'in-progress', 'green', '按期推进'],
    ['2024-06-23', 'in-progress', 'yellow', '距时限 7 天'],
    ['2024-06-27', 'in-progress', 'yellow', '距时限 3 天'],
    ['2024-06-30', 'in-progress', 'yellow', '距时限 0 天（今日到期）'],
    ['2024-07-01', 'in-progress', 'red', '逾期 1 天'],
    ['2024-07-12', 'in-progress', 'red', '逾期 12 天'],
    ['2024-07-12', 'not-started', 'red', '逾期 12 天'],
    ['2024-07-12', 'returned', 'red', '逾期 12 天'],
    ['2024-06-01', 'not-started', 'green', '未启动'],
    ['2024-06-27', 'done', 'green', '已完成'],
    ['2024-07-12', 'done', 'green', '已完成'],
    ['2024-07-12', 'closed', 'grey', '已销号'],
    ['2024-06-27', 'closed', 'grey', '已销号'],
    ['2024-07-12', 'suspended', 'grey', '已中止'],
  ];
  it.each(cases)('today %s, %s → %s (%s)', (today, status, colour, reason) => {
    expect(assess(task({ status, deadline: due }), today)).toEqual({ colour, reason });
  });

  it('counts calendar days across months, leap days and years in UTC', () => {
    expect(assess(task({ deadline: '2024-02-28' }), '2024-03-01').reason).toBe('逾期 2 天');
    expect(assess(task({ deadline: '2023-12-31' }), '2024-01-01').reason).toBe('逾期 1 天');
    expect(assess(task({ deadline: '2024-03-31' }), '2024-03-24').reason).toBe('距时限 7 天');
    // Around the end of daylight saving elsewhere: no local time is involved.
    expect(assess(task({ deadline: '2024-11-03' }), '2024-10-27').colour).toBe('yellow');
  });

  it('ongoing tasks have no deadline colour', () => {
    expect(assess(task({ ongoing: true, deadline: '2024-06-30' }), '2024-07-12')).toEqual({ colour: 'green', reason: '长期坚持' });
    expect(assess(task({ ongoing: true }), '2024-07-12').colour).toBe('green');
  });

  it('a task without a deadline is coloured by progress only', () => {
    expect(assess(task({}), '2024-07-12')).toEqual({ colour: 'green', reason: '按期推进' });
    expect(assess(task({ deadline: 'not a day' }), '2024-07-12').colour).toBe('green');
  });
});

describe('assess: progress against 序时进度', () => {
  const cases: [number, number, string, string][] = [
    // [planned, actual, colour, reason]
    [80, 80, 'green', '按期推进'],
    [80, 90, 'green', '按期推进'],
    [80, 70.5, 'green', '按期推进'],
    [80, 70, 'yellow', '滞后 10 个百分点'],
    [80, 62, 'yellow', '滞后 18 个百分点'],
    [80, 50, 'yellow', '滞后 30 个百分点'],
    [100, 69.9999, 'red', '滞后 30.0001 个百分点'],
    [80, 49.9999, 'red', '滞后 30.0001 个百分点'],
    [80, 49, 'red', '滞后 31 个百分点'],
    [70.1, 40.1, 'yellow', '滞后 30 个百分点'],
    [60, 50.0001, 'green', '按期推进'],
    [60, 47.5, 'yellow', '滞后 12.5 个百分点'],
  ];
  it.each(cases)('planned %s, actual %s → %s', (planned, actual, colour, reason) => {
    expect(assess(task({ planned, actual }), '2024-06-01')).toEqual({ colour, reason });
  });

  it('only one of the two gives no progress colour', () => {
    expect(assess(task({ planned: 80 }), '2024-06-01').colour).toBe('green');
    expect(assess(task({ actual: 10 }), '2024-06-01').colour).toBe('green');
  });

  it('closed is grey however far behind', () => {
    expect(assess(task({ status: 'closed', planned: 100, actual: 0, deadline: '2024-01-01' }), '2024-06-01')).toEqual({ colour: 'grey', reason: '已销号' });
  });

  it('a done task far behind is red (the rule names only closed and done-for-deadlines)', () => {
    expect(assess(task({ status: 'done', planned: 100, actual: 50 }), '2024-06-01').colour).toBe('red');
  });

  it('says every reason, worst first', () => {
    expect(assess(task({ deadline: '2024-06-30', planned: 80, actual: 62 }), '2024-07-12')).toEqual({ colour: 'red', reason: '逾期 12 天；滞后 18 个百分点' });
    expect(assess(task({ deadline: '2024-06-30', planned: 80, actual: 40 }), '2024-06-27')).toEqual({ colour: 'red', reason: '滞后 40 个百分点；距时限 3 天' });
    expect(assess(task({ deadline: '2024-06-30', planned: 80, actual: 62 }), '2024-06-27')).toEqual({ colour: 'yellow', reason: '距时限 3 天；滞后 18 个百分点' });
  });
});

describe('assess: rules and language', () => {
  it('takes the user thresholds over the defaults', () => {
    const t = task({ planned: 80, actual: 62, deadline: '2024-06-30' });
    expect(assess(t, '2024-06-15', { redBehind: 15 }).colour).toBe('red');
    expect(assess(t, '2024-06-15', { yellowBehind: 20 }).colour).toBe('green');
    expect(assess(task({ deadline: '2024-06-30' }), '2024-06-15', { yellowDays: 15 }).reason).toBe('距时限 15 天');
    expect(assess(task({ deadline: '2024-06-30' }), '2024-06-15', { yellowDays: undefined }).colour).toBe('green');
  });

  it('"this month" is yellow only when asked', () => {
    const t = task({ deadline: '2024-06-30' });
    expect(assess(t, '2024-06-02').colour).toBe('green');
    expect(assess(t, '2024-06-02', { yellowSameMonth: true })).toEqual({ colour: 'yellow', reason: '本月到期（2024-06-30）' });
    expect(assess(task({ deadline: '2024-07-02' }), '2024-06-02', { yellowSameMonth: true }).colour).toBe('green');
  });

  it('speaks English when asked, singular and plural', () => {
    expect(assess(task({ deadline: '2024-06-30' }), '2024-07-12', {}, { locale: 'en' }).reason).toBe('12 days overdue');
    expect(assess(task({ deadline: '2024-06-30' }), '2024-07-01', {}, { locale: 'en' }).reason).toBe('1 day overdue');
    expect(assess(task({ planned: 80, actual: 62 }), '2024-06-01', {}, { locale: 'en' }).reason).toBe('18 points behind');
    expect(assess(task({ status: 'closed' }), '2024-06-01', {}, { locale: 'en' }).reason).toBe('closed');
  });

  it('takes today written as a day in other ways', () => {
    expect(assess(task({ deadline: '2024-06-30' }), '2024/7/12').reason).toBe('逾期 12 天');
    expect(assess(task({ deadline: '2024-06-30' }), '2024年7月12日').reason).toBe('逾期 12 天');
  });

  it('refuses a today that is not a calendar day', () => {
    expect(() => assess(task({}), '2024-02-30')).toThrow(RangeError);
    expect(() => assess(task({}), '2024-06-01T00:00:00Z')).toThrow(RangeError);
  });

  it('does not mutate the task or the rules', () => {
    const t = task({ deadline: '2024-06-30', planned: 80, actual: 40 });
    const rules = { redBehind: 25 };
    const before = JSON.stringify([t, rules]);
    assess(t, '2024-07-12', rules);
    expect(JSON.stringify([t, rules])).toBe(before);
    expect(DEFAULT_RULES).toEqual({ redBehind: 30, yellowBehind: 10, yellowDays: 7, yellowSameMonth: false });
  });

  it('pointsBehind removes binary noise', () => {
    expect(pointsBehind({ planned: 70.1, actual: 40.1 })).toBe(30);
    expect(pointsBehind({ planned: 80 })).toBeUndefined();
  });

  it('both languages hold the same keys', () => {
    expect(Object.keys(LEDGER_MESSAGES.en).sort()).toEqual(Object.keys(LEDGER_MESSAGES.zh).sort());
    expect(ledgerText('zh', 'reason.overdue', { n: 12 })).toBe('逾期 12 天');
  });
});
