import { describe, expect, it } from 'vitest';
import { derived as zh } from '../../../src/domain/messages/derived';
import { derived as en } from '../../../src/domain/messages/en/derived';
import { derivedEntry as zhEntry } from '../../../src/domain/messages/derived-entry';
import { derivedEntry as enEntry } from '../../../src/domain/messages/en/derived-entry';
import { DERIVED_OPERATIONS } from '../../../src/domain/derived-definition';
import { describeDerived, issueText } from '../../../src/analysis/derived';
import type { DerivedIssueCode } from '../../../src/analysis/derived/types';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const both = [
  [zh, en],
  [zhEntry, enEntry],
] as const;

describe('calculated indicators’ messages', () => {
  it.each(both)('have the same keys and placeholders in Chinese and English', (z, e) => {
    expect(Object.keys(e).sort()).toEqual(Object.keys(z).sort());
    for (const key of Object.keys(z)) {
      expect(placeholders(e[key]!)).toEqual(placeholders(z[key]!));
      expect(e[key]!.trim()).not.toBe('');
    }
  });
  it('have a sentence for every issue and a definition and a name for every operation', () => {
    const codes: DerivedIssueCode[] = ['missing_denominator', 'zero_denominator', 'period_mismatch', 'unit_clash', 'not_persons', 'missing_month', 'not_monthly', 'missing_previous', 'missing_target', 'no_parent', 'changes_skipped'];
    for (const code of codes) expect(zh[`derived.issue.${code}`], code).toBeDefined();
    for (const op of DERIVED_OPERATIONS) {
      expect(zh[`derived.op.${op}`], op).toBeDefined();
      expect(zh[`derived.define.${op}`] ?? zh[`derived.define.${op}.set`], op).toBeDefined();
    }
  });
  it('put a definition and an issue into words', () => {
    expect(describeDerived({ name: 'x', operation: 'share', input: '面积', shareOf: 'set', regions: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, 'zh', '%')).toBe(
      '计算指标：面积 占 a、b、c、d、e等2个 合计的比重（%）',
    );
    expect(describeDerived({ name: 'x', operation: 'completion', input: '压采量' }, 'en', '%')).toBe('Calculated: 压采量 ÷ its targets × 100%');
    expect(issueText({ code: 'zero_denominator', count: 3, params: { indicator: '常住人口', region: '道里区', period: '2024' } }, 'zh')).toBe(
      '“常住人口”在 道里区 2024年 为零，无法相除，该处空缺（共 3 处）',
    );
  });
});
