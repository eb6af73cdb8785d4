/** What a published folder's page shows about its version; set before the app mounts. */
import type { PublishedState } from '../../publish/viewer';

/** The published version this page shows, or undefined in the app itself. */
export const published = $state<{ current: PublishedState | undefined }>({ current: undefined });

/**
 * Whether this page is a published folder's: read-only, so nothing that writes is offered (save
 * view, indicator settings, layout, boundary upload, deck editing). Set before the app mounts.
 */
export function isReadOnly(): boolean {
  return published.current !== undefined;
}
