/**
 * The one message catalogue. Each part (ui, ingest, …) lives in its own file, its English in
 * `en/` with the same keys; a unit test checks that the locales match. Chinese, the default, is
 * always here; English is added when chosen (`loadLocale`), so most users never download it.
 * A part that only later pages use (`*-part.ts`: import issues, exporting and saved pages,
 * ledger, report review, publishing) joins when the code that shows it loads, which keeps it
 * out of the first page.
 */
import { ui } from './ui';
import { charts } from './charts';
import { store } from './store';
import { exporting } from './export';
import { briefing } from './briefing';
import { views } from './views';
import { regions } from './regions';
import { access } from './access';
import { chartsExtra } from './charts-extra';

export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];

type Catalogue = Record<string, string>;

export const messages: Record<Locale, Catalogue> = {
  zh: Object.assign(Object.create(null) as Catalogue, ui, charts, store, exporting, briefing, views, regions, access, chartsExtra),
  en: Object.create(null) as Catalogue,
};

/**
 * Add a locale's messages (the `en/` catalogue): for code that bundles them itself, such as a
 * self-contained page.
 * @example addMessages('en', (await import('./en')).en)
 */
export function addMessages(locale: Locale, catalogue: Catalogue): void {
  Object.assign(messages[locale], catalogue);
}

/**
 * Make `locale`'s messages available; Chinese always is. Until English has arrived, text falls
 * back to Chinese, so callers await this before switching.
 * @example await loadLocale('en'); translate('en', 'app.title') // 'Indicator Dashboard'
 */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' && !messages.en['app.title']) addMessages('en', (await import('./en/index')).en);
}

/**
 * Look up `key` and fill `{name}` placeholders. A missing key shows the key itself, so a gap is
 * visible rather than silent.
 * @example translate('zh', 'import.rows', { n: 3 }) // '3 行'
 */
export function translate(
  locale: Locale,
  key: string,
  params?: Record<string, string | number>,
): string {
  const template = messages[locale][key] ?? messages.zh[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
