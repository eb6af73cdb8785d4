import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_WORDS, mapStatus, type StatusWord, type TaskStatus } from '../../../src/ledger';

describe('mapStatus', () => {
  const cases: [string, TaskStatus | undefined, boolean?][] = [
    ['未启动', 'not-started'],
    ['未开始', 'not-started'],
    ['推进中', 'in-progress'],
    ['正在推进', 'in-progress'],
    ['整改中', 'in-progress'],
    ['持续推进', 'in-progress'],
    ['正在整改', 'in-progress'],
    ['部分完成', 'in-progress'],
    ['基本完成', 'in-progress'],
    ['未完成', 'in-progress'],
    ['已完成', 'done'],
    ['完成整改', 'done'],
    ['已整改', 'done'],
    ['已办结', 'done'],
    ['已完成（待验收）', 'done'],
    ['已完成(待验收)', 'done'],
    ['已完成 （待验收）', 'done'],
    ['待验收', 'done'],
    ['待销号', 'done'],
    ['已销号', 'closed'],
    ['销号', 'closed'],
    ['已验收销号', 'closed'],
    ['退回', 'returned'],
    ['被退回', 'returned'],
    ['重新整改', 'returned'],
    ['中止', 'suspended'],
    ['暂停', 'suspended'],
    ['终止', 'suspended'],
    ['长期坚持', 'in-progress', true],
    // Words inside a sentence: the longest table word not negated.
    ['已于2024年6月完成整改', 'done'],
    ['阶段性任务已办结', 'done'],
    ['正在推进，完成80%', 'in-progress'],
    ['已完成未销号', 'done'],
    ['尚未完成', 'in-progress'],
    // Negated or unknown: no status (the reader warns and counts it in progress).
    ['未销号', undefined],
    ['待完成', undefined],
    ['看情况', undefined],
    ['__proto__', undefined],
    ['', undefined],
    ['   ', undefined],
  ];
  it.each(cases)('%s → %s', (label, status, ongoing) => {
    const m = mapStatus(label);
    expect(m.status).toBe(status);
    expect(m.ongoing === true).toBe(ongoing === true);
  });

  it('takes the status codes themselves, so an exported ledger reads back', () => {
    for (const s of ['not-started', 'in-progress', 'done', 'closed', 'returned', 'suspended'] as const) expect(mapStatus(s).status).toBe(s);
  });

  it('uses a table the user changed, and the input table is not mutated', () => {
    const words: StatusWord[] = [...DEFAULT_STATUS_WORDS.filter((w) => w.word !== '基本完成'), { word: '基本完成', status: 'done' }, { word: '已清仓', status: 'closed' }];
    const copy = JSON.stringify(words);
    expect(mapStatus('基本完成', words).status).toBe('done');
    expect(mapStatus('已清仓', words).status).toBe('closed');
    expect(mapStatus('基本完成').status).toBe('in-progress');
    expect(JSON.stringify(words)).toBe(copy);
  });

  it('every default word maps to its own entry', () => {
    for (const w of DEFAULT_STATUS_WORDS) expect(mapStatus(w.word).status).toBe(w.status);
  });
});
