/**
 * A report chosen or dropped where a table import starts (the top bar's import, the drop area),
 * waiting for the report page to take it. Kept apart from the review's state so that the app's
 * first page does not load the extractor, the division table or the review code.
 */

/** Files opened for review rather than imported as a table: Word and PDF. `.txt` stays a table import. */
const REPORT_FILE = /\.(docx|pdf)$/i;

/**
 * Whether a file chosen for import is a report to review.
 * @example isReportFile('整改进展.docx') // true
 */
export function isReportFile(name: string): boolean {
  return REPORT_FILE.test(name);
}

class ReportHandOff {
  /** The file the report page opens when it next shows; taken once. */
  file = $state.raw<File | undefined>();

  /** Take the waiting file, if any. */
  take(): File | undefined {
    const file = this.file;
    this.file = undefined;
    return file;
  }
}

/** The one hand-off between the import's entry points and the report page. */
export const reportHandOff = new ReportHandOff();
