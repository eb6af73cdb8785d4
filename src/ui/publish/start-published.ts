/**
 * The start of a published folder's page (main.ts hands over when index.html carries the
 * published meta tag): open the folder read-only, then mount the app. From file:// it says why
 * it cannot, in a sentence, instead of a white page.
 */
import '../../domain/messages/publish-part';
import { mount } from 'svelte';
import { openPublished } from '../../publish/viewer';
import { savedLocale } from '../../app/settings/i18n.svelte';
import { loadLocale, translate } from '../../domain/messages';
import { published } from './published.svelte';
import { errorText } from './error-text';

/**
 * Open the published manifest at `path` and mount the app on `target`.
 * @example await startPublished(document.getElementById('app')!, 'manifest.json')
 */
export async function startPublished(target: HTMLElement, path: string): Promise<void> {
  const locale = savedLocale();
  await loadLocale(locale);
  if (location.protocol === 'file:') return say(target, translate(locale, 'published.fileProtocol'));
  try {
    published.current = await openPublished(path, (state) => (published.current = state));
  } catch (e) {
    const i18n = { t: (key: string, params?: Record<string, string | number>) => translate(locale, key, params) };
    return say(target, translate(locale, 'published.failed', { reason: errorText(i18n, e) }));
  }
  const { default: App } = await import('../App.svelte');
  mount(App, { target });
}

function say(target: HTMLElement, sentence: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.className = 'panel failure';
  p.textContent = sentence;
  target.replaceChildren(p);
}
