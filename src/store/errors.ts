/** Errors the store throws, each with a stable code that is also a message-catalogue key. */

/** Every code a `StoreError` can carry; each has the message key `store.error.<code>`. */
export const STORE_ERROR_CODES = [
  'quota',
  'not-found',
  'invalid-state',
  'backup-format',
  'backup-version',
  'newer-version',
  'closed',
] as const;

/** Why a store operation failed. Message key: `store.error.<code>`. */
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/**
 * A store failure a person can be told about. `params` fill the message template; for `quota`,
 * `usage` and `quota` are the byte counts from `navigator.storage.estimate()` (null if unknown).
 * @example translate('zh', `store.error.${e.code}`, e.params)
 */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly params: Record<string, string | number>;
  usage: number | null = null;
  quota: number | null = null;

  constructor(code: StoreErrorCode, params: Record<string, string | number> = {}, cause?: unknown) {
    super(`store.error.${code}`, { cause });
    this.name = 'StoreError';
    this.code = code;
    this.params = params;
  }
}

/**
 * Whether an error means the storage quota was exceeded. Chrome reports an `AbortError` with the
 * `QuotaExceededError` in `.inner` (as Dexie wraps it); others report it directly.
 * @example isQuotaError(Object.assign(new Error(), { name: 'AbortError', inner: { name: 'QuotaExceededError' } })) // true
 */
export function isQuotaError(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    const next: unknown = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
    e = next;
  }
  return false;
}

/**
 * Format a byte count for a message.
 * @example formatBytes(1536 * 1024) // '1.5 MB'
 */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return '?';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/**
 * Map a failed write to a `StoreError` when it is one a person must act on (quota), reading
 * the sizes from `navigator.storage.estimate()`; other errors pass through unchanged.
 * @example throw await toStoreError(e)
 */
export async function toStoreError(error: unknown): Promise<unknown> {
  if (error instanceof StoreError || !isQuotaError(error)) return error;
  let usage: number | null = null;
  let quota: number | null = null;
  try {
    const estimate = await globalThis.navigator?.storage?.estimate?.();
    usage = estimate?.usage ?? null;
    quota = estimate?.quota ?? null;
  } catch {
    // No estimate is available (old browser, memory fallback): the message says '?'.
  }
  const e = new StoreError('quota', { usage: formatBytes(usage), quota: formatBytes(quota) }, error);
  e.usage = usage;
  e.quota = quota;
  return e;
}
