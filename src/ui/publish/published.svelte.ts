/** What a published folder's page shows about its version; set before the app mounts. */
import type { PublishedState } from '../../publish/viewer';

/** The published version this page shows, or undefined in the app itself. */
export const published = $state<{ current: PublishedState | undefined }>({ current: undefined });
