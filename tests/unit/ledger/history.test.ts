import { describe, expect, it } from 'vitest';
import { historyLines } from '../../../src/app/ledger/history';
import { burnUpOption, exportedChart, indicatorOption } from '../../../src/app/ledger/charts';
import { translate } from '../../../src/domain/messages';
import type { LedgerEventRecord } from '../../../src/store';

const say = (key: string, params?: Record<string, string | number>) => translate('zh', key, params);
const ev = (over: Partial<LedgerEventRecord>): LedgerEventRecord => ({ ledgerId: 'l', taskId: 't', when: '2024-07-12T02:00:00.000Z', kind: 'edit', ...over });

describe('historyLines', () => {
  it.each([
    { name: 'an import', event: ev({ kind: 'import' }), text: '导入' },
    { name: 'a first colour', event: ev({ kind: 'colour', after: { colour: 'green', reason: '按期推进' } }), text: '绿灯（按期推进）' },
    {
      name: 'turning yellow again',
      event: ev({ kind: 'colour', before: { colour: 'green', reason: '按期推进' }, after: { colour: 'yellow', reason: '滞后 15 个百分点' } }),
      text: '绿灯 → 黄灯（滞后 15 个百分点）',
    },
    {
      name: 'a 销号 edit, blanks named',
      event: ev({ before: { status: 'in-progress', closedOn: null, approver: null }, after: { status: 'closed', closedOn: '2024-07-12', approver: '李某' } }),
      text: '状态：推进中 → 已销号；销号日期：空 → 2024-07-12；审批人：空 → 李某',
    },
    { name: 'progress in percent', event: ev({ before: { actual: 60 }, after: { actual: 45 } }), text: '实际进度：60% → 45%' },
  ])('$name', ({ event, text }) => {
    expect(historyLines([event], say)[0].text).toBe(text);
  });

  it('marks an undone edit and keeps the order', () => {
    const lines = historyLines([ev({ seq: 1, undoneBy: 2, before: { actual: 1 }, after: { actual: 2 } }), ev({ seq: 2, kind: 'undo', undoes: 1, before: { actual: 2 }, after: { actual: 1 } })], say);
    expect(lines.map((l) => [l.seq, l.kind, l.undone])).toEqual([
      [1, 'edit', true],
      [2, 'undo', false],
    ]);
  });

  it('does not mutate the events', () => {
    const events = [ev({ before: { actual: 1 }, after: { actual: 2 } })];
    const copy = JSON.parse(JSON.stringify(events));
    historyLines(events, say);
    expect(events).toStrictEqual(copy);
  });
});

describe('burnUpOption', () => {
  it('draws 销号, the 序时 line and the total, without animation', () => {
    const option = burnUpOption({ months: ['2024-05', '2024-06'], total: 4, closed: [1, null], rate: [25, null], due: [1, 3], undated: 0 }, { closed: 'c', due: 'd', total: 't' });
    expect(option.animation).toBe(false);
    const series = option.series as { name: string; data: unknown[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['c', [1, null]],
      ['d', [1, 3]],
      ['t', [4, 4]],
    ]);
  });
});

describe('exportedChart', () => {
  const option = burnUpOption({ months: ['2024-05'], total: 2, closed: [1], rate: [50], due: [2], undated: 0 }, { closed: 'c', due: 'd', total: 't' });
  it('titles the picture with what and when, and moves the legend and plot under the title', () => {
    const picture = exportedChart(option, '台账 · 销号进度', '数据截至 2024-07-12');
    expect(picture.title).toMatchObject({ text: '台账 · 销号进度', subtext: '数据截至 2024-07-12' });
    expect((picture.legend as { top: number }).top).toBe(64);
    expect((picture.grid as { top: number }).top).toBe(104);
    expect(picture.backgroundColor).toBe('#ffffff');
    expect(picture.series).toBe(option.series);
  });
  it('does not change the option on the page', () => {
    const copy = JSON.parse(JSON.stringify(option));
    exportedChart(option, 'a', 'b');
    expect(JSON.parse(JSON.stringify(option))).toStrictEqual(copy);
  });
});

describe('indicatorOption', () => {
  it('draws values as bars from zero and the target with visible points, even for one period', () => {
    const option = indicatorOption([{ period: '2021', value: 1.14 }], { value: 'v', target: 't' }, 0.92);
    const series = option.series as { type: string; data: number[]; symbol?: string }[];
    expect(series.map((s) => [s.type, s.data])).toEqual([
      ['bar', [1.14]],
      ['line', [0.92]],
    ]);
    expect(series[1].symbol).not.toBe('none');
    expect((option.yAxis as { scale?: boolean }).scale).toBeUndefined();
  });
  it('draws no target without one', () => {
    expect((indicatorOption([{ period: '2021', value: 1 }], { value: 'v', target: 't' }, undefined).series as unknown[]).length).toBe(1);
  });
});
