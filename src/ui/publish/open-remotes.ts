/**
 * Remote datasets at the app's start: the addresses kept from earlier visits, and one named in
 * the link (`?remote=<manifest address>`, for this visit only). A failure is said in the
 * workspace's notice; the app goes on with what opened.
 */
import '../../domain/messages/publish-part';
import type { Workspace } from '../../app/workspace.svelte';
import { savedLocale } from '../../app/settings/i18n.svelte';
import { translate } from '../../domain/messages';
import * as store from '../../store';
import { openKeptRemotes, openRemote, startOpening } from '../../remote/session';
import { errorText } from './error-text';

export { startOpening };

/**
 * Open the kept addresses and the linked one before the workspace is first read; never rejects
 * (a failure is the workspace's notice). `opening`: the linked one's, started already (`startOpening`).
 * @example await openAtStart(ws, await store.getRemotes(), 'data/manifest.json')
 */
export async function openAtStart(
  ws: Workspace,
  kept: readonly store.RemoteSourceRecord[],
  linked: string | null,
  opening?: ReturnType<typeof startOpening>,
): Promise<void> {
  const failed = kept.length > 0 ? await openKeptRemotes() : [];
  if (failed[0]) tell(ws, failed[0].record.url, failed[0].error);
  if (!linked) return;
  try {
    await openRemote(linked, false, opening);
  } catch (error) {
    tell(ws, linked, error);
  }
}

function tell(ws: Workspace, url: string, error: unknown): void {
  // The reason in the language of the moment; the notice's own sentence follows a switch.
  const locale = savedLocale();
  const reason = errorText({ t: (key: string, params?: Record<string, string | number>) => translate(locale, key, params) }, error);
  ws.notice = { kind: 'error', key: 'remote.failed', params: { url, reason } };
}
