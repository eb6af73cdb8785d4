/** Remote datasets the user opened by address: kept so that they open again at the next visit. */
import { announce, getDb } from './open';
import type { RemoteSourceRecord } from './remote-records';
import { remoteOrder } from './orders';

/**
 * Every remote dataset address kept, oldest first.
 * @example const remotes = await getRemotes()
 */
export async function getRemotes(): Promise<RemoteSourceRecord[]> {
  const all = await getDb().remotes.toArray();
  return all.sort(remoteOrder);
}

/**
 * Keep (or replace) a remote dataset's address.
 * @example await putRemote({ id: 'r1', url: 'http://intranet/data/manifest.json', name: '县级月度', addedAt })
 */
export async function putRemote(record: RemoteSourceRecord): Promise<void> {
  await getDb().remotes.put(record);
  announce({ scope: 'remotes', id: record.id });
}

/**
 * Forget a remote dataset's address (its values were never stored).
 * @example await deleteRemote('r1')
 */
export async function deleteRemote(id: string): Promise<void> {
  await getDb().remotes.delete(id);
  announce({ scope: 'remotes', id });
}
