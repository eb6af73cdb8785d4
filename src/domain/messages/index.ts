/**
 * The one message catalogue. Each part (ui, ingest, …) lives in its own file with the same keys in
 * every locale; a unit test checks that the locales match.
 */
import { ui } from './ui';
import { ingest } from './ingest';
import { charts } from './charts';
import { store } from './store';
import { exporting } from './export';
import { briefing } from './briefing';
import { reports } from './reports';
import { views } from './views';

export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];

type Catalogue = Record<string, string>;

const parts: { zh: Catalogue; en: Catalogue }[] = [ui, ingest, charts, store, exporting, briefing, reports, views];

export const messages: Record<Locale, Catalogue> = {
  zh: Object.assign(Object.create(null) as Catalogue, ...parts.map((p) => p.zh)),
  en: Object.assign(Object.create(null) as Catalogue, ...parts.map((p) => p.en)),
};

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
