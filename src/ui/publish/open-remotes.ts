/**
 * Remote datasets at the app's start: the addresses kept from earlier visits, and one named in
 * the link (`?remote=<manifest address>`, for this visit only). A failure is said in the
 * workspace's notice, and the rest still open.
 */
import type { Workspace } from '../../app/workspace.svelte';
import { savedLocale } from '../../app/i18n.svelte';
import { translate } from '../../domain/messages';
import * as store from '../../store';
import { openKeptRemotes, openRemote } from '../../remote/session';
import { errorText } from './error-text';

/**
 * Open them; resolves when every one has opened or failed.
 * @example await openRemotesAtStart(ws, new URLSearchParams(location.search).get('remote'))
 */
export async function openRemotesAtStart(ws: Workspace, fromLink: string | null): Promise<void> {
  const failed: { url: string; error: unknown }[] = [];
  if ((await store.getRemotes()).length > 0) for (const f of await openKeptRemotes()) failed.push({ url: f.record.url, error: f.error });
  if (fromLink) {
    try {
      await openRemote(fromLink, false);
    } catch (error) {
      failed.push({ url: fromLink, error });
    }
  }
  const first = failed[0];
  if (!first) return;
  // The reason in the language of the moment; the notice's own sentence follows a switch.
  const locale = savedLocale();
  const reason = errorText({ t: (key: string, params?: Record<string, string | number>) => translate(locale, key, params) }, first.error);
  ws.notice = { kind: 'error', key: 'remote.failed', params: { url: first.url, reason } };
}
