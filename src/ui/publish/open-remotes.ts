/**
 * Remote datasets at the app's start: one named in the link (`?remote=<manifest address>`, for
 * this visit only), and the addresses kept from earlier visits. A failure is said in the
 * workspace's notice; the app goes on with what opened.
 */
import type { Workspace } from '../../app/workspace.svelte';
import { savedLocale } from '../../app/i18n.svelte';
import { translate } from '../../domain/messages';
import * as store from '../../store';
import { openKeptRemotes, openRemote } from '../../remote/session';
import { errorText } from './error-text';

/**
 * Open the linked manifest before the workspace is first read; never rejects.
 * @example await openLinkedRemote(ws, 'data/manifest.json')
 */
export async function openLinkedRemote(ws: Workspace, url: string): Promise<void> {
  try {
    await openRemote(url, false);
  } catch (error) {
    tell(ws, url, error);
  }
}

/**
 * Open the kept addresses (the store is open); resolves when each has opened or failed.
 * @example await openKeptAtStart(ws)
 */
export async function openKeptAtStart(ws: Workspace): Promise<void> {
  if ((await store.getRemotes()).length === 0) return;
  const failed = await openKeptRemotes();
  if (failed[0]) tell(ws, failed[0].record.url, failed[0].error);
}

function tell(ws: Workspace, url: string, error: unknown): void {
  // The reason in the language of the moment; the notice's own sentence follows a switch.
  const locale = savedLocale();
  const reason = errorText({ t: (key: string, params?: Record<string, string | number>) => translate(locale, key, params) }, error);
  ws.notice = { kind: 'error', key: 'remote.failed', params: { url, reason } };
}
