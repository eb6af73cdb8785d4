import { beforeAll, describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/app/import/issue-text';
import { issuesToCsvBytes } from '../../../src/app/dashboard/downloads';
import { loadLocale, translate } from '../../../src/domain/messages';
import type { ImportIssue } from '../../../src/domain/types';

beforeAll(() => loadLocale('en'));

const stored: ImportIssue = {
  row: 96,
  column: '2024年',
  severity: 'error',
  code: 'not_a_number',
  message: '第 96 行“2024年”列的“abc”不是数字，未导入该值。',
  raw: 'abc',
  params: { row: 96, column: '2024年', raw: 'abc' },
};

describe('issueMessage', () => {
  it.each([
    ['a stored issue, read in English', stored, 'en', 'Row 96, column "2024年": "abc" is not a number; the value was not imported.'],
    ['the same, read in Chinese', stored, 'zh', '第 96 行“2024年”列的“abc”不是数字，未导入该值。'],
    ['stored before issues carried their values: the sentence as stored', { ...stored, params: undefined }, 'en', stored.message],
    ['an unknown code: the sentence as stored', { ...stored, code: 'from_a_newer_build' }, 'en', stored.message],
  ] as const)('%s', (_, issue, locale, expected) => {
    const before = JSON.parse(JSON.stringify(issue));
    expect(issueMessage(issue, locale)).toBe(expected);
    expect(issue).toEqual(before);
  });

  it('the downloaded list is in the reader’s language too', () => {
    const t = (key: string) => translate('en', key);
    const text = new TextDecoder().decode(issuesToCsvBytes([stored], { t, locale: 'en' }));
    expect(text).toContain('is not a number');
    expect(text).not.toContain('不是数字');
  });
});
