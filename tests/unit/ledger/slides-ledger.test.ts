import { describe, expect, it } from 'vitest';
import { buildLedgerSlide, CARDS_SHOWN, OVERDUE_SHOWN, type LedgerBoardSlide, type LedgerSummarySlide } from '../../../src/views/slides-ledger';
import { ledgerSnapshot, readLedgerSnapshot, type LedgerSlideSource, type LedgerSlideTask } from '../../../src/ledger/slide-snapshot';
import { buildChartDocument, readChartDocument } from '../../../src/standalone/document';
import { buildDocumentItems } from '../../../src/standalone/build-charts';
import { addMessages } from '../../../src/domain/messages/index';
import { en } from '../../../src/domain/messages/en/index';

addMessages('en', en);

const TODAY = '2024-07-12';
const task = (title: string, over: Partial<LedgerSlideTask> = {}): LedgerSlideTask => ({ title, status: 'in-progress', ...over });
const source = (tasks: LedgerSlideTask[], over: Partial<LedgerSlideSource> = {}): LedgerSlideSource => ({ name: '示例整改台账', today: TODAY, tasks, ...over });
const summary = (s: LedgerSlideSource, locale: 'zh' | 'en' = 'zh') => buildLedgerSlide('summary', s, locale) as LedgerSummarySlide;
const board = (s: LedgerSlideSource, locale: 'zh' | 'en' = 'zh') => buildLedgerSlide('board', s, locale) as LedgerBoardSlide;
const numbers = (m: LedgerSummarySlide) => Object.fromEntries(m.numbers.map((n) => [n.id, n.value]));

const HOSTILE = '<img src=x onerror="alert(1)">=HYPERLINK("http://x")';

describe('the summary slide', () => {
  it.each([
    {
      name: 'each task in one number; 已销号 counted as done and said apart',
      tasks: [
        task('a', { status: 'done' }),
        task('b', { status: 'closed' }),
        task('c', { deadline: '2024-06-30' }),
        task('d', { deadline: '2024-12-31' }),
        task('e', { status: 'not-started' }),
        task('f', { status: 'returned', deadline: '2024-07-11' }),
        task('g', { status: 'suspended', deadline: '2024-01-01' }),
      ],
      counts: { done: 2, 'in-progress': 2, overdue: 2 },
      closed: '其中已销号 1',
    },
    {
      name: 'the deadline day itself is not overdue; 长期坚持 never is',
      tasks: [task('a', { deadline: TODAY }), task('b', { ongoing: true })],
      counts: { done: 0, 'in-progress': 2, overdue: 0 },
      closed: '其中已销号 0',
    },
    { name: 'an empty ledger', tasks: [], counts: { done: 0, 'in-progress': 0, overdue: 0 }, closed: '其中已销号 0' },
  ])('$name', ({ tasks, counts, closed }) => {
    const m = summary(source(tasks));
    expect(numbers(m)).toEqual(counts);
    expect(m.numbers[0]?.note).toBe(closed);
  });

  it('lists the overdue tasks most days late first, with the days and the unit', () => {
    const m = summary(
      source([
        task('三天', { deadline: '2024-07-09', unit: '水务局' }),
        task('四十一天', { deadline: '2024-06-01' }),
        task('十二天', { deadline: '2024-06-30', unit: '农业农村局' }),
      ]),
    );
    expect(m.overdue).toEqual([
      { title: '四十一天', late: '逾期 41 天' },
      { title: '十二天', late: '逾期 12 天', unit: '农业农村局' },
      { title: '三天', late: '逾期 3 天', unit: '水务局' },
    ]);
    expect(m.more).toBeUndefined();
    expect(m.none).toBeUndefined();
  });

  it.each([
    { overdue: OVERDUE_SHOWN, shown: OVERDUE_SHOWN, more: undefined },
    { overdue: OVERDUE_SHOWN + 1, shown: OVERDUE_SHOWN, more: '另有 1 项逾期任务，见台账。' },
    { overdue: 20, shown: OVERDUE_SHOWN, more: `另有 ${20 - OVERDUE_SHOWN} 项逾期任务，见台账。` },
  ])('$overdue overdue tasks: $shown named, then "另有 n 项"', ({ overdue, shown, more }) => {
    const tasks = Array.from({ length: overdue }, (_, i) => task(`t${i}`, { deadline: `2024-06-${String(i + 1).padStart(2, '0')}` }));
    const m = summary(source(tasks));
    expect(m.overdue).toHaveLength(shown);
    expect(m.overdue[0]?.title).toBe('t0');
    expect(m.more).toBe(more);
    expect(numbers(m).overdue).toBe(overdue);
  });

  it('says so when nothing is overdue, and says the day and the count', () => {
    const m = summary(source([task('a', { status: 'done' })]));
    expect(m.none).toBe('没有逾期任务。');
    expect(m.overdue).toEqual([]);
    expect(m.subtitle).toBe('示例整改台账 · 数据截至 2024-07-12 · 共 1 项任务');
  });

  it('marks the sample as sample data', () => {
    expect(summary(source([], { sample: true })).sample).toContain('示例数据');
    expect(summary(source([])).sample).toBeUndefined();
  });

  it('speaks English', () => {
    const m = summary(source([task('a', { deadline: '2024-06-30' })]), 'en');
    expect(m.numbers.map((n) => n.label)).toEqual(['Done', 'In progress', 'Overdue']);
    expect(m.subtitle).toBe('示例整改台账 · Data as of 2024-07-12 · 1 tasks');
  });

  it('keeps hostile task names as text, exactly as written', () => {
    const m = summary(source([task(HOSTILE, { deadline: '2024-07-01', unit: '<b>单位</b>' })], { name: '<script>台账</script>' }));
    expect(m.overdue[0]).toEqual({ title: HOSTILE, late: '逾期 11 天', unit: '<b>单位</b>' });
    expect(m.subtitle.startsWith('<script>台账</script> · ')).toBe(true);
  });

  it('does not change its input', () => {
    const tasks = [task('a', { deadline: '2024-06-30' }), task('b', { deadline: '2024-06-01' })];
    const s = source(tasks, { rules: { redBehind: 20 } });
    const before = JSON.stringify(s);
    summary(s);
    board(s);
    expect(JSON.stringify(s)).toBe(before);
    expect(tasks.map((t) => t.title)).toEqual(['a', 'b']);
  });
});

describe('the board slide', () => {
  it('puts tasks in status columns, worst light first, each light in words for the day', () => {
    const m = board(
      source([
        task('绿', { deadline: '2024-12-31' }),
        task('红', { deadline: '2024-06-30' }),
        task('黄', { deadline: '2024-07-15' }),
        task('销号', { status: 'closed' }),
      ]),
    );
    expect(m.columns.map((c) => c.heading)).toEqual(['推进中 · 3', '已销号 · 1']);
    expect(m.columns[0]?.cards).toEqual([
      { title: '红', colour: 'red', word: '红灯 · 逾期 12 天' },
      { title: '黄', colour: 'yellow', word: '黄灯 · 距时限 3 天' },
      { title: '绿', colour: 'green', word: '绿灯 · 按期推进' },
    ]);
    expect(m.counts).toBe('红 1 · 黄 1 · 绿 1 · 灰 1');
  });

  it('colours by the ledger’s rules', () => {
    const behind = [task('a', { planned: 80, actual: 55 })];
    expect(board(source(behind)).columns[0]?.cards[0]?.colour).toBe('yellow');
    expect(board(source(behind, { rules: { redBehind: 20 } })).columns[0]?.cards[0]?.word).toBe('红灯 · 滞后 25 个百分点');
  });

  it(`shows ${CARDS_SHOWN} tasks a column, then counts the rest`, () => {
    const m = board(source(Array.from({ length: CARDS_SHOWN + 3 }, (_, i) => task(`t${i}`))));
    expect(m.columns[0]?.cards).toHaveLength(CARDS_SHOWN);
    expect(m.columns[0]?.more).toBe('+ 3 项');
  });
});

describe('the snapshot a saved page carries', () => {
  const full = {
    title: '问题一',
    status: 'in-progress' as const,
    deadline: '2024-06-30',
    unit: '水务局',
    planned: 80,
    actual: 40,
    person: '张三',
    measures: '措施',
    extra: { 电话: '123' },
    light: { colour: 'red' as const, reason: '逾期', day: TODAY },
  };

  it('carries only what the slides read, and leaves the source alone', () => {
    const tasks = [full, task('长期', { ongoing: true })];
    const before = JSON.stringify(tasks);
    const snap = ledgerSnapshot('board', { name: '台账', today: TODAY, tasks, rules: { redBehind: 20 }, sample: true });
    expect(snap).toEqual({
      show: 'board',
      name: '台账',
      today: TODAY,
      rules: { redBehind: 20 },
      sample: true,
      tasks: [
        { title: '问题一', status: 'in-progress', deadline: '2024-06-30', unit: '水务局', planned: 80, actual: 40 },
        { title: '长期', status: 'in-progress', ongoing: true },
      ],
    });
    expect(JSON.stringify(tasks)).toBe(before);
  });

  it('reads back what it wrote', () => {
    const snap = ledgerSnapshot('summary', source([full, task(HOSTILE)]));
    expect(readLedgerSnapshot(JSON.parse(JSON.stringify(snap)))).toEqual(snap);
  });

  const good = ledgerSnapshot('summary', source([task('a', { deadline: '2024-06-30' })]));
  it.each([
    ['not an object', '台账'],
    ['an unknown slide', { ...good, show: 'matrix' }],
    ['a day that is not a day', { ...good, today: '2024-02-30' }],
    ['an unknown status', { ...good, tasks: [{ title: 'a', status: 'finished' }] }],
    ['a deadline that is not a day', { ...good, tasks: [{ title: 'a', status: 'done', deadline: '2024年底' }] }],
    ['progress as text', { ...good, tasks: [{ title: 'a', status: 'done', actual: '80%' }] }],
    ['a title that is not text', { ...good, tasks: [{ title: { toString: 1 }, status: 'done' }] }],
    ['a rule that is not a number', { ...good, rules: { redBehind: '30' } }],
    ['too many tasks', { ...good, tasks: Array.from({ length: 5001 }, () => ({ title: 'a', status: 'done' })) }],
  ])('rejects %s', (_name, raw) => {
    expect(readLedgerSnapshot(raw)).toBeUndefined();
  });

  it('drops keys it does not know, __proto__ included', () => {
    const raw = JSON.parse('{"show":"board","name":"台账","today":"2024-07-12","tasks":[{"title":"a","status":"done","person":"张三","__proto__":{"polluted":1}}],"extra":1}');
    const read = readLedgerSnapshot(raw);
    expect(read).toEqual({ show: 'board', name: '台账', today: TODAY, tasks: [{ title: 'a', status: 'done' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('goes through a saved deck page: written, read as outside input, built as of its day', () => {
    const snap = ledgerSnapshot('summary', source([task(HOSTILE, { deadline: '2024-07-01' }), task('b', { status: 'done' })]));
    const doc = buildChartDocument({ title: '汇报', locale: 'zh', theme: 'light', charts: [{ text: { title: '汇报', subtitle: '' } }, { ledger: snap }] });
    const read = readChartDocument(JSON.parse(JSON.stringify(doc)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const items = buildDocumentItems(read.document);
    expect(items[1]?.type).toBe('ledger');
    const slide = items[1]?.type === 'ledger' ? summary(items[1].ledger) : undefined;
    expect(slide?.subtitle).toContain('数据截至 2024-07-12');
    expect(slide?.overdue[0]?.title).toBe(HOSTILE);
    expect(slide?.numbers.map((n) => n.value)).toEqual([1, 0, 1]);
  });

  it('a page whose ledger slide was tampered with is not drawn', () => {
    const doc = buildChartDocument({ title: '汇报', locale: 'zh', theme: 'light', charts: [{ ledger: good }] });
    const raw = JSON.parse(JSON.stringify(doc));
    raw.charts[0].ledger.tasks[0].status = 'hacked';
    expect(readChartDocument(raw).ok).toBe(false);
  });
});
