/** Tables the app offers for download, built from pure exporters. */
import type { ImportIssue } from '../../domain/types';
import type { Locale } from '../../domain/messages';
import { toCsvBytes } from '../../export/csv';
import { issueMessage } from '../import/issue-text';

/**
 * An import's issues as a CSV a user can open in Excel (UTF-8 with BOM, formulas neutralized), in
 * the reader's language.
 * @example issuesToCsvBytes(result.issues, i18n)
 */
export function issuesToCsvBytes(issues: readonly ImportIssue[], i18n: { t: (key: string) => string; locale: Locale }): Uint8Array {
  const header = ['issue.col.row', 'issue.col.column', 'issue.col.severity', 'issue.col.message', 'issue.col.raw'].map(
    (k) => i18n.t(k),
  );
  return toCsvBytes([
    header,
    ...issues.map((i) => [i.row, i.column ?? '', i18n.t(`issue.severity.${i.severity}`), issueMessage(i, i18n.locale), i.raw]),
  ]);
}
