/** A remote or publishing failure as a sentence in the user's language. */
import '../../domain/messages/publish-part';
// A Parquet file's problem is said with the import issues' sentences (`issue.parquet_*`).
import '../../domain/messages/ingest-part';
import { RemoteError } from '../../remote/range-buffer';
import { ManifestError } from '../../remote/remote-datasets';
import { ParquetFileError } from '../../remote/remote-dataset';

/** What turns a key into a sentence: the app's I18n, or `translate` with a locale. */
export interface Translator {
  t(key: string, params?: Record<string, string | number>): string;
}

/**
 * Why it failed, in words.
 * @example errorText(i18n, new RemoteError('remote_http', { url, status: 404 })) // '服务器返回 HTTP 404'
 */
export function errorText(i18n: Translator, e: unknown): string {
  if (e instanceof RemoteError) return i18n.t(`remote.err.${e.code}`, e.params);
  if (e instanceof ManifestError) return i18n.t(`remote.err.${e.code}`, { detail: e.detail });
  if (e instanceof ParquetFileError) {
    const sentence = i18n.t(`issue.${e.problem.code}`, { name: e.path, detail: '', ...e.problem.params });
    return i18n.t('remote.err.parquet', { path: e.path, sentence });
  }
  return e instanceof Error ? e.message : String(e);
}
