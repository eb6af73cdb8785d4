/**
 * Remote datasets' ids start with `remote:` (the folder's or file's address follows), so a page
 * that lists datasets can tell them from imported ones without loading the remote reader: a
 * remote dataset is read-only here (no rename, delete, new version), only its link is removed.
 */
export const REMOTE_ID_PREFIX = 'remote:';

/** @example isRemoteDatasetId('remote:http://intranet/data/duck') // true */
export function isRemoteDatasetId(id: string): boolean {
  return id.startsWith(REMOTE_ID_PREFIX);
}
