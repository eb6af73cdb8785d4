/**
 * The import issues' sentences are not in the first page's catalogue (initial JS): they join it
 * with the code that says them. Each such code, loaded alone in a fresh module graph, has them.
 */
import { describe, expect, it, vi } from 'vitest';

describe('the import issues’ sentences come with the code that says them', () => {
  it.each([
    ['makeIssue (the readers, the import worker)', async () => {
      const { makeIssue } = await import('../../../src/ingest/issues');
      return makeIssue('zh', 'not_a_number', 'error', { row: 96, column: '2024年', raw: 'abc' }).message;
    }],
    ['issueMessage (the issue list, downloads, the ledger page)', async () => {
      const { issueMessage } = await import('../../../src/app/import/issue-text');
      return issueMessage({ code: 'not_a_number', message: 'stored', params: { row: 96, column: '2024年', raw: 'abc' } }, 'zh');
    }],
    ['errorText (a remote Parquet file’s problem)', async () => {
      const { errorText } = await import('../../../src/ui/publish/error-text');
      const { ParquetFileError } = await import('../../../src/remote/remote-dataset');
      const { translate } = await import('../../../src/domain/messages');
      return errorText({ t: (key, params) => translate('zh', key, params) }, new ParquetFileError({ code: 'parquet_bad_file', params: {} }, 'a.parquet'));
    }],
  ])('%s', async (_, say) => {
    vi.resetModules();
    const text = await say();
    expect(text).not.toMatch(/issue\./);
    expect(text).not.toBe('stored');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
  });
});
