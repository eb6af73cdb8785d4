import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/domain/types';
import {
  burnUp,
  byStatus,
  byUrgency,
  countColours,
  filterChoices,
  filterTasks,
  matrix,
  rankGroups,
  taskCompletion,
  urgentLists,
  type BoardTask,
  type Task,
} from '../../../src/ledger';

type T = BoardTask & Partial<Task> & { name: string };
const t = (name: string, over: Partial<T> = {}): T => ({ name, title: name, status: 'in-progress', light: { colour: 'green', reason: '按期推进' }, ...over });

const tasks: T[] = [
  t('a', { unit: '水务局', category: '巡视', region: '沧州市', deadline: '2024-06-30', light: { colour: 'red', reason: '逾期 12 天' } }),
  t('b', { unit: '农业局', category: '审计', region: '道里区', deadline: '2024-07-15', light: { colour: 'yellow', reason: '距时限 3 天' } }),
  t('c', { unit: '水务局', category: '巡视', region: '沧州市', status: 'closed', closedOn: '2024-05-02', deadline: '2024-06-30', light: { colour: 'grey', reason: '已销号' } }),
  t('d', { unit: '农业局', status: 'done', deadline: '2024-05-31' }),
  t('e', { unit: '水务局', category: '巡视', region: '沧州市', deadline: '2024-06-01', light: { colour: 'red', reason: '逾期 41 天' } }),
  t('f', { ongoing: true, deadline: undefined }),
];

describe('board', () => {
  it.each([
    { filter: {}, names: ['a', 'b', 'c', 'd', 'e', 'f'] },
    { filter: { unit: '水务局' }, names: ['a', 'c', 'e'] },
    { filter: { unit: '' }, names: ['f'] },
    { filter: { category: '审计' }, names: ['b'] },
    { filter: { region: '沧州市', month: '2024-06' }, names: ['a', 'c', 'e'] },
    { filter: { month: '2024-05' }, names: ['d'] },
  ])('filters by $filter', ({ filter, names }) => {
    expect(filterTasks(tasks, filter).map((x) => x.name)).toEqual(names);
  });

  it('offers each filter value once, blanks as ""', () => {
    expect(filterChoices(tasks)).toEqual({
      units: ['', '农业局', '水务局'],
      categories: ['', '审计', '巡视'],
      regions: ['', '沧州市', '道里区'],
      months: ['2024-05', '2024-06', '2024-07'],
    });
  });

  it('lists overdue (most days first) and due soon, open tasks only', () => {
    const { overdue, dueSoon } = urgentLists(tasks, '2024-07-12', 7);
    expect(overdue.map((x) => [x.task.name, x.days])).toEqual([
      ['e', 41],
      ['a', 12],
    ]);
    expect(dueSoon.map((x) => [x.task.name, x.days])).toEqual([['b', 3]]);
  });

  it('orders worst colour first, the ledger order kept within a colour', () => {
    expect(byUrgency(tasks).map((x) => x.name)).toEqual(['a', 'e', 'b', 'd', 'f', 'c']);
  });

  it('groups by status column with counts, and in a region × category matrix', () => {
    const columns = byStatus(tasks);
    expect(columns.map((c) => [c.status, c.tasks.length])).toEqual([
      ['in-progress', 4],
      ['done', 1],
      ['closed', 1],
    ]);
    expect(columns[0].counts).toEqual({ red: 2, yellow: 1, green: 1, grey: 0 });
    const m = matrix(tasks);
    const r = m.regions.indexOf('沧州市');
    const c = m.categories.indexOf('巡视');
    expect(m.cells[r][c].counts).toEqual({ red: 2, yellow: 0, green: 0, grey: 1 });
    expect(countColours(tasks)).toEqual({ red: 2, yellow: 1, green: 2, grey: 1 });
  });

  it('does not mutate its input', () => {
    const copy = JSON.parse(JSON.stringify(tasks));
    byUrgency(tasks);
    byStatus(tasks);
    matrix(tasks);
    urgentLists(tasks, '2024-07-12', 7);
    burnUp(tasks, '2024-07-12');
    rankGroups(tasks, 'unit', '2024-07-12');
    expect(JSON.parse(JSON.stringify(tasks))).toEqual(copy);
  });
});

describe('progress', () => {
  it('burns up 销号 against the total, with the 序时 line of tasks due', () => {
    const b = burnUp(tasks, '2024-06-15');
    expect(b.months).toEqual(['2024-05', '2024-06', '2024-07']);
    expect(b.total).toBe(6);
    expect(b.closed).toEqual([1, 1, null]);
    expect(b.rate).toEqual([16.7, 16.7, null]);
    expect(b.due).toEqual([1, 4, 5]);
    expect(b.undated).toBe(0);
  });

  it('counts a closed task without a date from the first month, and says how many', () => {
    const b = burnUp([{ status: 'closed' }, { status: 'in-progress', deadline: '2024-03-31' }], '2024-02-10');
    expect(b.months).toEqual(['2024-02', '2024-03']);
    expect(b.closed).toEqual([1, null]);
    expect(b.undated).toBe(1);
  });

  it('ranks units with who is behind first', () => {
    const rows = rankGroups(
      [
        { status: 'closed', unit: 'A' },
        { status: 'in-progress', unit: 'A', planned: 80, actual: 40 },
        { status: 'in-progress', unit: 'B', deadline: '2024-01-31' },
        { status: 'in-progress', unit: 'C', planned: 50, actual: 50 },
      ],
      'unit',
      '2024-07-12',
    );
    expect(rows.map((r) => [r.name, r.overdue, r.rate])).toEqual([
      ['B', 1, 0],
      ['C', 0, 0],
      ['A', 0, 50],
    ]);
    expect(rows[2]).toMatchObject({ planned: 80, actual: 40, closed: 1, total: 2 });
  });
});

describe('taskCompletion', () => {
  const stored: Observation[] = [
    { region: '沧州市', regionCode: '130900', indicator: '地下水压采量', period: '2020', value: 0.8e8, unit: '立方米' },
    { region: '沧州市', regionCode: '130900', indicator: '地下水压采量', period: '2021', value: 1.14e8, unit: '立方米' },
    { region: '衡水市', indicator: '地下水压采量', period: '2022', value: 9e8, unit: '立方米' },
  ];
  it.each([
    { name: 'the latest stored value of its region: 1.14 / 0.92 = 124%', task: { indicator: '地下水压采量', target: 0.92e8, region: '沧州市', regionCode: '130900' }, expected: { percent: 123.9, met: true, from: 'dataset', period: '2021' } },
    { name: 'by name when it has no code', task: { indicator: '地下水压采量', target: 0.92e8, region: '沧州市' }, expected: { current: 1.14e8, from: 'dataset' } },
    { name: 'the ledger’s 当前值 when no dataset has it', task: { indicator: '其他', target: 10, current: 5 }, expected: { percent: 50, met: false, from: 'ledger' } },
  ])('$name', ({ task, expected }) => {
    expect(taskCompletion(task, stored)).toMatchObject(expected);
  });
  it('has none without a target', () => {
    expect(taskCompletion({ indicator: '地下水压采量', region: '沧州市' }, stored)).toBeUndefined();
  });
  it('meets a lower-is-better target at or below it', () => {
    expect(taskCompletion({ target: 50, current: 45 }, [], true)?.met).toBe(true);
  });
});
