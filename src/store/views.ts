/** Saved views. */
import { announce, getDb } from './open';
import type { SavedView } from './types';

/**
 * All saved views, by name.
 * @example const views = await getViews()
 */
export async function getViews(): Promise<SavedView[]> {
  const views = await getDb().views.toArray();
  return views.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/**
 * One saved view, or undefined.
 * @example const view = await getView('v1')
 */
export async function getView(id: string): Promise<SavedView | undefined> {
  return getDb().views.get(id);
}

/**
 * Create or overwrite a saved view.
 * @example await putView({ id: 'v1', name: '趋势', spec })
 */
export async function putView(view: SavedView): Promise<void> {
  await getDb().views.put(view);
  announce({ scope: 'views', id: view.id });
}

/**
 * Delete a saved view (decks that refer to it show it as missing).
 * @example await deleteView('v1')
 */
export async function deleteView(id: string): Promise<void> {
  await getDb().views.delete(id);
  announce({ scope: 'views', id });
}
