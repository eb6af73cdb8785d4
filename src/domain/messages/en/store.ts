/** English for the `store` part (loaded only when English is chosen); the same keys as ../store.ts. */
export const store: Record<string, string> = {
  'store.error.quota': 'Storage is full ({usage} used of {quota}). The write was cancelled and nothing partial was kept. Delete datasets you no longer need or export a workspace backup, then try again.',
  'store.error.not-found': 'Dataset {id} was not found; it may have been deleted in another tab.',
  'store.error.invalid-state': 'Dataset {id} is "{status}"; this action is not possible.',
  'store.error.backup-format': 'This is not a workspace backup of this app, or the file is damaged ({field}). Nothing was changed.',
  'store.error.backup-version': 'Backup version {version} cannot be read; use a newer version of the app. Nothing was changed.',
  'store.error.newer-version': 'The app was updated in another tab. Reload this page to continue.',
  'store.error.closed': 'The database is not open or was closed. Reload this page.',
  'store.banner.memory': 'This browser does not allow saving data (private mode or blocked storage): data is kept in this page\'s memory only and is lost when it closes. Export a workspace backup before leaving.',
  'store.banner.reload': 'The app was updated in another tab. Reload this page.',
  'store.persist.granted': 'The browser agreed to keep local data.',
  'store.persist.denied': 'The browser did not promise to keep local data; it may be cleared when space runs low. Export a workspace backup regularly.',
  'store.persist.unknown': 'Cannot tell whether the browser will keep local data.',
  'store.usage': '{usage} used of {quota}',
  'store.deleted': 'Deleted "{name}".',
  'store.undo': 'Undo',
  'store.restored': 'Restored {datasets} datasets and {observations} values; {skipped} items already present were kept.',
};
