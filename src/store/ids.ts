/** Record ids. */

/**
 * A random id. `crypto.randomUUID` exists only in secure contexts, and an intranet server on
 * plain http is not one, so the id is built from `getRandomValues`, which works everywhere.
 * @example newId('ds') // 'ds-3f9a0c…'
 */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
