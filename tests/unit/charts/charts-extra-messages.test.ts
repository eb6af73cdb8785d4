import { describe, expect, it } from 'vitest';
import { chartsExtra as zh } from '../../../src/domain/messages/charts-extra';
import { chartsExtra as en } from '../../../src/domain/messages/en/charts-extra';
import { messages, translate } from '../../../src/domain/messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the bar charts’ and number format’s messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it.each(Object.keys(zh))('%s has the same placeholders in both languages', (key) => {
    expect(placeholders(en[key]!)).toEqual(placeholders(zh[key]!));
  });

  it('are in the catalogue the first page has', () => {
    expect(messages.zh['chartx.yoy.series']).toBe('同比增速');
    expect(translate('zh', 'chartx.target.none', { indicator: 'A', region: 'B' })).toContain('指标“A”没有B的目标值');
  });
});
