/**
 * Issues with sentences from the message catalogue. Parsing never throws on a bad row: it adds
 * one of these and carries on.
 */
import type { ImportIssue } from '../domain/types';
import '../domain/messages/ingest-part';
import { translate, type Locale } from '../domain/messages';

/**
 * Build an issue whose message is `issue.<code>` filled with `params` (plus row, column, raw).
 * @example makeIssue('zh', 'not_a_number', 'error', { row: 5, column: '2024年', raw: 'abc' })
 */
export function makeIssue(
  locale: Locale,
  code: string,
  severity: ImportIssue['severity'],
  at: { row: number; column?: string; raw?: string },
  params: Record<string, string | number> = {},
): ImportIssue {
  const all: Record<string, string | number> = { row: at.row, column: at.column ?? '', raw: at.raw ?? '', ...params };
  const issue: ImportIssue = { row: at.row, severity, code, message: translate(locale, `issue.${code}`, all), raw: at.raw ?? '', params: all };
  if (at.column !== undefined) issue.column = at.column;
  return issue;
}
