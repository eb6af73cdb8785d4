/** Settings: key → value. */
import { announce, getDb } from './open';

/**
 * One setting's value, or undefined when unset.
 * @example const theme = await getSetting<string>('theme')
 */
export async function getSetting<T = unknown>(key: string): Promise<T | undefined> {
  return (await getDb().settings.get(key))?.value as T | undefined;
}

/**
 * All settings as a Map (keys may be any text, so never a plain object).
 * @example const all = await getSettings()
 */
export async function getSettings(): Promise<Map<string, unknown>> {
  const rows = await getDb().settings.toArray();
  return new Map(rows.map((r) => [r.key, r.value]));
}

/**
 * Set a setting; the value must be structured-cloneable and JSON-writable to survive a backup.
 * @example await putSetting('theme', 'projector')
 */
export async function putSetting(key: string, value: unknown): Promise<void> {
  await getDb().settings.put({ key, value });
  announce({ scope: 'settings', id: key });
}

/**
 * Remove a setting.
 * @example await deleteSetting('theme')
 */
export async function deleteSetting(key: string): Promise<void> {
  await getDb().settings.delete(key);
  announce({ scope: 'settings', id: key });
}
