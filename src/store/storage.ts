/** Storage use and persistence, as the browser reports them. */
import { isPersistent } from './open';
import type { StorageInfo } from './types';

/**
 * Storage use (`navigator.storage.estimate()`), whether the browser promised to keep the data,
 * and whether the database is on disk at all.
 * @example const { usage, quota } = await getStorageInfo()
 */
export async function getStorageInfo(): Promise<StorageInfo> {
  const storage = globalThis.navigator?.storage;
  let usage: number | null = null;
  let quota: number | null = null;
  let persisted: boolean | null = null;
  try {
    const estimate = await storage?.estimate?.();
    usage = estimate?.usage ?? null;
    quota = estimate?.quota ?? null;
    persisted = (await storage?.persisted?.()) ?? null;
  } catch {
    // Some browsers refuse these in private mode; the UI shows "unknown".
  }
  return { usage, quota, persisted, persistent: isPersistent() };
}

/**
 * Ask the browser to keep the data under storage pressure (call after the first import).
 * Returns its answer, or null when the API is missing.
 * @example const granted = await requestPersistence()
 */
export async function requestPersistence(): Promise<boolean | null> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return null;
  try {
    return await storage.persist();
  } catch {
    return null;
  }
}
