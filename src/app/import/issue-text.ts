/**
 * An import issue in the reader's language. Issues are stored with their dataset as a code and
 * the values the sentence was built from (`issue.<code>` and `params`); the sentence stored beside
 * them is in the language of the import, and is shown only when the code is unknown or the
 * issue was stored before it carried its values.
 */
import type { ImportIssue } from '../../domain/types';
import '../../domain/messages/ingest-part';
import { messages, translate, type Locale } from '../../domain/messages';

/**
 * @example issueMessage({ code: 'not_a_number', params: { row: 96, column: '2024年', raw: 'abc' }, … }, 'en')
 *   // 'Row 96, column "2024年": "abc" is not a number; the value was not imported.'
 */
export function issueMessage(issue: Pick<ImportIssue, 'code' | 'message' | 'params'>, locale: Locale): string {
  const key = `issue.${issue.code}`;
  if (!issue.params || messages.zh[key] === undefined) return issue.message;
  return translate(locale, key, issue.params);
}
