import { describe, expect, it } from 'vitest';
import { buildFootnote, type FootnoteInput } from '../../../src/export/footnote';

describe('buildFootnote', () => {
  const full: FootnoteInput = {
    title: '保护性耕作面积',
    indicator: '保护性耕作面积',
    unit: '万亩',
    period: '2021—2024年',
    source: '哈尔滨市农业农村局',
    exportedAt: '2026-11-24T17:30:00Z',
    timeZone: 'Asia/Shanghai',
    locale: 'zh',
  };

  it('writes title, indicator line and source line in Chinese with the date in the given zone', () => {
    expect(buildFootnote(full)).toEqual([
      '保护性耕作面积',
      '指标：保护性耕作面积 · 单位：万亩 · 时期：2021—2024年',
      '来源：哈尔滨市农业农村局 · 导出于 2026-11-25',
    ]);
  });

  it('writes English labels', () => {
    expect(buildFootnote({ ...full, title: undefined, locale: 'en' })).toEqual([
      'Indicator: 保护性耕作面积 · Unit: 万亩 · Period: 2021—2024年',
      'Source: 哈尔滨市农业农村局 · Exported 2026-11-25',
    ]);
  });

  it('dates the export in the user\'s zone: the same instant is the 24th in Los Angeles', () => {
    expect(buildFootnote({ ...full, timeZone: 'America/Los_Angeles' })[2]).toBe('来源：哈尔滨市农业农村局 · 导出于 2026-11-24');
  });

  it('leaves out empty parts and lines', () => {
    expect(buildFootnote({ exportedAt: '2026-11-24T02:00:00Z', locale: 'zh', unit: ' ', title: '' })).toEqual(['导出于 2026-11-24']);
  });

  it('keeps markup and placeholders as literal text', () => {
    expect(buildFootnote({ source: '<b>{date}</b>', exportedAt: '2026-11-24T02:00:00Z', locale: 'zh' })).toEqual([
      '来源：<b>{date}</b> · 导出于 2026-11-24',
    ]);
  });

  it('does not mutate its input', () => {
    const input = { ...full };
    const copy = structuredClone(input);
    buildFootnote(input);
    expect(input).toEqual(copy);
  });
});
